// Differential corpus for node:crypto's asymmetric half: keys made once by
// the openssl command (the first runtime to run makes them, the second reads
// the same files), their details and exports in every encoding, signatures
// whose bytes are deterministic (RSA PKCS#1 v1.5, Ed25519) so node's and
// jspack's must be equal, verification of signatures openssl made, and
// Node's errors for bad arguments.
'use strict';

const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { spawnSync } = require('child_process');

let n = 0;
function record(label, compute) {
  let result;
  try {
    const value = compute();
    result = util.inspect(value, { depth: 6, breakLength: 120,
      maxArrayLength: 400, maxStringLength: 20000 });
  } catch (err) {
    result = `THROWS ${err.name} ${err.code} ${err.message} ` +
      util.inspect({ library: err.library, reason: err.reason });
  }
  console.log(JSON.stringify([`${n++} ${label}`, result]));
}

// The fixture directory: made under a lock-free rename so a half-written
// one is never used.
const dir = path.join(os.tmpdir(), 'jspack-crypto-keys-corpus-v1');
function openssl(cwd, ...args) {
  const r = spawnSync('openssl', args, { cwd });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
if (!fs.existsSync(path.join(dir, 'done'))) {
  const tmp = fs.mkdtempSync(`${dir}-tmp-`);
  const o = (...args) => openssl(tmp, ...args);
  o('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024',
    '-out', 'rsa.pem');
  o('rsa', '-in', 'rsa.pem', '-traditional', '-out', 'rsa1.pem');
  o('pkey', '-in', 'rsa.pem', '-pubout', '-out', 'rsa.pub.pem');
  o('genpkey', '-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:1024',
    '-pkeyopt', 'rsa_pss_keygen_md:sha256', '-pkeyopt',
    'rsa_pss_keygen_saltlen:16', '-out', 'pss.pem');
  o('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256',
    '-out', 'p256.pem');
  o('ec', '-in', 'p256.pem', '-out', 'p256.sec1.pem');
  o('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521',
    '-out', 'p521.pem');
  o('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1',
    '-out', 'k1.pem');
  o('genpkey', '-algorithm', 'ED25519', '-out', 'ed.pem');
  o('genpkey', '-algorithm', 'X25519', '-out', 'x.pem');
  o('genpkey', '-algorithm', 'X25519', '-out', 'x2.pem');
  o('pkey', '-in', 'x2.pem', '-pubout', '-out', 'x2.pub.pem');
  o('pkey', '-in', 'rsa.pem', '-aes-128-cbc', '-passout', 'pass:pw',
    '-out', 'rsa.enc.pem');
  fs.writeFileSync(path.join(tmp, 'msg'), 'message signed by openssl\n');
  o('dgst', '-sha256', '-sign', 'p256.pem', '-out', 'p256.sig', 'msg');
  o('dgst', '-sha384', '-sign', 'rsa.pem', '-sigopt', 'rsa_padding_mode:pss',
    '-out', 'rsa-pss.sig', 'msg');
  o('req', '-x509', '-key', 'p256.pem', '-out', 'cert.pem', '-days', '3650',
    '-set_serial', '4660', '-subj', '/C=DE/ST=Berlin/O=Corpus/CN=corpus.test',
    '-addext', 'subjectAltName=DNS:corpus.test,DNS:*.corpus.test,' +
    'IP:192.168.7.1,email:me@corpus.test',
    '-addext', 'extendedKeyUsage=serverAuth',
    '-addext', 'authorityInfoAccess=OCSP;URI:http://ocsp.corpus.test/');
  o('req', '-new', '-key', 'rsa.pem', '-out', 'leaf.csr', '-subj',
    '/CN=leaf.corpus.test');
  o('x509', '-req', '-in', 'leaf.csr', '-CA', 'cert.pem', '-CAkey',
    'p256.pem', '-set_serial', '7', '-days', '3650', '-out', 'leaf.pem');
  fs.writeFileSync(path.join(tmp, 'done'), '');
  try {
    fs.renameSync(tmp, dir);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
const read = (name) => fs.readFileSync(path.join(dir, name));
const msg = read('msg');

const rsa = crypto.createPrivateKey(read('rsa.pem'));
const rsaPub = crypto.createPublicKey(read('rsa.pub.pem'));
const pss = crypto.createPrivateKey(read('pss.pem'));
const p256 = crypto.createPrivateKey(read('p256.pem'));
const p521 = crypto.createPrivateKey(read('p521.pem'));
const k1 = crypto.createPrivateKey(read('k1.pem'));
const ed = crypto.createPrivateKey(read('ed.pem'));
const x = crypto.createPrivateKey(read('x.pem'));
const all = { rsa, pss, p256, p521, k1, ed, x };
// First: later cases leave errors on node's OpenSSL queue that this one
// would then report.
record('pkcs1 pem', () => crypto.createPrivateKey(read('rsa1.pem')).export({
  type: 'pkcs8', format: 'pem' }) === rsa.export({ type: 'pkcs8',
  format: 'pem' }));

for (const [name, key] of Object.entries(all)) {
  const pub = crypto.createPublicKey(key);
  record(`${name} shape`, () => [key.type, key.asymmetricKeyType,
    key.asymmetricKeyDetails, pub.type, String(key), key.symmetricKeySize]);
  record(`${name} inspect`, () => key);
  record(`${name} pkcs8 pem`, () => key.export({ type: 'pkcs8', format: 'pem' }));
  record(`${name} pkcs8 der`, () => key.export({ type: 'pkcs8', format: 'der' })
    .toString('base64'));
  record(`${name} spki pem`, () => pub.export({ type: 'spki', format: 'pem' }));
  record(`${name} spki der`, () => pub.export({ type: 'spki', format: 'der' })
    .toString('hex'));
  record(`${name} pkcs1`, () => key.export({ type: 'pkcs1', format: 'pem' }));
  record(`${name} pkcs1 pub`, () => pub.export({ type: 'pkcs1', format: 'der' })
    .toString('hex'));
  record(`${name} sec1`, () => key.export({ type: 'sec1', format: 'pem' }));
  record(`${name} jwk`, () => key.export({ format: 'jwk' }));
  record(`${name} jwk pub`, () => pub.export({ format: 'jwk' }));
  record(`${name} jwk round trip`, () => {
    const jwk = key.export({ format: 'jwk' });
    return crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(key);
  });
  record(`${name} equals`, () => [key.equals(key), pub.equals(key),
    pub.equals(crypto.createPublicKey(pub.export({ type: 'spki',
      format: 'der' }).length ? { key: pub.export({ type: 'spki',
      format: 'der' }), format: 'der', type: 'spki' } : pub))]);
  // (key.equals() of keys of another type is not compared: node leaves an
  // OpenSSL error queued that a later, unrelated call then throws.)
  record(`${name} export bad`, () => key.export());
  record(`${name} export der pkcs1 cipher`, () => key.export({ type: 'pkcs1',
    format: 'der', cipher: 'aes-128-cbc', passphrase: 'x' }));
}

// Other encodings of the same keys read back to them.
record('sec1 pem', () => crypto.createPrivateKey(read('p256.sec1.pem'))
  .equals(p256));
record('encrypted pem', () => crypto.createPrivateKey({ key: read('rsa.enc.pem'),
  passphrase: 'pw' }).equals(rsa));
record('encrypted pem buffer passphrase', () => crypto.createPrivateKey({
  key: read('rsa.enc.pem'), passphrase: Buffer.from('pw') }).equals(rsa));
record('encrypted pem wrong passphrase', () => crypto.createPrivateKey({
  key: read('rsa.enc.pem'), passphrase: 'nope' }));
record('encrypted pem no passphrase', () => crypto.createPrivateKey(
  read('rsa.enc.pem')));
record('der pkcs1', () => crypto.createPrivateKey({ key: rsa.export({
  type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' }).equals(rsa));
record('der sec1', () => crypto.createPrivateKey({ key: p256.export({
  type: 'sec1', format: 'der' }), format: 'der', type: 'sec1' }).equals(p256));
record('der spki', () => crypto.createPublicKey({ key: rsaPub.export({
  type: 'spki', format: 'der' }), format: 'der', type: 'spki' }).equals(rsaPub));
record('der pkcs1 public', () => crypto.createPublicKey({ key: rsaPub.export({
  type: 'pkcs1', format: 'der' }), format: 'der', type: 'pkcs1' })
  .equals(rsaPub));
record('pem pkcs1 public', () => crypto.createPublicKey(rsaPub.export({
  type: 'pkcs1', format: 'pem' })).equals(rsaPub));
record('public from private pem', () => crypto.createPublicKey(read('rsa.pem'))
  .equals(rsaPub));
record('public from certificate', () => crypto.createPublicKey(read('cert.pem'))
  .equals(crypto.createPublicKey(p256)));
record('key from string', () => crypto.createPrivateKey(
  read('ed.pem').toString()).asymmetricKeyType);
record('encrypted export round trip', () => {
  const pem = rsa.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc',
    passphrase: 'secret' });
  return [pem.split('\n')[0], crypto.createPrivateKey({ key: pem,
    passphrase: 'secret' }).equals(rsa)];
});
record('encrypted der round trip', () => {
  const der = p256.export({ type: 'pkcs8', format: 'der', cipher: 'aes-128-cbc',
    passphrase: 'secret' });
  return crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8',
    passphrase: 'secret' }).equals(p256);
});
record('legacy encrypted pkcs1', () => {
  const pem = rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc',
    passphrase: 'secret' });
  return [pem.split('\n').slice(0, 2), crypto.createPrivateKey({ key: pem,
    passphrase: 'secret' }).equals(rsa)];
});

// Deterministic signatures: the same bytes from both runtimes.
for (const digest of ['sha1', 'sha256', 'sha384', 'sha512', 'RSA-SHA256',
  'sha256WithRSAEncryption', 'SHA256']) {
  record(`rsa sign ${digest}`, () => crypto.sign(digest, msg, rsa)
    .toString('base64'));
}
record('rsa createSign', () => crypto.createSign('sha256').update('message ')
  .update(Buffer.from('signed by openssl\n')).sign(rsa, 'hex'));
record('rsa createSign stream', () => {
  const s = crypto.createSign('sha256');
  s.write('message signed by openssl\n');
  s.end();
  return s.sign({ key: read('rsa.pem') }, 'base64');
});
record('ed25519 sign', () => crypto.sign(null, msg, ed).toString('hex'));
record('ed25519 sign undefined', () => crypto.sign(undefined, msg, ed)
  .toString('hex'));
record('ed25519 verify', () => crypto.verify(null, msg, ed,
  crypto.sign(null, msg, ed)));
record('rsa verify own', () => crypto.verify('sha256', msg, rsaPub,
  crypto.sign('sha256', msg, rsa)));
record('pss sign verify', () => crypto.verify('sha256', msg, pss,
  crypto.sign('sha256', msg, pss)));
record('pss salt', () => {
  const s = crypto.sign('sha256', msg, { key: rsa, padding: 6, saltLength: 0 });
  return [s.length, crypto.verify('sha256', msg, { key: rsaPub, padding: 6,
    saltLength: 0 }, s), crypto.verify('sha256', msg, rsaPub, s)];
});
record('openssl ecdsa verify', () => [
  crypto.verify('sha256', msg, crypto.createPublicKey(p256), read('p256.sig')),
  crypto.createVerify('SHA256').update(msg).verify(p256, read('p256.sig')),
  crypto.verify('sha256', Buffer.from('x'), p256, read('p256.sig')),
]);
// ECDSA signatures made by earlier runs of this corpus (node's, then
// jspack's, then node's...) verify here; each run adds its own. A signature
// one runtime made that the other rejects shows as `false`.
record('ecdsa signatures of earlier runs', () => {
  const folder = path.join(dir, 'runs');
  fs.mkdirSync(folder, { recursive: true });
  // Oldest first: the stamp (time, then pid) is the last part of a name.
  const byAge = () => fs.readdirSync(folder).sort((a, b) =>
    a.split('.').pop().localeCompare(b.split('.').pop()));
  const names = byAge().slice(-6);
  const results = names.map((name) => {
    const [curve, digest, encoding] = name.split('.');
    const key = { p256, p521, k1 }[curve];
    return crypto.verify(digest, msg, { key, dsaEncoding: encoding },
      fs.readFileSync(path.join(folder, name)));
  });
  const stamp = `${Date.now()}-${process.pid}`;
  for (const [curve, key] of [['p256', p256], ['p521', p521], ['k1', k1]]) {
    for (const encoding of ['der', 'ieee-p1363']) {
      fs.writeFileSync(path.join(folder, `${curve}.sha256.${encoding}.${stamp}`),
        crypto.sign('sha256', msg, { key, dsaEncoding: encoding }));
    }
  }
  for (const old of byAge().slice(0, -12)) {
    fs.rmSync(path.join(folder, old));
  }
  return results.every((ok) => ok);
});
record('openssl pss verify', () => crypto.verify('sha384', msg,
  { key: rsaPub, padding: crypto.constants?.RSA_PKCS1_PSS_PADDING ?? 6 },
  read('rsa-pss.sig')));
for (const [name, key, size] of [['p256', p256, 64], ['p521', p521, 132],
  ['k1', k1, 64]]) {
  record(`${name} p1363`, () => {
    const s = crypto.sign('sha256', msg, { key, dsaEncoding: 'ieee-p1363' });
    return [s.length === size, crypto.verify('sha256', msg,
      { key, dsaEncoding: 'ieee-p1363' }, s), crypto.verify('sha256', msg,
      key, s)];
  });
  record(`${name} der sig`, () => {
    const s = crypto.sign('sha256', msg, key);
    return [s[0], crypto.verify('sha256', msg, key, s)];
  });
}

// RSA encryption.
record('publicEncrypt/privateDecrypt', () => crypto.privateDecrypt(rsa,
  crypto.publicEncrypt(rsaPub, Buffer.from('hello'))).toString());
record('oaep sha256 label', () => crypto.privateDecrypt({ key: rsa,
  oaepHash: 'sha256', oaepLabel: Buffer.from('L') }, crypto.publicEncrypt({
  key: rsaPub, oaepHash: 'sha256', oaepLabel: Buffer.from('L') },
  Buffer.from('hi'))).toString());
record('pkcs1 padding', () => crypto.privateDecrypt({ key: rsa, padding: 1 },
  crypto.publicEncrypt({ key: rsaPub, padding: 1 }, 'text')).toString());
record('privateEncrypt deterministic', () => crypto.privateEncrypt(rsa,
  Buffer.from('abc')).toString('base64'));
record('publicDecrypt', () => crypto.publicDecrypt(rsaPub,
  crypto.privateEncrypt(rsa, Buffer.from('abc'))).toString());
record('no padding', () => crypto.publicEncrypt({ key: rsaPub, padding: 3 },
  Buffer.alloc(128, 1)).toString('base64'));
record('privateDecrypt garbage', () => crypto.privateDecrypt(rsa,
  Buffer.alloc(128, 7)));
record('privateDecrypt too long', () => crypto.privateDecrypt(rsa,
  Buffer.alloc(300, 7)));
record('publicEncrypt too long', () => crypto.publicEncrypt(rsaPub,
  Buffer.alloc(200)));
record('publicEncrypt ec key', () => crypto.publicEncrypt(p256,
  Buffer.alloc(2)));

// Key agreement.
record('x25519', () => crypto.diffieHellman({ privateKey: x,
  publicKey: crypto.createPublicKey(read('x2.pub.pem')) }).toString('hex'));
record('ecdh keyobjects', () => {
  const other = crypto.createPrivateKey(read('p256.pem'));
  return crypto.diffieHellman({ privateKey: p256,
    publicKey: crypto.createPublicKey(other) }).length;
});
record('ecdh class fixed', () => {
  const jwk = p256.export({ format: 'jwk' });
  const e = crypto.createECDH('prime256v1');
  e.setPrivateKey(Buffer.from(jwk.d, 'base64url'));
  const peer = crypto.createPublicKey(k1);
  return [e.getPublicKey('base64url'), e.getPublicKey('hex', 'compressed'),
    e.getPublicKey('hex', 'hybrid'), e.getPrivateKey('base64url') === jwk.d,
    e.computeSecret(e.getPublicKey()).toString('hex'),
    peer.asymmetricKeyType];
});
record('ecdh convertKey', () => {
  const jwk = crypto.createPublicKey(p256).export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x,
    'base64url'), Buffer.from(jwk.y, 'base64url')]);
  const c = crypto.ECDH.convertKey(point, 'prime256v1', undefined, 'hex',
    'compressed');
  return [c, crypto.ECDH.convertKey(c, 'prime256v1', 'hex', 'base64')];
});

// Finite-field Diffie-Hellman with fixed private keys.
for (const group of ['modp1', 'modp2', 'modp5', 'modp14', 'modp15',
  'modp16', 'modp17', 'modp18']) {
  record(`dh group ${group}`, () => {
    const g = crypto.getDiffieHellman(group);
    return [g.getPrime('hex'), g.getGenerator('hex'), g.verifyError,
      g.constructor.name, typeof g.setPrivateKey];
  });
}
record('dh fixed keys', () => {
  const prime = crypto.getDiffieHellman('modp5').getPrime();
  const a = crypto.createDiffieHellman(prime, 2);
  const b = crypto.createDiffieHellman(prime.toString('base64'), 'base64',
    Buffer.from([2]));
  a.setPrivateKey(Buffer.from('0102030405060708090a', 'hex'));
  b.setPrivateKey('aabbccddeeff', 'hex');
  const pa = a.generateKeys('hex');
  const pb = b.generateKeys();
  return [pa, a.computeSecret(pb, null, 'hex'), b.computeSecret(pa, 'hex')
    .toString('base64'), a.getPrivateKey('hex'), a.verifyError, b.verifyError];
});
record('dh verifyError', () => [
  crypto.createDiffieHellman(Buffer.from([23]), 2).verifyError,
  crypto.createDiffieHellman(Buffer.from([24]), 2).verifyError,
  crypto.createDiffieHellman(crypto.getDiffieHellman('modp2').getPrime(),
    5).verifyError]);
record('dh generated prime', () => {
  const d = crypto.createDiffieHellman(512);
  return [d.getPrime().length, d.verifyError, d.getGenerator('hex')];
});
const dhErrors = {
  'dh unknown group': () => crypto.getDiffieHellman('modp3'),
  'dh generator 1': () => crypto.createDiffieHellman(Buffer.from([23]), 1),
  'dh prime too small': () => crypto.createDiffieHellman(1),
  'dh bad prime type': () => crypto.createDiffieHellman(true),
  'dh no private key': () => crypto.createDiffieHellman(Buffer.from([23]))
    .getPrivateKey(),
  'dh no public key': () => crypto.createDiffieHellman(Buffer.from([23]))
    .getPublicKey(),
  'dh secret without key': () => crypto.getDiffieHellman('modp2')
    .computeSecret(Buffer.from([5])),
  'dh peer too small': () => {
    const g = crypto.getDiffieHellman('modp2');
    g.generateKeys();
    return g.computeSecret(Buffer.from([1]));
  },
  'dh peer too large': () => {
    const g = crypto.getDiffieHellman('modp2');
    g.generateKeys();
    const p = g.getPrime();
    p[p.length - 1] -= 1;
    return g.computeSecret(p);
  },
};
for (const [label, fn] of Object.entries(dhErrors)) record(label, fn);

// Primes, secret key generation, SPKAC: what is deterministic.
record('checkPrime', () => [crypto.checkPrimeSync(7n),
  crypto.checkPrimeSync(Buffer.from([9])), crypto.checkPrimeSync(2n ** 127n - 1n),
  crypto.checkPrimeSync(new Uint8Array([0, 13]).buffer)]);
record('generatePrime', () => {
  const p = crypto.generatePrimeSync(64, { bigint: true, add: 12n, rem: 11n });
  const q = crypto.generatePrimeSync(40, { safe: true });
  return [p % 12n, p.toString(2).length, crypto.checkPrimeSync(p),
    q instanceof ArrayBuffer, q.byteLength];
});
record('generateKeySync', () => [
  crypto.generateKeySync('hmac', { length: 123 }).symmetricKeySize,
  crypto.generateKeySync('aes', { length: 192 }).symmetricKeySize]);
record('Certificate', () => [typeof crypto.Certificate,
  crypto.Certificate.verifySpkac(Buffer.from('abc')),
  crypto.Certificate.exportChallenge('abc'), crypto.Certificate.exportPublicKey(
    Buffer.from('abc')), new crypto.Certificate().verifySpkac(Buffer.from('x'))]);
const primeErrors = {
  'checkPrime number': () => crypto.checkPrimeSync(7),
  'checkPrime bad checks': () => crypto.checkPrimeSync(7n, { checks: -1 }),
  'generatePrime size': () => crypto.generatePrimeSync(-1),
  'generatePrime add': () => crypto.generatePrimeSync(3, { add: 12n, rem: 11n }),
  'generatePrime rem': () => crypto.generatePrimeSync(32, { add: 12n,
    rem: 13n }),
  'generatePrime bigint': () => crypto.generatePrimeSync(32, { bigint: 1 }),
  'generateKey aes length': () => crypto.generateKeySync('aes', { length: 100 }),
  'generateKey hmac length': () => crypto.generateKeySync('hmac', { length: 7 }),
  'generateKey type': () => crypto.generateKeySync('foo', { length: 7 }),
  'generateKey options': () => crypto.generateKeySync('hmac'),
  'generateKey callback': () => crypto.generateKey('hmac', { length: 8 }),
  'spkac type': () => crypto.Certificate.verifySpkac(1),
};
for (const [label, fn] of Object.entries(primeErrors)) record(label, fn);

// Certificates.
const cert = new crypto.X509Certificate(read('cert.pem'));
const leaf = new crypto.X509Certificate(read('leaf.pem'));
record('cert inspect', () => cert);
for (const name of ['subject', 'issuer', 'subjectAltName', 'infoAccess',
  'validFrom', 'validTo', 'fingerprint', 'fingerprint256', 'fingerprint512',
  'serialNumber', 'keyUsage', 'ca']) {
  record(`cert ${name}`, () => cert[name]);
  record(`leaf ${name}`, () => leaf[name]);
}
record('cert raw', () => cert.raw.toString('base64'));
record('cert toString', () => cert.toString());
record('cert toJSON', () => JSON.stringify(cert));
record('cert publicKey', () => [cert.publicKey, cert.publicKey.equals(
  crypto.createPublicKey(p256))]);
record('cert legacy', () => cert.toLegacyObject());
record('leaf legacy', () => leaf.toLegacyObject());
record('cert checks', () => [
  cert.checkHost('corpus.test'), cert.checkHost('a.corpus.test'),
  cert.checkHost('a.b.corpus.test'), cert.checkHost('other.test'),
  cert.checkHost('a.corpus.test', { wildcards: false }),
  cert.checkHost('corpus.test', { subject: 'never' }),
  cert.checkIP('192.168.7.1'), cert.checkIP('192.168.7.2'),
  cert.checkEmail('me@corpus.test'), cert.checkEmail('you@corpus.test'),
]);
record('cert verify', () => [cert.verify(cert.publicKey),
  leaf.verify(cert.publicKey), leaf.verify(leaf.publicKey),
  leaf.checkIssued(cert), cert.checkIssued(leaf),
  leaf.checkPrivateKey(rsa), leaf.checkPrivateKey(p256)]);
record('cert from der', () => new crypto.X509Certificate(cert.raw)
  .fingerprint256 === cert.fingerprint256);
record('cert bad', () => new crypto.X509Certificate('garbage'));
record('cert bad der', () => new crypto.X509Certificate(Buffer.alloc(20, 1)));
record('cert bad type', () => new crypto.X509Certificate(42));
record('cert checkHost bad', () => cert.checkHost(1));
record('cert verify private', () => cert.verify(p256));

// Generated keys: only what does not depend on randomness.
record('generate rsa', () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 1024, publicExponent: 3 });
  return [publicKey.asymmetricKeyDetails, privateKey.type,
    crypto.verify('sha256', msg, publicKey, crypto.sign('sha256', msg,
      privateKey))];
});
record('generate rsa-pss', () => crypto.generateKeyPairSync('rsa-pss', {
  modulusLength: 1024, hashAlgorithm: 'sha512', mgf1HashAlgorithm: 'sha256',
  saltLength: 10 }).privateKey.asymmetricKeyDetails);
record('generate ec encodings', () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', {
    namedCurve: 'secp384r1',
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'sec1', format: 'pem' } });
  return [publicKey.length, privateKey.split('\n')[0]];
});
record('generate jwk', () => {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519', {
    publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } });
  return [Object.keys(publicKey), Object.keys(privateKey)];
});
record('generate x448', () => crypto.generateKeyPairSync('x448').publicKey
  .export({ format: 'jwk' }).crv);
record('generate dsa', () => crypto.generateKeyPairSync('dsa', {
  modulusLength: 1024, divisorLength: 160 }).privateKey.asymmetricKeyDetails);
record('generate dh', () => {
  const a = crypto.generateKeyPairSync('dh', { group: 'modp5' });
  const b = crypto.generateKeyPairSync('dh', { primeLength: 512 });
  return [a.privateKey.asymmetricKeyType, a.privateKey.asymmetricKeyDetails,
    b.publicKey.asymmetricKeyType, crypto.diffieHellman({
      privateKey: a.privateKey, publicKey: crypto.generateKeyPairSync('dh', {
        prime: crypto.getDiffieHellman('modp5').getPrime() }).publicKey })
      .length];
});
record('generate explicit ec', () => crypto.generateKeyPairSync('ec', {
  namedCurve: 'P-256', paramEncoding: 'explicit' }).privateKey
  .asymmetricKeyType);

// Secret keys.
const secret = crypto.createSecretKey(Buffer.from('0123456789abcdef'));
record('secret shape', () => [secret.type, secret.symmetricKeySize,
  secret.asymmetricKeyType, String(secret), secret]);
record('secret export', () => [secret.export(), secret.export({ format: 'jwk' }),
  secret.export({ format: 'buffer' })]);
record('secret from string', () => crypto.createSecretKey('abcd', 'hex')
  .export());
record('secret equals', () => [secret.equals(crypto.createSecretKey(
  Buffer.from('0123456789abcdef'))), secret.equals(crypto.createSecretKey(
  Buffer.from('0123456789abcdeX'))), secret.equals(rsa)]);
record('secret export pem', () => secret.export({ format: 'pem' }));
record('KeyObject class', () => [typeof crypto.KeyObject,
  rsa instanceof crypto.KeyObject, Object.prototype.toString.call(secret),
  crypto.KeyObject.name]);
record('KeyObject ctor', () => new crypto.KeyObject('secret', 1));
record('KeyObject ctor type', () => new crypto.KeyObject('foo', {}));
record('KeyObject.from bad', () => crypto.KeyObject.from({}));

// Argument errors.
const errors = {
  'createPrivateKey number': () => crypto.createPrivateKey(1),
  'createPublicKey number': () => crypto.createPublicKey(1),
  'createPrivateKey key number': () => crypto.createPrivateKey({ key: 1 }),
  'createPrivateKey garbage': () => crypto.createPrivateKey('garbage'),
  'createPublicKey garbage': () => crypto.createPublicKey('garbage'),
  'createPrivateKey bad der': () => crypto.createPrivateKey({
    key: Buffer.alloc(8), format: 'der', type: 'pkcs8' }),
  'createPrivateKey der no type': () => crypto.createPrivateKey({
    key: Buffer.alloc(8), format: 'der' }),
  'createPrivateKey bad format': () => crypto.createPrivateKey({
    key: 'x', format: 'foo' }),
  'createPrivateKey from keyobject': () => crypto.createPrivateKey(rsa),
  'createSecretKey number': () => crypto.createSecretKey(1),
  'jwk bad kty': () => crypto.createPublicKey({ key: { kty: 'foo' },
    format: 'jwk' }),
  'jwk bad crv': () => crypto.createPublicKey({ key: { kty: 'EC',
    crv: 'foo' }, format: 'jwk' }),
  'jwk bad okp crv': () => crypto.createPublicKey({ key: { kty: 'OKP',
    crv: 'foo' }, format: 'jwk' }),
  'jwk bad point': () => crypto.createPublicKey({ key: { kty: 'EC',
    crv: 'P-256', x: 'AA', y: 'AA' }, format: 'jwk' }),
  'jwk bad okp': () => crypto.createPublicKey({ key: { kty: 'OKP',
    crv: 'Ed25519', x: 'AAAA' }, format: 'jwk' }),
  'jwk rsa n number': () => crypto.createPublicKey({ key: { kty: 'RSA', n: 1 },
    format: 'jwk' }),
  'jwk private without d': () => crypto.createPrivateKey({ key: { kty: 'EC',
    crv: 'P-256', x: 'AA', y: 'AA' }, format: 'jwk' }),
  'export jwk dsa': () => crypto.generateKeyPairSync('dsa', {
    modulusLength: 1024 }).privateKey.export({ format: 'jwk' }),
  'export pkcs8 public': () => rsaPub.export({ type: 'pkcs8', format: 'pem' }),
  'export sec1 rsa': () => rsa.export({ type: 'sec1', format: 'pem' }),
  'export pkcs1 ec': () => p256.export({ type: 'pkcs1', format: 'der' }),
  'export cipher no passphrase': () => rsa.export({ type: 'pkcs8',
    format: 'pem', cipher: 'aes-128-cbc' }),
  'export unknown cipher': () => rsa.export({ type: 'pkcs8', format: 'pem',
    cipher: 'nope', passphrase: 'x' }),
  'export format foo': () => rsa.export({ format: 'foo' }),
  'export type missing': () => rsa.export({ format: 'pem' }),
  'generate foo': () => crypto.generateKeyPairSync('foo', {}),
  'generate type number': () => crypto.generateKeyPairSync(1, {}),
  'generate rsa no length': () => crypto.generateKeyPairSync('rsa', {}),
  'generate rsa no options': () => crypto.generateKeyPairSync('rsa'),
  'generate rsa length string': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: '1024' }),
  'generate rsa exponent': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: 512, publicExponent: -1 }),
  'generate ec no curve': () => crypto.generateKeyPairSync('ec', {}),
  'generate ec bad curve': () => crypto.generateKeyPairSync('ec', {
    namedCurve: 'foo' }),
  'generate ec bad paramEncoding': () => crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256', paramEncoding: 'x' }),
  'generate bad encoding': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: 512, publicKeyEncoding: 'x' }),
  'generate encoding no format': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: 512, publicKeyEncoding: {} }),
  'generate encoding no type': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: 512, publicKeyEncoding: { format: 'pem' } }),
  'generate der pkcs1 cipher': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: 512, privateKeyEncoding: { type: 'pkcs1', format: 'der',
      cipher: 'aes-128-cbc', passphrase: 'a' } }),
  'generate pkcs1 ec': () => crypto.generateKeyPairSync('ec', {
    namedCurve: 'P-256', privateKeyEncoding: { type: 'pkcs1',
      format: 'pem' } }),
  'generate rsa too small': () => crypto.generateKeyPairSync('rsa', {
    modulusLength: 1 }),
  'generate pss bad hash': () => crypto.generateKeyPairSync('rsa-pss', {
    modulusLength: 512, hashAlgorithm: 'nope' }),
  'generateKeyPair no callback': () => crypto.generateKeyPair('ec', {
    namedCurve: 'P-256' }),
  'sign public key': () => crypto.sign('sha256', msg, rsaPub),
  'sign no key': () => crypto.sign('sha256', msg),
  'sign bad digest': () => crypto.sign('nope', msg, rsa),
  'sign bad data': () => crypto.sign('sha256', 1, rsa),
  'sign secret key': () => crypto.sign('sha256', msg, secret),
  'sign x25519': () => crypto.sign('sha256', msg, x),
  'sign bad dsaEncoding': () => crypto.sign('sha256', msg, { key: p256,
    dsaEncoding: 'foo' }),
  'sign bad padding': () => crypto.sign('sha256', msg, { key: rsa,
    padding: 'x' }),
  'sign ed25519 with digest': () => crypto.sign('sha256', msg, ed),
  'verify bad signature type': () => crypto.verify('sha256', msg, rsaPub, 1),
  'createSign bad': () => crypto.createSign('nope'),
  'createSign number': () => crypto.createSign(1),
  'Sign.sign no key': () => crypto.createSign('sha256').sign(),
  'update bad': () => crypto.createSign('sha256').update(1),
  'ecdh bad curve': () => crypto.createECDH('foo'),
  'ecdh curve number': () => crypto.createECDH(1),
  'ecdh no keys': () => crypto.createECDH('prime256v1').getPublicKey(),
  'ecdh no private': () => crypto.createECDH('prime256v1').getPrivateKey(),
  'ecdh bad private': () => crypto.createECDH('prime256v1').setPrivateKey(
    Buffer.alloc(32)),
  'ecdh bad format': () => {
    const e = crypto.createECDH('prime256v1');
    e.generateKeys();
    return e.getPublicKey('hex', 'foo');
  },
  'ecdh bad peer': () => {
    const e = crypto.createECDH('prime256v1');
    e.generateKeys();
    return e.computeSecret(Buffer.from([4, 1, 2]));
  },
  'convertKey bad curve': () => crypto.ECDH.convertKey(Buffer.alloc(3), 'foo'),
  'dh bad private': () => crypto.diffieHellman({ privateKey: 1 }),
  'dh no public': () => crypto.diffieHellman({ privateKey: x }),
  'dh public as private': () => crypto.diffieHellman({
    privateKey: crypto.createPublicKey(x), publicKey: crypto.createPublicKey(x) }),
  'dh mismatched types': () => crypto.diffieHellman({ privateKey: x,
    publicKey: crypto.createPublicKey(p256) }),
  'dh mismatched curves': () => crypto.diffieHellman({ privateKey: p256,
    publicKey: crypto.createPublicKey(p521) }),
  'dh no options': () => crypto.diffieHellman(),
  'generate dh none': () => crypto.generateKeyPairSync('dh', {}),
  'generate dh both': () => crypto.generateKeyPairSync('dh', {
    group: 'modp14', prime: Buffer.alloc(3) }),
  'generate dh bad group': () => crypto.generateKeyPairSync('dh', {
    group: 'x' }),
  'generate dh group and generator': () => crypto.generateKeyPairSync('dh', {
    group: 'modp14', generator: 5 }),
};
for (const [label, fn] of Object.entries(errors)) record(label, fn);

// Callback forms and Web Crypto on the same keys, one case at a time so
// the order of the records is fixed: deterministic parts only.
// Bad keys: the error thrown and OpenSSL's whole error stack behind it.
function recordStack(label, compute) {
  let result;
  try {
    compute();
    result = 'no error';
  } catch (err) {
    result = [err.name, err.code, err.message, err.library, err.reason, err.opensslErrorStack];
  }
  console.log(JSON.stringify([`${n++} ${label}`, result]));
}
recordStack('stack: garbage PEM private key', () => crypto.createPrivateKey(
  '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n'));
recordStack('stack: garbage PEM public key', () => crypto.createPublicKey(
  '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'));
recordStack('stack: truncated DER pkcs8', () => crypto.createPrivateKey({
  key: Buffer.from('3003020100', 'hex'), format: 'der', type: 'pkcs8' }));
recordStack('stack: not PEM at all', () => crypto.createPrivateKey('not a key'));
recordStack('stack: wrong passphrase', () => crypto.createPrivateKey({
  key: read('rsa.enc.pem'), passphrase: 'wrong' }));
recordStack('stack: missing passphrase', () => crypto.createPrivateKey(read('rsa.enc.pem')));
recordStack('stack: DER spki too long', () => crypto.createPublicKey({
  key: Buffer.from('302a300506032b6570032100', 'hex'), format: 'der', type: 'spki' }));

(async () => {
  const { subtle } = globalThis.crypto;
  const out = async (label, fn) => {
    let result;
    try {
      result = util.inspect(await fn(), { depth: 6, breakLength: 120 });
    } catch (err) {
      result = `REJECTS ${err.name} ${err.code} ${err.message}`;
    }
    console.log(JSON.stringify([`${n++} ${label}`, result]));
  };
  await out('sign callback', () => new Promise((resolve) => {
    let sync = true;
    crypto.sign(null, msg, ed, (err, s) => resolve([err, s.length, sync]));
    sync = false;
  }));
  await out('verify callback', () => new Promise((resolve) => {
    crypto.verify('sha256', msg, p256, read('p256.sig'),
      (err, ok) => resolve([err, ok]));
  }));
  await out('generateKeyPair async', () => new Promise((resolve) => {
    crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, (err, pub, priv) =>
      resolve([err, pub.type, priv.type, priv.asymmetricKeyDetails]));
  }));
  await out('generateKeyPair async error', () => new Promise((resolve) => {
    crypto.generateKeyPair('rsa', { modulusLength: 8 }, (err) =>
      resolve([err.message, err.code, Object.keys(err)]));
  }));
  await out('generatePrime callback', () => new Promise((resolve) => {
    crypto.generatePrime(32, { bigint: true }, (err, p) =>
      resolve([err, typeof p, crypto.checkPrimeSync(p)]));
  }));
  await out('checkPrime callback', () => new Promise((resolve) => {
    crypto.checkPrime(97n, (err, ok) => resolve([err, ok]));
  }));
  await out('generateKey callback', () => new Promise((resolve) => {
    crypto.generateKey('aes', { length: 256 }, (err, key) =>
      resolve([err, key.type, key.symmetricKeySize]));
  }));
  await out('generateKeyPair promisified', async () => Object.keys(
    await util.promisify(crypto.generateKeyPair)('x25519')));
  const spki = (k) => crypto.createPublicKey(k).export({ type: 'spki',
    format: 'der' });
  const pkcs8 = (k) => k.export({ type: 'pkcs8', format: 'der' });
  const rsaAlg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const rsaKey = await subtle.importKey('pkcs8', pkcs8(rsa), rsaAlg, true,
    ['sign']);
  await out('subtle rsa key', () => rsaKey);
  await out('subtle rsa sign', async () => Buffer.from(await subtle.sign(
    rsaAlg, rsaKey, msg)).toString('base64'));
  await out('subtle rsa same as node', async () => Buffer.from(
    await subtle.sign(rsaAlg, rsaKey, msg)).equals(crypto.sign('sha256', msg,
    rsa)));
  await out('subtle rsa jwk', () => subtle.exportKey('jwk', rsaKey));
  await out('subtle rsa spki import', async () => {
    const k = await subtle.importKey('spki', spki(rsa), { name: 'RSA-PSS',
      hash: 'SHA-384' }, false, ['verify']);
    return [k, await subtle.verify({ name: 'RSA-PSS', saltLength: 48 }, k,
      read('rsa-pss.sig'), msg)];
  });
  const ecKey = await subtle.importKey('spki', spki(p256), { name: 'ECDSA',
    namedCurve: 'P-256' }, true, ['verify']);
  await out('subtle ecdsa key', () => ecKey);
  await out('subtle ecdsa raw', async () => Buffer.from(await subtle.exportKey(
    'raw', ecKey)).toString('hex'));
  await out('subtle ecdsa verify p1363', async () => {
    const s = crypto.sign('sha256', msg, { key: p256,
      dsaEncoding: 'ieee-p1363' });
    return subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, ecKey, s, msg);
  });
  const edKey = await subtle.importKey('pkcs8', pkcs8(ed), { name: 'Ed25519' },
    true, ['sign']);
  await out('subtle ed25519 sign', async () => Buffer.from(await subtle.sign(
    'Ed25519', edKey, msg)).toString('hex'));
  await out('subtle ed25519 jwk', () => subtle.exportKey('jwk', edKey));
  await out('subtle ed25519 spki of private', () => subtle.exportKey('spki',
    edKey));
  const xKey = await subtle.importKey('pkcs8', pkcs8(x), { name: 'X25519' },
    false, ['deriveBits']);
  const xPeer = await subtle.importKey('spki', spki(crypto.createPrivateKey(
    read('x2.pem'))), { name: 'X25519' }, false, []);
  await out('subtle x25519 derive', async () => Buffer.from(
    await subtle.deriveBits({ name: 'X25519', public: xPeer }, xKey, 256))
    .toString('hex'));
  await out('subtle x25519 derive 100', async () => Buffer.from(
    await subtle.deriveBits({ name: 'X25519', public: xPeer }, xKey, 100))
    .toString('hex'));
  await out('subtle KeyObject.from', () => crypto.KeyObject.from(edKey)
    .equals(ed));
  await out('subtle import bad spki', () => subtle.importKey('spki',
    Buffer.alloc(5), { name: 'ECDSA', namedCurve: 'P-256' }, true,
    ['verify']));
  await out('subtle import curve mismatch', () => subtle.importKey('spki',
    spki(p521), { name: 'ECDSA', namedCurve: 'P-256' }, true, ['verify']));
  await out('subtle bad usage', () => subtle.generateKey({ name: 'ECDSA',
    namedCurve: 'P-256' }, true, ['encrypt']));
  await out('subtle bad curve', () => subtle.generateKey({ name: 'ECDH',
    namedCurve: 'P-2' }, true, ['deriveBits']));
  await out('subtle empty usages', () => subtle.generateKey({ name: 'Ed25519' },
    true, []));
  await out('subtle generate rsa-oaep', async () => {
    const pair = await subtle.generateKey({ name: 'RSA-OAEP',
      modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256' }, true, ['encrypt', 'decrypt', 'wrapKey']);
    const ct = await subtle.encrypt({ name: 'RSA-OAEP' }, pair.publicKey, msg);
    const pt = await subtle.decrypt({ name: 'RSA-OAEP' }, pair.privateKey, ct);
    return [pair.publicKey.usages, pair.privateKey.usages,
      pair.publicKey.algorithm, Buffer.from(pt).equals(msg)];
  });
  await out('subtle export private raw', () => subtle.exportKey('raw', edKey));
})();
