'use strict';
// writeFile then readFile of 200 MB in the directory given as argv[2].
const fs = require('fs');
const path = require('path');
const file = path.join(process.argv[2], 'readwrite.bin');
const data = Buffer.alloc(200 * 1024 * 1024, 'jspack');
const start = process.hrtime.bigint();
fs.writeFile(file, data, (err) => {
  if (err) throw err;
  fs.readFile(file, (err2, back) => {
    if (err2) throw err2;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    fs.unlinkSync(file);
    console.log(JSON.stringify({ ms, check: back.length }));
  });
});
