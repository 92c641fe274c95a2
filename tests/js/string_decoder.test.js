'use strict';
// node:string_decoder: characters split across chunks stay whole; invalid
// UTF-8 becomes U+FFFD per maximal invalid subpart, as in Node.
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

function decodeInPieces(encoding, bytes, sizes) {
  const d = new StringDecoder(encoding);
  let out = '';
  let at = 0;
  for (const size of sizes) {
    out += d.write(new Uint8Array(bytes.slice(at, at + size)));
    at += size;
  }
  return out + d.end(new Uint8Array(bytes.slice(at)));
}

// '€' is e2 82 ac; '😀' is f0 9f 98 80.
const euro = [0xe2, 0x82, 0xac];
const smile = [0xf0, 0x9f, 0x98, 0x80];
assert.strictEqual(decodeInPieces('utf8', euro, [1, 1, 1]), '€');
assert.strictEqual(decodeInPieces('utf8', [...smile, 0x41], [3, 2]), '😀A');
assert.strictEqual(decodeInPieces('utf8', [0x41, 0xe2, 0x82], [3]), 'A\ufffd');
assert.strictEqual(decodeInPieces('utf8', [0xf4, 0x98, 0x41], [2, 1]),
                   '\ufffd\ufffdA');
assert.strictEqual(decodeInPieces('utf8', [0xff, 0xc3, 0xa9], [1, 1, 1]),
                   '\ufffdé');
assert.strictEqual(decodeInPieces('utf16le', [0x3d, 0xd8, 0x00, 0xde], [1, 2, 1]),
                   '😀');
assert.strictEqual(decodeInPieces('base64', [0x61, 0x62, 0x63, 0x64], [1, 2, 1]),
                   'YWJjZA==');
assert.strictEqual(decodeInPieces('hex', [0x00, 0xff], [1, 1]), '00ff');
assert.strictEqual(decodeInPieces('latin1', [0xe9], [1]), 'é');
assert.strictEqual(new StringDecoder('UTF-8').encoding, 'utf8');
assert.strictEqual(new StringDecoder().encoding, 'utf8');
assert.throws(() => new StringDecoder('nope'), { code: 'ERR_UNKNOWN_ENCODING' });
