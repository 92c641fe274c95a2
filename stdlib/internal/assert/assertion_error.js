// AssertionError: the error node:assert throws, with Node's message texts and its line diff.
'use strict';

const { inspect } = require('../util/inspect');
const { validateObject } = require('../validators');

// Message headers, keyed by operator (some with a variant suffix).
const kHeaders = {
  __proto__: null,
  identity: 'Expected values to be strictly equal:',
  reference: 'Expected "actual" to be reference-equal to "expected":',
  deep: 'Expected values to be strictly deep-equal:',
  looseDeep: 'Expected values to be loosely deep-equal:',
  notIdentity: 'Expected "actual" to be strictly unequal to:',
  notReference: 'Expected "actual" not to be reference-equal to "expected":',
  notDeep: 'Expected "actual" not to be strictly deep-equal to:',
  notLooseDeep: 'Expected "actual" not to be loosely deep-equal to:',
  notLooseDeepDiffering: 'Expected values not to be loosely deep-equal:',
  sameLooking: 'Values have same structure but are not reference-equal:',
};

// Diff markers are colored when stderr is a color terminal.
const kPlainMarks = { add: '', del: '', note: '', end: '' };
const kColorMarks = { add: '\u001b[32m', del: '\u001b[31m', note: '\u001b[34m', end: '\u001b[39m' };

function pickMarks() {
  const stderr = typeof process === 'object' && process !== null ? process.stderr : undefined;
  const colored = stderr && stderr.isTTY &&
    typeof stderr.hasColors === 'function' && stderr.hasColors();
  return colored ? kColorMarks : kPlainMarks;
}

const legend = (m) => `\n${m.add}+ actual${m.end} ${m.del}- expected${m.end}`;
const ellipsis = (m) => `${m.note}...${m.end}`;
const skippedNote = (m) => ` ${ellipsis(m)} Lines skipped`;

// Two one-line primitives whose texts are this short together are shown as
// `a !== b` instead of a diff.
const kShortPairLength = 12;
// Shown values longer than this many lines are cut (see truncateLines).
const kLongValueLines = 50;
// A diff stops once this many lines are printed.
const kMaxDiffLines = 50;

// Every compared value is shown in full: no depth or length limits, sorted
// keys and one entry per line, so that lines of both sides can be matched.
const kShowOptions = {
  compact: false,
  customInspect: false,
  depth: 1000,
  maxArrayLength: Infinity,
  showHidden: false,
  showProxy: false,
  sorted: true,
  getters: true,
};

function show(value) {
  return inspect(value, kShowOptions);
}

function isReference(value) {
  return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function isObjectValue(value) {
  return typeof value === 'object' && value !== null;
}

function bothObjectsOrFunctions(a, b) {
  if (typeof a === 'function') return typeof b === 'function';
  return isObjectValue(a) && isObjectValue(b);
}

// Keeps the first 46 lines of a long value and marks the cut.
function truncateLines(lines, m) {
  if (lines.length > kLongValueLines) {
    lines.length = 46;
    lines.push(ellipsis(m));
  }
  return lines;
}

function clip(text, limit) {
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

function terminalWidth() {
  const stderr = typeof process === 'object' && process !== null ? process.stderr : undefined;
  return stderr && stderr.isTTY ? stderr.columns : 80;
}

// Shown below a one-line diff: a caret under the first differing character.
function caretLine(left, right) {
  let at = 0;
  while (at < left.length && left[at] === right[at]) at++;
  return at > 2 ? `\n  ${' '.repeat(at)}^` : '';
}

// Each diff line starts on a line of its own.
function asLines(lines) {
  let text = '';
  for (const line of lines) text += `\n${line}`;
  return text;
}

// Renders the unchanged lines seen since the last change, once a change
// follows them. The first two were printed as they came; of the rest only
// the last ones are kept, with `...` when more than three are left out.
function flushUnchanged(count, source, index, body, m) {
  const hidden = count - 2;
  if (hidden <= 0) return false;
  let keep = hidden;
  let skipped = false;
  if (hidden >= 4) {
    body.push(ellipsis(m));
    keep = 2;
    skipped = true;
  }
  for (let k = keep; k >= 1; k--) body.push(`  ${source[index - k]}`);
  body.printed += keep;
  return skipped;
}

// The message of strictEqual/deepStrictEqual: a short `a !== b`, a note for
// values that look the same, or a line diff of both inspected values.
function diffMessage(actual, expected, operator, m, customHeader) {
  const left = show(actual).split('\n');
  const right = show(expected).split('\n');
  let kind = operator === 'deepStrictEqual' ? 'deep' : 'identity';
  if (kind === 'identity' && bothObjectsOrFunctions(actual, expected)) kind = 'reference';
  const header = customHeader === undefined ? kHeaders[kind] : customHeader;

  let caret = '';
  if (left.length === 1 && right.length === 1 && left[0] !== right[0]) {
    const width = left[0].length + right[0].length;
    if (width <= kShortPairLength) {
      if (!isObjectValue(actual) && !isObjectValue(expected) &&
          !(actual === 0 && expected === 0)) {
        return `${header}\n\n${left[0]} !== ${right[0]}\n`;
      }
    } else if (kind !== 'reference' && width < terminalWidth()) {
      caret = caretLine(left[0], right[0]);
    }
  }

  // The common last lines are set aside: up to three are printed after the
  // diff, preceded by `...` and the first of them when there are five or more.
  let tail = '';
  let topOfTail = null;
  let common = 0;
  while (left.length > 0 && right.length > 0 && left[left.length - 1] === right[right.length - 1]) {
    const line = left.pop();
    right.pop();
    if (common < 3) tail = `\n  ${line}${tail}`;
    else topOfTail = line;
    common++;
  }
  if (left.length === 0 && right.length === 0) {
    const whole = truncateLines(show(actual).split('\n'), m);
    return `${kHeaders.sameLooking}\n\n${whole.join('\n')}\n`;
  }
  let skipped = false;
  if (common >= 5) {
    tail = `\n${ellipsis(m)}${tail}`;
    skipped = true;
  }
  if (topOfTail !== null) tail = `\n  ${topOfTail}${tail}`;

  // Lines are compared position by position. Lines of `actual` go straight
  // into the body; lines of `expected` wait in `minus` until an unchanged
  // line follows, so that each changed block reads `+` lines, then `-` lines.
  const body = [];
  body.printed = 0;
  let minus = [];
  let unchanged = 0;
  const longer = left.length >= right.length ? left : right;
  const shared = Math.min(left.length, right.length);
  const total = longer.length;
  for (let i = 0; i < total; i++) {
    if (i >= shared) {
      if (flushUnchanged(unchanged, longer, i, body, m)) skipped = true;
      unchanged = 0;
      if (longer === left) body.push(`${m.add}+${m.end} ${left[i]}`);
      else minus.push(`${m.del}-${m.end} ${right[i]}`);
      body.printed++;
    } else {
      let mine = left[i];
      const theirs = right[i];
      // A trailing comma alone does not make two lines differ.
      let same = mine === theirs || (mine.endsWith(',') && mine.slice(0, -1) === theirs);
      if (!same && theirs.endsWith(',') && theirs.slice(0, -1) === mine) {
        same = true;
        mine += ',';
      }
      if (same) {
        for (const line of minus) body.push(line);
        minus = [];
        unchanged++;
        if (unchanged <= 2) {
          body.push(`  ${mine}`);
          body.printed++;
        }
      } else {
        if (flushUnchanged(unchanged, longer, i, body, m)) skipped = true;
        unchanged = 0;
        body.push(`${m.add}+${m.end} ${mine}`);
        minus.push(`${m.del}-${m.end} ${theirs}`);
        body.printed += 2;
      }
    }
    if (body.printed > kMaxDiffLines && i < total - 2) {
      return `${header}${legend(m)}${skippedNote(m)}\n${asLines(body)}\n${ellipsis(m)}` +
        `${asLines(minus)}\n${ellipsis(m)}`;
    }
  }
  const note = skipped ? skippedNote(m) : '';
  return `${header}${legend(m)}${note}\n${asLines(body)}${asLines(minus)}${tail}${caret}`;
}

// notStrictEqual/notDeepStrictEqual: both sides are the same, so one is shown.
function sameValueMessage(actual, operator, m) {
  let header = kHeaders.notDeep;
  if (operator === 'notStrictEqual') {
    header = isReference(actual) ? kHeaders.notReference : kHeaders.notIdentity;
  }
  const lines = truncateLines(show(actual).split('\n'), m);
  if (lines.length > 1) return `${header}\n\n${lines.join('\n')}\n`;
  return `${header}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
}

// Every other operator shows both values in full (within limits).
function looseMessage(actual, expected, operator) {
  const shownActual = show(actual);
  const shownExpected = show(expected);
  if (operator === 'notDeepEqual' && shownActual === shownExpected) {
    return clip(`${kHeaders.notLooseDeep}\n\n${shownActual}`, 1024);
  }
  const a = clip(shownActual, 512);
  const b = clip(shownExpected, 512);
  switch (operator) {
    case 'deepEqual':
      return `${kHeaders.looseDeep}\n\n${a}\n\nshould loosely deep-equal\n\n${b}`;
    case 'notDeepEqual':
      return `${kHeaders.notLooseDeepDiffering}\n\n${a}\n\nshould not loosely deep-equal\n\n${b}`;
    default:
      return `${a} ${operator} ${b}`;
  }
}

function generatedMessageFor(actual, expected, operator, m) {
  switch (operator) {
    case 'strictEqual':
    case 'deepStrictEqual':
      return diffMessage(actual, expected, operator, m);
    case 'notStrictEqual':
    case 'notDeepStrictEqual':
      return sameValueMessage(actual, operator, m);
    default:
      return looseMessage(actual, expected, operator);
  }
}

// Shortens a string value for the error's own inspect output: the message
// already shows it. (Over 512 characters Node keeps the part after them.)
function shortenForInspect(value) {
  if (typeof value !== 'string') return value;
  const lines = value.split('\n', 11);
  if (lines.length > 10) return `${lines.slice(0, 10).join('\n')}\n...`;
  if (value.length > 512) return `${value.slice(512)}...`;
  return value;
}

// Runs `build` with Error.stackTraceLimit at 0 (when it can be changed), so
// that the message is made without collecting a stack that is replaced anyway.
function withoutStack(build) {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  const adjustable = desc === undefined ? Object.isExtensible(Error) :
    (desc.writable === true || desc.set !== undefined);
  if (!adjustable) return build();
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = saved;
  }
}

function isStackedError(value) {
  return typeof value === 'object' && value !== null && value instanceof Error && 'stack' in value;
}

// Same prototype, enumerable own fields and message, but no own stack.
function stacklessCopy(err) {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(err)), err);
  Object.defineProperty(copy, 'message', { __proto__: null, value: err.message });
  return copy;
}

function nameError(err, name) {
  Object.defineProperty(err, 'name', {
    __proto__: null, value: name, writable: true, enumerable: false, configurable: true,
  });
}

// V8 formats a captured stack when it is first read; reading it at once
// keeps the name the stack was captured under.
function formatStackNow(err) {
  return typeof err.stack;
}

// With `details` (several failures in one error) each one's fields are
// numbered and the plain fields stay undefined.
function detailFields(details) {
  const fields = { actual: undefined, expected: undefined, operator: undefined };
  details.forEach((detail, i) => {
    fields[`message ${i}`] = detail.message;
    fields[`actual ${i}`] = detail.actual;
    fields[`expected ${i}`] = detail.expected;
    fields[`operator ${i}`] = detail.operator;
    fields[`stack trace ${i}`] = detail.stack;
  });
  return fields;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, 'options');
    const { message, operator, details } = options;
    const stackStart = options.stackStartFn || options.stackStartFunction;
    const { actual, expected } = options;
    // In a generated message two errors are shown without their stacks.
    let shownActual = actual;
    let shownExpected = expected;
    if (isStackedError(actual) && isStackedError(expected)) {
      shownActual = stacklessCopy(actual);
      shownExpected = stacklessCopy(expected);
    }

    withoutStack(() => {
      let text;
      const strictDiff = operator === 'strictEqual' || operator === 'deepStrictEqual';
      if (message === undefined || message === null || (strictDiff && !message)) {
        text = generatedMessageFor(shownActual, shownExpected, operator, pickMarks());
      } else if (strictDiff) {
        // The two strict equality checks keep their diff under a custom
        // message, which then takes the header's place.
        text = diffMessage(actual, expected, operator, pickMarks(), String(message));
      } else {
        text = String(message);
      }
      super(text);
    });

    // While the stack is captured, the name carries the code, as in
    // `AssertionError [ERR_ASSERTION]: message`.
    nameError(this, 'AssertionError [ERR_ASSERTION]');
    Object.assign(this, { generatedMessage: !message, code: 'ERR_ASSERTION' },
                  details ? detailFields(details) : { actual, expected, operator });
    if (typeof Error.captureStackTrace === 'function') {
      Error.captureStackTrace(this, stackStart);
    }
    formatStackNow(this);
    nameError(this, 'AssertionError');
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](depth, ctx) {
    const savedActual = this.actual;
    const savedExpected = this.expected;
    this.actual = shortenForInspect(savedActual);
    this.expected = shortenForInspect(savedExpected);
    try {
      return inspect(this, { ...ctx, customInspect: false, depth: 0 });
    } finally {
      this.actual = savedActual;
      this.expected = savedExpected;
    }
  }
}

module.exports = { AssertionError };
