'use strict';
// The plans behind every fs operation (see ops.js): argument checks in
// Node's order and with its errors, then the binding calls. Shared by
// node:fs (Sync and callback forms) and fs/promises.

const pathModule = require('../../path');
const { codes, AbortError } = require('../errors');
const { validateInteger, validateObject, validateBoolean } = require('../validators');
const {
  asBytes,
  checkEncoding,
  checkFd,
  constants,
  encodeResult,
  fsSystemError,
  isArrayBufferView,
  pathText,
  readOptions,
  systemError,
  toFlags,
  toMode,
  toPath,
  toPosition,
  toSeconds,
  wantsBytes,
} = require('./utils');
const { Dirent, StatFs, statsFromFields } = require('./stats');


const kMaxFileSize = 2 ** 31 - 1;
const kChunk = 64 * 1024;

// One binding call.
function call(op, args, syscall, path, dest, map) {
  return { op, args, syscall, path, dest, map };
}

function toStats(fields) {
  return statsFromFields(fields);
}

// The one array blocking stat calls fill (the binding writes it and hands
// it back; toStats copies it at once). Made on first use.
let statScratch;
function scratchFor(bigint) {
  if (bigint) return undefined;
  if (statScratch === undefined) statScratch = new Float64Array(18);
  return statScratch;
}

// mode arguments of access and copyFile: an integer 0..7 (or nothing).
function smallMode(mode, fallback) {
  if (mode == null) return fallback;
  if (typeof mode !== 'number') {
    const err = new codes.ERR_INVALID_ARG_TYPE('mode', 'integer', mode);
    err.message = 'mode must be int32 or null/undefined';
    throw err;
  }
  if (!(mode >= 0 && mode <= 7)) {
    const err = new codes.ERR_OUT_OF_RANGE('mode', '>= 0 && <= 7', mode);
    err.message = Number.isNaN(mode) ? 'mode is out of range' :
      'mode is out of range: >= 0 && <= 7';
    throw err;
  }
  return mode | 0;
}

// Like Node, only undefined means "no options" here: null fails on access.
function bigintOption(options) {
  if (options === undefined) return false;
  return Boolean(options.bigint);
}

const plans = {};

plans.access = (path, mode) => {
  const p = toPath(path);
  return call('access', [p, smallMode(mode, constants().F_OK)], 'access', p);
};

plans.open = (path, flags, mode) => {
  const p = toPath(path);
  return call('open', [p, toFlags(flags), toMode(mode, 'mode', 0o666)], 'open', p);
};

plans.close = (fd) => call('close', [checkFd(fd)], 'close');

plans.stat = (path, options) => {
  const p = toPath(path);
  const bigint = bigintOption(options);
  return call('stat', [p, bigint, scratchFor(bigint)], 'stat', p, undefined,
              toStats);
};

plans.lstat = (path, options) => {
  const p = toPath(path);
  const bigint = bigintOption(options);
  return call('lstat', [p, bigint, scratchFor(bigint)], 'lstat', p,
              undefined, toStats);
};

plans.fstat = (fd, options) =>
  call('fstat', [checkFd(fd), bigintOption(options),
    scratchFor(bigintOption(options))], 'fstat', undefined,
    undefined, toStats);

plans.statfs = (path, options) => {
  const p = toPath(path);
  return call('statfs', [p, bigintOption(options)], 'statfs', p, undefined,
    (fields) => new StatFs(fields));
};

// read(fd, buffer, offset, length, position) and its option-bag forms.
// Returns the call and the buffer it reads into.
// A byte count checked as Node checks them: an integer, at most `max`, not
// negative (in that order).
function checkCount(length, max) {
  if (!Number.isInteger(length)) {
    throw new codes.ERR_OUT_OF_RANGE('length', 'an integer', length);
  }
  if (length > max) throw new codes.ERR_OUT_OF_RANGE('length', `<= ${max}`, length);
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
}

// Positions of writes and vector calls: anything but a non-negative safe
// integer (or a bigint) means "the current position".
function loosePosition(position) {
  if (typeof position === 'bigint') return toPosition(position);
  return Number.isSafeInteger(position) && position >= 0 ? position : -1;
}

function readArgs(argCount, fd, buffer, offsetOrOptions, length, position) {
  checkFd(fd);
  let offset;
  const isObject = (v) => v !== null && typeof v === 'object';
  if (buffer === undefined || (isObject(buffer) && !isArrayBufferView(buffer))) {
    // read(fd, { buffer, offset, length, position })
    const bag = buffer === undefined ? {} : buffer;
    buffer = bag.buffer === undefined ? Buffer.alloc(16384) : bag.buffer;
    ({ offset, length, position } = bag);
  } else if (isObject(offsetOrOptions)) {
    // read(fd, buffer, { offset, length, position })
    ({ offset, length, position } = offsetOrOptions);
  } else if (argCount <= 3 && offsetOrOptions !== undefined) {
    // A third argument alone must be the options.
    validateObject(offsetOrOptions, 'options', 1);
  } else {
    offset = offsetOrOptions;
  }
  if (isArrayBufferView(buffer) === false) {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'],
      buffer);
  }
  const size = buffer.byteLength;
  if (offset == null) offset = 0;
  else validateInteger(offset, 'offset', 0);
  // Counts are truncated to int32 first, as in Node.
  length = length === undefined ? size - offset : length | 0;
  if (length === 0) return { empty: true, buffer };
  if (size === 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  if (length < 0) throw new codes.ERR_OUT_OF_RANGE('length', '>= 0', length);
  checkCount(length, size - offset);
  return {
    call: call('read', [fd, asBytes(buffer), offset, length, toPosition(position)],
      'read'),
    buffer,
  };
}

// The result of read, write, readv and writev: `error` is set when the
// call failed (the callback form still reports count and data).
function* transfer(step, data) {
  try {
    return { error: null, count: yield step, data };
  } catch (error) {
    return { error, count: 0, data };
  }
}

plans.read = (...args) => {
  const r = readArgs(args.length, ...args);
  if (r.empty) return transfer(0, r.buffer);
  return transfer(r.call, r.buffer);
};

// write(fd, buffer, offset, length, position) or
// write(fd, string, position, encoding).
plans.write = (fd, data, a, b, c) => {
  checkFd(fd);
  let bytes;
  let position;
  if (isArrayBufferView(data)) {
    let offset = a;
    let length = b;
    position = c;
    if (offset !== null && typeof offset === 'object') {
      ({ offset, length, position } = offset);
    }
    const size = data.byteLength;
    if (offset == null) offset = 0;
    else validateInteger(offset, 'offset', 0);
    if (offset > size) throw new codes.ERR_OUT_OF_RANGE('offset', `<= ${size}`, offset);
    // A length that is not a number means "the rest of the buffer".
    if (typeof length !== 'number') length = size - offset;
    checkCount(length, size - offset);
    bytes = asBytes(data).subarray(offset, offset + length);
  } else if (typeof data === 'string') {
    position = a;
    // An unknown encoding falls back to UTF-8 here, as in Node.
    bytes = Buffer.from(data, Buffer.isEncoding(b) ? b : 'utf8');
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('buffer',
      ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  const pos = loosePosition(position);
  return transfer(call('write', [fd, bytes, 0, bytes.byteLength, pos], 'write'),
    data);
};

function vectorPlan(op) {
  return (fd, buffers, position) => {
    checkFd(fd);
    if (!Array.isArray(buffers) || !buffers.every(isArrayBufferView)) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffers', 'ArrayBufferView[]', buffers);
    }
    const pos = loosePosition(position);
    return transfer(call(op, [fd, buffers.map(asBytes), pos], op), buffers);
  };
}
plans.readv = vectorPlan('readv');
plans.writev = vectorPlan('writev');

// `dir`/`name` where either may be bytes (a name that is not UTF-8 stays
// exact): a string if both are strings, else a Buffer.
function joinName(dir, name) {
  if (typeof dir === 'string' && typeof name === 'string') {
    return pathModule.join(dir, name);
  }
  const bytes = (v) => (typeof v === 'string' ? Buffer.from(v) :
    Buffer.from(v.buffer, v.byteOffset, v.byteLength));
  const head = bytes(dir);
  const sep = head.length > 0 && head[head.length - 1] === 0x2f ? [] : [Buffer.from('/')];
  return Buffer.concat([head, ...sep, bytes(name)]);
}

plans.readdir = (path, options) => {
  const p = toPath(path);
  const opts = readOptions(options, { encoding: 'utf8', withFileTypes: false,
    recursive: false });
  const withTypes = Boolean(opts.withFileTypes);
  const raw = wantsBytes(opts.encoding);
  const parent = pathText(p);
  const toEntries = (result) => {
    if (!withTypes) return result.map((name) => encodeResult(name, opts.encoding));
    const [names, types] = result;
    return names.map((name, i) =>
      new Dirent(encodeResult(name, opts.encoding), types[i], parent));
  };
  if (!opts.recursive) {
    if (!withTypes) {
      return call('scandir', [p, false, raw], 'scandir', p, undefined, toEntries);
    }
    return (function* () {
      const listed = yield call('scandir', [p, true, raw], 'scandir', p);
      yield* fillUnknownTypes(p, listed);
      return toEntries(listed);
    })();
  }
  return (function* () {
    const out = [];
    // Breadth first, as Node lists them: a directory's entries, then those
    // of its subdirectories in the order they were found. With bytes, the
    // directories are walked by their exact names too.
    const queue = [''];
    for (let head = 0; head < queue.length; head++) {
      const rel = queue[head];
      const dir = rel === '' ? p : joinName(p, rel);
      const listed = yield call('scandir', [dir, true, raw], 'scandir', dir);
      yield* fillUnknownTypes(dir, listed);
      const [names, types] = listed;
      const dirText = pathText(dir);
      names.forEach((name, i) => {
        const relName = rel === '' ? name : joinName(rel, name);
        if (withTypes) out.push(new Dirent(encodeResult(name, opts.encoding), types[i], dirText));
        else out.push(encodeResult(relName, opts.encoding));
        if (types[i] === constants().UV_DIRENT_DIR) queue.push(relName);
      });
    }
    return out;
  })();
};

// Some file systems leave an entry's type unknown in scandir; lstat tells.
function* fillUnknownTypes(dir, [names, types]) {
  const c = constants();
  for (let i = 0; i < types.length; i++) {
    if (types[i] !== c.UV_DIRENT_UNKNOWN) continue;
    const full = joinName(dir, names[i]);
    const st = yield call('lstat', [full, false], 'lstat', full, undefined, toStats);
    const kinds = [['isFile', 'UV_DIRENT_FILE'], ['isDirectory', 'UV_DIRENT_DIR'],
      ['isSymbolicLink', 'UV_DIRENT_LINK'], ['isFIFO', 'UV_DIRENT_FIFO'],
      ['isSocket', 'UV_DIRENT_SOCKET'], ['isCharacterDevice', 'UV_DIRENT_CHAR'],
      ['isBlockDevice', 'UV_DIRENT_BLOCK']];
    const found = kinds.find(([test]) => st[test]());
    if (found !== undefined) types[i] = c[found[1]];
  }
}

function* mkdirRecursive(path, mode) {
  try {
    yield call('mkdir', [path, mode], 'mkdir', path);
    return path;
  } catch (err) {
    if (err.code === 'EEXIST') {
      const st = yield* tryStat(path);
      if (st !== undefined && st.isDirectory()) return undefined;
      throw err;
    }
    if (err.code !== 'ENOENT') throw err;
    const parent = pathModule.dirname(path);
    if (parent === path) throw err;
    const first = yield* mkdirRecursive(parent, mode);
    try {
      yield call('mkdir', [path, mode], 'mkdir', path);
    } catch (again) {
      if (again.code !== 'EEXIST') throw again;
      const st = yield* tryStat(path);
      if (st === undefined || !st.isDirectory()) throw again;
    }
    return first === undefined ? path : first;
  }
}

// stat that gives undefined instead of an error.
function* tryStat(path) {
  try {
    return yield call('stat', [path, false], 'stat', path, undefined, toStats);
  } catch {
    return undefined;
  }
}

plans.mkdir = (path, options) => {
  const p = toPath(path);
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = toMode(options, 'mode');
  } else if (options != null) {
    recursive = options.recursive === undefined ? false : options.recursive;
    validateBoolean(recursive, 'options.recursive');
    mode = toMode(options.mode, 'mode', 0o777);
  }
  if (!recursive) return call('mkdir', [p, mode], 'mkdir', p);
  // The first directory made is reported as the caller spelled the path.
  return mkdirRecursive(pathText(p), mode);
};

plans.mkdtemp = (prefix, options) => {
  const opts = readOptions(options, { encoding: 'utf8' });
  const p = toPath(prefix, 'prefix');
  const template = typeof p === 'string' ? `${p}XXXXXX` :
    Buffer.concat([Buffer.from(p.buffer, p.byteOffset, p.byteLength), Buffer.from('XXXXXX')]);
  return call('mkdtemp', [template, wantsBytes(opts.encoding)], 'mkdtemp',
    template, undefined, (out) => encodeResult(out, opts.encoding));
};

plans.rmdir = (path, options) => {
  const p = toPath(path);
  if (options != null && options.recursive) {
    validateBoolean(options.recursive, 'options.recursive');
    return removeTree(p, true);
  }
  return call('rmdir', [p], 'rmdir', p);
};

plans.unlink = (path) => {
  const p = toPath(path);
  return call('unlink', [p], 'unlink', p);
};

// Removes `path` and, for a directory, everything below it. Children are
// walked by their names' bytes, so a name that is not UTF-8 goes too.
function* removeTree(path, force) {
  let st;
  try {
    st = yield call('lstat', [path, false], 'lstat', path, undefined, toStats);
  } catch (err) {
    if (force && err.code === 'ENOENT') return undefined;
    throw err;
  }
  if (!st.isDirectory()) {
    yield call('unlink', [path], 'unlink', path);
    return undefined;
  }
  const names = yield call('scandir', [path, false, true], 'scandir', path);
  for (const name of names) yield* removeTree(joinName(path, name), false);
  yield call('rmdir', [path], 'rmdir', path);
  return undefined;
}

plans.rm = (path, options) => {
  const p = toPath(path);
  const opts = options === undefined ? {} : options;
  validateObject(opts, 'options');
  const recursive = opts.recursive === undefined ? false : opts.recursive;
  const force = opts.force === undefined ? false : opts.force;
  validateBoolean(recursive, 'options.recursive');
  validateBoolean(force, 'options.force');
  const text = pathText(p);
  return (function* () {
    let st;
    try {
      st = yield call('lstat', [p, false], 'lstat', p, undefined, toStats);
    } catch (err) {
      if (force && err.code === 'ENOENT') return undefined;
      throw err;
    }
    if (st.isDirectory() && !recursive) {
      throw fsSystemError('ERR_FS_EISDIR', 'EISDIR', 'is a directory', 21, 'rm', text);
    }
    return yield* removeTree(p, force);
  })();
};

plans.rename = (from, to) => {
  const a = toPath(from, 'oldPath');
  const b = toPath(to, 'newPath');
  return call('rename', [a, b], 'rename', a, b);
};

plans.link = (existing, newPath) => {
  const a = toPath(existing, 'existingPath');
  const b = toPath(newPath, 'newPath');
  return call('link', [a, b], 'link', a, b);
};

plans.copyFile = (src, dest, mode) => {
  const a = toPath(src, 'src');
  const b = toPath(dest, 'dest');
  return call('copyfile', [a, b, smallMode(mode, 0)], 'copyfile', a, b);
};

const kSymlinkTypes = { __proto__: null, dir: 1, file: 0, junction: 2 };

plans.symlink = (target, path, type) => {
  const t = toPath(target, 'target');
  const p = toPath(path);
  let flags = 0;
  // Only strings are checked; other values leave the default, as in Node.
  if (typeof type === 'string') {
    if (kSymlinkTypes[type] === undefined) {
      throw new codes.ERR_FS_INVALID_SYMLINK_TYPE(type);
    }
    flags = kSymlinkTypes[type];
  }
  return call('symlink', [t, p, flags], 'symlink', t, p);
};

plans.readlink = (path, options) => {
  const opts = readOptions(options, { encoding: 'utf8' });
  const p = toPath(path, 'oldPath');
  return call('readlink', [p, wantsBytes(opts.encoding)], 'readlink', p,
    undefined, (out) => encodeResult(out, opts.encoding));
};

plans.realpathNative = (path, options) => {
  const opts = readOptions(options, { encoding: 'utf8' });
  const p = toPath(path);
  return call('realpath', [p, wantsBytes(opts.encoding)], 'realpath', p,
    undefined, (out) => encodeResult(out, opts.encoding));
};

// The JS realpath takes anything and turns it into text (a Buffer decoded,
// URLs converted, everything else through String()).
function looseText(path) {
  if (isArrayBufferView(path)) return pathText(path);
  if (path !== null && typeof path === 'object' && typeof path.href === 'string') {
    return path;
  }
  return String(path);
}

// Resolves symbolic links one component at a time with lstat and readlink,
// so that errors name the first component that failed, as Node's does.
plans.realpath = (path, options) => {
  const opts = readOptions(options, { encoding: 'utf8' });
  const p = toPath(looseText(path));
  return (function* () {
    let pending = pathModule.resolve(pathText(p)).split('/').filter(Boolean);
    let resolved = '/';
    let hops = 0;
    while (pending.length > 0) {
      const next = pathModule.join(resolved, pending.shift());
      const st = yield call('lstat', [next, false], 'lstat', next, undefined, toStats);
      if (!st.isSymbolicLink()) {
        resolved = next;
        continue;
      }
      if (++hops > 40) throw systemError(-40, 'lstat', next);
      // The link's target must exist before it is followed.
      yield call('stat', [next, false], 'stat', next);
      const target = yield call('readlink', [next, false], 'readlink', next);
      const rest = pending;
      const base = target.startsWith('/') ? target : pathModule.join(resolved, target);
      pending = pathModule.resolve(base).split('/').filter(Boolean).concat(rest);
      resolved = '/';
    }
    return encodeResult(resolved, opts.encoding);
  })();
};

plans.chmod = (path, mode) => {
  const p = toPath(path);
  return call('chmod', [p, toMode(mode, 'mode')], 'chmod', p);
};

plans.fchmod = (fd, mode) =>
  call('fchmod', [checkFd(fd), toMode(mode, 'mode')], 'fchmod');

function checkId(id, name) {
  validateInteger(id, name, -1, 2 ** 32 - 1);
  return id;
}

plans.chown = (path, uid, gid) => {
  const p = toPath(path);
  return call('chown', [p, checkId(uid, 'uid'), checkId(gid, 'gid')], 'chown', p);
};

plans.lchown = (path, uid, gid) => {
  const p = toPath(path);
  return call('lchown', [p, checkId(uid, 'uid'), checkId(gid, 'gid')], 'lchown', p);
};

plans.fchown = (fd, uid, gid) =>
  call('fchown', [checkFd(fd), checkId(uid, 'uid'), checkId(gid, 'gid')], 'fchown');

function checkTime(time, name = 'time') {
  const seconds = toSeconds(time, name);
  if (!Number.isFinite(seconds)) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
  }
  return seconds;
}

plans.utimes = (path, atime, mtime) => {
  const p = toPath(path);
  return call('utime', [p, checkTime(atime), checkTime(mtime)], 'utime', p);
};

plans.lutimes = (path, atime, mtime) => {
  const p = toPath(path);
  return call('lutime', [p, checkTime(atime), checkTime(mtime)], 'lutime', p);
};

plans.futimes = (fd, atime, mtime) =>
  call('futime', [checkFd(fd), checkTime(atime, 'atime'), checkTime(mtime, 'mtime')],
    'futime');

function checkLength(len) {
  if (len === undefined) return 0;
  validateInteger(len, 'len');
  return Math.max(0, len);
}

plans.ftruncate = (fd, len) =>
  call('ftruncate', [checkFd(fd), checkLength(len)], 'ftruncate');

// fs.truncate also takes a file descriptor (deprecated, DEP0081);
// fs/promises.truncate only a path.
plans.truncate = (path, len) => {
  if (typeof path === 'number') return plans.ftruncate(path, len);
  return plans.truncatePath(path, len);
};

plans.truncatePath = (path, len) => {
  const p = toPath(path);
  const length = checkLength(len);
  return (function* () {
    const fd = yield call('open', [p, constants().O_RDWR, 0o666], 'open', p);
    try {
      yield call('ftruncate', [fd, length], 'ftruncate');
    } finally {
      yield call('close', [fd], 'close');
    }
  })();
};

plans.fsync = (fd) => call('fsync', [checkFd(fd)], 'fsync');
plans.fdatasync = (fd) => call('fdatasync', [checkFd(fd)], 'fdatasync');

// Whole files -----------------------------------------------------------------

function throwIfAborted(signal) {
  if (signal != null && signal.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
}

function fileOptions(options, defaults) {
  if (options != null && typeof options !== 'string' && typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'object'], options);
  }
  const opts = readOptions(options, defaults);
  if (opts.signal !== undefined) {
    if (opts.signal === null || typeof opts.signal !== 'object' ||
      !('aborted' in opts.signal)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', opts.signal);
    }
  }
  return opts;
}

// Reads what is left of `fd` into one Buffer: the size stat reports when it
// is a regular file, chunk by chunk otherwise (and if the file grew).
function* readAll(fd, signal) {
  // The raw fields are enough here: mode (1) and size (8).
  const fields = yield call('fstat', [fd, false], 'fstat');
  const c = constants();
  const expected = (fields[1] & c.S_IFMT) === c.S_IFREG ? fields[8] : 0;
  if (expected > kMaxFileSize) throw new codes.ERR_FS_FILE_TOO_LARGE(expected);
  const chunks = [];
  let total = 0;
  let buffer = Buffer.allocUnsafeSlow(expected > 0 ? expected : kChunk);
  let filled = 0;
  for (;;) {
    yield throwIfAborted(signal);
    if (filled === buffer.length) {
      chunks.push(buffer);
      // Once the reported size is read, a small read finds the end; bigger
      // chunks follow only if the file grew.
      buffer = Buffer.allocUnsafe(total === expected ? 8192 : kChunk);
      filled = 0;
    }
    const n = yield call('read', [fd, buffer, filled, buffer.length - filled, -1],
      'read');
    if (n === 0) break;
    filled += n;
    total += n;
    if (total > kMaxFileSize) throw new codes.ERR_FS_FILE_TOO_LARGE(total);
  }
  if (filled > 0 || chunks.length === 0) chunks.push(buffer.subarray(0, filled));
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}

// Whole-file operations take an fd where a path goes: a non-negative int32.
function isFdArgument(value) {
  return typeof value === 'number' && (value | 0) === value && value >= 0;
}

plans.readFile = (path, options) => {
  const opts = fileOptions(options, { encoding: null, flag: 'r' });
  const isFd = isFdArgument(path);
  const p = isFd ? checkFd(path) : toPath(path);
  const flags = toFlags(opts.flag);
  const encoding = opts.encoding;
  // One binding call opens, reads and closes (see fs.cc's readFile): an
  // ArrayBuffer, or [errno, step] for a step after open that failed, or
  // [0, size] for a file too large.
  const whole = call('readFile', [p, flags, isFd], 'open', isFd ? undefined : p, undefined,
    (result) => {
      if (Array.isArray(result)) {
        const [errno, detail] = result;
        if (errno === 0) throw new codes.ERR_FS_FILE_TOO_LARGE(detail);
        throw systemError(errno, kWholeFileSteps[detail]);
      }
      const data = Buffer.from(result);
      return encoding == null ? data : data.toString(encoding);
    });
  if (opts.signal === undefined) return whole;
  return (function* () {
    yield throwIfAborted(opts.signal);
    const data = yield whole;
    // An abort while the file was read is what the caller hears.
    throwIfAborted(opts.signal);
    return data;
  })();
};
const kWholeFileSteps = ['fstat', 'read', 'close'];

function toData(data, encoding) {
  if (typeof data === 'string') return Buffer.from(data, encoding || 'utf8');
  if (isArrayBufferView(data)) return asBytes(data);
  throw new codes.ERR_INVALID_ARG_TYPE('data', ['string', 'Buffer', 'TypedArray',
    'DataView'], data);
}

function* writeAll(fd, bytes, signal, position) {
  let done = 0;
  let pos = position;
  while (done < bytes.byteLength) {
    yield throwIfAborted(signal);
    const n = yield call('write', [fd, bytes, done, bytes.byteLength - done, pos],
      'write');
    done += n;
    if (pos >= 0) pos += n;
  }
}

function writeFilePlan(defaultFlag) {
  return (path, data, options) => {
    const opts = fileOptions(options, { encoding: 'utf8', mode: 0o666,
      flag: defaultFlag });
    const isFd = isFdArgument(path);
    const p = isFd ? checkFd(path) : toPath(path);
    const bytes = toData(data, opts.encoding);
    // A flag of null or '' means the default here, as in Node.
    const flags = toFlags(opts.flag || defaultFlag);
    const mode = toMode(opts.mode, 'mode', 0o666);
    return (function* () {
      yield throwIfAborted(opts.signal);
      const fd = isFd ? p : yield call('open', [p, flags, mode], 'open', p);
      try {
        yield* writeAll(fd, bytes, opts.signal, -1);
      } finally {
        if (!isFd) yield call('close', [fd], 'close');
      }
    })();
  };
}

plans.writeFile = writeFilePlan('w');
plans.appendFile = writeFilePlan('a');

module.exports = { plans, readAll, writeAll, toData, fileOptions, throwIfAborted,
  call };
