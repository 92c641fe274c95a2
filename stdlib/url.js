'use strict';
// node:url: the WHATWG URL API (URL, URLSearchParams, file URL helpers,
// domain conversion) and the legacy url.parse / format / resolve API.

const { codes } = require('./internal/errors');
const validators = require('./internal/validators');
const whatwg = require('./internal/url/whatwg');
const domains = require('./internal/url/domain');
const files = require('./internal/url/file');
const legacy = require('./internal/url/legacy');

let punycode;

// IDNA ToUnicode of a host as the URL holds it: xn-- labels decoded, the
// rest (opaque hosts included) left exactly as they are.
function unicodeHost(hostname) {
  if (!hostname.includes('xn--')) return hostname;
  if (punycode === undefined) punycode = require('./punycode');
  return hostname.split('.').map((label) => {
    if (!label.startsWith('xn--')) return label;
    try {
      return punycode.decode(label.slice(4));
    } catch {
      return label;
    }
  }).join('.');
}

// url.format(URL, options): the href with parts left out on request.
function formatWhatwg(url, options) {
  if (options !== undefined) validators.validateObject(options, 'options', 0x1);
  const given = options === undefined || options === null ? {} : options;
  const flag = (key, fallback) => (given[key] === undefined ? fallback : Boolean(given[key]));
  const want = {
    auth: flag('auth', true),
    fragment: flag('fragment', true),
    search: flag('search', true),
    unicode: flag('unicode', false),
  };
  return whatwg.formatURL(url, want, unicodeHost);
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
