// node:os: host facts agree with the environment and the kernel, tmpdir()
// follows $TMPDIR/$TMP/$TEMP, failures are Node's SystemError.
'use strict';

const assert = require('assert');
const os = require('os');

// homedir() prefers $HOME, as in Node.
const home = process.env.HOME;
process.env.HOME = '/some/home';
assert.strictEqual(os.homedir(), '/some/home');
if (home === undefined) delete process.env.HOME;
else process.env.HOME = home;

// tmpdir(): the first variable set, one trailing slash dropped.
const saved = [process.env.TMPDIR, process.env.TMP, process.env.TEMP];
delete process.env.TMP;
delete process.env.TEMP;
process.env.TMPDIR = '/var/x/';
assert.strictEqual(os.tmpdir(), '/var/x');
process.env.TMPDIR = '/';
assert.strictEqual(os.tmpdir(), '/');
delete process.env.TMPDIR;
process.env.TEMP = '/t//';
assert.strictEqual(os.tmpdir(), '/t/');
delete process.env.TEMP;
assert.strictEqual(os.tmpdir(), '/tmp');
['TMPDIR', 'TMP', 'TEMP'].forEach((k, i) => {
  if (saved[i] !== undefined) process.env[k] = saved[i];
});

// The loopback interface is always there.
const lo = os.networkInterfaces().lo;
const v4 = lo.find((e) => e.family === 'IPv4');
assert.deepStrictEqual(v4, {
  address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4',
  mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8',
});

// uname(2) fields, and the value conversion older code relies on.
assert.strictEqual(os.type(), 'Linux');
assert.strictEqual(`${os.type}`, 'Linux');
assert.strictEqual(os.hostname(), `${os.hostname}`);
assert.match(os.release(), /^\d+\.\d+/);

const cpus = os.cpus();
assert.ok(cpus.length >= 1);
assert.deepStrictEqual(Object.keys(cpus[0].times),
                       ['user', 'nice', 'sys', 'idle', 'irq']);
assert.ok(os.availableParallelism() >= 1);
assert.ok(os.freemem() > 0 && os.freemem() <= os.totalmem());
assert.strictEqual(os.constants.signals.SIGKILL, 9);
assert.strictEqual(os.constants.errno.ENOENT, 2);
assert.strictEqual(os.userInfo().homedir.length > 0, true);

// A failing call is a SystemError carrying libuv's details in `info`.
assert.throws(() => os.getPriority(2147483647), (err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
  assert.strictEqual(err.message, 'A system error occurred: ' +
    'uv_os_getpriority returned ESRCH (no such process)');
  assert.deepStrictEqual(err.info, {
    errno: -3, code: 'ESRCH', message: 'no such process',
    syscall: 'uv_os_getpriority',
  });
  return true;
});
assert.throws(() => os.setPriority(0, 20), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "priority" is out of range. ' +
    'It must be >= -20 && <= 19. Received 20',
});
