// AssertionError: the error thrown by node:assert, with Node's messages and a line diff.
'use strict';

const { inspect } = require('../util/inspect');
const { validateObject } = require('../validators');
const { isErrorStackTraceLimitWritable } = require('../errors');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject:
    'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values identical but not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Values shorter than this (together) are shown as "a !== b".
const kMaxShortLength = 12;

function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function addEllipsis(string) {
  const lines = string.split('\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join('\n')}\n...`;
  } else if (string.length > 512) {
    return `${string.slice(512)}...`;
  }
  return string;
}

// Longest-common-subsequence line diff; returns [op, line] pairs where op
// is ' ', '+' (actual only) or '-' (expected only).
function diffLines(actual, expected) {
  const n = actual.length;
  const m = expected.length;
  if (n * m > 4e6) {
    // Too large for a table: show everything as changed.
    return actual.map((l) => ['+', l]).concat(expected.map((l) => ['-', l]));
  }
  const lcs = [];
  for (let i = 0; i <= n; i++) lcs.push(new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = actual[i] === expected[j] ?
        lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (actual[i] === expected[j]) {
      out.push([' ', actual[i]]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push(['+', actual[i++]]);
    } else {
      out.push(['-', expected[j++]]);
    }
  }
  while (i < n) out.push(['+', actual[i++]]);
  while (j < m) out.push(['-', expected[j++]]);
  return out;
}

function createErrDiff(actual, expected, operator, customMessage) {
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split('\n');
  const expectedLines = inspectValue(expected).split('\n');

  // Two objects (or functions) that are not the same reference.
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null &&
        typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }

  if (actualLines.length === 1 && expectedLines.length === 1 &&
    actualLines[0] !== expectedLines[0]) {
    const inputLength = actualLines[0].length + expectedLines[0].length;
    if (inputLength <= kMaxShortLength) {
      if ((typeof actual !== 'object' || actual === null) &&
          (typeof expected !== 'object' || expected === null) &&
          (actual !== 0 || expected !== 0)) {
        return `${customMessage !== undefined ? customMessage : kReadableOperator[operator]}\n\n` +
            `${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    }
  }

  if (actualInspected === expectedLines.join('\n')) {
    // Same structure but different identity (or -0 vs 0 etc.).
    let base = operator === 'strictEqualObject' ?
      'Values have same structure but are not reference-equal:' :
      kReadableOperator.notIdentical;
    if (operator !== 'strictEqualObject' && operator !== 'deepStrictEqual' &&
        operator !== 'strictEqual') {
      base = kReadableOperator.notIdentical;
    }
    if (actualLines.length > 50) {
      actualLines.length = 50;
      actualLines.push('...');
    }
    if (customMessage !== undefined) base = customMessage;
    return `${base}\n\n${actualLines.join('\n')}\n`;
  }

  let header = `${customMessage !== undefined ? customMessage : kReadableOperator[operator]}\n+ actual - expected`;
  const diff = diffLines(actualLines, expectedLines);
  // Long runs of unchanged lines are shortened to their edges.
  const lines = [];
  let skipped = false;
  for (let k = 0; k < diff.length; k++) {
    const [op, line] = diff[k];
    if (op === ' ') {
      let near = false;
      for (let d = -2; d <= 2; d++) {
        const other = diff[k + d];
        if (other !== undefined && other[0] !== ' ') near = true;
      }
      if (!near && diff.length > 10) {
        if (lines[lines.length - 1] !== '...') lines.push('...');
        skipped = true;
        continue;
      }
      lines.push(`  ${line}`);
    } else {
      lines.push(`${op} ${line}`);
    }
  }
  if (skipped) header += ' ... Lines skipped';
  return `${header}\n\n${lines.join('\n')}`;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const {
      message,
      operator,
      stackStartFn,
      details,
      // Compatibility with older versions.
      stackStartFunction,
    } = options;
    let {
      actual,
      expected,
    } = options;

    const limit = Error.stackTraceLimit;
    const writable = isErrorStackTraceLimitWritable();
    if (writable) Error.stackTraceLimit = 0;

    if (message != null) {
      // Node keeps the diff of (deep)strictEqual under a custom message.
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(createErrDiff(actual, expected, operator, String(message)));
      } else {
        super(String(message));
      }
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
      super(createErrDiff(actual, expected, operator));
    } else if (operator === 'notDeepStrictEqual' ||
               operator === 'notStrictEqual') {
      // Both values are the same here, so only one is shown.
      let base = kReadableOperator[operator];
      const res = inspectValue(actual).split('\n');

      if (operator === 'notStrictEqual' &&
          ((typeof actual === 'object' && actual !== null) ||
           typeof actual === 'function')) {
        base = kReadableOperator.notStrictEqualObject;
      }

      if (res.length > 50) {
        res[46] = '...';
        while (res.length > 47) {
          res.pop();
        }
      }

      if (res.length === 1) {
        super(`${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`);
      } else {
        super(`${base}\n\n${res.join('\n')}\n`);
      }
    } else {
      let res = inspectValue(actual);
      let other = inspectValue(expected);
      const knownOperator = kReadableOperator[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${knownOperator}\n\n${res}`;
        if (res.length > 1024) {
          res = `${res.slice(0, 1021)}...`;
        }
        super(res);
      } else {
        if (res.length > 512) {
          res = `${res.slice(0, 509)}...`;
        }
        if (other.length > 512) {
          other = `${other.slice(0, 509)}...`;
        }
        if (operator === 'deepEqual') {
          res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else {
          const newOp = kReadableOperator[`${operator}Unequal`];
          if (newOp) {
            res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
          } else {
            other = ` ${operator} ${other}`;
          }
        }
        super(`${res}${other}`);
      }
    }

    if (writable) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', {
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this['message ' + i] = details[i].message;
        this['actual ' + i] = details[i].actual;
        this['expected ' + i] = details[i].expected;
        this['operator ' + i] = details[i].operator;
        this['stack trace ' + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    }
    // The stack is formatted now, while the name carries the code.
    // eslint-disable-next-line no-unused-expressions
    this.stack;
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    // Long strings are shortened and nested values kept shallow: the message
    // already shows them.
    const tmpActual = this.actual;
    const tmpExpected = this.expected;

    if (typeof this.actual === 'string') {
      this.actual = addEllipsis(this.actual);
    }
    if (typeof this.expected === 'string') {
      this.expected = addEllipsis(this.expected);
    }

    const result = inspect(this, {
      ...ctx,
      customInspect: false,
      depth: 0,
    });

    this.actual = tmpActual;
    this.expected = tmpExpected;

    return result;
  }
}

module.exports = { AssertionError, inspectValue };
