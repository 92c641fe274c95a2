// 20,000 small files in a fresh temporary directory, then readdir and a
// stat of every entry through fs.promises; the directory is removed at the
// end.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-bench-dir-'));
for (let i = 0; i < 20000; i++) fs.writeFileSync(path.join(dir, `f${i}`), '');

async function main() {
  const names = await fs.promises.readdir(dir);
  const stats = await Promise.all(names.map((n) => fs.promises.stat(path.join(dir, n))));
  const sync = names.filter((n) => fs.statSync(path.join(dir, n)).isFile()).length;
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${names.length} entries, ${stats.filter((s) => s.isFile()).length} files, ` +
    `${sync} by statSync`);
}
main();
