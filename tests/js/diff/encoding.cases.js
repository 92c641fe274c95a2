'use strict';
// Differential corpus for TextEncoder / TextDecoder: labels, UTF-8 byte
// sequences (valid, invalid, overlong, surrogates, truncated), every
// streaming split of them, UTF-16LE (odd lengths, lone surrogates), latin1,
// fatal mode, BOM handling, input types, encodeInto and inspect output.

const util = require('util');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

function codes(text) {
  return Array.from(text, (ch) => ch.codePointAt(0).toString(16)).join(' ');
}

function attempt(fn) {
  try {
    return ['ok', fn()];
  } catch (err) {
    return ['throws', err.name, err.code, err.message];
  }
}

function hex(bytes) {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// A small deterministic generator (xorshift32), so the random cases are the
// same on both runtimes.
function makeRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
}

function labelCases() {
  const labels = [
    'utf-8', 'UTF-8', 'utf8', 'Utf8', 'unicode-1-1-utf-8', 'unicode11utf8',
    'unicode20utf8', 'x-unicode20utf8', ' utf-8', 'utf-8 ', '\tutf-8\n',
    '\f\rutf-8', 'utf-8\v', '\u00a0utf-8', 'utf-16le', 'UTF-16LE', 'utf-16',
    'ucs-2', 'unicode', 'csunicode', 'iso-10646-ucs-2', 'unicodefeff',
    'latin1', 'LATIN1', 'ascii', 'us-ascii', 'windows-1252', 'iso-8859-1',
    'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'iso-ir-100',
    'l1', 'cp1252', 'cp819', 'ibm819', 'csisolatin1', 'x-cp1252',
    'ansi_x3.4-1968', 'x-user-defined', 'utf-7', 'utf-32', 'binary', 'base64',
    'hex', '', 'nope', 'utf_8', 'utf-8-', 'null', 'undefined',
  ];
  for (const label of labels) {
    emit(`label ${JSON.stringify(label)}`,
         attempt(() => new TextDecoder(label).encoding));
  }
  const odd = [null, 0, 1, true, {}, { toString: () => 'utf-16le' }, []];
  odd.forEach((value, i) => {
    emit(`label value ${i}`, attempt(() => new TextDecoder(value).encoding));
  });
  emit('label undefined', attempt(() => new TextDecoder(undefined).encoding));
  emit('label none', attempt(() => new TextDecoder().encoding));
}

function optionCases() {
  const values = [undefined, null, {}, { fatal: true }, { ignoreBOM: 1 },
    { fatal: 0, ignoreBOM: 'x' }, 5, 'x', true, [], () => {}];
  values.forEach((options, i) => {
    emit(`options ${i}`, attempt(() => {
      const d = new TextDecoder('utf-8', options);
      return [d.encoding, d.fatal, d.ignoreBOM];
    }));
  });
}

// UTF-8 sequences that exercise every decoder rule.
function utf8Samples() {
  const samples = [
    [], [0x41], [0x00], [0x7f], [0x80], [0xbf], [0xc0], [0xc1], [0xc0, 0x80],
    [0xc1, 0xbf], [0xc2], [0xc2, 0x80], [0xdf, 0xbf], [0xc2, 0x41],
    [0xe0, 0x80, 0x80], [0xe0, 0x9f, 0xbf], [0xe0, 0xa0, 0x80], [0xe0, 0xa0],
    [0xe0], [0xe1, 0x80], [0xe2, 0x82, 0xac], [0xe2, 0x82], [0xe2, 0x41],
    [0xed, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf],
    [0xed, 0xa0, 0x80, 0xed, 0xb0, 0x80], [0xee, 0x80, 0x80],
    [0xef, 0xbf, 0xbf], [0xef, 0xbb, 0xbf], [0xef, 0xbb, 0xbf, 0x41],
    [0xef, 0xbb], [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], [0xf0, 0x80, 0x80, 0x80],
    [0xf0, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xf0, 0x90, 0x80],
    [0xf0, 0x90], [0xf0], [0xf0, 0x9f, 0x98, 0x80], [0xf4, 0x8f, 0xbf, 0xbf],
    [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xf7, 0xbf, 0xbf, 0xbf],
    [0xf8, 0x88, 0x80, 0x80, 0x80], [0xfc, 0x84, 0x80, 0x80, 0x80, 0x80],
    [0xfe], [0xff], [0xfe, 0xff], [0x80, 0x80, 0x80], [0x41, 0x80, 0x42],
    [0xe2, 0x82, 0xac, 0xe2], [0xf0, 0x9f, 0x98], [0xf0, 0x9f, 0x41],
    [0xc3, 0xa9, 0xc3], [0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0x41],
    [0xf4, 0x8f, 0xbf], [0xf4, 0x90], [0xe0, 0xa0, 0x41], [0xed, 0x80],
    [0xed, 0xa0], [0xf1, 0x80, 0x80], [0xf3, 0xbf, 0xbf, 0xbf],
  ];
  const random = makeRandom(0x5eed1234);
  const pieces = [[0x41], [0xc3, 0xa9], [0xe2, 0x82, 0xac],
    [0xf0, 0x9f, 0x98, 0x80], [0x80], [0xff], [0xed, 0xa0, 0x80], [0xe2],
    [0xf0, 0x9f], [0xc2]];
  // Random mixes of valid characters and broken pieces.
  for (let n = 0; n < 600; ++n) {
    const bytes = [];
    const count = 1 + (random() % 6);
    for (let k = 0; k < count; ++k) {
      bytes.push(...pieces[random() % pieces.length]);
    }
    samples.push(bytes);
  }
  // Random bytes biased to the high half.
  for (let n = 0; n < 600; ++n) {
    const length = 1 + (random() % 7);
    const bytes = [];
    for (let k = 0; k < length; ++k) bytes.push(0x70 + (random() % 0x90));
    samples.push(bytes);
  }
  return samples;
}

function decodeOnce(encoding, bytes, options) {
  return attempt(() => codes(new TextDecoder(encoding, options)
    .decode(new Uint8Array(bytes))));
}

// Streams the bytes in two calls split at `at`, then flushes.
function decodeSplit(encoding, bytes, at, options) {
  return attempt(() => {
    const decoder = new TextDecoder(encoding, options);
    const input = new Uint8Array(bytes);
    const parts = [
      decoder.decode(input.subarray(0, at), { stream: true }),
      decoder.decode(input.subarray(at), { stream: true }),
      decoder.decode(),
    ];
    return parts.map(codes).join('|');
  });
}

// One byte per call.
function decodeByteWise(encoding, bytes, options) {
  return attempt(() => {
    const decoder = new TextDecoder(encoding, options);
    const parts = bytes.map((b) => decoder.decode(new Uint8Array([b]),
                                                  { stream: true }));
    parts.push(decoder.decode());
    return parts.map(codes).join('|');
  });
}

function utf8Cases() {
  const samples = utf8Samples();
  const seen = new Set();
  for (const bytes of samples) {
    const key = hex(bytes);
    if (seen.has(key)) continue;
    seen.add(key);
    emit(`utf8 ${key}`, decodeOnce('utf-8', bytes));
    emit(`utf8 fatal ${key}`, decodeOnce('utf-8', bytes, { fatal: true }));
    emit(`utf8 keepbom ${key}`, decodeOnce('utf-8', bytes, { ignoreBOM: true }));
    for (let at = 0; at <= bytes.length; ++at) {
      emit(`utf8 split ${at} ${key}`, decodeSplit('utf-8', bytes, at));
    }
    emit(`utf8 bytewise ${key}`, decodeByteWise('utf-8', bytes));
    emit(`utf8 bytewise fatal ${key}`,
         decodeByteWise('utf-8', bytes, { fatal: true }));
  }
}

function utf16Samples() {
  const samples = [
    [], [0x41], [0x41, 0x00], [0x41, 0x00, 0x42], [0xff, 0xfe],
    [0xff, 0xfe, 0x41, 0x00], [0xfe, 0xff, 0x41, 0x00], [0x00, 0xd8],
    [0x00, 0xd8, 0x41, 0x00], [0x00, 0xdc], [0x00, 0xdc, 0x00, 0xd8],
    [0x3d, 0xd8, 0x00, 0xde], [0x3d, 0xd8, 0x00], [0x3d, 0xd8, 0x3d, 0xd8],
    [0x3d, 0xd8, 0x3d, 0xd8, 0x00, 0xde], [0xac, 0x20], [0xff, 0xfe, 0xff, 0xfe],
    [0xff], [0xff, 0xfe, 0x00],
  ];
  const random = makeRandom(0xbeef);
  const units = [0x0041, 0x00e9, 0x20ac, 0xd83d, 0xde00, 0xdbff, 0xdc00, 0xfeff];
  for (let n = 0; n < 300; ++n) {
    const bytes = [];
    const count = 1 + (random() % 5);
    for (let k = 0; k < count; ++k) {
      const unit = units[random() % units.length];
      bytes.push(unit & 0xff, unit >> 8);
    }
    if (random() % 3 === 0) bytes.push(0x41);
    samples.push(bytes);
  }
  return samples;
}

function utf16Cases() {
  const seen = new Set();
  for (const bytes of utf16Samples()) {
    const key = hex(bytes);
    if (seen.has(key)) continue;
    seen.add(key);
    emit(`utf16 ${key}`, decodeOnce('utf-16le', bytes));
    emit(`utf16 fatal ${key}`, decodeOnce('utf-16le', bytes, { fatal: true }));
    emit(`utf16 keepbom ${key}`,
         decodeOnce('utf-16le', bytes, { ignoreBOM: true }));
    for (let at = 0; at <= bytes.length; ++at) {
      emit(`utf16 split ${at} ${key}`, decodeSplit('utf-16le', bytes, at));
    }
    emit(`utf16 bytewise ${key}`, decodeByteWise('utf-16le', bytes));
  }
}

function latin1Cases() {
  const all = [];
  for (let b = 0; b < 256; ++b) all.push(b);
  emit('latin1 all bytes', decodeOnce('latin1', all));
  emit('latin1 fatal all bytes', decodeOnce('latin1', all, { fatal: true }));
  emit('ascii high bytes', decodeOnce('ascii', [0x80, 0x9f, 0xa0, 0xff]));
  emit('latin1 bom', decodeOnce('latin1', [0xef, 0xbb, 0xbf, 0x41]));
  emit('latin1 split', decodeSplit('windows-1252', [0xe9, 0x41, 0xff], 1));
}

function inputCases() {
  const bytes = [0x61, 0xc3, 0xa9, 0x62];
  const buffer = new Uint8Array(bytes).buffer;
  const inputs = {
    'ArrayBuffer': buffer,
    'SharedArrayBuffer': (() => {
      const shared = new SharedArrayBuffer(4);
      new Uint8Array(shared).set(bytes);
      return shared;
    })(),
    'DataView': new DataView(buffer, 1, 2),
    'Uint8Array offset': new Uint8Array(buffer, 1),
    'Uint16Array': new Uint16Array(buffer),
    'Int8Array': new Int8Array(buffer),
    'Float32Array': new Float32Array(buffer),
    'BigInt64Array': new BigInt64Array(8),
    'Uint8ClampedArray': new Uint8ClampedArray(bytes),
    'undefined': undefined,
    'null': null,
    'string': 'abc',
    'number': 5,
    'array': [0x61],
    'object': {},
    'detached-like': new Uint8Array(0),
  };
  for (const [name, input] of Object.entries(inputs)) {
    emit(`input ${name}`, attempt(() => codes(new TextDecoder().decode(input))));
    emit(`input utf16 ${name}`,
         attempt(() => codes(new TextDecoder('utf-16le').decode(input))));
    emit(`input latin1 ${name}`,
         attempt(() => codes(new TextDecoder('latin1').decode(input))));
  }
  emit('input unaligned utf16', attempt(() => codes(new TextDecoder('utf-16le')
    .decode(new Uint8Array([0, 0x41, 0, 0x42, 0]).subarray(1)))));
  const streamOptions = [undefined, null, {}, { stream: 1 }, { stream: '' }, 5,
    'x'];
  streamOptions.forEach((options, i) => {
    emit(`decode options ${i}`, attempt(() => {
      const d = new TextDecoder();
      return [d.decode(new Uint8Array([0xe2, 0x82]), options), d.decode()]
        .map(codes);
    }));
  });
}

function bomStateCases() {
  emit('bom state across calls', attempt(() => {
    const d = new TextDecoder();
    const out = [];
    out.push(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])));
    out.push(d.decode(new Uint8Array([0xef, 0xbb]), { stream: true }));
    out.push(d.decode(new Uint8Array([0xbf, 0x41]), { stream: true }));
    out.push(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])));
    out.push(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])));
    return out.map(codes);
  }));
  emit('bom utf16 stream', attempt(() => {
    const d = new TextDecoder('utf-16le');
    return [d.decode(new Uint8Array([0xff]), { stream: true }),
      d.decode(new Uint8Array([0xfe, 0x41]), { stream: true }),
      d.decode(new Uint8Array([0x00]))].map(codes);
  }));
  emit('fatal then recover', attempt(() => {
    const d = new TextDecoder('utf-8', { fatal: true });
    const out = [];
    try {
      d.decode(new Uint8Array([0xe2, 0x82]), { stream: true });
      d.decode(new Uint8Array([0x41]));
    } catch (err) {
      out.push(err.code);
    }
    out.push(codes(d.decode(new Uint8Array([0x42]))));
    return out;
  }));
}

function encoderCases() {
  const strings = ['', 'a', 'abc', '\u00e9', '\u20ac', '\ud83d\ude00', '\ud800',
    '\udc00', '\ud800x', 'x\udc00\ud800', '\udbff\udfff', '\u0000', '\uffff',
    '\ufeff', 'a\u20ac\ud83d\ude00', 'x'.repeat(100)];
  const encoder = new TextEncoder();
  strings.forEach((text, i) => {
    emit(`encode ${i}`, attempt(() => hex(encoder.encode(text))));
    for (const size of [0, 1, 2, 3, 4, 5, 8]) {
      emit(`encodeInto ${i} ${size}`, attempt(() => {
        const dest = new Uint8Array(size).fill(0xaa);
        const result = encoder.encodeInto(text, dest);
        return [result.read, result.written, hex(dest)];
      }));
    }
  });
  const values = [undefined, null, 5, true, {}, [1, 2], { toString: () => 'q' }];
  values.forEach((value, i) => {
    emit(`encode value ${i}`, attempt(() => hex(encoder.encode(value))));
  });
  emit('encode none', attempt(() => hex(encoder.encode())));
  emit('encodeInto offset view', attempt(() => {
    const dest = new Uint8Array(8);
    const result = encoder.encodeInto('hi', dest.subarray(3));
    return [result.read, result.written, hex(dest)];
  }));
  const dests = [undefined, [1], new Uint16Array(2), new ArrayBuffer(2), 'x'];
  dests.forEach((dest, i) => {
    emit(`encodeInto dest ${i}`, attempt(() => encoder.encodeInto('a', dest)));
  });
  emit('encodeInto src number',
       attempt(() => encoder.encodeInto(5, new Uint8Array(2))));
  emit('encode type', attempt(() => encoder.encode('a').constructor.name));
  emit('encoder encoding', attempt(() => encoder.encoding));
}

function shapeCases() {
  emit('decoder proto names', Object.getOwnPropertyNames(TextDecoder.prototype));
  emit('encoder proto names', Object.getOwnPropertyNames(TextEncoder.prototype));
  emit('lengths', [TextDecoder.length, TextEncoder.length,
    TextDecoder.prototype.decode.length, TextEncoder.prototype.encode.length,
    TextEncoder.prototype.encodeInto.length]);
  emit('tags', [Object.prototype.toString.call(new TextDecoder()),
    Object.prototype.toString.call(new TextEncoder())]);
  emit('util same', [util.TextDecoder === TextDecoder,
    util.TextEncoder === TextEncoder]);
  emit('own keys', [Object.keys(new TextDecoder()),
    Object.keys(new TextEncoder())]);
  const descriptor = (object, key) => {
    const d = Object.getOwnPropertyDescriptor(object, key);
    return [typeof d.value, typeof d.get, d.enumerable, d.configurable,
      d.writable];
  };
  emit('descriptors', [descriptor(TextDecoder.prototype, 'decode'),
    descriptor(TextDecoder.prototype, 'encoding'),
    descriptor(TextEncoder.prototype, 'encodeInto'),
    descriptor(globalThis, 'TextDecoder').slice(2)]);
  emit('inspect decoder', util.inspect(new TextDecoder()));
  emit('inspect decoder options', util.inspect(new TextDecoder('utf-16le',
    { fatal: true, ignoreBOM: true })));
  emit('inspect encoder', util.inspect(new TextEncoder()));
  emit('inspect depth', util.inspect({ a: { b: new TextDecoder() },
    e: new TextEncoder() }, { depth: 0 }));
  emit('inspect nested', util.inspect([new TextDecoder('latin1')]));
  emit('inspect subclass', util.inspect(new (class Mine extends TextDecoder {})()));
  emit('bad this decode', attempt(() => TextDecoder.prototype.decode.call({})));
  emit('bad this encoding', attempt(() => Object.getOwnPropertyDescriptor(
    TextDecoder.prototype, 'fatal').get.call(1)));
  emit('bad this encode', attempt(() => TextEncoder.prototype.encode.call({})));
  emit('call without new', attempt(() => TextDecoder()));
}

labelCases();
optionCases();
utf8Cases();
utf16Cases();
latin1Cases();
inputCases();
bomStateCases();
encoderCases();
shapeCases();
