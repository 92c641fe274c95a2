// The runtime as a node-style command, checked by running process.execPath
// the way tools and Node's own tests do: a script file, -e and -p, a script
// on stdin, -c, -r and --import preloads, --input-type=module, NODE_OPTIONS,
// V8 options, a bad option, and what process.argv / execArgv hold. Under
// plain node the same lines check node itself.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-node-command-'));
function write(name, text) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function run(args, options = {}) {
  const env = { ...process.env, ...options.env };
  delete env.NODE_OPTIONS;
  if (options.env && options.env.NODE_OPTIONS) env.NODE_OPTIONS = options.env.NODE_OPTIONS;
  const result = spawnSync(process.execPath, args, {
    cwd: dir, env, input: options.input, encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

try {
  // A script file, its arguments and process.argv.
  const script = write('argv.js', 'console.log(JSON.stringify([process.argv.slice(1), process.execArgv]));');
  let r = run(['--no-warnings', script, 'a', '--b']);
  assert.strictEqual(r.code, 0, r.err);
  assert.deepStrictEqual(JSON.parse(r.out), [[script, 'a', '--b'], ['--no-warnings']]);

  // -e has no argv[1]; its options stay in execArgv; `--` is not recorded.
  r = run(['-e', 'console.log(JSON.stringify([process.argv.length, process.execArgv.length, typeof require, __filename]))', '--', 'x']);
  assert.strictEqual(r.code, 0, r.err);
  assert.deepStrictEqual(JSON.parse(r.out), [2, 2, 'function', '[eval]']);

  // -p prints the completion value as console.log shows it.
  r = run(['-p', '({ a: [1, 2], s: "x" })']);
  assert.strictEqual(r.out, "{ a: [ 1, 2 ], s: 'x' }\n");
  r = run(['-pe', '6 * 7']);
  assert.strictEqual(r.out, '42\n');

  // A script on stdin ('-' stays argv[1]).
  r = run(['-', 'z'], { input: 'console.log(__filename, process.argv.slice(1).join(","))' });
  assert.strictEqual(r.out, '[stdin] -,z\n');

  // ES module code from -e, and import() of a file from CommonJS.
  const esm = write('esm.mjs', 'export const x = 40; export default 2;');
  r = run(['--input-type=module', '-e', `import d, { x } from ${JSON.stringify(esm)}; console.log(x + d, typeof require);`]);
  assert.strictEqual(r.code, 0, r.err);
  assert.strictEqual(r.out, '42 undefined\n');

  // -r and --import run before the main script, in order.
  const pre = write('pre.js', 'globalThis.order = (globalThis.order || []).concat("require");');
  const imp = write('imp.mjs', 'globalThis.order = (globalThis.order || []).concat("import");');
  const main = write('main.js', 'console.log(globalThis.order.concat("main").join(" "));');
  r = run(['-r', pre, '--import', imp, main]);
  assert.strictEqual(r.code, 0, r.err);
  assert.strictEqual(r.out, 'require import main\n');

  // NODE_OPTIONS is read but not in execArgv.
  r = run([main], { env: { NODE_OPTIONS: `--require ${pre}` } });
  assert.strictEqual(r.out, 'require main\n');
  r = run(['-e', 'console.log(process.execArgv.length)'], { env: { NODE_OPTIONS: '--no-warnings' } });
  assert.strictEqual(r.out, '2\n');

  // V8 options go to V8.
  r = run(['--stack-trace-limit=1', '-e', 'try { (function a() { (function b() { throw new Error("x"); })(); })(); } catch (e) { console.log(e.stack.split("\\n").length); }']);
  assert.strictEqual(r.out, '2\n');
  r = run(['--expose-gc', '-p', 'typeof gc']);
  assert.strictEqual(r.out, 'function\n');

  // A bad option is refused with exit code 9; a missing script is
  // MODULE_NOT_FOUND with exit code 1.
  r = run(['--no-such-option-xyz', main]);
  assert.strictEqual(r.code, 9);
  assert.match(r.err, /bad option: --no-such-option-xyz/);
  r = run([path.join(dir, 'missing.js')]);
  assert.strictEqual(r.code, 1);
  assert.match(r.err, /Cannot find module '.*missing\.js'/);
  assert.match(r.err, /code: 'MODULE_NOT_FOUND'/);

  // --zero-fill-buffers (on the command line or in NODE_OPTIONS) zeroes the
  // memory allocUnsafe and allocUnsafeSlow hand out; without it, large ones
  // are not zeroed first (whatever their bytes happen to be).
  const zeroes = write('zeroes.js', [
    'const big = [];',
    'for (let i = 0; i < 50; i++) big.push(Buffer.allocUnsafeSlow(65536).fill(7));',
    'big.length = 0;',
    'const bufs = [];',
    'for (let i = 0; i < 50; i++) bufs.push(Buffer.allocUnsafe(65536), Buffer.allocUnsafeSlow(65536));',
    'console.log(bufs.every((b) => b.every((x) => x === 0)));',
  ].join('\n'));
  r = run(['--zero-fill-buffers', zeroes]);
  assert.strictEqual(r.out, 'true\n', r.err);
  r = run([zeroes], { env: { NODE_OPTIONS: '--zero-fill-buffers' } });
  assert.strictEqual(r.out, 'true\n', r.err);

  // -c checks the syntax only.
  const broken = write('broken.js', 'console.log(1);\nlet = = 2;\n');
  r = run(['-c', broken]);
  assert.strictEqual(r.code, 1);
  assert.strictEqual(r.out, '');
  assert.match(r.err, /SyntaxError/);
  r = run(['-c', main]);
  assert.strictEqual(r.code, 0, r.err);
  assert.strictEqual(r.out, '');

  // An uncaught error names the line it was thrown at, above the error.
  const thrower = write('thrower.js', 'const a = 1;\nthrow new Error("boom " + a);\n');
  r = run([thrower]);
  assert.strictEqual(r.code, 1);
  assert.ok(r.err.startsWith(`${thrower}:2\nthrow new Error("boom " + a);\n^\n\nError: boom 1\n`), r.err);

  console.log('node_command: ok');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
