// node:assert: pass/fail behaviour, AssertionError shape and Node's messages.
'use strict';

const assert = require('assert');

const { AssertionError } = assert;

function failure(fn) {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof AssertionError)) throw err;
    return err;
  }
  throw new Error('expected an AssertionError');
}

// Passing assertions.
assert(true);
assert.ok(1);
assert.equal(1, '1');
assert.notEqual(1, 2);
assert.strictEqual(NaN, NaN);
assert.notStrictEqual(1, '1');
assert.deepEqual({ a: [1, 2] }, { a: ['1', 2] });
assert.deepStrictEqual({ a: [1, 2], m: new Map([[1, { x: 1 }]]) }, { a: [1, 2], m: new Map([[1, { x: 1 }]]) });
assert.deepStrictEqual(new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1]));
assert.deepStrictEqual(new Date(5), new Date(5));
assert.deepStrictEqual(/a/g, /a/g);
assert.deepStrictEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]));
assert.deepStrictEqual(new Number(1), new Number(1));
assert.deepStrictEqual(new Error('x'), new Error('x'));
assert.notDeepStrictEqual(new Error('x'), new TypeError('x'));
assert.notDeepStrictEqual({ a: 1 }, Object.assign(Object.create(null), { a: 1 }));
assert.notDeepStrictEqual(-0, 0);
assert.deepEqual(-0, 0);
assert.notDeepStrictEqual([1, , 3], [1, undefined, 3]);
const c1 = { a: 1 };
c1.self = c1;
const c2 = { a: 1 };
c2.self = c2;
assert.deepStrictEqual(c1, c2);
assert.match('abc', /b/);
assert.doesNotMatch('abc', /x/);
assert.ifError(null);
assert.ifError(undefined);
assert.throws(() => { throw new TypeError('bad input'); }, TypeError);
assert.throws(() => { throw new TypeError('bad input'); }, /bad/);
assert.throws(() => { throw new TypeError('bad input'); }, { name: 'TypeError', message: /input/ });
assert.throws(() => { throw new TypeError('bad input'); }, (e) => e instanceof TypeError);
assert.doesNotThrow(() => {});

// Failures: shape and messages.
const e1 = failure(() => assert.strictEqual(1, 2));
assert.strictEqual(e1.name, 'AssertionError');
assert.strictEqual(e1.code, 'ERR_ASSERTION');
assert.strictEqual(e1.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
assert.strictEqual(e1.actual, 1);
assert.strictEqual(e1.expected, 2);
assert.strictEqual(e1.operator, 'strictEqual');
assert.strictEqual(e1.generatedMessage, true);
assert.ok(e1.stack.startsWith('AssertionError [ERR_ASSERTION]: Expected values'));
assert.ok(String(e1).startsWith('AssertionError [ERR_ASSERTION]: '));

const e2 = failure(() => assert.strictEqual(1, 2, 'custom'));
assert.strictEqual(e2.message, 'custom\n\n1 !== 2\n');
assert.strictEqual(e2.generatedMessage, false);

assert.strictEqual(failure(() => assert.equal(1, 2)).message, '1 == 2');
assert.strictEqual(failure(() => assert.notEqual(1, '1')).message, "1 != '1'");
assert.strictEqual(failure(() => assert.notStrictEqual(1, 1)).message,
                   'Expected "actual" to be strictly unequal to: 1');
assert.strictEqual(failure(() => assert.deepEqual({ a: 1 }, { a: 2 })).message,
                   'Expected values to be loosely deep-equal:\n\n{\n  a: 1\n}\n\nshould loosely deep-equal\n\n{\n  a: 2\n}');
assert.strictEqual(failure(() => assert.notDeepStrictEqual({ a: 1 }, { a: 1 })).message,
                   'Expected "actual" not to be strictly deep-equal to:\n\n{\n  a: 1\n}\n');
const e3 = failure(() => assert.deepStrictEqual({ a: 1 }, { a: 2 }));
assert.ok(e3.message.startsWith('Expected values to be strictly deep-equal:\n+ actual - expected'));
assert.ok(e3.message.includes('+   a: 1'));
assert.ok(e3.message.includes('-   a: 2'));
assert.strictEqual(failure(() => assert.fail()).message, 'Failed');
assert.strictEqual(failure(() => assert.fail('boom')).message, 'boom');
assert.strictEqual(failure(() => assert.ok()).message, 'No value argument passed to `assert.ok()`');
assert.strictEqual(failure(() => assert.ok(false, 'why')).message, 'why');
assert.strictEqual(failure(() => assert.throws(() => {})).message, 'Missing expected exception.');
assert.strictEqual(failure(() => assert.throws(() => {}, TypeError, 'msg')).message,
                   'Missing expected exception (TypeError): msg');
assert.strictEqual(failure(() => assert.throws(() => { throw new TypeError('x'); }, RangeError)).message,
                   'The error is expected to be an instance of "RangeError". Received "TypeError"\n\nError message:\n\nx');
assert.strictEqual(failure(() => assert.throws(() => { throw new Error('x'); }, /y/)).message,
                   "The input did not match the regular expression /y/. Input:\n\n'Error: x'\n");
assert.strictEqual(failure(() => assert.throws(() => { throw new Error('x'); }, () => false)).message,
                   'The validation function is expected to return "true". Received false\n\nCaught error:\n\nError: x');
const e4 = failure(() => assert.throws(() => { throw new Error('x'); }, { message: 'y' }));
assert.strictEqual(e4.operator, 'throws');
assert.ok(e4.message.includes("+   message: 'x'"));
assert.ok(e4.message.includes("-   message: 'y'"));
assert.strictEqual(failure(() => assert.doesNotThrow(() => { throw new Error('q'); })).message,
                   'Got unwanted exception.\nActual message: "q"');
assert.strictEqual(failure(() => assert.match('abc', /x/)).message,
                   "The input did not match the regular expression /x/. Input:\n\n'abc'\n");
assert.strictEqual(failure(() => assert.doesNotMatch('abc', /b/)).message,
                   "The input was expected to not match the regular expression /b/. Input:\n\n'abc'\n");
assert.strictEqual(failure(() => assert.ifError(new Error('boom'))).message,
                   'ifError got unwanted exception: boom');
assert.strictEqual(failure(() => assert.ifError('str')).message,
                   "ifError got unwanted exception: 'str'");
const own = new TypeError('own error');
assert.throws(() => assert.strictEqual(1, 2, own), (e) => e === own);

// Argument errors are not AssertionErrors.
assert.throws(() => assert.equal(1), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => assert.throws(() => { throw new Error('e'); }, {}), { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => assert.match('a', 'a'), { code: 'ERR_INVALID_ARG_TYPE' });

// AssertionError constructed directly.
const direct = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
assert.strictEqual(direct.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
assert.strictEqual(new AssertionError({ message: 'm' }).message, 'm');

// assert.strict.
assert.strictEqual(assert.strict.strict, assert.strict);
assert.strictEqual(assert.strict.equal, assert.strictEqual);
assert.strictEqual(assert.strict.deepEqual, assert.deepStrictEqual);
assert.throws(() => assert.strict.equal(1, '1'), AssertionError);
assert.throws(() => assert.strict.deepEqual([1], ['1']), AssertionError);
assert.strict(true);

// rejects / doesNotReject.
let done = false;
(async () => {
  await assert.rejects(Promise.reject(new Error('r')), /r/);
  await assert.rejects(async () => { throw new TypeError('t'); }, TypeError);
  await assert.doesNotReject(Promise.resolve(1));
  const e5 = await assert.rejects(Promise.resolve(1)).then(() => null, (e) => e);
  assert.strictEqual(e5.message, 'Missing expected rejection.');
  const e6 = await assert.doesNotReject(Promise.reject(new Error('r'))).then(() => null, (e) => e);
  assert.strictEqual(e6.message, 'Got unwanted rejection.\nActual message: "r"');
  const e7 = await assert.rejects(5).then(() => null, (e) => e);
  assert.strictEqual(e7.code, 'ERR_INVALID_ARG_TYPE');
  done = true;
})();
process.on('exit', () => {
  assert.strictEqual(done, true);
});
