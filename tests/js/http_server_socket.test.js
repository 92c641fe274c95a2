'use strict';
// The server's hold on its sockets, as in Node v20 (this script passes
// under node): a connection's socket gets `server` set and refuses an
// encoding (ERR_HTTP_SOCKET_ENCODING), and a client that goes away while a
// GET's response is unfinished gives the request 'aborted' then 'close',
// after the response's 'close'.
const assert = require('assert');
const http = require('http');

const events = [];
const server = http.createServer((req, res) => {
  assert.strictEqual(req.socket.server, server);
  assert.throws(() => req.socket.setEncoding('utf8'), {
    name: 'Error', code: 'ERR_HTTP_SOCKET_ENCODING',
    message: 'Changing the socket encoding is not allowed per RFC7230 Section 3.',
  });
  req.on('aborted', () => events.push(`aborted complete=${req.complete}`));
  req.on('close', () => events.push('req close'));
  res.on('close', () => events.push('res close'));
  setTimeout(() => client.destroy(), 20);
});
let client;
server.listen(0, '127.0.0.1', () => {
  client = http.get({ host: '127.0.0.1', port: server.address().port, agent: false });
  client.on('error', (err) => events.push(`client ${err.code}`));
  client.on('close', () => {
    server.close(() => {
      assert.deepStrictEqual(events, ['aborted complete=true', 'res close', 'req close', 'client ECONNRESET']);
      console.log('ok');
    });
  });
});
