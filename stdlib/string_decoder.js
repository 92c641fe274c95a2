'use strict';
// node:string_decoder: decodes byte chunks to strings, keeping multi-byte
// characters split across chunks whole. UTF-8 follows the WHATWG decoder
// (one U+FFFD per maximal invalid subpart), as Node's does.

const { ERR_UNKNOWN_ENCODING, ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS } =
  require('./internal/errors').codes;

const kEncodings = new Map([
  ['utf8', 'utf8'], ['utf-8', 'utf8'],
  ['ucs2', 'utf16le'], ['ucs-2', 'utf16le'], ['utf16le', 'utf16le'],
  ['utf-16le', 'utf16le'],
  ['latin1', 'latin1'], ['binary', 'latin1'],
  ['ascii', 'ascii'],
  ['base64', 'base64'], ['base64url', 'base64url'],
  ['hex', 'hex'],
]);

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === '') return 'utf8';
  const found = kEncodings.get(`${enc}`.toLowerCase());
  if (found === undefined) throw new ERR_UNKNOWN_ENCODING(enc);
  return found;
}

function toBytes(buf) {
  if (typeof buf === 'string') {
    // Node returns strings as they are.
    return buf;
  }
  if (ArrayBuffer.isView(buf)) {
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'],
                                 buf);
}

// How many trailing bytes of bytes[0, end) are the start of a UTF-8
// character that more input could complete: a lead byte followed by fewer
// continuation bytes than it announces. As in Node, only the 10xxxxxx shape
// of those bytes is checked here; an invalid sequence is replaced when it
// is decoded whole.
function incompleteUtf8Tail(bytes, end) {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const lead = bytes[end - back];
    if ((lead & 0xc0) === 0x80) continue;  // continuation byte: look further
    let need = 0;
    if (lead >= 0xc2 && lead <= 0xdf) need = 2;
    else if (lead >= 0xe0 && lead <= 0xef) need = 3;
    else if (lead >= 0xf0 && lead <= 0xf4) need = 4;
    return need > back ? back : 0;
  }
  return 0;
}

// The decoding itself is the Buffer binding's (native, and the same as
// buf.toString(encoding)); this module only keeps characters and base64
// groups that a chunk boundary splits whole.
const binding = internalBinding('buffer');
const kEncodingIds = {
  utf8: binding.UTF8, utf16le: binding.UCS2, latin1: binding.LATIN1,
  ascii: binding.ASCII, hex: binding.HEX, base64: binding.BASE64,
  base64url: binding.BASE64URL,
};

function decodeSimple(encoding, bytes, start, end) {
  if (start >= end) return '';
  return binding.decode(bytes, start, end, kEncodingIds[encoding]);
}

// The expected length of the UTF-8 character starting with `lead`.
function utf8Length(lead) {
  if (lead >= 0xf0) return 4;
  return lead >= 0xe0 ? 3 : 2;
}

// The whole length of the character (or base64 group) whose first bytes
// are `kept`: a lone UTF-16 byte waits for its unit, a high surrogate for
// its pair.
function splitLength(encoding, kept) {
  switch (encoding) {
    case 'utf8': return utf8Length(kept[0]);
    case 'utf16le': return kept.length === 1 ? 2 : 4;
    default: return 3;  // base64, base64url
  }
}

// A plain constructor, not a class: packages such as iconv-lite build their
// decoders with StringDecoder.call(this, encoding) on their own prototypes.
// The state sits under one symbol, so the object shows only `encoding`.
const kState = Symbol('kNativeDecoder');

function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  // Bytes of an incomplete character (or base64 group) from the last write.
  this[kState] = { bytes: new Uint8Array(4), kept: 0, total: 0 };
}

function stateOf(decoder) {
  const state = decoder[kState];
  if (state === undefined) {
    throw new ERR_INVALID_THIS('StringDecoder');
  }
  return state;
}

function tailToKeep(encoding, bytes) {
  switch (encoding) {
    case 'utf8':
      return incompleteUtf8Tail(bytes, bytes.length);
    case 'utf16le': {
      if (bytes.length % 2 === 1) return 1;
      // A high surrogate that ends the input waits for its pair.
      const last = bytes.length - 2;
      if (last < 0) return 0;
      const unit = bytes[last] | (bytes[last + 1] << 8);
      return unit >= 0xd800 && unit <= 0xdbff ? 2 : 0;
    }
    case 'base64':
    case 'base64url':
      return bytes.length % 3;
    default:
      return 0;
  }
}

Object.defineProperties(StringDecoder.prototype, {
  write: {
    writable: true, configurable: true,
    value: function write(buf) {
      const state = stateOf(this);
      const input = toBytes(buf);
      if (typeof input === 'string') return input;
      if (input.length === 0) return '';
      let bytes = input;
      let head = '';
      if (state.kept > 0 && this.encoding === 'utf16le') {
        // As Node: the split unit (or pair) is completed from the new bytes
        // and decoded as it is; only what follows is looked at afresh.
        const take = Math.min(state.total - state.kept, input.length);
        state.bytes.set(input.subarray(0, take), state.kept);
        state.kept += take;
        if (state.kept < state.total) return '';
        head = decodeSimple('utf16le', state.bytes, 0, state.total);
        state.kept = 0;
        bytes = input.subarray(take);
      } else if (state.kept > 0) {
        bytes = new Uint8Array(state.kept + input.length);
        bytes.set(state.bytes.subarray(0, state.kept));
        bytes.set(input, state.kept);
        state.kept = 0;
      }
      const keep = tailToKeep(this.encoding, bytes);
      const end = bytes.length - keep;
      if (keep > 0) {
        state.bytes.set(bytes.subarray(end));
        state.kept = keep;
        state.total = splitLength(this.encoding, bytes.subarray(end));
      }
      return head + decodeSimple(this.encoding, bytes, 0, end);
    },
  },
  end: {
    writable: true, configurable: true,
    value: function end(buf) {
      const state = stateOf(this);
      let out = buf === undefined ? '' : this.write(buf);
      if (state.kept > 0) {
        const rest = state.bytes.subarray(0, state.kept);
        state.kept = 0;
        // What the whole input's toString() gives for these bytes: one
        // U+FFFD for a cut-off character, one per byte of a bad sequence.
        out += decodeSimple(this.encoding, rest, 0, rest.length);
      }
      return out;
    },
  },
  text: {
    writable: true, configurable: true,
    value: function text(buf, offset) {
      return this.write(toBytes(buf).subarray(offset));
    },
  },
  // Node's views of the split character: its bytes so far, how many are
  // still missing, and its whole length.
  lastChar: {
    configurable: true,
    get() { return require('./buffer').Buffer.from(stateOf(this).bytes); },
  },
  lastNeed: {
    configurable: true,
    get() {
      const state = stateOf(this);
      return state.kept > 0 ? state.total - state.kept : 0;
    },
  },
  lastTotal: {
    configurable: true,
    get() {
      const state = stateOf(this);
      return state.kept > 0 ? state.total : 0;
    },
  },
});

module.exports = { StringDecoder };
