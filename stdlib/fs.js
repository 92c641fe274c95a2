'use strict';
// node:fs: the blocking (`*Sync`) and callback forms of the file-system
// operations, all driven from the plans in internal/fs/plans.js.

const { plans } = require('./internal/fs/plans');
const { runCallback, runSync } = require('./internal/fs/ops');
const { constants, toPath, toMode, checkCallback, checkFd } = require('./internal/fs/utils');
const { Stats, Dirent } = require('./internal/fs/stats');
const { Dir, opendir, opendirSync } = require('./internal/fs/dir');
const { codes } = require('./internal/errors');
const { validateObject, validateString } = require('./internal/validators');

const fs = {};

// Operations whose callback gets exactly the plan's result (or nothing).
const kSimple = ['access', 'open', 'close', 'stat', 'lstat', 'fstat', 'readdir',
  'mkdir', 'mkdtemp', 'rmdir', 'rm', 'unlink', 'rename', 'link', 'copyFile',
  'symlink', 'readlink', 'chmod', 'fchmod', 'chown', 'lchown', 'fchown',
  'utimes', 'lutimes', 'futimes', 'truncate', 'ftruncate', 'fsync', 'fdatasync',
  'readFile', 'writeFile', 'appendFile', 'statfs'];

// Callbacks of the operations that produce nothing get only `err` (null on
// success), as in Node.
const kNoResult = new Set(['access', 'close', 'rmdir', 'rm', 'unlink', 'rename',
  'link', 'copyFile', 'symlink', 'chmod', 'fchmod', 'chown', 'lchown', 'fchown',
  'utimes', 'lutimes', 'futimes', 'truncate', 'ftruncate', 'fsync', 'fdatasync',
  'writeFile', 'appendFile']);

// The arguments some callback forms check before they look for the
// callback, in Node's order (the others name a missing callback first).
// Each gets the arguments without a trailing function.
const kViewTypes = ['Buffer', 'TypedArray', 'DataView'];
const kEarlyChecks = {
  __proto__: null,
  open: (a) => {
    toPath(a[0]);
    if (a.length > 2) toMode(a[2], 'mode', 0o666);
  },
  close: (a) => checkFd(a[0]),
  access: (a) => toPath(a[0]),
  chmod: (a) => {
    toPath(a[0]);
    toMode(a[1], 'mode');
  },
  copyFile: (a) => {
    toPath(a[0], 'src');
    toPath(a[1], 'dest');
  },
  rm: (a) => plans.rm(a[0], a[1]),
  fchmod: (a) => plans.fchmod(a[0], a[1]),
  fchown: (a) => plans.fchown(a[0], a[1], a[2]),
  futimes: (a) => plans.futimes(a[0], a[1], a[2]),
  read: (a) => {
    checkFd(a[0]);
    // Only the (fd, buffer, offset, length, position) form checks its
    // buffer that early.
    if (a.length > 3 && !ArrayBuffer.isView(a[1])) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', kViewTypes, a[1]);
    }
  },
  write: (a) => {
    checkFd(a[0]);
    if (typeof a[1] !== 'string' && !ArrayBuffer.isView(a[1])) {
      throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['string', ...kViewTypes], a[1]);
    }
  },
  readv: (a) => plans.readv(a[0], a[1]),
  writev: (a) => plans.writev(a[0], a[1]),
};

// Forms whose missing callback is reported as the last argument given
// (when there are more than `n` arguments), as Node reports it.
const lastAfter = (n) => (args) => (args.length > n ? args[args.length - 1] : undefined);
const kNamedCallback = {
  __proto__: null,
  readFile: lastAfter(1),
  writeFile: lastAfter(2),
  appendFile: lastAfter(2),
  open: (args) => (args.length === 2 ? args[1] : undefined),
  symlink: lastAfter(0),
  read: (args) => ([2, 3, 6].includes(args.length) ? args[args.length - 1] : undefined),
  write: (args) => ([3, 4, 6].includes(args.length) ? args[args.length - 1] : undefined),
  readv: (args) => (args.length === 3 ? args[2] : undefined),
  writev: (args) => (args.length === 3 ? args[2] : undefined),
};

function earlyCheck(name, args) {
  const check = kEarlyChecks[name];
  if (check === undefined) return;
  const last = args.length - 1;
  check(last >= 0 && typeof args[last] === 'function' ? args.slice(0, last) : args);
}

for (const name of kSimple) {
  const plan = plans[name];
  const spread = kNoResult.has(name) ? () => [null] : undefined;
  const callbackForm = {
    [name](...args) {
      earlyCheck(name, args);
      runCallback(plan, args, spread, kNamedCallback[name]);
    },
  }[name];
  const syncForm = {
    [`${name}Sync`](...args) { return runSync(plan(...args)); },
  }[`${name}Sync`];
  fs[name] = callbackForm;
  fs[`${name}Sync`] = syncForm;
}

// stat and lstat take { throwIfNoEntry } in their Sync forms.
for (const name of ['stat', 'lstat']) {
  const plan = plans[name];
  fs[`${name}Sync`] = {
    [`${name}Sync`](path, options) {
      try {
        return runSync(plan(path, options));
      } catch (err) {
        if (err.code === 'ENOENT' && options != null &&
          options.throwIfNoEntry === false) {
          return undefined;
        }
        throw err;
      }
    },
  }[`${name}Sync`];
}

// read, write, readv and writev report (err, count, buffer) even when they
// fail, with a count of 0; their plans hand the error back as `error`.
for (const name of ['read', 'write', 'readv', 'writev']) {
  const plan = plans[name];
  fs[name] = {
    [name](...args) {
      earlyCheck(name, args);
      runCallback(plan, args, (r) => [r.error || null, r.count, r.data],
        kNamedCallback[name]);
    },
  }[name];
  fs[`${name}Sync`] = {
    [`${name}Sync`](...args) {
      // readSync has no (fd, options) form: its second argument is the buffer.
      if (name === 'read') {
        checkFd(args[0]);
        if (!ArrayBuffer.isView(args[1])) {
          throw new codes.ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'],
            args[1]);
        }
      }
      const r = runSync(plan(...args));
      if (r.error) throw r.error;
      return r.count;
    },
  }[`${name}Sync`];
}

// truncate(fd, ...) still works but is deprecated (DEP0081); the callback
// form says so once per process, as Node does.
let truncateFdWarned = false;
const plainTruncate = fs.truncate;
fs.truncate = function truncate(...args) {
  if (typeof args[0] === 'number' && !truncateFdWarned) {
    truncateFdWarned = true;
    process.emitWarning('Using fs.truncate with a file descriptor is deprecated.' +
      ' Please use fs.ftruncate with a file descriptor instead.',
    'DeprecationWarning', 'DEP0081');
  }
  return plainTruncate(...args);
};

function realpath(...args) {
  runCallback(plans.realpath, args);
}
realpath.native = function native(...args) {
  runCallback(plans.realpathNative, args);
};
function realpathSync(path, options) {
  return runSync(plans.realpath(path, options));
}
realpathSync.native = function native(path, options) {
  return runSync(plans.realpathNative(path, options));
};
fs.realpath = realpath;
fs.realpathSync = realpathSync;

// close's callback is optional: without one, a failure is thrown later,
// from the loop, as an uncaught error.
fs.close = function close(fd, callback) {
  checkFd(fd);
  if (callback === undefined) {
    callback = (err) => {
      if (err) throw err;
    };
  }
  checkCallback(callback);
  runCallback(plans.close, [fd, callback], () => [null]);
};

fs.exists = function exists(path, callback) {
  checkCallback(callback);
  let plan;
  try {
    plan = plans.access(path);
  } catch {
    return process.nextTick(callback, false);
  }
  runCallback(() => plan, [(err) => callback(!err)]);
};

fs.existsSync = function existsSync(path) {
  try {
    toPath(path);
    runSync(plans.access(path));
    return true;
  } catch {
    return false;
  }
};

// lchmod exists only on macOS; Node lists the names with no value elsewhere.
fs.lchmod = undefined;
fs.lchmodSync = undefined;

fs.opendir = opendir;
fs.opendirSync = opendirSync;
fs.Dir = Dir;
fs.Stats = Stats;
fs.Dirent = Dirent;

Object.defineProperty(fs, 'constants', {
  get: constants, enumerable: true, configurable: true,
});
for (const key of ['F_OK', 'R_OK', 'W_OK', 'X_OK']) {
  Object.defineProperty(fs, key, {
    get() { return constants()[key]; }, enumerable: true, configurable: true,
  });
}

// The streams load on first use: most programs never make one.
let streamsModule;
function streams() {
  if (streamsModule === undefined) {
    streamsModule = require('./internal/fs/streams');
    streamsModule.bindFs(fs);
  }
  return streamsModule;
}
// As in Node, a program that sets fs.ReadStream (or WriteStream) to its own
// class gets that class from createReadStream (createWriteStream) too; the
// File* aliases are set apart.
const replacedStreams = {
  ReadStream: undefined, WriteStream: undefined,
  FileReadStream: undefined, FileWriteStream: undefined,
};
fs.createReadStream = function createReadStream(path, options) {
  const Class = replacedStreams.ReadStream;
  if (Class !== undefined) return new Class(path, options);
  return new (streams().ReadStreamClass)(path, options);
};
fs.createWriteStream = function createWriteStream(path, options) {
  const Class = replacedStreams.WriteStream;
  if (Class !== undefined) return new Class(path, options);
  return new (streams().WriteStreamClass)(path, options);
};
for (const name of Object.keys(replacedStreams)) {
  const key = name.replace('File', '');
  Object.defineProperty(fs, name, {
    get() {
      const value = replacedStreams[name];
      return value === undefined ? streams()[key] : value;
    },
    set(value) { replacedStreams[name] = value; },
    enumerable: true,
    configurable: true,
  });
}

// fs.cp and cpSync live in internal/fs/cp.js, loaded on first call.
// (cp forwards `arguments`: the callback may come third or fourth.)
fs.cp = function cp(src, dest, options, callback) {
  return require('./internal/fs/cp').cp(...arguments);
};
fs.cpSync = function cpSync(src, dest, options) {
  return require('./internal/fs/cp').cpSync(src, dest, options);
};

// Watchers: internal/fs/watch.js, loaded on first use.
fs.watch = function watch(filename, options, listener) {
  return require('./internal/fs/watch').watch(filename, options, listener);
};
fs.watchFile = function watchFile(filename, options, listener) {
  return require('./internal/fs/watch').watchFile(filename, options, listener);
};
fs.unwatchFile = function unwatchFile(filename, listener) {
  return require('./internal/fs/watch').unwatchFile(filename, listener);
};

// openAsBlob: the file must be there when asked for; its bytes are read
// at once (Node's Blob reads them lazily), into a Blob of `type`.
fs.openAsBlob = function openAsBlob(path, options = undefined) {
  const p = toPath(path);
  if (options !== undefined) validateObject(options, 'options');
  const type = options === undefined || options.type === undefined ? '' : options.type;
  validateString(type, 'options.type');
  try {
    runSync(plans.stat(p));
  } catch {
    const err = new codes.ERR_INVALID_ARG_VALUE('path', path);
    err.message = 'Unable to open file as blob';
    // The stack is taken again so that it shows the new message.
    Error.captureStackTrace(err, openAsBlob);
    throw err;
  }
  const { Blob } = require('./buffer');
  return require('./fs/promises').readFile(p).then((data) => new Blob([data], { type }));
};

// fs.promises is node:fs/promises, loaded when first asked for.
Object.defineProperty(fs, 'promises', {
  get() { return require('./fs/promises'); }, enumerable: true, configurable: true,
});

module.exports = fs;
