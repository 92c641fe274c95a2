'use strict';
// tls.checkServerIdentity (RFC 6125 name matching against a peer
// certificate's legacy object) and tls.convertALPNProtocols (the ALPN wire
// format: each name prefixed by its length).

const { Buffer } = require('../../buffer');
const { codes } = require('../errors');
const { isArrayBufferView } = require('../util/types');
const ip = require('../net/ip');

// The labels of a host name: lower case, without a final dot.
function labelsOf(name) {
  let text = `${name}`.toLowerCase();
  if (text.endsWith('.')) text = text.slice(0, -1);
  return text.split('.');
}

// Only printable ASCII may appear in a certificate's name.
function printable(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

// Does `pattern` (a certificate name, maybe with one `*` in its first
// label) name the host whose labels are `host`?
function nameMatches(host, pattern, allowWildcard) {
  if (typeof pattern !== 'string' || pattern === '') return false;
  const want = labelsOf(pattern);
  if (want.length !== host.length) return false;
  if (!want.every((label) => label !== '' && printable(label))) return false;
  // Every label after the first must be equal.
  for (let i = want.length - 1; i > 0; i--) {
    if (want[i] !== host[i]) return false;
  }
  const first = want[0];
  const star = first.indexOf('*');
  if (star < 0 || first.startsWith('xn--')) return first === host[0];
  // At most one star, never in a punycode label, and not over a bare
  // top-level domain.
  if (!allowWildcard || first.indexOf('*', star + 1) >= 0 || want.length < 3) {
    return false;
  }
  const head = first.slice(0, star);
  const tail = first.slice(star + 1);
  const label = host[0];
  return label.length >= head.length + tail.length &&
    label.startsWith(head) && label.endsWith(tail);
}

// "DNS:a.com, IP Address:1.2.3.4" -> [['DNS', 'a.com'], ...]; a quoted
// value may hold commas.
function altNameEntries(text) {
  const out = [];
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    const colon = text.indexOf(':', i);
    if (colon < 0) break;
    const kind = text.slice(i, colon);
    let j = colon + 1;
    let value = '';
    if (text[j] === '"') {
      j++;
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        value += text[j++];
      }
      j++;
      const comma = text.indexOf(',', j);
      j = comma < 0 ? text.length : comma;
    } else {
      const comma = text.indexOf(',', j);
      const end = comma < 0 ? text.length : comma;
      value = text.slice(j, end);
      j = end;
    }
    out.push([kind, value]);
    i = j + 1;
  }
  return out;
}

// One spelling per address, so '::1' equals '0:0:0:0:0:0:0:1'.
function canonicalIP(text) {
  if (ip.isIPv4(text)) return text;
  if (ip.isIPv6(text)) {
    const groups = ip.parseIPv6(text);
    if (groups !== null && groups !== undefined) return ip.formatIPv6(groups);
  }
  return text;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altText = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  const host = `${hostname}`;
  if (altText) {
    for (const [kind, value] of altNameEntries(altText)) {
      if (kind === 'DNS') dnsNames.push(value);
      else if (kind === 'IP Address') ips.push(canonicalIP(value));
    }
  }
  let matched = false;
  let reason;
  if (ip.isIP(host)) {
    matched = ips.includes(canonicalIP(host));
    if (!matched) reason = `IP: ${host} is not in the cert's list: ${ips.join(', ')}`;
  } else if (dnsNames.length > 0 || subject?.CN !== undefined) {
    const labels = labelsOf(host);
    if (dnsNames.length > 0) {
      matched = dnsNames.some((name) => nameMatches(labels, name, true));
      if (!matched) reason = `Host: ${host}. is not in the cert's altnames: ${altText}`;
    } else {
      const names = Array.isArray(subject.CN) ? subject.CN : [subject.CN];
      matched = names.some((name) => nameMatches(labels, name, true));
      if (!matched) reason = `Host: ${host}. is not cert's CN: ${subject.CN}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (matched) return undefined;
  return new codes.ERR_TLS_CERT_ALTNAME_INVALID(reason, host, cert);
}

// ['h2', 'http/1.1'] -> <02 68 32 08 ...>; a Buffer or view is taken as
// already encoded.
function alpnWire(protocols) {
  if (isArrayBufferView(protocols)) {
    return Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
  }
  if (!Array.isArray(protocols)) return undefined;
  const parts = [];
  for (const name of protocols) {
    const bytes = Buffer.from(`${name}`);
    if (bytes.length > 255) {
      throw new codes.ERR_OUT_OF_RANGE('The byte length of the protocol at index 0',
        'length <= 255', bytes.length);
    }
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  return Buffer.concat(parts);
}

function convertALPNProtocols(protocols, out) {
  const wire = alpnWire(protocols);
  if (wire !== undefined) out.ALPNProtocols = wire;
}

// The names in a wire list.
function alpnNames(wire) {
  const names = [];
  for (let i = 0; i < wire.length;) {
    const len = wire[i];
    names.push(wire.toString('latin1', i + 1, i + 1 + len));
    i += 1 + len;
  }
  return names;
}

module.exports = { alpnNames, alpnWire, checkServerIdentity, convertALPNProtocols };
