// HTTP/2 client benchmark: 40,000 GETs on one session, 64 at a time, to a
// cleartext server already listening on 127.0.0.1:PORT (start
// `node bench/http/h2-hello.js`, which prints its port).
//   <runtime> bench/http/h2-client.js PORT [requests=40000]
// Prints the wall time and the client's user CPU time.
'use strict';
const http2 = require('http2');

const port = Number(process.argv[2]);
const total = Number(process.argv[3] || 40000);
const session = http2.connect(`http://127.0.0.1:${port}`);
let started = 0;
let done = 0;
let t0;
let cpu0;

function one() {
  started++;
  const req = session.request({ ':path': '/' });
  req.on('data', () => {});
  req.on('end', () => {
    done++;
    if (done === total) finish();
    else if (started < total) one();
  });
}

function finish() {
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const user = process.cpuUsage(cpu0).user / 1000;
  console.log(`${total} requests: ${ms.toFixed(0)} ms, user CPU ${user.toFixed(0)} ms`);
  session.close();
}

session.on('connect', () => {
  t0 = process.hrtime.bigint();
  cpu0 = process.cpuUsage();
  for (let i = 0; i < 64 && started < total; i++) one();
});
