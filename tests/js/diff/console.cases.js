// Differential corpus for node:console and node:util: every case prints one JSON record of what the Console wrote.
'use strict';

const { Console } = require('console');
const util = require('util');

function record(label, result) {
  console.log(JSON.stringify([label, result]));
}

// A stream stand-in that keeps each chunk; the listener methods let Node's
// error guard run as it does on a real stream.
function makeSink(chunks, extra) {
  return Object.assign({
    write(chunk) {
      chunks.push(chunk);
      return true;
    },
    listenerCount() { return 1; },
    once() {},
    removeListener() {},
  }, extra);
}

function makeConsole(options, streamExtra) {
  const out = [];
  const err = [];
  // The console writes its colour decision into inspectOptions, so every
  // case gets its own copy.
  const fresh = { ...options };
  if (fresh.inspectOptions) fresh.inspectOptions = { ...fresh.inspectOptions };
  const c = new Console({
    stdout: makeSink(out, streamExtra),
    stderr: makeSink(err, streamExtra),
    ...fresh,
  });
  return { c, out, err };
}

// Runs fn with process.emitWarning replaced, so warnings are seen at once.
function withWarnings(fn) {
  const saved = process.emitWarning;
  const warnings = [];
  process.emitWarning = (...args) => {
    warnings.push(args.filter((a) => typeof a === 'string'));
  };
  try {
    fn();
  } finally {
    process.emitWarning = saved;
  }
  return warnings;
}

function errorInfo(e) {
  return { name: e.name, code: e.code, message: e.message };
}

function attempt(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { threw: errorInfo(e) };
  }
}

// Runs a scenario against a fresh console and records everything written.
function scenario(label, options, body, streamExtra) {
  const { c, out, err } = makeConsole(options, streamExtra);
  let thrown;
  const warnings = withWarnings(() => {
    try {
      body(c);
    } catch (e) {
      thrown = errorInfo(e);
    }
  });
  const result = { out, err };
  if (warnings.length) result.warnings = warnings;
  if (thrown) result.thrown = thrown;
  record(label, result);
}

function makeValues() {
  const err = new RangeError('bad range');
  err.stack = 'RangeError: bad range\n    at fixed (file.js:1:1)';
  const plainErr = new Error('plain');
  plainErr.stack = 'Error: plain';
  class Point {
    constructor() {
      this.x = 1;
      this.y = 2;
    }
  }
  const cyclic = { name: 'cyc' };
  cyclic.self = cyclic;
  return [
    ['undefined', undefined],
    ['null', null],
    ['true', true],
    ['zero', 0],
    ['negzero', -0],
    ['int', 42],
    ['float', 3.25],
    ['nan', NaN],
    ['inf', -Infinity],
    ['bigint', 123n],
    ['str', 'hello'],
    ['emptystr', ''],
    ['multiline', 'a\nb\nc'],
    ['quotes', 'it\'s "q"'],
    ['unicode', '中文😀'],
    ['symbol', Symbol('sym')],
    ['arr', [1, 'two', [3, [4, [5]]]]],
    ['sparse', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['longarr', Array.from({ length: 120 }, (_, i) => i)],
    ['obj', { a: 1, b: 'x', c: { d: { e: { f: 1 } } } }],
    ['nullproto', Object.assign(Object.create(null), { k: 1 })],
    ['map', new Map([['k', 1], [{ o: 1 }, [2]]])],
    ['set', new Set([1, 'a', { s: 1 }])],
    ['date', new Date(0)],
    ['regexp', /ab+c/gi],
    ['err', err],
    ['plainerr', plainErr],
    ['fn', function named() {}],
    ['arrow', () => {}],
    ['class', Point],
    ['instance', new Point()],
    ['cyclic', cyclic],
    ['boxed', Object(5)],
    ['typed', new Uint8Array([1, 2, 3])],
    ['promise', Promise.resolve(7)],
    ['wide', { 'ключ': 'значение', '键': '值' }],
    ['longstr', 'x'.repeat(200)],
    ['nested', { level1: { level2: { level3: { level4: 'deep' } } } }],
    ['manykeys', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i}`, i]))],
    ['custom', { [util.inspect.custom]() { return 'CUSTOM!'; } }],
  ];
}

const kOptionSets = [
  ['plain', {}],
  ['colorTrue', { colorMode: true }],
  ['colorFalse', { colorMode: false }],
  ['depth0', { inspectOptions: { depth: 0 } }],
  ['compactFalse', { inspectOptions: { compact: false } }],
  ['inspectColors', { inspectOptions: { colors: true } }],
  ['break20', { inspectOptions: { breakLength: 20 } }],
  ['sorted', { inspectOptions: { sorted: true }, colorMode: false }],
];

function logCases() {
  const values = makeValues();
  for (const [optName, options] of kOptionSets) {
    for (const [valName, value] of values) {
      scenario(`log/${optName}/${valName}`, options, (c) => c.log(value));
    }
  }
  for (const [valName, value] of values) {
    scenario(`log/two/${valName}`, {}, (c) => c.log('label', value, 'tail'));
    scenario(`error/${valName}`, {}, (c) => c.error(value));
  }
  for (const method of ['log', 'info', 'debug', 'dirxml', 'warn', 'error']) {
    scenario(`method/${method}`, {}, (c) => c[method]('m %s', method, { x: [1] }));
    scenario(`method/${method}/empty`, {}, (c) => c[method]());
    scenario(`method/${method}/color`, { colorMode: true },
             (c) => c[method](1, 'a', null));
  }
}

function formatCases() {
  const specs = ['%s', '%d', '%i', '%f', '%j', '%o', '%O', '%c', '%%', '%x'];
  const args = [
    ['num', 42.5],
    ['str', '12px'],
    ['obj', { a: [1, 2] }],
    ['bigint', 9n],
    ['nullv', null],
    ['neg', -7.9],
  ];
  for (const spec of specs) {
    for (const [name, value] of args) {
      scenario(`format/${spec}/${name}`, {}, (c) => c.log(`[${spec}]`, value));
      scenario(`format/inline${spec}/${name}`, {},
               (c) => c.log(`a${spec}b`, value, 'extra'));
    }
  }
  scenario('format/missing', {}, (c) => c.log('%s and %s', 'one'));
  scenario('format/nonstring-first', {}, (c) => c.log(5, '%s', 'x'));
  scenario('format/color-s', { colorMode: true }, (c) => c.log('%s %o', 5, [1]));
}

function dirCases() {
  const values = makeValues();
  const optionsList = [
    ['none', undefined],
    ['depth0', { depth: 0 }],
    ['colors', { colors: true }],
    ['hidden', { showHidden: true }],
    ['custom', { customInspect: true }],
  ];
  for (const [valName, value] of values) {
    for (const [optName, opts] of optionsList) {
      if (optName !== 'none' && !['obj', 'arr', 'custom', 'map', 'nested', 'err'].includes(valName)) {
        continue;
      }
      scenario(`dir/${optName}/${valName}`, {}, (c) => c.dir(value, opts));
    }
  }
  scenario('dir/consoleColors', { colorMode: true }, (c) => c.dir({ n: 1 }));
  scenario('dir/consoleInspect', { inspectOptions: { depth: 0 } },
           (c) => c.dir({ a: { b: 1 } }));
  scenario('dir/overrideConsole', { colorMode: true },
           (c) => c.dir({ a: 's' }, { colors: false }));
}

function tableShapes() {
  const shapes = [
    ['primArray', [1, 2, 3]],
    ['strArray', ['a', 'bb', 'ccc']],
    ['mixedArray', [1, 'two', { x: 1 }, null, undefined]],
    ['objArray', [{ a: 1, b: 2 }, { a: 3, c: 4 }]],
    ['arrArray', [[1, 2], [3, 4, 5], []]],
    ['emptyArray', []],
    ['emptyObj', {}],
    ['objOfObj', { r1: { c1: 1 }, r2: { c2: 2 } }],
    ['objOfPrim', { a: 1, b: 'x', c: true }],
    ['objMixed', { a: { x: 1 }, b: 5 }],
    ['map', new Map([['a', 1], ['b', { x: 1 }]])],
    ['mapObjKeys', new Map([[{ k: 1 }, [1, 2]], [null, undefined]])],
    ['emptyMap', new Map()],
    ['set', new Set([1, 'x', { y: 2 }])],
    ['emptySet', new Set()],
    ['nested', [{ a: { b: { c: 1 } } }, { a: [1, 2, 3, 4, 5] }]],
    ['manyKeysCell', [{ o: { a: 1, b: 2, c: 3 } }, { o: { a: 1, b: 2 } }]],
    ['wide', [{ name: '中文', v: 1 }, { name: 'abc', v: '漢字テスト' }]],
    ['emoji', [{ e: '😀😀' }, { e: 'x' }]],
    ['combining', [{ s: 'e\u0301e\u0301' }, { s: 'ee' }]],
    ['zeroWidth', [{ s: 'a\u200bb' }, { s: 'ab' }]],
    ['ansiCell', [{ s: '\u001b[31mred\u001b[39m' }, { s: 'plain' }]],
    ['multilineStr', ['line1\nline2', 'x']],
    ['longStr', ['x'.repeat(40), 'y']],
    ['numericKeys', [{ 2: 'b', 1: 'a' }, { 0: 'z', x: 1 }]],
    ['laterIndexKey', [{ b: 1 }, { 10: 2, a: 3 }]],
    ['protoKey', [JSON.parse('{"__proto__": 1, "a": 2}')]],
    ['symbols', [{ [Symbol('s')]: 1, a: 2 }]],
    ['symbolValue', [Symbol('v'), { a: Symbol('w') }]],
    ['bigints', [{ a: 1n }, 2n]],
    ['functions', [function f() {}, { fn() {} }]],
    ['fnRow', [Object.assign(function g() {}, { p: 1 })]],
    ['dates', [{ d: new Date(0) }]],
    ['errorsCell', [{ e: Object.assign(new Error('x'), { stack: 'Error: x' }) }]],
    ['sparse', [1, , 3]], // eslint-disable-line no-sparse-arrays
    ['sparseObjs', [{ a: 1 }, , { a: 3 }]], // eslint-disable-line no-sparse-arrays
    ['typedArray', new Uint8Array([5, 6, 7])],
    ['typedInRows', [{ t: new Int16Array([1, 2, 3, 4]) }]],
    ['arrayOfMaps', [new Map([[1, 2]]), { a: 1 }]],
    ['arrayOfSets', [new Set([1]), new Set()]],
    ['nullRow', [null, { a: 1 }]],
    ['stringObj', new String('ab')],
    ['arrayWithProps', Object.assign([1, 2], { extra: 'e' })],
    ['longArrayCell', [{ a: Array.from({ length: 10 }, (_, i) => i) }]],
    ['deepArrays', [[[1, [2]]], [[3]]]],
    ['valuesColumn', [{ Values: 1 }, 2]],
    ['indexColumn', [{ '(index)': 'dup' }]],
    ['negativeZero', [-0, 0]],
    ['unicodeKeys', [{ 'ключ': 1, '键': 2 }]],
    ['wideHeaderKey', [{ '漢字漢字漢字': 1 }]],
    ['manyRows', Array.from({ length: 12 }, (_, i) => ({ i, sq: i * i }))],
    ['manyCols', [Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`c${i}`, i]))]],
    ['cyclicRow', (() => { const o = { a: 1 }; o.self = o; return [o]; })()],
    ['getterRow', [Object.defineProperty({}, 'g', { get() { return 'got'; }, enumerable: true })]],
    ['nonEnum', [Object.defineProperty({ v: 1 }, 'hidden', { value: 2 })]],
    ['inherited', [Object.create({ inh: 1 }, { own: { value: 2, enumerable: true } })]],
    ['mapOfArrays', new Map([['k', [1, 2, 3, 4, 5]]])],
    ['setOfObjects', new Set([{ a: 1 }, { b: 2, c: 3, d: 4 }])],
    ['objOfArrays', { x: [1, 2], y: [3] }],
    ['objOfMaps', { m: new Map([['a', 1]]) }],
    ['boolRows', [true, false]],
    ['stringRowsAndObj', ['s', { s: 's' }]],
    ['mapIterEntries', () => new Map([['a', 1], ['b', 2]]).entries()],
    ['mapIterKeys', () => new Map([['a', 1], ['b', 2]]).keys()],
    ['mapIterValues', () => new Map([['a', 1], ['b', { v: 2 }]]).values()],
    ['setIterValues', () => new Set(['p', 'q']).values()],
    ['setIterEntries', () => new Set(['p', 'q']).entries()],
    ['mapIterPartial', () => { const it = new Map([[1, 2], [3, 4]]).entries(); it.next(); return it; }],
  ];
  return shapes;
}

function tableCases() {
  const propsList = [
    ['noProps', undefined],
    ['propsA', ['a']],
    ['propsAC', ['a', 'c', 'missing']],
    ['propsEmpty', []],
    ['propsNum', [0, 1]],
  ];
  for (const [name, shape] of tableShapes()) {
    const data = () => (typeof shape === 'function' ? shape() : shape);
    scenario(`table/${name}`, {}, (c) => c.table(data()));
    scenario(`table/${name}/color`, { colorMode: true }, (c) => c.table(data()));
    for (const [propName, props] of propsList.slice(1)) {
      if (!['objArray', 'arrArray', 'objOfObj', 'mixedArray', 'map', 'primArray',
            'nullRow', 'sparseObjs', 'numericKeys', 'set'].includes(name)) {
        continue;
      }
      scenario(`table/${name}/${propName}`, {}, (c) => c.table(data(), props));
    }
  }
  const primitives = [1, 'str', null, undefined, true, 5n, Symbol('t')];
  primitives.forEach((value, i) => {
    scenario(`table/primitive${i}`, {}, (c) => c.table(value));
  });
  scenario('table/function', {}, (c) => c.table(function tf() {}));
  scenario('table/badProps', {}, (c) => c.table([{ a: 1 }], 'a'));
  scenario('table/badPropsObj', {}, (c) => c.table([{ a: 1 }], { a: 1 }));
  scenario('table/inGroup', {}, (c) => {
    c.group('G');
    c.table([{ a: 1 }]);
  });
  scenario('table/depth', { inspectOptions: { depth: 5 } },
           (c) => c.table([{ a: { b: { c: { d: 1 } } } }]));
  scenario('table/inspectBreak', { inspectOptions: { breakLength: 10 } },
           (c) => c.table([{ a: { b: 1, c: 2 } }]));
}

function groupCases() {
  for (const width of [undefined, 0, 1, 3, 4, 8]) {
    const options = width === undefined ? {} : { groupIndentation: width };
    const w = String(width);
    scenario(`group/${w}/nested`, options, (c) => {
      c.log('top');
      c.group('one');
      c.log('in one');
      c.group();
      c.log('in two');
      c.error('err in two');
      c.groupEnd();
      c.log('back in one');
      c.groupEnd();
      c.log('out');
    });
    scenario(`group/${w}/multiline`, options, (c) => {
      c.group('G');
      c.log('a\nb\n\nc\n');
      c.dir({ a: 1, b: 'x'.repeat(80) });
    });
    scenario(`group/${w}/collapsed`, options, (c) => {
      c.groupCollapsed('C', 1, { z: 1 });
      c.warn('w');
      c.groupEnd();
      c.groupEnd();
      c.groupEnd();
      c.log('after extra ends');
    });
    scenario(`group/${w}/countAssert`, options, (c) => {
      c.group();
      c.count('x');
      c.assert(false, 'in group');
    });
  }
  scenario('group/deep', {}, (c) => {
    for (let i = 0; i < 6; i++) c.group(`level ${i}`);
    c.log('deepest\nsecond');
    for (let i = 0; i < 6; i++) c.groupEnd();
    c.log('root');
  });
  scenario('group/formatArgs', {}, (c) => c.group('%s-%d', 'a', 7));
  {
    const { c, out, err } = makeConsole({});
    c.group('t');
    c.trace('traced');
    record('group/trace', { out, err: firstLines(err) });
  }
}

function countCases() {
  scenario('count/default', {}, (c) => {
    c.count();
    c.count();
    c.count('default');
    c.countReset();
    c.count();
  });
  scenario('count/labels', {}, (c) => {
    c.count('a');
    c.count('b');
    c.count('a');
    c.count(1);
    c.count({});
    c.count(null);
    c.count(undefined);
  });
  scenario('count/resetMissing', {}, (c) => {
    c.countReset('nope');
    c.countReset();
  });
  scenario('count/resetNumber', {}, (c) => {
    c.count(1);
    c.countReset(1);
    c.count(1);
    c.countReset('1');
    c.count(1);
  });
  scenario('count/resetThenCount', {}, (c) => {
    c.count('z');
    c.countReset('z');
    c.countReset('z');
    c.count('z');
  });
  scenario('count/percent', {}, (c) => c.count('%s %d'));
  scenario('count/color', { colorMode: true }, (c) => c.count('c'));
  scenario('count/symbolLabel', {}, (c) => c.count(Symbol('s')));
}

function normalizeDuration(chunks) {
  return chunks.map((s) => s.replace(/\d+(\.\d+)?(ms|s|min|h)/g, '<dur>'));
}

function timeScenario(label, options, body) {
  const { c, out, err } = makeConsole(options);
  let thrown;
  const warnings = withWarnings(() => {
    try {
      body(c);
    } catch (e) {
      thrown = errorInfo(e);
    }
  });
  record(label, { out: normalizeDuration(out), err, warnings, thrown });
}

function timeCases() {
  timeScenario('time/default', {}, (c) => {
    c.time();
    c.timeLog();
    c.timeEnd();
  });
  timeScenario('time/label', {}, (c) => {
    c.time('lbl');
    c.timeLog('lbl', 'extra', { a: 1 }, [2]);
    c.timeEnd('lbl');
    c.timeEnd('lbl');
  });
  timeScenario('time/duplicate', {}, (c) => {
    c.time('d');
    c.time('d');
  });
  timeScenario('time/missing', {}, (c) => {
    c.timeEnd('none');
    c.timeLog('none');
    c.timeLog();
  });
  timeScenario('time/percentLabel', {}, (c) => {
    c.time('%s');
    c.timeEnd('%s');
  });
  timeScenario('time/numberLabel', {}, (c) => {
    c.time(5);
    c.timeEnd('5');
  });
  timeScenario('time/objectLabel', {}, (c) => {
    c.time({});
    c.timeEnd('[object Object]');
  });
  timeScenario('time/inGroup', {}, (c) => {
    c.group();
    c.time('g');
    c.timeLog('g', 'x\ny');
  });
  timeScenario('time/color', { colorMode: true }, (c) => {
    c.time('c');
    c.timeLog('c', 5);
  });
  timeScenario('time/timesMap', {}, (c) => {
    c.time('m');
    c.log(typeof c._times, c._times.has('m'), c._times.has('x'));
  });
}

function assertCases() {
  const variants = [
    ['trueNoMsg', [true]],
    ['trueMsg', [1, 'never']],
    ['falseNoMsg', [false]],
    ['zeroMsg', [0, 'zero']],
    ['nullFmt', [null, 'v=%d', 42]],
    ['emptyStr', ['', 'empty']],
    ['undef', [undefined, 'a', 'b']],
    ['objMsg', [false, { o: 1 }]],
    ['arrMsg', [false, [1, 2]]],
    ['numMsg', [false, 5, 6]],
    ['nanCond', [NaN, 'nan']],
    ['percentMsg', [false, '%s%%', 'x']],
    ['multiMsg', [false, 'line1\nline2']],
    ['noArgs', []],
    ['symbolMsg', [false, Symbol('s')]],
    ['objCond', [{}, 'obj ok']],
  ];
  for (const [name, args] of variants) {
    scenario(`assert/${name}`, {}, (c) => c.assert(...args));
    scenario(`assert/${name}/color`, { colorMode: true }, (c) => c.assert(...args));
  }
}

function firstLines(chunks) {
  return chunks.map((s) => s.split('\n')[0]);
}

function traceCases() {
  const argsList = [
    ['empty', []],
    ['msg', ['here']],
    ['fmt', ['n=%d %s', 3, 'x']],
    ['obj', [{ a: 1 }]],
    ['multi', ['a', 'b', 1]],
    ['err', [Object.assign(new Error('e'), { stack: 'Error: e' })]],
  ];
  for (const [name, args] of argsList) {
    for (const [optName, options] of [['plain', {}], ['color', { colorMode: true }]]) {
      const { c, out, err } = makeConsole(options);
      c.trace(...args);
      record(`trace/${name}/${optName}`, {
        out, err: firstLines(err), hasFrames: err.every((s) => s.includes('\n    at ')),
      });
    }
  }
}

function constructorCases() {
  const sink = () => makeSink([]);
  const inputs = [
    ['none', () => new Console()],
    ['null', () => new Console(null)],
    ['emptyObj', () => new Console({})],
    ['noWrite', () => new Console({ stdout: {} })],
    ['badStderr', () => new Console({ stdout: sink(), stderr: 1 })],
    ['badStderrObj', () => new Console({ stdout: sink(), stderr: { write: 1 } })],
    ['colorModeStr', () => new Console({ stdout: sink(), colorMode: 'x' })],
    ['colorModeNum', () => new Console({ stdout: sink(), colorMode: 1 })],
    ['colorModeNull', () => new Console({ stdout: sink(), colorMode: null })],
    ['indentBig', () => new Console({ stdout: sink(), groupIndentation: 1001 })],
    ['indentNeg', () => new Console({ stdout: sink(), groupIndentation: -1 })],
    ['indentFloat', () => new Console({ stdout: sink(), groupIndentation: 1.5 })],
    ['indentStr', () => new Console({ stdout: sink(), groupIndentation: '2' })],
    ['indentNull', () => new Console({ stdout: sink(), groupIndentation: null })],
    ['indentMax', () => new Console({ stdout: sink(), groupIndentation: 1000 })],
    ['inspectNum', () => new Console({ stdout: sink(), inspectOptions: 3 })],
    ['inspectNull', () => new Console({ stdout: sink(), inspectOptions: null })],
    ['inspectArr', () => new Console({ stdout: sink(), inspectOptions: [] })],
    ['colorsPair', () => new Console({ stdout: sink(), inspectOptions: { colors: true }, colorMode: 'auto' })],
    ['colorsPairFalse', () => new Console({ stdout: sink(), inspectOptions: { colors: false }, colorMode: false })],
    ['colorsOnly', () => new Console({ stdout: sink(), inspectOptions: { colors: true } })],
    ['legacy', () => new Console(sink(), sink(), false)],
    ['legacyOne', () => new Console(sink())],
    ['legacyBadErr', () => new Console(sink(), 5)],
    ['noNew', () => Console({ stdout: sink() })],
    ['fnStream', () => new Console(Object.assign(() => {}, { write() {} }))],
  ];
  for (const [name, make] of inputs) {
    const r = attempt(make);
    if (r.ok !== undefined) r.ok = r.ok instanceof Console;
    record(`ctor/${name}`, r);
  }
  const { c } = makeConsole({});
  record('ctor/ownKeys', Object.keys(c));
  record('ctor/protoKeys', Object.keys(Console.prototype));
  record('ctor/names', Object.keys(c).map((k) => c[k].name));
  record('ctor/length', [Console.length, Console.name, c.log.length, c.table.length]);
  record('ctor/tag', [Object.prototype.toString.call(c), String(c)]);
  record('ctor/instanceof', [c instanceof Console, console instanceof Console,
    {} instanceof Console, Object.create(c) instanceof Console]);
  record('ctor/identity', [Console.prototype.error === Console.prototype.warn,
    Console.prototype.info === Console.prototype.log,
    Console.prototype.groupCollapsed === Console.prototype.group,
    c.error === c.warn, c.log === Console.prototype.log]);
  record('ctor/global', [typeof console.log, console.log.name, console.Console === Console,
    Object.getPrototypeOf(console) === Object.prototype,
    Object.keys(console).slice(0, 19)]);
  record('ctor/streams', [c._stdout === c._stdout, typeof c._stdout.write,
    Object.getOwnPropertyDescriptor(c, '_stdout').enumerable]);
  // A detached method still writes to its console.
  const detached = makeConsole({});
  const { log, table } = detached.c;
  log('detached');
  table([1]);
  record('ctor/detached', detached.out);
  // Subclass overrides are what gets bound.
  class Loud extends Console {
    log(...args) {
      super.log('LOUD', ...args);
    }
  }
  const loudOut = [];
  const loud = new Loud({ stdout: makeSink(loudOut) });
  loud.log('x');
  loud.count('k');
  loud.info('i');
  record('ctor/subclass', loudOut);
  // The legacy form with stderr omitted sends errors to stdout.
  const single = [];
  const sc = new Console(makeSink(single));
  sc.log('o');
  sc.error('e');
  record('ctor/stderrDefault', single);
}

function colorModeCases() {
  const streams = [
    ['ttyDepth8', { isTTY: true, getColorDepth: () => 8 }],
    ['ttyDepth24', { isTTY: true, getColorDepth: () => 24 }],
    ['ttyDepth1', { isTTY: true, getColorDepth: () => 1 }],
    ['ttyDepth2', { isTTY: true, getColorDepth: () => 2 }],
    ['ttyNoDepth', { isTTY: true }],
    ['notTty', { isTTY: false, getColorDepth: () => 8 }],
    ['plain', {}],
  ];
  for (const [name, extra] of streams) {
    for (const mode of ['auto', true, false]) {
      scenario(`colorMode/${name}/${mode}`, { colorMode: mode },
               (c) => {
                 c.log({ n: 1, s: 'x' });
                 c.error([true]);
                 c.table([{ a: 1 }]);
               }, extra);
    }
    scenario(`colorMode/${name}/inspectOpts`, { inspectOptions: { depth: 0 } },
             (c) => c.log({ a: { b: 2 } }, 7), extra);
  }
  // The console records its colour decision in the caller's inspectOptions.
  for (const [name, extra] of streams) {
    for (const mode of ['auto', true, false]) {
      const opts = { depth: 1 };
      const settings = { stdout: makeSink([], extra), inspectOptions: opts };
      if (mode !== 'auto') settings.colorMode = mode;
      const c = new Console(settings);
      const before = Object.entries(opts);
      c.log({ a: 1 });
      const after = Object.entries(opts);
      const again = attempt(() => new Console({ ...settings, colorMode: false }) instanceof Console);
      record(`colorMode/optsWritten/${name}/${mode}`, [before, after, 'colors' in opts, again]);
    }
  }
}

function errorHandlingCases() {
  const throwing = (chunks) => ({
    write(s) {
      chunks.push(s);
      throw new Error('write failed');
    },
    listenerCount() { return 1; },
    once() {},
    removeListener() {},
  });
  for (const ignoreErrors of [undefined, true, false]) {
    const chunks = [];
    const opts = { stdout: throwing(chunks) };
    if (ignoreErrors !== undefined) opts.ignoreErrors = ignoreErrors;
    const c = new Console(opts);
    record(`ignoreErrors/${ignoreErrors}`, {
      result: attempt(() => { c.log('a'); c.error('b'); return 'done'; }),
      chunks,
    });
  }
  // With ignoreErrors false the stream sees exactly one argument.
  const seen = [];
  const c = new Console({
    stdout: { write(...args) { seen.push(args.length); } },
    ignoreErrors: false,
  });
  c.log('x');
  record('ignoreErrors/argCount', seen);
  // With the default, the write gets a callback, and an EventEmitter-like
  // stream without listeners gets a temporary one.
  const calls = [];
  const ee = {
    count: 0,
    write(s, cb) { calls.push(['write', typeof cb, this.count]); return true; },
    listenerCount() { return this.count; },
    once(ev) { calls.push(['once', ev]); this.count++; },
    removeListener(ev) { calls.push(['remove', ev]); this.count--; },
  };
  new Console({ stdout: ee }).log('y');
  record('ignoreErrors/guard', calls);
  // A non-Console receiver cannot log.
  record('ignoreErrors/unbound', attempt(() => Console.prototype.log.call({}, 'x')).threw !== undefined);
}

function clearCases() {
  for (const [name, extra] of [['tty', { isTTY: true }], ['notTty', {}]]) {
    scenario(`clear/${name}`, {}, (c) => {
      c.log('before');
      c.clear();
    }, extra);
  }
}

// --- util ---------------------------------------------------------------

function utilSyncCases() {
  // inherits.
  const inheritInputs = [
    ['nullCtor', () => util.inherits(null, function P() {})],
    ['undefCtor', () => util.inherits(undefined, function P() {})],
    ['nullSuper', () => util.inherits(function C() {}, null)],
    ['undefSuper', () => util.inherits(function C() {}, undefined)],
    ['objSuper', () => util.inherits(function C() {}, {})],
    ['arrowSuper', () => util.inherits(function C() {}, () => {})],
    ['nullProtoSuper', () => util.inherits(function C() {}, Object.create(null))],
    ['numCtor', () => util.inherits(5, function P() {})],
  ];
  for (const [name, fn] of inheritInputs) record(`inherits/${name}`, attempt(fn));
  {
    function Base() {}
    Base.prototype.hi = function hi() { return 'hi'; };
    function Child() { Base.call(this); }
    util.inherits(Child, Base);
    const d = Object.getOwnPropertyDescriptor(Child, 'super_');
    record('inherits/works', [new Child().hi(), Child.super_ === Base, d.enumerable,
      d.writable, d.configurable, new Child() instanceof Base,
      Object.getPrototypeOf(Child.prototype) === Base.prototype]);
  }

  // toUSVString.
  const usv = ['plain', 'a\ud800', '\udc00b', '\ud800\udc00', '\udc00\ud800',
    '\ud83d\ude00\ud83d', '', 'x\ud800y\udfffz', '\ud800\ud800\udc00'];
  usv.forEach((s, i) => {
    record(`toUSVString/${i}`, Array.from(util.toUSVString(s), (ch) => ch.codePointAt(0)));
  });
  record('toUSVString/number', util.toUSVString(12));
  record('toUSVString/object', util.toUSVString({}));

  // stripVTControlCharacters.
  for (const [i, s] of ['\u001b[31mred\u001b[39m', 'no codes', '\u001b[1;2;3mX',
    '\u001b]8;;http://x\u0007link\u001b]8;;\u0007', '\u009b31mY'].entries()) {
    record(`stripVT/${i}`, util.stripVTControlCharacters(s));
  }
  record('stripVT/bad', attempt(() => util.stripVTControlCharacters(5)));

  // styleText.
  const styles = [['red'], ['bold', 'italic'], ['bgBlue', 'white', 'underline'],
    [], ['gray'], ['reset'], ['bogus'], ['red', 'nope']];
  for (const list of styles) {
    record(`styleText/list/${list.join('+')}`, attempt(() => util.styleText(list, 'txt')));
  }
  for (const name of ['red', 'green', 'bold', 'inverse', 'strikethrough', 'bgRedBright', 'bogus']) {
    record(`styleText/one/${name}`, attempt(() => util.styleText(name, 'txt')));
    record(`styleText/noValidate/${name}`,
           attempt(() => util.styleText(name, 'txt', { validateStream: false })));
  }
  record('styleText/badText', attempt(() => util.styleText('red', 5)));
  record('styleText/badFormatType', attempt(() => util.styleText(5, 'x')));
  record('styleText/badValidate', attempt(() => util.styleText('red', 'x', { validateStream: 1 })));
  record('styleText/badStream', attempt(() => util.styleText('red', 'x', { stream: 1 })));

  // types and the legacy predicates.
  const samples = [
    undefined, null, 1, 'str', true, Symbol('s'), 1n, {}, [], () => {},
    async () => {}, function* gen() {}, new Date(0), /re/, new Error('e'),
    new TypeError('t'), new Map(), new Set(), new WeakMap(), new WeakSet(),
    new Map().entries(), new Set().values(), Promise.resolve(), new ArrayBuffer(2),
    new DataView(new ArrayBuffer(2)), new Uint8Array(1), new Float64Array(1),
    new BigInt64Array(1), Object(1), Object('s'), Object(true), Object(1n),
    Object(Symbol('b')), new Proxy({}, {}), (function args() { return arguments; })(),
    (function* g() {})(), new Int8Array(1), new Uint8ClampedArray(1),
  ];
  for (const name of Object.keys(util.types).sort()) {
    record(`types/${name}`, samples.map((v) => util.types[name](v)));
  }
  record('types/names', Object.keys(util.types).filter((n) => !['isExternal', 'isKeyObject', 'isCryptoKey'].includes(n)).sort());
  for (const name of ['isArray', 'isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber',
    'isString', 'isSymbol', 'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError',
    'isFunction', 'isPrimitive']) {
    record(`legacy/${name}`, samples.map((v) => util[name](v)));
  }

  // isDeepStrictEqual.
  const pairs = [
    [1, 1], [1, '1'], [NaN, NaN], [0, -0], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 2 }],
    [[1, 2], [1, 2]], [[1, 2], [2, 1]], [new Set([1, 2]), new Set([2, 1])],
    [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Date(1), new Date(1)],
    [new Date(1), new Date(2)], [/a/g, /a/g], [/a/g, /a/i], [Object.create(null), {}],
    [[1, , 3], [1, undefined, 3]], // eslint-disable-line no-sparse-arrays
    [new Uint8Array([1]), new Uint8Array([1])], [new Uint8Array([1]), new Int8Array([1])],
    [{ a: undefined }, {}], [Object(1), Object(1)], [Object(1), 1], [new Error('x'), new Error('x')],
    [[{ a: [1, { b: 2 }] }], [{ a: [1, { b: 2 }] }]], [{ [Symbol.for('s')]: 1 }, { [Symbol.for('s')]: 1 }],
  ];
  pairs.forEach(([a, b], i) => record(`isDeepStrictEqual/${i}`, util.isDeepStrictEqual(a, b)));

  // format and inspect through the facade.
  record('util/format', [util.format('%s:%d', 'a', 1), util.format(1, 2), util.format('%o', [1]),
    util.formatWithOptions({ colors: true }, '%s', 'x', 5)]);
  record('util/inspectCustom', util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));
  record('util/promisifyCustom', util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
  record('util/_extend', [util._extend({ a: 1 }, { b: 2 }), util._extend({ a: 1 }, null),
    util._extend({ a: 1 }, 5)]);
  record('util/getSystemErrorName', [attempt(() => util.getSystemErrorName(-2)),
    attempt(() => util.getSystemErrorName(2)), attempt(() => util.getSystemErrorName('x')),
    attempt(() => util.getSystemErrorName(-1.5))]);
  record('util/debuglogDisabled', (() => {
    const d = util.debuglog('jspack_corpus_never');
    const seen = [];
    const d2 = util.debuglog('jspack_corpus_never2', (fn) => seen.push(typeof fn));
    const before = seen.length;
    const enabled = d2.enabled;
    d2('x');
    return [d.enabled, typeof d, before, enabled, seen, util.debug === util.debuglog];
  })());

  // promisify and callbackify shapes.
  record('promisify/badArg', attempt(() => util.promisify(3)));
  record('promisify/badCustom', attempt(() => {
    const f = function f() {};
    f[util.promisify.custom] = 3;
    return util.promisify(f);
  }));
  {
    function withProps(a, b, cb) {}
    withProps.extra = 'e';
    const p = util.promisify(withProps);
    record('promisify/shape', [p.name, p.length, p.extra,
      Object.getPrototypeOf(p) === Function.prototype, util.promisify(p) === p,
      p[util.promisify.custom] === p]);
    const custom = () => Promise.resolve('c');
    const withCustom = function withCustom() {};
    withCustom[util.promisify.custom] = custom;
    record('promisify/custom', [util.promisify(withCustom) === custom,
      Object.getOwnPropertyDescriptor(custom, util.promisify.custom).enumerable]);
    const asyncFn = async function af() {};
    record('promisify/asyncProto', Object.getPrototypeOf(util.promisify(asyncFn)) ===
      Object.getPrototypeOf(asyncFn));
  }
  record('callbackify/badArg', attempt(() => util.callbackify(3)));
  record('callbackify/badLast', attempt(() => util.callbackify(async () => 1)(1)));
  record('callbackify/noArgs', attempt(() => util.callbackify(async () => 1)()));
  {
    const cb1 = util.callbackify(async function named(a, b) {});
    const cb2 = util.callbackify(async () => {});
    const fn3 = async function withExtra() {};
    fn3.tag = 't';
    const cb3 = util.callbackify(fn3);
    record('callbackify/shape', [cb1.name, cb1.length, cb2.name, cb2.length, cb3.tag,
      cb3.name]);
  }

  // deprecate.
  record('deprecate/badFn', attempt(() => util.deprecate(3, 'm')));
  record('deprecate/badCode', attempt(() => util.deprecate(() => {}, 'm', 3)));
  record('deprecate/noMsg', attempt(() => typeof util.deprecate(() => {})));
  {
    const warnings = withWarnings(() => {
      const d1 = util.deprecate(function one(x) { return x * 2; }, 'one is old', 'DEP_CORPUS_1');
      const d1b = util.deprecate(() => 'b', 'same code', 'DEP_CORPUS_1');
      const d2 = util.deprecate(() => 'n', 'no code');
      const results = [d1(2), d1(3), d1b(), d2(), d2()];
      const d3 = util.deprecate(() => 'n3', 'no code');
      results.push(d3());
      warnings_results.push(results, d1.name, d1.length);
    });
    record('deprecate/warnings', [warnings, warnings_results]);
  }
  {
    class Old {
      constructor(v) { this.v = v; }
      get double() { return this.v * 2; }
    }
    Old.stat = 's';
    const D = util.deprecate(Old, 'Old class', 'DEP_CORPUS_CLS');
    const warnings = withWarnings(() => {
      const o = new D(4);
      warnings_results2.push(o.v, o.double, o instanceof Old, o instanceof D, D.stat,
        o.constructor === Old);
    });
    record('deprecate/class', [warnings, warnings_results2]);
  }
}

const warnings_results = [];
const warnings_results2 = [];

async function utilAsyncCases() {
  const settle = async (p) => {
    try {
      return { value: await p };
    } catch (e) {
      return { error: e instanceof Error ? errorInfo(e) : e };
    }
  };
  function later(value, cb) {
    setTimeout(() => cb(null, value), 1);
  }
  function fails(cb) {
    cb(new TypeError('failed'));
  }
  function syncThrow() {
    throw new RangeError('sync');
  }
  function multi(cb) {
    cb(null, 1, 2, 3);
  }
  function falsyErr(cb) {
    cb(0, 'v');
  }
  function thisCheck(cb) {
    cb(null, this && this.tag);
  }
  record('promisify/value', await settle(util.promisify(later)(21)));
  record('promisify/error', await settle(util.promisify(fails)()));
  record('promisify/syncThrow', await settle(util.promisify(syncThrow)()));
  record('promisify/multi', await settle(util.promisify(multi)()));
  record('promisify/falsyErr', await settle(util.promisify(falsyErr)()));
  record('promisify/this', await settle(util.promisify(thisCheck).call({ tag: 'T' })));
  record('promisify/args', await settle(util.promisify((a, b, cb) => cb(null, [a, b]))(1, 2)));
  record('promisify/noCallbackCall', await settle(Promise.race([
    util.promisify(() => {})(), new Promise((r) => setTimeout(() => r('pending'), 5)),
  ])));

  const viaCallback = (fn, ...args) => new Promise((resolve) => {
    fn(...args, (err, value) => {
      resolve({ err: err instanceof Error ? { ...errorInfo(err), reason: err.reason } : err,
        value });
    });
  });
  record('callbackify/resolve', await viaCallback(util.callbackify(async (x) => x + 1), 1));
  record('callbackify/reject', await viaCallback(util.callbackify(async () => { throw new Error('bad'); })));
  record('callbackify/rejectNull', await viaCallback(util.callbackify(() => Promise.reject(null))));
  record('callbackify/rejectZero', await viaCallback(util.callbackify(() => Promise.reject(0))));
  record('callbackify/rejectEmpty', await viaCallback(util.callbackify(() => Promise.reject(''))));
  record('callbackify/rejectStr', await viaCallback(util.callbackify(() => Promise.reject('s'))));
  record('callbackify/undefinedValue', await viaCallback(util.callbackify(async () => {})));
  record('callbackify/this', await new Promise((resolve) => {
    const obj = {
      tag: 'T',
      m: util.callbackify(async function m() { return this.tag; }),
    };
    obj.m(function cb(err, v) { resolve([err, v, this === obj]); });
  }));
  record('callbackify/async', await new Promise((resolve) => {
    const order = [];
    util.callbackify(async () => 'v')(() => {
      order.push('callback');
      resolve(order);
    });
    order.push('sync');
    Promise.resolve().then(() => order.push('microtask'));
  }));

  // deprecate through the real warning event.
  const seen = [];
  const listener = (w) => seen.push([w.name, w.message, w.code]);
  process.on('warning', listener);
  util.deprecate(() => {}, 'event message', 'DEP_CORPUS_EVT')();
  util.deprecate(() => {}, 'event no code')();
  await new Promise((r) => setTimeout(r, 5));
  process.removeListener('warning', listener);
  record('deprecate/event', seen);
}

async function main() {
  // Warnings from the cases are recorded, not printed.
  process.removeAllListeners('warning');
  process.noDeprecation = false;
  logCases();
  formatCases();
  dirCases();
  tableCases();
  groupCases();
  countCases();
  timeCases();
  assertCases();
  traceCases();
  constructorCases();
  colorModeCases();
  errorHandlingCases();
  clearCases();
  utilSyncCases();
  await utilAsyncCases();
}

main();
