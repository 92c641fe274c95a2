'use strict';
// node:process: run facts, env as a live view, cwd/chdir, ticks, hrtime,
// warnings and the standard streams.
const assert = require('assert');
const path = require('path');

assert.strictEqual(process.argv[0], process.execPath);
assert.ok(path.isAbsolute(process.argv[1]));
assert.ok(process.argv[1].endsWith('process.test.js'), process.argv[1]);
assert.strictEqual(process.platform, 'linux');
assert.strictEqual(typeof process.pid, 'number');
assert.ok(process.pid > 0);
assert.ok(/^v\d+\.\d+\.\d+$/.test(process.version));
assert.strictEqual(require('process'), process);
assert.strictEqual(Object.prototype.toString.call(process), '[object process]');

// env: values become strings, deletes are real, keys are enumerable.
process.env.JSPACK_JS_TEST = 42;
assert.strictEqual(process.env.JSPACK_JS_TEST, '42');
assert.ok('JSPACK_JS_TEST' in process.env);
assert.ok(Object.keys(process.env).includes('JSPACK_JS_TEST'));
delete process.env.JSPACK_JS_TEST;
assert.strictEqual(process.env.JSPACK_JS_TEST, undefined);
assert.ok(!('JSPACK_JS_TEST' in process.env));
assert.strictEqual(process.env.JSPACK_NEVER_SET_ANYWHERE, undefined);

// cwd and chdir.
const start = process.cwd();
assert.ok(path.isAbsolute(start));
process.chdir('/');
assert.strictEqual(process.cwd(), '/');
process.chdir(start);
assert.strictEqual(process.cwd(), start);
assert.throws(() => process.chdir('/no/such/dir/anywhere'), (err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'chdir');
  assert.strictEqual(err.errno, -2);
  return true;
});
assert.throws(() => process.chdir(1), { code: 'ERR_INVALID_ARG_TYPE' });

// hrtime and memory.
const t0 = process.hrtime();
const t1 = process.hrtime(t0);
assert.ok(t1[0] >= 0 && t1[1] >= 0);
assert.strictEqual(typeof process.hrtime.bigint(), 'bigint');
const mem = process.memoryUsage();
for (const key of ['rss', 'heapTotal', 'heapUsed', 'external']) {
  assert.strictEqual(typeof mem[key], 'number', key);
}
assert.ok(mem.rss > 1024 * 1024);
assert.ok(process.uptime() >= 0);

// cpuUsage is CPU time, not wall time: burning CPU raises it, idling does not.
// Spinning until 15 ms of CPU are reported must end (within 10 s of wall
// time, however loaded the machine is); idling 60 ms must report far less.
const cpu0 = process.cpuUsage();
const giveUp = Date.now() + 10000;
let spent;
do {
  spent = process.cpuUsage(cpu0);
} while (spent.user + spent.system < 15000 && Date.now() < giveUp);
assert.ok(spent.user + spent.system >= 15000, JSON.stringify(spent));
assert.throws(() => process.cpuUsage(1), { code: 'ERR_INVALID_ARG_TYPE' });
const idleFrom = process.cpuUsage();
setTimeout(() => {
  const idle = process.cpuUsage(idleFrom);
  assert.ok(idle.user + idle.system < 40000, JSON.stringify(idle));
}, 60);

// nextTick runs before promise reactions, both before timers.
const order = [];
setTimeout(() => order.push('timeout'), 0);
Promise.resolve().then(() => order.push('promise'));
process.nextTick((a, b) => order.push(`tick ${a} ${b}`), 1, 2);
queueMicrotask(() => order.push('microtask'));
assert.throws(() => process.nextTick(null), { code: 'ERR_INVALID_ARG_TYPE' });

// Warnings are emitted as events.
let warning;
process.on('warning', (w) => { warning = w; });
process.emitWarning('careful', 'CustomWarning', 'JSPACK001');

// stdout: write returns true and calls back.
let wrote = false;
assert.strictEqual(process.stdout.write('', () => { wrote = true; }), true);

setTimeout(() => {
  assert.deepStrictEqual(order, ['tick 1 2', 'promise', 'microtask', 'timeout']);
  assert.ok(warning, 'warning event');
  assert.strictEqual(warning.name, 'CustomWarning');
  assert.strictEqual(warning.code, 'JSPACK001');
  assert.strictEqual(warning.message, 'careful');
  assert.ok(wrote, 'stdout write callback');
}, 5);

let exitCode;
process.on('exit', (code) => {
  exitCode = code;
  assert.strictEqual(code, 0);
});
process.on('beforeExit', () => {
  assert.strictEqual(exitCode, undefined, 'beforeExit comes before exit');
});
