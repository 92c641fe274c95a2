// node:assert and node:assert/strict: checks that throw AssertionError with Node 20's messages.
'use strict';

const { codes } = require('./internal/errors');
const { AssertionError } = require('./internal/assert/assertion_error');
const { CallTracker } = require('./internal/assert/calltracker');
const { inspect } = require('./internal/util/inspect');
const { isDeepEqual, isDeepStrictEqual } = require('./internal/util/comparisons');
const { validateFunction } = require('./internal/validators');

// What runForThrow()/waitForRejection() report when nothing was thrown; no
// user code can throw it.
const kNothingThrown = Symbol('kNothingThrown');

const kErrorArgTypes = ['Object', 'Error', 'Function', 'RegExp'];

const isRegExpValue = (value) =>
  value instanceof RegExp && Object.prototype.toString.call(value) === '[object RegExp]';

const isErrorValue = (value) =>
  value instanceof Error || Object.prototype.toString.call(value) === '[object Error]';

const isThenable = (value) =>
  (value instanceof Promise && Object.prototype.toString.call(value) === '[object Promise]') ||
  (value !== null && typeof value === 'object' &&
   typeof value.then === 'function' && typeof value.catch === 'function');

// An AssertionError from `fields`; `generated` overrides generatedMessage.
function failure(fields, generated) {
  const err = new AssertionError(fields);
  if (generated !== undefined) err.generatedMessage = generated;
  return err;
}

// Throws the failure: a user-supplied Error replaces the AssertionError.
function report(fields, generated) {
  if (fields.message instanceof Error) throw fields.message;
  throw failure(fields, generated);
}

// ok() and the callable assert()/assert.strict(): a falsy value fails.
function checkTruthy(caller, argCount, value, message) {
  if (value) return;
  const fields = { actual: value, expected: true, message, operator: '==', stackStartFn: caller };
  if (argCount === 0) {
    fields.message = 'No value argument passed to `assert.ok()`';
  } else if (message === undefined || message === null) {
    // Node quotes the failing expression from the caller's source file; with
    // no source access here the message shows the value instead.
    const callee = caller === ok ? 'assert.ok' : 'assert';
    fields.message = 'The expression evaluated to a falsy value:\n\n' +
      `  ${callee}(${inspect(value)})\n`;
  } else {
    report(fields, false);
  }
  report(fields, true);
}

function ok(...args) {
  checkTruthy(ok, args.length, ...args);
}

const assert = ok;
module.exports = assert;

let failWarned = false;

function canWarn() {
  return typeof process === 'object' && process !== null &&
    typeof process.emitWarning === 'function';
}

function warnLongFail() {
  if (failWarned) return;
  failWarned = true;
  if (canWarn()) {
    process.emitWarning(
      'assert.fail() with more than one argument is deprecated. ' +
      'Please use assert.strictEqual() instead or only pass a message.',
      'DeprecationWarning', 'DEP0094');
  }
}

// fail([message]) and the deprecated fail(actual, expected[, message[,
// operator[, stackStartFn]]]).
function fail(actual, expected, message, operator, startFn) {
  const given = arguments.length;
  const fields = { operator: 'fail', stackStartFn: fail };
  if (given <= 1) {
    if (actual === undefined || actual === null) {
      Object.assign(fields, { actual, message: 'Failed' });
      report(fields, true);
    }
    fields.message = actual;
    report(fields);
  }
  warnLongFail();
  Object.assign(fields, { actual, expected, message });
  if (given === 2) fields.operator = '!=';
  else if (operator !== undefined) fields.operator = operator;
  if (startFn) fields.stackStartFn = startFn;
  report(fields);
}

// The two-value checks: name, the operator their errors carry, and whether
// the pair passes.
// eslint-disable-next-line eqeqeq
const looselyEqual = (a, b) => a == b || (Number.isNaN(a) && Number.isNaN(b));

const kPairChecks = [
  ['equal', '==', looselyEqual],
  ['notEqual', '!=', (a, b) => !looselyEqual(a, b)],
  ['deepEqual', 'deepEqual', isDeepEqual],
  ['notDeepEqual', 'notDeepEqual', (a, b) => !isDeepEqual(a, b)],
  ['deepStrictEqual', 'deepStrictEqual', isDeepStrictEqual],
  ['notDeepStrictEqual', 'notDeepStrictEqual', (a, b) => !isDeepStrictEqual(a, b)],
  ['strictEqual', 'strictEqual', (a, b) => Object.is(a, b)],
  ['notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b)],
];

// Node's key order: fail, AssertionError, ok, the pair checks, the rest.
Object.assign(assert, { fail, AssertionError, ok });

for (const [name, operator, passes] of kPairChecks) {
  // The computed method keeps Node's function name, which errors report.
  const check = {
    [name](actual, expected, message) {
      if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('actual', 'expected');
      if (!passes(actual, expected)) {
        report({ actual, expected, message, operator, stackStartFn: check });
      }
    },
  }[name];
  assert[name] = check;
}

// Copies the keys a validation object names, for a readable diff. The class
// name shows in the message, as in Node.
class Comparison {
  constructor(source, keys, thrown) {
    for (const key of keys) {
      if (!(key in source)) continue;
      const wanted = source[key];
      // A matching RegExp is shown as the text it matched, so that it does
      // not show up as a difference.
      const matched = thrown !== undefined && typeof thrown[key] === 'string' &&
        isRegExpValue(wanted) && RegExp.prototype.exec.call(wanted, thrown[key]) !== null;
      this[key] = matched ? thrown[key] : wanted;
    }
  }
}

// Checks `thrown` against a validation object (or an Error used as one):
// each named key must be deep-strictly equal or match the RegExp given.
function matchValidationObject(thrown, pattern, message, caller) {
  const keys = Object.keys(pattern);
  if (pattern instanceof Error) {
    keys.push('name', 'message');
  } else if (keys.length === 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('error', pattern, 'may not be an empty object');
  }
  for (const key of keys) {
    const want = pattern[key];
    if (typeof thrown[key] === 'string' && isRegExpValue(want) &&
        RegExp.prototype.exec.call(want, thrown[key]) !== null) {
      continue;
    }
    if (key in thrown && isDeepStrictEqual(thrown[key], want)) continue;
    if (message) {
      report({
        actual: thrown, expected: pattern, message, operator: caller.name, stackStartFn: caller,
      });
    }
    const err = failure({
      actual: new Comparison(thrown, keys),
      expected: new Comparison(pattern, keys, thrown),
      operator: 'deepStrictEqual',
      stackStartFn: caller,
    });
    throw Object.assign(err, { actual: thrown, expected: pattern, operator: caller.name });
  }
}

function describeClassMismatch(thrown, expected) {
  let text = `The error is expected to be an instance of "${expected.name}". Received `;
  if (!isErrorValue(thrown)) return `${text}"${inspect(thrown, { depth: -1 })}"`;
  const name = (thrown.constructor && thrown.constructor.name) || thrown.name;
  text += expected.name === name ?
    'an error with identical name but a different prototype.' : `"${name}"`;
  if (thrown.message) text += `\n\nError message:\n\n${thrown.message}`;
  return text;
}

// Checks what throws()/rejects() caught against `expected`: a RegExp, a
// validation object, a class or a validation function.
function checkCaught(thrown, spec, message, caller) {
  let problem;
  if (isRegExpValue(spec)) {
    const text = String(thrown);
    if (RegExp.prototype.exec.call(spec, text) !== null) return;
    problem = `The input did not match the regular expression ${inspect(spec)}. ` +
      `Input:\n\n${inspect(text)}\n`;
  } else if (typeof spec === 'object') {
    if (typeof thrown === 'object' && thrown !== null) {
      matchValidationObject(thrown, spec, message, caller);
      return;
    }
    const fields = {
      actual: thrown, expected: spec, message, operator: 'deepStrictEqual', stackStartFn: caller,
    };
    throw Object.assign(failure(fields), { operator: caller.name });
  } else if (spec.prototype !== undefined && thrown instanceof spec) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, spec)) {
    problem = describeClassMismatch(thrown, spec);
  } else {
    const verdict = Reflect.apply(spec, {}, [thrown]);
    if (verdict === true) return;
    const label = spec.name ? `"${spec.name}" ` : '';
    problem = `The ${label}validation function is expected to return "true". ` +
      `Received ${inspect(verdict)}`;
    if (isErrorValue(thrown)) problem += `\n\nCaught error:\n\n${thrown}`;
  }
  throw failure({
    actual: thrown,
    expected: spec,
    message: message || problem,
    operator: caller.name,
    stackStartFn: caller,
  }, !message);
}

function runForThrow(block) {
  validateFunction(block, 'fn');
  try {
    block();
  } catch (err) {
    return err;
  }
  return kNothingThrown;
}

async function waitForRejection(subject) {
  let pending = subject;
  if (typeof subject === 'function') {
    pending = subject();
    if (!isThenable(pending)) {
      throw new codes.ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', pending);
    }
  } else if (!isThenable(subject)) {
    throw new codes.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], subject);
  }
  try {
    await pending;
  } catch (err) {
    return err;
  }
  return kNothingThrown;
}

// The shared part of throws() and rejects() once the outcome is known.
function expectFailure(caller, thrown, args) {
  let [expected, message] = args;
  if (typeof expected === 'string') {
    if (args.length > 1) {
      throw new codes.ERR_INVALID_ARG_TYPE('error', kErrorArgTypes, expected);
    }
    // A string in the place of `expected` is the message; it must not be
    // mistaken for the error's own message.
    if (typeof thrown === 'object' && thrown !== null) {
      if (thrown.message === expected) {
        throw new codes.ERR_AMBIGUOUS_ARGUMENT(
          'error/message', `The error message "${thrown.message}" is identical to the message.`);
      }
    } else if (thrown === expected) {
      throw new codes.ERR_AMBIGUOUS_ARGUMENT(
        'error/message', `The error "${thrown}" is identical to the message.`);
    }
    message = expected;
    expected = undefined;
  } else if (expected != null && typeof expected !== 'object' && typeof expected !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('error', kErrorArgTypes, expected);
  }

  if (thrown === kNothingThrown) {
    const what = caller === rejects ? 'rejection' : 'exception';
    const named = expected && expected.name ? ` (${expected.name})` : '';
    const tail = message ? `: ${message}` : '.';
    report({
      actual: undefined,
      expected,
      operator: caller.name,
      message: `Missing expected ${what}${named}${tail}`,
      stackStartFn: caller,
    });
  }
  if (expected) checkCaught(thrown, expected, message, caller);
}

// For doesNotThrow()/doesNotReject(): whether the caught value is the kind
// the caller said must not happen.
function isUnwanted(thrown, spec) {
  if (isRegExpValue(spec)) return RegExp.prototype.exec.call(spec, String(thrown)) !== null;
  if (typeof spec !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], spec);
  }
  if (spec.prototype !== undefined && thrown instanceof spec) return true;
  // Error classes that did not match are not called as validation functions.
  if (Object.prototype.isPrototypeOf.call(Error, spec)) return false;
  return Reflect.apply(spec, {}, [thrown]) === true;
}

function expectSuccess(caller, thrown, expected, message) {
  if (thrown === kNothingThrown) return;
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  if (expected && !isUnwanted(thrown, expected)) throw thrown;
  const what = caller === doesNotReject ? 'rejection' : 'exception';
  report({
    actual: thrown,
    expected,
    operator: caller.name,
    message: `Got unwanted ${what}${message ? `: ${message}` : '.'}\n` +
      `Actual message: "${thrown && thrown.message}"`,
    stackStartFn: caller,
  });
}

function throws(block, ...rest) {
  expectFailure(throws, runForThrow(block), rest);
}

async function rejects(subject, ...rest) {
  expectFailure(rejects, await waitForRejection(subject), rest);
}

function doesNotThrow(block, ...rest) {
  expectSuccess(doesNotThrow, runForThrow(block), ...rest);
}

async function doesNotReject(subject, ...rest) {
  expectSuccess(doesNotReject, await waitForRejection(subject), ...rest);
}

// Joins the frames of `original` under those of `err`, dropping the frames
// both share, so the stack shows where the unwanted error came from.
function spliceStacks(err, original) {
  const from = original.indexOf('\n    at');
  if (from === -1) return;
  const originalFrames = original.slice(from + 1).split('\n');
  let ownFrames = err.stack.split('\n');
  for (const frame of originalFrames) {
    const at = ownFrames.indexOf(frame);
    if (at !== -1) {
      ownFrames = ownFrames.slice(0, at);
      break;
    }
  }
  err.stack = `${ownFrames.join('\n')}\n${originalFrames.join('\n')}`;
}

function ifError(value) {
  if (value === null || value === undefined) return;
  let said = inspect(value);
  if (typeof value === 'object' && typeof value.message === 'string') {
    said = value.message === '' && value.constructor ? value.constructor.name : value.message;
  }
  const err = failure({
    actual: value,
    expected: null,
    operator: 'ifError',
    message: `ifError got unwanted exception: ${said}`,
    stackStartFn: ifError,
  });
  if (typeof value.stack === 'string') spliceStacks(err, value.stack);
  throw err;
}

function mismatchText(wantMatch, input, pattern) {
  if (typeof input !== 'string') {
    return 'The "string" argument must be of type string. Received type ' +
      `${typeof input} (${inspect(input)})`;
  }
  const lead = wantMatch ? 'The input did not match the regular expression ' :
    'The input was expected to not match the regular expression ';
  return `${lead}${inspect(pattern)}. Input:\n\n${inspect(input)}\n`;
}

function checkMatch(caller, wantMatch, input, pattern, message) {
  if (!isRegExpValue(pattern)) throw new codes.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', pattern);
  if (typeof input === 'string' &&
      (RegExp.prototype.exec.call(pattern, input) !== null) === wantMatch) {
    return;
  }
  report({
    actual: input,
    expected: pattern,
    message: message || mismatchText(wantMatch, input, pattern),
    operator: caller.name,
    stackStartFn: caller,
  }, !message);
}

function match(input, pattern, message) {
  checkMatch(match, true, input, pattern, message);
}

function doesNotMatch(input, pattern, message) {
  checkMatch(doesNotMatch, false, input, pattern, message);
}

Object.assign(assert, {
  throws, rejects, doesNotThrow, doesNotReject, ifError, match, doesNotMatch, CallTracker,
});

// assert.strict: the same module with the loose checks swapped for the
// strict ones, itself callable like ok().
function strict(...args) {
  checkTruthy(strict, args.length, ...args);
}
Object.assign(strict, assert);
for (const [loose, strictTwin] of [['equal', 'strictEqual'], ['notEqual', 'notStrictEqual'],
  ['deepEqual', 'deepStrictEqual'], ['notDeepEqual', 'notDeepStrictEqual']]) {
  strict[loose] = assert[strictTwin];
}
strict.strict = strict;
assert.strict = strict;
