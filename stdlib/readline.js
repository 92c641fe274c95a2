'use strict';
// node:readline: line-by-line reading from streams, with callback questions,
// terminal editing, keypress decoding and cursor helpers.

const { InterfaceBase } = require('./internal/readline/interface');
const { emitKeypressEvents } = require('./internal/readline/keys');
const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('./internal/readline/ansi');
const { AbortError } = require('./internal/errors');
const { validateAbortSignal } = require('./internal/validators');

const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');

// The callback-style interface. It is a plain function so that calling it
// without `new` still makes an interface, as Node allows.
function Interface(input, output, completer, terminal) {
  return Reflect.construct(CallbackInterface, [input, output, completer,
                                               terminal],
                           new.target || Interface);
}

class CallbackInterface extends InterfaceBase {
  question(query, options, cb) {
    if (typeof options === 'function') cb = options;
    const signal = options !== null && typeof options === 'object' ?
      options.signal : undefined;
    if (signal) {
      validateAbortSignal(signal, 'options.signal');
      if (signal.aborted) return;
      const onAbort = () => this.dropQuestion();
      signal.addEventListener('abort', onAbort, { once: true });
      const stopWatching = () => signal.removeEventListener('abort', onAbort);
      const userCb = cb;
      cb = typeof userCb === 'function' ? (answer) => {
        stopWatching();
        return userCb(answer);
      } : stopWatching;
    }
    if (typeof cb === 'function') this.ask(query, cb);
  }
}

Interface.prototype = CallbackInterface.prototype;
Object.defineProperty(Interface.prototype, 'constructor', {
  value: Interface, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Interface, CallbackInterface);

// util.promisify(rl.question) resolves with the answer and honours a signal.
Object.defineProperty(CallbackInterface.prototype.question, kPromisifyCustom, {
  value: function question(query, options = {}) {
    return new Promise((resolve, reject) => {
      const signal = options !== null && typeof options === 'object' ?
        options.signal : undefined;
      if (signal && signal.aborted) {
        reject(new AbortError(undefined, { cause: signal.reason }));
        return;
      }
      let settle = resolve;
      if (signal) {
        const onAbort = () => {
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        settle = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, settle);
    });
  },
  writable: false, enumerable: false, configurable: true,
});

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
};

// readline.promises loads on first use.
Object.defineProperty(module.exports, 'promises', {
  configurable: true,
  enumerable: true,
  get() {
    return require('./readline/promises');
  },
});
