'use strict';
// The CommonJS loader for files on disk: `require()` as Node documents it
// (modules.md, "All together"): builtins first, then relative and absolute
// paths with the registered extensions, package.json "main", "exports" and
// "imports", self-references and the node_modules walk. Modules are cached
// by real path in Module._cache (require.cache). A bundled app's require()
// comes here too when what it asks for is not a builtin (a plugin, a config
// file next to the executable).

const binding = internalBinding('module');
const { getPromiseDetails } = internalBinding('util');
const { dirname, extname, isAbsolute, resolve } = require('../../path');
const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_REQUIRE_ASYNC_MODULE,
  ERR_UNKNOWN_BUILTIN_MODULE, ERR_JSPACK_NATIVE_ADDON,
} = require('../errors').codes;
const builtins = require('./builtins');
const packages = require('./packages');
const process = require('../../process');

const kCommonJsConditions = ['require', 'node', 'node-addons'];
// Promise states from getPromiseDetails (v8::Promise::PromiseState).
const kFulfilled = 1;
const kRejected = 2;

// Set at run time from the command line (configure()).
const settings = {
  conditions: kCommonJsConditions,
  preserveSymlinks: false,
  preserveSymlinksMain: false,
};
// Filled by esm.js: (filename) -> namespace, for require() of an ES module.
let requireModuleHook = null;

class Module {
  constructor(id = '', parent = undefined) {
    this.id = id;
    this.path = dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', {
      __proto__: null, value: parent, writable: true, configurable: true,
      enumerable: false,
    });
    if (parent && !parent.children.includes(this)) parent.children.push(this);
  }

  require(id) {
    checkRequest(id, 'id');
    return loadModule(id, this, false);
  }

  // Runs `content` as this module's CommonJS source.
  _compile(content, filename) {
    let text = content;
    // A #! line is a comment to node; keep its newline for line numbers.
    if (text.startsWith('#!')) {
      const end = text.indexOf('\n');
      text = end < 0 ? '' : text.slice(end);
    }
    const wrapper = binding.compileWrapper(text, filename);
    const require = makeRequireFunction(this);
    return Reflect.apply(wrapper, this.exports, [
      this.exports, require, this, filename, dirname(filename),
    ]);
  }

  load(filename) {
    this.filename = filename;
    this.paths = packages.nodeModulesPaths(dirname(filename));
    const handler = Module._extensions[extensionOf(filename)];
    handler(this, filename);
    this.loaded = true;
  }
}

function checkRequest(request, name) {
  if (typeof request !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(name, 'string', request);
  }
  if (request === '') {
    throw new ERR_INVALID_ARG_VALUE(name, request, 'must be a non-empty string');
  }
}

// The registered extension that names `filename`'s loader: the longest one
// ('.test.js' before '.js'); '.js' when none matches.
function extensionOf(filename) {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  let dot = base.indexOf('.', 1);
  while (dot > 0) {
    const candidate = base.slice(dot);
    if (Object.prototype.hasOwnProperty.call(Module._extensions, candidate)) {
      return candidate;
    }
    dot = base.indexOf('.', dot + 1);
  }
  return '.js';
}

// Is `filename` an ES module by its extension and package scope?
function isModuleFile(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  const scope = packages.packageScope(filename);
  return scope !== null && scope.type === 'module' &&
    (filename.endsWith('.js') || extname(filename) === '');
}

Module._extensions = { __proto__: null };
Module._extensions['.js'] = function loadJs(module, filename) {
  if (isModuleFile(filename)) {
    module.exports = requireModule(module, filename);
    return;
  }
  module._compile(packages.stripBom(packages.readFileText(filename)), filename);
};
Module._extensions['.json'] = function loadJson(module, filename) {
  module.exports = packages.parseJsonModule(packages.readFileText(filename),
                                            filename);
};
Module._extensions['.node'] = function loadAddon(module, filename) {
  throw new ERR_JSPACK_NATIVE_ADDON(filename);
};

// require() of an ES module (Node 20.19+): it runs synchronously unless its
// graph uses top-level await.
function requireModule(module, filename) {
  const [namespace, evaluated] = requireModuleHook(filename);
  const [state, result] = getPromiseDetails(evaluated);
  if (state === kRejected) throw result;
  if (state !== kFulfilled) {
    throw new ERR_REQUIRE_ASYNC_MODULE(module.parent?.filename, filename);
  }
  // As in Node: a module with a default export is marked __esModule, so
  // transpiled code's interop picks `default` from it.
  if (!('default' in namespace) || '__esModule' in namespace) return namespace;
  const facade = Object.create(null);
  for (const key of Object.keys(namespace)) facade[key] = namespace[key];
  Object.defineProperty(facade, '__esModule', {
    __proto__: null, value: true, enumerable: true,
  });
  return facade;
}

Module._cache = { __proto__: null };
Module._pathCache = { __proto__: null };
Module.globalPaths = [];
Module.builtinModules = builtins.builtinModules;
Module.isBuiltin = builtins.isBuiltin;
Module.Module = Module;
Module.wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
Module.wrap = function wrap(script) {
  return `${Module.wrapper[0]}${script}${Module.wrapper[1]}`;
};

// Node's global folders: $HOME/.node_modules, $HOME/.node_libraries,
// <prefix>/lib/node, after NODE_PATH's entries. Read at run time.
Module._initPaths = function initPaths() {
  const home = process.env.HOME;
  const prefix = resolve(process.execPath, '..', '..');
  const global = [resolve(prefix, 'lib', 'node')];
  if (home) {
    global.unshift(resolve(home, '.node_libraries'));
    global.unshift(resolve(home, '.node_modules'));
  }
  const fromEnv = (process.env.NODE_PATH || '').split(':').filter(Boolean);
  Module.globalPaths = [...fromEnv.map((p) => resolve(p)), ...global];
};

Module._nodeModulePaths = function nodeModulePaths(from) {
  return packages.nodeModulesPaths(from);
};

// The directories a bare `request` is looked up in from `parent`, or null
// for a builtin.
Module._resolveLookupPaths = function resolveLookupPaths(request, parent) {
  if (builtins.isBuiltin(request)) return null;
  if (isRelative(request)) {
    return [parent?.filename ? dirname(parent.filename) : process.cwd()];
  }
  const own = parent?.paths?.length ? parent.paths :
    packages.nodeModulesPaths(process.cwd());
  return [...own, ...Module.globalPaths];
};

function isRelative(request) {
  return request === '.' || request === '..' || request.startsWith('./') ||
    request.startsWith('../');
}

function realFile(filename, isMain) {
  const keep = isMain ? settings.preserveSymlinksMain : settings.preserveSymlinks;
  if (keep) return filename;
  const real = binding.realpath(filename);
  return typeof real === 'string' ? real : filename;
}

// LOAD_AS_FILE: X, then X with each registered extension.
function tryFile(base, isMain) {
  if (packages.isFile(base)) return realFile(base, isMain);
  for (const ext of Object.keys(Module._extensions)) {
    if (packages.isFile(base + ext)) return realFile(base + ext, isMain);
  }
  return undefined;
}

function tryIndex(dir, isMain) {
  return tryFile(`${dir}/index`, isMain);
}

// LOAD_AS_DIRECTORY: package.json "main", then index.*.
function tryDirectory(dir, isMain, request) {
  const manifest = packages.readManifest(`${dir}/package.json`);
  if (manifest !== null && manifest.main) {
    const main = resolve(dir, manifest.main);
    const found = tryFile(main, isMain) ?? tryIndex(main, isMain) ??
      tryIndex(dir, isMain);
    if (found !== undefined) return found;
    const err = new Error(`Cannot find module '${main}'. Please verify that ` +
      'the package.json has a valid "main" entry');
    err.code = 'MODULE_NOT_FOUND';
    err.path = manifest.file;
    err.requestPath = request;
    throw err;
  }
  return tryIndex(dir, isMain);
}

function tryPath(base, isMain, request) {
  if (base.endsWith('/')) {
    return packages.isDirectory(base) ?
      tryDirectory(base.slice(0, -1), isMain, request) : undefined;
  }
  return tryFile(base, isMain) ??
    (packages.isDirectory(base) ? tryDirectory(base, isMain, request) :
      undefined);
}

// A resolved exports/imports target must exist.
function existingTarget(filename, isMain) {
  if (packages.isFile(filename)) return realFile(filename, isMain);
  throw notFound(filename, undefined);
}

// A package asking for itself by its own name ("exports" only).
function trySelf(request, parent, isMain) {
  const from = parent?.filename ?? resolve(process.cwd(), 'index.js');
  const scope = packages.packageScope(from);
  if (scope === null || scope.exports === undefined ||
      scope.exports === null || !scope.name) {
    return undefined;
  }
  if (request !== scope.name && !request.startsWith(`${scope.name}/`)) {
    return undefined;
  }
  const subpath = `.${request.slice(scope.name.length)}`;
  const target = packages.resolveExports(scope, subpath, settings.conditions,
                                         from, request);
  return existingTarget(target, isMain);
}

function tryNodeModules(request, dirs, isMain) {
  const split = packages.splitPackageSpecifier(request);
  for (const dir of dirs) {
    if (split !== null) {
      const manifest = packages.readManifest(`${dir}/${split[0]}/package.json`);
      if (manifest !== null && manifest.exports !== undefined &&
          manifest.exports !== null) {
        const target = packages.resolveExports(
          manifest, split[1], settings.conditions, undefined, request);
        return existingTarget(target, isMain);
      }
    }
    const found = tryPath(`${dir}/${request}`, isMain, request);
    if (found !== undefined) return found;
  }
  return undefined;
}

function notFound(request, parent) {
  const stack = [];
  for (let m = parent; m; m = m.parent) stack.push(m.filename || m.id);
  let message = `Cannot find module '${request}'`;
  if (stack.length > 0) message += `\nRequire stack:\n- ${stack.join('\n- ')}`;
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  return err;
}

// The absolute file `request` names from `parent`, or the builtin's id.
Module._resolveFilename = function resolveFilename(request, parent, isMain,
                                                   options) {
  if (builtins.isBuiltin(request)) return request;
  let found;
  if (options?.paths !== undefined) {
    found = resolveFromPaths(request, options.paths, isMain);
  } else if (isAbsolute(request)) {
    found = tryPath(request === '/' ? '/' : request, isMain, request);
  } else if (isRelative(request)) {
    const base = parent?.filename ? dirname(parent.filename) :
      process.cwd();
    const joined = resolve(base, request);
    found = tryPath(request.endsWith('/') ? `${joined}/` : joined, isMain,
                    request);
  } else if (request.startsWith('#')) {
    const from = parent?.filename ?? resolve(process.cwd(), 'index.js');
    const target = packages.resolveImports(
      request, from, settings.conditions, undefined,
      (specifier, dir) => Module._resolveFilename(
        specifier, { filename: `${dir}package.json`, paths:
          packages.nodeModulesPaths(dir) }, isMain));
    found = existingTarget(target, isMain);
  } else {
    found = trySelf(request, parent, isMain) ??
      tryNodeModules(request, Module._resolveLookupPaths(request, parent),
                     isMain);
  }
  if (found === undefined) throw notFound(request, parent);
  return found;
};

function resolveFromPaths(request, paths, isMain) {
  if (!Array.isArray(paths)) {
    throw new ERR_INVALID_ARG_VALUE('options.paths', paths);
  }
  for (const start of paths) {
    const fake = new Module('', null);
    fake.paths = packages.nodeModulesPaths(resolve(start));
    fake.filename = resolve(start, 'index.js');
    let found;
    if (isRelative(request) || isAbsolute(request)) {
      found = tryPath(resolve(start, request), isMain, request);
    } else {
      found = tryNodeModules(request, [...fake.paths, ...Module.globalPaths],
                             isMain);
    }
    if (found !== undefined) return found;
  }
  return undefined;
}

function loadBuiltinOrThrow(request) {
  const exports = builtins.loadBuiltin(request);
  if (exports === undefined) throw new ERR_UNKNOWN_BUILTIN_MODULE(request);
  return exports;
}

// Module._load: the cached module's exports, or the file loaded now.
function loadModule(request, parent, isMain) {
  // Builtins come first and are never taken from require.cache.
  if (request.startsWith('node:') || builtins.isBuiltin(request)) {
    return loadBuiltinOrThrow(request);
  }
  const filename = Module._resolveFilename(request, parent, isMain);
  const cached = Module._cache[filename];
  if (cached !== undefined) {
    if (parent && !parent.children.includes(cached)) {
      parent.children.push(cached);
    }
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    module.id = '.';
    process.mainModule = module;
  }
  Module._cache[filename] = module;
  let ok = false;
  try {
    module.load(filename);
    ok = true;
  } finally {
    if (!ok) {
      delete Module._cache[filename];
      if (parent) {
        const at = parent.children.indexOf(module);
        if (at >= 0) parent.children.splice(at, 1);
      }
    }
  }
  return module.exports;
}
Module._load = loadModule;

// The require function a module's code gets.
function makeRequireFunction(module) {
  const require = function require(id) {
    return module.require(id);
  };
  const resolveRequest = function resolve(request, options) {
    checkRequest(request, 'request');
    return Module._resolveFilename(request, module, false, options);
  };
  resolveRequest.paths = function paths(request) {
    checkRequest(request, 'request');
    return Module._resolveLookupPaths(request, module);
  };
  require.resolve = resolveRequest;
  require.main = process.mainModule;
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

// createRequire(filename | URL): a require() resolving from that file.
Module.createRequire = function createRequire(filename) {
  let path = filename;
  if (typeof filename === 'object' && filename !== null &&
      typeof filename.href === 'string') {
    path = require('../url/file').fileURLToPath(filename);
  } else if (typeof filename === 'string' && filename.startsWith('file:')) {
    path = require('../url/file').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !isAbsolute(filename)) {
    throw new ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  const trailing = path.endsWith('/');
  const module = new Module(trailing ? `${path}noop.js` : path, null);
  module.filename = trailing ? `${path}noop.js` : path;
  module.paths = packages.nodeModulesPaths(module.path);
  return makeRequireFunction(module);
};

Module.runMain = function runMain(main = process.argv[1]) {
  loadModule(resolve(main), null, true);
};

// Reserved by Node for ESM loaders; no-ops here.
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {};
Module.register = function register() {};
Module.findSourceMap = function findSourceMap() { return undefined; };

// Start-of-run setup from the command line.
function configure({ conditions = [], preserveSymlinks = false,
                     preserveSymlinksMain = false } = {}) {
  settings.conditions = [...kCommonJsConditions, ...conditions];
  settings.preserveSymlinks = preserveSymlinks;
  settings.preserveSymlinksMain = preserveSymlinksMain;
  Module._initPaths();
}

function setRequireModuleHook(hook) {
  requireModuleHook = hook;
}

module.exports = {
  Module,
  configure,
  isModuleFile,
  loadModule,
  makeRequireFunction,
  setRequireModuleHook,
};
