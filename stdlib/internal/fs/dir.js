'use strict';
// fs.Dir (opendir): a directory's entries, handed out one at a time. The
// entries are read once, when the directory is opened (scandir), so reads
// never fail later; Node documents no order for them.

const { codes } = require('../errors');
const { validateInteger } = require('../validators');
const { Dirent } = require('./stats');
const { readOptions, toPath, pathText, encodeResult, checkCallback, wantsBytes } =
  require('./utils');
const { runAsync, runSync } = require('./ops');
const plans = require('./plans');

function closedError() {
  return new codes.ERR_DIR_CLOSED();
}

class Dir {
  #path;
  #entries;
  #next = 0;
  #closed = false;

  constructor(path, entries) {
    // Made by opendir; Node's constructor names its first argument `handle`.
    if (path === undefined) throw new codes.ERR_MISSING_ARGS('handle');
    this.#path = path;
    this.#entries = entries;
  }

  get path() { return this.#path; }

  // The next Dirent, or null at the end.
  #take() {
    if (this.#next >= this.#entries.length) return null;
    return this.#entries[this.#next++];
  }

  readSync() {
    if (this.#closed) throw closedError();
    return this.#take();
  }

  read(callback) {
    return this.#answer(callback, () => this.readSync());
  }

  closeSync() {
    if (this.#closed) throw closedError();
    this.#closed = true;
    this.#entries = [];
  }

  close(callback) {
    return this.#answer(callback, () => this.closeSync());
  }

  // Runs `work` now and reports its outcome as a promise, or to `callback`
  // on the next tick when one is given.
  #answer(callback, work) {
    const wantsPromise = callback === undefined;
    if (!wantsPromise) checkCallback(callback);
    let failure = null;
    let value;
    try {
      value = work();
    } catch (err) {
      failure = err;
    }
    if (wantsPromise) return failure ? Promise.reject(failure) : Promise.resolve(value);
    process.nextTick(callback, failure, value);
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this.#closed) this.closeSync();
    }
  }

  [Symbol.asyncIterator]() { return this.entries(); }
}

// The plan of opendir: checks its arguments and lists the directory. The
// errors of opendirSync name the syscall only, as Node's do; the callback
// and promise forms also name the path.
function opendirPlan(path, options, errorsNamePath = true) {
  const p = toPath(path);
  const opts = readOptions(options, { encoding: 'utf8', bufferSize: 32 });
  validateInteger(opts.bufferSize, 'options.bufferSize', 1, 2 ** 32 - 1);
  const text = pathText(p);
  return plans.call('scandir', [p, true, wantsBytes(opts.encoding)], 'opendir',
    errorsNamePath ? p : undefined,
    undefined,
    ([names, types]) => new Dir(text, names.map((name, i) =>
      new Dirent(encodeResult(name, opts.encoding), types[i], text))));
}

// opendir(path[, options], callback)
function opendir(path, ...rest) {
  const cb = checkCallback(rest.pop());
  runAsync(opendirPlan(path, rest[0]), cb);
}

function opendirSync(path, options) {
  return runSync(opendirPlan(path, options, false));
}

module.exports = { Dir, opendir, opendirPlan, opendirSync };
