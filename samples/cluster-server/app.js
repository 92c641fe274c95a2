// cluster-server: one HTTP port served by a worker per core. The primary
// forks os.availableParallelism() workers (WORKERS overrides it); each runs
// this same file, listens on PORT (default 8080; 0 picks a free one, shared
// by all workers) and answers every request with who served it. A worker
// that dies is replaced; SIGTERM or SIGINT to the primary disconnects the
// workers and exits 0.
//
//   GET /        "hello from worker <id>"
//   GET /pid     the serving worker's pid, to kill one from outside
//   GET /stats   the primary's counts as JSON, asked over IPC
//
// HTTP/1.1 with keep-alive and pipelining, on node:net.
'use strict';
const cluster = require('cluster');
const net = require('net');
const os = require('os');

const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
const host = process.env.HOST || '127.0.0.1';

function runPrimary() {
  const wanted = Number(process.env.WORKERS) || os.availableParallelism();
  let stopping = false;
  let replaced = 0;
  let announced = false;

  const start = () => {
    const worker = cluster.fork();
    worker.on('message', (message) => {
      if (message && message.ask === 'stats') {
        worker.send({ stats: { workers: Object.keys(cluster.workers).length, replaced } });
      }
    });
  };
  cluster.on('listening', (worker, address) => {
    const listening = Object.values(cluster.workers).filter((w) => w.state === 'listening');
    if (!announced && listening.length === wanted) {
      announced = true;
      console.log(`primary ${process.pid}: ${wanted} workers on http://${host}:${address.port}/`);
    } else if (announced) {
      console.log(`worker ${worker.id} listening again on port ${address.port}`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping || worker.exitedAfterDisconnect) return;
    replaced++;
    console.log(`worker ${worker.id} died (${signal || code}); forking a replacement`);
    start();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    cluster.disconnect(() => {
      console.log('primary: all workers gone');
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  for (let i = 0; i < wanted; i++) start();
}

// The primary's counts, for GET /stats.
function askStats() {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (message && message.stats) {
        process.off('message', onMessage);
        resolve(message.stats);
      }
    };
    process.on('message', onMessage);
    process.send({ ask: 'stats' });
  });
}

function respond(socket, status, body, keepAlive) {
  const text = `HTTP/1.1 ${status}\r\nContent-Type: text/plain\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    `Connection: ${keepAlive ? 'keep-alive' : 'close'}\r\n\r\n${body}`;
  socket.write(text);
  if (!keepAlive) socket.end();
}

async function answer(socket, head) {
  const [requestLine, ...headerLines] = head.split('\r\n');
  const [method, target, version] = requestLine.split(' ');
  const headers = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const connection = (headers.connection || '').toLowerCase();
  const keepAlive = version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive';
  if (method !== 'GET' && method !== 'HEAD') return respond(socket, '405 Method Not Allowed', 'GET only\n', keepAlive);
  if (target === '/') return respond(socket, '200 OK', `hello from worker ${cluster.worker.id}\n`, keepAlive);
  if (target === '/pid') return respond(socket, '200 OK', `${process.pid}\n`, keepAlive);
  if (target === '/stats') {
    const stats = await askStats();
    return respond(socket, '200 OK', `${JSON.stringify(stats)}\n`, keepAlive);
  }
  return respond(socket, '404 Not Found', 'not found\n', keepAlive);
}

function runWorker() {
  const server = net.createServer((socket) => {
    let pending = '';
    let chain = Promise.resolve();
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => {
      pending += chunk;
      if (pending.length > 65536) {
        respond(socket, '431 Request Header Fields Too Large', 'too large\n', false);
        return;
      }
      let end = pending.indexOf('\r\n\r\n');
      while (end !== -1) {
        const head = pending.slice(0, end);
        pending = pending.slice(end + 4);
        // Answers go out in request order, also when one waits for the primary.
        chain = chain.then(() => (socket.writable ? answer(socket, head) : undefined));
        end = pending.indexOf('\r\n\r\n');
      }
    });
    socket.on('error', () => {});
  });
  server.listen(port, host);
}

if (cluster.isPrimary) runPrimary();
else runWorker();
