'use strict';
// sha256 of 200 MB, fed as 64 KB chunks (a file or socket stream's size).
const crypto = require('crypto');
const chunk = Buffer.alloc(64 * 1024, 'jspack');
const total = 200 * 1024 * 1024;
const start = process.hrtime.bigint();
const hash = crypto.createHash('sha256');
for (let done = 0; done < total; done += chunk.length) hash.update(chunk);
const check = hash.digest('hex');
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, check }));
