'use strict';
// A worker thread's start (the runWorker hook C++ calls instead of
// runMain): take the boot value and ports the parent sent, make this
// thread's process and worker_threads look like a worker's, tell the
// parent we are online, and run the worker's code.

const process = require('../process/object');
const { loadBuiltin, makeRequire } = require('../modules/builtins');
const { Module } = require('../modules/run_main');
const { setUncaughtForwarder } = require('../process/execution');
const { adoptEnvironmentData } = require('./shared');
const { inspect } = require('../util/inspect');
const { dirname } = require('../../path');

const { compileFunction } = internalBinding('module');

// A worker's process.env: its own copy; values become strings, as Node's.
function makeEnv(initial) {
  const store = Object.assign(Object.create(null), initial);
  return new Proxy(store, {
    set(target, key, value) {
      if (typeof key === 'string') target[key] = `${value}`;
      return true;
    },
    defineProperty(target, key, descriptor) {
      if (typeof key === 'string' && 'value' in descriptor) {
        target[key] = `${descriptor.value}`;
      }
      return true;
    },
  });
}

function replaceProcessProperty(name, value) {
  Object.defineProperty(process, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
}

// An Error nothing caught, in a form that survives the clone: V8 clones
// Errors (class, message, stack); own properties such as `code` ride along
// separately when they can be cloned.
function describeForParent(err) {
  const message = { type: 'error', error: err };
  if (err !== null && typeof err === 'object') {
    const props = {};
    for (const key of Object.keys(err)) props[key] = err[key];
    message.props = props;
  }
  return message;
}

function forwardUncaught(control) {
  return (err) => {
    try {
      control.postMessage(describeForParent(err));
    } catch {
      try {
        control.postMessage({ type: 'error', text: inspect(err) });
      } catch {
        return false;
      }
    }
    return true;
  };
}

// stdout: true / stderr: true: output goes to the parent's worker.stdout
// and worker.stderr streams instead of the process's.
function redirectStdio(control, name) {
  const { Writable } = require('../../stream');
  const stream = new Writable({
    write(chunk, encoding, callback) {
      control.postMessage({ type: 'stdio', stream: name, chunk });
      callback();
    },
  });
  replaceProcessProperty(name, stream);
}

// What a worker may not change for the whole process, as in Node.
function forbidProcessWideChanges() {
  const { ERR_WORKER_UNSUPPORTED_OPERATION } = require('../errors').codes;
  const forbid = (name) => () => {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
  };
  for (const name of ['chdir', 'setuid', 'setgid', 'seteuid', 'setegid',
    'setgroups', 'initgroups']) {
    if (name === 'chdir' || typeof process[name] === 'function') {
      replaceProcessProperty(name, forbid(name));
    }
  }
  const umask = process.umask;
  replaceProcessProperty('umask', function umaskInWorker(mask) {
    if (mask !== undefined) {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask.call(process);
  });
}

function emptyStdin() {
  const { Readable } = require('../../stream');
  const stdin = new Readable({ read() { this.push(null); } });
  stdin.fd = 0;
  return stdin;
}

// The worker's source as a CommonJS main: `filename` for stack traces and
// __filename, require() as bundled apps get it.
function runCommonJs(source, filename, isEval) {
  const fn = compileFunction(source, filename, false);
  const module = new Module('.', filename);
  if (isEval) module.path = '.';
  process.mainModule = module;
  const require = makeRequire(module);
  fn.call(module.exports, module.exports, require, module, filename,
          isEval ? '.' : dirname(filename), `file://${filename}`);
  module.loaded = true;
}

// The app's own entry file (new Worker(__filename) in a bundled or packed
// app): the app runs again in this thread, from its compiled main in the
// app snapshot or from its bundle; the file on disk may not even exist.
function runApp(native) {
  const [, bundle, isModule] = native.appEntry();
  require('../modules/run_main').runMain(bundle, isModule);
}

function runEntry(boot) {
  if (boot.kind === 'eval') {
    runCommonJs(boot.what, '[worker eval]', true);
    return;
  }
  if (boot.kind === 'data') {
    const { runModule } = internalBinding('module');
    const comma = boot.what.indexOf(',');
    const header = boot.what.slice(0, comma);
    const body = boot.what.slice(comma + 1);
    const source = header.endsWith(';base64') ?
      loadBuiltin('buffer').Buffer.from(body, 'base64').toString() :
      decodeURIComponent(body);
    runModule(source, boot.what);
    return;
  }
  let source;
  try {
    source = loadBuiltin('fs').readFileSync(boot.what, 'utf8');
  } catch (err) {
    if (err.code !== 'ENOENT' && err.code !== 'EISDIR') throw err;
    const missing = new Error(`Cannot find module '${boot.what}'`);
    missing.code = 'MODULE_NOT_FOUND';
    missing.requireStack = [];
    throw missing;
  }
  runCommonJs(source, boot.what, false);
}

function runWorker() {
  // eslint-disable-next-line no-undef
  const native = internalBinding('worker');
  require('./io').binding();
  const info = native.takeBootInfo();
  if (info === undefined) return;
  const [boot, port, control] = info;
  const [, threadId] = native.getThreadInfo();
  const isApp = boot.kind === 'file' && boot.what === native.appEntry()[0];
  // runMain fills in process.argv and the like itself.
  if (!isApp) process._setupRun();

  const api = loadBuiltin('worker_threads');
  api.isMainThread = false;
  api.parentPort = port;
  api.workerData = boot.workerData === undefined ? null : boot.workerData;
  api.threadId = threadId;
  const [young, old, code, stack] = boot.limits;
  api.resourceLimits = {
    maxYoungGenerationSizeMb: young > 0 ? young : 48,
    maxOldGenerationSizeMb: old > 0 ? old : 4096,
    codeRangeSizeMb: code,
    stackSizeMb: stack > 0 ? stack : 4,
  };
  adoptEnvironmentData(boot.environmentData);
  if (boot.env !== null) replaceProcessProperty('env', makeEnv(boot.env));
  process.execArgv = boot.execArgv;
  replaceProcessProperty('stdin', emptyStdin());
  forbidProcessWideChanges();
  if (boot.stdout) redirectStdio(control, 'stdout');
  if (boot.stderr) redirectStdio(control, 'stderr');
  setUncaughtForwarder(forwardUncaught(control));
  control.postMessage({ type: 'online' });

  // What the entry throws goes the usual uncaught way (to the parent).
  if (isApp) {
    runApp(native);
  } else {
    runEntry(boot);
  }
}

module.exports = { runWorker };
