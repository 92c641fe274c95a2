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

// Decodes complete UTF-8 in bytes[0, end). Returns the string.
function decodeUtf8(bytes, start, end) {
  let out = '';
  let pending = [];
  let i = start;
  while (i < end) {
    const b = bytes[i];
    let cp;
    let need = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b < 0x80) {
      pending.push(b);
      i++;
      if (pending.length >= 4096) {
        out += String.fromCharCode.apply(null, pending);
        pending = [];
      }
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      pending.push(0xfffd);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = j < end ? bytes[j] : -1;
      if (c < lower || c > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (!ok) {
      pending.push(0xfffd);
      i = j;
      continue;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      pending.push(0xd800 | (cp >> 10), 0xdc00 | (cp & 0x3ff));
    } else {
      pending.push(cp);
    }
    i = j;
  }
  if (pending.length) out += String.fromCharCode.apply(null, pending);
  return out;
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

const kBase64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function encodeBase64(bytes, start, end, url) {
  let out = '';
  let i = start;
  for (; i + 2 < end; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += kBase64[n >> 18] + kBase64[(n >> 12) & 63] +
      kBase64[(n >> 6) & 63] + kBase64[n & 63];
  }
  if (end - i === 1) {
    const n = bytes[i] << 16;
    out += kBase64[n >> 18] + kBase64[(n >> 12) & 63] + (url ? '' : '==');
  } else if (end - i === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += kBase64[n >> 18] + kBase64[(n >> 12) & 63] +
      kBase64[(n >> 6) & 63] + (url ? '' : '=');
  }
  return url ? out.replace(/\+/g, '-').replace(/\//g, '_') : out;
}

function decodeSimple(encoding, bytes, start, end) {
  let out = '';
  switch (encoding) {
    case 'latin1':
      for (let i = start; i < end; i++) out += String.fromCharCode(bytes[i]);
      return out;
    case 'ascii':
      for (let i = start; i < end; i++) {
        out += String.fromCharCode(bytes[i] & 0x7f);
      }
      return out;
    case 'hex':
      for (let i = start; i < end; i++) {
        out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
      }
      return out;
    case 'utf16le':
      for (let i = start; i + 1 < end; i += 2) {
        out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
      }
      return out;
    case 'base64':
    case 'base64url':
      return encodeBase64(bytes, start, end, encoding === 'base64url');
    default:
      return decodeUtf8(bytes, start, end);
  }
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
