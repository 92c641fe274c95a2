// Dev-only: compares stdlib deep equality with Node's over corpus pairs. Run: node --expose-internals tests/js/support/compare-deep.js
'use strict';

require('./node-shim');
const assert = require('assert');
const ours = require('../../../stdlib/internal/util/comparisons.js');
const makeCorpus = require('./corpus');

function wrap(fn) {
  return (a, b) => {
    try { fn(a, b); return true; } catch (e) {
      if (e instanceof assert.AssertionError) return false;
      return `THROWS ${e.message}`;
    }
  };
}
const nodeLoose = wrap(assert.deepEqual);
const nodeStrict = wrap(assert.deepStrictEqual);

const a = makeCorpus();
const b = makeCorpus();
const extra = [
  [[1, 2], ['1', '2']], [{ a: 1 }, { a: '1' }], [new Set([1, '1']), new Set(['1', 1])], [new Set([1]), new Set(['1'])],
  [new Map([[1, 'a']]), new Map([['1', 'a']])], [new Map([[{}, 1]]), new Map([[{}, '1']])], [-0, 0], [[-0], [0]], [NaN, NaN],
  [new Number(1), new Number(1)], [new Number(NaN), new Number(NaN)], [new String('a'), 'a'], [Object(1n), Object(1n)],
  [new Date(1), new Date(1)], [Object.assign(new Date(1), { x: 1 }), new Date(1)], [/a/g, /a/g], [/a/g, /a/i],
  [new Error('x'), new Error('x')], [new Error('x'), new TypeError('x')], [Object.assign(new Error('x'), { c: 1 }), new Error('x')],
  [new Uint8Array([1]), new Int8Array([1])], [new Float64Array([-0]), new Float64Array([0])], [new Float64Array([NaN]), new Float64Array([NaN])],
  [Object.create(null), {}], [{ [Symbol.for('s')]: 1 }, {}], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }],
  [[1, , 3], [1, undefined, 3]], [[1, , 3], [1, , 3]], [{ a: undefined }, {}], [null, undefined], [undefined, null], [1, true], ['', 0],
  [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [new Map([[{ k: 1 }, 'a'], [{ k: 1 }, 'b']]), new Map([[{ k: 1 }, 'b'], [{ k: 1 }, 'a']])],
  [new Set([null]), new Set([undefined])], [new Map([[null, 1]]), new Map([[undefined, 1]])], [new ArrayBuffer(2), new ArrayBuffer(2)], [new ArrayBuffer(2), new SharedArrayBuffer(2)],
  [(() => { const x = { a: 1 }; x.s = x; return x; })(), (() => { const y = { a: 1 }; y.s = y; return y; })()],
  [(() => { const x = {}; x.s = x; return x; })(), (() => { const y = {}; y.s = { s: y }; return y; })()],
  [Promise.resolve(1), Promise.resolve(1)], [new WeakMap(), new WeakMap()], [function f() {}, function f() {}], [[1, 2], { 0: 1, 1: 2, length: 2 }],
  [Object.assign([1], { x: 1 }), [1]], [new (class A {})(), new (class B {})()], [new (class A {})(), {}],
  [{ [Symbol.toStringTag]: 'X' }, {}], [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })], [new Error('a', { cause: 1 }), new Error('a')],
  [new AggregateError([1], 'm'), new AggregateError([2], 'm')], [Object.assign(new Error('a'), { name: 'X' }), new Error('a')],
  [(() => { const x = [1]; x.push(x); return x; })(), (() => { const y = [1]; y.push([1, y]); return y; })()],
  [(() => { const m = new Map(); m.set('m', m); return m; })(), (() => { const m = new Map(); m.set('m', m); return m; })()],
  [new Set([[1], [2], [3]]), new Set([[3], [2], [1]])], [new Set([[1], [2], [3]]), new Set([[3], [2], [4]])],
  [new Map([[[1], 'a'], [[1], 'b']]), new Map([[[1], 'b'], [[1], 'a']])], [new Map([[1, {}]]), new Map([['1', {}]])], [new Set([1, {}]), new Set(['1', {}])], [new Boolean(false), new Boolean(false)], [Object(Symbol.iterator), Object(Symbol.iterator)],
];
let n = 0;
let bad = 0;
function check(x, y, label) {
  for (const [name, ref, fn] of [['loose', nodeLoose, ours.isDeepEqual], ['strict', nodeStrict, ours.isDeepStrictEqual]]) {
    n++;
    const e = ref(x, y);
    let r;
    try { r = fn(x, y); } catch (err) { r = `THROWS ${err.message}`; }
    if (e !== r) {
      bad++;
      if (bad < 30) console.log(label, name, 'node', e, 'ours', r);
    }
  }
}
for (let i = 0; i < a.length; i++) {
  for (let j = 0; j < b.length; j += (i === j ? 1 : 7)) {
    if (typeof a[i] === 'string' && a[i].length > 1000) continue;
    check(a[i], b[j], `corpus ${i} vs ${j}`);
  }
}
extra.forEach(([x, y], i) => { check(x, y, `extra ${i}`); check(y, x, `extra ${i} swapped`); });
console.log(`${n} compared, ${bad} differ`);
process.exitCode = bad ? 1 : 0;
