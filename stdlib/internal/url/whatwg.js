'use strict';
// The WHATWG URL and URLSearchParams classes (the URL / URLSearchParams
// globals and node:url's exports).
//
// A URL keeps its serialized href and ada's eight component offsets into
// it; every getter is a slice of the href. Parsing and every setter go
// through internalBinding('url'), which parses, applies and frees within
// one call. URLSearchParams keeps a flat [name, value, ...] list and, when
// it belongs to a URL, writes its serialization back as the URL's query.

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_INVALID_URL,
    ERR_MISSING_ARGS,
  },
} = require('../errors');
const { toUSVString, parseForm, serializeForm } = require('./form');

let binding;
function ada() {
  if (binding === undefined) binding = internalBinding('url');
  return binding;
}

const kCustomInspect = Symbol.for('nodejs.util.inspect.custom');
const kOmitted = 0xffffffff;

// Slots of a component record (ada_url_components order).
const kProtocolEnd = 0;
const kUsernameEnd = 1;
const kHostStart = 2;
const kHostEnd = 3;
const kPort = 4;
const kPathnameStart = 5;
const kSearchStart = 6;
const kHashStart = 7;

// The `which` numbers of binding.update (runtime/bindings/url.cc).
const kSet = {
  href: 0, protocol: 1, username: 2, password: 3, host: 4, hostname: 5,
  port: 6, pathname: 7, search: 8, hash: 9,
};

// The binding writes offsets here; each URL then keeps its own copy.
const scratch = new Uint32Array(8);

// The error new URL() throws: a plain TypeError carrying the code, as Node's
// native parser throws it (no "[ERR_INVALID_URL]" in its stack line).
function invalidUrl(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

function receiverError() {
  return new TypeError('Receiver must be an instance of class URL');
}

const kSpecialOrigins = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);
const kAnyDigit = /[0-9]/;
const kTabOrNewline = /[\t\n\r]/g;
const kAnsi = /\u001b\[\d\d?m/g;

function visibleLength(text) {
  return text.replace(kAnsi, '').length;
}

// Hooks between the two classes, filled in by their static blocks.
let isURL;
let formatURL;
let setQueryFromParams;
let newLinkedParams;
let reloadParams;

class URL {
  #href = '';
  #parts = null;
  #params = null;

  static {
    isURL = (self) => self !== null && typeof self === 'object' && #href in self;
    setQueryFromParams = (url, serialized) => {
      url.#apply(kSet.search, serialized);
    };
    formatURL = (url, want, toUnicode) => url.#format(want, toUnicode);
  }

  // url.format(URL, options): the href cut along its offsets, so a bare
  // '?' or '#' stays as the href has it.
  #format(want, toUnicode) {
    const href = this.#href;
    const parts = this.#parts;
    const hostFrom = this.#hostFrom();
    let out = href.slice(0, parts[kProtocolEnd]);
    if (want.auth) {
      out += href.slice(parts[kProtocolEnd], hostFrom);
    } else if (href.startsWith('//', parts[kProtocolEnd])) {
      out += '//';
    }
    const hostname = href.slice(hostFrom, parts[kHostEnd]);
    out += want.unicode ? toUnicode(hostname) : hostname;
    const search = parts[kSearchStart];
    const hash = parts[kHashStart];
    let pathEnd = search === kOmitted ? hash : search;
    if (pathEnd === kOmitted) pathEnd = href.length;
    out += href.slice(parts[kHostEnd], pathEnd);
    if (want.search && search !== kOmitted) {
      out += href.slice(search, hash === kOmitted ? href.length : hash);
    }
    if (want.fragment && hash !== kOmitted) out += href.slice(hash);
    return out;
  }

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const text = toUSVString(input);
    const baseText = base === undefined ? undefined : toUSVString(base);
    const href = ada().parse(text, baseText, scratch);
    if (href === undefined) throw invalidUrl(text, baseText);
    this.#href = href;
    this.#parts = scratch.slice();
  }

  // Like the constructor, with null for what it would reject.
  static parse(input, ...rest) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const base = rest[0];
    const baseText = base === undefined ? undefined : `${base}`;
    if (!ada().canParse(`${input}`, baseText)) return null;
    return new URL(input, base);
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    const baseText = base === undefined ? undefined : `${base}`;
    return ada().canParse(`${input}`, baseText);
  }

  // Blob URLs need a Blob, which jspack does not have yet: every argument
  // fails the check Node makes.
  // Blob URLs are filed with the blobs (internal/buffer/blob).
  static createObjectURL(obj) {
    return require('../buffer/blob').newObjectURL(obj);
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    require('../buffer/blob').revokeObjectURL(url);
  }

  // Runs one setter through the binding; a rejected value changes nothing.
  #apply(which, value) {
    const href = ada().update(this.#href, which, value, scratch);
    if (href === false) return false;
    this.#href = href;
    this.#parts = scratch.slice();
    return true;
  }

  #slice(from, to) {
    return this.#href.slice(from, to);
  }

  // Where the host begins: after the '@' that ends credentials, if any.
  #hostFrom() {
    const parts = this.#parts;
    const start = parts[kHostStart];
    return start < parts[kHostEnd] && this.#href[start] === '@' ?
      start + 1 : start;
  }

  #queryChanged() {
    if (this.#params !== null) reloadParams(this.#params, this.search);
  }

  toString() {
    if (!isURL(this)) throw receiverError();
    return this.#href;
  }

  get href() {
    if (!isURL(this)) throw receiverError();
    return this.#href;
  }

  set href(value) {
    if (!isURL(this)) throw receiverError();
    const text = `${value}`;
    const href = ada().parse(text, undefined, scratch);
    if (href === undefined) throw new ERR_INVALID_URL(text);
    this.#href = href;
    this.#parts = scratch.slice();
    this.#queryChanged();
  }

  get origin() {
    if (!isURL(this)) throw receiverError();
    const protocol = this.protocol;
    if (kSpecialOrigins.has(protocol)) return `${protocol}//${this.host}`;
    if (protocol !== 'blob:') return 'null';
    const inner = ada().parse(this.pathname, undefined, scratch);
    if (inner === undefined) return 'null';
    const innerProtocol = inner.slice(0, scratch[kProtocolEnd]);
    if (innerProtocol !== 'http:' && innerProtocol !== 'https:') return 'null';
    return new URL(inner).origin;
  }

  get protocol() {
    if (!isURL(this)) throw receiverError();
    return this.#slice(0, this.#parts[kProtocolEnd]);
  }

  set protocol(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.protocol, `${value}`);
  }

  get username() {
    if (!isURL(this)) throw receiverError();
    const parts = this.#parts;
    const from = parts[kProtocolEnd] + 2;
    return from < parts[kUsernameEnd] ? this.#slice(from, parts[kUsernameEnd]) : '';
  }

  set username(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.username, `${value}`);
  }

  get password() {
    if (!isURL(this)) throw receiverError();
    const parts = this.#parts;
    return parts[kHostStart] > parts[kUsernameEnd] ?
      this.#slice(parts[kUsernameEnd] + 1, parts[kHostStart]) : '';
  }

  set password(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.password, `${value}`);
  }

  get host() {
    if (!isURL(this)) throw receiverError();
    const parts = this.#parts;
    if (parts[kHostStart] === parts[kHostEnd]) return '';
    const end = parts[kPort] === kOmitted ? parts[kHostEnd] : parts[kPathnameStart];
    return this.#slice(this.#hostFrom(), end);
  }

  set host(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.host, `${value}`);
  }

  get hostname() {
    if (!isURL(this)) throw receiverError();
    return this.#slice(this.#hostFrom(), this.#parts[kHostEnd]);
  }

  set hostname(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.hostname, `${value}`);
  }

  get port() {
    if (!isURL(this)) throw receiverError();
    const port = this.#parts[kPort];
    return port === kOmitted ? '' : `${port}`;
  }

  // Node's parser (a newer ada than libnode's) decides some values itself:
  // it ignores a value that starts with a control, a space or '-', or has
  // no digit at all, and clears the port for one that starts with another
  // non-digit.
  set port(value) {
    if (!isURL(this)) throw receiverError();
    const text = `${value}`.replace(kTabOrNewline, '');
    const first = text.charCodeAt(0);
    if (text !== '' && (first <= 0x20 || first === 0x2D || !kAnyDigit.test(text))) return;
    const digitFirst = first >= 0x30 && first <= 0x39;
    this.#apply(kSet.port, text === '' || digitFirst ? text : '');
  }

  get pathname() {
    if (!isURL(this)) throw receiverError();
    const parts = this.#parts;
    let end = parts[kSearchStart];
    if (end === kOmitted) end = parts[kHashStart];
    if (end === kOmitted) end = this.#href.length;
    return this.#slice(parts[kPathnameStart], end);
  }

  set pathname(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.pathname, `${value}`);
  }

  get search() {
    if (!isURL(this)) throw receiverError();
    const parts = this.#parts;
    const start = parts[kSearchStart];
    if (start === kOmitted) return '';
    const end = parts[kHashStart] === kOmitted ? this.#href.length : parts[kHashStart];
    return end - start <= 1 ? '' : this.#slice(start, end);
  }

  set search(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.search, `${value}`);
    this.#queryChanged();
  }

  get searchParams() {
    if (!isURL(this)) throw receiverError();
    if (this.#params === null) this.#params = newLinkedParams(this, this.search);
    return this.#params;
  }

  get hash() {
    if (!isURL(this)) throw receiverError();
    const start = this.#parts[kHashStart];
    if (start === kOmitted || this.#href.length - start <= 1) return '';
    return this.#slice(start);
  }

  set hash(value) {
    if (!isURL(this)) throw receiverError();
    this.#apply(kSet.hash, `${value}`);
  }

  toJSON() {
    if (!isURL(this)) throw receiverError();
    return this.#href;
  }

  [kCustomInspect](depth, options, inspect) {
    if (!isURL(this)) throw receiverError();
    const title = this.constructor.name;
    if (typeof depth === 'number' && depth < 0) return `${title} {}`;
    const shown = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    return `${title} ${inspect(shown, { ...options, depth })}`;
  }
}

// WebIDL's members are enumerable; class syntax makes them not.
function exposeMembers(ctor, tag) {
  const proto = ctor.prototype;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor') continue;
    Object.defineProperty(proto, key, { enumerable: true });
  }
  Object.defineProperty(proto, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

for (const key of ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']) {
  Object.defineProperty(URL, key, { enumerable: true });
}
exposeMembers(URL, 'URL');

// URLSearchParams ------------------------------------------------------------

function badPair() {
  return new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
}

// sequence<sequence<USVString>> init: each pair exactly two items.
function pairsToList(pairs) {
  const list = [];
  for (const pair of pairs) {
    const iterable = pair !== null &&
      (typeof pair === 'object' || typeof pair === 'function') &&
      typeof pair[Symbol.iterator] === 'function';
    if (!iterable) throw badPair();
    const items = Array.from(pair);
    if (items.length !== 2) throw badPair();
    list.push(toUSVString(items[0]), toUSVString(items[1]));
  }
  return list;
}

// record<USVString, USVString> init: own enumerable keys, symbols included
// (which fail the string conversion, as in Node).
function recordToList(record) {
  const list = [];
  for (const key of Reflect.ownKeys(record)) {
    const name = toUSVString(key);
    const desc = Reflect.getOwnPropertyDescriptor(record, key);
    if (desc !== undefined && desc.enumerable) list.push(name, toUSVString(record[key]));
  }
  return list;
}

// Where the first pair named `key` (and holding `value`, unless that is
// undefined) sits in a flat list, or -1.
function findPair(list, key, value) {
  for (let at = 0; at < list.length; at += 2) {
    if (list[at] === key && (value === undefined || list[at + 1] === value)) return at;
  }
  return -1;
}

function optionalUSV(value) {
  return value === undefined ? undefined : toUSVString(value);
}

let isParams;
let paramsList;
let newIterator;

class URLSearchParams {
  #list = [];
  #owner = null;

  static {
    isParams = (self) => self !== null && typeof self === 'object' && #list in self;
    paramsList = (params) => params.#list;
    newLinkedParams = (url, search) => {
      const params = new URLSearchParams(search);
      params.#owner = url;
      return params;
    };
    reloadParams = (params, search) => {
      params.#list = parseForm(search.length > 0 ? search.slice(1) : '');
    };
  }

  constructor(source = undefined) {
    if (source === undefined || source === null) return;
    if (typeof source !== 'object' && typeof source !== 'function') {
      const text = toUSVString(source);
      this.#list = parseForm(text.charCodeAt(0) === 63 ? text.slice(1) : text);
      return;
    }
    const iterate = source[Symbol.iterator];
    if (iterate === undefined || iterate === null) {
      this.#list = recordToList(source);
    } else if (typeof iterate === 'function') {
      this.#list = pairsToList(source);
    } else {
      throw new ERR_ARG_NOT_ITERABLE('Query pairs');
    }
  }

  // Writes the list back into the owning URL's query.
  #changed() {
    if (this.#owner !== null) setQueryFromParams(this.#owner, serializeForm(this.#list));
  }

  get size() {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return this.#list.length / 2;
  }

  append(name, value) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#changed();
  }

  delete(name, ...rest) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const key = toUSVString(name);
    const only = optionalUSV(rest[0]);
    const list = this.#list;
    for (let at = list.length - 2; at >= 0; at -= 2) {
      if (list[at] === key && (only === undefined || list[at + 1] === only)) list.splice(at, 2);
    }
    this.#changed();
  }

  get(name) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const at = findPair(this.#list, toUSVString(name), undefined);
    return at === -1 ? null : this.#list[at + 1];
  }

  getAll(name) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const key = toUSVString(name);
    return this.#list.filter((item, index) => index % 2 === 1 && this.#list[index - 1] === key);
  }

  has(name, ...rest) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    return findPair(this.#list, toUSVString(name), optionalUSV(rest[0])) !== -1;
  }

  // The first pair named `name` takes the value; later ones go.
  set(name, value) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const key = toUSVString(name);
    const text = toUSVString(value);
    const list = this.#list;
    const first = findPair(list, key, undefined);
    if (first === -1) {
      list.push(key, text);
    } else {
      list[first + 1] = text;
      for (let at = list.length - 2; at > first; at -= 2) {
        if (list[at] === key) list.splice(at, 2);
      }
    }
    this.#changed();
  }

  // A stable sort on names by UTF-16 code units.
  sort() {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#changed();
  }

  entries() {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return newIterator(this, 'entries');
  }

  // The list is read afresh at each step, so the callback may change it.
  forEach(callback, ...rest) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (typeof callback !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    for (let step = 0; step * 2 < this.#list.length; step++) {
      const list = this.#list;
      Reflect.apply(callback, rest[0], [list[step * 2 + 1], list[step * 2], this]);
    }
  }

  keys() {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return newIterator(this, 'keys');
  }

  values() {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return newIterator(this, 'values');
  }

  toString() {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    return serializeForm(this.#list);
  }

  [kCustomInspect](depth, options, inspect) {
    if (!isParams(this)) throw new ERR_INVALID_THIS('URLSearchParams');
    if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
    const inner = { ...options, depth: depth === null ? null : depth - 1 };
    const shown = [];
    this.#list.forEach((item, index, list) => {
      if (index % 2 === 1) shown.push(`${inspect(list[index - 1], inner)} => ${inspect(item, inner)}`);
    });
    const title = this.constructor.name;
    if (shown.length === 0) return `${title} {}`;
    const oneLine = shown.join(', ');
    if (visibleLength(oneLine) > options.breakLength) {
      return `${title} {\n  ${shown.join(',\n  ')} }`;
    }
    return `${title} { ${oneLine} }`;
  }
}

exposeMembers(URLSearchParams, 'URLSearchParams');
const { entries: entriesMethod } = URLSearchParams.prototype;
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
  value: entriesMethod,
  writable: true, enumerable: false, configurable: true,
});

// Iterators over a URLSearchParams: they read the live list by position.
const kIteratorState = new WeakMap();
const kIteratorProto = Object.create(
  Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())));

function itemAt(list, index, kind) {
  if (kind === 'keys') return list[index];
  if (kind === 'values') return list[index + 1];
  return [list[index], list[index + 1]];
}

Object.defineProperties(kIteratorProto, {
  next: {
    value: function next() {
      const state = kIteratorState.get(this);
      if (state === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      const list = paramsList(state.params);
      if (state.index >= list.length) return { value: undefined, done: true };
      const value = itemAt(list, state.index, state.kind);
      state.index += 2;
      return { value, done: false };
    },
    writable: true, enumerable: true, configurable: true,
  },
  [Symbol.toStringTag]: {
    value: 'URLSearchParams Iterator', configurable: true,
  },
  [kCustomInspect]: {
    value: function inspectIterator(depth, options, inspect) {
      const state = kIteratorState.get(this);
      if (state === undefined) throw new ERR_INVALID_THIS('URLSearchParamsIterator');
      if (typeof depth === 'number' && depth < 0) return options.stylize('[Object]', 'special');
      const inner = { ...options, depth: depth === null ? null : depth - 1 };
      const list = paramsList(state.params);
      const shown = [];
      for (let i = state.index; i < list.length; i += 2) {
        shown.push(inspect(itemAt(list, i, state.kind), inner));
      }
      const oneLine = shown.join(', ');
      const items = [];
      for (let i = state.index; i < list.length; i += 2) {
        items.push(itemAt(list, i, state.kind));
      }
      // The list breaks over lines exactly when the same items as an
      // array would.
      if (inspect(items, inner).includes('\n')) {
        return `URLSearchParams Iterator {\n  ${shown.join(',\n  ')} }`;
      }
      return `URLSearchParams Iterator { ${oneLine} }`;
    },
    writable: true, configurable: true,
  },
});

newIterator = (params, kind) => {
  const iterator = Object.create(kIteratorProto);
  kIteratorState.set(iterator, { params, kind, index: 0 });
  return iterator;
};

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  formatURL,
  isParams,
  toUSVString,
};
