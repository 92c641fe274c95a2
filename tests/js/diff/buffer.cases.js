'use strict';
// Differential corpus for node:buffer (see run_diff.py): encodings both
// ways, partial writes, number I/O at many offsets, search, fill, compare,
// copy, views, inspect, the statics, atob/btoa, Blob/File, DOMException.
// Every case prints [label, result]; errors print their name, code and
// message. Generated inputs come from a seeded generator.

function main() {
  const util = require('util');
  const bufferModule = require('buffer');
  const pending = [];

  function plain(value) {
    if (typeof value === 'bigint') return `${value}n`;
    if (Buffer.isBuffer(value)) return { buffer: value.toString('hex') };
    if (value instanceof Uint8Array) return { u8: Array.from(value) };
    if (value instanceof ArrayBuffer) {
      return { arrayBuffer: Array.from(new Uint8Array(value)) };
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return `${value}`;
    if (Object.is(value, -0)) return '-0';
    if (typeof value === 'function') return `[function ${value.name}]`;
    if (typeof value === 'symbol') return value.toString();
    if (value === undefined) return '[undefined]';
    if (Array.isArray(value)) return value.map(plain);
    return value;
  }

  function errorOf(err) {
    if (err === null || typeof err !== 'object') return { thrown: plain(err) };
    return { error: [err.name, err.code, err.message] };
  }

  // One record per line: the characters a line reader may also split on
  // are escaped (JSON allows it, and the decoded value is unchanged).
  function print(label, result) {
    console.log(JSON.stringify([label, result]).replace(
      /[\u0085\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  }

  function rec(label, fn) {
    let result;
    try {
      result = plain(fn());
    } catch (err) {
      result = errorOf(err);
    }
    print(label, result);
  }

  // Async cases print after all sync ones, in the order they were added.
  function recAsync(label, fn) {
    pending.push([label, fn]);
  }

  // mulberry32: small, deterministic, seeded.
  function rng(seed) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const rand = rng(20261201);
  // A label part that tells '2' from 2.
  const show = (v) => (typeof v === 'string' ? `'${v}'` : String(v));
  const randInt = (n) => Math.floor(rand() * n);

  function randomString(length) {
    let s = '';
    for (let i = 0; i < length; i++) {
      const kind = randInt(6);
      if (kind === 0) s += String.fromCharCode(0x20 + randInt(0x5f));
      else if (kind === 1) s += String.fromCharCode(0x80 + randInt(0x80));
      else if (kind === 2) s += String.fromCharCode(0x100 + randInt(0xd700));
      else if (kind === 3) s += String.fromCodePoint(0x10000 + randInt(0xfffff));
      else if (kind === 4) s += String.fromCharCode(0xd800 + randInt(0x800));
      else s += String.fromCharCode(randInt(0x20));
    }
    return s;
  }

  function randomBytes(length) {
    const out = [];
    for (let i = 0; i < length; i++) {
      const kind = randInt(4);
      if (kind === 0) out.push(randInt(0x80));
      else if (kind === 1) out.push(0x80 + randInt(0x40));
      else if (kind === 2) out.push(0xc0 + randInt(0x40));
      else out.push(randInt(256));
    }
    return out;
  }

  const kEncodings = ['utf8', 'utf-8', 'UTF8', 'ucs2', 'ucs-2', 'utf16le',
    'UTF-16LE', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex',
    'BASE64', 'Hex'];
  const kMainEncodings = ['utf8', 'ucs2', 'latin1', 'ascii', 'base64',
    'base64url', 'hex'];

  const kStrings = ['', 'a', 'hello world', '\u00e9\u00ff\u0080', '\u20ac',
    '\u4e2d\u6587', '\ud83d\ude00', '\ud800', '\udc00', 'a\ud800b',
    'a\udc00\ud800b', '\ud83d', 'x\ud83d', '\u0000\u007f\u0080', 'aGk=',
    'aGVsbG8gd29ybGQ=', 'a G k =', 'YQ', 'YQ=', 'YQ==YQ==', '-_-_', '+/+/',
    'YW*Jj', 'Y', '====', '=YQ', 'abzz', 'ABCdef', 'abc', '0x12', '1g',
    '\u0141\u0141\u0141\u0141', 'ab\u0100d', 'caf\u00e9 \u2603 \ud834\udd1e',
    'line\r\nbreak\ttab', 'a'.repeat(70), '\u00e9'.repeat(40),
    '\u20ac'.repeat(30), 'YWJj'.repeat(20)];
  for (let i = 0; i < 120; i++) kStrings.push(randomString(1 + randInt(12)));

  // ---- encode ------------------------------------------------------------
  kStrings.forEach((s, i) => {
    for (const enc of kEncodings) {
      rec(`from/${i}/${enc}`, () => Buffer.from(s, enc).toString('hex'));
      rec(`byteLength/${i}/${enc}`, () => Buffer.byteLength(s, enc));
    }
  });
  for (const enc of [undefined, null, 5, '', 'utf9', 'UTF-16', {}]) {
    rec(`from/enc/${show(enc)}`, () => Buffer.from('ab', enc));
    rec(`byteLength/enc/${show(enc)}`, () => Buffer.byteLength('ab\u20ac', enc));
    rec(`isEncoding/${show(enc)}`, () => Buffer.isEncoding(enc));
  }
  for (const enc of kEncodings) {
    rec(`isEncoding/${enc}`, () => Buffer.isEncoding(enc));
  }

  // ---- decode --------------------------------------------------------------
  const kByteCases = [[], [0x61], [0xff], [0xc3, 0xa9], [0xc3], [0xe2, 0x82],
    [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xf0, 0x9f, 0x98],
    [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xf4, 0x90, 0x80,
      0x80], [0xf5], [0x80, 0x80], [0x61, 0xf0, 0x62], [0xe1, 0x80, 0x61],
    [0xef, 0xbb, 0xbf, 0x61], [0xfe, 0xff], [0, 1, 2, 3, 4],
    [0xfb, 0xff, 0xbf], [0x61, 0x62, 0x63]];
  for (let i = 0; i < 150; i++) kByteCases.push(randomBytes(randInt(24)));
  kByteCases.forEach((bytes, i) => {
    const buf = Buffer.from(bytes);
    for (const enc of kMainEncodings) {
      rec(`toString/${i}/${enc}`, () => buf.toString(enc));
    }
    rec(`toString/${i}/default`, () => buf.toString());
    if (bytes.length > 2) {
      rec(`toString/${i}/range`, () => [buf.toString('utf8', 1),
        buf.toString('hex', 1, 2), buf.toString('latin1', -1, 100),
        buf.toString(undefined, 0, bytes.length - 1)]);
      // Unaligned UTF-16 data.
      rec(`toString/${i}/ucs2-odd`, () => buf.subarray(1).toString('ucs2'));
    }
  });
  {
    const buf = Buffer.from('abcdef');
    const starts = [undefined, null, -1, 0, 1, 1.5, '2', 'x', NaN, 10, true,
      Infinity, -Infinity];
    starts.forEach((start, i) => {
      starts.forEach((end, j) => {
        rec(`toString/pos/${i}/${j}`, () => buf.toString('utf8', start, end));
      });
    });
    for (const enc of [null, '', 'utf9', 5, 'UCS2', 'Latin1']) {
      rec(`toString/enc/${show(enc)}`, () => buf.toString(enc));
    }
    rec('toString/enc/object', () => buf.toString({ toString() { return 'hex'; } }));
    rec('toLocaleString', () => buf.toLocaleString('hex'));
  }

  // ---- partial writes ------------------------------------------------------------
  const kWriteStrings = ['abc', '\u00e9\u00e9', '\u20ac\u20ac', '\ud83d\ude00x',
    'a\ud800', 'aGVsbG8=', 'YWJj', 'abcdef', 'abzz12', '\u0100\u0101'];
  kWriteStrings.forEach((s, i) => {
    for (const enc of kMainEncodings) {
      for (let size = 0; size <= 6; size++) {
        for (let offset = 0; offset <= size; offset += 2) {
          for (const length of [undefined, 0, 1, 2, 3, 5]) {
            rec(`write/${i}/${enc}/${size}/${offset}/${length}`, () => {
              const buf = Buffer.alloc(size);
              const n = length === undefined ? buf.write(s, offset, enc) :
                buf.write(s, offset, length, enc);
              return [n, buf.toString('hex')];
            });
          }
        }
      }
    }
  });
  {
    const forms = [[1], [], ['a', 'utf9'], ['a', -1], ['a', 5], ['a', 4],
      ['a', 1, 10], ['a', 1, -1], ['a', null], ['a', 0, null],
      ['a', 0, 1, null], ['a', 0, 1, 5], ['a', 1.5], ['a', '1'],
      ['a', undefined, 'hex'], ['ab', undefined, undefined, 'hex'],
      ['ab', 0, undefined, 'hex'], ['abcd', 1, 'hex'], ['abcd', 1, 1, 'hex'],
      ['ab', 0, 1, ''], ['ab', 0, 1, 0], ['ab', '', 1], ['ab', 0, 1.5],
      ['ab', 0, '1'], ['ab', NaN], ['ab', 0, NaN], ['\u20ac', 0, 2],
      ['\u20ac\u20ac', 0, 5], ['abc', 'latin1'], ['abc', 2, 'ucs2'],
      ['YWJj', 'base64'], ['ab', 0, 2, 'UTF-8']];
    forms.forEach((args, i) => {
      rec(`write/form/${i}`, () => {
        const buf = Buffer.alloc(4);
        return [buf.write(...args), buf.toString('hex')];
      });
    });
    const low = [['utf8Write', 'ab', 1], ['utf8Write', 'ab', 5],
      ['utf8Write', 1], ['hexWrite', 'abcd', 3, 9], ['latin1Write', 'xyz'],
      ['ucs2Write', 'abc', 0, 3], ['asciiWrite', '\u00e9', 1],
      ['base64Write', 'YWJj'], ['base64urlWrite', '-_8'],
      ['utf8Write', 'ab', -1], ['utf8Write', 'ab', 1, -1]];
    low.forEach(([method, ...args], i) => {
      rec(`lowWrite/${i}`, () => {
        const buf = Buffer.alloc(4);
        return [buf[method](...args), buf.toString('hex')];
      });
    });
    const slices = [[], [1], [1, 3], [3, 1], [1, 9], [-1], [0, -1], [4, 4]];
    for (const enc of ['ascii', 'base64', 'base64url', 'latin1', 'hex',
      'ucs2', 'utf8']) {
      slices.forEach((args, i) => {
        rec(`lowSlice/${enc}/${i}`, () => Buffer.from([0x61, 0xe9, 0x62, 0xff])[
          `${enc}Slice`](...args));
      });
    }
  }

  // ---- numbers ---------------------------------------------------------------------
  const kFixed = [['UInt8', 1], ['Int8', 1], ['UInt16LE', 2], ['UInt16BE', 2],
    ['Int16LE', 2], ['Int16BE', 2], ['UInt32LE', 4], ['UInt32BE', 4],
    ['Int32LE', 4], ['Int32BE', 4], ['FloatLE', 4], ['FloatBE', 4],
    ['DoubleLE', 8], ['DoubleBE', 8], ['BigInt64LE', 8], ['BigInt64BE', 8],
    ['BigUInt64LE', 8], ['BigUInt64BE', 8]];
  const kOffsets = [undefined, 0, 1, 2, 3, 4, 5, 8, 9, -1, 1.5, NaN, '1', null,
    Infinity, -0, true, 2 ** 32];
  const sample = Buffer.from([0x01, 0x82, 0xff, 0x7f, 0x00, 0x80, 0x3f, 0xf0,
    0x11]);
  for (const [name, width] of kFixed) {
    for (const size of new Set([0, width - 1, width, width + 1, 9])) {
      const buf = sample.subarray(0, size);
      kOffsets.forEach((offset, i) => {
        rec(`read${name}/${size}/${i}`, () => buf[`read${name}`](offset));
      });
    }
  }
  rec('read/aliases', () => [sample.readUint8(1), sample.readUint16LE(1),
    sample.readUint32BE(1), sample.readBigUint64LE(0), sample.readBigUint64BE(1),
    sample.readUintLE(1, 3), sample.readUintBE(1, 5)]);
  for (const name of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE']) {
    for (const byteLength of [undefined, 0, 1, 2, 3, 4, 5, 6, 7, 1.5, '2',
      NaN, null]) {
      for (const offset of [undefined, 0, 1, 3, 4, -1, 1.5]) {
        rec(`read${name}/${show(byteLength)}/${show(offset)}`,
            () => sample[`read${name}`](offset, byteLength));
      }
    }
  }
  const kIntValues = [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, 32768,
    -32768, -32769, 65535, 65536, 2 ** 23, 2 ** 24, 2 ** 31 - 1, 2 ** 31,
    -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 39, 2 ** 40,
    2 ** 47, -(2 ** 47), 2 ** 48 - 1, 2 ** 48, 1.5, -1.5, 257.9, -(2 ** 32) - 0.5,
    NaN, Infinity, -Infinity, '12', 'x', null, undefined, true, {}, [7]];
  const kIntWrites = [['UInt8', 1], ['Int8', 1], ['UInt16LE', 2],
    ['UInt16BE', 2], ['Int16LE', 2], ['Int16BE', 2], ['UInt32LE', 4],
    ['UInt32BE', 4], ['Int32LE', 4], ['Int32BE', 4], ['FloatLE', 4],
    ['FloatBE', 4], ['DoubleLE', 8], ['DoubleBE', 8]];
  for (const [name, width] of kIntWrites) {
    kIntValues.forEach((value, i) => {
      rec(`write${name}/v${i}`, () => {
        const buf = Buffer.alloc(width + 1);
        return [buf[`write${name}`](value, 1), buf.toString('hex')];
      });
    });
    kOffsets.forEach((offset, i) => {
      rec(`write${name}/o${i}`, () => {
        const buf = Buffer.alloc(5);
        return [buf[`write${name}`](1, offset), buf.toString('hex')];
      });
      rec(`write${name}/bad${i}`, () => {
        const buf = Buffer.alloc(5);
        return [buf[`write${name}`](2 ** 33, offset), buf.toString('hex')];
      });
    });
  }
  for (const name of ['UIntLE', 'UIntBE', 'IntLE', 'IntBE']) {
    for (const byteLength of [undefined, 0, 1, 2, 3, 4, 5, 6, 7, 1.5, '2']) {
      kIntValues.forEach((value, i) => {
        rec(`write${name}/${show(byteLength)}/v${i}`, () => {
          const buf = Buffer.alloc(8);
          return [buf[`write${name}`](value, 1, byteLength),
            buf.toString('hex')];
        });
      });
      for (const offset of [undefined, 0, 2, 3, -1, 1.5, '1']) {
        rec(`write${name}/${show(byteLength)}/o${show(offset)}`, () => {
          const buf = Buffer.alloc(8);
          return [buf[`write${name}`](300, offset, byteLength),
            buf.toString('hex')];
        });
      }
    }
  }
  const kBigValues = [0n, 1n, -1n, 2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n),
    -(2n ** 63n) - 1n, 2n ** 64n - 1n, 2n ** 64n, 1, '1', 1.5, null];
  for (const name of ['BigInt64LE', 'BigInt64BE', 'BigUInt64LE',
    'BigUInt64BE', 'BigUint64LE', 'BigUint64BE']) {
    kBigValues.forEach((value, i) => {
      rec(`write${name}/v${i}`, () => {
        const buf = Buffer.alloc(9);
        return [buf[`write${name}`](value, 1), buf.toString('hex')];
      });
    });
    kOffsets.forEach((offset, i) => {
      rec(`write${name}/o${i}`, () => {
        const buf = Buffer.alloc(9);
        return [buf[`write${name}`](5n, offset), buf.toString('hex')];
      });
    });
  }
  for (let i = 0; i < 200; i++) {
    const bytes = randomBytes(8);
    const buf = Buffer.from(bytes);
    rec(`roundtrip/${i}`, () => [buf.readDoubleLE(0), buf.readDoubleBE(0),
      buf.readFloatLE(1), buf.readFloatBE(2), buf.readBigInt64LE(0),
      buf.readBigUInt64BE(0), buf.readIntLE(1, 6), buf.readUIntBE(2, 5),
      buf.readInt32BE(3), buf.readInt16LE(5), buf.readIntBE(0, 3),
      buf.readUIntLE(0, 5)]);
  }
  {
    const floats = [0, -0, 1.5, -2.25, 1e-45, 3.4e38, 3.5e38, 1 / 3, NaN,
      Infinity, -Infinity, 2 ** -1074, Number.MAX_VALUE, '3.5', undefined];
    floats.forEach((value, i) => {
      for (const name of ['FloatLE', 'FloatBE', 'DoubleLE', 'DoubleBE']) {
        rec(`float/${name}/${i}`, () => {
          const buf = Buffer.alloc(8);
          buf[`write${name}`](value);
          return [buf.toString('hex'), buf[`read${name}`]()];
        });
      }
    });
  }

  // ---- search ----------------------------------------------------------------------
  const kHaystacks = ['abcabc', 'aaaa', '', 'a\u00e9b\u20ac', 'xyz'];
  const kNeedles = ['', 'a', 'c', 'bc', 'abc', 'abcabcx', 'zz', '\u00e9',
    '\u20ac', 99, 0x161, -157, 99.5, NaN, 256, 0];
  const kSearchOffsets = [undefined, 0, 1, 2, 3, 5, 6, 7, -1, -2, -3, -6, -7,
    -100, 100, NaN, null, 2.5, -2.5, true, {}, '2', 1e20, -1e20];
  kHaystacks.forEach((hay, h) => {
    const buf = Buffer.from(hay);
    kNeedles.forEach((needle, n) => {
      kSearchOffsets.forEach((offset, o) => {
        rec(`indexOf/${h}/${n}/${o}`, () => [buf.indexOf(needle, offset),
          buf.lastIndexOf(needle, offset), buf.includes(needle, offset)]);
      });
    });
  });
  {
    const buf = Buffer.from('abcabc');
    const odd = [Buffer.from('ca'), new Uint8Array([98]), Buffer.alloc(0),
      new Uint16Array([0x6362]), {}, true, [1], 1n, undefined, null,
      Buffer.from('abcabcabc')];
    odd.forEach((needle, i) => {
      rec(`indexOf/value/${i}`, () => [buf.indexOf(needle), buf.lastIndexOf(
        needle, 4)]);
    });
    const withEnc = [['YmM=', 'base64'], ['6263', 'hex'], ['6263', 0, 'hex'],
      ['zz', 'hex'], ['a', 'hex'], ['Y', 'base64'], ['zzzz', 'hex'],
      ['b', 'ucs2'], ['\u6362', 'ucs2'], ['b', 'utf9'], ['c', 0, 'utf9'],
      ['c', 0, null], [99, 0, 'utf9'], [Buffer.from('b'), 0, 'ucs2'],
      ['YWJj', 'base64url'], ['c', undefined, 'latin1'], ['\u0163', 'latin1'],
      ['\u0100', 'latin1']];
    withEnc.forEach((args, i) => {
      rec(`indexOf/enc/${i}`, () => [buf.indexOf(...args),
        buf.lastIndexOf(...args), buf.includes(...args)]);
    });
    rec('indexOf/missing', () => buf.indexOf());
    // The search methods work on any view's bytes and reject anything else.
    const { indexOf, lastIndexOf, includes } = Buffer.prototype;
    const wide = new Uint16Array([1, 2, 0x6261]);
    const dv = new DataView(new Uint8Array([5, 6, 7, 6]).buffer);
    rec('indexOf/this/uint16', () => [indexOf.call(wide, 2), lastIndexOf.call(wide, 0),
      includes.call(wide, 'ab'), indexOf.call(wide, 'ab', 'latin1')]);
    rec('indexOf/this/dataview', () => [indexOf.call(dv, 6), lastIndexOf.call(dv, 6),
      indexOf.call(dv, Buffer.from([7, 6]))]);
    for (const bad of [{}, [1, 2], 'ab', null, undefined, new ArrayBuffer(2)]) {
      rec(`indexOf/this/bad/${Object.prototype.toString.call(bad)}`, () => indexOf.call(bad, 1));
      rec(`lastIndexOf/this/bad/${Object.prototype.toString.call(bad)}`, () => lastIndexOf.call(bad, 1, 'str'));
    }
    rec('indexOf/this/new', () => new Buffer.prototype.lastIndexOf(1, 'str'));
    rec('includes/missing', () => buf.includes());
  }
  // UTF-16 needles only match whole units.
  for (const needle of ['a', 'aa', '\u6261']) {
    for (let length = 1; length <= 9; length++) {
      const buf = Buffer.alloc(length);
      for (let i = 0; i < length; i += 2) buf[i] = 0x61;
      if (length > 3) buf[3] = 0x62;
      for (let offset = -3; offset <= length + 1; offset++) {
        rec(`ucs2Search/${needle}/${length}/${offset}`, () => [
          buf.indexOf(needle, offset, 'ucs2'),
          buf.lastIndexOf(needle, offset, 'ucs2')]);
      }
    }
  }
  for (let i = 0; i < 150; i++) {
    const hay = Buffer.from(randomBytes(randInt(20)).map((b) => b & 3));
    const start = randInt(Math.max(1, hay.length));
    const needle = hay.subarray(start, start + 1 + randInt(3));
    const offset = randInt(hay.length + 4) - 2;
    rec(`randomSearch/${i}`, () => [hay.indexOf(needle, offset),
      hay.lastIndexOf(needle, offset), hay.indexOf(hay[0], offset),
      hay.lastIndexOf(hay[hay.length - 1], offset)]);
  }

  // ---- fill ------------------------------------------------------------------------
  {
    const fills = [['\u20ac'], ['abc'], ['zz', 'hex'], [''], ['a', 1, 3],
      ['abc', 'hex'], [Buffer.alloc(0)], [257], [-1], [3.7],
      ['\u0100', 'latin1'], ['\u00e9', 'ascii'], ['YQ', 'base64'],
      [new Uint16Array([0x102])], [true], [{}], ['a', 'utf9'], ['a', 0, 5],
      ['a', -1], ['a', 1, 0], ['a', '1'], ['a', 0, 2, 'hex'],
      ['ab', undefined, undefined, 'hex'], ['ab', 1, 'hex'], ['\u20ac', 1],
      ['a', 0, 4, 5], ['a', 1, 1, 'utf9'], [[5]], [NaN], ['\u00e9'],
      ['\u00e9', 'latin1'], ['\ud83d\ude00'], ['ab', 'ucs2'], ['a', 'ucs2'],
      ['abcde', 1, 3], [Buffer.from('xy'), 1], [null], [undefined],
      ['a', 1.5], ['a', 0, 2.5], ['a', null], ['a', 0, null], [1n],
      ['aGk=', 'base64'], ['\u0141', 'hex']];
    fills.forEach((args, i) => {
      rec(`fill/${i}`, () => Buffer.alloc(4).fill(...args).toString('hex'));
    });
    rec('fill/self', () => {
      const buf = Buffer.from('abcdefgh');
      buf.fill(buf.subarray(1, 3), 2);
      return buf.toString();
    });
    rec('fill/returns-this', () => {
      const buf = Buffer.alloc(2);
      return buf.fill(1) === buf;
    });
  }

  // ---- creating buffers ------------------------------------------------------------
  {
    const ab = new ArrayBuffer(4);
    new Uint8Array(ab).set([1, 2, 3, 4]);
    const froms = [
      () => Buffer.from(), () => Buffer.from(null), () => Buffer.from(5),
      () => Buffer.from({}), () => Buffer.from({ length: 2, 0: 1, 1: 300 }),
      () => Buffer.from({ valueOf() { return 'ab'; } }),
      () => Buffer.from({ [Symbol.toPrimitive]() { return 'ab'; } }, 'hex'),
      () => Buffer.from({ valueOf() { return 5; } }),
      () => Buffer.from(ab, 1, 2), () => Buffer.from(ab, 5),
      () => Buffer.from(ab, 1, 5), () => Buffer.from(ab, -1),
      () => Buffer.from(ab, '1', '2'), () => Buffer.from(ab, NaN, NaN),
      () => Buffer.from(ab, 4), () => Buffer.from(ab, 1.5, 1.5),
      () => Buffer.from(ab, undefined, -1), () => Buffer.from(ab, 0, null),
      () => Buffer.from('ab', 'utf9'),
      () => Buffer.from([1, 2, '3', 'x', -1, 1.5, 256, NaN, null]),
      () => Buffer.from(new Uint16Array([1, 258])),
      () => Buffer.from(new Float64Array([1.9, -1])),
      () => Buffer.from({ type: 'Buffer', data: [1, 2] }),
      () => Buffer.from(Symbol('s')), () => Buffer.from(function f() {}),
      () => Buffer.from('abc', null), () => Buffer.from(new String('6162'), 'hex'),
      () => Buffer.from({ length: 'x' }), () => Buffer.from({ length: -1 }),
      () => Buffer.from({ length: 1.5, 0: 9 }),
      () => Buffer.from({ buffer: new ArrayBuffer(2) }),
      () => Buffer.from(new DataView(new ArrayBuffer(2))),
      () => Buffer.from(Buffer.from('xyz')),
      () => Buffer.from(Object.create(null)),
      () => Buffer.from([]), () => Buffer.from(''), () => Buffer.from(true),
      () => Buffer.from(new Array(3)),
      () => Buffer.from(new SharedArrayBuffer(2)),
    ];
    froms.forEach((fn, i) => rec(`from/form/${i}`, fn));
    rec('from/shares', () => {
      const buf = Buffer.from(ab, 1);
      buf[0] = 9;
      return [new Uint8Array(ab)[1], buf.byteOffset, buf.length];
    });
    rec('from/copies', () => {
      const src = Buffer.from('ab');
      const copy = Buffer.from(src);
      copy[0] = 0;
      return src.toString();
    });
    const sizes = [-1, '1', 2 ** 33, 1.5, NaN, 0, 3, Infinity, null,
      undefined, 2 ** 32 + 1];
    sizes.forEach((size, i) => {
      rec(`alloc/${i}`, () => Buffer.alloc(size));
      rec(`allocUnsafe/${i}`, () => Buffer.allocUnsafe(size).length);
      rec(`allocUnsafeSlow/${i}`, () => Buffer.allocUnsafeSlow(size).length);
      rec(`SlowBuffer/${i}`, () => bufferModule.SlowBuffer(size).length);
    });
    const allocFills = [['ab'], ['ab', 'hex'], ['', 'hex'], ['zz', 'hex'],
      ['a', 'utf9'], [1, 'utf9'], ['a', 5], ['a', null], [0], [1], [258],
      [Buffer.from('xy')], ['\u20ac'], ['aGk=', 'base64'], [true]];
    allocFills.forEach((args, i) => {
      rec(`alloc/fill/${i}`, () => Buffer.alloc(5, ...args));
    });
    const concats = [[], [[1]], [[Buffer.from('a'), new Uint8Array([98])]],
      [[Buffer.from('ab')], 1], [[Buffer.from('ab')], 4],
      [[Buffer.from('ab')], -1], [[Buffer.from('ab')], '1'], [[]],
      [[Buffer.from('ab')], 1.5], [[Buffer.from('ab'), 'x']],
      [[Buffer.from('ab'), 'x'], 1], [[Buffer.from('ab'), 'x'], 3],
      [[Buffer.from('ab'), Buffer.from('cd')], 3], [[Buffer.from('ab')], 0],
      [new Set([Buffer.from('a')])], [{ length: 0 }], ['ab']];
    concats.forEach((args, i) => {
      rec(`concat/${i}`, () => Buffer.concat(...args));
    });
    rec('of', () => [Buffer.of(1, 2, 300), Buffer.isBuffer(Buffer.of())]);
    const copies = [[new Uint16Array([1, 2, 3])],
      [new Uint16Array([1, 2, 3]), 1], [new Uint16Array([1, 2, 3]), 1, 1],
      [new Uint16Array([1, 2, 3]), 5], [new Float32Array([1.5])],
      [Buffer.from('abc'), 1, 10], [new Uint8Array(0)], [[1, 2]], ['ab'],
      [new DataView(new ArrayBuffer(2))], [new Uint8Array(2), -1],
      [new Uint8Array(2), 0, 1.5], [new Uint8Array(2), '1']];
    copies.forEach((args, i) => {
      rec(`copyBytesFrom/${i}`, () => Buffer.copyBytesFrom(...args));
    });
    const lengths = [[], [5], [new ArrayBuffer(5)], [new Uint16Array(3)],
      ['abc', 'utf9'], ['\u20ac', 'UCS2'], ['abc', 'Hex'], ['abc', 5],
      [new DataView(new ArrayBuffer(3))], [{}], ['aGk=', 'base64'],
      ['aGk', 'base64url'], ['a\ud800', 'utf8'], ['\ud83d\ude00'],
      [new SharedArrayBuffer(4)], ['', 'hex']];
    lengths.forEach((args, i) => {
      rec(`byteLength/form/${i}`, () => Buffer.byteLength(...args));
    });
    rec('Buffer()', () => [Buffer(3), Buffer('ab'), new Buffer('6162', 'hex'),
      Buffer([1, 2])]);
    rec('Buffer(n, enc)', () => Buffer(5, 'utf8'));
    rec('Buffer(-1)', () => new Buffer(-1));
    rec('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)),
      Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer(null),
      Buffer.isBuffer(Buffer.alloc(1).subarray(0)),
      Buffer.isBuffer(Object.create(Buffer.prototype))]);
  }

  // ---- compare, equals, copy -----------------------------------------------------
  {
    const values = [Buffer.from(''), Buffer.from('a'), Buffer.from('ab'),
      Buffer.from('b'), Buffer.from([0xff]), new Uint8Array([97, 98])];
    values.forEach((a, i) => {
      values.forEach((b, j) => {
        rec(`compare/${i}/${j}`, () => [Buffer.compare(a, b),
          Buffer.from(a).compare(b), Buffer.from(a).equals(b)]);
      });
    });
    rec('compare/bad', () => Buffer.compare(1, Buffer.alloc(1)));
    rec('compare/bad2', () => Buffer.compare(Buffer.alloc(1), 'x'));
    rec('equals/bad', () => Buffer.alloc(1).equals('x'));
    rec('compare/method/bad', () => Buffer.alloc(1).compare('x'));
    const a = Buffer.from('abcdef');
    const b = Buffer.from('bcd');
    const ranges = [[], [0], [1], [1, 3], [1, 4], [0, 3, 1, 4], [0, 3, 1],
      [undefined, undefined, 1, 4], [10], [0, 10], [-1], [0, 2, 10],
      [0, 2, 0, 10], [1.5], ['1'], [NaN], [3, 1], [0, 3, 4, 2], [4, 4, 1, 1],
      [0, 3, 5, 6], [null], [0, 3, 1, 4, 9]];
    ranges.forEach((args, i) => {
      rec(`compare/range/${i}`, () => a.compare(b, ...args));
    });
    const copyArgs = [[], [0], [1], [1, 2], [1, 2, 4], [-1], [0, -1],
      [0, 7], [0, 0, -1], [10], [0, 3, 2], [1.5, 1.9, 3.2], ['1', '2', '3'],
      [NaN, NaN, NaN], [Infinity], [0, Infinity], [0, 0, Infinity],
      [0, 0, -Infinity], [null, null, null], [2 ** 53], [0, 6], [0, 0, 100],
      [3, 0, 10]];
    copyArgs.forEach((args, i) => {
      rec(`copy/${i}`, () => {
        const target = Buffer.alloc(4, '.');
        return [a.copy(target, ...args), target.toString()];
      });
    });
    rec('copy/bad-target', () => a.copy('x'));
    rec('copy/overlap', () => {
      const buf = Buffer.from('abcdef');
      buf.copy(buf, 2, 0, 4);
      return buf.toString();
    });
    rec('copy/into-uint8', () => {
      const target = new Uint8Array(3);
      return [a.copy(target, 1), Array.from(target)];
    });
    rec('copy/from-uint8', () => {
      const target = Buffer.alloc(3);
      return [Buffer.prototype.copy.call(new Uint8Array([1, 2]), target),
        target];
    });
  }

  // ---- views and byte order -------------------------------------------------------
  {
    const buf = Buffer.from('abcdef');
    const positions = [undefined, 0, 1, -1, -2, 3, 6, 7, -7, NaN, 1.5, '2',
      null, Infinity, -Infinity];
    positions.forEach((start, i) => {
      positions.forEach((end, j) => {
        rec(`slice/${i}/${j}`, () => [buf.slice(start, end).toString(),
          buf.subarray(start, end).toString()]);
      });
    });
    rec('slice/shares', () => {
      const s = buf.slice(1, 3);
      s[0] = 0x42;
      const t = Buffer.from('xyz');
      const u = t.subarray(1);
      u[0] = 0x51;
      return [buf.toString(), t.toString(), Buffer.isBuffer(s),
        s.byteOffset - buf.byteOffset];
    });
    buf.write('b', 1);
    for (const width of [16, 32, 64]) {
      for (let size = 0; size <= 17; size++) {
        rec(`swap${width}/${size}`, () => {
          const b = Buffer.from(Array.from({ length: size }, (_, i) => i));
          return b[`swap${width}`]().toString('hex');
        });
      }
    }
    rec('swap/unaligned', () => {
      const b = Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8]).subarray(1);
      return [b.swap16().toString('hex'), b.swap32().toString('hex'),
        b.swap64().toString('hex')];
    });
    rec('toJSON', () => [JSON.stringify(Buffer.from('ab')),
      JSON.stringify(Buffer.alloc(0)), Buffer.from([1, 2]).toJSON()]);
    rec('iterators', () => {
      const b = Buffer.from('ab');
      return [[...b.keys()], [...b.values()], [...b.entries()], [...b]];
    });
    rec('parent/offset', () => {
      const pooled = Buffer.from('ab').subarray(1);
      return [pooled.parent === pooled.buffer, pooled.offset ===
        pooled.byteOffset, Buffer.prototype.parent, Buffer.prototype.offset];
    });
  }

  // ---- inspect ----------------------------------------------------------------------
  {
    const cases = [Buffer.from('hello'), Buffer.alloc(0), Buffer.alloc(50),
      Buffer.alloc(51), Buffer.alloc(60), Buffer.from([0, 255, 16])];
    cases.forEach((b, i) => {
      rec(`inspect/${i}`, () => util.inspect(b));
      rec(`inspect/nested/${i}`, () => util.inspect({ a: [b] }));
    });
    for (let i = 0; i < 40; i++) {
      const b = Buffer.from(randomBytes(randInt(70)));
      rec(`inspect/random/${i}`, () => util.inspect(b));
    }
    rec('inspect/props', () => {
      const b = Buffer.from('hello');
      b.foo = 1;
      b[Symbol('x')] = 2;
      return util.inspect(b);
    });
    rec('inspect/props-empty', () => {
      const b = Buffer.alloc(0);
      b.foo = 1;
      return util.inspect(b);
    });
    rec('inspect/depth', () => {
      const b = Buffer.alloc(3);
      b.x = { a: { b: { c: {} } } };
      return [util.inspect(b), util.inspect(b, { depth: 0 }),
        util.inspect({ y: { z: b } }), util.inspect([b], { depth: -1 })];
    });
    rec('inspect/hidden', () => {
      const b = Buffer.from('a');
      Object.defineProperty(b, 'hid', { value: 5 });
      return [util.inspect(b), util.inspect(b, { showHidden: true })];
    });
    rec('inspect/colors', () => {
      const b = Buffer.from('ab');
      b.q = 's';
      return [util.inspect(Buffer.from('ab'), { colors: true }),
        util.inspect(b, { colors: true })];
    });
    rec('inspect/long-props', () => {
      const b = Buffer.from('a');
      b.arr = Array.from({ length: 30 }, (_, i) => i);
      b.s = 'x'.repeat(100);
      b.f = function named() {};
      b.n = null;
      return util.inspect(b);
    });
    rec('inspect/subclass-proto', () => {
      const u8 = new Uint8Array([1, 2]);
      Object.setPrototypeOf(u8, Buffer.prototype);
      return [util.inspect(u8), util.inspect(Buffer.from('ab').subarray(1))];
    });
    rec('inspect/method', () => [Buffer.from('ab').inspect(),
      Buffer.prototype.inspect === Buffer.prototype[util.inspect.custom]]);
    rec('inspect/format', () => util.format('%o|%j', Buffer.from('ab'),
      Buffer.from('ab')));
    for (const max of [2, 0, 1.5, Infinity, 'x', -1, 50]) {
      rec(`INSPECT_MAX_BYTES/${max}`, () => {
        bufferModule.INSPECT_MAX_BYTES = max;
        return [bufferModule.INSPECT_MAX_BYTES, util.inspect(Buffer.from('abc')),
          util.inspect(Buffer.from('ab'))];
      });
    }
    bufferModule.INSPECT_MAX_BYTES = 50;
  }

  // ---- the module and the class ----------------------------------------------------
  rec('module/keys', () => Object.keys(bufferModule));
  rec('module/constants', () => [bufferModule.constants, bufferModule.kMaxLength,
    bufferModule.kStringMaxLength, bufferModule.Buffer === Buffer,
    bufferModule.INSPECT_MAX_BYTES]);
  rec('class/statics', () => Object.getOwnPropertyNames(Buffer));
  rec('class/proto', () => Object.getOwnPropertyNames(Buffer.prototype));
  rec('class/shape', () => [Buffer.length, Buffer.name, Buffer.poolSize,
    Object.getPrototypeOf(Buffer) === Uint8Array,
    Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype,
    Buffer.prototype.constructor === Buffer, Buffer.alloc(1).constructor ===
      Buffer, Buffer.from('a') instanceof Uint8Array,
    typeof Buffer[Symbol.species], Buffer.from('ab').map((x) => x + 1),
    Buffer.from('abc').filter((x) => x > 97) instanceof Buffer,
    bufferModule.SlowBuffer.length, Object.getPrototypeOf(
      bufferModule.SlowBuffer.prototype) === Uint8Array.prototype]);
  rec('class/descriptors', () => {
    const d = (o, k) => {
      const x = Object.getOwnPropertyDescriptor(o, k);
      return [typeof x.value, typeof x.get, x.writable, x.enumerable,
        x.configurable];
    };
    return [d(Buffer, 'from'), d(Buffer, 'poolSize'), d(Buffer.prototype,
      'parent'), d(Buffer.prototype, 'toString'), d(Buffer.prototype,
      'readUInt8'), d(bufferModule, 'INSPECT_MAX_BYTES'),
    d(globalThis, 'atob'), d(Buffer, Symbol.species)];
  });
  rec('class/names', () => ['readUInt8', 'readUint8', 'writeUint32LE',
    'toString', 'toLocaleString', 'slice', 'subarray', 'compare', 'swap16',
    'utf8Write', 'hexSlice'].map((k) => [k, Buffer.prototype[k].name,
    Buffer.prototype[k].length]));
  rec('class/method-lengths', () => ['from', 'alloc', 'allocUnsafe', 'concat',
    'compare', 'byteLength', 'isEncoding', 'of', 'copyBytesFrom']
    .map((k) => [k, Buffer[k].length]));
  rec('globals', () => [typeof atob, typeof btoa, typeof Blob, typeof File,
    typeof DOMException, globalThis.Buffer === Buffer,
    atob === bufferModule.atob, Blob === bufferModule.Blob]);

  // ---- atob and btoa ------------------------------------------------------------------
  {
    const inputs = ['', 'a', 'ab=c', ' Y W I = ', 'YWI==', null, undefined,
      'YQ', '-_', 'YQ==', 'YQ=', 'YWJj', 'YWJjZA', 'Y\tW\nJ\fj\r', '\u00ff',
      'YQ===', '=', '==', 'YQ\u00a0', 'AAAA', '////', 123, { toString() {
        return 'aGk='; } }];
    inputs.forEach((input, i) => {
      rec(`atob/${i}`, () => atob(input));
    });
    rec('atob/missing', () => atob());
    const outs = ['', 'a', 'ab', 'abc', '\u00ff\u00fe', '\u0100', '\ud83d',
      123, null, undefined, { toString() { return 'x'; } }];
    outs.forEach((input, i) => {
      rec(`btoa/${i}`, () => btoa(input));
    });
    rec('btoa/missing', () => btoa());
    for (let i = 0; i < 60; i++) {
      let s = '';
      const n = randInt(12);
      for (let j = 0; j < n; j++) s += String.fromCharCode(randInt(256));
      rec(`btoa/random/${i}`, () => {
        const encoded = btoa(s);
        return [encoded, atob(encoded) === s];
      });
      let t = '';
      for (let j = 0; j < n; j++) {
        t += 'AZaz09+/= \n-_'[randInt(15)] || 'Q';
      }
      rec(`atob/random/${i}`, () => atob(t));
    }
    rec('atob/error-shape', () => {
      try {
        atob('*');
      } catch (err) {
        return [err instanceof DOMException, err instanceof Error, err.code,
          err.name, Object.keys(err), String(err),
          Object.prototype.toString.call(err)];
      }
      return null;
    });
  }

  // ---- DOMException -----------------------------------------------------------------
  {
    const names = ['IndexSizeError', 'DOMStringSizeError',
      'InvalidCharacterError', 'NoDataAllowedError', 'NotFoundError',
      'SyntaxError', 'ValidationError', 'AbortError', 'TimeoutError',
      'DataCloneError', 'EncodingError', 'OperationError', 'Foo'];
    names.forEach((name) => {
      rec(`DOMException/${name}`, () => {
        const e = new DOMException('m', name);
        return [e.name, e.message, e.code, String(e)];
      });
    });
    rec('DOMException/defaults', () => {
      const d = new DOMException();
      const n = new DOMException(null, null);
      const o = new DOMException('x', { name: 'AbortError', cause: 1 });
      return [d.name, d.message, d.code, n.name, n.message, o.name, o.code,
        o.cause, Object.getOwnPropertyNames(o), new DOMException('a', 5).name];
    });
    rec('DOMException/shape', () => [DOMException.length, DOMException.name,
      DOMException.INVALID_CHARACTER_ERR, DOMException.DATA_CLONE_ERR,
      new DOMException('x').ABORT_ERR,
      Object.getOwnPropertyNames(DOMException.prototype),
      Object.getOwnPropertyNames(DOMException).length,
      Object.getPrototypeOf(DOMException.prototype) === Error.prototype,
      Object.getOwnPropertyNames(new DOMException('x')),
      Object.prototype.toString.call(DOMException.prototype)]);
    rec('DOMException/this', () => DOMException.prototype.name);
    rec('DOMException/call', () => DOMException('x'));
  }

  // ---- isUtf8, isAscii, transcode --------------------------------------------------------
  kByteCases.forEach((bytes, i) => {
    rec(`isUtf8/${i}`, () => [bufferModule.isUtf8(Buffer.from(bytes)),
      bufferModule.isAscii(Buffer.from(bytes)),
      bufferModule.isUtf8(new Uint8Array(bytes).buffer)]);
  });
  rec('isUtf8/bad', () => bufferModule.isUtf8('x'));
  rec('isAscii/bad', () => bufferModule.isAscii(null));
  {
    const sources = ['abc', '\u00e9\u20ac', '\ud83d\ude00', 'a\u00ff'];
    const encs = ['utf8', 'ucs2', 'latin1', 'ascii', 'binary', 'utf16le'];
    sources.forEach((s, i) => {
      for (const from of encs) {
        for (const to of encs) {
          rec(`transcode/${i}/${from}/${to}`,
              () => bufferModule.transcode(Buffer.from(s, from), from, to));
        }
      }
    });
    rec('transcode/bad-enc', () => bufferModule.transcode(Buffer.from('a'),
      'utf8', 'hex'));
    rec('transcode/bad-source', () => bufferModule.transcode('a', 'utf8',
      'ucs2'));
    rec('transcode/empty', () => bufferModule.transcode(Buffer.alloc(0),
      'utf8', 'hex'));
  }

  // ---- Blob and File ----------------------------------------------------------------
  {
    const { Blob: B, File: F, resolveObjectURL } = bufferModule;
    const blobs = [() => new B(['abc']), () => new B(), () => new B('abc'),
      () => new B(5), () => new B(null), () => new B([], 5),
      () => new B([], { type: 'Text/Plain' }), () => new B([], { type: 'a\u00ff' }),
      () => new B([], { endings: 'x' }),
      () => new B([1, {}, null, new Uint16Array([1]), new B(['z'])]),
      () => new B(['a\nb', 'c\r\nd'], { endings: 'native' }),
      () => new B([new ArrayBuffer(3)]), () => new B(['\ud800']),
      () => new B(new Set(['ab', 'c'])), () => new B([], null)];
    blobs.forEach((fn, i) => {
      rec(`Blob/${i}`, () => util.inspect(fn()));
      recAsync(`Blob/text/${i}`, async () => fn().text());
    });
    const c = new B(['hello world'], { type: 'x/y' });
    const slices = [[1, 3], [-3], [1, 3, 'A/B'], [2, 1], [], [-100, 100],
      [0, -1], [undefined, undefined, 5]];
    slices.forEach((args, i) => {
      rec(`Blob/slice/${i}`, () => util.inspect(c.slice(...args)));
      recAsync(`Blob/slice/text/${i}`, async () => c.slice(...args).text());
    });
    recAsync('Blob/arrayBuffer', async () => c.arrayBuffer());
    recAsync('Blob/bytes', async () => c.bytes());
    recAsync('Blob/text/invalid', async () => new B([new Uint8Array([0xff,
      0x61])]).text());
    rec('Blob/shape', () => [Object.prototype.toString.call(c),
      Object.getOwnPropertyNames(B.prototype), Object.keys(c), B.length,
      F.length, c.size, c.type]);
    rec('Blob/this', () => B.prototype.size);
    rec('Blob/call', () => B());
    const files = [() => new F(['ab'], 'f.txt', { type: 'T', lastModified: 5 }),
      () => new F(['ab']), () => new F(), () => new F([], 'x', {
        lastModified: '7' }), () => new F([], 5, { lastModified: 1 })];
    files.forEach((fn, i) => {
      rec(`File/${i}`, () => {
        const f = fn();
        return [util.inspect(f), f.name, f.lastModified, f.size, f instanceof B,
          Object.prototype.toString.call(f)];
      });
    });
    rec('File/now', () => new F([], 'x').lastModified > 1e12);
    rec('File/shape', () => Object.getOwnPropertyNames(F.prototype));
    rec('resolveObjectURL', () => [resolveObjectURL('blob:nodedata:x'),
      resolveObjectURL('x')]);
  }

  // ---- pool --------------------------------------------------------------------------
  rec('pool', () => {
    const small = Buffer.allocUnsafe(10);
    const big = Buffer.allocUnsafe(5000);
    const slow = Buffer.allocUnsafeSlow(10);
    return [small.buffer.byteLength, big.buffer.byteLength,
      slow.buffer.byteLength, Buffer.from('abc').buffer.byteLength,
      Buffer.alloc(10).buffer.byteLength, small.length, big.length];
  });

  (async () => {
    for (const [label, fn] of pending) {
      let result;
      try {
        result = plain(await fn());
      } catch (err) {
        result = errorOf(err);
      }
      print(label, result);
    }
  })();
}

main();
