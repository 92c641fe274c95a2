// Differential corpus for util.inspect/format/formatWithOptions: values x option sets, one record each.
'use strict';

const util = require('util');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

function attempt(fn) {
  try {
    return fn();
  } catch (err) {
    return `THROWS ${err && err.name} ${err && err.code} ${err && err.message}`;
  }
}

// Every error in the corpus gets a fixed stack so that file paths and line
// numbers of the runtime never reach the output.
function withStack(err, stack) {
  err.stack = stack;
  return err;
}

function frames(...names) {
  return names.map((n) => `    at ${n} (file.js:${n.length}:1)`).join('\n');
}

function makeErrors() {
  const out = [];
  const add = (name, v) => out.push([name, v]);
  const shared = frames('a', 'bb', 'ccc', 'dddd', 'eeeee', 'main');
  add('error', withStack(new Error('boom'), `Error: boom\n${frames('f', 'g')}`));
  add('type-error', withStack(new TypeError('bad'), `TypeError: bad\n${frames('h')}`));
  add('range-error-empty', withStack(new RangeError(''), `RangeError\n${frames('x')}`));
  add('error-no-frames', withStack(new Error('plain'), 'Error: plain'));
  add('error-stack-undefined', withStack(new Error('nostack'), undefined));
  add('error-stack-empty', withStack(new Error('empty stack'), ''));
  add('error-stack-number', withStack(new Error('num'), 42));
  add('error-stack-odd', withStack(new Error('odd'), 'something else entirely\n    at q (file.js:1:1)'));
  add('error-code', Object.assign(withStack(new Error('with code'), `Error: with code\n${frames('k')}`), { code: 'E_X', extra: [1, 2] }));
  add('error-props-many', Object.assign(withStack(new Error('m'), 'Error: m'), { a: 1, b: 'two', c: { d: [3] } }));
  const named = withStack(new Error('x'), `Error: x\n${frames('n')}`);
  named.name = 'CustomError';
  add('error-custom-name', named);
  const named2 = withStack(new Error('y'), `CustomError: y\n${frames('n')}`);
  named2.name = 'CustomError';
  add('error-custom-name-stack', named2);
  const enumName = withStack(new TypeError('z'), `TypeError: z\n${frames('n')}`);
  Object.defineProperty(enumName, 'name', { value: 'Weird', enumerable: true });
  add('error-enum-name', enumName);
  const enumMsg = withStack(new Error('msg'), `Error: msg\n${frames('n')}`);
  Object.defineProperty(enumMsg, 'message', { value: 'msg', enumerable: true });
  add('error-enum-message', enumMsg);
  const otherMsg = withStack(new Error('first'), `Error: first\n${frames('n')}`);
  otherMsg.message = 'second';
  add('error-changed-message', otherMsg);
  class MyError extends Error {}
  add('error-subclass', withStack(new MyError('mine'), `Error: mine\n${frames('s')}`));
  class NamedError extends Error {
    constructor(m) {
      super(m);
      this.name = 'NamedError';
    }
  }
  add('error-subclass-named', withStack(new NamedError('n'), `NamedError: n\n${frames('t')}`));
  class ValidationError extends TypeError {}
  add('error-subclass-type', withStack(new ValidationError('v'), `TypeError: v\n${frames('t')}`));
  add('error-null-proto', Object.setPrototypeOf(withStack(new Error('np'), `Error: np\n${frames('u')}`), null));
  add('error-null-proto-nostack', Object.setPrototypeOf(withStack(new Error('np2'), 'Error: np2'), null));
  const inner = withStack(new Error('inner'), `Error: inner\n    at inner (file.js:9:9)\n${shared}`);
  add('error-cause', withStack(new Error('outer', { cause: inner }), `Error: outer\n    at outer (file.js:1:1)\n${shared}`));
  add('error-cause-string', withStack(new Error('cause str', { cause: 'just a string' }), `Error: cause str\n${frames('c')}`));
  add('error-cause-undefined', withStack(new Error('cu', { cause: undefined }), 'Error: cu'));
  add('error-cause-object', withStack(new Error('co', { cause: { code: 1, deep: { a: { b: 1 } } } }), `Error: co\n${frames('c')}`));
  const deepCause = withStack(new Error('l1', {
    cause: withStack(new Error('l2', { cause: withStack(new Error('l3'), `Error: l3\n${shared}`) }), `Error: l2\n${shared}`),
  }), `Error: l1\n${shared}`);
  add('error-cause-chain', deepCause);
  const inheritedCause = Object.create(withStack(new Error('proto'), 'Error: proto'));
  add('error-inherited', inheritedCause);
  add('aggregate', withStack(new AggregateError([
    withStack(new Error('a1'), `Error: a1\n${frames('p')}`),
    withStack(new TypeError('a2'), 'TypeError: a2'),
  ], 'agg'), `AggregateError: agg\n${frames('r')}`));
  add('aggregate-empty', withStack(new AggregateError([], 'none'), 'AggregateError: none'));
  add('error-multiline-message', withStack(new Error('multi\nline message'), `Error: multi\nline message\n${frames('w')}`));
  add('error-message-with-at', withStack(new Error('x\n    at fake'), `Error: x\n    at fake\n${frames('w')}`));
  const circ = withStack(new Error('circ'), 'Error: circ');
  circ.self = circ;
  add('error-circular', circ);
  const core = withStack(new Error('core'), 'Error: core\n    at Module._compile (node:internal/modules/cjs/loader:1:1)\n' +
    '    at emit (node:events:5:5)\n    at x (/app/node_modules/pkg/index.js:1:1)\n' +
    '    at y (/app/node_modules/@scope/pkg/node_modules/dep/a.js:2:2)\n    at z (node:nosuchmodule:1:1)');
  add('error-core-frames', core);
  // With colors, frames under the working directory are dimmed; both
  // runtimes run the corpus from the same directory.
  const cwd = process.cwd();
  add('error-cwd-frames', withStack(new Error('cwd'), `Error: cwd\n    at a (${cwd}/x.js:1:1)\n` +
    `    at ${cwd}/y.js:2:2\n    at b (file://${cwd}/z.mjs:3:3)\n    at c (/elsewhere/w.js:4:4)`));
  add('error-in-object', { e: withStack(new Error('nested err'), `Error: nested err\n${frames('o')}`) });
  add('error-in-array', [withStack(new Error('in array'), `Error: in array\n${frames('o')}`)]);
  add('error-not-error-name', Object.assign(withStack(new Error('nn'), 'Error: nn'), { name: 'Thing' }));
  add('error-name-undefined', Object.assign(withStack(new Error('nu'), 'Error: nu'), { name: undefined }));
  const fake = Object.create(Error.prototype);
  fake.message = 'fake';
  add('error-fake', fake);
  return out;
}

function makeValues() {
  const out = [];
  const add = (name, v) => out.push([name, v]);

  // Primitives.
  const prims = [1, -0, 0, NaN, Infinity, -Infinity, 1.5, -1e21, 1e-7, 123456789.123,
    2 ** 53, 1n, -12345678901234567890n, 0.000012345, -1234.5678];
  prims.forEach((p, i) => add(`num${i}`, p));
  const strings = ['', 'a', "it's", 'say "hi"', 'both \' and "', 'all \' " `', 'x${y}\'"`',
    'tab\tnl\nnul\0', '\x7f\x9f\xa0', 'é ü 漢字', '\ud800', 'a\udc00b', '😀', '\\back',
    'x'.repeat(100), 'line1\nline2\nline3 is a bit longer than the rest of them, really, truly long\n',
    '\b\f\r\v\x1b[31m', 'short\nlines'];
  strings.forEach((s, i) => add(`str${i}`, s));
  add('true', true);
  add('false', false);
  add('undefined', undefined);
  add('null', null);
  add('symbol-empty', Symbol());
  add('symbol', Symbol('s'));
  add('symbol-wellknown', Symbol.iterator);
  add('symbol-newline', Symbol('a\nb'));

  // Arrays.
  add('arr-empty', []);
  add('arr-small', [1, 2, 3]);
  add('arr-undef-null', [undefined, null]);
  add('arr-holes5', new Array(5));
  add('arr-hole-mid', [1, , 3]);
  add('arr-holes-mix', [, , 1, , ,]);
  add('arr-extra-keys', Object.assign([1, 2], { a: 1, '-x': 2 }));
  add('arr-120', Array.from({ length: 120 }, (_, i) => i));
  add('arr-30k', Array.from({ length: 30 }, (_, i) => i * 1000));
  add('arr-letters', Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1)));
  add('arr-objects', Array.from({ length: 8 }, (_, i) => ({ i })));
  add('arr-same-str', Array.from({ length: 7 }, () => 'abc'));
  add('arr-mixed', [1, 'a', 2, 'b', 3, 'c', 4, 'd']);
  add('arr-neg200', Array.from({ length: 200 }, (_, i) => -i));
  add('arr-bigints', Array.from({ length: 10 }, (_, i) => 2n ** BigInt(i * 7)));
  add('arr-varlen', Array.from({ length: 50 }, (_, i) => 'x'.repeat(i % 17)));
  add('arr-floats', Array.from({ length: 20 }, (_, i) => i * 1.5));
  add('arr-long-last', [1, 2, 3, 4, 5, 6, 7, 'x'.repeat(40)]);
  add('arr-101', Array.from({ length: 101 }, (_, i) => `e${i}`));
  add('arr-nested', [[1, 2, [3, 4, [5, [6]]]], { x: [[[]]] }]);
  add('arr-deep', [[[[[1]]]]]);
  add('arr-pairs', [[1, 2], [3, 4]]);
  add('arr-of-objs2', [{ a: 1, b: 2 }, { a: 3, b: 4 }]);
  add('arr-cjk', ['漢字', 'かな', 'ひらがな', '한국어', 'abc', 'de', 'f', '中文字符']);
  add('arr-multiline', ['a\nb', "it's", 'c']);
  add('arr-emoji', ['😀', '👍🏽', '🇯🇵', '👨‍👩‍👧', 'ok', '✅', '⭐', '☃', 'x😀y']);
  add('arr-combining', ['e\u0301', 'a\u0308\u0308', '\u1100\u1161', 'Å', '\u00ad', 'a\u200bb', 'ｆｕｌｌ', 'ﾊﾝ']);
  const sparse = [];
  sparse[3] = 1;
  sparse[10] = 2;
  sparse.length = 20;
  add('arr-sparse', sparse);
  const big = [];
  big[200] = 1;
  add('arr-sparse-big', big);
  const sparseKeys = [1, , 3];
  sparseKeys.k = 'v';
  add('arr-sparse-keys', sparseKeys);
  add('arr-many-holes', Object.assign(new Array(30), { 0: 1, 5: 2, 12: 3, 13: 4, 29: 5 }));
  add('arr-12-objs', Array.from({ length: 12 }, (_, i) => ({ id: i, name: `n${i}` })));
  add('arr-alternating', Array.from({ length: 10 }, (_, i) => (i % 2 ? 'x' : 1)));
  add('arr-null-proto', Object.setPrototypeOf([1, 2], null));

  // Objects.
  add('obj-empty', {});
  add('obj-one', { a: 1 });
  add('obj-mixed', { a: 1, b: 'two', c: [3], d: { e: { f: { g: 1 } } } });
  add('obj-odd-keys', { 'a-b': 1, '0': 2, valid_id: 3, '': 4, 'ü': 5, $dollar: 6, '1a': 7, 'a b': 8, "q'k": 9 });
  add('obj-symbols', { [Symbol('k')]: 1, [Symbol()]: 2, [Symbol.for('f')]: 3, [Symbol('sp ace')]: 4 });
  add('obj-null-proto', Object.create(null));
  add('obj-null-proto-keys', Object.assign(Object.create(null), { a: 1 }));
  add('obj-accessors', { get a() { return 1; }, set b(x) {}, get c() { return 2; }, set c(x) {} });
  add('obj-deep', { a: { b: { c: { d: { e: 1 } } } } });
  add('obj-deep-arr', { a: [{ b: [{ c: 1 }] }] });
  add('obj-long-values', { longkeyname1: 'value value value', longkeyname2: 'value value value', longkeyname3: 'value value value', k4: 1 });
  add('obj-long-str', { a: 'x'.repeat(60), b: 'y'.repeat(10) });
  add('obj-longer-str', { a: 'x'.repeat(80) });
  add('obj-nested-map', { arr: Array.from({ length: 30 }, (_, i) => i), nested: { map: new Map([[1, { a: [1, 2, { b: 3 }] }]]) } });
  add('obj-21-keys', { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10, k: 11, l: 12, m: 13, n: 14, o: 15, p: 16, q: 17, r: 18, s: 19, t: 20, u: 21 });
  add('obj-fn-values', { fn() {}, arrow: () => 1, async am() {}, *gen() {} });
  add('obj-quoted-keys', { 'key with spaces': { "quote'key": 1, 'dq"key': 2, 'nl\nkey': 3 } });
  add('obj-all-kinds', { a: [1, 2, 3], b: { c: [4, 5, { d: 6 }] }, e: 'string value here', f: null, g: undefined, h: true });
  add('obj-proto-key', { ['__proto__']: 1, b: 2 });
  add('obj-inherited', { __proto__: { inherited: 1 }, own: 2 });
  add('obj-negzero', { a: -0, b: [-0], c: 1e21 });
  add('obj-letters', { x: Array.from({ length: 26 }, (_, i) => ({ [String.fromCharCode(97 + i)]: i })) });
  const hidden = { visible: 1 };
  Object.defineProperty(hidden, 'secret', { value: 2 });
  Object.defineProperty(hidden, 'sec\nret', { value: 3 });
  Object.defineProperty(hidden, Symbol('hs'), { value: 4 });
  add('obj-hidden', hidden);
  add('obj-tag', { [Symbol.toStringTag]: 'Tagged' });
  const tagNoEnum = {};
  Object.defineProperty(tagNoEnum, Symbol.toStringTag, { value: 'Hidden' });
  add('obj-tag-hidden', tagNoEnum);
  const tagKeys = { a: 1 };
  Object.defineProperty(tagKeys, Symbol.toStringTag, { value: 'TK' });
  add('obj-tag-keys', tagKeys);
  add('obj-fake-ctor', Object.assign(Object.create({ constructor: { name: 'Fake' } }), { z: 1 }));
  add('obj-proto-chain-null', Object.create(Object.create(null)));
  add('obj-proto-chain-null-keys', Object.create(Object.assign(Object.create(null), { p: 1 })));
  add('obj-getter-throws', Object.defineProperty({}, 'getThrows', { get() { throw new Error('nope'); }, enumerable: true }));
  add('obj-getter-obj', { g: Object.defineProperty({}, 'val', { get() { return { deep: [1] }; }, enumerable: true }) });
  add('obj-getter-null', Object.defineProperty({}, 'gnull', { get() { return null; }, enumerable: true }));
  add('obj-getter-str', Object.defineProperty({}, 'gstr', { get() { return 'str'; }, set(x) {}, enumerable: true }));
  add('obj-getter-num', { get n() { return 12345.678; }, get b() { return 10n ** 6n; } });
  add('obj-setter-only', Object.defineProperty({}, 'so', { set(x) {}, enumerable: true }));
  add('obj-undefined-desc', Object.defineProperty({}, 'u', { value: undefined, enumerable: true }));
  add('obj-many-nested', { a: { b: 1, c: { d: 2 } }, e: [{ f: 1 }, { g: [1, 2] }], h: new Set([{ i: 1 }]) });
  add('obj-wide', { alpha: 'aaaaaaaaaaaa', beta: 'bbbbbbbbbbbb', gamma: 'cccccccccccc', delta: 'dddddddddddd', eps: 'eeeeeeeeeeeee' });
  add('obj-math', Math);
  add('obj-json', JSON);

  // Circular.
  const circ = { name: 'c' };
  circ.self = circ;
  add('circ-self', circ);
  const c2 = { a: {} };
  c2.a.b = c2;
  c2.a.c = c2.a;
  add('circ-two', c2);
  const ca = [1];
  ca.push(ca);
  add('circ-array', ca);
  const circMap = new Map();
  circMap.set('self', circMap);
  circMap.set(circMap, 1);
  add('circ-map', circMap);
  const circSet = new Set();
  circSet.add(circSet);
  add('circ-set', circSet);
  const multi = { x: {}, y: {} };
  multi.x.y = multi.y;
  multi.y.x = multi.x;
  multi.x.root = multi;
  add('circ-multi', multi);

  // Classes and functions.
  class Foo {
    constructor() {
      this.a = 1;
    }
    method() {}
    get acc() {
      return 5;
    }
  }
  class Bar extends Foo {}
  class Empty {}
  Foo.prototype.protoValue = 'pv';
  add('inst-foo', new Foo());
  add('inst-bar', new Bar());
  add('inst-empty', new Empty());
  add('class-foo', Foo);
  add('class-bar', Bar);
  add('class-anon', class {});
  add('class-anon-extends', class extends Foo {});
  add('class-extends-null', class N extends null {});
  add('class-with-props', Object.assign(class WithStatic {}, { s: 1 }));
  class Tagged {
    get [Symbol.toStringTag]() {
      return 'Tg';
    }
  }
  add('inst-tagged', new Tagged());
  add('inst-tagged-same', new (class Same { get [Symbol.toStringTag]() { return 'Same'; } })());
  add('inst-proto-create', Object.create(Foo.prototype));
  add('inst-array-proto', Object.assign(Object.create(Array.prototype), { length: 0 }));
  function named() {}
  const anon = (() => () => {})();
  add('fn-named', named);
  add('fn-anon', anon);
  add('fn-async', async function af() {});
  add('fn-gen', function* gf() {});
  add('fn-async-gen', async function* agf() {});
  add('fn-builtin', Math.max);
  add('fn-props', Object.assign(function withProps() {}, { x: 1 }));
  add('fn-arrow-props', Object.assign(() => {}, { a: 1, b: { c: 2 } }));
  add('fn-bound', named.bind(null));
  add('fn-bound-anon', (() => {}).bind(null));
  add('fn-bound-gen', function* bg() {}.bind(null));
  const nullProtoFn = function np() {};
  Object.setPrototypeOf(nullProtoFn, null);
  add('fn-null-proto', nullProtoFn);
  const renamed = function orig() {};
  Object.defineProperty(renamed, 'name', { value: 'renamed' });
  add('fn-renamed', renamed);
  add('fn-classy-name', function classify() {});
  add('fn-tagged', Object.defineProperty(function tg() {}, Symbol.toStringTag, { value: 'TG' }));
  add('arguments', (function () { return arguments; })(1, 'a'));
  add('arguments-empty', (function () { return arguments; })());

  // Collections.
  const m = new Map([['a', 1], [{ k: 1 }, [1, 2]]]);
  add('map', m);
  add('map-empty', new Map());
  add('set-empty', new Set());
  add('set', new Set([1, 'a', [2]]));
  add('map-keys', m.keys());
  add('map-values', m.values());
  add('map-entries', m.entries());
  add('set-values', new Set([1, 2]).values());
  add('set-entries', new Set([1, 2]).entries());
  const partial = new Map([[1, 'one'], [2, 'two'], [3, 'three']]).entries();
  partial.next();
  add('map-entries-partial', partial);
  const partialSet = new Set(['x', 'y', 'z']).values();
  partialSet.next();
  partialSet.next();
  add('set-values-partial', partialSet);
  const done = new Set([1]).values();
  done.next();
  done.next();
  add('set-values-done', done);
  add('map-big', new Map(Array.from({ length: 120 }, (_, i) => [i, `v${i}`])));
  add('set-big', new Set(Array.from({ length: 120 }, (_, i) => i)));
  add('map-nested', new Map([['k', new Map([['k2', new Map([['k3', 1]])]])]]));
  add('map-nan', new Map([[NaN, -0]]));
  add('map-props', Object.assign(new Map([[1, 2]]), { extra: true }));
  add('set-long', new Set(['x'.repeat(90)]));
  add('coll-in-arr', [new Map([[1, 2]]), new Set([[1, 2]])]);
  class MyMap extends Map {}
  class MySet extends Set {}
  class MyArr extends Array {}
  class MyU8 extends Uint8Array {}
  add('map-sub', new MyMap([[1, 2]]));
  add('set-sub', new MySet([1]));
  add('arr-sub', new MyArr(3).fill(0));
  add('u8-sub', new MyU8(2));
  add('map-null-proto', Object.setPrototypeOf(new Map([[1, 2]]), null));
  add('set-null-proto', Object.setPrototypeOf(new Set([1]), null));
  add('weakmap', new WeakMap());
  add('weakset', new WeakSet());
  add('weak-in-obj', { a: new WeakMap(), b: new WeakSet() });

  // Binary data.
  const typedKinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
    Int32Array, Uint32Array, Float32Array, Float64Array];
  for (const Kind of typedKinds) {
    add(`typed-${Kind.name}`, Kind.from([1, 2, 3, 250, -7].map((x, i) => x * (i + 1))));
  }
  add('typed-BigInt64Array', new BigInt64Array([1n, -2n, 12345678901n]));
  add('typed-BigUint64Array', new BigUint64Array([1n, 2n ** 60n]));
  add('typed-empty', new Uint8Array(0));
  add('typed-i16-150', new Int16Array(150));
  add('typed-f64-frac', new Float64Array([0.1, -2.5, 1e21, NaN, -0]));
  add('typed-props', Object.assign(new Uint8Array(2), { x: 1 }));
  add('typed-null-proto', Object.setPrototypeOf(new Uint8Array(2), null));
  add('typed-big-values', new Uint32Array([4000000000, 123456, 7]));
  add('typed-subarray', new Uint8Array([1, 2, 3, 4, 5, 6]).subarray(2, 5));
  add('ab-empty', new ArrayBuffer(0));
  add('ab-bytes', new Uint8Array([1, 2, 255]).buffer);
  add('ab-120', new ArrayBuffer(120));
  add('ab-props', Object.assign(new ArrayBuffer(2), { p: 1 }));
  add('dataview', new DataView(new ArrayBuffer(4), 1, 2));
  add('sab', new SharedArrayBuffer(2));

  // Dates and regular expressions.
  add('date', new Date(0));
  add('date-invalid', new Date(NaN));
  add('date-props', Object.assign(new Date(86400000), { x: 1 }));
  class MyDate extends Date {}
  add('date-sub', new MyDate(1e12));
  add('date-null-proto', Object.setPrototypeOf(new Date(0), null));
  add('regexp', /ab+c/gi);
  add('regexp-plain', /x/);
  add('regexp-props', Object.assign(/y/, { z: 1 }));
  add('regexp-null-proto', Object.setPrototypeOf(/x/g, null));
  add('regexp-escapes', /[\n\t]\/'"/m);
  class MyRe extends RegExp {}
  add('regexp-sub', new MyRe('q', 'y'));

  // Boxed primitives.
  add('box-number', new Number(3));
  add('box-string', new String('abc'));
  add('box-bool', new Boolean(false));
  add('box-bigint', Object(1n));
  add('box-symbol', Object(Symbol('bx')));
  add('box-negzero-props', Object.assign(new Number(-0), { a: 1 }));
  add('box-string-props', Object.assign(new String('hi'), { extra: 1 }));
  add('box-null-proto', Object.setPrototypeOf(new Number(1), null));
  class MyNum extends Number {}
  add('box-sub', new MyNum(5));

  // Promises and proxies.
  add('promise-fulfilled', Promise.resolve(1));
  add('promise-pending', new Promise(() => {}));
  add('promise-object', Promise.resolve({ a: [1] }));
  const rej = Promise.reject(withStack(new Error('rejected'), 'Error: rejected\n    at r (file.js:1:1)'));
  rej.catch(() => {});
  add('promise-rejected', rej);
  const rej2 = Promise.reject(3);
  rej2.catch(() => {});
  add('promise-rejected-num', rej2);
  class P2 extends Promise {}
  add('promise-sub', new P2(() => {}));
  add('promise-null-proto', Object.setPrototypeOf(Promise.resolve(2), null));
  add('promise-props', Object.assign(Promise.resolve('v'), { tag: 1 }));
  add('proxy-obj', new Proxy({ a: 1 }, {}));
  add('proxy-arr', new Proxy([1, 2], {}));
  add('proxy-fn', new Proxy(function pf() {}, {}));
  add('proxy-trapping', new Proxy({ real: 1 }, { get() { return 'trapped'; }, ownKeys() { return ['fake']; } }));
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  add('proxy-revoked', revocable.proxy);
  add('proxy-nested', { p: new Proxy({ q: new Proxy([1], {}) }, { get: () => 5 }) });

  // Custom inspectors.
  const custom = util.inspect.custom;
  add('custom-string', { [custom]() { return 'CUSTOM'; } });
  add('custom-depth', { inner: { [custom](d, o) { return { d, depth: o.depth }; } } });
  add('custom-multiline', { inner: { [custom]() { return 'multi\nline'; } } });
  add('custom-object', { [custom]() { return { replaced: [1, 2, 3] }; } });
  add('custom-this', { v: 1, [custom]() { return this; } });
  add('custom-inspect-arg', { inner: { secret: { deep: { deeper: 1 } }, [custom](d, o, insp) { return `Box<${insp(this.secret, o)}>`; } } });
  add('custom-stylize', { [custom](d, o) { return o.stylize('styled', 'special'); } });
  add('custom-options-keys', { [custom](d, o) { return Object.keys(o).join(','); } });
  add('custom-nested-depth', { a: { b: { c: { [custom](d) { return `depth left ${d}`; } } } } });
  class WithCustom {
    constructor() {
      this.x = 1;
    }
    [custom](depth, options, insp) {
      return `WithCustom(${insp(this.x, options)})`;
    }
  }
  add('custom-class', new WithCustom());
  add('custom-proto', WithCustom.prototype);
  add('custom-in-array', [new WithCustom(), new WithCustom()]);
  add('custom-returns-number', { [custom]() { return 42; } });
  add('custom-not-fn', { [custom]: 'not a function' });
  add('custom-util-inspect', { [custom]: util.inspect, x: 1 });

  // Layout stress: lists and records of growing size and width.
  for (const n of [6, 7, 8, 12, 16, 27, 60]) {
    add(`grid-num${n}`, Array.from({ length: n }, (_, i) => (i * 7919) % (10 ** (1 + (i % 4)))));
    add(`grid-str${n}`, Array.from({ length: n }, (_, i) => 'w'.repeat(1 + ((i * 5) % 9))));
    add(`grid-mixed${n}`, Array.from({ length: n }, (_, i) => (i % 3 === 0 ? `s${i}` : i % 3 === 1 ? i * 1.25 : null)));
    add(`rec${n}`, Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, i % 2 ? 'v'.repeat(i) : i])));
  }
  add('grid-typed-more', new Float32Array(130).map((_, i) => i / 4));
  add('grid-big-ab', new Uint8Array(70).map((_, i) => i * 3).buffer);
  add('grid-colored-syms', Array.from({ length: 9 }, (_, i) => Symbol(`s${i}`)));
  add('grid-bigint-neg', Array.from({ length: 9 }, (_, i) => BigInt(i * i) * -1000n));
  add('grid-extra-keys', Object.assign(Array.from({ length: 10 }, (_, i) => i), { extra: 'e', more: 1 }));
  add('grid-holes', Object.assign(new Array(40), { 3: 1, 4: 2, 5: 3, 20: 4 }));
  add('complex-proto', { a: { b: { c: Object.create(Object.create(null)) } } });
  add('nested-strings', { list: ['first line\nsecond line that is quite a lot longer than the first\nthird', 'x'.repeat(30)], s: 'a\nb' });
  add('nested-errors', new Map([['err', withStack(new Error('in map', { cause: withStack(new Error('c'), 'Error: c\n    at c (c.js:1:1)') }),
    'Error: in map\n    at m (m.js:1:1)')]]));
  add('errors-not-array', Object.assign(withStack(new Error('ena'), 'Error: ena'), { errors: 'nope' }));
  class Point {
    constructor(x, y) {
      this.x = x;
      this.y = y;
    }
    get len() {
      return Math.hypot(this.x, this.y);
    }
  }
  Point.prototype.unit = 'px';
  add('inst-point', new Point(3, 4));
  add('inst-points', [new Point(1, 2), new Point(3, 4)]);
  add('inst-own-accessor', Object.defineProperty(new Point(0, 0), 'own', { get() { return [1, 2]; }, enumerable: true }));
  add('proxy-map', new Proxy(new Map([[1, 2]]), {}));
  add('proxy-of-proxy', new Proxy(new Proxy({ pp: 1 }, {}), {}));
  add('custom-circular', (() => {
    const o = { name: 'o' };
    o.me = { [util.inspect.custom]() { return o; } };
    return o;
  })());
  add('sym-keys-nested', { outer: { [Symbol('in')]: { [Symbol.for('deep')]: [Symbol('x')] } } });
  add('int-keys-order', { b: 1, 2: 'two', a: 3, 1: 'one', '-1': 'neg', '01': 'lead' });
  add('set-objs', new Set([{ b: 2 }, { a: 1 }, [3], 'str', 4]));
  add('map-obj-keys', new Map([[{ k: 1 }, { v: 1 }], [[1, 2], new Set([3])], [null, undefined]]));
  add('null-proto-own-tag', Object.assign(Object.create(null), { [Symbol.toStringTag]: 'X', k: 1 }));
  add('fn-object-proto', Object.setPrototypeOf(function fop() {}, Object.prototype));
  add('getter-returns-fn', { get fn() { return function inner() {}; }, after: { x: 1 } });
  add('getter-returns-sym', { get sym() { return Symbol('gs'); } });
  add('frac-max-array', Object.assign([1, 2, 3], { note: 'maxArrayLength may be fractional' }));
  add('long-key-values', { ['k'.repeat(40)]: 'v'.repeat(40), short: 1 });

  for (const e of makeErrors()) out.push(e);
  for (const r of makeRandomValues()) out.push(r);
  return out;
}

// Seeded random nested values: the same sequence on every runtime.
function makeRandomValues() {
  let seed = 20240601;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = (list) => list[Math.floor(next() * list.length)];
  const words = ['a', 'bb', 'ccc', 'key', 'value', 'longer word', "it's", 'q"uote', 'multi\nline', 'ü', ''];
  function leaf() {
    switch (Math.floor(next() * 8)) {
      case 0: return Math.floor(next() * 100000) - 500;
      case 1: return next() * 1000;
      case 2: return pick(words).repeat(1 + Math.floor(next() * 3));
      case 3: return pick([true, false, null, undefined]);
      case 4: return BigInt(Math.floor(next() * 1e9));
      case 5: return pick([-0, NaN, Infinity]);
      case 6: return Symbol(pick(words));
      default: return new Date(Math.floor(next() * 1e12));
    }
  }
  function build(depth) {
    if (depth === 0 || next() < 0.3) return leaf();
    const size = Math.floor(next() * 9);
    switch (Math.floor(next() * 5)) {
      case 0: return Array.from({ length: size }, () => build(depth - 1));
      case 1: {
        const o = {};
        for (let i = 0; i < size; i++) o[pick(words) + i] = build(depth - 1);
        return o;
      }
      case 2: return new Map(Array.from({ length: size }, (_, i) => [pick(words) + i, build(depth - 1)]));
      case 3: return new Set(Array.from({ length: size }, () => build(depth - 1)));
      default: return Array.from({ length: size * 3 }, () => Math.floor(next() * 10 ** (1 + Math.floor(next() * 5))));
    }
  }
  const out = [];
  for (let i = 0; i < 60; i++) out.push([`random${i}`, build(5)]);
  return out;
}

function makeOptionSets() {
  const reverse = (a, b) => (a < b ? 1 : a > b ? -1 : 0);
  return [
    ['default', undefined],
    ['depth0', { depth: 0 }],
    ['depth1', { depth: 1 }],
    ['depthInf', { depth: Infinity }],
    ['depthNull', { depth: null }],
    ['depthNeg', { depth: -1 }],
    ['colors', { colors: true }],
    ['showHidden', { showHidden: true }],
    ['compactFalse', { compact: false }],
    ['compactTrue', { compact: true }],
    ['compact1', { compact: 1 }],
    ['compact0', { compact: 0 }],
    ['break40', { breakLength: 40 }],
    ['breakInf', { breakLength: Infinity }],
    ['break120c5', { breakLength: 120, compact: 5 }],
    ['sorted', { sorted: true }],
    ['sortedFn', { sorted: reverse }],
    ['getters', { getters: true }],
    ['gettersGet', { getters: 'get' }],
    ['gettersSet', { getters: 'set' }],
    ['maxArr2', { maxArrayLength: 2 }],
    ['maxArr0', { maxArrayLength: 0 }],
    ['maxArrNull', { maxArrayLength: null }],
    ['maxStr4', { maxStringLength: 4 }],
    ['maxStrNull', { maxStringLength: null }],
    ['numSep', { numericSeparator: true }],
    ['showProxy', { showProxy: true }],
    ['noCustom', { customInspect: false }],
    ['hiddenColorsDepth3', { showHidden: true, colors: true, depth: 3 }],
    ['c1b60sorted', { compact: 1, breakLength: 60, sorted: true }],
    ['compactTrueColors', { compact: true, colors: true, breakLength: 30 }],
    ['userOption', { depth: 1, myOwn: 'x' }],
    ['maxArrFrac', { maxArrayLength: 1.5 }],
    ['gettersHidden', { getters: true, showHidden: true, depth: 1 }],
  ];
}

function inspectCases() {
  const values = makeValues();
  const labels = new Set();
  for (const [optName, opts] of makeOptionSets()) {
    for (const [name, value] of values) {
      // V8 versions differ in SharedArrayBuffer's prototype accessors
      // (growable, maxByteLength), which showHidden lists.
      if (name === 'sab' && opts && opts.showHidden) continue;
      const label = `inspect:${name}:${optName}`;
      if (labels.has(label)) throw new Error(`duplicate label ${label}`);
      labels.add(label);
      emit(label, attempt(() => (opts === undefined ? util.inspect(value) : util.inspect(value, opts))));
    }
  }
}

// compact x breakLength x depth over a sample of the values (every 5th).
function layoutMatrixCases() {
  const values = makeValues().filter((_, i) => i % 5 === 0);
  for (const compact of [0, 1, 2, 4, true, false]) {
    for (const breakLength of [0, 24, 60, 200]) {
      for (const depth of [0, 4]) {
        const opts = { compact, breakLength, depth };
        for (const [name, value] of values) {
          emit(`layout:${name}:c${compact}:b${breakLength}:d${depth}`, attempt(() => util.inspect(value, opts)));
        }
      }
    }
  }
}

function legacyAndApiCases() {
  const obj = { a: { b: { c: { d: 1 } } }, h: Object.defineProperty({}, 'x', { value: 1 }) };
  emit('legacy:showHidden', util.inspect(obj, true));
  emit('legacy:depth0', util.inspect(obj, false, 0));
  emit('legacy:depthNull-colors', util.inspect(obj, false, null, true));
  emit('legacy:undefined-args', util.inspect(obj, undefined, undefined, undefined));
  emit('api:custom-symbol', String(util.inspect.custom));
  emit('api:custom-is-for', util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
  emit('api:defaultOptions', util.inspect(util.inspect.defaultOptions));
  emit('api:styles', util.inspect(util.inspect.styles));
  emit('api:colors-keys', Object.keys(util.inspect.colors).join(','));
  emit('api:colors-grey', util.inspect.colors.grey);
  emit('api:colors-proto', Object.getPrototypeOf(util.inspect.colors) === null);
  for (const bad of [1, null, 'str', [], () => {}, undefined]) {
    emit(`api:defaultOptions-bad:${typeof bad}:${Array.isArray(bad)}:${bad === null}`, attempt(() => {
      util.inspect.defaultOptions = bad;
      return 'accepted';
    }));
  }
  const saved = { ...util.inspect.defaultOptions };
  util.inspect.defaultOptions = { depth: 0, breakLength: 20 };
  emit('api:defaultOptions-applied', util.inspect({ a: { b: 1 }, c: 'long string value' }));
  emit('api:defaultOptions-read', util.inspect.defaultOptions.depth);
  util.inspect.defaultOptions = saved;
  emit('api:defaultOptions-restored', util.inspect({ a: { b: 1 } }));
  emit('api:styles-changed', (() => {
    const before = util.inspect.styles.number;
    util.inspect.styles.number = 'red';
    const s = util.inspect(5, { colors: true });
    util.inspect.styles.number = before;
    return s;
  })());
  emit('api:stylize-option', util.inspect({ a: 1, b: 's' }, { stylize: (t, k) => `<${k}:${t}>` }));
  for (const bad of [1, null, undefined, {}]) {
    emit(`api:strip-bad:${String(bad)}`, attempt(() => util.stripVTControlCharacters(bad)));
  }
  emit('api:strip', util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u009b1m'));
  emit('api:inspect-no-args', util.inspect());
  emit('api:inspect-opts-string', util.inspect({ a: 1 }, 'ignored'));
}

function formatCases() {
  function makeArgs() {
    class A {
      toString() {
        return 'A!';
      }
    }
    class B {}
    const loop = {};
    loop.loop = loop;
    const err = withStack(new Error('e'), 'Error: e\n    at f (file.js:1:1)');
    return [
      ['%s', 'str'], ['%s', 5], ['%s', -0], ['%s', 5n], ['%s', Symbol('q')], ['%s', null], ['%s', undefined],
      ['%s', { a: { b: 1 } }], ['%s', [1, [2, [3]]]], ['%s', err], ['%s', new Date(0)],
      ['%s', { toString() { return 'T'; } }], ['%s', new A()], ['%s', new B()], ['%s', new Function('a', 'return a')],
      ['%s', { [Symbol.toPrimitive]() { return 'prim'; } }], ['%s', Object.create(null)], ['%s', new Map([[1, 2]])],
      ['%d', '42'], ['%d', 1.5], ['%d', -0], ['%d', 10n], ['%d', Symbol()], ['%d', {}], ['%d', ''], ['%d', '0x10'],
      ['%i', '42.9'], ['%i', 3n], ['%i', -0.5], ['%i', Symbol()], ['%f', '1.5e3'], ['%f', Symbol()], ['%f', 'abc'],
      ['%j', { a: 1 }], ['%j', loop], ['%j', undefined], ['%j', { toJSON() { return 5; } }],
      ['%o', { a: [1, 2] }], ['%o', function foo() {}], ['%o', [1, { a: 2 }]], ['%O', { a: { b: { c: { d: 1 } } } }],
      ['%c', 'color: red'], ['%%'], ['%% %s', 'x'], ['%%', 1], ['a%'], ['%', 1], ['%s%', 1], ['%s%%%s', 1, 2],
      ['a %s b %s', 1], ['%s:%s', 'a', 'b', 'extra', { x: 1 }], ['%x', 1], ['no placeholders', 1, 'two', [3]],
      [1, 2, 3], [{ a: 1 }, 'str'], ['%s'], ['%s %d %i %f %j %o %O %c %%', 1, 2, 3, 4, 5, 6, 7, 8],
      ['%s', new Proxy({}, {})], ['%s', 'a\nb'], ['%s', [1, 2, 3].map(String)], ['%s %s', '%s', 1],
      ['%d %i %f', 12345678, 12345678.9, 1234.5678], ['%s', 1234567], ['%s', 12345n],
      [undefined, null], [Symbol('first')], ['%s', { a: 1 }, { b: 2 }], ['%O', 'str'], ['%o', 'str'],
      ['%s', [{ deep: { er: 1 } }]], ['%s', err, 'after'], [err], ['%c%s', 'css', 'shown'],
      ['%s', new Number(5)], ['%s', new String('s')], ['%s', { [util.inspect.custom]() { return 'CU'; } }],
      ['%s', new Set([1])], ['%s', Promise.resolve(1)], ['%s', /re/g], ['%s', Object.assign(/re/, { toString() { return 'own'; } })],
      ['%s', Symbol.iterator], ['%s', 1e21], ['%s', -1e-7], ['%d', '1e3'], ['%d', null], ['%d', undefined], ['%d', true],
      ['%d', [5]], ['%d', new Number(7)], ['%i', '0x1f'], ['%i', ''], ['%i', 1e21], ['%f', ''], ['%f', [1.5]], ['%j', 1n],
      ['%j', { a: [new Date(0)] }], ['%j', 'str'], ['%O', [1, [2, [3, [4, [5]]]]]], ['%o', { f() {}, a: [1] }],
      ['%s %s %s', 1], ['%%s', 1], ['%%%s', 1], ['%s%%', 1], ['x%sy%sz', 'A', 'B'], ['%-s', 1], ['%5d', 1],
      ['%c%c%c', 1, 2], ['%', '%'], ['', 1], ['', ''], [''], [], [null, '%s', 1], [{}, {}], ['%O'], ['%o', null],
      ['%s', Object.create(null, { toString: { value() { return 'np'; } } })], ['%s', new Proxy({ toString() { return 'px'; } }, {})],
      ['%s', { toString: 5 }], ['%s', Object.create({ toString() { return 'inherited'; } })],
    ];
  }
  const args = makeArgs();
  // Whether a class with its own toString counts as built in goes by name.
  for (const n of ['Object', 'Math', 'JSON', 'Intl', 'NaN', 'WeakRef', 'Atomics', 'WebAssembly',
    'SharedArrayBuffer', 'Buffer', 'URL', 'EventEmitter', 'Plain']) {
    const C = ({ [n]: class { toString() { return `own ${n}`; } } })[n];
    args.push(['%s', new C()]);
  }
  args.forEach((a, i) => emit(`format:${i}`, attempt(() => util.format(...a))));
  const optionSets = [
    ['colors', { colors: true }],
    ['numSep', { numericSeparator: true }],
    ['depth0', { depth: 0, compact: false }],
    ['array-opts', []],
  ];
  for (const [name, opts] of optionSets) {
    args.forEach((a, i) => emit(`formatWithOptions:${name}:${i}`, attempt(() => util.formatWithOptions(opts, ...a))));
  }
  // Options a call does not give come from inspect.defaultOptions, for the
  // template's numbers as for the values after it.
  const savedSep = util.inspect.defaultOptions.numericSeparator;
  util.inspect.defaultOptions.numericSeparator = true;
  try {
    for (const [label, fn] of [
      ['format', () => util.format('%d %i %s %d', 123456789, 1234567.5, 1e21, 12345678901234567890n)],
      ['format-rest', () => util.format('%d', 1234567, 7654321)],
      ['withOptions-empty', () => util.formatWithOptions({}, '%d %s', 1234567, 1234567)],
      ['withOptions-off', () => util.formatWithOptions({ numericSeparator: false }, '%d', 1234567)],
    ]) emit(`format-defaultNumSep:${label}`, attempt(fn));
  } finally {
    util.inspect.defaultOptions.numericSeparator = savedSep;
  }
  for (const bad of [null, 1, 'x', undefined]) {
    emit(`formatWithOptions-bad:${String(bad)}`, attempt(() => util.formatWithOptions(bad, 'x %s', 1)));
  }
}

inspectCases();
layoutMatrixCases();
legacyAndApiCases();
formatCases();
