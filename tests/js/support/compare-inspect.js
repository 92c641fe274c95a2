// Dev-only: compares stdlib inspect/format with Node's over a corpus. Run: node --expose-internals tests/js/support/compare-inspect.js
'use strict';

const shim = require('./node-shim');
const nodeUtil = require('util');
const ours = require('../../../stdlib/internal/util/inspect.js');
const makeCorpus = require('./corpus');

if (!shim.hasRealBindings) console.error('warning: run with --expose-internals for exact bindings');

const optionSets = [
  undefined,
  { depth: 0 }, { depth: 1 }, { depth: Infinity }, { depth: null },
  { colors: true }, { showHidden: true }, { compact: false }, { compact: true },
  { compact: 1 }, { breakLength: 40 }, { breakLength: Infinity }, { breakLength: 120, compact: 5 },
  { sorted: true }, { getters: true }, { getters: 'get' }, { getters: 'set' },
  { maxArrayLength: 2 }, { maxArrayLength: 0 }, { maxArrayLength: null }, { maxStringLength: 4 },
  { numericSeparator: true }, { showProxy: true }, { customInspect: false },
  { showHidden: true, colors: true, depth: 3 }, { compact: 1, breakLength: 60, sorted: true },
];

let compared = 0;
let failed = 0;
const values = makeCorpus();
const verbose = process.argv.includes('-v');
for (const opts of optionSets) {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let expected, actual;
    try {
      expected = opts === undefined ? nodeUtil.inspect(value) : nodeUtil.inspect(value, opts);
    } catch (e) { expected = `THROWS ${e.message}`; }
    try {
      actual = opts === undefined ? ours.inspect(value) : ours.inspect(value, opts);
    } catch (e) { actual = `THROWS ${e.stack}`; }
    compared++;
    if (expected !== actual) {
      failed++;
      if (failed <= 40 || verbose) {
        console.log(`--- value #${i} opts ${JSON.stringify(opts)}`);
        console.log('node:', JSON.stringify(expected).slice(0, 600));
        console.log('ours:', JSON.stringify(actual).slice(0, 600));
      }
    }
  }
}

// format() cases.
const fmtCases = [
  ['%s', 'str'], ['%s', 5], ['%s', -0], ['%s', 5n], ['%s', Symbol('q')], ['%s', null], ['%s', undefined],
  ['%s', { a: { b: 1 } }], ['%s', [1, [2, [3]]]], ['%s', new Error('e')], ['%s', new Date(0)],
  ['%s', { toString() { return 'T'; } }], ['%s', new (class A { toString() { return 'A!'; } })()], ['%s', new (class B {})()],
  ['%d', '42'], ['%d', 1.5], ['%d', -0], ['%d', 10n], ['%d', Symbol()], ['%d', {}], ['%i', '42.9'], ['%i', 3n], ['%f', '1.5e3'], ['%f', Symbol()],
  ['%j', { a: 1 }], ['%j', (() => { const o = {}; o.o = o; return o; })()], ['%j', undefined],
  ['%o', { a: [1, 2] }], ['%o', function foo() {}], ['%O', { a: { b: { c: { d: 1 } } } }], ['%c', 'color: red'], ['%%'], ['%% %s', 'x'],
  ['a %s b %s', 1], ['%s:%s', 'a', 'b', 'extra', { x: 1 }], ['%x', 1], ['%', 1], ['no placeholders', 1, 'two', [3]],
  [1, 2, 3], [{ a: 1 }, 'str'], ['%s'], ['%s %d %i %f %j %o %O %c %%', 1, 2, 3, 4, 5, 6, 7, 8],
  ['%s', new Proxy({}, {})], ['%s', Object.create(null)], ['%s', new Map([[1, 2]])], ['%s', 'a\nb'], ['%d', ''], ['%s', [1, 2, 3].map(String)],
];
for (const args of fmtCases) {
  const expected = nodeUtil.format(...args);
  let actual;
  try { actual = ours.format(...args); } catch (e) { actual = `THROWS ${e.stack}`; }
  compared++;
  if (expected !== actual) {
    failed++;
    console.log(`--- format ${JSON.stringify(args.map(String))}`);
    console.log('node:', JSON.stringify(expected));
    console.log('ours:', JSON.stringify(actual));
  }
}
for (const args of fmtCases) {
  const o = { colors: true, numericSeparator: true };
  const expected = nodeUtil.formatWithOptions(o, ...args);
  let actual;
  try { actual = ours.formatWithOptions(o, ...args); } catch (e) { actual = `THROWS ${e.stack}`; }
  compared++;
  if (expected !== actual) {
    failed++;
    console.log(`--- formatWithOptions ${JSON.stringify(args.map(String))}`);
    console.log('node:', JSON.stringify(expected));
    console.log('ours:', JSON.stringify(actual));
  }
}
console.log(`${compared} compared, ${failed} differ`);
process.exitCode = failed ? 1 : 0;
