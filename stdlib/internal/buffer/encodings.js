'use strict';
// The encodings node:buffer speaks: every accepted spelling, the id the
// buffer binding knows each by, and how many bytes a string needs in each.

const binding = internalBinding('buffer');

// A string's base64 size as Node reports it: computed from the length with
// at most two trailing '=' discounted, not from a decode (so stray
// characters count).
function base64Size(text) {
  let end = text.length;
  for (let pad = 0; pad < 2 && end > 0 && text.charCodeAt(end - 1) === 61;
    pad++) {
    end--;
  }
  return Math.floor(end * 3 / 4);
}

function makeEncoding(name, id, size) {
  return Object.freeze({ name, id, size });
}

const kUtf8 = makeEncoding('utf8', binding.UTF8,
                           (text) => binding.byteLengthUtf8(text));
const kUcs2 = makeEncoding('utf16le', binding.UCS2, (text) => text.length * 2);
const kLatin1 = makeEncoding('latin1', binding.LATIN1, (text) => text.length);
const kAscii = makeEncoding('ascii', binding.ASCII, (text) => text.length);
const kBase64 = makeEncoding('base64', binding.BASE64, base64Size);
const kBase64Url = makeEncoding('base64url', binding.BASE64URL, base64Size);
const kHex = makeEncoding('hex', binding.HEX, (text) => text.length >>> 1);

// Lower-case spellings; any letter case is accepted.
const kSpellings = new Map([
  ['utf8', kUtf8], ['utf-8', kUtf8],
  ['ucs2', kUcs2], ['ucs-2', kUcs2], ['utf16le', kUcs2], ['utf-16le', kUcs2],
  ['latin1', kLatin1], ['binary', kLatin1],
  ['ascii', kAscii],
  ['base64', kBase64],
  ['base64url', kBase64Url],
  ['hex', kHex],
]);

// The encoding record for `name` (a string or anything that stringifies to
// one), or undefined when it is not an encoding.
function findEncoding(name) {
  return kSpellings.get(name) || kSpellings.get(`${name}`.toLowerCase());
}

module.exports = {
  findEncoding,
  kUtf8,
  kUcs2,
  kLatin1,
  kAscii,
  kBase64,
  kBase64Url,
  kHex,
};
