// A 200 MB file piped through fs.createReadStream into fs.createWriteStream,
// in a fresh temporary directory (removed at the end).
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pipeline } = require('stream');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-bench-copy-'));
const src = path.join(dir, 'src');
const dest = path.join(dir, 'dest');
fs.writeFileSync(src, Buffer.alloc(200 * 1000 * 1000, 0x33));
pipeline(fs.createReadStream(src), fs.createWriteStream(dest), (err) => {
  if (err) throw err;
  const size = fs.statSync(dest).size;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`copied ${size} bytes`);
});
