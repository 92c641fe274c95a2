'use strict';
// node:vm: compiling and running code in this context or in contextified
// objects (their own V8 context, whose globals live on the object).

const { Buffer } = require('./buffer');
const { codes } = require('./internal/errors');
const {
  validateArray,
  validateBoolean,
  validateFunction,
  validateObject,
  validateOneOf,
  validateString,
  validateUint32,
  validateInt32,
} = require('./internal/validators');

const {
  ERR_INVALID_ARG_TYPE,
  ERR_SCRIPT_EXECUTION_TIMEOUT,
} = codes;

let binding;
function native() {
  if (binding === undefined) binding = internalBinding('contextify');
  return binding;
}

// runScript returns this object when the watchdog stopped the code.
const kTimedOut = Object.freeze({ __proto__: null });
const kHandle = Symbol('scriptHandle');

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER:
    Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}

function validateCachedData(value, name) {
  if (value !== undefined && !isArrayBufferView(value)) {
    throw new ERR_INVALID_ARG_TYPE(name,
      ['Buffer', 'TypedArray', 'DataView'], value);
  }
}

function notAContext(name, value) {
  const err = new ERR_INVALID_ARG_TYPE(name, 'vm.Context', value);
  // Node words this one "must be an vm.Context".
  err.message = err.message.replace(/must be (of type|an instance of) vm\.Context/,
    'must be an vm.Context');
  return err;
}

function isContext(object) {
  validateObject(object, 'object', { allowArray: true, allowFunction: true });
  return native().isContext(object);
}

function checkContext(value, name) {
  if (value === null || (typeof value !== 'object' &&
      typeof value !== 'function') || !native().isContext(value)) {
    throw notAContext(name, value);
  }
}

// The options every run takes; returns the timeout (0: none).
function runOptions(options) {
  if (options === undefined || options === null) return 0;
  if (typeof options === 'string') return 0;
  validateObject(options, 'options');
  const { timeout, breakOnSigint, displayErrors } = options;
  if (displayErrors !== undefined) {
    validateBoolean(displayErrors, 'options.displayErrors');
  }
  if (breakOnSigint !== undefined) {
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
  }
  if (timeout === undefined) return 0;
  validateUint32(timeout, 'options.timeout', true);
  return timeout;
}

function displayErrors(options) {
  return options === null || typeof options !== 'object' ||
    options.displayErrors !== false;
}

function finish(result, timeout) {
  if (result === kTimedOut) throw new ERR_SCRIPT_EXECUTION_TIMEOUT(timeout);
  return result;
}

class Script {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      cachedData,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    validateCachedData(cachedData, 'options.cachedData');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (importModuleDynamically !== undefined &&
        typeof importModuleDynamically !== 'function' &&
        typeof importModuleDynamically !== 'symbol') {
      validateFunction(importModuleDynamically,
        'options.importModuleDynamically');
    }
    const result = [];
    const handle = native().compileScript(code, filename, lineOffset,
      columnOffset, cachedData, produceCachedData, result);
    Object.defineProperty(this, kHandle, { value: handle });
    if (cachedData !== undefined) this.cachedDataRejected = result[0];
    if (produceCachedData) {
      this.cachedData = result[1] === undefined ? undefined :
        Buffer.from(result[1]);
      this.cachedDataProduced = result[1] !== undefined;
    }
    this.sourceMapURL = sourceMapUrlOf(code);
  }

  createCachedData() {
    return Buffer.from(native().createCachedData(this[kHandle]));
  }

  runInThisContext(options) {
    const timeout = runOptions(options);
    return finish(native().runScript(this[kHandle], null, timeout, kTimedOut,
      displayErrors(options)),
      timeout);
  }

  runInContext(contextifiedObject, options) {
    checkContext(contextifiedObject, 'contextifiedObject');
    const timeout = runOptions(options);
    return finish(native().runScript(this[kHandle], contextifiedObject,
      timeout, kTimedOut, displayErrors(options)), timeout);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, contextOptions(options));
    return this.runInContext(context, options);
  }
}

// The `//# sourceMappingURL=` comment of the code, as Node reports it.
function sourceMapUrlOf(code) {
  const match = /\/[*/][#@]\s*sourceMappingURL=([^\s'"*]+)\s*(?:\*\/\s*)?$/m
    .exec(code);
  return match === null ? undefined : match[1];
}

// The context options runInNewContext accepts among its run options.
function contextOptions(options) {
  if (options === null || typeof options !== 'object') return undefined;
  return {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: options.contextCodeGeneration,
    microtaskMode: options.microtaskMode,
  };
}

let contextCount = 0;

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== constants.DONT_CONTEXTIFY) {
    validateObject(contextObject, 'object',
      { allowArray: true, allowFunction: true });
    if (native().isContext(contextObject)) return contextObject;
  }
  validateObject(options, 'options');
  const {
    name = `VM Context ${++contextCount}`,
    origin,
    codeGeneration,
    microtaskMode,
  } = options;
  validateString(name, 'options.name');
  if (origin !== undefined) validateString(origin, 'options.origin');
  let strings = true;
  let wasm = true;
  if (codeGeneration !== undefined) {
    validateObject(codeGeneration, 'options.codeGeneration');
    if (codeGeneration.strings !== undefined) {
      validateBoolean(codeGeneration.strings, 'options.codeGeneration.strings');
      strings = codeGeneration.strings;
    }
    if (codeGeneration.wasm !== undefined) {
      validateBoolean(codeGeneration.wasm, 'options.codeGeneration.wasm');
      wasm = codeGeneration.wasm;
    }
  }
  validateOneOf(microtaskMode, 'options.microtaskMode',
    ['afterEvaluate', undefined]);
  const ownQueue = microtaskMode === 'afterEvaluate';
  if (contextObject === constants.DONT_CONTEXTIFY) {
    return native().makeContext(null, name, ownQueue, strings, wasm);
  }
  native().makeContext(contextObject, name, ownQueue, strings, wasm);
  return contextObject;
}

function createScript(code, options) {
  return new Script(code, options);
}

// The script options of the runIn* functions (a string is the filename).
function scriptOptions(options) {
  if (typeof options === 'string') return { filename: options };
  if (options === undefined || options === null) return {};
  validateObject(options, 'options');
  return options;
}

function runInContext(code, contextifiedObject, options) {
  checkContext(contextifiedObject, 'contextifiedObject');
  const opts = scriptOptions(options);
  return new Script(code, opts).runInContext(contextifiedObject, opts);
}

function runInNewContext(code, contextObject, options) {
  const opts = scriptOptions(options);
  const context = createContext(contextObject, contextOptions(opts));
  return new Script(code, opts).runInContext(context, opts);
}

function runInThisContext(code, options) {
  const opts = scriptOptions(options);
  return new Script(code, opts).runInThisContext(opts);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  validateArray(params, 'params');
  params.forEach((param, i) => validateString(param, `params[${i}]`));
  validateObject(options, 'options');
  const {
    filename = '',
    columnOffset = 0,
    lineOffset = 0,
    cachedData,
    produceCachedData = false,
    parsingContext,
    contextExtensions = [],
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  validateCachedData(cachedData, 'options.cachedData');
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined) {
    if (parsingContext === null || typeof parsingContext !== 'object' ||
        !native().isContext(parsingContext)) {
      throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context',
        parsingContext);
    }
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  contextExtensions.forEach((extension, i) => {
    validateObject(extension, `options.contextExtensions[${i}]`,
      { nullable: true });
    if (extension === null) {
      throw new ERR_INVALID_ARG_TYPE(`options.contextExtensions[${i}]`,
        'object', extension);
    }
  });
  const result = [];
  const fn = native().compileFunction(code, filename, lineOffset,
    columnOffset, cachedData, produceCachedData, result,
    parsingContext === undefined ? null : parsingContext, params,
    contextExtensions);
  if (cachedData !== undefined) fn.cachedDataRejected = result[0];
  if (produceCachedData) {
    fn.cachedDataProduced = result[1] !== undefined;
    fn.cachedData = result[1] === undefined ? undefined :
      Buffer.from(result[1]);
  }
  return fn;
}

// No per-context accounting in V8's public API here: the whole heap is
// the estimate, which is what 'summary' mode reports.
function measureMemory(options = {}) {
  validateObject(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  validateOneOf(mode, 'options.mode', ['summary', 'detailed']);
  validateOneOf(execution, 'options.execution', ['default', 'eager']);
  const { heapUsed, heapTotal } = process.memoryUsage();
  const total = { jsMemoryEstimate: heapUsed, jsMemoryRange: [heapUsed, heapTotal] };
  return Promise.resolve(mode === 'detailed' ?
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
