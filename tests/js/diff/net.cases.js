'use strict';
// Differential corpus for node:net's pure parts and error shapes: isIP /
// isIPv4 / isIPv6, SocketAddress, BlockList, the autoSelectFamily defaults,
// argument errors of connect/listen, and the system errors of a refused
// connection, a busy port and a failed lookup.

const net = require('net');
const dns = require('dns');
const { inspect } = require('util');

const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

function ipCases() {
  const inputs = [
    '', '1.2.3.4', '0.0.0.0', '255.255.255.255', '256.1.1.1', '01.2.3.4', '1.2.3',
    '1.2.3.4.5', ' 1.2.3.4', '1.2.3.4 ', '1.2.3.-4', '1.2.3.04', '1..3.4', '0x1.2.3.4',
    '::', '::1', '1::', ':::', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::',
    '::2:3:4:5:6:7:8', '1::2:3:4:5:6:7:8', '1:2:3:4:5:6::1.2.3.4', '1:2:3:4:5:6:1.2.3.4',
    '::ffff:1.2.3.4', '::ffff:1.2.3.04', '::ffff:256.2.3.4', '1.2.3.4::', 'fe80::1%eth0',
    'fe80::1%', 'fe80::1%a_b', 'fe80::1%a-b.c:d', '::1%1', '12345::', 'g::', 'abcd::ABCD',
    '1:2', ':1', '1:', '1::2::3', '::1.2.3', '2001:db8::1.2.3.4', '::1.2.3.4:5',
    '1:2:3:4:5::1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4', 'localhost', 'x', '1.2.3.4%eth0',
    '0000:0000:0000:0000:0000:0000:0000:0001', '00000::1', '[::1]',
  ];
  for (const input of inputs) {
    emit(`isIP ${input}`, [net.isIP(input), net.isIPv4(input), net.isIPv6(input)]);
  }
  for (const value of [123, null, undefined, {}, { toString: () => '1.2.3.4' }, ['::1']]) {
    emit(`isIP non-string ${inspect(value)}`, attempt(() => [net.isIP(value), net.isIPv4(value), net.isIPv6(value)]));
  }
}

function socketAddressCases() {
  const options = [
    undefined, {}, { family: 'ipv6' }, { address: 'x' }, { family: 'x' }, { port: 70000 },
    { port: -1 }, { address: '1.2.3.4', port: 8 }, { address: '::FFFF:1.2.3.4', family: 'ipv6' },
    { address: '2001:DB8:0:0::1', family: 'ipv6', flowlabel: 5 }, { address: '1.2.3.4', family: 'ipv6' },
    { address: '::1', family: 'ipv4' }, { address: '::1', family: 'IPv6' }, { flowlabel: -1 },
    { flowlabel: 1.5 }, { address: 1 }, { family: 4 }, { address: '::0.0.0.2', family: 'ipv6' },
    { address: '1:0:0:2:0:0:0:3', family: 'ipv6' }, { address: '0:0:1::', family: 'ipv6' },
    { address: 'fe80::1%eth0', family: 'ipv6' }, { address: '01.2.3.4' }, { port: 65535 },
  ];
  for (const o of options) {
    emit(`SocketAddress ${inspect(o)}`, attempt(() => inspect(new net.SocketAddress(o))));
  }
  emit('SocketAddress 1', attempt(() => new net.SocketAddress(1)));
  emit('SocketAddress null', attempt(() => new net.SocketAddress(null)));
  const sa = new net.SocketAddress({ address: '10.0.0.1', port: 80 });
  emit('SocketAddress toJSON', [JSON.stringify(sa), Object.keys(sa), sa.address, sa.port]);
  emit('SocketAddress inspect depth', inspect(sa, { depth: -1 }));
  emit('SocketAddress isSocketAddress', [net.SocketAddress.isSocketAddress(sa),
    net.SocketAddress.isSocketAddress({}), net.SocketAddress.isSocketAddress(null)]);
  emit('SocketAddress prototype', Object.getOwnPropertyNames(net.SocketAddress.prototype));
}

function blockListCases() {
  const b = new net.BlockList();
  b.addAddress('1.2.3.4');
  b.addRange('10.0.0.1', '10.0.0.9');
  b.addSubnet('8.8.0.0', 16);
  b.addAddress('::1', 'ipv6');
  b.addSubnet('2001:db8::', 32, 'ipv6');
  b.addAddress(new net.SocketAddress({ address: '5.5.5.5' }));
  emit('BlockList rules', b.rules);
  emit('BlockList inspect', [inspect(b), inspect(b, { depth: -1 })]);
  const checks = [
    ['1.2.3.4'], ['::ffff:1.2.3.4', 'ipv6'], ['10.0.0.5'], ['10.0.0.10'], ['8.8.9.9'],
    ['8.9.0.0'], ['::1', 'ipv6'], ['::2', 'ipv6'], ['2001:db8::5', 'ipv6'],
    ['2001:db9::', 'ipv6'], ['1.2.3.5'], ['::ffff:10.0.0.5', 'ipv6'], ['5.5.5.5'],
    ['x'], ['1.2.3.4', 'ipv6'], ['1.2.3.4', 'x'], ['::ffff:0102:0304', 'ipv6'], ['::1'],
  ];
  for (const args of checks) emit(`BlockList check ${args.join(' ')}`, attempt(() => b.check(...args)));
  emit('BlockList check SocketAddress', b.check(new net.SocketAddress({ address: '10.0.0.2' })));
  emit('BlockList check number', attempt(() => b.check(1)));
  const mapped = new net.BlockList();
  mapped.addAddress('::ffff:1.2.3.4', 'ipv6');
  emit('BlockList mapped rule', [mapped.check('1.2.3.4'), mapped.check('::ffff:1.2.3.4', 'ipv6')]);
  const bad = [
    ['addRange', '10.0.0.9', '10.0.0.1'], ['addSubnet', '1.2.3.4', 33], ['addSubnet', '::1', 129, 'ipv6'],
    ['addSubnet', '1.2.3.4', '8'], ['addSubnet', '1.2.3.4', -1], ['addAddress', 'x'], ['addAddress', 1],
    ['addAddress', '1.2.3.4', 'x'], ['addAddress', '1.2.3.4', 4], ['addRange', '1.2.3.4', 'x'],
    ['addRange', 1, '1.2.3.4'], ['addSubnet', 1, 8],
  ];
  for (const [method, ...args] of bad) {
    const list = new net.BlockList();
    emit(`BlockList ${method} ${inspect(args)}`, attempt(() => { list[method](...args); return list.rules; }));
  }
  const subnets = new net.BlockList();
  subnets.addSubnet('1.2.3.4', 8);
  subnets.addSubnet('0.0.0.0', 0);
  subnets.addSubnet('::', 0, 'ipv6');
  emit('BlockList subnets', subnets.rules);
  const zero = new net.BlockList();
  zero.addSubnet('1.0.0.0', 8);
  emit('BlockList subnet bounds', [zero.check('1.255.255.255'), zero.check('2.0.0.0'), zero.check('0.255.255.255')]);
}

function defaultsCases() {
  emit('autoSelectFamily defaults', [net.getDefaultAutoSelectFamily(),
    net.getDefaultAutoSelectFamilyAttemptTimeout(), dns.getDefaultResultOrder()]);
  for (const v of [0, 5, 10, 500, -1, 1.5, 'x']) {
    emit(`setDefaultAutoSelectFamilyAttemptTimeout ${inspect(v)}`, attempt(() => {
      net.setDefaultAutoSelectFamilyAttemptTimeout(v);
      return net.getDefaultAutoSelectFamilyAttemptTimeout();
    }));
  }
  net.setDefaultAutoSelectFamilyAttemptTimeout(250);
  emit('setDefaultAutoSelectFamily 1', attempt(() => net.setDefaultAutoSelectFamily(1)));
  emit('setDefaultResultOrder x', attempt(() => dns.setDefaultResultOrder('x')));
}

function argumentCases() {
  const connects = [
    [{ port: 70000 }], [{ port: -1 }], [{ port: 'x' }], [{ port: true }], [{ host: 1, port: 80 }],
    [{ port: 80, localAddress: 'x' }], [{ port: 80, family: 5 }], [{ port: 80, lookup: 1, host: 'a.invalid' }],
  ];
  for (const args of connects) {
    emit(`connect ${inspect(args)}`, attempt(() => {
      const s = net.connect(...args);
      s.on('error', () => {});
      s.destroy();
      return 'no throw';
    }));
  }
  const listens = [[{ port: 70000 }], [{ port: -1 }], [{ port: 'x' }], [{}], [{ host: 'x' }], [70000]];
  for (const args of listens) {
    emit(`listen ${inspect(args)}`, attempt(() => {
      const s = net.createServer();
      s.on('error', () => {});
      s.listen(...args);
      s.close();
      return 'no throw';
    }));
  }
  const s = new net.Socket();
  emit('fresh socket', [s.readyState, s.pending, s.connecting, s.remoteAddress, s.bytesRead,
    s.bytesWritten, s.destroyed, s.readable, s.writable]);
  emit('setTimeout bad', attempt(() => s.setTimeout('x')));
  emit('setTimeout cb bad', attempt(() => s.setTimeout(10, 1)));
  s.destroy();
  emit('server fresh', (() => {
    const server = net.createServer();
    return [server.listening, server.address(), server.maxConnections];
  })());
  emit('server options bad', attempt(() => net.createServer(1)));
}

function errorShape(err) {
  const props = {};
  for (const key of Object.keys(err)) props[key] = typeof err[key] === 'number' && key === 'port' ? 'PORT' : err[key];
  return [err.name, err.message.replace(/:\d+$/, ':PORT'), props];
}

// The asynchronous errors, one after another.
function systemErrorCases(done) {
  const refused = net.connect(1, '127.0.0.1');
  refused.on('error', (err) => {
    emit('ECONNREFUSED', errorShape(err));
    emit('ECONNREFUSED state', [refused.destroyed, refused.readyState]);
    const first = net.createServer().listen(0, '127.0.0.1', () => {
      const second = net.createServer();
      second.on('error', (busy) => {
        const shape = errorShape(busy);
        emit('EADDRINUSE', [shape[0], shape[1], Object.keys(busy), busy.code, busy.errno, busy.syscall]);
        first.close();
        const lookup = net.connect(80, 'no-such-host.invalid');
        lookup.on('lookup', (e, ip, family, host) => emit('lookup event', [e && e.code, ip, family, host]));
        lookup.on('error', (e) => {
          emit('ENOTFOUND', errorShape(e));
          dns.lookup('no-such-host.invalid', (e2) => {
            emit('dns ENOTFOUND', errorShape(e2));
            dns.lookup('127.0.0.1', { all: true }, (e3, list) => {
              emit('dns literal all', [e3, list]);
              dns.lookup('localhost', { family: 4 }, (e4, address, family) => {
                emit('dns localhost 4', [e4, address, family]);
                dns.promises.lookup('no-such-host.invalid').catch((e5) => {
                  emit('dns promises ENOTFOUND', errorShape(e5));
                  done();
                });
              });
            });
          });
        });
      });
      second.listen(first.address().port, '127.0.0.1');
    });
  });
}

function dnsArgumentCases() {
  const calls = [
    () => dns.lookup('localhost', { family: 5 }, () => {}), () => dns.lookup(1, () => {}),
    () => dns.lookup('x'), () => dns.lookup('x', { hints: -1 }, () => {}),
    () => dns.lookup('x', { order: 'bad' }, () => {}), () => dns.lookup('x', { verbatim: 1 }, () => {}),
    () => dns.lookup('x', { all: 1 }, () => {}), () => dns.lookupService('x', 22, () => {}),
    () => dns.lookupService('127.0.0.1', 'z', () => {}), () => dns.lookupService('127.0.0.1'),
  ];
  calls.forEach((fn, i) => emit(`dns args ${i}`, attempt(() => { fn(); return 'no throw'; })));
  emit('dns constants', [dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL, dns.NOTFOUND, dns.CANCELLED]);
}

ipCases();
socketAddressCases();
blockListCases();
defaultsCases();
argumentCases();
dnsArgumentCases();
systemErrorCases(() => {});
