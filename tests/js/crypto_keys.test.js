// node:crypto's asymmetric half against a real peer, the openssl command:
// keys and certificates it makes are read, signatures it makes verify here
// and ours verify there, RSA ciphertexts cross both ways; plus key
// generation on the thread pool and Node's errors for bad input.
'use strict';

const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-keys-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name) => path.join(dir, name);

function openssl(...args) {
  const r = spawnSync('openssl', args, { cwd: dir });
  assert.strictEqual(r.status, 0, `openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

// Keys made by openssl genpkey, read in every encoding.
openssl('genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048',
  '-out', 'rsa.pem');
openssl('pkey', '-in', 'rsa.pem', '-pubout', '-out', 'rsa.pub.pem');
openssl('rsa', '-in', 'rsa.pem', '-traditional', '-out', 'rsa1.pem');
openssl('pkcs8', '-topk8', '-nocrypt', '-in', 'rsa.pem', '-outform', 'DER',
  '-out', 'rsa.der');
openssl('pkey', '-in', 'rsa.pem', '-aes-256-cbc', '-passout', 'pass:s3cret',
  '-out', 'rsa.enc.pem');
openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384',
  '-out', 'ec.pem');
openssl('pkey', '-in', 'ec.pem', '-pubout', '-out', 'ec.pub.pem');
openssl('genpkey', '-algorithm', 'ED25519', '-out', 'ed.pem');
openssl('pkey', '-in', 'ed.pem', '-pubout', '-out', 'ed.pub.pem');
openssl('genpkey', '-algorithm', 'X25519', '-out', 'x.pem');
openssl('pkey', '-in', 'x.pem', '-pubout', '-out', 'x.pub.pem');

const rsa = crypto.createPrivateKey(fs.readFileSync(file('rsa.pem')));
assert.strictEqual(rsa.type, 'private');
assert.strictEqual(rsa.asymmetricKeyType, 'rsa');
assert.deepStrictEqual(rsa.asymmetricKeyDetails,
  { modulusLength: 2048, publicExponent: 65537n });
const rsaPub = crypto.createPublicKey(fs.readFileSync(file('rsa.pub.pem')));
assert.strictEqual(rsaPub.type, 'public');
assert.ok(rsaPub.equals(crypto.createPublicKey(rsa)));
assert.ok(crypto.createPrivateKey(fs.readFileSync(file('rsa1.pem'))).equals(rsa));
assert.ok(crypto.createPrivateKey({ key: fs.readFileSync(file('rsa.der')),
  format: 'der', type: 'pkcs8' }).equals(rsa));
assert.ok(crypto.createPrivateKey({ key: fs.readFileSync(file('rsa.enc.pem')),
  passphrase: 's3cret' }).equals(rsa));
assert.throws(() => crypto.createPrivateKey({
  key: fs.readFileSync(file('rsa.enc.pem')), passphrase: 'wrong' }),
{ code: 'ERR_OSSL_BAD_DECRYPT', library: 'Provider routines' });
// Our PEM is what openssl writes for the same key.
assert.strictEqual(rsa.export({ type: 'pkcs8', format: 'pem' }),
  fs.readFileSync(file('rsa.pem'), 'latin1'));
assert.strictEqual(rsaPub.export({ type: 'spki', format: 'pem' }),
  fs.readFileSync(file('rsa.pub.pem'), 'latin1'));
assert.deepStrictEqual(rsa.export({ type: 'pkcs8', format: 'der' }),
  fs.readFileSync(file('rsa.der')));

const ec = crypto.createPrivateKey(fs.readFileSync(file('ec.pem')));
assert.deepStrictEqual(ec.asymmetricKeyDetails, { namedCurve: 'secp384r1' });
const ecPub = crypto.createPublicKey(fs.readFileSync(file('ec.pub.pem')));
const ed = crypto.createPrivateKey(fs.readFileSync(file('ed.pem')));
assert.strictEqual(ed.asymmetricKeyType, 'ed25519');
const edPub = crypto.createPublicKey(fs.readFileSync(file('ed.pub.pem')));

// JWK round trips keep the key.
for (const key of [rsa, ec, ed]) {
  const jwk = key.export({ format: 'jwk' });
  assert.ok(crypto.createPrivateKey({ key: jwk, format: 'jwk' }).equals(key));
  const pub = crypto.createPublicKey(key);
  assert.ok(crypto.createPublicKey({ key: pub.export({ format: 'jwk' }),
    format: 'jwk' }).equals(pub));
}

// Signatures: ours verify with openssl, openssl's verify here.
const message = Buffer.from('the message to sign\n');
fs.writeFileSync(file('msg'), message);
function opensslVerifies(pubFile, signature, ...extra) {
  fs.writeFileSync(file('sig'), signature);
  const r = spawnSync('openssl', ['dgst', '-sha256', ...extra, '-verify',
    pubFile, '-signature', 'sig', 'msg'], { cwd: dir });
  return r.status === 0;
}
assert.ok(opensslVerifies('rsa.pub.pem', crypto.sign('sha256', message, rsa)));
assert.ok(opensslVerifies('ec.pub.pem', crypto.sign('sha256', message, ec)));
assert.ok(opensslVerifies('rsa.pub.pem', crypto.sign('sha256', message,
  { key: rsa, padding: crypto.constants?.RSA_PKCS1_PSS_PADDING ?? 6,
    saltLength: 32 }), '-sigopt', 'rsa_padding_mode:pss'));
{
  const signer = crypto.createSign('RSA-SHA256');
  signer.update('the message ');
  signer.write('to sign\n');
  assert.ok(opensslVerifies('rsa.pub.pem', signer.sign(rsa)));
}
const theirs = openssl('dgst', '-sha256', '-sign', 'rsa.pem', 'msg');
assert.ok(crypto.verify('sha256', message, rsaPub, theirs));
assert.ok(crypto.createVerify('sha256').update(message).verify(rsaPub, theirs));
assert.ok(!crypto.verify('sha256', Buffer.from('other'), rsaPub, theirs));
// RSA PKCS#1 v1.5 is deterministic: byte-equal to openssl's.
assert.deepStrictEqual(crypto.sign('sha256', message, rsa), theirs);
const theirsEc = openssl('dgst', '-sha256', '-sign', 'ec.pem', 'msg');
assert.ok(crypto.verify('sha256', message, ecPub, theirsEc));
// Ed25519 through pkeyutl (raw message), deterministic too.
const theirsEd = openssl('pkeyutl', '-sign', '-inkey', 'ed.pem', '-rawin',
  '-in', 'msg');
assert.deepStrictEqual(crypto.sign(null, message, ed), theirsEd);
assert.ok(crypto.verify(null, message, edPub, theirsEd));
// P1363 signatures are r||s of the curve's size and verify as such.
const p1363 = crypto.sign('sha384', message, { key: ec,
  dsaEncoding: 'ieee-p1363' });
assert.strictEqual(p1363.length, 96);
assert.ok(crypto.verify('sha384', message, { key: ecPub,
  dsaEncoding: 'ieee-p1363' }, p1363));
assert.ok(!crypto.verify('sha384', message, ecPub, p1363));

// RSA encryption both ways.
fs.writeFileSync(file('plain'), 'attack at dawn');
fs.writeFileSync(file('ct'), crypto.publicEncrypt(rsaPub, Buffer.from('attack at dawn')));
assert.strictEqual(openssl('pkeyutl', '-decrypt', '-inkey', 'rsa.pem',
  '-pkeyopt', 'rsa_padding_mode:oaep', '-in', 'ct').toString(), 'attack at dawn');
const ct = openssl('pkeyutl', '-encrypt', '-pubin', '-inkey', 'rsa.pub.pem',
  '-pkeyopt', 'rsa_padding_mode:oaep', '-pkeyopt', 'rsa_oaep_md:sha256',
  '-in', 'plain');
assert.strictEqual(crypto.privateDecrypt({ key: rsa, oaepHash: 'sha256' },
  ct).toString(), 'attack at dawn');
assert.strictEqual(crypto.publicDecrypt(rsaPub,
  crypto.privateEncrypt(rsa, Buffer.from('hi'))).toString(), 'hi');
assert.throws(() => crypto.privateDecrypt(rsa, Buffer.alloc(256, 1)),
  { code: 'ERR_OSSL_RSA_OAEP_DECODING_ERROR' });

// X25519 agreement matches openssl's pkeyutl -derive.
{
  const mine = crypto.generateKeyPairSync('x25519');
  fs.writeFileSync(file('mine.pub.pem'),
    mine.publicKey.export({ type: 'spki', format: 'pem' }));
  const theirSecret = openssl('pkeyutl', '-derive', '-inkey', 'x.pem',
    '-peerkey', 'mine.pub.pem');
  const ours = crypto.diffieHellman({ privateKey: mine.privateKey,
    publicKey: crypto.createPublicKey(fs.readFileSync(file('x.pub.pem'))) });
  assert.deepStrictEqual(ours, theirSecret);
}

// ECDH: both sides agree, point forms convert.
{
  const a = crypto.createECDH('secp256k1');
  const b = crypto.createECDH('secp256k1');
  a.generateKeys();
  b.generateKeys();
  assert.deepStrictEqual(a.computeSecret(b.getPublicKey()),
    b.computeSecret(a.getPublicKey(null, 'compressed')));
  const compressed = a.getPublicKey('hex', 'compressed');
  assert.strictEqual(crypto.ECDH.convertKey(compressed, 'secp256k1', 'hex',
    'hex', 'uncompressed'), a.getPublicKey('hex'));
  assert.throws(() => a.computeSecret(Buffer.from([4, 1, 2])),
    { code: 'ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY' });
}

// Finite-field DH: openssl's derivation between two of its DH keys equals
// ours (diffieHellman over KeyObjects), and DiffieHellman objects agree.
{
  openssl('genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt',
    'group:ffdhe2048', '-out', 'dhp.pem');
  for (const name of ['dh1', 'dh2']) {
    openssl('genpkey', '-paramfile', 'dhp.pem', '-out', `${name}.pem`);
    openssl('pkey', '-in', `${name}.pem`, '-pubout', '-out', `${name}.pub.pem`);
  }
  const theirs = openssl('pkeyutl', '-derive', '-inkey', 'dh1.pem',
    '-peerkey', 'dh2.pub.pem');
  const dh2 = crypto.createPrivateKey(fs.readFileSync(file('dh2.pem')));
  assert.strictEqual(dh2.asymmetricKeyType, 'dh');
  const ours = crypto.diffieHellman({ privateKey: dh2,
    publicKey: crypto.createPublicKey(fs.readFileSync(file('dh1.pub.pem'))) });
  assert.deepStrictEqual(ours, theirs);
  // A DH pair we generate in openssl's group: openssl derives with it too.
  const pair = crypto.generateKeyPairSync('dh', { group: 'modp14' });
  const peerPair = crypto.generateKeyPairSync('dh', { group: 'modp14' });
  fs.writeFileSync(file('gen-dh.pem'), pair.privateKey.export({
    type: 'pkcs8', format: 'pem' }));
  fs.writeFileSync(file('gen-dh-peer.pub.pem'), peerPair.publicKey.export({
    type: 'spki', format: 'pem' }));
  assert.deepStrictEqual(openssl('pkeyutl', '-derive', '-inkey', 'gen-dh.pem',
    '-peerkey', 'gen-dh-peer.pub.pem'), crypto.diffieHellman({
    privateKey: peerPair.privateKey, publicKey: pair.publicKey }));
  const a = crypto.getDiffieHellman('modp14');
  const b = crypto.createDiffieHellman(a.getPrime(), a.getGenerator());
  a.generateKeys();
  b.generateKeys();
  assert.deepStrictEqual(a.computeSecret(b.getPublicKey()),
    b.computeSecret(a.getPublicKey()));
  assert.throws(() => a.computeSecret(Buffer.from([1])),
    { code: 'ERR_CRYPTO_INVALID_KEYLEN', message: 'Supplied key is too small' });
}

// Certificates made by openssl req.
openssl('req', '-x509', '-key', 'ec.pem', '-out', 'cert.pem', '-days', '3',
  '-subj', '/C=US/O=Example/CN=example.com', '-addext',
  'subjectAltName=DNS:example.com,DNS:*.example.net,IP:10.1.2.3');
{
  const pem = fs.readFileSync(file('cert.pem'));
  const cert = new crypto.X509Certificate(pem);
  assert.strictEqual(cert.subject, 'C=US\nO=Example\nCN=example.com');
  assert.strictEqual(cert.subjectAltName,
    'DNS:example.com, DNS:*.example.net, IP Address:10.1.2.3');
  const fp = openssl('x509', '-in', 'cert.pem', '-noout', '-fingerprint',
    '-sha256').toString().trim().split('=')[1];
  assert.strictEqual(cert.fingerprint256, fp);
  const serial = openssl('x509', '-in', 'cert.pem', '-noout', '-serial')
    .toString().trim().split('=')[1];
  assert.strictEqual(cert.serialNumber, serial);
  assert.strictEqual(cert.toString(), pem.toString());
  assert.ok(cert.publicKey.equals(ecPub));
  assert.ok(cert.verify(ecPub));
  assert.ok(!cert.verify(rsaPub));
  assert.ok(cert.checkPrivateKey(ec));
  assert.ok(cert.checkIssued(cert));
  assert.strictEqual(cert.checkHost('a.example.net'), '*.example.net');
  assert.strictEqual(cert.checkHost('example.org'), undefined);
  assert.strictEqual(cert.checkIP('10.1.2.3'), '10.1.2.3');
  assert.strictEqual(cert.checkIP('10.1.2.4'), undefined);
  assert.strictEqual(cert.toLegacyObject().subject.CN, 'example.com');
  assert.deepStrictEqual(new crypto.X509Certificate(cert.raw).raw, cert.raw);
  // A certificate gives createPublicKey its key.
  assert.ok(crypto.createPublicKey(pem).equals(ecPub));
  assert.throws(() => new crypto.X509Certificate('not a certificate'),
    { code: 'ERR_OSSL_PEM_NO_START_LINE' });
}

// SPKAC made by openssl spkac; primes checked both ways.
{
  const line = openssl('spkac', '-key', 'rsa.pem', '-challenge', 'hello')
    .toString().trim();
  const spkac = Buffer.from(line.slice('SPKAC='.length));
  assert.ok(crypto.Certificate.verifySpkac(spkac));
  assert.strictEqual(crypto.Certificate.exportChallenge(spkac).toString(),
    'hello');
  assert.strictEqual(crypto.Certificate.exportPublicKey(spkac).toString(),
    fs.readFileSync(file('rsa.pub.pem'), 'latin1'));
  assert.strictEqual(new crypto.Certificate().verifySpkac(Buffer.from('x')),
    false);
  const prime = crypto.generatePrimeSync(128, { bigint: true });
  const r = spawnSync('openssl', ['prime', prime.toString()]);
  assert.match(r.stdout.toString(), /is prime/);
  assert.ok(crypto.checkPrimeSync(2n ** 127n - 1n));
  assert.ok(!crypto.checkPrimeSync(2n ** 127n + 1n));
  const theirs = spawnSync('openssl', ['prime', '-generate', '-bits', '64'])
    .stdout.toString().trim();
  assert.ok(crypto.checkPrimeSync(BigInt(theirs)));
  assert.strictEqual(crypto.generateKeySync('hmac', { length: 123 })
    .symmetricKeySize, 15);
}

// Bad input is an error, never a crash.
assert.throws(() => crypto.createPrivateKey('garbage'),
  { code: 'ERR_OSSL_UNSUPPORTED', message: /DECODER routines::unsupported/ });
assert.throws(() => crypto.createPrivateKey({ key: Buffer.alloc(10),
  format: 'der', type: 'pkcs8' }), { code: 'ERR_OSSL_ASN1_WRONG_TAG' });
assert.throws(() => crypto.sign('sha256', message, rsaPub),
  { code: 'ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE' });
assert.throws(() => crypto.sign('nope', message, rsa),
  { code: 'ERR_CRYPTO_INVALID_DIGEST' });
assert.throws(() => crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256',
  x: 'AA', y: 'AA' }, format: 'jwk' }), { code: 'ERR_CRYPTO_INVALID_JWK' });
assert.throws(() => crypto.generateKeyPairSync('ec', { namedCurve: 'nope' }),
  { code: 'ERR_CRYPTO_INVALID_CURVE' });

// Key generation on the thread pool: several at once, each callback once.
{
  let pending = 0;
  const done = new Set();
  for (const [type, options] of [['rsa', { modulusLength: 1024 }],
    ['rsa-pss', { modulusLength: 1024, hashAlgorithm: 'sha256' }],
    ['ec', { namedCurve: 'P-521' }], ['ed25519', {}], ['x25519', {}]]) {
    pending++;
    crypto.generateKeyPair(type, { ...options,
      publicKeyEncoding: { type: 'spki', format: 'pem' } },
    (err, publicKey, privateKey) => {
      assert.ifError(err);
      assert.ok(!done.has(type));
      done.add(type);
      assert.match(publicKey, /^-----BEGIN PUBLIC KEY-----\n/);
      assert.strictEqual(privateKey.asymmetricKeyType, type);
      fs.writeFileSync(file(`${type}.gen.pub.pem`), publicKey);
      // openssl reads what we generated.
      openssl('pkey', '-pubin', '-in', `${type}.gen.pub.pem`, '-noout');
      if (--pending === 0) assert.strictEqual(done.size, 5);
    });
  }
  const { promisify } = require('util');
  promisify(crypto.generateKeyPair)('ec', { namedCurve: 'P-256' })
    .then(({ publicKey, privateKey }) => {
      assert.strictEqual(publicKey.type, 'public');
      assert.strictEqual(privateKey.type, 'private');
    });
  crypto.generateKeyPair('rsa', { modulusLength: 1 }, (err) => {
    assert.ok(err instanceof Error);
    assert.match(err.message, /key size too small/);
  });
}
