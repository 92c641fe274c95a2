'use strict';
// node:punycode (deprecated in Node, still present): RFC 3492 Punycode and
// the IDNA helpers toASCII / toUnicode, plus UCS-2 conversion.

const kBase = 36;
const kTMin = 1;
const kTMax = 26;
const kSkew = 38;
const kDamp = 700;
const kInitialBias = 72;
const kInitialN = 128;
const kMaxInt = 0x7FFFFFFF;
const kLabelSeparators = /[\x2E\u3002\uFF0E\uFF61]/g;

function fail(kind) {
  const messages = {
    'overflow': 'Overflow: input needs wider integers to process',
    'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
    'invalid-input': 'Invalid input',
  };
  throw new RangeError(messages[kind]);
}

// Code points of a string, pairing surrogates (lone ones stay as they are).
function ucs2decode(text) {
  const points = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xD800 && code <= 0xDBFF && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if ((next & 0xFC00) === 0xDC00) {
        points.push(((code - 0xD800) << 10) + (next - 0xDC00) + 0x10000);
        i++;
        continue;
      }
    }
    points.push(code);
  }
  return points;
}

function ucs2encode(points) {
  return String.fromCodePoint(...points);
}

function digitOf(code) {
  if (code >= 0x30 && code < 0x3A) return 26 + (code - 0x30);
  if (code >= 0x41 && code < 0x5B) return code - 0x41;
  if (code >= 0x61 && code < 0x7B) return code - 0x61;
  return kBase;
}

function charOf(digit) {
  return String.fromCharCode(digit < 26 ? digit + 97 : digit + 22);
}

function adapt(delta, count, first) {
  let d = first ? Math.floor(delta / kDamp) : delta >> 1;
  d += Math.floor(d / count);
  let k = 0;
  while (d > ((kBase - kTMin) * kTMax) >> 1) {
    d = Math.floor(d / (kBase - kTMin));
    k += kBase;
  }
  return k + Math.floor(((kBase - kTMin + 1) * d) / (d + kSkew));
}

function threshold(k, bias) {
  if (k <= bias) return kTMin;
  if (k >= bias + kTMax) return kTMax;
  return k - bias;
}

function decode(input) {
  const output = [];
  const delimiter = input.lastIndexOf('-');
  const basicEnd = delimiter < 0 ? 0 : delimiter;
  for (let j = 0; j < basicEnd; j++) {
    if (input.charCodeAt(j) >= 0x80) fail('not-basic');
    output.push(input.charCodeAt(j));
  }
  let n = kInitialN;
  let bias = kInitialBias;
  let i = 0;
  for (let at = basicEnd > 0 ? basicEnd + 1 : 0; at < input.length;) {
    const before = i;
    let weight = 1;
    for (let k = kBase; ; k += kBase) {
      if (at >= input.length) fail('invalid-input');
      const digit = digitOf(input.charCodeAt(at++));
      if (digit >= kBase) fail('invalid-input');
      if (digit > Math.floor((kMaxInt - i) / weight)) fail('overflow');
      i += digit * weight;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (weight > Math.floor(kMaxInt / (kBase - t))) fail('overflow');
      weight *= kBase - t;
    }
    const size = output.length + 1;
    bias = adapt(i - before, size, before === 0);
    if (Math.floor(i / size) > kMaxInt - n) fail('overflow');
    n += Math.floor(i / size);
    i %= size;
    output.splice(i++, 0, n);
  }
  return String.fromCodePoint(...output);
}

function encode(text) {
  const points = ucs2decode(text);
  let out = '';
  for (const point of points) {
    if (point < 0x80) out += String.fromCharCode(point);
  }
  const basicCount = out.length;
  let handled = basicCount;
  if (basicCount > 0) out += '-';
  let n = kInitialN;
  let delta = 0;
  let bias = kInitialBias;
  while (handled < points.length) {
    let next = kMaxInt;
    for (const point of points) {
      if (point >= n && point < next) next = point;
    }
    if (next - n > Math.floor((kMaxInt - delta) / (handled + 1))) fail('overflow');
    delta += (next - n) * (handled + 1);
    n = next;
    for (const point of points) {
      if (point < n && ++delta > kMaxInt) fail('overflow');
      if (point !== n) continue;
      let q = delta;
      for (let k = kBase; ; k += kBase) {
        const t = threshold(k, bias);
        if (q < t) break;
        out += charOf(t + ((q - t) % (kBase - t)));
        q = Math.floor((q - t) / (kBase - t));
      }
      out += charOf(q);
      bias = adapt(delta, handled + 1, handled === basicCount);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return out;
}

// Applies `convert` to each label of a domain, keeping an email's local
// part as it is. Like Node, only the text up to a second '@' is kept.
function mapDomain(domain, convert) {
  const [first, second] = domain.split('@');
  const local = second === undefined ? '' : `${first}@`;
  const host = (second === undefined ? first : second).replace(kLabelSeparators, '.');
  return local + host.split('.').map(convert).join('.');
}

function toUnicode(input) {
  return mapDomain(input, (label) => (/^xn--/.test(label) ?
    decode(label.slice(4).toLowerCase()) : label));
}

function toASCII(input) {
  return mapDomain(input, (label) => (/[^\0-\x7F]/.test(label) ?
    `xn--${encode(label)}` : label));
}

module.exports = {
  version: '2.1.0',
  ucs2: { decode: ucs2decode, encode: ucs2encode },
  decode,
  encode,
  toASCII,
  toUnicode,
};
