'use strict';
// Differential corpus for node:querystring: parse/decode with separators,
// maxKeys and custom decoders, stringify/encode over value kinds, and the
// escape / unescape helpers. One JSON line per case: [label, result].

const qs = require('querystring');
const util = require('util');

const { makeEmit } = require('./lib/emit');

(function main() {
  const emit = makeEmit();
  function attempt(fn) {
    try {
      return { ok: fn() };
    } catch (err) {
      return { err: [err && err.name, err && err.code, err && err.message] };
    }
  }
  let seed = 777;
  function rand(n) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  }
  function pick(list) {
    return list[rand(list.length)];
  }

  const pieces = ['a', 'b', 'a b', 'a+b', '%41', '%zz', '%', '%4', '%C3%A9',
    '%C3', '%E2%82', '%F0%9F%98%80', '%ED%A0%80', 'é', '\u{1F600}', '', '=',
    '==', '__proto__', 'constructor', 'hasOwnProperty', '%2B', '+', '%20',
    '\uD800', 'x%00y', '%FF', 'a%2526'];
  const seps = ['&', '&', ';', '&&', ', '];
  const eqs = ['=', '=', ':', '=>'];
  for (let i = 0; i < 800; i++) {
    const sep = pick(seps);
    const eq = pick(eqs);
    const count = rand(5);
    const parts = [];
    for (let k = 0; k < count; k++) {
      const kind = rand(4);
      if (kind === 0) parts.push(pick(pieces));
      else parts.push(pick(pieces) + eq + pick(pieces) + (kind === 3 ? eq + pick(pieces) : ''));
    }
    const text = parts.join(sep);
    const sepArg = sep === '&' && rand(2) === 0 ? undefined : sep;
    const eqArg = eq === '=' && rand(2) === 0 ? undefined : eq;
    emit(`parse:${i}:${text}|${sep}|${eq}`, attempt(() => util.inspect(qs.parse(text, sepArg, eqArg))));
  }
  const limits = [undefined, 0, 1, 2, -1, 1.5, '2', NaN, Infinity];
  for (const [li, maxKeys] of limits.entries()) {
    for (const text of ['a=1&b=2&c=3', '&&a=1&&b=2', 'a=1&a=2&a=3', '']) {
      emit(`parse:maxKeys:${li}:${String(maxKeys)}:${text}`,
        attempt(() => util.inspect(qs.parse(text, '&', '=', { maxKeys }))));
    }
  }
  const decoders = {
    upper: (s) => s.toUpperCase(),
    throws: () => { throw new Error('no'); },
    standard: decodeURIComponent,
    unescape: qs.unescape,
    notFn: 5,
  };
  for (const [name, decodeURIComponent] of Object.entries(decoders)) {
    for (const text of ['a=%41+b', '%zz=%C3&x=%E2%82%AC', 'k=v+w%20x']) {
      emit(`parse:decoder:${name}:${text}`,
        attempt(() => util.inspect(qs.parse(text, null, null, { decodeURIComponent }))));
    }
  }
  for (const [i, input] of [5, null, undefined, {}, [], '', '&', '=', 'a', '?a=1'].entries()) {
    emit(`parse:odd:${i}`, attempt(() => util.inspect(qs.parse(input))));
  }
  for (const [i, [sep, eq]] of [[null, null], ['', ''], [0, 0], [1, 2], [undefined, '']].entries()) {
    emit(`parse:args:${i}`,
      attempt(() => util.inspect(qs.parse('a=1&b1c2d', sep, eq))));
  }

  // stringify ------------------------------------------------------------------
  const values = ['x', 'x y', 'é', '\u{1F600}', '', '~!*()\'', '&=?#', 1, 0, -0,
    1.5, NaN, Infinity, -Infinity, 1n, true, false, null, undefined, {}, [],
    [1, 2], ['a', ['b']], Symbol('s'), () => 1, '\uD800', new Date(0)];
  for (const [i, value] of values.entries()) {
    emit(`stringify:value:${i}`, [attempt(() => qs.stringify({ k: value })),
      attempt(() => qs.stringify({ k: value, j: 'after' }, ';', ':'))]);
  }
  const objects = [{ a: 1, b: 2 }, { 'a b': 'c d', é: 'ü' }, { a: [] },
    { a: [], b: 1 }, [1, 2], 'abc', 5, null, undefined, Object.create({ inherited: 1 }),
    { [Symbol('s')]: 1, v: 2 }, new Map([['a', 1]]), { '': '' }, { '\uD800': 1 }];
  for (const [i, obj] of objects.entries()) {
    emit(`stringify:obj:${i}`, [attempt(() => qs.stringify(obj)),
      attempt(() => qs.encode(obj, '&&', '=>'))]);
  }
  const encoders = {
    angle: (s) => `<${s}>`,
    standard: encodeURIComponent,
    escape: qs.escape,
    notFn: 'x',
  };
  for (const [name, encodeURIComponent] of Object.entries(encoders)) {
    emit(`stringify:encoder:${name}`,
      attempt(() => qs.stringify({ a: 'x y', b: [1, 'é'] }, null, null, { encodeURIComponent })));
  }

  // escape / unescape ------------------------------------------------------------
  let ascii = '';
  for (let c = 0; c < 128; c++) ascii += String.fromCharCode(c);
  const escInputs = [ascii, 'é€\u{1F600}', '\uD800', '\uDC00x', 5, null,
    undefined, { toString() { return 'o k'; } }, [1, 2], true];
  for (const [i, input] of escInputs.entries()) {
    emit(`escape:${i}`, attempt(() => qs.escape(input)));
  }
  const unescInputs = ['a%20b', 'a+b', '%zz', '%C3%A9', '%C3', 'é%zz%C3%A9%C3+',
    '%', '%4', '%41%', '\u{1F600}%', '%E2%82%AC%E2%82', 'ÿ%FF', '%F0%9F%98'];
  for (const input of unescInputs) {
    emit(`unescape:${input}`, [attempt(() => qs.unescape(input)),
      attempt(() => qs.unescape(input, true))]);
  }
  for (const input of ['a%41+', '%zz+%20', 'é']) {
    emit(`unescapeBuffer:${input}`, [attempt(() => Array.from(qs.unescapeBuffer(input))),
      attempt(() => Array.from(qs.unescapeBuffer(input, true)))]);
  }
  for (let i = 0; i < 200; i++) {
    const obj = {};
    const n = 1 + rand(4);
    for (let k = 0; k < n; k++) obj[pick(pieces) || 'k'] = rand(3) === 0 ? [pick(pieces), pick(pieces)] : pick(pieces);
    emit(`roundtrip:${i}:${JSON.stringify(obj)}`, attempt(() => {
      const text = qs.stringify(obj);
      return [text, util.inspect(qs.parse(text))];
    }));
  }
  emit('exports', [Object.keys(qs), qs.decode === qs.parse, qs.encode === qs.stringify]);

  // Random strings over all of ASCII and awkward code points (xorshift).
  let state = 12345;
  const next = (n) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % n;
  };
  const fuzzAlphabet = [];
  for (let c = 0; c < 128; c++) fuzzAlphabet.push(String.fromCharCode(c));
  fuzzAlphabet.push('é', '\u{1F600}', '\uD800', '\uDC00', '%41', '%C3%A9', '%C3',
    '%zz', '&', '=', '+', '%2B', '%', 'İ');
  const upper = (text) => text.toUpperCase();
  for (let i = 0; i < 4000; i++) {
    let text = '';
    const length = next(16);
    for (let k = 0; k < length; k++) text += fuzzAlphabet[next(fuzzAlphabet.length)];
    const maxKeys = next(4);
    emit(`fuzz:${i}:${text}`, [
      attempt(() => util.inspect(qs.parse(text))),
      attempt(() => util.inspect(qs.parse(text, ';', ':', { maxKeys }))),
      attempt(() => qs.stringify({ [text]: text, k: [text, text.length] })),
      attempt(() => qs.escape(text)),
      attempt(() => qs.unescape(text)),
      attempt(() => qs.unescape(text, true)),
      attempt(() => util.inspect(qs.parse(text, null, null, { decodeURIComponent: upper }))),
      attempt(() => JSON.stringify([...new URLSearchParams(text)])),
      attempt(() => {
        const p = new URLSearchParams();
        p.append(text, text);
        p.sort();
        return p.toString();
      }),
    ]);
  }
})();
