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

// Each predicate with the S_IFMT value of a mode and the UV_DIRENT_* value
// of a directory entry it tests for.
const kPredicates = [
  ['isDirectory', 'S_IFDIR', 'UV_DIRENT_DIR'],
  ['isFile', 'S_IFREG', 'UV_DIRENT_FILE'],
  ['isBlockDevice', 'S_IFBLK', 'UV_DIRENT_BLOCK'],
  ['isCharacterDevice', 'S_IFCHR', 'UV_DIRENT_CHAR'],
  ['isSymbolicLink', 'S_IFLNK', 'UV_DIRENT_LINK'],
  ['isFIFO', 'S_IFIFO', 'UV_DIRENT_FIFO'],
  ['isSocket', 'S_IFSOCK', 'UV_DIRENT_SOCKET'],
];

// Whether `mode` (a number or a bigint) has the file type `typeName`.
function hasFileType(mode, typeName) {
  const c = constants();
  if (typeof mode === 'bigint') {
    return (mode & BigInt(c.S_IFMT)) === BigInt(c[typeName]);
  }
  return (mode & c.S_IFMT) === c[typeName];
}

function definePredicates(proto, test) {
  for (const [name, modeType, direntType] of kPredicates) {
    const fn = {
      [name]() { return test(this, modeType, direntType); },
    }[name];
    Object.defineProperty(proto, name, { value: fn, writable: true,
      configurable: true });
  }
}

// Node's Stats can be called without new (old code does), so it is a plain
// function over a shared base prototype holding the predicates.
function StatsBase() {}
definePredicates(StatsBase.prototype,
  (stats, modeType) => hasFileType(stats.mode, modeType));

function checkModeProperty(type) {
  return hasFileType(this.mode, type);
}

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
Object.defineProperty(Stats.prototype, 'isFile', {
  value: StatsBase.prototype.isFile, writable: true, configurable: true,
});
Object.defineProperty(Stats.prototype, '_checkModeProperty', {
  value: checkModeProperty, writable: true, configurable: true,
});

function BigIntStats() {}
Object.setPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
Object.defineProperty(BigIntStats.prototype, '_checkModeProperty', {
  value: checkModeProperty, writable: true, configurable: true,
});

// Milliseconds as Node computes them: fractional for numbers, whole for
// bigints; the Date objects round to the millisecond.
function statsFromFields(fields) {
  if (fields instanceof BigInt64Array) {
    const s = Object.create(BigIntStats.prototype);
    for (let i = 0; i < kIntegerFields.length; i++) s[kIntegerFields[i]] = fields[i];
    const at = (i) => [fields[10 + 2 * i], fields[11 + 2 * i]];
    const ns = kTimes.map((_, i) => at(i)[0] * 1000000000n + at(i)[1]);
    kTimes.forEach((name, i) => { s[`${name}Ms`] = ns[i] / 1000000n; });
    kTimes.forEach((name, i) => { s[`${name}Ns`] = ns[i]; });
    kTimes.forEach((name, i) => { s[name] = new Date(Number(ns[i] / 1000000n)); });
    return s;
  }
  return new NumberStats(fields);
}

// The number form, built straight-line in Node's key order: stat is hot
// (a directory walk stats every entry), and one fixed shape keeps it fast.
function NumberStats(f) {
  this.dev = f[0];
  this.mode = f[1];
  this.nlink = f[2];
  this.uid = f[3];
  this.gid = f[4];
  this.rdev = f[5];
  this.blksize = f[6];
  this.ino = f[7];
  this.size = f[8];
  this.blocks = f[9];
  this.atimeMs = f[10] * 1e3 + f[11] / 1e6;
  this.mtimeMs = f[12] * 1e3 + f[13] / 1e6;
  this.ctimeMs = f[14] * 1e3 + f[15] / 1e6;
  this.birthtimeMs = f[16] * 1e3 + f[17] / 1e6;
  this.atime = new Date(Math.round(this.atimeMs));
  this.mtime = new Date(Math.round(this.mtimeMs));
  this.ctime = new Date(Math.round(this.ctimeMs));
  this.birthtime = new Date(Math.round(this.birthtimeMs));
}
NumberStats.prototype = Stats.prototype;

class Dirent {
  constructor(name, type, parentPath) {
    this.name = name;
    this.parentPath = parentPath;
    this.path = parentPath;
    this[kType] = type;
  }
}
definePredicates(Dirent.prototype,
  (entry, modeType, direntType) => entry[kType] === constants()[direntType]);

// What statfs reports, in the binding's field order.
const kStatfsFields = ['type', 'bsize', 'blocks', 'bfree', 'bavail', 'files',
  'ffree'];

class StatFs {
  constructor(fields) {
    kStatfsFields.forEach((name, i) => { this[name] = fields[i]; });
  }
}

module.exports = { BigIntStats, Dirent, StatFs, Stats, statsFromFields };
