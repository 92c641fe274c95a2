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
// node:http, keep-alive as its defaults have it.
'use strict';
const cluster = require('cluster');
const http = require('http');
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

async function answer(request, response) {
  let status = 200;
  let body;
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    status = 405;
    body = 'GET only\n';
  } else if (request.url === '/') {
    body = `hello from worker ${cluster.worker.id}\n`;
  } else if (request.url === '/pid') {
    body = `${process.pid}\n`;
  } else if (request.url === '/stats') {
    body = `${JSON.stringify(await askStats())}\n`;
  } else {
    status = 404;
    body = 'not found\n';
  }
  response.writeHead(status, {
    'Content-Type': 'text/plain',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
}

function runWorker() {
  http.createServer(answer).listen(port, host);
}

if (cluster.isPrimary) runPrimary();
else runWorker();
