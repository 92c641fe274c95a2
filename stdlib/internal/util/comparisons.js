// Deep equality behind assert.deepEqual, assert.deepStrictEqual and util.isDeepStrictEqual.
'use strict';

// The native checks are fetched on first use so that loading this file while
// the snapshot is built touches no binding.
let typeChecks;
let nonIndexKeysOf;
function natives() {
  if (typeChecks === undefined) {
    // eslint-disable-next-line no-undef
    typeChecks = internalBinding('types');
    // eslint-disable-next-line no-undef
    const util = internalBinding('util');
    const onlyEnumerable = util.ONLY_ENUMERABLE;
    nonIndexKeysOf = (value) => util.getOwnNonIndexProperties(value, onlyEnumerable);
  }
  return typeChecks;
}

const tagOf = (value) => Object.prototype.toString.call(value);
const ownHas = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const ownEnumerable = (obj, key) => Object.prototype.propertyIsEnumerable.call(obj, key);
const timeOf = (date) => Date.prototype.getTime.call(date);

// What kind of object a value is decides which extra rule applies before the
// own properties are compared. Both sides must be of the same kind.
const K_PLAIN = 1;
const K_ARRAY = 2;
const K_DATE = 3;
const K_REGEXP = 4;
const K_ERROR = 5;
const K_VIEW = 6;
const K_SET = 7;
const K_MAP = 8;
const K_BUFFER = 9;
const K_BOXED = 10;
const K_OTHER = 11;

function kindOf(value, tag) {
  const t = natives();
  if (Array.isArray(value)) return K_ARRAY;
  if (tag === '[object Object]') return K_PLAIN;
  if (t.isDate(value)) return K_DATE;
  if (t.isRegExp(value)) return K_REGEXP;
  if (t.isNativeError(value) || value instanceof Error) return K_ERROR;
  if (t.isArrayBufferView(value)) return K_VIEW;
  if (t.isSet(value)) return K_SET;
  if (t.isMap(value)) return K_MAP;
  if (t.isAnyArrayBuffer(value)) return K_BUFFER;
  if (t.isBoxedPrimitive(value)) return K_BOXED;
  return K_OTHER;
}

// Byte-wise equality of two byte ranges.
function sameBytes(x, y) {
  if (x.length !== y.length) return false;
  for (let i = x.length - 1; i >= 0; i--) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

function viewBytes(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Loose comparison of float arrays goes element by element with `==`, so
// that -0 and 0 match (and NaN never does).
function floatsLooselyEqual(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    if (x[i] != y[i]) return false; // eslint-disable-line eqeqeq
  }
  return true;
}

function boxedEqual(x, y) {
  const t = typeChecks;
  if (t.isNumberObject(x)) {
    return t.isNumberObject(y) &&
      Object.is(Number.prototype.valueOf.call(x), Number.prototype.valueOf.call(y));
  }
  if (t.isStringObject(x)) {
    return t.isStringObject(y) &&
      String.prototype.valueOf.call(x) === String.prototype.valueOf.call(y);
  }
  if (t.isBooleanObject(x)) {
    return t.isBooleanObject(y) &&
      Boolean.prototype.valueOf.call(x) === Boolean.prototype.valueOf.call(y);
  }
  if (t.isBigIntObject(x)) {
    return t.isBigIntObject(y) &&
      BigInt.prototype.valueOf.call(x) === BigInt.prototype.valueOf.call(y);
  }
  return t.isSymbolObject(y) &&
    Symbol.prototype.valueOf.call(x) === Symbol.prototype.valueOf.call(y);
}

// For a primitive that is missing from the other collection, the value it
// could loosely equal instead: `true` (anything may match it), `false`
// (nothing can), or null/undefined, which only match each other.
function loosePartner(value) {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      return !Number.isNaN(+value);
    case 'number':
      return !Number.isNaN(value);
    default:
      return true;
  }
}

// Whether an object has no elements or entries to compare beyond its keys.
function isEmptyOf(value, kind) {
  if (kind === K_ARRAY) return value.length === 0;
  if (kind === K_SET || kind === K_MAP) return value.size === 0;
  return true;
}

const isObjectLike = (v) => typeof v === 'object' && v !== null;

// One comparison run. It remembers the objects that are being compared on
// each side: meeting two of them again means a cycle, which counts as equal.
class DeepComparison {
  constructor(strict) {
    this.strict = strict;
    this.leftOpen = new Set();
    this.rightOpen = new Set();
  }

  equal(a, b) {
    if (a === b) return a !== 0 || !this.strict || Object.is(a, b);
    const objA = isObjectLike(a);
    const objB = isObjectLike(b);
    if (!objA || !objB) {
      if (objA || objB) return false;
      if (a !== a && b !== b) return true; // eslint-disable-line no-self-compare
      return !this.strict && a == b; // eslint-disable-line eqeqeq
    }
    if (this.strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    const tag = tagOf(a);
    if (tag !== tagOf(b)) return false;
    const kind = kindOf(a, tag);
    if (kind !== K_PLAIN && kindOf(b, tag) !== kind) return false;
    if (!this.sameInternals(a, b, kind)) return false;
    return this.sameContents(a, b, kind);
  }

  // The checks that go beyond own properties: lengths, sizes, times, flags,
  // bytes and boxed values.
  sameInternals(a, b, kind) {
    switch (kind) {
      case K_ARRAY:
        return a.length === b.length;
      case K_DATE:
        return timeOf(a) === timeOf(b);
      case K_REGEXP:
        return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
      case K_ERROR:
        return a.message === b.message && a.name === b.name &&
          this.equal(a.cause, b.cause) && this.equal(a.errors, b.errors);
      case K_VIEW:
        if (!this.strict && (typeChecks.isFloat32Array(a) || typeChecks.isFloat64Array(a))) {
          return floatsLooselyEqual(a, b);
        }
        return a.byteLength === b.byteLength && sameBytes(viewBytes(a), viewBytes(b));
      case K_SET:
      case K_MAP:
        return a.size === b.size;
      case K_BUFFER:
        return a.byteLength === b.byteLength && sameBytes(new Uint8Array(a), new Uint8Array(b));
      case K_BOXED:
        return boxedEqual(a, b);
      default:
        return true;
    }
  }

  // The keys that take part: own enumerable ones, symbols only when strict,
  // and for arrays and typed arrays not the indices (compared separately).
  keysOf(value, kind) {
    let keys;
    if (kind === K_ARRAY || kind === K_VIEW) {
      keys = nonIndexKeysOf(value);
      if (!this.strict) keys = keys.filter((k) => typeof k === 'string');
      return keys;
    }
    keys = Object.keys(value);
    if (this.strict) {
      for (const sym of Object.getOwnPropertySymbols(value)) {
        if (ownEnumerable(value, sym)) keys.push(sym);
      }
    }
    return keys;
  }

  sameContents(a, b, kind) {
    const keys = this.keysOf(a, kind);
    if (keys.length !== this.keysOf(b, kind).length) return false;
    for (const key of keys) {
      if (!ownHas(b, key) || !ownEnumerable(b, key)) return false;
    }
    if (keys.length === 0 && isEmptyOf(a, kind)) return true;

    if (this.leftOpen.has(a) && this.rightOpen.has(b)) return true;
    this.leftOpen.add(a);
    this.rightOpen.add(b);
    let same;
    if (kind === K_ARRAY) same = this.sameElements(a, b);
    else if (kind === K_SET) same = this.sameSetMembers(a, b);
    else if (kind === K_MAP) same = this.sameMapEntries(a, b);
    else same = true;
    for (let i = 0; same && i < keys.length; i++) {
      same = this.equal(a[keys[i]], b[keys[i]]);
    }
    this.leftOpen.delete(a);
    this.rightOpen.delete(b);
    return same;
  }

  sameElements(a, b) {
    for (let i = 0; i < a.length; i++) {
      const present = ownHas(a, i);
      // A hole only matches a hole.
      if (present !== ownHas(b, i)) return false;
      if (present && !this.equal(a[i], b[i])) return false;
    }
    return true;
  }

  // Removes from `pool` the first member deep-equal to `value`.
  claim(pool, value) {
    for (const candidate of pool) {
      if (this.equal(candidate, value)) {
        pool.delete(candidate);
        return true;
      }
    }
    return false;
  }

  sameSetMembers(a, b) {
    // Members of `a` that `b` does not hold as such wait in a pool until a
    // member of `b` claims them.
    let pool = null;
    for (const member of a) {
      if (!isObjectLike(member)) {
        if (b.has(member)) continue;
        if (this.strict) return false;
        const partner = loosePartner(member);
        if (partner === false) return false;
        if (partner !== true && (!b.has(partner) || a.has(partner))) return false;
      }
      if (pool === null) pool = new Set();
      pool.add(member);
    }
    if (pool === null) return true;
    for (const member of b) {
      if (isObjectLike(member)) {
        if (!this.claim(pool, member)) return false;
      } else if (!this.strict && !a.has(member) && !this.claim(pool, member)) {
        return false;
      }
    }
    return pool.size === 0;
  }

  // Removes from `pool` the first key of `a` deep-equal to `key` whose value
  // is deep-equal to `value`.
  claimEntry(pool, a, key, value) {
    for (const candidate of pool) {
      if (this.equal(candidate, key) && this.equal(a.get(candidate), value)) {
        pool.delete(candidate);
        return true;
      }
    }
    return false;
  }

  // Whether the missing primitive key `key` (with `value`) of `a` may still
  // find a loosely equal entry in `b`.
  mayMatchLoosely(a, b, key, value) {
    const partner = loosePartner(key);
    if (partner === true || partner === false) return partner;
    if (!b.has(partner) || a.has(partner)) return false;
    return this.equal(value, b.get(partner));
  }

  sameMapEntries(a, b) {
    let pool = null;
    for (const [key, value] of a) {
      if (!isObjectLike(key)) {
        if (b.has(key) && this.equal(value, b.get(key))) continue;
        if (this.strict || !this.mayMatchLoosely(a, b, key, value)) return false;
      }
      if (pool === null) pool = new Set();
      pool.add(key);
    }
    if (pool === null) return true;
    for (const [key, value] of b) {
      if (isObjectLike(key)) {
        if (!this.claimEntry(pool, a, key, value)) return false;
      } else if (!this.strict && !(a.has(key) && this.equal(a.get(key), value)) &&
                 !this.claimEntry(pool, a, key, value)) {
        return false;
      }
    }
    return pool.size === 0;
  }
}

function isDeepEqual(actual, expected) {
  return new DeepComparison(false).equal(actual, expected);
}

function isDeepStrictEqual(actual, expected) {
  return new DeepComparison(true).equal(actual, expected);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
