'use strict';
// A small API client against a local server, with nothing but node:http:
// JSON in and out, a streamed download, keep-alive reuse through an Agent,
// a 404, a redirect followed by hand, a request timeout and a refused
// connection. Prints what it saw; exits 0 when everything matched.

const http = require('node:http');

const notes = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://local');
  if (req.method === 'POST' && url.pathname === '/notes') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const note = { id: notes.length + 1, ...JSON.parse(body) };
      notes.push(note);
      res.writeHead(201, { 'content-type': 'application/json', location: `/notes/${note.id}` });
      res.end(JSON.stringify(note));
    });
    return;
  }
  if (url.pathname.startsWith('/notes/')) {
    const note = notes[Number(url.pathname.slice(7)) - 1];
    res.writeHead(note ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(note || { error: 'no such note' }));
    return;
  }
  if (url.pathname === '/old') {
    res.writeHead(301, { location: '/notes/1' });
    res.end();
    return;
  }
  if (url.pathname === '/stream') {
    let left = Number(url.searchParams.get('chunks'));
    const tick = () => {
      if (left-- === 0) return res.end('done\n');
      res.write(`chunk ${left}\n`);
      setImmediate(tick);
    };
    tick();
    return;
  }
  if (url.pathname === '/slow') return; // never answers
  res.writeHead(404);
  res.end();
});

function call(options, body) {
  return new Promise((settle, fail) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, agent, ...options }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => settle({ res, text, reused: req.reusedSocket }));
    });
    req.on('error', fail);
    if (body !== undefined) {
      req.setHeader('content-type', 'application/json');
      req.end(JSON.stringify(body));
    } else {
      req.end();
    }
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

server.listen(0, '127.0.0.1', async () => {
  const created = await call({ method: 'POST', path: '/notes' }, { text: 'buy milk' });
  console.log(created.res.statusCode, created.res.headers.location, created.text);
  const second = await call({ method: 'POST', path: '/notes' }, { text: 'call home' });
  console.log(second.res.statusCode, second.text, `reused=${second.reused}`);

  const got = await call({ path: '/notes/2' });
  console.log(got.res.statusCode, got.res.headers['content-type'], JSON.parse(got.text).text);
  const missing = await call({ path: '/notes/9' });
  console.log(missing.res.statusCode, missing.text);

  const moved = await call({ path: '/old' });
  const followed = await call({ path: moved.res.headers.location });
  console.log(moved.res.statusCode, '->', followed.res.statusCode, followed.text);

  const streamed = await call({ path: '/stream?chunks=3' });
  console.log(JSON.stringify(streamed.text));

  await new Promise((done) => {
    const req = http.get({ host: '127.0.0.1', port: server.address().port, path: '/slow', timeout: 50, agent: false });
    req.on('timeout', () => req.destroy(new Error('gave up waiting')));
    req.on('error', (err) => {
      console.log('timeout:', err.message);
      done();
    });
  });

  await new Promise((done) => {
    const probe = http.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => {
        http.get({ host: '127.0.0.1', port, agent: false }).on('error', (err) => {
          console.log('refused:', err.code, err.syscall);
          done();
        });
      });
    });
  });

  console.log('sockets opened by the agent:', Object.keys(agent.freeSockets).length, agent.totalSocketCount);
  agent.destroy();
  server.close();
  console.log('bye');
});
