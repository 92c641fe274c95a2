'use strict';
// util.MIMEType and util.MIMEParams: MIME types parsed and serialized as the
// WHATWG MIME Sniffing standard says.

const { codes } = require('../errors');

// Anything but an HTTP token code point, and anything a quoted string may
// not hold.
const kNotToken = /[^!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const kNotQuotable = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const kHttpSpace = '\t\n\r ';

const isHttpSpace = (ch) => kHttpSpace.includes(ch);

function trimHttpSpace(text, leading = true) {
  let start = 0;
  let end = text.length;
  if (leading) while (start < end && isHttpSpace(text[start])) ++start;
  while (end > start && isHttpSpace(text[end - 1])) --end;
  return text.slice(start, end);
}

// Throws unless `text` is a non-empty token; the index of the first bad
// character is part of the message.
function requireToken(text, production, whole = text) {
  const bad = text.search(kNotToken);
  if (text.length === 0 || bad !== -1) {
    throw new codes.ERR_INVALID_MIME_SYNTAX(production, whole, bad);
  }
}

function lower(text) {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

// A value that is not a plain token is written as a quoted string.
function serializeValue(value) {
  if (value.length > 0 && !kNotToken.test(value)) return value;
  return `"${value.replace(/["\\]/g, '\\$&')}"`;
}

// Reads the quoted string starting at text[at] (a '"'); returns its value
// and where reading stopped.
function readQuoted(text, at) {
  let value = '';
  let pos = at + 1;
  while (pos < text.length) {
    const ch = text[pos++];
    if (ch === '"') break;
    if (ch !== '\\') {
      value += ch;
    } else if (pos < text.length) {
      value += text[pos++];
    } else {
      value += '\\';
    }
  }
  return { value, end: pos };
}

let paramsMap;
class MIMEParams {
  #map = new Map();

  static {
    paramsMap = (params) => params.#map;
  }

  delete(name) {
    this.#map.delete(name);
  }

  get(name) {
    const value = this.#map.get(name);
    return value === undefined ? null : value;
  }

  has(name) {
    return this.#map.has(name);
  }

  set(name, value) {
    const key = `${name}`;
    const text = `${value}`;
    requireToken(key, 'parameter name');
    const bad = text.search(kNotQuotable);
    if (bad !== -1) {
      throw new codes.ERR_INVALID_MIME_SYNTAX('parameter value', text, bad);
    }
    this.#map.set(key, text);
  }

  entries() {
    return this.#map.entries();
  }

  keys() {
    return this.#map.keys();
  }

  values() {
    return this.#map.values();
  }

  toString() {
    const parts = [];
    for (const [name, value] of this.#map) {
      parts.push(`${name}=${serializeValue(value)}`);
    }
    return parts.join(';');
  }

  toJSON() {
    return this.toString();
  }
}
MIMEParams.prototype[Symbol.iterator] = MIMEParams.prototype.entries;

// Fills `map` from the parameter part of a MIME type (from just after the
// subtype); invalid or repeated parameters are skipped, as the standard says.
function parseParameters(text, start, map) {
  let pos = start;
  while (pos < text.length) {
    ++pos; // The ';'.
    while (pos < text.length && isHttpSpace(text[pos])) ++pos;
    let stop = pos;
    while (stop < text.length && text[stop] !== ';' && text[stop] !== '=') {
      ++stop;
    }
    const name = lower(text.slice(pos, stop));
    pos = stop;
    if (pos >= text.length) break;
    if (text[pos] === ';') continue;
    ++pos; // The '='.
    if (pos >= text.length) break;
    let value;
    if (text[pos] === '"') {
      const quoted = readQuoted(text, pos);
      value = quoted.value;
      // Node goes on right after the closing quote: the next round skips
      // one character as if it were the ';'.
      pos = quoted.end;
    } else {
      let end = text.indexOf(';', pos);
      if (end === -1) end = text.length;
      value = trimHttpSpace(text.slice(pos, end), false);
      pos = end;
      if (value.length === 0) continue;
    }
    const acceptable = name.length > 0 && !kNotToken.test(name) &&
      !kNotQuotable.test(value) && !map.has(name);
    if (acceptable) map.set(name, value);
  }
}

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  constructor(input) {
    const text = trimHttpSpace(`${input}`);
    const slash = text.indexOf('/');
    const type = slash === -1 ? text : text.slice(0, slash);
    if (type.length === 0 || slash === -1) {
      // A type with no subtype after it is reported without a position.
      if (type.length > 0) requireToken(type, 'type', text);
      throw new codes.ERR_INVALID_MIME_SYNTAX('type', text, -1);
    }
    requireToken(type, 'type', text);
    let end = text.indexOf(';', slash + 1);
    if (end === -1) end = text.length;
    const subtype = trimHttpSpace(text.slice(slash + 1, end), false);
    requireToken(subtype, 'subtype', text);
    this.#type = lower(type);
    this.#subtype = lower(subtype);
    parseParameters(text, end, paramsMap(this.#params));
  }

  get type() {
    return this.#type;
  }

  set type(value) {
    const text = `${value}`;
    requireToken(text, 'type');
    this.#type = lower(text);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(value) {
    const text = `${value}`;
    requireToken(text, 'subtype');
    this.#subtype = lower(text);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#params;
  }

  toString() {
    const params = this.#params.toString();
    return params.length === 0 ? this.essence : `${this.essence};${params}`;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = { MIMEParams, MIMEType };
