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
const { validateAbortSignal } = require('./internal/validators');

const kPromisifyCustom = Symbol.for('nodejs.util.promisify.custom');

// The callback-style interface. It is a plain function so that calling it
// without `new` still makes an interface, as Node allows.
function Interface(...args) {
  return Reflect.construct(CallbackInterface, args, new.target || Interface);
}

class CallbackInterface extends InterfaceBase {
  show(text) {
    this._writeToOutput(text);
  }

  typeKey(str, key) {
    this._ttyWrite(str, key);
  }

  // question(query[, options], cb): an aborted signal drops the question
  // and cb is never called.
  question(query, options, cb) {
    const answer = typeof options === 'function' ? options : cb;
    const signal = options !== null && typeof options === 'object' ?
      options.signal : undefined;
    if (!signal) {
      if (typeof answer === 'function') this.ask(query, answer);
      return;
    }
    validateAbortSignal(signal, 'options.signal');
    if (signal.aborted) return;
    const drop = () => this.dropQuestion();
    signal.addEventListener('abort', drop, { once: true });
    const unwatch = () => signal.removeEventListener('abort', drop);
    if (typeof answer !== 'function') {
      // Without a callback nothing is asked; the listener goes at once.
      unwatch();
      return;
    }
    this.ask(query, (text) => {
      unwatch();
      return answer(text);
    });
  }
}

// The underscore methods older code calls or replaces (a masked password
// prompt swaps _writeToOutput, for one). Output and keystrokes go through
// them, so a replacement on the instance takes effect.
const kLegacyNames = {
  _setRawMode: 'setRawMode',
  _onLine: 'deliver',
  _addHistory: 'recordHistory',
  _refreshLine: 'refreshLine',
  _normalWrite: 'takeText',
  _insertString: 'insertText',
  _tabComplete: 'complete',
  _wordLeft: 'wordLeft',
  _wordRight: 'wordRight',
  _deleteLeft: 'eraseLeft',
  _deleteRight: 'eraseRight',
  _deleteWordLeft: 'eraseWordLeft',
  _deleteWordRight: 'eraseWordRight',
  _deleteLineLeft: 'cutLeft',
  _deleteLineRight: 'cutRight',
  _line: 'finishLine',
  _getDisplayPos: 'measure',
  _getCursorPos: 'getCursorPos',
  _moveCursor: 'shiftCursor',
};
for (const [legacy, ours] of Object.entries(kLegacyNames)) {
  Object.defineProperty(CallbackInterface.prototype, legacy, {
    value: function(...args) {
      return InterfaceBase.prototype[ours].apply(this, args);
    },
    writable: true, configurable: true, enumerable: false,
  });
}
const kBaseShow = InterfaceBase.prototype.show;
const kBaseTypeKey = InterfaceBase.prototype.typeKey;
Object.assign(CallbackInterface.prototype, {
  _historyNext() {
    this.historyStep(-1);
  },
  _historyPrev() {
    this.historyStep(1);
  },
  _writeToOutput(text) {
    kBaseShow.call(this, text);
  },
  _ttyWrite(str, key) {
    kBaseTypeKey.call(this, str, key);
  },
});
for (const name of ['_historyNext', '_historyPrev', '_writeToOutput',
                    '_ttyWrite']) {
  Object.defineProperty(CallbackInterface.prototype, name,
                        { enumerable: false });
}

Interface.prototype = CallbackInterface.prototype;
Object.defineProperty(Interface.prototype, 'constructor', {
  value: Interface, writable: true, configurable: true, enumerable: false,
});
Object.setPrototypeOf(Interface, CallbackInterface);

// util.promisify(rl.question) resolves with the answer and honours a signal.
Object.defineProperty(CallbackInterface.prototype.question, kPromisifyCustom, {
  value: function question(query, options) {
    return this.askForPromise(query, options);
  },
  writable: false, enumerable: false, configurable: true,
});

function createInterface(...args) {
  return new Interface(...args);
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
