'use strict';
// Differential corpus for fetch() against a scripted raw HTTP server
// (lib/raw_http.js): what the server receives for each body kind, response
// bodies read every way, redirect modes and method rules, content
// decoding, aborts and timeouts, connection errors with their cause,
// keep-alive reuse, and the classes' own rules (Headers guards, Response
// statics, body reuse errors). Ports and multipart boundaries are masked.

const zlib = require('zlib');
const { inspect } = require('util');
const { makeEmit } = require('./lib/emit');
const { serve, response } = require('./lib/raw_http');

const emit = makeEmit();

function mask(text, server) {
  let out = String(text);
  if (server) out = out.split(server.address().port).join('PORT');
  return out.replace(/-{2,}[\w-]*?\d{6,}[\w-]*/g, 'BOUNDARY')
    .replace(/boundary=[^;\s"]+/g, 'boundary=BOUNDARY');
}

function describeError(err, server) {
  const out = [err.name, err.constructor.name, mask(err.message, server)];
  if (err.code !== undefined) out.push(`code=${err.code}`);
  const cause = err.cause;
  if (cause !== undefined) {
    out.push(cause === null || typeof cause !== 'object' ? ['cause', String(cause)] : [
      'cause', cause.name, mask(cause.message, server), cause.code, cause.syscall,
      cause.address, cause.port === undefined ? undefined : 'PORT',
    ]);
  }
  return out;
}

async function settle(promise, server) {
  try {
    return ['ok', await promise];
  } catch (err) {
    return ['throws', describeError(err, server)];
  }
}

function heads(res) {
  return [res.status, res.statusText, res.ok, res.redirected, res.type, [...res.headers]];
}

function received(req, server) {
  const keep = ['content-type', 'content-length', 'transfer-encoding', 'content-encoding',
    'accept', 'accept-encoding', 'accept-language', 'sec-fetch-mode', 'user-agent',
    'connection', 'x-test', 'origin', 'authorization', 'cookie'];
  return {
    method: req.method,
    target: req.target,
    headers: keep.filter((k) => k in req.headers).map((k) => `${k}: ${mask(req.headers[k], server)}`),
    body: mask(req.body.toString('latin1'), server),
  };
}

async function echoCases() {
  const server = await serve((req, socket) => {
    socket.write(response(200, 'OK', [['Content-Type', 'text/plain']], 'echo'));
  });
  const url = `${server.origin}/echo`;
  const stream = () => new ReadableStream({
    start(c) {
      c.enqueue(new TextEncoder().encode('chunk1,'));
      c.enqueue(new TextEncoder().encode('chunk2'));
      c.close();
    },
  });
  const form = () => {
    const f = new FormData();
    f.append('a', '1');
    f.append('file', new Blob(['blob-bytes'], { type: 'text/x-thing' }), 'b.txt');
    f.append('plain', new File(['file-bytes'], 'f.bin'));
    return f;
  };
  const bodies = {
    string: () => 'hello',
    buffer: () => Buffer.from('buf'),
    uint8array: () => new Uint8Array([104, 105]),
    arraybuffer: () => new Uint8Array([1, 2, 3]).buffer,
    dataview: () => new DataView(new Uint8Array([65, 66]).buffer),
    urlsearchparams: () => new URLSearchParams({ a: '1', b: 'two words' }),
    formdata: form,
    blob: () => new Blob(['bl', 'ob'], { type: 'application/x-blob' }),
    blobUntyped: () => new Blob(['x']),
    file: () => new File(['contents'], 'name.txt', { type: 'text/plain' }),
    stream,
    emptyString: () => '',
    number: () => 42,
  };
  for (const [name, make] of Object.entries(bodies)) {
    const init = { method: 'POST', body: make() };
    if (name === 'stream') init.duplex = 'half';
    const before = server.requests.length;
    const r = await settle(fetch(url, init).then((res) => res.text()), server);
    const req = server.requests[before];
    emit(`post ${name}`, [r, req && received(req, server)]);
  }
  emit('stream without duplex', await settle(fetch(url, { method: 'POST', body: stream() }), server));
  emit('GET with body', await settle(fetch(url, { body: 'x' }), server));
  emit('HEAD with body', await settle(fetch(url, { method: 'HEAD', body: 'x' }), server));
  for (const method of ['GET', 'get', 'PUT', 'patch', 'DELETE', 'OPTIONS', 'CONNECT', 'TRACE', 'bad method', 'M-SEARCH']) {
    const before = server.requests.length;
    const r = await settle(fetch(url, { method }).then(heads), server);
    const req = server.requests[before];
    emit(`method ${method}`, [r, req && req.method]);
  }
  {
    const before = server.requests.length;
    await fetch(url, {
      headers: { 'X-Test': 'a', Accept: 'application/json', 'Accept-Language': 'de' },
    }).then((res) => res.text());
    emit('request headers', received(server.requests[before], server));
    await fetch(url, { headers: [['x-test', 'one'], ['X-Test', 'two']] }).then((r) => r.text());
    emit('repeated request header', received(server.requests[before + 1], server).headers);
    await fetch(new Request(url, { method: 'PUT', body: 'from request', headers: { 'x-test': 'req' } }))
      .then((r) => r.text());
    emit('request object', received(server.requests[before + 2], server));
  }
  
  server.stop();
}

async function bodyCases() {
  const routes = {
    '/text': () => response(200, 'OK', [['Content-Type', 'text/plain; charset=utf-8']], 'h\u00e9llo'),
    '/json': () => response(200, 'OK', [['Content-Type', 'application/json']], '{"a":[1,2],"b":null}'),
    '/badjson': () => response(200, 'OK', [['Content-Type', 'application/json']], '{"a":'),
    '/chunked': () => 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n\r\n' +
      '3\r\nabc\r\n4\r\ndefg\r\n1\r\nh\r\n0\r\n\r\n',
    '/urlencoded': () => response(200, 'OK', [['Content-Type', 'application/x-www-form-urlencoded']], 'a=1&b=x+y&c=%26'),
    '/multipart': () => response(200, 'OK', [['Content-Type', 'multipart/form-data; boundary=XyZ']],
      '--XyZ\r\nContent-Disposition: form-data; name="f1"\r\n\r\nvalue1\r\n' +
      '--XyZ\r\nContent-Disposition: form-data; name="up"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n--XyZ--\r\n'),
    '/empty': () => response(204, 'No Content', [], ''),
    '/notfound': () => response(404, 'Not Found', [['Content-Type', 'text/html']], '<h1>nope</h1>'),
    '/headers': () => response(200, 'Fine', [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2'], ['X-Multi', 'x'], ['x-multi', 'y'], ['ETag', '"abc"']], ''),
    '/short': () => 'HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc',
    '/garbage': () => 'NOT HTTP AT ALL\r\n\r\n',
  };
  const server = await serve((req, socket) => {
    const route = routes[req.target];
    const out = route();
    if (req.target === '/short' || req.target === '/garbage') socket.end(out);
    else socket.write(out);
  });
  const get = (p, init) => fetch(server.origin + p, init);
  emit('text', await settle(get('/text').then(async (r) => [heads(r), await r.text()]), server));
  emit('json', await settle(get('/json').then((r) => r.json()), server));
  emit('bad json', await settle(get('/badjson').then((r) => r.json()), server));
  emit('arrayBuffer', await settle(get('/chunked').then(async (r) => {
    const ab = await r.arrayBuffer();
    return [inspect(ab.constructor.name), ab.byteLength, Buffer.from(ab).toString()];
  }), server));
  emit('blob', await settle(get('/json').then(async (r) => {
    const b = await r.blob();
    return [b.constructor.name, b.size, b.type, await b.text()];
  }), server));
  emit('reader', await settle(get('/chunked').then(async (r) => {
    const reader = r.body.getReader();
    let all = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      all += Buffer.from(value).toString();
      if (!(value instanceof Uint8Array)) all += '(not u8)';
    }
    return [r.bodyUsed, all];
  }), server));
  emit('for await', await settle(get('/chunked').then(async (r) => {
    let all = '';
    for await (const chunk of r.body) all += Buffer.from(chunk).toString();
    return [r.body.constructor.name, all];
  }), server));
  emit('formData urlencoded', await settle(get('/urlencoded').then(async (r) => [...await r.formData()]), server));
  emit('formData multipart', await settle(get('/multipart').then(async (r) => {
    const fd = await r.formData();
    const up = fd.get('up');
    return [fd.get('f1'), up.constructor.name, up.name, up.type, await up.text()];
  }), server));
  emit('formData of text', await settle(get('/text').then((r) => r.formData()), server));
  emit('204', await settle(get('/empty').then(async (r) => [heads(r), r.body, await r.text()]), server));
  emit('404', await settle(get('/notfound').then(async (r) => [heads(r), await r.text()]), server));
  emit('response headers', await settle(get('/headers').then((r) => [heads(r), r.headers.getSetCookie(), r.headers.get('x-multi')]), server));
  emit('body reused', await settle(get('/text').then(async (r) => {
    await r.text();
    return r.text();
  }), server));
  emit('clone', await settle(get('/text').then(async (r) => {
    const c = r.clone();
    return [await r.text(), await c.text(), r.bodyUsed, c.bodyUsed];
  }), server));
  emit('clone after use', await settle(get('/text').then(async (r) => {
    await r.text();
    return r.clone();
  }), server));
  emit('truncated body', await settle(get('/short').then((r) => r.text()), server));
  emit('not http', await settle(get('/garbage'), server));
  server.stop();
}

async function redirectCases() {
  const server = await serve((req, socket) => {
    const m = /^\/r(\d{3})(\/.*)?$/.exec(req.target);
    if (m) {
      socket.write(response(Number(m[1]), 'Moved', [['Location', m[2] || '/final']], 'redirect body'));
    } else if (req.target === '/loop') {
      socket.write(response(302, 'Found', [['Location', '/loop']]));
    } else if (req.target === '/nolocation') {
      socket.write(response(302, 'Found', []));
    } else if (req.target === '/badlocation') {
      socket.write(response(302, 'Found', [['Location', 'http://[::1']]));
    } else {
      socket.write(response(200, 'OK', [], `${req.method} ${req.target} body=${req.body}`));
    }
  });
  for (const status of [301, 302, 303, 307, 308]) {
    for (const method of ['GET', 'POST', 'PUT']) {
      const init = { method };
      if (method !== 'GET') init.body = 'payload';
      const before = server.requests.length;
      const r = await settle(fetch(`${server.origin}/r${status}`, init)
        .then(async (res) => [heads(res), mask(res.url, server), await res.text()]), server);
      const seen = server.requests.slice(before).map((q) => received(q, server));
      emit(`redirect ${status} ${method}`, [r, seen]);
    }
  }
  emit('manual', await settle(fetch(`${server.origin}/r302`, { redirect: 'manual' })
    .then(async (res) => [heads(res), mask(res.url, server), await res.text()]), server));
  emit('error mode', await settle(fetch(`${server.origin}/r301`, { redirect: 'error' }), server));
  emit('bad mode', await settle(fetch(`${server.origin}/r301`, { redirect: 'bogus' }), server));
  emit('loop', await settle(fetch(`${server.origin}/loop`), server));
  emit('no location', await settle(fetch(`${server.origin}/nolocation`).then(heads), server));
  emit('bad location', await settle(fetch(`${server.origin}/badlocation`), server));
  emit('redirect chain', await settle(fetch(`${server.origin}/r301/r307/r308/done`, { method: 'POST', body: 'p' })
    .then(async (res) => [res.redirected, mask(res.url, server), await res.text()]), server));
  emit('stream body redirect', await settle(fetch(`${server.origin}/r307`, {
    method: 'POST', duplex: 'half', body: new ReadableStream({ start(c) { c.enqueue(new Uint8Array([1])); c.close(); } }),
  }), server));
  server.stop();
}

async function encodingCases() {
  const text = 'compressed text '.repeat(50);
  const encoders = {
    gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync,
    'x-gzip': zlib.gzipSync, 'deflate-raw': zlib.deflateRawSync,
  };
  const server = await serve((req, socket) => {
    const name = req.target.slice(1);
    if (name === 'gzip, br') {
      const body = zlib.brotliCompressSync(zlib.gzipSync(text));
      socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: gzip, br\r\nContent-Length: ${body.length}\r\n\r\n`), body]));
      return;
    }
    if (name === 'corrupt') {
      socket.write('HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\nabcde');
      return;
    }
    if (name === 'identity' || name === 'unknown') {
      socket.write(response(200, 'OK', [['Content-Encoding', name]], text));
      return;
    }
    const body = (encoders[name] || ((b) => b))(Buffer.from(text));
    socket.write(Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: ${name === 'deflate-raw' ? 'deflate' : name}\r\nContent-Length: ${body.length}\r\n\r\n`), body]));
  });
  for (const name of [...Object.keys(encoders), 'gzip, br', 'identity', 'unknown', 'corrupt']) {
    const before = server.requests.length;
    const r = await settle(fetch(`${server.origin}/${name}`).then(async (res) => {
      const body = await res.text();
      return [res.headers.get('content-encoding'), res.headers.get('content-length') !== null, body.length, body.slice(0, 20)];
    }), server);
    emit(`encoding ${name}`, [r, server.requests[before] && server.requests[before].headers['accept-encoding']]);
  }
  server.stop();
}

async function keepAliveCases() {
  const server = await serve((req, socket) => {
    // A Keep-Alive timeout of 1 s is within undici's 1 s safety margin:
    // it closes each socket after its response.
    socket.write(response(200, 'OK', [['Keep-Alive', 'timeout=1']], `n${server.requests.length}`));
  });
  const texts = [];
  for (let i = 0; i < 4; i++) texts.push(await fetch(`${server.origin}/ka`).then((r) => r.text()));
  const parallel = await Promise.all([1, 2, 3].map(() => fetch(`${server.origin}/p`).then((r) => r.text())));
  emit('keep-alive reuse', [texts, server.requests.slice(0, 4).map((r) => r.connection), parallel.length, server.accepted]);
  // Without the hint, an idle socket is reused once undici has freed it
  // (a loop turn after its response).
  const plain = await serve((req, socket) => socket.write(response(200, 'OK', [], 'p')));
  for (let i = 0; i < 4; i++) {
    await fetch(`${plain.origin}/`).then((r) => r.text());
    await new Promise((r) => setImmediate(r));
  }
  emit('keep-alive idle reuse', [plain.requests.map((r) => r.connection), plain.accepted]);
  plain.stop();
  const closing = await serve((req, socket) => {
    socket.write(response(200, 'OK', [['Connection', 'close']], 'bye'));
    socket.end();
  });
  for (let i = 0; i < 2; i++) await fetch(`${closing.origin}/`).then((r) => r.text());
  emit('connection close', closing.accepted);
  closing.stop();
  server.stop();
}

async function abortCases() {
  const sockets = [];
  const server = await serve((req, socket) => {
    sockets.push(socket);
    if (req.target === '/slowbody') {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npart');
    } else if (req.target === '/soon') {
      socket.write(response(200, 'OK', [], 'quick'));
    }
    // anything else never answers
  });
  {
    const ac = new AbortController();
    ac.abort();
    emit('pre-aborted', await settle(fetch(`${server.origin}/hang`, { signal: ac.signal }), server));
  }
  {
    const ac = new AbortController();
    ac.abort(new Error('my reason'));
    emit('pre-aborted reason', await settle(fetch(`${server.origin}/hang`, { signal: ac.signal }), server));
  }
  {
    const ac = new AbortController();
    const p = fetch(`${server.origin}/hang`, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    emit('aborted in flight', await settle(p, server));
  }
  {
    const ac = new AbortController();
    const p = fetch(`${server.origin}/hang`, { signal: ac.signal });
    setTimeout(() => ac.abort('string reason'), 20);
    emit('aborted with string', await settle(p, server));
  }
  emit('AbortSignal.timeout', await settle(fetch(`${server.origin}/hang`, { signal: AbortSignal.timeout(30) }), server));
  {
    const ac = new AbortController();
    const res = await fetch(`${server.origin}/slowbody`, { signal: ac.signal });
    const textP = res.text();
    setTimeout(() => ac.abort(), 20);
    emit('aborted during body', [res.status, await settle(textP, server)]);
  }
  {
    const ac = new AbortController();
    const res = await fetch(`${server.origin}/soon`, { signal: ac.signal });
    ac.abort();
    emit('aborted after response', await settle(res.text(), server));
  }
  emit('signal not a signal', await settle(fetch(`${server.origin}/soon`, { signal: {} }), server));
  for (const s of sockets) s.destroy();
  server.stop();
}

async function errorCases() {
  const closed = await serve(() => {});
  const port = closed.address().port;
  await new Promise((resolve) => closed.close(resolve));
  const portMask = { address: () => ({ port }) };
  emit('ECONNREFUSED', await settle(fetch(`http://127.0.0.1:${port}/`), portMask));
  const resetting = await serve((req, socket) => socket.destroy());
  emit('socket closed', await settle(fetch(`${resetting.origin}/`), resetting));
  resetting.stop();
  for (const input of ['not a url', '/relative', 'ftp://x/', 'file:///etc/hostname', 'http://user:pw@127.0.0.1:1/',
    'blob:nothing', 'about:blank', 'http://[::1', '']) {
    emit(`bad input ${input}`, await settle(fetch(input)));
  }
  emit('data url', await settle(fetch('data:text/plain;base64,aGVsbG8=').then(async (r) => [heads(r), r.url, await r.text()])));
  emit('data url json', await settle(fetch('data:application/json,{"x":1}').then((r) => r.json())));
  emit('no args', await settle(fetch()));
  emit('bad init', await settle(fetch('http://127.0.0.1:1/', 'nope')));
  emit('bad header', await settle(fetch('http://127.0.0.1:1/', { headers: { 'bad name': 'x' } })));
  emit('bad header value', await settle(fetch('http://127.0.0.1:1/', { headers: { x: 'a\nb' } })));
  emit('bad mode navigate', await settle(fetch('http://127.0.0.1:1/', { mode: 'navigate' })));
  emit('bad window', await settle(fetch('http://127.0.0.1:1/', { window: {} })));
}

function syncCase(label, fn) {
  try {
    emit(label, ['ok', fn()]);
  } catch (err) {
    emit(label, ['throws', describeError(err)]);
  }
}

async function classCases() {
  syncCase('Headers basics', () => {
    const h = new Headers({ B: '2', a: '1' });
    h.append('a', 'x');
    h.append('Set-Cookie', 'c=1');
    h.append('set-cookie', 'd=2');
    return [[...h], h.get('A'), h.has('b'), [...h.keys()], h.getSetCookie(), inspect(h)];
  });
  syncCase('Headers delete', () => {
    const h = new Headers([['x', '1']]);
    h.delete('X');
    return [...h];
  });
  syncCase('Headers bad name', () => new Headers({ 'a b': '1' }));
  syncCase('Headers bad value', () => new Headers({ a: 'x\r\ny' }));
  syncCase('Headers bad init', () => new Headers([['a']]));
  syncCase('Headers bad init 2', () => new Headers(5));
  syncCase('Headers value trimmed', () => [...new Headers({ a: '  spaced \t' })]);
  syncCase('Headers forEach', () => {
    const out = [];
    new Headers({ b: '2', a: '1' }).forEach((v, k, o) => out.push([k, v, o.constructor.name]));
    return out;
  });
  syncCase('Response.error', () => {
    const r = Response.error();
    return [r.type, r.status, r.statusText, r.ok, r.body];
  });
  syncCase('Response.error headers immutable', () => Response.error().headers.set('a', 'b'));
  syncCase('Response.redirect', () => {
    const r = Response.redirect('http://example.com/x', 307);
    return [r.status, r.headers.get('location'), r.type];
  });
  syncCase('Response.redirect headers immutable', () => Response.redirect('http://example.com/').headers.append('a', '1'));
  syncCase('Response.redirect bad status', () => Response.redirect('http://example.com/', 200));
  syncCase('Response.redirect bad url', () => Response.redirect('not a url'));
  emit('Response.json', await settle((async () => {
    const r = Response.json({ a: 1 }, { status: 201, headers: { 'x-y': 'z' } });
    return [r.status, [...r.headers], await r.text()];
  })()));
  syncCase('Response.json unserializable', () => Response.json(1n));
  syncCase('Response bad status', () => new Response('x', { status: 99 }));
  syncCase('Response null body status', () => new Response('x', { status: 204 }));
  syncCase('Response bad statusText', () => new Response('x', { statusText: 'a\nb' }));
  emit('Response bodies', await settle(Promise.all([
    new Response('str').text(), new Response(new Uint8Array([65])).text(),
    new Response(new URLSearchParams('a=1')).text(), new Response(null).text(),
    new Response(new Blob(['b'])).text(),
  ].map((p) => p))));
  syncCase('Response defaults', () => {
    const r = new Response('x');
    return [r.status, r.statusText, r.ok, r.type, r.url, r.redirected, r.bodyUsed, [...r.headers]];
  });
  syncCase('Response content types', () => [
    new Response('s').headers.get('content-type'),
    new Response(new URLSearchParams('a=1')).headers.get('content-type'),
    new Response(new Blob(['x'], { type: 'image/png' })).headers.get('content-type'),
    new Response(new Uint8Array(1)).headers.get('content-type'),
  ]);
  syncCase('Request defaults', () => {
    const r = new Request('http://example.com/a?b#c');
    return [r.method, r.url, r.mode, r.credentials, r.cache, r.redirect, r.referrer, r.integrity,
      r.keepalive, r.destination, r.signal.constructor.name, r.duplex, [...r.headers], r.body];
  });
  syncCase('Request forbidden method', () => new Request('http://example.com/', { method: 'CONNECT' }));
  syncCase('Request invalid method', () => new Request('http://example.com/', { method: 'a b' }));
  syncCase('Request relative', () => new Request('/x'));
  syncCase('Request credentials url', () => new Request('http://u:p@example.com/'));
  syncCase('Request GET body', () => new Request('http://example.com/', { body: 'x' }));
  syncCase('Request clone', () => {
    const r = new Request('http://example.com/', { method: 'POST', body: 'b', headers: { a: '1' } });
    const c = r.clone();
    return [c.method, [...c.headers], c.body !== null];
  });
  syncCase('Request headers guard no-cors', () => {
    const r = new Request('http://example.com/', { mode: 'no-cors' });
    r.headers.set('x-custom', '1');
    return [...r.headers];
  });
  syncCase('FormData', () => {
    const f = new FormData();
    f.append('a', '1');
    f.append('a', '2');
    f.set('b', new Blob(['x']), 'x.txt');
    const file = f.get('b');
    return [f.getAll('a'), f.has('b'), file.constructor.name, file.name, [...f.keys()],
      inspect(f).replace(/lastModified: \d+/, 'lastModified: T')];
  });
  syncCase('FormData bad append', () => new FormData().append('a', 'b', 'c'));
  syncCase('FormData form arg', () => new FormData({}));
  syncCase('inspect Response', () => inspect(new Response('x', { status: 201, headers: { a: '1' } })));
  syncCase('inspect Request', () => inspect(new Request('http://example.com/', { headers: { a: '1' } })));
  syncCase('class names', () => [fetch.name, fetch.length, Request.name, Response.name, Headers.name, FormData.name,
    Object.prototype.toString.call(new Headers()), String(new Response()), typeof WebSocket, typeof EventSource]);
  syncCase('global descriptors', () => ['fetch', 'Request', 'Response', 'Headers', 'FormData'].map((n) => {
    const d = Object.getOwnPropertyDescriptor(globalThis, n);
    return [n, 'value' in d, d.enumerable, d.configurable];
  }));
}

async function moreCases() {
  const server = await serve((req, socket) => {
    socket.write(response(200, 'OK', [['Content-Type', 'text/plain']], `${req.method} ${req.target} ${req.body}`));
  });
  const blobUrl = URL.createObjectURL(new Blob(['blob data'], { type: 'text/x-blob' }));
  emit('blob url', await settle(fetch(blobUrl).then(async (r) => [heads(r), await r.text()])));
  {
    const { resolveObjectURL } = require('buffer');
    const id = blobUrl.slice('blob:nodedata:'.length);
    emit('blob url shape', /^blob:nodedata:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(blobUrl));
    const forms = [blobUrl, `${blobUrl}#f`, `${blobUrl}?q`, `BLOB:nodedata:${id}`, ` ${blobUrl}\n`,
      `blob:nodedata:${id.toUpperCase()}`, `blob:other:${id}`, `blob:${id}`, `blob:nodedata:${id}:x`, 'blob:nodedata:', 42];
    emit('resolveObjectURL forms', forms.map((f) => {
      const b = resolveObjectURL(f);
      return b === undefined ? 'none' : [b.constructor.name, b.size, b.type];
    }));
    emit('resolveObjectURL fresh blob', resolveObjectURL(blobUrl) !== resolveObjectURL(blobUrl));
    for (const bad of [undefined, 'x', {}, new Uint8Array(1)]) {
      syncCase(`createObjectURL ${inspect(bad)}`, () => URL.createObjectURL(bad));
    }
    syncCase('revokeObjectURL no args', () => URL.revokeObjectURL());
    syncCase('revokeObjectURL junk', () => URL.revokeObjectURL('not a url'));
    const fileUrl = URL.createObjectURL(new File(['f'], 'f.txt', { type: 'text/f' }));
    emit('file url', await settle(fetch(fileUrl).then(async (r) => [heads(r), await r.text()])));
    URL.revokeObjectURL(`${fileUrl}#x`);
    emit('revoked with fragment', resolveObjectURL(fileUrl) === undefined);
  }
  URL.revokeObjectURL(blobUrl);
  emit('revoked blob url', await settle(fetch(blobUrl)));
  emit('URL object input', await settle(fetch(new URL('/u?x=1', server.origin)).then((r) => r.text()), server));
  emit('Headers object init', await settle(fetch(server.origin, { headers: new Headers({ 'x-test': 'h' }) })
    .then(async (r) => [await r.text(), received(server.requests.at(-1), server).headers]), server));
  emit('async iterable body', await settle(fetch(`${server.origin}/it`, {
    method: 'POST',
    duplex: 'half',
    body: (async function* gen() { yield 'a'; yield Buffer.from('b'); yield new Uint8Array([99]); })(),
  }).then((r) => r.text()), server));
  {
    const ac = new AbortController();
    const req = new Request(server.origin, { signal: ac.signal });
    ac.abort();
    emit('request signal follows', [req.signal.aborted, req.signal.reason && req.signal.reason.name]);
  }
  emit('tee via clone', await settle((async () => {
    const r = new Response(new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('x'));
        c.enqueue(new TextEncoder().encode('y'));
        c.close();
      },
    }));
    const c = r.clone();
    return [await c.text(), await r.text()];
  })()));
  emit('cancelled body', await settle(fetch(server.origin).then(async (r) => {
    await r.body.cancel();
    return [r.bodyUsed, r.body.locked];
  }), server));
  emit('json with BOM', await settle(new Response('\ufeff{"a":1}').json()));
  emit('text of latin1 bytes', await settle(new Response(new Uint8Array([0xe9, 0x41])).text()));
  server.stop();
}

(async () => {
  await classCases();
  await moreCases();
  await echoCases();
  await bodyCases();
  await redirectCases();
  await encodingCases();
  await keepAliveCases();
  await abortCases();
  await errorCases();
})();
