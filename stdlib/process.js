'use strict';
// node:process. The object and its snapshot-time facts come from
// internal/process/object.js; this module adds the methods. Each run's facts
// (argv, pid, execPath) arrive through setupRun() after boot, and the
// standard streams are made on first use, since none may live in a snapshot.

const process = require('./internal/process/object');
const { toExitCode, exitNow } = require('./internal/process/exit');
const { kill } = require('./internal/process/signals');
const execution = require('./internal/process/execution');
const { defineStdio } = require('./internal/process/stdio');
const { codes, uvException } = require('./internal/errors');
const {
  parseFileMode, validateArray, validateNumber, validateObject, validateString,
} = require('./internal/validators');

const binding = internalBinding('process');

process.cwd = function cwd() {
  return binding.cwd();
};

// A failure names both directories, as Node's does: path is where the
// process was, dest where it was asked to go.
process.chdir = function chdir(directory) {
  validateString(directory, 'directory');
  try {
    binding.chdir(directory);
  } catch (err) {
    if (typeof err.errno !== 'number') throw err;
    throw uvException({
      errno: err.errno, syscall: 'chdir', path: binding.cwd(), dest: directory,
    });
  }
};

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  exitNow(toExitCode(process.exitCode === undefined ? 0 : process.exitCode));
};

process.reallyExit = function reallyExit(code) {
  binding.reallyExit(toExitCode(code));
};

process.kill = kill;

// The capture callback itself lives next to the uncaught-error path.
Object.assign(process, {
  setUncaughtExceptionCaptureCallback(fn) { execution.installCapture(fn); },
  hasUncaughtExceptionCaptureCallback() { return execution.captureInstalled(); },
});
// Enumerable and replaceable, as in Node; errors nothing caught go through
// whatever is here when they happen.
process._fatalException = execution.processFatalException;

process.abort = function abort() {
  binding.reallyExit(134);
};

// hrtime([previous]) -> [seconds, nanoseconds], relative to `previous`.
function hrtime(previous) {
  const now = binding.hrtime();
  if (previous === undefined) return now;
  validateArray(previous, 'time');
  if (previous.length !== 2) {
    throw new codes.ERR_OUT_OF_RANGE('time', 2, previous.length);
  }
  const nanos = (now[0] - previous[0]) * 1e9 + (now[1] - previous[1]);
  return [Math.floor(nanos / 1e9), nanos % 1e9];
}
hrtime.bigint = function bigint() {
  return binding.hrtimeBigInt();
};
process.hrtime = hrtime;

process.uptime = function uptime() {
  return binding.uptime();
};

const kMemoryFields = ['rss', 'heapTotal', 'heapUsed', 'external',
  'arrayBuffers'];
function memoryUsage() {
  const numbers = binding.memoryUsage();
  const usage = {};
  for (let i = 0; i < kMemoryFields.length; i++) {
    usage[kMemoryFields[i]] = numbers[i];
  }
  return usage;
}
memoryUsage.rss = function rss() {
  return binding.memoryUsage()[0];
};
process.memoryUsage = memoryUsage;

process.umask = function umask(mask) {
  if (mask === undefined) return binding.umask();
  return binding.umask(parseFileMode(mask, 'mask'));
};

process.cpuUsage = function cpuUsage(prevValue) {
  const [user, system] = binding.cpuUsage();
  if (!prevValue) return { user, system };
  validateObject(prevValue, 'prevValue');
  validateNumber(prevValue.user, 'prevValue.user');
  validateNumber(prevValue.system, 'prevValue.system');
  for (const field of ['user', 'system']) {
    const used = prevValue[field];
    if (!(Number.isFinite(used) && used >= 0)) {
      throw new codes.ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${field}`,
                                                       prevValue[field]);
    }
  }
  return { user: user - prevValue.user, system: system - prevValue.system };
};

const kResourceFields = ['userCPUTime', 'systemCPUTime', 'maxRSS',
  'sharedMemorySize', 'unsharedDataSize', 'unsharedStackSize',
  'minorPageFault', 'majorPageFault', 'swappedOut', 'fsRead', 'fsWrite',
  'ipcSent', 'ipcReceived', 'signalsCount', 'voluntaryContextSwitches',
  'involuntaryContextSwitches'];
process.resourceUsage = function resourceUsage() {
  const numbers = binding.resourceUsage();
  const usage = {};
  kResourceFields.forEach((field, i) => { usage[field] = numbers[i]; });
  return usage;
};

// The four ids come from one call; each getter picks its own.
['getuid', 'getgid', 'geteuid', 'getegid'].forEach((name, i) => {
  process[name] = { [name]() { return binding.getIds()[i]; } }[name];
});
process.getgroups = function getgroups() {
  return binding.getGroups();
};

function lazyProperty(name, make) {
  let value;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: false,
    get() {
      if (value === undefined) value = make();
      return value;
    },
  });
}
defineStdio(process);
// process.stdin's kind of stream (and node:net, node:fs or node:tty with it)
// loads on first use, not at every start.
lazyProperty('stdin', () => require('./internal/process/stdin').createStdin(0));
// The options NODE_OPTIONS may hold: the node options jspack-runtime reads
// (runtime/main.cc) and the V8 options Node lets through. Node's Set also
// answers for spellings with '_' for '-'.
lazyProperty('allowedNodeEnvironmentFlags', () => {
  const flags = new Set([
    '--conditions', '-C', '--disable-warning', '--enable-source-maps',
    '--env-file', '--experimental-vm-modules', '--import', '--input-type',
    '--max-old-space-size', '--max-semi-space-size', '--no-deprecation',
    '--no-experimental-fetch', '--no-experimental-global-webcrypto',
    '--no-warnings', '--pending-deprecation', '--preserve-symlinks',
    '--preserve-symlinks-main', '--redirect-warnings', '--require', '-r',
    '--stack-trace-limit', '--throw-deprecation', '--title',
    '--trace-deprecation', '--trace-uncaught', '--trace-warnings',
    '--unhandled-rejections', '--zero-fill-buffers',
  ]);
  const has = flags.has.bind(flags);
  Object.defineProperty(flags, 'has', {
    value(flag) {
      if (typeof flag !== 'string') return false;
      const name = flag.replace(/=.*$/, '');
      return has(name) || has(name.replace(/_/g, '-'));
    },
  });
  return flags;
});

// Fills in the facts of this run. Called once, after boot, before the app.
process._setupRun = function setupRun() {
  const info = binding.getRunInfo();
  process.argv = info.argv;
  process.argv0 = info.argv0;
  process.execArgv = info.execArgv;
  process.execPath = info.execPath;
  process.pid = info.pid;
  process.ppid = info.ppid;
  process.title = info.execPath.slice(info.execPath.lastIndexOf('/') + 1);
  // A child forked with an IPC channel gets process.send and friends.
  if (process.env.NODE_CHANNEL_FD !== undefined) {
    require('./internal/child_process/setup').setupChannelFromEnv(process);
  }
  // A worker forked by node:cluster: its id comes in NODE_UNIQUE_ID, which
  // its own children must not inherit.
  const { env } = process;
  if (Object.prototype.hasOwnProperty.call(env, 'NODE_UNIQUE_ID')) {
    const id = env.NODE_UNIQUE_ID;
    Reflect.deleteProperty(env, 'NODE_UNIQUE_ID');
    if (process.connected) require('./internal/cluster/child').setupWorker(id);
  }
  delete process._setupRun;
  return info;
};

module.exports = process;
