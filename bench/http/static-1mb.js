// 1 MB static response for bench/http/run.sh (APP=bench/http/static-1mb.js):
// GET / streams a 1 MiB file from disk with fs.createReadStream().pipe(res),
// as a static file server does (Content-Length from stat). Prints its port.
'use strict';
const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-bench-static-'));
const file = path.join(dir, 'blob.bin');
const bytes = Buffer.alloc(1024 * 1024);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) & 0xff;
fs.writeFileSync(file, bytes);
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
process.on('SIGTERM', () => process.exit(0));

const server = http.createServer((req, res) => {
  fs.stat(file, (err, st) => {
    if (err) {
      res.statusCode = 500;
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': st.size });
    fs.createReadStream(file).pipe(res);
  });
});
server.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(server.address().port);
});
