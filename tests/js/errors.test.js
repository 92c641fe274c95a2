// Node's ERR_* errors as seen through public APIs: class, code, message, stack and String().
'use strict';

const assert = require('assert');
const util = require('util');
const path = require('path');
const EventEmitter = require('events');
const { Console } = require('console');

function capture(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

// ERR_INVALID_ARG_TYPE: TypeError, name stays TypeError, code in stack/String.
const e1 = capture(() => path.join('a', 5));
assert.strictEqual(e1.name, 'TypeError');
assert.ok(e1 instanceof TypeError);
assert.strictEqual(e1.code, 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(e1.message, 'The "path" argument must be of type string. Received type number (5)');
assert.strictEqual(String(e1), 'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received type number (5)');
assert.ok(e1.stack.startsWith('TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument'));
assert.deepStrictEqual(Object.keys(e1), ['code']);

assert.strictEqual(capture(() => path.basename('x', null)).message,
                   'The "suffix" argument must be of type string. Received null');
assert.strictEqual(capture(() => path.dirname(undefined)).message,
                   'The "path" argument must be of type string. Received undefined');
class Foo {}
assert.strictEqual(capture(() => path.normalize(new Foo())).message,
                   'The "path" argument must be of type string. Received an instance of Foo');
assert.strictEqual(capture(() => util.promisify('x')).message,
                   'The "original" argument must be of type function. Received type string (\'x\')');
assert.strictEqual(capture(() => util.inherits(function() {}, null)).message,
                   'The "superCtor" argument must be of type function. Received null');
assert.strictEqual(capture(() => util.formatWithOptions(null)).message,
                   'The "inspectOptions" argument must be of type object. Received null');
assert.strictEqual(capture(() => util.callbackify(async () => {})()).message,
                   'The last argument must be of type function. Received undefined');

// ERR_OUT_OF_RANGE (RangeError), including "_" separators for big numbers.
const e2 = capture(() => { EventEmitter.defaultMaxListeners = -1; });
assert.ok(e2 instanceof RangeError);
assert.strictEqual(e2.code, 'ERR_OUT_OF_RANGE');
assert.strictEqual(e2.message, 'The value of "defaultMaxListeners" is out of range. It must be >= 0. Received -1');
assert.strictEqual(capture(() => util.getSystemErrorName(2 ** 40)).message,
                   'The value of "err" is out of range. It must be a negative integer. Received 1_099_511_627_776');
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');

// ERR_UNHANDLED_ERROR for non-Error 'error' events.
const e3 = capture(() => new EventEmitter().emit('error', { a: 1 }));
assert.strictEqual(e3.code, 'ERR_UNHANDLED_ERROR');
assert.strictEqual(e3.message, 'Unhandled error. ({ a: 1 })');
assert.deepStrictEqual(e3.context, { a: 1 });
assert.ok(String(e3).startsWith('Error [ERR_UNHANDLED_ERROR]: '));

// ERR_INVALID_ARG_VALUE and ERR_CONSOLE_WRITABLE_STREAM.
const e4 = capture(() => new Console({ stdout: { write() {} }, colorMode: 'sometimes' }));
assert.strictEqual(e4.code, 'ERR_INVALID_ARG_VALUE');
assert.strictEqual(e4.message, "The argument 'colorMode' must be one of: 'auto', true, false. Received 'sometimes'");
const e5 = capture(() => new Console({}));
assert.strictEqual(e5.code, 'ERR_CONSOLE_WRITABLE_STREAM');
assert.strictEqual(e5.message, 'Console expects a writable stream instance for stdout');

// ERR_MISSING_ARGS.
const e6 = capture(() => assert.equal(1));
assert.strictEqual(e6.code, 'ERR_MISSING_ARGS');
assert.strictEqual(e6.message, 'The "actual" and "expected" arguments must be specified');

// ERR_FALSY_VALUE_REJECTION through callbackify.
util.callbackify(async () => { throw null; })((err) => {
  assert.strictEqual(err.code, 'ERR_FALSY_VALUE_REJECTION');
  assert.strictEqual(err.message, 'Promise was rejected with falsy value');
  assert.strictEqual(err.reason, null);
});

// inspect() of an ERR_* error shows the code line.
const inspected = util.inspect(e1);
assert.ok(inspected.startsWith('TypeError [ERR_INVALID_ARG_TYPE]: The "path"'));
assert.ok(inspected.endsWith("{\n  code: 'ERR_INVALID_ARG_TYPE'\n}"));
