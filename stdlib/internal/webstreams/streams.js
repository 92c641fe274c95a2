'use strict';
// The WHATWG stream classes of node:stream/web, as Node shows them.
// The algorithms are the spec's reference implementation, published on npm
// as web-streams-polyfill (pinned in package.json, bundled at build time, its
// licence in stdlib/licenses/). This file puts Node's face on it: Node's
// argument checks and ERR_* errors before each entry point, util.inspect
// output, and the symbols node:stream reads on web streams (closed promise,
// controller error function, disturbed/errored/readable). The package's
// objects keep their own fields (`_state`, `_reader`...): they are read here
// by name, which is safe because the version is pinned.

const {
  ERR_ARG_NOT_ITERABLE, ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE, ERR_INVALID_STATE, ERR_INVALID_THIS,
  ERR_MISSING_OPTION, ERR_OUT_OF_RANGE,
} = require('../errors').codes;
const { inspect } = require('../util/inspect');
const { DOMException } = require('../dom_exception');

// The package picks DOMException from the global object once, when it is
// evaluated; the bootstrap may not have defined that global yet.
function loadReference() {
  if (globalThis.DOMException !== undefined) {
    return require('web-streams-polyfill');
  }
  globalThis.DOMException = DOMException;
  try {
    return require('web-streams-polyfill');
  } finally {
    delete globalThis.DOMException;
  }
}
const ref = loadReference();

const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
const kIsClosedPromise = Symbol.for('nodejs.webstream.isClosedPromise');
const kControllerErrorFunction =
  Symbol.for('nodejs.webstream.controllerErrorFunction');
const kIsDisturbed = Symbol.for('nodejs.stream.disturbed');
const kIsErrored = Symbol.for('nodejs.stream.errored');
const kIsReadable = Symbol.for('nodejs.stream.readable');
const kState = Symbol('kState'); // the reference `_state` field
const kStoredError = Symbol('kStoredError');
const kClosed = Symbol('kClosed');

const hasOwn = (v, key) =>
  typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, key);

// Each class's brand: the field the reference implementation gives its
// instances (it checks the same one).
const kBrands = {
  ReadableStream: '_readableStreamController',
  ReadableStreamDefaultReader: '_readRequests',
  ReadableStreamBYOBReader: '_readIntoRequests',
  ReadableStreamBYOBRequest: '_associatedReadableByteStreamController',
  ReadableByteStreamController: '_controlledReadableByteStream',
  ReadableStreamDefaultController: '_controlledReadableStream',
  WritableStream: '_writableStreamController',
  WritableStreamDefaultWriter: '_ownerWritableStream',
  WritableStreamDefaultController: '_controlledWritableStream',
  TransformStream: '_transformStreamController',
  TransformStreamDefaultController: '_controlledTransformStream',
  ByteLengthQueuingStrategy: '_byteLengthQueuingStrategyHighWaterMark',
  CountQueuingStrategy: '_countQueuingStrategyHighWaterMark',
};

function is(name, v) {
  return hasOwn(v, kBrands[name]) && v instanceof ref[name];
}
const isReadableStream = (v) => is('ReadableStream', v);
const isWritableStream = (v) => is('WritableStream', v);
const isTransformStream = (v) => is('TransformStream', v);

function checkThis(name, self) {
  if (!is(name, self)) throw new ERR_INVALID_THIS(name);
}

// Replaces method `key` of class `name` with `wrap(original)`, keeping its
// name, length and enumerability.
function patchMethod(name, key, wrap) {
  const proto = ref[name].prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, key);
  const original = desc.value;
  const replacement = wrap(original);
  Object.defineProperty(replacement, 'name', { value: original.name });
  Object.defineProperty(replacement, 'length', { value: original.length });
  desc.value = replacement;
  Object.defineProperty(proto, key, desc);
}

// A method that throws on a wrong `this` and runs `check` before the
// reference one. No method takes more than two arguments: fixed ones spare
// the hot paths (enqueue, read, write) an array per call.
function guard(name, key, check, swapErrors = false) {
  patchMethod(name, key, (original) => function(a, b) {
    checkThis(name, this);
    if (check) check(this, a, b);
    if (swapErrors) return withNodeErrors(() => original.call(this, a, b));
    return original.call(this, a, b);
  });
}

// The same for a method that reports failure as a rejected promise.
function guardAsync(name, key, check, swapErrors = false) {
  patchMethod(name, key, (original) => function(a, b) {
    try {
      checkThis(name, this);
      if (check) check(this, a, b);
    } catch (err) {
      return Promise.reject(err);
    }
    if (swapErrors) return withNodeErrors(() => original.call(this, a, b));
    return original.call(this, a, b);
  });
}

function guardGetter(name, key, check) {
  const proto = ref[name].prototype;
  const desc = Object.getOwnPropertyDescriptor(proto, key);
  const original = desc.get;
  desc.get = {
    [`get ${key}`]() {
      checkThis(name, this);
      if (check) check(this);
      return Reflect.apply(original, this, []);
    },
  }[`get ${key}`];
  Object.defineProperty(proto, key, desc);
}

// Some errors the reference implementation builds itself, deep inside steps
// no check here can run ahead of. While those steps run (a release, a
// terminate, the start of a pipe, the synchronous part of a
// ReadableStream.from() pull) the global TypeError is one that gives Node's
// error for those messages, and a plain TypeError for any other. The user
// code that can run meanwhile (a source's cancel or a sink's abort when a
// pipe starts, an iterator's next or return) sees that stand-in: it
// constructs, and `instanceof` tests, as TypeError does.
const kReferenceMessages = {
  __proto__: null,
  'Reader was released': 'Releasing reader',
  'Reader was released and can no longer be used to monitor the stream\'s closedness':
    'Reader released',
  'Writer was released and can no longer be used to monitor the stream\'s closedness':
    'Writer has been released',
  'TransformStream terminated': 'TransformStream has been terminated',
  'the destination writable stream closed before all data could be piped to it':
    'Destination WritableStream is closed',
};
// ReadableStream.from()'s complaints about the iterator keep their text.
for (const text of ['The iterator method must return an object',
  'The iterator.next() method must return an object',
  'The promise returned by the iterator.next() method must fulfill with an object',
  'The promise returned by the iterator.return() method must fulfill with an object']) {
  kReferenceMessages[text] = text;
}
const NodeTypeError = new Proxy(TypeError, {
  construct(target, args, newTarget) {
    const text = kReferenceMessages[args[0]];
    if (text !== undefined) return new ERR_INVALID_STATE.TypeError(text);
    return Reflect.construct(target, args, newTarget === NodeTypeError ? target : newTarget);
  },
});
function withNodeErrors(fn) {
  const saved = globalThis.TypeError;
  globalThis.TypeError = NodeTypeError;
  try {
    return fn();
  } finally {
    globalThis.TypeError = saved;
  }
}

// --- Node's errors ------------------------------------------------------------

// The ERR_INVALID_STATE texts Node gives, by situation.
const kStateText = {
  __proto__: null,
  readableLocked: 'ReadableStream is locked',
  pipeSourceLocked: 'The ReadableStream is locked',
  pipeDestinationLocked: 'The WritableStream is locked',
  writableLocked: 'WritableStream is locked',
  readerDetached: 'The reader is not attached to a stream',
  emptyView: 'View or Viewed ArrayBuffer is zero-length or detached',
  emptyChunk: 'chunk ArrayBuffer is zero-length or detached',
  controllerClosed: 'Controller is already closed',
  byteStreamClosed: 'ReadableStream is already closed',
  requestInvalidated: 'This BYOB request has been invalidated',
  bufferDetached: 'Viewed ArrayBuffer is detached',
  viewNotEmpty: 'View is not zero-length',
  viewEmpty: 'View is zero-length',
  writableClosed: 'WritableStream is closed',
  streamClosing: 'Failure closing WritableStream',
  writerClosing: 'Failure to close WritableStream',
  writerUnbound: 'Writer is not bound to a WritableStream',
  transformUnable: 'Unable to enqueue',
};
function stateFailure(situation) {
  return new ERR_INVALID_STATE.TypeError(kStateText[situation]);
}
// Throws the state error of `situation` when `failing` holds.
function refuse(failing, situation) {
  if (failing) throw stateFailure(situation);
}
// Argument `label` must be a `brand` (one of the classes above).
function expectInstance(value, label, brand) {
  if (!is(brand, value)) throw new ERR_INVALID_ARG_TYPE(label, brand, value);
}
const kViewTypes = ['Buffer', 'TypedArray', 'DataView'];
function expectView(value, label) {
  if (!ArrayBuffer.isView(value)) {
    throw new ERR_INVALID_ARG_TYPE(label, kViewTypes, value);
  }
}
const emptyBytes = (view) => view.byteLength === 0 || view.buffer.byteLength === 0;
const readerOf = (stream) => stream._reader;
const writerOf = (stream) => stream._writer;
function notByteStream(stream) {
  return new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
}

// --- argument checks shared by the constructors ---------------------------

function checkDictionary(value, name) {
  if (value === undefined || value === null) return;
  if (typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'object', value);
  }
}

function checkCallbacks(holder, name, keys) {
  if (holder === undefined || holder === null) return;
  for (const key of keys) {
    const fn = holder[key];
    if (fn !== undefined && typeof fn !== 'function') {
      throw new ERR_INVALID_ARG_TYPE(`${name}.${key}`, 'Function', fn);
    }
  }
}

function checkStrategy(strategy, name, bytes = false) {
  checkDictionary(strategy, name);
  if (strategy === undefined || strategy === null) return;
  const { highWaterMark, size } = strategy;
  if (size !== undefined) {
    if (bytes) throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', size);
    if (typeof size !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('strategy.size', 'Function', size);
    }
  }
  if (highWaterMark !== undefined) {
    const hwm = Number(highWaterMark);
    if (Number.isNaN(hwm) || hwm < 0) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', hwm);
    }
  }
}

function checkSource(source, strategy) {
  if (source === null || (source !== undefined && typeof source !== 'object' &&
      typeof source !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('source', 'object', source);
  }
  const type = source === undefined ? undefined : source.type;
  const bytes = type !== undefined && `${type}` === 'bytes';
  if (type !== undefined && !bytes) {
    throw new ERR_INVALID_ARG_VALUE('source.type', type);
  }
  checkCallbacks(source, 'source', ['start', 'pull', 'cancel']);
  if (bytes && source.autoAllocateChunkSize !== undefined &&
      Number(source.autoAllocateChunkSize) === 0) {
    throw new ERR_INVALID_ARG_VALUE('source.autoAllocateChunkSize',
                                    source.autoAllocateChunkSize);
  }
  checkStrategy(strategy, 'strategy', bytes);
}

function checkSink(sink, strategy) {
  if (sink === null || (sink !== undefined && typeof sink !== 'object' &&
      typeof sink !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('sink', 'object', sink);
  }
  if (sink !== undefined && sink.type !== undefined) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('type', sink.type);
  }
  checkCallbacks(sink, 'sink', ['start', 'write', 'close', 'abort']);
  checkStrategy(strategy, 'strategy');
}

function checkTransformer(transformer, writableStrategy, readableStrategy) {
  if (transformer !== undefined && transformer !== null &&
      typeof transformer !== 'object' && typeof transformer !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('transformer', 'object', transformer);
  }
  if (transformer !== undefined && transformer !== null) {
    for (const key of ['readableType', 'writableType']) {
      if (transformer[key] !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError(`transformer.${key}`,
                                                   transformer[key]);
      }
    }
  }
  checkCallbacks(transformer, 'transformer',
                 ['start', 'transform', 'flush', 'cancel']);
  checkDictionary(writableStrategy, 'writableStrategy');
  checkDictionary(readableStrategy, 'readableStrategy');
  checkStrategy(writableStrategy, 'strategy');
  checkStrategy(readableStrategy, 'strategy');
}

function checkQueuingInit(init) {
  if (init === null || typeof init !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('init', 'object', init);
  }
  if (init.highWaterMark === undefined) {
    throw new ERR_MISSING_OPTION('init.highWaterMark');
  }
}

function checkOptions(options) {
  if (options !== undefined && options !== null && typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
}

function checkPipeOptions(options) {
  checkOptions(options);
  const signal = options == null ? undefined : options.signal;
  if (signal !== undefined && (signal === null || typeof signal !== 'object' ||
      !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
}

// --- hidden fields -------------------------------------------------------------

// The reference objects keep their state in plain `_name` fields; Node's
// streams show no own string-keyed properties (Object.keys, JSON, spread).
// A setter up the prototype chain catches a field's first assignment and
// makes it own and non-enumerable; later writes go straight to that
// property. The setters live on one object slipped in between the classes'
// prototypes and Object.prototype, so the prototypes list only Node's members.
const kFields = `_abortAlgorithm _abortController _abortReason
  _associatedReadableByteStreamController _asyncIteratorImpl
  _autoAllocateChunkSize _backpressure _backpressureChangePromise
  _backpressureChangePromise_resolve _byobRequest
  _byteLengthQueuingStrategyHighWaterMark _cancelAlgorithm _closeAlgorithm
  _closeRequest _closeRequested _closedPromise _closedPromiseState
  _closedPromise_reject _closedPromise_resolve _controlledReadableByteStream
  _controlledReadableStream _controlledTransformStream
  _controlledWritableStream _countQueuingStrategyHighWaterMark _disturbed
  _finishPromise _finishPromise_reject _finishPromise_resolve _flushAlgorithm
  _inFlightCloseRequest _inFlightWriteRequest _ownerReadableStream
  _ownerWritableStream _pendingAbortRequest _pendingPullIntos _pullAgain
  _pullAlgorithm _pulling _queue _queueTotalSize _readIntoRequests
  _readRequests _readable _readableStreamController _reader _readyPromise
  _readyPromiseState _readyPromise_reject _readyPromise_resolve _started
  _state _storedError _strategyHWM _strategySizeAlgorithm _transformAlgorithm
  _transformStreamController _view _writable _writableStreamController
  _writeAlgorithm _writeRequests _writer`.split(/\s+/);

function hideFields(proto, fields = kFields) {
  for (const key of fields) {
    if (Object.prototype.hasOwnProperty.call(proto, key)) continue;
    Object.defineProperty(proto, key, {
      get: undefined,
      set(value) {
        Object.defineProperty(this, key, {
          value, writable: true, enumerable: false, configurable: true,
        });
      },
      enumerable: false,
      configurable: true,
    });
  }
}

// --- the constructors ------------------------------------------------------
// Each public class is a function whose prototype is the reference class's,
// so the streams the algorithms make themselves (tee branches, a
// TransformStream's sides) are instances of it too.

const exported = {};

// The reference code reports a bad chunk size in its own words; Node names
// the value. A strategy's size function is wrapped to check its answer
// first (a throw from it errors the stream either way, as the spec says).
function checkedStrategy(strategy) {
  if (strategy === undefined || strategy === null) return strategy;
  const { size } = strategy;
  if (typeof size !== 'function') return strategy;
  return {
    highWaterMark: strategy.highWaterMark,
    size(chunk) {
      // Node takes any answer as a number ('5' is 5, undefined is NaN).
      const n = Number(Reflect.apply(size, undefined, [chunk]));
      if (!(n >= 0) || n === Infinity) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('size', n);
      }
      return n;
    },
  };
}
// Which constructor arguments are strategies.
const kStrategyArgs = {
  __proto__: null, ReadableStream: [1], WritableStream: [1], TransformStream: [1, 2],
};

function facade(name, length, check) {
  const Reference = ref[name];
  const strategyArgs = kStrategyArgs[name] || [];
  // A function, not a class: its prototype must be the reference one.
  const ctor = {
    [name]: function(...args) {
      if (new.target === undefined) {
        throw new TypeError(`Class constructor ${name} cannot be invoked without 'new'`);
      }
      if (check === null) throw new ERR_ILLEGAL_CONSTRUCTOR();
      check(...args);
      for (const at of strategyArgs) args[at] = checkedStrategy(args[at]);
      return Reflect.construct(Reference, args,
                               new.target === ctor ? Reference : new.target);
    },
  }[name];
  Object.defineProperty(ctor, 'length', { value: length });
  Object.defineProperty(ctor, 'prototype', {
    value: Reference.prototype, writable: false, enumerable: false,
    configurable: false,
  });
  Object.defineProperty(Reference.prototype, 'constructor', {
    value: ctor, writable: true, enumerable: false, configurable: true,
  });
  // Node's tags are read-only.
  Object.defineProperty(Reference.prototype, Symbol.toStringTag, {
    value: name, writable: false, enumerable: false, configurable: true,
  });
  exported[name] = ctor;
  return ctor;
}

const readableState = (stream) => stream._state;

facade('ReadableStream', 0, checkSource);
facade('ReadableStreamDefaultReader', 1, (stream) => {
  expectInstance(stream, 'stream', 'ReadableStream');
  refuse(readerOf(stream) !== undefined, 'readableLocked');
});
const isByteStream = (stream) =>
  hasOwn(stream._readableStreamController, '_controlledReadableByteStream');
facade('ReadableStreamBYOBReader', 1, (stream) => {
  expectInstance(stream, 'stream', 'ReadableStream');
  if (!isByteStream(stream)) throw notByteStream(stream);
  refuse(readerOf(stream) !== undefined, 'readableLocked');
});
facade('ReadableStreamBYOBRequest', 0, null);
facade('ReadableByteStreamController', 0, null);
facade('ReadableStreamDefaultController', 0, null);
facade('WritableStream', 0, checkSink);
facade('WritableStreamDefaultWriter', 1, (stream) => {
  expectInstance(stream, 'stream', 'WritableStream');
  refuse(writerOf(stream) !== undefined, 'writableLocked');
});
facade('WritableStreamDefaultController', 0, null);
facade('TransformStream', 0, checkTransformer);
facade('TransformStreamDefaultController', 0, null);
facade('ByteLengthQueuingStrategy', 1, checkQueuingInit);
facade('CountQueuingStrategy', 1, checkQueuingInit);

// --- ReadableStream --------------------------------------------------------

const readableLocked = (stream) =>
  refuse(readerOf(stream) !== undefined, 'readableLocked');
// What a pipe checks first: its destination, the options, then both locks.
function checkPipe(source, destination, options) {
  checkPipeOptions(options);
  refuse(readerOf(source) !== undefined, 'pipeSourceLocked');
  refuse(writerOf(destination) !== undefined, 'pipeDestinationLocked');
}

guardGetter('ReadableStream', 'locked');
guardAsync('ReadableStream', 'cancel', readableLocked);
guard('ReadableStream', 'getReader', (stream, options) => {
  checkOptions(options);
  const mode = options == null ? undefined : options.mode;
  const byob = mode !== undefined;
  if (byob && `${mode}` !== 'byob') {
    throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
  }
  readableLocked(stream);
  if (byob && !isByteStream(stream)) throw notByteStream(stream);
});
guard('ReadableStream', 'pipeThrough', (stream, pair, options) => {
  expectInstance(pair == null ? undefined : pair.readable, 'transform.readable',
                 'ReadableStream');
  expectInstance(pair.writable, 'transform.writable', 'WritableStream');
  checkPipe(stream, pair.writable, options);
}, true);
guardAsync('ReadableStream', 'pipeTo', (stream, destination, options) => {
  // Node names the destination this way here too.
  expectInstance(destination, 'transform.writable', 'WritableStream');
  checkPipe(stream, destination, options);
}, true);
guard('ReadableStream', 'tee', readableLocked);
guard('ReadableStream', 'values', (stream, options) => {
  checkOptions(options);
  readableLocked(stream);
  if (!iteratorsPatched) patchIterators();
});
Object.defineProperty(ref.ReadableStream.prototype, Symbol.asyncIterator, {
  value: ref.ReadableStream.prototype.values, writable: true,
  enumerable: false, configurable: true,
});
{
  const referenceFrom = ref.ReadableStream.from;
  const isIterable = (v) => v !== null && v !== undefined &&
    (typeof v[Symbol.asyncIterator] === 'function' ||
     typeof v[Symbol.iterator] === 'function');
  const from = {
    from(iterable) {
      if (!isIterable(iterable)) throw new ERR_ARG_NOT_ITERABLE(inspect(iterable));
      const stream = withNodeErrors(
        () => Reflect.apply(referenceFrom, ref.ReadableStream, [iterable]));
      // Its pulls and cancel check what the iterator gives back; the
      // synchronous part of each gets Node's errors too.
      const controller = stream._readableStreamController;
      for (const key of ['_pullAlgorithm', '_cancelAlgorithm']) {
        const step = controller[key];
        controller[key] = (reason) => withNodeErrors(() => step(reason));
      }
      return stream;
    },
  }.from;
  Object.defineProperty(exported.ReadableStream, 'from', {
    value: from, writable: true, enumerable: true, configurable: true,
  });
}

// --- readers ---------------------------------------------------------------

const readerAttached = (reader) =>
  refuse(reader._ownerReadableStream === undefined, 'readerDetached');

for (const name of ['ReadableStreamDefaultReader', 'ReadableStreamBYOBReader']) {
  guardGetter(name, 'closed');
  guardAsync(name, 'cancel', readerAttached);
  patchMethod(name, 'releaseLock', (original) => function releaseLock() {
    checkThis(name, this);
    return withNodeErrors(() => Reflect.apply(original, this, []));
  });
}
guardAsync('ReadableStreamDefaultReader', 'read', readerAttached);
guardAsync('ReadableStreamBYOBReader', 'read', (reader, view, options) => {
  expectView(view, 'view');
  checkOptions(options);
  refuse(emptyBytes(view), 'emptyView');
  const atLeast = options == null || options.min === undefined ? 1 : options.min;
  if (atLeast === 0) {
    throw new ERR_INVALID_ARG_VALUE('options.min', atLeast, 'must be greater than 0');
  }
  const elements = view instanceof DataView ? view.byteLength : view.length;
  if (atLeast > elements) {
    throw new ERR_OUT_OF_RANGE('options.min', '<= view.length', atLeast);
  }
  readerAttached(reader);
});

// --- controllers -----------------------------------------------------------

const canEnqueue = (controller) => !controller._closeRequested &&
  controller._controlledReadableStream._state === 'readable';

guardGetter('ReadableStreamDefaultController', 'desiredSize');
for (const key of ['enqueue', 'close']) {
  guard('ReadableStreamDefaultController', key,
        (controller) => refuse(!canEnqueue(controller), 'controllerClosed'));
}
guard('ReadableStreamDefaultController', 'error');

const byteStreamOpen = (controller) => refuse(controller._closeRequested ||
  controller._controlledReadableByteStream._state !== 'readable', 'byteStreamClosed');
guardGetter('ReadableByteStreamController', 'byobRequest');
guardGetter('ReadableByteStreamController', 'desiredSize');
guard('ReadableByteStreamController', 'close', byteStreamOpen);
guard('ReadableByteStreamController', 'enqueue', (controller, chunk) => {
  expectView(chunk, 'buffer');
  refuse(emptyBytes(chunk), 'emptyChunk');
  byteStreamOpen(controller);
});
guard('ReadableByteStreamController', 'error');

const requestLive = (request) => refuse(
  request._associatedReadableByteStreamController === undefined, 'requestInvalidated');
// V8 10.2 has no ArrayBuffer.prototype.detached; a transferred buffer is
// empty, and a request's buffer never is.
const detached = (view) => view.buffer.byteLength === 0;
const requestClosed = (request) => request._associatedReadableByteStreamController
  ._controlledReadableByteStream._state === 'closed';
guardGetter('ReadableStreamBYOBRequest', 'view');
guard('ReadableStreamBYOBRequest', 'respond', (request, bytesWritten) => {
  requestLive(request);
  const view = request._view;
  refuse(detached(view), 'bufferDetached');
  const written = Number(bytesWritten);
  // A closed stream takes only an empty answer, an open one only a real one.
  if (requestClosed(request) ? written !== 0 : written === 0) {
    throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
  }
  if (written > view.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  }
});
guard('ReadableStreamBYOBRequest', 'respondWithNewView', (request, view) => {
  expectView(view, 'view');
  requestLive(request);
  refuse(detached(view), 'bufferDetached');
  if (requestClosed(request)) refuse(view.byteLength !== 0, 'viewNotEmpty');
  else refuse(view.byteLength === 0, 'viewEmpty');
  // The new view must cover the rest of the request's own memory.
  const pending = request._associatedReadableByteStreamController._pendingPullIntos.peek();
  if (pending.byteOffset + pending.bytesFilled !== view.byteOffset ||
      pending.bufferByteLength !== view.buffer.byteLength ||
      pending.bytesFilled + view.byteLength > pending.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }
});

// --- WritableStream and its writer ------------------------------------------

const writableLocked = (stream) =>
  refuse(writerOf(stream) !== undefined, 'writableLocked');
const closeQueued = (stream) =>
  stream._closeRequest !== undefined || stream._inFlightCloseRequest !== undefined;
const finishedWritable = (stream) =>
  stream._state === 'closed' || stream._state === 'errored';

guardGetter('WritableStream', 'locked');
guardAsync('WritableStream', 'abort', writableLocked);
guardAsync('WritableStream', 'close', (stream) => {
  writableLocked(stream);
  refuse(finishedWritable(stream), 'writableClosed');
  refuse(closeQueued(stream), 'streamClosing');
});
guard('WritableStream', 'getWriter', writableLocked);

const writerBound = (writer) =>
  refuse(writer._ownerWritableStream === undefined, 'writerUnbound');
guardAsync('WritableStreamDefaultWriter', 'abort', writerBound);
guardAsync('WritableStreamDefaultWriter', 'close', (writer) => {
  writerBound(writer);
  const stream = writer._ownerWritableStream;
  refuse(finishedWritable(stream), 'writableClosed');
  refuse(closeQueued(stream), 'writerClosing');
});
guardAsync('WritableStreamDefaultWriter', 'write', (writer) => {
  writerBound(writer);
  const stream = writer._ownerWritableStream;
  refuse(closeQueued(stream) || stream._state === 'closed', 'writableClosed');
});
guardGetter('WritableStreamDefaultWriter', 'desiredSize', writerBound);
// Called on something else, these reject rather than throw.
for (const key of ['closed', 'ready']) {
  const proto = ref.WritableStreamDefaultWriter.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, key).get;
  const getter = {
    [`get ${key}`]() {
      if (!is('WritableStreamDefaultWriter', this)) {
        return Promise.reject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
      }
      return Reflect.apply(original, this, []);
    },
  }[`get ${key}`];
  Object.defineProperty(proto, key, { get: getter, enumerable: true, configurable: true });
}
patchMethod('WritableStreamDefaultWriter', 'releaseLock', (original) =>
  function releaseLock() {
    checkThis('WritableStreamDefaultWriter', this);
    return withNodeErrors(() => Reflect.apply(original, this, []));
  });
guard('WritableStreamDefaultController', 'error');
// Node 20 has no abortReason (the spec dropped it).
delete ref.WritableStreamDefaultController.prototype.abortReason;

// --- TransformStream ---------------------------------------------------------

guardGetter('TransformStream', 'readable');
guardGetter('TransformStream', 'writable');
guardGetter('TransformStreamDefaultController', 'desiredSize');
guard('TransformStreamDefaultController', 'enqueue', (controller) => {
  const { _readable: readable } = controller._controlledTransformStream;
  refuse(!canEnqueue(readable._readableStreamController), 'transformUnable');
});
guard('TransformStreamDefaultController', 'error');
guard('TransformStreamDefaultController', 'terminate', undefined, true);

for (const name of ['ByteLengthQueuingStrategy', 'CountQueuingStrategy']) {
  guardGetter(name, 'highWaterMark');
}

// Node's own order of the readers' members.
for (const name of ['ReadableStreamDefaultReader', 'ReadableStreamBYOBReader']) {
  const proto = ref[name].prototype;
  for (const key of ['read', 'releaseLock', 'closed', 'cancel']) {
    const desc = Object.getOwnPropertyDescriptor(proto, key);
    delete proto[key];
    Object.defineProperty(proto, key, desc);
  }
}

// --- what node:stream reads on web streams -----------------------------------

// A stream's state is a plain field the algorithms assign; an accessor on the
// prototype sees each change, so the closed promise node:stream waits on
// settles as the stream closes or errors, whoever made the stream.
// Hidden per-stream slots: own, but not enumerable.
function setSlot(object, key, value) {
  if (Object.prototype.hasOwnProperty.call(object, key)) {
    object[key] = value;
  } else {
    Object.defineProperty(object, key, { value, writable: true });
  }
}

function closedRecord(stream) {
  let record = stream[kClosed];
  if (record === undefined) {
    record = {};
    record.promise = new Promise((resolve, reject) => {
      record.resolve = resolve;
      record.reject = reject;
    });
    // Nobody has to wait on it: a rejection here is not unhandled.
    record.promise.then(undefined, () => {});
    setSlot(stream, kClosed, record);
  }
  return record;
}

function settleClosed(stream, state, error) {
  const record = stream[kClosed];
  if (record === undefined) return;
  if (state === 'closed') record.resolve();
  else record.reject(error);
}

function trackState(proto, erroredOnStateChange) {
  Object.defineProperty(proto, kIsClosedPromise, {
    get() {
      const state = this._state;
      const fresh = this[kClosed] === undefined;
      const record = closedRecord(this);
      if (fresh && state === 'closed') record.resolve();
      if (fresh && state === 'errored') record.reject(this._storedError);
      return record;
    },
    configurable: true,
  });
  // The `_state` accessor sits on the hidden layer, with the other fields.
  const layer = Object.getPrototypeOf(proto);
  Object.defineProperty(layer, '_state', {
    get() { return this[kState]; },
    set(state) {
      setSlot(this, kState, state);
      if (state === 'closed' || (state === 'errored' && erroredOnStateChange)) {
        settleClosed(this, state, this._storedError);
      }
    },
    configurable: true,
  });
}

// Each stream class gets its own hidden layer (its `_state` differs), the
// other classes share one.
{
  const shared = Object.create(Object.prototype);
  hideFields(shared);
  for (const name of Object.keys(kBrands)) {
    let layer = shared;
    if (name === 'ReadableStream' || name === 'WritableStream') {
      layer = Object.create(shared);
    }
    Object.setPrototypeOf(ref[name].prototype, layer);
  }
}

// A readable stream sets its state to 'errored' first and its error next.
trackState(ref.ReadableStream.prototype, false);
Object.defineProperty(Object.getPrototypeOf(ref.ReadableStream.prototype), '_storedError', {
  get() { return this[kStoredError]; },
  set(error) {
    setSlot(this, kStoredError, error);
    if (this[kState] === 'errored') settleClosed(this, 'errored', error);
  },
  configurable: true,
});
trackState(ref.WritableStream.prototype, true);
// The async iterator objects values() returns. Node's finished results
// list `done` first; the reference code builds `{ value, done }`. Its
// iterator and read-request classes are internal, so one throwaway iterator
// shows them. Reordering where the results are made keeps the timing.
// This runs at the first values() call, not when the module loads: the
// throwaway stream queues promise jobs, which must not happen while a
// snapshot is built.
let iteratorsPatched = false;
function patchIterators() {
  iteratorsPatched = true;
  const probe = new ref.ReadableStream();
  const iterator = probe.values();
  const iteratorImpl = iterator._asyncIteratorImpl;
  iterator.next();
  const request = iteratorImpl._reader._readRequests.peek();
  Reflect.apply(ref.ReadableStreamDefaultController.prototype.close,
                probe._readableStreamController, []);
  hideFields(Object.getPrototypeOf(iterator), ['_asyncIteratorImpl']);
  const doneFirst = (value) => ({ done: true, value });

  const requestProto = Object.getPrototypeOf(request);
  const closeSteps = requestProto._closeSteps;
  requestProto._closeSteps = function() {
    const resolve = this._resolvePromise;
    this._resolvePromise = (result) => resolve(doneFirst(result.value));
    return Reflect.apply(closeSteps, this, []);
  };

  const implProto = Object.getPrototypeOf(iteratorImpl);
  const nextSteps = implProto._nextSteps;
  implProto._nextSteps = function() {
    if (this._isFinished) return Promise.resolve(doneFirst(undefined));
    return Reflect.apply(nextSteps, this, []);
  };
  // As the reference steps: cancel unless asked not to, release the reader,
  // then settle.
  implProto._returnSteps = function(value) {
    if (this._isFinished) return Promise.resolve(doneFirst(value));
    this._isFinished = true;
    const reader = this._reader;
    if (this._preventCancel) {
      reader.releaseLock();
      return Promise.resolve(doneFirst(value));
    }
    const cancelled = reader.cancel(value);
    reader.releaseLock();
    return cancelled.then(() => doneFirst(value));
  };
}

const controllerErrorOf = {
  ReadableStream(stream) {
    const controller = stream._readableStreamController;
    const proto = Object.getPrototypeOf(controller);
    return (err) => Reflect.apply(proto.error, controller, [err]);
  },
  WritableStream(stream) {
    const controller = stream._writableStreamController;
    return (err) => Reflect.apply(ref.WritableStreamDefaultController.prototype.error,
                                  controller, [err]);
  },
};
for (const name of ['ReadableStream', 'WritableStream']) {
  Object.defineProperty(ref[name].prototype, kControllerErrorFunction, {
    get() { return controllerErrorOf[name](this); },
    configurable: true,
  });
}
Object.defineProperties(ref.ReadableStream.prototype, {
  [kIsDisturbed]: {
    get() { return this._disturbed; }, configurable: true,
  },
  [kIsErrored]: {
    get() { return this._state === 'errored'; }, configurable: true,
  },
  [kIsReadable]: {
    get() { return this._state === 'readable'; }, configurable: true,
  },
});

// --- util.inspect --------------------------------------------------------------

// Node prints `Name { ...fields }`, the fields one level down. Past the
// depth limit Node's output shows undefined in the field above, and so does
// this.
function fieldsInspector(name, fields) {
  return {
    [kCustomInspect](depth, options) {
      if (depth < 0) return undefined;
      const { depth: limit } = options;
      return `${name} ${inspect(fields(this), {
        ...options, depth: limit === null ? null : limit - 1 })}`;
    },
  }[kCustomInspect];
}
function defineInspect(name, fields) {
  Object.defineProperty(ref[name].prototype, kCustomInspect, {
    value: fieldsInspector(name, (self) => (is(name, self) ? fields(self) : {})),
    writable: true, enumerable: false, configurable: true,
  });
}

const readerCount = (reader, key) => {
  const list = reader[key];
  return list === undefined ? 0 : list.length;
};
defineInspect('ReadableStream', (s) => ({
  locked: s._reader !== undefined,
  state: readableState(s),
  supportsBYOB: isByteStream(s),
}));
defineInspect('ReadableStreamDefaultReader', (r) => ({
  stream: r._ownerReadableStream,
  readRequests: readerCount(r, '_readRequests'),
  close: r._closedPromise,
}));
defineInspect('ReadableStreamBYOBReader', (r) => ({
  stream: r._ownerReadableStream,
  readIntoRequests: readerCount(r, '_readIntoRequests'),
  close: r._closedPromise,
}));
defineInspect('ReadableStreamBYOBRequest', (q) => ({
  view: q._view,
  controller: q._associatedReadableByteStreamController,
}));
defineInspect('ReadableStreamDefaultController', () => ({}));
defineInspect('ReadableByteStreamController', () => ({}));
defineInspect('WritableStream', (s) => ({
  locked: s._writer !== undefined,
  state: s._state,
}));
defineInspect('WritableStreamDefaultWriter', (w) => {
  const stream = w._ownerWritableStream;
  let desiredSize = null;
  if (stream !== undefined && stream._state !== 'errored' &&
      stream._state !== 'erroring') {
    desiredSize = stream._state === 'closed' ? 0 :
      stream._writableStreamController._strategyHWM -
      stream._writableStreamController._queueTotalSize;
  }
  return { stream, close: w._closedPromise, ready: w._readyPromise, desiredSize };
});
defineInspect('WritableStreamDefaultController', (c) => ({
  stream: c._controlledWritableStream,
}));
defineInspect('TransformStream', (t) => ({
  readable: t._readable,
  writable: t._writable,
  backpressure: t._backpressure,
}));
defineInspect('TransformStreamDefaultController', (c) => ({
  stream: c._controlledTransformStream,
}));
defineInspect('ByteLengthQueuingStrategy', (q) => ({
  highWaterMark: q._byteLengthQueuingStrategyHighWaterMark,
}));
defineInspect('CountQueuingStrategy', (q) => ({
  highWaterMark: q._countQueuingStrategyHighWaterMark,
}));

module.exports = {
  ...exported,
  fieldsInspector,
  isReadableStream,
  isWritableStream,
  isTransformStream,
  kIsClosedPromise,
  kControllerErrorFunction,
};
