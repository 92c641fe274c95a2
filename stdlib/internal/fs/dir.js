'use strict';
// fs.Dir (opendir): a directory's entries, handed out one at a time. The
// entries are read once, when the directory is opened (scandir), so reads
// never fail later; Node documents no order for them.

const { codes } = require('../errors');
const { validateInteger } = require('../validators');
const { readOptions, toPath, pathText, encodeResult, checkCallback } =
  require('./utils');
const { call } = require('./plans');
const { runAsync, runSync } = require('./ops');
const { Dirent } = require('./stats');

function closedError() {
  return new codes.ERR_DIR_CLOSED();
}

class Dir {
  #path;
  #entries;
  #next = 0;
  #closed = false;

  constructor(path, entries) {
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
    if (callback === undefined) {
      return this.#closed ? Promise.reject(closedError()) :
        Promise.resolve(this.#take());
    }
    checkCallback(callback);
    const err = this.#closed ? closedError() : null;
    const entry = err ? undefined : this.#take();
    process.nextTick(() => (err ? callback(err) : callback(null, entry)));
  }

  closeSync() {
    if (this.#closed) throw closedError();
    this.#closed = true;
    this.#entries = [];
  }

  close(callback) {
    let err = null;
    try {
      this.closeSync();
    } catch (e) {
      err = e;
    }
    if (callback === undefined) return err ? Promise.reject(err) : Promise.resolve();
    checkCallback(callback);
    process.nextTick(() => callback(err));
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
  return call('scandir', [p, true], 'opendir', errorsNamePath ? p : undefined,
    undefined,
    ([names, types]) => new Dir(text, names.map((name, i) =>
      new Dirent(encodeResult(name, opts.encoding), types[i], text))));
}

function opendir(path, options, callback) {
  const cb = checkCallback(typeof options === 'function' ? options : callback);
  runAsync(opendirPlan(path, typeof options === 'function' ? undefined : options), cb);
}

function opendirSync(path, options) {
  return runSync(opendirPlan(path, options, false));
}

module.exports = { Dir, opendir, opendirPlan, opendirSync };
