'use strict';
// An app that gives every request and response a prototype of its own (as
// Express does with Object.setPrototypeOf) gets its next messages made with
// that prototype (stdlib/internal/http/prototypes.js), and everything it
// does with them works as before: the prototype it set, its own properties,
// instanceof, the response on the wire. A prototype that would meet the
// constructor's own properties is never taken, nor one of a custom class,
// and an app that changes what it gives is followed.
const assert = require('assert');
const http = require('http');

// Sends `paths` one after the other on one keep-alive connection and
// resolves with the bodies.
function getAll(port, paths) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const bodies = [];
  let chain = Promise.resolve();
  for (const path of paths) {
    chain = chain.then(() => new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { body += d; });
        res.on('end', () => {
          bodies.push(`${res.statusCode} ${body}`);
          resolve();
        });
      }).on('error', reject);
    }));
  }
  return chain.then(() => {
    agent.destroy();
    return bodies;
  });
}

function serve(options, handler) {
  const server = options === null ? http.createServer(handler) : http.createServer(options, handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function appPrototypes(extraReq = {}) {
  const request = Object.create(http.IncomingMessage.prototype, {
    app: { value: 'app', writable: true, enumerable: true, configurable: true },
    ...extraReq,
  });
  request.hello = function hello() {
    return `hello ${this.url}`;
  };
  const response = Object.create(http.ServerResponse.prototype);
  response.send = function send(text) {
    this.setHeader('Content-Type', 'text/plain');
    this.end(text);
  };
  return { request, response };
}

async function expressLike() {
  const { request, response } = appPrototypes();
  const seen = [];
  const server = await serve(null, (req, res) => {
    seen.push(Object.getPrototypeOf(req) === request && Object.getPrototypeOf(res) === response);
    Object.setPrototypeOf(req, request);
    Object.setPrototypeOf(res, response);
    req.body = { n: seen.length };
    res.locals = Object.create(null);
    assert.ok(req instanceof http.IncomingMessage);
    assert.ok(res instanceof http.ServerResponse);
    assert.strictEqual(req.app, 'app');
    assert.strictEqual(req.method, 'GET');
    assert.strictEqual(typeof req.headers.host, 'string');
    res.send(`${req.hello()} ${req.body.n}`);
  });
  const paths = ['/a', '/b', '/c', '/d', '/e', '/f'];
  const bodies = await getAll(server.address().port, paths);
  server.close();
  assert.deepStrictEqual(bodies, paths.map((p, i) => `200 hello ${p} ${i + 1}`));
  // Two messages with the app's prototypes teach the server; from the third
  // on they come with them.
  assert.deepStrictEqual(seen, [false, false, true, true, true, true]);
}

async function collidingPrototype() {
  // `url` is a property the constructor assigns: a getter for it on the
  // app's prototype must not meet that assignment.
  const { request } = appPrototypes({
    url: { get() { return '/from-getter'; }, configurable: true },
  });
  const seen = [];
  const server = await serve(null, (req, res) => {
    seen.push(Object.getPrototypeOf(req) === http.IncomingMessage.prototype);
    const url = req.url;
    Object.setPrototypeOf(req, request);
    assert.strictEqual(req.url, url, 'the own url still shadows the getter');
    res.end(url);
  });
  const bodies = await getAll(server.address().port, ['/1', '/2', '/3', '/4']);
  server.close();
  assert.deepStrictEqual(bodies, ['200 /1', '200 /2', '200 /3', '200 /4']);
  assert.deepStrictEqual(seen, [true, true, true, true]);
}

async function changingPrototypes() {
  const first = appPrototypes();
  const second = appPrototypes();
  let n = 0;
  const server = await serve(null, (req, res) => {
    const { request, response } = ++n <= 4 ? first : second;
    Object.setPrototypeOf(req, request);
    Object.setPrototypeOf(res, response);
    assert.strictEqual(Object.getPrototypeOf(req), request);
    req.body = n;
    res.send(`${req.hello()} ${req.body}`);
  });
  const paths = ['/1', '/2', '/3', '/4', '/5', '/6', '/7', '/8', '/9'];
  const bodies = await getAll(server.address().port, paths);
  server.close();
  assert.deepStrictEqual(bodies, paths.map((p, i) => `200 hello ${p} ${i + 1}`));
}

async function givingUp() {
  // A, A (taken), B, B (taken), A: the third change. From then on messages
  // come with the class's own prototype, the taken one included.
  const a = appPrototypes();
  const b = appPrototypes();
  const order = [a, a, b, b, b, a, a, a, null];
  let n = 0;
  const seen = [];
  const server = await serve(null, (req, res) => {
    seen.push(Object.getPrototypeOf(req) === http.IncomingMessage.prototype);
    const given = order[n++];
    if (given !== null) {
      Object.setPrototypeOf(req, given.request);
      Object.setPrototypeOf(res, given.response);
    }
    res.end(String(n));
  });
  const paths = order.map((_, i) => `/${i}`);
  const bodies = await getAll(server.address().port, paths);
  server.close();
  assert.deepStrictEqual(bodies, paths.map((_, i) => `200 ${i + 1}`));
  assert.deepStrictEqual(seen, [true, true, false, true, true, false, true, true, true]);
}

async function customClass() {
  class Request extends http.IncomingMessage {
    constructor(socket) {
      super(socket);
      this.custom = true;
    }
  }
  const { request } = appPrototypes();
  Object.setPrototypeOf(request, Request.prototype);
  const seen = [];
  const server = await serve({ IncomingMessage: Request }, (req, res) => {
    seen.push(req instanceof Request && req.custom === true &&
      Object.getPrototypeOf(req) === Request.prototype);
    Object.setPrototypeOf(req, request);
    res.end(req.hello());
  });
  const bodies = await getAll(server.address().port, ['/x', '/y', '/z', '/w']);
  server.close();
  assert.deepStrictEqual(bodies, ['200 hello /x', '200 hello /y', '200 hello /z', '200 hello /w']);
  // A class of the app's own is always constructed the usual way.
  assert.deepStrictEqual(seen, [true, true, true, true]);
}

(async () => {
  await expressLike();
  await collidingPrototype();
  await changingPrototypes();
  await givingUp();
  await customClass();
  console.log('http_prototypes: ok');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
