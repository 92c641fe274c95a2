'use strict';
// file: URLs to paths and back (url.fileURLToPath, url.pathToFileURL), and
// url.urlToHttpOptions.

const path = require('../../path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_URL_SCHEME,
  },
} = require('../errors');
const { validateString } = require('../validators');
const { URL, toUSVString } = require('./whatwg');

let domainToUnicode;

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
  let url = target;
  if (typeof target === 'string') {
    url = new URL(target);
  } else if (!looksLikeURL(target)) {
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], target);
  }
  if (url.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return wantsWindows(options) ? windowsPathOf(url) : posixPathOf(url);
}

const kEncodedSlash = /%2f/i;
const kEncodedSeparator = /%2f|%5c/i;

function posixPathOf(url) {
  if (url.hostname !== '') {
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  }
  const pathname = url.pathname;
  if (kEncodedSlash.test(pathname)) {
    throw new ERR_INVALID_FILE_URL_PATH('must not include encoded / characters');
  }
  return decodeURIComponent(pathname);
}

function windowsPathOf(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  if (kEncodedSeparator.test(pathname)) {
    throw new ERR_INVALID_FILE_URL_PATH(
      'must not include encoded \\ or / characters');
  }
  pathname = decodeURIComponent(pathname.replace(/\//g, '\\'));
  if (hostname !== '') {
    if (domainToUnicode === undefined) {
      domainToUnicode = require('./domain').domainToUnicode;
    }
    // A host makes it a UNC path: \\server\share\...
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const drive = pathname.charCodeAt(1) | 0x20;
  if (drive < 97 || drive > 122 || pathname[2] !== ':') {
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  }
  return pathname.slice(1);
}

// encodeURI escapes all but these of what a file URL path must escape.
const kPathExtra = /[?#~]/g;
const kPathExtraEscapes = { '?': '%3F', '#': '%23', '~': '%7E' };

function encodePath(text) {
  return encodeURI(toUSVString(text))
    .replace(kPathExtra, (ch) => kPathExtraEscapes[ch]);
}

function pathToFileURL(filepath, options = undefined) {
  validateString(filepath, 'path');
  if (wantsWindows(options)) return windowsFileURL(filepath);
  let resolved = path.posix.resolve(filepath);
  // resolve() drops a trailing slash; a directory path keeps it.
  if (filepath.endsWith('/') && !resolved.endsWith('/')) resolved += '/';
  return new URL(`file://${encodePath(resolved)}`);
}

function windowsFileURL(filepath) {
  // A \\?\ (long path) prefix says nothing about where the file is.
  if (filepath.startsWith('\\\\?\\')) filepath = filepath.slice(4);
  if (filepath.startsWith('\\\\')) {
    // UNC: \\server\share\rest becomes file://server/share/rest.
    const hostEnd = filepath.indexOf('\\', 2);
    if (hostEnd === -1) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath,
        'Missing UNC resource path');
    }
    const url = new URL('file://');
    url.hostname = filepath.slice(2, hostEnd);
    url.pathname = encodePath(filepath.slice(hostEnd).replace(/\\/g, '/'));
    return url;
  }
  let resolved = path.win32.resolve(filepath);
  if ((filepath.endsWith('\\') || filepath.endsWith('/')) &&
      !resolved.endsWith('\\')) {
    resolved += '\\';
  }
  const slashed = resolved.replace(/\\/g, '/');
  return new URL(`file:///${encodePath(slashed).replace(/^\/+/, '')}`);
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof hostname === 'string' && hostname.startsWith('[') ?
      hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ''}${search || ''}`,
    href: url.href,
  };
  if (port !== '') options.port = Number(port);
  if (username || password) {
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  }
  return options;
}

module.exports = {
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  looksLikeURL,
};
