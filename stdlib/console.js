// node:console: the Console class and the global console (streams looked up on each write).
'use strict';

const {
  isStackOverflowError,
  codes: {
    ERR_CONSOLE_WRITABLE_STREAM,
    ERR_INCOMPATIBLE_OPTION_PAIR,
  },
} = require('./internal/errors');
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

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kWriteToConsole = Symbol('kWriteToConsole');
const kBindProperties = Symbol('kBindProperties');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');

const kMaxGroupIndentation = 1000;
const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

const optionsMap = new WeakMap();

let types;
let utilBinding;
function lazyNatives() {
  if (types === undefined) {
    // eslint-disable-next-line no-undef
    types = internalBinding('types');
    // eslint-disable-next-line no-undef
    utilBinding = internalBinding('util');
  }
}

function noop() {}

function emitWarning(msg) {
  if (typeof process === 'object' && process !== null &&
      typeof process.emitWarning === 'function') {
    process.emitWarning(msg);
  }
}

function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  // Console may be called without new.
  if (new.target === undefined) {
    return Reflect.construct(Console, arguments);
  }

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw new ERR_CONSOLE_WRITABLE_STREAM('stderr');
  }

  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);

  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation',
                    0, kMaxGroupIndentation);
  }

  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');

    if (inspectOptions.colors !== undefined &&
        options.colorMode !== undefined) {
      throw new ERR_INCOMPATIBLE_OPTION_PAIR(
        'options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Methods come from the prototype chain so subclasses can override them.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = this[key].bind(this);
    Object.defineProperty(this[key], 'name', {
      value: key,
    });
  }
  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

// Every method is bound so that `const { log } = console` works.
function bindGlobalMethods(target) {
  for (const key of Object.keys(consoleMethods)) {
    target[key] = consoleMethods[key].bind(target);
    Object.defineProperty(target[key], 'name', {
      value: key,
    });
  }
}

const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && instance !== undefined && instance[kIsConsole] === true;
  },
});

function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    // The error is ignored, but an 'error' listener must exist so the
    // stream does not throw it later.
    const stream = streamSymbol === kUseStdout ?
      instance._stdout : instance._stderr;
    if (err !== null && stream && typeof stream.listenerCount === 'function' &&
        !(stream._writableState && stream._writableState.errorEmitted)) {
      if (stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

const consoleInternals = {
  [kBindStreamsEager](stdout, stderr) {
    Object.defineProperties(this, {
      '_stdout': { ...consolePropAttributes, value: stdout },
      '_stderr': { ...consolePropAttributes, value: stderr },
    });
  },

  // The global console is created before process.stdout exists; its streams
  // are looked up on every use.
  [kBindStreamsLazy](object) {
    let stdout;
    let stderr;
    Object.defineProperties(this, {
      '_stdout': {
        enumerable: false,
        configurable: true,
        get() {
          if (!stdout) return object.stdout;
          return stdout;
        },
        set(value) {
          stdout = value;
        },
      },
      '_stderr': {
        enumerable: false,
        configurable: true,
        get() {
          if (!stderr) { return object.stderr; }
          return stderr;
        },
        set(value) {
          stderr = value;
        },
      },
    });
  },

  [kBindProperties](ignoreErrors, colorMode, groupIndentation = 2) {
    Object.defineProperties(this, {
      '_stdoutErrorHandler': {
        ...consolePropAttributes,
        value: createWriteErrorHandler(this, kUseStdout),
      },
      '_stderrErrorHandler': {
        ...consolePropAttributes,
        value: createWriteErrorHandler(this, kUseStderr),
      },
      '_ignoreErrors': {
        ...consolePropAttributes,
        value: Boolean(ignoreErrors),
      },
      '_times': { ...consolePropAttributes, value: new Map() },
      [kCounts]: { ...consolePropAttributes, value: new Map() },
      [kColorMode]: { ...consolePropAttributes, value: colorMode },
      [kIsConsole]: { ...consolePropAttributes, value: true },
      [kGroupIndent]: { ...consolePropAttributes, value: '' },
      [kGroupIndentationWidth]: {
        ...consolePropAttributes,
        value: groupIndentation,
      },
      [Symbol.toStringTag]: {
        writable: false,
        enumerable: false,
        configurable: true,
        value: 'console',
      },
    });
  },

  [kWriteToConsole](streamSymbol, string) {
    const ignoreErrors = this._ignoreErrors;
    const groupIndent = this[kGroupIndent];

    const useStdout = streamSymbol === kUseStdout;
    const stream = useStdout ? this._stdout : this._stderr;
    if (stream === undefined || stream === null) return;
    const errorHandler = useStdout ?
      this._stdoutErrorHandler : this._stderrErrorHandler;

    if (groupIndent.length !== 0) {
      if (string.includes('\n')) {
        string = string.replace(/\n/g, `\n${groupIndent}`);
      }
      string = groupIndent + string;
    }
    string += '\n';

    if (ignoreErrors === false) return stream.write(string);

    // Errors may be synchronous (files, TTYs) or asynchronous (pipes); a
    // temporary no-op 'error' listener covers the synchronous ones.
    const canListen = typeof stream.listenerCount === 'function' &&
      typeof stream.once === 'function' &&
      typeof stream.removeListener === 'function';
    try {
      if (canListen && stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
      stream.write(string, errorHandler);
    } catch (e) {
      if (isStackOverflowError(e))
        throw e;
      // Console output errors are swallowed.
    } finally {
      if (canListen) stream.removeListener('error', noop);
    }
  },

  [kGetInspectOptions](stream) {
    let color = this[kColorMode];
    if (color === 'auto') {
      color = shouldColorize(stream);
    }

    const options = optionsMap.get(this);
    if (options) {
      if (options.colors === undefined) {
        options.colors = color;
      }
      return options;
    }

    return color ? kColorInspectOptions : kNoColorInspectOptions;
  },

  [kFormatForStdout](args) {
    const opts = this[kGetInspectOptions](this._stdout);
    return formatWithOptions(opts, ...args);
  },

  [kFormatForStderr](args) {
    const opts = this[kGetInspectOptions](this._stderr);
    return formatWithOptions(opts, ...args);
  },
};

function shouldColorize(stream) {
  const env = typeof process === 'object' && process !== null ? process.env : undefined;
  if (env && env.FORCE_COLOR !== undefined) {
    return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  }
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ?
    stream.getColorDepth() > 2 : true;
}

function now() {
  if (typeof process === 'object' && process !== null &&
      typeof process.hrtime === 'function') {
    return process.hrtime();
  }
  const ms = Date.now();
  return [Math.floor(ms / 1000), (ms % 1000) * 1e6];
}

function elapsedMs(start) {
  const end = now();
  return (end[0] - start[0]) * 1000 + (end[1] - start[1]) / 1e6;
}

function pad(value) {
  return `${value}`.padStart(2, '0');
}

// 1.234ms, 1.001s, 1:02.345 (m:ss.mmm), 1:02:03.456 (h:mm:ss.mmm).
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;

  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }

  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.'));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }

  if (seconds !== 0) {
    return `${seconds.toFixed(3)}s`;
  }

  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImpl(self, name, label, data) {
  const time = self._times.get(label);
  if (time === undefined) {
    emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(elapsedMs(time));
  if (data === undefined) {
    self.log('%s: %s', label, formatted);
  } else {
    self.log('%s: %s', label, formatted, ...data);
  }
  return true;
}

const tableChars = {
  middleMiddle: '─',
  rowMiddle: '┼',
  topRight: '┐',
  topLeft: '┌',
  leftMiddle: '├',
  topMiddle: '┬',
  bottomRight: '┘',
  bottomLeft: '└',
  bottomMiddle: '┴',
  rightMiddle: '┤',
  left: '│ ',
  right: ' │',
  middle: ' │ ',
};

function renderRow(row, columnWidths) {
  let out = tableChars.left;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    const len = getStringWidth(cell);
    out += cell + ' '.repeat(columnWidths[i] - len);
    if (i !== row.length - 1)
      out += tableChars.middle;
  }
  out += tableChars.right;
  return out;
}

// Draws the box table of console.table(); cells are left-aligned.
function renderTable(head, columns) {
  const rows = [];
  const columnWidths = head.map((h) => getStringWidth(h));
  const longestColumn = Math.max(...columns.map((a) => a.length));

  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < longestColumn; j++) {
      if (rows[j] === undefined)
        rows[j] = [];
      const value = rows[j][i] =
        Object.prototype.hasOwnProperty.call(column, j) ? column[j] : '';
      const width = columnWidths[i] || 0;
      const counted = getStringWidth(value);
      columnWidths[i] = Math.max(width, counted);
    }
  }

  const divider = columnWidths.map((i) => tableChars.middleMiddle.repeat(i + 2));

  let result = tableChars.topLeft +
               divider.join(tableChars.topMiddle) +
               tableChars.topRight + '\n' +
               renderRow(head, columnWidths) + '\n' +
               tableChars.leftMiddle +
               divider.join(tableChars.rowMiddle) +
               tableChars.rightMiddle + '\n';

  for (const row of rows)
    result += `${renderRow(row, columnWidths)}\n`;

  result += tableChars.bottomLeft +
            divider.join(tableChars.bottomMiddle) +
            tableChars.bottomRight;

  return result;
}

const keyKey = 'Key';
const valuesKey = 'Values';
const indexKey = '(index)';
const iterKey = '(iteration index)';

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, now());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) {
      this._times.delete(label);
    }
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      // The arguments are formatted again by warn().
      Reflect.apply(this.warn, this, args);
    }
  },

  // Clears the screen when stdout is a TTY.
  clear() {
    const stdout = this._stdout;
    if (stdout && stdout.isTTY) {
      const env = typeof process === 'object' && process !== null ? process.env : undefined;
      if (!env || env.TERM !== 'dumb') {
        stdout.write('\u001b[1;1H');
        stdout.write('\u001b[0J');
      }
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined)
      count = 1;
    else
      count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) {
      Reflect.apply(this.log, this, data);
    }
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(
      0, this[kGroupIndent].length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined)
      validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object')
      return this.log(tabularData);

    lazyNatives();
    const final = (k, v) => this.log(renderTable(k, v));

    const _inspect = (v) => {
      const depth = v !== null &&
                    typeof v === 'object' &&
                    !Array.isArray(v) &&
                    Object.keys(v).length > 2 ? -1 : 0;
      const opt = {
        depth,
        maxArrayLength: 3,
        breakLength: Infinity,
        ...this[kGetInspectOptions](this._stdout),
      };
      return inspect(v, opt);
    };
    const getIndexArray = (length) => Array.from(
      { length }, (_, i) => _inspect(i));

    const mapIter = types.isMapIterator(tabularData);
    let isKeyValue = false;
    let i = 0;
    if (mapIter) {
      const res = utilBinding.previewEntries(tabularData, true);
      tabularData = res[0];
      isKeyValue = res[1];
    }

    if (isKeyValue || types.isMap(tabularData)) {
      const keys = [];
      const values = [];
      let length = 0;
      if (mapIter) {
        for (; i < tabularData.length / 2; ++i) {
          keys.push(_inspect(tabularData[i * 2]));
          values.push(_inspect(tabularData[i * 2 + 1]));
          length++;
        }
      } else {
        for (const { 0: k, 1: v } of tabularData) {
          keys.push(_inspect(k));
          values.push(_inspect(v));
          length++;
        }
      }
      return final([
        iterKey, keyKey, valuesKey,
      ], [
        getIndexArray(length),
        keys,
        values,
      ]);
    }

    const setIter = types.isSetIterator(tabularData);
    if (setIter)
      tabularData = utilBinding.previewEntries(tabularData, false);

    const setlike = setIter || mapIter || types.isSet(tabularData);
    if (setlike) {
      const values = [];
      let length = 0;
      for (const v of tabularData) {
        values.push(_inspect(v));
        length++;
      }
      return final([iterKey, valuesKey], [getIndexArray(length), values]);
    }

    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesKeyArray = [];
    const indexKeyArray = Object.keys(tabularData);

    for (; i < indexKeyArray.length; i++) {
      const item = tabularData[indexKeyArray[i]];
      const primitive = item === null ||
          (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesKeyArray[i] = _inspect(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          if (map[key] === undefined || map[key] === null) map[key] = [];
          if ((primitive && properties) ||
               !Object.prototype.hasOwnProperty.call(item, key))
            map[key][i] = '';
          else
            map[key][i] = _inspect(item[key]);
        }
      }
    }

    const keys = Object.keys(map);
    const values = Object.values(map);
    if (hasPrimitives) {
      keys.push(valuesKey);
      values.push(valuesKeyArray);
    }
    keys.unshift(indexKey);
    values.unshift(indexKeyArray);

    return final(keys, values);
  },
};

consoleMethods.debug = consoleMethods.log;
consoleMethods.info = consoleMethods.log;
consoleMethods.dirxml = consoleMethods.log;
consoleMethods.error = consoleMethods.warn;
consoleMethods.groupCollapsed = consoleMethods.group;

// Methods are enumerable on the prototype, internals are symbol-keyed.
for (const key of Object.keys(consoleMethods)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleMethods[key],
    writable: true,
    enumerable: true,
    configurable: true,
  });
}
for (const key of Object.getOwnPropertySymbols(consoleInternals)) {
  Object.defineProperty(Console.prototype, key, {
    value: consoleInternals[key],
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

// The global console: a plain object with Console's behaviour whose streams
// are process.stdout / process.stderr, read at each write.
function createGlobalConsole() {
  const globalConsole = { __proto__: {} };
  for (const key of Object.getOwnPropertySymbols(consoleInternals)) {
    Object.defineProperty(globalConsole, key, {
      value: consoleInternals[key],
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  bindGlobalMethods(globalConsole);
  const processProxy = {
    get stdout() {
      return typeof process === 'object' && process !== null ? process.stdout : undefined;
    },
    get stderr() {
      return typeof process === 'object' && process !== null ? process.stderr : undefined;
    },
  };
  globalConsole[kBindStreamsLazy](processProxy);
  globalConsole[kBindProperties](true, 'auto');
  globalConsole.Console = Console;
  return globalConsole;
}

const globalConsole = createGlobalConsole();

module.exports = globalConsole;
