// Differential corpus for node:dns's resolve*() family and Resolver, against
// a DNS responder on 127.0.0.1 in this process (lib/dns_responder.js), never
// the network: every record type, ttl, resolveAny, reverse, the error codes
// of NXDOMAIN/SERVFAIL/REFUSED/empty/no answer, servers parsing and
// argument errors, in callback and promise forms.
'use strict';

const dns = require('dns');
const responder = require('./lib/dns_responder');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

const zone = {
  'example.test': {
    A: ['10.0.0.1', '10.0.0.2'], AAAA: ['2001:db8::1', '::ffff:1.2.3.4', '::ffff:1', '::5.6.7.8', 'fe80::1:0:0:0:2', '::1', '1::'],
    MX: [{ priority: 10, exchange: 'mx.example.test' }, { priority: 5, exchange: 'mx2.example.test' }],
    TXT: [['v=spf1', ' -all'], ['hello'], ['']], NS: ['ns1.example.test', 'ns2.example.test'],
    SOA: [{
      nsname: 'ns1.example.test', hostmaster: 'admin.example.test', serial: 2024,
      refresh: 3600, retry: 600, expire: 86400, minttl: 60,
    }],
    CAA: [{ critical: 0, tag: 'issue', value: 'ca.test' },
      { critical: 128, tag: 'iodef', value: 'mailto:x@example.test' }],
    ttl: 123,
  },
  'all.test': {
    CAA: [{ critical: 0, tag: 'issuewild', value: ';' }],
    TXT: [['t']], SRV: [{ priority: 1, weight: 2, port: 3, name: 's.test' }],
    PTR: ['p.test'], NAPTR: [{ order: 1, preference: 2, flags: 'U', service: 'E2U+sip', regexp: '!^.*$!sip:x@y!', replacement: '' }],
    NS: ['n.test'], MX: [{ priority: 1, exchange: 'm.test' }], AAAA: ['::1'], A: ['127.0.0.9'],
    SOA: [{ nsname: 'a', hostmaster: 'b', serial: 1, refresh: 2, retry: 3, expire: 4, minttl: 5 }],
  },
  'alias.test': { CNAME: ['example.test'] },
  '_sip._udp.example.test': { SRV: [{ priority: 1, weight: 5, port: 5060, name: 'sip.example.test' }] },
  'naptr.test': {
    NAPTR: [{ order: 100, preference: 10, flags: 'S', service: 'SIP+D2U', regexp: '', replacement: '_sip._udp.example.test' }],
  },
  '1.0.0.10.in-addr.arpa': { PTR: ['host.example.test', 'other.example.test'] },
  'nx.test': {}, 'servfail.test': {}, 'refused.test': {}, 'empty.test': {}, 'silent.test': {},
};

function errorShape(err) {
  return [err.name, err.code, err.errno, err.syscall, err.hostname, err.message, Object.keys(err)];
}

function callbackForm(resolver, method, args) {
  return new Promise((resolve) => {
    resolver[method](...args, (err, result) => resolve(err ? ['error', ...errorShape(err)] : ['ok', result]));
  });
}

async function promiseForm(resolver, method, args) {
  try {
    return ['ok', await resolver[method](...args)];
  } catch (err) {
    return ['error', ...errorShape(err)];
  }
}

const queries = [
  ['resolve4', 'example.test'], ['resolve4', 'example.test', { ttl: true }],
  ['resolve6', 'example.test'], ['resolve6', 'example.test', { ttl: true }],
  ['resolveMx', 'example.test'], ['resolveTxt', 'example.test'], ['resolveNs', 'example.test'],
  ['resolveSoa', 'example.test'], ['resolveCaa', 'example.test'], ['resolveCname', 'alias.test'],
  ['resolve4', 'alias.test'], ['resolveMx', 'alias.test'], ['resolveSrv', '_sip._udp.example.test'],
  ['resolveNaptr', 'naptr.test'], ['resolvePtr', '1.0.0.10.in-addr.arpa'],
  ['reverse', '10.0.0.1'], ['reverse', '10.0.0.7'], ['resolveAny', 'example.test'], ['resolveAny', 'all.test'], ['resolveAny', 'alias.test'],
  ['resolve', 'example.test', 'MX'], ['resolve', 'example.test'], ['resolve', 'all.test', 'ANY'],
  ['resolve', 'naptr.test', 'NAPTR'], ['resolve4', 'nx.test'], ['resolve6', 'servfail.test'],
  ['resolveMx', 'refused.test'], ['resolveTxt', 'empty.test'], ['resolveSoa', 'empty.test'],
  ['resolve4', 'silent.test'],
];

function argumentErrors(resolver) {
  const cb = () => {};
  emit('resolve4 name type', attempt(() => resolver.resolve4(5, cb)));
  emit('resolve4 no callback', attempt(() => resolver.resolve4('a')));
  emit('resolve bad rrtype', attempt(() => resolver.resolve('a', 'XX', cb)));
  emit('resolve rrtype type', attempt(() => resolver.resolve('a', 5, cb)));
  emit('reverse not an ip', attempt(() => resolver.reverse('x', cb)));
  emit('reverse ip type', attempt(() => resolver.reverse(5, cb)));
  emit('setServers not array', attempt(() => resolver.setServers('x')));
  emit('setServers bad ip', attempt(() => resolver.setServers(['bad'])));
  emit('setServers entry type', attempt(() => resolver.setServers([5])));
  emit('options timeout type', attempt(() => new dns.Resolver({ timeout: 'x' })));
  emit('options tries zero', attempt(() => new dns.Resolver({ tries: 0 })));
  emit('options not object', attempt(() => new dns.Resolver(5) instanceof dns.Resolver));
  emit('promise resolve4 name type', attempt(() => new dns.promises.Resolver().resolve4(5)));
}

function serverLists() {
  const r = new dns.Resolver();
  r.setServers(['1.2.3.4', '1.2.3.4:5353', '[::1]:53', '::1', '[::2]', '[::3]:5300', '5.6.7.8:53']);
  emit('servers round trip', r.getServers());
  r.setServers([]);
  emit('servers empty', r.getServers());
  emit('error code names', [dns.NOTFOUND, dns.TIMEOUT, dns.CANCELLED, dns.EOF, dns.NODATA]);
  emit('module keys', Object.keys(dns));
  emit('promises keys', Object.keys(dns.promises));
  emit('Resolver methods', Object.getOwnPropertyNames(dns.Resolver.prototype).sort());
  emit('promises Resolver methods', Object.getOwnPropertyNames(dns.promises.Resolver.prototype).sort());
}

async function cancelled(port) {
  const r = new dns.Resolver({ timeout: 5000, tries: 1 });
  r.setServers([`127.0.0.1:${port}`]);
  const pending = callbackForm(r, 'resolve4', ['silent.test']);
  r.cancel();
  emit('cancel', await pending);
}

async function main() {
  const server = await responder.start(zone);
  const target = [`127.0.0.1:${server.port}`];
  const callbacks = new dns.Resolver({ timeout: 200, tries: 1 });
  callbacks.setServers(target);
  const promises = new dns.promises.Resolver({ timeout: 200, tries: 1 });
  promises.setServers(target);
  for (const [method, ...args] of queries) {
    const label = `${method} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
    emit(`callback ${label}`, await callbackForm(callbacks, method, args));
    emit(`promise ${label}`, await promiseForm(promises, method, args));
  }
  emit('getServers', callbacks.getServers().map((s) => s.replace(/:\d+$/, ':PORT')));
  await cancelled(server.port);
  argumentErrors(callbacks);
  serverLists();
  server.close();
}

main();
