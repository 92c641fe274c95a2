// HTTP/2 hello-world server (cleartext, h2c) for a load tool that speaks
// HTTP/2, e.g. h2load from Debian's nghttp2-client:
//   h2load -n 200000 -c 16 -m 10 http://127.0.0.1:<port>/
// Prints its port; answers every stream with 'hello'.
'use strict';
const http2 = require('http2');
const server = http2.createServer();
server.on('stream', (stream) => {
  stream.respond({ ':status': 200, 'content-type': 'text/plain' });
  stream.end('hello');
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
