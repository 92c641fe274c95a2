'use strict';
// net.SocketAddress: an immutable, validated (address, port, family,
// flowlabel) with the address in inet_ntop's canonical text.

const { codes: { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE } } = require('../errors');
const {
  validateObject, validatePort, validateString, validateUint32,
} = require('../validators');
const { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } = require('./ip');

const kInspect = Symbol.for('nodejs.util.inspect.custom');

// Parses `address` of `family` ('ipv4' / 'ipv6'): its canonical text and
// its value as a BigInt in the IPv6 space (IPv4 as ::ffff:a.b.c.d), or null.
function parseAddress(address, family) {
  if (family === 'ipv4') {
    const n = parseIPv4(address);
    if (n < 0) return null;
    return { text: formatIPv4(n), value: 0xffff00000000n | BigInt(n) };
  }
  // A zone ('%eth0') is accepted and dropped, as inet_pton's caller does.
  const percent = address.indexOf('%');
  const groups = parseIPv6(percent === -1 ? address : address.slice(0, percent));
  if (groups === null) return null;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return { text: formatIPv6(groups), value };
}

const orDefault = (value, fallback) => (value === undefined ? fallback : value);

class SocketAddress {
  #address;
  #port;
  #family;
  #flowlabel;

  static isSocketAddress(candidate) {
    return typeof candidate === 'object' && candidate !== null && #address in candidate;
  }

  constructor(init = {}) {
    validateObject(init, 'options');
    const given = init.family === undefined ? 'ipv4' : init.family;
    const fam = typeof given === 'string' ? given.toLowerCase() : given;
    if (fam !== 'ipv4' && fam !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', init.family);
    }
    const text = orDefault(init.address, fam === 'ipv4' ? '127.0.0.1' : '::');
    const portNumber = orDefault(init.port, 0);
    const label = orDefault(init.flowlabel, 0);
    validateString(text, 'options.address');
    validatePort(portNumber, 'options.port');
    validateUint32(label, 'options.flowlabel');
    const parsed = parseAddress(text, fam);
    if (parsed === null) throw new ERR_INVALID_ADDRESS();
    this.#address = parsed.text;
    this.#port = portNumber | 0;
    this.#family = fam;
    this.#flowlabel = label;
  }

  get address() {
    return this.#address;
  }

  get port() {
    return this.#port;
  }

  get family() {
    return this.#family;
  }

  get flowlabel() {
    return this.#flowlabel;
  }

  toJSON() {
    return {
      address: this.#address,
      port: this.#port,
      family: this.#family,
      flowlabel: this.#flowlabel,
    };
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[SocketAddress]';
    const inner = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), inner)}`;
  }
}

// The address of a SocketAddress as a BigInt in the IPv6 space (BlockList).
function addressValue(socketAddress) {
  return parseAddress(socketAddress.address, socketAddress.family).value;
}

module.exports = { SocketAddress, addressValue, parseAddress };
