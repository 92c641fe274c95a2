// Differential corpus for node:crypto: digests, HMAC, ciphers, KDFs, the
// argument errors and OpenSSL error shapes, and Web Crypto's secret-key
// algorithms, printed case by case (random output only by its shape).
'use strict';

const crypto = require('crypto');
const util = require('util');

let n = 0;
const pending = [];
function show(value) {
  return util.inspect(value, { depth: 6, breakLength: 120 });
}
function describe(err) {
  const extra = {};
  for (const key of ['library', 'reason', 'opensslErrorStack']) {
    if (err[key] !== undefined) extra[key] = err[key];
  }
  return `THROWS ${err.name} ${err.code} ${err.message} ${show(extra)}`;
}
function record(label, compute) {
  let result;
  try {
    result = show(compute());
  } catch (err) {
    result = describe(err);
  }
  console.log(JSON.stringify([`${n++} ${label}`, result]));
}
// Async cases print in the order they were declared, after the sync ones.
function recordAsync(label, start) {
  const id = n++;
  pending.push(new Promise((resolve) => {
    const done = (result) => resolve([`${id} ${label}`, result]);
    try {
      Promise.resolve(start()).then((v) => done(show(v)),
        (err) => done(describe(err)));
    } catch (err) {
      done(describe(err));
    }
  }));
}
function callback(fn) {
  return new Promise((resolve, reject) => {
    fn((err, value) => (err ? reject(err) : resolve(value)));
  });
}

const hex = (b) => Buffer.from(b).toString('hex');

// Digests
for (const alg of ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
  'sha512-224', 'sha512-256', 'sha3-224', 'sha3-256', 'sha3-384', 'sha3-512',
  'shake128', 'shake256', 'RSA-SHA256', 'ripemd160', 'SHA256', 'blake2b512',
  'md5-sha1', 'sm3']) {
  record(`createHash ${alg}`, () => crypto.createHash(alg).update('abc')
    .update(Buffer.from([1, 2, 3])).digest('hex'));
}
for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary', 'buffer',
  undefined, 'ucs2', 'utf8', 'bogus']) {
  record(`digest(${enc})`, () => crypto.createHash('sha1').update('x')
    .digest(enc));
}
for (const enc of ['utf8', 'latin1', 'hex', 'base64', 'ucs2', 'ascii']) {
  record(`update(str, ${enc})`, () => crypto.createHash('sha256')
    .update('caf\u00e9 \u{1f600} 00ff', enc).digest('hex'));
}
record('update views', () => [new Uint16Array([1, 2]),
  new DataView(new ArrayBuffer(3)), new Float64Array([1.5])].map((v) =>
  crypto.createHash('sha1').update(v).digest('hex')));
record('shake outputLength', () => [0, 1, 5, 100].map((len) =>
  crypto.createHash('shake256', { outputLength: len }).digest('hex')));
record('copy', () => {
  const h = crypto.createHash('sha256').update('a');
  const c = h.copy().update('b');
  return [h.digest('hex'), c.digest('hex')];
});
record('copy outputLength', () => crypto.createHash('shake128')
  .copy({ outputLength: 3 }).digest('hex'));
record('unknown hash', () => crypto.createHash('nope'));
record('bad outputLength', () => crypto.createHash('sha256',
  { outputLength: 5 }));
record('negative outputLength', () => crypto.createHash('shake128',
  { outputLength: -1 }));
record('digest twice', () => {
  const h = crypto.createHash('sha1');
  h.digest();
  return h.digest();
});
record('update after digest', () => {
  const h = crypto.createHash('sha1');
  h.digest();
  return h.update('x');
});
record('update(number)', () => crypto.createHash('sha1').update(5));
record('createHash(5)', () => crypto.createHash(5));
record('Hash without new', () => crypto.Hash('sha1').update('a')
  .digest('hex'));
record('hash()', () => [crypto.hash('sha1', 'abc'),
  crypto.hash('md5', Buffer.from('abc'), 'base64'),
  crypto.hash('sha256', 'abc', 'buffer')]);
record('hash() errors', () => [() => crypto.hash('nope', 'x'),
  () => crypto.hash('sha1', 5), () => crypto.hash('sha1', 'x', 'bogus')]
  .map((f) => {
    try { return f(); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
  }));

// HMAC
record('hmac', () => crypto.createHmac('sha256', 'key').update('data')
  .digest('hex'));
record('hmac buffer key', () => crypto.createHmac('sha512',
  Buffer.alloc(200, 7)).update('data').digest('base64'));
record('hmac empty key', () => crypto.createHmac('sha1', '').digest('hex'));
record('hmac digest twice', () => {
  const h = crypto.createHmac('sha1', 'k');
  h.digest();
  return h.digest('hex');
});
record('hmac update after digest', () => {
  const h = crypto.createHmac('sha1', 'k');
  h.digest();
  return h.update('x');
});
record('hmac unknown', () => crypto.createHmac('nope', 'k'));
record('hmac bad key', () => crypto.createHmac('sha1', 5));
record('hmac sha3', () => crypto.createHmac('sha3-256', 'k').update('x')
  .digest('hex'));

// An HS256 JWT as jsonwebtoken makes it.
record('jwt HS256', () => {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.` +
    b64({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
  const sig = crypto.createHmac('sha256', 'secret').update(input)
    .digest('base64').replace(/=/g, '').replace(/\+/g, '-')
    .replace(/\//g, '_');
  return `${input}.${sig}`;
});

// Ciphers
const key16 = Buffer.alloc(16, 1);
const key32 = Buffer.alloc(32, 2);
const iv16 = Buffer.alloc(16, 3);
const iv12 = Buffer.alloc(12, 4);
for (const [alg, key, iv] of [['aes-128-cbc', key16, iv16],
  ['aes-192-cbc', Buffer.alloc(24), iv16], ['aes-256-cbc', key32, iv16],
  ['aes-128-ctr', key16, iv16], ['aes-256-ctr', key32, iv16],
  ['aes-128-ecb', key16, null], ['aes-256-ecb', key32, Buffer.alloc(0)],
  ['aes-128-cfb', key16, iv16], ['aes-128-ofb', key16, iv16],
  ['chacha20', key32, iv16], ['des-ede3-cbc', Buffer.alloc(24, 9),
    Buffer.alloc(8)]]) {
  record(`cipher ${alg}`, () => {
    const c = crypto.createCipheriv(alg, key, iv);
    const out = c.update('hello world, this is longer than a block', 'utf8',
      'hex') + c.final('hex');
    const d = crypto.createDecipheriv(alg, key, iv);
    return [out, d.update(out, 'hex', 'utf8') + d.final('utf8')];
  });
}
for (const [alg, key] of [['aes-128-gcm', key16],
  ['aes-192-gcm', Buffer.alloc(24)], ['aes-256-gcm', key32],
  ['chacha20-poly1305', key32]]) {
  record(`aead ${alg}`, () => {
    const c = crypto.createCipheriv(alg, key, iv12);
    c.setAAD(Buffer.from('header'));
    const out = Buffer.concat([c.update('secret message'), c.final()]);
    const tag = c.getAuthTag();
    const d = crypto.createDecipheriv(alg, key, iv12);
    d.setAAD(Buffer.from('header'));
    d.setAuthTag(tag);
    const plain = Buffer.concat([d.update(out), d.final()]).toString();
    return [hex(out), hex(tag), plain];
  });
  record(`aead ${alg} wrong tag`, () => {
    const c = crypto.createCipheriv(alg, key, iv12);
    const out = Buffer.concat([c.update('secret'), c.final()]);
    const d = crypto.createDecipheriv(alg, key, iv12);
    d.setAuthTag(Buffer.alloc(16));
    d.update(out);
    return d.final();
  });
}
record('gcm authTagLength 8', () => {
  const c = crypto.createCipheriv('aes-128-gcm', key16, iv12,
    { authTagLength: 8 });
  c.update('x');
  c.final();
  return hex(c.getAuthTag());
});
record('gcm short iv', () => {
  const c = crypto.createCipheriv('aes-128-gcm', key16, Buffer.alloc(1));
  return c.update('abc', 'utf8', 'hex') + c.final('hex');
});
record('ccm', () => {
  const c = crypto.createCipheriv('aes-128-ccm', key16, iv12,
    { authTagLength: 16 });
  c.setAAD(Buffer.from('a'), { plaintextLength: 5 });
  const out = Buffer.concat([c.update('hello'), c.final()]);
  return [hex(out), hex(c.getAuthTag())];
});
record('gcm decipher no tag', () => {
  const d = crypto.createDecipheriv('aes-128-gcm', key16, iv12);
  d.update('abc');
  return d.final();
});
record('base64 output across updates', () => {
  const c = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  return [c.update('a', 'utf8', 'base64'), c.update('bcdefghijklmnopq',
    'utf8', 'base64'), c.final('base64')];
});
record('no padding', () => {
  const c = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  c.setAutoPadding(false);
  c.update('abc');
  return c.final();
});
record('bad decrypt', () => {
  const c = crypto.createCipheriv('aes-128-cbc', key16, iv16);
  const out = Buffer.concat([c.update('abc'), c.final()]);
  const d = crypto.createDecipheriv('aes-128-cbc', Buffer.alloc(16), iv16);
  d.update(out);
  return d.final();
});
record('cipher errors', () => [
  () => crypto.createCipheriv('nope', key16, iv16),
  () => crypto.createCipheriv('aes-128-cbc', Buffer.alloc(15), iv16),
  () => crypto.createCipheriv('aes-128-cbc', key16, Buffer.alloc(15)),
  () => crypto.createCipheriv('aes-128-cbc', key16, null),
  () => crypto.createCipheriv('aes-128-gcm', key16, Buffer.alloc(0)),
  () => crypto.createCipheriv('aes-128-gcm', key16, iv12,
    { authTagLength: 7 }),
  () => crypto.createCipheriv('aes-128-ccm', key16, iv12),
  () => crypto.createCipheriv(5, key16, iv16),
  () => crypto.createCipheriv('aes-128-cbc', 5, iv16),
  () => crypto.createCipheriv('aes-128-cbc', key16, 5),
  () => crypto.createCipheriv('aes-128-cbc', key16, iv16).update(5),
  () => {
    const c = crypto.createCipheriv('aes-128-gcm', key16, iv12);
    c.final();
    return c.final();
  },
  () => {
    const c = crypto.createCipheriv('aes-128-gcm', key16, iv12);
    c.final();
    return c.update('x');
  },
  () => crypto.createCipheriv('aes-128-gcm', key16, iv12).getAuthTag(),
  () => {
    const c = crypto.createCipheriv('aes-128-gcm', key16, iv12);
    c.update('x');
    return c.setAAD(Buffer.from('a'));
  },
  () => crypto.createDecipheriv('aes-128-gcm', key16, iv12)
    .setAuthTag(Buffer.alloc(3)),
  () => crypto.createDecipheriv('aes-128-gcm', key16, iv12,
    { authTagLength: 8 }).setAuthTag(Buffer.alloc(16)),
  () => {
    const d = crypto.createDecipheriv('aes-128-gcm', key16, iv12);
    d.setAuthTag(Buffer.alloc(16));
    return d.setAuthTag(Buffer.alloc(16));
  },
  () => typeof crypto.createCipheriv('aes-128-cbc', key16, iv16).setAuthTag,
  () => typeof crypto.createDecipheriv('aes-128-cbc', key16, iv16)
    .getAuthTag,
].map((f) => {
  try { return show(f()); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}));
record('getCipherInfo', () => ['aes-128-gcm', 'aes-256-cbc',
  'chacha20-poly1305', 'aes-128-ecb', 'des-ede3-cbc', 'nope', 'AES-128-CBC']
  .map((name) => crypto.getCipherInfo(name)));
record('getCipherInfo keyLength', () => [
  crypto.getCipherInfo('aes-128-cbc', { keyLength: 16 }),
  crypto.getCipherInfo('aes-128-cbc', { keyLength: 15 })]);

// Lists, constants, versions
record('getHashes', () => crypto.getHashes());
record('getCiphers', () => crypto.getCiphers());
record('getCurves', () => crypto.getCurves());
record('constants', () => crypto.constants);
record('versions.openssl', () => process.versions.openssl);
record('config ssl', () => Object.entries(process.config.variables)
  .filter(([k]) => /openssl/.test(k)));
record('getFips secureHeapUsed', () => [crypto.getFips(),
  crypto.secureHeapUsed()]);

// Random
record('randomBytes', () => [crypto.randomBytes(0).length,
  crypto.randomBytes(33).length, Buffer.isBuffer(crypto.randomBytes(1))]);
record('randomBytes errors', () => [-1, '1', 2 ** 31, NaN, 1.5].map((s) => {
  try { return crypto.randomBytes(s).length; } catch (e) { return `${e.code} ${e.message}`; }
}));
record('randomFillSync', () => {
  const a = new Uint32Array(4);
  crypto.randomFillSync(a, 1, 2);
  return [a[0], a[3], crypto.randomFillSync(Buffer.alloc(3)).length,
    crypto.randomFillSync(new ArrayBuffer(5)).byteLength];
});
record('randomFillSync errors', () => [
  () => crypto.randomFillSync('x'),
  () => crypto.randomFillSync(Buffer.alloc(4), 5),
  () => crypto.randomFillSync(Buffer.alloc(4), 1, 4),
  () => crypto.randomFillSync(Buffer.alloc(4), -1),
  () => crypto.randomFillSync(Buffer.alloc(4), '1'),
  () => crypto.randomFillSync(new Uint32Array(2), 1, 2),
].map((f) => {
  try { return show(f()); } catch (e) { return `${e.code} ${e.message}`; }
}));
record('randomInt', () => {
  const seen = new Set();
  for (let i = 0; i < 200; i++) seen.add(crypto.randomInt(3, 6));
  return [...seen].sort();
});
record('randomInt errors', () => [[1.5], [5, 1], [0, 2 ** 48 + 1], [5, 6, 5],
  ['a'], [1, 'a'], [2 ** 53]].map((args) => {
  try { return crypto.randomInt(...args); } catch (e) { return `${e.code} ${e.message}`; }
}));
record('randomUUID', () => {
  const u = crypto.randomUUID();
  return [u.length, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    .test(u), crypto.randomUUID({ disableEntropyCache: true }).length];
});
record('randomUUID errors', () => [5, { disableEntropyCache: 1 }].map((o) => {
  try { return crypto.randomUUID(o); } catch (e) { return `${e.code} ${e.message}`; }
}));
record('getRandomValues', () => [
  () => crypto.getRandomValues(new Uint8Array(4)).length,
  () => crypto.getRandomValues(new BigInt64Array(2)).length,
  () => crypto.getRandomValues(new Float32Array(1)),
  () => crypto.getRandomValues(new Uint8Array(65537)),
  () => globalThis.crypto.getRandomValues(new Int16Array(3)).length,
].map((f) => {
  try { return show(f()); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}));
record('timingSafeEqual', () => [
  () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ab')),
  () => crypto.timingSafeEqual(Buffer.from('ab'), Buffer.from('ac')),
  () => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)),
  () => crypto.timingSafeEqual('a', Buffer.alloc(1)),
  () => crypto.timingSafeEqual(new Uint16Array([1]), Buffer.from([1, 0])),
].map((f) => {
  try { return show(f()); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}));

// Key derivation
record('pbkdf2Sync', () => [hex(crypto.pbkdf2Sync('pw', 'salt', 1000, 32,
  'sha256')), hex(crypto.pbkdf2Sync(Buffer.from('pw'), 'salt', 1, 0,
  'sha1')), hex(crypto.pbkdf2Sync('pw', 'salt', 2, 70, 'sha512'))]);
record('pbkdf2 errors', () => [
  ['a', 'b', 0, 10, 'sha1'], ['a', 'b', 1, -1, 'sha1'],
  ['a', 'b', 1, 10, 'foo'], ['a', 'b', 1, 10], [1, 'b', 1, 10, 'sha1'],
].map((args) => {
  try { return crypto.pbkdf2Sync(...args); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}));
record('scryptSync', () => [hex(crypto.scryptSync('pw', 'salt', 16)),
  hex(crypto.scryptSync('pw', 'salt', 16, { N: 1024, r: 4, p: 2 })),
  hex(crypto.scryptSync('pw', 'salt', 16, { cost: 16 }))]);
record('scrypt errors', () => [
  ['a', 'b', -1], ['a', 'b', 16, { N: 3 }], ['a', 'b', 16, { N: 16, cost: 16 }],
  ['a', 'b', 16, { maxmem: -1 }], ['a', 'b', 16, { N: 2 ** 20 }],
].map((args) => {
  try { return crypto.scryptSync(...args); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}));
record('hkdfSync', () => [hex(crypto.hkdfSync('sha256', 'k', 's', 'i', 42)),
  hex(crypto.hkdfSync('sha512', Buffer.from('k'), '', '', 10)),
  crypto.hkdfSync('sha1', '', '', '', 0)]);
record('hkdf errors', () => [
  ['foo', 'k', 's', 'i', 10], ['sha1', 'k', 's', 'i', 20 * 255 + 1],
  ['sha1', 'k', 's', Buffer.alloc(1025), 10], ['sha1', 1, 's', 'i', 10],
].map((args) => {
  try { return crypto.hkdfSync(...args); } catch (e) { return `${e.name} ${e.code} ${e.message}`; }
}));
recordAsync('pbkdf2 callback', () => callback((cb) => crypto.pbkdf2('pw',
  'salt', 100, 20, 'sha1', cb)).then(hex));
recordAsync('scrypt callback', () => callback((cb) => crypto.scrypt('pw',
  'salt', 16, { N: 256 }, cb)).then(hex));
recordAsync('hkdf callback', () => callback((cb) => crypto.hkdf('sha256',
  'k', 's', 'i', 16, cb)).then(hex));
recordAsync('randomFill callback', () => callback((cb) =>
  crypto.randomFill(Buffer.alloc(8), 2, 3, cb)).then((b) => b.length));
recordAsync('randomBytes callback', () => callback((cb) =>
  crypto.randomBytes(9, cb)).then((b) => b.length));
recordAsync('randomInt callback', () => callback((cb) =>
  crypto.randomInt(1, 2, cb)));

// Web Crypto
const { subtle } = globalThis.crypto;
record('webcrypto identity', () => [crypto.webcrypto === globalThis.crypto,
  crypto.subtle === subtle, String(subtle), String(globalThis.crypto),
  Object.keys(Object.getOwnPropertyDescriptor(globalThis, 'crypto'))]);
for (const alg of ['SHA-1', 'SHA-256', 'sha-384', { name: 'SHA-512' }]) {
  recordAsync(`subtle.digest ${show(alg)}`, async () =>
    hex(await subtle.digest(alg, Buffer.from('abc'))));
}
recordAsync('subtle.digest errors', async () => {
  const out = [];
  for (const args of [['SHA-257', Buffer.from('x')], ['SHA-256', 'x']]) {
    try { out.push(await subtle.digest(...args)); } catch (e) { out.push(`${e.name} ${e.message}`); }
  }
  return out;
});
recordAsync('HMAC sign/verify', async () => {
  const key = await subtle.importKey('raw', Buffer.from('secret'),
    { name: 'HMAC', hash: 'SHA-256' }, true, ['sign', 'verify']);
  const sig = await subtle.sign('HMAC', key, Buffer.from('data'));
  return [key.algorithm, key.type, key.usages, key.extractable, hex(sig),
    await subtle.verify('HMAC', key, sig, Buffer.from('data')),
    await subtle.verify('HMAC', key, sig, Buffer.from('datb')),
    await subtle.exportKey('jwk', key), hex(await subtle.exportKey('raw', key))];
});
recordAsync('HMAC generateKey', async () => {
  const key = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-512' },
    true, ['sign']);
  return [key.algorithm, (await subtle.exportKey('raw', key)).byteLength];
});
recordAsync('HMAC jwk import', async () => {
  const key = await subtle.importKey('jwk', { kty: 'oct', k: 'c2VjcmV0',
    alg: 'HS256' }, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await subtle.sign('HMAC', key, Buffer.from('data')));
});
for (const [name, params] of [
  ['AES-GCM', { iv: Buffer.alloc(12, 1), additionalData: Buffer.from('x') }],
  ['AES-GCM', { iv: Buffer.alloc(12, 1), tagLength: 96 }],
  ['AES-CBC', { iv: Buffer.alloc(16, 1) }],
  ['AES-CTR', { counter: Buffer.alloc(16, 1), length: 64 }]]) {
  recordAsync(`${name} encrypt/decrypt ${Object.keys(params)}`, async () => {
    const key = await subtle.importKey('raw', Buffer.alloc(32, 5), name, true,
      ['encrypt', 'decrypt']);
    const ct = await subtle.encrypt({ name, ...params }, key,
      Buffer.from('hello subtle world'));
    const pt = await subtle.decrypt({ name, ...params }, key, ct);
    return [key.algorithm, hex(ct), Buffer.from(pt).toString(),
      await subtle.exportKey('jwk', key)];
  });
}
recordAsync('AES-GCM bad tag', async () => {
  const key = await subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', false,
    ['decrypt']);
  try {
    return await subtle.decrypt({ name: 'AES-GCM', iv: Buffer.alloc(12) }, key,
      Buffer.alloc(20));
  } catch (e) { return `${e.name} ${e.message}`; }
});
recordAsync('AES generateKey', async () => {
  const key = await subtle.generateKey({ name: 'AES-CBC', length: 192 }, true,
    ['encrypt']);
  return [key.algorithm, key.usages, (await subtle.exportKey('raw', key))
    .byteLength];
});
recordAsync('AES-KW wrap', async () => {
  const kek = await subtle.importKey('raw', Buffer.alloc(16, 1), 'AES-KW',
    false, ['wrapKey', 'unwrapKey']);
  const key = await subtle.importKey('raw', Buffer.alloc(16, 2), 'AES-GCM',
    true, ['encrypt']);
  const wrapped = await subtle.wrapKey('raw', key, kek, 'AES-KW');
  const back = await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM',
    true, ['encrypt']);
  return [hex(wrapped), hex(await subtle.exportKey('raw', back))];
});
recordAsync('subtle errors', async () => {
  const out = [];
  const hmacKey = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' },
    true, ['sign']);
  const aesKey = await subtle.generateKey({ name: 'AES-GCM', length: 128 },
    false, ['encrypt']);
  for (const f of [
    () => subtle.encrypt({ name: 'AES-GCM', iv: Buffer.alloc(12) }, hmacKey,
      Buffer.alloc(1)),
    () => subtle.importKey('raw', Buffer.alloc(5), 'AES-GCM', true,
      ['encrypt']),
    () => subtle.importKey('raw', Buffer.alloc(16), 'AES-GCM', true, ['sign']),
    () => subtle.importKey('raw', Buffer.alloc(16), 'PBKDF2', true,
      ['deriveBits']),
    () => subtle.exportKey('raw', aesKey),
    () => subtle.sign('HMAC', aesKey, Buffer.alloc(1)),
    () => subtle.generateKey({ name: 'AES-GCM', length: 100 }, true,
      ['encrypt']),
    () => subtle.generateKey({ name: 'NOPE' }, true, ['encrypt']),
  ]) {
    try { out.push(show(await f())); } catch (e) { out.push(`${e.name} ${e.message}`); }
  }
  return out;
});
recordAsync('PBKDF2 deriveBits/deriveKey', async () => {
  const base = await subtle.importKey('raw', Buffer.from('pw'), 'PBKDF2',
    false, ['deriveBits', 'deriveKey']);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', salt: Buffer.from(
    'salt'), iterations: 1000, hash: 'SHA-256' }, base, 256);
  const key = await subtle.deriveKey({ name: 'PBKDF2', salt: Buffer.from(
    'salt'), iterations: 1000, hash: 'SHA-256' }, base,
  { name: 'AES-GCM', length: 128 }, true, ['encrypt']);
  return [hex(bits), base.algorithm, base.extractable, key.algorithm,
    hex(await subtle.exportKey('raw', key))];
});
recordAsync('HKDF deriveBits/deriveKey', async () => {
  const base = await subtle.importKey('raw', Buffer.from('ikm'), 'HKDF',
    false, ['deriveBits', 'deriveKey']);
  const params = { name: 'HKDF', salt: Buffer.from('salt'),
    info: Buffer.from('info'), hash: 'SHA-384' };
  const bits = await subtle.deriveBits(params, base, 128);
  const key = await subtle.deriveKey(params, base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 }, true, ['sign']);
  return [hex(bits), key.algorithm, hex(await subtle.exportKey('raw', key))];
});

Promise.all(pending).then((rows) => {
  for (const row of rows) console.log(JSON.stringify(row));
});
