// node:console: the Console class and the global console, writing each call synchronously to its stream.
'use strict';

const { codes } = require('./internal/errors');
const {
  validateArray,
  validateInteger,
  validateObject,
  validateOneOf,
} = require('./internal/validators');
const {
  inspect,
  formatWithOptions,
  getStringWidth,
} = require('./internal/util/inspect');
const process = require('./process');
const processEnv = require('./internal/process/env');
const {
  PlainWriter, consoleStream, stdioStream,
} = require('./internal/process/stdio');
const { emitProcessWarning } = require('./internal/process/warning');

// Everything a console keeps besides its streams sits in one record under
// this symbol, so instances carry only the properties Node documents.
const kState = Symbol('kConsoleState');

const kDefaultIndent = 2;
const kIndentLimit = 1000;

// Shared inspect options for the two colour choices when the user gave none.
const kWithColors = { colors: true };
const kWithoutColors = {};

function warn(message) {
  emitProcessWarning(message);
}

function ignore() {}

function isCallStackExhausted(err) {
  return err instanceof RangeError &&
    err.message === 'Maximum call stack size exceeded';
}

function newState(ignoreErrors, colorMode, inspectOptions, indentWidth) {
  return {
    ignoreErrors: Boolean(ignoreErrors),
    colorMode,
    inspectOptions,
    indentWidth,
    indent: '',
    counters: new Map(),
    timers: new Map(),
  };
}

// --- The write path -------------------------------------------------------

// Writes one formatted call to the chosen stream: group indentation on every
// line, a trailing newline, and failures swallowed unless asked otherwise.
function emitLine(target, toStderr, text) {
  const state = target[kState];
  let stream = toStderr ? target._stderr : target._stdout;
  if (stream === undefined || stream === null) return;

  const { indent } = state;
  let chunk = text;
  if (indent.length > 0) {
    chunk = indent + (chunk.includes('\n') ?
      chunk.split('\n').join(`\n${indent}`) : chunk);
  }
  chunk += '\n';

  if (stream instanceof PlainWriter) {
    if (stream.tryWrite(chunk)) return;
    stream = stdioStream(stream.fd);
  }
  if (!state.ignoreErrors) {
    stream.write(chunk);
    return;
  }
  writeIgnoringErrors(stream, chunk);
}

function hasListenerApi(stream) {
  return typeof stream.listenerCount === 'function' &&
    typeof stream.once === 'function' &&
    typeof stream.removeListener === 'function';
}

// A stream with no 'error' listener would turn a failed write into an
// uncaught exception; during the write a no-op listener takes that role, and
// the completion callback installs one for a failure reported later, but
// only for the stream's first error: as in Node, a console that keeps
// writing to a closed pipe dies of the next EPIPE instead of spinning.
function writeIgnoringErrors(stream, chunk) {
  const guarded = hasListenerApi(stream) && stream.listenerCount('error') === 0;
  if (guarded) stream.once('error', ignore);
  try {
    stream.write(chunk, (err) => {
      if (err && hasListenerApi(stream) && stream.listenerCount('error') === 0 &&
          stream._writableState?.errorEmitted !== true) {
        stream.once('error', ignore);
      }
    });
  } catch (err) {
    // Running out of stack is a program bug, not an output failure.
    if (isCallStackExhausted(err)) throw err;
  } finally {
    if (guarded) stream.removeListener('error', ignore);
  }
}

// --- Colours and inspect options ------------------------------------------

function envForcesColor() {
  const forced = processEnv.FORCE_COLOR;
  if (forced === undefined) return undefined;
  return forced !== '0' && forced !== 'false';
}

// colorMode 'auto': FORCE_COLOR wins, otherwise a TTY with more than two
// colours (or one that cannot tell) gets coloured output. A stream that is
// not a TTY answers with its own falsy isTTY value, which matters below.
function streamWantsColor(stream) {
  const forced = envForcesColor();
  if (forced !== undefined) return forced;
  if (stream === undefined || stream === null) return undefined;
  if (!stream.isTTY) return stream.isTTY;
  if (typeof stream.getColorDepth !== 'function') return true;
  return stream.getColorDepth() > 2;
}

// The user's inspectOptions object is used as is; like Node, the first
// decided colour choice is written into it and then sticks (a stream without
// an isTTY property leaves it undecided).
function inspectOptionsFor(target, stream) {
  const { colorMode, inspectOptions } = target[kState];
  const colors = colorMode === 'auto' ? streamWantsColor(stream) : colorMode;
  if (inspectOptions === undefined) return colors ? kWithColors : kWithoutColors;
  if (inspectOptions.colors === undefined) inspectOptions.colors = colors;
  return inspectOptions;
}

function formatFor(target, toStderr, args) {
  const stream = toStderr ? target._stderr : target._stdout;
  return formatWithOptions(inspectOptionsFor(target, stream), ...args);
}

// --- Timers ---------------------------------------------------------------

function clockNow() {
  return process.hrtime();
}

function millisSince(start) {
  const [sec, nsec] = clockNow();
  return (sec - start[0]) * 1e3 + (nsec - start[1]) / 1e6;
}

function twoDigits(n) {
  return String(n).padStart(2, '0');
}

// Node's duration text: "12.345ms" below a second, "1.234s" below a minute,
// then clock notation tagged with its pattern, "1:02.345 (m:ss.mmm)" or
// "1:02:03.456 (h:mm:ss.mmm)".
function describeDuration(ms) {
  if (ms < 1e3) return `${Number(ms.toFixed(3))}ms`;
  if (ms < 6e4) return `${(ms / 1e3).toFixed(3)}s`;
  const hours = Math.floor(ms / 36e5);
  const minutes = Math.floor((ms % 36e5) / 6e4);
  const [whole, fraction] = ((ms % 6e4) / 1e3).toFixed(3).split('.');
  const clock = `${twoDigits(whole)}.${fraction}`;
  if (hours === 0) return `${minutes}:${clock} (m:ss.mmm)`;
  return `${hours}:${twoDigits(minutes)}:${clock} (h:mm:ss.mmm)`;
}

function reportTimer(target, method, label, extra) {
  const start = target[kState].timers.get(label);
  if (start === undefined) {
    warn(`No such label '${label}' for console.${method}()`);
    return false;
  }
  // The label goes through %s so that a '%' inside it stays literal.
  target.log('%s: %s', label, describeDuration(millisSince(start)), ...extra);
  return true;
}

// --- console.table --------------------------------------------------------

const kBox = {
  horizontal: '─',
  vertical: '│',
  top: ['┌', '┬', '┐'],
  middle: ['├', '┼', '┤'],
  bottom: ['└', '┴', '┘'],
};

const kIndexHeader = '(index)';
const kIterationHeader = '(iteration index)';
const kKeyHeader = 'Key';
const kValuesHeader = 'Values';

let nativeTypes;
let nativeUtil;
function natives() {
  if (nativeTypes === undefined) {
    // eslint-disable-next-line no-undef
    nativeTypes = internalBinding('types');
    // eslint-disable-next-line no-undef
    nativeUtil = internalBinding('util');
  }
}

// A column is a header plus cells addressed by row number; rows a column
// has no value for stay empty.
class TableColumn {
  constructor(header) {
    this.header = header;
    this.cells = [];
  }
}

function ruleLine(widths, [left, join, right]) {
  const segments = widths.map((w) => kBox.horizontal.repeat(w + 2));
  return left + segments.join(join) + right;
}

function contentLine(texts, widths) {
  const padded = texts.map((text, i) =>
    text + ' '.repeat(widths[i] - getStringWidth(text)));
  return `${kBox.vertical} ${padded.join(` ${kBox.vertical} `)} ${kBox.vertical}`;
}

// Lays the columns out as a box: header row, separator, one line per row,
// every cell padded on the right to its column's display width.
function drawTable(columns) {
  let rowCount = 0;
  for (const col of columns) rowCount = Math.max(rowCount, col.cells.length);

  const widths = columns.map((col) => {
    let width = getStringWidth(col.header);
    for (const cell of col.cells) {
      if (cell !== undefined) width = Math.max(width, getStringWidth(cell));
    }
    return width;
  });

  const lines = [
    ruleLine(widths, kBox.top),
    contentLine(columns.map((col) => col.header), widths),
    ruleLine(widths, kBox.middle),
  ];
  for (let row = 0; row < rowCount; row++) {
    lines.push(contentLine(columns.map((col) => col.cells[row] ?? ''), widths));
  }
  lines.push(ruleLine(widths, kBox.bottom));
  return lines.join('\n');
}

// Renders one cell value: objects with more than two keys collapse to their
// type, short ones (and any array or typed array) show one level; arrays
// show at most three items.
function cellText(target, value) {
  const shallow = value !== null && typeof value === 'object' &&
    !Array.isArray(value) && !nativeTypes.isTypedArray(value) &&
    Object.keys(value).length > 2;
  return inspect(value, {
    depth: shallow ? -1 : 0,
    maxArrayLength: 3,
    breakLength: Infinity,
    ...inspectOptionsFor(target, target._stdout),
  });
}

function iterationIndexColumn(target, count) {
  const col = new TableColumn(kIterationHeader);
  for (let i = 0; i < count; i++) col.cells.push(cellText(target, i));
  return col;
}

// Maps and map entry iterators: one row per entry, key and value columns.
function tableOfPairs(target, pairs) {
  const keys = new TableColumn(kKeyHeader);
  const values = new TableColumn(kValuesHeader);
  for (const [k, v] of pairs) {
    keys.cells.push(cellText(target, k));
    values.cells.push(cellText(target, v));
  }
  return [iterationIndexColumn(target, keys.cells.length), keys, values];
}

// Sets and value iterators: one row per value.
function tableOfValues(target, items) {
  const values = new TableColumn(kValuesHeader);
  for (const item of items) values.cells.push(cellText(target, item));
  return [iterationIndexColumn(target, values.cells.length), values];
}

// Arrays and plain objects: one row per own enumerable key; object rows
// spread into a column per property (or per requested property), primitive
// rows go to a trailing Values column.
function isArrayIndexName(name) {
  const n = Number(name);
  return Number.isInteger(n) && n >= 0 && n < 4294967295 && String(n) === name;
}

// Columns follow property-key order across all rows: array-index names
// ascending first, then the others in the order they were first seen.
function orderLikeObjectKeys(byName) {
  const indexed = [];
  const named = [];
  for (const [name, col] of byName) {
    (isArrayIndexName(name) ? indexed : named).push(col);
  }
  indexed.sort((a, b) => Number(a.header) - Number(b.header));
  return indexed.concat(named);
}

function tableOfRecords(target, data, properties) {
  const rowKeys = Object.keys(data);
  const byName = new Map();
  const primitives = new TableColumn(kValuesHeader);
  let sawPrimitive = false;

  for (let row = 0; row < rowKeys.length; row++) {
    const item = data[rowKeys[row]];
    const isPrimitive = item === null ||
      (typeof item !== 'object' && typeof item !== 'function');
    if (isPrimitive && properties === undefined) {
      sawPrimitive = true;
      primitives.cells[row] = cellText(target, item);
      continue;
    }
    for (const name of properties ?? Object.keys(item)) {
      // Symbol-named properties never get a column.
      if (typeof name === 'symbol') continue;
      const header = String(name);
      let col = byName.get(header);
      if (col === undefined) {
        col = new TableColumn(header);
        byName.set(header, col);
      }
      const present = !isPrimitive &&
        Object.prototype.hasOwnProperty.call(item, name);
      col.cells[row] = present ? cellText(target, item[name]) : '';
    }
  }

  const index = new TableColumn(kIndexHeader);
  index.cells = rowKeys;
  const columns = [index, ...orderLikeObjectKeys(byName)];
  if (sawPrimitive) columns.push(primitives);
  return columns;
}

// previewEntries flattens a map iterator's entries as [k0, v0, k1, v1, ...].
function pairsOf(flat) {
  const pairs = [];
  for (let i = 0; i + 1 < flat.length; i += 2) pairs.push([flat[i], flat[i + 1]]);
  return pairs;
}

function tableColumns(target, data, properties) {
  natives();
  if (nativeTypes.isMapIterator(data)) {
    const [entries, isPairs] = nativeUtil.previewEntries(data, true);
    return isPairs ? tableOfPairs(target, pairsOf(entries)) :
      tableOfValues(target, entries);
  }
  if (nativeTypes.isMap(data)) return tableOfPairs(target, data);
  if (nativeTypes.isSetIterator(data)) {
    return tableOfValues(target, nativeUtil.previewEntries(data, false));
  }
  if (nativeTypes.isSet(data)) return tableOfValues(target, data);
  return tableOfRecords(target, data, properties);
}

// --- The methods ----------------------------------------------------------

// Methods in Node's order: Object.keys(console) lists them this way.
const methods = {
  log(...args) {
    emitLine(this, false, formatFor(this, false, args));
  },

  warn(...args) {
    emitLine(this, true, formatFor(this, true, args));
  },

  dir(value, options) {
    const text = inspect(value, {
      customInspect: false,
      ...inspectOptionsFor(this, this._stdout),
      ...options,
    });
    emitLine(this, false, text);
  },

  time(label = 'default') {
    const name = `${label}`;
    const { timers } = this[kState];
    if (timers.has(name)) {
      warn(`Label '${name}' already exists for console.time()`);
      return;
    }
    timers.set(name, clockNow());
  },

  timeEnd(label = 'default') {
    const name = `${label}`;
    if (reportTimer(this, 'timeEnd', name, [])) {
      this[kState].timers.delete(name);
    }
  },

  timeLog(label = 'default', ...data) {
    reportTimer(this, 'timeLog', `${label}`, data);
  },

  trace: function trace(...args) {
    // V8 builds the "Trace: message" header from name and message when the
    // stack is captured; frames above trace() itself are left out.
    const holder = { name: 'Trace', message: formatFor(this, true, args) };
    Error.captureStackTrace(holder, trace);
    this.error(holder.stack);
  },

  assert(condition, ...data) {
    if (condition) return;
    if (data.length === 0) {
      this.warn('Assertion failed');
      return;
    }
    // The first argument stays a format string for the rest.
    const [first, ...rest] = data;
    this.warn(`Assertion failed: ${first}`, ...rest);
  },

  // Clears a terminal: cursor home, then erase to the end of the screen.
  clear() {
    const stdout = this._stdout;
    if (!stdout || !stdout.isTTY) return;
    if (processEnv.TERM === 'dumb') return;
    stdout.write('\u001b[1;1H');
    stdout.write('\u001b[0J');
  },

  count(label = 'default') {
    const name = `${label}`;
    const { counters } = this[kState];
    const next = (counters.get(name) ?? 0) + 1;
    counters.set(name, next);
    this.log(`${name}: ${next}`);
  },

  countReset(label = 'default') {
    // Node looks the label up before converting it to a string, so only
    // string labels (and the default) can be reset.
    const { counters } = this[kState];
    if (!counters.has(label)) {
      warn(`Count for '${label}' does not exist`);
      return;
    }
    counters.delete(label);
  },

  group(...data) {
    if (data.length > 0) this.log(...data);
    const state = this[kState];
    state.indent += ' '.repeat(state.indentWidth);
  },

  groupEnd() {
    const state = this[kState];
    const keep = Math.max(0, state.indent.length - state.indentWidth);
    state.indent = state.indent.slice(0, keep);
  },

  table(data, properties) {
    if (properties !== undefined) validateArray(properties, 'properties');
    if (data === null || typeof data !== 'object') {
      this.log(data);
      return;
    }
    this.log(drawTable(tableColumns(this, data, properties)));
  },
};

methods.debug = methods.log;
methods.info = methods.log;
methods.dirxml = methods.log;
methods.error = methods.warn;
methods.groupCollapsed = methods.group;

const kMethodNames = Object.keys(methods);

// Own copies bound to the console, so `const { log } = console` works and
// each keeps its plain name.
function bindMethods(target, source) {
  for (const name of kMethodNames) {
    const bound = source[name].bind(target);
    Object.defineProperty(bound, 'name', { value: name });
    target[name] = bound;
  }
}

function hiddenValue(value) {
  return { value, writable: true, enumerable: false, configurable: true };
}

function attachState(target, state) {
  Object.defineProperties(target, {
    _ignoreErrors: hiddenValue(state.ignoreErrors),
    _times: hiddenValue(state.timers),
    [kState]: hiddenValue(state),
    [Symbol.toStringTag]: {
      value: 'console', writable: false, enumerable: false, configurable: true,
    },
  });
}

// --- The Console class ----------------------------------------------------

function isWritable(stream) {
  return stream !== null && stream !== undefined &&
    typeof stream.write === 'function';
}

// new Console(stdout[, stderr[, ignoreErrors]]) or new Console(options).
function Console(options, ...legacy) {
  if (new.target === undefined) return new Console(options, ...legacy);

  const settings = !options || typeof options.write === 'function' ?
    { stdout: options, stderr: legacy[0], ignoreErrors: legacy[1] } :
    options;
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation = kDefaultIndent,
  } = settings;

  if (!isWritable(stdout)) throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stdout');
  if (!isWritable(stderr)) throw new codes.ERR_CONSOLE_WRITABLE_STREAM('stderr');
  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);
  validateInteger(groupIndentation, 'groupIndentation', 0, kIndentLimit);
  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');
    if (inspectOptions.colors !== undefined && settings.colorMode !== undefined) {
      throw new codes.ERR_INCOMPATIBLE_OPTION_PAIR(
        'options.inspectOptions.color', 'colorMode');
    }
  }

  // Bound from `this`, so a subclass's overrides are the ones bound.
  bindMethods(this, this);
  Object.defineProperties(this, {
    _stdout: hiddenValue(stdout),
    _stderr: hiddenValue(stderr),
  });
  attachState(this, newState(ignoreErrors, colorMode, inspectOptions,
                             groupIndentation));
}

for (const name of kMethodNames) {
  Object.defineProperty(Console.prototype, name, {
    value: methods[name], writable: true, enumerable: true, configurable: true,
  });
}

// The global console is a plain object, yet `console instanceof Console`.
Object.defineProperty(Console, Symbol.hasInstance, {
  value(candidate) {
    return candidate !== null && candidate !== undefined &&
      candidate[kState] !== undefined;
  },
});

// --- The global console ---------------------------------------------------

// Its streams are process.stdout and process.stderr, read at every write
// (they are created lazily and never exist in the snapshot); assigning
// _stdout or _stderr replaces them.
function lazyStream(name) {
  let replacement;
  return {
    enumerable: false,
    configurable: true,
    get() {
      if (replacement) return replacement;
      return consoleStream(process, name);
    },
    set(stream) {
      replacement = stream;
    },
  };
}

function makeGlobalConsole() {
  const target = { __proto__: {} };
  bindMethods(target, methods);
  Object.defineProperties(target, {
    _stdout: lazyStream('stdout'),
    _stderr: lazyStream('stderr'),
  });
  attachState(target, newState(true, 'auto', undefined, kDefaultIndent));
  target.Console = Console;
  // Inspector-only methods do nothing without an inspector attached.
  for (const name of ['profile', 'profileEnd', 'timeStamp']) {
    target[name] = { [name]() {} }[name];
  }
  return target;
}

module.exports = makeGlobalConsole();
