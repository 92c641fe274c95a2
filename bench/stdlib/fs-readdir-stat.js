'use strict';
// readdir + stat of 20,000 files (made once, untimed) in argv[2]/many.
const fs = require('fs');
const path = require('path');
const dir = path.join(process.argv[2], 'many');
if (!fs.existsSync(path.join(dir, 'f19999'))) {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 20000; i++) fs.writeFileSync(path.join(dir, `f${i}`), '');
}
const start = process.hrtime.bigint();
let check = 0;
for (const name of fs.readdirSync(dir)) {
  check += fs.statSync(path.join(dir, name)).size + 1;
}
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(JSON.stringify({ ms, check }));
