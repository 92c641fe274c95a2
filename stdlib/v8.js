'use strict';
// node:v8: heap statistics and snapshots, V8 flags, and V8's value
// serialization (the serdes binding) with the Serializer/Deserializer
// classes packages subclass. Typed arrays, DataViews and Buffers keep their
// class through serialize/deserialize, in the same bytes node writes.

const { isArrayBufferView } = require('./internal/util/types');
const {
  ERR_CONSTRUCT_CALL_REQUIRED,
} = require('./internal/errors').codes;
const { validateBoolean, validateObject, validateString } = require('./internal/validators');

let serdes;
function binding() {
  if (serdes === undefined) serdes = internalBinding('serdes');
  return serdes;
}
let heapBinding;
function heap() {
  if (heapBinding === undefined) heapBinding = internalBinding('heap');
  return heapBinding;
}

// Node's wording for the serializer's bad arguments is not the usual
// ERR_INVALID_ARG_TYPE sentence, so these errors are made here.
function argTypeError(message) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

function notAView(name) {
  return argTypeError(`${name} must be a TypedArray or a DataView`);
}

function asBuffer(bytes) {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

// ---- Serializer / Deserializer ----

const kHandle = Symbol('serdes handle');

// Copies a class body's methods onto a constructor function's prototype
// (non-enumerable, as class methods are), so the constructor itself can
// insist on `new` with Node's error code.
function adoptMethods(target, source) {
  const proto = target.prototype;
  delete proto.constructor;
  for (const name of Object.getOwnPropertyNames(source.prototype)) {
    if (name === 'constructor') continue;
    Object.defineProperty(proto, name, Object.getOwnPropertyDescriptor(source.prototype, name));
  }
  Object.defineProperty(proto, 'constructor', { value: target, writable: true,
                                                enumerable: false, configurable: true });
}

function Serializer() {
  if (new.target === undefined) throw new ERR_CONSTRUCT_CALL_REQUIRED('Serializer');
  this[kHandle] = binding().serializerNew();
}

adoptMethods(Serializer, class {
  writeHeader() {
    binding().serializerWriteHeader(this[kHandle]);
  }

  writeValue(value) {
    return binding().serializerWriteValue(this[kHandle], this, value);
  }

  releaseBuffer() {
    return asBuffer(binding().serializerRelease(this[kHandle]));
  }

  transferArrayBuffer(id, arrayBuffer) {
    if (!(arrayBuffer instanceof ArrayBuffer)) {
      throw argTypeError('arrayBuffer must be an ArrayBuffer');
    }
    binding().serializerTransfer(this[kHandle], id >>> 0, arrayBuffer);
  }

  writeUint32(value) {
    binding().serializerWriteUint32(this[kHandle], Number(value) >>> 0);
  }

  writeUint64(hi, lo) {
    binding().serializerWriteUint64(this[kHandle], Number(hi) >>> 0, Number(lo) >>> 0);
  }

  writeDouble(value) {
    binding().serializerWriteDouble(this[kHandle], Number(value));
  }

  writeRawBytes(source) {
    if (!isArrayBufferView(source)) throw notAView('source');
    binding().serializerWriteRawBytes(this[kHandle], source);
  }

  _setTreatArrayBufferViewsAsHostObjects(flag) {
    binding().serializerTreatViews(this[kHandle], Boolean(flag));
  }
});
// The error a value that cannot be cloned throws: new Error(message) unless
// a subclass says otherwise.
Serializer.prototype._getDataCloneError = Error;

function Deserializer(buffer) {
  if (new.target === undefined) throw new ERR_CONSTRUCT_CALL_REQUIRED('Deserializer');
  if (!isArrayBufferView(buffer)) throw notAView('buffer');
  this[kHandle] = binding().deserializerNew(buffer);
  Object.defineProperty(this, 'buffer', { value: buffer, enumerable: true,
                                          writable: false, configurable: false });
}

adoptMethods(Deserializer, class {
  readHeader() {
    return binding().deserializerReadHeader(this[kHandle], this);
  }

  readValue() {
    return binding().deserializerReadValue(this[kHandle], this);
  }

  getWireFormatVersion() {
    return binding().deserializerWireFormatVersion(this[kHandle]);
  }

  transferArrayBuffer(id, arrayBuffer) {
    if (!(arrayBuffer instanceof ArrayBuffer) && !(arrayBuffer instanceof SharedArrayBuffer)) {
      throw argTypeError('arrayBuffer must be an ArrayBuffer or SharedArrayBuffer');
    }
    binding().deserializerTransfer(this[kHandle], id >>> 0, arrayBuffer);
  }

  readUint32() {
    return binding().deserializerReadUint32(this[kHandle]);
  }

  readUint64() {
    return binding().deserializerReadUint64(this[kHandle]);
  }

  readDouble() {
    return binding().deserializerReadDouble(this[kHandle]);
  }

  _readRawBytes(length) {
    return binding().deserializerReadRawBytes(this[kHandle], Number(length));
  }
});
// The next `length` raw bytes, as a Buffer over the input.
Object.defineProperty(Deserializer.prototype, 'readRawBytes', {
  value(length) {
    const input = this.buffer;
    const at = input.byteOffset + this._readRawBytes(length);
    return Buffer.from(input.buffer, at, length);
  },
  writable: true,
  configurable: true,
});

// The view classes in the order their number is written (node's order).
const kViewClasses = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, DataView, Buffer, BigInt64Array, BigUint64Array,
];
const kBufferKind = kViewClasses.indexOf(Buffer);

function viewKind(view) {
  if (Object.getPrototypeOf(view) === Buffer.prototype) return kBufferKind;
  for (let kind = 0; kind < kViewClasses.length; kind++) {
    if (kind !== kBufferKind && view instanceof kViewClasses[kind]) return kind;
  }
  return -1;
}

// Writes typed arrays, DataViews and Buffers as host objects: kind, byte
// length, bytes.
class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    const kind = isArrayBufferView(view) ? viewKind(view) : -1;
    if (kind === -1) {
      // eslint-disable-next-line no-restricted-syntax
      throw new this._getDataCloneError(`Unserializable host object: ${require('./util').inspect(view)}`);
    }
    this.writeUint32(kind);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  }
}

// Reads what DefaultSerializer writes. A view whose bytes are aligned for
// its element size is made over the input's memory, as node's are; others
// get a copy.
class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const Class = kViewClasses[this.readUint32()];
    const bytes = this.readUint32();
    const start = this.buffer.byteOffset + this._readRawBytes(bytes);
    if (Class === undefined) {
      // eslint-disable-next-line no-restricted-syntax
      throw new Error('Unable to deserialize cloned data.');
    }
    let memory = this.buffer.buffer;
    if (Class === Buffer) return Buffer.from(memory, start, bytes);
    const size = Class.BYTES_PER_ELEMENT || 1;
    let at = start;
    if (start % size !== 0) {
      memory = memory.slice(start, start + bytes);
      at = 0;
    }
    if (Class === DataView) return new DataView(memory, at, bytes);
    return new Class(memory, at, bytes / size);
  }
}

// ---- heap ----

function getHeapStatistics() {
  const stats = heap().heapStatistics();
  // An ordinary object, as node's is.
  return { ...stats };
}

function getHeapSpaceStatistics() {
  return heap().heapSpaceStatistics().map((space) => ({
    space_name: space.space_name,
    space_size: space.space_size,
    space_used_size: space.space_used_size,
    space_available_size: space.space_available_size,
    physical_space_size: space.physical_space_size,
  }));
}

function getHeapCodeStatistics() {
  return { ...heap().heapCodeStatistics() };
}

// exposeInternals is accepted; V8 10.2 has no such mode, so the snapshot is
// the regular one.
function snapshotOptions(options) {
  if (options === undefined) return false;
  validateObject(options, 'options');
  if (options.exposeInternals !== undefined) {
    validateBoolean(options.exposeInternals, 'options.exposeInternals');
  }
  if (options.exposeNumericValues !== undefined) {
    validateBoolean(options.exposeNumericValues, 'options.exposeNumericValues');
  }
  return options.exposeNumericValues === true;
}

function getHeapSnapshot(options) {
  const numeric = snapshotOptions(options);
  const json = asBuffer(heap().takeHeapSnapshot(numeric));
  const { Readable } = require('./stream');
  const chunk = 64 * 1024;
  let at = 0;
  return new Readable({
    read() {
      if (at >= json.length) {
        this.push(null);
        return;
      }
      this.push(json.subarray(at, at + chunk));
      at += chunk;
    },
  });
}

let snapshotCount = 0;

function snapshotPath(filename) {
  const { toPath, pathText } = require('./internal/fs/utils');
  return pathText(toPath(filename, 'path'));
}

// Heap.<yyyymmdd>.<hhmmss>.<pid>.<threadId>.<nnn>.heapsnapshot, as node names them.
function defaultSnapshotName() {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  const { threadId } = require('./worker_threads');
  snapshotCount++;
  return `Heap.${date}.${time}.${process.pid}.${threadId}.${String(snapshotCount).padStart(3, '0')}.heapsnapshot`;
}

function writeHeapSnapshot(filename, options) {
  const numeric = snapshotOptions(options);
  const path = filename === undefined ? defaultSnapshotName() : snapshotPath(filename);
  const errno = heap().writeHeapSnapshot(path, numeric);
  if (errno !== 0) {
    const { uvException } = require('./internal/errors');
    throw uvException({ errno: -errno, syscall: 'open', path });
  }
  return path;
}

function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  heap().setFlagsFromString(flags);
}

function cachedDataVersionTag() {
  return heap().cachedDataVersionTag();
}

// ---- startupSnapshot ----

// The app's own initialization runs at pack time only with `jspack
// --build-snapshot` (internal/startup_snapshot.js); otherwise the snapshot
// holds the app compiled, never run, so isBuildingSnapshot() is false and
// the build-time hooks throw ERR_NOT_BUILDING_SNAPSHOT, as node's do
// outside --build-snapshot.
const { api: snapshotApi } = require('./internal/startup_snapshot');
const startupSnapshot = {
  addDeserializeCallback: snapshotApi.addDeserializeCallback,
  addSerializeCallback: snapshotApi.addSerializeCallback,
  setDeserializeMainFunction: snapshotApi.setDeserializeMainFunction,
  isBuildingSnapshot: snapshotApi.isBuildingSnapshot,
};

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize: (bytes) => {
    if (isArrayBufferView(bytes)) return binding().deserialize(bytes, Buffer.prototype);
    throw notAView('buffer');
  },
  serialize: (data) => asBuffer(binding().serialize(data, Buffer.prototype)),
  startupSnapshot,
  writeHeapSnapshot,
};
