'use strict';
// Test certificates made with the openssl command into a fresh temporary
// directory: a root CA, an intermediate CA, a server certificate for
// localhost/127.0.0.1 (RSA), one issued by the intermediate (EC), a client
// certificate, an expired one and a self-signed one. Returns their PEM texts.

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function makeCerts() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jspack-tls-'));
  const file = (name) => path.join(dir, name);
  const run = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  fs.writeFileSync(file('ext.cnf'), [
    '[srv]', 'subjectAltName=DNS:localhost,IP:127.0.0.1', 'extendedKeyUsage=serverAuth',
    '[cli]', 'extendedKeyUsage=clientAuth',
    '[inter]', 'basicConstraints=critical,CA:TRUE', 'keyUsage=keyCertSign,cRLSign',
    '[ca]', 'default_ca=d', '[d]', 'database=db/index.txt', 'new_certs_dir=db',
    'serial=db/serial', 'default_md=sha256', 'policy=p', '[p]', 'commonName=supplied', '',
  ].join('\n'));
  fs.mkdirSync(file('db'));
  fs.writeFileSync(file('db/index.txt'), '');
  fs.writeFileSync(file('db/serial'), '1000\n');
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30',
    '-subj', '/C=US/O=Jspack Test/CN=Test Root CA', '-addext', 'basicConstraints=critical,CA:TRUE');
  const issue = (name, subj, ext, issuer = 'ca', keyArgs = ec) => {
    run('req', ...keyArgs, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subj);
    run('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`,
      '-CAcreateserial', '-out', `${name}.pem`, '-days', '30', '-extfile', 'ext.cnf', '-extensions', ext);
  };
  issue('srv', '/O=Jspack Test/CN=localhost', 'srv', 'ca', ['-newkey', 'rsa:2048', '-nodes']);
  issue('inter', '/O=Jspack Test/CN=Test Intermediate', 'inter');
  issue('leaf', '/CN=localhost', 'srv', 'inter');
  issue('cli', '/CN=test client', 'cli');
  run('req', ...ec, '-keyout', 'exp.key', '-out', 'exp.csr', '-subj', '/CN=localhost');
  run('ca', '-batch', '-config', 'ext.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', 'exp.csr',
    '-out', 'exp.pem', '-startdate', '20200101000000Z', '-enddate', '20200102000000Z',
    '-extfile', 'ext.cnf', '-extensions', 'srv', '-notext');
  run('req', '-x509', ...ec, '-keyout', 'self.key', '-out', 'self.pem', '-days', '30', '-subj', '/CN=localhost');
  run('pkcs12', '-export', '-in', 'srv.pem', '-inkey', 'srv.key', '-out', 'srv.pfx', '-passout', 'pass:sekrit');
  run('pkey', '-in', 'srv.key', '-out', 'srv.enc.key', '-aes256', '-passout', 'pass:sekrit');
  const out = { dir };
  for (const name of ['ca', 'srv', 'inter', 'leaf', 'cli', 'exp', 'self']) {
    out[name] = fs.readFileSync(file(`${name}.pem`), 'latin1');
    out[`${name}Key`] = fs.readFileSync(file(`${name}.key`), 'latin1');
  }
  out.srvEncKey = fs.readFileSync(file('srv.enc.key'), 'latin1');
  out.srvPfx = fs.readFileSync(file('srv.pfx'));
  out.cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

module.exports = { makeCerts };
