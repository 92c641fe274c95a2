'use strict';
// require() of builtins at run time, and the CommonJS module shape of the
// app's bundle.
const assert = require('assert');

assert.strictEqual(require('node:path'), require('path'));
assert.strictEqual(require('node:events'), require('events'));
assert.strictEqual(require('util').types.isDate(new Date()), true);
assert.strictEqual(require.main, module);
assert.strictEqual(this, module.exports);
assert.ok(__filename.endsWith('module.test.js'));
assert.strictEqual(__dirname, require('path').dirname(__filename));
assert.strictEqual(typeof require.resolve, 'function');
assert.strictEqual(require('module').isBuiltin('node:fs'), true);
assert.strictEqual(require('module').isBuiltin('left-pad'), false);

// An id Node does not know.
assert.throws(() => require('node:no-such-builtin'), (err) => {
  assert.strictEqual(err.code, 'ERR_UNKNOWN_BUILTIN_MODULE');
  assert.strictEqual(err.message, 'No such built-in module: node:no-such-builtin');
  return true;
});

if (process.versions.jspack !== undefined) {
  // A Node builtin jspack does not provide yet is reported as such, naming it.
  const id = 'wasi';
  assert.throws(() => require(id), (err) => {
    assert.strictEqual(err.code, 'ERR_UNKNOWN_BUILTIN_MODULE');
    assert.ok(err.message.includes('wasi'), err.message);
    return true;
  });
  // A dynamic require of a package that was not bundled.
  const pkg = 'left-pad-not-bundled';
  assert.throws(() => require(pkg), { code: 'MODULE_NOT_FOUND' });
}
