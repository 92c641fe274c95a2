'use strict';
// Running the app. A bundled app (packed, or `jspack run`) is one CommonJS
// module: in an app snapshot it was compiled (eagerly, never run) at pack
// time by prepareApp, and at startup runMain fills in this run's process
// facts and calls it. A bare runtime run like `node` (main.cc's node
// command) loads the script from disk, evaluates -e/-p code, or reads the
// script from stdin, after the -r and --import preloads.

const binding = internalBinding('module');
const process = require('../../process');
const { setAppScriptName, setAppDirectory } = require('../source_map');
const {
  setMainModuleAwaiting, reportUncaught,
} = require('../process/execution');
const { configureWarnings } = require('../process/warning');
const { dirname, resolve } = require('../../path');
const cjs = require('./cjs');
const builtins = require('./builtins');
const esm = require('./esm');
const startupSnapshot = require('../startup_snapshot');

// process.js's once-per-run setup; a snapshot made by `jspack
// --build-snapshot` ran it at pack time, and each start runs it again.
const setupRun = process._setupRun;

const { Module } = cjs;
let appMain;
let appComposite = false;

// A bundle made by this jspack returns its entries (see runBundle); a plain
// CommonJS body (a hand-made payload) is the main entry itself.
function isComposite(source) {
  return source.startsWith('return { main: ');
}

// Pack time: compile the bundle, every function eagerly, without running it,
// and load the builtins it names, so the app snapshot holds them evaluated.
function prepareApp(source, filename) {
  appComposite = isComposite(source);
  appMain = binding.compileFunction(source, filename, true);
  setAppScriptName(filename);
  for (const id of namedBuiltins(source)) builtins.loadBuiltin(id);
  if (kWebFetch.test(source) && makeCodeCaches !== undefined) {
    makeCodeCaches('internal/fetch/index', /\/llhttp\//);
  }
  warmStartup();
}

// A bundle that calls fetch() or makes one of the classes that come with it
// gets V8 code caches of undici's modules, and of the builtins they require
// that the snapshot does not hold, in its snapshot: loading undici at run
// time then reads bytecode instead of parsing about 1 MB of source (most of
// a first fetch's wait). Evaluating undici at pack time instead made every
// start 10 ms slower (its objects were most of a 1.9 MB larger snapshot);
// the caches are plain bytes. As with the builtins, a name the app never
// reaches costs snapshot bytes only. (undici's llhttp modules are one base64
// string each: as big in a cache as in the source, and quick to compile.)
const kWebFetch = /\bfetch\s*\(|\bnew\s+(?:Request|Response|Headers|FormData|WebSocket|EventSource)\b/;
let makeCodeCaches;
function setCodeCacheMaker(fn) {
  makeCodeCaches = fn;
}

// The builtins a bundle names in require('x'), import('x') or `from 'x'`
// (esbuild leaves those calls as written). A name in a branch the app never
// takes is loaded too: that costs snapshot bytes, never behaviour, since a
// builtin's top level only defines things.
function namedBuiltins(source) {
  const ids = new Set();
  const pattern = /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s*)(["'])(?:node:)?([a-z_][a-z0-9_/]*)\1/g;
  for (const match of source.matchAll(pattern)) {
    if (builtins.hasBuiltin(match[2])) ids.add(match[2]);
  }
  return ids;
}

// Pack time: runs the pure helpers of a packed app's start once, so the app
// snapshot holds their bytecode and a start compiles none of them. Nothing
// here reads the environment or keeps state; runMain does it all again.
function warmStartup() {
  readOptions([]);
  const module = new Module('/jspack/app.js', undefined);
  module.paths = Module._nodeModulePaths(dirname('/jspack/app.js'));
  cjs.makeRequireFunction(module);
  fileUrl('/jspack/app.js');
}

// file:// URL of an absolute path, percent-encoded as Node's pathToFileURL.
function fileUrl(path) {
  return `file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`;
}

// The node options of this run (main.cc parsed them) as one record.
function readOptions(pairs) {
  const options = {
    conditions: [], require: [], import: [], print: false,
    inputType: 'commonjs',
  };
  for (const [name, value] of pairs) {
    switch (name) {
      case '--require': options.require.push(value); break;
      case '--import': options.import.push(value); break;
      case '--conditions': options.conditions.push(value); break;
      case '--print': options.print = true; break;
      case '--input-type': options.inputType = value; break;
      case '--no-deprecation': process.noDeprecation = true; break;
      case '--throw-deprecation': process.throwDeprecation = true; break;
      case '--trace-deprecation': process.traceDeprecation = true; break;
      case '--no-warnings': options.silent = true; break;
      case '--trace-warnings': options.trace = true; break;
      case '--title': process.title = value; break;
      case '--env-file': options.envFile = value; break;
      case '--preserve-symlinks': options.preserveSymlinks = true; break;
      case '--experimental-websocket':
      case '--experimental-eventsource':
      case '--no-experimental-fetch':
        require('../fetch/flags').applyFetchFlag(name);
        break;
      case '--preserve-symlinks-main':
        options.preserveSymlinksMain = true;
        break;
      default: break;
    }
  }
  return options;
}

// --env-file: variables already in the environment win, as in Node.
function loadEnvFile(path) {
  const { parseEnv } = require('../../util');
  const text = binding.readSource(resolve(path));
  if (typeof text !== 'string') {
    const { writeString } = internalBinding('stdio');
    writeString(2, `${process.argv0}: ${path}: not found\n`);
    process.exit(9);
  }
  const values = parseEnv(text);
  for (const key of Object.keys(values)) {
    if (process.env[key] === undefined) process.env[key] = values[key];
  }
}

// Waits for the main ES module's evaluation: a rejection is an uncaught
// error, and an empty loop meanwhile is an unsettled top-level await.
function awaitMain(promise) {
  setMainModuleAwaiting(true);
  promise.then(() => {
    setMainModuleAwaiting(false);
  }, (err) => {
    setMainModuleAwaiting(false);
    reportUncaught(err, true);
  });
}

// A packed app's other entry points. The bundle (packer/esbuild.cc
// BundleApp) is a function body returning { main, entries } without running
// any; each entry sits at its path relative to the main entry's directory,
// which in a packed app is the executable's directory (process.argv[1] is
// <dir of the app>/<entry name>), so `__dirname` and `import.meta.url` of
// bundled code name the same virtual files that fork() and new Worker() are
// then given. A fork() of the app itself passes the target it was asked for
// in this variable; the child takes it out of its environment at once, so
// it never reaches the app or its own children.
const kForkTargetVariable = 'JSPACK_FORK_TARGET';
const kEntryExtensions = ['', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts',
  '.jsx', '.tsx'];
let bundle = null;  // { root, main, entries, packed } once the app runs

function entryPath(key) {
  return key === '' ? bundle.mainFile : resolve(bundle.root, key);
}

// The entry key ('' for the main one) that an absolute path names, as it
// would resolve on disk (with or without its extension), or undefined.
function findEntry(file) {
  if (bundle === null) return undefined;
  const keys = ['', ...Object.keys(bundle.entries)];
  for (const ext of kEntryExtensions) {
    for (const key of keys) {
      if (entryPath(key) === file + ext) return key;
    }
  }
  return undefined;
}

// For fork() and new Worker() in this process: the bundled entry `file`
// (absolute, or relative to `cwd`) names, as [key, its path], or undefined
// when the process is no app or the file is not in it. A relative path that
// is not on disk also counts relative to the app's directory (the
// executable's), where the bundled files appear to be.
function bundledEntry(file, cwd) {
  if (bundle === null) return undefined;
  const absolute = resolve(cwd, file);
  let key = findEntry(absolute);
  if (key === undefined && !require('../../path').isAbsolute(file) &&
      !existsOnDisk(absolute)) {
    key = findEntry(resolve(bundle.root, file));
  }
  return key === undefined ? undefined : [key, entryPath(key)];
}

function existsOnDisk(file) {
  try {
    Module._resolveFilename(file, null, true);
    return true;
  } catch {
    return false;
  }
}

// True in a packed executable: process.execPath runs this app again, so
// fork() spawns it with the target in kForkTargetVariable.
function isPackedApp() {
  return bundle !== null && bundle.packed;
}

function runEntry(fn, filename) {
  const module = new Module('.', undefined);
  module.filename = filename;
  module.path = dirname(filename);
  module.paths = Module._nodeModulePaths(module.path);
  cjs.Module._cache[filename] = module;
  process.mainModule = module;
  // The bundle's require(): builtins, else files on disk from the entry's
  // directory.
  const appRequire = cjs.makeRequireFunction(module);
  fn.call(module.exports, module.exports, appRequire, module, filename,
          dirname(filename), fileUrl(filename));
  module.loaded = true;
}

// What a forked copy of the app was asked to run: a bundled entry, else the
// file on disk (the loader's MODULE_NOT_FOUND when there is none), as
// `node file` would.
function runForkTarget(target) {
  const found = bundledEntry(target, process.cwd());
  if (found === undefined) {
    runFile(resolve(process.cwd(), target));
    return;
  }
  const [key, filename] = found;
  process.argv[1] = filename;
  runEntry(key === '' ? bundle.main : bundle.entries[key], filename);
}

// `worker` is set in a worker thread started on a bundled entry: { mainFile,
// key } (mainFile: the main entry's path, process.argv[1] of the process).
function runBundle(source, isModule, worker) {
  const mainFile = worker === undefined ? process.argv[1] :
    worker.mainFile;
  const root = dirname(mainFile);
  let target;
  if (worker === undefined && process.env[kForkTargetVariable] !== undefined) {
    target = process.env[kForkTargetVariable];
    delete process.env[kForkTargetVariable];
  }
  setAppDirectory(root);
  bundle = {
    root, mainFile, main: undefined, entries: { __proto__: null },
    packed: dirname(process.execPath) === root,
  };
  if (isModule) {
    // A fork of the main entry itself (cluster.fork()) runs the module
    // again; any other target is a file on disk.
    const found = target === undefined ? undefined : bundledEntry(target, process.cwd());
    if (target !== undefined && (found === undefined || found[0] !== '')) {
      runForkTarget(target);
      return;
    }
    setAppScriptName(mainFile);
    awaitMain(binding.runModule(source, mainFile));
    return;
  }
  let fn = appMain;
  let composite = appComposite;
  if (source !== undefined) {
    fn = binding.compileFunction(source, mainFile, false);
    composite = isComposite(source);
    setAppScriptName(mainFile);
  }
  appMain = undefined;
  if (composite) {
    // Running the composite defines the entries and runs none of them.
    const parts = fn.call(undefined);
    bundle.main = parts.main;
    if (parts.entries !== undefined) bundle.entries = parts.entries;
  } else {
    bundle.main = fn;
  }
  if (worker !== undefined) {
    const filename = process.argv[1];
    runEntry(worker.key === '' ? bundle.main : bundle.entries[worker.key],
             filename);
  } else if (target !== undefined) {
    runForkTarget(target);
  } else {
    runEntry(bundle.main, mainFile);
  }
}

// As in Node's -e and -p, every builtin module with a plain name that is
// not already a global is one, loaded when first read; assigning to it
// makes an ordinary property.
function exposeBuiltins() {
  for (const id of builtins.builtinModules) {
    if (id[0] === '_' || id.includes('/') || id in globalThis) continue;
    // Builtins jspack does not have stay undefined rather than throwing;
    // the others are evaluated only when read.
    if (!builtins.hasBuiltin(id)) continue;
    Object.defineProperty(globalThis, id, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        return builtins.loadBuiltin(id);
      },
      set(value) {
        Object.defineProperty(globalThis, id, {
          __proto__: null, value, writable: true, enumerable: true, configurable: true,
        });
      },
    });
  }
}

// -e, -p and a script from stdin: a classic script in the global scope,
// with require, module, exports, __filename and __dirname as globals.
function runScriptSource(source, name, options) {
  // Only -e and -p have them, also as ES modules; a script from stdin not.
  if (name === '[eval]') exposeBuiltins();
  if (options.inputType === 'module') {
    const url = fileUrl(resolve(process.cwd(), `${name}1`));
    const [, evaluated] = esm.importSource(source, url);
    awaitMain(evaluated);
    return;
  }
  const module = new Module(name, undefined);
  module.filename = resolve(process.cwd(), name);
  module.paths = Module._nodeModulePaths(process.cwd());
  const scriptRequire = cjs.makeRequireFunction(module);
  const globals = {
    require: scriptRequire, module, exports: module.exports,
    __filename: name, __dirname: '.',
  };
  for (const key of Object.keys(globals)) {
    Object.defineProperty(globalThis, key, {
      __proto__: null, value: globals[key], writable: true,
      configurable: true, enumerable: true,
    });
  }
  const result = binding.runScript(source, name);
  if (options.print) require('../../console').log(result);
}

function readStdin() {
  const { readFileSync } = require('../../fs');
  return readFileSync(0, 'utf8');
}

function runFile(entry) {
  const filename = Module._resolveFilename(resolve(entry), null, true);
  process.argv[1] = filename;
  if (cjs.isModuleFile(filename)) {
    awaitMain(esm.importFile(filename)[1]);
    return;
  }
  cjs.loadModule(filename, null, true);
}

function checkSyntax(filename, source) {
  if (cjs.isModuleFile(filename)) return;
  binding.compileWrapper(source.replace(/^#!.*/, ''), filename);
}

function runCommand(info, options) {
  switch (info.mode) {
    case 'file': runFile(info.argv[1]); break;
    case 'eval': runScriptSource(info.evalSource, '[eval]', options); break;
    case 'stdin': runScriptSource(readStdin(), '[stdin]', options); break;
    case 'check': {
      const name = info.argv[1] === '' || info.argv[1] === '-' ?
        '[stdin]' : info.argv[1];
      checkSyntax(name, name === '[stdin]' ? readStdin() :
        require('../../fs').readFileSync(name, 'utf8'));
      break;
    }
    default: break;
  }
}

// Startup: `source` is the bundle when it is not in the snapshot; `isModule`
// says it is an ES module (it uses top-level await).
// `initialize`: the app was packed with --build-snapshot but its snapshot
// could not be used; its main runs as at pack time, and C++ calls
// startInitializedApp once the loop is empty.
function runMain(source, isModule, worker, initialize = false) {
  const info = setupRun();
  const options = readOptions(info.nodeOptions);
  configureWarnings({
    silent: options.silent === true,
    trace: options.trace === true,
    traceDeprecation: process.traceDeprecation === true,
  });
  if (options.envFile !== undefined) loadEnvFile(options.envFile);
  cjs.configure(options);
  esm.setup(options.conditions);
  if (info.mode === 'app') {
    if (worker === undefined && startupSnapshot.isInitialized()) {
      runInitializedApp();
      return;
    }
    if (initialize) startupSnapshot.startBuild();
    runBundle(source, isModule, worker);
    return;
  }
  for (const request of options.require) {
    const preload = new Module('internal/preload', undefined);
    preload.filename = resolve(process.cwd(), 'internal/preload');
    preload.paths = Module._nodeModulePaths(process.cwd());
    cjs.loadModule(request, preload, false);
  }
  if (options.import.length === 0) {
    runCommand(info, options);
    return;
  }
  // --import preloads are ES modules: the main script waits for them.
  let chain = Promise.resolve();
  for (const request of options.import) {
    chain = chain.then(() => esm.importDynamic(request, ''));
  }
  awaitMain(chain.then(() => runCommand(info, options)));
}

// `jspack --build-snapshot`, at pack time: the app's main runs with
// isBuildingSnapshot() true. The builder then runs the loop until it is
// empty and calls finishAppBuild.
function buildApp() {
  startupSnapshot.startBuild();
  runMain(undefined, false, undefined);
}

// The state of the pack-time run that belongs to the packer's process, not
// to the snapshot: the stdio streams and signal handles are dropped (a start
// makes its own), and nothing may still wait on the loop. Returns '' or
// "cause\nfix".
function dropRunState() {
  const { pendingCount } = require('../timers');
  const { timers, immediates } = pendingCount();
  if (timers !== 0 || immediates !== 0) {
    const what = timers !== 0 ?
      `${timers} timer${timers === 1 ? ' is' : 's are'} (setTimeout/` +
        'setInterval, unref\'d)' :
      `${immediates} immediate${immediates === 1 ? ' is' : 's are'} ` +
        '(setImmediate, unref\'d)';
    return `${what} still pending when the snapshot is taken\n` +
      'Clear it before the build ends, or create it in the main function ' +
      'given to v8.startupSnapshot.setDeserializeMainFunction()';
  }
  require('../process/stdio').resetStdio();
  require('../process/signals').closeSignalHandles();
  return '';
}

function finishAppBuild() {
  return startupSnapshot.finishBuild(dropRunState);
}

// The start of a --build-snapshot app without its snapshot (runMain's
// `initialize`): what the pack did, then what a start does, in this process.
function startInitializedApp() {
  const problem = startupSnapshot.finishBuild(() => '');
  if (problem !== '') {
    const { writeString } = internalBinding('stdio');
    writeString(2, `${process.argv0}: ${problem.replace('\n', '. ')}.\n`);
    process.exit(1);
  }
  runInitializedApp();
}

// A start of an app whose main ran at pack time: the app's bundle state is
// moved to this run's paths, then the deserialize callbacks and the main
// function run.
function runInitializedApp() {
  // A cluster worker's copy of the app gets the fork target too; it is the
  // main entry, which is what runs.
  delete process.env[kForkTargetVariable];
  const mainFile = process.argv[1];
  const root = dirname(mainFile);
  setAppDirectory(root);
  if (bundle !== null) {
    bundle.root = root;
    bundle.mainFile = mainFile;
    bundle.packed = dirname(process.execPath) === root;
  }
  require('../process/signals').reopenSignalHandles();
  startupSnapshot.runDeserialized();
}

// runFile(path) and runScriptSource(source, name, { print, inputType }) are
// also how a worker thread runs its file or its eval code.
// bundledEntry(file, cwd) and isPackedApp() are for fork() and new Worker().
module.exports = {
  prepareApp, setCodeCacheMaker, runMain, buildApp, finishAppBuild, startInitializedApp, runFile, runScriptSource, Module, bundledEntry,
  isPackedApp, kForkTargetVariable,
};
