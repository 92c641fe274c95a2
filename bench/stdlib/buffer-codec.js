'use strict';
// Buffer encode + decode of 10 MB in utf8, base64 and hex (each way, timed).
const size = 10 * 1024 * 1024;
const text = 'jspack bench ÅäÖ € 𝄞 '.repeat(Math.ceil(size / 24)).slice(0, size);
const bytes = Buffer.from(text);
const start = process.hrtime.bigint();
let check = 0;
for (const encoding of ['utf8', 'base64', 'hex']) {
  const encoded = bytes.toString(encoding);
  const decoded = Buffer.from(encoded, encoding);
  check += encoded.length + decoded.length;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, check }));
