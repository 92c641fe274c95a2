// structuredClone: cloneable kinds, cycles, errors, transfer of
// ArrayBuffers, and DataCloneError for what cannot be cloned.
'use strict';

const assert = require('assert');

// Plain data, dates, regexps, maps and sets come back equal but new.
const source = {
  n: 1, s: 'x', b: true, u: undefined, nil: null, big: 10n,
  list: [1, 'two', [3]], date: new Date(5), re: /a+/gi,
  map: new Map([[1, { a: 1 }]]), set: new Set(['a']),
  bytes: new Uint16Array([1, 2]), boxed: Object('s'),
};
const copy = structuredClone(source);
assert.notStrictEqual(copy, source);
assert.deepStrictEqual(copy, source);
assert.notStrictEqual(copy.map, source.map);

// Cycles and shared references are kept.
const ring = { name: 'ring' };
ring.self = ring;
ring.pair = [ring, ring];
const ringCopy = structuredClone(ring);
assert.strictEqual(ringCopy.self, ringCopy);
assert.strictEqual(ringCopy.pair[1], ringCopy);

// Errors keep their kind and message; prototypes of classes are dropped.
const err = structuredClone(new RangeError('bad'));
assert.ok(err instanceof RangeError);
assert.strictEqual(err.message, 'bad');
class Point { constructor() { this.x = 1; } }
assert.strictEqual(Object.getPrototypeOf(structuredClone(new Point())), Object.prototype);

// What cannot be cloned is a DataCloneError DOMException with V8's message.
const fn = Function('return function f() {}')();
assert.throws(() => structuredClone(fn), (e) => {
  assert.ok(e instanceof DOMException);
  assert.strictEqual(e.name, 'DataCloneError');
  assert.strictEqual(e.code, 25);
  assert.strictEqual(e.message, 'function f() {} could not be cloned.');
  return true;
});
assert.throws(() => structuredClone(Symbol('s')), { name: 'DataCloneError' });
assert.throws(() => structuredClone(new WeakMap()), {
  name: 'DataCloneError', message: '#<WeakMap> could not be cloned.',
});

// Transfer moves the bytes and detaches the original.
const buffer = new Uint8Array([1, 2, 3]).buffer;
const moved = structuredClone({ buffer }, { transfer: [buffer] });
assert.strictEqual(buffer.byteLength, 0);
assert.deepStrictEqual(Array.from(new Uint8Array(moved.buffer)), [1, 2, 3]);
const kept = new ArrayBuffer(2);
assert.throws(() => structuredClone({ kept, f() {} }, { transfer: [kept] }),
              { name: 'DataCloneError' });
assert.strictEqual(kept.byteLength, 2);
assert.throws(() => structuredClone(kept, { transfer: [kept, kept] }), {
  name: 'DataCloneError', message: 'Transfer list contains duplicate ArrayBuffer',
});

// Argument errors.
assert.throws(() => structuredClone(), {
  code: 'ERR_MISSING_ARGS', message: 'The value argument must be specified',
});
assert.throws(() => structuredClone(1, 5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => structuredClone(1, { transfer: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'Optional transferList argument must be an iterable',
});
assert.throws(() => structuredClone(1, { transfer: [{}] }), {
  code: 'ERR_INVALID_TRANSFER_OBJECT',
});

// SharedArrayBuffers are shared, not copied.
const shared = new SharedArrayBuffer(1);
new Uint8Array(structuredClone(shared))[0] = 7;
assert.strictEqual(new Uint8Array(shared)[0], 7);

console.log('structuredClone ok');
