'use strict';
// zlib: gzip then gunzip of 50 MB of text (callback forms, on the thread pool).
const zlib = require('zlib');
const size = 50 * 1024 * 1024;
// Words from a fixed pseudo-random walk: compresses about 3:1, like logs.
const words = ['jspack', 'bench', 'gzip', 'stream', 'node', 'deflate', 'level',
  'buffer', '2026-12-02', 'GET', '/index.html', '200', 'ok', 'error'];
const parts = [];
let seed = 7;
let length = 0;
while (length < size) {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const word = words[seed % words.length] + (seed % 1000) + ' ';
  parts.push(word);
  length += word.length;
}
const input = Buffer.from(parts.join('')).subarray(0, size);
const start = process.hrtime.bigint();
zlib.gzip(input, (err, packed) => {
  if (err) throw err;
  zlib.gunzip(packed, (err2, unpacked) => {
    if (err2) throw err2;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // Compressed sizes differ between zlib builds; the round trip must not.
    const check = unpacked.equals(input) ? unpacked.length : -1;
    console.log(JSON.stringify({ ms, check }));
  });
});
