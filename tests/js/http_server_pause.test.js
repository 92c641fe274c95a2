'use strict';
// The server's reading of a connection as an app sees it, as in Node v20
// (this script passes under node): the server's own 'data' listener is on
// the socket (listenerCount('data') is 1 in the request handler); a request
// body nobody reads fills the request's buffer, then the server pauses the
// socket, which says 'pause'; ending the response then throws the body away
// and the keep-alive connection serves the next request.
const assert = require('assert');
const http = require('http');

const events = [];
const server = http.createServer((req, res) => {
  assert.strictEqual(req.socket.listenerCount('data'), 1);
  if (req.method === 'GET') {
    events.push('GET');
    res.end('second');
    return;
  }
  res.writeHead(200);
  res.flushHeaders();
  req.on('close', () => events.push('req close'));
  req.socket.once('pause', () => {
    events.push('socket pause');
    res.end();
    post.end('last');
  });
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
let post;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  post = http.request({ host: '127.0.0.1', port, method: 'POST', agent }, (res) => {
    res.resume();
    // More than the request's buffer holds: the server stops reading.
    post.write(Buffer.alloc(256 * 1024, 'x'));
  });
  post.write('first');
  http.get({ host: '127.0.0.1', port, agent }, (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (piece) => { body += piece; });
    res.on('end', () => {
      assert.strictEqual(body, 'second');
      agent.destroy();
      server.close(() => {
        assert.deepStrictEqual(events, ['socket pause', 'req close', 'GET']);
        console.log('ok');
      });
    });
  });
});
