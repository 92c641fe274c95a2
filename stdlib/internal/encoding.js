'use strict';
// TextEncoder and TextDecoder (the WHATWG Encoding Standard's API) for UTF-8,
// UTF-16LE and the latin1 family, with the byte work in the native
// 'encoding' binding.

const { codes } = require('./errors');
const { inspect } = require('./util/inspect');
const { validateString } = require('./validators');

let nativeBinding;
function native() {
  // eslint-disable-next-line no-undef
  if (nativeBinding === undefined) nativeBinding = internalBinding('encoding');
  return nativeBinding;
}

// The labels each supported encoding answers to, per the Encoding Standard.
// Node builds without the ICU-only encodings accept exactly these; the
// latin1 family decodes each byte to the code point of the same value.
const kLabels = {
  'utf-8': 'unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 ' +
    'x-unicode20utf8',
  'utf-16le': 'csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 ' +
    'utf-16le',
  'windows-1252': 'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 ' +
    'iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 ' +
    'latin1 us-ascii windows-1252 x-cp1252',
};
const kEncodingOfLabel = new Map();
for (const [encoding, labels] of Object.entries(kLabels)) {
  for (const label of labels.split(' ')) kEncodingOfLabel.set(label, encoding);
}

// Labels match after trimming ASCII whitespace and lowering ASCII letters.
function encodingForLabel(label) {
  const key = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '')
    .replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
  return kEncodingOfLabel.get(key);
}

// How each encoding decodes: the native decoder, the one that measures an
// unfinished tail a streaming call holds back (null: nothing to hold), and
// what Node's message for a wrong input type says (it differs per decoder).
const kAnyBuffer = 'SharedArrayBuffer, ArrayBuffer or ArrayBufferView';
const kCodecs = {
  'utf-8': { decode: 'decodeUtf8', tail: 'utf8TailLength',
    badInput: `The "list" argument must be an instance of ${kAnyBuffer}.` },
  'utf-16le': { decode: 'decodeUtf16le', tail: 'utf16leTailLength',
    badInput: `The "input" argument must be an instance of ${kAnyBuffer}.` },
  'windows-1252': { decode: 'decodeLatin1', tail: null,
    badInput: 'The "input" argument must be an instance of ArrayBuffer, ' +
      'SharedArrayBuffer, or ArrayBufferView.' },
};

// Node raises these from C++: plain TypeErrors that carry a code.
function invalidInputError(message) {
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

const kNoBytes = new Uint8Array(0);

// Any BufferSource as a Uint8Array over the same memory.
function bytesOf(input, codec) {
  if (input === undefined) return kNoBytes;
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  const tag = input !== null && typeof input === 'object' ?
    Object.prototype.toString.call(input) : '';
  if (tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]') {
    return new Uint8Array(input);
  }
  throw invalidInputError(codec.badInput);
}

function joinBytes(head, rest) {
  const joined = new Uint8Array(head.length + rest.length);
  joined.set(head, 0);
  joined.set(rest, head.length);
  return joined;
}

// "Name { ...fields }" the way Node shows these classes, "[Name]" past the
// depth limit.
function showFields(self, fallbackName, fields, depth, options) {
  const ctor = self.constructor;
  const name = typeof ctor === 'function' && ctor.name ? ctor.name : fallbackName;
  if (depth < 0) return `[${name}]`;
  const shown = inspect(fields, { ...options, depth });
  return name === 'TextEncoder' ? shown : `${name} ${shown}`;
}

let checkDecoder;
class TextDecoder {
  #encoding;
  #fatal;
  #ignoreBOM;
  // Bytes an unfinished sequence left for the next call, or null.
  #held = null;
  #bomSeen = false;

  constructor(encoding = 'utf-8', options = undefined) {
    const label = `${encoding}`;
    const canonical = encodingForLabel(label);
    if (canonical === undefined) {
      throw new codes.ERR_ENCODING_NOT_SUPPORTED(label);
    }
    if (options !== undefined && options !== null &&
        typeof options !== 'object' && typeof options !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    this.#encoding = canonical;
    this.#fatal = Boolean(options ? options.fatal : false);
    this.#ignoreBOM = Boolean(options ? options.ignoreBOM : false);
  }

  static {
    checkDecoder = (self) => {
      if (self === null || typeof self !== 'object' || !(#encoding in self)) {
        throw new codes.ERR_INVALID_THIS('TextDecoder');
      }
      return self;
    };
  }

  decode(input = undefined, options = undefined) {
    checkDecoder(this);
    const codec = kCodecs[this.#encoding];
    let bytes = bytesOf(input, codec);
    const stream = options !== undefined && options !== null &&
      Boolean(options.stream);
    if (this.#held !== null) bytes = joinBytes(this.#held, bytes);
    const binding = native();
    const tail = stream && codec.tail !== null ? binding[codec.tail](bytes) : 0;
    const body = tail === 0 ? bytes : bytes.subarray(0, bytes.length - tail);
    this.#held = tail === 0 ? null : bytes.slice(bytes.length - tail);
    const stripBom = !this.#ignoreBOM && !this.#bomSeen;
    const text = binding[codec.decode](body, stripBom, this.#fatal);
    if (body.length > 0) this.#bomSeen = true;
    // A call that does not stream ends the stream: the next starts afresh.
    if (!stream || text === undefined) {
      this.#held = null;
      this.#bomSeen = false;
    }
    if (text === undefined) {
      throw new codes.ERR_ENCODING_INVALID_ENCODED_DATA(this.#encoding);
    }
    return text;
  }

  get encoding() {
    return checkDecoder(this).#encoding;
  }

  get fatal() {
    return checkDecoder(this).#fatal;
  }

  get ignoreBOM() {
    return checkDecoder(this).#ignoreBOM;
  }

  [inspect.custom](depth, options) {
    const self = checkDecoder(this);
    return showFields(self, 'TextDecoder', {
      encoding: self.#encoding, fatal: self.#fatal, ignoreBOM: self.#ignoreBOM,
    }, depth, options);
  }
}

let checkEncoder;
class TextEncoder {
  #brand = true;

  static {
    checkEncoder = (self) => {
      if (self === null || typeof self !== 'object' || !(#brand in self)) {
        throw new codes.ERR_INVALID_THIS('TextEncoder');
      }
      return self;
    };
  }

  get encoding() {
    checkEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    checkEncoder(this);
    return native().encodeUtf8(`${input}`);
  }

  encodeInto(src, dest) {
    checkEncoder(this);
    validateString(src, 'src');
    if (!(dest instanceof Uint8Array)) {
      throw new codes.ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    const counts = new Float64Array(2);
    native().encodeInto(src, dest, counts);
    return { read: counts[0], written: counts[1] };
  }

  [inspect.custom](depth, options) {
    checkEncoder(this);
    return showFields(this, 'TextEncoder', { encoding: 'utf-8' }, depth,
                      options);
  }
}

// WebIDL members are enumerable, and the classes carry their tags.
for (const [cls, names] of [[TextDecoder, ['decode', 'encoding', 'fatal',
  'ignoreBOM']], [TextEncoder, ['encoding', 'encode', 'encodeInto']]]) {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, { enumerable: true });
  }
  Object.defineProperty(cls.prototype, Symbol.toStringTag, {
    value: cls.name, writable: false, enumerable: false, configurable: true,
  });
}

module.exports = { TextDecoder, TextEncoder };
