// Recognizes the roots of win32 paths: drives, UNC shares, device namespaces.
'use strict';

const { kSlash, kBackslash } = require('./scan');

const kColon = 58;

// DOS device names that Windows treats as devices even when followed by a
// colon ('CON:', 'com1:'), compared in upper case.
const kReservedNames = new Set([
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'COM\u00b9', 'COM\u00b2', 'COM\u00b3',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'LPT\u00b9', 'LPT\u00b2', 'LPT\u00b3',
]);

function isSep(code) {
  return code === kBackslash || code === kSlash;
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// True when the path opens with a drive designator such as 'C:'.
function hasDrive(path) {
  return path.length >= 2 && path.charCodeAt(1) === kColon &&
    isDriveLetter(path.charCodeAt(0));
}

// Positions found by scanUnc(): the server name is path[2, serverEnd) and the
// share name path[shareStart, shareEnd).
const kUnc = { serverEnd: 0, shareStart: 0, shareEnd: 0 };

// Matches '\\server\share' at the start of `path`: exactly two separators,
// a server name, one or more separators and a share name. Fills kUnc and
// returns true on a match.
function scanUnc(path) {
  const len = path.length;
  if (len < 5 || !isSep(path.charCodeAt(0)) || !isSep(path.charCodeAt(1))) {
    return false;
  }
  let i = 2;
  while (i < len && !isSep(path.charCodeAt(i))) i++;
  if (i === 2 || i === len) return false;
  kUnc.serverEnd = i;
  while (i < len && isSep(path.charCodeAt(i))) i++;
  if (i === len) return false;
  kUnc.shareStart = i;
  while (i < len && !isSep(path.charCodeAt(i))) i++;
  kUnc.shareEnd = i;
  return true;
}

// Result of readRoot(): `device` is the canonical device text ('C:',
// '\\server\share', '\\?', 'CON:' or ''), `end` where the rest of the path
// starts, `absolute` whether that rest hangs from a root separator, and
// `dosDevice` whether the path opens with a DOS device name.
const kRoot = { device: '', end: 0, absolute: false, dosDevice: false };

// The root as normalize() and resolve() see it. With `dosNames`, a leading
// DOS device name is recognized the way normalize() does it; resolve()
// takes such a path as a plain name.
function readRoot(path, dosNames) {
  const first = path.charCodeAt(0);
  kRoot.dosDevice = false;
  if (isSep(first)) {
    kRoot.absolute = true;
    if (!scanUnc(path)) {
      kRoot.device = '';
      kRoot.end = 1;
    } else if (kUnc.serverEnd === 3 && (path.charCodeAt(2) === 63 ||
                                        path.charCodeAt(2) === 46)) {
      // '\\?\...' and '\\.\...' address the device namespaces; what
      // follows the '?' or '.' is an ordinary path under that root.
      kRoot.device = `\\\\${path[2]}`;
      kRoot.end = 3;
    } else {
      const server = path.slice(2, kUnc.serverEnd);
      const share = path.slice(kUnc.shareStart, kUnc.shareEnd);
      kRoot.device = `\\\\${server}\\${share}`;
      kRoot.end = kUnc.shareEnd;
    }
    return kRoot;
  }
  if (path.length >= 2 && path.charCodeAt(1) === kColon &&
      isDriveLetter(first)) {
    kRoot.device = path.slice(0, 2);
    kRoot.absolute = path.length > 2 && isSep(path.charCodeAt(2));
    kRoot.end = kRoot.absolute ? 3 : 2;
    return kRoot;
  }
  kRoot.device = '';
  kRoot.end = 0;
  kRoot.absolute = false;
  if (dosNames) {
    // Node compares the text before the first colon with the device names;
    // without a colon it compares all but the last character ('NULx'), and
    // such a path then only gets the '.\' guard. Every name has 3 or 4
    // characters, which spares the lookup for most paths.
    const colon = path.indexOf(':');
    const nameEnd = colon === -1 ? path.length - 1 : colon;
    if ((nameEnd === 3 || nameEnd === 4) &&
        kReservedNames.has(path.slice(0, nameEnd).toUpperCase())) {
      kRoot.dosDevice = true;
      kRoot.device = path.slice(0, colon + 1);
      kRoot.end = colon + 1;
    }
  }
  return kRoot;
}

// Length of the root as dirname() and parse() report it: 'C:', 'C:\', a
// lone separator, or a UNC share with the separator that follows it.
function rootLength(path) {
  const len = path.length;
  if (len === 0) return 0;
  if (isSep(path.charCodeAt(0))) {
    if (!scanUnc(path)) return 1;
    return kUnc.shareEnd === len ? len : kUnc.shareEnd + 1;
  }
  if (hasDrive(path)) return len > 2 && isSep(path.charCodeAt(2)) ? 3 : 2;
  return 0;
}

// A relative result without a device must not read as something else on
// Windows: a drive ('C:x' after 'a\..\C:x') or a stream/device name (a
// colon at the end of a segment, 'ab:\x'). Node then prefixes '.\', and so
// do we; `source` is the path before normalization.
function guardRelative(result, source) {
  if (result.length >= 2 && result.charCodeAt(1) === kColon &&
      isDriveLetter(result.charCodeAt(0))) {
    return `.\\${result}`;
  }
  const last = source.length - 1;
  let at = source.indexOf(':');
  while (at !== -1) {
    if (at === last || isSep(source.charCodeAt(at + 1))) return `.\\${result}`;
    at = source.indexOf(':', at + 1);
  }
  return result;
}

module.exports = {
  guardRelative,
  hasDrive,
  isDriveLetter,
  isSep,
  readRoot,
  rootLength,
};
