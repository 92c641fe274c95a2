'use strict';
// node:fs/promises: the file-system operations as promises, and FileHandle,
// an open file descriptor with methods, closed at most once.

const { plans, readAll, writeAll, toData, fileOptions, throwIfAborted, call } =
  require('../internal/fs/plans');
const { runPromise } = require('../internal/fs/ops');
const { binding, constants, toFlags, toMode, toPath, kFileHandle } =
  require('../internal/fs/utils');
const { EventEmitter } = require('../events');
const { codes } = require('../internal/errors');
const { opendirPlan } = require('../internal/fs/dir');


// What an operation on a closed FileHandle rejects with.
function closedHandle(syscall) {
  return Object.assign(new Error('file closed'), { code: 'EBADF', syscall });
}

// Runs a plan and wraps synchronous argument errors into the rejection, as
// the promise API never throws.
function settle(makePlan) {
  try {
    return runPromise(makePlan());
  } catch (err) {
    return Promise.reject(err);
  }
}

// A FileHandle dropped without close() has its fd closed when it is
// collected, with Node's two warnings. The registry is made with the first
// handle (none exists in the snapshot); its held value is only the fd.
let leakRegistry = null;
let deprecationShown = false;

function closeLeaked(fd) {
  binding().closeSync(fd);
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (deprecationShown) return;
  deprecationShown = true;
  process.emitWarning('Closing a FileHandle object on garbage collection is ' +
    'deprecated. Please close FileHandle objects explicitly using ' +
    'FileHandle.prototype.close(). In the future, an error will be thrown if ' +
    'a file descriptor is closed during garbage collection.',
  'DeprecationWarning', 'DEP0137');
}

const kWebChunk = 64 * 1024;

class FileHandle extends EventEmitter {
  constructor(fd) {
    super();
    this.#fd = fd;
    if (leakRegistry === null) leakRegistry = new FinalizationRegistry(closeLeaked);
    leakRegistry.register(this, fd, this);
  }

  // -1 once closed.
  #fd;
  // The pending close, so that close() called twice closes once.
  #closing = null;

  get fd() { return this.#fd; }

  // The fd for an operation, or a rejection once the handle is closed.
  #use(syscall, makePlan) {
    if (this.#fd === -1) return Promise.reject(closedHandle(syscall));
    return settle(() => makePlan(this.#fd));
  }

  stat(options) { return this.#use('fstat', (fd) => plans.fstat(fd, options)); }
  truncate(len) { return this.#use('ftruncate', (fd) => plans.ftruncate(fd, len)); }
  sync() { return this.#use('fsync', (fd) => plans.fsync(fd)); }
  datasync() { return this.#use('fdatasync', (fd) => plans.fdatasync(fd)); }
  chmod(mode) { return this.#use('fchmod', (fd) => plans.fchmod(fd, mode)); }
  chown(uid, gid) { return this.#use('fchown', (fd) => plans.fchown(fd, uid, gid)); }
  utimes(atime, mtime) {
    return this.#use('futime', (fd) => plans.futimes(fd, atime, mtime));
  }

  read(buffer, offset, length, position) {
    return this.#transfer('read', plans.read, [buffer, offset, length, position],
      'bytesRead', 'buffer');
  }

  write(data, ...rest) {
    return this.#transfer('write', plans.write, [data, ...rest], 'bytesWritten', 'buffer');
  }

  readv(buffers, position) {
    return this.#transfer('readv', plans.readv, [buffers, position], 'bytesRead', 'buffers');
  }

  writev(buffers, position) {
    return this.#transfer('writev', plans.writev, [buffers, position], 'bytesWritten',
      'buffers');
  }

  // Resolves with a null-prototype { <countKey>, <dataKey> }, as Node does.
  #transfer(syscall, plan, args, countKey, dataKey) {
    return this.#use(syscall, (fd) => plan(fd, ...args)).then((r) => {
      if (r.error) throw r.error;
      return { __proto__: null, [countKey]: r.count, [dataKey]: r.data };
    });
  }

  readFile(options) {
    return this.#use('read', (fd) => {
      const opts = fileOptions(options, { encoding: null });
      return (function* () {
        const data = yield* readAll(fd, opts.signal);
        return opts.encoding == null || opts.encoding === 'buffer' ? data :
          data.toString(opts.encoding);
      })();
    });
  }

  writeFile(data, options) {
    if (isChunkSource(data)) {
      const opts = fileOptions(options, { encoding: 'utf8' });
      if (this.#fd === -1) return Promise.reject(closedHandle('write'));
      return writeChunks(this, data, opts.encoding, opts.signal);
    }
    return this.#use('write', (fd) => {
      const opts = fileOptions(options, { encoding: 'utf8' });
      const bytes = toData(data, opts.encoding);
      return (function* () {
        yield throwIfAborted(opts.signal);
        yield* writeAll(fd, bytes, opts.signal, -1);
      })();
    });
  }

  appendFile(data, options) { return this.writeFile(data, options); }

  close() {
    if (this.#closing !== null) return this.#closing;
    if (this.#fd === -1) return Promise.resolve();
    const fd = this.#fd;
    leakRegistry.unregister(this);
    this.#closing = runPromise(call('close', [fd], 'close')).then(() => {
      this.#fd = -1;
      this.#closing = null;
      this.emit('close');
    }, (err) => {
      this.#closing = null;
      throw err;
    });
    return this.#closing;
  }

  async [Symbol.asyncDispose]() { return this.close(); }

  // The streams module is loaded on first use, not with fs/promises.
  createReadStream(options) {
    const streams = require('../internal/fs/streams');
    return new streams.ReadStream(null, { __proto__: null, ...options, fd: this });
  }

  createWriteStream(options) {
    const streams = require('../internal/fs/streams');
    return new streams.WriteStream(null, { __proto__: null, ...options, fd: this });
  }

  // A web ReadableStream of the file from its current position: ArrayBuffer
  // chunks, or a byte stream (BYOB reads land in the reader's buffer) with
  // { type: 'bytes' }. The handle stays open at the end, as in Node.
  readableWebStream(options = undefined) {
    if (this.#fd === -1) throw new codes.ERR_INVALID_STATE('The FileHandle is closed');
    const { ReadableStream } = require('../stream/web');
    const byteStream = options != null && options.type === 'bytes';
    const handle = this;
    return new ReadableStream({
      type: byteStream ? 'bytes' : undefined,
      async pull(controller) {
        const request = byteStream ? controller.byobRequest : null;
        const target = request ? request.view : new Uint8Array(kWebChunk);
        const { bytesRead } = await handle.read(target, 0, target.byteLength, null);
        if (bytesRead === 0) {
          controller.close();
          if (request) request.respond(0);
          return;
        }
        if (request) request.respond(bytesRead);
        else if (byteStream) controller.enqueue(target.subarray(0, bytesRead));
        else controller.enqueue(target.buffer.slice(0, bytesRead));
      },
    });
  }

  readLines(options) {
    const { createInterface } = require('../readline');
    return createInterface({ input: this.createReadStream(options),
      crlfDelay: Infinity });
  }
}
Object.defineProperty(FileHandle.prototype, kFileHandle, { value: true });

// fs/promises also writes (async) iterables of strings and byte views,
// such as arrays of chunks and readable streams.
function isChunkSource(data) {
  return data !== null && typeof data === 'object' && !ArrayBuffer.isView(data) &&
    (typeof data[Symbol.asyncIterator] === 'function' ||
      typeof data[Symbol.iterator] === 'function');
}

async function writeChunks(handle, source, encoding, signal) {
  // An abort while the file was being opened counts, even when the source
  // has nothing left to give.
  throwIfAborted(signal);
  for await (const chunk of source) {
    throwIfAborted(signal);
    // Chunks other than strings and views fail as Buffer.from fails on them.
    const bytes = ArrayBuffer.isView(chunk) ? chunk : Buffer.from(chunk, encoding);
    let done = 0;
    while (done < bytes.byteLength) {
      const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done);
      done += bytesWritten;
    }
  }
}

async function writeFileFromChunks(path, data, options, defaultFlag) {
  const opts = fileOptions(options, { encoding: 'utf8', mode: 0o666,
    flag: defaultFlag });
  throwIfAborted(opts.signal);
  const handle = await open(path, opts.flag || defaultFlag, opts.mode);
  try {
    await writeChunks(handle, data, opts.encoding, opts.signal);
  } finally {
    await handle.close();
  }
}

function open(path, flags, mode) {
  return settle(() => {
    const p = toPath(path);
    return call('open', [p, toFlags(flags), toMode(mode, 'mode', 0o666)], 'open',
      p, undefined, (fd) => new FileHandle(fd));
  });
}

// Whole-file operations accept a FileHandle where a path goes.
function handleOrPath(target, onHandle, onPath) {
  if (target instanceof FileHandle) return onHandle(target);
  return settle(onPath);
}

const promises = {
  access: (path, mode) => settle(() => plans.access(path, mode)),
  appendFile: (path, data, options) => handleOrPath(path,
    (h) => h.appendFile(data, options), () => plans.appendFile(path, data, options)),
  chmod: (path, mode) => settle(() => plans.chmod(path, mode)),
  chown: (path, uid, gid) => settle(() => plans.chown(path, uid, gid)),
  copyFile: (src, dest, mode) => settle(() => plans.copyFile(src, dest, mode)),
  cp: (src, dest, options) => require('../internal/fs/cp').cpPromise(src, dest, options),
  lchmod: () => Promise.reject(new codes.ERR_METHOD_NOT_IMPLEMENTED('lchmod()')),
  lchown: (path, uid, gid) => settle(() => plans.lchown(path, uid, gid)),
  link: (a, b) => settle(() => plans.link(a, b)),
  lstat: (path, options) => settle(() => plans.lstat(path, options)),
  lutimes: (path, a, m) => settle(() => plans.lutimes(path, a, m)),
  mkdir: (path, options) => settle(() => plans.mkdir(path, options)),
  mkdtemp: (prefix, options) => settle(() => plans.mkdtemp(prefix, options)),
  open,
  opendir: (path, options) => settle(() => opendirPlan(path, options)),
  readFile: (path, options) => handleOrPath(path, (h) => h.readFile(options),
    () => plans.readFile(path, options)),
  readdir: (path, options) => settle(() => plans.readdir(path, options)),
  readlink: (path, options) => settle(() => plans.readlink(path, options)),
  realpath: (path, options) => settle(() => plans.realpath(path, options)),
  rename: (a, b) => settle(() => plans.rename(a, b)),
  rm: (path, options) => settle(() => plans.rm(path, options)),
  rmdir: (path, options) => settle(() => plans.rmdir(path, options)),
  stat: (path, options) => settle(() => plans.stat(path, options)),
  statfs: (path, options) => settle(() => plans.statfs(path, options)),
  symlink: (t, p, type) => settle(() => plans.symlink(t, p, type)),
  truncate: (path, len) => settle(() => plans.truncatePath(path, len)),
  unlink: (path) => settle(() => plans.unlink(path)),
  utimes: (path, a, m) => settle(() => plans.utimes(path, a, m)),
  watch: (filename, options) =>
    require('../internal/fs/watch').watchAsync(filename, options),
  writeFile: (path, data, options) => {
    if (isChunkSource(data) && !(path instanceof FileHandle)) {
      return writeFileFromChunks(path, data, options, 'w');
    }
    return handleOrPath(path, (h) => h.writeFile(data, options),
      () => plans.writeFile(path, data, options));
  },
};

// Public functions carry their API names (they show in stack traces).
for (const key of Object.keys(promises)) {
  Object.defineProperty(promises[key], 'name', { value: key });
}

Object.defineProperty(promises, 'constants', {
  get: constants, enumerable: true, configurable: true,
});

module.exports = promises;
