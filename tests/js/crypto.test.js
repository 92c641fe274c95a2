'use strict';
// node:crypto against published test vectors and real peers: the openssl
// command (a child process) hashing and encrypting the same bytes, a file
// streamed through a hash, a worker thread deriving keys, and bad input
// (wrong tags, truncated ciphertext, garbage arguments) that must give
// errors, never a crash. Steps chain on events; nothing waits on the clock.
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawn } = require('child_process');
const { pipeline } = require('stream');
const { Worker } = require('worker_threads');

const hex = (b) => Buffer.from(b).toString('hex');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-crypto-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

// FIPS 180 / 202 vectors.
assert.strictEqual(crypto.createHash('sha256').update('abc').digest('hex'),
  'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(crypto.createHash('sha3-256').update('').digest('hex'),
  'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
assert.strictEqual(crypto.hash('md5', ''), 'd41d8cd98f00b204e9800998ecf8427e');
// A million 'a's in uneven pieces, string and Buffer mixed.
{
  const h = crypto.createHash('sha1');
  let left = 1000000;
  for (let i = 1; left > 0; i++) {
    const size = Math.min(left, i * 37);
    h.update(i % 2 ? 'a'.repeat(size) : Buffer.alloc(size, 'a'));
    left -= size;
  }
  assert.strictEqual(h.digest('hex'), '34aa973cd4c4daa4f61eeb2bdbad27316534016f');
}
// RFC 4231 case 2.
assert.strictEqual(crypto.createHmac('sha256', 'Jefe')
  .update('what do ya want for nothing?').digest('hex'),
'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
// RFC 6070, RFC 7914, RFC 5869 case 1.
assert.strictEqual(hex(crypto.pbkdf2Sync('password', 'salt', 4096, 20, 'sha1')),
  '4b007901b765489abead49d926f721d065a429c1');
assert.strictEqual(hex(crypto.scryptSync('password', 'NaCl', 64,
  { N: 1024, r: 8, p: 16 })).slice(0, 32), 'fdbabe1c9d3472007856e7190d01e9fe');
assert.strictEqual(hex(crypto.hkdfSync('sha256',
  Buffer.from('0b'.repeat(22), 'hex'), Buffer.from('000102030405060708090a0b0c', 'hex'),
  Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex'), 42)),
'3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');

// Robustness: a wrong GCM tag, a truncated CBC ciphertext, garbage args.
{
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([c.update('attack at dawn'), c.final()]);
  const tag = c.getAuthTag();
  tag[0] ^= 1;
  const d = crypto.createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(tag);
  d.update(ct);
  assert.throws(() => d.final(),
    { message: 'Unsupported state or unable to authenticate data' });
  const cbc = crypto.createCipheriv('aes-128-cbc', key.subarray(0, 16),
    iv.subarray(0, 12).toString('hex').slice(0, 16));
  const ct2 = Buffer.concat([cbc.update('x'.repeat(40)), cbc.final()]);
  const d2 = crypto.createDecipheriv('aes-128-cbc', key.subarray(0, 16),
    iv.subarray(0, 12).toString('hex').slice(0, 16));
  d2.update(ct2.subarray(0, 37));
  assert.throws(() => d2.final(), { code: 'ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH',
    library: 'Provider routines' });
  for (const bad of [undefined, null, 1, {}, [], Symbol('x')]) {
    assert.throws(() => crypto.createHash(bad));
    assert.throws(() => crypto.createHmac('sha1', bad));
    assert.throws(() => crypto.createCipheriv('aes-128-cbc', bad, iv));
    assert.throws(() => crypto.createHash('sha1').update(bad));
    assert.throws(() => crypto.randomFillSync(bad));
  }
}

// Hash objects nobody digests are freed by the GC (weak handles): many of
// them must not grow the heap's native side without bound or crash.
for (let i = 0; i < 20000; i++) crypto.createHash('sha512').update('x');

// The openssl command is the peer: same digest, same ciphertext.
function opensslAvailable() {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const steps = [];
function next() {
  const step = steps.shift();
  if (step) step();
}

const file = path.join(tmp, 'data.bin');
fs.writeFileSync(file, crypto.randomBytes(3 * 1024 * 1024 + 17));

steps.push(() => {
  // A file streamed into a Hash (the stream interface) vs openssl dgst.
  const hash = crypto.createHash('sha256');
  pipeline(fs.createReadStream(file), hash, (err) => {
    assert.ifError(err);
    const digest = hash.read().toString('hex');
    assert.strictEqual(digest, crypto.createHash('sha256')
      .update(fs.readFileSync(file)).digest('hex'));
    if (!opensslAvailable()) return next();
    const child = spawn('openssl', ['dgst', '-sha256', '-r', file]);
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('close', (code) => {
      assert.strictEqual(code, 0);
      assert.strictEqual(out.split(' ')[0], digest);
      next();
    });
  });
});

steps.push(() => {
  // aes-256-cbc through a Cipheriv stream vs `openssl enc` on the same file.
  const key = crypto.randomBytes(32);
  const iv = crypto.randomBytes(16);
  const outFile = path.join(tmp, 'enc.bin');
  pipeline(fs.createReadStream(file),
    crypto.createCipheriv('aes-256-cbc', key, iv),
    fs.createWriteStream(outFile), (err) => {
      assert.ifError(err);
      const ours = fs.readFileSync(outFile);
      const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
      assert.deepStrictEqual(Buffer.concat([d.update(ours), d.final()]),
        fs.readFileSync(file));
      if (!opensslAvailable()) return next();
      const theirFile = path.join(tmp, 'openssl.bin');
      execFileSync('openssl', ['enc', '-aes-256-cbc', '-K', hex(key), '-iv',
        hex(iv), '-in', file, '-out', theirFile]);
      assert.ok(fs.readFileSync(theirFile).equals(ours));
      next();
    });
});

steps.push(() => {
  // Callback forms run on the thread pool; several at once all answer.
  let left = 4;
  const done = () => { if (--left === 0) next(); };
  crypto.pbkdf2('pw', 'salt', 2000, 32, 'sha256', (err, key) => {
    assert.ifError(err);
    assert.deepStrictEqual(key, crypto.pbkdf2Sync('pw', 'salt', 2000, 32,
      'sha256'));
    done();
  });
  crypto.scrypt('pw', 'salt', 32, { N: 1024 }, (err, key) => {
    assert.ifError(err);
    assert.deepStrictEqual(key, crypto.scryptSync('pw', 'salt', 32,
      { N: 1024 }));
    done();
  });
  crypto.randomFill(new Uint32Array(1000), (err, buf) => {
    assert.ifError(err);
    assert.ok(buf.some((x) => x !== 0));
    done();
  });
  crypto.randomBytes(1024, (err, buf) => {
    assert.ifError(err);
    assert.strictEqual(buf.length, 1024);
    done();
  });
});

steps.push(() => {
  // A worker thread derives the same key and digests with its own contexts;
  // it exits with pending hash objects (the runtime teardown frees them).
  const worker = new Worker(`
    const crypto = require('crypto');
    const { parentPort } = require('worker_threads');
    const leftover = crypto.createHmac('sha256', 'k').update('x');
    crypto.pbkdf2('pw', 'salt', 500, 16, 'sha512', (err, key) => {
      parentPort.postMessage([key.toString('hex'),
        crypto.createHash('sha1').update('abc').digest('hex')]);
    });
  `, { eval: true });
  worker.once('message', (msg) => {
    assert.deepStrictEqual(msg, [hex(crypto.pbkdf2Sync('pw', 'salt', 500, 16,
      'sha512')), 'a9993e364706816aba3e25717850c26c9cd0d89d']);
  });
  worker.once('exit', (code) => {
    assert.strictEqual(code, 0);
    next();
  });
});

steps.push(async () => {
  // Web Crypto end to end: the global, AES-GCM and an HMAC-signed JWT.
  const { subtle } = globalThis.crypto;
  const key = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true,
    ['encrypt', 'decrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle.encrypt({ name: 'AES-GCM', iv }, key,
    Buffer.from('hello'));
  const raw = Buffer.from(await subtle.exportKey('raw', key));
  const d = crypto.createDecipheriv('aes-256-gcm', raw, iv);
  d.setAuthTag(Buffer.from(ct).subarray(-16));
  assert.strictEqual(Buffer.concat([d.update(Buffer.from(ct).subarray(0, -16)),
    d.final()]).toString(), 'hello');
  const hmacKey = await subtle.importKey('raw', Buffer.from('secret'),
    { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const sig = await subtle.sign('HMAC', hmacKey, Buffer.from('a.b'));
  assert.strictEqual(Buffer.from(sig).toString('base64url'),
    crypto.createHmac('sha256', 'secret').update('a.b').digest('base64url'));
  await assert.rejects(subtle.decrypt({ name: 'AES-GCM', iv }, key,
    Buffer.alloc(20)), { name: 'OperationError' });
  finished = true;
});

// Every step ran to its end (none stopped on a lost event).
let finished = false;
process.on('exit', (code) => {
  if (code === 0) assert.ok(finished, 'a step never finished');
});
next();
