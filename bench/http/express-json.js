// JSON API on Express for bench/http/run.sh (APP=bench/http/express-json.js):
// GET / answers a small JSON document through express's res.json, after a
// JSON body parser and a router, the way an API server is usually built.
// Express comes from samples/web-frameworks (pinned; scripts/setup.sh
// installs it). Prints its port.
'use strict';
const express = require('../../samples/web-frameworks/node_modules/express');

const app = express();
app.use(express.json());
const items = Array.from({ length: 10 }, (_, i) => ({ id: i, name: `item ${i}`, tags: ['a', 'b'] }));
app.get('/', (req, res) => {
  res.json({ ok: true, count: items.length, items });
});
app.post('/', (req, res) => {
  res.status(201).json({ received: req.body });
});
const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
