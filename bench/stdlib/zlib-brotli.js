'use strict';
// zlib: brotli compress then decompress of 10 MB of text, quality 6 (the
// default, 11, spends about a minute per run on this machine on either side).
const zlib = require('zlib');
const size = 10 * 1024 * 1024;
const words = ['jspack', 'bench', 'brotli', 'stream', 'node', 'window',
  'quality', 'buffer', '2026-12-02', 'POST', '/api/items', '201', 'created'];
const parts = [];
let seed = 11;
let length = 0;
while (length < size) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const word = words[seed % words.length] + (seed % 1000) + ' ';
  parts.push(word);
  length += word.length;
}
const input = Buffer.from(parts.join('')).subarray(0, size);
const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 };
const start = process.hrtime.bigint();
zlib.brotliCompress(input, { params }, (err, packed) => {
  if (err) throw err;
  zlib.brotliDecompress(packed, (err2, unpacked) => {
    if (err2) throw err2;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // Compressed sizes differ between zlib builds; the round trip must not.
    const check = unpacked.equals(input) ? unpacked.length : -1;
    console.log(JSON.stringify({ ms, check }));
  });
});
