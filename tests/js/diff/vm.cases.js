'use strict';
// Differential corpus for node:vm: results and errors of scripts run in
// this context and in contextified objects (what the sandbox holds after
// the script, what the script sees), option validation messages, and the
// decorated stack of errors thrown by vm code.

const vm = require('vm');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

// A description that is the same in both runtimes (no addresses, no
// internal frames).
function describe(value) {
  if (value === null || typeof value !== 'object' && typeof value !== 'function') {
    if (typeof value === 'symbol' || typeof value === 'bigint') return String(value);
    return [typeof value, value];
  }
  if (typeof value === 'function') return ['function', value.name, value.length];
  try {
    return ['object', Object.prototype.toString.call(value),
      JSON.parse(JSON.stringify(value))];
  } catch (err) {
    return ['object', Object.prototype.toString.call(value)];
  }
}

const scripts = [
  '1 + 1', 'typeof process', 'typeof require', 'typeof console',
  'typeof console.log', 'this === globalThis', 'x = 5', 'var y = 6; y',
  'function f(a, b) { return a + b } f(1, 2)', 'let z = 3; z',
  'typeof setTimeout', 'Object.getOwnPropertyNames(globalThis).length > 50',
  '[1, 2, 3].map((v) => v * 2)', 'new Date(0).toISOString()',
  'JSON.stringify({ a: [1, { b: 2 }] })', 'typeof a', 'a', 'a = 10; a',
  'delete a', 'Symbol.iterator in Array.prototype', 'Math.max(1, 9, 3)',
  'eval("2 * 21")', 'new Function("return 7")()', '"use strict"; undeclared = 1',
  'throw new Error("boom")', 'null.x', 'undefined()', '(', 'let q; let q;',
  'NaN = 1; NaN', 'undefined = 5; typeof undefined', 'this.w = 1; w',
  'Object.keys(this)', 'globalThis.constructor.name', 'typeof globalThis.Buffer',
  '0.1 + 0.2', '[..."abc"]', 'new Map([[1, 2]]).size', 'BigInt(2) ** 64n',
  'typeof WebAssembly', 'typeof SharedArrayBuffer', 'Intl.DateTimeFormat.name',
];

for (const [i, code] of scripts.entries()) {
  const sandbox = { a: 1, list: [1] };
  const inNew = attempt(() => describe(vm.runInNewContext(code, sandbox)));
  emit(`new:${i}:${code}`, [inNew, Object.keys(sandbox).sort(),
    describe(sandbox.x), describe(sandbox.y), describe(sandbox.w)]);
  // The main context's own globals are another module's business.
  if (code === 'Object.keys(this)') continue;
  emit(`this:${i}:${code}`, attempt(() => describe(vm.runInThisContext(
    code.startsWith('let') ? `{${code}}` : code.replace(/\bx = 5/, 'vmCaseX = 5')))));
}

// A context kept across scripts.
const ctx = vm.createContext({ n: 1 });
for (const [i, code] of ['n += 1', 'var m = n * 10', 'm', 'n = "s"; typeof n',
  'delete n', 'typeof n', 'function g() { return m }', 'g()', 'this.m']
  .entries()) {
  emit(`shared:${i}:${code}`, [attempt(() => describe(vm.runInContext(code, ctx))),
    Object.keys(ctx).sort()]);
}

// Argument and option errors.
const bad = [
  ['createContext 1', () => vm.createContext(1)],
  ['createContext str', () => vm.createContext('x')],
  ['isContext 1', () => vm.isContext(1)],
  ['isContext null', () => vm.isContext(null)],
  ['runInContext {}', () => vm.runInContext('1', {})],
  ['runInContext null', () => vm.runInContext('1', null)],
  ['timeout 0', () => vm.runInThisContext('1', { timeout: 0 })],
  ['timeout -1', () => vm.runInThisContext('1', { timeout: -1 })],
  ['timeout 1.5', () => vm.runInThisContext('1', { timeout: 1.5 })],
  ['timeout str', () => vm.runInThisContext('1', { timeout: '1' })],
  ['timeout big', () => vm.runInThisContext('1', { timeout: 2 ** 33 })],
  ['displayErrors str', () => vm.runInThisContext('1', { displayErrors: 'x' })],
  ['filename num', () => new vm.Script('1', { filename: 1 })],
  ['lineOffset str', () => new vm.Script('1', { lineOffset: '1' })],
  ['lineOffset 1.5', () => new vm.Script('1', { lineOffset: 1.5 })],
  ['columnOffset str', () => new vm.Script('1', { columnOffset: 'x' })],
  ['cachedData num', () => new vm.Script('1', { cachedData: 1 })],
  ['cachedData str', () => new vm.Script('1', { cachedData: 'abc' })],
  ['produceCachedData str', () => new vm.Script('1', { produceCachedData: 'y' })],
  ['options num', () => new vm.Script('1', 5)],
  ['microtaskMode x', () => vm.createContext({}, { microtaskMode: 'x' })],
  ['microtaskMode num', () => vm.createContext({}, { microtaskMode: 1 })],
  ['name num', () => vm.createContext({}, { name: 1 })],
  ['origin num', () => vm.createContext({}, { origin: 1 })],
  ['codeGeneration num', () => vm.createContext({}, { codeGeneration: 1 })],
  ['codeGeneration.strings', () => vm.createContext({},
    { codeGeneration: { strings: 1 } })],
  ['compileFunction code', () => vm.compileFunction(1)],
  ['compileFunction params', () => vm.compileFunction('', 'a')],
  ['compileFunction params[1]', () => vm.compileFunction('', ['a', 2])],
  ['compileFunction ext', () => vm.compileFunction('', [], { contextExtensions: 1 })],
  ['compileFunction ext[0]', () => vm.compileFunction('', [],
    { contextExtensions: [1] })],
  ['compileFunction parsingContext', () => vm.compileFunction('', [],
    { parsingContext: {} })],
  ['compileFunction filename', () => vm.compileFunction('', [], { filename: 1 })],
  ['compileFunction syntax', () => vm.compileFunction('return (', [])],
  ['measureMemory mode', () => vm.measureMemory({ mode: 'x' })],
  ['Script code num', () => new vm.Script(12).runInThisContext()],
];
for (const [label, fn] of bad) emit(`bad:${label}`, attempt(() => describe(fn())));

// Timeouts.
emit('timeout:new', attempt(() => vm.runInNewContext('for (;;) {}', {}, { timeout: 10 })));
emit('timeout:this', attempt(() => vm.runInThisContext('while (1) {}', { timeout: 10 })));
emit('timeout:after', attempt(() => vm.runInNewContext('1 + 2', {}, { timeout: 1000 })));

// Decorated stacks: the header lines Node adds before the error's own stack.
for (const [i, [code, opts]] of [
  ['throw new Error("x")', {}],
  ['\n\n  foo.bar()', { filename: 'a.js' }],
  ['var x = ;', { filename: 'b.js' }],
  ['throw new TypeError("t")', { filename: 'c.js', lineOffset: 5 }],
  ['null.y', { displayErrors: false }],
  ['throw 5', {}],
  ['throw { a: 1 }', {}],
].entries()) {
  let head;
  try {
    vm.runInNewContext(code, {}, opts);
    head = 'no throw';
  } catch (err) {
    head = err !== null && typeof err === 'object' && typeof err.stack === 'string' ?
      // The frames below the script's own are the runtime's business.
      err.stack.split('\n').filter((l, n, all) => !l.startsWith('    at ') ||
        (!all[n - 1].startsWith('    at ') && !l.includes('node:'))) :
      describe(err);
  }
  emit(`stack:${i}`, head);
}

// compileFunction and cached data.
const fn = vm.compileFunction('return a + b + c', ['a', 'b'],
  { contextExtensions: [{ c: 100 }] });
emit('compileFunction:call', [fn(1, 2), fn.name, fn.length]);
const produced = new vm.Script('6 * 7', { produceCachedData: true });
emit('cache:produced', [Buffer.isBuffer(produced.cachedData),
  produced.cachedDataProduced, Object.keys(produced)]);
const reused = new vm.Script('6 * 7', { cachedData: produced.cachedData });
emit('cache:reused', [reused.cachedDataRejected, reused.runInThisContext(),
  Object.keys(reused)]);
emit('cache:garbage', attempt(() => new vm.Script('6 * 7',
  { cachedData: Buffer.from('not a cache') }).cachedDataRejected));
emit('sourceMapURL', new vm.Script('1\n//# sourceMappingURL=foo.js.map').sourceMapURL);
emit('exports', Object.keys(vm));
