// Differential corpus for node:assert: every assertion over a value corpus, the AssertionError fields and messages, and a deep-equality matrix.
'use strict';

const assert = require('assert');
const util = require('util');
const makeCorpus = require('../support/corpus');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

// What a failure looks like, in JSON-safe form.
function describe(err) {
  if (!(err instanceof Error)) return { thrown: util.inspect(err) };
  const out = {
    name: err.name,
    code: err.code,
    message: err.message,
  };
  if (err instanceof assert.AssertionError) {
    out.operator = err.operator;
    out.generatedMessage = err.generatedMessage;
    out.actualType = typeof err.actual;
    out.expectedType = typeof err.expected;
  }
  return out;
}

function run(label, fn) {
  try {
    fn();
    emit(label, 'pass');
  } catch (err) {
    emit(label, describe(err));
  }
}

function fixStack(err, text) {
  err.stack = text === undefined ? `${err.name}: ${err.message}\n    at <fixed>` : text;
  return err;
}

// Values for the message cases. Called twice, it gives structurally equal
// but distinct objects.
function makeValues() {
  class Point {
    constructor(x, y) {
      this.x = x;
      this.y = y;
    }
  }
  class Empty {}
  const circular = { name: 'c' };
  circular.self = circular;
  const circularArr = [1, 2];
  circularArr.push(circularArr);
  const err = fixStack(new Error('boom'));
  const typeErr = fixStack(new TypeError('bad type'));
  const errWithProps = fixStack(Object.assign(new Error('props'), { code: 'E_X', extra: 1 }));
  const v = [
    ['zero', 0], ['negZero', -0], ['one', 1], ['two', 2], ['nan', NaN], ['inf', Infinity],
    ['float', 1.5], ['big', 10n], ['strOne', '1'], ['empty', ''], ['strA', 'a'],
    ['strHello', 'hello world'], ['strHello2', 'hello there'],
    ['multi', 'line one\nline two\nline three'], ['multi2', 'line one\nline 2\nline three'],
    ['long', 'x'.repeat(600)], ['long2', `${'x'.repeat(599)}y`],
    ['true', true], ['false', false], ['null', null], ['undef', undefined],
    ['sym', Symbol.for('s')], ['arrEmpty', []], ['arr3', [1, 2, 3]], ['arr3b', [1, 2, 4]],
    ['arrStr', ['1', '2', '3']], ['arrNested', [[1, [2, [3]]], { a: [4] }]],
    ['arrLong', Array.from({ length: 30 }, (_, i) => i)],
    ['arrLong2', Array.from({ length: 30 }, (_, i) => (i === 17 ? 'seventeen' : i))],
    ['arr80', Array.from({ length: 80 }, (_, i) => i * 2)],
    ['arr80b', Array.from({ length: 80 }, (_, i) => (i % 9 === 0 ? -i : i * 2))],
    ['objEmpty', {}], ['obj', { a: 1, b: 'two', c: [3] }], ['objB', { a: 1, b: 'two', c: [3], d: null }],
    ['objDeep', { a: { b: { c: { d: { e: 'deep' } } } } }], ['objDeep2', { a: { b: { c: { d: { e: 'DEEP' } } } } }],
    ['objMany', Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`key${i}`, i]))],
    ['objMany2', Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`key${i}`, i === 7 ? 'seven' : i]))],
    ['nullProto', Object.assign(Object.create(null), { a: 1 })],
    ['map', new Map([['a', 1], ['b', { c: 2 }]])], ['map2', new Map([['a', 1], ['b', { c: 3 }]])],
    ['mapObjKey', new Map([[{ k: 1 }, 'v']])], ['set', new Set([1, 'two', [3]])], ['set2', new Set([1, 'two', [4]])],
    ['date', new Date(0)], ['date2', new Date(86400000)], ['regexp', /ab+c/gi], ['regexp2', /ab+c/g],
    ['err', err], ['typeErr', typeErr], ['errProps', errWithProps],
    ['point', new Point(1, 2)], ['point2', new Point(1, 3)], ['emptyInst', new Empty()],
    ['circular', circular], ['circularArr', circularArr],
    ['boxedNum', new Number(1)], ['boxedStr', new String('ab')],
    ['u8', new Uint8Array([1, 2, 3])], ['u8b', new Uint8Array([1, 2, 4])], ['f64', new Float64Array([0.5, -0])],
    ['fn', function named() {}], ['arrow', () => {}],
    ['sparse', [1, , 3]], ['undefArr', [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
    ['objSym', { [Symbol.for('k')]: 1 }],
  ];
  return v;
}

// Every pair-taking assertion over chosen pairs of values.
function pairCases() {
  const a = makeValues();
  const b = makeValues();
  const fns = ['equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual',
    'deepStrictEqual', 'notDeepStrictEqual'];
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const partners = [[b[i], 'clone'], [a[i], 'same'], [b[(i + 1) % n], 'next'], [b[(i + 7) % n], 'far']];
    for (const [[otherName, other], how] of partners) {
      for (const fn of fns) {
        run(`pair ${fn} ${a[i][0]} ${how}:${otherName}`, () => assert[fn](a[i][1], other));
      }
    }
  }
  // Both orders of the near-miss pairs, which exercise the diff.
  const near = [['arr3', 'arr3b'], ['arrLong', 'arrLong2'], ['arr80', 'arr80b'], ['obj', 'objB'],
    ['objDeep', 'objDeep2'], ['objMany', 'objMany2'], ['map', 'map2'], ['set', 'set2'], ['u8', 'u8b'],
    ['multi', 'multi2'], ['long', 'long2'], ['strHello', 'strHello2'], ['point', 'point2'],
    ['date', 'date2'], ['regexp', 'regexp2'], ['err', 'typeErr'], ['sparse', 'undefArr'],
    ['arr3', 'arrStr'], ['zero', 'negZero'], ['one', 'strOne'], ['boxedNum', 'one'], ['obj', 'nullProto']];
  const byName = new Map(a);
  const byName2 = new Map(b);
  for (const [x, y] of near) {
    for (const fn of ['strictEqual', 'deepStrictEqual', 'deepEqual', 'notDeepEqual']) {
      run(`near ${fn} ${x}/${y}`, () => assert[fn](byName.get(x), byName2.get(y)));
      run(`near ${fn} ${y}/${x}`, () => assert[fn](byName.get(y), byName2.get(x)));
      run(`near ${fn} ${x}/${y} msg`, () => assert[fn](byName.get(x), byName2.get(y), 'custom message'));
    }
  }
}

// Line diffs: arrays and objects with changes at many positions.
function diffCases() {
  const base = (n) => Array.from({ length: n }, (_, i) => i);
  for (const n of [1, 3, 6, 12, 25, 60]) {
    for (const p of [0, 1, 2, 3, 4, 5, 6, 8, 11, 20, 40, 59]) {
      if (p >= n) continue;
      const changed = base(n);
      changed[p] = `v${p}`;
      run(`diff change n${n} p${p}`, () => assert.deepStrictEqual(base(n), changed));
      const inserted = base(n);
      inserted.splice(p, 0, 'new');
      run(`diff insert n${n} p${p}`, () => assert.deepStrictEqual(base(n), inserted));
      const removed = base(n);
      removed.splice(p, 1);
      run(`diff remove n${n} p${p}`, () => assert.deepStrictEqual(base(n), removed));
      const two = base(n);
      two[p] = 'a';
      two[n - 1 - p] = 'b';
      run(`diff two n${n} p${p}`, () => assert.deepStrictEqual(two, base(n)));
    }
  }
  for (const n of [2, 5, 9, 30]) {
    const obj = (k) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i === k ? 'X' : i]));
    for (const k of [0, 1, Math.floor(n / 2), n - 1]) {
      run(`diff obj n${n} k${k}`, () => assert.deepStrictEqual(obj(-1), obj(k)));
      const extra = obj(-1);
      extra[`q${k}`] = { nested: [k] };
      run(`diff objExtra n${n} k${k}`, () => assert.deepStrictEqual(extra, obj(-1)));
      run(`diff objExtraRev n${n} k${k}`, () => assert.deepStrictEqual(obj(-1), extra));
    }
  }
  const lines = (n, mark) => Array.from({ length: n }, (_, i) => (i === mark ? `changed ${i}` : `line ${i}`)).join('\n');
  for (const n of [2, 4, 8, 20]) {
    for (const mark of [0, 1, n - 1]) {
      run(`diff lines n${n} m${mark}`, () => assert.strictEqual(lines(n, -1), lines(n, mark)));
      run(`diff linesArr n${n} m${mark}`, () => assert.deepStrictEqual(lines(n, -1).split('\n'), lines(n, mark).split('\n')));
    }
  }
  const strs = [['abc', 'abd'], ['abcdefgh', 'abcdefgX'], ['ab', 'ac'], ['abcd', 'abce'], ['a'.repeat(30), 'a'.repeat(31)],
    ['a'.repeat(38), `${'a'.repeat(37)}b`], ['a'.repeat(37), `${'a'.repeat(36)}b`], ['x', 'y'.repeat(20)],
    ['same start here', 'same start there'], ['12', '13'], ['123456', '123457']];
  for (const [x, y] of strs) {
    run(`diff str ${x.length}:${x.slice(0, 8)}/${y.slice(-3)}`, () => assert.strictEqual(x, y));
  }
  const nums = [[1, 2], [123456, 1234567], [-0, 0], [0, -0], [1n, 2n], [0.1, 0.2], [NaN, 0], [1e21, 1e22], [12345, 123456]];
  const shortOnes = [[class A {}, 1], [class A {}, class B {}], [[], 1], [{}, []], [null, {}], [undefined, null],
    [Symbol.for('a'), 'a'], [true, 1], [() => {}, 0], [class Long {}, class Longer {}]];
  shortOnes.forEach(([x, y], i) => {
    run(`diff short strictEqual ${i}`, () => assert.strictEqual(x, y));
    run(`diff short deepStrictEqual ${i}`, () => assert.deepStrictEqual(x, y));
    run(`diff short notStrictEqual ${i}`, () => assert.notStrictEqual(x, x));
  });
  for (const [x, y] of nums) run(`diff num ${String(x)}/${String(y)}`, () => assert.strictEqual(x, y));
  // Values that look the same but are not the same reference.
  const looks = [[{}, {}], [[], []], [{ a: 1 }, { a: 1 }], [[1, 2, 3], [1, 2, 3]], [base(60), base(60)],
    [Symbol('x'), Symbol('x')], [function f() {}, function f() {}], [new Map(), new Map()]];
  looks.forEach(([x, y], i) => {
    run(`looks strictEqual ${i}`, () => assert.strictEqual(x, y));
    run(`looks strictEqual ${i} msg`, () => assert.strictEqual(x, y, 'mine'));
    run(`looks deepStrictEqual ${i}`, () => assert.deepStrictEqual(x, y));
  });
  // Only one side is long; the cut after 50 printed lines.
  run('diff long vs short', () => assert.deepStrictEqual(base(70), [0]));
  run('diff short vs long', () => assert.deepStrictEqual([0], base(70)));
  run('diff many changes', () => assert.deepStrictEqual(base(70), base(70).map((x) => x * 3)));
  run('diff many changes 2', () => assert.deepStrictEqual(base(70).map((x) => (x % 2 ? x : -x)), base(70)));
  run('notStrict long', () => assert.notDeepStrictEqual(base(70), base(70)));
  run('notStrict long obj', () => { const o = base(60); assert.notStrictEqual(o, o); });
  run('notDeepEqual long', () => assert.notDeepEqual(base(300), base(300)));
  run('deepEqual long', () => assert.deepEqual(base(300), base(301)));
  run('equal long str', () => assert.equal('z'.repeat(700), 'y'.repeat(700)));
  // Trailing commas do not count as a difference.
  run('diff comma 1', () => assert.deepStrictEqual([1, 2], [1, 2, 3]));
  run('diff comma 2', () => assert.deepStrictEqual([1, 2, 3], [1, 2]));
  run('diff comma 3', () => assert.deepStrictEqual({ a: 1 }, { a: 1, b: 2 }));
  run('diff comma 4', () => assert.deepStrictEqual({ a: 1, b: 2 }, { a: 1 }));
  run('diff comma 5', () => assert.deepStrictEqual([[1, 2], 3], [[1, 2, 9], 3]));
}

function okAndFailCases() {
  const values = [0, '', null, undefined, NaN, false, 1, 'x', {}, []];
  values.forEach((v, i) => {
    // Calls without a message (Node quotes the source there) stay out.
    run(`ok msg ${i}`, () => assert.ok(v, 'custom ok'));
    run(`assert msg ${i}`, () => assert(v, 'custom assert'));
    run(`strict msg ${i}`, () => assert.strict(v, 'custom strict'));
    run(`ok errmsg ${i}`, () => assert.ok(v, fixStack(new RangeError('own error'))));
    run(`ok emptymsg ${i}`, () => assert.ok(v, ''));
  });
  run('ok noargs', () => assert.ok());
  run('assert noargs', () => assert());
  run('strict noargs', () => assert.strict());
  run('fail none', () => assert.fail());
  run('fail undefined', () => assert.fail(undefined));
  run('fail null', () => assert.fail(null));
  run('fail msg', () => assert.fail('boom'));
  run('fail empty', () => assert.fail(''));
  run('fail number', () => assert.fail(42));
  run('fail error', () => assert.fail(fixStack(new TypeError('own'))));
  run('fail 2', () => assert.fail(1, 2));
  run('fail 3', () => assert.fail(1, 2, 'three'));
  run('fail 3 undefined', () => assert.fail(1, 2, undefined));
  run('fail 4', () => assert.fail(1, 2, undefined, '>'));
  run('fail 4 msg', () => assert.fail({ a: 1 }, [2], 'four', '<='));
  run('fail 5', () => assert.fail('a', 'b', undefined, 'op', () => {}));
  run('fail 2 objects', () => assert.fail({ a: [1, 2] }, new Map([[1, 2]])));
}

function missingArgCases() {
  for (const fn of ['equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual',
    'deepStrictEqual', 'notDeepStrictEqual']) {
    run(`missing ${fn} 0`, () => assert[fn]());
    run(`missing ${fn} 1`, () => assert[fn](1));
    run(`missing ${fn} undef2`, () => assert[fn](undefined, undefined));
    run(`errmsg ${fn}`, () => assert[fn](1, 2, fixStack(new SyntaxError('mine'))));
    run(`errmsg ${fn} eq`, () => assert[fn](1, 1, fixStack(new SyntaxError('mine'))));
    run(`strmsg ${fn}`, () => assert[fn]({ a: 1 }, { a: 1 }, 'given message'));
    run(`strmsg ${fn} ne`, () => assert[fn]({ a: 1 }, { a: 2 }, 'given message'));
    run(`strict alias ${fn}`, () => assert.strict[fn](1, '1'));
  }
}

function throwsCases() {
  const thrower = (v) => () => { throw v; };
  class MyError extends Error {}
  class OtherError extends Error {}
  const errs = [
    ['plain', () => fixStack(new Error('plain message'))],
    ['type', () => fixStack(new TypeError('type message'))],
    ['range', () => fixStack(new RangeError(''))],
    ['mine', () => fixStack(new MyError('mine message'))],
    ['coded', () => fixStack(Object.assign(new Error('coded'), { code: 'E_CODE', info: { n: 1 } }))],
    ['named', () => { const e = new Error('renamed'); e.name = 'Custom'; return fixStack(e); }],
    ['string', () => 'just a string'],
    ['number', () => 42],
    ['null', () => null],
    ['undef', () => undefined],
    ['object', () => ({ message: 'obj message', code: 7 })],
  ];
  const specs = [
    ['none', []],
    ['Error', [Error]], ['TypeError', [TypeError]], ['MyError', [MyError]], ['OtherError', [OtherError]],
    ['sameNameClass', [class MyError extends Error {}]],
    ['regexp', [/message/]], ['regexpNo', [/nomatch/]], ['regexpMsg', [/nomatch/, 'rx msg']],
    ['objMsg', [{ message: 'plain message' }]], ['objMsgNo', [{ message: 'other' }]],
    ['objRegexp', [{ message: /message/, name: /Error/ }]], ['objRegexpNo', [{ message: /zzz/, name: 'Error' }]],
    ['objCode', [{ code: 'E_CODE', info: { n: 1 } }]], ['objCodeNo', [{ code: 'E_CODE', info: { n: 2 } }]],
    ['objMissing', [{ nothere: 1 }]], ['objMsgGiven', [{ message: 'other' }, 'obj msg']],
    ['objErrMsg', [{ message: 'other' }, fixStack(new Error('as message'))]],
    ['errorObj', [fixStack(new Error('plain message'))]], ['errorObjNo', [fixStack(new TypeError('plain message'))]],
    ['fnTrue', [(e) => e instanceof Error]], ['fnFalse', [(e) => e === 1]],
    ['fnNamed', [function checker() { return 'yes'; }]], ['fnMsg', [() => false, 'fn msg']],
    ['string', ['a message']], ['stringSame', ['plain message']], ['stringAmbiguous', ['just a string']],
    ['classMsg', [TypeError, 'class msg']], ['emptyObj', [{}]], ['number', [5]], ['stringString', ['a', 'b']],
    ['stringUndef', ['a', undefined]], ['nullSpec', [null]], ['arraySpec', [[1]]],
  ];
  for (const [ename, make] of errs) {
    for (const [sname, args] of specs) {
      // Error called as a validation function puts a stack into the message.
      if (sname === 'Error' && !(make() instanceof Error)) continue;
      run(`throws ${ename} ${sname}`, () => assert.throws(thrower(make()), ...args));
      run(`doesNotThrow ${ename} ${sname}`, () => assert.doesNotThrow(thrower(make()), ...args));
    }
  }
  for (const [sname, args] of specs) {
    run(`throws nothing ${sname}`, () => assert.throws(() => {}, ...args));
    run(`doesNotThrow nothing ${sname}`, () => assert.doesNotThrow(() => 1, ...args));
  }
  for (const bad of [1, 'str', null, {}, Promise.resolve()]) {
    run(`throws bad fn ${util.inspect(bad)}`, () => assert.throws(bad));
    run(`doesNotThrow bad fn ${util.inspect(bad)}`, () => assert.doesNotThrow(bad));
  }
  // A RegExp or string with a non-Error thrown value.
  run('throws regexp string', () => assert.throws(thrower('match me'), /match/));
  run('throws regexp number', () => assert.throws(thrower(12), /^12$/));
  run('throws obj vs error props', () => assert.throws(thrower(fixStack(new Error('e'))), { message: 'e', name: 'TypeError' }));
  run('throws lastIndex', () => { const r = /a/g; assert.throws(thrower(fixStack(new Error('aa'))), r); assert.throws(thrower(fixStack(new Error('aa'))), r); });
  return specs;
}

function errorShapeCases() {
  const inspectErr = (label, fn) => {
    try {
      fn();
      emit(label, 'pass');
    } catch (err) {
      err.stack = 'STACK';
      emit(label, [util.inspect(err), String(err), Object.keys(err), err instanceof Error,
        Object.prototype.propertyIsEnumerable.call(err, 'name')]);
    }
  };
  inspectErr('shape strictEqual', () => assert.strictEqual(1, 2));
  inspectErr('shape long string', () => assert.strictEqual('x'.repeat(600), 'y'));
  inspectErr('shape lines', () => assert.strictEqual('a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl', 'q'));
  inspectErr('shape object', () => assert.deepStrictEqual({ a: { b: { c: 1 } } }, [1]));
  inspectErr('shape throws', () => assert.throws(() => {}));
  inspectErr('shape match', () => assert.match('abc', /x/));
  const make = (opts) => () => { throw new assert.AssertionError(opts); };
  const ctorCases = [
    { actual: 1, expected: 2, operator: 'strictEqual' },
    { actual: 1, expected: 2, operator: 'deepEqual' },
    { actual: 1, expected: 2, operator: 'notDeepEqual' },
    { actual: 1, expected: 1, operator: 'notDeepEqual' },
    { actual: 1, expected: 2, operator: '==' },
    { actual: 1, expected: 2 },
    { actual: [1], expected: [1], operator: 'notDeepStrictEqual' },
    { actual: 'abc', expected: 'abc', operator: 'notStrictEqual' },
    { message: 'only message' },
    { message: 42, operator: 'x' },
    { actual: { a: 1 }, expected: { a: 2 }, operator: 'strictEqual', message: 'own' },
    { actual: 1, expected: 2, operator: 'fail' },
    {},
  ];
  ctorCases.forEach((opts, i) => {
    inspectErr(`ctor ${i}`, make(opts));
    run(`ctor run ${i}`, make(opts));
  });
  inspectErr('ctor details', make({
    message: 'several', details: [
      { message: 'first', actual: 1, expected: 2, operator: 'op1', stack: 'S1' },
      { message: 'second', actual: [1], expected: { a: 1 }, operator: 'op2', stack: 'S2' },
    ],
  }));
  try {
    assert.deepStrictEqual({ deep: { deeper: { deepest: [1, 2, 'x'.repeat(600)] } } }, {});
  } catch (err) {
    err.stack = 'STACK';
    emit('nested inspect', [util.inspect({ wrapped: err }), util.inspect([err], { depth: 0 }),
      util.inspect(err, { compact: true, breakLength: 40 })]);
  }
  const custom = { [util.inspect.custom]() { return 'CUSTOM'; }, real: 1 };
  run('custom inspect ignored', () => assert.deepStrictEqual(custom, { real: 2 }));
  run('custom inspect strictEqual', () => assert.strictEqual(custom, { real: 1 }));
  for (const msg of [42, 0, true, { toString() { return 'objmsg'; } }, ['arr', 'msg'], 'multi\nline message']) {
    run(`message type strictEqual ${util.inspect(msg)}`, () => assert.strictEqual(1, 2, msg));
    run(`message type deepStrictEqual ${util.inspect(msg)}`, () => assert.deepStrictEqual([1], [2], msg));
    run(`message type deepEqual ${util.inspect(msg)}`, () => assert.deepEqual([1], [2], msg));
    run(`message type ok ${util.inspect(msg)}`, () => assert.ok(false, msg));
    run(`message type notStrictEqual ${util.inspect(msg)}`, () => assert.notStrictEqual(1, 1, msg));
  }
  const withGetter = { get value() { return { inner: 1 }; }, plain: 2 };
  run('getter shown', () => assert.deepStrictEqual(withGetter, { value: { inner: 2 }, plain: 2 }));
  run('proxy shown', () => assert.deepStrictEqual(new Proxy({ a: 1 }, {}), { a: 2 }));
  run('null proto vs plain', () => assert.deepStrictEqual(Object.create(null), {}));
  run('class vs plain', () => assert.deepStrictEqual(new (class Thing { constructor() { this.a = 1; } })(), { a: 1 }));
  run('tagged', () => assert.deepStrictEqual({ [Symbol.toStringTag]: 'T', a: 1 }, { a: 1 }));
  run('many keys sorted', () => assert.deepStrictEqual({ z: 1, a: 2, m: 3 }, { a: 2, m: 4, z: 1 }));
  run('big array', () => assert.deepStrictEqual(Array.from({ length: 150 }, (_, i) => i), Array.from({ length: 150 }, (_, i) => (i === 149 ? 0 : i))));
  run('deep nesting', () => assert.deepStrictEqual([[[[[[[[1]]]]]]]], [[[[[[[[2]]]]]]]]));
  run('unicode strings', () => assert.strictEqual('héllo wörld 漢字 😀', 'héllo wörld 漢字 😁'));
  run('quotes', () => assert.strictEqual("it's \"quoted\"", "it's 'quoted'"));
  run('errors with cause', () => assert.deepStrictEqual(fixStack(new Error('a', { cause: fixStack(new Error('c1')) })),
    fixStack(new Error('a', { cause: fixStack(new Error('c2')) }))));
  run('errors with props', () => assert.deepStrictEqual(fixStack(Object.assign(new Error('a'), { code: 1 })),
    fixStack(Object.assign(new Error('a'), { code: 2 }))));
  run('error vs object', () => assert.deepStrictEqual(fixStack(new Error('a')), { message: 'a' }));
  for (const bad of [undefined, null, 1, 'str']) {
    run(`ctor bad ${String(bad)}`, () => new assert.AssertionError(bad));
  }
  const e = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
  emit('ctor props', [e.name, e.code, e.actual, e.expected, e.operator, e.generatedMessage,
    e.stack.split('\n')[0], e instanceof Error, typeof e.toString, e.constructor.name]);
  emit('module keys', [Object.keys(assert), Object.keys(assert.strict), assert.strict === assert.strict.strict,
    assert.strict.equal === assert.strictEqual, assert.strict.deepEqual === assert.deepStrictEqual,
    assert.strict.notEqual === assert.notStrictEqual, assert.strict.ok === assert.ok, assert.ok.name,
    assert.strictEqual.name, assert.notEqual.name, assert.throws.name, assert.strict.name,
    assert.equal.length, assert.fail.length, assert.match.length]);
  emit('strict module', require('assert/strict') === assert.strict);
}

function ifErrorAndMatchCases() {
  const values = [null, undefined, 0, '', 'str', false, 1, { message: 'obj' }, { message: '' },
    Object.assign(Object.create(null), { message: '' }), fixStack(new Error('boom')), fixStack(new TypeError('')),
    [1], Symbol.for('q'), NaN];
  values.forEach((v, i) => {
    run(`ifError ${i}`, () => assert.ifError(v));
  });
  // The error's stack is joined under the AssertionError's own frames.
  try {
    const original = new Error('orig');
    original.stack = 'Error: orig\n    at one (x.js:1:1)\n    at two (x.js:2:2)';
    assert.ifError(original);
  } catch (err) {
    emit('ifError stack tail', err.stack.split('\n').slice(-2));
  }
  const inputs = ['abc', '', 'ABC', 'multi\nline', 'x'.repeat(100), 1, null, undefined, {}, ['abc']];
  const patterns = [/b/, /^$/, /abc/i, /z/, /line$/m];
  inputs.forEach((input, i) => {
    patterns.forEach((p, j) => {
      run(`match ${i} ${j}`, () => assert.match(input, p));
      run(`doesNotMatch ${i} ${j}`, () => assert.doesNotMatch(input, p));
    });
    run(`match ${i} msg`, () => assert.match(input, /zz/, 'match msg'));
    run(`doesNotMatch ${i} msg`, () => assert.doesNotMatch(input, /./, 'no match msg'));
    run(`match ${i} errmsg`, () => assert.match(input, /zz/, fixStack(new Error('as error'))));
  });
  for (const bad of ['abc', 1, null, {}]) {
    run(`match bad regexp ${util.inspect(bad)}`, () => assert.match('abc', bad));
    run(`doesNotMatch bad regexp ${util.inspect(bad)}`, () => assert.doesNotMatch('abc', bad));
  }
}

// Loose and strict deep equality over the shared value corpus and tricky pairs.
function matrixCases() {
  const a = makeCorpus();
  const b = makeCorpus();
  const verdict = (fn, x, y) => {
    try {
      fn(x, y);
      return 1;
    } catch (err) {
      return err instanceof assert.AssertionError ? 0 : `throws ${err.message}`;
    }
  };
  for (let i = 0; i < a.length; i++) {
    const row = [];
    for (let j = 0; j < b.length; j += (i === j ? 1 : 5)) {
      row.push(verdict(assert.deepEqual, a[i], b[j]), verdict(assert.deepStrictEqual, a[i], b[j]),
        util.isDeepStrictEqual(a[i], b[j]) ? 1 : 0);
    }
    emit(`matrix row ${i}`, row.join(''));
    emit(`matrix self ${i}`, [verdict(assert.deepStrictEqual, a[i], b[i]), verdict(assert.deepEqual, a[i], b[i]),
      verdict(assert.notDeepStrictEqual, a[i], a[i])]);
  }
  const circ = () => { const x = { a: 1 }; x.s = x; return x; };
  const pairs = [
    [[1, 2], ['1', '2']], [{ a: 1 }, { a: '1' }], [new Set([1, '1']), new Set(['1', 1])], [new Set([1]), new Set(['1'])],
    [new Map([[1, 'a']]), new Map([['1', 'a']])], [new Map([[{}, 1]]), new Map([[{}, '1']])], [-0, 0], [[-0], [0]], [NaN, NaN],
    [new Number(1), new Number(1)], [new Number(NaN), new Number(NaN)], [new Number(-0), new Number(0)], [new String('a'), 'a'],
    [Object(1n), Object(1n)], [Object(1n), Object(2n)], [new Boolean(true), new Boolean(false)], [new String('a'), new Number(1)],
    [new Date(1), new Date(1)], [new Date(NaN), new Date(NaN)], [Object.assign(new Date(1), { x: 1 }), new Date(1)],
    [/a/g, /a/g], [/a/g, /a/i], [/a/, /b/], [Object.assign(/a/g, { lastIndex: 1 }), /a/g],
    [new Error('x'), new Error('x')], [new Error('x'), new TypeError('x')], [new Error('x'), new Error('y')],
    [Object.assign(new Error('x'), { c: 1 }), new Error('x')], [new Error('a', { cause: 1 }), new Error('a', { cause: 2 })],
    [new Error('a', { cause: 1 }), new Error('a')], [new Error('a', { cause: undefined }), new Error('a')],
    [new Error('a', { cause: { x: [1] } }), new Error('a', { cause: { x: [1] } })], [new Error('a', { cause: 1 }), new Error('a', { cause: '1' })],
    [new AggregateError([1], 'm'), new AggregateError([2], 'm')], [new AggregateError([1], 'm'), new AggregateError(['1'], 'm')],
    [new Error('x'), { message: 'x', name: 'Error' }], [{}, new Error('x')],
    [new Uint8Array([1]), new Int8Array([1])], [new Float64Array([-0]), new Float64Array([0])],
    [new Float64Array([NaN]), new Float64Array([NaN])], [new Float32Array([1.5]), new Float32Array([1.5])],
    [new Uint8Array(new ArrayBuffer(4), 1, 2), new Uint8Array(2)], [Object.assign(new Uint8Array(1), { x: 1 }), new Uint8Array(1)],
    [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))], [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(3))],
    [new ArrayBuffer(2), new ArrayBuffer(2)], [new ArrayBuffer(2), new SharedArrayBuffer(2)], [new SharedArrayBuffer(2), new SharedArrayBuffer(2)],
    [new Uint8Array([1, 2]).buffer, new Uint8Array([1, 3]).buffer], [new Uint8Array(2), new ArrayBuffer(2)],
    [Object.create(null), {}], [{ [Symbol.for('s')]: 1 }, {}], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 2 }],
    [Object.assign([], { [Symbol.for('s')]: 1 }), []],
    [[1, , 3], [1, undefined, 3]], [[1, , 3], [1, , 3]], [new Array(3), new Array(3)], [new Array(3), []], // eslint-disable-line no-sparse-arrays
    [{ a: undefined }, {}], [{ a: undefined }, { b: undefined }], [null, undefined], [1, true], ['', 0], ['1', 1], [[1], 1],
    [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }])], [new Map([[{ k: 1 }, 'a'], [{ k: 1 }, 'b']]), new Map([[{ k: 1 }, 'b'], [{ k: 1 }, 'a']])],
    [new Set([null]), new Set([undefined])], [new Set([null, undefined]), new Set([undefined, 0])], [new Map([[null, 1]]), new Map([[undefined, 1]])],
    [new Map([[null, 1], [undefined, 2]]), new Map([[undefined, 1], [null, 2]])], [new Map([[1, {}]]), new Map([['1', {}]])],
    [new Set([1, {}]), new Set(['1', {}])], [new Set([NaN]), new Set([NaN])], [new Set(['1', 2]), new Set([1, '2'])],
    [new Set([[1], [2], [3]]), new Set([[3], [2], [1]])], [new Set([[1], [2], [3]]), new Set([[3], [2], [4]])],
    [new Map([[[1], 'a'], [[1], 'b']]), new Map([[[1], 'b'], [[1], 'a']])], [new Map([['a', 1]]), new Map([['a', '1']])],
    [Object.assign(new Map(), { x: 1 }), new Map()], [Object.assign(new Set(), { x: 1 }), new Set()],
    [circ(), circ()], [(() => { const x = {}; x.s = x; return x; })(), (() => { const y = {}; y.s = { s: y }; return y; })()],
    [(() => { const x = [1]; x.push(x); return x; })(), (() => { const y = [1]; y.push([1, y]); return y; })()],
    [(() => { const m = new Map(); m.set('m', m); return m; })(), (() => { const m = new Map(); m.set('m', m); return m; })()],
    [(() => { const A = { id: 1 }; A.c = { id: 2, c: A }; return A; })(), (() => { const C = { id: 1 }; const D = { id: 2 }; C.c = D; D.c = D; return C; })()],
    [(() => { const G = { id: 1 }; G.c = G; return G; })(), (() => { const H = { id: 1, c: { id: 2 } }; H.c.c = H; return H; })()],
    [Promise.resolve(1), Promise.resolve(1)], [new WeakMap(), new WeakMap()], [new WeakSet(), new WeakSet()],
    [function f() {}, function f() {}], [() => 1, 'x'], [[1, 2], { 0: 1, 1: 2, length: 2 }],
    [Object.assign([1], { x: 1 }), [1]], [new (class A {})(), new (class B {})()], [new (class A {})(), {}],
    [{ [Symbol.toStringTag]: 'X' }, {}], [Object.assign(new Error('a'), { name: 'X' }), new Error('a')],
    [(function () { return arguments; })(1), [1]], [(function () { return arguments; })(1), { 0: 1 }],
    [(function () { return arguments; })(1, 2), (function () { return arguments; })(1, 2)],
    [Object.defineProperty({}, 'h', { value: 1 }), {}], [Object.defineProperty({ b: 2 }, 'a', { value: 1 }), { a: 1 }],
    [{ get g() { return 1; } }, { g: 1 }], [Object(Symbol.iterator), Object(Symbol.iterator)],
    [new Boolean(false), new Boolean(false)], [Object.setPrototypeOf(new Date(0), null), new Date(0)],
  ];
  pairs.forEach(([x, y], i) => {
    for (const [name, fn] of [['deepEqual', assert.deepEqual], ['deepStrictEqual', assert.deepStrictEqual],
      ['notDeepEqual', assert.notDeepEqual], ['notDeepStrictEqual', assert.notDeepStrictEqual]]) {
      emit(`tricky ${i} ${name}`, verdict(fn, x, y));
      emit(`tricky ${i} ${name} swapped`, verdict(fn, y, x));
    }
    emit(`tricky ${i} util`, [util.isDeepStrictEqual(x, y), util.isDeepStrictEqual(y, x)]);
  });
}

// assert.CallTracker: counts, reports and verify() failures.
function callTrackerCases() {
  const shown = (v) => JSON.stringify(v, (k, x) => {
    if (x instanceof Error) return `Error(${x.message}, ${typeof x.stack})`;
    return x === undefined ? '<undefined>' : x;
  });
  const attempt = (label, fn) => {
    try {
      emit(label, shown(fn()));
    } catch (err) {
      emit(label, [describe(err), Object.keys(err).filter((k) => !k.startsWith('stack trace'))
        .map((k) => [k, typeof err[k] === 'object' ? typeof err[k] : err[k]])]);
    }
  };
  const tracker = new assert.CallTracker();
  function foo(a, b) { return a + b; }
  const once = tracker.calls(foo);
  const twice = tracker.calls(foo, 2);
  const noop = tracker.calls();
  const three = tracker.calls(3);
  const anon = tracker.calls(() => 'anon');
  const withThis = tracker.calls(function (x) { return [this, x]; });
  const Cls = tracker.calls(class K { constructor(x) { this.x = x; } });
  emit('ct wrappers', [once.name, once.length, twice.name, noop.name, noop.length, three.name, typeof noop,
    once === twice, tracker.calls(once) === once, Object.keys(tracker), util.inspect(tracker), util.inspect(once)]);
  attempt('ct report 0', () => tracker.report());
  attempt('ct verify 0', () => tracker.verify());
  emit('ct results', [once(1, 2), twice('a', 'b'), noop(1), three(), anon(), withThis.call(5, 'x'), new Cls(1).x]);
  attempt('ct getCalls', () => [tracker.getCalls(once), tracker.getCalls(withThis), tracker.getCalls(Cls), tracker.getCalls(three)]);
  const calls = tracker.getCalls(withThis);
  emit('ct frozen', [Object.isFrozen(calls), Object.isFrozen(calls[0]), Object.isFrozen(calls[0].arguments),
    calls === tracker.getCalls(withThis), calls[0] === tracker.getCalls(withThis)[0]]);
  attempt('ct report 1', () => tracker.report());
  attempt('ct verify 1', () => tracker.verify());
  twice(); three(); three();
  attempt('ct class without new', () => Cls(2));
  attempt('ct verify 2', () => tracker.verify());
  once();
  attempt('ct verify 3', () => tracker.verify());
  tracker.reset(once);
  once();
  attempt('ct verify after reset', () => tracker.verify());
  tracker.reset();
  attempt('ct report after reset all', () => tracker.report().map((r) => [r.operator, r.actual, r.expected]));
  for (const [label, fn] of [['getCalls untracked', () => tracker.getCalls(foo)], ['reset untracked', () => tracker.reset(foo)],
    ['getCalls number', () => tracker.getCalls(1)], ['calls string exact', () => tracker.calls(foo, 'x')],
    ['calls negative', () => tracker.calls(foo, -1)], ['calls zero', () => tracker.calls(foo, 0)],
    ['calls fraction', () => tracker.calls(foo, 1.5)], ['calls huge', () => tracker.calls(foo, 2 ** 32)],
    ['calls undefined fn', () => typeof tracker.calls(undefined, 2)], ['calls undefined exact', () => typeof tracker.calls(foo, undefined)]]) {
    attempt(`ct ${label}`, fn);
  }
  const lone = new assert.CallTracker();
  const thrower = lone.calls(function boom() { throw new Error('inner'); });
  attempt('ct throwing fn', () => thrower());
  attempt('ct throwing fn verify', () => [lone.getCalls(thrower).length, lone.verify()]);
  const single = new assert.CallTracker();
  const z = single.calls(function zed() {}, 1);
  z(); z();
  attempt('ct single failure', () => single.verify());
  // A `get` (or `set`) on Object.prototype changes neither the errors nor
  // the wrappers: descriptors and the Proxy handler inherit nothing.
  Object.prototype.get = () => { throw new Error('inherited get used'); };
  Object.prototype.set = () => { throw new Error('inherited set used'); };
  try {
    attempt('ct patched proto: fail', () => assert.fail('boom'));
    attempt('ct patched proto: strictEqual', () => assert.strictEqual(1, 2));
    attempt('ct patched proto: code error', () => assert.throws(() => {}, { code: 'X' }));
    const patched = new assert.CallTracker();
    function three(a, b, c = 2) { return a + b + c; }
    three.extra = 'kept';
    const w = patched.calls(three);
    attempt('ct patched proto: wrapper', () => [w(1, 2, 3), w.extra, w.length, w.name, patched.getCalls(w).length]);
    attempt('ct patched proto: verify', () => patched.verify());
  } finally {
    delete Object.prototype.get;
    delete Object.prototype.set;
  }
  // Wrappers made while the process exits could never be verified.
  process.on('exit', () => {
    attempt('ct calls during exit', () => single.calls(foo, 1));
    attempt('ct getCalls during exit', () => single.getCalls(z).length);
  });
}

// Gives every error reachable from `root` (through data properties, Map
// and Set entries) a fixed stack, so that messages show no file paths.
function fixAllStacks(root) {
  const seen = new Set();
  const visit = (v) => {
    if ((typeof v !== 'object' && typeof v !== 'function') || v === null || seen.has(v)) return;
    seen.add(v);
    if (util.types.isProxy(v)) return;
    if (v instanceof Error || util.types.isNativeError(v)) fixStack(v);
    if (v instanceof Map) for (const [k, x] of v) { visit(k); visit(x); }
    if (v instanceof Set) for (const x of v) visit(x);
    for (const desc of Object.values(Object.getOwnPropertyDescriptors(v))) {
      if ('value' in desc) visit(desc.value);
    }
  };
  visit(root);
  return root;
}

// Messages of the comparing assertions over the shared value corpus.
function corpusMessageCases() {
  const a = fixAllStacks(makeCorpus());
  const b = fixAllStacks(makeCorpus());
  const fns = ['strictEqual', 'deepStrictEqual', 'deepEqual', 'notDeepStrictEqual', 'notDeepEqual',
    'notStrictEqual', 'equal'];
  // A rejected promise's reason (with its stack) cannot be reached to fix.
  const skip = (v) => (typeof v === 'string' && v.length > 1000) ||
    (util.types.isPromise(v) && util.inspect(v).includes('<rejected>'));
  for (let i = 0; i < a.length; i++) {
    if (skip(a[i]) || skip(b[(i + 1) % a.length])) continue;
    for (const fn of fns) {
      run(`corpus ${fn} ${i} clone`, () => assert[fn](a[i], b[i]));
    }
    const j = (i + 1) % a.length;
    for (const fn of ['strictEqual', 'deepStrictEqual', 'deepEqual']) {
      run(`corpus ${fn} ${i} next`, () => assert[fn](a[i], b[j]));
    }
  }
}

// rejects()/doesNotReject(): run one after another so the output order is fixed.
async function asyncCases(specs) {
  const settle = async (label, fn) => {
    try {
      await fn();
      emit(label, 'pass');
    } catch (err) {
      emit(label, describe(err));
    }
  };
  const failing = () => Promise.reject(fixStack(new TypeError('type message')));
  for (const [sname, args] of specs) {
    await settle(`rejects rejected ${sname}`, () => assert.rejects(failing(), ...args));
    await settle(`rejects fn ${sname}`, () => assert.rejects(failing, ...args));
    await settle(`rejects resolved ${sname}`, () => assert.rejects(Promise.resolve(1), ...args));
    await settle(`doesNotReject rejected ${sname}`, () => assert.doesNotReject(failing(), ...args));
    await settle(`doesNotReject resolved ${sname}`, () => assert.doesNotReject(() => Promise.resolve(2), ...args));
  }
  for (const bad of [1, 'str', null, {}, () => 1, () => ({ then() {} })]) {
    const label = typeof bad === 'function' ? `fn:${bad()}` : util.inspect(bad);
    await settle(`rejects bad ${label}`, () => assert.rejects(bad));
    await settle(`doesNotReject bad ${label}`, () => assert.doesNotReject(bad));
  }
  const thenable = { then(ok, no) { no(fixStack(new Error('thenable'))); }, catch() {} };
  await settle('rejects thenable', () => assert.rejects(thenable, /thenable/));
  await settle('rejects sync throw', () => assert.rejects(() => { throw fixStack(new Error('sync')); }));
  await settle('rejects non-error', () => assert.rejects(Promise.reject(3), (v) => v === 3));
  const p = assert.rejects(Promise.resolve());
  emit('rejects returns promise', p instanceof Promise);
  await p.catch(() => {});
}

async function main() {
  pairCases();
  diffCases();
  okAndFailCases();
  missingArgCases();
  const specs = throwsCases();
  errorShapeCases();
  ifErrorAndMatchCases();
  matrixCases();
  corpusMessageCases();
  callTrackerCases();
  await asyncCases(specs);
}

main().catch((err) => {
  emit('corpus crashed', describe(err));
  process.exitCode = 1;
});
