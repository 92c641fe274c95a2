'use strict';
// node:process: errors nothing caught (exit codes, 'exit' listeners that
// throw, the capture callback, a replaced _fatalException), the process
// prototype, and process.env's rules for symbols, descriptors and TZ.
const assert = require('assert');
const { spawnSync } = require('child_process');
const EventEmitter = require('events');

// Runs `source` in a child runtime; returns its exit status and output.
function child(source) {
  const r = spawnSync(process.execPath, ['-e', source], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The prototype is a `process` class's, inheriting from EventEmitter.
const proto = Object.getPrototypeOf(process);
assert.ok(process instanceof process.constructor);
assert.ok(proto instanceof EventEmitter);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(proto, 'constructor'), {
  value: process.constructor, writable: true, enumerable: false,
  configurable: true,
});

// env: symbols are never names or values; only plain data descriptors.
const sym = Symbol('sym');
assert.strictEqual(process.env[sym], undefined);
assert.throws(() => { process.env[sym] = 1; }, TypeError);
assert.throws(() => { process.env.JSPACK_SYM_TEST = sym; }, TypeError);
assert.strictEqual(sym in process.env, false);
assert.strictEqual(delete process.env[sym], true);
assert.strictEqual(Object.prototype.toString.call(process.env),
                   '[object Object]');
assert.throws(() => Object.defineProperty(process.env, 'JSPACK_D', {
  get() { return 'x'; },
}), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  message: "'process.env' does not accept an accessor(getter/setter) " +
    'descriptor',
});
assert.throws(() => Object.defineProperty(process.env, 'JSPACK_D',
                                          { value: 'x' }), {
  code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY',
  message: "'process.env' only accepts a configurable, writable, and " +
    'enumerable data descriptor',
});
Object.defineProperty(process.env, 'JSPACK_D', {
  value: 7, writable: true, enumerable: true, configurable: true,
});
assert.strictEqual(process.env.JSPACK_D, '7');
delete process.env.JSPACK_D;

// Date follows TZ as soon as it changes.
const date = new Date('2018-04-14T12:34:56.789Z');
process.env.TZ = 'Etc/GMT-3';
assert.match(date.toString(), /^Sat Apr 14 2018 15:34:56 GMT\+0300/);
process.env.TZ = 'Etc/UTC';
assert.match(date.toString(), /^Sat Apr 14 2018 12:34:56 GMT\+0000/);
delete process.env.TZ;

// The capture callback: validated, set once, cleared with null.
assert.throws(() => process.setUncaughtExceptionCaptureCallback(42), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "fn" argument must be of type function or null. ' +
    'Received type number (42)',
});
assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), false);
process.setUncaughtExceptionCaptureCallback(() => {});
assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), true);
assert.throws(() => process.setUncaughtExceptionCaptureCallback(() => {}), {
  code: 'ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  name: 'Error',
});
process.setUncaughtExceptionCaptureCallback(null);
assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), false);
assert.strictEqual(typeof process._fatalException, 'function');

// Without a handler: exitCode becomes 1 before 'exit', which runs before
// the error is printed, and may still change the code.
let r = child(`process.exitCode = 99;
  process.on('exit', (code) => console.log('exit', code, process.exitCode));
  throw new Error('boom');`);
assert.strictEqual(r.status, 1);
assert.strictEqual(r.stdout, 'exit 1 1\n');
assert.match(r.stderr, /Error: boom/);
r = child(`process.on('exit', () => { process.exitCode = 98; });
  throw new Error('boom');`);
assert.strictEqual(r.status, 98);

// A throwing 'exit' listener is an uncaught error: a handler takes it.
r = child(`process.on('uncaughtException', (e) => console.log('took', e.message));
  process.on('exit', () => { throw new Error('late'); });`);
assert.deepStrictEqual([r.status, r.stdout], [0, 'took late\n']);
r = child(`process.on('exit', () => { throw new Error('late'); });`);
assert.strictEqual(r.status, 1);
assert.match(r.stderr, /Error: late/);
r = child(`process.exitCode = 0;
  process.on('exit', () => { throw new Error('late'); });`);
assert.strictEqual(r.status, 0);

// The capture callback takes the error after the monitors, in place of
// 'uncaughtException'.
r = child(`process.on('uncaughtExceptionMonitor', (e, o) => console.log('mon', o));
  process.on('uncaughtException', () => console.log('listener (bug)'));
  process.setUncaughtExceptionCaptureCallback((e) => console.log('cap', e.message));
  throw new Error('boom');`);
assert.deepStrictEqual([r.status, r.stdout], [0, 'mon uncaughtException\ncap boom\n']);

// _fatalException replaced by a non-function: Node's exit code 6.
r = child(`process._fatalException = undefined; throw new Error('boom');`);
assert.strictEqual(r.status, 6);
assert.match(r.stderr, /Error: boom/);
