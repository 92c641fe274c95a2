// util.debuglog(): NODE_DEBUG-gated logging; the environment is read on first use, never at load.
'use strict';

let testEnabled;

function initializeDebugEnv() {
  const env = typeof process === 'object' && process !== null && process.env ?
    process.env.NODE_DEBUG : undefined;
  if (env) {
    const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    const debugEnvRegex = new RegExp(`^${pattern}$`, 'i');
    testEnabled = (str) => debugEnvRegex.test(str);
  } else {
    testEnabled = () => false;
  }
}

function debuglogImpl(enabled, set) {
  if (!enabled) return function debug() {};
  const { formatWithOptions, format } = require('./inspect');
  const pid = process.pid;
  return function debug(...args) {
    const stderr = process.stderr;
    const colors = !!(stderr && stderr.isTTY &&
      typeof stderr.hasColors === 'function' && stderr.hasColors());
    const msg = formatWithOptions({ colors }, ...args);
    stderr.write(format('%s %d: %s\n', set, pid, msg));
  };
}

function debuglog(set, cb) {
  let enabled;
  function init() {
    if (testEnabled === undefined) initializeDebugEnv();
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function') cb(debug);
    debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  Object.defineProperty(logger, 'enabled', {
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = { debuglog };
