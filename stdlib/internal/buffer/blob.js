'use strict';
// Blob and File (the web's immutable byte containers) for node:buffer and
// the globals. A Blob keeps its bytes in one private Uint8Array, copied in
// at construction; slices copy their range.

const {
  codes: {
    ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('../errors');

const binding = internalBinding('buffer');
const { isAnyArrayBuffer } = internalBinding('types');

const kInspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kPrintableAscii = /^[\x20-\x7e]*$/;

// Private state, keyed by the object (no symbol-named own properties show
// up on instances, as in Node).
const kBlobState = new WeakMap();
const kFileState = new WeakMap();

const notA = (what) => {
  throw new ERR_INVALID_THIS(what);
};
const stateOf = (blob) => kBlobState.get(blob) ?? notA('Blob');
const fileStateOf = (file) => kFileState.get(file) ?? notA('File');

function utf8Bytes(text) {
  const size = binding.byteLengthUtf8(text);
  const out = new Uint8Array(size);
  if (size > 0) binding.write(out, text, 0, size, binding.UTF8);
  return out;
}

// The bytes one part of a Blob's sources contributes.
function partBytes(part, nativeEndings) {
  if (isAnyArrayBuffer(part)) return new Uint8Array(part.slice(0));
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer, part.byteOffset, part.byteLength)
      .slice();
  }
  const blobState = kBlobState.get(part);
  if (blobState !== undefined) return blobState.bytes;
  let text = `${part}`;
  // 'native' line endings are '\n' on the platforms jspack targets.
  if (nativeEndings) text = text.replace(/\r\n|\r/g, '\n');
  return utf8Bytes(text);
}

function joinParts(parts) {
  if (parts.length === 1) return parts[0];
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// A MIME type is kept only when it is printable ASCII, and lower-cased.
function normalizeType(type) {
  const text = `${type}`;
  return kPrintableAscii.test(text) ? text.toLowerCase() : '';
}

function checkOptions(options) {
  if (options !== undefined && options !== null &&
      typeof options !== 'object' && typeof options !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
  }
  return options == null ? {} : options;
}

// A position made relative (negative counts from the end) and clamped.
function slicePosition(value, size, fallback) {
  if (value === undefined) return fallback;
  const n = Math.trunc(+value) || 0;
  if (n < 0) return Math.max(size + n, 0);
  return Math.min(n, size);
}

class Blob {
  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources === 'string' ||
        typeof sources[Symbol.iterator] !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    const opts = checkOptions(options);
    const endings = opts.endings === undefined ? 'transparent' :
      `${opts.endings}`;
    if (endings !== 'transparent' && endings !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', opts.endings);
    }
    const parts = [];
    for (const part of sources) {
      parts.push(partBytes(part, endings === 'native'));
    }
    const type = opts.type === undefined ? '' : normalizeType(opts.type);
    kBlobState.set(this, { bytes: joinParts(parts), type });
  }

  get type() {
    return stateOf(this).type;
  }

  get size() {
    return stateOf(this).bytes.length;
  }

  slice(start = undefined, end = undefined, contentType = '') {
    const { bytes } = stateOf(this);
    const from = slicePosition(start, bytes.length, 0);
    const to = slicePosition(end, bytes.length, bytes.length);
    return blobOf(bytes.slice(from, Math.max(from, to)),
                  normalizeType(contentType));
  }

  arrayBuffer() {
    try {
      const { bytes } = stateOf(this);
      return Promise.resolve(bytes.slice().buffer);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  text() {
    try {
      const { bytes } = stateOf(this);
      return Promise.resolve(
        binding.decode(bytes, 0, bytes.length, binding.UTF8));
    } catch (err) {
      return Promise.reject(err);
    }
  }

  bytes() {
    try {
      return Promise.resolve(stateOf(this).bytes.slice());
    } catch (err) {
      return Promise.reject(err);
    }
  }

  // A byte stream over a copy of the bytes; the web streams load on first use.
  stream() {
    const bytes = stateOf(this).bytes.slice();
    const { ReadableStream } = require('../webstreams/streams');
    let offset = 0;
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        const request = controller.byobRequest;
        if (offset < bytes.length && request !== null) {
          const view = request.view;
          const n = Math.min(view.byteLength, bytes.length - offset);
          new Uint8Array(view.buffer, view.byteOffset, n)
            .set(bytes.subarray(offset, offset + n));
          offset += n;
          request.respond(n);
        } else if (offset < bytes.length) {
          controller.enqueue(bytes.subarray(offset));
          offset = bytes.length;
        }
        if (offset >= bytes.length) {
          controller.close();
          // A BYOB read still waiting (an empty Blob) ends with an empty view.
          if (controller.byobRequest !== null) controller.byobRequest.respond(0);
        }
      },
    });
  }

  // `Blob { size: 3, type: '' }`, plus name and lastModified for a File.
  [kInspectCustom](depth, options, inspect) {
    if (!(depth >= 0) && depth !== null) return this;
    const fields = { size: this.size, type: this.type,
      ...kFileState.get(this) };
    return `${this[Symbol.toStringTag]} ${inspect(fields, options)}`;
  }
}

Object.defineProperty(Blob.prototype, Symbol.toStringTag, {
  value: 'Blob', configurable: true,
});
for (const name of ['type', 'size', 'slice', 'arrayBuffer', 'text', 'bytes',
  'stream']) {
  const desc = Object.getOwnPropertyDescriptor(Blob.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(Blob.prototype, name, desc);
}

// A Blob over `bytes` (kept, not copied). Outside the class body, so that
// the class keeps its own name when bundled.
function blobOf(bytes, type) {
  const blob = new Blob();
  kBlobState.set(blob, { bytes, type });
  return blob;
}

class File extends Blob {
  constructor(bits, name, ...rest) {
    // Both the bits and the name are required, even if undefined.
    if (arguments.length < 2) {
      throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    }
    const options = rest[0];
    super(bits, options);
    const when = options == null ? undefined : options.lastModified;
    kFileState.set(this, {
      name: `${name}`,
      lastModified: when === undefined ? Date.now() : Number(when),
    });
  }

  get name() {
    return fileStateOf(this).name;
  }

  get lastModified() {
    return fileStateOf(this).lastModified;
  }
}

Object.defineProperty(File.prototype, Symbol.toStringTag, {
  value: 'File', configurable: true,
});
for (const name of ['name', 'lastModified']) {
  const desc = Object.getOwnPropertyDescriptor(File.prototype, name);
  desc.enumerable = true;
  Object.defineProperty(File.prototype, name, desc);
}

// Blob URLs. URL.createObjectURL (internal/url/whatwg) files a blob here
// under a random version 4 UUID and names it blob:nodedata:<uuid>;
// node:buffer's resolveObjectURL gives a new Blob of the same bytes and
// type for such a URL until URL.revokeObjectURL drops it. A URL is read as
// the URL parser would for these: surrounding spaces and controls and any
// tab or newline ignored, the scheme in any case, the query and fragment
// not part of the name.
const objectURLBlobs = new Map();

function newObjectURL(obj) {
  if (!kBlobState.has(obj)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
  const random = new Uint8Array(16);
  internalBinding('crypto').randomFill(random, 0, 16);
  random[6] = 0x40 | (random[6] & 0x0f);
  random[8] = 0x80 | (random[8] & 0x3f);
  const hex = Array.from(random, (b) => (b + 0x100).toString(16).slice(1)).join('');
  const id = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16),
    hex.slice(16, 20), hex.slice(20)].join('-');
  const name = `blob:nodedata:${id}`;
  objectURLBlobs.set(id, obj);
  return name;
}

function objectURLId(url) {
  const text = `${url}`.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').replace(/[\t\n\r]/g, '');
  if (text.slice(0, 5).toLowerCase() !== 'blob:') return undefined;
  const path = text.slice(5).split(/[?#]/, 1)[0].split(':');
  return path.length === 2 && path[0] === 'nodedata' ? path[1] : undefined;
}

function revokeObjectURL(name) {
  objectURLBlobs.delete(objectURLId(name));
}

function resolveObjectURL(name) {
  const blob = objectURLBlobs.get(objectURLId(name));
  return blob === undefined ? undefined : new Blob([blob], { type: blob.type });
}

module.exports = { Blob, File, resolveObjectURL, newObjectURL, revokeObjectURL };
