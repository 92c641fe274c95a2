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

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_INVALID_SYNC_FORK_INPUT,
  ERR_IPC_ONE_PIPE,
  ERR_IPC_SYNC_FORK,
  ERR_OUT_OF_RANGE,
  ERR_UNKNOWN_SIGNAL,
} = codes;

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
    throw new ERR_INVALID_ARG_TYPE(name, ['string', 'number'], signal);
  }
  throw new ERR_UNKNOWN_SIGNAL(signal);
}

function validateTimeout(timeout) {
  if (timeout != null && !(Number.isInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number', maxBuffer);
  }
}

function checkNoNul(text, name) {
  if (text.includes('\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, text, 'must be a string without null bytes');
  }
}

function validateInt32Option(value, name) {
  if (value != null && (value | 0) !== value) {
    throw new ERR_INVALID_ARG_TYPE(name, 'int32', value);
  }
}

// (args, options) as given -> [args, options]: args may be left out, and
// options may then stand in its place.
function splitArgs(args, options) {
  if (Array.isArray(args)) return [args.slice(), options];
  if (args == null) return [[], options];
  if (typeof args !== 'object') throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
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

// What spawn and spawnSync share: { file, args (argv0 first), cwd,
// envPairs, detached, uid, gid, shell, windowsHide,
// windowsVerbatimArguments, ...the caller's options }.
function normalizeSpawnArguments(file, givenArgs, givenOptions) {
  validateString(file, 'file');
  if (file.length === 0) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  }
  checkNoNul(file, 'file');
  let [args, options] = splitArgs(givenArgs, givenOptions);
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  args.forEach((arg, i) => {
    if (typeof arg === 'string') checkNoNul(arg, `args[${i}]`);
  });

  let cwd;
  if (options.cwd != null) {
    const path = toPath(options.cwd, 'options.cwd');
    cwd = typeof path === 'string' ? path : Buffer.from(path).toString();
  }
  if (options.detached != null) validateBoolean(options.detached, 'options.detached');
  validateInt32Option(options.uid, 'options.uid');
  validateInt32Option(options.gid, 'options.gid');
  const { shell } = options;
  if (shell != null && typeof shell !== 'boolean' && typeof shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'], shell);
  }
  if (options.argv0 != null) validateString(options.argv0, 'options.argv0');
  if (options.windowsHide != null) {
    validateBoolean(options.windowsHide, 'options.windowsHide');
  }
  if (options.windowsVerbatimArguments != null) {
    validateBoolean(options.windowsVerbatimArguments, 'options.windowsVerbatimArguments');
  }

  if (shell) {
    if (typeof shell === 'string') checkNoNul(shell, 'options.shell');
    const command = [file, ...args].join(' ');
    file = typeof shell === 'string' ? shell : '/bin/sh';
    args = ['-c', command];
  }
  args.unshift(typeof options.argv0 === 'string' ? options.argv0 : file);

  const env = options.env || process.env;
  return {
    ...options,
    file,
    args: args.map((arg) => `${arg}`),
    cwd,
    envPairs: envPairsOf(env),
    detached: !!options.detached,
    uid: options.uid ?? undefined,
    gid: options.gid ?? undefined,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  };
}

// The checks spawn() adds: timeout, killSignal, signal, serialization.
function validateAsyncOptions(options) {
  validateTimeout(options.timeout);
  if (options.killSignal != null) signalNumber(options.killSignal, 'options.killSignal');
  if (options.signal !== undefined) validateAbortSignal(options.signal, 'options.signal');
  validateOneOf(options.serialization, 'options.serialization',
    [undefined, 'json', 'advanced']);
}

// 'pipe' | 'inherit' | 'ignore' | 'overlapped' -> the three-slot list.
function stdioFromString(text, extra) {
  let slot;
  switch (text) {
    case 'overlapped':
    case 'pipe': slot = 'pipe'; break;
    case 'inherit': slot = 'inherit'; break;
    case 'ignore': slot = 'ignore'; break;
    default: throw new ERR_INVALID_ARG_VALUE('stdio', text);
  }
  const list = [slot, slot, slot];
  if (extra !== undefined) list.push(extra);
  return list;
}

// The file descriptor behind a stream given as a stdio slot, if any.
function streamFd(value) {
  if (typeof value.fd === 'number' && value.fd >= 0) return value.fd;
  const handle = value._handle;
  if (handle && typeof handle.fd === 'number' && handle.fd >= 0) return handle.fd;
  return undefined;
}

// options.stdio -> slots of { type: 'pipe' | 'ipc' | 'fd' | 'ignore',
// fd?, input? } and the index of the 'ipc' slot (-1 without one).
function normalizeStdio(stdio, sync) {
  let list = stdio;
  if (typeof list === 'string') list = stdioFromString(list);
  else if (list === undefined || list === null) list = ['pipe', 'pipe', 'pipe'];
  else if (!Array.isArray(list)) throw new ERR_INVALID_ARG_VALUE('stdio', list);
  list = list.slice();
  while (list.length < 3) list.push(undefined);

  let ipcIndex = -1;
  const slots = list.map((value, i) => {
    if (value === undefined || value === null) {
      return i < 3 ? { type: 'pipe' } : { type: 'ignore' };
    }
    if (value === 'ignore') return { type: 'ignore' };
    if (value === 'pipe' || value === 'overlapped') return { type: 'pipe' };
    if (value === 'inherit') return { type: 'fd', fd: i };
    if (value === 'ipc') {
      if (sync) throw new ERR_IPC_SYNC_FORK();
      if (ipcIndex !== -1) throw new ERR_IPC_ONE_PIPE();
      ipcIndex = i;
      return { type: 'ipc' };
    }
    if (typeof value === 'number') return { type: 'fd', fd: value };
    if (isArrayBufferView(value) || typeof value === 'string') {
      if (!sync) throw new ERR_INVALID_SYNC_FORK_INPUT(inspect(value));
      return { type: 'pipe', input: value };
    }
    if (typeof value === 'object') {
      const fd = streamFd(value);
      if (fd !== undefined) return { type: 'fd', fd };
    }
    throw new ERR_INVALID_ARG_VALUE('stdio', value);
  });
  return { slots, ipcIndex };
}

// The (command, options, callback) of exec and execSync: the command runs
// through the shell.
function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  checkNoNul(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const copy = { ...options };
  copy.shell = typeof copy.shell === 'string' ? copy.shell : true;
  return { file: command, options: copy, callback };
}

// (file, args?, options?, callback?) of execFile -> the four parts; args
// and options may each be left out.
function normalizeExecFileArgs(file, args, options, callback) {
  if (typeof args === 'function') {
    callback = args;
    args = [];
    options = undefined;
  } else if (args == null) {
    args = [];
  } else if (!Array.isArray(args)) {
    if (typeof args !== 'object') throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
    callback = options;
    options = args;
    args = [];
  }
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  if (options == null) options = {};
  else validateObject(options, 'options');
  if (callback != null) validateFunction(callback, 'callback');
  return { file, args, options, callback: callback ?? undefined };
}

module.exports = {
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeSpawnArguments,
  normalizeStdio,
  signalNames,
  signalNumber,
  stdioFromString,
  validateAsyncOptions,
  validateMaxBuffer,
  validateTimeout,
};
