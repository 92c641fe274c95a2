'use strict';
// node:readline/promises: the readline interface with promise questions, and
// Readline, a batch of cursor moves and clears written in one go.

const { InterfaceBase } = require('../internal/readline/interface');
const {
  eraseCode,
  kEraseBelow,
  motionCode,
  positionCode,
} = require('../internal/readline/ansi');
const { AbortError, codes } = require('../internal/errors');
const { nextTick } = require('../internal/process/ticks');
const {
  validateAbortSignal,
  validateBoolean,
  validateInteger,
} = require('../internal/validators');

class Interface extends InterfaceBase {
  question(query, options = {}) {
    return new Promise((resolve, reject) => {
      const signal = options !== null && options !== undefined ?
        options.signal : undefined;
      let settle = resolve;
      if (signal) {
        validateAbortSignal(signal, 'options.signal');
        const aborted = () => new AbortError(undefined,
                                             { cause: signal.reason });
        if (signal.aborted) {
          reject(aborted());
          return;
        }
        const onAbort = () => {
          this.dropQuestion();
          reject(aborted());
        };
        signal.addEventListener('abort', onAbort, { once: true });
        settle = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.ask(query, settle);
    });
  }
}

// A stream that can still take writes: it says so (writable is true), has
// write() and on(), and was neither destroyed nor ended.
function canWriteTo(stream) {
  if (stream === null || typeof stream !== 'object' ||
      stream.writable !== true) {
    return false;
  }
  if (typeof stream.write !== 'function' || typeof stream.on !== 'function') {
    return false;
  }
  const state = stream._writableState;
  const gone = stream.destroyed || stream.writableEnded ||
    (state !== undefined && state !== null && (state.destroyed || state.ended));
  return !gone;
}

// Cursor and clearing actions for one stream, queued until commit() unless
// autoCommit writes each on the next tick.
class Readline {
  #stream;
  #autoCommit = false;
  #queue = [];

  constructor(stream, options = undefined) {
    if (!canWriteTo(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this.#stream = stream;
    if (options !== null && options !== undefined &&
        options.autoCommit !== null && options.autoCommit !== undefined) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #add(code) {
    if (this.#autoCommit) nextTick(() => this.#stream.write(code));
    else this.#queue.push(code);
    return this;
  }

  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y !== null && y !== undefined) validateInteger(y, 'y');
    return this.#add(positionCode(x, y === null ? undefined : y));
  }

  moveCursor(dx, dy) {
    if (!dx && !dy) return this;
    validateInteger(dx, 'dx');
    validateInteger(dy, 'dy');
    return this.#add(motionCode(dx, dy));
  }

  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    return this.#add(eraseCode(dir));
  }

  clearScreenDown() {
    return this.#add(kEraseBelow);
  }

  commit() {
    return new Promise((resolve) => {
      this.#stream.write(this.#queue.join(''), resolve);
      this.#queue = [];
    });
  }

  rollback() {
    this.#queue = [];
    return this;
  }
}

function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = { Interface, Readline, createInterface };
