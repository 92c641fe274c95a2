// HTTP client benchmark: 40,000 GETs over 16 kept-alive connections
// (http.Agent) to a server on 127.0.0.1:PORT, e.g. `node bench/http/hello.js`.
//   <runtime> bench/http/client-keepalive.js PORT [requests=40000]
// Prints the wall time and the client's user CPU time.
'use strict';
const http = require('http');

const port = Number(process.argv[2]);
const total = Number(process.argv[3] || 40000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
let started = 0;
let done = 0;
const start = process.hrtime.bigint();

function finished() {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage();
  console.log(`${total} requests: ${ms.toFixed(0)} ms, user CPU ${(cpu.user / 1000).toFixed(0)} ms`);
  agent.destroy();
}

function next() {
  if (started === total) return;
  started++;
  http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
    res.resume();
    res.on('end', () => {
      done++;
      if (done === total) finished();
      else next();
    });
  });
}

for (let i = 0; i < 16; i++) next();
