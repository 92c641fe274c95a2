'use strict';
// node:vm: compiling and running code in this context or in contextified
// objects (their own V8 context, whose globals live on the object).

const { Buffer } = require('./buffer');
const { codes } = require('./internal/errors');
const validators = require('./internal/validators');

let binding;
function native() {
  if (binding === undefined) binding = internalBinding('contextify');
  return binding;
}

// runScript returns these when the timeout or a SIGINT stopped the code.
const kTimedOut = Object.freeze({ __proto__: null });
const kInterrupted = Object.freeze({ __proto__: null });
const kHandle = Symbol('scriptHandle');

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER:
    Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

// Arrays are objects to vm; functions are not.
const kAnyObject = { allowArray: true };

// One checker per option kind; each throws Node's error for `label`.
const kCheckers = {
  string: (v, label) => validators.validateString(v, label),
  int32: (v, label) => validators.validateInt32(v, label),
  boolean: (v, label) => validators.validateBoolean(v, label),
  timeout: (v, label) => validators.validateUint32(v, label, true),
  bytes(v, label) {
    if (!ArrayBuffer.isView(v)) {
      throw new codes.ERR_INVALID_ARG_TYPE(label,
        ['Buffer', 'TypedArray', 'DataView'], v);
    }
  },
  object: (v, label) => validators.validateObject(v, label),
  // Checked by the caller, with its own error.
  any: () => {},
};

// Reads `bag` against `spec` ({ key: [kind, default] }): every present key
// is checked, missing ones take their default.
function readOptions(bag, spec, prefix = 'options') {
  validators.validateObject(bag, prefix);
  const out = {};
  for (const key of Object.keys(spec)) {
    const [kind, fallback] = spec[key];
    const given = bag[key];
    if (given === undefined) {
      out[key] = fallback;
    } else {
      kCheckers[kind](given, `${prefix}.${key}`);
      out[key] = given;
    }
  }
  return out;
}

function notAContext(label, value) {
  const err = new codes.ERR_INVALID_ARG_TYPE(label, 'vm.Context', value);
  // Node words this one "must be an vm.Context".
  err.message = err.message.replace(
    /must be (of type|an instance of) vm\.Context/, 'must be an vm.Context');
  return err;
}

function isContext(value) {
  validators.validateObject(value, 'object', kAnyObject);
  return native().isContext(value);
}

function isContextified(value) {
  return value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    native().isContext(value);
}

// The run target: first an object at all, then a contextified one.
function checkTarget(value) {
  validators.validateObject(value, 'object', kAnyObject);
  if (!native().isContext(value)) throw notAContext('contextifiedObject', value);
}

const kRunSpec = {
  displayErrors: ['boolean', true],
  breakOnSigint: ['boolean', false],
  timeout: ['timeout', 0],
};

// The options every run takes (a string is a filename, nothing to run by).
function runSettings(opts) {
  if (opts === undefined || opts === null || typeof opts === 'string') {
    return { displayErrors: true, breakOnSigint: false, timeout: 0 };
  }
  return readOptions(opts, kRunSpec);
}

function runHandle(handle, target, opts) {
  const settings = runSettings(opts);
  const value = native().runScript(handle, target, settings.timeout,
    kTimedOut, settings.displayErrors, settings.breakOnSigint, kInterrupted);
  if (value === kTimedOut) {
    throw new codes.ERR_SCRIPT_EXECUTION_TIMEOUT(settings.timeout);
  }
  if (value === kInterrupted) {
    throw new codes.ERR_SCRIPT_EXECUTION_INTERRUPTED();
  }
  return value;
}

const kScriptSpec = {
  filename: ['string', 'evalmachine.<anonymous>'],
  lineOffset: ['int32', 0],
  columnOffset: ['int32', 0],
  cachedData: ['bytes', undefined],
  produceCachedData: ['boolean', false],
};

// The cache fields Node sets on a Script or a compiled function.
function attachCache(target, given, produce, result) {
  if (given !== undefined) target.cachedDataRejected = result[0];
  if (produce) {
    target.cachedData = result[1] === undefined ? undefined :
      Buffer.from(result[1]);
    target.cachedDataProduced = result[1] !== undefined;
  }
}

function checkDynamicImport(hook) {
  if (hook !== undefined && typeof hook !== 'function' &&
      typeof hook !== 'symbol') {
    validators.validateFunction(hook, 'options.importModuleDynamically');
  }
}

class Script {
  constructor(source, opts = {}) {
    const text = `${source}`;
    const bag = typeof opts === 'string' ? { filename: opts } : opts;
    const o = readOptions(bag, kScriptSpec);
    checkDynamicImport(bag.importModuleDynamically);
    const result = [];
    const handle = native().compileScript(text, o.filename, o.lineOffset,
      o.columnOffset, o.cachedData, o.produceCachedData, result);
    Object.defineProperty(this, kHandle, { value: handle });
    attachCache(this, o.cachedData, o.produceCachedData, result);
    this.sourceMapURL = sourceMapUrlOf(text);
  }

  createCachedData() {
    return Buffer.from(native().createCachedData(this[kHandle]));
  }

  runInThisContext(opts) {
    return runHandle(this[kHandle], null, opts);
  }

  runInContext(target, opts) {
    checkTarget(target);
    return runHandle(this[kHandle], target, opts);
  }

  runInNewContext(sandbox, opts) {
    return this.runInContext(createContext(sandbox, newContextOptions(opts)),
      opts);
  }
}

// The `//# sourceMappingURL=` comment of the code, as Node reports it.
function sourceMapUrlOf(text) {
  const match = /\/[*/][#@]\s*sourceMappingURL=([^\s'"*]+)\s*(?:\*\/\s*)?$/m
    .exec(text);
  return match === null ? undefined : match[1];
}

// The context options runInNewContext takes among its run options, under
// their context* names.
const kNewContextKeys = [
  ['contextName', 'name'], ['contextOrigin', 'origin'],
  ['contextCodeGeneration', 'codeGeneration'],
  ['microtaskMode', 'microtaskMode'],
];

function newContextOptions(opts) {
  if (opts === null || typeof opts !== 'object') return undefined;
  const out = {};
  for (const [from, to] of kNewContextKeys) out[to] = opts[from];
  return out;
}

let contextCount = 0;

const kContextSpec = {
  name: ['string', undefined],
  origin: ['string', undefined],
  codeGeneration: ['object', undefined],
  microtaskMode: ['any', undefined],
};

function createContext(sandbox = {}, opts = {}) {
  const plain = sandbox === constants.DONT_CONTEXTIFY;
  if (!plain) {
    validators.validateObject(sandbox, 'object', kAnyObject);
    if (native().isContext(sandbox)) return sandbox;
  }
  const o = readOptions(opts, kContextSpec);
  const label = o.name === undefined ? `VM Context ${++contextCount}` : o.name;
  const codeGen = o.codeGeneration === undefined ? {} : o.codeGeneration;
  const allow = readOptions(codeGen, {
    strings: ['boolean', true], wasm: ['boolean', true],
  }, 'options.codeGeneration');
  if (o.microtaskMode !== undefined && o.microtaskMode !== 'afterEvaluate') {
    validators.validateOneOf(o.microtaskMode, 'options.microtaskMode',
      ['afterEvaluate', undefined]);
  }
  const ownQueue = o.microtaskMode === 'afterEvaluate';
  const made = native().makeContext(plain ? null : sandbox, label, ownQueue,
    allow.strings, allow.wasm);
  return plain ? made : sandbox;
}

function createScript(source, opts) {
  return new Script(source, opts);
}

// What the runIn* helpers pass on (a string is the filename).
function asBag(opts) {
  if (typeof opts === 'string') return { filename: opts };
  if (opts === undefined || opts === null) return {};
  validators.validateObject(opts, 'options');
  return opts;
}

function runInContext(source, target, opts) {
  checkTarget(target);
  const bag = asBag(opts);
  return new Script(source, bag).runInContext(target, bag);
}

function runInNewContext(source, sandbox, opts) {
  const bag = asBag(opts);
  const target = createContext(sandbox, newContextOptions(bag));
  return new Script(source, bag).runInContext(target, bag);
}

function runInThisContext(source, opts) {
  const bag = asBag(opts);
  return new Script(source, bag).runInThisContext(bag);
}

const kFunctionSpec = {
  ...kScriptSpec,
  filename: ['string', ''],
  parsingContext: ['any', undefined],
  contextExtensions: ['any', []],
};

function compileFunction(source, paramList = [], opts = {}) {
  validators.validateString(source, 'code');
  validators.validateArray(paramList, 'params');
  // Copies, read once: the binding must see exactly what was checked.
  const paramNames = Array.from(paramList);
  for (let i = 0; i < paramNames.length; i++) {
    validators.validateString(paramNames[i], `params[${i}]`);
  }
  const o = readOptions(opts, kFunctionSpec);
  if (o.parsingContext !== undefined && !isContextified(o.parsingContext)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context',
      o.parsingContext);
  }
  validators.validateArray(o.contextExtensions, 'options.contextExtensions');
  const extensions = Array.from(o.contextExtensions);
  extensions.forEach((ext, i) => {
    if (ext === null || typeof ext !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE(`options.contextExtensions[${i}]`,
        'object', ext);
    }
  });
  const result = [];
  const fn = native().compileFunction(source, o.filename, o.lineOffset,
    o.columnOffset, o.cachedData, o.produceCachedData, result,
    o.parsingContext === undefined ? null : o.parsingContext, paramNames,
    extensions);
  attachCache(fn, o.cachedData, o.produceCachedData, result);
  return fn;
}

let warnedMeasureMemory = false;

// No per-context accounting in V8's public API here: the whole heap is
// the estimate, which is what 'summary' mode reports.
function measureMemory(opts = {}) {
  if (!warnedMeasureMemory) {
    warnedMeasureMemory = true;
    process.emitWarning('vm.measureMemory is an experimental feature and ' +
      'might change at any time', 'ExperimentalWarning');
  }
  const o = readOptions(opts, {
    mode: ['string', 'summary'], execution: ['string', 'default'],
  });
  validators.validateOneOf(o.mode, 'options.mode', ['summary', 'detailed']);
  validators.validateOneOf(o.execution, 'options.execution',
    ['default', 'eager']);
  const usage = process.memoryUsage();
  const total = {
    jsMemoryEstimate: usage.heapUsed,
    jsMemoryRange: [usage.heapUsed, usage.heapTotal],
  };
  return Promise.resolve(o.mode === 'detailed' ?
    { total, current: total, other: [] } : { total });
}

module.exports = {
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
};
