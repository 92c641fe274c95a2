// node:console: Console output through fake streams (one write per call), tables, groups, timers.
'use strict';

const assert = require('assert');
const EventEmitter = require('events');
const { Console } = require('console');

class FakeStream extends EventEmitter {
  constructor() {
    super();
    this.writes = [];
  }

  write(chunk, cb) {
    this.writes.push(chunk);
    if (typeof cb === 'function') cb(null);
    return true;
  }
}

const out = new FakeStream();
const err = new FakeStream();
const c = new Console({ stdout: out, stderr: err });

c.log('hello %s', 'world', { a: 1 });
c.info(1, 'two');
c.debug([1, 2]);
c.dirxml('x');
assert.deepStrictEqual(out.writes, ['hello world { a: 1 }\n', '1 two\n', '[ 1, 2 ]\n', 'x\n']);

c.error('bad %d', 5);
c.warn(new Map([[1, 2]]));
assert.deepStrictEqual(err.writes, ['bad 5\n', 'Map(1) { 1 => 2 }\n']);

// assert() prints to stderr only on failure.
err.writes.length = 0;
c.assert(true, 'never');
c.assert(false);
c.assert(0, 'msg %d', 1);
c.assert(false, { o: 1 });
assert.deepStrictEqual(err.writes, ['Assertion failed\n', 'Assertion failed: msg 1\n', 'Assertion failed: [object Object]\n']);

// Groups indent every line of the output.
out.writes.length = 0;
c.group('Title');
c.log('a\nb');
c.group();
c.info('deep');
c.groupEnd();
c.groupEnd();
c.groupEnd();
c.log('after');
assert.deepStrictEqual(out.writes, ['Title\n', '  a\n  b\n', '    deep\n', 'after\n']);

// count / countReset.
out.writes.length = 0;
c.count();
c.count('x');
c.count();
c.countReset();
c.count();
assert.deepStrictEqual(out.writes, ['default: 1\n', 'x: 1\n', 'default: 2\n', 'default: 1\n']);

// dir() ignores custom inspect and takes options.
out.writes.length = 0;
c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
c.dir({ [Symbol.for('nodejs.util.inspect.custom')]: () => 'custom', v: 1 });
assert.strictEqual(out.writes[0], '{ a: [Object] }\n');
assert.ok(out.writes[1].startsWith('{\n  v: 1,'));

// table().
out.writes.length = 0;
c.table([{ a: 1, b: 'x' }, { a: 2, c: [1, 2, 3, 4] }]);
c.table(new Map([['k', { v: 1 }]]));
c.table([1, 'two', { x: 1 }]);
c.table({ r1: { c: 1 }, r2: 5 }, ['c']);
c.table(5);
assert.deepStrictEqual(out.writes, [
  '┌─────────┬───┬─────┬──────────────────────────────┐\n' +
  '│ (index) │ a │ b   │ c                            │\n' +
  '├─────────┼───┼─────┼──────────────────────────────┤\n' +
  "│ 0       │ 1 │ 'x' │                              │\n" +
  '│ 1       │ 2 │     │ [ 1, 2, 3, ... 1 more item ] │\n' +
  '└─────────┴───┴─────┴──────────────────────────────┘\n',
  '┌───────────────────┬─────┬──────────┐\n' +
  '│ (iteration index) │ Key │ Values   │\n' +
  '├───────────────────┼─────┼──────────┤\n' +
  "│ 0                 │ 'k' │ { v: 1 } │\n" +
  '└───────────────────┴─────┴──────────┘\n',
  '┌─────────┬───┬────────┐\n' +
  '│ (index) │ x │ Values │\n' +
  '├─────────┼───┼────────┤\n' +
  '│ 0       │   │ 1      │\n' +
  "│ 1       │   │ 'two'  │\n" +
  '│ 2       │ 1 │        │\n' +
  '└─────────┴───┴────────┘\n',
  '┌─────────┬───┐\n' +
  '│ (index) │ c │\n' +
  '├─────────┼───┤\n' +
  '│ r1      │ 1 │\n' +
  '│ r2      │   │\n' +
  '└─────────┴───┘\n',
  '5\n',
]);

// time / timeLog / timeEnd print "label: <duration>".
out.writes.length = 0;
c.time('t');
c.timeLog('t', 'extra');
c.timeEnd('t');
assert.strictEqual(out.writes.length, 2);
assert.match(out.writes[0], /^t: \d+(\.\d+)?(ms|s) extra\n$/);
assert.match(out.writes[1], /^t: \d+(\.\d+)?(ms|s)\n$/);

// trace() goes to stderr with a stack.
err.writes.length = 0;
c.trace('here %d', 1);
assert.strictEqual(err.writes.length, 1);
assert.ok(err.writes[0].startsWith('Trace: here 1\n    at '));

// Legacy signature, groupIndentation, inspectOptions, colorMode.
const legacyOut = new FakeStream();
new Console(legacyOut).log('legacy');
assert.deepStrictEqual(legacyOut.writes, ['legacy\n']);
const opt = new FakeStream();
const c2 = new Console({ stdout: opt, groupIndentation: 4, inspectOptions: { depth: 0 } });
c2.group('g');
c2.log({ a: { b: 1 } });
assert.deepStrictEqual(opt.writes, ['g\n', '    { a: [Object] }\n']);
const colored = new FakeStream();
new Console({ stdout: colored, colorMode: true }).log({ n: 1 }, 'str');
assert.deepStrictEqual(colored.writes, ['{ n: \u001b[33m1\u001b[39m } str\n']);

// Methods are bound.
const bound = new FakeStream();
const { log } = new Console(bound);
log('detached');
assert.deepStrictEqual(bound.writes, ['detached\n']);

// The module export is the global console.
const globalConsole = require('console');
assert.strictEqual(typeof globalConsole.log, 'function');
assert.strictEqual(globalConsole.Console, Console);
assert.ok(globalConsole instanceof Console);
assert.ok(c instanceof Console);
