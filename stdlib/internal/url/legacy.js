'use strict';
// The legacy url API: url.parse() into Url objects, Url#format,
// url.resolve() / Url#resolveObject, with the field layout and the quirks
// Node has kept for compatibility (documented as "legacy" in Node 20).

const querystring = require('../../querystring');
const { codes: { ERR_INVALID_URL } } = require('../errors');
const { validateString } = require('../validators');

let binding;
function idnaToASCII(host) {
  if (binding === undefined) binding = internalBinding('url');
  return binding.idnaToASCII(host);
}

// Schemes whose URLs never have a host, whose text is never escaped, and
// whose URLs always carry '//' when formatted.
const kHostless = new Set(['javascript', 'javascript:']);
const kNoEscape = new Set(['javascript', 'javascript:']);
const kSlashed = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:',
  'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

const kScheme = /^[a-z0-9.+-]+:/i;
const kAuthWithoutScheme = /^\/\/[^@/]+@[^@/]+/;
const kPortSuffix = /:[0-9]*$/;

// Characters that end the host (and begin the path) when they appear in it.
const kHostStop = new Set(['/', '?', '#', ' ', '"', '\'', '%', ';', '<', '>',
  '^', '`', '{', '|', '}', '\\']);
// Characters escaped wherever they appear after the host.
const kEscapes = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22',
  '\'': '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60',
  '{': '%7B', '|': '%7C', '}': '%7D',
};
const kEscapable = /[\t\n\r "'<>\\^`{|}]/g;
const kWhitespace = /\s/;

function isBlank(ch) {
  return ch.charCodeAt(0) <= 0x20 || kWhitespace.test(ch);
}

let warnedInvalidPort = false;
function warnInvalid(input) {
  if (warnedInvalidPort) return;
  warnedInvalidPort = true;
  process.emitWarning(`The URL ${input} is invalid. Future versions of ` +
    'Node.js will throw an error.', 'DeprecationWarning', 'DEP0170');
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

// The input without surrounding blanks, and with '\' read as '/' up to the
// query or fragment (browsers do the same).
function cleanInput(input) {
  let start = 0;
  let end = input.length;
  while (start < end && isBlank(input[start])) start++;
  while (end > start && isBlank(input[end - 1])) end--;
  const text = input.slice(start, end);
  const stop = text.search(/[?#]/);
  const head = stop === -1 ? text : text.slice(0, stop);
  if (!head.includes('\\')) return text;
  return head.replace(/\\/g, '/') + (stop === -1 ? '' : text.slice(stop));
}

const kNonAscii = /[^\0-\x7F]/;

// The hostname as Node's IDNA step leaves it: tabs and newlines dropped,
// cut at a NUL, Punycode for non-ASCII labels; brackets or a bad xn--
// label make the whole URL invalid.
function asciiHostname(hostname, input) {
  let name = hostname.replace(/[\t\n\r]/g, '');
  const nul = name.indexOf('\0');
  if (nul !== -1) name = name.slice(0, nul);
  if (name === '') return name;
  if (name.includes('[') || name.includes(']')) throw new ERR_INVALID_URL(input);
  if (kNonAscii.test(name)) {
    const ascii = idnaToASCII(name);
    if (ascii === '') throw new ERR_INVALID_URL(input);
    return ascii;
  }
  for (const label of name.split('.')) {
    if (label.startsWith('xn--') && idnaToASCII(label) === '') {
      throw new ERR_INVALID_URL(input);
    }
  }
  return name;
}

// Reads [auth@]host[:port] off the front of `rest` into `url`; returns
// what follows.
function takeAuthority(url, rest, input) {
  let end = rest.search(/[/?#]/);
  if (end === -1) end = rest.length;
  const at = rest.lastIndexOf('@', end);
  if (at !== -1) {
    url.auth = decodeURIComponent(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  let hostEnd = 0;
  while (hostEnd < rest.length && !kHostStop.has(rest[hostEnd])) hostEnd++;
  let host = rest.slice(0, hostEnd);
  rest = rest.slice(hostEnd);

  const port = kPortSuffix.exec(host);
  if (port !== null) {
    if (port[0] !== ':') url.port = port[0].slice(1);
    host = host.slice(0, port.index);
  }
  let hostname = host;
  const bracketed = hostname[0] === '[' && hostname[hostname.length - 1] === ']';
  if (!bracketed) {
    // A ':' left in the name is an invalid port: Node keeps the part
    // before it as the host and moves the rest into the path.
    const colon = hostname.indexOf(':');
    if (colon !== -1) {
      warnInvalid(input);
      rest = `/${hostname.slice(colon)}${rest}`;
      hostname = hostname.slice(0, colon);
    }
  }
  hostname = hostname.length > 255 ? '' : hostname.toLowerCase();
  if (!bracketed && hostname !== '') hostname = asciiHostname(hostname, input);
  url.host = url.port === null ? hostname : `${hostname}:${url.port}`;
  if (bracketed) {
    hostname = hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  url.hostname = hostname;
  return rest;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  let rest = cleanInput(url);
  let scheme;
  let rawScheme;
  const schemeMatch = kScheme.exec(rest);
  if (schemeMatch !== null) {
    rawScheme = schemeMatch[0];
    scheme = rawScheme.toLowerCase();
    this.protocol = scheme;
    rest = rest.slice(schemeMatch[0].length);
  }
  if (slashesDenoteHost || scheme !== undefined || kAuthWithoutScheme.test(rest)) {
    if (rest.startsWith('//') && !kHostless.has(scheme)) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }
  if (!kHostless.has(scheme) &&
      // Node tests the scheme as written here: "HTTP:x@y" gets a host.
      (this.slashes || (scheme !== undefined && !kSlashed.has(rawScheme)))) {
    rest = takeAuthority(this, rest, url);
  }
  if (!kNoEscape.has(scheme)) rest = rest.replace(kEscapable, (ch) => kEscapes[ch]);

  const hashAt = rest.indexOf('#');
  if (hashAt !== -1) {
    this.hash = rest.slice(hashAt);
    rest = rest.slice(0, hashAt);
  }
  const queryAt = rest.indexOf('?');
  if (queryAt !== -1) {
    this.search = rest.slice(queryAt);
    this.query = rest.slice(queryAt + 1);
    if (parseQueryString) this.query = querystring.parse(this.query);
    rest = rest.slice(0, queryAt);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  if (rest !== '') this.pathname = rest;
  if (kSlashed.has(scheme) && this.hostname && !this.pathname) this.pathname = '/';
  if (this.pathname || this.search) {
    this.path = (this.pathname || '') + (this.search || '');
  }
  this.href = this.format();
  return this;
};

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/gi, ':')}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    const name = this.hostname;
    host = auth + (name.includes(':') && name[0] !== '[' ? `[${name}]` : name);
    if (this.port) host += `:${this.port}`;
  }
  let query = '';
  if (this.query !== null && typeof this.query === 'object') {
    query = querystring.stringify(this.query);
  }
  let search = this.search || (query && `?${query}`) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/[?#]/g, (ch) => encodeURIComponent(ch));
  if (this.slashes || kSlashed.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

function urlParse(url, parseQueryString = false, slashesDenoteHost = false) {
  if (url instanceof Url) return url;
  const out = new Url();
  out.parse(url, parseQueryString, slashesDenoteHost);
  return out;
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

// resolveObject ---------------------------------------------------------------

function copyFields(target, from, skip) {
  for (const key of Object.keys(from)) {
    if (key !== skip) target[key] = from[key];
  }
}

function finish(result) {
  result.href = result.format();
  return result;
}

function joinPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname || '') + (result.search || '');
  }
}

// For schemes without '//', the host rides in front of the path; splits
// a possible "auth@" off it.
function hostFromPath(result, first) {
  result.hostname = first;
  result.host = first;
  const at = typeof first === 'string' ? first.indexOf('@') : -1;
  if (at > 0) {
    const parts = first.split('@');
    result.auth = parts.shift();
    result.host = parts.shift();
    result.hostname = result.host;
  }
}

// A relative URL with a new scheme that uses '//' (http: after ftp:).
function switchScheme(result, relative) {
  result.protocol = relative.protocol;
  if (!relative.host && !/^file:?$/.test(relative.protocol) &&
      !kHostless.has(relative.protocol)) {
    const segments = (relative.pathname || '').split('/');
    while (segments.length > 0) {
      relative.host = segments.shift();
      if (relative.host) break;
    }
    if (!relative.host) relative.host = '';
    if (!relative.hostname) relative.hostname = '';
    if (segments[0] !== '') segments.unshift('');
    if (segments.length < 2) segments.unshift('');
    result.pathname = segments.join('/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  if (result.pathname || result.search) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

// Removes '.' and '..' segments in place; returns how many '..' went past
// the start.
function dropDots(segments) {
  let pending = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const segment = segments[i];
    if (segment === '.') {
      segments.splice(i, 1);
    } else if (segment === '..') {
      segments.splice(i, 1);
      pending++;
    } else if (pending > 0) {
      segments.splice(i, 1);
      pending--;
    }
  }
  return pending;
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const parsed = new Url();
    parsed.parse(relative, false, true);
    relative = parsed;
  }
  const result = new Url();
  copyFields(result, this);
  result.hash = relative.hash;
  if (relative.href === '') return finish(result);

  // "//host/path": everything but the scheme comes from the relative URL.
  if (relative.slashes && !relative.protocol) {
    copyFields(result, relative, 'protocol');
    if (kSlashed.has(result.protocol) && result.hostname && !result.pathname) {
      result.pathname = '/';
      result.path = '/';
    }
    return finish(result);
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    if (!kSlashed.has(relative.protocol)) {
      copyFields(result, relative);
      return finish(result);
    }
    return switchScheme(result, relative);
  }

  const sourceAbsolute = Boolean(result.pathname && result.pathname[0] === '/');
  const relativeAbsolute = Boolean(relative.host ||
    (relative.pathname && relative.pathname[0] === '/'));
  let endAbsolute = Boolean(relativeAbsolute || sourceAbsolute ||
    (result.host && relative.pathname));
  const removeAllDots = endAbsolute;
  let segments = (result.pathname && result.pathname.split('/')) || [];
  const relSegments = (relative.pathname && relative.pathname.split('/')) || [];
  const hostInPath = Boolean(result.protocol && !kSlashed.has(result.protocol));

  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (segments[0] === '') segments[0] = result.host;
      else segments.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relSegments[0] === '') relSegments[0] = relative.host;
        else relSegments.unshift(relative.host);
      }
      relative.host = null;
    }
    endAbsolute = endAbsolute && (relSegments[0] === '' || segments[0] === '');
  }

  if (relativeAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    segments = relSegments;
  } else if (relSegments.length > 0) {
    segments.pop();
    segments = segments.concat(relSegments);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a new query: the path stays.
    if (hostInPath) hostFromPath(result, segments.shift());
    result.search = relative.search;
    result.query = relative.query;
    joinPath(result);
    return finish(result);
  }

  if (segments.length === 0) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    return finish(result);
  }

  const last = segments[segments.length - 1];
  const trailingSlash = Boolean(
    ((result.host || relative.host || segments.length > 1) &&
      (last === '.' || last === '..')) || last === '');
  let above = dropDots(segments);
  if (!endAbsolute && !removeAllDots) {
    while (above-- > 0) segments.unshift('..');
  }
  if (endAbsolute && segments[0] !== '' &&
      (!segments[0] || segments[0][0] !== '/')) {
    segments.unshift('');
  }
  if (trailingSlash && !segments.join('/').endsWith('/')) segments.push('');

  const absolute = segments[0] === '' || Boolean(segments[0] && segments[0][0] === '/');
  if (hostInPath) {
    let first = '';
    if (!absolute && segments.length > 0) first = segments.shift();
    hostFromPath(result, first);
  }
  endAbsolute = endAbsolute || Boolean(result.host && segments.length);
  if (endAbsolute && !absolute) segments.unshift('');

  if (segments.length > 0) {
    result.pathname = segments.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  joinPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
};

module.exports = {
  Url,
  urlParse,
  urlResolve,
  urlResolveObject,
};
