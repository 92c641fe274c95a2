// One small JSON API on three frameworks from npm, chosen by the first
// argument (express, fastify or koa; fastify-h2 and koa-h2 serve the same
// over cleartext HTTP/2, node:http2); static files come from the directory
// in the second (default: ./public beside the sources). It listens on
// 127.0.0.1 at the port in $PORT (default: any free one), prints
// "listening <port>", and stops on SIGTERM.
//   GET  /json               {"framework": ..., "hello": "world", "n": 42}
//   POST /echo               the JSON body back, with its content type
//   GET  /stream             five lines, written 10 ms apart
//   GET  /static/hello.txt   a file from the static directory
//   GET  /boom               throws: the framework's own 500
//   anything else            the framework's own 404
'use strict';
const path = require('path');
const { Readable } = require('stream');

const framework = process.argv[2];
const staticDir = path.resolve(process.argv[3] || path.join(__dirname, 'public'));
const port = Number(process.env.PORT || 0);

function lines() {
  let i = 0;
  return new Readable({
    read() {
      if (i === 5) return this.push(null);
      setTimeout(() => this.push(`line ${i++}\n`), 10);
    },
  });
}

function listening(server) {
  console.log(`listening ${server.address().port}`);
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

function express() {
  const app = require('express')();
  app.use(require('express').json());
  app.get('/json', (req, res) => res.json({ framework, hello: 'world', n: 42 }));
  app.post('/echo', (req, res) => res.json({ received: req.body, type: req.get('content-type') }));
  app.get('/stream', (req, res) => {
    res.type('text/plain');
    lines().pipe(res);
  });
  app.use('/static', require('express').static(staticDir));
  app.get('/boom', () => { throw new Error('boom'); });
  const server = app.listen(port, '127.0.0.1', () => listening(server));
}

function fastify(options = {}) {
  const app = require('fastify')(options);
  app.register(require('@fastify/static'), { root: staticDir, prefix: '/static/' });
  app.get('/json', async () => ({ framework, hello: 'world', n: 42 }));
  app.post('/echo', async (req) => ({ received: req.body, type: req.headers['content-type'] }));
  app.get('/stream', (req, reply) => { reply.type('text/plain').send(lines()); });
  app.get('/boom', async () => { throw new Error('boom'); });
  app.listen({ port, host: '127.0.0.1' }).then(() => listening(app.server));
}

function koa(h2 = false) {
  const Koa = require('koa');
  const Router = require('@koa/router');
  const mount = require('koa-static');
  const app = new Koa();
  app.silent = true;
  const router = new Router();
  router.get('/json', (ctx) => { ctx.body = { framework, hello: 'world', n: 42 }; });
  router.post('/echo', (ctx) => { ctx.body = { received: ctx.request.body, type: ctx.get('content-type') }; });
  router.get('/stream', (ctx) => { ctx.type = 'text/plain'; ctx.body = lines(); });
  router.get('/boom', () => { throw new Error('boom'); });
  app.use(require('koa-bodyparser')());
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/static/')) return next();
    ctx.path = ctx.path.slice('/static'.length);
    return mount(staticDir)(ctx, next);
  });
  app.use(router.routes()).use(router.allowedMethods());
  const server = require(h2 ? 'http2' : 'http').createServer(app.callback());
  server.listen(port, '127.0.0.1', () => listening(server));
}

const apps = {
  express, fastify, koa,
  'fastify-h2': () => fastify({ http2: true }),
  'koa-h2': () => koa(true),
};
if (!apps[framework]) {
  console.error(`usage: app express|fastify|koa|fastify-h2|koa-h2 [static-dir]`);
  process.exit(2);
}
apps[framework]();
