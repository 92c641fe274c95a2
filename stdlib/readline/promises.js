'use strict';
// node:readline/promises: the readline interface with promise questions, and
// Readline, a batch of cursor moves and clears written in one go.

const { InterfaceBase } = require('../internal/readline/interface');
const {
  eraseCode,
  kEraseBelow,
  motionCode,
  positionCode,
  present,
} = require('../internal/readline/ansi');
const { codes } = require('../internal/errors');
const { nextTick } = require('../internal/process/ticks');
const {
  validateBoolean,
  validateInteger,
} = require('../internal/validators');

class Interface extends InterfaceBase {
  question(query, options = undefined) {
    return this.askForPromise(query, options);
  }
}

// Each named value must be an integer (within min..max when given); the
// name is the one errors show.
function integers(named, min, max) {
  for (const name of Object.keys(named)) {
    validateInteger(named[name], name, min, max);
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
  if (stream.destroyed || stream.writableEnded) return false;
  const inner = stream._writableState;
  return !(present(inner) && (inner.destroyed || inner.ended));
}

// Cursor and clearing actions for one stream, queued until commit() unless
// autoCommit writes each on the next tick.
class Readline {
  #stream;
  #autoCommit = false;
  #queue = [];

  constructor(stream, options = {}) {
    if (!canWriteTo(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this.#stream = stream;
    const auto = present(options) ? options.autoCommit : undefined;
    if (present(auto)) {
      validateBoolean(auto, 'options.autoCommit');
      this.#autoCommit = auto;
    }
  }

  #add(code) {
    if (this.#autoCommit) nextTick(() => this.#stream.write(code));
    else this.#queue.push(code);
    return this;
  }

  cursorTo(x, y) {
    integers(present(y) ? { x, y } : { x });
    return this.#add(positionCode(x, present(y) ? y : undefined));
  }

  // No motion at all is not checked and queues nothing.
  moveCursor(dx, dy) {
    if (!dx && !dy) return this;
    integers({ dx, dy });
    return this.#add(motionCode(dx, dy));
  }

  // dir: -1 to the line start, 1 to its end, 0 the whole line.
  clearLine(dir) {
    integers({ dir }, -1, 1);
    return this.#add(eraseCode(dir));
  }

  clearScreenDown() {
    return this.#add(kEraseBelow);
  }

  // Writes everything queued at once; resolves when the write is done.
  commit() {
    const batch = this.#queue.join('');
    this.#queue = [];
    return new Promise((done) => this.#stream.write(batch, done));
  }

  rollback() {
    this.#queue = [];
    return this;
  }
}

function createInterface(...args) {
  return new Interface(...args);
}

module.exports = { Interface, Readline, createInterface };
