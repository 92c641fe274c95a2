'use strict';
// A worker thread's start (the runWorker hook C++ calls instead of
// runMain): take the boot value and ports the parent sent, make this
// thread's process and worker_threads look like a worker's, tell the
// parent we are online, and run the worker's code.

const process = require('../process/object');
const { loadBuiltin } = require('../modules/builtins');
const { setUncaughtForwarder } = require('../process/execution');
const { adoptEnvironmentData } = require('./shared');
const { inspect } = require('../util/inspect');

// A worker's process.env: its own copy; values become strings, as Node's.
function makeEnv(initial) {
  const store = Object.assign(Object.create(null), initial);
  return new Proxy(store, {
    set(target, key, value) {
      if (typeof key === 'string') target[key] = `${value}`;
      return true;
    },
    defineProperty(target, key, descriptor) {
      if (typeof key === 'string' && 'value' in descriptor) {
        target[key] = `${descriptor.value}`;
      }
      return true;
    },
  });
}

function replaceProcessProperty(name, value) {
  Object.defineProperty(process, name, {
    value, writable: true, configurable: true, enumerable: false,
  });
}

// An Error nothing caught, in a form that survives the clone: V8 clones
// Errors (class, message, stack); own properties such as `code` ride along
// separately when they can be cloned.
function describeForParent(err) {
  const message = { type: 'error', error: err };
  if (err !== null && typeof err === 'object') {
    const props = {};
    for (const key of Object.keys(err)) props[key] = err[key];
    message.props = props;
  }
  return message;
}

function forwardUncaught(control) {
  return (err) => {
    try {
      control.postMessage(describeForParent(err));
    } catch {
      try {
        control.postMessage({ type: 'error', text: inspect(err) });
      } catch {
        return false;
      }
    }
    return true;
  };
}

// stdout: true / stderr: true: output goes to the parent's worker.stdout
// and worker.stderr streams instead of the process's.
function redirectStdio(control, name) {
  const { Writable } = require('../../stream');
  const stream = new Writable({
    write(chunk, encoding, callback) {
      control.postMessage({ type: 'stdio', stream: name, chunk });
      callback();
    },
  });
  replaceProcessProperty(name, stream);
}

// What a worker may not change for the whole process, as in Node.
function forbidProcessWideChanges() {
  const { ERR_WORKER_UNSUPPORTED_OPERATION } = require('../errors').codes;
  const forbid = (name) => () => {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
  };
  for (const name of ['chdir', 'setuid', 'setgid', 'seteuid', 'setegid',
    'setgroups', 'initgroups']) {
    if (name === 'chdir' || typeof process[name] === 'function') {
      replaceProcessProperty(name, forbid(name));
    }
  }
  const umask = process.umask;
  replaceProcessProperty('umask', function umaskInWorker(mask) {
    if (mask !== undefined) {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask.call(process);
  });
}

// process.stdin of a worker: empty, or fed by the parent's worker.stdin
// (stdin: true) through the control port.
function makeStdin(control, fed) {
  const { Readable } = require('../../stream');
  // While someone reads, the worker waits for input (as in Node); before
  // that, and after the end, input alone does not keep it alive.
  const stdin = new Readable({
    read() {
      if (fed) control.ref();
      else this.push(null);
    },
  });
  stdin.fd = 0;
  if (fed) {
    control.on('message', (message) => {
      if (message.type !== 'stdin') return;
      stdin.push(message.chunk);
      if (message.chunk === null) control.unref();
    });
    control.unref();
  }
  return stdin;
}

// A data: URL's code, run as an ES module.
function runDataUrl(url) {
  const { runModule } = internalBinding('module');
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const body = url.slice(comma + 1);
  const source = header.endsWith(';base64') ?
    loadBuiltin('buffer').Buffer.from(body, 'base64').toString() :
    decodeURIComponent(body);
  runModule(source, url);
}

function runWorker() {
  // eslint-disable-next-line no-undef
  const native = internalBinding('worker');
  require('./io').binding();
  const info = native.takeBootInfo();
  if (info === undefined) return;
  const [boot, port, control] = info;
  const [, threadId] = native.getThreadInfo();
  const api = loadBuiltin('worker_threads');
  api.isMainThread = false;
  api.parentPort = port;
  api.workerData = boot.workerData === undefined ? null : boot.workerData;
  api.threadId = threadId;
  const [young, old, code, stack] = boot.limits;
  api.resourceLimits = {
    maxYoungGenerationSizeMb: young > 0 ? young : 48,
    maxOldGenerationSizeMb: old > 0 ? old : 4096,
    codeRangeSizeMb: code,
    stackSizeMb: stack > 0 ? stack : 4,
  };
  adoptEnvironmentData(boot.environmentData);
  if (boot.env !== null) replaceProcessProperty('env', makeEnv(boot.env));
  replaceProcessProperty('stdin', makeStdin(control, boot.stdin));
  forbidProcessWideChanges();
  // The output goes through the parent (worker.stdout / worker.stderr, and
  // from there to the process's own unless the options keep it), in order
  // with everything else the worker posts, so none is lost at its exit.
  redirectStdio(control, 'stdout');
  redirectStdio(control, 'stderr');
  setUncaughtForwarder(forwardUncaught(control));
  control.postMessage({ type: 'online' });

  // The loader's runMain sets up this run (options, module paths) and,
  // by the mode the parent chose, runs the file or the app; eval code and
  // data: URLs run after it. What they throw goes the usual uncaught way
  // (to the parent).
  const runMainModule = require('../modules/run_main');
  if (boot.isApp) {
    const [, bundle, isModule] = native.appEntry();
    runMainModule.runMain(bundle, isModule, boot.entry);
    return;
  }
  runMainModule.runMain(undefined, false);
  if (boot.kind === 'eval') {
    runMainModule.runScriptSource(boot.what, '[worker eval]',
                                  { print: false, inputType: 'commonjs' });
  } else if (boot.kind === 'data') {
    runDataUrl(boot.what);
  }
}

module.exports = { runWorker };
