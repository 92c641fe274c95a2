'use strict';
// node:string_decoder: decodes byte chunks to strings, keeping multi-byte
// characters split across chunks whole. UTF-8 follows the WHATWG decoder
// (one U+FFFD per maximal invalid subpart), as Node's does.

const { ERR_UNKNOWN_ENCODING, ERR_INVALID_ARG_TYPE } =
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

// How many trailing bytes of bytes[0, end) are a valid but incomplete UTF-8
// character (one more input could complete). Invalid tails are decoded now,
// as Node does.
function incompleteUtf8Tail(bytes, end) {
  for (let back = 1; back <= 3 && back <= end; back++) {
    const lead = bytes[end - back];
    if ((lead & 0xc0) === 0x80) continue;  // continuation byte: look further
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 3;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 4;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    }
    if (need <= back) return 0;
    // The bytes after the lead must be a valid start of its sequence.
    for (let k = end - back + 1; k < end; k++) {
      if (bytes[k] < lower || bytes[k] > upper) return 0;
      lower = 0x80;
      upper = 0xbf;
    }
    return back;
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

class StringDecoder {
  constructor(encoding) {
    this.encoding = normalizeEncoding(encoding);
    // Bytes of an incomplete character (or base64 group) from the last write.
    this.lastChar = new Uint8Array(4);
    this.lastNeed = 0;
    this.lastTotal = 0;
  }

  write(buf) {
    const input = toBytes(buf);
    if (typeof input === 'string') return input;
    if (input.length === 0) return '';
    let bytes = input;
    if (this.lastNeed > 0) {
      bytes = new Uint8Array(this.lastNeed + input.length);
      bytes.set(this.lastChar.subarray(0, this.lastNeed));
      bytes.set(input, this.lastNeed);
      this.lastNeed = 0;
    }
    const keep = this.#tailToKeep(bytes);
    const end = bytes.length - keep;
    if (keep > 0) {
      this.lastChar.set(bytes.subarray(end));
      this.lastNeed = keep;
    }
    return decodeSimple(this.encoding, bytes, 0, end);
  }

  end(buf) {
    let out = buf === undefined ? '' : this.write(buf);
    if (this.lastNeed > 0) {
      const rest = this.lastChar.subarray(0, this.lastNeed);
      this.lastNeed = 0;
      out += this.encoding === 'utf8' ? '\ufffd' :
        decodeSimple(this.encoding, rest, 0, rest.length);
    }
    return out;
  }

  text(buf, offset) {
    return this.write(toBytes(buf).subarray(offset));
  }

  #tailToKeep(bytes) {
    switch (this.encoding) {
      case 'utf8':
        return incompleteUtf8Tail(bytes, bytes.length);
      case 'utf16le': {
        let keep = bytes.length % 2;
        // A high surrogate waits for its pair.
        const last = bytes.length - keep - 2;
        if (last >= 0) {
          const unit = bytes[last] | (bytes[last + 1] << 8);
          if (unit >= 0xd800 && unit <= 0xdbff) keep += 2;
        }
        return keep;
      }
      case 'base64':
      case 'base64url':
        return bytes.length % 3;
      default:
        return 0;
    }
  }
}

module.exports = { StringDecoder };
