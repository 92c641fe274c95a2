// node:assert and node:assert/strict: checks that throw AssertionError with Node 20's messages.
'use strict';

const { codes } = require('./internal/errors');
const { AssertionError } = require('./internal/assert/assertion_error');
const { inspect } = require('./internal/util/inspect');
const { isDeepEqual, isDeepStrictEqual } = require('./internal/util/comparisons');
const { validateFunction } = require('./internal/validators');

// What waitForThrow()/waitForRejection() report when nothing was thrown; no
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

// Throws the failure: a user-supplied Error replaces the AssertionError.
function report(fields, generatedMessage) {
  if (fields.message instanceof Error) throw fields.message;
  const err = new AssertionError(fields);
  if (generatedMessage !== undefined) err.generatedMessage = generatedMessage;
  throw err;
}

// ok() and the callable assert()/assert.strict(): a falsy value fails.
function checkTruthy(caller, argCount, value, message) {
  if (value) return;
  let generated = false;
  if (argCount === 0) {
    generated = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    // Node quotes the failing expression from the caller's source file; with
    // no source access here the message shows the value instead.
    generated = true;
    const callee = caller === ok ? 'assert.ok' : 'assert';
    message = `The expression evaluated to a falsy value:\n\n  ${callee}(${inspect(value)})\n`;
  }
  report({ actual: value, expected: true, message, operator: '==', stackStartFn: caller }, generated);
}

function ok(...args) {
  checkTruthy(ok, args.length, ...args);
}

const assert = ok;
module.exports = assert;
assert.ok = ok;
assert.AssertionError = AssertionError;

let failWarned = false;

function fail(actual, expected, message, operator, stackStartFn) {
  const argCount = arguments.length;
  if (argCount === 0 || (argCount === 1 && actual == null)) {
    report({ message: 'Failed', operator: 'fail', stackStartFn: fail }, true);
  }
  if (argCount === 1) {
    report({ message: actual, operator: 'fail', stackStartFn: fail });
  }
  // The old form fail(actual, expected, message, operator, stackStartFn).
  if (!failWarned) {
    failWarned = true;
    if (typeof process === 'object' && process !== null && typeof process.emitWarning === 'function') {
      process.emitWarning(
        'assert.fail() with more than one argument is deprecated. ' +
        'Please use assert.strictEqual() instead or only pass a message.',
        'DeprecationWarning', 'DEP0094');
    }
  }
  if (argCount === 2) operator = '!=';
  report({
    actual,
    expected,
    message,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
  });
}
assert.fail = fail;

// The two-value checks: name, the operator their errors carry, and whether
// the pair passes.
const kPairChecks = [
  ['equal', '==', (a, b) => a == b || (Number.isNaN(a) && Number.isNaN(b))], // eslint-disable-line eqeqeq
  ['notEqual', '!=', (a, b) => !(a == b || (Number.isNaN(a) && Number.isNaN(b)))], // eslint-disable-line eqeqeq
  ['strictEqual', 'strictEqual', (a, b) => Object.is(a, b)],
  ['notStrictEqual', 'notStrictEqual', (a, b) => !Object.is(a, b)],
  ['deepEqual', 'deepEqual', isDeepEqual],
  ['notDeepEqual', 'notDeepEqual', (a, b) => !isDeepEqual(a, b)],
  ['deepStrictEqual', 'deepStrictEqual', isDeepStrictEqual],
  ['notDeepStrictEqual', 'notDeepStrictEqual', (a, b) => !isDeepStrictEqual(a, b)],
];

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
      report({ actual: thrown, expected: pattern, message, operator: caller.name, stackStartFn: caller });
    }
    const err = new AssertionError({
      actual: new Comparison(thrown, keys),
      expected: new Comparison(pattern, keys, thrown),
      operator: 'deepStrictEqual',
      stackStartFn: caller,
    });
    err.actual = thrown;
    err.expected = pattern;
    err.operator = caller.name;
    throw err;
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
function checkCaught(thrown, expected, message, caller) {
  let problem;
  if (typeof expected !== 'function') {
    if (isRegExpValue(expected)) {
      const text = String(thrown);
      if (RegExp.prototype.exec.call(expected, text) !== null) return;
      problem = `The input did not match the regular expression ${inspect(expected)}. ` +
        `Input:\n\n${inspect(text)}\n`;
    } else if (typeof thrown !== 'object' || thrown === null) {
      const err = new AssertionError({
        actual: thrown, expected, message, operator: 'deepStrictEqual', stackStartFn: caller,
      });
      err.operator = caller.name;
      throw err;
    } else {
      matchValidationObject(thrown, expected, message, caller);
      return;
    }
  } else if (expected.prototype !== undefined && thrown instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    problem = describeClassMismatch(thrown, expected);
  } else {
    const verdict = Reflect.apply(expected, {}, [thrown]);
    if (verdict === true) return;
    const label = expected.name ? `"${expected.name}" ` : '';
    problem = `The ${label}validation function is expected to return "true". ` +
      `Received ${inspect(verdict)}`;
    if (isErrorValue(thrown)) problem += `\n\nCaught error:\n\n${thrown}`;
  }
  const err = new AssertionError({
    actual: thrown,
    expected,
    message: message || problem,
    operator: caller.name,
    stackStartFn: caller,
  });
  err.generatedMessage = !message;
  throw err;
}

function runForThrow(fn) {
  validateFunction(fn, 'fn');
  try {
    fn();
  } catch (err) {
    return err;
  }
  return kNothingThrown;
}

async function waitForRejection(promiseFn) {
  let pending;
  if (typeof promiseFn === 'function') {
    pending = promiseFn();
    if (!isThenable(pending)) {
      throw new codes.ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', pending);
    }
  } else if (isThenable(promiseFn)) {
    pending = promiseFn;
  } else {
    throw new codes.ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
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
    const what = caller === assert.rejects ? 'rejection' : 'exception';
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
function isUnwanted(thrown, expected) {
  if (typeof expected !== 'function') {
    if (isRegExpValue(expected)) return RegExp.prototype.exec.call(expected, String(thrown)) !== null;
    throw new codes.ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && thrown instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [thrown]) === true;
}

function expectSuccess(caller, thrown, expected, message) {
  if (thrown === kNothingThrown) return;
  if (typeof expected === 'string') {
    message = expected;
    expected = undefined;
  }
  if (expected && !isUnwanted(thrown, expected)) throw thrown;
  const what = caller === assert.doesNotReject ? 'rejection' : 'exception';
  report({
    actual: thrown,
    expected,
    operator: caller.name,
    message: `Got unwanted ${what}${message ? `: ${message}` : '.'}\n` +
      `Actual message: "${thrown && thrown.message}"`,
    stackStartFn: caller,
  });
}

assert.throws = function throws(fn, ...rest) {
  expectFailure(throws, runForThrow(fn), rest);
};

assert.rejects = async function rejects(promiseFn, ...rest) {
  expectFailure(rejects, await waitForRejection(promiseFn), rest);
};

assert.doesNotThrow = function doesNotThrow(fn, ...rest) {
  expectSuccess(doesNotThrow, runForThrow(fn), ...rest);
};

assert.doesNotReject = async function doesNotReject(fn, ...rest) {
  expectSuccess(doesNotReject, await waitForRejection(fn), ...rest);
};

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

assert.ifError = function ifError(err) {
  if (err === null || err === undefined) return;
  let said;
  if (typeof err === 'object' && typeof err.message === 'string') {
    said = err.message.length === 0 && err.constructor ? err.constructor.name : err.message;
  } else {
    said = inspect(err);
  }
  const failure = new AssertionError({
    actual: err,
    expected: null,
    operator: 'ifError',
    message: `ifError got unwanted exception: ${said}`,
    stackStartFn: ifError,
  });
  if (typeof err.stack === 'string') spliceStacks(failure, err.stack);
  throw failure;
};

function checkMatch(caller, wantMatch, string, regexp, message) {
  if (!isRegExpValue(regexp)) throw new codes.ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  if (typeof string === 'string' &&
      (RegExp.prototype.exec.call(regexp, string) !== null) === wantMatch) {
    return;
  }
  if (message instanceof Error) throw message;
  let text = message;
  if (!text) {
    if (typeof string !== 'string') {
      text = 'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})`;
    } else {
      const lead = wantMatch ? 'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ';
      text = `${lead}${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
    }
  }
  report({ actual: string, expected: regexp, message: text, operator: caller.name, stackStartFn: caller },
         !message);
}

assert.match = function match(string, regexp, message) {
  checkMatch(match, true, string, regexp, message);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  checkMatch(doesNotMatch, false, string, regexp, message);
};

// assert.strict: the same module with the loose checks swapped for the
// strict ones, itself callable like ok().
function strict(...args) {
  checkTruthy(strict, args.length, ...args);
}
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  notEqual: assert.notStrictEqual,
  deepEqual: assert.deepStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
