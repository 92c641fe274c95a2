'use strict';
// fs.ReadStream and fs.WriteStream: node:stream streams over a file whose
// reads and writes run on libuv's thread pool, one binding call per chunk.
//
// A stream talks to the file through an "io" table of callback functions
// (open, read, write, writev, fsync, close). The default table calls the fs
// binding directly, without the plan machinery, because a 200 MB copy makes
// thousands of calls; `options.fs` swaps in the caller's own functions, and a
// FileHandle passed as `fd` is read and written through its fd and closed
// through the handle.

const { Readable, Writable, finished } = require('../../stream');
const { codes } = require('../errors');
const {
  validateInteger,
  validateBoolean,
  validateFunction,
} = require('../validators');
const {
  callAsync,
  checkEncoding,
  checkFd,
  isFileHandle,
  toFlags,
  toMode,
  toPath,
} = require('./utils');

const kReadChunk = 64 * 1024;
// A short read much smaller than its buffer is copied out, so that a stream
// of small reads does not keep a 64 KiB block alive per chunk.
const kCopyBelow = 8 * 1024;
// Emitted on the stream (never seen by users: a symbol) when an in-flight
// read or write finishes, so that destroy can wait for it before closing.
const kIdle = Symbol('kIdle');

// node:fs itself, handed over by fs.js when it first makes a stream (a
// require would be a cycle), with its functions as they were then. As in
// Node, a stream without `options.fs` uses fs.open, fs.read, ... at call
// time, so a program (or test) that replaces them is heard; unreplaced, the
// binding is called directly.
let fsModule = null;
let fsOriginal = null;

function bindFs(mod) {
  fsModule = mod;
  fsOriginal = { open: mod.open, read: mod.read, write: mod.write,
    writev: mod.writev, fsync: mod.fsync, close: mod.close };
}

function replaced(name) {
  return fsModule !== null && fsModule[name] !== fsOriginal[name];
}

const toPosition = (pos) => (pos < 0 ? null : pos);

const directIo = {
  open(path, flags, mode, cb) {
    if (replaced('open')) return fsModule.open(path, flags, mode, cb);
    callAsync('open', [path, flags, mode], 'open', path, undefined, cb);
  },
  read(fd, buf, off, len, pos, cb) {
    if (replaced('read')) return fsModule.read(fd, buf, off, len, toPosition(pos), cb);
    callAsync('read', [fd, buf, off, len, pos], 'read', undefined, undefined, cb);
  },
  write(fd, buf, off, len, pos, cb) {
    if (replaced('write')) return fsModule.write(fd, buf, off, len, toPosition(pos), cb);
    callAsync('write', [fd, buf, off, len, pos], 'write', undefined, undefined, cb);
  },
  writev(fd, list, pos, cb) {
    if (replaced('writev')) return fsModule.writev(fd, list, toPosition(pos), cb);
    callAsync('writev', [fd, list, pos], 'write', undefined, undefined, cb);
  },
  fsync(fd, cb) {
    if (replaced('fsync')) return fsModule.fsync(fd, cb);
    callAsync('fsync', [fd], 'fsync', undefined, undefined, cb);
  },
  close(fd, cb) {
    if (replaced('close')) return fsModule.close(fd, cb);
    callAsync('close', [fd], 'close', undefined, undefined, cb);
  },
};

// The io table for a FileHandle: the handle's fd for transfers, and its own
// close so that the handle knows it is closed.
function handleIo(handle) {
  return {
    ...directIo,
    close(fd, cb) { handle.close().then(() => cb(null), cb); },
  };
}

// The io table for `options.fs`: the user's functions take Node's callback
// arguments; missing ones fall back to the binding.
function customIo(impl, needed) {
  for (const name of needed) {
    const fn = name === 'write' ? (impl.write || impl.writev) : impl[name];
    validateFunction(fn, `options.fs.${name}`);
  }
  const io = { ...directIo };
  io.open = (path, flags, mode, cb) => impl.open(path, flags, mode, cb);
  io.close = (fd, cb) => impl.close(fd, cb);
  if (typeof impl.read === 'function') {
    io.read = (fd, buf, off, len, pos, cb) =>
      impl.read(fd, buf, off, len, toPosition(pos), cb);
  }
  if (typeof impl.write === 'function') {
    io.write = (fd, buf, off, len, pos, cb) =>
      impl.write(fd, buf, off, len, toPosition(pos), cb);
  }
  io.writev = typeof impl.writev === 'function' ?
    (fd, list, pos, cb) => impl.writev(fd, list, toPosition(pos), cb) :
    null;
  if (typeof impl.fsync === 'function') io.fsync = (fd, cb) => impl.fsync(fd, cb);
  return io;
}

// The options object of either stream, checked; a string is the encoding.
function streamOptions(options) {
  switch (typeof options) {
    case 'undefined':
      return {};
    case 'string':
      checkEncoding(options);
      return { encoding: options };
    case 'object':
      if (options === null) return {};
      checkEncoding(options.encoding);
      return options;
    default:
      throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'object'], options);
  }
}

// Fills in the parts both streams share: fd or path, io table, flags, mode,
// start. Returns the settings; the stream copies them onto itself.
function commonSettings(path, opts, defaultFlags, needed) {
  const s = { fd: null, path: undefined, handle: null, io: directIo };
  const fd = opts.fd;
  if (fd != null) {
    if (isFileHandle(fd)) {
      if (opts.fs !== undefined) {
        throw new codes.ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
      }
      s.handle = fd;
      s.fd = fd.fd;
      s.io = handleIo(fd);
    } else if (typeof fd === 'number') {
      s.fd = checkFd(fd);
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'], fd);
    }
  } else {
    s.path = toPath(path);
  }
  if (s.handle === null && opts.fs != null) s.io = customIo(opts.fs, needed);
  // flags and mode are checked when the file is opened (an 'error' event).
  s.flags = opts.flags === undefined ? defaultFlags : opts.flags;
  s.mode = opts.mode === undefined ? 0o666 : opts.mode;
  s.start = opts.start;
  if (s.start !== undefined) validateInteger(s.start, 'start', 0);
  return s;
}

// Opens the file for a stream that was given a path; emits 'open' and
// 'ready' once the fd is known, as Node does.
function openFor(stream, io, done) {
  if (stream.fd !== null) return done();
  let flags;
  let mode;
  try {
    flags = toFlags(stream.flags);
    mode = toMode(stream.mode, 'mode');
  } catch (err) {
    return done(err);
  }
  io.open(stream.path, flags, mode, (err, fd) => {
    if (err) return done(err);
    stream.fd = fd;
    done();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

// open() is Node's deprecated (DEP0135) public name for opening; the
// stream opens itself, so calling it only warns (once, as Node does). A
// program that replaces it gets it called instead, and the stream goes on
// at its 'open' event.
let openWarned = false;
// The classes' own open(), kept before anyone can replace it.
const ownOpen = { read: null, write: null };
function warnOpen(className) {
  if (openWarned) return;
  openWarned = true;
  process.emitWarning(`${className}.prototype.open() is deprecated`,
    'DeprecationWarning', 'DEP0135');
}

function constructFor(stream, io, cb, original) {
  if (stream.open === original) return openFor(stream, io, cb);
  stream.once('open', () => cb());
  stream.open();
}

// Closes the fd (after any transfer in flight) and reports err, or the
// close error if only closing failed.
function closeFor(stream, io, busy, err, cb) {
  const close = () => {
    const fd = stream.fd;
    if (fd === null || fd === undefined) return cb(err);
    // The fd is still set while close runs (a replaced fs.close sees it)
    // and null as soon as close is under way.
    // A failed close is what the stream reports, as in Node.
    io.close(fd, (closeErr) => cb(closeErr || err || null));
    stream.fd = null;
  };
  if (busy()) stream.once(kIdle, close);
  else close();
}

function defineStreamAccessors(Class, stateKey) {
  Object.defineProperty(Class.prototype, 'autoClose', {
    get() { return this[stateKey].autoDestroy; },
    set(value) { this[stateKey].autoDestroy = value; },
    configurable: true,
    enumerable: false,
  });
  Object.defineProperty(Class.prototype, 'pending', {
    get() { return this.fd == null; },
    configurable: true,
    enumerable: false,
  });
}

class ReadStream extends Readable {
  #io;
  #busy = false;
  // Bytes still allowed by `end` (Infinity without one).
  #budget;

  constructor(path, options) {
    const opts = streamOptions(options);
    const s = commonSettings(path, opts, 'r', ['open', 'read', 'close']);
    let end = opts.end;
    if (end === undefined) end = Infinity;
    else if (end !== Infinity) validateInteger(end, 'end', 0);
    if (s.start !== undefined && s.start > end) {
      throw new codes.ERR_OUT_OF_RANGE('start', `<= "end" (here: ${end})`, s.start);
    }
    super({
      ...opts,
      highWaterMark: opts.highWaterMark === undefined ? kReadChunk : opts.highWaterMark,
      autoDestroy: opts.autoClose === undefined ? true : opts.autoClose,
      emitClose: opts.emitClose === undefined ? true : opts.emitClose,
      construct: undefined,
      read: undefined,
      destroy: undefined,
    });
    this.fd = s.fd;
    this.path = s.path === undefined ? undefined : toPathText(s.path);
    this.flags = s.flags;
    this.mode = s.mode;
    this.start = s.start;
    this.end = end;
    this.pos = s.start;
    this.bytesRead = 0;
    this.#io = s.io;
    this.#budget = end === Infinity ? Infinity : end - (s.start || 0) + 1;
    // A handle closed from outside ends the stream.
    if (s.handle !== null) {
      s.handle.once('close', () => { if (!this.destroyed) this.fd = null; });
    }
  }

  _construct(cb) {
    constructFor(this, this.#io, cb, ownOpen.read);
  }

  open() {
    warnOpen('ReadStream');
  }

  _read(n) {
    const want = Math.min(n, this.#budget - this.bytesRead);
    if (want <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.allocUnsafeSlow(want);
    const position = this.pos === undefined ? -1 : this.pos;
    this.#busy = true;
    this.#io.read(this.fd, buf, 0, want, position, (err, count) => {
      this.#busy = false;
      if (this.destroyed) {
        this.emit(kIdle);
        return;
      }
      if (err) {
        // Without autoClose a read error is only reported: the stream and
        // its fd stay as they are, as in Node.
        if (this.autoClose) this.destroy(err);
        else process.nextTick(() => this.emit('error', err));
        return;
      }
      if (count === 0) {
        this.push(null);
        return;
      }
      if (this.pos !== undefined) this.pos += count;
      this.bytesRead += count;
      let chunk = buf;
      if (count < want) {
        chunk = count < kCopyBelow ? Buffer.from(buf.subarray(0, count)) :
          buf.subarray(0, count);
      }
      this.push(chunk);
    });
  }

  _destroy(err, cb) {
    closeFor(this, this.#io, () => this.#busy, err, cb);
  }

  close(cb) {
    if (typeof cb === 'function') finished(this, (err) => cb(err));
    this.destroy();
  }
}
defineStreamAccessors(ReadStream, '_readableState');
ownOpen.read = ReadStream.prototype.open;

class WriteStream extends Writable {
  #io;
  #busy = false;
  #flush;

  constructor(path, options) {
    const opts = streamOptions(options);
    const s = commonSettings(path, opts, 'w', ['open', 'write', 'close']);
    if (opts.flush !== undefined) validateBoolean(opts.flush, 'options.flush');
    const flush = opts.flush === true;
    super({
      ...opts,
      decodeStrings: true,
      autoDestroy: opts.autoClose === undefined ? true : opts.autoClose,
      emitClose: opts.emitClose === undefined ? true : opts.emitClose,
      construct: undefined,
      write: undefined,
      writev: undefined,
      final: undefined,
      destroy: undefined,
    });
    // `encoding` is the default for string chunks here.
    if (opts.encoding != null) this.setDefaultEncoding(opts.encoding);
    this.fd = s.fd;
    this.path = s.path === undefined ? undefined : toPathText(s.path);
    this.flags = s.flags;
    this.mode = s.mode;
    this.flush = flush;
    this.start = s.start;
    this.pos = s.start;
    this.bytesWritten = 0;
    this.#io = s.io;
    this.#flush = flush;
    // Only a table with writev gets chunks in batches.
    if (this.#io.writev === null) this._writev = null;
  }

  _construct(cb) {
    constructFor(this, this.#io, cb, ownOpen.write);
  }

  open() {
    warnOpen('WriteStream');
  }

  // Writes bytes[from..] until all are written: a regular file may take
  // fewer bytes than asked (a full disk reports ENOSPC on the next call).
  #writeAll(bytes, from, cb) {
    const length = bytes.byteLength - from;
    const position = this.pos === undefined ? -1 : this.pos;
    this.#busy = true;
    this.#io.write(this.fd, bytes, from, length, position, (err, count) => {
      this.#busy = false;
      if (this.destroyed) {
        this.emit(kIdle);
        return cb(err || new codes.ERR_STREAM_DESTROYED('write'));
      }
      if (err) return cb(err);
      this.#advance(count);
      if (count < length) return this.#writeAll(bytes, from + count, cb);
      cb();
    });
  }

  #advance(count) {
    this.bytesWritten += count;
    if (this.pos !== undefined) this.pos += count;
  }

  _write(chunk, encoding, cb) {
    this.#writeAll(chunk, 0, cb);
  }

  _writev(entries, cb) {
    const list = new Array(entries.length);
    let total = 0;
    entries.forEach(({ chunk }, i) => {
      list[i] = chunk;
      total += chunk.byteLength;
    });
    const position = this.pos === undefined ? -1 : this.pos;
    this.#busy = true;
    this.#io.writev(this.fd, list, position, (err, count) => {
      this.#busy = false;
      if (this.destroyed) {
        this.emit(kIdle);
        return cb(err || new codes.ERR_STREAM_DESTROYED('writev'));
      }
      if (err) return cb(err);
      this.#advance(count);
      if (count === total) return cb();
      // A partial writev: the rest goes out as one contiguous write.
      this.#writeAll(Buffer.concat(list).subarray(count), 0, cb);
    });
  }

  _final(cb) {
    if (!this.#flush || this.fd === null) return cb();
    this.#io.fsync(this.fd, (err) => cb(err || null));
  }

  _destroy(err, cb) {
    closeFor(this, this.#io, () => this.#busy, err, cb);
  }

  close(cb) {
    if (cb !== undefined && cb !== null) {
      if (this.closed) return void process.nextTick(cb);
      this.once('close', cb);
    }
    // Without autoClose, ending alone would leave the fd open.
    if (!this.autoClose) this.once('finish', () => this.destroy());
    this.end();
  }

  destroySoon() {
    return this.end();
  }
}
defineStreamAccessors(WriteStream, '_writableState');
ownOpen.write = WriteStream.prototype.open;

function toPathText(path) {
  return typeof path === 'string' ? path :
    Buffer.from(path.buffer, path.byteOffset, path.byteLength);
}

// Node's fs.ReadStream and WriteStream may also be called without `new`:
// the public names are proxies of the classes. Constructed through the
// proxy, the class itself is new.target, as V8 keeps one map for the objects
// of a new.target that is a class and makes a fresh one per object for a
// proxy (every property load on such streams then misses its cache). The
// prototype's `constructor` is the proxy, as `fs.ReadStream` is in Node.
function callable(Class) {
  const proxy = new Proxy(Class, {
    apply(target, thisArg, args) { return Reflect.construct(target, args); },
    construct(target, args, newTarget) {
      return Reflect.construct(target, args, newTarget === proxy ? target : newTarget);
    },
  });
  Object.defineProperty(Class.prototype, 'constructor', {
    value: proxy, writable: true, enumerable: false, configurable: true,
  });
  return proxy;
}

module.exports = {
  ReadStream: callable(ReadStream),
  WriteStream: callable(WriteStream),
  // The classes themselves, for fs.createReadStream and createWriteStream.
  ReadStreamClass: ReadStream,
  WriteStreamClass: WriteStream,
  bindFs,
};
