'use strict';
// Differential corpus for the http server: the exact bytes a server writes
// for raw requests sent over a net socket (the Date header masked), the
// request fields a handler sees, header validation errors, and the
// clientError responses for malformed and oversized requests.

const http = require('http');
const net = require('net');

const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

function mask(text) {
  return text.replace(/\r\nDate: [^\r]*\r\n/g, '\r\nDate: <date>\r\n');
}

// Runs `handler` in a server, sends `raw`, and gives what came back until
// the server closed the connection or `waitMs` passed without more bytes.
function exchange(options, handler, raw, setup) {
  return new Promise((resolve) => {
    const seen = [];
    const server = http.createServer(options, (req, res) => handler(req, res, seen));
    if (setup) setup(server, seen);
    server.listen(0, '127.0.0.1', () => {
      const socket = net.connect(server.address().port, '127.0.0.1');
      let got = '';
      let timer = null;
      const finish = () => {
        clearTimeout(timer);
        socket.destroy();
        server.close();
        resolve({ response: mask(got), seen });
      };
      const idle = () => {
        clearTimeout(timer);
        timer = setTimeout(finish, 200);
      };
      socket.on('data', (d) => {
        got += d.toString('latin1');
        idle();
      });
      socket.on('error', () => {});
      socket.on('close', finish);
      socket.on('connect', () => {
        for (const part of [].concat(raw)) socket.write(part);
        idle();
      });
    });
  });
}

const R = (s) => s.replace(/\n/g, '\r\n');
const GET = R('GET / HTTP/1.1\nHost: x\n\n');
// Sent after a keep-alive request so that the server ends the exchange.
const LAST = R('GET /last HTTP/1.1\nHost: x\nConnection: close\n\n');

const handlers = {
  hello: (req, res) => res.end('hello'),
  empty: (req, res) => res.end(),
  buffer: (req, res) => res.end(Buffer.from('buf')),
  chunked: (req, res) => {
    res.write('a');
    res.write(Buffer.from('bc'));
    res.end('def');
  },
  writeHeadObject: (req, res) => {
    res.writeHead(201, { 'X-One': '1', 'Content-Type': 'text/plain' });
    res.end('made');
  },
  writeHeadReason: (req, res) => {
    res.writeHead(404, 'Nowhere', ['X-A', '1', 'X-A', '2']);
    res.end();
  },
  setHeaderMerge: (req, res) => {
    res.setHeader('X-Set', 'yes');
    res.setHeader('Set-Cookie', ['a=1', 'b=2']);
    res.writeHead(200, { 'X-More': 'm' });
    res.end('x');
  },
  appendHeader: (req, res) => {
    res.appendHeader('X-L', 'a');
    res.appendHeader('X-L', ['b', 'c']);
    res.end();
  },
  statusCode204: (req, res) => {
    res.statusCode = 204;
    res.end('ignored');
  },
  statusCode304: (req, res) => {
    res.writeHead(304, { ETag: '"e"' });
    res.end();
  },
  noDate: (req, res) => {
    res.sendDate = false;
    res.end('d');
  },
  connectionClose: (req, res) => {
    res.setHeader('Connection', 'close');
    res.end('bye');
  },
  contentLengthSet: (req, res) => {
    res.setHeader('Content-Length', '4');
    res.write('ab');
    res.end('cd');
  },
  removeDate: (req, res) => {
    res.removeHeader('Date');
    res.end();
  },
  trailers: (req, res) => {
    const tried = attempt(() => res.writeHead(200, { Trailer: 'X-T' }));
    if (tried[0] !== 'ok') {
      res.end(String(tried));
      return;
    }
    res.write('body');
    res.addTrailers({ 'X-T': 'done' });
    res.end();
  },
  flushHeaders: (req, res) => {
    res.flushHeaders();
    setTimeout(() => res.end('later'), 10);
  },
  continue100: (req, res) => {
    res.writeContinue();
    res.end('after');
  },
  earlyHints: (req, res) => {
    res.writeEarlyHints({ link: '</a.css>; rel=preload' });
    res.end('hinted');
  },
  processing: (req, res) => {
    res.writeProcessing();
    res.end('p');
  },
  echo: (req, res) => {
    const parts = [];
    req.on('data', (d) => parts.push(d));
    req.on('end', () => {
      res.end(JSON.stringify({
        method: req.method, url: req.url, version: req.httpVersion,
        headers: req.headers, raw: req.rawHeaders, trailers: req.trailers,
        body: Buffer.concat(parts).toString(), complete: req.complete,
      }));
    });
  },
  headersDistinct: (req, res) => {
    res.end(JSON.stringify(req.headersDistinct));
  },
  getters: (req, res) => {
    res.setHeader('X-Case', 'v');
    res.setHeader('x-num', 5);
    const out = [res.getHeader('x-case'), res.getHeaderNames(), res.getRawHeaderNames(),
      { ...res.getHeaders() }, res.hasHeader('X-NUM'), res.headersSent, res.statusCode];
    res.end(JSON.stringify(out));
  },
  latin1: (req, res) => {
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end('h\u00e9llo \u2603');
  },
};

const requests = {
  get: GET,
  head: R('HEAD / HTTP/1.1\nHost: x\n\n'),
  http10: R('GET / HTTP/1.0\n\n'),
  http10KeepAlive: R('GET / HTTP/1.0\nConnection: keep-alive\n\n'),
  close: R('GET / HTTP/1.1\nHost: x\nConnection: close\n\n'),
};

async function responseCases() {
  for (const [name, handler] of Object.entries(handlers)) {
    for (const [reqName, raw] of Object.entries(requests)) {
      if (name === 'echo' && reqName !== 'get') continue;
      const keepAlive = reqName === 'get' || reqName === 'head';
      const { response } = await exchange({}, handler, keepAlive ? raw + LAST : raw);
      emit(`${name} ${reqName}`, response);
    }
  }
}

async function requestCases() {
  const echo = handlers.echo;
  const inputs = {
    post: R('POST /p?q=1 HTTP/1.1\nHost: x\nContent-Length: 5\n\nhello'),
    chunkedBody: R('PUT /c HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\n3\nabc\n2\nde\n0\nX-Tr: 1\n\n'),
    duplicates: R('GET /d HTTP/1.1\nHost: a\nHost: b\nCookie: x=1\nCookie: y=2\nAccept: a\n' +
      'accept: b\nSet-Cookie: s\nSet-Cookie: t\nUser-Agent: u1\nUser-Agent: u2\nX-Y: 1\nX-Y: 2\n\n'),
    split: [R('POST /s HTTP/1.1\nHo'), R('st: x\nContent-Le'), R('ngth: 3\n\na'), 'bc'],
    pipelined: GET + R('GET /two HTTP/1.1\nHost: x\n\n'),
    spaces: R('GET /sp HTTP/1.1\nHost: x\nX-Pad:   padded   \n\n'),
  };
  for (const [name, raw] of Object.entries(inputs)) {
    const { response } = await exchange({}, echo, [].concat(raw, LAST));
    emit(`request ${name}`, response);
  }
  // A keep-alive client's heads are often the same bytes each time: each
  // message still gets rawHeaders of its own, which the app may change.
  const same = R('GET /r HTTP/1.1\nHost: x\nX-Pad: a  \n\n');
  const other = R('GET /o HTTP/1.1\nHost: x\nX-Pad: b\n\n');
  const { seen: heads } = await exchange({}, (req, res, log) => {
    log.push([req.url, req.rawHeaders.slice(), req.headers]);
    req.rawHeaders.push('Changed', 'by app');
    req.rawHeaders[1] = 'mutated';
    res.end();
  }, [same, same, other, same, same + same, LAST]);
  emit('repeated heads', heads);
  // The same response heads again and again (the server reuses the last
  // head's lines), with the changes that must show.
  let n = 0;
  let flip = 0;
  const changing = { toString: () => `v${++flip}` };
  const withGetter = {
    'Content-Length': 2,
    get 'X-G'() {
      return `g${flip}`;
    },
  };
  const plain = { 'Content-Type': 'text/plain', 'Content-Length': 2 };
  const { response: sameHeads } = await exchange({}, (req, res) => {
    switch (req.url) {
      case '/plain': res.writeHead(200, plain); break;
      case '/literal': res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 2 }); break;
      case '/status': res.writeHead(201, plain); break;
      case '/counter': res.setHeader('X-N', n++); res.setHeader('Content-Length', 2); break;
      case '/object': res.writeHead(200, { 'X-O': changing, 'Content-Length': 2 }); break;
      case '/getter': flip++; res.writeHead(200, withGetter); break;
      case '/own': res.setHeader('Content-Type', 'text/plain'); res.setHeader('Content-Length', 2); break;
      case '/nolength': res.writeHead(200, { 'Content-Type': 'text/plain' }); break;
      case '/close': res.writeHead(200, { 'Content-Length': 2, Connection: 'close' }); break;
      default: res.writeHead(404, plain);
    }
    res.end('ok');
  }, ['plain', 'plain', 'literal', 'literal', 'status', 'plain', 'counter', 'counter', 'counter',
    'object', 'object', 'getter', 'getter', 'own', 'own', 'nolength', 'nolength', 'plain',
    'close', 'close'].map((path) => R(`GET /${path} HTTP/1.1\nHost: x\n\n`)));
  emit('repeated response heads', sameHeads);
  // The writes of one tick are corked together: what the socket and the
  // response hold then, and what the next tick leaves.
  emit('writes of one tick', await exchange({}, (req, res, seen) => {
    const returns = [];
    for (let i = 0; i < 5; i++) returns.push(res.write(`piece ${i};`));
    returns.push(res.write(Buffer.alloc(20000, 120)));
    seen.push(returns, res.writableLength, res.socket.writableCorked,
      res.socket.writableLength);
    process.nextTick(() => {
      seen.push(res.socket.writableCorked);
      res.end('end');
    });
  }, R('GET / HTTP/1.1\nHost: x\n\n')));
  const distinct = R('GET / HTTP/1.1\nHost: x\nX-A: 1\nx-a: 2\n\n');
  emit('headersDistinct', (await exchange({}, handlers.headersDistinct, distinct)).response);
  emit('joinDuplicateHeaders', (await exchange({ joinDuplicateHeaders: true }, echo,
    R('GET / HTTP/1.1\nHost: a\nHost: b\nUser-Agent: u1\nUser-Agent: u2\n\n'))).response);
}

async function errorCases() {
  const bad = {
    badMethod: R('GE T / HTTP/1.1\n\n'),
    badHeader: R('GET / HTTP/1.1\nHost: x\nBad Header: 1\n\n'),
    badVersion: R('GET / HTTP/9.9\n\n'),
    badChunk: R('POST / HTTP/1.1\nHost: x\nTransfer-Encoding: chunked\n\nzz\n'),
    twoLengths: R('POST / HTTP/1.1\nHost: x\nContent-Length: 1\nContent-Length: 2\n\n'),
    noHost: R('GET / HTTP/1.1\n\n'),
    bigHeader: R(`GET / HTTP/1.1\nHost: x\nX-Big: ${'a'.repeat(20000)}\n\n`),
    expectOther: R('GET / HTTP/1.1\nHost: x\nExpect: something\n\n'),
    expectContinue: R('POST / HTTP/1.1\nHost: x\nExpect: 100-continue\nContent-Length: 2\n\n'),
  };
  for (const [name, raw] of Object.entries(bad)) {
    const { response } = await exchange({}, handlers.hello, raw);
    emit(`error ${name}`, response);
  }
  const { seen } = await exchange({}, handlers.hello, bad.badHeader, (server, log) => {
    server.on('clientError', (err, socket) => {
      log.push([err.message, err.code, err.reason, err.bytesParsed,
        err.rawPacket && err.rawPacket.length, Object.keys(err)]);
      socket.end('HTTP/1.1 400 Mine\r\n\r\n');
    });
  });
  emit('clientError fields', seen);
  const small = await exchange({ maxHeaderSize: 100 }, handlers.hello,
    R(`GET / HTTP/1.1\nHost: x\nX-Big: ${'a'.repeat(200)}\n\n`));
  emit('maxHeaderSize option', small.response);
}

function validationCases() {
  const res = new http.OutgoingMessage();
  const tries = [
    ['bad name', () => res.setHeader('a b', 'x')],
    ['bad value', () => res.setHeader('x', 'a\nb')],
    ['undefined value', () => res.setHeader('x', undefined)],
    ['validateHeaderName', () => http.validateHeaderName('bad name')],
    ['validateHeaderName ok', () => http.validateHeaderName('ok')],
    ['validateHeaderValue', () => http.validateHeaderValue('x', 'bad\r')],
    ['validateHeaderValue undefined', () => http.validateHeaderValue('x', undefined)],
    ['getHeader non-string', () => res.getHeader(1)],
    ['write without implicitHeader', () => res.write('x')],
    ['setMaxIdleHTTPParsers', () => http.setMaxIdleHTTPParsers(0)],
    ['createServer bad option', () => http.createServer({ maxHeaderSize: -1 })],
    ['createServer insecure type', () => http.createServer({ insecureHTTPParser: 1 })],
  ];
  for (const [name, fn] of tries) emit(`validate ${name}`, attempt(fn));
  emit('METHODS', http.METHODS);
  emit('STATUS_CODES', http.STATUS_CODES);
  emit('maxHeaderSize', http.maxHeaderSize);
  const server = http.createServer();
  emit('server defaults', [server.timeout, server.keepAliveTimeout, server.headersTimeout,
    server.requestTimeout, server.maxHeadersCount, server.maxRequestsPerSocket,
    server instanceof net.Server]);
}

async function sentErrors() {
  const { seen } = await exchange({}, (req, res, log) => {
    res.end('x');
    log.push(attempt(() => res.setHeader('a', 'b')));
    log.push(attempt(() => res.writeHead(200)));
    log.push(attempt(() => res.removeHeader('a')));
    log.push([res.headersSent, res.writableEnded, res.finished]);
    res.on('error', (e) => log.push(['error', e.code, e.message]));
    res.write('more', (e) => log.push(['cb', e && e.code]));
  }, GET);
  await new Promise((r) => setTimeout(r, 50));
  emit('after headers sent', seen);
  const codes = await exchange({}, (req, res, log) => {
    log.push(attempt(() => res.writeHead(99)));
    log.push(attempt(() => res.writeHead(1000)));
    log.push(attempt(() => res.writeHead(200, 'bad\nreason')));
    res.statusMessage = 'Fine';
    res.end();
  }, GET);
  emit('status code errors', codes.seen);
}

// Writes and an end after the client went away: callbacks hear the error,
// 'error' listeners do not (a pipe into such a response must not crash the
// server), and end() marks the response finished all the same.
async function writesAfterClose() {
  const seen = [];
  const server = http.createServer((req, res) => {
    res.on('error', (e) => seen.push(`res error ${e.code}`));
    res.on('close', () => {
      seen.push(`close destroyed=${res.destroyed}`);
      seen.push(`write returned ${res.write('more', (e) => seen.push(`write cb ${e && e.code}`))}`);
      setTimeout(() => {
        res.end('x', (e) => seen.push(`end cb ${e && e.code}`));
        seen.push(`finished ${res.finished}`);
        setTimeout(() => {
          res.write('again', (e) => seen.push(`write after end cb ${e && e.code}`));
        }, 20);
      }, 20);
    });
    res.write('start');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const socket = net.connect(server.address().port, '127.0.0.1', () => {
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.once('data', () => socket.destroy());
  });
  await new Promise((r) => setTimeout(r, 200));
  server.close();
  emit('writes after the client closed', seen);
}

async function eventsOrder() {
  const { seen } = await exchange({}, (req, res, log) => {
    req.on('end', () => log.push('req end'));
    req.on('close', () => log.push('req close'));
    res.on('finish', () => log.push('res finish'));
    res.on('close', () => log.push(`res close ${res.writableFinished}`));
    req.resume();
    res.end('x', () => log.push('end cb'));
  }, R('POST / HTTP/1.1\nHost: x\nContent-Length: 2\n\nab'));
  await new Promise((r) => setTimeout(r, 50));
  // Each side's own order (how the two interleave is a matter of ticks).
  emit('event order res', seen.filter((e) => !e.startsWith('req')));
  emit('event order req', seen.filter((e) => e.startsWith('req')));
}

// Backpressure: what write() returns for pieces as large as the socket's
// highWaterMark and smaller, with a Content-Length and chunked, and the
// 'drain' that follows; the client gets every byte.
async function backpressure() {
  const big = Buffer.alloc(64 * 1024, 97);
  const small = Buffer.alloc(100, 98);
  const writer = (pieces, length) => (req, res, log) => {
    if (length) res.setHeader('Content-Length', pieces.reduce((n, p) => n + p.length, 0));
    let i = 0;
    const next = () => {
      while (i < pieces.length) {
        const ok = res.write(pieces[i++]);
        log.push(`write ${ok}`);
        if (!ok) {
          res.once('drain', () => {
            log.push('drain');
            next();
          });
          return;
        }
      }
      res.end();
    };
    next();
  };
  const shapes = { big: [big, big, big], small: [small, small, big, small] };
  const closing = R('GET / HTTP/1.1\nHost: x\nConnection: close\n\n');
  for (const [name, pieces] of Object.entries(shapes)) {
    for (const length of [true, false]) {
      const { response, seen } = await exchange({}, writer(pieces, length), closing);
      const body = response.slice(response.indexOf('\r\n\r\n') + 4);
      const framing = length ? 'content-length' : 'chunked';
      emit(`backpressure ${name} ${framing}`, { seen, bytes: body.length });
    }
  }
}

// Upgrades and CONNECT whose read ends with the head (nothing of the new
// protocol came yet), from a raw socket and from http.request.
async function upgradeCases() {
  const tunnel = (event) => (server, log) => {
    server.on(event, (req, socket, head) => {
      log.push(`${event} ${req.method} ${req.url} head=${head.length}`);
      socket.write(R('HTTP/1.1 101 Switching Protocols\nUpgrade: echo\nConnection: Upgrade\n\n'));
      socket.write('ready;');
      socket.on('data', (d) => socket.end(`echo=${d};`));
    });
  };
  const plain = (req, res) => res.end('plain');
  const upgradeHead = R('GET /up HTTP/1.1\nHost: x\nConnection: Upgrade\nUpgrade: echo\n\n');
  emit('upgrade head only', await exchange({}, plain, upgradeHead, tunnel('upgrade')));
  const connectHead = R('CONNECT example.com:443 HTTP/1.1\nHost: example.com:443\n\n');
  emit('connect head only', await exchange({}, plain, connectHead, tunnel('connect')));
  const seen = [];
  const server = http.createServer(plain);
  tunnel('upgrade')(server, seen);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  await new Promise((resolve) => {
    const req = http.request({
      port: server.address().port, host: '127.0.0.1', path: '/client',
      headers: { Connection: 'Upgrade', Upgrade: 'echo' },
    });
    req.on('upgrade', (res, socket, head) => {
      let got = head.toString();
      seen.push(`client ${res.statusCode}`);
      socket.on('data', (d) => {
        got += d;
        if (got === 'ready;') socket.write('ping');
      });
      socket.on('end', () => {
        seen.push(`client got ${got}`);
        resolve();
      });
      if (got === 'ready;') socket.write('ping');
    });
    req.end();
  });
  server.close();
  emit('upgrade from http.request', seen);
}

async function main() {
  validationCases();
  await responseCases();
  await requestCases();
  await errorCases();
  await sentErrors();
  await writesAfterClose();
  await eventsOrder();
  await backpressure();
  await upgradeCases();
}

main();
