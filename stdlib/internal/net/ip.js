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
  const parts = text.split('.');
  return parts.length === 4 && parts.every(isOctet);
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

// Groups of one side of '::' (or the whole address): how many 16-bit units
// they make, -1 if malformed. A dotted quad may only end the address.
function countUnits(text, mayEndWithV4) {
  if (text === '') return 0;
  const groups = text.split(':');
  let units = 0;
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    if (i === groups.length - 1 && mayEndWithV4 && g.includes('.')) {
      if (!isIPv4Text(g)) return -1;
      units += 2;
    } else if (isHexGroup(g)) {
      units += 1;
    } else {
      return -1;
    }
  }
  return units;
}

function isIPv6Text(text) {
  const percent = text.indexOf('%');
  if (percent !== -1) {
    if (!isZone(text.slice(percent + 1))) return false;
    text = text.slice(0, percent);
  }
  const gap = text.indexOf('::');
  if (gap === -1) return countUnits(text, true) === 8;
  if (text.indexOf('::', gap + 1) !== -1) return false;
  const head = text.slice(0, gap);
  const tail = text.slice(gap + 2);
  const a = countUnits(head, false);
  const b = countUnits(tail, true);
  // '::' stands for at least one group.
  return a >= 0 && b >= 0 && a + b <= 7;
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

module.exports = { isIP, isIPv4, isIPv6 };
