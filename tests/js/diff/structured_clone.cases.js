'use strict';
// Differential corpus for structuredClone: every cloneable kind (through
// inspect of the clone), identity and cycles, errors, transfer, and the
// DataCloneError / argument errors with their messages.

const util = require('util');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

function describeError(err) {
  return ['throws', err.name, err.code, err.message,
    err instanceof DOMException, err.constructor.name];
}

function attempt(fn) {
  try {
    return ['ok', fn()];
  } catch (err) {
    return describeError(err);
  }
}

function show(value) {
  return util.inspect(value, { depth: 6, showHidden: false });
}

function valueCases() {
  const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const withProps = [1, 2];
  withProps.extra = 'x';
  const values = {
    'undefined': undefined, 'null': null, 'true': true, 'zero': 0,
    'minus zero': -0, 'NaN': NaN, 'Infinity': -Infinity, 'int': 42,
    'double': 1.5, 'string': 'héllo \ud83d\ude00', 'lone surrogate': '\ud800',
    'empty string': '', 'bigint': 12345678901234567890n, 'negative bigint': -1n,
    'object': { a: 1, b: 'two', c: [3] }, 'nested': { a: { b: { c: { d: 1 } } } },
    'array': [1, 'a', null, undefined], 'sparse': sparse,
    'array props': withProps, 'date': new Date(0), 'invalid date': new Date(NaN),
    'regexp': /a+b/gimsuy, 'regexp source': /\//, 'map': new Map([[1, 'a'],
      [{ k: 1 }, [2]]]), 'set': new Set([1, 'a', { b: 2 }]),
    'boxed number': Object(1), 'boxed string': Object('s'),
    'boxed boolean': Object(false), 'boxed bigint': Object(5n),
    'array buffer': new Uint8Array([1, 2, 3]).buffer,
    'uint8': new Uint8Array([1, 2]), 'int16': new Int16Array([-1, 2]),
    'float64': new Float64Array([0.5, NaN]), 'bigint64': new BigInt64Array([1n]),
    'uint8 clamped': new Uint8ClampedArray([300]),
    'view offset': new Uint8Array(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2),
    'dataview': new DataView(new ArrayBuffer(4), 1, 2),
    'null proto': Object.assign(Object.create(null), { a: 1 }),
    'class instance': new (class Point { constructor() { this.x = 1; } })(),
    'getter': { get x() { return 7; } },
    'symbol key': { [Symbol('s')]: 1, visible: 2 },
    'non-enumerable': Object.defineProperty({ a: 1 }, 'hidden', { value: 2 }),
    'numeric keys': { 2: 'b', 1: 'a', x: 'c' },
    'event target': new EventTarget(),
  };
  for (const [name, value] of Object.entries(values)) {
    emit(`value ${name}`, attempt(() => show(structuredClone(value))));
  }
  emit('minus zero kept', attempt(() => Object.is(structuredClone(-0), -0)));
  emit('date time', attempt(() => structuredClone(new Date(123456)).getTime()));
  emit('regexp lastIndex', attempt(() => {
    const re = /a/g;
    re.lastIndex = 3;
    return structuredClone(re).lastIndex;
  }));
  emit('map is new', attempt(() => {
    const map = new Map();
    return structuredClone(map) !== map;
  }));
  emit('prototype lost', attempt(() => {
    class Thing {}
    return Object.getPrototypeOf(structuredClone(new Thing())) ===
      Object.prototype;
  }));
}

function identityCases() {
  emit('cycle', attempt(() => {
    const o = { name: 'o' };
    o.self = o;
    const c = structuredClone(o);
    return [c.self === c, c !== o];
  }));
  emit('shared reference', attempt(() => {
    const inner = { v: 1 };
    const c = structuredClone({ a: inner, b: inner, list: [inner] });
    return [c.a === c.b, c.list[0] === c.a];
  }));
  emit('map cycle', attempt(() => {
    const m = new Map();
    m.set('me', m);
    const c = structuredClone(m);
    return c.get('me') === c;
  }));
  emit('views share buffer', attempt(() => {
    const buffer = new ArrayBuffer(8);
    const c = structuredClone([new Uint8Array(buffer), new Uint16Array(buffer)]);
    return [c[0].buffer === c[1].buffer, c[0].buffer !== buffer];
  }));
  emit('array cycle', attempt(() => {
    const a = [];
    a.push(a, a);
    const c = structuredClone(a);
    return [c[0] === c, c[1] === c];
  }));
}

function errorCases() {
  const makers = {
    'Error': () => new Error('m'),
    'TypeError': () => new TypeError('t'),
    'RangeError': () => new RangeError('r'),
    'SyntaxError': () => new SyntaxError('s'),
    'ReferenceError': () => new ReferenceError('f'),
    'EvalError': () => new EvalError('e'),
    'URIError': () => new URIError('u'),
    'subclass': () => new (class MyError extends TypeError {})('sub'),
    'no message': () => new Error(),
    'custom props': () => Object.assign(new Error('p'), { code: 'X', n: 1 }),
    'renamed': () => {
      const err = new Error('n');
      err.name = 'Custom';
      return err;
    },
  };
  for (const [name, make] of Object.entries(makers)) {
    emit(`error ${name}`, attempt(() => {
      const original = make();
      const c = structuredClone(original);
      return [Object.prototype.toString.call(c), c.constructor.name, c.name,
        c.message, c.code, c.stack === original.stack,
        Object.keys(c), c instanceof Error];
    }));
  }
  emit('error in object', attempt(() => {
    const c = structuredClone({ e: new RangeError('inner') });
    return [c.e.constructor.name, c.e.message];
  }));
}

function failureCases() {
  // Functions are made at run time: a clone error quotes their source, which
  // the bundler would otherwise reformat under jspack.
  const made = (source) => Function(`return ${source}`)();
  const uncloneable = {
    'function': made('function f() {}'),
    'arrow': made('() => 1'),
    'class': made('class K {}'),
    'native fn': Math.max,
    'symbol': Symbol('x'),
    'symbol in object': { a: Symbol('y') },
    'weakmap': new WeakMap(),
    'weakset': new WeakSet(),
    'promise': Promise.resolve(1),
    'function in array': [1, made('function g() {}')],
    'function in map': new Map([[1, made('() => 2')]]),
    'proxy': new Proxy({}, {}),
    'abort controller': new AbortController(),
    'generator': (function* gen() {})(),
  };
  for (const [name, value] of Object.entries(uncloneable)) {
    emit(`uncloneable ${name}`, attempt(() => show(structuredClone(value))));
  }
  emit('clone error code', attempt(() => {
    try {
      structuredClone(() => {});
    } catch (err) {
      return [err.code, err.name, Object.keys(err)];
    }
    return null;
  }));
  emit('getter throws', attempt(() => structuredClone({
    get x() { throw new Error('from getter'); },
  })));
}

function argumentCases() {
  emit('no arguments', attempt(() => structuredClone()));
  const optionsValues = [undefined, null, 5, 'x', true, {}, [], () => {}];
  optionsValues.forEach((options, i) => {
    emit(`options ${i}`, attempt(() => structuredClone(1, options)));
  });
  const transfers = [undefined, null, 5, 'ab', {}, [], [5], [{}],
    [new Uint8Array(2)], [new SharedArrayBuffer(2)], { length: 0 },
    new Set()];
  transfers.forEach((transfer, i) => {
    emit(`transfer ${i}`, attempt(() => structuredClone(1, { transfer })));
  });
  emit('length', structuredClone.length);
  emit('name', structuredClone.name);
  const d = Object.getOwnPropertyDescriptor(globalThis, 'structuredClone');
  emit('descriptor', [typeof d.value, d.writable, d.enumerable, d.configurable]);
}

function transferCases() {
  emit('transfer detaches', attempt(() => {
    const buffer = new Uint8Array([1, 2, 3]).buffer;
    const view = new Uint8Array(buffer);
    const c = structuredClone({ buffer }, { transfer: [buffer] });
    return [buffer.byteLength, view.length, c.buffer.byteLength,
      Array.from(new Uint8Array(c.buffer))];
  }));
  emit('transfer with view', attempt(() => {
    const buffer = new ArrayBuffer(4);
    const view = new Uint16Array(buffer);
    view[0] = 7;
    const c = structuredClone(view, { transfer: [buffer] });
    return [buffer.byteLength, c.length, c[0]];
  }));
  emit('transfer not in value', attempt(() => {
    const buffer = new ArrayBuffer(4);
    structuredClone(1, { transfer: [buffer] });
    return buffer.byteLength;
  }));
  emit('transfer duplicate', attempt(() => {
    const buffer = new ArrayBuffer(4);
    return structuredClone(buffer, { transfer: [buffer, buffer] });
  }));
  emit('detached clone', attempt(() => {
    const buffer = new ArrayBuffer(4);
    structuredClone(buffer, { transfer: [buffer] });
    return structuredClone(buffer);
  }));
  emit('failed clone keeps buffer', attempt(() => {
    const buffer = new ArrayBuffer(4);
    try {
      structuredClone({ buffer, f() {} }, { transfer: [buffer] });
    } catch (err) {
      return [err.name, buffer.byteLength];
    }
    return null;
  }));
  emit('transfer iterable', attempt(() => {
    const buffer = new ArrayBuffer(2);
    structuredClone(buffer, { transfer: new Set([buffer]) });
    return buffer.byteLength;
  }));
  emit('shared buffer shared', attempt(() => {
    const shared = new SharedArrayBuffer(2);
    const c = structuredClone(shared);
    new Uint8Array(c)[0] = 9;
    return [new Uint8Array(shared)[0], c !== shared];
  }));
}

valueCases();
identityCases();
errorCases();
failureCases();
argumentCases();
transferCases();
