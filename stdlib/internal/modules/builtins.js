'use strict';
// The builtin module registry and the require() bundled apps get. esbuild
// has already inlined every relative and npm import of the app; what is
// left for require() at run time are Node builtins, with or without `node:`.
// The registry starts empty: the bootstrap hands it the table of loaders
// (builtin_table.js) and evaluates them all while the snapshot is built, so
// a require() at run time is one Map lookup.

const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_BUILTIN_MODULE } =
  require('../errors').codes;

// Every builtin id Node 20 has. Ids jspack does not implement yet are still
// known, so requiring one reports an unknown builtin, not a missing package.
const kNodeBuiltinIds = new Set([
  '_http_agent', '_http_client', '_http_common', '_http_incoming',
  '_http_outgoing', '_http_server', '_stream_duplex', '_stream_passthrough',
  '_stream_readable', '_stream_transform', '_stream_wrap', '_stream_writable',
  '_tls_common', '_tls_wrap', 'assert', 'assert/strict', 'async_hooks',
  'buffer', 'child_process', 'cluster', 'console', 'constants', 'crypto',
  'dgram', 'diagnostics_channel', 'dns', 'dns/promises', 'domain', 'events',
  'fs', 'fs/promises', 'http', 'http2', 'https', 'inspector',
  'inspector/promises', 'module', 'net', 'os', 'path', 'path/posix',
  'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring',
  'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers',
  'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util',
  'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
]);
// Reachable only as `node:<id>`, as in Node.
const kSchemeOnlyIds = new Set(['test']);

const loaders = new Map();
const loaded = new Map();

function defineBuiltins(table) {
  for (const [id, load] of table) loaders.set(id, load);
}

function stripScheme(id) {
  return id.startsWith('node:') ? id.slice(5) : id;
}

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (!id.startsWith('node:')) return kNodeBuiltinIds.has(id);
  const bare = id.slice(5);
  return kNodeBuiltinIds.has(bare) || kSchemeOnlyIds.has(bare);
}

// Whether jspack implements builtin `id`, without evaluating it.
function hasBuiltin(id) {
  const bare = stripScheme(id);
  return loaders.has(bare) && !(bare === id && kSchemeOnlyIds.has(bare));
}

// The exports of builtin `id`, or undefined when jspack has no such module.
function loadBuiltin(id) {
  const bare = stripScheme(id);
  if (loaded.has(bare)) return loaded.get(bare);
  const load = loaders.get(bare);
  if (load === undefined || (bare === id && kSchemeOnlyIds.has(bare))) {
    return undefined;
  }
  const exports = load();
  loaded.set(bare, exports);
  return exports;
}

function moduleNotFound(id) {
  const err = new Error(`Cannot find module '${id}'`);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = [];
  return err;
}

// require('node:nope') names a builtin that does not exist; resolve() of it
// only finds no module, as in Node.
function unavailable(id, forResolve) {
  if (isBuiltin(id) || (!forResolve && id.startsWith('node:'))) {
    return new ERR_UNKNOWN_BUILTIN_MODULE(id);
  }
  return moduleNotFound(id);
}

// require() as seen by the app's bundle (and createRequire's result).
function makeRequire(mainModule) {
  const require = function require(id) {
    if (typeof id !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('id', 'string', id);
    }
    const exports = loadBuiltin(id);
    if (exports === undefined) throw unavailable(id, false);
    return exports;
  };
  const resolve = function resolve(request) {
    if (typeof request !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    if (loadBuiltin(request) === undefined) throw unavailable(request, true);
    return request;
  };
  resolve.paths = function paths(request) {
    return isBuiltin(request) ? null : [];
  };
  require.resolve = resolve;
  require.main = mainModule;
  require.cache = Object.create(null);
  require.extensions = Object.create(null);
  return require;
}

// The exports an `import` of builtin `id` sees (ES modules and import()).
function importBuiltin(id) {
  const exports = loadBuiltin(id);
  if (exports === undefined) throw new ERR_UNKNOWN_BUILTIN_MODULE(id);
  return exports;
}

module.exports = {
  builtinModules: [...kNodeBuiltinIds],
  defineBuiltins,
  hasBuiltin,
  importBuiltin,
  isBuiltin,
  loadBuiltin,
  makeRequire,
};
