'use strict';
// net.BlockList: rules (single addresses, ranges, subnets) that an address
// can be checked against. Addresses live in one 128-bit space, IPv4 as
// ::ffff:a.b.c.d, so that IPv4 rules also match IPv4-mapped IPv6 addresses.

const {
  codes: { ERR_INVALID_ADDRESS, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('../errors');
const { validateInt32, validateString } = require('../validators');
const { SocketAddress, addressValue } = require('./socketaddress');

const kInspect = Symbol.for('nodejs.util.inspect.custom');
const isSocketAddress = (value) => SocketAddress.isSocketAddress(value);
const kAll = (1n << 128n) - 1n;

function familyOf(value, name) {
  validateString(value, 'family');
  const family = value.toLowerCase();
  if (family !== 'ipv4' && family !== 'ipv6') {
    throw new ERR_INVALID_ARG_VALUE(name, value);
  }
  return family;
}

// A string (with its family) or a SocketAddress as a SocketAddress.
function toSocketAddress(address, family, name) {
  if (isSocketAddress(address)) return address;
  if (typeof address !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', address);
  try {
    return new SocketAddress({ address, family });
  } catch (err) {
    if (err.code === 'ERR_INVALID_ADDRESS') throw new ERR_INVALID_ADDRESS();
    throw err;
  }
}

function label(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

class BlockList {
  #rules = [];

  addAddress(addr, fam = 'ipv4') {
    if (!isSocketAddress(addr)) {
      validateString(addr, 'address');
      fam = familyOf(fam, 'options.family');
    }
    const sa = toSocketAddress(addr, fam, 'address');
    const value = addressValue(sa);
    this.#rules.unshift({
      low: value, high: value, text: `Address: ${label(sa.family)} ${sa.address}`,
    });
  }

  addRange(from, to, fam = 'ipv4') {
    if (!isSocketAddress(from) || !isSocketAddress(to)) fam = familyOf(fam, 'options.family');
    if (!isSocketAddress(from)) validateString(from, 'start');
    if (!isSocketAddress(to)) validateString(to, 'end');
    const first = toSocketAddress(from, fam, 'start');
    const last = toSocketAddress(to, fam, 'end');
    const low = addressValue(first);
    const high = addressValue(last);
    if (low > high && first.family === last.family) {
      throw new ERR_INVALID_ARG_VALUE('start', first, 'must come before end');
    }
    this.#rules.unshift({
      low, high, text: `Range: ${label(first.family)} ${first.address}-${last.address}`,
    });
  }

  addSubnet(net, bitsSet, fam = 'ipv4') {
    if (isSocketAddress(net)) {
      fam = net.family;
    } else {
      validateString(net, 'network');
      fam = familyOf(fam, 'options.family');
    }
    validateInt32(bitsSet, 'prefix', 0, fam === 'ipv4' ? 32 : 128);
    const sa = toSocketAddress(net, fam, 'network');
    const prefix = bitsSet;
    const bits = fam === 'ipv4' ? prefix + 96 : prefix;
    const hostMask = kAll >> BigInt(bits);
    const value = addressValue(sa);
    const low = value & ~hostMask & kAll;
    this.#rules.unshift({
      low, high: low | hostMask, text: `Subnet: ${label(fam)} ${sa.address}/${prefix}`,
    });
  }

  check(addr, fam = 'ipv4') {
    let sa;
    if (isSocketAddress(addr)) {
      sa = addr;
    } else {
      if (typeof addr !== 'string') throw new ERR_INVALID_ARG_TYPE('address', 'string', addr);
      if (typeof fam !== 'string') throw new ERR_INVALID_ARG_TYPE('family', 'string', fam);
      try {
        sa = new SocketAddress({ address: addr, family: fam });
      } catch {
        // An address that does not parse (or a bad family) is not listed.
        return false;
      }
    }
    const value = addressValue(sa);
    for (const rule of this.#rules) {
      if (value >= rule.low && value <= rule.high) return true;
    }
    return false;
  }

  get rules() {
    return this.#rules.map((rule) => rule.text);
  }

  [kInspect](depth, options, inspect) {
    if (depth < 0) return '[BlockList]';
    const inner = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, inner)}`;
  }
}

module.exports = { BlockList };
