// Differential corpus for node:tls: handshakes between our client and
// server on 127.0.0.1 with certificates made at run time (support/
// tls_certs.js): authorized/authorizationError, protocol, cipher, ALPN and
// SNI choices, peer certificate fields (those that do not change between
// runs), verify and TLS error codes and messages, tlsClientError, client
// certificates, session reuse, tls.connect over an existing socket and a
// plain Duplex; plus the synchronous errors of createSecureContext and
// checkServerIdentity.
'use strict';

const tls = require('tls');
const net = require('net');
const { Duplex } = require('stream');
const { makeEmit, attempt } = require('./lib/emit');
const { makeCerts } = require('../support/tls_certs');

const emit = makeEmit();
const certs = makeCerts();

// Fields of a legacy certificate object that are the same in every run.
function stableCert(cert) {
  if (!cert || !cert.subject) return cert;
  return {
    keys: Object.keys(cert).sort(),
    subject: { ...cert.subject },
    issuer: { ...cert.issuer },
    subjectaltname: cert.subjectaltname,
    ca: cert.ca,
    bits: cert.bits,
    exponent: cert.exponent,
    asn1Curve: cert.asn1Curve,
    nistCurve: cert.nistCurve,
    ext_key_usage: cert.ext_key_usage,
    fingerprintLength: cert.fingerprint256.length,
    rawIsBuffer: Buffer.isBuffer(cert.raw),
    pubkeyIsBuffer: Buffer.isBuffer(cert.pubkey),
  };
}

function errorFields(err) {
  if (!err) return null;
  const out = { name: err.name, code: err.code };
  if (err.library !== undefined) {
    out.library = err.library;
    out.reason = err.reason;
  } else {
    out.message = err.message;
  }
  return out;
}

// One connection: server options, client options -> what both sides saw.
function handshake(serverOpts, clientOpts, extra = {}) {
  return new Promise((resolve) => {
    const seen = { server: [], client: [] };
    const server = tls.createServer(serverOpts, (s) => {
      seen.server.push(['secureConnection', s.authorized, s.authorizationError,
        s.alpnProtocol, s.servername, s.getProtocol(), stableCert(s.getPeerCertificate())]);
      s.end('hi');
    });
    server.on('tlsClientError', (err) => seen.server.push(['tlsClientError', errorFields(err)]));
    if (extra.setup) extra.setup(server);
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...clientOpts }, () => {
        seen.client.push(['secureConnect', c.authorized, c.authorizationError, c.alpnProtocol,
          c.getProtocol(), c.getCipher().name, c.isSessionReused()]);
        if (extra.inspect) seen.client.push(extra.inspect(c));
      });
      let data = '';
      c.on('data', (d) => { data += d; });
      c.on('error', (err) => seen.client.push(['error', errorFields(err)]));
      c.on('close', () => {
        seen.client.push(['close', data]);
        server.close();
        setTimeout(() => resolve(seen), 10);
      });
    });
  });
}

const srv = { key: certs.srvKey, cert: certs.srv };
const ca = { ca: certs.ca, servername: 'localhost' };

const cases = [
  ['ok with ca', srv, ca],
  ['self-signed rejected', { key: certs.selfKey, cert: certs.self }, { servername: 'localhost' }],
  ['self-signed allowed', { key: certs.selfKey, cert: certs.self }, { rejectUnauthorized: false }],
  ['self-signed as ca', { key: certs.selfKey, cert: certs.self }, { ca: certs.self, servername: 'localhost' }],
  ['no ca', srv, { servername: 'localhost' }],
  ['expired', { key: certs.expKey, cert: certs.exp }, ca],
  ['wrong host', srv, { ca: certs.ca, servername: 'example.com' }],
  ['wrong host allowed', srv, { ca: certs.ca, servername: 'example.com', rejectUnauthorized: false }],
  ['ip host', srv, { ca: certs.ca }],
  ['chain without intermediate', { key: certs.leafKey, cert: certs.leaf }, ca],
  ['chain with intermediate', { key: certs.leafKey, cert: certs.leaf + certs.inter }, ca, {
    inspect(c) {
      const chain = [];
      let cert = c.getPeerCertificate(true);
      for (let i = 0; i < 5 && cert; i++) {
        chain.push(cert.subject.CN);
        if (cert.issuerCertificate === cert) {
          chain.push('(self)');
          break;
        }
        cert = cert.issuerCertificate;
      }
      return ['chain', chain];
    },
  }],
  ['peer cert fields', srv, ca, { inspect: (c) => ['peer', stableCert(c.getPeerCertificate())] }],
  ['own cert', srv, ca, { inspect: (c) => ['own', c.getCertificate(), c.getPeerX509Certificate().subject] }],
  ['tls 1.2', { ...srv, maxVersion: 'TLSv1.2' }, ca],
  ['tls 1.2 client', srv, { ...ca, maxVersion: 'TLSv1.2' }],
  ['version mismatch', { ...srv, maxVersion: 'TLSv1.2' }, { ...ca, minVersion: 'TLSv1.3' }],
  ['cipher choice', { ...srv, maxVersion: 'TLSv1.2' }, { ...ca, ciphers: 'ECDHE-RSA-AES256-GCM-SHA384' }],
  ['alpn match', { ...srv, ALPNProtocols: ['h2', 'http/1.1'] }, { ...ca, ALPNProtocols: ['http/1.1', 'h2'] }],
  ['alpn none offered', { ...srv, ALPNProtocols: ['h2'] }, ca],
  ['alpn mismatch', { ...srv, ALPNProtocols: ['h2'] }, { ...ca, ALPNProtocols: ['x'] }],
  ['alpn callback', { ...srv, ALPNCallback: ({ protocols }) => protocols[1] },
    { ...ca, ALPNProtocols: ['a', 'b'] }],
  ['client cert requested', { ...srv, requestCert: true, rejectUnauthorized: false, ca: certs.ca },
    { ...ca, key: certs.cliKey, cert: certs.cli }],
  ['client cert missing', { ...srv, requestCert: true, rejectUnauthorized: false, ca: certs.ca }, ca],
  ['client cert missing rejected', { ...srv, requestCert: true, ca: certs.ca }, ca],
  ['client cert untrusted', { ...srv, requestCert: true, rejectUnauthorized: false, ca: certs.ca },
    { ...ca, key: certs.selfKey, cert: certs.self }],
  ['sni addContext', srv, { ca: [certs.ca, certs.self], servername: 'other.test', checkServerIdentity: () => undefined }, {
    setup: (s) => s.addContext('*.test', { key: certs.selfKey, cert: certs.self }),
    inspect: (c) => ['sni', c.getPeerCertificate().issuer.CN],
  }],
  ['sni callback', { ...srv, SNICallback: (name, cb) => setTimeout(() => cb(null, tls.createSecureContext({ key: certs.leafKey, cert: certs.leaf + certs.inter })), 5) },
    { ...ca, servername: 'localhost' }, { inspect: (c) => ['sni', c.getPeerCertificate().issuer.CN] }],
  ['sni callback error', { ...srv, SNICallback: (name, cb) => cb(new Error('no such name')) }, ca],
  ['encrypted key', { key: certs.srvEncKey, passphrase: 'sekrit', cert: certs.srv }, ca],
  ['pfx', { pfx: certs.srvPfx, passphrase: 'sekrit' }, ca],
  ['custom checkServerIdentity', srv, { ...ca, checkServerIdentity: (host, cert) => new Error(`no ${host} ${cert.subject.CN}`) }],
];

async function connectionCases() {
  for (const [label, so, co, extra] of cases) emit(label, await handshake(so, co, extra));
}

function plainServerCase() {
  return new Promise((resolve) => {
    const server = net.createServer((s) => s.on('data', () => s.end('HTTP/1.1 400 Bad Request\r\n\r\n')));
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1' });
      c.on('error', (err) => {
        emit('plain server', errorFields(err));
        server.close();
        resolve();
      });
    });
  });
}

function sessionCase(maxVersion) {
  return new Promise((resolve) => {
    const server = tls.createServer({ ...srv, maxVersion }, (s) => s.end('x'));
    const results = [];
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      let saved;
      const c1 = tls.connect({ port, host: '127.0.0.1', ...ca });
      c1.on('session', (session) => { saved = session; });
      c1.resume();
      c1.on('close', () => {
        results.push(['first', Buffer.isBuffer(saved)]);
        const c2 = tls.connect({ port, host: '127.0.0.1', ...ca, session: saved }, () => {
          results.push(['second', c2.isSessionReused(), c2.getProtocol()]);
        });
        c2.resume();
        c2.on('close', () => {
          server.close();
          emit(`session reuse ${maxVersion}`, results);
          resolve();
        });
      });
    });
  });
}

// Client and server TLSSockets joined by two in-memory Duplexes.
function duplexCase() {
  return new Promise((resolve) => {
    let left;
    let right;
    const make = (peer) => new Duplex({
      read() {},
      write(chunk, enc, cb) {
        peer().push(chunk);
        cb();
      },
      final(cb) {
        peer().push(null);
        cb();
      },
    });
    left = make(() => right);
    right = make(() => left);
    const serverSide = new tls.TLSSocket(left, {
      isServer: true, secureContext: tls.createSecureContext(srv),
    });
    serverSide.on('data', (d) => serverSide.end(`echo ${d}`));
    const client = tls.connect({ socket: right, ...ca }, () => {
      client.write('over duplex');
    });
    let got = '';
    client.on('data', (d) => { got += d; });
    client.on('end', () => {
      emit('plain duplex', [client.authorized, client.encrypted, got, serverSide.encrypted]);
      resolve();
    });
  });
}

function existingSocketCase() {
  return new Promise((resolve) => {
    const server = tls.createServer(srv, (s) => s.end('from tls server'));
    server.listen(0, '127.0.0.1', () => {
      const raw = net.connect(server.address().port, '127.0.0.1', () => {
        const c = tls.connect({ socket: raw, ...ca }, () => {
          emit('over net socket', [c.authorized, c instanceof net.Socket, c.remoteAddress, c.remotePort === server.address().port]);
        });
        c.setEncoding('utf8');
        let got = '';
        c.on('data', (d) => { got += d; });
        c.on('close', () => {
          emit('over net socket data', got);
          server.close();
          resolve();
        });
      });
    });
  });
}

// OCSP stapling: what OCSPRequest answers reaches 'OCSPResponse'; a
// client that did not ask gets no event.
function ocspCase() {
  return new Promise((resolve) => {
    const seen = [];
    const server = tls.createServer(srv, (s) => s.end());
    server.on('OCSPRequest', (cert, issuer, cb) => {
      seen.push(['request', Buffer.isBuffer(cert), issuer]);
      cb(null, Buffer.from('stapled bytes'));
    });
    server.listen(0, '127.0.0.1', () => {
      const port = server.address().port;
      const c = tls.connect({ port, host: '127.0.0.1', ...ca, requestOCSP: true }, () => seen.push(['secure']));
      c.on('OCSPResponse', (r) => seen.push(['response', r && r.toString()]));
      c.resume();
      c.on('close', () => {
        const quiet = tls.connect({ port, host: '127.0.0.1', ...ca }, () => seen.push(['secure without']));
        quiet.on('OCSPResponse', () => seen.push(['unexpected']));
        quiet.resume();
        quiet.on('close', () => {
          emit('ocsp stapling', seen);
          server.close();
          resolve();
        });
      });
    });
  });
}

// TLS 1.2 renegotiation from the client, five times: 'secure' on both
// sides each time, and Node's attack error past three on the server;
// TLS 1.3 cannot renegotiate.
function renegotiationCase(maxVersion, times) {
  return new Promise((resolve) => {
    const seen = [];
    const server = tls.createServer({ ...srv, maxVersion }, (s) => {
      s.on('secure', () => seen.push('server secure'));
      s.on('error', (err) => seen.push(['server error', err.code, err.message]));
      s.resume();
    });
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...ca }, () => {
        let n = 0;
        const again = () => {
          const started = c.renegotiate({}, (err) => {
            seen.push(['callback', n, err ? err.code : null]);
            if (!err && ++n < times) again();
            else c.end();
          });
          seen.push(['returned', started]);
        };
        again();
      });
      c.on('secure', () => seen.push('client secure'));
      c.resume();
      c.on('close', () => {
        emit(`renegotiate ${maxVersion}`, seen);
        server.close();
        resolve();
      });
    });
  });
}

// What a socket's getters say before, during and after a connection.
function gettersCase() {
  const pick = (s) => ({
    servername: s.servername, alpn: s.alpnProtocol, secureConnecting: s.secureConnecting,
    established: s._secureEstablished, connecting: s.connecting, readyState: s.readyState,
    encrypted: s.encrypted, authorized: s.authorized, error: s.authorizationError,
    server: !!s.server, peer: typeof s.getPeerCertificate(), ticket: typeof s.getTLSTicket(),
    session: typeof s.getSession(), finished: typeof s.getFinished(), eph: s.getEphemeralKeyInfo()?.type ?? null,
  });
  return new Promise((resolve) => {
    const server = tls.createServer(srv, (s) => {
      emit('getters server', pick(s));
      s.end('x');
    });
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ...ca }, () => {
        emit('getters client', pick(c));
      });
      emit('getters before', [c.secureConnecting, c.connecting, c.readyState, c.servername,
        c.alpnProtocol, c.getPeerCertificate(), c.getCipher(), c.getProtocol(), c.getEphemeralKeyInfo()]);
      c.resume();
      c.on('close', () => {
        emit('getters after', [c.getPeerCertificate(), c.getCipher(), c.getProtocol(), c.readyState,
          c.isSessionReused(), c.getEphemeralKeyInfo()]);
        server.close();
        resolve();
      });
    });
  });
}

function syncCases() {
  const ctx = (opts) => attempt(() => typeof tls.createSecureContext(opts));
  emit('ctx bad minVersion', ctx({ minVersion: 'TLSv9' }));
  emit('ctx bad maxVersion type', ctx({ maxVersion: 3 }));
  emit('ctx unknown method', ctx({ secureProtocol: 'foo' }));
  emit('ctx version conflict', ctx({ minVersion: 'TLSv1.3', secureProtocol: 'TLSv1_method' }));
  emit('ctx garbage key', ctx({ key: 'garbage' }));
  emit('ctx garbage cert', ctx({ cert: 'garbage' }));
  emit('ctx key type', ctx({ key: 1 }));
  emit('ctx ca type', ctx({ ca: 1 }));
  emit('ctx bad ciphers', ctx({ ciphers: 'nonsense' }));
  emit('ctx bad curve', ctx({ ecdhCurve: 'nonsense' }));
  emit('ctx bad crl', ctx({ crl: 'x' }));
  emit('ctx ticket keys', ctx({ ticketKeys: Buffer.alloc(3) }));
  emit('ctx session timeout', ctx({ sessionTimeout: 'x' }));
  // The key is made afresh in each process, and a wrong passphrase decrypts
  // it to garbage: about 1 time in 256 the padding still checks out and
  // OpenSSL's decoder fails instead (ERR_OSSL_UNSUPPORTED), under node too.
  // Either is the same outcome.
  const wrong = ctx({ key: certs.srvEncKey, passphrase: 'nope' });
  if (wrong[0] === 'throws' && wrong[2] === 'ERR_OSSL_UNSUPPORTED') {
    wrong.splice(2, 2, 'ERR_OSSL_BAD_DECRYPT', 'error:1C800064:Provider routines::bad decrypt');
  }
  emit('ctx wrong passphrase', wrong);
  emit('ctx mismatched key', ctx({ key: certs.selfKey, cert: certs.srv }));
  emit('ctx ok', ctx({ key: certs.srvKey, cert: certs.srv, ca: certs.ca, ciphers: 'HIGH', ecdhCurve: 'P-256:X25519' }));
  emit('server alpn both', attempt(() => tls.createServer({ ALPNCallback() {}, ALPNProtocols: ['a'] })));
  emit('server addContext no name', attempt(() => tls.createServer().addContext()));
  emit('socket bad context', attempt(() => new tls.TLSSocket(null, { secureContext: {} })));
  emit('ticket keys', attempt(() => {
    const s = tls.createServer(srv);
    const keys = Buffer.alloc(48, 7);
    s.setTicketKeys(keys);
    return [s.getTicketKeys().equals(keys), s.getTicketKeys().length];
  }));
  emit('defaults', [tls.DEFAULT_CIPHERS, tls.DEFAULT_ECDH_CURVE, tls.DEFAULT_MIN_VERSION,
    tls.DEFAULT_MAX_VERSION, tls.CLIENT_RENEG_LIMIT, tls.CLIENT_RENEG_WINDOW]);
  emit('ciphers sample', ['aes128-gcm-sha256', 'ecdhe-rsa-aes128-gcm-sha256', 'tls_aes_256_gcm_sha384']
    .map((name) => tls.getCiphers().includes(name)));
  const alpn = {};
  tls.convertALPNProtocols(['h2', 'http/1.1'], alpn);
  emit('convertALPNProtocols', [...alpn.ALPNProtocols]);
  const check = (host, cert) => {
    const err = tls.checkServerIdentity(host, cert);
    return err === undefined ? 'ok' : [err.code, err.message, err.reason, err.host];
  };
  const identity = [
    ['a.b.com', { subject: { CN: '*.b.com' } }],
    ['a.b.com', { subject: { CN: ['x', 'a.b.com'] } }],
    ['a.b.com', { subject: {} }],
    ['1.2.3.4', { subject: { CN: '1.2.3.4' } }],
    ['1.2.3.4', { subjectaltname: 'IP Address:1.2.3.4' }],
    ['1.2.3.5', { subjectaltname: 'IP Address:1.2.3.4, DNS:x.com' }],
    ['::1', { subjectaltname: 'IP Address:0:0:0:0:0:0:0:1' }],
    ['A.B.COM.', { subjectaltname: 'DNS:*.b.com' }],
    ['b.com', { subjectaltname: 'DNS:*.com' }],
    ['x.y.b.com', { subjectaltname: 'DNS:*.b.com, DNS:foo.com' }],
    ['xfoo.b.com', { subjectaltname: 'DNS:x*.b.com' }],
    ['a.b.com', { subjectaltname: 'URI:http://a.b.com' }],
    ['a.b.com', { subjectaltname: 'DNS:"a.b.com"' }],
    ['a.b.com', { subjectaltname: 'DNS:a*b*.b.com' }],
    ['xn--a.b.com', { subjectaltname: 'DNS:xn--*.b.com' }],
  ];
  identity.forEach(([host, cert], i) => emit(`checkServerIdentity ${i} ${host}`, check(host, cert)));
}

(async () => {
  syncCases();
  await connectionCases();
  await plainServerCase();
  await sessionCase('TLSv1.2');
  await sessionCase('TLSv1.3');
  await duplexCase();
  await existingSocketCase();
  await gettersCase();
  await ocspCase();
  await renegotiationCase('TLSv1.2', 5);
  await renegotiationCase('TLSv1.3', 1);
  certs.cleanup();
})();
