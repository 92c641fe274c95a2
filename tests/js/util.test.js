// node:util: promisify, callbackify, deprecate, inherits, types, isDeepStrictEqual and helpers.
'use strict';

const assert = require('assert');
const util = require('util');

// isDeepStrictEqual.
assert.strictEqual(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), true);
assert.strictEqual(util.isDeepStrictEqual([1], ['1']), false);
assert.strictEqual(util.isDeepStrictEqual(-0, 0), false);
assert.strictEqual(util.isDeepStrictEqual(NaN, NaN), true);
assert.strictEqual(util.isDeepStrictEqual(new Set([{ a: 1 }]), new Set([{ a: 1 }])), true);
assert.strictEqual(util.isDeepStrictEqual(new Map([[1, 'a']]), new Map([[1, 'b']])), false);
assert.strictEqual(util.isDeepStrictEqual(Object.create(null), {}), false);

// inherits.
function Base() {}
Base.prototype.hello = function() { return 'hi'; };
function Child() {}
util.inherits(Child, Base);
assert.strictEqual(new Child().hello(), 'hi');
assert.strictEqual(Child.super_, Base);

// types.
assert.strictEqual(util.types.isDate(new Date()), true);
assert.strictEqual(util.types.isDate({}), false);
assert.strictEqual(util.types.isPromise(Promise.resolve()), true);
assert.strictEqual(util.types.isRegExp(/x/), true);
assert.strictEqual(util.types.isUint8Array(new Uint8Array(1)), true);
assert.strictEqual(util.types.isUint8Array(new Int8Array(1)), false);
assert.strictEqual(util.types.isTypedArray(new Float64Array(1)), true);
assert.strictEqual(util.types.isMap(new Map()), true);
assert.strictEqual(util.types.isNativeError(new TypeError()), true);
assert.strictEqual(util.types.isAsyncFunction(async () => {}), true);
assert.strictEqual(util.types.isGeneratorFunction(function* () {}), true);
assert.strictEqual(util.types.isBoxedPrimitive(Object(1)), true);
assert.strictEqual(util.types.isProxy(new Proxy({}, {})), true);
assert.strictEqual(util.types.isArgumentsObject((function() { return arguments; })()), true);

// Legacy helpers.
assert.strictEqual(util.isArray([]), true);
assert.strictEqual(util.isPrimitive(null), true);
assert.strictEqual(util.isPrimitive({}), false);
assert.strictEqual(util.isError(new Error()), true);
assert.strictEqual(util.isFunction(() => {}), true);
assert.strictEqual(util.isNullOrUndefined(undefined), true);

// stripVTControlCharacters, toUSVString.
assert.strictEqual(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), 'red');
assert.strictEqual(util.toUSVString('a\ud800b'), 'a\ufffdb');
assert.strictEqual(util.toUSVString('a\ud83d\ude00'), 'a\ud83d\ude00');

// format / inspect are exported.
assert.strictEqual(util.format('%s=%d', 'x', 42), 'x=42');
assert.strictEqual(util.inspect({ a: 1 }), '{ a: 1 }');
assert.strictEqual(util.inspect.custom, Symbol.for('nodejs.util.inspect.custom'));
assert.strictEqual(util.promisify.custom, Symbol.for('nodejs.util.promisify.custom'));

// debuglog: disabled unless NODE_DEBUG names the section.
const debug = util.debuglog('jspack_test_section_never_enabled');
assert.strictEqual(debug.enabled, false);
debug('not printed');

// deprecate returns a wrapper that still calls through.
const deprecated = util.deprecate(function add(a, b) { return a + b; }, 'add() is deprecated', 'DEP_JSPACK_TEST');
process.noDeprecation = true;
assert.strictEqual(deprecated(1, 2), 3);

const pending = [];

// promisify.
function double(x, cb) {
  setTimeout(() => cb(null, x * 2), 1);
}
pending.push(util.promisify(double)(21).then((v) => assert.strictEqual(v, 42)));
function failing(cb) {
  cb(new Error('nope'));
}
pending.push(util.promisify(failing)().then(
  () => assert.fail('should reject'),
  (err) => assert.strictEqual(err.message, 'nope')));
function withCustom() {}
withCustom[util.promisify.custom] = () => Promise.resolve('custom');
assert.strictEqual(util.promisify(withCustom), withCustom[util.promisify.custom]);
pending.push(util.promisify(withCustom)().then((v) => assert.strictEqual(v, 'custom')));

// callbackify.
const cbified = util.callbackify(async (x) => x + 1);
assert.strictEqual(cbified.name, 'Callbackified');
pending.push(new Promise((resolve) => {
  cbified(1, (err, value) => {
    assert.strictEqual(err, null);
    assert.strictEqual(value, 2);
    resolve();
  });
}));
pending.push(new Promise((resolve) => {
  util.callbackify(async () => { throw new Error('bad'); })((err) => {
    assert.strictEqual(err.message, 'bad');
    resolve();
  });
}));

let done = false;
Promise.all(pending).then(() => { done = true; });
process.on('exit', () => {
  assert.strictEqual(done, true);
});
