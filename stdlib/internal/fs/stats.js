'use strict';
// fs.Stats, fs.BigIntStats and fs.Dirent: what stat and readdir report, with
// the type predicates both share.

const { constants } = require('./utils');

// Binding layout (runtime/bindings/fs.cc): ten integer fields, then seconds
// and nanoseconds of the four times.
const kIntegerFields = ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev',
  'blksize', 'ino', 'size', 'blocks'];
const kTimes = ['atime', 'mtime', 'ctime', 'birthtime'];

const kType = Symbol('type');

// The predicates, over a file-type getter each class supplies: the S_IFMT
// bits of a mode for Stats, the UV_DIRENT_* number for Dirent.
class FileKind {
  isDirectory() { return this._isKind('DIR'); }
  isFile() { return this._isKind('REG'); }
  isBlockDevice() { return this._isKind('BLK'); }
  isCharacterDevice() { return this._isKind('CHR'); }
  isSymbolicLink() { return this._isKind('LNK'); }
  isFIFO() { return this._isKind('FIFO'); }
  isSocket() { return this._isKind('SOCK'); }
}

// The predicates are not enumerable helpers in Node's inspect output.
const kStatKinds = {
  DIR: 'S_IFDIR', REG: 'S_IFREG', BLK: 'S_IFBLK', CHR: 'S_IFCHR',
  LNK: 'S_IFLNK', FIFO: 'S_IFIFO', SOCK: 'S_IFSOCK',
};
const kDirentKinds = {
  DIR: 'UV_DIRENT_DIR', REG: 'UV_DIRENT_FILE', BLK: 'UV_DIRENT_BLOCK',
  CHR: 'UV_DIRENT_CHAR', LNK: 'UV_DIRENT_LINK', FIFO: 'UV_DIRENT_FIFO',
  SOCK: 'UV_DIRENT_SOCKET',
};

function modeHasKind(mode, kind) {
  const c = constants();
  const bits = c[kStatKinds[kind]];
  if (typeof mode === 'bigint') return (mode & BigInt(c.S_IFMT)) === BigInt(bits);
  return (mode & c.S_IFMT) === bits;
}

class StatsBase extends FileKind {}

function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
  atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  Object.assign(this, { dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
    blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs });
  this.atime = new Date(atimeMs);
  this.mtime = new Date(mtimeMs);
  this.ctime = new Date(ctimeMs);
  this.birthtime = new Date(birthtimeMs);
}
Object.setPrototypeOf(Stats.prototype, StatsBase.prototype);
Object.setPrototypeOf(Stats, StatsBase);
Object.defineProperty(Stats.prototype, 'isFile', {
  value: StatsBase.prototype.isFile, writable: true, configurable: true,
});
Object.defineProperty(Stats.prototype, '_checkModeProperty', {
  value(kind) { return modeHasKind(this.mode, kind); },
  writable: true, configurable: true,
});

class BigIntStats extends StatsBase {}
Object.defineProperty(BigIntStats.prototype, '_checkModeProperty', {
  value(kind) { return modeHasKind(this.mode, kind); },
  writable: true, configurable: true,
});
Object.defineProperty(StatsBase.prototype, '_isKind', {
  value(kind) { return this._checkModeProperty(kind); },
  writable: true, configurable: true,
});

// Milliseconds as Node computes them: fractional for numbers, truncated for
// bigints.
function statsFromFields(fields) {
  if (fields instanceof BigInt64Array) return bigStats(fields);
  const ms = [];
  for (let i = 0; i < 4; i++) {
    ms.push(fields[10 + 2 * i] * 1e3 + fields[11 + 2 * i] / 1e6);
  }
  const s = Object.create(Stats.prototype);
  for (let i = 0; i < kIntegerFields.length; i++) s[kIntegerFields[i]] = fields[i];
  kTimes.forEach((name, i) => { s[`${name}Ms`] = ms[i]; });
  kTimes.forEach((name, i) => { s[name] = new Date(Math.round(ms[i])); });
  return s;
}

function bigStats(fields) {
  const s = Object.create(BigIntStats.prototype);
  for (let i = 0; i < kIntegerFields.length; i++) s[kIntegerFields[i]] = fields[i];
  const ns = kTimes.map((_, i) => fields[10 + 2 * i] * 1000000000n +
    fields[11 + 2 * i]);
  kTimes.forEach((name, i) => { s[`${name}Ms`] = ns[i] / 1000000n; });
  kTimes.forEach((name, i) => { s[`${name}Ns`] = ns[i]; });
  kTimes.forEach((name, i) => { s[name] = new Date(Number(ns[i] / 1000000n)); });
  return s;
}

class Dirent extends FileKind {
  constructor(name, type, parentPath) {
    super();
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this[kType] = type;
  }
}
Object.defineProperty(Dirent.prototype, '_isKind', {
  value(kind) { return this[kType] === constants()[kDirentKinds[kind]]; },
  writable: true, configurable: true,
});

// Takes the predicates off FileKind's prototype and puts them where Node has
// them: on StatsBase (Stats inherits) and on Dirent.
for (const target of [StatsBase.prototype, Dirent.prototype]) {
  for (const key of Object.getOwnPropertyNames(FileKind.prototype)) {
    if (key === 'constructor') continue;
    Object.defineProperty(target, key,
      Object.getOwnPropertyDescriptor(FileKind.prototype, key));
  }
}
Object.setPrototypeOf(StatsBase.prototype, Object.prototype);
Object.setPrototypeOf(Dirent.prototype, Object.prototype);

module.exports = { BigIntStats, Dirent, Stats, statsFromFields };
