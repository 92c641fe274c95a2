'use strict';
// fs.cp, fs.cpSync and fs/promises' cp: a recursive copy written once as a
// plan (see ops.js) and run blocking, with a callback or as a promise.
//
// The copy checks each source/destination pair first (same file, directory
// over non-directory, a directory into itself), asks the filter, then copies
// by type: directories entry by entry, files with copyfile, symlinks as
// links (their targets made absolute unless verbatimSymlinks). Failures of
// those checks are Node's ERR_FS_CP_* SystemErrors, with Node's errno and
// info.

const pathModule = require('../../path');
const { codes, SystemError } = require('../errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('../validators');
const { plans } = require('./plans');
const ops = require('./ops');
const { toPath, checkCallback } = require('./utils');

// errno values Node reports in ERR_FS_CP_* errors (Linux numbers).
const kErrno = { EEXIST: 17, ENOTDIR: 20, EISDIR: 21, EINVAL: 22 };

// info's keys come in Node's order.
function cpError(code, name, message, path, errno = kErrno[name]) {
  return new SystemError(code, { message, path, syscall: 'cp', errno, code: name });
}

// The boolean options and their defaults (only force starts true).
const kFlags = Object.entries({ dereference: 0, errorOnExist: 0, force: 1,
  preserveTimestamps: 0, recursive: 0, verbatimSymlinks: 0 });

function cpOptions(options) {
  const opts = { filter: undefined, mode: 0 };
  if (options !== undefined) validateObject(options, 'options');
  const given = options === undefined ? {} : options;
  // A flag given as undefined is an error, as in Node: only missing keys
  // take the default.
  for (const [key, fallback] of kFlags) {
    const value = Object.prototype.propertyIsEnumerable.call(given, key) ?
      given[key] : fallback === 1;
    validateBoolean(value, `options.${key}`);
    opts[key] = value;
  }
  if (options === undefined) return opts;
  if (opts.dereference && opts.verbatimSymlinks) {
    throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.mode !== undefined) {
    validateInteger(options.mode, 'mode', 0, 7);
    opts.mode = options.mode;
  }
  const { filter } = options;
  if (filter !== undefined) {
    validateFunction(filter, 'options.filter');
    opts.filter = filter;
  }
  return opts;
}

// cp takes strings and file: URLs; Buffers pass the first check and fail
// the second, with Node's two messages.
function cpPath(value, name) {
  const p = toPath(value, name);
  if (typeof p !== 'string') throw new codes.ERR_INVALID_ARG_TYPE('path', 'string', p);
  return p;
}

// Runs one step that may be a single call or a generator of calls.
function* step(plan) {
  if (typeof plan.next === 'function') return yield* plan;
  return yield plan;
}

// Stats of `path`, following links when `follow`, or null if missing.
function* statOrNull(path, follow) {
  try {
    return yield (follow ? plans.stat(path, { bigint: true }) :
      plans.lstat(path, { bigint: true }));
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
    return null;
  }
}

function sameFile(a, b) {
  return b !== null && a.ino === b.ino && a.dev === b.dev && a.ino !== 0n;
}

// Whether `inner` is `outer` or lies below it.
function isInside(outer, inner) {
  const o = pathModule.resolve(outer).split(pathModule.sep).filter(Boolean);
  const i = pathModule.resolve(inner).split(pathModule.sep).filter(Boolean);
  return o.every((part, k) => i[k] === part);
}

// The checks Node makes on a pair before copying; returns both stats.
function* checkPair(src, dest, opts) {
  const follow = opts.dereference;
  const srcStat = yield (follow ? plans.stat(src, { bigint: true }) :
    plans.lstat(src, { bigint: true }));
  const destStat = yield* statOrNull(dest, follow);
  if (sameFile(srcStat, destStat)) {
    throw cpError('ERR_FS_CP_EINVAL', 'EINVAL', 'src and dest cannot be the same', dest);
  }
  if (destStat !== null) {
    const srcDir = srcStat.isDirectory();
    const destDir = destStat.isDirectory();
    if (srcDir && !destDir) {
      throw cpError('ERR_FS_CP_DIR_TO_NON_DIR', 'EISDIR',
        `cannot overwrite non-directory ${dest} with directory ${src}`, dest);
    }
    if (!srcDir && destDir) {
      throw cpError('ERR_FS_CP_NON_DIR_TO_DIR', 'ENOTDIR',
        `cannot overwrite directory ${dest} with non-directory ${src}`, dest);
    }
  }
  if (srcStat.isDirectory() && isInside(src, dest)) {
    throw intoItself(src, dest);
  }
  return [srcStat, destStat];
}

function intoItself(src, dest, where = dest) {
  return cpError('ERR_FS_CP_EINVAL', 'EINVAL',
    `cannot copy ${src} to a subdirectory of self ${dest}`, where);
}

// dest's existing ancestors, nearest first, must not be src itself (a
// directory reached through another name).
function* checkAncestors(src, srcStat, dest) {
  const stop = pathModule.resolve(pathModule.dirname(src));
  let dir = pathModule.dirname(pathModule.resolve(dest));
  while (dir !== stop && dir !== pathModule.dirname(dir)) {
    const st = yield* statOrNull(dir, true);
    if (st === null) return;
    if (sameFile(srcStat, st)) throw intoItself(src, dest);
    dir = pathModule.dirname(dir);
  }
}

// The filter's answer; in the blocking form a promise is an error.
function* passes(opts, src, dest, sync) {
  if (opts.filter === undefined) return true;
  const answer = opts.filter(src, dest);
  if (answer !== null && typeof answer === 'object' && typeof answer.then === 'function') {
    if (sync) throw new codes.ERR_INVALID_RETURN_VALUE('boolean', 'filter', answer);
    return Boolean(yield Promise.resolve(answer));
  }
  return Boolean(answer);
}

function* cpPlan(src, dest, opts, sync) {
  // The filter comes first: a pair it rejects is not even checked.
  if (!(yield* passes(opts, src, dest, sync))) return;
  const [srcStat, destStat] = yield* checkPair(src, dest, opts);
  yield* checkAncestors(src, srcStat, dest);
  const parent = pathModule.dirname(dest);
  if ((yield* statOrNull(parent, true)) === null) {
    yield* step(plans.mkdir(parent, { recursive: true }));
  }
  yield* copyEntry(srcStat, destStat, src, dest, opts, sync);
}

function* copyEntry(srcStat, destStat, src, dest, opts, sync) {
  if (srcStat.isDirectory()) {
    if (!opts.recursive) {
      // Node's errno here is EINVAL's in cpSync and EISDIR's in cp.
      throw cpError('ERR_FS_EISDIR', 'EISDIR', `${src} is a directory (not copied)`,
        src, sync ? kErrno.EINVAL : kErrno.EISDIR);
    }
    return yield* copyDirectory(srcStat, destStat, src, dest, opts, sync);
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() || srcStat.isBlockDevice()) {
    return yield* copyRegular(srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isSymbolicLink()) return yield* copySymlink(destStat, src, dest, opts);
  if (srcStat.isSocket()) {
    throw cpError('ERR_FS_CP_SOCKET', 'EINVAL', `cannot copy a socket file: ${dest}`, dest);
  }
  if (srcStat.isFIFO()) {
    throw cpError('ERR_FS_CP_FIFO_PIPE', 'EINVAL', `cannot copy a FIFO pipe: ${dest}`, dest);
  }
  throw cpError('ERR_FS_CP_UNKNOWN', 'EINVAL',
    `cannot copy an unknown file type: ${dest}`, dest);
}

function* copyDirectory(srcStat, destStat, src, dest, opts, sync) {
  if (destStat === null) yield* step(plans.mkdir(dest));
  const names = yield* step(plans.readdir(src));
  for (const name of names) {
    const from = pathModule.join(src, name);
    const to = pathModule.join(dest, name);
    if (!(yield* passes(opts, from, to, sync))) continue;
    const [fromStat, toStat] = yield* checkPair(from, to, opts);
    yield* copyEntry(fromStat, toStat, from, to, opts, sync);
  }
  // A new directory gets the source's permissions once it is filled, so
  // that a read-only source does not stop its own copy.
  if (destStat === null) yield plans.chmod(dest, Number(srcStat.mode & 0o7777n));
}

function* copyRegular(srcStat, destStat, src, dest, opts) {
  if (destStat !== null) {
    if (!opts.force) {
      if (opts.errorOnExist) {
        throw cpError('ERR_FS_CP_EEXIST', 'EEXIST', `${dest} already exists`, dest);
      }
      return;
    }
    yield plans.unlink(dest);
  }
  yield plans.copyFile(src, dest, opts.mode);
  if (!opts.preserveTimestamps) return;
  const mode = Number(srcStat.mode & 0o7777n);
  // utimes needs a writable file; the mode goes back afterwards.
  if ((mode & 0o200) === 0) yield plans.chmod(dest, mode | 0o200);
  // The times are read after the copy, which may have moved the atime.
  // Node copies the Date values (whole milliseconds, rounded), not the
  // nanoseconds, so the copy's times match the source's Dates exactly.
  const times = yield plans.stat(src);
  yield plans.utimes(dest, times.atime, times.mtime);
  if ((mode & 0o200) === 0) yield plans.chmod(dest, mode);
}

function* copySymlink(destStat, src, dest, opts) {
  let target = yield plans.readlink(src);
  if (!opts.verbatimSymlinks && !pathModule.isAbsolute(target)) {
    target = pathModule.resolve(pathModule.dirname(src), target);
  }
  if (destStat === null) {
    yield plans.symlink(target, dest);
    return;
  }
  let current;
  try {
    current = yield plans.readlink(dest);
  } catch (err) {
    // dest is no link: the new link goes next to it and fails with EEXIST.
    if (err.code !== 'EINVAL' && err.code !== 'UNKNOWN') throw err;
    return yield plans.symlink(target, dest);
  }
  if (!pathModule.isAbsolute(current)) {
    current = pathModule.resolve(pathModule.dirname(dest), current);
  }
  if (isInside(target, current)) throw intoItself(target, current, dest);
  const srcTarget = yield* statOrNull(src, true);
  if (srcTarget !== null && srcTarget.isDirectory() && isInside(current, target)) {
    throw cpError('ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY', 'EINVAL',
      `cannot overwrite ${current} with ${target}`, dest);
  }
  yield plans.unlink(dest);
  yield plans.symlink(target, dest);
}

function makePlan(src, dest, options, sync) {
  const opts = cpOptions(options);
  return cpPlan(cpPath(src, 'src'), cpPath(dest, 'dest'), opts, sync);
}

function copySync(src, dest, options) {
  ops.runSync(makePlan(src, dest, options, true));
}

// (src, dest[, options], callback). Success calls back with (null,
// undefined), as Node's does.
function copyWithCallback(src, dest, ...rest) {
  const callback = checkCallback(rest.pop());
  const options = rest.length > 0 ? rest[0] : undefined;
  ops.runCallback((a, b, o) => makePlan(a, b, o, false), [src, dest, options, callback]);
}

function copyAsPromise(src, dest, options) {
  try {
    return ops.runPromise(makePlan(src, dest, options, false));
  } catch (err) {
    return Promise.reject(err);
  }
}

module.exports = { cp: copyWithCallback, cpSync: copySync, cpPromise: copyAsPromise };
