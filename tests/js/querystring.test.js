// node:querystring: parse with separators, limits and decoders; stringify
// over value kinds; escape / unescape with Node's lenient decoding.
'use strict';

const assert = require('assert');
const qs = require('querystring');

assert.strictEqual(qs.decode, qs.parse);
assert.strictEqual(qs.encode, qs.stringify);

// parse: '+' is a space, repeated keys become arrays, null prototype.
const parsed = qs.parse('a=1&b=2&a=3&c&=d&e=&&f=g=h+i%20j&%zz=%C3');
assert.strictEqual(Object.getPrototypeOf(parsed), null);
assert.deepStrictEqual({ ...parsed }, {
  a: ['1', '3'], b: '2', c: '', '': 'd', e: '', f: 'g=h i j', '%zz': '\uFFFD',
});
assert.deepStrictEqual({ ...qs.parse('a:1;b:2', ';', ':') }, { a: '1', b: '2' });
assert.deepStrictEqual({ ...qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }) }, { a: '1', b: '2' });
assert.deepStrictEqual({ ...qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 0 }) }, { a: '1', b: '2', c: '3' });
assert.deepStrictEqual({ ...qs.parse('a=%41+b', null, null, { decodeURIComponent: (s) => s.toLowerCase() }) },
  { a: '%41%20b' });
assert.deepStrictEqual({ ...qs.parse('a=%41', null, null, { decodeURIComponent() { throw new Error(); } }) },
  { a: 'A' });
assert.deepStrictEqual({ ...qs.parse(5) }, {});

// stringify: arrays repeat the key, what cannot be written is empty.
assert.strictEqual(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, f: NaN, h: 1n, j: [], k: 'é' }),
  'a=1&a=2&b=x%20y&c=true&d=&f=&h=1&k=%C3%A9');
assert.strictEqual(qs.stringify({ a: 1, b: 2 }, ';', ':'), 'a:1;b:2');
assert.strictEqual(qs.stringify({ a: 'x y' }, null, null, { encodeURIComponent: (s) => `<${s}>` }), '<a>=<x y>');
assert.strictEqual(qs.stringify('abc'), '');
assert.throws(() => qs.stringify({ '\uD800': 1 }), { code: 'ERR_INVALID_URI', name: 'URIError' });

// escape keeps !'()*-._~ and alphanumerics.
assert.strictEqual(qs.escape("a b~!*()'é\u{1F600}"), "a%20b~!*()'%C3%A9%F0%9F%98%80");
assert.strictEqual(qs.escape(5), '5');
assert.throws(() => qs.escape('\uD800'), { code: 'ERR_INVALID_URI' });

// unescape falls back to byte-wise decoding when decodeURIComponent fails.
assert.strictEqual(qs.unescape('a%20b'), 'a b');
assert.strictEqual(qs.unescape('é%zz%C3%A9%C3+'), '\uFFFD%zzé\uFFFD+');
assert.strictEqual(qs.unescape('%41+b', true), 'A+b');
assert.deepStrictEqual(Array.from(qs.unescapeBuffer('a%41+', true)), [0x61, 0x41, 0x20]);
