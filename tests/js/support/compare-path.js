// Dev-only: fuzzes stdlib path against Node's (posix and win32). Run: node tests/js/support/compare-path.js
'use strict';

require('./node-shim');
const nodePath = require('path');
const ours = require('../../../stdlib/path.js');

const pieces = ['/', '\\', '.', '..', 'a', 'b.c', 'C:', 'c:', '//', 'x.y.z', '.d', 'e.', '...', '?', 'srv', 'UNC', '\\\\', 'f/'];
let seed = 12345;
function rnd(n) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
}
function randPath() {
  const n = rnd(6);
  let s = '';
  for (let i = 0; i < n; i++) s += pieces[rnd(pieces.length)];
  return s;
}
let n = 0;
let bad = 0;
function cmp(label, fa, fb) {
  n++;
  let a, b;
  try { a = JSON.stringify(fa()); } catch (e) { a = `THROWS ${e.code} ${e.message}`; }
  try { b = JSON.stringify(fb()); } catch (e) { b = `THROWS ${e.code} ${e.message}`; }
  if (a !== b) {
    bad++;
    if (bad < 40) console.log(label, '\n node', a, '\n ours', b);
  }
}
for (const flavor of ['posix', 'win32']) {
  const N = nodePath[flavor];
  const O = ours[flavor];
  for (let k = 0; k < 20000; k++) {
    const p = randPath();
    const q = randPath();
    const sfx = ['', 'c', '.c', 'a', 'b.c', 'z'][rnd(6)];
    for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath']) {
      cmp(`${flavor}.${fn}(${JSON.stringify(p)})`, () => N[fn](p), () => O[fn](p));
    }
    cmp(`${flavor}.basename(${JSON.stringify(p)}, ${JSON.stringify(sfx)})`, () => N.basename(p, sfx), () => O.basename(p, sfx));
    cmp(`${flavor}.join(${JSON.stringify(p)}, ${JSON.stringify(q)})`, () => N.join(p, q), () => O.join(p, q));
    cmp(`${flavor}.resolve(${JSON.stringify(p)}, ${JSON.stringify(q)})`, () => N.resolve(p, q), () => O.resolve(p, q));
    cmp(`${flavor}.relative(${JSON.stringify(p)}, ${JSON.stringify(q)})`, () => N.relative(p, q), () => O.relative(p, q));
    cmp(`${flavor}.format(parse(${JSON.stringify(p)}))`, () => N.format(N.parse(p)), () => O.format(O.parse(p)));
  }
  for (const bad1 of [undefined, null, 1, {}, true]) {
    for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'join', 'resolve', 'format']) {
      cmp(`${flavor}.${fn}(${String(bad1)})`, () => N[fn](bad1), () => O[fn](bad1));
    }
    cmp(`${flavor}.relative(x, ${String(bad1)})`, () => N.relative('x', bad1), () => O.relative('x', bad1));
    cmp(`${flavor}.basename(x, ${String(bad1)})`, () => N.basename('x', bad1), () => O.basename('x', bad1));
    cmp(`${flavor}.join('a', ${String(bad1)})`, () => N.join('a', bad1), () => O.join('a', bad1));
    cmp(`${flavor}.resolve('a', ${String(bad1)})`, () => N.resolve('a', bad1), () => O.resolve('a', bad1));
  }
  for (const obj of [{ root: '/', base: 'x' }, { dir: '/a', name: 'b', ext: 'c' }, { name: 'n', ext: '.e' }, { dir: 'C:\\', base: 'f' }, { root: 'C:\\', dir: 'C:\\', base: 'f' }, {}]) {
    cmp(`${flavor}.format(${JSON.stringify(obj)})`, () => N.format(obj), () => O.format(obj));
  }
  cmp(`${flavor} props`, () => [N.sep, N.delimiter, N.posix === nodePath.posix, N.win32 === nodePath.win32], () => [O.sep, O.delimiter, O.posix === ours.posix, O.win32 === ours.win32]);
}
console.log(`${n} compared, ${bad} differ`);
process.exitCode = bad ? 1 : 0;
