// Differential corpus for node:fs and fs/promises: on a fresh temporary tree
// (same names in both runs), the results and errors of the sync, callback
// and promise forms, with the tree's root replaced by <ROOT> and without
// times or inode numbers.
'use strict';

const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');
const util = require('util');

// One tree per checkout (named after this file's path), the same for the
// node and the jspack run: two checkouts testing at once (CI and a
// developer, two worktrees) must not share a tree.
function checkoutTag() {
  let hash = 7;
  for (const ch of __filename) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return hash.toString(36);
}
const root = path.join(os.tmpdir(), `jspack-fs-corpus-${checkoutTag()}`);

function scrub(text) {
  return text.split(root).join('<ROOT>');
}

function describeError(err) {
  const props = {};
  for (const key of ['errno', 'code', 'syscall', 'path', 'dest']) {
    if (err[key] !== undefined) props[key] = err[key];
  }
  return scrub(`THROWS ${err.name} ${err.code} ${err.message} ` +
    util.inspect(props, { breakLength: Infinity }));
}

// Stats without the values that differ between runs and files.
function statView(st) {
  const kinds = ['isFile', 'isDirectory', 'isSymbolicLink', 'isFIFO',
    'isSocket', 'isBlockDevice', 'isCharacterDevice'].filter((k) => st[k]());
  return { ctor: st.constructor.name, mode: st.mode, size: st.size,
    nlink: st.nlink, kinds, keys: Object.keys(st),
    types: Object.keys(st).map((k) => typeof st[k]).join(),
    msMatches: Math.abs(Number(st.mtimeMs) - st.mtime.getTime()) < 1 };
}

function view(value) {
  if (value !== null && typeof value === 'object' && 'blksize' in value) {
    return statView(value);
  }
  if (Array.isArray(value) && value[0] instanceof fs.Dirent) {
    value = value.map((d) => ({ name: d.name, path: d.path, parentPath: d.parentPath,
      isFile: d.isFile(), isDir: d.isDirectory(), isLink: d.isSymbolicLink(),
      ctor: d.constructor.name }))
      .sort((a, b) => (a.path + a.name < b.path + b.name ? -1 : 1));
  } else if (Array.isArray(value)) {
    value = [...value].sort();
  }
  return value;
}

let n = 0;
function emit(label, result) {
  console.log(JSON.stringify([`${n++} ${label}`, result]));
}

function show(value) {
  return scrub(util.inspect(view(value), { depth: 4, breakLength: 120 }));
}

function record(label, compute) {
  let result;
  try {
    result = show(compute());
  } catch (err) {
    result = describeError(err);
  }
  emit(label, result);
}

const p = (...parts) => path.join(root, ...parts);

function buildTree() {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(p('dir/sub/deep'), { recursive: true });
  fs.writeFileSync(p('file.txt'), 'hello world\n');
  fs.writeFileSync(p('dir/a.txt'), 'A');
  fs.writeFileSync(p('dir/sub/b.bin'), Buffer.from([0, 1, 2, 255]));
  fs.writeFileSync(p('empty'), '');
  fs.symlinkSync('file.txt', p('link'));
  fs.symlinkSync('nowhere', p('dangling'));
  fs.symlinkSync('dir', p('dirlink'));
  fs.chmodSync(p('file.txt'), 0o644);
}

const kBadPaths = [123, null, undefined, {}, [], true, 'a\0b',
  Buffer.from('a\0b'), { href: 'http://x/', protocol: 'http:' }];

function argumentErrors() {
  const pathTakers = ['accessSync', 'statSync', 'lstatSync', 'readdirSync',
    'readFileSync', 'unlinkSync', 'rmdirSync', 'rmSync', 'readlinkSync',
    'realpathSync', 'openSync', 'existsSync', 'chmodSync', 'mkdirSync'];
  for (const fn of pathTakers) {
    for (const bad of kBadPaths) {
      record(`${fn}(${util.inspect(bad)})`, () => fs[fn](bad, ...(fn === 'chmodSync' ? [0o644] : [])));
    }
  }
  for (const flags of ['r', 'r+', 'rs+', 'w', 'wx', 'w+', 'wx+', 'a', 'ax', 'a+',
    'ax+', 'as', 'as+', 'sa', 'xw', 'zz', '', 5, {}, null, 'R']) {
    record(`open flags ${util.inspect(flags)}`, () => {
      const target = p(`flags-${typeof flags}-${String(flags).replace(/\W/g, '_')}`);
      const fd = fs.openSync(target, flags);
      fs.closeSync(fd);
      const existed = fs.existsSync(target);
      fs.rmSync(target, { force: true });
      return existed;
    });
  }
  for (const fd of [-1, 2 ** 31, 1.5, '1', null, undefined, NaN]) {
    record(`closeSync(${util.inspect(fd)})`, () => fs.closeSync(fd));
    record(`fstatSync(${util.inspect(fd)})`, () => fs.fstatSync(fd));
  }
  for (const mode of ['x', -1, 2 ** 32, 1.5, '777', '0o7', {}]) {
    record(`chmodSync mode ${util.inspect(mode)}`, () => fs.chmodSync(p('empty'), mode));
    record(`mkdirSync mode ${util.inspect(mode)}`, () => fs.mkdirSync(p('m-' + String(mode).replace(/\W/g, '_')), { mode }));
  }
  for (const mode of ['x', -1, 8, 1.5, null]) {
    record(`accessSync mode ${util.inspect(mode)}`, () => fs.accessSync(p('file.txt'), mode));
    record(`copyFileSync mode ${util.inspect(mode)}`, () => fs.copyFileSync(p('file.txt'), p('copy-m'), mode));
  }
  record('mkdir recursive non-boolean', () => fs.mkdirSync(p('x'), { recursive: 'yes' }));
  record('rm recursive non-boolean', () => fs.rmSync(p('x'), { recursive: 1 }));
  record('readFile options number', () => fs.readFileSync(p('file.txt'), 5));
  record('readFile bad encoding', () => fs.readFileSync(p('file.txt'), 'nope'));
  record('readdir bad encoding', () => fs.readdirSync(root, { encoding: 'nope' }));
  record('writeFile number data', () => fs.writeFileSync(p('w'), 5));
  record('writeFile object data', () => fs.writeFileSync(p('w'), {}));
  record('symlink bad type', () => fs.symlinkSync('a', p('bad-type'), 'bad'));
  record('utimes NaN', () => fs.utimesSync(p('file.txt'), NaN, 0));
  record('utimes string', () => fs.utimesSync(p('file.txt'), 'x', 0));
  record('ftruncate string', () => fs.ftruncateSync(0, 'x'));
  record('read no callback', () => fs.read(0));
  record('stat no callback', () => fs.stat(p('file.txt')));
  record('stat bad path no callback', () => fs.stat(123));
  record('open bad path with callback', () => fs.open(123, () => {}));
}

// Callback forms without a callback: which bad argument is named first
// (some arguments are checked before the callback, most after).
function callbackArgumentOrder() {
  const buf = Buffer.alloc(1);
  const cases = {
    'copyFile bad dest': () => fs.copyFile(p('a'), 2),
    'copyFile bad mode': () => fs.copyFile(p('a'), p('b'), 9),
    'chmod bad mode': () => fs.chmod(p('a'), 'x'),
    'rm bad options': () => fs.rm(p('a'), 5),
    'rm bad force': () => fs.rm(p('a'), { force: 1 }),
    'open bad mode': () => fs.open(p('a'), 'r', 'x'),
    'open bad path': () => fs.open(1),
    'access bad mode': () => fs.access(p('a'), 99),
    'access bad path': () => fs.access(1),
    'close -1': () => fs.close(-1),
    'close string': () => fs.close('x'),
    'write number': () => fs.write(1, 5),
    'write null fd': () => fs.write(null, buf),
    'readv number': () => fs.readv(1, 5),
    'writev [5]': () => fs.writev(1, [5]),
    'readv null fd': () => fs.readv(null, []),
    'read bad offset': () => fs.read(1, buf, 5, 1, 0),
    'read number buffer': () => fs.read(1, 5, 0, 1, 0),
    'read null buffer': () => fs.read(1, null, 0, 1, 0),
    'read null fd': () => fs.read(null, buf, 0, 1, 0),
    'read string fd': () => fs.read('x'),
    'stat number': () => fs.stat(1),
    'fstat string': () => fs.fstat('x'),
    'readSync options bag': () => fs.readSync(1, { buffer: null }),
    'readSync empty bag': () => fs.readSync(1, {}),
    'readSync string fd': () => fs.readSync('x', 1),
    'new Dir()': () => new fs.Dir(),
    'fchmod no mode': () => fs.fchmod(99),
    'fchown no ids': () => fs.fchown(99),
    'futimes no times': () => fs.futimes(99, 1),
    'close bad callback': () => fs.close(99, 5),
    'readFile options last': () => fs.readFile(p('a'), {}),
    'writeFile options last': () => fs.writeFile(p('a'), 'x', {}),
    'appendFile options last': () => fs.appendFile(p('a'), 'x', 'utf8'),
    'writeFile data last': () => fs.writeFile(p('a'), 'x'),
    'open flags last': () => fs.open(p('a'), 'r'),
    'open mode last': () => fs.open(p('a'), 'r', 0o666),
    'symlink one': () => fs.symlink(p('a')),
    'symlink type last': () => fs.symlink(p('a'), p('b'), 'file'),
    'read buffer last': () => fs.read(99, buf),
    'read offset last': () => fs.read(99, buf, 0),
    'read sixth': () => fs.read(99, buf, 0, 1, 0, 5),
    'readv position last': () => fs.readv(99, [], 0),
    'writev position last': () => fs.writev(99, [], 0),
    'write offset last': () => fs.write(99, buf, 0),
    'write length last': () => fs.write(99, buf, 0, 1),
    'write sixth': () => fs.write(99, buf, 0, 1, 0, 7),
    'write string encoding last': () => fs.write(99, 'x', 0, 'utf8'),
    'stat options last': () => fs.stat(p('a'), {}),
    'rename two': () => fs.rename(p('a'), p('b')),
  };
  for (const [label, fn] of Object.entries(cases)) record(`no callback: ${label}`, fn);
}

function syncOperations() {
  record('readFile buffer', () => fs.readFileSync(p('file.txt')));
  record('readFile utf8', () => fs.readFileSync(p('file.txt'), 'utf8'));
  for (const enc of ['hex', 'base64', 'latin1', 'ucs2', 'buffer', 'ascii']) {
    record(`readFile ${enc}`, () => fs.readFileSync(p('dir/sub/b.bin'), { encoding: enc }));
  }
  record('readFile empty', () => fs.readFileSync(p('empty')));
  record('readFile dir', () => fs.readFileSync(p('dir')));
  record('readFile missing', () => fs.readFileSync(p('missing')));
  record('readFile through link', () => fs.readFileSync(p('link'), 'utf8'));
  record('readFile dangling', () => fs.readFileSync(p('dangling')));
  record('readFile file as dir', () => fs.readFileSync(p('file.txt/x')));
  record('readFile flag w+', () => {
    fs.writeFileSync(p('t-wplus'), 'abc');
    return fs.readFileSync(p('t-wplus'), { flag: 'w+', encoding: 'utf8' });
  });
  record('readFile flag bad', () => fs.readFileSync(p('file.txt'), { flag: 'q' }));
  record('readFile from fd', () => {
    const fd = fs.openSync(p('file.txt'), 'r');
    fs.readSync(fd, Buffer.alloc(6), 0, 6, null);
    const rest = fs.readFileSync(fd, 'utf8');
    fs.closeSync(fd);
    return rest;
  });
  record('readFile Buffer path', () => fs.readFileSync(Buffer.from(p('file.txt')), 'utf8'));
  record('readFile URL-like path', () => fs.readFileSync({ href: `file://${p('file.txt')}`,
    protocol: 'file:', hostname: '', pathname: p('file.txt') }, 'utf8'));
  for (const [label, data] of [['string', 'text'], ['Buffer', Buffer.from('buf')],
    ['Uint16Array', new Uint16Array([0x4241, 0x4443])],
    ['DataView', new DataView(new Uint8Array([65, 66, 67]).buffer)],
    ['hex string', ['6869', 'hex']], ['empty', '']]) {
    record(`writeFile ${label}`, () => {
      if (Array.isArray(data)) fs.writeFileSync(p('w'), data[0], data[1]);
      else fs.writeFileSync(p('w'), data);
      return fs.readFileSync(p('w'));
    });
  }
  record('writeFile wx existing', () => fs.writeFileSync(p('w'), 'x', { flag: 'wx' }));
  record('writeFile into missing dir', () => fs.writeFileSync(p('nodir/x'), 'x'));
  record('writeFile to dir', () => fs.writeFileSync(p('dir'), 'x'));
  record('writeFile mode', () => {
    fs.writeFileSync(p('mode600'), 'x', { mode: 0o600 });
    return (fs.statSync(p('mode600')).mode & 0o777).toString(8);
  });
  record('appendFile', () => {
    fs.appendFileSync(p('ap'), 'one');
    fs.appendFileSync(p('ap'), Buffer.from('two'));
    fs.appendFileSync(p('ap'), 'three', 'utf8');
    return fs.readFileSync(p('ap'), 'utf8');
  });
  for (const target of ['file.txt', 'dir', 'link', 'dangling', 'dirlink', 'missing',
    'file.txt/x', '']) {
    record(`stat ${target}`, () => fs.statSync(p(target)));
    record(`lstat ${target}`, () => fs.lstatSync(p(target)));
    record(`stat bigint ${target}`, () => fs.statSync(p(target), { bigint: true }));
    record(`access ${target}`, () => fs.accessSync(p(target)));
    record(`exists ${target}`, () => fs.existsSync(p(target)));
    record(`readlink ${target}`, () => fs.readlinkSync(p(target)));
    record(`realpath ${target}`, () => fs.realpathSync(p(target)));
    record(`realpath.native ${target}`, () => fs.realpathSync.native(p(target)));
    record(`readdir ${target}`, () => fs.readdirSync(p(target)));
    record(`readdir types ${target}`, () => fs.readdirSync(p(target), { withFileTypes: true }));
    record(`unlink-probe ${target}`, () => fs.rmdirSync(p(target)));
  }
  record('stat throwIfNoEntry false', () => fs.statSync(p('missing'), { throwIfNoEntry: false }));
  record('lstat throwIfNoEntry false', () => fs.lstatSync(p('missing'), { throwIfNoEntry: false }));
  record('stat throwIfNoEntry false ENOTDIR', () => fs.statSync(p('file.txt/x'), { throwIfNoEntry: false }));
  record('readdir buffer', () => fs.readdirSync(p('dir'), 'buffer'));
  record('readdir recursive', () => fs.readdirSync(p('dir'), { recursive: true }));
  record('readdir recursive types', () => fs.readdirSync(p('dir'), { recursive: true, withFileTypes: true }));
  record('readlink buffer', () => fs.readlinkSync(p('link'), 'buffer'));
  record('realpath buffer', () => fs.realpathSync(p('dirlink/a.txt'), { encoding: 'buffer' }));
  record('realpath relative parts', () => fs.realpathSync(p('dir/sub/../a.txt')));
  record('realpath missing deep', () => fs.realpathSync(p('missing/a/b')));
  record('mkdir existing', () => fs.mkdirSync(p('dir')));
  record('mkdir missing parent', () => fs.mkdirSync(p('no/parent')));
  record('mkdir recursive new', () => fs.mkdirSync(p('r1/r2/r3'), { recursive: true }));
  record('mkdir recursive existing', () => fs.mkdirSync(p('r1/r2'), { recursive: true }));
  record('mkdir recursive over file', () => fs.mkdirSync(p('file.txt'), { recursive: true }));
  record('mkdir recursive under file', () => fs.mkdirSync(p('file.txt/a/b'), { recursive: true }));
  record('mkdir recursive relative', () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      return [fs.mkdirSync('rel/a/b', { recursive: true }),
        fs.mkdirSync('./rel/a/c/', { recursive: true }),
        fs.mkdirSync('rel', { recursive: true })];
    } finally {
      process.chdir(cwd);
    }
  });
  record('mkdir recursive mode', () => {
    fs.mkdirSync(p('rm1/rm2'), { recursive: true, mode: 0o700 });
    return [(fs.statSync(p('rm1')).mode & 0o777).toString(8),
      (fs.statSync(p('rm1/rm2')).mode & 0o777).toString(8)];
  });
  record('mkdir mode string', () => {
    fs.mkdirSync(p('mstr'), '700');
    return (fs.statSync(p('mstr')).mode & 0o777).toString(8);
  });
  record('mkdtemp', () => {
    const made = fs.mkdtempSync(p('tmp-'));
    return [path.basename(made).length, fs.statSync(made).isDirectory(),
      made.startsWith(p('tmp-'))];
  });
  record('mkdtemp missing', () => fs.mkdtempSync(p('nodir/tmp-')));
  record('mkdtemp bad prefix', () => fs.mkdtempSync(5));
  record('rmdir non-empty', () => fs.rmdirSync(p('dir')));
  record('rmdir file', () => fs.rmdirSync(p('file.txt')));
  record('unlink dir', () => fs.unlinkSync(p('dir')));
  record('unlink missing', () => fs.unlinkSync(p('missing')));
  record('rm dir', () => fs.rmSync(p('r1')));
  record('rm missing', () => fs.rmSync(p('missing')));
  record('rm missing force', () => fs.rmSync(p('missing'), { force: true }));
  record('rm recursive', () => [fs.rmSync(p('r1'), { recursive: true }), fs.existsSync(p('r1'))]);
  record('rm link keeps target', () => {
    fs.symlinkSync('dir', p('dirlink2'));
    fs.rmSync(p('dirlink2'), { recursive: true });
    return [fs.existsSync(p('dirlink2')), fs.existsSync(p('dir/a.txt'))];
  });
  record('rename', () => {
    fs.writeFileSync(p('ren-a'), 'r');
    fs.renameSync(p('ren-a'), p('ren-b'));
    return [fs.existsSync(p('ren-a')), fs.readFileSync(p('ren-b'), 'utf8')];
  });
  record('rename missing', () => fs.renameSync(p('missing'), p('other')));
  record('rename dir over file', () => fs.renameSync(p('dir'), p('file.txt')));
  record('copyFile', () => {
    fs.copyFileSync(p('file.txt'), p('copy'));
    return fs.readFileSync(p('copy'), 'utf8');
  });
  record('copyFile excl', () => fs.copyFileSync(p('file.txt'), p('copy'),
    fs.constants.COPYFILE_EXCL));
  record('copyFile missing', () => fs.copyFileSync(p('missing'), p('copy2')));
  record('copyFile dir', () => fs.copyFileSync(p('dir'), p('copy3')));
  record('link', () => {
    fs.linkSync(p('file.txt'), p('hard'));
    return fs.statSync(p('file.txt')).nlink;
  });
  record('link existing', () => fs.linkSync(p('file.txt'), p('hard')));
  record('symlink existing', () => fs.symlinkSync('x', p('link')));
  record('symlink dir type', () => {
    fs.symlinkSync('dir', p('typed'), 'dir');
    return fs.readlinkSync(p('typed'));
  });
  record('truncate', () => {
    fs.writeFileSync(p('tr'), '0123456789');
    fs.truncateSync(p('tr'), 4);
    const a = fs.readFileSync(p('tr'), 'utf8');
    fs.truncateSync(p('tr'));
    return [a, fs.readFileSync(p('tr'), 'utf8')];
  });
  record('truncate negative', () => {
    fs.writeFileSync(p('tr'), '0123456789');
    fs.truncateSync(p('tr'), -3);
    return fs.readFileSync(p('tr'), 'utf8');
  });
  record('truncate missing', () => fs.truncateSync(p('missing'), 1));
  record('truncate dir', () => fs.truncateSync(p('dir'), 1));
  record('chmod', () => {
    fs.chmodSync(p('tr'), 0o600);
    const a = fs.statSync(p('tr')).mode & 0o777;
    fs.chmodSync(p('tr'), '755');
    return [a.toString(8), (fs.statSync(p('tr')).mode & 0o777).toString(8)];
  });
  record('chmod missing', () => fs.chmodSync(p('missing'), 0o600));
  record('utimes', () => {
    fs.utimesSync(p('tr'), 1000, new Date(2000000));
    const st = fs.statSync(p('tr'));
    return [st.atimeMs, st.mtimeMs, st.mtime.toISOString()];
  });
  record('utimes strings', () => {
    fs.utimesSync(p('tr'), '1500', '2500.5');
    const st = fs.statSync(p('tr'));
    return [st.atimeMs, st.mtimeMs];
  });
  record('lutimes link', () => {
    fs.lutimesSync(p('link'), 5, 6);
    return [fs.lstatSync(p('link')).mtimeMs, fs.statSync(p('link')).mtimeMs === 6000];
  });
  record('utimes missing', () => fs.utimesSync(p('missing'), 1, 1));
  record('chown same', () => fs.chownSync(p('tr'), fs.statSync(p('tr')).uid,
    fs.statSync(p('tr')).gid));
  record('chown missing', () => fs.chownSync(p('missing'), 0, 0));
  record('chown bad uid', () => fs.chownSync(p('tr'), 'x', 0));
  record('chown uid -2', () => fs.chownSync(p('tr'), -2, 0));
  record('lchown missing', () => fs.lchownSync(p('missing'), 0, 0));
}

function fdOperations() {
  record('fd read/write positions', () => {
    const fd = fs.openSync(p('pos'), 'w+');
    const out = [];
    out.push(fs.writeSync(fd, 'abcdef'));
    out.push(fs.writeSync(fd, Buffer.from('XY'), 0, 2, 1));
    out.push(fs.writeSync(fd, 'Z', 10));
    const buf = Buffer.alloc(16);
    out.push(fs.readSync(fd, buf, 0, 16, 0));
    out.push(buf.toString('latin1'));
    out.push(fs.readSync(fd, buf, 0, 4, null));
    out.push(fs.readSync(fd, buf, { position: 2, length: 3 }));
    out.push(buf.subarray(0, 3).toString());
    out.push(fs.readSync(fd, buf, 0, 3, 2n));
    out.push(fs.fstatSync(fd).size);
    fs.ftruncateSync(fd, 3);
    out.push(fs.fstatSync(fd).size);
    fs.fsyncSync(fd);
    fs.fdatasyncSync(fd);
    fs.closeSync(fd);
    return out;
  });
  record('read current position', () => {
    const fd = fs.openSync(p('file.txt'), 'r');
    const buf = Buffer.alloc(5);
    const a = fs.readSync(fd, buf, 0, 5, -1);
    const s1 = buf.toString();
    const b = fs.readSync(fd, buf);
    const s2 = buf.toString();
    const c = fs.readSync(fd, buf, 0, 5);
    fs.closeSync(fd);
    return [a, s1, b, s2, c];
  });
  record('read on closed fd', () => {
    const fd = fs.openSync(p('file.txt'), 'r');
    fs.closeSync(fd);
    return fs.readSync(fd, Buffer.alloc(1));
  });
  record('double close', () => {
    const fd = fs.openSync(p('file.txt'), 'r');
    fs.closeSync(fd);
    return fs.closeSync(fd);
  });
  record('write to read-only fd', () => {
    const fd = fs.openSync(p('file.txt'), 'r');
    try {
      return fs.writeSync(fd, 'x');
    } finally {
      fs.closeSync(fd);
    }
  });
  record('read directory fd', () => {
    const fd = fs.openSync(p('dir'), 'r');
    try {
      return fs.readSync(fd, Buffer.alloc(4));
    } finally {
      fs.closeSync(fd);
    }
  });
  const buf = Buffer.alloc(4);
  for (const [label, args] of [
    ['offset past end', [buf, 5, 1, 0]], ['length too long', [buf, 0, 5, 0]],
    ['negative offset', [buf, -1, 1, 0]], ['fraction offset', [buf, 0.5, 1, 0]],
    ['string position', [buf, 0, 1, 'x']], ['position -2', [buf, 0, 1, -2]],
    ['huge bigint', [buf, 0, 1, 2n ** 64n]], ['not a buffer', ['str']],
    ['zero length', [buf, 0, 0, 0]], ['empty buffer', [Buffer.alloc(0), 0, 1, 0]],
    ['options number', [buf, 3]], ['Uint16Array', [new Uint16Array(2), 0, 4, 0]],
  ]) {
    record(`readSync ${label}`, () => {
      const fd = fs.openSync(p('file.txt'), 'r');
      try {
        const r = fs.readSync(fd, ...args);
        return [r, args[0] && args[0].length !== undefined ? Buffer.from(args[0].buffer || []).toString('hex') : null];
      } finally {
        fs.closeSync(fd);
      }
    });
  }
  for (const [label, args] of [
    ['offset past end', [Buffer.from('ab'), 3]], ['length too long', [Buffer.from('ab'), 1, 3]],
    ['object', [{}]], ['number', [5]], ['string enc hex', ['6869', null, 'hex']],
    ['string bad enc', ['x', 0, 'nope']], ['DataView', [new DataView(new ArrayBuffer(3))]],
  ]) {
    record(`writeSync ${label}`, () => {
      const fd = fs.openSync(p('wfd'), 'w+');
      try {
        const r = fs.writeSync(fd, ...args);
        return [r, fs.readFileSync(p('wfd'), 'hex')];
      } finally {
        fs.closeSync(fd);
      }
    });
  }
  record('readv/writev', () => {
    const fd = fs.openSync(p('vec'), 'w+');
    const a = fs.writevSync(fd, [Buffer.from('ab'), Buffer.from('cde')]);
    const x = Buffer.alloc(3);
    const y = Buffer.alloc(3);
    const b = fs.readvSync(fd, [x, y], 0);
    fs.closeSync(fd);
    return [a, b, x.toString(), y.toString()];
  });
  record('readv bad', () => fs.readvSync(0, ['x']));
  record('fstat file', () => {
    const fd = fs.openSync(p('file.txt'), 'r');
    try {
      return fs.fstatSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
  record('open wx existing', () => fs.openSync(p('file.txt'), 'wx'));
  record('open missing', () => fs.openSync(p('missing')));
  record('open dir for write', () => fs.openSync(p('dir'), 'w'));
  for (const flags of [NaN, 1.5, 2 ** 40, Infinity, -(2 ** 31) - 1]) {
    record(`open numeric flags ${flags}`, () => fs.openSync(p('numeric-flags'), flags));
  }
  record('open with O_ flags', () => {
    const c = fs.constants;
    const fd = fs.openSync(p('oflags'), c.O_CREAT | c.O_WRONLY | c.O_TRUNC, 0o640);
    fs.closeSync(fd);
    return (fs.statSync(p('oflags')).mode & 0o777).toString(8);
  });
  record('file deleted while open', () => {
    fs.writeFileSync(p('gone'), 'still here');
    const fd = fs.openSync(p('gone'), 'r');
    fs.unlinkSync(p('gone'));
    const b = Buffer.alloc(10);
    const r = fs.readSync(fd, b, 0, 10, 0);
    const st = fs.fstatSync(fd);
    fs.closeSync(fd);
    return [r, b.toString(), st.nlink, fs.existsSync(p('gone'))];
  });
}

function dirCases() {
  record('opendir missing', () => fs.opendirSync(p('missing')));
  record('opendir file', () => fs.opendirSync(p('file.txt')));
  record('opendir bad path', () => fs.opendirSync(5));
  for (const bufferSize of [0, 1, 1.5, 'x', 2 ** 32]) {
    record(`opendir bufferSize ${util.inspect(bufferSize)}`, () =>
      fs.opendirSync(p('dir'), { bufferSize }).path);
  }
  record('opendir readSync all', () => {
    const d = fs.opendirSync(p('dir'));
    const names = [];
    for (let e = d.readSync(); e !== null; e = d.readSync()) {
      names.push([e.name, e.isDirectory(), e.parentPath]);
    }
    const again = d.readSync();
    d.closeSync();
    return [d.path, names.sort(), again, d.constructor.name];
  });
  record('opendir closed twice', () => {
    const d = fs.opendirSync(p('dir'));
    d.closeSync();
    return d.closeSync();
  });
  record('opendir read after close', () => {
    const d = fs.opendirSync(p('dir'));
    d.closeSync();
    return d.readSync();
  });
  record('Dir proto', () => ['read', 'readSync', 'close', 'closeSync', 'entries']
    .map((k) => typeof fs.Dir.prototype[k]));
}

function statfsCases() {
  const stable = (s) => [s.constructor.name, Object.keys(s),
    Object.values(s).map((v) => typeof v), s.type, s.bsize];
  record('statfs', () => stable(fs.statfsSync(root)));
  record('statfs bigint', () => stable(fs.statfsSync(root, { bigint: true })));
  record('statfs missing', () => fs.statfsSync(p('missing')));
  record('statfs bad path', () => fs.statfsSync(5));
}

// Odd values in every numeric argument: Node's validation errors, never a
// crash in the binding.
function numericFuzz() {
  const values = [NaN, 1.5, -1, -2, 2 ** 31, 2 ** 32, 2 ** 53, '1', '0o7', null,
    undefined, {}, true, 1n];
  const f = p('fuzz');
  fs.writeFileSync(f, 'fuzz');
  const fd = fs.openSync(f, 'r+');
  const buf = Buffer.alloc(4);
  const calls = {
    'open mode': (v) => fs.closeSync(fs.openSync(f, 'r', v)),
    'chmod': (v) => fs.chmodSync(f, v),
    'fchmod': (v) => fs.fchmodSync(fd, v),
    'ftruncate': (v) => fs.ftruncateSync(fd, v),
    'truncate': (v) => fs.truncateSync(f, v),
    'read offset': (v) => fs.readSync(fd, buf, v, 1, 0),
    'read length': (v) => fs.readSync(fd, buf, 0, v, 0),
    'read position': (v) => fs.readSync(fd, buf, 0, 1, v),
    'write offset': (v) => fs.writeSync(fd, buf, v, 1, 0),
    'write length': (v) => fs.writeSync(fd, buf, 0, v, 0),
    'write position': (v) => fs.writeSync(fd, buf, 0, 1, v),
    'write string position': (v) => fs.writeSync(fd, 'x', v),
    'chown uid': (v) => fs.chownSync(f, v, fs.statSync(f).gid),
    'chown gid': (v) => fs.chownSync(f, fs.statSync(f).uid, v),
    'fchown uid': (v) => fs.fchownSync(fd, v, fs.statSync(f).gid),
    'utimes atime': (v) => fs.utimesSync(f, v, 0),
    'futimes mtime': (v) => fs.futimesSync(fd, 0, v),
    'access mode': (v) => fs.accessSync(f, v),
    'copyFile mode': (v) => fs.copyFileSync(f, p('fuzz-copy'), v),
    'symlink type': (v) => fs.symlinkSync('x', p(`fuzz-link-${String(v)}`), v),
    'fstat fd': (v) => fs.fstatSync(v).isFile(),
    'fsync fd': (v) => fs.fsyncSync(v),
    'readv position': (v) => fs.readvSync(fd, [buf], v),
    'writev position': (v) => fs.writevSync(fd, [buf], v),
    'stat options': (v) => fs.statSync(f, v).isFile(),
    'readdir options': (v) => fs.readdirSync(p('dir'), v).length,
    'mkdtemp options': (v) => typeof fs.mkdtempSync(p('fz-'), v),
    'readFile options': (v) => fs.readFileSync(f, v).length,
    'writeFile options': (v) => fs.writeFileSync(p('fuzz-w'), 'x', v),
    'mkdir options': (v) => fs.mkdirSync(p(`fuzz-dir-${String(v).replace(/\W/g, '_')}`), v),
    'rm options': (v) => fs.rmSync(p('fuzz-none'), v),
  };
  // Values Node itself aborts on (its binding asserts an int32 mode).
  const big = [2 ** 31, 2 ** 32];
  const nodeCrashes = { 'open mode': big, 'chmod': big, 'fchmod': big,
    'mkdir options': big };
  for (const [name, fn] of Object.entries(calls)) {
    for (const v of values) {
      if ((nodeCrashes[name] || []).includes(v)) continue;
      record(`fuzz ${name} ${util.inspect(v)}`, () => {
        const out = fn(v);
        return typeof out === 'number' && name.startsWith('write') ? 'n' : out;
      });
    }
  }
  fs.closeSync(fd);
  fs.rmSync(f);
}

function shapes() {
  record('constants', () => fs.constants);
  record('F_OK etc', () => [fs.F_OK, fs.R_OK, fs.W_OK, fs.X_OK]);
  record('promises identity', () => fs.promises === fsp);
  record('sync/callback names', () => ['readFileSync', 'readFile', 'statSync', 'read',
    'write', 'realpathSync', 'existsSync'].map((k) => [k, typeof fs[k], fs[k].name]));
  record('realpath.native', () => [typeof fs.realpath.native, typeof fs.realpathSync.native]);
  record('Stats ctor', () => typeof fs.Stats);
  record('fs keys', () => Object.keys(fs).filter((k) => !/Stream|watch|^cp|Blob|^_/i.test(k)));
  record('promises keys', () => Object.keys(fsp).filter((k) => !/watch|^cp$/.test(k)));
  record('lchmod', () => [fs.lchmod, fs.lchmodSync, 'lchmod' in fs]);
  record('Dirent inspect', () => util.inspect(fs.readdirSync(p('dir'), { withFileTypes: true })
    .find((d) => d.name === 'a.txt')));
  record('Stats proto', () => Object.getOwnPropertyNames(Object.getPrototypeOf(
    Object.getPrototypeOf(fs.statSync(root)))).sort());
  record('promises keys subset', () => ['access', 'appendFile', 'chmod', 'copyFile', 'lstat',
    'mkdir', 'mkdtemp', 'open', 'readFile', 'readdir', 'readlink', 'realpath', 'rename',
    'rm', 'rmdir', 'stat', 'symlink', 'truncate', 'unlink', 'utimes', 'writeFile']
    .map((k) => typeof fsp[k]));
}

// Callback and promise forms, one at a time, in order.
function asyncCases() {
  const steps = [];
  const cb = (label, start) => steps.push(() => new Promise((resolve) => {
    let sync = true;
    try {
      start((...args) => {
        const [err, ...rest] = args;
        emit(label, [sync ? 'SYNC' : 'async', args.length,
          err ? describeError(err) : err, ...rest.map(show)]);
        resolve();
      });
    } catch (err) {
      emit(label, describeError(err));
      resolve();
    }
    sync = false;
  }));
  const pr = (label, start) => steps.push(async () => {
    let promise;
    try {
      promise = start();
    } catch (err) {
      emit(label, `sync ${describeError(err)}`);
      return;
    }
    try {
      emit(label, ['resolved', show(await promise)]);
    } catch (err) {
      emit(label, ['rejected', describeError(err)]);
    }
  });

  cb('cb readFile', (done) => fs.readFile(p('file.txt'), done));
  cb('cb readFile utf8', (done) => fs.readFile(p('file.txt'), 'utf8', done));
  cb('cb readFile missing', (done) => fs.readFile(p('missing'), done));
  cb('cb readFile dir', (done) => fs.readFile(p('dir'), done));
  cb('cb readFile bad path', (done) => fs.readFile(5.5, done));
  cb('cb writeFile', (done) => fs.writeFile(p('cbw'), 'x', done));
  cb('cb appendFile', (done) => fs.appendFile(p('cbw'), 'y', done));
  cb('cb stat', (done) => fs.stat(p('cbw'), done));
  cb('cb lstat link', (done) => fs.lstat(p('link'), done));
  cb('cb stat missing', (done) => fs.stat(p('missing'), done));
  cb('cb access', (done) => fs.access(p('cbw'), done));
  cb('cb access missing', (done) => fs.access(p('missing'), fs.constants.R_OK, done));
  cb('cb exists', (done) => fs.exists(p('cbw'), (e) => done(null, e)));
  cb('cb exists missing', (done) => fs.exists(p('missing'), (e) => done(null, e)));
  cb('cb readdir', (done) => fs.readdir(p('dir'), done));
  cb('cb readdir types', (done) => fs.readdir(p('dir'), { withFileTypes: true }, done));
  cb('cb mkdir recursive', (done) => fs.mkdir(p('cb1/cb2'), { recursive: true }, done));
  cb('cb mkdir exists', (done) => fs.mkdir(p('cb1'), done));
  cb('cb rm recursive', (done) => fs.rm(p('cb1'), { recursive: true }, done));
  cb('cb rename', (done) => fs.rename(p('cbw'), p('cbw2'), done));
  cb('cb copyFile', (done) => fs.copyFile(p('cbw2'), p('cbw3'), done));
  cb('cb unlink', (done) => fs.unlink(p('cbw3'), done));
  cb('cb unlink missing', (done) => fs.unlink(p('cbw3'), done));
  cb('cb realpath', (done) => fs.realpath(p('dirlink/a.txt'), done));
  cb('cb realpath.native', (done) => fs.realpath.native(p('dirlink/a.txt'), done));
  cb('cb readlink', (done) => fs.readlink(p('link'), done));
  cb('cb mkdtemp', (done) => fs.mkdtemp(p('cbt-'), (err, d) => done(err, d && d.length)));
  cb('cb truncate', (done) => fs.truncate(p('cbw2'), 1, done));
  cb('cb open/read/close', (done) => fs.open(p('file.txt'), 'r', (err, fd) => {
    if (err) return done(err);
    fs.read(fd, Buffer.alloc(5), 0, 5, 0, (err2, n, b) => {
      fs.close(fd, (err3) => done(err2 || err3, n, b.toString()));
    });
  }));
  cb('cb write string', (done) => fs.open(p('cbw4'), 'w', (err, fd) => {
    if (err) return done(err);
    fs.write(fd, 'hello', (err2, n, s) => {
      fs.close(fd, () => done(err2, n, s));
    });
  }));
  cb('cb read closed fd', (done) => fs.read(999, Buffer.alloc(1), 0, 1, 0, done));
  cb('cb close bad', (done) => fs.close(999, done));
  cb('cb fstat', (done) => fs.fstat(999, done));

  pr('p readFile', () => fsp.readFile(p('file.txt'), 'utf8'));
  pr('p readFile missing', () => fsp.readFile(p('missing')));
  pr('p readFile bad path', () => fsp.readFile(-5));
  pr('p readFile aborted', () => fsp.readFile(p('file.txt'), { signal: AbortSignal.abort() }));
  pr('p writeFile aborted', () => fsp.writeFile(p('pw'), 'x', { signal: AbortSignal.abort() }));
  pr('p writeFile', async () => {
    await fsp.writeFile(p('pw'), 'promised');
    return fsp.readFile(p('pw'), 'utf8');
  });
  pr('p appendFile', async () => {
    await fsp.appendFile(p('pw'), '!');
    return fsp.readFile(p('pw'), 'utf8');
  });
  pr('p stat', () => fsp.stat(p('pw')));
  pr('p stat bigint', () => fsp.stat(p('pw'), { bigint: true }));
  pr('p lstat missing', () => fsp.lstat(p('missing')));
  pr('p access missing', () => fsp.access(p('missing')));
  pr('p mkdir recursive', () => fsp.mkdir(p('p1/p2/p3'), { recursive: true }));
  pr('p readdir', () => fsp.readdir(p('p1'), { recursive: true }));
  pr('p rm dir no recursive', () => fsp.rm(p('p1')));
  pr('p rm recursive', () => fsp.rm(p('p1'), { recursive: true }));
  pr('p rmdir missing', () => fsp.rmdir(p('p1')));
  pr('p rename missing', () => fsp.rename(p('missing'), p('x')));
  pr('p copyFile excl', () => fsp.copyFile(p('pw'), p('file.txt'), fs.constants.COPYFILE_EXCL));
  pr('p realpath', () => fsp.realpath(p('link')));
  pr('p readlink missing', () => fsp.readlink(p('missing')));
  pr('p symlink', async () => {
    await fsp.symlink('pw', p('plink'));
    return fsp.readlink(p('plink'));
  });
  pr('p unlink', () => fsp.unlink(p('plink')));
  pr('p truncate', async () => {
    await fsp.truncate(p('pw'), 3);
    return fsp.readFile(p('pw'), 'utf8');
  });
  pr('p chmod', async () => {
    await fsp.chmod(p('pw'), 0o640);
    return ((await fsp.stat(p('pw'))).mode & 0o777).toString(8);
  });
  pr('p utimes', async () => {
    await fsp.utimes(p('pw'), 10, 20);
    return (await fsp.stat(p('pw'))).mtimeMs;
  });
  pr('p mkdtemp', async () => (await fsp.mkdtemp(p('pt-'))).length);
  pr('p FileHandle', async () => {
    const fh = await fsp.open(p('fh'), 'w+');
    const out = [typeof fh.fd, fh.constructor.name];
    out.push(await fh.write('hello world'));
    out.push(await fh.write(Buffer.from('HW'), 0, 2, 0));
    const buf = Buffer.alloc(11);
    const r = await fh.read(buf, 0, 11, 0);
    out.push(r.bytesRead, r.buffer === buf, buf.toString());
    out.push((await fh.stat()).size);
    await fh.truncate(5);
    out.push(await fh.readFile('utf8'));
    await fh.writeFile('more');
    await fh.sync();
    await fh.datasync();
    out.push((await fh.readv([Buffer.alloc(4)], 0)).bytesRead);
    out.push((await fh.writev([Buffer.from('v')], 0)).bytesWritten);
    out.push((await fh.stat()).size);
    await fh.close();
    out.push(fh.fd);
    try {
      await fh.stat();
    } catch (err) {
      out.push(describeError(err));
    }
    await fh.close();
    return out.map((x) => show(x)).join(' | ');
  });
  pr('p opendir iterate', async () => {
    const d = await fsp.opendir(p('dir'));
    const names = [];
    for await (const e of d) names.push(e.name);
    let closeErr;
    try {
      await d.close();
    } catch (err) {
      closeErr = describeError(err);
    }
    return [names.sort(), closeErr];
  });
  pr('p statfs', async () => (await fsp.statfs(root)).constructor.name);
  pr('p lchmod', () => fsp.lchmod(p('file.txt'), 0o600));
  cb('cb statfs missing', (done) => fs.statfs(p('missing'), done));
  pr('p writeFile iterable', async () => {
    await fsp.writeFile(p('it'), ['a', Buffer.from('b'), new Uint8Array([99])]);
    return fsp.readFile(p('it'), 'utf8');
  });
  pr('p writeFile async iterable', async () => {
    async function* chunks() {
      yield 'x';
      yield Buffer.from('y');
    }
    await fsp.writeFile(p('it'), chunks());
    return fsp.readFile(p('it'), 'utf8');
  });
  pr('p writeFile bad chunk', () => fsp.writeFile(p('it'), [5]));
  pr('p writeFile number', () => fsp.writeFile(p('it'), 5));
  pr('p FileHandle writeFile iterable', async () => {
    const fh = await fsp.open(p('it'), 'w');
    await fh.writeFile(['q', 'r']);
    await fh.close();
    return fsp.readFile(p('it'), 'utf8');
  });
  pr('p opendir missing', () => fsp.opendir(p('missing')));
  cb('cb opendir', (done) => fs.opendir(p('dir'), (err, d) => {
    if (err) return done(err);
    d.read((err2, e) => {
      d.close((err3) => done(err2 || err3, typeof e.name));
    });
  }));
  cb('cb opendir missing', (done) => fs.opendir(p('missing'), done));
  pr('p open missing', () => fsp.open(p('missing')));
  pr('p open bad flags', () => fsp.open(p('file.txt'), 'bad'));
  pr('p readFile FileHandle', async () => {
    const fh = await fsp.open(p('file.txt'));
    try {
      return await fsp.readFile(fh, 'utf8');
    } finally {
      await fh.close();
    }
  });
  pr('p appendFile flag null', async () => {
    await fsp.writeFile(p('flag-null'), 'a', { flag: null });
    await fsp.appendFile(p('flag-null'), 'b', { flag: null });
    fs.appendFileSync(p('flag-null'), 'c', { flag: null });
    return fs.readFileSync(p('flag-null'), { flag: null, encoding: 'utf8' });
  });
  pr('p writeFile drained stream, aborted meanwhile', async () => {
    const source = require('stream').Readable.from([]);
    for await (const chunk of source) void chunk;
    const controller = new AbortController();
    process.nextTick(() => controller.abort());
    return fsp.writeFile(p('aborted'), source, { signal: controller.signal });
  });
  pr('p truncate fd', () => fsp.truncate(1, 0));
  pr('p raw names', async () => {
    const odd = Buffer.from('\uD83D\uDC04', 'ucs2');
    const dir = p('raw-names');
    fs.mkdirSync(dir);
    fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), odd]), '');
    const out = [fs.readdirSync(dir, 'buffer'), fs.readdirSync(dir, 'ucs2'),
      await fsp.readdir(dir, { encoding: 'base64', withFileTypes: true })
        .then((l) => l.map((d) => [d.name, d.isFile()])),
      fs.readdirSync(dir).length];
    await fsp.rm(dir, { recursive: true });
    return [...out, fs.existsSync(dir)];
  });
  pr('p large file', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    await fsp.writeFile(p('big'), big);
    const back = await fsp.readFile(p('big'));
    const sync = fs.readFileSync(p('big'));
    return [back.length, back.equals(big), sync.equals(big)];
  });
  // Whole files read in one binding call: the steps' errors, the size limit
  // (a sparse file past 2 GiB), an fd's rest, a FIFO's growing contents.
  fs.writeFileSync(p('sparse'), '');
  fs.truncateSync(p('sparse'), 2 ** 31);
  record('readFileSync too large', () => fs.readFileSync(p('sparse')));
  cb('cb readFile too large', (done) => fs.readFile(p('sparse'), done));
  pr('p readFile too large', () => fsp.readFile(p('sparse')));
  pr('p readFile dir', () => fsp.readFile(p('dir')));
  pr('p readFile missing', () => fsp.readFile(p('missing')));
  cb('cb readFile empty', (done) => fs.readFile(p('empty'), done));
  cb('cb readFile fd rest', (done) => {
    const fd = fs.openSync(p('file.txt'), 'r');
    fs.readSync(fd, Buffer.alloc(3), 0, 3, null);
    fs.readFile(fd, 'latin1', (err, data) => {
      const again = fs.readFileSync(fd, 'latin1');
      fs.closeSync(fd);
      done(err, data, again);
    });
  });
  cb('cb readFile fifo', (done) => {
    const fifo = p('rf-fifo');
    require('child_process').execFileSync('mkfifo', [fifo]);
    const writer = require('child_process').spawn('sh',
      ['-c', `head -c 200000 /dev/zero | tr '\\0' x > '${fifo}'`]);
    const closed = new Promise((resolve) => writer.on('close', resolve));
    fs.readFile(fifo, 'latin1', (err, data) => {
      closed.then(() => done(err, data && data.length, data && data.slice(0, 3)));
    });
  });
  pr('p readFile aborted while reading', () => {
    const controller = new AbortController();
    const promise = fsp.readFile(p('file.txt'), { signal: controller.signal });
    process.nextTick(() => controller.abort());
    return promise;
  });

  // Reads the page cache serves (finished on the loop thread, without the
  // thread pool) behave as pool reads: never synchronous, the file position
  // moved only by position-less reads, short at the end, errors from read(2).
  const readFd = (fd, length, position) => new Promise((resolve) => {
    let sync = true;
    fs.read(fd, Buffer.alloc(length), 0, length, position, (err, n, b) => {
      resolve([sync ? 'SYNC' : 'async', err ? describeError(err) : null, n,
        b && b.toString('latin1', 0, n)]);
    });
    sync = false;
  });
  pr('cached read positions', async () => {
    fs.writeFileSync(p('positions'), 'abcdefghijklmnopqrstuvwxyz');
    const fd = fs.openSync(p('positions'), 'r');
    const out = [];
    out.push(await readFd(fd, 4, null), await readFd(fd, 4, -1), await readFd(fd, 3, 20),
      await readFd(fd, 4, null), await readFd(fd, 10, 22), await readFd(fd, 5, 26),
      await readFd(fd, 5, 1000), await readFd(fd, 0, 0));
    out.push(await readFd(fd, 100, null), await readFd(fd, 4, null));
    fs.closeSync(fd);
    return { inOrder: out };
  });
  pr('cached read errors', async () => {
    const dirFd = fs.openSync(p('dir'), 'r');
    const writeOnly = fs.openSync(p('wonly'), 'w');
    const closed = fs.openSync(p('file.txt'), 'r');
    fs.closeSync(closed);
    const out = [await readFd(dirFd, 4, null), await readFd(writeOnly, 4, 0),
      await readFd(closed, 4, 0)];
    fs.closeSync(dirFd);
    fs.closeSync(writeOnly);
    return { inOrder: out };
  });
  pr('cached read order', async () => {
    // The callback comes after the same tick's nextTick and promise jobs.
    // (Only one read: the thread pool may finish several in any order.)
    fs.writeFileSync(p('order'), '0123456789');
    const fd = fs.openSync(p('order'), 'r');
    const log = [];
    await new Promise((resolve) => {
      fs.read(fd, Buffer.alloc(2), 0, 2, 4, (err, n, b) => {
        log.push(`read ${b.toString()}`);
        resolve();
      });
      process.nextTick(() => log.push('tick'));
      Promise.resolve().then(() => log.push('promise'));
    });
    fs.closeSync(fd);
    return { inOrder: log };
  });
  pr('cached read larger than the cache path', async () => {
    const big = Buffer.alloc(700 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) & 0xff;
    fs.writeFileSync(p('bigread'), big);
    const fd = fs.openSync(p('bigread'), 'r');
    const buf = Buffer.alloc(big.length);
    const n = await new Promise((resolve, reject) => {
      fs.read(fd, buf, 0, buf.length, 0, (err, count) => (err ? reject(err) : resolve(count)));
    });
    fs.closeSync(fd);
    return [n, buf.equals(big)];
  });
  return steps.reduce((chain, step) => chain.then(step), Promise.resolve());
}

buildTree();
argumentErrors();
callbackArgumentOrder();
syncOperations();
fdOperations();
dirCases();
statfsCases();
numericFuzz();
shapes();
asyncCases().then(() => fs.rmSync(root, { recursive: true, force: true }));
