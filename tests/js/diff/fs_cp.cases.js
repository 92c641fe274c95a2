// Differential corpus for fs.cp, fs.cpSync and fs/promises' cp: each case
// builds its own small tree in a fresh mkdtemp directory, copies, and prints
// the outcome (errors with code, message, errno, syscall, info) and the
// resulting tree, with the directory replaced by <T>. No case touches a
// path outside its own directory: every path is made by at().
'use strict';

const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const { makeEmit } = require('./lib/emit');

const emit = makeEmit();

// A fresh directory for one case, and a path maker that refuses to leave it.
function caseDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-cp-case-'));
  const at = (...parts) => {
    const p = path.join(dir, ...parts);
    if (p !== dir && !p.startsWith(dir + path.sep)) throw new Error(`escapes: ${p}`);
    return p;
  };
  return { dir, at };
}

function scrub(value, dir) {
  return JSON.parse(JSON.stringify(value === undefined ? null : value)
    .split(dir).join('<T>'));
}

function describe(err) {
  if (!(err instanceof Error)) return ['non-error', String(err)];
  return ['error', err.name, err.code, err.message, err.errno, err.syscall, err.path,
    err.info === undefined ? null : Object.entries(err.info)];
}

// The tree under `root`: names, kinds, file contents, link targets, modes.
function tree(root) {
  const out = [];
  const walk = (dir, rel) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = fs.lstatSync(p);
      if (st.isSymbolicLink()) out.push([r, 'link', fs.readlinkSync(p)]);
      else if (st.isDirectory()) {
        out.push([r, 'dir', (st.mode & 0o777).toString(8)]);
        walk(p, r);
      } else out.push([r, 'file', fs.readFileSync(p, 'latin1'), (st.mode & 0o777).toString(8)]);
    }
  };
  walk(root, '');
  return out;
}

// The standard source tree: files, a subdirectory, relative and absolute
// links, a dangling link, a read-only file.
function build(at) {
  fs.mkdirSync(at('src', 'sub', 'deep'), { recursive: true });
  fs.writeFileSync(at('src', 'a.txt'), 'alpha');
  fs.writeFileSync(at('src', 'sub', 'b.txt'), 'beta');
  fs.writeFileSync(at('src', 'sub', 'deep', 'c.txt'), 'gamma');
  fs.writeFileSync(at('src', 'ro.txt'), 'read only');
  fs.chmodSync(at('src', 'ro.txt'), 0o444);
  fs.symlinkSync('a.txt', at('src', 'rel-link'));
  fs.symlinkSync(at('src', 'sub'), at('src', 'abs-link'));
  fs.symlinkSync(at('missing-target'), at('src', 'dangling'));
  fs.writeFileSync(at('file'), 'plain file');
  fs.mkdirSync(at('emptydir'));
}

// Runs `fn(at, dir, mode)` in all three forms; mode is 'sync', 'cb' or
// 'promise' and `copy` calls the matching cp.
function copier(mode) {
  if (mode === 'sync') return async (...args) => fs.cpSync(...args);
  if (mode === 'cb') {
    return (...args) => new Promise((resolve, reject) => {
      fs.cp(...args, (err, ...rest) => {
        if (rest.length !== 0) reject(new Error('cb got extra arguments'));
        else if (err) reject(err);
        else resolve();
      });
    });
  }
  return (...args) => fsp.cp(...args);
}

const cases = [];
function test(label, fn) { cases.push([label, fn]); }

test('file to new path', async (copy, at) => {
  await copy(at('file'), at('out'));
  return tree(at('.'));
});
test('file into missing parents', async (copy, at) => {
  await copy(at('file'), at('x', 'y', 'z'));
  return tree(at('x'));
});
test('dir without recursive', (copy, at) => copy(at('src'), at('out')));
test('dir recursive', async (copy, at) => {
  await copy(at('src'), at('out'), { recursive: true });
  return tree(at('out'));
});
test('dir recursive verbatimSymlinks', async (copy, at) => {
  await copy(at('src'), at('out'), { recursive: true, verbatimSymlinks: true });
  return tree(at('out'));
});
test('dir recursive dereference', async (copy, at) => {
  fs.unlinkSync(at('src', 'dangling'));
  await copy(at('src'), at('out'), { recursive: true, dereference: true });
  return tree(at('out'));
});
test('dereference with dangling link', (copy, at) =>
  copy(at('src'), at('out'), { recursive: true, dereference: true }));
test('same path', (copy, at) => copy(at('src'), at('src'), { recursive: true }));
test('same file via link', (copy, at) => copy(at('src', 'a.txt'), at('src', 'rel-link'),
  { dereference: true }));
test('into itself', (copy, at) => copy(at('src'), at('src', 'sub', 'x'), { recursive: true }));
test('dir over file', (copy, at) => copy(at('src'), at('file'), { recursive: true }));
test('file over dir', (copy, at) => copy(at('file'), at('emptydir')));
test('missing source', (copy, at) => copy(at('nope'), at('out')));
test('overwrite default force', async (copy, at) => {
  fs.writeFileSync(at('out'), 'old');
  await copy(at('file'), at('out'));
  return fs.readFileSync(at('out'), 'utf8');
});
test('force false keeps', async (copy, at) => {
  fs.writeFileSync(at('out'), 'old');
  await copy(at('file'), at('out'), { force: false });
  return fs.readFileSync(at('out'), 'utf8');
});
test('errorOnExist', async (copy, at) => {
  fs.writeFileSync(at('out'), 'old');
  await copy(at('file'), at('out'), { force: false, errorOnExist: true });
});
test('COPYFILE_EXCL with force', async (copy, at) => {
  fs.writeFileSync(at('out'), 'old');
  await copy(at('file'), at('out'), { mode: fs.constants.COPYFILE_EXCL });
  return fs.readFileSync(at('out'), 'utf8');
});
test('merge into existing dir', async (copy, at) => {
  fs.mkdirSync(at('out'));
  fs.writeFileSync(at('out', 'keep'), 'keep');
  fs.writeFileSync(at('out', 'a.txt'), 'old');
  await copy(at('src'), at('out'), { recursive: true });
  return tree(at('out'));
});
// (One link per case: Node meets a directory's entries in readdir(3)
// order, jspack in sorted order, and the first link fails.)
test('recopy over links', async (copy, at) => {
  fs.unlinkSync(at('src', 'dangling'));
  fs.unlinkSync(at('src', 'abs-link'));
  await copy(at('src'), at('out'), { recursive: true });
  await copy(at('src'), at('out'), { recursive: true });
  return tree(at('out'));
});
test('recopy dangling link', async (copy, at) => {
  fs.unlinkSync(at('src', 'rel-link'));
  fs.unlinkSync(at('src', 'abs-link'));
  await copy(at('src'), at('out'), { recursive: true });
  await copy(at('src'), at('out'), { recursive: true });
});
test('filter sync', async (copy, at, dir) => {
  const seen = [];
  await copy(at('src'), at('out'), { recursive: true, filter(s, d) {
    seen.push([s, d]);
    return !s.endsWith('.txt') || s.endsWith('a.txt');
  } });
  return [seen.sort().map((p) => p.map((x) => x.split(dir).join('<T>'))), tree(at('out'))];
});
test('filter rejects root', async (copy, at) => {
  await copy(at('src'), at('out'), { recursive: true, filter: () => false });
  return fs.existsSync(at('out'));
});
test('filter async', async (copy, at) => {
  await copy(at('src'), at('out'), { recursive: true,
    filter: async (s) => !s.includes('deep') });
  return tree(at('out'));
});
test('filter skips an invalid pair', async (copy, at) => {
  fs.mkdirSync(at('src', 'sub', 'clash'));
  fs.mkdirSync(at('out'));
  fs.writeFileSync(at('out', 'sub'), 'a file where a directory would go');
  await copy(at('src'), at('out'), { recursive: true, filter: (s) => !s.endsWith('sub') });
  return tree(at('out'));
});
test('filter skips an invalid root', (copy, at) => copy(at('src'), at('file'),
  { recursive: true, filter: () => false }));
test('flag given as undefined', (copy, at) => copy(at('file'), at('out'),
  { force: undefined }));
test('filter throws', (copy, at) => copy(at('src'), at('out'), { recursive: true,
  filter() { throw new RangeError('from filter'); } }));
test('filter truthy values', async (copy, at) => {
  await copy(at('file'), at('out'), { filter: () => 1 });
  return fs.existsSync(at('out'));
});
test('preserveTimestamps', async (copy, at) => {
  fs.utimesSync(at('file'), 1000, 2000);
  await copy(at('file'), at('out'), { preserveTimestamps: true });
  return fs.statSync(at('out')).mtimeMs;
});
test('preserveTimestamps read-only', async (copy, at) => {
  fs.utimesSync(at('src', 'ro.txt'), 1000, 3000);
  await copy(at('src', 'ro.txt'), at('out'), { preserveTimestamps: true });
  const st = fs.statSync(at('out'));
  return [st.mtimeMs, (st.mode & 0o777).toString(8)];
});
test('symlink to dir copied as link', async (copy, at) => {
  await copy(at('src', 'abs-link'), at('out'), { recursive: true });
  return tree(at('.')).filter(([n]) => n === 'out');
});
test('symlink over link', async (copy, at) => {
  fs.symlinkSync('file', at('out'));
  await copy(at('src', 'rel-link'), at('out'));
  return tree(at('.')).filter(([n]) => n === 'out');
});
test('symlink over file', async (copy, at) => {
  fs.writeFileSync(at('out'), 'old');
  await copy(at('src', 'rel-link'), at('out'));
  return tree(at('.')).filter(([n]) => n === 'out');
});
test('url source', async (copy, at) => {
  await copy(new URL(`file://${at('file')}`), at('out'));
  return fs.readFileSync(at('out'), 'utf8');
});
test('buffer source', (copy, at) => copy(Buffer.from(at('file')), at('out')));
test('number source', (copy, at) => copy(5, at('out')));
test('options number', (copy, at) => copy(at('file'), at('out'), 5));
test('options null', (copy, at) => copy(at('file'), at('out'), null));
test('bad boolean', (copy, at) => copy(at('file'), at('out'), { force: 'yes' }));
test('bad recursive', (copy, at) => copy(at('file'), at('out'), { recursive: 1 }));
test('bad filter', (copy, at) => copy(at('file'), at('out'), { filter: 'x' }));
test('bad mode', (copy, at) => copy(at('file'), at('out'), { mode: 99 }));
test('bad mode type', (copy, at) => copy(at('file'), at('out'), { mode: 'x' }));
test('dereference and verbatim', (copy, at) => copy(at('file'), at('out'),
  { dereference: true, verbatimSymlinks: true }));

async function main() {
  for (const mode of ['sync', 'cb', 'promise']) {
    for (const [label, fn] of cases) {
      const { dir, at } = caseDir();
      try {
        build(at);
        let result;
        try {
          result = ['ok', await fn(copier(mode), at, dir)];
        } catch (err) {
          result = describe(err);
        }
        emit(`${mode} ${label}`, scrub(result, dir));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  // The sync form refuses an async filter; the callback form needs a callback.
  const { dir, at } = caseDir();
  try {
    build(at);
    for (const [label, fn] of [
      ['sync async filter', () => fs.cpSync(at('file'), at('out'), { filter: async () => true })],
      ['cb missing', () => fs.cp(at('file'), at('out'))],
      ['cb bad options', () => fs.cp(at('file'), at('out'), 5, () => {})],
    ]) {
      let result;
      try {
        result = ['ok', fn()];
      } catch (err) {
        result = describe(err);
      }
      emit(label, scrub(result, dir));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
