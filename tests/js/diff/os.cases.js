// Differential corpus for node:os: every host fact both runtimes read on this
// machine, the environment rules of tmpdir(), and argument errors.
'use strict';

const os = require('os');
const util = require('util');

let n = 0;
function record(label, compute) {
  let result;
  try {
    result = util.inspect(compute(), { depth: 6, breakLength: 120 });
  } catch (err) {
    result = `THROWS ${err.name} ${err.code} ${err.message} ` +
      util.inspect({ errno: err.errno, syscall: err.syscall, info: err.info });
  }
  console.log(JSON.stringify([`${n++} ${label}`, result]));
}

function facts() {
  for (const name of ['arch', 'availableParallelism', 'endianness', 'homedir',
    'hostname', 'platform', 'release', 'tmpdir', 'type', 'version',
    'machine']) {
    record(`${name}()`, () => os[name]());
    record(`'' + ${name}`, () => `${os[name]}`);
    record(`${name}.length`, () => os[name].length);
  }
  record('keys', () => Object.keys(os));
  record('EOL devNull', () => [os.EOL, os.devNull]);
  record('constants keys', () => Object.keys(os.constants));
  for (const group of ['signals', 'errno', 'priority', 'dlopen']) {
    record(`constants.${group}`, () => os.constants[group]);
  }
  record('UV_UDP_REUSEADDR', () => os.constants.UV_UDP_REUSEADDR);
  record('cpus shape', () => os.cpus().map((c) =>
    [c.model, c.speed, Object.keys(c.times), Object.keys(c)]));
  record('cpus count', () => os.cpus().length);
  record('networkInterfaces', () => os.networkInterfaces());
  record('loadavg shape', () => os.loadavg().map((x) => typeof x));
  record('memory', () => [typeof os.totalmem(), os.totalmem() > 0,
    typeof os.freemem(), os.freemem() <= os.totalmem()]);
  record('uptime', () => typeof os.uptime());
}

function user() {
  for (const options of [undefined, null, {}, { encoding: 'utf8' },
    { encoding: 'latin1' }, 5, 'buffer', true]) {
    record(`userInfo(${util.inspect(options)})`, () => os.userInfo(options));
  }
}

function tmpdirRules() {
  const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP,
    TEMP: process.env.TEMP };
  const values = [undefined, '', '/', '//', '/x/y/', '/x//', 'rel/', '/a'];
  for (const tmpdir of values) {
    for (const tmp of [undefined, '/tmpx/']) {
      for (const temp of [undefined, '/t3']) {
        const set = (k, v) => {
          if (v === undefined) delete process.env[k];
          else process.env[k] = v;
        };
        set('TMPDIR', tmpdir);
        set('TMP', tmp);
        set('TEMP', temp);
        record(`tmpdir ${tmpdir} ${tmp} ${temp}`, () => os.tmpdir());
      }
    }
  }
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

function priority() {
  record('getPriority()', () => os.getPriority());
  record('getPriority(0)', () => os.getPriority(0));
  record('getPriority(pid)', () => os.getPriority(process.pid));
  const bad = [1.5, 2 ** 32, -(2 ** 31) - 1, '1', null, {}, NaN, Infinity,
    2147483647];
  for (const pid of bad) {
    record(`getPriority(${util.inspect(pid)})`, () => os.getPriority(pid));
  }
  for (const args of [[0, 1.5], ['1', 1], [0, 100], [0, -21], [0, '0'],
    [2147483647, 0], [0, NaN], [undefined, undefined], [1.5]]) {
    record(`setPriority(${util.inspect(args)})`,
           () => os.setPriority(...args));
  }
  record('setPriority(same)', () => os.setPriority(os.getPriority()));
}

// Property attributes: EOL and devNull are read-only but redefinable,
// constants is fixed; an options getter that throws reaches the caller.
function attributes() {
  for (const name of ['EOL', 'devNull', 'constants']) {
    record(`descriptor ${name}`, () => {
      const d = Object.getOwnPropertyDescriptor(os, name);
      return [d.writable, d.enumerable, d.configurable, typeof d.get];
    });
  }
  record('assign EOL', () => { 'use strict'; os.EOL = 123; });
  record('userInfo throwing getter', () => os.userInfo({
    get encoding() { throw new Error('xyz'); },
  }));
  record('redefine EOL', () => {
    Object.defineProperty(os, 'EOL', { value: 'foo', configurable: true,
      enumerable: true, writable: false });
    const seen = os.EOL;
    Object.defineProperty(os, 'EOL', { value: '\n' });
    return seen;
  });
}

facts();
attributes();
user();
tmpdirRules();
priority();
