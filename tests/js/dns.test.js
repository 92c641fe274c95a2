// dns.resolve*() and Resolver against a DNS responder on 127.0.0.1 in this
// process (never the network): many queries at once, a server that never
// answers (ETIMEOUT, not a hang), a closed port, cancel(), a resolver
// dropped with queries pending, and a child process that exits by itself
// once its queries are done.
'use strict';

const assert = require('assert');
const dns = require('dns');
const { spawn } = require('child_process');
const responder = require('./diff/lib/dns_responder');

const zone = {
  'a.test': { A: ['192.0.2.1'], AAAA: ['2001:db8::5'], TXT: [['x']] },
};
for (let i = 0; i < 200; i++) zone[`host${i}.test`] = { A: [`10.1.${i >> 8}.${i & 255}`] };

const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

function resolverFor(port, options = { timeout: 300, tries: 1 }) {
  const r = new dns.promises.Resolver(options);
  r.setServers([`127.0.0.1:${port}`]);
  return r;
}

let server;

step('answers', async () => {
  const r = resolverFor(server.port);
  assert.deepStrictEqual(await r.resolve4('a.test'), ['192.0.2.1']);
  assert.deepStrictEqual(await r.resolve6('a.test', { ttl: true }), [{ address: '2001:db8::5', ttl: 300 }]);
  assert.deepStrictEqual(await r.resolveTxt('a.test'), [['x']]);
  // The callback API answers the same.
  const cb = new dns.Resolver();
  cb.setServers([`127.0.0.1:${server.port}`]);
  const addresses = await new Promise((resolve, reject) => {
    cb.resolve('a.test', 'A', (err, result) => (err ? reject(err) : resolve(result)));
  });
  assert.deepStrictEqual(addresses, ['192.0.2.1']);
});

step('two hundred queries at once', async () => {
  const r = resolverFor(server.port, { timeout: 2000, tries: 3 });
  const answers = await Promise.all(Object.keys(zone).filter((n) => n.startsWith('host'))
    .map((name) => r.resolve4(name)));
  assert.strictEqual(answers.length, 200);
  answers.forEach((a, i) => assert.deepStrictEqual(a, [`10.1.${i >> 8}.${i & 255}`]));
});

step('a server that never answers times out', async () => {
  const r = resolverFor(server.port, { timeout: 100, tries: 2 });
  await assert.rejects(r.resolve4('silent.test'), {
    code: 'ETIMEOUT', syscall: 'queryA', hostname: 'silent.test',
    message: 'queryA ETIMEOUT silent.test',
  });
});

step('error answers', async () => {
  const r = resolverFor(server.port);
  await assert.rejects(r.resolve4('nx.test'), { code: 'ENOTFOUND', message: 'queryA ENOTFOUND nx.test' });
  await assert.rejects(r.resolveMx('servfail.test'), { code: 'ESERVFAIL' });
  await assert.rejects(r.resolveTxt('empty.test'), { code: dns.NODATA });
  await assert.rejects(r.reverse('192.0.2.200'), { code: 'ENOTFOUND', syscall: 'getHostByAddr' });
});

step('a closed port is refused', async () => {
  const gone = await responder.start({});
  const { port } = gone;
  gone.close();
  const r = resolverFor(port, { timeout: 200, tries: 1 });
  await assert.rejects(r.resolve4('a.test'), (err) => {
    assert.ok(['ECONNREFUSED', 'ETIMEOUT'].includes(err.code), err.code);
    return true;
  });
});

step('cancel()', async () => {
  const r = resolverFor(server.port, { timeout: 10000, tries: 1 });
  const pending = r.resolve4('silent.test');
  r.cancel();
  await assert.rejects(pending, { code: 'ECANCELLED', message: 'queryA ECANCELLED silent.test' });
});

step('a dropped resolver still completes its queries', async () => {
  const pending = resolverFor(server.port).resolve4('a.test');
  if (typeof globalThis.gc === 'function') globalThis.gc();
  assert.deepStrictEqual(await pending, ['192.0.2.1']);
});

step('a child exits once its queries are done', async () => {
  const code = `
    const r = new (require('dns').Resolver)();
    r.setServers(['127.0.0.1:${server.port}']);
    r.resolve4('a.test', (err, a) => console.log(err ? err.code : a.join()));`;
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  const exitCode = await new Promise((resolve) => child.on('exit', resolve));
  assert.strictEqual(exitCode, 0);
  assert.strictEqual(out, '192.0.2.1\n');
});

(async () => {
  server = await responder.start(zone);
  for (const [name, fn] of steps) {
    await fn();
    console.log(`ok - ${name}`);
  }
  server.close();
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
