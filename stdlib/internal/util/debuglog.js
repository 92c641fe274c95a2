// util.debuglog(section): logging switched on by NODE_DEBUG, which is read on first use so the snapshot never sees it.
'use strict';

// Section matcher built from NODE_DEBUG the first time any logger is used.
let sectionMatcher;

// NODE_DEBUG is a comma-separated list of section names, compared without
// regard to case; '*' stands for any run of characters.
function buildMatcher(setting) {
  if (!setting) return () => false;
  const alternatives = setting.split(',').map((pattern) => pattern
    .split('*')
    .map((piece) => piece.replace(/[|\\{}()[\]^$+?.]/g, '\\$&'))
    .join('.*'));
  const regex = new RegExp(`^(?:${alternatives.join('|')})$`, 'i');
  return (section) => regex.test(section);
}

function isSectionEnabled(section) {
  if (sectionMatcher === undefined) {
    const proc = globalThis.process;
    const env = proc && proc.env ? proc.env.NODE_DEBUG : undefined;
    sectionMatcher = buildMatcher(env);
  }
  return sectionMatcher(section);
}

function stderrHasColors(stderr) {
  return Boolean(stderr && stderr.isTTY &&
    typeof stderr.hasColors === 'function' && stderr.hasColors());
}

// The function that really prints, made once the section's state is known.
function makePrinter(section) {
  // Loaded here: inspect is large and most programs never enable a section.
  const { formatWithOptions } = require('./inspect');
  return (...args) => {
    const proc = globalThis.process;
    const stderr = proc.stderr;
    const text = formatWithOptions({ colors: stderrHasColors(stderr) }, ...args);
    stderr.write(`${section} ${proc.pid}: ${text}\n`);
  };
}

function noop() {}

// Returns a logger for `section`. Nothing is decided until the logger is
// first called or its `enabled` property read; `onReady`, when given,
// receives the printing function at the first call.
function debuglog(section, onReady) {
  let state;
  const resolve = () => {
    if (state === undefined) {
      const name = `${section}`.toUpperCase();
      const enabled = isSectionEnabled(name);
      state = { enabled, print: enabled ? makePrinter(name) : noop };
    }
    return state;
  };

  let announce = typeof onReady === 'function';
  const logger = (...args) => {
    const { print } = resolve();
    if (announce) {
      announce = false;
      onReady(print);
    }
    print(...args);
  };
  Object.defineProperty(logger, 'enabled', {
    get() {
      return resolve().enabled;
    },
    enumerable: true,
    configurable: true,
  });
  return logger;
}

module.exports = { debuglog };
