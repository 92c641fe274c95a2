// node:path: POSIX and win32 path manipulation with Node's exact results.
'use strict';

const { validateObject, validateString } = require('./internal/validators');
const {
  kSlash,
  kBackslash,
  collapse,
  extensionStart,
  findLastSegment,
} = require('./internal/path/scan');
const win32Roots = require('./internal/path/win32-roots');

// Both flavours are built by makeFlavour() from a description: separator,
// how a root is read, where file names may start, how the working directory
// of a drive is found. The operations themselves are written once, over
// the model "root, then segments, then maybe a trailing separator".

// The POSIX root is a single leading '/'; there are no devices.
const kPosixRoot = { device: '', end: 0, absolute: false };

function readPosixRoot(path) {
  const absolute = path.charCodeAt(0) === kSlash;
  kPosixRoot.absolute = absolute;
  kPosixRoot.end = absolute ? 1 : 0;
  return kPosixRoot;
}

function currentDir() {
  // Looked up on each call: the working directory is per run, never part
  // of the snapshot.
  return process.cwd();
}

// Windows keeps one working directory per drive, published in environment
// variables named '=C:'. Without one, the process cwd serves unless it sits
// on another drive, in which case the drive's root does.
function driveDir(device) {
  const dir = process.env[`=${device}`] || currentDir();
  if (dir.length > 2 && dir.charCodeAt(2) === kBackslash &&
      dir.slice(0, 2).toLowerCase() !== device.toLowerCase()) {
    return `${device}\\`;
  }
  return dir;
}

const kPosixSpec = {
  sep: '/',
  delimiter: ':',
  sepCode: kSlash,
  readRoot: readPosixRoot,
  rootLength: (path) => (path.charCodeAt(0) === kSlash ? 1 : 0),
  nameFloor: () => 0,
  // A POSIX resolve ends at the first absolute path: there is no device to
  // look for further left.
  hasDevices: false,
  driveDir: currentDir,
  // dirname('//x') is '//' on POSIX, and parse('/..') sees an extension.
  rootQuirks: true,
  finishNormalize: (head, body) => head + body,
  fixJoined: (joined) => joined,
};

const kWin32Spec = {
  sep: '\\',
  delimiter: ';',
  sepCode: kBackslash,
  readRoot: win32Roots.readRoot,
  rootLength: win32Roots.rootLength,
  nameFloor: (path) => (win32Roots.hasDrive(path) ? 2 : 0),
  hasDevices: true,
  driveDir,
  rootQuirks: false,
  finishNormalize: finishWin32Normalize,
  fixJoined: fixWin32Joined,
};

// Adds Node's '.\' guard to relative results that Windows could misread.
function finishWin32Normalize(head, body, root, source) {
  if (root.absolute) return head + body;
  if (root.dosDevice) return `.\\${head}${body}`;
  if (root.device === '' && source.includes(':')) {
    return win32Roots.guardRelative(body, source);
  }
  return head + body;
}

// Joining must not invent a UNC root: unless the first part itself opens
// with exactly two separators and a name, a run of leading separators in
// the joined text shrinks to one.
function fixWin32Joined(joined, first) {
  const isSep = win32Roots.isSep;
  if (first.length > 2 && isSep(first.charCodeAt(0)) &&
      isSep(first.charCodeAt(1)) && !isSep(first.charCodeAt(2))) {
    return joined;
  }
  let run = 0;
  while (run < joined.length && isSep(joined.charCodeAt(run))) run++;
  return run >= 2 ? `\\${joined.slice(run)}` : joined;
}

// '..\..' for `count` levels.
function climb(count, sep) {
  let out = '..';
  for (let i = 1; i < count; i++) out += `${sep}..`;
  return out;
}

// POSIX relative(): both sides are resolved, so they are '/' or '/a/b'
// with single separators, and the answer follows from whole segments.
function posixRelative(resolve, from, to) {
  const a = resolve(from);
  const b = resolve(to);
  if (a === b) return '';
  // The longest common prefix ending at a segment boundary of both; 0
  // stands for the root itself.
  const shorter = Math.min(a.length, b.length);
  let common = 0;
  let i = 1;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) {
    if (a.charCodeAt(i) === kSlash) common = i;
    i++;
  }
  if (i === shorter && (i === a.length || a.charCodeAt(i) === kSlash) &&
      (i === b.length || b.charCodeAt(i) === kSlash)) {
    common = i;
  }
  // One '..' per segment of `a` past the common part ('/' has none).
  let levels = 0;
  if (common + 1 < a.length) {
    for (let k = common + 1; k <= a.length; k++) {
      if (k === a.length || a.charCodeAt(k) === kSlash) levels++;
    }
  }
  const rest = b.slice(common + 1);
  if (levels === 0) return rest;
  return rest === '' ? climb(levels, '/') : `${climb(levels, '/')}/${rest}`;
}

// win32 relative() compares resolved paths case-insensitively, character
// by character, ignoring separators at either end. Its answers for paths
// on different roots, and for first segments of exactly two characters
// (meant for 'C:'), are kept as Node gives them.
function win32Relative(resolve, from, to) {
  const a0 = resolve(from);
  const b0 = resolve(to);
  if (a0 === b0) return '';
  const a = a0.toLowerCase();
  const b = b0.toLowerCase();
  if (a === b) return '';
  // Lower-casing can change the length ('\u0130' becomes two code units);
  // character offsets would then no longer line up with the original.
  if (a.length !== a0.length || b.length !== b0.length) {
    return win32RelativeBySegments(a0, b0);
  }

  let aStart = 0;
  while (aStart < a.length && a.charCodeAt(aStart) === kBackslash) aStart++;
  let aEnd = a.length;
  while (aEnd - 1 > aStart && a.charCodeAt(aEnd - 1) === kBackslash) aEnd--;
  let bStart = 0;
  while (bStart < b.length && b.charCodeAt(bStart) === kBackslash) bStart++;
  let bEnd = b.length;
  while (bEnd - 1 > bStart && b.charCodeAt(bEnd - 1) === kBackslash) bEnd--;
  const aLen = aEnd - aStart;
  const bLen = bEnd - bStart;
  const shorter = Math.min(aLen, bLen);

  let same = 0;
  let lastSep = -1;
  while (same < shorter) {
    const code = a.charCodeAt(aStart + same);
    if (code !== b.charCodeAt(bStart + same)) break;
    if (code === kBackslash) lastSep = same;
    same++;
  }

  // `cut` is the offset, in both trimmed strings, of the separator after
  // which they part.
  let cut;
  if (same < shorter) {
    // They differ inside the first segment: no common root at all.
    if (lastSep === -1) return b0;
    cut = lastSep;
  } else if (bLen > shorter) {
    if (b.charCodeAt(bStart + shorter) === kBackslash) {
      return b0.slice(bStart + shorter + 1);
    }
    if (shorter === 2) return b0.slice(bStart + 2);
    cut = lastSep === -1 ? 0 : lastSep;
  } else if (aLen > shorter) {
    if (a.charCodeAt(aStart + shorter) === kBackslash) {
      cut = shorter;
    } else {
      cut = shorter === 2 ? 3 : (lastSep === -1 ? 0 : lastSep);
    }
  } else {
    cut = lastSep === -1 ? 0 : lastSep;
  }

  let levels = 0;
  for (let k = cut + 1; k <= aLen; k++) {
    if (k === aLen || a.charCodeAt(aStart + k) === kBackslash) levels++;
  }
  let restStart = bStart + cut;
  if (levels > 0) return climb(levels, '\\') + b0.slice(restStart, bEnd);
  if (b0.charCodeAt(restStart) === kBackslash) restStart++;
  return b0.slice(restStart, bEnd);
}

// The segment-wise win32 relative() that Node uses when lower-casing
// changes a path's length.
function win32RelativeBySegments(a0, b0) {
  const from = a0.split('\\');
  const to = b0.split('\\');
  if (from[from.length - 1] === '') from.pop();
  if (to[to.length - 1] === '') to.pop();
  const shorter = Math.min(from.length, to.length);
  let same = 0;
  while (same < shorter &&
         from[same].toLowerCase() === to[same].toLowerCase()) {
    same++;
  }
  if (same === 0) return b0;
  const rest = to.slice(same).join('\\');
  const levels = from.length - same;
  if (levels === 0) return rest;
  return rest === '' ? climb(levels, '\\') : `${climb(levels, '\\')}\\${rest}`;
}

function posixIsAbsolute(path) {
  return path.length > 0 && path.charCodeAt(0) === kSlash;
}

function win32IsAbsolute(path) {
  const { isSep } = win32Roots;
  if (path.length === 0) return false;
  if (isSep(path.charCodeAt(0))) return true;
  return path.length > 2 && win32Roots.hasDrive(path) &&
    isSep(path.charCodeAt(2));
}

// Long-path form: '\\?\C:\x' for drive paths, '\\?\UNC\srv\share\x' for
// shares. Anything else comes back resolved, and non-strings untouched.
function win32Namespaced(resolve, path) {
  if (typeof path !== 'string' || path.length === 0) return path;
  const full = resolve(path);
  if (full.length <= 2) return path;
  const first = full.charCodeAt(0);
  if (first === kBackslash) {
    const third = full.charCodeAt(2);
    if (full.charCodeAt(1) === kBackslash && third !== 63 && third !== 46) {
      return `\\\\?\\UNC\\${full.slice(2)}`;
    }
    return full;
  }
  if (win32Roots.hasDrive(full) && full.charCodeAt(2) === kBackslash) {
    return `\\\\?\\${full}`;
  }
  return full;
}

function extensionText(ext) {
  if (!ext) return '';
  return ext[0] === '.' ? `${ext}` : `.${ext}`;
}

// format() reads dir, root, base, name and ext in Node's order and with its
// truthiness rules, so getters observe the same sequence.
function formatWith(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  let dir = pathObject.dir;
  if (!dir) dir = pathObject.root;
  let base = pathObject.base;
  if (!base) base = `${pathObject.name || ''}${extensionText(pathObject.ext)}`;
  if (!dir) return base;
  // A dir that is the root itself already ends in a separator.
  const glue = dir === pathObject.root ? '' : sep;
  return `${dir}${glue}${base}`;
}

// The i-th argument of resolve(), checked.
function resolveArg(args, i) {
  const path = args[i];
  if (typeof path !== 'string') validateString(path, `paths[${i}]`);
  return path;
}

function makeFlavour(spec, relativeImpl, absoluteImpl, namespacedImpl) {
  const { sep, sepCode, readRoot, rootLength, nameFloor, hasDevices } = spec;

  function isSepCode(code) {
    return code === kSlash || code === sepCode;
  }

  const api = {
    resolve(...args) {
      let device = '';
      let tail = '';
      let absolute = false;
      // Right to left until an absolute path (on a known device) is found;
      // the step after the first argument consults the working directory.
      let i = args.length;
      while (i >= 0) {
        i--;
        let path;
        if (i >= 0) {
          path = resolveArg(args, i);
          if (path.length === 0) continue;
        } else {
          path = device === '' ? currentDir() : spec.driveDir(device);
        }
        const root = readRoot(path, false);
        if (root.device !== '') {
          if (device === '') {
            device = root.device;
          } else if (root.device.toLowerCase() !== device.toLowerCase()) {
            // A path on another drive says nothing about this one.
            continue;
          }
        }
        if (!absolute) {
          const rest = path.slice(root.end);
          tail = tail === '' ? rest : `${rest}${sep}${tail}`;
          absolute = root.absolute;
        }
        if (absolute && (device !== '' || !hasDevices)) break;
      }
      const body = collapse(tail, 0, !absolute, sepCode, sep);
      if (absolute) return `${device}${sep}${body}`;
      return device + body || '.';
    },

    normalize(path) {
      validateString(path, 'path');
      const len = path.length;
      if (len === 0) return '.';
      if (len === 1) return isSepCode(path.charCodeAt(0)) ? sep : path;
      const root = readRoot(path, true);
      let body = collapse(path, root.end, !root.absolute, sepCode, sep);
      if (body === '' && !root.absolute) body = '.';
      if (body !== '' && isSepCode(path.charCodeAt(len - 1))) body += sep;
      const head = root.absolute ? root.device + sep : root.device;
      return spec.finishNormalize(head, body, root, path);
    },

    isAbsolute(path) {
      validateString(path, 'path');
      return absoluteImpl(path);
    },

    join(...args) {
      let joined = '';
      let first = '';
      for (let i = 0; i < args.length; i++) {
        const part = args[i];
        validateString(part, 'path');
        if (part.length === 0) continue;
        if (joined === '') {
          joined = first = part;
        } else {
          joined += sep + part;
        }
      }
      if (joined === '') return '.';
      return api.normalize(spec.fixJoined(joined, first));
    },

    relative(from, to) {
      validateString(from, 'from');
      validateString(to, 'to');
      if (from === to) return '';
      return relativeImpl(api.resolve, from, to);
    },

    toNamespacedPath(path) {
      return namespacedImpl(api.resolve, path);
    },

    dirname(path) {
      validateString(path, 'path');
      if (path.length === 0) return '.';
      const rootEnd = rootLength(path);
      const seg = findLastSegment(path, rootEnd, sepCode);
      if (seg.afterSep) {
        // Everything before the separator that precedes the last segment,
        // except that POSIX keeps both slashes of '//x'.
        const cut = seg.start - 1;
        if (cut === 1 && rootEnd === 1 && spec.rootQuirks) {
          return path.slice(0, 2);
        }
        return path.slice(0, cut);
      }
      return rootEnd > 0 ? path.slice(0, rootEnd) : '.';
    },

    basename(path, suffix) {
      if (suffix !== undefined) validateString(suffix, 'suffix');
      validateString(path, 'path');
      const floor = nameFloor(path);
      const seg = findLastSegment(path, floor, sepCode);
      const { start, end } = seg;
      if (suffix === undefined || suffix.length === 0 ||
          suffix.length > path.length) {
        return end === -1 ? '' : path.slice(start, end);
      }
      if (suffix === path) return '';
      // With a suffix, Node's answer for a bare root is the separators.
      if (end === -1) return path.slice(floor);
      const name = path.slice(start, end);
      if (name.length > suffix.length) {
        return name.endsWith(suffix) ?
          name.slice(0, name.length - suffix.length) : name;
      }
      // A name that is a proper tail of the suffix keeps its trailing
      // separators, as Node's does.
      if (name.length < suffix.length && suffix.endsWith(name)) {
        return path.slice(start);
      }
      return name;
    },

    extname(path) {
      validateString(path, 'path');
      const seg = findLastSegment(path, nameFloor(path), sepCode);
      if (seg.end === -1) return '';
      const end = seg.end;
      const dot = extensionStart(path, seg.start, end, false);
      return dot === -1 ? '' : path.slice(dot, end);
    },

    format: function format(pathObject) {
      return formatWith(sep, pathObject);
    },

    parse(path) {
      validateString(path, 'path');
      const parts = { root: '', dir: '', base: '', ext: '', name: '' };
      if (path.length === 0) return parts;
      const rootEnd = rootLength(path);
      const seg = findLastSegment(path, rootEnd, sepCode);
      const { start, end, afterSep } = seg;
      parts.root = path.slice(0, rootEnd);
      if (end !== -1) {
        const pairHasExt = spec.rootQuirks && rootEnd === 1 && !afterSep;
        const dot = extensionStart(path, start, end, pairHasExt);
        parts.base = path.slice(start, end);
        if (dot === -1) {
          parts.name = parts.base;
        } else {
          parts.name = path.slice(start, dot);
          parts.ext = path.slice(dot, end);
        }
      }
      parts.dir = afterSep ? path.slice(0, start - 1) : parts.root;
      return parts;
    },

    sep,
    delimiter: spec.delimiter,
    win32: null,
    posix: null,
  };
  api._makeLong = api.toNamespacedPath;
  return api;
}

const posix = makeFlavour(kPosixSpec, posixRelative, posixIsAbsolute,
                          (resolve, path) => path);
const win32 = makeFlavour(kWin32Spec, win32Relative, win32IsAbsolute,
                          win32Namespaced);

// Each flavour reaches the other, and itself, as path.posix / path.win32.
for (const flavour of [posix, win32]) {
  flavour.posix = posix;
  flavour.win32 = win32;
}

module.exports = posix;
