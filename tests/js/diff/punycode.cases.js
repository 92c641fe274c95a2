'use strict';
// Differential corpus for node:punycode: encode/decode, toASCII/toUnicode
// over domains and emails, ucs2 helpers and the errors for bad input.
// One JSON line per case: [label, result].

const punycode = require('punycode');

const { makeEmit } = require('./lib/emit');

(function main() {
  const emit = makeEmit();
  function attempt(fn) {
    try {
      return { ok: fn() };
    } catch (err) {
      return { err: [err && err.name, err && err.message] };
    }
  }
  let seed = 99;
  function rand(n) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  }
  const alphabet = ['a', 'z', 'A', '0', '-', 'ä', 'ö', 'ü', 'ß', '中', '文',
    '\u{1F600}', 'é', 'ñ', '\u0661', 'ı', '.', '\uD800', 'x'];
  const words = ['mañana', 'bücher', '中文', 'abc', 'ü-x', '\u{1F600}x', '',
    'a-b-', 'ÄÖÜ', '-', '--', 'xn--', 'ῷ'];
  for (let i = 0; i < 300; i++) {
    let w = '';
    const n = 1 + rand(8);
    for (let k = 0; k < n; k++) w += alphabet[rand(alphabet.length)];
    words.push(w);
  }
  for (const [i, w] of words.entries()) {
    emit(`word:${i}:${w}`, [attempt(() => punycode.encode(w)),
      attempt(() => punycode.decode(punycode.encode(w))),
      attempt(() => punycode.toASCII(w)), attempt(() => punycode.toUnicode(w)),
      attempt(() => punycode.ucs2.decode(w)),
      attempt(() => punycode.ucs2.encode(punycode.ucs2.decode(w)))]);
  }
  const encoded = ['maana-pta', 'bcher-kva', 'fiq228c', '', '-', 'a-', 'abc-',
    '-x', 'ü', '99999999', 'zzzzzzzzzzzz', '+', 'a-b-c', 'xn--abc', 'ls8h'];
  for (const e of encoded) emit(`decode:${e}`, attempt(() => punycode.decode(e)));
  const domains = ['mañana.com', 'user@bücher.de', 'xn--maana-pta.com', 'a。b',
    'a．b｡c', 'XN--MAANA-PTA.com', 'a@b@ü', '', '.', 'ü.', 'xn--ls8h.la'];
  for (const d of domains) {
    emit(`domain:${d}`, [attempt(() => punycode.toASCII(d)), attempt(() => punycode.toUnicode(d))]);
  }
  emit('shape', [Object.keys(punycode), punycode.version, Object.keys(punycode.ucs2)]);
})();
