// Hello-world server for bench/http/run.sh: prints its port, answers 'hello'.
'use strict';
const http = require('http');
const server = http.createServer((req, res) => res.end('hello'));
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
