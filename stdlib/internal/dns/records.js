'use strict';
// DNS response packets (RFC 1035 wire format) read into the values
// dns.resolve*() answers with: addresses (with ttl), MX, TXT, SRV, NAPTR,
// SOA, CAA, names, and resolveAny's typed records.

const { Buffer } = require('../../buffer');
const { formatIPv6 } = require('../net/ip');

const kTypeCodes = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28, SRV: 33,
  NAPTR: 35, ANY: 255, CAA: 257,
};

// The order resolveAny lists record kinds in, whatever the answer's order.
const kAnyOrder = ['A', 'CNAME', 'AAAA', 'MX', 'NS', 'TXT', 'SRV', 'PTR', 'NAPTR', 'SOA', 'CAA'];

class BadResponse extends Error {}

// A reader over one packet; names follow compression pointers.
class Packet {
  constructor(arrayBuffer) {
    this.bytes = new Uint8Array(arrayBuffer);
    this.view = new DataView(arrayBuffer);
  }

  need(at, count) {
    if (at + count > this.bytes.length) throw new BadResponse();
  }

  u8(at) {
    this.need(at, 1);
    return this.bytes[at];
  }

  u16(at) {
    this.need(at, 2);
    return this.view.getUint16(at);
  }

  u32(at) {
    this.need(at, 4);
    return this.view.getUint32(at);
  }

  // [name, offset after it]. Labels join with dots; the root is ''.
  name(start) {
    const labels = [];
    let at = start;
    let end = -1;
    for (let hops = 0; ; hops++) {
      if (hops > 127) throw new BadResponse();
      const len = this.u8(at);
      if (len === 0) {
        if (end < 0) end = at + 1;
        break;
      }
      if ((len & 0xc0) === 0xc0) {
        if (end < 0) end = at + 2;
        at = ((len & 0x3f) << 8) | this.u8(at + 1);
        continue;
      }
      this.need(at + 1, len);
      labels.push(latin1(this.bytes, at + 1, at + 1 + len));
      at += len + 1;
    }
    return [labels.join('.'), end];
  }

  // A <character-string>: [text, offset after it].
  text(at) {
    const len = this.u8(at);
    this.need(at + 1, len);
    return [utf8(this.bytes, at + 1, at + 1 + len), at + 1 + len];
  }
}

function latin1(bytes, from, to) {
  let out = '';
  for (let i = from; i < to; i++) out += String.fromCharCode(bytes[i]);
  return out;
}

function utf8(bytes, from, to) {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8');
}

function ipv4(bytes, at) {
  return `${bytes[at]}.${bytes[at + 1]}.${bytes[at + 2]}.${bytes[at + 3]}`;
}

// The text of the IPv6 address at `at`, as c-ares writes it.
function ipv6(view, at) {
  const groups = [];
  for (let i = 0; i < 8; i++) groups.push(view.getUint16(at + i * 2));
  return formatIPv6(groups, true);
}

// The value of one record of `type` whose rdata is [at, at + length).
function readRecord(packet, type, at, length, ttl) {
  const end = at + length;
  packet.need(at, length);
  switch (type) {
    case 'A':
      if (length !== 4) throw new BadResponse();
      return { address: ipv4(packet.bytes, at), ttl };
    case 'AAAA':
      if (length !== 16) throw new BadResponse();
      return { address: ipv6(packet.view, at), ttl };
    case 'CNAME': case 'NS': case 'PTR':
      return packet.name(at)[0];
    case 'MX':
      return { exchange: packet.name(at + 2)[0], priority: packet.u16(at) };
    case 'TXT': {
      const entries = [];
      for (let p = at; p < end;) {
        const [chunk, next] = packet.text(p);
        entries.push(chunk);
        p = next;
      }
      return entries;
    }
    case 'SRV':
      return {
        name: packet.name(at + 6)[0], port: packet.u16(at + 4),
        priority: packet.u16(at), weight: packet.u16(at + 2),
      };
    case 'NAPTR': {
      const order = packet.u16(at);
      const preference = packet.u16(at + 2);
      const [flags, p1] = packet.text(at + 4);
      const [service, p2] = packet.text(p1);
      const [regexp, p3] = packet.text(p2);
      const [replacement] = packet.name(p3);
      return { flags, service, regexp, replacement, order, preference };
    }
    case 'SOA': {
      const [nsname, p1] = packet.name(at);
      const [hostmaster, p2] = packet.name(p1);
      return {
        nsname, hostmaster, serial: packet.u32(p2), refresh: packet.u32(p2 + 4),
        retry: packet.u32(p2 + 8), expire: packet.u32(p2 + 12), minttl: packet.u32(p2 + 16),
      };
    }
    case 'CAA': {
      const critical = packet.u8(at);
      const tagLength = packet.u8(at + 1);
      packet.need(at + 2, tagLength);
      const tag = latin1(packet.bytes, at + 2, at + 2 + tagLength);
      return { critical, [tag]: utf8(packet.bytes, at + 2 + tagLength, end) };
    }
  }
  return undefined;
}

const kNames = Object.fromEntries(Object.entries(kTypeCodes).map(([k, v]) => [v, k]));

// Every answer record: [{ type, value }]. Throws BadResponse on a packet
// that does not hold together.
function answers(arrayBuffer) {
  const packet = new Packet(arrayBuffer);
  const questions = packet.u16(4);
  const count = packet.u16(6);
  let at = 12;
  for (let i = 0; i < questions; i++) at = packet.name(at)[1] + 4;
  const out = [];
  for (let left = count; left > 0; left--) {
    at = packet.name(at)[1];
    const type = kNames[packet.u16(at)];
    const ttl = packet.u32(at + 4);
    const length = packet.u16(at + 8);
    at += 10;
    if (type !== undefined) out.push({ type, value: readRecord(packet, type, at, length, ttl) });
    at += length;
  }
  return out;
}

// The result of a query of `type` (a key of kTypeCodes) from its answer:
// an array, or SOA's one object. `ttl` keeps { address, ttl } for A/AAAA.
// Returns null when SOA has no record (ENODATA).
function resultFor(type, arrayBuffer, ttl) {
  const records = answers(arrayBuffer);
  if (type === 'ANY') {
    const out = [];
    for (const kind of kAnyOrder) {
      for (const { type: t, value } of records) {
        if (t !== kind) continue;
        if (t === 'TXT') out.push({ entries: value, type: t });
        else if (typeof value === 'string') out.push({ value, type: t });
        else out.push({ ...value, type: t });
      }
    }
    return out;
  }
  const values = records.filter((r) => r.type === type).map((r) => r.value);
  if (type === 'SOA') return values.length === 0 ? null : values[0];
  if ((type === 'A' || type === 'AAAA') && !ttl) return values.map((v) => v.address);
  return values;
}

module.exports = { BadResponse, kTypeCodes, resultFor };
