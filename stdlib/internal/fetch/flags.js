'use strict';
// The fetch globals' command-line switches, as in Node 20: WebSocket and
// EventSource exist only with --experimental-websocket and
// --experimental-eventsource, and --no-experimental-fetch takes fetch and
// its classes away. run_main applies them when the app starts; undici
// (./index.js) still loads only when a program touches one.

// The same shape as the bootstrap's lazy globals: "get WebSocket" loads it
// and leaves the value in place of the accessor; assigning replaces it.
function exposeGlobal(name) {
  const place = (value) => Object.defineProperty(globalThis, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
  const accessors = {
    get [name]() { return place(require('./index')[name])[name]; },
    set [name](value) { place(value); },
  };
  Object.defineProperty(globalThis, name, {
    ...Object.getOwnPropertyDescriptor(accessors, name),
    enumerable: false, configurable: true,
  });
}

function applyFetchFlag(flag) {
  switch (flag) {
    case '--experimental-websocket': exposeGlobal('WebSocket'); break;
    case '--experimental-eventsource': exposeGlobal('EventSource'); break;
    case '--no-experimental-fetch':
      for (const name of ['fetch', 'FormData', 'Headers', 'Request', 'Response']) {
        delete globalThis[name];
      }
      break;
    default: break;
  }
}

module.exports = { applyFetchFlag };
