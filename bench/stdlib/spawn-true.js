'use strict';
// 200 spawns of /bin/true, one after the other.
const { spawn } = require('child_process');
let left = 200;
let check = 0;
const start = process.hrtime.bigint();
function next() {
  if (left-- === 0) {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(JSON.stringify({ ms, check }));
    return;
  }
  spawn('/bin/true').on('close', (code) => {
    check += code === 0 ? 1 : 0;
    next();
  });
}
next();
