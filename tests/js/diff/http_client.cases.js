// Differential corpus for the http client (ClientRequest, request/get,
// Agent) against a raw TCP server on 127.0.0.1 that answers with scripted
// bytes: what the server receives (request bytes, with the port masked), the
// events a request and its response emit in order, response fields and
// bodies, errors (codes and messages), keep-alive reuse, 1xx, 100-continue,
// HEAD/204, chunked bodies and trailers, premature closes, upgrade and
// CONNECT, timeouts, abort/destroy/signal, and the synchronous option errors.
'use strict';

const http = require('http');
const net = require('net');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

let port;
// path -> script(socket, head, body): the server calls it once the request
// (head and body) arrived; script.early(socket, head), when there is one,
// as soon as the head did (100-continue).
const scripts = new Map();

// Bytes of a request body still to come in `text`: [body, rest] once whole, else null.
function splitBody(head, text) {
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (length) {
    const n = Number(length[1]);
    return text.length >= n ? [text.slice(0, n), text.slice(n)] : null;
  }
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
    const end = text.startsWith('0\r\n\r\n') ? 0 : text.indexOf('\r\n0\r\n\r\n');
    if (end < 0) return null;
    const stop = end === 0 ? 5 : end + 7;
    return [text.slice(0, stop), text.slice(stop)];
  }
  return ['', text];
}

const server = net.createServer((socket) => {
  let buffered = '';
  let head = null;
  let script = null;
  socket.on('error', () => {});
  socket.on('data', (data) => {
    buffered += data.toString('latin1');
    for (;;) {
      if (head === null) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        head = buffered.slice(0, end + 4);
        buffered = buffered.slice(end + 4);
        script = scripts.get(head.split(' ')[1]);
        if (script === undefined) {
          socket.destroy();
          return;
        }
        if (script.early) script.early(socket, head);
      }
      const split = splitBody(head, buffered);
      if (split === null) return;
      const [body, rest] = split;
      const current = head;
      head = null;
      buffered = rest;
      script(socket, current, body);
      if (buffered === '') return;
    }
  });
});

const mask = (text) => text.split(String(port)).join('PORT');

// Records a request's and its response's events until both settle.
function trace(req, { body = true } = {}) {
  const events = [];
  const note = (e) => events.push(e);
  return new Promise((resolve) => {
    let pending = 1;
    const settle = () => {
      if (--pending === 0) setImmediate(() => resolve(events));
    };
    req.on('socket', () => note('socket'));
    req.on('finish', () => note('finish'));
    req.on('abort', () => note('abort'));
    req.on('timeout', () => note('timeout'));
    req.on('continue', () => note('continue'));
    req.on('information', (info) => note(`information ${info.statusCode} ${info.statusMessage} ${JSON.stringify(info.headers)}`));
    // llhttp's reason text differs between its versions (libnode 18's 6.x,
    // Node 20's 8.x): a parse error shows its code and bytesParsed.
    req.on('error', (err) => note(err.code && err.code.startsWith('HPE_') ?
      `error ${err.code} bytesParsed=${err.bytesParsed} ${err.message.split(':')[0]}` :
      `error ${err.code} ${err.message}`));
    req.on('close', () => {
      note(`close destroyed=${req.destroyed}`);
      settle();
    });
    req.on('response', (res) => {
      pending++;
      note(`response ${res.statusCode} ${JSON.stringify(res.statusMessage)} ${res.httpVersion} ${JSON.stringify(res.rawHeaders)}`);
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('aborted', () => note('res aborted'));
      res.on('error', (err) => note(`res error ${err.code} ${err.message}`));
      res.on('end', () => note(`res end ${JSON.stringify(text)} trailers=${JSON.stringify(res.rawTrailers)} complete=${res.complete}`));
      res.on('close', () => {
        note(`res close aborted=${res.aborted} complete=${res.complete}`);
        settle();
      });
      if (!body) res.resume();
    });
  });
}

function respond(text) {
  return (socket) => socket.write(text);
}

const ok = (body, extra = '') =>
  `HTTP/1.1 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

async function run(label, path, script, makeRequest, opts) {
  const heads = [];
  const recorded = (socket, head, body) => {
    heads.push(mask(head + body));
    script(socket, head, body);
  };
  if (script.early) recorded.early = script.early;
  scripts.set(path, recorded);
  const req = makeRequest();
  const events = await trace(req, opts);
  emit(label, { events: events.map(mask), heads });
}

const agent = new http.Agent({ keepAlive: true });
const base = () => ({ host: '127.0.0.1', port, agent });

const cases = [
  ['GET', '/get', respond(ok('hello', 'X-Thing: 1\r\nx-thing: 2\r\n')),
    () => http.get({ ...base(), path: '/get' })],
  ['GET with a callback and a URL string', '/url?q=1', respond(ok('u')),
    () => http.get(`http://127.0.0.1:${port}/url?q=1`, { agent }, () => {})],
  ['POST chunked body', '/post', respond(ok('done')),
    () => {
      const req = http.request({ ...base(), method: 'POST', path: '/post' });
      req.write('abc');
      req.end('de');
      return req;
    }],
  ['PUT with content-length', '/put', respond(ok('')),
    () => {
      const req = http.request({ ...base(), method: 'PUT', path: '/put', headers: { 'Content-Length': 5 } });
      req.end('12345');
      return req;
    }],
  ['headers object and flat array', '/headers', respond(ok('h')),
    () => http.get({ ...base(), path: '/headers', headers: ['X-A', '1', 'x-a', '2', 'Host', 'h.test'] })],
  ['auth and setHost false', '/auth', respond(ok('a')),
    () => http.get({ ...base(), path: '/auth', auth: 'user:pa:ss', setHost: false, headers: { 'X-Y': ['1', '2'] } })],
  ['chunked response with trailers', '/chunked',
    respond('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-T\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\nX-T: done\r\n\r\n'),
    () => http.get({ ...base(), path: '/chunked' })],
  ['HEAD ignores content-length', '/head', respond('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n'),
    () => http.request({ ...base(), method: 'HEAD', path: '/head' }).end()],
  ['204 has no body', '/204', respond('HTTP/1.1 204 No Content\r\n\r\n'),
    () => http.get({ ...base(), path: '/204' })],
  ['1xx information then 200', '/info',
    respond('HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n' + ok('late')),
    () => http.get({ ...base(), path: '/info' })],
  ['expect 100-continue', '/continue', Object.assign(respond(ok('got it')), {
    early: (socket) => socket.write('HTTP/1.1 100 Continue\r\n\r\n'),
  }), () => {
    const req = http.request({ ...base(), method: 'POST', path: '/continue', headers: { Expect: '100-continue', 'Content-Length': 4 } });
    req.on('continue', () => req.end('body'));
    return req;
  }],
  ['connection close, body until EOF', '/eof', (socket) => socket.end('HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it'),
    () => http.get({ ...base(), path: '/eof' })],
  ['server closes mid-body', '/midbody', (socket) => {
    socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial');
    setTimeout(() => socket.destroy(), 20);
  }, () => http.get({ ...base(), path: '/midbody' })],
  ['server closes before a response', '/hangup', (socket) => socket.destroy(),
    () => http.get({ ...base(), path: '/hangup' })],
  ['server ends before a response', '/end', (socket) => socket.end(),
    () => http.get({ ...base(), path: '/end', agent: false })],
  ['garbage response', '/garbage', respond('NOT HTTP\r\n\r\n'),
    () => http.get({ ...base(), path: '/garbage' })],
  ['no listener for response', '/dump', respond(ok('dumped')),
    () => {
      const req = http.get({ ...base(), path: '/dump' });
      req.removeAllListeners('response');
      return req;
    }],
  ['agent false', '/noagent', respond(ok('n')),
    () => http.get({ host: '127.0.0.1', port, path: '/noagent', agent: false })],
  ['timeout option', '/slow', () => {},
    () => {
      const req = http.get({ ...base(), path: '/slow', timeout: 30 });
      req.on('timeout', () => req.destroy());
      return req;
    }],
  ['setTimeout', '/slow2', () => {},
    () => {
      const req = http.get({ ...base(), path: '/slow2' });
      req.setTimeout(30, () => req.abort());
      return req;
    }],
  ['abort before a socket', '/never', () => {},
    () => {
      const req = http.get({ ...base(), path: '/never' });
      req.abort();
      return req;
    }],
  ['destroy with an error', '/never2', () => {},
    () => {
      const req = http.get({ ...base(), path: '/never2' });
      req.destroy(new Error('mine'));
      return req;
    }],
  ['destroy during the response', '/destroyres', (socket) => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'),
    () => {
      const req = http.get({ ...base(), path: '/destroyres' });
      req.on('response', (res) => res.once('data', () => req.destroy()));
      return req;
    }],
  ['signal aborts', '/signal', () => {},
    () => {
      const ac = new AbortController();
      const req = http.get({ ...base(), path: '/signal', signal: ac.signal });
      req.on('socket', (s) => s.once('connect', () => setTimeout(() => ac.abort(), 10)));
      return req;
    }],
  ['upgrade', '/upgrade', respond('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\nextra'),
    () => {
      const req = http.get({ ...base(), path: '/upgrade', headers: { Connection: 'Upgrade', Upgrade: 'x' } });
      req.on('upgrade', (res, socket, head) => {
        emit('upgrade event', [res.statusCode, res.headers, head.toString(), socket instanceof net.Socket]);
        socket.destroy();
      });
      return req;
    }],
  ['upgrade without a listener', '/upgrade2', respond('HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\nConnection: Upgrade\r\n\r\n'),
    () => http.get({ ...base(), path: '/upgrade2', headers: { Connection: 'Upgrade', Upgrade: 'x' } })],
  ['CONNECT', 'example.test:443', respond('HTTP/1.1 200 Connection established\r\n\r\ntunnel'),
    () => {
      const req = http.request({ host: '127.0.0.1', port, method: 'CONNECT', path: 'example.test:443', agent: false });
      req.on('connect', (res, socket, head) => {
        emit('connect event', [res.statusCode, res.statusMessage, head.toString()]);
        socket.destroy();
      });
      req.end();
      return req;
    }],
  ['flushHeaders sends the head early', '/flush', Object.assign(respond(ok('f')), {
    early: (socket, head) => emit('flushed head', mask(head)),
  }),
    () => {
      const req = http.request({ ...base(), method: 'POST', path: '/flush' });
      req.flushHeaders();
      setTimeout(() => req.end(), 20);
      return req;
    }],
  ['maxHeadersCount', '/many', respond(ok('m', 'A: 1\r\nB: 2\r\nC: 3\r\n')),
    () => {
      const req = http.get({ ...base(), path: '/many' });
      req.maxHeadersCount = 2;
      req.on('response', (res) => emit('limited headers', res.headers));
      return req;
    }],
  ['joinDuplicateHeaders', '/dups', respond(ok('d', 'X-D: 1\r\nX-D: 2\r\n')),
    () => {
      const req = http.get({ ...base(), path: '/dups', joinDuplicateHeaders: true });
      req.on('response', (res) => emit('joined', res.headers['x-d']));
      return req;
    }],
  ['custom lookup', '/lookup', respond(ok('l')),
    () => http.get({ host: 'made.up', port, path: '/lookup', agent: false,
      lookup: (host, o, cb) => {
        emit('lookup called', [host, typeof o]);
        if (o.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
        else cb(null, '127.0.0.1', 4);
      } })],
  ['createConnection option', '/cc', respond(ok('c')),
    () => http.get({ path: '/cc', createConnection: (o) => {
      emit('createConnection options', [o.host, o.port, o.path]);
      return net.connect(port, '127.0.0.1');
    } })],
  ['set-cookie and duplicate headers', '/cookies',
    respond(ok('c', 'Set-Cookie: a=1\r\nSet-Cookie: b=2\r\nX-L: 1\r\nX-L: 2\r\nContent-Type: a\r\nContent-Type: b\r\n')),
    () => {
      const req = http.get({ ...base(), path: '/cookies' });
      req.on('response', (res) => emit('cookie headers', [res.headers, res.headersDistinct]));
      return req;
    }],
  ['POST without a body', '/emptypost', respond(ok('e')),
    () => http.request({ ...base(), method: 'POST', path: '/emptypost' }).end()],
  ['DELETE with a body', '/delbody', respond(ok('e')),
    () => http.request({ ...base(), method: 'DELETE', path: '/delbody' }).end('gone')],
  ['response before the body is sent', '/early', Object.assign(respond(''), {
    early: (socket) => socket.write(ok('early')),
  }), () => {
    const req = http.request({ ...base(), method: 'POST', path: '/early' });
    req.write('part');
    req.on('response', () => setTimeout(() => req.end('rest'), 10));
    return req;
  }],
  ['write after end', '/wae', respond(ok('w')),
    () => {
      const req = http.request({ ...base(), method: 'POST', path: '/wae' });
      req.end('x');
      req.write('y', (err) => emit('write after end callback', err && [err.code, err.message]));
      return req;
    }],
  ['agent timeout fires on the request', '/agentslow', () => {},
    () => {
      const req = http.get({ host: '127.0.0.1', port, path: '/agentslow', agent: new http.Agent({ timeout: 30 }) });
      req.on('timeout', () => req.destroy(new Error('gave up')));
      return req;
    }],
  ['res.setEncoding and the 1.0 response', '/http10', (socket) => socket.end('HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n\u00e9'),
    () => {
      const req = http.get({ ...base(), path: '/http10' });
      req.on('response', (res) => res.setEncoding('latin1'));
      return req;
    }],
  ['connection refused', '/refused', () => {},
    () => http.get({ host: '127.0.0.1', port: 1, path: '/refused', agent: false })],
];

function optionCases() {
  const bad = [
    ['ftp URL', () => http.request('ftp://x/')],
    ['https protocol', () => http.request({ protocol: 'https:' })],
    ['path with a space', () => http.request({ path: '/a b' })],
    ['bad method', () => http.request({ method: 'G T' })],
    ['method type', () => http.request({ method: 1 })],
    ['host type', () => http.request({ host: 1 })],
    ['hostname type', () => http.request({ hostname: {} })],
    ['header name', () => http.request({ headers: { 'a b': 1 } })],
    ['header value', () => http.request({ headers: { a: 'x\ny' } })],
    ['odd flat headers', () => http.request({ headers: ['a', '1', 'b'] })],
    ['agent type', () => http.request({ agent: 1 })],
    ['timeout type', () => http.request({ timeout: '1' })],
    ['insecureHTTPParser type', () => http.request({ insecureHTTPParser: 1 })],
    ['maxHeaderSize range', () => http.request({ maxHeaderSize: -1 })],
    ['joinDuplicateHeaders type', () => http.request({ joinDuplicateHeaders: 1 })],
    ['localAddress', () => http.request({ localAddress: 1 })],
    ['lookup type', () => http.request({ lookup: 1 })],
    ['socketPath type', () => http.request({ socketPath: 1 })],
    ['signal type', () => http.request({ signal: 1 })],
    ['port string', () => http.request({ port: 'abc' })],
    ['port range', () => http.request({ port: 70000 })],
    ['family', () => http.request({ family: 'x' })],
    ['invalid URL', () => http.request('not a url')],
  ];
  for (const [label, fn] of bad) {
    emit(`option ${label}`, attempt(() => {
      const req = fn();
      req.on('error', () => {});
      req.destroy();
      return 'no error';
    }));
  }
  const shown = [
    ['lowercase method, IPv6 host', { method: 'get', host: '::1', port: 8, auth: 'u:p' }],
    ['default port kept out of Host', { defaultPort: 81, host: 'h', port: 81 }],
    ['hostname wins', { hostname: 'a.test', host: 'b.test' }],
    ['latin1 path', { path: '/\u00e9' }],
  ];
  for (const [label, options] of shown) {
    emit(`request ${label}`, attempt(() => {
      const req = http.request({ ...options, agent: new http.Agent() });
      req.on('error', () => {});
      const view = [req.method, req.path, req.host, req.protocol, req.getHeaders(), req.getRawHeaderNames(),
        req.reusedSocket, req.aborted, req.destroyed, req.maxHeadersCount];
      req.destroy();
      return view;
    }));
  }
  emit('url object', attempt(() => {
    const req = http.request(new URL('http://u%20s:p@example.test:8080/a%20b?q#h'), { agent: new http.Agent() });
    req.on('error', () => {});
    const view = [req.path, req.host, req.getHeaders()];
    req.destroy();
    return view;
  }));
}

async function keepAliveCases() {
  const pool = new http.Agent({ keepAlive: true });
  const sockets = new Set();
  scripts.set('/ka', (socket) => {
    sockets.add(socket);
    socket.write(ok('k', 'Keep-Alive: timeout=4\r\n'));
  });
  const one = async () => {
    const req = http.get({ host: '127.0.0.1', port, path: '/ka', agent: pool });
    const events = await trace(req);
    return [events.length, req.reusedSocket];
  };
  const results = [await one(), await one(), await one()];
  const name = `127.0.0.1:${port}:`;
  const free = pool.freeSockets[name];
  emit('keep-alive reuse', [results, sockets.size, free && free.length, free && free[0].timeout]);
  // Connection: close from the server ends the reuse.
  scripts.set('/closing', (socket) => socket.write(ok('c', 'Connection: close\r\n')));
  const req = http.get({ host: '127.0.0.1', port, path: '/closing', agent: pool });
  const events = await trace(req);
  emit('server asks to close', [events.map(mask), req.shouldKeepAlive, pool.freeSockets[name] && pool.freeSockets[name].length]);
  pool.destroy();

  // Two requests at once through maxSockets 1: the second waits its turn.
  const single = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const order = [];
  scripts.set('/one', (socket) => socket.write(ok('1')));
  const a = http.get({ host: '127.0.0.1', port, path: '/one', agent: single }, (res) => {
    order.push(`a ${res.statusCode}`);
    res.resume();
  });
  const b = http.get({ host: '127.0.0.1', port, path: '/one', agent: single }, (res) => {
    order.push(`b ${res.statusCode} reused=${b.reusedSocket}`);
    res.resume();
  });
  await Promise.all([trace(a), trace(b)]);
  emit('maxSockets 1 queue', order);
  single.destroy();
}

// http.client.* diagnostics channels, in order with the request's events.
async function channelCases() {
  const dc = require('diagnostics_channel');
  const seen = [];
  const names = ['http.client.request.start', 'http.client.request.error', 'http.client.response.finish'];
  const subscribers = names.map((name) => {
    const fn = (message) => seen.push(`${name} ${Object.keys(message).join(',')}`);
    dc.subscribe(name, fn);
    return [name, fn];
  });
  scripts.set('/dc', respond(ok('dc')));
  const req = http.request({ host: '127.0.0.1', port, path: '/dc', agent: false });
  req.on('socket', () => seen.push('socket'));
  req.on('finish', () => seen.push('finish'));
  req.on('response', (res) => {
    seen.push('response');
    res.resume();
  });
  setTimeout(() => req.end(), 10);
  const events = await trace(req);
  const failing = http.get({ host: '127.0.0.1', port: 1, agent: false });
  failing.on('error', () => seen.push('error event'));
  await trace(failing);
  for (const [name, fn] of subscribers) dc.unsubscribe(name, fn);
  emit('diagnostics channels', [seen, events.length]);
}

(async () => {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
  optionCases();
  for (const [label, path, script, make, opts] of cases) await run(label, path, script, make, opts);
  await keepAliveCases();
  await channelCases();
  agent.destroy();
  server.close();
})();
