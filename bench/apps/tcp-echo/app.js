// TCP echo of 1 GiB over loopback: a client writes 64 KiB blocks (keeping
// a bounded amount in flight through write()'s backpressure), a server pipes
// every byte back, and the client counts what returns.
'use strict';
const net = require('net');

const TOTAL = 1024 * 1024 * 1024;
const block = Buffer.alloc(64 * 1024, 'a');

const server = net.createServer((socket) => socket.pipe(socket));
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  let received = 0;
  const pump = () => {
    while (sent < TOTAL) {
      sent += block.length;
      if (!client.write(block)) {
        client.once('drain', pump);
        return;
      }
    }
    client.end();
  };
  client.on('connect', pump);
  client.on('data', (chunk) => {
    received += chunk.length;
  });
  client.on('end', () => {
    console.log(`echoed ${received} bytes`);
    server.close();
  });
});
