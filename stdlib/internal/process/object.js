'use strict';
// The process object itself: an EventEmitter named 'process' holding the
// facts known when the snapshot is built. It is the bottom of everything
// that emits on process (exit, uncaught errors, rejections, warnings);
// node:process (process.js) adds the methods on top. This split is what
// lets those modules reach the emitter without requiring process.js, which
// requires them.

const EventEmitter = require('../../events');
const env = require('./env');
const { nextTick } = require('./ticks');
const { emitWarning, setWarningTarget } = require('./warning');
const { validateInteger } = require('../validators');

const { getStaticInfo } = internalBinding('process');
const host = getStaticInfo();

// The Node release whose behaviour the stdlib follows: what version checks
// in npm packages compare against. versions.jspack is ours.
// Also JSPACK_NODE_VERSION in runtime/CMakeLists.txt (jspack-runtime -v).
const kNodeApiLevel = '20.11.1';

// As in Node, process's prototype is that of a class named `process`
// inheriting from EventEmitter, so it inspects as `process {...}`.
// The class's prototype is this object, so process instanceof its
// constructor holds.
const ProcessClass = { process: function() {} }.process;
const processPrototype = Object.create(EventEmitter.prototype, {
  constructor: {
    value: ProcessClass,
    writable: true, enumerable: false, configurable: true,
  },
});
ProcessClass.prototype = processPrototype;
const process = Object.create(processPrototype);
EventEmitter.call(process);
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', writable: true, enumerable: false, configurable: false,
});

Object.assign(process, {
  title: 'jspack',
  version: `v${kNodeApiLevel}`,
  versions: {
    node: kNodeApiLevel,
    v8: host.v8,
    uv: host.uv,
    jspack: host.jspack,
    modules: '115',
    // The libcrypto node:crypto uses (the one libnode loads too).
    openssl: internalBinding('crypto').getOpenSslVersion()[0],
    // The system zlib and brotli node:zlib uses.
    zlib: internalBinding('zlib').versions()[0],
    brotli: internalBinding('zlib').versions()[1],
    // The llhttp inside libnode that node:http parses with.
    llhttp: internalBinding('http_parser').llhttpVersion(),
  },
  arch: host.arch,
  platform: host.platform,
  release: { name: 'node' },
  // The facts of one run are filled in after boot (process.js setupRun).
  argv: [],
  execArgv: [],
  argv0: '',
  execPath: '',
  pid: 0,
  ppid: 0,
  config: {
    target_defaults: {},
    variables: {
      node_shared_openssl: false, node_use_openssl: true,
      openssl_is_fips: false, openssl_quic: false,
    },
  },
  features: {
    inspector: false, debug: false, uv: true, ipv6: true, tls_alpn: false,
    tls_sni: false, tls_ocsp: false, tls: false, cached_builtins: true,
  },
  _exiting: false,
  env,
  nextTick,
  emitWarning,
});
setWarningTarget(process);

// exitCode takes an integer, an integer string, null or undefined (Node 20
// checks it on assignment, so a bad code fails where it is set).
let exitCode;
Object.defineProperty(process, 'exitCode', {
  enumerable: true,
  configurable: false,
  get() {
    return exitCode;
  },
  set(code) {
    if (code !== undefined && code !== null) {
      const asNumber = typeof code === 'string' && code !== '' &&
        Number.isInteger(+code) ? +code : code;
      validateInteger(asNumber, 'code');
    }
    exitCode = code;
  },
});

module.exports = process;
