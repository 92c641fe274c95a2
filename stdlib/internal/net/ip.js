'use strict';
// Textual IP address checks behind net.isIP/isIPv4/isIPv6, written as small
// parsers rather than one large regular expression.

// One decimal octet: 0-255 without leading zeros.
function isOctet(text) {
  const n = text.length;
  if (n === 0 || n > 3) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  if (n > 1 && text.charCodeAt(0) === 48) return false;
  return Number(text) <= 255;
}

function isIPv4Text(text) {
  return parseIPv4(text) >= 0;
}

function isHexGroup(text) {
  const n = text.length;
  if (n === 0 || n > 4) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

// Characters a zone id (after '%') may use: letters, digits, '-', '.', ':'.
function isZone(text) {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const ok = (c >= 48 && c <= 58) || (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) || c === 45 || c === 46;
    if (!ok) return false;
  }
  return true;
}

// The 16-bit groups of one side of '::' (or of the whole address) appended
// to `out`; false if malformed. A dotted quad may only end the address.
function readGroups(text, mayEndWithV4, out) {
  if (text === '') return true;
  const groups = text.split(':');
  const last = groups.length - 1;
  for (const [i, g] of groups.entries()) {
    if (i === last && mayEndWithV4 && g.includes('.')) {
      const v4 = parseIPv4(g);
      if (v4 < 0) return false;
      out.push(v4 >>> 16, v4 & 0xffff);
    } else if (isHexGroup(g)) {
      out.push(parseInt(g, 16));
    } else {
      return false;
    }
  }
  return true;
}

// An IPv4 address as an unsigned 32-bit number, -1 if `text` is not one.
function parseIPv4(text) {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every(isOctet)) return -1;
  return ((+parts[0] << 24) | (+parts[1] << 16) | (+parts[2] << 8) | +parts[3]) >>> 0;
}

// An IPv6 address (no zone) as its eight 16-bit groups, or null.
function parseIPv6(text) {
  const gap = text.indexOf('::');
  const head = [];
  if (gap === -1) {
    if (!readGroups(text, true, head) || head.length !== 8) return null;
    return head;
  }
  if (text.indexOf('::', gap + 1) !== -1) return null;
  const tail = [];
  if (!readGroups(text.slice(0, gap), false, head) ||
      !readGroups(text.slice(gap + 2), true, tail)) {
    return null;
  }
  // '::' stands for at least one group.
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array(missing).fill(0), ...tail];
}

function isIPv6Text(text) {
  const percent = text.indexOf('%');
  if (percent !== -1) {
    if (!isZone(text.slice(percent + 1))) return false;
    text = text.slice(0, percent);
  }
  return parseIPv6(text) !== null;
}

function formatIPv4(n) {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

// The canonical text of eight groups, as inet_ntop writes it: lowercase,
// the longest run of two or more zero groups as '::', and IPv4-mapped or
// -compatible addresses with a dotted tail. `bindStyle` is c-ares' (BIND's)
// inet_ntop, which node:dns answers with: it also writes ::0.0.0.n for
// seven zero groups, except ::1.
function formatIPv6(groups, bindStyle = false) {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestLength < 2) bestStart = -1;
  if (bestStart === 0 && (bestLength === 6 ||
      (bindStyle && bestLength === 7 && groups[7] !== 1) ||
      (bestLength === 5 && groups[5] === 0xffff))) {
    const v4 = formatIPv4(((groups[6] << 16) | groups[7]) >>> 0);
    return bestLength === 5 ? `::ffff:${v4}` : `::${v4}`;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLength - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += groups[i].toString(16);
  }
  return out;
}

function isIPv4(input) {
  return isIPv4Text(`${input}`);
}

function isIPv6(input) {
  return isIPv6Text(`${input}`);
}

function isIP(input) {
  const text = `${input}`;
  if (isIPv4Text(text)) return 4;
  if (isIPv6Text(text)) return 6;
  return 0;
}

module.exports = { formatIPv4, formatIPv6, isIP, isIPv4, isIPv6, parseIPv4, parseIPv6 };
