// process.stdin by what fd 0 is, against real children: a file is an
// fs.ReadStream, a pipe and a socket are net.Sockets, 'ignore' (/dev/null)
// is an fs.ReadStream; each reads to its end, a stdin closed early ends at
// once, and an unread stdin neither blocks nor keeps the child alive.
'use strict';

const assert = require('assert');
const cp = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { once } = require('events');

// Prints what the child saw of its stdin as one JSON line.
const reader = `
  const chunks = [];
  process.stdin.on('data', (d) => chunks.push(Buffer.from(d)));
  process.stdin.on('end', () => {
    console.log(JSON.stringify({
      kind: process.stdin.constructor.name,
      fd: process.stdin.fd,
      text: Buffer.concat(chunks).toString(),
    }));
  });`;

function run(stdio0, feed) {
  const child = cp.spawn(process.execPath, ['-e', reader], {
    stdio: [stdio0, 'pipe', 'inherit'],
  });
  if (feed) feed(child);
  let out = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { out += d; });
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ code, seen: out ? JSON.parse(out) : null }));
  });
}

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

step('a file is an fs.ReadStream', async () => {
  const file = path.join(os.tmpdir(), `jspack-stdin-${process.pid}.txt`);
  fs.writeFileSync(file, 'from a file\n');
  const fd = fs.openSync(file, 'r');
  const { code, seen } = await run(fd);
  fs.closeSync(fd);
  fs.unlinkSync(file);
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(seen, { kind: 'ReadStream', fd: 0, text: 'from a file\n' });
});

step('a pipe is a net.Socket', async () => {
  const { code, seen } = await run('pipe', (child) => {
    child.stdin.write('one ');
    child.stdin.end('two');
  });
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(seen, { kind: 'Socket', fd: 0, text: 'one two' });
});

step('a pipe closed early ends at once', async () => {
  const { code, seen } = await run('pipe', (child) => child.stdin.end());
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(seen, { kind: 'Socket', fd: 0, text: '' });
});

step("'ignore' reads as an empty fs.ReadStream", async () => {
  const { code, seen } = await run('ignore');
  assert.strictEqual(code, 0);
  assert.strictEqual(seen.kind, 'ReadStream');
  assert.strictEqual(seen.text, '');
});

step('a TCP socket is a net.Socket', async () => {
  // The accepted end, never read here, is the child's stdin.
  const server = net.createServer({ pauseOnConnect: true });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = net.connect(server.address().port, '127.0.0.1');
  client.end('over tcp');
  const [accepted] = await once(server, 'connection');
  const { code, seen } = await run(accepted);
  accepted.destroy();
  server.close();
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(seen, { kind: 'Socket', fd: 0, text: 'over tcp' });
});

step('an unread stdin does not keep the child alive', async () => {
  const child = cp.spawn(process.execPath, ['-e',
    'process.stdin; setImmediate(() => console.log("done"))'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const [code] = await once(child, 'close');
  child.stdin.destroy();
  assert.strictEqual(code, 0);
  assert.strictEqual(out, 'done\n');
});

let current = null;
process.on('exit', (code) => {
  if (current !== null && code === 0) {
    console.error(`process_stdin step never finished: ${current}`);
    process.exitCode = 1;
  }
});

(async () => {
  for (const [name, fn] of steps) {
    current = name;
    try {
      await fn();
    } catch (err) {
      console.error(`process_stdin step failed: ${name}`);
      throw err;
    }
  }
  current = null;
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
