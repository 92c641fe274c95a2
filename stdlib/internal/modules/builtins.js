'use strict';
// The builtin module table and require() for bundled apps. esbuild has
// already inlined every relative and npm import of the app; what is left for
// require() at run time are Node builtins (with or without `node:`).

const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_BUILTIN_MODULE } =
  require('../errors').codes;

// Every builtin id Node 20 has; ids we do not implement yet are still known,
// so requiring them reports an unknown *builtin*, not a missing package.
const kNodeBuiltins = [
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
];
// Only reachable with the prefix, as in Node.
const kPrefixOnly = ['test'];

// id -> loader. Loaders run once, while the snapshot is built (see
// loadAll), so requiring a builtin at run time costs a Map lookup.
const loaders = new Map([
  ['assert', () => require('../../assert')],
  ['assert/strict', () => require('../../assert').strict],
  ['console', () => require('../../console')],
  ['events', () => require('../../events')],
  ['module', () => require('../../module')],
  ['path', () => require('../../path')],
  ['path/posix', () => require('../../path').posix],
  ['path/win32', () => require('../../path').win32],
  ['process', () => require('../../process')],
  ['string_decoder', () => require('../../string_decoder')],
  ['timers', () => require('../../timers')],
  ['timers/promises', () => require('../../timers/promises')],
  ['tty', () => require('../../tty')],
  ['util', () => require('../../util')],
  ['util/types', () => require('../../util').types],
  ['sys', () => require('../../util')],
]);

const cache = new Map();

function loadAll() {
  for (const [id, load] of loaders) cache.set(id, load());
}

function canonical(id) {
  return id.startsWith('node:') ? id.slice(5) : id;
}

function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (id.startsWith('node:')) {
    const bare = id.slice(5);
    return kNodeBuiltins.includes(bare) || kPrefixOnly.includes(bare);
  }
  return kNodeBuiltins.includes(id);
}

function loadBuiltin(id) {
  const bare = canonical(id);
  let exports = cache.get(bare);
  if (exports === undefined) {
    const load = loaders.get(bare);
    if (load === undefined ||
        (!id.startsWith('node:') && kPrefixOnly.includes(bare))) {
      return undefined;
    }
    exports = load();
    cache.set(bare, exports);
  }
  return exports;
}

function moduleNotFound(id) {
  const err = new Error(`Cannot find module '${id}'`);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = [];
  return err;
}

// require() as seen by the app's bundle.
function makeRequire(mainModule) {
  function require(id) {
    if (typeof id !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('id', 'string', id);
    }
    const exports = loadBuiltin(id);
    if (exports !== undefined) return exports;
    if (isBuiltin(id) || id.startsWith('node:')) {
      throw new ERR_UNKNOWN_BUILTIN_MODULE(id);
    }
    throw moduleNotFound(id);
  }
  require.resolve = function resolve(id) {
    if (loadBuiltin(id) !== undefined) return id;
    if (isBuiltin(id)) throw new ERR_UNKNOWN_BUILTIN_MODULE(id);
    throw moduleNotFound(id);
  };
  require.resolve.paths = function paths(id) {
    return isBuiltin(id) ? null : [];
  };
  require.main = mainModule;
  require.cache = Object.create(null);
  require.extensions = Object.create(null);
  return require;
}

// The exports an `import` of builtin `id` sees (ES modules and import()).
function importBuiltin(id) {
  const exports = loadBuiltin(id);
  if (exports !== undefined) return exports;
  throw new ERR_UNKNOWN_BUILTIN_MODULE(id);
}

module.exports = {
  builtinModules: kNodeBuiltins.slice(),
  importBuiltin,
  isBuiltin,
  loadAll,
  loadBuiltin,
  makeRequire,
};
