'use strict';
// A DNS server on 127.0.0.1 for the dns tests: answers each query from a zone
// table with a hand-built response packet, so resolve*() is tested without
// the network. Names under special labels misbehave on purpose:
//   nx.*        NXDOMAIN          servfail.*  SERVFAIL
//   refused.*   REFUSED           silent.*    no answer at all (a timeout)
//   empty.*     NOERROR, no records
// start(zone) -> Promise<{ port, close(), queries }>. zone maps a name to
// { A: ['1.2.3.4'], AAAA: [...], MX: [{ priority, exchange }], ... }.

const dgram = require('dgram');

const kTypes = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33,
  NAPTR: 35, ANY: 255, CAA: 257,
};
const kTypeNames = Object.fromEntries(Object.entries(kTypes).map(([k, v]) => [v, k]));

function encodeName(name) {
  const parts = name === '' ? [] : name.replace(/\.$/, '').split('.');
  const bytes = [];
  for (const label of parts) {
    const raw = Buffer.from(label);
    bytes.push(raw.length, ...raw);
  }
  bytes.push(0);
  return Buffer.from(bytes);
}

function charString(text) {
  const raw = Buffer.from(text);
  return Buffer.concat([Buffer.from([raw.length]), raw]);
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u32(n) {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function ipv6Bytes(given) {
  // A dotted IPv4 tail stands for the last two groups.
  const text = given.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (m, a, b, c, d) =>
    `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`);
  const [head, tail = ''] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = text.includes('::') ?
    [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return Buffer.concat(groups.map((g) => u16(parseInt(g, 16))));
}

// The rdata of one record.
function rdata(type, value) {
  switch (type) {
    case 'A': return Buffer.from(value.split('.').map(Number));
    case 'AAAA': return ipv6Bytes(value);
    case 'CNAME': case 'NS': case 'PTR': return encodeName(value);
    case 'MX': return Buffer.concat([u16(value.priority), encodeName(value.exchange)]);
    case 'TXT': return Buffer.concat(value.map(charString));
    case 'SRV':
      return Buffer.concat([u16(value.priority), u16(value.weight), u16(value.port),
        encodeName(value.name)]);
    case 'SOA':
      return Buffer.concat([encodeName(value.nsname), encodeName(value.hostmaster),
        u32(value.serial), u32(value.refresh), u32(value.retry), u32(value.expire),
        u32(value.minttl)]);
    case 'NAPTR':
      return Buffer.concat([u16(value.order), u16(value.preference), charString(value.flags),
        charString(value.service), charString(value.regexp), encodeName(value.replacement)]);
    case 'CAA': {
      const tag = Buffer.from(value.tag);
      return Buffer.concat([Buffer.from([value.critical, tag.length]), tag,
        Buffer.from(value.value)]);
    }
  }
  throw new Error(`no encoder for ${type}`);
}

function answerRecord(type, value, ttl) {
  const data = rdata(type, value);
  // The owner name points back at the question (offset 12).
  return Buffer.concat([u16(0xc00c), u16(kTypes[type]), u16(1), u32(ttl), u16(data.length), data]);
}

function parseQuestion(msg) {
  let at = 12;
  const labels = [];
  while (msg[at] !== 0) {
    labels.push(msg.toString('latin1', at + 1, at + 1 + msg[at]));
    at += msg[at] + 1;
  }
  at += 1;
  return { name: labels.join('.'), type: msg.readUInt16BE(at), end: at + 4 };
}

function respond(zone, msg) {
  const { name, type, end } = parseQuestion(msg);
  const first = name.split('.')[0];
  if (first === 'silent') return null;
  const rcode = { nx: 3, servfail: 2, refused: 5 }[first] ?? 0;
  const entry = zone[name] ?? {};
  const wanted = kTypeNames[type];
  const answers = [];
  for (const [rtype, values] of Object.entries(entry)) {
    if (rtype === 'ttl' || (wanted !== 'ANY' && rtype !== wanted && rtype !== 'CNAME')) continue;
    for (const value of values) answers.push(answerRecord(rtype, value, entry.ttl ?? 300));
  }
  const header = Buffer.alloc(12);
  header.writeUInt16BE(msg.readUInt16BE(0), 0);
  header.writeUInt16BE(0x8180 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rcode === 0 && first !== 'empty' ? answers.length : 0, 6);
  const body = rcode === 0 && first !== 'empty' ? answers : [];
  return Buffer.concat([header, msg.subarray(12, end), ...body]);
}

function start(zone) {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    const queries = [];
    sock.on('message', (msg, rinfo) => {
      const { name, type } = parseQuestion(msg);
      queries.push([name, kTypeNames[type]]);
      const reply = respond(zone, msg);
      if (reply !== null) sock.send(reply, rinfo.port, rinfo.address);
    });
    sock.once('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      resolve({ port: sock.address().port, queries, close: () => sock.close() });
    });
  });
}

module.exports = { start };
