// Hello-world server in the shape of ../shared/bench's http app: writeHead
// with a headers object, then end(Buffer). Prints its port.
'use strict';
const http = require('http');
const body = Buffer.from('hello world\n');
const server = http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': body.length });
  res.end(body);
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
