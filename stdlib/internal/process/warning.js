'use strict';
// process.emitWarning: builds the warning, then on the next tick emits
// 'warning' on process and prints it to stderr as Node does. process.js
// registers itself as the emitter with setWarningTarget(): events.js emits
// warnings too (MaxListenersExceededWarning), and process is an
// EventEmitter, so a require() of process from here would be a cycle.

const { nextTick } = require('./ticks');
const { codes: { ERR_INVALID_ARG_TYPE } } = require('../errors');
const { writeString } = internalBinding('stdio');

let target = null;
let hintShown = false;
// Set from the command line at startup (--no-warnings, --trace-warnings,
// --trace-deprecation): see configureWarnings.
const shown = { silent: false, trace: false, traceDeprecation: false };

// The printer is the emitter's first 'warning' listener, as in Node, so
// process.listenerCount('warning') starts at 1.
function setWarningTarget(emitter) {
  target = emitter;
  emitter.on('warning', onWarning);
}

function onWarning(warning) {
  if (!shown.silent) printWarning(warning);
}

function configureWarnings(options) {
  Object.assign(shown, options);
}

// Node's line: `(node:PID) [CODE] Name: message`, the detail below it, and
// once per process a hint about --trace-warnings (or --trace-deprecation).
function printWarning(warning) {
  const pid = target === null ? 0 : target.pid;
  const code = warning.code === undefined ? '' : `[${warning.code}] `;
  const isDeprecation = warning.name === 'DeprecationWarning';
  const trace = shown.trace || (isDeprecation && shown.traceDeprecation);
  let text = trace && typeof warning.stack === 'string' ?
    `(node:${pid}) ${code}${warning.stack}\n` :
    `(node:${pid}) ${code}${warning.name}: ${warning.message}\n`;
  if (typeof warning.detail === 'string') text += `${warning.detail}\n`;
  if (!hintShown && !trace) {
    hintShown = true;
    const flag = isDeprecation ?
      '--trace-deprecation' : '--trace-warnings';
    text += `(Use \`node ${flag} ...\` to show where the warning was ` +
      'created)\n';
  }
  try {
    writeString(2, text);
  } catch {
    // stderr is gone: nowhere to report to.
  }
}

// The second argument is the type, an options object, or the constructor
// to hide from the stack; the third is the code or that constructor.
function readOptions(second, third, fourth) {
  if (second !== null && typeof second === 'object' && !Array.isArray(second)) {
    const detail = typeof second.detail === 'string' ? second.detail : undefined;
    return { type: second.type, code: second.code, detail, ctor: second.ctor };
  }
  if (typeof second === 'function') return { ctor: second };
  if (typeof third === 'function') return { type: second, ctor: third };
  return { type: second, code: third, ctor: fourth };
}

function emitWarning(warning, ...rest) {
  const options = readOptions(...rest);
  const type = options.type === undefined || options.type === '' ?
    'Warning' : options.type;
  if (typeof type !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('type', 'string', type);
  }
  const { code, detail } = options;
  if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  let shown = warning;
  if (typeof shown === 'string') {
    const saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    shown = new Error(warning);
    Error.stackTraceLimit = saved;
    Object.assign(shown, { name: type },
                  code === undefined ? null : { code },
                  detail === undefined ? null : { detail });
    Error.captureStackTrace(shown, options.ctor || emitWarning);
  } else if (!(shown instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], shown);
  }
  if (shown.name === 'DeprecationWarning' && target !== null) {
    if (target.noDeprecation) return;
    if (target.throwDeprecation) {
      nextTick(() => { throw shown; });
      return;
    }
  }
  nextTick(() => {
    if (target !== null) target.emit('warning', shown);
    else printWarning(shown);
  });
}

// How the stdlib's own warnings are raised: through process.emitWarning as
// it is at that moment, so an app (or test tool) that replaces it sees them,
// as in Node.
function emitProcessWarning(...args) {
  const emit = target === null ? emitWarning : target.emitWarning;
  return Reflect.apply(emit, target, args);
}

module.exports = {
  configureWarnings, emitWarning, emitProcessWarning, setWarningTarget,
};
