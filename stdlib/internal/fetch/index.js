'use strict';
// fetch() and its classes (Request, Response, Headers, FormData) and the
// WebSocket and EventSource clients: undici, the implementation Node ships,
// pinned in package.json at Node 20.20's version (6.24.1) and bundled into
// the stdlib image (its licence: stdlib/licenses/undici.LICENSE). Its
// node:X imports are jspack's modules (scripts/bundle-stdlib.sh). This
// module is evaluated the first time a program touches one of those
// globals (internal/bootstrap.js), never at start-up.
//
// One thing is ours: when undici's HTTP/1 parser, llhttp compiled to
// WebAssembly, is compiled. undici starts an async WebAssembly.compile as
// it loads; here the compile waits for the first connection (undici
// announces it on the undici:client:beforeConnect channel) and runs then,
// synchronously, so loading undici (in a snapshot, say) compiles nothing,
// and a program that only builds Headers or Responses never pays for it.

const dc = require('../../diagnostics_channel');

const kConnectChannel = 'undici:client:beforeConnect';
const waiting = [];  // the parser compiles undici asked for, not yet run

function compileParser(bytes) {
  try {
    return new WebAssembly.Module(bytes);
  } catch {
    // The SIMD build failed to compile (undici's first choice); undici
    // would retry with its plain build, which is what this returns.
    return new WebAssembly.Module(require('undici/lib/llhttp/llhttp-wasm.js'));
  }
}

function onFirstConnect() {
  dc.unsubscribe(kConnectChannel, onFirstConnect);
  for (const { bytes, resolve, reject } of waiting.splice(0)) {
    try {
      resolve(compileParser(bytes));
    } catch (err) {
      reject(err);
    }
  }
}

// Evaluates undici with WebAssembly.compile deferred as described above,
// and with the global __UNDICI_IS_NODE__ that Node's own build of undici
// has, which makes requests say "user-agent: node" as Node's do. Both
// globals are back as they were before any program code runs.
// (A snapshot being built has no WebAssembly global at all; the app's
// start from it has.)
function loadUndici() {
  const own = Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly');
  const deferred = Object.create(own === undefined ? null : own.value, {
    compile: {
      value: (bytes) => new Promise((resolve, reject) => {
        if (waiting.length === 0) dc.subscribe(kConnectChannel, onFirstConnect);
        waiting.push({ bytes, resolve, reject });
      }),
    },
  });
  Object.defineProperty(globalThis, 'WebAssembly', {
    value: deferred, writable: true, enumerable: false, configurable: true,
  });
  globalThis.__UNDICI_IS_NODE__ = true;
  try {
    return require('undici/index-fetch.js');
  } finally {
    delete globalThis.__UNDICI_IS_NODE__;
    if (own === undefined) delete globalThis.WebAssembly;
    else Object.defineProperty(globalThis, 'WebAssembly', own);
  }
}

const undici = loadUndici();

module.exports = {
  fetch: undici.fetch,
  Request: undici.Request,
  Response: undici.Response,
  Headers: undici.Headers,
  FormData: undici.FormData,
  WebSocket: undici.WebSocket,
  CloseEvent: undici.CloseEvent,
  EventSource: undici.EventSource,
};
