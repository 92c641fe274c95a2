// node:http2: our client against our server (cleartext and TLS), each
// against the real node on the machine as the peer, the compatibility API,
// flow control with a reader that pauses, trailers, pings, settings, resets
// and goaway, and Node's errors for bad headers.
'use strict';

const assert = require('assert');
const http2 = require('http2');
const https = require('https');
const net = require('net');
const { spawn } = require('child_process');
const { listen, makeCerts, runTests } = require('./support/tls_certs');

const certs = makeCerts();
const tests = [];
const test = (name, fn) => tests.push([name, fn]);
const { HTTP2_HEADER_STATUS: STATUS, HTTP2_HEADER_PATH: PATH } = http2.constants;

// One request on `session`: resolves with the response headers, body text
// and trailers once the stream closed.
function request(session, headers, body) {
  return new Promise((resolve, reject) => {
    const req = session.request(headers, body === undefined ? {} : { endStream: false });
    let text = '';
    let response;
    let trailers;
    req.setEncoding('utf8');
    req.on('response', (h) => { response = h; });
    req.on('trailers', (t) => { trailers = t; });
    req.on('data', (d) => { text += d; });
    req.on('error', reject);
    req.on('close', () => resolve({ headers: response, text, trailers, rstCode: req.rstCode }));
    if (body !== undefined) req.end(body);
  });
}

// Runs `script` under the real node; resolves with its exit code and stdout.
function nodeOutput(script, env = process.env) {
  const child = spawn('node', ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'], env });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

function echoServer(server) {
  server.on('stream', (stream, headers) => {
    const chunks = [];
    stream.on('data', (d) => chunks.push(d));
    stream.on('end', () => {
      const body = Buffer.concat(chunks);
      if (headers[PATH] === '/trailers') {
        stream.respond({ [STATUS]: 200 }, { waitForTrailers: true });
        stream.on('wantTrailers', () => stream.sendTrailers({ 'x-sum': String(body.length) }));
        stream.end('with trailers');
        return;
      }
      if (headers[PATH] === '/empty') {
        stream.respond({ [STATUS]: 204 });
        return;
      }
      stream.respond({ [STATUS]: 200, 'content-type': 'application/json', 'x-multi': ['a', 'b'] });
      stream.end(JSON.stringify({
        method: headers[':method'], path: headers[PATH], length: body.length,
        first: body.subarray(0, 8).toString('latin1'), cookie: headers.cookie,
      }));
    });
  });
  return server;
}

test('h2c: GET, POST with a 1 MiB body, 204, trailers, cookies', async () => {
  const server = echoServer(http2.createServer());
  const port = await listen(server);
  const session = http2.connect(`http://127.0.0.1:${port}`);
  const connected = new Promise((resolve) => session.once('connect', resolve));
  const get = await request(session, { [PATH]: '/a?b=1', cookie: ['x=1', 'y=2'] });
  await connected;
  assert.strictEqual(get.headers[STATUS], 200);
  assert.strictEqual(get.headers['x-multi'], 'a, b');
  assert.match(get.headers.date, /GMT$/);
  assert.deepStrictEqual(JSON.parse(get.text),
                         { method: 'GET', path: '/a?b=1', length: 0, first: '', cookie: 'x=1; y=2' });
  const big = Buffer.alloc(1024 * 1024, 'z');
  const post = await request(session, { ':method': 'POST', [PATH]: '/up' }, big);
  assert.strictEqual(JSON.parse(post.text).length, big.length);
  assert.strictEqual(JSON.parse(post.text).first, 'zzzzzzzz');
  const empty = await request(session, { [PATH]: '/empty' });
  assert.strictEqual(empty.headers[STATUS], 204);
  assert.strictEqual(empty.text, '');
  const withTrailers = await request(session, { ':method': 'POST', [PATH]: '/trailers' }, 'abc');
  assert.strictEqual(withTrailers.text, 'with trailers');
  assert.strictEqual(withTrailers.trailers['x-sum'], '3');
  assert.strictEqual(session.alpnProtocol, 'h2c');
  assert.strictEqual(session.encrypted, false);
  await new Promise((resolve) => session.close(resolve));
  assert.strictEqual(session.destroyed, true);
  await new Promise((resolve) => server.close(resolve));
});

test('a paused reader holds the sender back, then gets every byte', async () => {
  const total = 4 * 1024 * 1024;
  let sentAll = false;
  const server = http2.createServer();
  server.on('stream', (stream) => {
    stream.respond({ [STATUS]: 200 });
    const piece = Buffer.alloc(64 * 1024, 'q');
    let sent = 0;
    const pump = () => {
      while (sent < total) {
        sent += piece.length;
        if (!stream.write(piece)) {
          stream.once('drain', pump);
          return;
        }
      }
      sentAll = true;
      stream.end();
    };
    pump();
  });
  const port = await listen(server);
  const session = http2.connect(`http://127.0.0.1:${port}`);
  const req = session.request({ [PATH]: '/' });
  req.pause();
  await new Promise((resolve) => setTimeout(resolve, 300));
  // The windows (64 KiB per stream) stop the server long before 4 MiB.
  assert.strictEqual(sentAll, false);
  let received = 0;
  req.on('data', (d) => { received += d.length; });
  req.resume();
  await new Promise((resolve) => req.on('end', resolve));
  assert.strictEqual(received, total);
  assert.strictEqual(sentAll, true);
  session.close();
  server.close();
});

test('our client against a node http2 server', async () => {
  const script = `
    const http2 = require('http2');
    const server = http2.createServer();
    server.on('stream', (stream, headers) => {
      let n = 0;
      stream.on('data', (d) => { n += d.length; });
      stream.on('end', () => {
        stream.respond({ ':status': 201, 'x-peer': 'node' }, { waitForTrailers: true });
        stream.on('wantTrailers', () => stream.sendTrailers({ 'x-done': 'yes' }));
        stream.end(headers[':method'] + ' ' + headers[':path'] + ' ' + n);
      });
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
    process.stdin.on('end', () => process.exit(0)).resume();`;
  const child = spawn('node', ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(Number(d))));
  const session = http2.connect(`http://127.0.0.1:${port}`);
  const result = await request(session, { ':method': 'PUT', [PATH]: '/node' }, Buffer.alloc(200000));
  assert.strictEqual(result.headers[STATUS], 201);
  assert.strictEqual(result.headers['x-peer'], 'node');
  assert.strictEqual(result.text, 'PUT /node 200000');
  assert.strictEqual(result.trailers['x-done'], 'yes');
  const rtt = await new Promise((resolve, reject) => session.ping((err, ms) => (err ? reject(err) : resolve(ms))));
  assert.strictEqual(typeof rtt, 'number');
  session.close();
  child.stdin.end();
  await new Promise((resolve) => child.on('exit', resolve));
});

test('a node http2 client against our server (compatibility API)', async () => {
  const server = http2.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => { body += d; });
    req.on('end', () => {
      res.setHeader('content-type', 'text/plain');
      res.writeHead(202, { 'x-version': req.httpVersion });
      res.end(`${req.method} ${req.url} ${req.headers['x-a']} ${body.length}`);
    });
  });
  const port = await listen(server);
  const script = `
    const http2 = require('http2');
    const session = http2.connect('http://127.0.0.1:${port}');
    const req = session.request({ ':method': 'POST', ':path': '/compat?q=1', 'x-a': 'b' });
    let text = '';
    req.setEncoding('utf8');
    req.on('response', (h) => { text += h[':status'] + ' ' + h['x-version'] + ' ' + h['content-type'] + '|'; });
    req.on('data', (d) => { text += d; });
    req.on('end', () => { console.log(text); session.close(); });
    req.end('x'.repeat(100000));`;
  const { code, out } = await nodeOutput(script);
  assert.strictEqual(code, 0);
  assert.strictEqual(out.trim(), '202 2.0 text/plain|POST /compat?q=1 b 100000');
  server.close();
});

test('TLS: h2 by ALPN both ways, and HTTP/1.1 on the same port with allowHTTP1', async () => {
  const server = http2.createSecureServer({ key: certs.srvKey, cert: certs.srv, allowHTTP1: true },
                                          (req, res) => res.end(`v${req.httpVersion} ${req.url}`));
  const port = await listen(server);
  const session = http2.connect(`https://localhost:${port}`, { ca: certs.ca });
  const result = await request(session, { [PATH]: '/secure' });
  assert.strictEqual(result.text, 'v2.0 /secure');
  assert.strictEqual(session.encrypted, true);
  assert.strictEqual(session.alpnProtocol, 'h2');
  assert.deepStrictEqual(session.originSet, [`https://localhost:${port}`]);
  session.close();
  const http1 = await new Promise((resolve, reject) => {
    https.get({ host: '127.0.0.1', port, path: '/old', ca: certs.ca, servername: 'localhost' }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
  assert.strictEqual(http1, 'v1.1 /old');
  // A node client over TLS.
  const script = `
    const http2 = require('http2');
    const session = http2.connect('https://localhost:${port}', { ca: process.env.CA });
    const req = session.request({ ':path': '/from-node' });
    let text = '';
    req.on('data', (d) => { text += d; });
    req.on('end', () => { console.log(session.alpnProtocol, text); session.close(); });`;
  const { out } = await nodeOutput(script, { ...process.env, CA: certs.ca });
  assert.strictEqual(out.trim(), 'h2 v2.0 /from-node');
  server.close();
});

test('ALTSVC and ORIGIN frames from a TLS server reach our client and a node client', async () => {
  const server = http2.createSecureServer({ key: certs.srvKey, cert: certs.srv });
  server.on('session', (session) => {
    session.altsvc('h2=":9443"', 'https://alt.example');
    session.origin('https://o1.example', new URL('https://o2.example:444/x'));
  });
  server.on('stream', (stream) => stream.respond({ [STATUS]: 200 }, { endStream: true }));
  const port = await listen(server);
  const session = http2.connect(`https://localhost:${port}`, { ca: certs.ca });
  const altsvc = new Promise((resolve) => session.on('altsvc', (...args) => resolve(args)));
  const origin = new Promise((resolve) => session.on('origin', resolve));
  assert.deepStrictEqual(await altsvc, ['h2=":9443"', 'https://alt.example', 0]);
  assert.deepStrictEqual(await origin, ['https://o1.example', 'https://o2.example:444']);
  assert.deepStrictEqual(session.originSet,
                         [`https://localhost:${port}`, 'https://o1.example', 'https://o2.example:444']);
  session.close();
  const script = `
    const http2 = require('http2');
    const session = http2.connect('https://localhost:${port}', { ca: process.env.CA });
    const seen = [];
    session.on('altsvc', (alt, origin) => seen.push(alt + ' ' + origin));
    session.on('origin', (origins) => {
      seen.push(origins.join(' '));
      console.log(seen.join('|'));
      session.close();
    });`;
  const { out } = await nodeOutput(script, { ...process.env, CA: certs.ca });
  assert.strictEqual(out.trim(), 'h2=":9443" https://alt.example|https://o1.example https://o2.example:444');
  server.close();
});

test('resets, goaway, settings and refused connections', async () => {
  const server = http2.createServer();
  server.on('stream', (stream, headers) => {
    stream.on('error', () => {});
    if (headers[PATH] === '/refuse') stream.close(http2.constants.NGHTTP2_REFUSED_STREAM);
    else if (headers[PATH] === '/hang') stream.respond({ [STATUS]: 200 });
    else stream.respond({ [STATUS]: 200 }, { endStream: true });
  });
  const sessions = [];
  server.on('session', (s) => sessions.push(s));
  const port = await listen(server);
  const session = http2.connect(`http://127.0.0.1:${port}`);
  const refused = await new Promise((resolve) => {
    session.request({ [PATH]: '/refuse' }).on('error', resolve);
  });
  assert.strictEqual(refused.code, 'ERR_HTTP2_STREAM_ERROR');
  assert.strictEqual(refused.message, 'Stream closed with error code NGHTTP2_REFUSED_STREAM');
  // Cancelling a stream is not an error.
  const hang = session.request({ [PATH]: '/hang' });
  await new Promise((resolve) => hang.on('response', resolve));
  const closed = new Promise((resolve) => hang.on('close', resolve));
  hang.on('error', (err) => assert.fail(err));
  hang.close(http2.constants.NGHTTP2_CANCEL);
  await closed;
  assert.strictEqual(hang.rstCode, http2.constants.NGHTTP2_CANCEL);
  const acked = await new Promise((resolve, reject) => {
    session.settings({ initialWindowSize: 1 << 20 }, (err, settings) => (err ? reject(err) : resolve(settings)));
  });
  assert.strictEqual(acked.initialWindowSize, 1 << 20);
  assert.strictEqual(session.localSettings.initialWindowSize, 1 << 20);
  // The server says goaway: the client takes no new streams and closes.
  const goaway = new Promise((resolve) => session.once('goaway', (...args) => resolve(args)));
  for (const s of sessions) s.goaway(http2.constants.NGHTTP2_NO_ERROR);
  const [code] = await goaway;
  assert.strictEqual(code, 0);
  assert.throws(() => session.request({ [PATH]: '/' }), { code: 'ERR_HTTP2_GOAWAY_SESSION' });
  await new Promise((resolve) => session.on('close', resolve));
  await new Promise((resolve) => server.close(resolve));
  const dead = http2.connect(`http://127.0.0.1:${port}`);
  const err = await new Promise((resolve) => dead.on('error', resolve));
  assert.strictEqual(err.code, 'ECONNREFUSED');
});

test('CONNECT tunnel: HTTP/1.1 through an HTTP/2 stream wrapped as a socket (_stream_wrap)', async () => {
  const http = require('http');
  const JSStreamSocket = require('_stream_wrap');
  const origin = http.createServer((req, res) => res.end(`origin saw ${req.method} ${req.url}`));
  const originPort = await listen(origin);
  const proxy = http2.createServer();
  proxy.on('stream', (stream, headers) => {
    assert.strictEqual(headers[':method'], 'CONNECT');
    const [host, port] = headers[':authority'].split(':');
    const upstream = net.connect(Number(port), host, () => {
      stream.respond({ [STATUS]: 200 });
      upstream.pipe(stream);
      stream.pipe(upstream);
    });
  });
  const proxyPort = await listen(proxy);
  const session = http2.connect(`http://127.0.0.1:${proxyPort}`);
  const tunnel = session.request({ ':method': 'CONNECT', ':authority': `127.0.0.1:${originPort}` });
  await new Promise((resolve) => tunnel.on('response', resolve));
  const text = await new Promise((resolve, reject) => {
    http.get({ path: '/via-h2', createConnection: () => new JSStreamSocket(tunnel) }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
  assert.strictEqual(text, 'origin saw GET /via-h2');
  session.destroy();
  proxy.close();
  origin.close();
});

test('bad bytes from a client end its session, not the server', async () => {
  const server = http2.createServer((req, res) => res.end('still serving'));
  const errors = [];
  server.on('sessionError', (err) => errors.push(err.message));
  const port = await listen(server);
  const send = (bytes) => new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', resolve);
  });
  await send('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  await send(Buffer.concat([Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'), Buffer.alloc(30, 0xff)]));
  assert.deepStrictEqual(errors, ['Received bad client magic byte string', 'Protocol error']);
  const session = http2.connect(`http://127.0.0.1:${port}`);
  const ok = await request(session, { [PATH]: '/' });
  assert.strictEqual(ok.text, 'still serving');
  session.close();
  server.close();
});

test("Node's errors for bad headers and settings", () => {
  const session = http2.connect('http://127.0.0.1:1');
  session.on('error', () => {});
  assert.throws(() => session.request({ ':foo': 'x' }),
                { name: 'TypeError', code: 'ERR_HTTP2_INVALID_PSEUDOHEADER',
                  message: '":foo" is an invalid pseudoheader or is used incorrectly' });
  assert.throws(() => session.request({ connection: 'close' }),
                { code: 'ERR_HTTP2_INVALID_CONNECTION_HEADERS',
                  message: 'HTTP/1 Connection specific headers are forbidden: "connection"' });
  assert.throws(() => session.request({ 'content-type': ['a', 'b'] }),
                { code: 'ERR_HTTP2_HEADER_SINGLE_VALUE' });
  assert.throws(() => session.request({ 'a b': 'x' }), { code: 'ERR_INVALID_HTTP_TOKEN' });
  assert.throws(() => session.settings({ maxFrameSize: 1 }),
                { name: 'RangeError', code: 'ERR_HTTP2_INVALID_SETTING_VALUE',
                  message: 'Invalid value for setting "maxFrameSize": 1' });
  assert.throws(() => session.settings({ enablePush: 1 }),
                { name: 'TypeError', code: 'ERR_HTTP2_INVALID_SETTING_VALUE' });
  assert.throws(() => http2.connect('ftp://x'), { code: 'ERR_HTTP2_UNSUPPORTED_PROTOCOL' });
  assert.throws(() => http2.getUnpackedSettings(Buffer.alloc(5)),
                { code: 'ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH' });
  // The packed form is the SETTINGS payload: 6 bytes per setting, by id.
  assert.strictEqual(http2.getPackedSettings({ enablePush: false, headerTableSize: 1 }).toString('hex'),
                     '000100000001000200000000');
  session.destroy();
});

runTests(tests, () => certs.cleanup());
