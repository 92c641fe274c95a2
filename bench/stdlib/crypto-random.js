'use strict';
// randomBytes of 100 MB: one call of 100 MB and 1,600 calls of 64 KB.
const crypto = require('crypto');
const start = process.hrtime.bigint();
let check = crypto.randomBytes(50 * 1024 * 1024).length;
for (let i = 0; i < 800; i++) check += crypto.randomBytes(64 * 1024).length;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, check }));
