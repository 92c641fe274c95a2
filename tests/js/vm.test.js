'use strict';
// node:vm: scripts in this and in contextified contexts, the sandbox as the
// global, timeouts that leave everything usable, microtaskMode, cached
// data, compileFunction and the errors for bad arguments.
const assert = require('assert');
const vm = require('vm');

// runInThisContext sees this context's globals, not the caller's locals.
globalThis.vmTestGlobal = 41;
const local = 'hidden';
assert.strictEqual(vm.runInThisContext('vmTestGlobal + 1'), 42);
assert.strictEqual(vm.runInThisContext('typeof local'), 'undefined');
assert.strictEqual(local, 'hidden');

// A contextified object: its properties are globals, and globals the code
// makes (assignment, var, function, this.x) appear on it.
const sandbox = { a: 5, list: [1, 2] };
const ctx = vm.createContext(sandbox);
assert.strictEqual(ctx, sandbox);
assert.strictEqual(vm.isContext(sandbox), true);
assert.strictEqual(vm.isContext({}), false);
vm.runInContext('x = a + 1; var y = 2; function f() { return x * y; } ' +
  'this.z = 3; list.push(3);', ctx);
assert.strictEqual(sandbox.x, 6);
assert.strictEqual(sandbox.y, 2);
assert.strictEqual(sandbox.z, 3);
assert.strictEqual(typeof sandbox.f, 'function');
assert.strictEqual(sandbox.f(), 12);
assert.deepStrictEqual(sandbox.list, [1, 2, 3]);
sandbox.a = 100;
assert.strictEqual(vm.runInContext('a', ctx), 100);
assert.strictEqual(vm.runInContext('delete a; typeof a', ctx), 'undefined');
assert.strictEqual('a' in sandbox, false);
assert.deepStrictEqual([...vm.runInContext('Object.keys(globalThis).sort()', ctx)],
  Object.keys(sandbox).sort());

// A new context has fresh builtins and none of the host's globals.
assert.strictEqual(vm.runInNewContext('typeof process'), 'undefined');
assert.strictEqual(vm.runInNewContext('typeof require'), 'undefined');
assert.notStrictEqual(vm.runInNewContext('Array'), Array);
assert.strictEqual(vm.runInNewContext('[1]') instanceof Array, false);
const foreignError = vm.runInNewContext('new TypeError("t")');
assert.strictEqual(foreignError instanceof TypeError, false);
assert.strictEqual(foreignError.name, 'TypeError');
try {
  vm.runInNewContext('null.x', {});
  assert.fail('no throw');
} catch (err) {
  assert.strictEqual(err instanceof TypeError, false);
  assert.strictEqual(err.constructor.name, 'TypeError');
}
assert.strictEqual(vm.runInNewContext('a + b', { a: 1, b: 2 }), 3);

// Stack traces name the filename and honour lineOffset; errors are
// decorated with the failing line, as in Node.
try {
  vm.runInNewContext('\nthrow new Error("deep")', {},
    { filename: 'my-file.vm', lineOffset: 10 });
  assert.fail('no throw');
} catch (err) {
  assert.match(err.stack, /^my-file\.vm:12\nthrow new Error\("deep"\)\n\^\n\nError: deep\n {4}at my-file\.vm:12:7/);
}
assert.throws(() => new vm.Script('var x = ;', { filename: 'bad.js' }),
  (err) => err.name === 'SyntaxError' && err.stack.startsWith('bad.js:1\n'));

// Timeouts stop runaway code with Node's error; the context, its values
// and the main context keep working afterwards.
const loopCtx = vm.createContext({ count: 0 });
assert.throws(() => vm.runInContext('while (true) { count++; }', loopCtx,
  { timeout: 20 }), {
  code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
  message: 'Script execution timed out after 20ms',
});
assert.ok(loopCtx.count > 0);
assert.strictEqual(vm.runInContext('count = 1; count + 1', loopCtx), 2);
assert.throws(() => new vm.Script('for (;;) {}').runInThisContext({ timeout: 5 }),
  { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
assert.strictEqual(vm.runInThisContext('1 + 1', { timeout: 1000 }), 2);
assert.throws(() => vm.runInThisContext('1', { timeout: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => vm.runInThisContext('1', { timeout: '1' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// breakOnSigint: a SIGINT during the run stops it with Node's error, and
// the process (and its own SIGINT handling) goes on.
assert.throws(() => vm.runInThisContext(
  'process.kill(process.pid, "SIGINT"); for (;;) {}', { breakOnSigint: true }), {
  code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED',
  message: 'Script execution was interrupted by `SIGINT`',
});
assert.strictEqual(vm.runInThisContext('1 + 1', { breakOnSigint: true }), 2);

// microtaskMode 'afterEvaluate': the context's promise jobs run before the
// call returns, and a timeout covers them.
const mt = vm.createContext({ out: [] }, { microtaskMode: 'afterEvaluate' });
vm.runInContext('Promise.resolve().then(() => out.push("job"))', mt);
assert.deepStrictEqual(mt.out, ['job']);
assert.throws(() => vm.runInContext(
  'Promise.resolve().then(() => { for (;;) {} })', mt, { timeout: 20 }),
{ code: 'ERR_SCRIPT_EXECUTION_TIMEOUT' });
assert.strictEqual(vm.runInContext('out.length', mt), 1);
assert.throws(() => vm.createContext({}, { microtaskMode: 'x' }),
  { code: 'ERR_INVALID_ARG_VALUE' });

// Cached data: produced, accepted for the same source.
const produced = new vm.Script('21 * 2', { produceCachedData: true });
assert.ok(Buffer.isBuffer(produced.cachedData));
assert.ok(produced.cachedData.length > 0);
const reused = new vm.Script('21 * 2', { cachedData: produced.cachedData });
assert.strictEqual(reused.cachedDataRejected, false);
assert.strictEqual(reused.runInThisContext(), 42);
assert.ok(Buffer.isBuffer(produced.createCachedData()));
assert.throws(() => new vm.Script('1', { cachedData: 'x' }),
  { code: 'ERR_INVALID_ARG_TYPE' });

// compileFunction: params, context extensions, a parsing context.
const fn = vm.compileFunction('return a + b + c', ['a', 'b'],
  { contextExtensions: [{ c: 10 }] });
assert.strictEqual(fn(1, 2), 13);
assert.strictEqual(fn.length, 2);
const inCtx = vm.compileFunction('return typeof process + ":" + v', [],
  { parsingContext: vm.createContext({ v: 'sandboxed' }) });
assert.strictEqual(inCtx(), 'undefined:sandboxed');
assert.throws(() => vm.compileFunction('', [1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "params[0]" argument must be of type string. ' +
    'Received type number (1)',
});

// Argument errors.
assert.throws(() => vm.runInContext('1', {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "contextifiedObject" argument must be an vm.Context. ' +
    'Received an instance of Object',
});
assert.throws(() => vm.createContext(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => vm.isContext(1), { code: 'ERR_INVALID_ARG_TYPE' });

// A context from DONT_CONTEXTIFY is an ordinary global.
if (vm.constants && vm.constants.DONT_CONTEXTIFY) {
  const g = vm.createContext(vm.constants.DONT_CONTEXTIFY);
  assert.strictEqual(vm.isContext(g), true);
  vm.runInContext('var plain = 1', g);
  assert.strictEqual(g.plain, 1);
}

assert.ok(vm.measureMemory() instanceof Promise);
console.log('vm: ok');
