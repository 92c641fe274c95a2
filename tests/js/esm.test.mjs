// An ES module entry with top-level await: builtins as modules (default and
// named exports), dynamic import(), import.meta, and require() of builtins
// through module.createRequire.
import assert from 'node:assert';
import path, { basename } from 'path';
import { EventEmitter } from 'node:events';
import * as util from 'node:util';
import { createRequire } from 'node:module';

const { setTimeout: sleep } = await import('node:timers/promises');
assert.strictEqual(await sleep(1, 'slept'), 'slept');

assert.strictEqual(path.basename('/a/b.txt'), 'b.txt');
assert.strictEqual(basename, path.basename);
assert.strictEqual(typeof EventEmitter, 'function');
assert.strictEqual(typeof util.format, 'function');
assert.strictEqual(util.default.format, util.format);

assert.ok(import.meta.url.startsWith('file:///'));
assert.ok(import.meta.url.endsWith('/esm.test.mjs'), import.meta.url);
assert.strictEqual(import.meta.filename, process.argv[1]);
assert.strictEqual(import.meta.dirname, path.dirname(process.argv[1]));

const require = createRequire(import.meta.url);
assert.strictEqual(require('node:path'), path);

await assert.rejects(import('node:no-such-builtin'),
                     { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
