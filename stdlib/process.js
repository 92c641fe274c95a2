'use strict';
// node:process. The object and its snapshot-time facts come from
// internal/process/object.js; this module adds the methods. Each run's facts
// (argv, pid, execPath) arrive through setupRun() after boot, and the
// standard streams are made on first use, since none may live in a snapshot.

const process = require('./internal/process/object');
const { toExitCode, exitNow } = require('./internal/process/exit');
const {
  validateNumber, validateObject, validateString,
} = require('./internal/validators');

const binding = internalBinding('process');

process.cwd = function cwd() {
  return binding.cwd();
};

process.chdir = function chdir(directory) {
  validateString(directory, 'directory');
  binding.chdir(directory);
};

process.exit = function exit(code) {
  if (code !== undefined) process.exitCode = code;
  exitNow(toExitCode(process.exitCode === undefined ? 0 : process.exitCode));
};

process.reallyExit = function reallyExit(code) {
  binding.reallyExit(toExitCode(code));
};

process.abort = function abort() {
  binding.reallyExit(134);
};

// hrtime([previous]) -> [seconds, nanoseconds], relative to `previous`.
function hrtime(previous) {
  const now = binding.hrtime();
  if (previous === undefined) return now;
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
  const parsed = typeof mask === 'string' ? parseInt(mask, 8) : mask;
  validateNumber(parsed, 'mask');
  return binding.umask(parsed >>> 0);
};

process.cpuUsage = function cpuUsage(prevValue) {
  const [user, system] = binding.cpuUsage();
  if (prevValue === undefined) return { user, system };
  validateObject(prevValue, 'prevValue');
  validateNumber(prevValue.user, 'prevValue.user');
  validateNumber(prevValue.system, 'prevValue.system');
  return { user: user - prevValue.user, system: system - prevValue.system };
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
lazyProperty('stdout', () => {
  const { SyncWriteStream } = require('./internal/process/stdio');
  return new SyncWriteStream(1);
});
lazyProperty('stderr', () => {
  const { SyncWriteStream } = require('./internal/process/stdio');
  return new SyncWriteStream(2);
});
lazyProperty('stdin', () => {
  const { Stdin } = require('./internal/process/stdin');
  return new Stdin(0);
});

// Fills in the facts of this run. Called once, after boot, before the app.
process._setupRun = function setupRun() {
  const info = binding.getRunInfo();
  process.argv = info.argv;
  process.argv0 = info.argv[0];
  process.execPath = info.execPath;
  process.pid = info.pid;
  process.ppid = info.ppid;
  process.title = info.execPath.slice(info.execPath.lastIndexOf('/') + 1);
  delete process._setupRun;
};

module.exports = process;
