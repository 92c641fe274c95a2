'use strict';
// The order of a server's request and response events, as in Node v20
// (this script passes under node): a response ended in the handler says
// 'finish' and 'close' before the request's 'end' and 'close'; a body piece
// is a callback of its own (ticks and microtasks run after it, the end of
// the message comes later), so a request read with 'data' sees the piece
// with complete still false; a response ended later comes after the
// request ended. Each request comes in one write on a connection of its own.
const assert = require('assert');
const http = require('http');
const net = require('net');

const log = [];
const server = http.createServer((req, res) => {
  const tag = req.url;
  for (const ev of ['end', 'close']) req.on(ev, () => log.push(`${tag} req ${ev}`));
  for (const ev of ['finish', 'close']) res.on(ev, () => log.push(`${tag} res ${ev}`));
  if (tag.startsWith('/read')) req.on('data', () => log.push(`${tag} data complete=${req.complete}`));
  if (tag === '/resume') req.resume();
  process.nextTick(() => log.push(`${tag} tick`));
  Promise.resolve().then(() => log.push(`${tag} microtask`));
  if (tag.endsWith('late')) setImmediate(() => res.end('x'));
  else res.end('hi');
});

const requests = [
  'POST /read HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc',
  'POST /resume HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc',
  'POST /readlate HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc',
  'GET /get HTTP/1.1\r\nHost: x\r\n\r\n',
];

function send(text) {
  return new Promise((resolve) => {
    const conn = net.connect(server.address().port, '127.0.0.1', () => conn.write(text));
    let got = '';
    conn.setEncoding('latin1');
    conn.on('data', (piece) => {
      got += piece;
      if (/\r\n\r\n(?:hi|x|\w+\r\n(?:hi|x)\r\n0\r\n\r\n)$/.test(got)) conn.end();
    });
    conn.on('close', resolve);
  });
}

server.listen(0, '127.0.0.1', async () => {
  for (const text of requests) await send(text);
  server.close(() => {
    assert.deepStrictEqual(log, [
      '/read data complete=false', '/read tick', '/read res finish', '/read res close',
      '/read microtask', '/read req end', '/read req close',
      '/resume tick', '/resume res finish', '/resume res close', '/resume microtask',
      '/resume req end', '/resume req close',
      '/readlate data complete=false', '/readlate tick', '/readlate microtask',
      '/readlate req end', '/readlate req close', '/readlate res finish', '/readlate res close',
      '/get tick', '/get res finish', '/get res close', '/get req end', '/get req close',
      '/get microtask',
    ]);
    console.log('ok');
  });
});
