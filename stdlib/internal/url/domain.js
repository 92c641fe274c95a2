'use strict';
// url.domainToASCII / url.domainToUnicode: a domain as the host of a ws:
// URL would hold it (IDNA, IPv4 forms, lowercase), '' when it is invalid.

const { codes: { ERR_MISSING_ARGS } } = require('../errors');

let binding;

function convert(domain, unicode) {
  if (binding === undefined) binding = internalBinding('url');
  return binding.domainTo(`${domain}`, unicode);
}

function domainToASCII(value) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return convert(value, false);
}

function domainToUnicode(value) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  return convert(value, true);
}

module.exports = { domainToASCII, domainToUnicode };
