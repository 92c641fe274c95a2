'use strict';
// Differential corpus for node:http2: the exports, constants and settings
// helpers, header validation errors, what a server's 'stream' handler and a
// client's 'response' handler see (headers, flags, raw lists), the order of
// a stream's events, trailers, 1xx headers, resets and their errors, and the
// compatibility API's headers. Date and :authority (the port) are masked.

const http2 = require('http2');

const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

function staticCases() {
  emit('exports', Object.keys(http2).sort());
  emit('constants', http2.constants);
  emit('default settings', http2.getDefaultSettings());
  const all = {
    headerTableSize: 100, enablePush: false, initialWindowSize: 1000, maxFrameSize: 20000,
    maxConcurrentStreams: 5, maxHeaderListSize: 300, enableConnectProtocol: true,
  };
  emit('packed all', http2.getPackedSettings(all).toString('hex'));
  emit('packed none', http2.getPackedSettings().toString('hex'));
  emit('unpacked', http2.getUnpackedSettings(http2.getPackedSettings(all)));
  emit('unpacked odd length', attempt(() => http2.getUnpackedSettings(Buffer.alloc(7))));
  emit('unpacked validate', attempt(() => http2.getUnpackedSettings(
    Buffer.from('000500000001', 'hex'), { validate: true })));
  for (const [name, value] of [['maxFrameSize', 100], ['maxFrameSize', 2 ** 24], ['enablePush', 'yes'],
    ['initialWindowSize', 2 ** 31], ['headerTableSize', -1], ['maxConcurrentStreams', 1.5]]) {
    emit(`packed bad ${name}=${value}`, attempt(() => http2.getPackedSettings({ [name]: value })));
  }
  emit('sensitiveHeaders', typeof http2.sensitiveHeaders + ' ' + String(http2.sensitiveHeaders));
  emit('connect bad protocol', attempt(() => http2.connect('ftp://localhost')));
  emit('connect bad authority', attempt(() => http2.connect(42)));
}

function mask(headers) {
  const out = {};
  for (const key of Object.keys(headers)) {
    out[key] = key === 'date' ? '<date>' : key === ':authority' ? '<authority>' : headers[key];
  }
  return out;
}

function maskRaw(raw) {
  return raw.map((item, i) => {
    if (i % 2 === 0) return item;
    if (raw[i - 1] === 'date') return '<date>';
    return raw[i - 1] === ':authority' ? '<authority>' : item;
  });
}

function startServer(onStream, options = {}) {
  return new Promise((resolve) => {
    const server = http2.createServer(options);
    server.on('stream', onStream);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

const kBadResponses = [{ ':status': 99 }, { ':status': 101 }, { ':status': 700 }, { ':status': 103 },
  { connection: 'x' }, { ':method': 'GET' }, { ':status': 200, ':path': '/' }];

async function requestCases() {
  const seen = [];
  const server = await startServer((stream, headers, flags, raw) => {
    const path = headers[':path'];
    seen.push(['server', path, mask(headers), flags, maskRaw(raw).slice(0, 8)]);
    stream.on('error', (err) => seen.push(['server error', path, err.code, err.message]));
    if (path.startsWith('/invalid/')) {
      const h = kBadResponses[Number(path.slice(9))];
      seen.push(['respond', JSON.stringify(h), attempt(() => stream.respond(h))]);
      if (!stream.headersSent) stream.respond({ ':status': 200 }, { endStream: true });
      else stream.end();
      return;
    }
    if (path === '/info') {
      stream.additionalHeaders({ ':status': 103, link: '</a.css>; rel=preload' });
      seen.push(['info twice', attempt(() => stream.additionalHeaders({ ':status': 200 }))]);
      stream.respond({ ':status': 200, 'x-list': ['1', '2'], 'set-cookie': ['a=1', 'b=2'] });
      seen.push(['respond twice', attempt(() => stream.respond({ ':status': 200 }))]);
      seen.push(['info after respond', attempt(() => stream.additionalHeaders({ ':status': 103 }))]);
      stream.end('body');
      return;
    }
    if (path === '/trailers') {
      stream.respond({ ':status': 200 }, { waitForTrailers: true });
      seen.push(['trailers early', attempt(() => stream.sendTrailers({ a: '1' }))]);
      stream.on('wantTrailers', () => {
        seen.push(['wantTrailers']);
        stream.sendTrailers({ 'x-t': 'done' });
        seen.push(['trailers twice', attempt(() => stream.sendTrailers({ a: '1' }))]);
      });
      stream.end('t');
      return;
    }
    if (path === '/reset') {
      stream.close(http2.constants.NGHTTP2_ENHANCE_YOUR_CALM);
      return;
    }
    let body = '';
    stream.setEncoding('utf8');
    stream.on('data', (d) => { body += d; });
    stream.on('end', () => {
      stream.respond({ ':status': 200, 'content-type': 'text/plain' });
      stream.end(`${headers[':method']} ${body.length}`);
    });
  });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  const one = (headers, body) => new Promise((resolve) => {
    const req = session.request(headers, body === undefined ? {} : { endStream: false });
    const events = [];
    const path = headers[':path'];
    events.push(['pending', req.pending]);
    for (const name of ['ready', 'continue', 'end', 'aborted']) req.on(name, () => events.push([name]));
    req.on('response', (h, flags, raw) => events.push(['response', mask(h), flags, maskRaw(raw)]));
    req.on('headers', (h, flags) => events.push(['headers', h, flags]));
    req.on('trailers', (h, flags) => events.push(['trailers', h, flags]));
    req.on('error', (err) => events.push(['error', err.name, err.code, err.message]));
    req.setEncoding('utf8');
    req.on('data', (d) => events.push(['data', d]));
    req.on('close', () => {
      events.push(['close', req.rstCode, req.closed, req.destroyed]);
      seen.push([`client ${path}`, events]);
      resolve();
    });
    if (body !== undefined) req.end(body);
  });
  await one({ ':path': '/get', 'x-a': ['1', '2'], cookie: ['c=1', 'd=2'], 'user-agent': 'diff' });
  await one({ ':method': 'POST', ':path': '/post' }, 'x'.repeat(70000));
  for (let i = 0; i < kBadResponses.length; i++) await one({ ':path': `/invalid/${i}` });
  await one({ ':path': '/info' });
  await one({ ':path': '/trailers' });
  await one({ ':path': '/reset' });
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('requests', seen);
}

async function compatCases() {
  const seen = [];
  const server = http2.createServer((req, res) => {
    seen.push(['req', req.method, req.url, req.httpVersion, req.authority !== undefined,
      req.scheme, Object.keys(req.headers)]);
    seen.push(['statusCode default', res.statusCode]);
    seen.push(['set pseudo', attempt(() => res.setHeader(':path', 'x'))]);
    seen.push(['statusCode 99', attempt(() => { res.statusCode = 99; })]);
    seen.push(['statusCode 1000', attempt(() => { res.statusCode = 1000; })]);
    res.setHeader('X-Up', 'A');
    res.setHeader('set-cookie', ['s=1', 't=2']);
    seen.push(['getHeader', res.getHeader('x-up'), res.hasHeader('X-UP'), res.getHeaderNames()]);
    res.removeHeader('x-up');
    seen.push(['headersSent before', res.headersSent]);
    res.writeHead(201, { 'x-w': 'h' });
    seen.push(['headersSent after', res.headersSent]);
    seen.push(['setHeader after', attempt(() => res.setHeader('a', 'b'))]);
    res.end('compat');
    seen.push(['finished', res.finished, res.writableEnded]);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  await new Promise((resolve) => {
    const req = session.request({ ':path': '/c?x=1' });
    req.on('response', (h) => seen.push(['response', mask(h)]));
    let text = '';
    req.on('data', (d) => { text += d; });
    req.on('end', () => {
      seen.push(['text', text]);
      resolve();
    });
  });
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('compat', seen);
}

async function sessionCases() {
  const seen = [];
  const server = await startServer((stream) => stream.respond({ ':status': 200 }, { endStream: true }));
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  seen.push(['connecting', session.connecting, session.type, session.encrypted]);
  await new Promise((resolve) => session.on('connect', resolve));
  seen.push(['connected', session.connecting, session.alpnProtocol, session.closed, session.destroyed]);
  await new Promise((resolve) => session.on('remoteSettings', (s) => {
    seen.push(['remoteSettings', s]);
    resolve();
  }));
  seen.push(['ping bad', attempt(() => session.ping(Buffer.alloc(3), () => {}))]);
  await new Promise((resolve) => session.ping(Buffer.from('abcdefgh'), (err, ms, payload) => {
    seen.push(['ping', err, typeof ms, payload.toString()]);
    resolve();
  }));
  await new Promise((resolve) => session.settings({ maxConcurrentStreams: 7 }, (err, s) => {
    seen.push(['settings', err, s.maxConcurrentStreams]);
    resolve();
  }));
  seen.push(['settings bad', attempt(() => session.settings({ maxFrameSize: 1 }))]);
  seen.push(['request bad', attempt(() => session.request({ ':method': 'CONNECT' }))]);
  seen.push(['request bad path', attempt(() => session.request({ ':method': 'CONNECT',
    ':authority': 'x:1', ':path': '/' }))]);
  await new Promise((resolve) => session.close(resolve));
  seen.push(['after close', session.closed, session.destroyed,
    attempt(() => session.request({ ':path': '/' }))]);
  server.close();
  emit('session', seen);
}

async function pushAndFileCases() {
  const fs = require('fs');
  const os = require('os');
  const path = require('path');
  const seen = [];
  let pushedBody;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'h2diff-'));
  const file = path.join(dir, 'data.txt');
  fs.writeFileSync(file, 'file contents 0123456789');
  const server = await startServer((stream, headers) => {
    const p = headers[':path'];
    if (p === '/push') {
      seen.push(['pushAllowed', stream.pushAllowed]);
      stream.pushStream({ ':path': '/pushed.css' }, (err, pushed, pushedHeaders) => {
        seen.push(['pushStream cb', err, mask(pushedHeaders)]);
        pushed.respond({ ':status': 200, 'content-type': 'text/css' });
        pushed.end('body{}');
        seen.push(['nested push', attempt(() => pushed.pushStream({ ':path': '/x' }, () => {}))]);
        stream.respond({ ':status': 200 });
        stream.end('page');
      });
      return;
    }
    if (p === '/file') {
      stream.respondWithFile(file, { 'content-type': 'text/plain' });
      return;
    }
    if (p === '/file-range') {
      stream.respondWithFile(file, {}, { offset: 5, length: 8 });
      return;
    }
    if (p === '/file-missing') {
      stream.respondWithFile(path.join(dir, 'nope'), {}, {
        onError: (err) => {
          seen.push(['onError', err.code]);
          stream.respond({ ':status': 404 });
          stream.end();
        },
      });
      return;
    }
    if (p === '/fd') {
      const fd = fs.openSync(file, 'r');
      stream.respondWithFD(fd, { 'content-type': 'text/plain' });
      stream.on('close', () => fs.closeSync(fd));
    }
  });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  session.on('stream', (pushed, headers, flags) => {
    let text = '';
    pushed.on('push', (h) => seen.push(['client push response', mask(h)]));
    pushed.setEncoding('utf8');
    pushed.on('data', (d) => { text += d; });
    pushed.on('end', () => { pushedBody = text; });
    seen.push(['client stream', mask(headers), flags]);
  });
  const get = (p) => new Promise((resolve) => {
    const req = session.request({ ':path': p });
    let text = '';
    req.on('response', (h) => seen.push([`${p} response`, mask(h)]));
    req.setEncoding('utf8');
    req.on('data', (d) => { text += d; });
    req.on('close', () => {
      seen.push([`${p} body`, text]);
      resolve();
    });
  });
  for (const p of ['/push', '/file', '/file-range', '/file-missing', '/fd']) await get(p);
  await new Promise((resolve) => session.close(resolve));
  server.close();
  fs.rmSync(dir, { recursive: true });
  seen.push(['pushed body', pushedBody]);
  emit('push and files', seen);
}

// Never-indexed fields: the ones marked with http2.sensitiveHeaders, and
// those Node marks itself (authorization, a short cookie), as the peer sees
// them.
async function sensitiveCases() {
  const seen = [];
  const server = await startServer((stream, headers) => {
    seen.push(['server sees', headers[http2.sensitiveHeaders]]);
    stream.respond({
      ':status': 200, 'x-secret': 'v', 'x-plain': 'p', 'set-cookie': ['a=1', 'b=2'],
      [http2.sensitiveHeaders]: ['x-secret', 'Set-Cookie'],
    }, { endStream: true });
  });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  const ask = (headers) => new Promise((resolve) => {
    const req = session.request(headers);
    req.on('response', (h) => seen.push(['client sees', h[http2.sensitiveHeaders]]));
    req.on('close', resolve);
    req.resume();
  });
  await ask({ ':path': '/', authorization: 'tok', cookie: 'c=1', 'x-a': 'b',
              [http2.sensitiveHeaders]: ['x-a'] });
  await ask({ ':path': '/', cookie: 'long-cookie-value=0123456789abcdef' });
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('sensitive headers', seen);
}

// maxHeaderListPairs: a request with more fields is refused.
async function headerPairsCases() {
  const seen = [];
  const server = await startServer((stream, headers) => {
    seen.push(['server stream', Object.keys(headers).length]);
    stream.respond({ ':status': 200 }, { endStream: true });
  }, { maxHeaderListPairs: 10 });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  for (const n of [6, 7, 300]) {
    await new Promise((resolve) => {
      const headers = { ':path': '/' };
      for (let i = 0; i < n; i++) headers[`x-h${i}`] = 'v';
      const req = session.request(headers);
      req.on('response', (h) => seen.push([n, 'response', h[':status']]));
      req.on('error', (err) => seen.push([n, 'error', err.code, err.message]));
      req.on('close', () => {
        seen.push([n, 'close', req.rstCode]);
        resolve();
      });
      req.resume();
    });
  }
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('maxHeaderListPairs', seen);
}

// Requests cancelled right after they were made still reach the server
// (their HEADERS go out before the RST_STREAM), whose respond() then works.
async function cancelCases() {
  const seen = [];
  const server = await startServer((stream) => {
    stream.on('error', (err) => seen.push(['server stream error', err.code]));
    stream.respond({ ':status': 200 });
    stream.end('x');
    seen.push(['server stream']);
  });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  await new Promise((resolve) => session.on('connect', resolve));
  const closed = [];
  for (let i = 0; i < 3; i++) {
    const req = session.request({ ':path': '/' });
    req.on('error', (err) => seen.push(['client error', err.code]));
    closed.push(new Promise((resolve) => req.on('close', () => resolve(req.rstCode))));
    req.close(http2.constants.NGHTTP2_CANCEL);
  }
  seen.push(['client rstCodes', await Promise.all(closed)]);
  await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('cancelled at once', seen);
}

// ALTSVC and ORIGIN from a cleartext server: the calls' checks, and the
// client's 'altsvc' events (ORIGIN counts over TLS only).
async function extensionFrameCases() {
  const seen = [];
  const server = await startServer((stream) => stream.respond({ ':status': 200 }, { endStream: true }));
  server.on('session', (session) => {
    for (const [alt, o] of [['h2=":8000"', 'https://example.org:8111/this'], ['h2=":8000"', 1],
      ['bad alt\n', 'https://a'], ['h2=":1"', 'null'], ['x'.repeat(17000), 'https://a'], ['h2=":1"', {}],
      ['h2=":1"', new URL('http://u.example')], [1, 'https://a'], ['h2=":1"', 0],
      ['h2=":1"', { origin: 'https://b.example' }]]) {
      seen.push(['altsvc', String(o).slice(0, 40), attempt(() => session.altsvc(alt, o))]);
    }
    for (const o of [['https://o1.example', new URL('https://o2.example:444/x')], ['null'], [42],
      ['x'.repeat(17000)], [{ origin: 'https://c.example' }]]) {
      seen.push(['origin', String(o[0]).slice(0, 40), attempt(() => session.origin(...o))]);
    }
  });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  session.on('altsvc', (alt, origin, id) => seen.push(['client altsvc', alt, origin, id]));
  session.on('origin', (origins) => seen.push(['client origin', origins]));
  await new Promise((resolve) => session.request({ ':path': '/' }).on('close', resolve).resume());
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('altsvc and origin', seen);
}

// session.socket refuses what would corrupt the framing; past
// maxOutstandingPings a ping is cancelled at once.
async function socketAndPingCases() {
  const seen = [];
  const server = await startServer((stream) => stream.respond({ ':status': 200 }, { endStream: true }));
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`, { maxOutstandingPings: 2 });
  await new Promise((resolve) => session.on('connect', resolve));
  const { socket } = session;
  seen.push(['socket', typeof socket, socket.constructor.name, typeof socket.remotePort,
    socket.remoteAddress, socket.encrypted]);
  for (const method of ['write', 'pause', 'resume', 'end', 'destroy', 'read', 'emit']) {
    seen.push([method, attempt(() => socket[method]('x'))]);
  }
  seen.push(['setTimeout', attempt(() => socket.setTimeout(1000) === session)]);
  const answers = [];
  for (let i = 0; i < 4; i++) {
    answers.push(new Promise((resolve) => {
      const sent = session.ping((err) => {
        seen.push(['ping answer', i, err && err.code]);
        resolve();
      });
      seen.push(['ping sent', i, sent]);
    }));
  }
  await Promise.all(answers);
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('socket proxy and pings', seen);
}

// The compatibility API's sendDate = false: no Date header at all (the
// core API adds one even for date: undefined).
async function sendDateCases() {
  const seen = [];
  const server = http2.createServer((req, res) => {
    res.sendDate = req.url !== '/no-date';
    res.end('x');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  for (const path of ['/no-date', '/date']) {
    await new Promise((resolve) => {
      const req = session.request({ ':path': path });
      req.on('response', (h) => seen.push([path, 'date' in h]));
      req.on('close', resolve);
      req.resume();
    });
  }
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('compat sendDate', seen);
}

// What a stream still tells once it closed: no session, an empty state.
async function closedStreamCases() {
  const seen = [];
  const server = await startServer((stream) => {
    stream.on('close', () => seen.push(['server', stream.session, stream.state]));
    stream.respond({ ':status': 200 });
    stream.end('x');
  });
  const session = http2.connect(`http://127.0.0.1:${server.address().port}`);
  await new Promise((resolve) => {
    const req = session.request({ ':path': '/' });
    req.on('end', () => seen.push(['end', req.session === session]));
    req.on('close', () => {
      seen.push(['client', req.session, req.destroyed, typeof req.bufferSize, req.state]);
      resolve();
    });
    req.resume();
  });
  await new Promise((resolve) => session.close(resolve));
  server.close();
  emit('closed stream', seen);
}

async function main() {
  staticCases();
  await closedStreamCases();
  await sendDateCases();
  await socketAndPingCases();
  await extensionFrameCases();
  await cancelCases();
  await headerPairsCases();
  await sensitiveCases();
  await pushAndFileCases();
  await requestCases();
  await compatCases();
  await sessionCases();
}

main();
