'use strict';
// aes-256-gcm encryption of 200 MB in 64 KB updates, then the auth tag.
const crypto = require('crypto');
const key = Buffer.alloc(32, 7);
const iv = Buffer.alloc(12, 9);
const chunk = Buffer.alloc(64 * 1024, 'jspack');
const total = 200 * 1024 * 1024;
const start = process.hrtime.bigint();
const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
let bytes = 0;
for (let done = 0; done < total; done += chunk.length) {
  bytes += cipher.update(chunk).length;
}
bytes += cipher.final().length;
const check = `${bytes} ${cipher.getAuthTag().toString('hex')}`;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, check }));
