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
// What a hostname may not contain once IDNA has mapped it.
const kForbiddenHost = /[\0\t\n\r #%/:<>?@[\\\]^|]/;

// The hostname as Node's IDNA step leaves it: tabs and newlines dropped,
// Punycode for non-ASCII labels, and cut at the first NUL of the result
// (Node hands it over as a C string). Brackets, a bad xn-- label or an
// empty result make the whole URL invalid.
function asciiHostname(hostname, input) {
  const name = hostname.replace(/[\t\n\r]/g, '');
  if (name === '') return name;
  const nul = name.indexOf('\0');
  if (nul !== -1) return hostnameBeforeNul(name, nul, input);
  if (name.includes('[') || name.includes(']')) throw new ERR_INVALID_URL(input);
  let ascii = name;
  if (kNonAscii.test(name)) {
    ascii = idnaToASCII(name);
  } else {
    for (const label of name.split('.')) {
      if (label.startsWith('xn--') && idnaToASCII(label) === '') ascii = '';
    }
  }
  // IDNA mapping can turn a code point into ASCII the host may not hold
  // (U+2100 becomes "a/c", U+FF03 "#"): such a URL is a spoofing attempt.
  if (ascii === '' || kForbiddenHost.test(ascii)) throw new ERR_INVALID_URL(input);
  return ascii;
}

const kLabelDots = /[.\u3002\uFF0E\uFF61]/g;

// What is left of a hostname with a NUL once Node's C-string cut applies
// to the IDNA result: whole labels before the NUL's label convert as usual;
// of that label only the ASCII before the NUL survives, behind "xn--" when
// the label needed Punycode (its basic code points come first).
function hostnameBeforeNul(name, nul, input) {
  const head = name.slice(0, nul);
  if (head.includes('[') || head.includes(']')) throw new ERR_INVALID_URL(input);
  let labelStart = 0;
  for (const dot of head.matchAll(kLabelDots)) labelStart = dot.index + 1;
  const tail = name.slice(labelStart);
  const labelEnd = tail.search(kLabelDots);
  const label = labelEnd === -1 ? tail : tail.slice(0, labelEnd);
  const kept = head.slice(labelStart).replace(/[^\0-\x7F]/g, '').toLowerCase();
  let last = kept;
  if (kNonAscii.test(label)) {
    // The label stand-in without NULs says whether IDNA accepts it and
    // whether it needs Punycode (ignorable code points vanish instead).
    const probe = idnaToASCII(label.replace(/\0/g, 'a'));
    if (probe === '' || kForbiddenHost.test(probe)) throw new ERR_INVALID_URL(input);
    if (probe.startsWith('xn--')) last = `xn--${kept}`;
  }
  const before = labelStart === 0 ? '' :
    `${asciiHostname(name.slice(0, labelStart - 1), input)}.`;
  const result = before + last;
  if (result === '') throw new ERR_INVALID_URL(input);
  return result;
}

// Reads [auth@]host[:port] off the front of `rest` into `url`; returns
// what follows.
function takeAuthority(url, text, input) {
  let end = text.search(/[/?#]/);
  if (end === -1) end = text.length;
  // Tabs and newlines vanish from the authority part (not from the path).
  const authority = text.slice(0, end).replace(/[\t\n\r]/g, '');
  let rest = authority + text.slice(end);
  end = authority.length;
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
    // Other bad characters already ended the host; a NUL inside the
    // brackets makes the whole URL invalid.
    if (hostname.includes('\0')) throw new ERR_INVALID_URL(input);
    hostname = hostname.slice(1, -1);
    if (rest[0] !== '/') rest = `/${rest}`;
  }
  url.hostname = hostname;
  return rest;
}

// A bare path with an optional query takes a shortcut in Node that skips
// the escaping of unsafe characters.
const kBarePath = /^(\/\/?(?!\/)[^?\s@#]*)(\?[^\s#]*)?$/;

function takeBarePath(url, text, parseQueryString) {
  const match = kBarePath.exec(text);
  if (match === null) return false;
  url.path = text;
  url.href = text;
  url.pathname = match[1];
  const search = match[2];
  if (search !== undefined) {
    url.search = search;
    url.query = parseQueryString ? querystring.parse(search.slice(1)) : search.slice(1);
  } else if (parseQueryString) {
    url.query = { __proto__: null };
  }
  return true;
}

Url.prototype.parse = function parse(input, parseQueryString, slashesDenoteHost) {
  validateString(input, 'url');
  let rest = cleanInput(input);
  if (!slashesDenoteHost && takeBarePath(this, rest, parseQueryString)) return this;
  let scheme;
  let rawScheme;
  const schemeMatch = kScheme.exec(rest);
  if (schemeMatch !== null) {
    rawScheme = schemeMatch[0];
    scheme = rawScheme.toLowerCase();
    this.protocol = scheme;
    rest = rest.slice(rawScheme.length);
  }
  const mayHaveSlashes = slashesDenoteHost || scheme !== undefined ||
    kAuthWithoutScheme.test(rest);
  if (mayHaveSlashes && rest.startsWith('//') && !kHostless.has(scheme)) {
    rest = rest.slice(2);
    this.slashes = true;
  }
  // Node tests the scheme as written here: "HTTP:x@y" gets a host.
  const hasHost = !kHostless.has(scheme) &&
    (this.slashes || (scheme !== undefined && !kSlashed.has(rawScheme)));
  if (hasHost) rest = takeAuthority(this, rest, input);
  if (!kNoEscape.has(scheme)) rest = rest.replace(kEscapable, (ch) => kEscapes[ch]);
  splitTail(this, rest, parseQueryString, kSlashed.has(scheme));
  this.href = this.format();
  return this;
};

// Fills hash, search, query, pathname and path from what follows the host.
function splitTail(url, rest, parseQueryString, slashed) {
  let body = rest;
  const hashAt = body.indexOf('#');
  if (hashAt !== -1) {
    url.hash = body.slice(hashAt);
    body = body.slice(0, hashAt);
  }
  const queryAt = body.indexOf('?');
  if (queryAt === -1) {
    if (parseQueryString) url.query = { __proto__: null };
  } else {
    const text = body.slice(queryAt + 1);
    url.search = body.slice(queryAt);
    url.query = parseQueryString ? querystring.parse(text) : text;
    body = body.slice(0, queryAt);
  }
  if (body !== '') {
    url.pathname = body;
  } else if (slashed && url.hostname) {
    url.pathname = '/';
  }
  if (url.pathname || url.search) url.path = (url.pathname || '') + (url.search || '');
}

// The host part of a formatted URL: host as given, else hostname (bracketed
// when it is an IPv6 address) and port.
function authorityText(fields) {
  if (fields.host) return fields.host;
  const name = fields.hostname;
  if (!name) return '';
  const shown = name.includes(':') && name[0] !== '[' ? `[${name}]` : name;
  return fields.port ? `${shown}:${fields.port}` : shown;
}

function searchText(fields) {
  if (fields.search) return fields.search;
  const query = fields.query;
  if (query === null || typeof query !== 'object') return '';
  const text = querystring.stringify(query);
  return text === '' ? '' : `?${text}`;
}

function withLead(text, lead) {
  return text === '' || text[0] === lead ? text : lead + text;
}

Url.prototype.format = function format() {
  let scheme = this.protocol || '';
  if (scheme !== '' && !scheme.endsWith(':')) scheme += ':';
  const authority = authorityText(this);
  let host = '';
  if (authority !== '') {
    host = authority;
    if (this.auth) host = `${encodeURIComponent(this.auth).replace(/%3A/gi, ':')}@${host}`;
  }
  let pathname = (this.pathname || '').replace(/[?#]/g, (ch) => encodeURIComponent(ch));
  let lead = '';
  if (this.slashes || kSlashed.has(scheme)) {
    if (this.slashes || host !== '') {
      lead = '//';
      pathname = withLead(pathname, '/');
    } else if (scheme.startsWith('file')) {
      lead = '//';
    }
  }
  const search = withLead(searchText(this).replace(/#/g, '%23'), '?');
  const hash = withLead(this.hash || '', '#');
  return `${scheme}${lead}${host}${pathname}${search}${hash}`;
};

// DEP0169 is a pending deprecation: said once, and only when asked for.
let parseWarningChecked = false;
function warnParseDeprecated() {
  parseWarningChecked = true;
  const asked = process.execArgv.includes('--pending-deprecation') ||
    process.env.NODE_PENDING_DEPRECATION === '1';
  if (!asked) return;
  process.emitWarning('`url.parse()` behavior is not standardized and prone to ' +
    'errors that have security implications. Use the WHATWG URL API instead. ' +
    'CVEs are not issued for `url.parse()` vulnerabilities.',
  'DeprecationWarning', 'DEP0169');
}

function urlParse(input, parseQueryString = false, slashesDenoteHost = false) {
  if (!parseWarningChecked) warnParseDeprecated();
  if (input instanceof Url) return input;
  const parsed = new Url();
  return parsed.parse(input, parseQueryString, slashesDenoteHost);
}

Url.prototype.resolve = function resolve(relative) {
  const target = urlParse(relative, false, true);
  return this.resolveObject(target).format();
};

function urlResolve(from, to) {
  const base = urlParse(from, false, true);
  return base.resolve(to);
}

function urlResolveObject(from, to) {
  if (!from) return to;
  const base = urlParse(from, false, true);
  return base.resolveObject(to);
}

// resolveObject ---------------------------------------------------------------

function done(url) {
  url.href = url.format();
  return url;
}

function refreshPath(url) {
  if (url.pathname === null && url.search === null) return;
  url.path = (url.pathname || '') + (url.search || '');
}

// For schemes without '//' the host travels as the first path segment.
function hostIntoSegments(segments, host) {
  if (!host) return;
  if (segments[0] === '') segments[0] = host;
  else segments.unshift(host);
}

// The reverse: a segment becomes the host again, with "auth@" split off.
function hostFromSegment(url, segment) {
  url.host = segment;
  url.hostname = segment;
  if (typeof segment !== 'string' || segment.indexOf('@') <= 0) return;
  const [auth, host] = segment.split('@');
  Object.assign(url, { auth, host, hostname: host });
}

function splitSegments(pathname) {
  return pathname ? pathname.split('/') : [];
}

// A reference with a scheme of its own that uses '//' (http: after ftp:).
function adoptScheme(out, ref) {
  let pathname = ref.pathname;
  if (!ref.host && !/^file:?$/.test(ref.protocol) && !kHostless.has(ref.protocol)) {
    // "http:host/path" names its host in the path.
    const segments = splitSegments(ref.pathname || '');
    let host;
    do {
      host = segments.shift();
    } while (segments.length > 0 && !host);
    ref.host = host || '';
    if (!ref.hostname) ref.hostname = '';
    if (segments[0] !== '') segments.unshift('');
    while (segments.length < 2) segments.unshift('');
    pathname = segments.join('/');
  }
  Object.assign(out, {
    protocol: ref.protocol, pathname, search: ref.search, query: ref.query,
    host: ref.host || '', auth: ref.auth, hostname: ref.hostname || ref.host,
    port: ref.port,
  });
  if (out.pathname || out.search) out.path = (out.pathname || '') + (out.search || '');
  out.slashes = out.slashes || ref.slashes;
  return done(out);
}

// Takes the reference's host and hostname; credentials survive only when
// the host stays the same.
function adoptAuthority(out, ref) {
  for (const key of ['host', 'hostname']) {
    const value = ref[key];
    if (!value && value !== '') continue;
    if (out[key] !== value) out.auth = null;
    out[key] = value;
    if (key === 'host') out.port = ref.port;
  }
}

// Drops '.' and resolves '..' in place; returns the '..' left over.
function dropDots(segments) {
  let pending = 0;
  let i = segments.length;
  while (i-- > 0) {
    const segment = segments[i];
    const up = segment === '..';
    if (segment !== '.' && !up && pending === 0) continue;
    segments.splice(i, 1);
    if (up) pending++;
    else if (segment !== '.') pending--;
  }
  return pending;
}

function startsRooted(segments) {
  const first = segments[0];
  return first === '' || Boolean(first && first[0] === '/');
}

// The general case: same scheme (or none); paths are merged.
function mergeInto(out, ref) {
  const refRooted = Boolean(ref.host || (ref.pathname && ref.pathname[0] === '/'));
  const baseRooted = Boolean(out.pathname && out.pathname[0] === '/');
  let rooted = refRooted || baseRooted || Boolean(out.host && ref.pathname);
  const collapse = rooted;
  let segments = splitSegments(out.pathname);
  const added = splitSegments(ref.pathname);
  const hostInPath = Boolean(out.protocol && !kSlashed.has(out.protocol));
  if (hostInPath) {
    hostIntoSegments(segments, out.host);
    Object.assign(out, { hostname: '', port: null, host: '' });
    if (ref.protocol) {
      hostIntoSegments(added, ref.host);
      Object.assign(ref, { hostname: null, port: null, host: null });
    }
    rooted = rooted && (added[0] === '' || segments[0] === '');
  }

  const refSearch = ref.search;
  if (refRooted) {
    adoptAuthority(out, ref);
    segments = added;
  } else if (added.length > 0) {
    segments.pop();
    segments.push(...added);
  } else if (refSearch === null || refSearch === undefined) {
    // Nothing but a fragment: the path stays as it is.
  } else {
    if (hostInPath) hostFromSegment(out, segments.shift());
    Object.assign(out, { search: refSearch, query: ref.query });
    refreshPath(out);
    return done(out);
  }
  if (refRooted || added.length > 0) {
    Object.assign(out, { search: refSearch, query: ref.query });
  }

  if (segments.length === 0) {
    out.pathname = null;
    out.path = out.search ? `/${out.search}` : null;
    return done(out);
  }

  const last = segments[segments.length - 1];
  const endsInDots = last === '.' || last === '..';
  const keepSlash = last === '' ||
    (endsInDots && Boolean(out.host || ref.host || segments.length > 1));
  const excess = dropDots(segments);
  if (!rooted && !collapse) {
    for (let n = 0; n < excess; n++) segments.unshift('..');
  }
  if (rooted && !startsRooted(segments)) segments.unshift('');
  if (keepSlash && !segments.join('/').endsWith('/')) segments.push('');

  const absolute = startsRooted(segments);
  if (hostInPath) {
    hostFromSegment(out, absolute || segments.length === 0 ? '' : segments.shift());
  }
  if ((rooted || (out.host && segments.length > 0)) && !absolute) segments.unshift('');

  if (segments.length > 0) {
    out.pathname = segments.join('/');
  } else {
    out.pathname = null;
    out.path = null;
  }
  refreshPath(out);
  out.auth = ref.auth || out.auth;
  out.slashes = out.slashes || ref.slashes;
  return done(out);
}

Url.prototype.resolveObject = function resolveObject(relative) {
  let ref = relative;
  if (typeof ref === 'string') {
    ref = new Url();
    ref.parse(relative, false, true);
  }
  const out = Object.assign(new Url(), this);
  out.hash = ref.hash;
  if (ref.href === '') return done(out);
  if (ref.slashes && !ref.protocol) {
    // "//host/path": all but the scheme comes from the reference.
    for (const key of Object.keys(ref)) {
      if (key !== 'protocol') out[key] = ref[key];
    }
    if (kSlashed.has(out.protocol) && out.hostname && !out.pathname) {
      out.pathname = '/';
      out.path = '/';
    }
    return done(out);
  }
  if (ref.protocol && ref.protocol !== out.protocol) {
    if (kSlashed.has(ref.protocol)) return adoptScheme(out, ref);
    Object.assign(out, ref);
    return done(out);
  }
  return mergeInto(out, ref);
};

module.exports = {
  Url,
  urlParse,
  urlResolve,
  urlResolveObject,
};
