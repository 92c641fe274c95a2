// HTTP clients from npm against a local node:http server, one after the
// other: axios (JSON in and out, a 404 as an error, a gzip body, a 503
// retried by an interceptor) and the undici package (request, its own
// fetch, a streamed body, one kept-alive connection). (got is not here: it
// imports node:http2, which jspack does not have yet.)
import http from 'node:http';
import zlib from 'node:zlib';
import axios from 'axios';
import { request, fetch, Agent } from 'undici';

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
    } else if (url.pathname === '/flaky') {
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

  server.close();
  console.log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
