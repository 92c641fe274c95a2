'use strict';
// 1 GB through a TCP echo server on 127.0.0.1, in 64 KB writes.
const net = require('net');
const total = 1024 * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 'x');
const server = net.createServer((socket) => socket.pipe(socket));
server.listen(0, '127.0.0.1', () => {
  const start = process.hrtime.bigint();
  const client = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  let received = 0;
  function send() {
    while (sent < total) {
      sent += chunk.length;
      if (!client.write(chunk)) {
        client.once('drain', send);
        return;
      }
    }
    client.end();
  }
  client.on('connect', send);
  client.on('data', (data) => { received += data.length; });
  client.on('end', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    server.close();
    console.log(JSON.stringify({ ms, check: received }));
  });
});
