'use strict';
// node:http2's data rules: header objects to the flat [name, value, ...]
// lists the binding takes and back, settings (checked, packed as the 6-byte
// entries of a SETTINGS payload, unpacked), and the names of error codes.

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { validateHeaderName } = require('../http/common');

const sensitiveHeaders = Symbol('sensitiveHeaders');
// An internal respond() option: send no Date header.
const kNoDateHeader = Symbol('kNoDateHeader');

// Headers a message has at most once; a second value is an error going out
// and dropped coming in.
const kSingleValue = new Set([
  ':status', ':method', ':authority', ':scheme', ':path', ':protocol',
  'access-control-allow-credentials', 'access-control-max-age',
  'access-control-request-method', 'age', 'authorization', 'content-encoding',
  'content-language', 'content-length', 'content-location', 'content-md5',
  'content-range', 'content-type', 'date', 'dnt', 'etag', 'expires', 'from',
  'host', 'if-match', 'if-modified-since', 'if-none-match', 'if-range',
  'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'range', 'referer', 'retry-after', 'tk',
  'upgrade-insecure-requests', 'user-agent', 'x-content-type-options',
]);
// HTTP/1 hop-by-hop headers, which HTTP/2 forbids (te only as "trailers").
const kConnectionHeaders = new Set([
  'connection', 'upgrade', 'http2-settings', 'te', 'transfer-encoding',
  'keep-alive', 'proxy-connection',
]);
// The pseudo-headers there are; which one a message needs is nghttp2's check.
const kPseudoHeaders = new Set([':status', ':method', ':authority', ':scheme', ':path', ':protocol']);

// headers (an object, or a flat [name, value, ...] array as Node also takes)
// -> { list, sensitive } for the binding. `pseudo` is the set of pseudo
// headers allowed (request or response).
function toHeaderList(headers, pseudo) {
  // Pseudo-headers go first, as HTTP/2 requires.
  const out = { first: [], rest: [], singles: null, pseudo };
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) addHeader(out, headers[i], headers[i + 1]);
  } else {
    for (const key in headers) if (Object.hasOwn(headers, key)) addHeader(out, key, headers[key]);
  }
  const list = out.first.length === 0 ? out.rest : out.first.concat(out.rest);
  const marked = headers[sensitiveHeaders];
  const neverIndex = Array.isArray(marked) && marked.length > 0 ?
    new Set(marked.map((name) => String(name).toLowerCase())) : null;
  // Never indexed (sent as sensitive) even when not marked, as Node does:
  // authorization, and a cookie shorter than 20 bytes.
  let flags;
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i];
    const secret = (neverIndex !== null && neverIndex.has(name)) || name === 'authorization' ||
      (name === 'cookie' && list[i + 1].length < 20);
    if (secret) (flags ??= new Uint8Array(list.length / 2))[i / 2] = 1;
  }
  return { list, sensitive: flags };
}

function addHeader(out, key, raw) {
  if (raw === undefined) return;
  const name = String(key).toLowerCase();
  const many = Array.isArray(raw);
  const isPseudo = name[0] === ':';
  if (isPseudo) {
    if (!out.pseudo.has(name)) throw new codes.ERR_HTTP2_INVALID_PSEUDOHEADER(name);
  } else {
    validateHeaderName(name);
    if (kConnectionHeaders.has(name) &&
        !(name === 'te' && !many && String(raw).toLowerCase() === 'trailers')) {
      throw new codes.ERR_HTTP2_INVALID_CONNECTION_HEADERS(name);
    }
  }
  if (isPseudo || kSingleValue.has(name)) {
    out.singles ??= [];
    if ((many && raw.length !== 1) || out.singles.includes(name)) {
      throw new codes.ERR_HTTP2_HEADER_SINGLE_VALUE(name);
    }
    out.singles.push(name);
  }
  const into = isPseudo ? out.first : out.rest;
  // Values are not checked here, as in Node: HTTP/2 frames them by length.
  if (many) for (const value of raw) into.push(name, String(value));
  else into.push(name, String(raw));
}

// A received flat list -> Node's header object: ':status' a number,
// set-cookie an array, cookie joined by '; ', other repeats by ', ', a
// repeated single-value header keeping its first value.
function toHeaderObject(list, sensitive) {
  const headers = { __proto__: null };
  for (let i = 0; i < list.length; i += 2) {
    const name = list[i];
    let value = list[i + 1];
    if (name === ':status') value = Number(value);
    const existing = headers[name];
    if (existing === undefined) {
      headers[name] = name === 'set-cookie' ? [value] : value;
    } else if (!kSingleValue.has(name)) {
      if (name === 'set-cookie') existing.push(value);
      else if (name === 'cookie') headers[name] = `${existing}; ${value}`;
      else headers[name] = `${existing}, ${value}`;
    }
  }
  headers[sensitiveHeaders] = sensitive ?? [];
  return headers;
}

// ---- Settings ---------------------------------------------------------------

// [name, SETTINGS id, max, kind] in id order, the order getPackedSettings
// writes them in.
const kSettings = [
  ['headerTableSize', 1, 2 ** 32 - 1, 'number'],
  ['enablePush', 2, 1, 'boolean'],
  ['maxConcurrentStreams', 3, 2 ** 32 - 1, 'number'],
  ['initialWindowSize', 4, 2 ** 31 - 1, 'number'],
  ['maxFrameSize', 5, 2 ** 24 - 1, 'number'],
  ['maxHeaderListSize', 6, 2 ** 32 - 1, 'number'],
  ['enableConnectProtocol', 8, 1, 'boolean'],
];

function getDefaultSettings() {
  return {
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

// The settings as a session reports them before the peer said otherwise.
function initialSettings() {
  const { maxHeaderSize, maxHeaderListSize, enableConnectProtocol, ...rest } = getDefaultSettings();
  return { ...rest, maxHeaderListSize: 2 ** 32 - 1, maxHeaderSize: 2 ** 32 - 1, enableConnectProtocol };
}

// Checks a settings object; returns [[id, value], ...] of what it sets.
function settingsEntries(settings, name = 'settings') {
  if (settings === undefined) return [];
  if (settings === null || typeof settings !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', settings);
  }
  const given = { ...settings };
  if (given.maxHeaderSize !== undefined) {
    if (given.maxHeaderListSize !== undefined && given.maxHeaderListSize !== given.maxHeaderSize) {
      process.emitWarning('settings.maxHeaderSize overwrite settings.maxHeaderListSize');
    }
    given.maxHeaderListSize = given.maxHeaderSize;
  }
  const entries = [];
  for (const [key, id, max, kind] of kSettings) {
    const value = given[key];
    if (value === undefined) continue;
    if (kind === 'boolean') {
      if (typeof value !== 'boolean') {
        throw new codes.ERR_HTTP2_INVALID_SETTING_VALUE.TypeError(key, value);
      }
      entries.push([id, value ? 1 : 0]);
      continue;
    }
    const min = key === 'maxFrameSize' ? 16384 : 0;
    if (typeof value !== 'number' || !(value >= min && value <= max)) {
      throw new codes.ERR_HTTP2_INVALID_SETTING_VALUE(key, value);
    }
    entries.push([id, value >>> 0]);
  }
  return entries;
}

function getPackedSettings(settings = {}) {
  const entries = settingsEntries(settings);
  const out = Buffer.alloc(entries.length * 6);
  entries.forEach(([id, value], i) => {
    out.writeUInt16BE(id, i * 6);
    out.writeUInt32BE(value, i * 6 + 2);
  });
  return out;
}

function getUnpackedSettings(buf, options = {}) {
  if (!ArrayBuffer.isView(buf)) {
    throw new codes.ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  if (bytes.length % 6 !== 0) throw new codes.ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  const settings = {};
  for (let at = 0; at < bytes.length; at += 6) {
    applySetting(settings, bytes.readUInt16BE(at), bytes.readUInt32BE(at + 2));
  }
  if (options != null && options.validate) settingsEntries(settings);
  return settings;
}

// Sets one received [id, value] on a settings object.
function applySetting(settings, id, value) {
  const known = kSettings.find((entry) => entry[1] === id);
  if (known === undefined) return;
  const [key, , , kind] = known;
  if (key === 'maxHeaderListSize') settings.maxHeaderSize = value;
  settings[key] = kind === 'boolean' ? value !== 0 : value;
}

// ---- Error codes -------------------------------------------------------------

// RFC 9113 error codes 0-13, by number.
const kErrorNames = [
  'NO_ERROR', 'PROTOCOL_ERROR', 'INTERNAL_ERROR', 'FLOW_CONTROL_ERROR', 'SETTINGS_TIMEOUT',
  'STREAM_CLOSED', 'FRAME_SIZE_ERROR', 'REFUSED_STREAM', 'CANCEL', 'COMPRESSION_ERROR',
  'CONNECT_ERROR', 'ENHANCE_YOUR_CALM', 'INADEQUATE_SECURITY', 'HTTP_1_1_REQUIRED',
].map((name) => `NGHTTP2_${name}`);

function errorName(code) {
  return kErrorNames[code] ?? code;
}

module.exports = {
  sensitiveHeaders,
  kNoDateHeader,
  kPseudoHeaders,
  toHeaderList,
  toHeaderObject,
  getDefaultSettings,
  initialSettings,
  settingsEntries,
  getPackedSettings,
  getUnpackedSettings,
  applySetting,
  errorName,
};
