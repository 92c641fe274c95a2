'use strict';
// A 200 MB file copied with createReadStream -> createWriteStream (pipeline).
const fs = require('fs');
const path = require('path');
const { pipeline } = require('stream');
const from = path.join(process.argv[2], 'copy-from.bin');
const to = path.join(process.argv[2], 'copy-to.bin');
fs.writeFileSync(from, Buffer.alloc(200 * 1024 * 1024, 'jspack'));
const start = process.hrtime.bigint();
pipeline(fs.createReadStream(from), fs.createWriteStream(to), (err) => {
  if (err) throw err;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const check = fs.statSync(to).size;
  fs.unlinkSync(from);
  fs.unlinkSync(to);
  console.log(JSON.stringify({ ms, check }));
});
