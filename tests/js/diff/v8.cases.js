'use strict';
// Differential corpus for node:v8: serialize/deserialize bytes for every
// value kind (node and jspack must read each other's output), the
// Serializer/Deserializer classes driven by hand and subclassed, their
// errors, the shape of the heap statistics, the heap limit the machine gives
// (both size the heap from physical memory), snapshots and flags.

const v8 = require('v8');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();
const hex = (b) => Buffer.from(b).toString('hex');

const values = {
  number: 1.5, int: 42, negative: -7, string: 'h\u00e9llo', twoByte: '\u4e2d\u6587',
  bigint: 123n, array: [1, 'x', [null]], sparse: [, 1], object: { a: 1, b: { c: [2] } },
  date: new Date(0), regexp: /a+/gi, map: new Map([[1, 'a']]), set: new Set([1, 2]),
  int8: new Int8Array([1, -1]), uint8: new Uint8Array([3]), clamped: new Uint8ClampedArray([9]),
  int16: new Int16Array([-2]), uint16: new Uint16Array([2]), int32: new Int32Array([-3]),
  uint32: new Uint32Array([3]), float32: new Float32Array([0.5]), float64: new Float64Array([1.25]),
  bigint64: new BigInt64Array([-1n]), biguint64: new BigUint64Array([2n]),
  dataview: new DataView(new Uint8Array([1, 2, 3]).buffer), buffer: Buffer.from('hi'),
  sliced: Buffer.from('abcdef').subarray(2, 4), arraybuffer: new Uint8Array([5, 6]).buffer,
  boxed: [Object(1), Object('s'), Object(true)], nested: { v: new Uint16Array([1, 2]), b: Buffer.from([7]) },
};
for (const [name, value] of Object.entries(values)) {
  const bytes = v8.serialize(value);
  emit(`serialize ${name}`, hex(bytes));
  const back = v8.deserialize(bytes);
  emit(`round trip ${name}`, [Object.prototype.toString.call(back), back?.constructor?.name,
    require('util').inspect(back)]);
}
for (const name of ['function', 'symbol', 'sab-default']) {
  const value = { function: () => 1, symbol: Symbol('s'), 'sab-default': new SharedArrayBuffer(2) }[name];
  emit(`serialize throws ${name}`, attempt(() => v8.serialize(value)));
}
emit('deserialize non-view', attempt(() => v8.deserialize('x')));
emit('deserialize bad version', attempt(() => v8.deserialize(Buffer.from([1, 2, 3]))));
emit('deserialize truncated', attempt(() => v8.deserialize(Buffer.from('ff0f6f2201', 'hex'))));
emit('deserialize unknown view kind', attempt(() => v8.deserialize(Buffer.from('ff0f5c0d0100', 'hex')))[0]);

// Hand-driven Serializer / Deserializer.
{
  const s = new v8.Serializer();
  s.writeHeader();
  s.writeValue({ a: [1, 2] });
  s.writeUint32(300);
  s.writeUint64(1, 2);
  s.writeDouble(-0.25);
  s.writeRawBytes(Buffer.from('raw'));
  const bytes = s.releaseBuffer();
  emit('hand serializer bytes', [bytes.constructor.name, hex(bytes)]);
  emit('release again is empty', s.releaseBuffer().length);
  const d = new v8.Deserializer(bytes);
  emit('deserializer fields', [Object.keys(d), d.buffer === bytes]);
  emit('hand deserializer', [d.readHeader(), d.getWireFormatVersion(), d.readValue(), d.readUint32(),
    d.readUint64(), d.readDouble(), hex(d.readRawBytes(3))]);
  emit('read past end', [attempt(() => d.readUint32()), attempt(() => d.readUint64()),
    attempt(() => d.readDouble()), attempt(() => d._readRawBytes(1)), attempt(() => d.readValue())]);
}
emit('prototype methods', [Object.getOwnPropertyNames(v8.Serializer.prototype),
  Object.getOwnPropertyNames(v8.Deserializer.prototype),
  Object.getOwnPropertyNames(v8.DefaultSerializer.prototype),
  Object.getOwnPropertyNames(v8.DefaultDeserializer.prototype)]);
emit('call without new', [attempt(() => v8.Serializer()), attempt(() => v8.Deserializer(Buffer.alloc(1)))]);
emit('deserializer needs a view', attempt(() => new v8.Deserializer('x')));
emit('writeRawBytes needs a view', attempt(() => new v8.Serializer().writeRawBytes('x')));
emit('transfer needs an ArrayBuffer', attempt(() => new v8.Serializer().transferArrayBuffer(1, 'x')));
emit('coercing writers', attempt(() => {
  const s = new v8.Serializer();
  s.writeUint32('7');
  s.writeDouble('2.5');
  s.writeUint64('1', 3);
  return hex(s.releaseBuffer());
}));
emit('base serializer with views as host objects', attempt(() => {
  const s = new v8.Serializer();
  s._setTreatArrayBufferViewsAsHostObjects(true);
  s.writeValue(new Uint8Array(1));
}));
emit('base deserializer on host objects', attempt(() => {
  const d = new v8.Deserializer(v8.serialize(Buffer.from('ab')));
  d.readHeader();
  return d.readValue();
}));

class TaggingSerializer extends v8.Serializer {
  _writeHostObject(object) {
    this.writeUint32(object.length);
  }

  _getDataCloneError(message) {
    return new RangeError(`custom: ${message}`);
  }

  _getSharedArrayBufferId() {
    return 5;
  }
}
class TaggingDeserializer extends v8.Deserializer {
  _readHostObject() {
    return { tagged: this.readUint32() };
  }
}
{
  const s = new TaggingSerializer();
  s._setTreatArrayBufferViewsAsHostObjects(true);
  s.writeHeader();
  s.writeValue([new Uint16Array(3), new SharedArrayBuffer(1)]);
  const bytes = s.releaseBuffer();
  emit('subclass hooks bytes', hex(bytes));
  const d = new TaggingDeserializer(bytes);
  d.readHeader();
  emit('subclass read host object', attempt(() => d.readValue()));
  emit('subclass clone error', attempt(() => new TaggingSerializer().writeValue(Symbol('x'))));
}
{
  const s = new v8.Serializer();
  s.writeHeader();
  const ab = new ArrayBuffer(4);
  s.transferArrayBuffer(3, ab);
  s.writeValue({ ab });
  const bytes = s.releaseBuffer();
  emit('transferred array buffer bytes', hex(bytes));
  const d = new v8.Deserializer(bytes);
  d.readHeader();
  const target = new ArrayBuffer(8);
  d.transferArrayBuffer(3, target);
  emit('transferred array buffer read', d.readValue().ab === target);
  const missing = new v8.Deserializer(bytes);
  missing.readHeader();
  emit('transfer id missing', attempt(() => missing.readValue()));
}
{
  const s = new v8.DefaultSerializer();
  s.writeHeader();
  s.writeValue({ b: Buffer.from('xy'), f: new Float32Array([1]) });
  const bytes = s.releaseBuffer();
  emit('default serializer equals serialize', hex(bytes) === hex(v8.serialize({ b: Buffer.from('xy'), f: new Float32Array([1]) })));
  const d = new v8.DefaultDeserializer(bytes);
  d.readHeader();
  const back = d.readValue();
  emit('default deserializer', [back.b.constructor.name, hex(back.b), back.f.constructor.name, [...back.f]]);
}

// Heap and engine.
const stats = v8.getHeapStatistics();
emit('heap statistics keys', Object.keys(stats));
emit('heap statistics types', Object.values(stats).map((v) => typeof v));
emit('heap size limit', stats.heap_size_limit);
emit('heap statistics sane', stats.used_heap_size > 0 && stats.used_heap_size <= stats.total_heap_size);
emit('code statistics keys', Object.keys(v8.getHeapCodeStatistics()));
const spaces = v8.getHeapSpaceStatistics();
emit('space statistics keys', Object.keys(spaces[0]));
emit('space statistics has old_space', spaces.some((s) => s.space_name === 'old_space'));
emit('cachedDataVersionTag', [typeof v8.cachedDataVersionTag(), v8.cachedDataVersionTag() === v8.cachedDataVersionTag()]);
emit('setFlagsFromString bad type', attempt(() => v8.setFlagsFromString(1)));
emit('setFlagsFromString', attempt(() => v8.setFlagsFromString('--allow-natives-syntax')));
emit('writeHeapSnapshot bad path', attempt(() => v8.writeHeapSnapshot(1)));
emit('writeHeapSnapshot bad options', attempt(() => v8.writeHeapSnapshot(undefined, { exposeInternals: 1 })));
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'v8-cases-'));
  const file = path.join(dir, 'x.heapsnapshot');
  const written = v8.writeHeapSnapshot(file);
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  emit('writeHeapSnapshot file', [written === file, Object.keys(parsed), Object.keys(parsed.snapshot.meta).slice(0, 3)]);
  const cwd = process.cwd();
  process.chdir(dir);
  const name = v8.writeHeapSnapshot();
  process.chdir(cwd);
  emit('writeHeapSnapshot default name', name.replace(/\d{8}\.\d{6}\.\d+\./, 'DATE.TIME.PID.'));
  emit('writeHeapSnapshot missing dir', attempt(() => v8.writeHeapSnapshot(path.join(dir, 'no', 'x'))).slice(0, 3));
  fs.rmSync(dir, { recursive: true });
}
v8.getHeapSnapshot().on('data', () => {}).on('end', function () {
  emit('getHeapSnapshot stream', [typeof this.read, this.readableEnded]);
});
emit('getHeapSnapshot bad options', attempt(() => v8.getHeapSnapshot({ exposeInternals: 'yes' })));
emit('startupSnapshot keys', Object.keys(v8.startupSnapshot));
emit('startupSnapshot not building', [Boolean(v8.startupSnapshot.isBuildingSnapshot()),
  attempt(() => v8.startupSnapshot.addSerializeCallback(() => {})),
  attempt(() => v8.startupSnapshot.addDeserializeCallback(() => {})),
  attempt(() => v8.startupSnapshot.setDeserializeMainFunction(() => {}))]);
