// fs.writeFileSync then fs.promises.readFile of 200 MB in a fresh temporary
// directory (removed at the end); prints the size read back.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-bench-rw-'));
const file = path.join(dir, 'data');
const data = Buffer.alloc(200 * 1000 * 1000, 0x5a);
fs.writeFileSync(file, data);
fs.promises.readFile(file).then((back) => {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`read ${back.length} bytes, equal: ${back.equals(data)}`);
});
