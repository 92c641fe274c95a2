// assert.CallTracker (deprecated): wraps functions and checks how often they were called.
'use strict';

const { codes } = require('../errors');
const { validateUint32 } = require('../validators');
const { AssertionError } = require('./assertion_error');

let deprecationShown = false;

function warnDeprecated() {
  if (deprecationShown) return;
  deprecationShown = true;
  if (typeof process === 'object' && process !== null &&
      typeof process.emitWarning === 'function') {
    process.emitWarning('assert.CallTracker is deprecated.', 'DeprecationWarning', 'DEP0173');
  }
}

function notTracked(fn) {
  return new codes.ERR_INVALID_ARG_VALUE('tracked', fn, 'is not a tracked function');
}

class CallTracker {
  // Each wrapper maps to its record: the name shown in messages, the
  // wanted count, the calls seen, and an Error marking where it was made.
  #records = new Map();

  #recordOf(wrapper) {
    const record = this.#records.get(wrapper);
    if (record === undefined) throw notTracked(wrapper);
    return record;
  }

  constructor() {
    warnDeprecated();
  }

  // calls([fn][, exact]): a wrapper of `fn` (by default a no-op) expected
  // to be called exactly `exact` times (by default once).
  calls(target = Function.prototype, exact = 1) {
    // calls(exact) tracks the no-op.
    if (typeof target === 'number') [target, exact] = [Function.prototype, target];
    validateUint32(exact, 'expected', true);
    // A wrapper made while the process exits could never be verified.
    if (typeof process === 'object' && process !== null && process._exiting) {
      throw new codes.ERR_UNAVAILABLE_DURING_EXIT();
    }
    const label = target.name;
    const record = { name: label || 'calls', exact, seen: [], origin: new Error() };
    // A null-prototype handler: traps inherited from a patched
    // Object.prototype (e.g. a `get`) must not apply.
    const wrapper = new Proxy(target, {
      __proto__: null,
      apply(callee, thisArg, args) {
        record.seen.push(Object.freeze({ thisArg, arguments: Object.freeze(args) }));
        return Reflect.apply(callee, thisArg, args);
      },
    });
    this.#records.set(wrapper, record);
    return wrapper;
  }

  getCalls(wrapper) {
    return Object.freeze(this.#recordOf(wrapper).seen.slice());
  }

  // reset([wrapper]): forgets the calls of one wrapper, or of all.
  reset(wrapper) {
    const records = wrapper === undefined ? [...this.#records.values()] : [this.#recordOf(wrapper)];
    for (const record of records) record.seen = [];
  }

  // One entry for every wrapper not called the expected number of times.
  report() {
    const out = [];
    for (const { name, exact, seen, origin } of this.#records.values()) {
      if (seen.length === exact) continue;
      out.push({
        message: `Expected the ${name} function to be executed ${exact} time(s) ` +
          `but was executed ${seen.length} time(s).`,
        actual: seen.length,
        expected: exact,
        operator: name,
        stack: origin,
      });
    }
    return out;
  }

  verify() {
    const failures = this.report();
    if (failures.length === 0) return;
    const message = failures.length === 1 ? failures[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: failures });
  }
}

module.exports = { CallTracker };
