'use strict';
// for await over the lines of a 1,000,000-line file (readline over an
// fs.ReadStream) in the directory given as argv[2]; the file is written
// before the clock starts.
const fs = require('fs');
const path = require('path');
const readline = require('readline');

const file = path.join(process.argv[2], 'lines.txt');
const parts = [];
for (let i = 0; i < 1000000; i++) parts.push(`line ${i} of the readline workload`);
fs.writeFileSync(file, `${parts.join('\n')}\n`);

(async () => {
  const start = process.hrtime.bigint();
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let count = 0;
  let chars = 0;
  for await (const line of rl) {
    count++;
    chars += line.length;
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  fs.unlinkSync(file);
  console.log(JSON.stringify({ ms, check: `${count}/${chars}` }));
})();
