'use strict';
// node:buffer and the Buffer, atob, btoa, Blob, File and DOMException
// globals: encodings both ways, partial writes, number I/O, search, fill,
// compare/copy, views, inspect, the pool, and Node's errors.
const assert = require('assert');
const util = require('util');
const bufferModule = require('buffer');

const { Buffer: B, SlowBuffer, constants, kMaxLength, kStringMaxLength } =
  bufferModule;

function throwsCode(fn, code, name, message) {
  assert.throws(fn, (err) => {
    assert.strictEqual(err.code, code);
    if (name !== undefined) assert.strictEqual(err.name, name);
    if (message !== undefined) assert.strictEqual(err.message, message);
    return true;
  });
}

// ---- the class -------------------------------------------------------------
assert.strictEqual(B, Buffer);
assert.strictEqual(Object.getPrototypeOf(Buffer.prototype), Uint8Array.prototype);
assert.strictEqual(Object.getPrototypeOf(Buffer), Uint8Array);
assert.ok(Buffer.from('a') instanceof Buffer);
assert.ok(Buffer.from('a') instanceof Uint8Array);
assert.strictEqual(Buffer.from('a').constructor, Buffer);
assert.ok(Buffer.isBuffer(Buffer.alloc(1)));
assert.ok(!Buffer.isBuffer(new Uint8Array(1)));
assert.ok(Buffer.isBuffer(Buffer.from('abc').subarray(1)));
assert.ok(Buffer.isBuffer(Buffer.from('ab').map((x) => x)));
assert.strictEqual(Buffer.poolSize, 8192);
assert.strictEqual(Buffer.length, 3);
assert.deepStrictEqual(constants, {
  MAX_LENGTH: 4294967296, MAX_STRING_LENGTH: 536870888,
});
assert.strictEqual(kMaxLength, constants.MAX_LENGTH);
assert.strictEqual(kStringMaxLength, constants.MAX_STRING_LENGTH);
assert.strictEqual(bufferModule.INSPECT_MAX_BYTES, 50);
assert.ok(SlowBuffer(3) instanceof Buffer);
assert.deepStrictEqual([...Buffer(3)], [0, 0, 0]);
assert.strictEqual(new Buffer('ab').toString(), 'ab');
throwsCode(() => Buffer(5, 'utf8'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
           'The "string" argument must be of type string. Received type ' +
           'number (5)');

// ---- encodings ---------------------------------------------------------------
const text = 'h\u00e9\u20ac\ud83d\ude00';
assert.strictEqual(Buffer.from(text).toString('hex'),
                   '68c3a9e282acf09f9880');
assert.strictEqual(Buffer.from(text, 'utf16le').toString('hex'),
                   '6800e900ac203dd800de');
assert.strictEqual(Buffer.from(text, 'latin1').toString('hex'), '68e9ac3d00');
assert.strictEqual(Buffer.from('\u00e9', 'ascii').toString('hex'), 'e9');
assert.strictEqual(Buffer.from([0xe9, 0x41]).toString('ascii'), 'iA');
assert.strictEqual(Buffer.from('a\ud800b').toString('hex'), '61efbfbd62');
assert.strictEqual(Buffer.from([0xf0, 0x9f, 0x98]).toString(), '\ufffd');
assert.strictEqual(Buffer.from([0xed, 0xa0, 0x80]).toString(),
                   '\ufffd\ufffd\ufffd');
assert.strictEqual(Buffer.from([0xff, 0xfe, 0x41]).toString('ucs2'), '\ufeff');
assert.strictEqual(Buffer.from('hello').toString('base64'), 'aGVsbG8=');
assert.strictEqual(Buffer.from([0xfb, 0xff]).toString('base64url'), '-_8');
assert.strictEqual(Buffer.from('Y W\nJ j', 'base64').toString(), 'abc');
assert.strictEqual(Buffer.from('YQ==YQ==', 'base64').toString(), 'a');
assert.strictEqual(Buffer.from('-_-_', 'base64').toString('hex'), 'fbffbf');
assert.strictEqual(Buffer.from('abzz', 'hex').toString('hex'), 'ab');
assert.strictEqual(Buffer.from('abc', 'hex').toString('hex'), 'ab');
assert.strictEqual(Buffer.from('\u0141\u0141', 'hex').toString('hex'), 'aa');
throwsCode(() => Buffer.from('a', 'utf9'), 'ERR_UNKNOWN_ENCODING', 'TypeError',
           'Unknown encoding: utf9');
throwsCode(() => Buffer.from('a').toString(null), 'ERR_UNKNOWN_ENCODING');
assert.strictEqual(Buffer.from('abc', 'UTF-8').toString('Latin1'), 'abc');
assert.strictEqual(Buffer.from('abcdef').toString('utf8', 1, 3), 'bc');
assert.strictEqual(Buffer.from('abcdef').toString('utf8', -1, 100), 'abcdef');
assert.strictEqual(Buffer.from('abcdef').toString(undefined, 4), 'ef');
assert.strictEqual(Buffer.from([0, 0x61, 0, 0x62]).subarray(1)
  .toString('ucs2'), 'a');

assert.strictEqual(Buffer.byteLength(text), 10);
assert.strictEqual(Buffer.byteLength(text, 'ucs2'), 10);
assert.strictEqual(Buffer.byteLength('aGk=', 'base64'), 2);
assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);
assert.strictEqual(Buffer.byteLength('abc', 'nope'), 3);
assert.strictEqual(Buffer.byteLength(new ArrayBuffer(5)), 5);
assert.strictEqual(Buffer.byteLength(new Uint16Array(3)), 6);
throwsCode(() => Buffer.byteLength(5), 'ERR_INVALID_ARG_TYPE', 'TypeError',
           'The "string" argument must be of type string or an instance of ' +
           'Buffer or ArrayBuffer. Received type number (5)');
for (const name of ['utf8', 'UTF-8', 'ucs2', 'utf-16le', 'latin1', 'binary',
  'ascii', 'base64', 'base64url', 'hex']) {
  assert.ok(Buffer.isEncoding(name), name);
}
assert.ok(!Buffer.isEncoding('utf-16'));
assert.ok(!Buffer.isEncoding(''));
assert.ok(!Buffer.isEncoding(1));

// ---- creating buffers ------------------------------------------------------------
const ab = new ArrayBuffer(4);
const shared = Buffer.from(ab, 1, 2);
shared[0] = 7;
assert.strictEqual(new Uint8Array(ab)[1], 7);
throwsCode(() => Buffer.from(ab, 5), 'ERR_BUFFER_OUT_OF_BOUNDS', 'RangeError',
           '"offset" is outside of buffer bounds');
throwsCode(() => Buffer.from(ab, 1, 5), 'ERR_BUFFER_OUT_OF_BOUNDS',
           'RangeError', '"length" is outside of buffer bounds');
assert.deepStrictEqual([...Buffer.from([1, 300, -1, 1.5, 'x'])],
                       [1, 44, 255, 1, 0]);
assert.deepStrictEqual([...Buffer.from({ length: 2, 0: 5, 1: 6 })], [5, 6]);
assert.strictEqual(Buffer.from(new String('6162'), 'hex').toString(), 'ab');
assert.strictEqual(Buffer.from({ [Symbol.toPrimitive]: () => 'hi' })
  .toString(), 'hi');
assert.deepStrictEqual([...Buffer.from({ type: 'Buffer', data: [1, 2] })],
                       [1, 2]);
throwsCode(() => Buffer.from(5), 'ERR_INVALID_ARG_TYPE', 'TypeError',
           'The first argument must be of type string or an instance of ' +
           'Buffer, ArrayBuffer, or Array or an Array-like Object. Received ' +
           'type number (5)');
const copied = Buffer.from(Buffer.from('ab'));
assert.strictEqual(copied.toString(), 'ab');

assert.strictEqual(Buffer.alloc(3, 'ab').toString(), 'aba');
assert.strictEqual(Buffer.alloc(3, 'ab', 'hex').toString('hex'), 'ababab');
assert.strictEqual(Buffer.alloc(2, 257).toString('hex'), '0101');
throwsCode(() => Buffer.alloc(-1), 'ERR_OUT_OF_RANGE', 'RangeError',
           'The value of "size" is out of range. It must be >= 0 && <= ' +
           '4294967296. Received -1');
throwsCode(() => Buffer.alloc('1'), 'ERR_INVALID_ARG_TYPE');
throwsCode(() => Buffer.alloc(3, 'zz', 'hex'), 'ERR_INVALID_ARG_VALUE',
           'TypeError', "The argument 'value' is invalid. Received 'zz'");
assert.strictEqual(Buffer.allocUnsafe(10).length, 10);
assert.strictEqual(Buffer.allocUnsafe(10).buffer.byteLength, 8192);
assert.strictEqual(Buffer.allocUnsafe(5000).buffer.byteLength, 5000);
assert.strictEqual(Buffer.allocUnsafeSlow(10).buffer.byteLength, 10);
assert.strictEqual(Buffer.of(1, 2, 300).toString('hex'), '01022c');
assert.strictEqual(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)
  .toString('hex'), '0200');

assert.strictEqual(Buffer.concat([Buffer.from('a'), new Uint8Array([98])])
  .toString(), 'ab');
assert.strictEqual(Buffer.concat([Buffer.from('ab')], 4).toString('hex'),
                   '61620000');
assert.strictEqual(Buffer.concat([Buffer.from('abc')], 2).toString(), 'ab');
assert.strictEqual(Buffer.concat([]).length, 0);
throwsCode(() => Buffer.concat([Buffer.from('a'), 'x']),
           'ERR_INVALID_ARG_TYPE', 'TypeError',
           'The "list[1]" argument must be an instance of Buffer or ' +
           'Uint8Array. Received type string (\'x\')');

// ---- write ---------------------------------------------------------------------
{
  const buf = Buffer.alloc(4);
  assert.strictEqual(buf.write('\u20ac\u20ac'), 3);
  assert.strictEqual(buf.toString('hex'), 'e282ac00');
  assert.strictEqual(Buffer.alloc(2).write('\u20ac'), 0);
  assert.strictEqual(Buffer.alloc(3).write('\ud83d\ude00'), 0);
  assert.strictEqual(buf.write('abcd', 1, 'hex'), 2);
  assert.strictEqual(buf.toString('hex'), 'e2abcd00');
  assert.strictEqual(buf.write('ff', 3, 1, 'hex'), 1);
  assert.strictEqual(buf.write('xyz', 'latin1'), 3);
  assert.strictEqual(Buffer.alloc(3).write('abc', 0, 3, 'ucs2'), 2);
  assert.strictEqual(Buffer.alloc(2).write('YWJj', 'base64'), 2);
  assert.strictEqual(Buffer.alloc(4).write('a', 4), 0);
  throwsCode(() => buf.write(1), 'ERR_INVALID_ARG_TYPE', 'TypeError',
             'argument must be a string');
  throwsCode(() => buf.write('a', 5), 'ERR_OUT_OF_RANGE', 'RangeError',
             'The value of "offset" is out of range. It must be >= 0 && <= 4. ' +
             'Received 5');
  throwsCode(() => buf.write('a', 0, 5), 'ERR_OUT_OF_RANGE');
  throwsCode(() => buf.write('a', 0, 1, 'utf9'), 'ERR_UNKNOWN_ENCODING');
  assert.strictEqual(buf.utf8Write('zz', 1), 2);
  assert.strictEqual(buf.latin1Slice(1, 3), 'zz');
}

// ---- numbers ---------------------------------------------------------------------
{
  const buf = Buffer.from([0x01, 0x82, 0xff, 0x7f, 0x00, 0x80, 0x3f, 0xf0]);
  assert.strictEqual(buf.readUInt8(1), 0x82);
  assert.strictEqual(buf.readInt8(1), -126);
  assert.strictEqual(buf.readUInt16LE(1), 0xff82);
  assert.strictEqual(buf.readUInt16BE(1), 0x82ff);
  assert.strictEqual(buf.readInt16LE(1), -126);
  assert.strictEqual(buf.readUInt32LE(0), 0x7fff8201);
  assert.strictEqual(buf.readInt32BE(4), 0x00803ff0);
  assert.strictEqual(buf.readUIntBE(0, 6), 0x0182ff7f0080);
  assert.strictEqual(buf.readIntLE(2, 3), 0x007fff);
  assert.strictEqual(buf.readIntBE(1, 2), -32001);
  assert.strictEqual(buf.readBigUInt64LE(0), 0xf03f80007fff8201n);
  assert.strictEqual(buf.readBigInt64BE(0), 0x0182ff7f00803ff0n);
  assert.strictEqual(buf.readBigUint64BE, buf.readBigUInt64BE);
  assert.strictEqual(buf.readUint32LE, buf.readUInt32LE);
  assert.strictEqual(Buffer.from([0, 0, 0x80, 0x3f]).readFloatLE(0), 1);
  assert.strictEqual(Buffer.from([0x3f, 0xf0, 0, 0, 0, 0, 0, 0])
    .readDoubleBE(0), 1);
  throwsCode(() => buf.readUInt32LE(5), 'ERR_OUT_OF_RANGE', 'RangeError',
             'The value of "offset" is out of range. It must be >= 0 and <= ' +
             '4. Received 5');
  throwsCode(() => buf.readUInt8(1.5), 'ERR_OUT_OF_RANGE', 'RangeError',
             'The value of "offset" is out of range. It must be an integer. ' +
             'Received 1.5');
  throwsCode(() => buf.readUInt8('1'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
             'The "offset" argument must be of type number. Received type ' +
             'string (\'1\')');
  throwsCode(() => Buffer.alloc(4).readDoubleLE(0), 'ERR_BUFFER_OUT_OF_BOUNDS',
             'RangeError', 'Attempt to access memory outside buffer bounds');
  throwsCode(() => buf.readUIntLE(0, 7), 'ERR_OUT_OF_RANGE', 'RangeError',
             'The value of "byteLength" is out of range. It must be >= 1 and ' +
             '<= 6. Received 7');
  throwsCode(() => buf.readUIntLE(undefined, 2), 'ERR_INVALID_ARG_TYPE');

  const out = Buffer.alloc(8);
  assert.strictEqual(out.writeUInt16BE(0x1234, 1), 3);
  assert.strictEqual(out.toString('hex'), '0012340000000000');
  assert.strictEqual(out.writeInt32LE(-2, 4), 8);
  assert.strictEqual(out.readInt32LE(4), -2);
  assert.strictEqual(out.writeUIntBE(0x123456789a, 0, 5), 5);
  assert.strictEqual(out.readUIntBE(0, 5), 0x123456789a);
  assert.strictEqual(out.writeIntLE(-(2 ** 47), 0, 6), 6);
  assert.strictEqual(out.readIntLE(0, 6), -(2 ** 47));
  assert.strictEqual(out.writeDoubleLE(Math.PI), 8);
  assert.strictEqual(out.readDoubleLE(), Math.PI);
  assert.strictEqual(out.writeFloatBE(1.5, 4), 8);
  assert.strictEqual(out.readFloatBE(4), 1.5);
  assert.strictEqual(out.writeBigInt64BE(-1n), 8);
  assert.strictEqual(out.toString('hex'), 'ffffffffffffffff');
  assert.strictEqual(out.writeBigUInt64LE(1n), 8);
  assert.strictEqual(out.readBigUInt64LE(), 1n);
  out.writeInt16LE(-1.5, 0);
  assert.strictEqual(out.toString('hex', 0, 2), 'ffff');
  throwsCode(() => out.writeUInt8(256), 'ERR_OUT_OF_RANGE', 'RangeError',
             'The value of "value" is out of range. It must be >= 0 and <= ' +
             '255. Received 256');
  throwsCode(() => out.writeUInt32LE(2 ** 32), 'ERR_OUT_OF_RANGE',
             'RangeError', 'The value of "value" is out of range. It must be ' +
             '>= 0 and <= 4294967295. Received 4294967296');
  throwsCode(() => out.writeIntBE(2 ** 40, 0, 5), 'ERR_OUT_OF_RANGE',
             'RangeError', 'The value of "value" is out of range. It must be ' +
             '>= -(2 ** 39) and < 2 ** 39. Received 1_099_511_627_776');
  throwsCode(() => out.writeBigUInt64LE(-1n), 'ERR_OUT_OF_RANGE', 'RangeError',
             'The value of "value" is out of range. It must be >= 0n and < ' +
             '2n ** 64n. Received -1n');
  assert.throws(() => out.writeBigInt64LE(1), TypeError);
  throwsCode(() => out.writeDoubleLE(1, 1), 'ERR_OUT_OF_RANGE');
}

// ---- search ---------------------------------------------------------------------
{
  const buf = Buffer.from('abcabc');
  assert.strictEqual(buf.indexOf('c'), 2);
  assert.strictEqual(buf.indexOf('c', 3), 5);
  assert.strictEqual(buf.indexOf('c', -1), 5);
  assert.strictEqual(buf.lastIndexOf('c'), 5);
  assert.strictEqual(buf.lastIndexOf('c', -2), 2);
  assert.strictEqual(buf.lastIndexOf('c', null), -1);
  assert.strictEqual(buf.indexOf(99), 2);
  assert.strictEqual(buf.indexOf(99 + 256), 2);
  assert.strictEqual(buf.indexOf(Buffer.from('ca')), 2);
  assert.strictEqual(buf.indexOf(new Uint8Array([98])), 1);
  assert.strictEqual(buf.indexOf(''), 0);
  assert.strictEqual(buf.indexOf('', 10), 6);
  assert.strictEqual(buf.lastIndexOf(''), 6);
  assert.strictEqual(buf.indexOf('6263', 'hex'), 1);
  assert.strictEqual(buf.indexOf('YmM=', 0, 'base64'), 1);
  assert.strictEqual(buf.indexOf('\u6362', 'ucs2'), 4);
  assert.strictEqual(Buffer.from([0, 0x61, 0, 0x61, 0]).indexOf('a', 'ucs2'),
                     -1);
  assert.ok(buf.includes('bca'));
  assert.ok(!buf.includes('x'));
  throwsCode(() => buf.indexOf({}), 'ERR_INVALID_ARG_TYPE', 'TypeError',
             'The "value" argument must be one of type number or string or ' +
             'an instance of Buffer or Uint8Array. Received an instance of ' +
             'Object');
  throwsCode(() => buf.indexOf('c', 'utf9'), 'ERR_UNKNOWN_ENCODING');
}

// ---- fill ------------------------------------------------------------------------
assert.strictEqual(Buffer.alloc(4).fill('\u20ac').toString('hex'), 'e282ace2');
assert.strictEqual(Buffer.alloc(3).fill('\u20ac', 1).toString('hex'),
                   '00e282');
assert.strictEqual(Buffer.alloc(4).fill('ab', 1, 'hex').toString('hex'),
                   '00ababab');
assert.strictEqual(Buffer.alloc(4).fill(Buffer.from('xy')).toString(), 'xyxy');
assert.strictEqual(Buffer.alloc(4).fill(-1).toString('hex'), 'ffffffff');
assert.strictEqual(Buffer.alloc(4).fill('').toString('hex'), '00000000');
throwsCode(() => Buffer.alloc(4).fill('zz', 'hex'), 'ERR_INVALID_ARG_VALUE');
throwsCode(() => Buffer.alloc(4).fill('a', 0, 5), 'ERR_OUT_OF_RANGE',
           'RangeError', 'The value of "end" is out of range. It must be >= 0 ' +
           '&& <= 4. Received 5');
{
  const buf = Buffer.alloc(2);
  assert.strictEqual(buf.fill(1), buf);
}

// ---- compare, equals, copy -------------------------------------------------------
assert.strictEqual(Buffer.compare(Buffer.from('a'), Buffer.from('b')), -1);
assert.strictEqual(Buffer.compare(Buffer.from('ab'), Buffer.from('a')), 1);
assert.strictEqual(Buffer.compare(Buffer.from(''), Buffer.from('')), 0);
assert.deepStrictEqual([Buffer.from('a'), Buffer.from('c'), Buffer.from('b')]
  .sort(Buffer.compare).map(String), ['a', 'b', 'c']);
assert.ok(Buffer.from('ab').equals(new Uint8Array([97, 98])));
assert.ok(!Buffer.from('ab').equals(Buffer.from('abc')));
assert.strictEqual(Buffer.from('abcdef').compare(Buffer.from('bcd'), 0, 3,
                                                 1, 4), 0);
throwsCode(() => Buffer.compare(1, Buffer.alloc(1)), 'ERR_INVALID_ARG_TYPE',
           'TypeError', 'The "buf1" argument must be an instance of Buffer ' +
           'or Uint8Array. Received type number (1)');
throwsCode(() => Buffer.alloc(1).equals('x'), 'ERR_INVALID_ARG_TYPE');
{
  const target = Buffer.alloc(4, '.');
  assert.strictEqual(Buffer.from('abcdef').copy(target, 1, 2), 3);
  assert.strictEqual(target.toString(), '.cde');
  const self = Buffer.from('abcdef');
  self.copy(self, 2, 0, 4);
  assert.strictEqual(self.toString(), 'ababcd');
  throwsCode(() => self.copy(target, -1), 'ERR_OUT_OF_RANGE');
}

// ---- views and byte order ------------------------------------------------------------
{
  const buf = Buffer.from('abcdef');
  const view = buf.slice(1, 3);
  view[0] = 0x42;
  assert.strictEqual(buf.toString(), 'aBcdef');
  assert.strictEqual(buf.subarray(-2).toString(), 'ef');
  assert.strictEqual(buf.slice(4, 2).length, 0);
  assert.ok(Buffer.isBuffer(view));
  const swap = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
  assert.strictEqual(swap.swap16().toString('hex'), '0201040306050807');
  assert.strictEqual(swap.swap32().toString('hex'), '0304010207080506');
  assert.strictEqual(swap.swap64().toString('hex'), '0605080702010403');
  throwsCode(() => Buffer.alloc(3).swap16(), 'ERR_INVALID_BUFFER_SIZE',
             'RangeError', 'Buffer size must be a multiple of 16-bits');
  assert.strictEqual(JSON.stringify(Buffer.from('ab')),
                     '{"type":"Buffer","data":[97,98]}');
  assert.deepStrictEqual([...Buffer.from('ab').entries()], [[0, 97], [1, 98]]);
}

// ---- inspect -------------------------------------------------------------------------
{
  assert.strictEqual(util.inspect(Buffer.from('hello')),
                     '<Buffer 68 65 6c 6c 6f>');
  assert.strictEqual(util.inspect(Buffer.alloc(0)), '<Buffer >');
  assert.strictEqual(util.inspect(Buffer.alloc(51)),
                     `<Buffer ${'00 '.repeat(49)}00 ... 1 more byte>`);
  const withProps = Buffer.from('ab');
  withProps.foo = 1;
  assert.strictEqual(util.inspect(withProps), '<Buffer 61 62, foo: 1>');
  assert.strictEqual(util.inspect({ a: [Buffer.from('x')] }),
                     '{ a: [ <Buffer 78> ] }');
  bufferModule.INSPECT_MAX_BYTES = 2;
  assert.strictEqual(util.inspect(Buffer.from('abc')),
                     '<Buffer 61 62 ... 1 more byte>');
  bufferModule.INSPECT_MAX_BYTES = 50;
  throwsCode(() => { bufferModule.INSPECT_MAX_BYTES = -1; },
             'ERR_OUT_OF_RANGE');
}

// ---- atob, btoa, DOMException -------------------------------------------------------------
assert.strictEqual(atob('aGk='), 'hi');
assert.strictEqual(atob(' Y W I = '), 'ab');
assert.strictEqual(btoa('hi'), 'aGk=');
assert.strictEqual(bufferModule.atob, atob);
for (const [input, message] of [
  ['*', 'Invalid character'],
  ['a', 'The string to be decoded is not correctly encoded.'],
  ['ab=c', 'Invalid character'],
]) {
  assert.throws(() => atob(input), (err) => {
    assert.ok(err instanceof DOMException);
    assert.ok(err instanceof Error);
    assert.strictEqual(err.name, 'InvalidCharacterError');
    assert.strictEqual(err.code, 5);
    assert.strictEqual(err.message, message);
    return true;
  });
}
assert.throws(() => btoa('\u0100'), { name: 'InvalidCharacterError' });
throwsCode(() => atob(), 'ERR_MISSING_ARGS', 'TypeError',
           'The "input" argument must be specified');
{
  const e = new DOMException('m', { name: 'AbortError', cause: 1 });
  assert.strictEqual(e.code, 20);
  assert.strictEqual(e.cause, 1);
  assert.strictEqual(String(e), 'AbortError: m');
  assert.strictEqual(DOMException.ABORT_ERR, 20);
  assert.strictEqual(new DOMException().name, 'Error');
  assert.strictEqual(Object.prototype.toString.call(e), '[object DOMException]');
}

// ---- isUtf8, isAscii, transcode -------------------------------------------------------
assert.ok(bufferModule.isUtf8(Buffer.from(text)));
assert.ok(!bufferModule.isUtf8(Buffer.from([0xed, 0xa0, 0x80])));
assert.ok(!bufferModule.isUtf8(Buffer.from([0xc0, 0x80])));
assert.ok(bufferModule.isAscii(Buffer.from('abc')));
assert.ok(!bufferModule.isAscii(Buffer.from([0x80])));
throwsCode(() => bufferModule.isUtf8('x'), 'ERR_INVALID_ARG_TYPE');
assert.strictEqual(bufferModule.transcode(Buffer.from('\u20ac'), 'utf8',
                                          'ucs2').toString('hex'), 'ac20');
assert.strictEqual(bufferModule.transcode(Buffer.from('a\u20ac'), 'utf8',
                                          'latin1').toString(), 'a?');

// ---- Blob and File ------------------------------------------------------------------------
{
  const blob = new Blob(['ab', new Uint8Array([0x63]), new Blob(['d'])],
                        { type: 'Text/Plain' });
  assert.strictEqual(blob.size, 4);
  assert.strictEqual(blob.type, 'text/plain');
  assert.strictEqual(util.inspect(blob), "Blob { size: 4, type: 'text/plain' }");
  assert.strictEqual(blob.slice(1, -1).size, 2);
  assert.strictEqual(Object.prototype.toString.call(blob), '[object Blob]');
  throwsCode(() => new Blob('ab'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
             'The "sources" argument must be a sequence. Received type ' +
             'string (\'ab\')');
  const file = new File(['x'], 'a.txt', { lastModified: 5 });
  assert.strictEqual(file.name, 'a.txt');
  assert.strictEqual(file.lastModified, 5);
  assert.ok(file instanceof Blob);
  throwsCode(() => new File(['x']), 'ERR_MISSING_ARGS');
  Promise.all([blob.text(), blob.slice(2).arrayBuffer(), file.text()])
    .then(([all, tail, name]) => {
      assert.strictEqual(all, 'abcd');
      assert.deepStrictEqual([...new Uint8Array(tail)], [0x63, 0x64]);
      assert.strictEqual(name, 'x');
    });
}

// Buffer.prototype methods called on other receivers (libraries do
// Buffer.prototype.x.call(view)) either work on the view's bytes or throw a
// TypeError/RangeError; they never take the process down.
{
  const names = Object.getOwnPropertyNames(Buffer.prototype)
    .filter((n) => n !== 'constructor' && typeof Buffer.prototype[n] === 'function');
  const receivers = () => [{}, new Uint16Array([0x6261, 0x63]), new DataView(new ArrayBuffer(8)),
    new Float64Array(2), 'abc', [1, 2, 3], new ArrayBuffer(8), null, undefined, 5];
  const argLists = [[], [0], [1, 2], ['ab'], [Buffer.from('ab')], [new Uint16Array(2)],
    ['ab', 0, 'hex'], [0, 1, 2], [new DataView(new ArrayBuffer(2))], [-1, 99]];
  let ran = 0;
  for (const name of names) {
    for (const receiver of receivers()) {
      for (const args of argLists) {
        try {
          Buffer.prototype[name].apply(receiver, args);
        } catch (err) {
          assert.ok(err instanceof TypeError || err instanceof RangeError, `${name}: ${err}`);
        }
        ran++;
      }
    }
  }
  assert.ok(ran > 1000);
  // The native-level methods say what they wanted, as Node does.
  throwsCode(() => Buffer.prototype.latin1Slice.call({}), 'ERR_INVALID_ARG_TYPE', 'TypeError',
             'argument must be a buffer');
  throwsCode(() => Buffer.prototype.utf8Write.call([], 'x'), 'ERR_INVALID_ARG_TYPE', 'TypeError',
             'argument must be a buffer');
  throwsCode(() => Buffer.prototype.compare.call({}, Buffer.from('a')), 'ERR_INVALID_ARG_TYPE',
             'TypeError', 'argument must be a buffer');
  // On another view they work on its bytes.
  const wide = new Uint16Array([0x6261, 0x63]);
  assert.strictEqual(Buffer.prototype.latin1Slice.call(wide), 'abc\0');
  assert.strictEqual(Buffer.prototype.hexSlice.call(new DataView(wide.buffer), 1, 3), '6263');
  assert.strictEqual(Buffer.prototype.asciiWrite.call(new DataView(new ArrayBuffer(2)), 'xyz'), 2);
  assert.strictEqual(Buffer.prototype.indexOf.call(wide, 0x63), 2);
}
