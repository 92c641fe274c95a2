// Differential corpus for node:process argument checks and their errors:
// hrtime, umask, exitCode, cpuUsage, chdir, emitWarning, nextTick.
'use strict';

const util = require('util');

let n = 0;
function record(label, compute) {
  let result;
  try {
    const value = compute();
    result = `ok ${typeof value === 'object' && value !== null ?
      Object.keys(value) : util.inspect(value)}`;
  } catch (e) {
    result = `THROWS ${e.name} ${e.code} ${e.message} ${JSON.stringify({
      errno: e.errno, syscall: e.syscall, path: e.path, dest: e.dest })}`;
  }
  console.log(JSON.stringify([`${n++} ${label}`, result]));
}

const values = [undefined, null, true, 0, -0, -1, 1.5, 2 ** 32, NaN, '',
  '0', '22', '0o22', '777', '8', 'x', [], [1], [1, 2], [1, 2, 3], ['a', 'b'],
  {}, { user: 1 }, { user: 1, system: 2 }, { user: -1, system: 0 },
  { user: NaN, system: 0 }, { user: 0, system: Infinity }, () => {},
  Symbol('s'), 10n];

const mask = process.umask();
for (const v of values) {
  const shown = util.inspect(v);
  record(`hrtime(${shown})`, () => {
    const r = process.hrtime(v);
    return Array.isArray(r) && r.length === 2 && r.map((x) => typeof x);
  });
  // Node 20 itself aborts on umask(-0), so that one is left out.
  if (!Object.is(v, -0)) {
    record(`umask(${shown})`, () => {
      process.umask(v);
      return process.umask(mask);
    });
  }
  record(`exitCode = ${shown}`, () => {
    try {
      process.exitCode = v;
      return process.exitCode;
    } finally {
      process.exitCode = undefined;
    }
  });
  record(`cpuUsage(${shown})`, () => process.cpuUsage(v));
  record(`chdir(${shown})`, () => process.chdir(v));
  record(`emitWarning(${shown})`, () => process.emitWarning(v, 'Probe'));
  record(`emitWarning('w', ${shown})`, () => process.emitWarning('w', v));
  record(`emitWarning('w', 'T', ${shown})`,
         () => process.emitWarning('w', 'T', v));
  record(`nextTick(${shown})`, () => process.nextTick(v));
}
record('resourceUsage fields', () => {
  const usage = process.resourceUsage();
  return Object.keys(usage).filter((k) => typeof usage[k] === 'number');
});
record('ids', () => [process.getuid(), process.getgid(), process.geteuid(),
  process.getegid(), process.getgroups()].join());
record('chdir missing', () => process.chdir('/no/such/dir/for/jspack'));
record('exitCode descriptor', () => {
  const d = Object.getOwnPropertyDescriptor(process, 'exitCode');
  return [d.enumerable, d.configurable, typeof d.get, typeof d.set];
});
process.on('warning', (w) => {
  console.log(JSON.stringify([`${n++} warning`, [w.name, w.message, w.code,
    w.detail]]));
});
