'use strict';
// A scripted HTTP/1.1 server on a raw net server, for the fetch tests (and
// any client test): it reads each request itself (head, then a
// Content-Length or chunked body), hands it to route(req, socket), and the
// route writes the exact response bytes. Requests on one connection are
// served in order; `accepted` counts the sockets accepted, and
// server.stop() closes the server and its connections.

const net = require('net');

function parseHead(text) {
  const lines = text.split('\r\n');
  const [method, target, version] = lines[0].split(' ');
  const headers = {};
  const rawHeaders = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    rawHeaders.push(name, value);
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
  }
  return { method, target, version, headers, rawHeaders };
}

// The body of a chunked message starting at buf[0], or null if incomplete:
// { body, used } with the bytes it took (trailers are skipped).
function readChunked(buf) {
  const parts = [];
  let at = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', at);
    if (eol === -1) return null;
    const size = parseInt(buf.toString('latin1', at, eol), 16);
    at = eol + 2;
    if (size === 0) {
      const end = buf.indexOf('\r\n\r\n', at - 2);
      if (end === -1) return null;
      return { body: Buffer.concat(parts), used: end + 4 };
    }
    if (buf.length < at + size + 2) return null;
    parts.push(buf.subarray(at, at + size));
    at += size + 2;
  }
}

function serve(route) {
  const server = net.createServer((socket) => {
    server.accepted++;
    server.sockets.add(socket);
    socket.on('close', () => server.sockets.delete(socket));
    let buf = Buffer.alloc(0);
    let busy = false;
    socket.on('error', () => {});
    const next = () => {
      if (busy) return;
      const headEnd = buf.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const req = parseHead(buf.toString('latin1', 0, headEnd));
      let rest = buf.subarray(headEnd + 4);
      if (req.headers['transfer-encoding'] === 'chunked') {
        const chunked = readChunked(rest);
        if (chunked === null) return;
        req.body = chunked.body;
        rest = rest.subarray(chunked.used);
      } else {
        const length = Number(req.headers['content-length'] || 0);
        if (rest.length < length) return;
        req.body = rest.subarray(0, length);
        rest = rest.subarray(length);
      }
      buf = rest;
      req.connection = server.accepted;
      server.requests.push(req);
      busy = true;
      const done = () => {
        busy = false;
        next();
      };
      const result = route(req, socket);
      if (result && typeof result.then === 'function') result.then(done);
      else done();
    };
    socket.on('data', (data) => {
      buf = Buffer.concat([buf, data]);
      next();
    });
  });
  server.accepted = 0;
  server.requests = [];
  server.sockets = new Set();
  // Closes the server and every connection (a client's idle keep-alive
  // sockets would otherwise hold the process until the client times them out).
  server.stop = () => {
    for (const socket of server.sockets) socket.destroy();
    server.close();
  };
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      server.origin = `http://127.0.0.1:${server.address().port}`;
      resolve(server);
    });
  });
}

// A response's bytes: status line, headers (an array of [name, value]) and
// a body with its Content-Length unless the headers say otherwise.
function response(status, reason, headers = [], body = '') {
  const bytes = Buffer.from(body);
  const names = headers.map(([n]) => n.toLowerCase());
  const all = [...headers];
  if (!names.includes('content-length') && !names.includes('transfer-encoding')) {
    all.push(['Content-Length', String(bytes.length)]);
  }
  const head = `HTTP/1.1 ${status} ${reason}\r\n` +
    all.map(([n, v]) => `${n}: ${v}\r\n`).join('') + '\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

module.exports = { serve, response };
