// The util.inspect engine: a Walk classifies each value, gathers its entries and renders them.
'use strict';

const { bigintText, escapeKey, numberText, quote, stringWidth } = require('./text');
const { foldEntries } = require('./layout');
const { errorText } = require('./error_text');

// Native helpers are fetched on first use: loading this file must stay free
// of side effects because it runs while the base snapshot is built.
let U;
let T;
function natives() {
  // eslint-disable-next-line no-undef
  U = internalBinding('util');
  // eslint-disable-next-line no-undef
  T = internalBinding('types');
}

const kCustom = Symbol.for('nodejs.util.inspect.custom');
const kIdentifier = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const kArrayIndex = /^(0|[1-9][0-9]*)$/;
const kMaxIndex = 2 ** 32 - 2;
// Past this many characters rendered at one indentation level, a walk stops
// descending (depth drops to -1) so that huge graphs cannot hang the caller.
const kBudget = 2 ** 27;

// How an entry list is keyed: plain properties (any order, sortable) or the
// items of an array-like followed by its extra named properties.
const kKeyed = 0;
const kListed = 1;
// How a single property renders: with its key, or the bare value (items).
const kBare = 2;

// Constructor names that count as built in for `%s` and prototype listing:
// the capitalised globals the JavaScript engine itself provides (Node's
// own globals such as Buffer or URL are not among them). A fixed list keeps
// this file free of global-dependent top-level work.
const kBuiltinNames = new Set([
  'Object', 'Function', 'Array', 'Number', 'Infinity', 'NaN', 'JSON', 'Math',
  'Intl', 'Boolean', 'String', 'Symbol',
  'Date', 'Promise', 'RegExp', 'Error', 'AggregateError', 'EvalError',
  'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError',
  'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array',
  'Uint32Array', 'Int32Array', 'Float32Array', 'Float64Array',
  'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array', 'DataView', 'Map',
  'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect',
  'FinalizationRegistry', 'WeakRef',
]);

function plural(n, word) {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}

function moreItems(n) {
  return `... ${plural(n, 'more item')}`;
}

function hasOwn(obj, key) {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

// "Ctor(size) [tag] " / "[Fallback(size): null prototype] [tag] ".
function labelOf(ctor, tag, fallback, size = '') {
  let label;
  if (ctor === null) {
    label = `[${fallback}${size}: null prototype]`;
    if (tag !== '' && tag !== fallback) label += ` [${tag}]`;
  } else {
    label = ctor + size;
    if (tag !== '' && tag !== ctor) label += ` [${tag}]`;
  }
  return `${label} `;
}

// The own keys Node lists: enumerable ones (or all with showHidden), names
// before symbols.
function ownKeys(obj, all) {
  const symbols = Object.getOwnPropertySymbols(obj);
  let names;
  if (all) {
    names = Object.getOwnPropertyNames(obj);
    for (const s of symbols) names.push(s);
    return names;
  }
  try {
    names = Object.keys(obj);
  } catch {
    // Module namespaces with bindings still in their TDZ refuse keys().
    names = Object.getOwnPropertyNames(obj);
  }
  for (const s of symbols) {
    if (Object.prototype.propertyIsEnumerable.call(obj, s)) names.push(s);
  }
  return names;
}

function isErrorLike(v) {
  return T.isNativeError(v) || v instanceof Error;
}

function safeInstanceOf(v, C) {
  try {
    return v instanceof C;
  } catch {
    return false;
  }
}

// Per-call state. Option fields keep Node's option names so that the copy
// handed to custom inspectors can be made from them.
class Walk {
  // Every field is set here, in one order, so that all walks share one
  // object shape; inspect() then overwrites the option fields it was given.
  constructor(base, inspect) {
    if (T === undefined) natives();
    this.showHidden = base.showHidden;
    this.depth = base.depth;
    this.colors = base.colors;
    this.customInspect = base.customInspect;
    this.showProxy = base.showProxy;
    this.maxArrayLength = base.maxArrayLength;
    this.maxStringLength = base.maxStringLength;
    this.breakLength = base.breakLength;
    this.compact = base.compact;
    this.sorted = base.sorted;
    this.getters = base.getters;
    this.numericSeparator = base.numericSeparator;
    this.paint = unpainted;
    this.inspect = inspect;
    this.indent = 0;
    this.stack = [];
    this.refs = undefined;
    this.deepest = 0;
    this.spent = undefined;
    this.userOptions = undefined;
  }

  tooDeep(level) {
    return this.depth !== null && level > this.depth;
  }

  // Renders `v` with the indentation raised by `by` for its own lines.
  shifted(by, v, level, bare) {
    this.indent += by;
    const s = this.value(v, level, bare);
    this.indent -= by;
    return s;
  }

  // `bare` marks an ArrayBuffer reached as a typed array's [buffer]: its
  // bytes are then left out.
  value(v, level, bare) {
    if (v === null) return this.paint('null', 'null');
    const type = typeof v;
    if (type === 'object' || type === 'function') return this.object(v, level, bare);
    return this.primitive(v);
  }

  primitive(v) {
    const paint = this.paint;
    switch (typeof v) {
      case 'string': return this.string(v);
      case 'number': return paint(numberText(v, this.numericSeparator), 'number');
      case 'bigint': return paint(bigintText(v, this.numericSeparator), 'bigint');
      case 'boolean': return paint(`${v}`, 'boolean');
      case 'undefined': return paint('undefined', 'undefined');
      // Symbols, and functions returned by getters (shown with getters: true),
      // which Node also renders as symbols: for them this throws a TypeError
      // that the getter display reports as "Inspection threw".
      default: return paint(Symbol.prototype.toString.call(v), 'symbol');
    }
  }

  string(s) {
    let trailer = '';
    if (s.length > this.maxStringLength) {
      const cut = s.length - this.maxStringLength;
      s = s.slice(0, this.maxStringLength);
      trailer = `... ${plural(cut, 'more character')}`;
    }
    // Long multi-line strings are shown as one literal per line joined by
    // '+', so the lines line up under the first one.
    if (this.compact !== true && s.length > 16 &&
        s.length > this.breakLength - this.indent - 4) {
      const lines = s.split(/(?<=\n)/);
      if (lines.length > 1) {
        const glue = ` +\n${' '.repeat(this.indent + 2)}`;
        return lines.map((line) => this.paint(quote(line), 'string')).join(glue) + trailer;
      }
    }
    return this.paint(quote(s), 'string') + trailer;
  }

  object(v, level, bare) {
    const details = U.getProxyDetails(v, !!this.showProxy);
    let target = v;
    if (details !== undefined) {
      if (details === null || details[0] === null) {
        return this.paint('<Revoked Proxy>', 'special');
      }
      if (this.showProxy) return this.proxy(details, level);
      target = details;
    }
    if (this.customInspect) {
      const custom = this.custom(target, level, details !== undefined);
      if (custom !== undefined) return custom;
    }
    if (this.stack.includes(target)) return this.circular(target);
    return this.compose(target, level, bare);
  }

  proxy(details, level) {
    if (this.tooDeep(level)) return this.paint('Proxy [Array]', 'special');
    const parts = [
      this.shifted(2, details[0], level + 1),
      this.shifted(2, details[1], level + 1),
    ];
    return foldEntries(this, parts, '', 'Proxy [', ']', kListed, level + 1);
  }

  // Runs a user [inspect.custom] method; undefined means "format normally".
  custom(v, level, viaProxy) {
    const fn = v[kCustom];
    if (typeof fn !== 'function' || fn === this.inspect) return undefined;
    const ctorOf = v.constructor;
    if (ctorOf && ctorOf.prototype === v) return undefined;
    const remaining = this.depth === null ? null : this.depth - level;
    const foreign = viaProxy || !(v instanceof Object);
    const result = fn.call(v, remaining, this.optionsForUser(foreign), this.inspect);
    if (result === v) return undefined;
    if (typeof result === 'string') {
      return this.indent === 0 ? result :
        result.replaceAll('\n', `\n${' '.repeat(this.indent)}`);
    }
    return this.value(result, level);
  }

  optionsForUser(foreign) {
    const out = {
      stylize: this.paint,
      showHidden: this.showHidden,
      depth: this.depth,
      colors: this.colors,
      customInspect: this.customInspect,
      showProxy: this.showProxy,
      maxArrayLength: this.maxArrayLength,
      maxStringLength: this.maxStringLength,
      breakLength: this.breakLength,
      compact: this.compact,
      sorted: this.sorted,
      getters: this.getters,
      numericSeparator: this.numericSeparator,
      ...this.userOptions,
    };
    if (!foreign) return out;
    // An object from another realm gets only primitives, on a null
    // prototype, and a stylize that cannot leak this realm's functions.
    Object.setPrototypeOf(out, null);
    for (const key of Object.keys(out)) {
      const x = out[key];
      if (x !== null && (typeof x === 'object' || typeof x === 'function')) delete out[key];
    }
    const paint = this.paint;
    out.stylize = Object.setPrototypeOf((text, style) => {
      let painted;
      try {
        painted = `${paint(text, style)}`;
      } catch {
        // A throwing stylize falls back to the plain text.
      }
      return typeof painted === 'string' ? painted : text;
    }, null);
    return out;
  }

  circular(v) {
    if (this.refs === undefined) this.refs = new Map();
    let n = this.refs.get(v);
    if (n === undefined) {
      n = this.refs.size + 1;
      this.refs.set(v, n);
    }
    return this.paint(`[Circular *${n}]`, 'special');
  }

  // Classifies `v`, gathers its entries and folds them into the final text.
  compose(v, level, bare) {
    let inherited;
    if (this.showHidden && !this.tooDeep(level)) inherited = [];
    const ctor = this.constructorName(v, level, inherited);
    if (inherited !== undefined && inherited.length === 0) inherited = undefined;
    let tag = v[Symbol.toStringTag];
    if (typeof tag !== 'string' ||
        (tag !== '' && (this.showHidden ? hasOwn : isEnumerableOwn)(v, Symbol.toStringTag))) {
      tag = '';
    }
    const shape = classify(this, v, ctor, tag, level, bare, inherited !== undefined);
    if (shape.done !== undefined) return shape.done;
    if (this.tooDeep(level)) {
      // Null-prototype objects are named by V8's class name here.
      const fallback = ctor === null ? U.getConstructorName(v) : 'Object';
      const name = labelOf(ctor, tag, fallback).slice(0, -1);
      return this.paint(ctor === null ? name : `[${name}]`, 'special');
    }
    const inner = level + 1;
    this.stack.push(v);
    this.deepest = inner;
    const indentBefore = this.indent;
    let parts;
    try {
      parts = shape.gather === undefined ? [] : shape.gather(this, v, inner, shape);
      const mode = shape.listed ? kListed : kKeyed;
      for (const key of shape.keys) parts.push(this.property(v, key, inner, mode));
      if (inherited !== undefined) {
        for (const p of inherited) parts.push(p);
      }
    } catch (err) {
      if (!isStackOverflow(err)) throw err;
      this.stack.pop();
      this.indent = indentBefore;
      const name = labelOf(ctor, tag, 'Object').slice(0, -1);
      return this.paint(`[${name}: Inspection interrupted prematurely. ` +
        'Maximum call stack size exceeded.]', 'special');
    }
    this.stack.pop();

    let head = shape.head;
    let open = shape.open;
    if (this.refs !== undefined) {
      const n = this.refs.get(v);
      if (n !== undefined) {
        const mark = this.paint(`<ref *${n}>`, 'special');
        if (this.compact === true) {
          open = `${mark} ${open}`;
        } else {
          head = head === '' ? mark : `${mark} ${head}`;
        }
      }
    }
    if (this.sorted) sortParts(parts, shape, this.sorted);
    const text = foldEntries(this, parts, head, open, shape.close,
                             shape.listed ? kListed : kKeyed, inner, v);
    this.charge(text.length);
    return text;
  }

  charge(n) {
    if (this.spent === undefined) this.spent = [];
    const total = (this.spent[this.indent] || 0) + n;
    this.spent[this.indent] = total;
    if (total > kBudget) this.depth = -1;
  }

  // The name Node shows for an instance: the first named constructor up the
  // prototype chain that `v` is an instance of; otherwise V8's class name
  // with the prototype shown in angle brackets.
  constructorName(v, level, inherited) {
    let firstProto;
    let obj = v;
    while (obj !== null) {
      const desc = Object.getOwnPropertyDescriptor(obj, 'constructor');
      if (desc !== undefined && typeof desc.value === 'function' &&
          desc.value.name !== '' && safeInstanceOf(v, desc.value)) {
        const name = String(desc.value.name);
        if (inherited !== undefined &&
            (firstProto !== obj || !kBuiltinNames.has(name))) {
          this.prototypeProps(v, firstProto || v, level, inherited);
        }
        return name;
      }
      obj = Object.getPrototypeOf(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;
    const raw = U.getConstructorName(v);
    if (this.tooDeep(level)) return `${raw} <Complex prototype>`;
    const protoName = this.constructorName(firstProto, level + 1, inherited);
    if (protoName === null) {
      const shown = this.inspect(firstProto, {
        ...this.publicOptions(), customInspect: false, depth: -1,
      });
      return `${raw} <${shown}>`;
    }
    return `${raw} <${protoName}>`;
  }

  publicOptions() {
    return {
      showHidden: this.showHidden, depth: this.depth, colors: this.colors,
      customInspect: this.customInspect, showProxy: this.showProxy,
      maxArrayLength: this.maxArrayLength, maxStringLength: this.maxStringLength,
      breakLength: this.breakLength, compact: this.compact, sorted: this.sorted,
      getters: this.getters, numericSeparator: this.numericSeparator,
      stylize: this.paint,
    };
  }

  // With showHidden, non-function properties of user prototypes (up to three
  // levels, stopping at a built-in one) are listed after the own keys.
  prototypeProps(main, start, level, out) {
    const seenKeys = new Set();
    let proto = start;
    for (let hop = 0; hop < 3; hop++) {
      if (hop !== 0 || proto === main) {
        proto = Object.getPrototypeOf(proto);
        if (proto === null) return;
        const desc = Object.getOwnPropertyDescriptor(proto, 'constructor');
        if (desc !== undefined && typeof desc.value === 'function' &&
            kBuiltinNames.has(desc.value.name)) {
          return;
        }
      }
      const keys = Reflect.ownKeys(proto);
      this.stack.push(main);
      for (const key of keys) {
        if (key === 'constructor' || hasOwn(main, key) ||
            (hop !== 0 && seenKeys.has(key))) {
          continue;
        }
        const desc = Object.getOwnPropertyDescriptor(proto, key);
        if (typeof desc.value === 'function') continue;
        const text = this.property(proto, key, level, kKeyed, desc, main);
        out.push(this.colors ? `\u001b[2m${text}\u001b[22m` : text);
      }
      this.stack.pop();
      for (const key of keys) seenKeys.add(key);
    }
  }

  // "key: value" for one property (or just the value for kBare).
  property(obj, key, level, mode, desc, receiver = obj) {
    if (desc === undefined) {
      desc = Object.getOwnPropertyDescriptor(obj, key) ||
        { value: obj[key], enumerable: true };
    }
    let shown;
    let gap = ' ';
    if (desc.value !== undefined) {
      if (this.compact === true && mode === kKeyed) {
        shown = this.shifted(3, desc.value, level);
        if (this.breakLength < widthOf(this, shown)) {
          gap = `\n${' '.repeat(this.indent + 3)}`;
        }
      } else {
        shown = this.shifted(2, desc.value, level);
      }
    } else if (desc.get !== undefined) {
      shown = this.accessor(desc, receiver, level);
    } else if (desc.set !== undefined) {
      shown = this.paint('[Setter]', 'special');
    } else {
      shown = this.paint('undefined', 'undefined');
    }
    if (mode === kBare) return shown;
    return `${this.keyText(key, desc)}:${gap}${shown}`;
  }

  keyText(key, desc) {
    if (typeof key === 'symbol') return `[${this.paint(key.toString(), 'symbol')}]`;
    if (key === '__proto__') return "['__proto__']";
    if (desc.enumerable === false) return `[${escapeKey(key)}]`;
    if (kIdentifier.test(key)) return this.paint(key, 'name');
    return this.paint(quote(key), 'string');
  }

  accessor(desc, receiver, level) {
    const kind = desc.set !== undefined ? 'Getter/Setter' : 'Getter';
    const g = this.getters;
    const wanted = g && (g === true ||
      (g === 'get' && desc.set === undefined) ||
      (g === 'set' && desc.set !== undefined));
    if (!wanted) return this.paint(`[${kind}]`, 'special');
    const open = this.paint(`[${kind}:`, 'special');
    const close = this.paint(']', 'special');
    try {
      const got = desc.get.call(receiver);
      if (got === null) return `${open} ${this.paint('null', 'null')}${close}`;
      if (typeof got === 'object') {
        return `${this.paint(`[${kind}]`, 'special')} ${this.shifted(2, got, level)}`;
      }
      this.indent += 2;
      const text = this.primitive(got);
      this.indent -= 2;
      return `${open} ${text}${close}`;
    } catch (err) {
      return `${open} <Inspection threw (${err.message})>${close}`;
    }
  }
}

function isEnumerableOwn(obj, key) {
  return Object.prototype.propertyIsEnumerable.call(obj, key);
}

function isStackOverflow(err) {
  return err instanceof RangeError &&
    typeof err.message === 'string' &&
    err.message.includes('Maximum call stack size exceeded');
}

function widthOf(walk, s) {
  return stringWidth(s, walk.colors);
}

// Sorting applies to all entries of keyed shapes, and only to the trailing
// named properties of listed ones.
function sortParts(parts, shape, how) {
  const compare = how === true ? undefined : how;
  if (!shape.listed) {
    parts.sort(compare);
    return;
  }
  const n = shape.keys.length;
  if (n > 1) {
    const tail = parts.splice(parts.length - n, n).sort(compare);
    for (const p of tail) parts.push(p);
  }
}

// ---------------------------------------------------------------------------
// Classification: each kind of object yields a shape describing its braces,
// its head text (function, date, error...), the keys to list and a gatherer
// for its items. A shape with `done` set is already fully rendered.

function shapeOf(open, close, keys) {
  return { done: undefined, head: '', open, close, keys, listed: false, gather: undefined };
}

function finished(text) {
  return { done: text };
}

function classify(walk, v, ctor, tag, level, bare, protoListed) {
  if (v[Symbol.iterator] || ctor === null) {
    const s = iterableShape(walk, v, ctor, tag, protoListed);
    if (s !== undefined) return s;
  }
  const keys = ownKeys(v, walk.showHidden);
  const plain = keys.length === 0 && !protoListed;
  if (ctor === 'Object' && typeof v !== 'function') {
    let open = '{';
    if (T.isArgumentsObject(v)) {
      open = '[Arguments] {';
    } else if (tag !== '') {
      open = `${labelOf(ctor, tag, 'Object')}{`;
    }
    return plain ? finished(`${open}}`) : shapeOf(open, '}', keys);
  }
  if (typeof v === 'function') {
    const head = functionHead(v, ctor, tag);
    if (plain) return finished(walk.paint(head, 'special'));
    return withHead(head, keys);
  }
  if (T.isRegExp(v)) {
    let head = RegExp.prototype.toString.call(ctor !== null ? v : new RegExp(v));
    const label = labelOf(ctor, tag, 'RegExp');
    if (label !== 'RegExp ') head = label + head;
    if (plain || walk.tooDeep(level)) return finished(walk.paint(head, 'regexp'));
    return withHead(head, keys);
  }
  if (T.isDate(v)) {
    let head = Number.isNaN(Date.prototype.getTime.call(v)) ?
      Date.prototype.toString.call(v) : Date.prototype.toISOString.call(v);
    const label = labelOf(ctor, tag, 'Date');
    if (label !== 'Date ') head = label + head;
    if (plain) return finished(walk.paint(head, 'date'));
    return withHead(head, keys);
  }
  if (isErrorLike(v)) {
    const head = errorText(walk, v, ctor, tag, keys);
    if (keys.length === 0 && !protoListed) return finished(head);
    return withHead(head, keys);
  }
  if (T.isAnyArrayBuffer(v)) {
    const label = labelOf(ctor, tag, T.isArrayBuffer(v) ? 'ArrayBuffer' : 'SharedArrayBuffer');
    const s = shapeOf(`${label}{`, '}', keys);
    if (!bare) {
      s.gather = gatherBytes;
    } else if (plain) {
      return finished(`${label}{ byteLength: ${walk.primitive(v.byteLength)} }`);
    }
    keys.unshift('byteLength');
    return s;
  }
  if (T.isDataView(v)) {
    keys.unshift('byteLength', 'byteOffset', 'buffer');
    return shapeOf(`${labelOf(ctor, tag, 'DataView')}{`, '}', keys);
  }
  if (T.isPromise(v)) {
    const s = shapeOf(`${labelOf(ctor, tag, 'Promise')}{`, '}', keys);
    s.gather = gatherPromise;
    return s;
  }
  if (T.isWeakSet(v) || T.isWeakMap(v)) {
    const isSet = T.isWeakSet(v);
    const s = shapeOf(`${labelOf(ctor, tag, isSet ? 'WeakSet' : 'WeakMap')}{`, '}', keys);
    if (!walk.showHidden) {
      s.gather = gatherUnknown;
    } else {
      s.gather = isSet ? gatherWeakSet : gatherWeakMap;
    }
    return s;
  }
  if (T.isModuleNamespaceObject(v)) {
    const s = shapeOf(`${labelOf(ctor, tag, 'Module')}{`, '}', keys);
    s.gather = gatherNamespace;
    s.keys = [];
    return s;
  }
  if (T.isBoxedPrimitive(v)) {
    const head = boxedHead(walk, v, keys, ctor, tag);
    if (keys.length === 0 && !protoListed) return finished(head);
    return withHead(head, keys);
  }
  // A null-prototype object is named by V8's class name, which follows a
  // Symbol.toStringTag the object carries.
  const label = labelOf(ctor, tag, ctor === null ? U.getConstructorName(v) : 'Object');
  if (plain) return finished(`${label}{}`);
  return shapeOf(`${label}{`, '}', keys);
}

function withHead(head, keys) {
  const s = shapeOf('{', '}', keys);
  s.head = head;
  return s;
}

function nonIndexKeys(v, all) {
  return U.getOwnNonIndexProperties(v, all ? U.ALL_PROPERTIES : U.ONLY_ENUMERABLE);
}

function iterableShape(walk, v, ctor, tag, protoListed) {
  if (Array.isArray(v)) {
    const keys = nonIndexKeys(v, walk.showHidden);
    const label = ctor !== 'Array' || tag !== '' ?
      labelOf(ctor, tag, 'Array', `(${v.length})`) : '';
    if (v.length === 0 && keys.length === 0 && !protoListed) return finished(`${label}[]`);
    const s = shapeOf(`${label}[`, ']', keys);
    s.listed = true;
    s.gather = gatherArray;
    return s;
  }
  if (T.isSet(v) || T.isMap(v)) {
    const isSet = T.isSet(v);
    const size = Reflect.get(isSet ? Set.prototype : Map.prototype, 'size', v);
    const label = labelOf(ctor, tag, isSet ? 'Set' : 'Map', `(${size})`);
    const keys = ownKeys(v, walk.showHidden);
    if (size === 0 && keys.length === 0 && !protoListed) return finished(`${label}{}`);
    const s = shapeOf(`${label}{`, '}', keys);
    s.gather = isSet ? gatherSet : gatherMap;
    s.size = size;
    s.viaPrototype = ctor === null;
    return s;
  }
  if (T.isTypedArray(v)) {
    const keys = nonIndexKeys(v, walk.showHidden);
    let source = v;
    let fallback = '';
    if (ctor === null) {
      fallback = typedArrayTag(v);
      source = new globalThis[fallback](v);
    }
    const length = typedArrayLength(v);
    const label = labelOf(ctor, tag, fallback, `(${length})`);
    if (length === 0 && keys.length === 0 && !walk.showHidden) return finished(`${label}[]`);
    const s = shapeOf(`${label}[`, ']', keys);
    s.listed = true;
    s.gather = gatherTyped;
    s.source = source;
    s.length = length;
    return s;
  }
  const isMapIt = T.isMapIterator(v);
  if (isMapIt || T.isSetIterator(v)) {
    const kind = isMapIt ? 'Map' : 'Set';
    let inner = `${kind} Iterator`;
    if (tag !== inner) inner = tag === '' ? inner : `${tag}] [${inner}`;
    const s = shapeOf(`[${inner}] {`, '}', ownKeys(v, walk.showHidden));
    s.gather = gatherIterator;
    return s;
  }
  return undefined;
}

let typedTagGetter;
let typedLengthGetter;
function typedArrayTag(v) {
  if (typedTagGetter === undefined) {
    const proto = Object.getPrototypeOf(Uint8Array.prototype);
    typedTagGetter = Object.getOwnPropertyDescriptor(proto, Symbol.toStringTag).get;
    typedLengthGetter = Object.getOwnPropertyDescriptor(proto, 'length').get;
  }
  return typedTagGetter.call(v);
}
function typedArrayLength(v) {
  typedArrayTag(v);
  return typedLengthGetter.call(v);
}

function functionHead(fn, ctor, tag) {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class') && source.endsWith('}') && looksLikeClass(source)) {
    return classHead(fn, ctor, tag);
  }
  let kind = 'Function';
  if (T.isGeneratorFunction(fn)) kind = `Generator${kind}`;
  if (T.isAsyncFunction(fn)) kind = `Async${kind}`;
  let head = `[${kind}`;
  if (ctor === null) head += ' (null prototype)';
  head += fn.name === '' ? ' (anonymous)' : `: ${fn.name}`;
  head += ']';
  if (ctor !== kind && ctor !== null) head += ` ${ctor}`;
  if (tag !== '' && ctor !== tag) head += ` [${tag}]`;
  return head;
}

// A function whose source starts with "class" may still be a plain function
// named e.g. `classify`; a real class has its body brace before any '('
// outside comments.
function looksLikeClass(source) {
  const rest = source.slice(5, -1);
  const brace = rest.indexOf('{');
  if (brace === -1) return false;
  if (!rest.slice(0, brace).includes('(')) return true;
  const bare = rest.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, '');
  return /^(\s+[^(]*?)\s*{/.test(bare);
}

function classHead(fn, ctor, tag) {
  const name = (hasOwn(fn, 'name') && fn.name) || '(anonymous)';
  const parts = [`class ${name}`];
  if (ctor !== 'Function' && ctor !== null) parts.push(`[${ctor}]`);
  if (tag !== '' && ctor !== tag) parts.push(`[${tag}]`);
  if (ctor === null) {
    parts.push('extends [null prototype]');
  } else {
    const parent = Object.getPrototypeOf(fn).name;
    if (parent) parts.push(`extends ${parent}`);
  }
  return `[${parts.join(' ')}]`;
}

const kBoxed = [
  ['isNumberObject', 'Number', Number.prototype.valueOf],
  ['isStringObject', 'String', String.prototype.valueOf],
  ['isBooleanObject', 'Boolean', Boolean.prototype.valueOf],
  ['isBigIntObject', 'BigInt', BigInt.prototype.valueOf],
  ['isSymbolObject', 'Symbol', Symbol.prototype.valueOf],
];

function boxedHead(walk, v, keys, ctor, tag) {
  let row = kBoxed[4];
  for (const r of kBoxed) {
    if (T[r[0]](v)) {
      row = r;
      break;
    }
  }
  const type = row[1];
  const inner = row[2].call(v);
  // A String object's index keys are its characters: they are shown as the
  // primitive instead.
  if (type === 'String') keys.splice(0, inner.length);
  let head = `[${type}`;
  if (type !== ctor) head += ctor === null ? ' (null prototype)' : ` (${ctor})`;
  head += `: ${plainPrimitive(walk, inner)}]`;
  if (tag !== '' && tag !== ctor) head += ` [${tag}]`;
  if (keys.length !== 0 || walk.paint === unpainted) return head;
  return walk.paint(head, type.toLowerCase());
}

// A primitive rendered without colours, with the walk's other settings.
function plainPrimitive(walk, v) {
  const paint = walk.paint;
  walk.paint = unpainted;
  try {
    return walk.primitive(v);
  } finally {
    walk.paint = paint;
  }
}

function unpainted(text) {
  return text;
}

// ---------------------------------------------------------------------------
// Gatherers: the item entries of each collection kind, before named keys.

function gatherArray(walk, arr, level) {
  const length = arr.length;
  const limit = Math.min(Math.max(0, walk.maxArrayLength), length);
  const out = [];
  let next = 0;
  // Dense prefix: the usual case, one property at a time.
  while (next < limit && hasOwn(arr, next)) {
    out.push(walk.property(arr, next, level, kBare));
    next++;
  }
  if (next >= limit) {
    if (length > limit) out.push(moreItems(length - limit));
    return out;
  }
  // Holes: walk the present indices in order and count the gaps between
  // them; each run of holes is one entry towards the limit.
  const present = Object.keys(arr);
  for (let k = next; k < present.length && out.length < limit; k++) {
    const key = present[k];
    const index = +key;
    if (index > kMaxIndex) break;
    if (`${next}` !== key) {
      if (!kArrayIndex.test(key)) break;
      out.push(walk.paint(`<${plural(index - next, 'empty item')}>`, 'undefined'));
      next = index;
      if (out.length === limit) break;
    }
    out.push(walk.property(arr, key, level, kBare));
    next++;
  }
  const rest = length - next;
  if (rest > 0) {
    out.push(out.length === limit ? moreItems(rest) :
      walk.paint(`<${plural(rest, 'empty item')}>`, 'undefined'));
  }
  return out;
}

function gatherTyped(walk, v, level, shape) {
  const source = shape.source;
  const length = shape.length;
  const limit = Math.min(Math.max(0, walk.maxArrayLength), length);
  const out = new Array(limit);
  const big = length > 0 && typeof source[0] !== 'number';
  const paint = walk.paint;
  for (let i = 0; i < limit; i++) {
    out[i] = big ? paint(bigintText(source[i], walk.numericSeparator), 'bigint') :
      paint(numberText(source[i], walk.numericSeparator), 'number');
  }
  if (source.length > limit) out.push(moreItems(source.length - limit));
  if (walk.showHidden) {
    walk.indent += 2;
    for (const key of ['BYTES_PER_ELEMENT', 'length', 'byteLength', 'byteOffset', 'buffer']) {
      out.push(`[${key}]: ${walk.value(source[key], level, true)}`);
    }
    walk.indent -= 2;
  }
  return out;
}

function gatherBytes(walk, buf) {
  let bytes;
  try {
    bytes = new Uint8Array(buf);
  } catch {
    return [walk.paint('(detached)', 'special')];
  }
  const shown = Math.trunc(Math.min(walk.maxArrayLength, bytes.length));
  if (shown < 0) {
    const err = new RangeError('Index out of range');
    err.code = 'ERR_OUT_OF_RANGE';
    throw err;
  }
  const hex = [];
  for (let i = 0; i < shown; i++) hex.push((bytes[i] < 16 ? '0' : '') + bytes[i].toString(16));
  let text = hex.join(' ');
  const rest = bytes.length - walk.maxArrayLength;
  if (rest > 0) text += ` ... ${plural(rest, 'more byte')}`;
  return [`${walk.paint('[Uint8Contents]', 'special')}: <${text}>`];
}

// A null-prototype Set or Map is read through a prototype iterator, and Node
// then applies no item limit to it.
function itemLimit(walk, shape) {
  return shape.viaPrototype ? Infinity : Math.min(Math.max(0, walk.maxArrayLength), shape.size);
}

function gatherSet(walk, set, level, shape) {
  const limit = itemLimit(walk, shape);
  const out = [];
  walk.indent += 2;
  const source = shape.viaPrototype ? Set.prototype.values.call(set) : set;
  for (const item of source) {
    if (out.length >= limit) break;
    out.push(walk.value(item, level));
  }
  walk.indent -= 2;
  if (shape.size > limit) out.push(moreItems(shape.size - limit));
  return out;
}

function gatherMap(walk, map, level, shape) {
  const limit = itemLimit(walk, shape);
  const out = [];
  walk.indent += 2;
  const source = shape.viaPrototype ? Map.prototype.entries.call(map) : map;
  for (const pair of source) {
    if (out.length >= limit) break;
    out.push(`${walk.value(pair[0], level)} => ${walk.value(pair[1], level)}`);
  }
  walk.indent -= 2;
  if (shape.size > limit) out.push(moreItems(shape.size - limit));
  return out;
}

function gatherIterator(walk, it, level, shape) {
  const preview = U.previewEntries(it, true);
  if (preview[1]) {
    shape.open = shape.open.replace(/ Iterator] {$/, ' Entries] {');
    return pairItems(walk, preview[0], level, false);
  }
  return singleItems(walk, preview[0], level, false);
}

function gatherWeakSet(walk, ws, level) {
  return singleItems(walk, U.previewEntries(ws), level, true);
}

function gatherWeakMap(walk, wm, level) {
  return pairItems(walk, U.previewEntries(wm), level, true);
}

function gatherUnknown(walk) {
  return [walk.paint('<items unknown>', 'special')];
}

// Items of a set iterator or weak set preview. Weak collections have no
// stable order, so their entries are sorted unless the caller sorts anyway.
function singleItems(walk, items, level, weak) {
  const limit = Math.min(Math.max(walk.maxArrayLength, 0), items.length);
  // Sized up front like Node does, so a fractional limit fails the same way.
  const out = new Array(limit);
  walk.indent += 2;
  for (let i = 0; i < limit; i++) out[i] = walk.value(items[i], level);
  walk.indent -= 2;
  if (weak && !walk.sorted) out.sort();
  if (items.length > limit) out.push(moreItems(items.length - limit));
  return out;
}

// Key/value previews come flat: [k0, v0, k1, v1, ...].
function pairItems(walk, flat, level, weak) {
  const count = flat.length / 2;
  const limit = Math.min(Math.max(walk.maxArrayLength, 0), count);
  const out = new Array(limit);
  walk.indent += 2;
  for (let i = 0; i < limit; i++) {
    const k = walk.value(flat[2 * i], level);
    const val = walk.value(flat[2 * i + 1], level);
    out[i] = weak ? `${k} => ${val}` :
      foldEntries(walk, [k, val], '', '[', ']', kListed, level);
  }
  walk.indent -= 2;
  if (weak && !walk.sorted) out.sort();
  if (count > limit) out.push(moreItems(count - limit));
  return out;
}

function gatherPromise(walk, p, level) {
  const details = U.getPromiseDetails(p);
  if (details[0] === U.kPending) return [walk.paint('<pending>', 'special')];
  const shown = walk.shifted(2, details[1], level);
  return [details[0] === U.kRejected ? `${walk.paint('<rejected>', 'special')} ${shown}` : shown];
}

function gatherNamespace(walk, ns, level) {
  const out = [];
  for (const key of ownKeys(ns, walk.showHidden)) {
    try {
      out.push(walk.property(ns, key, level, kKeyed));
    } catch (err) {
      if (!(err instanceof ReferenceError)) throw err;
      const name = typeof key === 'symbol' ? `[${walk.paint(key.toString(), 'symbol')}]` :
        kIdentifier.test(key) ? walk.paint(key, 'name') : walk.paint(quote(key), 'string');
      out.push(`${name}: ${walk.paint('<uninitialized>', 'special')}`);
    }
  }
  return out;
}

module.exports = { Walk, kBuiltinNames, unpainted };
