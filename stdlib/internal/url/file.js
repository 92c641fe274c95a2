'use strict';
// file: URLs to paths and back (url.fileURLToPath, url.pathToFileURL), and
// url.urlToHttpOptions.

const path = require('../../path');
const { codes } = require('../errors');
const { validateString } = require('../validators');
const { URL, toUSVString } = require('./whatwg');

let domains;

// What Node accepts as a URL object here: a WHATWG URL or anything shaped
// like one, but not a legacy url.parse() result (it has auth and path).
function looksLikeURL(value) {
  return Boolean(value !== null && value !== undefined && value.href &&
    value.protocol && value.auth === undefined && value.path === undefined);
}

function wantsWindows(options) {
  return Boolean(options !== null && options !== undefined && options.windows);
}

function fileURLToPath(target, options = undefined) {
  const isText = typeof target === 'string';
  if (!isText && !looksLikeURL(target)) {
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], target);
  }
  const parsed = isText ? new URL(target) : target;
  if (parsed.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  return wantsWindows(options) ? windowsPathOf(parsed) : posixPathOf(parsed);
}

function badPath(why) {
  return new codes.ERR_INVALID_FILE_URL_PATH(why);
}

function posixPathOf(parsed) {
  if (parsed.hostname.length > 0) {
    throw new codes.ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const encoded = parsed.pathname;
  if (/%2f/i.test(encoded)) throw badPath('must not include encoded / characters');
  return decodeURIComponent(encoded);
}

function windowsPathOf(parsed) {
  const encoded = parsed.pathname;
  if (/%2f|%5c/i.test(encoded)) {
    throw badPath('must not include encoded \\ or / characters');
  }
  const local = decodeURIComponent(encoded.replace(/\//g, '\\'));
  const server = parsed.hostname;
  if (server.length > 0) {
    // A host makes it a UNC path: \\server\share\...
    if (domains === undefined) domains = require('./domain');
    return `\\\\${domains.domainToUnicode(server)}${local}`;
  }
  const drive = local.charCodeAt(1) | 0x20;
  if (drive < 97 || drive > 122 || local[2] !== ':') throw badPath('must be absolute');
  return local.slice(1);
}

// encodeURI escapes all but these of what a file URL path must escape.
const kPathExtra = /[?#~]/g;
const kPathExtraEscapes = { '?': '%3F', '#': '%23', '~': '%7E' };

// Node leaves C0 controls other than tab and newlines to the URL parser,
// which drops them from the end of the input.
const kTrailingControls = /(?:%(?:0[0-8BCEF]|1[0-9A-F]))+$/;

function encodePath(text) {
  return encodeURI(toUSVString(text))
    .replace(kPathExtra, (ch) => kPathExtraEscapes[ch])
    .replace(kTrailingControls, '');
}

function pathToFileURL(filepath, options = undefined) {
  validateString(filepath, 'path');
  if (wantsWindows(options)) return windowsFileURL(filepath);
  let resolved = path.posix.resolve(filepath);
  // resolve() drops a trailing slash; a directory path keeps it.
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  return new URL(`file://${encodePath(resolved)}`);
}

function windowsFileURL(given) {
  // A \\?\ (long path) prefix says nothing about where the file is.
  const filepath = given.startsWith('\\\\?\\') ? given.slice(4) : given;
  if (filepath.startsWith('\\\\')) {
    // UNC: \\server\share\rest becomes file://server/share/rest.
    const hostEnd = filepath.indexOf('\\', 2);
    if (hostEnd === -1) {
      throw new codes.ERR_INVALID_ARG_VALUE('path', filepath,
        'Missing UNC resource path');
    }
    const unc = new URL('file://');
    unc.hostname = filepath.slice(2, hostEnd);
    unc.pathname = encodePath(filepath.slice(hostEnd).replace(/\\/g, '/'));
    return unc;
  }
  let resolved = path.win32.resolve(filepath);
  if (/[\\/]$/.test(filepath) && !resolved.endsWith('\\')) resolved += '\\';
  const slashed = resolved.replace(/\\/g, '/');
  return new URL(`file:///${encodePath(slashed).replace(/^\/+/, '')}`);
}

// The options object http.request() takes, from a URL: Node spreads the
// URL's own properties first, then the parts it needs.
function urlToHttpOptions(target) {
  const host = target.hostname;
  const query = target.search;
  const route = target.pathname;
  const options = {
    __proto__: null,
    ...target,
    protocol: target.protocol,
    hostname: typeof host === 'string' && host.startsWith('[') ? host.slice(1, -1) : host,
    hash: target.hash,
    search: query,
    pathname: route,
    path: `${route || ''}${query || ''}`,
    href: target.href,
  };
  if (target.port !== '') options.port = Number(target.port);
  const user = target.username;
  const secret = target.password;
  if (user || secret) options.auth = [user, secret].map((part) => decodeURIComponent(part)).join(':');
  return options;
}

module.exports = {
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  looksLikeURL,
};
