'use strict';
// node:process: the process object. Built while the snapshot is made; the
// facts of one run (argv, pid, execPath) are filled in by setupRun() after
// boot, and env is a live view of the C environment.

const EventEmitter = require('./events');
const binding = internalBinding('process');
const {
  nextTick,
} = require('./internal/process/task_queues');
const {
  exitNow,
  toExitCode,
} = require('./internal/process/execution');
const {
  validateNumber, validateObject, validateString,
} = require('./internal/validators');

const staticInfo = binding.getStaticInfo();

// Node's process object is an EventEmitter whose class is named 'process'.
const process = Object.create(EventEmitter.prototype, {
  [Symbol.toStringTag]: {
    value: 'process', writable: false, enumerable: false, configurable: true,
  },
});
EventEmitter.call(process);

// Our API target: the Node release whose behaviour the stdlib follows.
const kNodeVersion = '20.11.1';

Object.assign(process, {
  title: 'jspack',
  version: `v${kNodeVersion}`,
  versions: {
    node: kNodeVersion,
    v8: staticInfo.v8,
    uv: staticInfo.uv,
    jspack: staticInfo.jspack,
    modules: '115',
  },
  arch: staticInfo.arch,
  platform: staticInfo.platform,
  release: { name: 'node' },
  argv: [],
  execArgv: [],
  argv0: '',
  execPath: '',
  pid: 0,
  ppid: 0,
  exitCode: undefined,
  config: { target_defaults: {}, variables: {} },
  features: { inspector: false, debug: false, uv: true, ipv6: true,
              tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false,
              cached_builtins: true },
  _exiting: false,
  nextTick,
});

// env: reads and writes go straight to the C environment, so a value set
// here is seen by native code and (later) child processes; values become
// strings, as in Node.
process.env = new Proxy({}, {
  get(target, key) {
    if (typeof key !== 'string') return undefined;
    return binding.getEnv(key);
  },
  set(target, key, value) {
    if (typeof key === 'string') binding.setEnv(key, `${value}`);
    return true;
  },
  has(target, key) {
    return typeof key === 'string' && binding.getEnv(key) !== undefined;
  },
  deleteProperty(target, key) {
    if (typeof key === 'string') binding.unsetEnv(key);
    return true;
  },
  ownKeys() {
    return binding.envKeys();
  },
  getOwnPropertyDescriptor(target, key) {
    if (typeof key !== 'string') return undefined;
    const value = binding.getEnv(key);
    if (value === undefined) return undefined;
    return { value, writable: true, enumerable: true, configurable: true };
  },
  defineProperty(target, key, descriptor) {
    if (typeof key === 'string' && 'value' in descriptor) {
      binding.setEnv(key, `${descriptor.value}`);
    }
    return true;
  },
});

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

function hrtime(previous) {
  const [seconds, nanos] = binding.hrtime();
  if (previous === undefined) return [seconds, nanos];
  let s = seconds - previous[0];
  let ns = nanos - previous[1];
  if (ns < 0) {
    s -= 1;
    ns += 1e9;
  }
  return [s, ns];
}
hrtime.bigint = function bigint() {
  return binding.hrtimeBigInt();
};
process.hrtime = hrtime;

process.uptime = function uptime() {
  return binding.uptime();
};

function memoryUsage() {
  const [rss, heapTotal, heapUsed, external, arrayBuffers] =
    binding.memoryUsage();
  return { rss, heapTotal, heapUsed, external, arrayBuffers };
}
memoryUsage.rss = function rss() {
  return binding.memoryUsage()[0];
};
process.memoryUsage = memoryUsage;

process.umask = function umask(mask) {
  if (mask === undefined) return binding.umask();
  if (typeof mask === 'string') mask = parseInt(mask, 8);
  validateNumber(mask, 'mask');
  return binding.umask(mask >>> 0);
};

process.cpuUsage = function cpuUsage(previous) {
  const [user, system] = binding.cpuUsage();
  if (previous === undefined) return { user, system };
  validateObject(previous, 'prevValue');
  validateNumber(previous.user, 'prevValue.user');
  validateNumber(previous.system, 'prevValue.system');
  return { user: user - previous.user, system: system - previous.system };
};

let warnedOnce = false;
process.emitWarning = function emitWarning(warning, type, code) {
  let detail;
  if (type !== null && typeof type === 'object') {
    ({ code, detail } = type);
    type = type.type;
  }
  let err = warning;
  if (typeof warning === 'string') {
    err = new Error(warning);
    err.name = typeof type === 'string' ? type : 'Warning';
    if (code !== undefined) err.code = code;
    if (detail !== undefined) err.detail = detail;
  }
  if (err.name === 'DeprecationWarning' && process.noDeprecation) return;
  process.nextTick(() => {
    process.emit('warning', err);
    const prefix = `(node:${process.pid}) ${err.code ? `[${err.code}] ` : ''}`;
    let text = `${prefix}${err.name}: ${err.message}\n`;
    if (err.detail) text += `${err.detail}\n`;
    if (!warnedOnce) {
      warnedOnce = true;
      text += '(Use `node --trace-warnings ...` to show where the warning ' +
        'was created)\n';
    }
    internalBinding('stdio').writeString(2, text);
  });
};

// The standard streams are made on first use: none exists in a snapshot.
function defineLazyStream(name, create) {
  let stream;
  Object.defineProperty(process, name, {
    configurable: true,
    enumerable: false,
    get() {
      if (stream === undefined) stream = create();
      return stream;
    },
  });
}
defineLazyStream('stdout', () => {
  const { SyncWriteStream } = require('./internal/process/stdio');
  return new SyncWriteStream(1);
});
defineLazyStream('stderr', () => {
  const { SyncWriteStream } = require('./internal/process/stdio');
  return new SyncWriteStream(2);
});
defineLazyStream('stdin', () => {
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
  const slash = info.execPath.lastIndexOf('/');
  process.title = info.execPath.slice(slash + 1);
  delete process._setupRun;
};

module.exports = process;
