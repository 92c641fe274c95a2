'use strict';
// node:url: the WHATWG URL API (URL, URLSearchParams, file URL helpers,
// domain conversion) and the legacy url.parse / format / resolve API.

const { codes } = require('./internal/errors');
const validators = require('./internal/validators');
const whatwg = require('./internal/url/whatwg');
const domains = require('./internal/url/domain');
const files = require('./internal/url/file');
const legacy = require('./internal/url/legacy');

// url.format(URL, options): the href with parts left out on request.
function formatWhatwg(url, options) {
  if (options !== undefined) validators.validateObject(options, 'options', 0x1);
  const opts = options === undefined || options === null ? {} : options;
  const want = (key, fallback) => (opts[key] === undefined ? fallback : Boolean(opts[key]));
  const auth = want('auth', true);
  const fragment = want('fragment', true);
  const search = want('search', true);
  const unicode = want('unicode', false);
  let out = url.protocol;
  if (url.host !== '' || url.href.startsWith(`${url.protocol}//`)) out += '//';
  if (auth && (url.username !== '' || url.password !== '')) {
    out += url.username;
    if (url.password !== '') out += `:${url.password}`;
    out += '@';
  }
  out += unicode ? domains.domainToUnicode(url.hostname) : url.hostname;
  if (url.port !== '') out += `:${url.port}`;
  out += url.pathname;
  if (search) out += url.search;
  if (fragment) out += url.hash;
  return out;
}

function format(urlObject, options = undefined) {
  if (whatwg.isURL(urlObject)) return formatWhatwg(urlObject, options);
  if (typeof urlObject === 'string') return legacy.urlParse(urlObject).format();
  if (urlObject === null || typeof urlObject !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  }
  return legacy.Url.prototype.format.call(urlObject);
}

module.exports = {
  Url: legacy.Url,
  parse: legacy.urlParse,
  resolve: legacy.urlResolve,
  resolveObject: legacy.urlResolveObject,
  format,
  URL: whatwg.URL,
  URLSearchParams: whatwg.URLSearchParams,
  domainToASCII: domains.domainToASCII,
  domainToUnicode: domains.domainToUnicode,
  pathToFileURL: files.pathToFileURL,
  fileURLToPath: files.fileURLToPath,
  urlToHttpOptions: files.urlToHttpOptions,
};
