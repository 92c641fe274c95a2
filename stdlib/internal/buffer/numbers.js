'use strict';
// Buffer's number I/O: read/write methods for every integer width (1 to 6
// bytes, both byte orders), 64-bit BigInts and IEEE floats, with Node's
// argument errors. Installed on Buffer.prototype by node:buffer.

const {
  ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE,
} = require('../errors').codes;

// Floats and BigInts go through eight scratch bytes, made on first use so
// that nothing is allocated while the base snapshot is built.
let scratchBytes = null;
let scratchView = null;

function scratch() {
  if (scratchView === null) {
    const memory = new ArrayBuffer(8);
    scratchBytes = new Uint8Array(memory);
    scratchView = new DataView(memory);
  }
  return scratchView;
}

const k2Pow32 = 4294967296;
const kMask64 = 0xffffffffffffffffn;

// True when [offset, offset + width) is a whole-number range inside buf.
function fits(buf, offset, width) {
  return Math.floor(offset) === offset && offset >= 0 &&
    offset + width <= buf.length;
}

// The error for an offset that failed fits(): wrong type, not whole, a
// buffer shorter than the width, or simply past the end.
function offsetError(buf, offset, width) {
  if (typeof offset !== 'number') {
    return new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }
  if (Math.floor(offset) !== offset) {
    return new ERR_OUT_OF_RANGE('offset', 'an integer', offset);
  }
  const last = buf.length - width;
  if (last < 0) return new ERR_BUFFER_OUT_OF_BOUNDS();
  return new ERR_OUT_OF_RANGE('offset', `>= 0 and <= ${last}`, offset);
}

function checkOffsetType(offset) {
  if (typeof offset !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
  }
}

// Variable-width methods take 1 to 6 bytes.
function checkByteLength(byteLength) {
  if (byteLength >= 1 && byteLength <= 6 &&
      Math.floor(byteLength) === byteLength) {
    return;
  }
  if (typeof byteLength !== 'number') {
    throw new ERR_INVALID_ARG_TYPE('byteLength', 'number', byteLength);
  }
  if (Math.floor(byteLength) !== byteLength) {
    throw new ERR_OUT_OF_RANGE('byteLength', 'an integer', byteLength);
  }
  throw new ERR_OUT_OF_RANGE('byteLength', '>= 1 and <= 6', byteLength);
}

// The accepted range of a width, as Node words it: exact bounds up to four
// bytes, powers of two beyond.
function rangeText(width, signed) {
  const bits = width * 8;
  if (width <= 4) {
    const top = 2 ** (signed ? bits - 1 : bits);
    return signed ? `>= ${-top} and <= ${top - 1}` : `>= 0 and <= ${top - 1}`;
  }
  return signed ? `>= -(2 ** ${bits - 1}) and < 2 ** ${bits - 1}` :
    `>= 0 and < 2 ** ${bits}`;
}

const kLimits = [];
for (let width = 1; width <= 6; width++) {
  const span = 2 ** (width * 8);
  kLimits[width] = {
    unsigned: { min: 0, max: span - 1, text: rangeText(width, false) },
    signed: { min: -span / 2, max: span / 2 - 1, text: rangeText(width, true) },
  };
}

function checkValue(value, limits) {
  if (value < limits.min || value > limits.max) {
    throw new ERR_OUT_OF_RANGE('value', limits.text, value);
  }
}

// ---- integer reads ---------------------------------------------------------

// Unsigned value of `width` bytes (exact: at most 48 bits).
function gatherUnsigned(buf, offset, width, littleEndian) {
  let value = 0;
  if (littleEndian) {
    for (let i = width - 1; i >= 0; i--) value = value * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < width; i++) value = value * 256 + buf[offset + i];
  }
  return value;
}

function readVariable(buf, offset, byteLength, littleEndian, signed) {
  // Unlike the fixed widths, the offset has no default here.
  if (offset === undefined) checkOffsetType(offset);
  checkByteLength(byteLength);
  if (!fits(buf, offset, byteLength)) {
    throw offsetError(buf, offset, byteLength);
  }
  const value = gatherUnsigned(buf, offset, byteLength, littleEndian);
  if (signed) {
    const span = 2 ** (byteLength * 8);
    if (value >= span / 2) return value - span;
  }
  return value;
}

// ---- integer writes --------------------------------------------------------
// Bytes are taken from the value the way Node does, so fractions, NaN and
// negatives land the same: the low 32 bits through ToUint32, higher bytes
// from Math.floor(value / 2 ** 32).

function scatter(buf, value, offset, width, littleEndian) {
  const low = value >>> 0;
  const high = width > 4 ? Math.floor(value / k2Pow32) : 0;
  for (let i = 0; i < width; i++) {
    const byte = i < 4 ? (low >>> (8 * i)) & 0xff :
      (high >>> (8 * (i - 4))) & 0xff;
    buf[littleEndian ? offset + i : offset + width - 1 - i] = byte;
  }
  return offset + width;
}

// One byte: the offset's type is checked before the value, as in Node.
function writeByte(buf, value, offset, limits) {
  value = +value;
  checkOffsetType(offset);
  checkValue(value, limits);
  if (!fits(buf, offset, 1)) throw offsetError(buf, offset, 1);
  buf[offset] = value;
  return offset + 1;
}

// Wider integers: the value is checked first.
function writeWide(buf, value, offset, width, littleEndian, limits) {
  value = +value;
  checkValue(value, limits);
  if (!fits(buf, offset, width)) throw offsetError(buf, offset, width);
  if (width === 2) {
    const lo = littleEndian ? offset : offset + 1;
    const hi = littleEndian ? offset + 1 : offset;
    buf[lo] = value;
    buf[hi] = value >>> 8;
    return offset + 2;
  }
  return scatter(buf, value, offset, width, littleEndian);
}

function writeVariable(buf, value, offset, byteLength, littleEndian, signed) {
  checkByteLength(byteLength);
  const limits = signed ? kLimits[byteLength].signed :
    kLimits[byteLength].unsigned;
  if (byteLength === 1) return writeByte(buf, value, offset, limits);
  return writeWide(buf, value, offset, byteLength, littleEndian, limits);
}

// ---- floats and BigInts -----------------------------------------------------

// Copies `width` bytes of buf into the scratch, reversed for big-endian
// data, so the scratch always holds the value little-endian.
function load(buf, offset, width, littleEndian) {
  if (!fits(buf, offset, width)) throw offsetError(buf, offset, width);
  scratch();
  for (let i = 0; i < width; i++) {
    scratchBytes[i] = buf[littleEndian ? offset + i : offset + width - 1 - i];
  }
}

function store(buf, offset, width, littleEndian) {
  for (let i = 0; i < width; i++) {
    buf[littleEndian ? offset + i : offset + width - 1 - i] = scratchBytes[i];
  }
  return offset + width;
}

function checkFloatTarget(buf, offset, width) {
  if (!fits(buf, offset, width)) throw offsetError(buf, offset, width);
}

const kBigUnsigned = {
  min: 0n, max: kMask64, text: '>= 0n and < 2n ** 64n',
};
const kBigSigned = {
  min: -(2n ** 63n), max: 2n ** 63n - 1n,
  text: '>= -(2n ** 63n) and < 2n ** 63n',
};

function writeBig(buf, value, offset, littleEndian, limits) {
  checkValue(value, limits);
  checkFloatTarget(buf, offset, 8);
  // A mix of BigInt and Number fails here with V8's own TypeError.
  scratch().setBigUint64(0, value & kMask64, true);
  return store(buf, offset, 8, littleEndian);
}

// The methods, in the groups and order Node lists them on
// Buffer.prototype; each group is followed by its "Uint" aliases.
const kGroups = [
  {
    readBigUInt64LE(offset = 0) {
    load(this, offset, 8, true);
    return scratchView.getBigUint64(0, true);
    },
    readBigUInt64BE(offset = 0) {
    load(this, offset, 8, false);
    return scratchView.getBigUint64(0, true);
    },
  },
  {
    readBigInt64LE(offset = 0) {
    load(this, offset, 8, true);
    return scratchView.getBigInt64(0, true);
    },
    readBigInt64BE(offset = 0) {
    load(this, offset, 8, false);
    return scratchView.getBigInt64(0, true);
    },
  },
  {
    writeBigUInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, true, kBigUnsigned);
    },
    writeBigUInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, false, kBigUnsigned);
    },
  },
  {
    writeBigInt64LE(value, offset = 0) {
    return writeBig(this, value, offset, true, kBigSigned);
    },
    writeBigInt64BE(value, offset = 0) {
    return writeBig(this, value, offset, false, kBigSigned);
    },
  },
  {
    readUIntLE(offset, byteLength) {
    return readVariable(this, offset, byteLength, true, false);
    },
    readUInt32LE(offset = 0) {
    if (!fits(this, offset, 4)) throw offsetError(this, offset, 4);
    return (this[offset] | (this[offset + 1] << 8) | (this[offset + 2] << 16) |
      (this[offset + 3] << 24)) >>> 0;
    },
    readUInt16LE(offset = 0) {
    if (!fits(this, offset, 2)) throw offsetError(this, offset, 2);
    return this[offset] | (this[offset + 1] << 8);
    },
    readUInt8(offset = 0) {
    if (!fits(this, offset, 1)) throw offsetError(this, offset, 1);
    return this[offset];
    },
    readUIntBE(offset, byteLength) {
    return readVariable(this, offset, byteLength, false, false);
    },
    readUInt32BE(offset = 0) {
    if (!fits(this, offset, 4)) throw offsetError(this, offset, 4);
    return ((this[offset] << 24) | (this[offset + 1] << 16) |
      (this[offset + 2] << 8) | this[offset + 3]) >>> 0;
    },
    readUInt16BE(offset = 0) {
    if (!fits(this, offset, 2)) throw offsetError(this, offset, 2);
    return (this[offset] << 8) | this[offset + 1];
    },
  },
  {
    readIntLE(offset, byteLength) {
    return readVariable(this, offset, byteLength, true, true);
    },
    readInt32LE(offset = 0) {
    if (!fits(this, offset, 4)) throw offsetError(this, offset, 4);
    return this[offset] | (this[offset + 1] << 8) | (this[offset + 2] << 16) |
      (this[offset + 3] << 24);
    },
    readInt16LE(offset = 0) {
    if (!fits(this, offset, 2)) throw offsetError(this, offset, 2);
    return ((this[offset] << 16) | (this[offset + 1] << 24)) >> 16;
    },
    readInt8(offset = 0) {
    if (!fits(this, offset, 1)) throw offsetError(this, offset, 1);
    return (this[offset] << 24) >> 24;
    },
    readIntBE(offset, byteLength) {
    return readVariable(this, offset, byteLength, false, true);
    },
    readInt32BE(offset = 0) {
    if (!fits(this, offset, 4)) throw offsetError(this, offset, 4);
    return (this[offset] << 24) | (this[offset + 1] << 16) |
      (this[offset + 2] << 8) | this[offset + 3];
    },
    readInt16BE(offset = 0) {
    if (!fits(this, offset, 2)) throw offsetError(this, offset, 2);
    return ((this[offset] << 24) | (this[offset + 1] << 16)) >> 16;
    },
  },
  {
    writeUIntLE(value, offset, byteLength) {
    return writeVariable(this, value, offset, byteLength, true, false);
    },
    writeUInt32LE(value, offset = 0) {
    return writeWide(this, value, offset, 4, true, kLimits[4].unsigned);
    },
    writeUInt16LE(value, offset = 0) {
    return writeWide(this, value, offset, 2, true, kLimits[2].unsigned);
    },
    writeUInt8(value, offset = 0) {
    return writeByte(this, value, offset, kLimits[1].unsigned);
    },
    writeUIntBE(value, offset, byteLength) {
    return writeVariable(this, value, offset, byteLength, false, false);
    },
    writeUInt32BE(value, offset = 0) {
    return writeWide(this, value, offset, 4, false, kLimits[4].unsigned);
    },
    writeUInt16BE(value, offset = 0) {
    return writeWide(this, value, offset, 2, false, kLimits[2].unsigned);
    },
  },
  {
    writeIntLE(value, offset, byteLength) {
    return writeVariable(this, value, offset, byteLength, true, true);
    },
    writeInt32LE(value, offset = 0) {
    return writeWide(this, value, offset, 4, true, kLimits[4].signed);
    },
    writeInt16LE(value, offset = 0) {
    return writeWide(this, value, offset, 2, true, kLimits[2].signed);
    },
    writeInt8(value, offset = 0) {
    return writeByte(this, value, offset, kLimits[1].signed);
    },
    writeIntBE(value, offset, byteLength) {
    return writeVariable(this, value, offset, byteLength, false, true);
    },
    writeInt32BE(value, offset = 0) {
    return writeWide(this, value, offset, 4, false, kLimits[4].signed);
    },
    writeInt16BE(value, offset = 0) {
    return writeWide(this, value, offset, 2, false, kLimits[2].signed);
    },
  },
  {
    readFloatLE(offset = 0) {
    load(this, offset, 4, true);
    return scratchView.getFloat32(0, true);
    },
    readFloatBE(offset = 0) {
    load(this, offset, 4, false);
    return scratchView.getFloat32(0, true);
    },
    readDoubleLE(offset = 0) {
    load(this, offset, 8, true);
    return scratchView.getFloat64(0, true);
    },
    readDoubleBE(offset = 0) {
    load(this, offset, 8, false);
    return scratchView.getFloat64(0, true);
    },
    writeFloatLE(value, offset = 0) {
    checkFloatTarget(this, offset, 4);
    scratch().setFloat32(0, +value, true);
    return store(this, offset, 4, true);
    },
    writeFloatBE(value, offset = 0) {
    checkFloatTarget(this, offset, 4);
    scratch().setFloat32(0, +value, true);
    return store(this, offset, 4, false);
    },
    writeDoubleLE(value, offset = 0) {
    checkFloatTarget(this, offset, 8);
    scratch().setFloat64(0, +value, true);
    return store(this, offset, 8, true);
    },
    writeDoubleBE(value, offset = 0) {
    checkFloatTarget(this, offset, 8);
    scratch().setFloat64(0, +value, true);
    return store(this, offset, 8, false);
    },
  },
];

// Puts every method on `proto` as a plain (writable, enumerable,
// configurable) property, like the rest of Buffer.prototype.
function addNumberMethods(proto) {
  for (const group of kGroups) {
    const names = Object.keys(group);
    for (const name of names) proto[name] = group[name];
    for (const name of names) {
      const alias = name.replace('UInt', 'Uint');
      if (alias !== name) proto[alias] = group[name];
    }
  }
}

module.exports = { addNumberMethods };
