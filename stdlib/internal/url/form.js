'use strict';
// Text helpers shared by the WHATWG URL classes: USVString conversion,
// percent-decoding to UTF-8 text, and the application/x-www-form-urlencoded
// parser and serializer that URLSearchParams is built on.

const kLoneSurrogate =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const kAnySurrogate = /[\uD800-\uDFFF]/;

// A string with every unpaired surrogate replaced by U+FFFD, as WebIDL's
// USVString conversion asks.
function toUSVString(value) {
  const text = `${value}`;
  if (!kAnySurrogate.test(text)) return text;
  return text.replace(kLoneSurrogate, '\uFFFD');
}

function hexValue(code) {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

// Decodes UTF-8 bytes the way the Encoding standard's decoder does, with
// U+FFFD for each maximal invalid subpart.
function utf8Text(bytes) {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i++];
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      continue;
    }
    let need;
    let point;
    let min = 0x80;
    let max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      need = 1;
      point = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      need = 2;
      point = lead & 0x0F;
      if (lead === 0xE0) min = 0xA0;
      if (lead === 0xED) max = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      need = 3;
      point = lead & 0x07;
      if (lead === 0xF0) min = 0x90;
      if (lead === 0xF4) max = 0x8F;
    } else {
      out += '\uFFFD';
      continue;
    }
    let ok = true;
    for (; need > 0; need--) {
      const next = bytes[i];
      if (next === undefined || next < min || next > max) {
        ok = false;
        break;
      }
      point = (point << 6) | (next & 0x3F);
      min = 0x80;
      max = 0xBF;
      i++;
    }
    out += ok ? String.fromCodePoint(point) : '\uFFFD';
  }
  return out;
}

// The bytes of `text` with %XX escapes decoded; every other character
// gives its low byte (Node's byte-wise fallback decoder). '+' becomes a
// space when plusIsSpace is set.
function escapedBytes(text, plusIsSpace = false) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 43 && plusIsSpace) {
      bytes.push(32);
      continue;
    }
    if (code === 37 && i + 2 < text.length) {
      const high = hexValue(text.charCodeAt(i + 1));
      const low = hexValue(text.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        bytes.push(high * 16 + low);
        i += 2;
        continue;
      }
    }
    bytes.push(code & 0xFF);
  }
  return bytes;
}

const kValidEscape = /%[0-9A-Fa-f]{2}/;

// Percent-decoding as Node's URLSearchParams does it: text without a valid
// escape stays as it is; else decodeURIComponent, and where that fails the
// byte-wise fallback (which keeps only the low byte of other characters).
function percentDecode(text) {
  if (!kValidEscape.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return utf8Text(escapedBytes(text));
  }
}

// Parses a query string into a flat [name, value, name, value, ...] list.
function parseForm(query) {
  const list = [];
  if (query.length === 0) return list;
  for (const piece of query.split('&')) {
    if (piece.length === 0) continue;
    const eq = piece.indexOf('=');
    const name = eq === -1 ? piece : piece.slice(0, eq);
    const value = eq === -1 ? '' : piece.slice(eq + 1);
    list.push(decodeFormPart(name), decodeFormPart(value));
  }
  return list;
}

function decodeFormPart(text) {
  return percentDecode(text.includes('+') ? text.replace(/\+/g, ' ') : text);
}

// encodeURIComponent leaves these alone; the form serializer escapes them.
const kFormExtra = /[!'()~]/g;
const kFormExtraEscapes = {
  '!': '%21', '\'': '%27', '(': '%28', ')': '%29', '~': '%7E',
};

// One name or value as the urlencoded serializer writes it: alphanumerics
// and *-._ kept, space as '+', the rest %XX of the UTF-8 bytes.
function encodeFormPart(text) {
  return encodeURIComponent(text)
    .replace(kFormExtra, (ch) => kFormExtraEscapes[ch])
    .replace(/%20/g, '+');
}

// Serializes a flat list (strings already USVStrings).
function serializeForm(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i > 0) out += '&';
    out += `${encodeFormPart(list[i])}=${encodeFormPart(list[i + 1])}`;
  }
  return out;
}

module.exports = {
  toUSVString,
  percentDecode,
  escapedBytes,
  utf8Text,
  parseForm,
  serializeForm,
};
