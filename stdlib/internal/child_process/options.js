'use strict';
// Argument checking for node:child_process: the (file, args, options) forms
// every entry point accepts, the stdio list, signals and timeouts, turned
// into the plain record the process_wrap and spawn_sync bindings read.

const { codes } = require('../errors');
const {
  signals,
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateObject,
  validateOneOf,
  validateString,
} = require('../validators');
const { toPath } = require('../fs/utils');
const { inspect } = require('../util/inspect');
const { isArrayBufferView } = require('../util/types');
const process = require('../process/object');

// Signal numbers back to their first name (SIGIOT and SIGPOLL are aliases).
const signalNames = { __proto__: null };
for (const name of Object.keys(signals)) {
  if (signalNames[signals[name]] === undefined) signalNames[signals[name]] = name;
}

// A signal given by name or number -> its number.
function signalNumber(signal, name) {
  if (typeof signal === 'number') {
    if (signalNames[signal] !== undefined) return signal;
  } else if (typeof signal === 'string') {
    if (signals[signal] !== undefined) return signals[signal];
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE(name, ['string', 'number'], signal);
  }
  throw new codes.ERR_UNKNOWN_SIGNAL(`${signal}`);
}

// A timeout is a whole number of milliseconds, 0 or more (or left out).
function checkTimeout(ms) {
  if (ms === undefined || ms === null || (Number.isInteger(ms) && ms >= 0)) return;
  throw new codes.ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', ms);
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new codes.ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function checkNoNul(text, name) {
  if (text.includes('\u0000')) {
    throw new codes.ERR_INVALID_ARG_VALUE(name, text, 'must be a string without null bytes');
  }
}

function validateInt32Option(value, name) {
  if (value != null && (value | 0) !== value) {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'int32', value);
  }
}

// (args, options) as given -> [args, options]: args may be left out, and
// options may then stand in its place.
function splitArgs(args, options) {
  if (Array.isArray(args)) return [args.slice(), options];
  if (args == null) return [[], options];
  if (typeof args !== 'object') throw new codes.ERR_INVALID_ARG_TYPE('args', 'object', args);
  return [[], args];
}

// The environment as "KEY=value" strings: own and inherited enumerable keys,
// undefined values left out.
function envPairsOf(env) {
  const pairs = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    checkNoNul(key, `options.env['${key}']`);
    const text = `${value}`;
    checkNoNul(text, `options.env['${key}']`);
    pairs.push(`${key}=${text}`);
  }
  return pairs;
}

const kFlagOptions = ['detached', 'windowsHide', 'windowsVerbatimArguments'];

// What spawn and spawnSync share: { file, args (argv0 first), cwd,
// envPairs, detached, uid, gid, shell, windowsHide,
// windowsVerbatimArguments, ...the caller's options }.
function normalizeSpawnArguments(program, givenArgs, givenOptions) {
  validateString(program, 'file');
  if (program === '') {
    throw new codes.ERR_INVALID_ARG_VALUE('file', program, 'cannot be empty');
  }
  checkNoNul(program, 'file');
  let [argList, opts] = splitArgs(givenArgs, givenOptions);
  if (opts === undefined) opts = {};
  else validateObject(opts, 'options');
  for (let i = 0; i < argList.length; i++) {
    if (typeof argList[i] === 'string') checkNoNul(argList[i], `args[${i}]`);
  }

  let workDir;
  if (opts.cwd != null) {
    const where = toPath(opts.cwd, 'options.cwd');
    workDir = typeof where === 'string' ? where : Buffer.from(where).toString();
  }
  const flags = {};
  for (const key of kFlagOptions) {
    const value = opts[key];
    if (value != null) validateBoolean(value, `options.${key}`);
    flags[key] = value === true;
  }
  validateInt32Option(opts.uid, 'options.uid');
  validateInt32Option(opts.gid, 'options.gid');
  const viaShell = opts.shell;
  const shellKind = typeof viaShell;
  if (viaShell != null && shellKind !== 'boolean' && shellKind !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], viaShell);
  }
  if (opts.argv0 != null) validateString(opts.argv0, 'options.argv0');

  if (viaShell) {
    if (shellKind === 'string') checkNoNul(viaShell, 'options.shell');
    const line = [program, ...argList].join(' ');
    program = shellKind === 'string' ? viaShell : '/bin/sh';
    argList = ['-c', line];
  }
  const first = typeof opts.argv0 === 'string' ? opts.argv0 : program;
  return {
    ...opts,
    ...flags,
    file: program,
    args: [first, ...argList].map(String),
    cwd: workDir,
    envPairs: envPairsOf(opts.env || process.env),
    uid: opts.uid ?? undefined,
    gid: opts.gid ?? undefined,
  };
}

// The checks spawn() adds: timeout, killSignal, signal, serialization.
function validateAsyncOptions(opts) {
  checkTimeout(opts.timeout);
  if (opts.killSignal != null) signalNumber(opts.killSignal, 'options.killSignal');
  if (opts.signal !== undefined) validateAbortSignal(opts.signal, 'options.signal');
  validateOneOf(opts.serialization, 'options.serialization', kSerializations);
}
const kSerializations = [undefined, 'json', 'advanced'];

// 'pipe' | 'inherit' | 'ignore' | 'overlapped' -> the three-slot list,
// with `extra` as a fourth slot when given (fork adds 'ipc').
const kStdioWords = { __proto__: null, pipe: 'pipe', overlapped: 'pipe', inherit: 'inherit', ignore: 'ignore' };
function stdioFromString(word, extra) {
  const slot = kStdioWords[word];
  if (slot === undefined) throw new codes.ERR_INVALID_ARG_VALUE('stdio', word);
  return extra === undefined ? [slot, slot, slot] : [slot, slot, slot, extra];
}

// Marks a stream given to a child as one of its stdio slots (one child's
// stdout made another's stdin, say).
const kUsedAsStdio = Symbol('usedAsStdio');

// The file descriptor behind a stream given as a stdio slot, if any.
function streamFd(value) {
  if (typeof value.fd === 'number' && value.fd >= 0) return value.fd;
  const handle = value._handle;
  if (handle && typeof handle.fd === 'number' && handle.fd >= 0) return handle.fd;
  return undefined;
}

// Named stdio values -> the slot they make at position `at`.
const kNamedSlots = {
  __proto__: null,
  ignore: () => ({ type: 'ignore' }),
  pipe: () => ({ type: 'pipe' }),
  overlapped: () => ({ type: 'pipe' }),
  inherit: (at) => ({ type: 'fd', fd: at }),
};

// options.stdio -> slots of { type: 'pipe' | 'ipc' | 'fd' | 'ignore',
// fd?, input?, stream? (the stream an fd slot came from) } and the index of
// the 'ipc' slot (-1 without one).
function normalizeStdio(given, sync) {
  let list;
  if (typeof given === 'string') list = stdioFromString(given);
  else if (given === undefined || given === null) list = ['pipe', 'pipe', 'pipe'];
  else if (Array.isArray(given)) list = [...given];
  else throw new codes.ERR_INVALID_ARG_VALUE('stdio', given);
  for (let i = list.length; i < 3; i++) list[i] = undefined;

  let ipcAt = -1;
  const slots = [];
  list.forEach((item, at) => {
    if (item === undefined || item === null) {
      slots.push({ type: at < 3 ? 'pipe' : 'ignore' });
    } else if (typeof item === 'string' && kNamedSlots[item] !== undefined) {
      slots.push(kNamedSlots[item](at));
    } else if (item === 'ipc') {
      if (sync) throw new codes.ERR_IPC_SYNC_FORK();
      if (ipcAt >= 0) throw new codes.ERR_IPC_ONE_PIPE();
      ipcAt = at;
      slots.push({ type: 'ipc' });
    } else if (typeof item === 'number') {
      slots.push({ type: 'fd', fd: item });
    } else if (typeof item === 'string' || isArrayBufferView(item)) {
      // Data to feed the child: only the blocking calls can take it.
      if (!sync) throw new codes.ERR_INVALID_SYNC_FORK_INPUT(inspect(item));
      slots.push({ type: 'pipe', input: item });
    } else {
      const fd = typeof item === 'object' ? streamFd(item) : undefined;
      if (fd === undefined) throw new codes.ERR_INVALID_ARG_VALUE('stdio', item);
      slots.push({ type: 'fd', fd, stream: item });
    }
  });
  return { slots, ipcIndex: ipcAt };
}

// exec and execSync take (command, options?, callback?); the command runs
// through the shell (options.shell, else /bin/sh).
function normalizeExecArgs(line, opts, done) {
  validateString(line, 'command');
  checkNoNul(line, 'command');
  const [given, cb] = typeof opts === 'function' ? [undefined, opts] : [opts, done];
  const copy = { ...given };
  if (typeof copy.shell !== 'string') copy.shell = true;
  return { file: line, options: copy, callback: cb };
}

// execFile takes (file, args?, options?, callback?); args and options may
// each be left out. Returns the four parts.
function normalizeExecFileArgs(program, ...rest) {
  let argList = [];
  if (Array.isArray(rest[0])) {
    argList = rest.shift();
  } else if (rest[0] === undefined || rest[0] === null) {
    rest.shift();
  } else if (typeof rest[0] !== 'object' && typeof rest[0] !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('args', 'object', rest[0]);
  }
  let opts = {};
  if (typeof rest[0] !== 'function') {
    const given = rest.shift();
    if (given !== undefined && given !== null) {
      validateObject(given, 'options');
      opts = given;
    }
  }
  const cb = rest[0];
  if (cb !== undefined && cb !== null) validateFunction(cb, 'callback');
  return { file: program, args: argList, options: opts, callback: cb ?? undefined };
}

module.exports = {
  kUsedAsStdio,
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeSpawnArguments,
  normalizeStdio,
  signalNames,
  signalNumber,
  stdioFromString,
  validateAsyncOptions,
  validateMaxBuffer,
  checkTimeout,
};
