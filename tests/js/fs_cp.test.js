// fs.cp / cpSync / promises.cp on a real temporary tree: a deep copy with
// links, filters (sync and async), the overwrite options, timestamps, and
// Node's ERR_FS_CP_* errors with their info. (The differential corpus
// tests/js/diff/fs_cp.cases.js compares many more cases with Node.)
'use strict';

const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-fs-cp-'));
const at = (...parts) => path.join(root, ...parts);

function build() {
  fs.mkdirSync(at('src', 'a', 'b'), { recursive: true });
  for (let i = 0; i < 50; i++) fs.writeFileSync(at('src', 'a', `f${i}`), `file ${i}`);
  fs.writeFileSync(at('src', 'a', 'b', 'leaf'), 'leaf');
  fs.symlinkSync('a/b/leaf', at('src', 'leaf-link'));
  fs.writeFileSync(at('one'), 'one');
}

function listing(dir) {
  const out = [];
  const walk = (d, rel) => {
    for (const name of fs.readdirSync(d).sort()) {
      const p = path.join(d, name);
      const st = fs.lstatSync(p);
      const r = path.join(rel, name);
      if (st.isDirectory()) walk(p, r);
      out.push([r, st.isSymbolicLink() ? `-> ${fs.readlinkSync(p)}` :
        st.isFile() ? fs.readFileSync(p, 'utf8') : 'dir']);
    }
  };
  walk(dir, '');
  return out;
}

function cpErrorCheck(err, code, name, errno, message, errPath) {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, code);
  assert.strictEqual(err.errno, errno);
  assert.strictEqual(err.syscall, 'cp');
  assert.strictEqual(err.path, errPath);
  assert.deepStrictEqual(err.info, { message, path: errPath, syscall: 'cp', errno,
    code: name });
  return true;
}

async function main() {
  try {
    build();
    // The three forms make the same tree; links become absolute.
    fs.cpSync(at('src'), at('s1'), { recursive: true });
    await new Promise((resolve, reject) => fs.cp(at('src'), at('s2'), { recursive: true },
      (err) => (err ? reject(err) : resolve())));
    await fsp.cp(at('src'), at('s3'), { recursive: true });
    const expected = listing(at('s1'));
    assert.strictEqual(expected.length, 54);
    assert.deepStrictEqual(listing(at('s2')), expected);
    assert.deepStrictEqual(listing(at('s3')), expected);
    assert.strictEqual(fs.readlinkSync(at('s1', 'leaf-link')), at('src', 'a/b/leaf'));
    fs.cpSync(at('src'), at('s4'), { recursive: true, verbatimSymlinks: true });
    assert.strictEqual(fs.readlinkSync(at('s4', 'leaf-link')), 'a/b/leaf');

    // Filters see every pair; an async filter works in the async forms only.
    const seen = [];
    fs.cpSync(at('src'), at('f1'), { recursive: true,
      filter: (s, d) => { seen.push(path.relative(root, d)); return !s.endsWith('b'); } });
    assert.ok(seen.includes('f1') && seen.includes(path.join('f1', 'a', 'b')));
    assert.ok(!fs.existsSync(at('f1', 'a', 'b')));
    await fsp.cp(at('src'), at('f2'), { recursive: true,
      filter: async (s) => { await null; return !/f\d+$/.test(s); } });
    assert.deepStrictEqual(fs.readdirSync(at('f2', 'a')), ['b']);
    assert.throws(() => fs.cpSync(at('one'), at('f3'), { filter: async () => true }),
      { code: 'ERR_INVALID_RETURN_VALUE' });

    // Overwriting: force (default) replaces, force: false keeps,
    // errorOnExist fails with ERR_FS_CP_EEXIST.
    fs.writeFileSync(at('dest'), 'old');
    fs.cpSync(at('one'), at('dest'));
    assert.strictEqual(fs.readFileSync(at('dest'), 'utf8'), 'one');
    fs.writeFileSync(at('dest'), 'old');
    fs.cpSync(at('one'), at('dest'), { force: false });
    assert.strictEqual(fs.readFileSync(at('dest'), 'utf8'), 'old');
    assert.throws(() => fs.cpSync(at('one'), at('dest'), { force: false, errorOnExist: true }),
      (err) => cpErrorCheck(err, 'ERR_FS_CP_EEXIST', 'EEXIST', 17,
        `${at('dest')} already exists`, at('dest')));

    // preserveTimestamps.
    fs.utimesSync(at('one'), 100, 200);
    await fsp.cp(at('one'), at('timed'), { preserveTimestamps: true });
    assert.strictEqual(fs.statSync(at('timed')).mtimeMs, 200000);

    // Node's errors.
    assert.throws(() => fs.cpSync(at('src'), at('x')),
      (err) => cpErrorCheck(err, 'ERR_FS_EISDIR', 'EISDIR', 22,
        `${at('src')} is a directory (not copied)`, at('src')));
    await assert.rejects(fsp.cp(at('src'), at('src', 'a', 'x'), { recursive: true }),
      (err) => cpErrorCheck(err, 'ERR_FS_CP_EINVAL', 'EINVAL', 22,
        `cannot copy ${at('src')} to a subdirectory of self ${at('src', 'a', 'x')}`,
        at('src', 'a', 'x')));
    assert.throws(() => fs.cpSync(at('src'), at('one'), { recursive: true }),
      (err) => cpErrorCheck(err, 'ERR_FS_CP_DIR_TO_NON_DIR', 'EISDIR', 21,
        `cannot overwrite non-directory ${at('one')} with directory ${at('src')}`,
        at('one')));
    assert.throws(() => fs.cpSync(at('one'), at('s1')),
      (err) => cpErrorCheck(err, 'ERR_FS_CP_NON_DIR_TO_DIR', 'ENOTDIR', 20,
        `cannot overwrite directory ${at('s1')} with non-directory ${at('one')}`,
        at('s1')));
    assert.throws(() => fs.cpSync(at('one'), at('one')),
      { code: 'ERR_FS_CP_EINVAL', message: 'Invalid src or dest: cp returned EINVAL ' +
        `(src and dest cannot be the same) ${at('one')}` });
    assert.throws(() => fs.cpSync(at('nope'), at('x')),
      { code: 'ENOENT', syscall: 'lstat', path: at('nope') });
    assert.throws(() => fs.cpSync(at('one'), at('x'), { dereference: true,
      verbatimSymlinks: true }), { code: 'ERR_INCOMPATIBLE_OPTION_PAIR' });
    assert.throws(() => fs.cp(at('one'), at('x')), { code: 'ERR_INVALID_ARG_TYPE' });
    await assert.rejects(fsp.cp(at('one'), at('x'), 5), { code: 'ERR_INVALID_ARG_TYPE' });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log('fs cp tests passed');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
