'use strict';
// The server of http_soak.py: JSON for GET, the body's length for POST,
// a 404 for anything else; prints its port, then its RSS (KB) whenever a
// line comes on stdin.
const http = require('http');

const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    let size = 0;
    req.on('data', (chunk) => { size += chunk.length; });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ received: size }));
    });
    return;
  }
  if (req.url.startsWith('/item/')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: req.url.slice(6), tags: ['a', 'b'], at: req.headers['x-at'] }));
    return;
  }
  res.statusCode = 404;
  res.end('no');
});
server.keepAliveTimeout = 5000;
server.listen(0, '127.0.0.1', () => {
  console.log(server.address().port);
});
process.stdin.setEncoding('utf8');
process.stdin.on('data', () => {
  console.log(Math.round(process.memoryUsage().rss / 1024));
});
process.stdin.on('end', () => server.close());
