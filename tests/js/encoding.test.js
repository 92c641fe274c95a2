// TextEncoder / TextDecoder: labels, UTF-8 replacement and fatal mode,
// streaming with split sequences, BOM handling, UTF-16LE and latin1,
// encodeInto, input types and Node's errors.
'use strict';

const assert = require('assert');
const util = require('util');

const bytes = (...list) => new Uint8Array(list);

// Globals and util export the same classes.
assert.strictEqual(util.TextDecoder, TextDecoder);
assert.strictEqual(util.TextEncoder, TextEncoder);

// Labels resolve to the three encodings; others are refused.
assert.strictEqual(new TextDecoder().encoding, 'utf-8');
assert.strictEqual(new TextDecoder(' UTF8\n').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('unicode-1-1-utf-8').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('ucs-2').encoding, 'utf-16le');
assert.strictEqual(new TextDecoder('latin1').encoding, 'windows-1252');
assert.strictEqual(new TextDecoder('ascii').encoding, 'windows-1252');
assert.throws(() => new TextDecoder('x-nope'), {
  name: 'RangeError', code: 'ERR_ENCODING_NOT_SUPPORTED',
  message: 'The "x-nope" encoding is not supported',
});
assert.throws(() => new TextDecoder('utf8', 5), { code: 'ERR_INVALID_ARG_TYPE' });

// UTF-8: invalid sequences become U+FFFD, one per maximal subpart.
const utf8 = new TextDecoder();
assert.strictEqual(utf8.decode(bytes(0x61, 0xe2, 0x82, 0xac)), 'a\u20ac');
assert.strictEqual(utf8.decode(bytes(0xf0, 0x9f, 0x98, 0x80)), '\u{1f600}');
assert.strictEqual(utf8.decode(bytes(0xc0, 0x80)), '\ufffd\ufffd');
assert.strictEqual(utf8.decode(bytes(0xed, 0xa0, 0x80)), '\ufffd\ufffd\ufffd');
assert.strictEqual(utf8.decode(bytes(0xf0, 0x90, 0x80)), '\ufffd');
assert.strictEqual(utf8.decode(bytes(0xe2, 0x41)), '\ufffdA');
assert.strictEqual(utf8.decode(), '');

// Fatal mode throws Node's TypeError.
const fatal = new TextDecoder('utf-8', { fatal: true });
assert.strictEqual(fatal.fatal, true);
assert.throws(() => fatal.decode(bytes(0xff)), {
  name: 'TypeError', code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  message: 'The encoded data was not valid for encoding utf-8',
});
assert.strictEqual(fatal.decode(bytes(0x41)), 'A');

// Streaming keeps an unfinished sequence for the next call.
const stream = new TextDecoder();
assert.strictEqual(stream.decode(bytes(0xe2, 0x82), { stream: true }), '');
assert.strictEqual(stream.decode(bytes(0xac), { stream: true }), '\u20ac');
assert.strictEqual(stream.decode(bytes(0xf0, 0x9f), { stream: true }), '');
assert.strictEqual(stream.decode(), '\ufffd');
const euro = [0xe2, 0x82, 0xac, 0x41];
for (let at = 0; at <= euro.length; ++at) {
  const d = new TextDecoder();
  const text = d.decode(bytes(...euro.slice(0, at)), { stream: true }) +
    d.decode(bytes(...euro.slice(at)));
  assert.strictEqual(text, '\u20acA', `split at ${at}`);
}

// A BOM is dropped once per stream unless ignoreBOM is set.
assert.strictEqual(new TextDecoder().decode(bytes(0xef, 0xbb, 0xbf, 0x41)), 'A');
assert.strictEqual(new TextDecoder('utf-8', { ignoreBOM: true })
  .decode(bytes(0xef, 0xbb, 0xbf, 0x41)), '\ufeffA');
const bom = new TextDecoder();
assert.strictEqual(bom.decode(bytes(0xef, 0xbb), { stream: true }), '');
assert.strictEqual(bom.decode(bytes(0xbf, 0x41, 0xef, 0xbb, 0xbf)), 'A\ufeff');

// UTF-16LE: pairs, lone surrogates, odd lengths, streaming.
const utf16 = new TextDecoder('utf-16le');
assert.strictEqual(utf16.decode(bytes(0xff, 0xfe, 0x41, 0x00)), 'A');
assert.strictEqual(utf16.decode(bytes(0x3d, 0xd8, 0x00, 0xde)), '\u{1f600}');
assert.strictEqual(utf16.decode(bytes(0x00, 0xd8, 0x41, 0x00)), '\ufffdA');
assert.strictEqual(utf16.decode(bytes(0x41, 0x00, 0x42)), 'A\ufffd');
assert.strictEqual(utf16.decode(bytes(0x3d, 0xd8), { stream: true }), '');
assert.strictEqual(utf16.decode(bytes(0x00, 0xde)), '\u{1f600}');
assert.strictEqual(utf16.decode(new Uint8Array([0, 0x41, 0]).subarray(1)), 'A');

// latin1 labels map each byte to the same code point.
assert.strictEqual(new TextDecoder('latin1').decode(bytes(0x80, 0xe9, 0xff)),
                   '\u0080\u00e9\u00ff');

// Inputs: any buffer source; anything else is Node's ERR_INVALID_ARG_TYPE.
const ab = bytes(0x68, 0x69).buffer;
assert.strictEqual(utf8.decode(ab), 'hi');
assert.strictEqual(utf8.decode(new DataView(ab)), 'hi');
assert.strictEqual(utf8.decode(new Uint16Array(ab)), 'hi');
const shared = new SharedArrayBuffer(1);
new Uint8Array(shared)[0] = 0x41;
assert.strictEqual(utf8.decode(shared), 'A');
assert.throws(() => utf8.decode('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "list" argument must be an instance of SharedArrayBuffer, ' +
    'ArrayBuffer or ArrayBufferView.',
});
assert.throws(() => TextDecoder.prototype.decode.call({}),
              { code: 'ERR_INVALID_THIS' });

// TextEncoder.
const encoder = new TextEncoder();
assert.strictEqual(encoder.encoding, 'utf-8');
assert.deepStrictEqual(Array.from(encoder.encode('a\u20ac')), [0x61, 0xe2, 0x82, 0xac]);
assert.deepStrictEqual(Array.from(encoder.encode('\ud800')), [0xef, 0xbf, 0xbd]);
assert.deepStrictEqual(Array.from(encoder.encode()), []);
assert.ok(encoder.encode('x') instanceof Uint8Array);
const dest = new Uint8Array(5);
assert.deepStrictEqual(encoder.encodeInto('a\u20ac\u{1f600}', dest), { read: 2, written: 4 });
assert.deepStrictEqual(encoder.encodeInto('\u{1f600}', new Uint8Array(4)), { read: 2, written: 4 });
assert.throws(() => encoder.encodeInto('a', []), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "dest" argument must be an instance of Uint8Array. ' +
    'Received an instance of Array',
});

// Inspect output.
assert.strictEqual(util.inspect(new TextDecoder('utf-16le', { fatal: true })),
                   "TextDecoder { encoding: 'utf-16le', fatal: true, ignoreBOM: false }");
assert.strictEqual(util.inspect(new TextEncoder()), "{ encoding: 'utf-8' }");
assert.strictEqual(Object.prototype.toString.call(new TextDecoder()), '[object TextDecoder]');

console.log('encoding ok');
