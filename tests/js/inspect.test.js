// util.inspect() and util.format() output, byte for byte as Node 20 prints it.
'use strict';

const assert = require('assert');
const util = require('util');

const { inspect, format } = util;

function check(value, expected, opts) {
  const actual = opts === undefined ? inspect(value) : inspect(value, opts);
  assert.strictEqual(actual, expected);
}

// Primitives.
check(1, '1');
check(-0, '-0');
check(1n, '1n');
check('a', "'a'");
check("it's", '"it\'s"');
check('it\'s "x"', '`it\'s "x"`');
check('it\'s "x" `', "'it\\'s \"x\" `'");
check('tab\tnl\n', "'tab\\tnl\\n'");
check('\x7f\x00', "'\\x7F\\x00'");
check('\ud800', "'\\ud800'");
check(Symbol('s'), 'Symbol(s)');
check(undefined, 'undefined');
check(null, 'null');
check(1234567.891, '1_234_567.891', { numericSeparator: true });

// Arrays.
check([], '[]');
check([1, , 3], '[ 1, <1 empty item>, 3 ]');
check(new Array(5), '[ <5 empty items> ]');
check(Object.assign([1, 2], { a: 1, '-x': 2 }), "[ 1, 2, a: 1, '-x': 2 ]");
check(Array.from({ length: 120 }, (_, i) => i).slice(0, 101), inspect(Array.from({ length: 101 }, (_, i) => i)));
assert.match(inspect(Array.from({ length: 120 }, (_, i) => i)), /\.\.\. 20 more items\n\]$/);
check(Array.from({ length: 30 }, (_, i) => i * 1000),
      '[\n' +
      '      0,  1000,  2000,  3000,  4000,\n' +
      '   5000,  6000,  7000,  8000,  9000,\n' +
      '  10000, 11000, 12000, 13000, 14000,\n' +
      '  15000, 16000, 17000, 18000, 19000,\n' +
      '  20000, 21000, 22000, 23000, 24000,\n' +
      '  25000, 26000, 27000, 28000, 29000\n' +
      ']');
check(['a', 'bb', 'ccc', 'dddd', 'eeeee', 'f', 'gg'],
      "[\n  'a',     'bb',\n  'ccc',   'dddd',\n  'eeeee', 'f',\n  'gg'\n]");

// Objects.
check({}, '{}');
check({ a: 1, 'a-b': 2, [Symbol('k')]: 3 }, "{ a: 1, 'a-b': 2, [Symbol(k)]: 3 }");
check({ a: { b: { c: { d: 1 } } } }, '{ a: { b: { c: [Object] } } }');
check({ a: { b: { c: { d: 1 } } } }, '{\n  a: { b: { c: { d: 1 } } }\n}', { depth: Infinity });
check({ a: [[[[1]]]] }, '{ a: [ [ [Array] ] ] }');
check(Object.create(null), '[Object: null prototype] {}');
check({ get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} },
      '{ a: [Getter], b: [Setter], c: [Getter/Setter] }');
check({ get a() { return 1; } }, '{ a: [Getter: 1] }', { getters: true });
check({ a: 'x'.repeat(80) }, `{\n  a: '${'x'.repeat(80)}'\n}`);
check({ b: 2, a: 1 }, '{ a: 1, b: 2 }', { sorted: true });
check({ a: [1, 2] }, '{ a: [ 1, 2 ] }', { compact: true });
check({ a: 1 }, '{\n  a: 1\n}', { compact: false });

// Classes and functions.
class Foo { constructor() { this.a = 1; } }
class Bar extends Foo {}
check(new Foo(), 'Foo { a: 1 }');
check(new Bar(), 'Bar { a: 1 }');
check(Foo, '[class Foo]');
check(Bar, '[class Bar extends Foo]');
check(function f() {}, '[Function: f]');
check(() => {}, '[Function (anonymous)]');
check(async function af() {}, '[AsyncFunction: af]');
check(function* gf() {}, '[GeneratorFunction: gf]');
check(Object.assign(function withProps() {}, { x: 1 }), '[Function: withProps] { x: 1 }');

// Circular references.
const circ = { name: 'c' };
circ.self = circ;
check(circ, "<ref *1> { name: 'c', self: [Circular *1] }");
const ca = [1];
ca.push(ca);
check(ca, '<ref *1> [ 1, [Circular *1] ]');

// Collections.
check(new Map([['a', 1]]), "Map(1) { 'a' => 1 }");
check(new Set([1, 'a']), "Set(2) { 1, 'a' }");
check(new Map(), 'Map(0) {}');
check(new Map([['a', 1]]).entries(), "[Map Entries] { [ 'a', 1 ] }");
check(new Set([1]).values(), '[Set Iterator] { 1 }');
check(new WeakMap(), 'WeakMap { <items unknown> }');
check(new WeakSet(), 'WeakSet { <items unknown> }');

// Dates, regexps, boxed primitives.
check(new Date(0), '1970-01-01T00:00:00.000Z');
check(new Date(NaN), 'Invalid Date');
check(/ab+c/gi, '/ab+c/gi');
check(new Number(3), '[Number: 3]');
check(new String('x'), "[String: 'x']");
check(new Boolean(false), '[Boolean: false]');

// Errors.
const noStack = new Error('nostack');
noStack.stack = undefined;
check(noStack, '[Error: nostack]');
const withCode = Object.assign(new Error('X'), { code: 'X' });
withCode.stack = 'Error: X\n    at foo (file.js:1:1)';
check(withCode, "Error: X\n    at foo (file.js:1:1) {\n  code: 'X'\n}");
const typed = new TypeError('bad');
typed.stack = 'TypeError: bad\n    at x (y.js:1:1)';
check({ e: typed }, '{\n  e: TypeError: bad\n      at x (y.js:1:1)\n}');
const withCause = new Error('outer', { cause: 'inner' });
withCause.stack = 'Error: outer\n    at a (b.js:1:1)';
check(withCause, "Error: outer\n    at a (b.js:1:1) {\n  [cause]: 'inner'\n}");
class MyError extends Error {}
const mine = new MyError('m');
mine.stack = 'Error: m\n    at z (z.js:1:1)';
check(mine, 'MyError: m\n    at z (z.js:1:1)');

// Binary data.
check(new Uint8Array([1, 2, 3]), 'Uint8Array(3) [ 1, 2, 3 ]');
check(new Uint8Array([1, 2]).buffer, 'ArrayBuffer { [Uint8Contents]: <01 02>, byteLength: 2 }');
check(new DataView(new ArrayBuffer(2)),
      'DataView {\n  byteLength: 2,\n  byteOffset: 0,\n  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }\n}');

// Promises and proxies.
check(Promise.resolve(1), 'Promise { 1 }');
check(new Promise(() => {}), 'Promise { <pending> }');
const rejected = Promise.reject(3);
rejected.catch(() => {});
check(rejected, 'Promise { <rejected> 3 }');
check(new Proxy({ a: 1 }, {}), '{ a: 1 }');
check(new Proxy({ a: 1 }, {}), 'Proxy [ { a: 1 }, {} ]', { showProxy: true });
check((function() { return arguments; })(1), "[Arguments] { '0': 1 }");

// inspect.custom.
check({ inner: { [inspect.custom](depth, options) { return `custom ${depth} ${options.depth}`; } } },
      '{ inner: custom 1 2 }');
check({ [Symbol.for('nodejs.util.inspect.custom')]() { return { replaced: true }; } }, '{ replaced: true }');

// Colors.
check({ n: 1, s: 'x', u: undefined }, "{ n: \u001b[33m1\u001b[39m, s: \u001b[32m'x'\u001b[39m, u: \u001b[90mundefined\u001b[39m }", { colors: true });
assert.strictEqual(inspect.styles.number, 'yellow');
assert.deepStrictEqual(inspect.colors.red, [31, 39]);

// Options.
check([1, 2, 3], '[ 1, ... 2 more items ]', { maxArrayLength: 1 });
check('abcdef', "'ab'... 4 more characters", { maxStringLength: 2 });
check([1], '[ 1, [length]: 1 ]', { showHidden: true });
check({ a: { b: 1 } }, '{ a: [Object] }', { depth: 0 });
assert.strictEqual(inspect.defaultOptions.breakLength, 80);
assert.strictEqual(inspect.custom, Symbol.for('nodejs.util.inspect.custom'));

// format().
assert.strictEqual(format('%s %d %i %f %j', 'a', 1.5, 2.9, '3.5', { x: 1 }), 'a 1.5 2 3.5 {"x":1}');
assert.strictEqual(format('%s', { a: { b: 1 } }), '{ a: [Object] }');
assert.strictEqual(format('%s', -0), '-0');
assert.strictEqual(format('%s', 5n), '5n');
assert.strictEqual(format('%d', 10n), '10n');
assert.strictEqual(format('%o', [1]), '[ 1, [length]: 1 ]');
assert.strictEqual(format('%O', { a: 1 }), '{ a: 1 }');
assert.strictEqual(format('%c%s', 'color: red', 'x'), 'x');
assert.strictEqual(format('100%% %s', 'done'), '100% done');
assert.strictEqual(format('%s', 'a', 'extra', { b: 1 }), "a extra { b: 1 }");
assert.strictEqual(format(1, 'two', [3]), "1 two [ 3 ]");
assert.strictEqual(format('%s:%s', 'only'), 'only:%s');
const jcirc = {};
jcirc.self = jcirc;
assert.strictEqual(format('%j', jcirc), '[Circular]');
assert.strictEqual(format('%s', { toString() { return 'custom'; } }), 'custom');
assert.strictEqual(format('%s', new (class A { toString() { return 'A!'; } })()), 'A!');
assert.strictEqual(util.formatWithOptions({ colors: true }, '%O', 1), '\u001b[33m1\u001b[39m');
