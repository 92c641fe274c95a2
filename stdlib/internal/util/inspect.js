// util.inspect(), util.format() and util.formatWithOptions(), printing what Node 20 prints.
'use strict';

// The work is split by stage: inspect/render.js walks a value (classifies
// each object and gathers its entries), inspect/layout.js fits the entries
// to the line width, inspect/error_text.js prints errors and inspect/text.js
// quotes strings and measures them. This file holds the options, the colour
// tables and util.format.
//
// internal/errors.js requires this file at its top level to describe values
// in its messages, so this file must not require errors (or validators,
// which require errors) at its top level: that would be an import cycle
// during bootstrap. The few places that throw Node's ERR_* codes (bad
// options, bad arguments) look errors up late through `errorCodes()`.

const { Walk, kBuiltinNames } = require('./inspect/render');
const { stringWidth, stripAnsi } = require('./inspect/text');

function errorCodes() {
  return require('../errors').codes;
}

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// The defaults every call starts from; util.inspect.defaultOptions reads and
// merges into this object.
const defaults = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};
const kOptionNames = Object.keys(defaults);

// ANSI SGR pairs [on, off] by colour name.
const colors = { __proto__: null };
{
  const pairs = [
    ['reset', 0, 0], ['bold', 1, 22], ['dim', 2, 22], ['italic', 3, 23],
    ['underline', 4, 24], ['blink', 5, 25], ['inverse', 7, 27],
    ['hidden', 8, 28], ['strikethrough', 9, 29], ['doubleunderline', 21, 24],
  ];
  const hues = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];
  hues.forEach((hue, i) => pairs.push([hue, 30 + i, 39]));
  hues.forEach((hue, i) => pairs.push([`bg${hue[0].toUpperCase()}${hue.slice(1)}`, 40 + i, 49]));
  pairs.push(['framed', 51, 54], ['overlined', 53, 55], ['gray', 90, 39]);
  hues.slice(1).forEach((hue, i) => pairs.push([`${hue}Bright`, 91 + i, 39]));
  pairs.push(['bgGray', 100, 49]);
  hues.slice(1).forEach((hue, i) => {
    pairs.push([`bg${hue[0].toUpperCase()}${hue.slice(1)}Bright`, 101 + i, 49]);
  });
  for (const [name, on, off] of pairs) colors[name] = [on, off];
  // Alternative spellings are accessors onto the main entry, hidden from
  // enumeration so that listings show each colour once.
  const aliases = [
    ['grey', 'gray'], ['blackBright', 'gray'], ['bgGrey', 'bgGray'],
    ['bgBlackBright', 'bgGray'], ['faint', 'dim'], ['crossedout', 'strikethrough'],
    ['strikeThrough', 'strikethrough'], ['crossedOut', 'strikethrough'],
    ['conceal', 'hidden'], ['swapColors', 'inverse'], ['swapcolors', 'inverse'],
    ['doubleUnderline', 'doubleunderline'],
  ];
  for (const [alias, target] of aliases) {
    Object.defineProperty(colors, alias, {
      get() { return this[target]; },
      set(value) { this[target] = value; },
      configurable: true,
      enumerable: false,
    });
  }
}

// Colour name by kind of token.
const styles = Object.assign({ __proto__: null }, {
  special: 'cyan',
  number: 'yellow',
  bigint: 'yellow',
  boolean: 'yellow',
  undefined: 'grey',
  null: 'bold',
  string: 'green',
  symbol: 'green',
  date: 'magenta',
  regexp: 'red',
  module: 'underline',
});

function paintWithColor(text, kind) {
  const name = inspect.styles[kind];
  if (name === undefined) return text;
  const pair = inspect.colors[name];
  return pair === undefined ? text : `\u001b[${pair[0]}m${text}\u001b[${pair[1]}m`;
}

const kOptionSet = new Set(kOptionNames);

function inspect(value, opts) {
  const walk = new Walk(defaults, inspect);
  const argc = arguments.length;
  // Legacy form: inspect(value, showHidden, depth, colors).
  if (argc >= 3 && arguments[2] !== undefined) walk.depth = arguments[2];
  if (argc >= 4 && arguments[3] !== undefined) walk.colors = arguments[3];
  if (opts === true || opts === false) {
    walk.showHidden = opts;
  } else if (opts) {
    applyOptions(walk, opts);
  }
  if (walk.colors) walk.paint = paintWithColor;
  if (walk.maxArrayLength === null) walk.maxArrayLength = Infinity;
  if (walk.maxStringLength === null) walk.maxStringLength = Infinity;
  return walk.value(value, 0);
}

// Copies the known options onto the walk. Unknown keys make the whole
// object the "user options" that custom inspectors receive back.
function applyOptions(walk, opts) {
  for (const key of Object.keys(opts)) {
    if (kOptionSet.has(key)) {
      walk[key] = opts[key];
    } else if (key === 'stylize') {
      walk.paint = opts.stylize;
    } else if (walk.userOptions === undefined) {
      walk.userOptions = opts;
    }
  }
}

Object.defineProperty(inspect, 'custom', {
  value: customInspectSymbol,
  writable: true,
  enumerable: true,
  configurable: true,
});

Object.defineProperty(inspect, 'defaultOptions', {
  get() {
    return defaults;
  },
  set(options) {
    if (options === null || typeof options !== 'object' || Array.isArray(options)) {
      throw new (errorCodes().ERR_INVALID_ARG_TYPE)('options', 'Object', options);
    }
    Object.assign(defaults, options);
  },
});

inspect.colors = colors;
inspect.styles = styles;

// ---------------------------------------------------------------------------
// util.format

let circularMessage;
function circularJsonMessage() {
  if (circularMessage === undefined) {
    const loop = {};
    loop.loop = loop;
    try {
      JSON.stringify(loop);
    } catch (err) {
      circularMessage = firstLine(err.message);
    }
  }
  return circularMessage;
}

function firstLine(text) {
  const nl = text.indexOf('\n');
  return nl === -1 ? text : text.slice(0, nl);
}

function jsonOf(value) {
  try {
    return JSON.stringify(value);
  } catch (err) {
    if (err.name === 'TypeError' && firstLine(err.message) === circularJsonMessage()) {
      return '[Circular]';
    }
    throw err;
  }
}

let proxyDetails;
// Whether `%s` should show an object through inspect() rather than String():
// objects whose toString (and toPrimitive) are the built-in ones.
function usesBuiltinToString(value) {
  if (proxyDetails === undefined) {
    // eslint-disable-next-line no-undef
    proxyDetails = internalBinding('util').getProxyDetails;
  }
  const target = proxyDetails(value, false);
  if (target !== undefined) {
    if (target === null) return true;
    value = target;
  }
  if (typeof value[Symbol.toPrimitive] === 'function' && !(value instanceof Date)) return false;
  if (typeof value.toString !== 'function') return true;
  if (Object.prototype.hasOwnProperty.call(value, 'toString')) return false;
  let owner = value;
  do {
    owner = Object.getPrototypeOf(owner);
  } while (!Object.prototype.hasOwnProperty.call(owner, 'toString'));
  const desc = Object.getOwnPropertyDescriptor(owner, 'constructor');
  return desc !== undefined && typeof desc.value === 'function' &&
    kBuiltinNames.has(desc.value.name);
}

function numberArg(n, sep) {
  if (!sep) return n === 0 && 1 / n < 0 ? '-0' : `${n}`;
  return inspect(n, { numericSeparator: true });
}

function bigintArg(n, sep) {
  return sep ? inspect(n, { numericSeparator: true }) : `${n}n`;
}

// Marks a '%' followed by a character that is not a directive.
const kNotDirective = Symbol('kNotDirective');

// Renders the argument consumed by directive `code` ('s', 'd', ...), or
// returns kNotDirective for characters that are not directives.
function directive(code, arg, options, sep) {
  switch (code) {
    case 's':
      if (typeof arg === 'number') return numberArg(arg, sep);
      if (typeof arg === 'bigint') return bigintArg(arg, sep);
      if (typeof arg !== 'object' || arg === null || !usesBuiltinToString(arg)) return String(arg);
      return inspect(arg, { ...options, depth: 0, colors: false, compact: 3 });
    case 'j':
      return jsonOf(arg);
    case 'd':
      if (typeof arg === 'bigint') return bigintArg(arg, sep);
      if (typeof arg === 'symbol') return 'NaN';
      return numberArg(Number(arg), sep);
    case 'i':
      if (typeof arg === 'bigint') return bigintArg(arg, sep);
      if (typeof arg === 'symbol') return 'NaN';
      return numberArg(Number.parseInt(arg), sep);
    case 'f':
      if (typeof arg === 'symbol') return 'NaN';
      return numberArg(Number.parseFloat(arg), sep);
    case 'O':
      return inspect(arg, options);
    case 'o':
      return inspect(arg, { ...options, showHidden: true, showProxy: true, depth: 4 });
    case 'c':
      return '';
    default:
      return kNotDirective;
  }
}

// Expands the directives of a template string with the values after it.
// Returns the text and how many values were consumed (0 when the template
// had no directive or "%%": then it is printed like any other string).
function expandTemplate(template, values, options) {
  // An option not given falls back to inspect.defaultOptions, as it does
  // for the values inspected after the template.
  const own = options !== undefined && options.numericSeparator !== undefined;
  const numeric = !!(own ? options.numericSeparator : defaults.numericSeparator);
  let used = 0;
  let out = '';
  let copied = 0;
  let at = template.indexOf('%');
  while (at !== -1 && at < template.length - 1) {
    const code = template[at + 1];
    if (code === '%') {
      // "%%" is a literal percent sign.
      out += template.slice(copied, at + 1);
      copied = at + 2;
    } else if (used + 1 < values.length) {
      const text = directive(code, values[used + 1], options, numeric);
      if (text !== kNotDirective) {
        used++;
        out += template.slice(copied, at) + text;
        copied = at + 2;
      }
    }
    at = template.indexOf('%', at + 2);
  }
  if (copied === 0) return [out, 0];
  if (copied < template.length) out += template.slice(copied);
  return [out, used + 1];
}

function formatArgs(options, values) {
  if (values.length === 1 && typeof values[0] === 'string') return values[0];
  let out = '';
  let next = 0;
  if (typeof values[0] === 'string') [out, next] = expandTemplate(values[0], values, options);
  for (let i = next; i < values.length; i++) {
    const value = values[i];
    if (i !== 0) out += ' ';
    out += typeof value === 'string' ? value : inspect(value, options);
  }
  return out;
}

function format(...values) {
  return formatArgs(undefined, values);
}

function formatWithOptions(options, ...values) {
  if (options === null || typeof options !== 'object') {
    throw new (errorCodes().ERR_INVALID_ARG_TYPE)('inspectOptions', 'Object', options);
  }
  return formatArgs(options, values);
}

// ---------------------------------------------------------------------------
// Terminal text helpers shared with console.

function getStringWidth(str, removeControlChars = true) {
  return stringWidth(str, removeControlChars);
}

function stripVTControlCharacters(text) {
  if (typeof text === 'string') return stripAnsi(text);
  throw new (errorCodes().ERR_INVALID_ARG_TYPE)('str', 'string', text);
}

module.exports = {
  customInspectSymbol,
  format,
  formatWithOptions,
  getStringWidth,
  inspect,
  stripVTControlCharacters,
};
