'use strict';
// node:querystring: parsing and building URL query strings, with Node's
// lenient percent-decoding and its escape set (RFC 3986 unreserved plus
// !'()*).

const { codes: { ERR_INVALID_URI } } = require('./internal/errors');
const { utf8Text, escapedBytes, percentDecode } = require('./internal/url/form');

// Characters escape() keeps as they are: 1 at their code.
const kKeep = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
  '0123456789-._~!\'()*') {
  kKeep[ch.charCodeAt(0)] = 1;
}
const kHex = '0123456789ABCDEF';

function hexByte(byte) {
  return `%${kHex[byte >> 4]}${kHex[byte & 15]}`;
}

// Percent-encodes a string's UTF-8 bytes outside the kept set; a lone
// surrogate is an error, as with encodeURIComponent.
function encodeText(text) {
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 128 && kKeep[code] === 1) continue;
    out += text.slice(run, i);
    run = i + 1;
    if (code < 0x80) {
      out += hexByte(code);
    } else if (code < 0x800) {
      out += hexByte(0xC0 | (code >> 6)) + hexByte(0x80 | (code & 63));
    } else if (code < 0xD800 || code > 0xDFFF) {
      out += hexByte(0xE0 | (code >> 12)) +
        hexByte(0x80 | ((code >> 6) & 63)) + hexByte(0x80 | (code & 63));
    } else {
      // Any surrogate takes the next unit as its partner, paired or not,
      // as Node's encoder does; only a surrogate at the very end fails.
      if (i + 1 >= text.length) throw new ERR_INVALID_URI();
      const partner = text.charCodeAt(i + 1);
      code = 0x10000 + (((code & 0x3FF) << 10) | (partner & 0x3FF));
      i++;
      run = i + 1;
      out += hexByte(0xF0 | (code >> 18)) + hexByte(0x80 | ((code >> 12) & 63)) +
        hexByte(0x80 | ((code >> 6) & 63)) + hexByte(0x80 | (code & 63));
    }
  }
  return run === 0 ? text : out + text.slice(run);
}

function escape(str) {
  let text = str;
  if (typeof text !== 'string') {
    text = typeof text === 'object' ? String(text) : `${text}`;
  }
  return encodeText(text);
}

// A Buffer where this build has node:buffer (it is not in every build
// yet), else the same bytes as a Uint8Array.
function unescapeBuffer(s, decodeSpaces = false) {
  const bytes = escapedBytes(`${s}`, decodeSpaces);
  const buffer = require('./internal/modules/builtins').loadBuiltin('buffer');
  return buffer === undefined ? Uint8Array.from(bytes) : buffer.Buffer.from(bytes);
}

function unescape(s, decodeSpaces = false) {
  try {
    return decodeURIComponent(s);
  } catch {
    return utf8Text(escapedBytes(`${s}`, decodeSpaces));
  }
}

// The default decoding of parse(): '+' is a space; text without a valid
// %XX escape stays as it is, the rest decodes leniently.
function decodeDefault(text) {
  return percentDecode(text.includes('+') ? text.replace(/\+/g, ' ') : text);
}

// A custom decoder sees '+' as '%20'.
function decodeWith(decoder, text) {
  const spaced = text.includes('+') ? text.replace(/\+/g, '%20') : text;
  try {
    return decoder(spaced);
  } catch {
    return module.exports.unescape(spaced, true);
  }
}

function escapeCount(text) {
  const found = text.match(/%[0-9A-Fa-f]{2}/g);
  return found === null ? 0 : found.length;
}

function addPair(target, key, value) {
  const existing = target[key];
  if (existing === undefined) {
    target[key] = value;
  } else if (Array.isArray(existing)) {
    existing.push(value);
  } else {
    target[key] = [existing, value];
  }
}

function parse(qs, sep = '&', eq = '=', options = undefined) {
  const result = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return result;
  const separator = sep ? `${sep}` : '&';
  const equals = eq ? `${eq}` : '=';
  let limit = 1000;
  if (options && typeof options.maxKeys === 'number') limit = options.maxKeys;
  // Node counts keys down to zero: a fractional limit never gets there.
  if (!Number.isInteger(limit)) limit = 0;
  const custom = options && typeof options.decodeURIComponent === 'function' &&
    options.decodeURIComponent !== unescape ? options.decodeURIComponent : null;
  const decode = custom === null ? decodeDefault : (text) => decodeWith(custom, text);
  let pieces = qs.split(separator);
  if (limit > 0 && pieces.length > limit) pieces = pieces.slice(0, limit);
  for (const piece of pieces) {
    if (piece.length === 0) continue;
    const at = piece.indexOf(equals);
    const rawKey = at === -1 ? piece : piece.slice(0, at);
    const rawValue = at === -1 ? '' : piece.slice(at + equals.length);
    let value;
    if (custom === null && rawValue.includes('%') && escapeCount(rawKey) >= 2 &&
        !escapeCount(rawValue)) {
      // Observed in Node: after a key with two or more escapes, a value
      // with a stray '%' goes through the byte-wise decoder all the same.
      value = utf8Text(escapedBytes(rawValue.replace(/\+/g, ' ')));
    } else {
      value = decode(rawValue);
    }
    addPair(result, decode(rawKey), value);
  }
  return result;
}

// One value as stringify() writes it; what cannot be written is ''.
function primitiveText(value) {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      return Number.isFinite(value) ? `${value}` : '';
    case 'bigint':
      return `${value}`;
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return '';
  }
}

function stringify(obj, sep = '&', eq = '=', options = undefined) {
  if (obj === null || typeof obj !== 'object') return '';
  const separator = sep || '&';
  const equals = eq || '=';
  const encode = options && typeof options.encodeURIComponent === 'function' ?
    options.encodeURIComponent : escape;
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const name = encode(primitiveText(key)) + equals;
    if (Array.isArray(value)) {
      for (const item of value) fields.push(name + encode(primitiveText(item)));
    } else {
      fields.push(name + encode(primitiveText(value)));
    }
  }
  return fields.join(separator);
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
