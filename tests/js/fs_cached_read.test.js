// fs.read() on fds where the loop thread's page-cache read (preadv2 with
// RWF_NOWAIT) cannot serve everything and the thread pool takes over: a FIFO
// that has part of what was asked, then nothing yet, then its end; a file
// only partly in the page cache; reads in
// a worker that is terminated while they are in flight; many streams at
// once. Runs under node as well, with the same results.
'use strict';

const assert = require('assert');
const { spawn, execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker } = require('worker_threads');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-cached-read-'));
const at = (...parts) => path.join(root, ...parts);

function read(fd, length) {
  return new Promise((resolve, reject) => {
    let sync = true;
    fs.read(fd, Buffer.alloc(length), 0, length, null, (err, n, buf) => {
      if (err) return reject(err);
      assert.strictEqual(sync, false, 'the callback ran inside fs.read()');
      resolve(buf.toString('latin1', 0, n));
    });
    sync = false;
  });
}

// A FIFO read returns what the writer has written so far (a short read),
// waits when there is nothing yet, and gives '' once the writer is gone.
async function fifo() {
  const file = at('fifo');
  execFileSync('mkfifo', [file]);
  // The writer sends "abc", then waits for a line on stdin before "defg".
  const writer = spawn('sh', ['-c', `{ printf abc; read x; printf defg; } > '${file}'`],
    { stdio: ['pipe', 'inherit', 'inherit'] });
  const fd = await new Promise((resolve, reject) => {
    fs.open(file, 'r', (err, value) => (err ? reject(err) : resolve(value)));
  });
  // (Given time to write it, so that the read finds "abc" there.)
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.strictEqual(await read(fd, 10), 'abc');
  // Nothing is there now: this read waits on the pool until "defg" comes.
  const pending = read(fd, 10);
  setTimeout(() => writer.stdin.end('\n'), 50);
  assert.strictEqual(await pending, 'defg');
  await new Promise((resolve) => writer.on('exit', resolve));
  assert.strictEqual(await read(fd, 10), '');
  fs.closeSync(fd);
}

// A file whose first 128 KiB are in the page cache and the rest not (dd's
// nocache drops the rest): a 256 KiB read gets the cached part on the loop
// thread and the rest from the pool, all of it, in order; a read without a
// position then goes on where that one ended.
async function partlyCached() {
  const file = at('partly');
  const data = crypto.randomBytes(1024 * 1024);
  fs.writeFileSync(file, data);
  const fd = fs.openSync(file, 'r');
  fs.fsyncSync(fd);
  const dropFrom = (kib) => execFileSync('dd',
    [`if=${file}`, 'iflag=nocache', 'bs=1024', `skip=${kib}`, 'count=0'], { stdio: 'ignore' });
  for (const position of [0, null]) {
    // (Pages just written are not all dropped at once: drop everything,
    // read the start back, then drop the rest.)
    dropFrom(0);
    fs.readSync(fd, Buffer.alloc(128 * 1024), 0, 128 * 1024, 0);
    dropFrom(128);
    const buf = Buffer.alloc(256 * 1024);
    const n = await new Promise((resolve, reject) => {
      fs.read(fd, buf, 0, buf.length, position, (err, count) => (err ? reject(err) : resolve(count)));
    });
    assert.strictEqual(n, buf.length);
    assert.ok(buf.equals(data.subarray(0, buf.length)), `data read at ${position}`);
  }
  assert.strictEqual(await read(fd, 4), data.toString('latin1', 256 * 1024, 256 * 1024 + 4));
  fs.closeSync(fd);
}

// A worker reading in a loop, terminated with reads queued: it ends with
// exit code 1 and the process goes on.
async function terminatedWorker() {
  fs.writeFileSync(at('small'), 'x'.repeat(4096));
  const source = `
    const fs = require('fs');
    const { parentPort, workerData } = require('worker_threads');
    const fd = fs.openSync(workerData, 'r');
    let reads = 0;
    function again() {
      for (let i = 0; i < 8; i++) {
        fs.read(fd, Buffer.alloc(4096), 0, 4096, 0, (err, n) => {
          if (err || n !== 4096) throw err || new Error('short read ' + n);
          if (++reads === 64) parentPort.postMessage('reading');
          if (i === 0) again();
        });
      }
    }
    again();`;
  for (let round = 0; round < 3; round++) {
    const worker = new Worker(source, { eval: true, workerData: at('small') });
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const code = await worker.terminate();
    assert.strictEqual(code, 1);
  }
}

// A worker's cached reads call back in that worker, and it exits normally.
async function workerReads() {
  const data = crypto.randomBytes(300 * 1024);
  fs.writeFileSync(at('data'), data);
  const source = `
    const fs = require('fs');
    const crypto = require('crypto');
    const { parentPort, workerData } = require('worker_threads');
    const hash = crypto.createHash('sha256');
    fs.createReadStream(workerData, { highWaterMark: 16 * 1024 })
      .on('data', (c) => hash.update(c))
      .on('end', () => parentPort.postMessage(hash.digest('hex')));`;
  const worker = new Worker(source, { eval: true, workerData: at('data') });
  const [digest] = await Promise.all([
    new Promise((resolve) => worker.once('message', resolve)),
    new Promise((resolve) => worker.once('exit', resolve)),
  ]);
  assert.strictEqual(digest, crypto.createHash('sha256').update(data).digest('hex'));
}

// Many streams over one file at once, and fs.readFile beside them: every
// byte arrives in order.
async function manyStreams() {
  const data = crypto.randomBytes(2 * 1024 * 1024 + 123);
  fs.writeFileSync(at('big'), data);
  const want = crypto.createHash('sha256').update(data).digest('hex');
  const digests = await Promise.all(Array.from({ length: 16 }, (_, i) => new Promise(
    (resolve, reject) => {
      const hash = crypto.createHash('sha256');
      fs.createReadStream(at('big'), { highWaterMark: 1024 * (1 + i * 7) })
        .on('data', (c) => hash.update(c))
        .on('error', reject)
        .on('end', () => resolve(hash.digest('hex')));
    })).concat(fs.promises.readFile(at('big')).then(
    (b) => crypto.createHash('sha256').update(b).digest('hex'))));
  for (const digest of digests) assert.strictEqual(digest, want);
}

(async () => {
  try {
    await fifo();
    await partlyCached();
    await terminatedWorker();
    await workerReads();
    await manyStreams();
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  console.log('ok');
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
