// HTTP clients from npm against a local node:http server, one after the
// other: axios (JSON in and out, a 404 as an error, a gzip body, a 503
// retried by an interceptor), the undici package (request, its own fetch, a
// streamed body, one kept-alive connection) and got (JSON, its own retries,
// a stream, and HTTP/2 over TLS against a node:http2 server, with a
// certificate openssl makes at start; undici's allowH2 client asks it too).
import http from 'node:http';
import http2 from 'node:http2';
import zlib from 'node:zlib';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import axios from 'axios';
import { request, fetch, Agent } from 'undici';
import got from 'got';

let flaky = 0;
const seenSockets = new Set();
const server = http.createServer((req, res) => {
  seenSockets.add(`${req.socket.remotePort}`);
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (piece) => {
    body += piece;
  });
  req.on('end', () => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/echo') {
      res.setHeader('Content-Type', 'application/json');
      const got = body ? JSON.parse(body) : null;
      res.end(JSON.stringify({ method: req.method, got, q: url.searchParams.get('q') }));
    } else if (url.pathname === '/gzip') {
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
      res.end(zlib.gzipSync('compressed hello '.repeat(3).trim()));
    } else if (url.pathname === '/flaky' || url.pathname === '/flaky-got') {
      flaky = url.pathname === '/flaky-got' && flaky >= 3 ? 0 : flaky;
      flaky++;
      if (flaky < 3) {
        res.writeHead(503, { 'Retry-After': '0' });
        res.end('busy');
      } else {
        res.end(`ok after ${flaky} tries`);
      }
    } else if (url.pathname === '/stream') {
      let n = 0;
      const tick = () => {
        if (n === 3) {
          res.end('end\n');
          return;
        }
        res.write(`line ${n++}\n`);
        setImmediate(tick);
      };
      tick();
    } else {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"error":"not found"}');
    }
  });
});
// A node:http2 TLS server with a throwaway self-signed certificate, and got
// asking it with http2: true (ALPN picks h2).
async function gotOverHttp2() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h2-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1',
    '-nodes', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  const secure = http2.createSecureServer({
    key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')),
  });
  fs.rmSync(dir, { recursive: true });
  const sessions = new Set();
  secure.on('session', (session) => sessions.add(session));
  secure.on('stream', (stream, headers) => {
    let body = '';
    stream.setEncoding('utf8');
    stream.on('data', (piece) => {
      body += piece;
    });
    stream.on('end', () => {
      stream.respond({ ':status': 200, 'content-type': 'application/json' });
      stream.end(JSON.stringify({ path: headers[':path'], method: headers[':method'], body }));
    });
  });
  await new Promise((resolve) => secure.listen(0, '127.0.0.1', resolve));
  const response = await got(`https://localhost:${secure.address().port}/over-h2`, {
    http2: true, https: { rejectUnauthorized: false },
  });
  console.log(`got: HTTP/${response.httpVersion} ${response.statusCode} ${response.body}`);
  // undici's own HTTP/2 client (allowH2) against the same server.
  const h2agent = new Agent({ allowH2: true, connect: { rejectUnauthorized: false } });
  const viaUndici = await request(`https://localhost:${secure.address().port}/undici-h2`, {
    method: 'POST', body: 'over h2', dispatcher: h2agent,
  });
  console.log(`undici: h2 ${viaUndici.statusCode} ${await viaUndici.body.text()}`);
  await h2agent.close();
  // got's HTTP/2 agent keeps the session for later requests; the server's
  // goaway ends it (server.close() alone leaves open sessions be).
  for (const session of sessions) session.close();
  secure.close();
}

async function main() {
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${server.address().port}`;

  // axios
  const posted = await axios.post(`${base}/echo?q=axios`, { hello: 'world', n: [1, 2] });
  const type = posted.headers['content-type'];
  console.log(`axios: ${posted.status} ${type} ${JSON.stringify(posted.data)}`);
  try {
    await axios.get(`${base}/missing`);
  } catch (err) {
    console.log(`axios: ${err.name} ${err.message} ${JSON.stringify(err.response.data)}`);
  }
  const zipped = await axios.get(`${base}/gzip`, { responseType: 'text' });
  console.log(`axios: gzip -> ${zipped.data}`);
  const retrying = axios.create();
  retrying.interceptors.response.use(undefined, (err) => {
    const config = err.config;
    config.tries = (config.tries ?? 0) + 1;
    if (err.response?.status === 503 && config.tries < 3) return retrying(config);
    throw err;
  });
  const retried = await retrying.get(`${base}/flaky`);
  console.log(`axios: ${retried.status} ${retried.data} (retries ${retried.config.tries})`);

  // undici (the npm package, not the fetch Node ships)
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 1 });
  const first = await request(`${base}/echo?q=undici`, {
    method: 'PUT', body: '{"a":1}', dispatcher: agent,
  });
  console.log(`undici: request ${first.statusCode} ${JSON.stringify(await first.body.json())}`);
  const second = await fetch(`${base}/echo?q=fetch`, { dispatcher: agent });
  console.log(`undici: fetch ${second.status} ${JSON.stringify(await second.json())}`);
  const before = seenSockets.size;
  const third = await request(`${base}/stream`, { dispatcher: agent });
  const text = await third.body.text();
  console.log(`undici: stream ${JSON.stringify(text)} same connection=${seenSockets.size === before}`);
  await agent.close();

  // got
  const gotJson = await got.post(`${base}/echo?q=got`, { json: { from: 'got' } }).json();
  console.log(`got: ${JSON.stringify(gotJson)}`);
  const gotRetried = await got(`${base}/flaky-got`, { retry: { limit: 3 } });
  console.log(`got: ${gotRetried.statusCode} ${gotRetried.body} (retries ${gotRetried.retryCount})`);
  try {
    await got(`${base}/missing`);
  } catch (err) {
    console.log(`got: ${err.name} ${err.code} ${err.message}`);
  }
  let streamed = '';
  for await (const piece of got.stream(`${base}/stream`)) streamed += piece;
  console.log(`got: stream ${JSON.stringify(streamed)}`);
  await gotOverHttp2();

  server.close();
  console.log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
