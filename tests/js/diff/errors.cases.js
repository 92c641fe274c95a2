// Differential corpus for stdlib/internal/errors.js and validators.js: Node's ERR_* errors (class, code, message,
// String(), own keys) as public APIs throw them for bad arguments of every kind, plus system errors and AbortError.
'use strict';

const assert = require('assert');
const events = require('events');
const path = require('path');
const timers = require('timers');
const timersPromises = require('timers/promises');
const util = require('util');
const { Console } = require('console');
const { StringDecoder } = require('string_decoder');

// What a case shows of an error. The stack is cut to its first line: the
// frames below it name files and lines that differ between runtimes.
function describe(err) {
  if (err === null || (typeof err !== 'object' && typeof err !== 'function')) {
    return { thrownPrimitive: typeof err, value: String(err) };
  }
  return {
    code: err.code,
    name: err.name,
    message: err.message,
    str: String(err),
    head: typeof err.stack === 'string' ? err.stack.split('\n')[0] : typeof err.stack,
    ctor: err.constructor && err.constructor.name,
    isType: err instanceof TypeError,
    isRange: err instanceof RangeError,
    keys: Object.keys(err),
  };
}

const seen = new Set();
function emit(label, result) {
  if (seen.has(label)) throw new Error(`duplicate label ${label}`);
  seen.add(label);
  console.log(JSON.stringify([label, result]));
}

// Runs fn; shows the error it throws, or what kind of value it returned.
function attempt(label, fn) {
  let result;
  try {
    const value = fn();
    result = { returned: typeof value };
  } catch (err) {
    result = describe(err);
  }
  emit(label, result);
}

async function attemptAsync(label, fn) {
  let result;
  try {
    const value = await fn();
    result = { resolved: typeof value };
  } catch (err) {
    result = describe(err);
  }
  emit(label, result);
}

// Bad arguments of every kind, with stable labels.
function makeValues() {
  class Klass {}
  class Inst {}
  const anonymous = [function() {}][0];
  const arrow = [() => {}][0];
  return [
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['false', false],
    ['zero', 0],
    ['minus zero', -0],
    ['NaN', NaN],
    ['1.5', 1.5],
    ['-1', -1],
    ['2**31', 2 ** 31],
    ['2**32+1', 2 ** 32 + 1],
    ['2**40', 2 ** 40],
    ['-(2**40)', -(2 ** 40)],
    ['1e21', 1e21],
    ['-Infinity', -Infinity],
    ['bigint 5n', 5n],
    ['bigint 2**64', 2n ** 64n],
    ['bigint -(2**33)', -(2n ** 33n)],
    ['empty string', ''],
    ['short string', 'abc'],
    ['string with quote', "it's"],
    ['string 28', 'y'.repeat(28)],
    ['string 29', 'z'.repeat(29)],
    ['long string', 'x'.repeat(40)],
    ['long string with quotes', "a'".repeat(20)],
    ['string with newline', 'a\nb'],
    ['symbol', Symbol()],
    ['symbol with description', Symbol('desc')],
    ['named function', function named() {}],
    ['anonymous function', anonymous],
    ['arrow function', arrow],
    ['async function', async function asyncNamed() {}],
    ['generator function', function* gen() {}],
    ['class', Klass],
    ['class instance', new Inst()],
    ['plain object', {}],
    ['object with props', { a: 1, b: 'two' }],
    ['empty array', []],
    ['array', [1, 'x']],
    ['null-prototype object', Object.create(null)],
    ['null-prototype object with props', Object.assign(Object.create(null), { a: 1 })],
    ['map', new Map([[1, 2]])],
    ['date', new Date(0)],
    ['regexp', /re/g],
    ['error', new Error('boom')],
    ['boxed string', Object('s')],
    ['object with nameless constructor', { constructor: {} }],
  ];
}

// Value labels an API is not run with. `source` and `stack`: the message
// would hold a function's source text (esbuild reformats it when jspack
// bundles this file) or a stack with file paths, which legitimately differ.
const kFunctionLabels = [
  'named function', 'anonymous function', 'arrow function', 'async function',
  'generator function', 'class',
];

function argumentCases(values) {
  const noop = () => {};
  // [api, call, value labels to leave out].
  const apis = [
    ['path.join', (v) => path.join('a', v)],
    ['path.resolve', (v) => path.resolve(v)],
    ['path.normalize', (v) => path.normalize(v)],
    ['path.isAbsolute', (v) => path.isAbsolute(v)],
    ['path.relative from', (v) => path.relative(v, 'a')],
    ['path.relative to', (v) => path.relative('a', v)],
    ['path.dirname', (v) => path.dirname(v)],
    ['path.basename', (v) => path.basename(v)],
    ['path.basename suffix', (v) => path.basename('a.js', v)],
    ['path.extname', (v) => path.extname(v)],
    ['path.parse', (v) => path.parse(v)],
    ['path.format', (v) => path.format(v)],
    ['path.win32.join', (v) => path.win32.join(v)],
    ['path.win32.basename suffix', (v) => path.win32.basename('a', v)],
    ['new EventEmitter captureRejections', (v) => new events.EventEmitter({ captureRejections: v })],
    ['emitter.on', (v) => new events.EventEmitter().on('x', v)],
    ['emitter.once', (v) => new events.EventEmitter().once('x', v)],
    ['emitter.prependListener', (v) => new events.EventEmitter().prependListener('x', v)],
    ['emitter.removeListener', (v) => new events.EventEmitter().removeListener('x', v)],
    ['emitter.setMaxListeners', (v) => new events.EventEmitter().setMaxListeners(v)],
    ['emitter.emit error', (v) => new events.EventEmitter().emit('error', v), ['error']],
    ['events.defaultMaxListeners', (v) => { events.defaultMaxListeners = v; }],
    // undefined and null: Node fails reading a property of them, we name the
    // argument.
    ['events.getEventListeners', (v) => events.getEventListeners(v, 'x'), ['undefined', 'null']],
    ['util.promisify', (v) => util.promisify(v)],
    ['util.callbackify', (v) => util.callbackify(v)],
    ['util.inherits ctor', (v) => util.inherits(v, Object)],
    ['util.inherits superCtor', (v) => util.inherits(noop, v)],
    ['util.inherits superCtor.prototype', (v) => util.inherits(function sub() {}, { prototype: v })],
    ['util.deprecate', (v) => util.deprecate(v, 'msg')],
    // Arrays: our formatWithOptions rejects them, Node's takes them.
    ['util.formatWithOptions', (v) => util.formatWithOptions(v, 'x'), ['empty array', 'array']],
    ['util.styleText text', (v) => util.styleText('red', v)],
    ['util.stripVTControlCharacters', (v) => util.stripVTControlCharacters(v)],
    ['util.getSystemErrorName', (v) => util.getSystemErrorName(v)],
    ['assert.throws fn', (v) => assert.throws(v)],
    ['assert.doesNotThrow fn', (v) => assert.doesNotThrow(v)],
    ['assert.match regexp', (v) => assert.match('abc', v)],
    ['assert.doesNotMatch regexp', (v) => assert.doesNotMatch('abc', v)],
    // Timers that were made are cancelled at once; functions would run.
    ['setTimeout', (v) => timers.clearTimeout(timers.setTimeout(v))],
    ['setInterval', (v) => timers.clearInterval(timers.setInterval(v))],
    ['setImmediate', (v) => timers.clearImmediate(timers.setImmediate(v))],
    ['global setTimeout', (v) => clearTimeout(setTimeout(v))],
    ['process.nextTick', (v) => (typeof v === 'function' ? 'not queued' : process.nextTick(v))],
    ['queueMicrotask', (v) => (typeof v === 'function' ? 'not queued' : queueMicrotask(v))],
    // Strings: our chdir error names only the target, Node's "cwd -> target".
    ['process.chdir', (v) => process.chdir(v), values.map(([l, v]) => l).filter((l, i) => typeof values[i][1] === 'string')],
    // Falsy values: Node's cpuUsage ignores them, ours rejects them.
    ['process.cpuUsage', (v) => process.cpuUsage(v),
      ['null', 'false', 'zero', 'minus zero', 'NaN', 'empty string']],
    // Symbols and null-prototype objects: our StringDecoder fails to make
    // its string before it throws ERR_UNKNOWN_ENCODING.
    ['new StringDecoder', (v) => new StringDecoder(v),
      [...kFunctionLabels, 'error', 'symbol', 'symbol with description', 'null-prototype object',
        'null-prototype object with props']],
    ['StringDecoder.write', (v) => new StringDecoder('utf8').write(v)],
    ['new Console', (v) => new Console(v)],
    ['new Console stderr', (v) => new Console({ stdout: { write: noop }, stderr: v })],
    ['new Console colorMode', (v) => new Console({ stdout: { write: noop }, colorMode: v })],
    ['new Console inspectOptions', (v) => new Console({ stdout: { write: noop }, inspectOptions: v })],
    ['new Console groupIndentation', (v) => new Console({ stdout: { write: noop }, groupIndentation: v })],
  ];
  for (const [api, call, leaveOut = []] of apis) {
    for (const [valueLabel, value] of values) {
      if (leaveOut.includes(valueLabel)) continue;
      attempt(`${api}(${valueLabel})`, () => call(value));
    }
  }
  events.defaultMaxListeners = 10;
}

// Single cases for messages that need particular arguments.
function specialCases() {
  const noop = () => {};
  attempt('assert.equal missing both', () => assert.equal());
  attempt('assert.equal missing expected', () => assert.equal(1));
  attempt('assert.strictEqual missing', () => assert.strictEqual());
  attempt('assert.deepEqual missing', () => assert.deepEqual(1));
  attempt('assert.throws ambiguous message', () => assert.throws(() => { throw new Error('foo'); }, 'foo'));
  attempt('assert.throws bad error arg', () => assert.throws(() => { throw new Error('foo'); }, 5));
  attempt('util.callbackify returned fn without callback', () => util.callbackify(async () => 1)());
  attempt('util.callbackify returned fn with bad callback', () => util.callbackify(async () => 1)(1, 2));
  for (const errno of [-1, -2, -13, -22, -98, -111, -3008, -4095, -99999]) {
    attempt(`util.getSystemErrorName errno ${errno}`, () => util.getSystemErrorName(errno));
    attempt(`util._errnoException(${errno})`, () => { throw util._errnoException(errno, 'open'); });
    attempt(`util._errnoException(${errno}) with text`, () => { throw util._errnoException(errno, 'read', 'more'); });
  }
  for (const errno of [0, 1, 2 ** 40, 1.5, -1.5, -(2 ** 60)]) {
    attempt(`util.getSystemErrorName(range ${errno})`, () => util.getSystemErrorName(errno));
  }
  const hostPorts = [
    ['1.2.3.4', 80, undefined], ['1.2.3.4', 0, undefined], ['::1', 8080, '127.0.0.1:9'],
    ['', 0, undefined], [undefined, undefined, undefined], ['host', -5, undefined],
  ];
  hostPorts.forEach(([address, port, extra], i) => {
    attempt(`util._exceptionWithHostPort #${i}`, () => {
      throw util._exceptionWithHostPort(-111, 'connect', address, port, extra);
    });
  });
  attempt('events.defaultMaxListeners -1e21', () => { events.defaultMaxListeners = -1e21; });
  events.defaultMaxListeners = 10;
  attempt('new Console inspectOptions with colors and colorMode', () => new Console({
    stdout: { write: noop }, colorMode: true, inspectOptions: { colors: true },
  }));
  attempt('new Console groupIndentation too big', () => new Console({
    stdout: { write: noop }, groupIndentation: 1001,
  }));
  attempt('new Console groupIndentation fraction', () => new Console({
    stdout: { write: noop }, groupIndentation: 1.5,
  }));
  attempt('new Console groupIndentation string', () => new Console({
    stdout: { write: noop }, groupIndentation: '2',
  }));
  for (const encoding of ['utf9', 'UTF8', 'Latin1', 'hex', 'HEX', 'base64url', 'ucs-2', 'binary', 'nope']) {
    attempt(`new StringDecoder('${encoding}')`, () => new StringDecoder(encoding).encoding);
  }
  attempt('emitter.emit error with no args', () => new events.EventEmitter().emit('error'));
  attempt('emitter.emit error with an Error', () => {
    const err = new RangeError('inner');
    err.stack = 'RangeError: inner';
    new events.EventEmitter().emit('error', err);
  });
}

// How an error reads after a user changes it, and through util.inspect
// (its stack cut to the first line first, the same on both runtimes).
function presentationCases() {
  const makers = [
    ['ERR_INVALID_ARG_TYPE', () => path.join(5)],
    ['ERR_OUT_OF_RANGE', () => { events.defaultMaxListeners = -(2 ** 40); }],
    ['ERR_INVALID_ARG_VALUE', () => new Console({ stdout: { write() {} }, colorMode: 'x' })],
    ['ERR_MISSING_ARGS', () => assert.equal()],
    ['ERR_UNHANDLED_ERROR', () => new events.EventEmitter().emit('error', { a: [1, { b: 2 }] })],
    ['ERR_UNKNOWN_ENCODING', () => new StringDecoder('nope')],
    ['system error', () => { throw util._errnoException(-2, 'open'); }],
  ];
  for (const [label, make] of makers) {
    let err;
    try {
      make();
    } catch (caught) {
      err = caught;
    }
    events.defaultMaxListeners = 10;
    err.stack = err.stack.split('\n')[0];
    emit(`${label} inspect`, util.inspect(err));
    emit(`${label} inspect in object`, util.inspect({ err }, { depth: 0 }));
    err.name = 'Renamed';
    emit(`${label} renamed`, [String(err), err.stack, Object.keys(err)]);
    err.message = 'changed';
    emit(`${label} new message`, [String(err), Object.keys(err)]);
    err.code = 'ERR_OTHER';
    emit(`${label} new code`, [String(err), Object.keys(err)]);
  }
}

async function asyncCases(values) {
  const fakeSignal = (aborted, reason) => ({
    aborted,
    reason,
    addEventListener() {},
    removeEventListener() {},
  });
  await attemptAsync('timers/promises.setTimeout aborted', () =>
    timersPromises.setTimeout(1, 'v', { signal: fakeSignal(true, undefined) }));
  await attemptAsync('timers/promises.setTimeout aborted with reason', async () => {
    try {
      await timersPromises.setTimeout(1, 'v', { signal: fakeSignal(true, 'why') });
    } catch (err) {
      err.message += ` (cause: ${String(err.cause)}, has cause: ${'cause' in err})`;
      throw err;
    }
  });
  await attemptAsync('timers/promises.setImmediate aborted', () =>
    timersPromises.setImmediate('v', { signal: fakeSignal(true, 'r') }));
  for (const [valueLabel, value] of values) {
    await attemptAsync(`timers/promises.setTimeout options(${valueLabel})`, () =>
      timersPromises.setTimeout(1, 'v', value));
    await attemptAsync(`timers/promises.setTimeout signal(${valueLabel})`, () =>
      timersPromises.setTimeout(1, 'v', { signal: value }));
    await attemptAsync(`timers/promises.setTimeout ref(${valueLabel})`, () =>
      timersPromises.setTimeout(1, 'v', { ref: value }));
  }
  await new Promise((resolve) => {
    util.callbackify(async () => { throw null; })((err) => {
      emit('util.callbackify rejects with null', describe(err));
      resolve();
    });
  });
  await new Promise((resolve) => {
    util.callbackify(async () => { throw 0; })((err) => {
      emit('util.callbackify rejects with 0', describe(err));
      resolve();
    });
  });
}

async function main() {
  const values = makeValues();
  argumentCases(values);
  specialCases();
  presentationCases();
  await asyncCases(values);
}

main();
