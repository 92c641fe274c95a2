'use strict';
// v8.startupSnapshot: the state of an app packed with `jspack --build-snapshot`.
// The packer runs such an app's main at pack time inside the snapshot
// builder (runtime/core/snapshot.cc); while it runs, isBuildingSnapshot()
// is true and the app registers what the snapshot needs: serialize
// callbacks (run once the event loop is empty, just before the heap is
// saved), deserialize callbacks and the main function (run by every start
// of the packed executable, after this run's process facts are filled in).
// Everything else is the heap as the app left it.

const { codes } = require('./errors');
const { validateFunction } = require('./validators');

let building = false;
// True in the snapshot of an app whose main ran at pack time: a start runs
// the deserialize callbacks and the main function instead of the bundle.
let initialized = false;
// What the app registered: { fn, data } records, in the order given.
const pending = { serialize: [], deserialize: [], main: undefined };

// As in Node, the state is checked before the argument.
function accept(fn) {
  if (!building) throw new codes.ERR_NOT_BUILDING_SNAPSHOT();
  validateFunction(fn, 'callback');
}

const api = {
  addSerializeCallback(fn, data) {
    accept(fn);
    pending.serialize.push({ fn, data });
  },
  addDeserializeCallback(fn, data) {
    accept(fn);
    pending.deserialize.push({ fn, data });
  },
  setDeserializeMainFunction(fn, data) {
    accept(fn);
    if (pending.main !== undefined) {
      throw new codes.ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION();
    }
    pending.main = { fn, data };
  },
  isBuildingSnapshot() {
    return building;
  },
};

// V8 10.2 gives a context some of the builtins it ships (the ones once
// behind flags) only when its isolate is not making a snapshot: they are
// added when the snapshot is deserialized. While the app runs at pack time,
// the plain-JS ones are stood in for here (and Error.stackTraceLimit, which
// V8 leaves unset there too, so errors have no stack); they are taken out
// before the heap is saved, so a start gets V8's own.
// (Atomics, SharedArrayBuffer and WebAssembly cannot be: they do not exist
// while an app runs at pack time.)
const standIns = [];

function standIn(target, name, value) {
  if (Object.prototype.hasOwnProperty.call(target, name)) return;
  Object.defineProperty(target, name, {
    value, writable: true, enumerable: false, configurable: true,
  });
  standIns.push([target, name]);
}

function relativeIndex(index, length) {
  const n = Math.trunc(Number(index)) || 0;
  return n < 0 ? length + n : n;
}

function lengthOf(object) {
  const n = Math.trunc(Number(object.length)) || 0;
  return Math.min(Math.max(n, 0), Number.MAX_SAFE_INTEGER);
}

const arrayLike = {
  at(index) {
    const object = Object(this);
    const length = lengthOf(object);
    const k = relativeIndex(index, length);
    return k < 0 || k >= length ? undefined : object[k];
  },
  findLast(predicate, thisArg = undefined) {
    if (typeof predicate !== 'function') {
      throw new TypeError(`${String(predicate)} is not a function`);
    }
    const object = Object(this);
    for (let k = lengthOf(object) - 1; k >= 0; k--) {
      if (predicate.call(thisArg, object[k], k, object)) return object[k];
    }
    return undefined;
  },
  findLastIndex(predicate, thisArg = undefined) {
    if (typeof predicate !== 'function') {
      throw new TypeError(`${String(predicate)} is not a function`);
    }
    const object = Object(this);
    for (let k = lengthOf(object) - 1; k >= 0; k--) {
      if (predicate.call(thisArg, object[k], k, object)) return k;
    }
    return -1;
  },
};

const strings = {
  at(index) {
    if (this === null || this === undefined) {
      throw new TypeError('String.prototype.at called on null or undefined');
    }
    const text = `${this}`;
    const k = relativeIndex(index, text.length);
    return k < 0 || k >= text.length ? undefined : text[k];
  },
};

const objects = {
  hasOwn(object, key) {
    return Object.prototype.hasOwnProperty.call(Object(object), key);
  },
};

function addStandIns() {
  const typedArrayPrototype = Object.getPrototypeOf(Int8Array.prototype);
  for (const name of ['at', 'findLast', 'findLastIndex']) {
    standIn(Array.prototype, name, arrayLike[name]);
    standIn(typedArrayPrototype, name, arrayLike[name]);
    standIn(Array.prototype[Symbol.unscopables], name, true);
  }
  standIn(String.prototype, 'at', strings.at);
  standIn(Object, 'hasOwn', objects.hasOwn);
  if (!Object.prototype.hasOwnProperty.call(Error, 'stackTraceLimit')) {
    Error.stackTraceLimit = 10;
    standIns.push([Error, 'stackTraceLimit']);
  }
}

function removeStandIns() {
  for (const [target, name] of standIns) delete target[name];
  standIns.length = 0;
}

// Pack time, before the app's main runs.
function startBuild() {
  building = true;
  addStandIns();
}

// Pack time, once the loop is empty (and 'beforeExit' added nothing): the
// serialize callbacks run, then the state that must not be in a snapshot
// is dropped. Returns '' when the heap may be saved, else "cause\nfix".
function finishBuild(dropRunState) {
  // A callback may add another; it runs too, in order.
  for (let i = 0; i < pending.serialize.length; i++) {
    const { fn, data } = pending.serialize[i];
    fn(data);
  }
  pending.serialize = [];
  if (pending.main === undefined) {
    return 'the app set no main function for its runs\n' +
      'Call v8.startupSnapshot.setDeserializeMainFunction(main) while the ' +
      'snapshot is built (when isBuildingSnapshot() is true); main runs at ' +
      'every start of the executable';
  }
  const problem = dropRunState();
  if (problem !== '') return problem;
  removeStandIns();
  building = false;
  initialized = true;
  return '';
}

function isInitialized() {
  return initialized;
}

// A start of the executable: the deserialize callbacks in the order they
// were added, then the main function, each given its data.
function runDeserialized() {
  for (const { fn, data } of pending.deserialize) fn(data);
  pending.main.fn(pending.main.data);
}

module.exports = {
  api,
  startBuild,
  finishBuild,
  isInitialized,
  runDeserialized,
};
