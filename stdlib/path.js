// node:path: POSIX and win32 path manipulation with Node's exact results.
'use strict';

const { validateObject, validateString } = require('./internal/validators');

function posixCwd() {
  return process.cwd();
}

// Resolves '.' and '..' segments of `path` (already without its root).
// Empty segments are dropped; '..' above the start is kept only when
// allowAboveRoot is set.
function normalizeSegments(path, allowAboveRoot, isSep, sep) {
  const out = [];
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i === path.length || isSep(path.charCodeAt(i))) {
      if (i > start) {
        const seg = path.slice(start, i);
        if (seg === '..') {
          if (out.length > 0 && out[out.length - 1] !== '..') {
            out.pop();
          } else if (allowAboveRoot) {
            out.push('..');
          }
        } else if (seg !== '.') {
          out.push(seg);
        }
      }
      start = i + 1;
    }
  }
  return out.join(sep);
}

function isPosixSep(code) {
  return code === 47; // '/'
}

function isWinSep(code) {
  return code === 47 || code === 92; // '/' or '\'
}

function isDriveLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// Scans the last component of path[rootEnd..]: where it starts and ends
// (trailing separators excluded) and where its extension dot is.
function scanLastPart(path, rootEnd, isSep) {
  let startDot = -1;
  let startPart = rootEnd;
  let end = -1;
  let matchedSlash = true;
  // 0: no dot yet; 1: dots only before the last dot; -1: other characters.
  let preDotState = 0;
  for (let i = path.length - 1; i >= rootEnd; --i) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === 46) { // '.'
      if (startDot === -1) {
        startDot = i;
      } else if (preDotState !== 1) {
        preDotState = 1;
      }
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  const noExt = startDot === -1 || end === -1 || preDotState === 0 ||
    // The last component is exactly '..'.
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startPart, end, startDot: noExt ? -1 : startDot };
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function formatPath(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base ||
    `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) {
    return base;
  }
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

const posix = {
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : posixCwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) {
        continue;
      }
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path.charCodeAt(0) === 47;
    }

    resolvedPath = normalizeSegments(resolvedPath, !resolvedAbsolute, isPosixSep, '/');

    if (resolvedAbsolute) {
      return `/${resolvedPath}`;
    }
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0)
      return '.';

    const isAbsolute = path.charCodeAt(0) === 47;
    const trailingSeparator = path.charCodeAt(path.length - 1) === 47;

    path = normalizeSegments(path, !isAbsolute, isPosixSep, '/');

    if (path.length === 0) {
      if (isAbsolute)
        return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator)
      path += '/';

    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === 47;
  },

  join(...args) {
    if (args.length === 0)
      return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined)
          joined = arg;
        else
          joined += `/${arg}`;
      }
    }
    if (joined === undefined)
      return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');

    if (from === to)
      return '';

    from = posix.resolve(from);
    to = posix.resolve(to);

    if (from === to)
      return '';

    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const up = [];
    for (let i = common; i < fromParts.length; i++) up.push('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Non-op on POSIX systems.
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0)
      return '.';
    const hasRoot = path.charCodeAt(0) === 47;
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === 47) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }

    if (end === -1)
      return hasRoot ? '/' : '.';
    if (hasRoot && end === 1)
      return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined)
      validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameImpl(path, suffix, 0, isPosixSep);
  },

  extname(path) {
    validateString(path, 'path');
    const { startDot, end } = scanLastPart(path, 0, isPosixSep);
    return startDot === -1 ? '' : path.slice(startDot, end);
  },

  format: formatPath.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');

    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0)
      return ret;
    const isAbsolute = path.charCodeAt(0) === 47;
    if (isAbsolute) {
      ret.root = '/';
    }
    const { startPart, end, startDot } =
      scanLastPart(path, isAbsolute ? 1 : 0, isPosixSep);
    if (end !== -1) {
      if (startDot === -1) {
        ret.base = ret.name = path.slice(startPart, end);
      } else {
        ret.name = path.slice(startPart, startDot);
        ret.base = path.slice(startPart, end);
        ret.ext = path.slice(startDot, end);
      }
    }

    if (startPart > (isAbsolute ? 1 : 0)) {
      ret.dir = path.slice(0, startPart - 1);
    } else if (isAbsolute) {
      ret.dir = '/';
    }

    return ret;
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// basename. With a suffix, Node scans from the end matching the suffix while
// looking for the start of the last component; its results (including for
// paths made only of separators) are reproduced here.
function basenameImpl(path, suffix, rootEnd, isSep) {
  let start = rootEnd;
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= rootEnd; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
      } else {
        if (firstNonSlashEnd === -1) {
          matchedSlash = false;
          firstNonSlashEnd = i + 1;
        }
        if (extIdx >= 0) {
          if (code === suffix.charCodeAt(extIdx)) {
            if (--extIdx === -1) {
              end = i;
            }
          } else {
            // Not a suffix match: keep the whole name.
            extIdx = -1;
            end = firstNonSlashEnd;
          }
        }
      }
    }
    if (start === end) {
      end = firstNonSlashEnd;
    } else if (end === -1) {
      end = path.length;
    }
    return path.slice(start, end);
  }
  end = path.length;
  while (end > rootEnd && isSep(path.charCodeAt(end - 1))) end--;
  if (end === rootEnd) return '';
  start = end - 1;
  while (start > rootEnd && !isSep(path.charCodeAt(start - 1))) start--;
  return path.slice(start, end);
}

// win32 ------------------------------------------------------------------

// Splits the root off a win32 path: returns { rootEnd, device, isAbsolute }.
// Roots are "C:", "C:\", "\", and UNC "\\server\share\".
function win32Root(path) {
  const len = path.length;
  let rootEnd = 0;
  let device = '';
  let isAbsolute = false;
  if (len === 0) return { rootEnd, device, isAbsolute };
  const code = path.charCodeAt(0);
  if (len === 1) {
    if (isWinSep(code)) return { rootEnd: 1, device: '', isAbsolute: true };
    return { rootEnd, device, isAbsolute };
  }
  if (isWinSep(code)) {
    isAbsolute = true;
    if (isWinSep(path.charCodeAt(1))) {
      // Possible UNC root: \\server\share
      let j = 2;
      let last = j;
      while (j < len && !isWinSep(path.charCodeAt(j))) j++;
      if (j < len && j !== last) {
        const firstPart = path.slice(last, j);
        last = j;
        while (j < len && isWinSep(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && !isWinSep(path.charCodeAt(j))) j++;
          if (j === len || j !== last) {
            if (firstPart === '.' || firstPart === '?') {
              // Device roots such as \\.\ and \\?\
              device = `\\\\${firstPart}`;
              rootEnd = 4;
            } else if (j === len) {
              device = `\\\\${firstPart}\\${path.slice(last)}`;
              rootEnd = j;
            } else {
              device = `\\\\${firstPart}\\${path.slice(last, j)}`;
              rootEnd = j;
            }
          }
        }
      } else {
        rootEnd = 1;
      }
    } else {
      rootEnd = 1;
    }
  } else if (isDriveLetter(code) && path.charCodeAt(1) === 58) { // ':'
    device = path.slice(0, 2);
    rootEnd = 2;
    if (len > 2 && isWinSep(path.charCodeAt(2))) {
      isAbsolute = true;
      rootEnd = 3;
    }
  }
  return { rootEnd, device, isAbsolute };
}

const win32 = {
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) {
          continue;
        }
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
      } else {
        // The cwd of another drive comes from the environment on Windows;
        // elsewhere it is the process cwd.
        path = (process.env && process.env[`=${resolvedDevice}`]) || process.cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
             path.charCodeAt(2) === 92)) {
          path = `${resolvedDevice}\\`;
        }
      }

      const { rootEnd, device, isAbsolute } = win32Root(path);

      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (device.toLowerCase() !== resolvedDevice.toLowerCase())
            continue;
        } else {
          resolvedDevice = device;
        }
      }

      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0)
          break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) {
          break;
        }
      }
    }

    resolvedTail = normalizeSegments(resolvedTail, !resolvedAbsolute, isWinSep, '\\');

    return resolvedAbsolute ?
      `${resolvedDevice}\\${resolvedTail}` :
      `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0)
      return '.';
    const { rootEnd, device, isAbsolute } = win32Root(path);
    if (len === 1) {
      return isWinSep(path.charCodeAt(0)) ? '\\' : path;
    }
    if (rootEnd === len && device.length > 0 && !isAbsolute) {
      // A bare drive such as "C:".
      return device;
    }
    if (rootEnd === len && device.length > 2 && device.startsWith('\\\\') &&
        !(device === '\\\\.' || device === '\\\\?')) {
      // A bare UNC root: "\\server\share" becomes "\\server\share\".
      return `${device}\\`;
    }

    let tail = rootEnd < len ?
      normalizeSegments(path.slice(rootEnd), !isAbsolute, isWinSep, '\\') :
      '';
    if (tail.length === 0 && !isAbsolute)
      tail = '.';
    if (tail.length > 0 && isWinSep(path.charCodeAt(len - 1)))
      tail += '\\';
    if (device === undefined || device.length === 0) {
      return isAbsolute ? `\\${tail}` : tail;
    }
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0)
      return false;

    const code = path.charCodeAt(0);
    return isWinSep(code) ||
      (len > 2 &&
      isDriveLetter(code) &&
      path.charCodeAt(1) === 58 &&
      isWinSep(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0)
      return '.';

    let joined;
    let firstPart;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined)
          joined = firstPart = arg;
        else
          joined += `\\${arg}`;
      }
    }

    if (joined === undefined)
      return '.';

    // A first part starting with exactly two separators keeps them (UNC);
    // any further leading separators are collapsed.
    let needsReplace = true;
    let slashCount = 0;
    if (isWinSep(firstPart.charCodeAt(0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isWinSep(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isWinSep(firstPart.charCodeAt(2)))
            ++slashCount;
          else {
            needsReplace = false;
          }
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length &&
             isWinSep(joined.charCodeAt(slashCount))) {
        slashCount++;
      }
      if (slashCount >= 2)
        joined = `\\${joined.slice(slashCount)}`;
    }

    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');

    if (from === to)
      return '';

    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);

    if (fromOrig === toOrig)
      return '';

    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();

    if (from === to)
      return '';

    const fromRoot = win32Root(fromOrig);
    const toRoot = win32Root(toOrig);
    if (fromRoot.device.toLowerCase() !== toRoot.device.toLowerCase()) {
      return toOrig;
    }
    const split = (p, rootEnd) => p.slice(rootEnd).split('\\').filter((s) => s.length > 0);
    const fromParts = split(from, fromRoot.rootEnd);
    const toParts = split(to, toRoot.rootEnd);
    const toPartsOrig = split(toOrig, toRoot.rootEnd);
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const up = [];
    for (let i = common; i < fromParts.length; i++) up.push('..');
    return up.concat(toPartsOrig.slice(common)).join('\\');
  },

  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0)
      return path;

    const resolvedPath = win32.resolve(path);

    if (resolvedPath.length <= 2)
      return path;

    if (resolvedPath.charCodeAt(0) === 92) {
      if (resolvedPath.charCodeAt(1) === 92) {
        const code = resolvedPath.charCodeAt(2);
        if (code !== 63 && code !== 46) {
          // \\server\share\ becomes \\?\UNC\server\share\
          return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
        }
      }
    } else if (isDriveLetter(resolvedPath.charCodeAt(0)) &&
               resolvedPath.charCodeAt(1) === 58 &&
               resolvedPath.charCodeAt(2) === 92) {
      return `\\\\?\\${resolvedPath}`;
    }

    return resolvedPath;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0)
      return '.';
    const { rootEnd } = win32Root(path);
    if (len === 1) {
      return isWinSep(path.charCodeAt(0)) ? path : '.';
    }
    // The root is returned as is when nothing follows it.
    if (rootEnd === len) {
      return path;
    }
    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= rootEnd; --i) {
      if (isWinSep(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }

    if (end === -1) {
      if (rootEnd === 0)
        return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined)
      validateString(suffix, 'suffix');
    validateString(path, 'path');
    let start = 0;
    // A drive letter is not part of the name.
    if (path.length >= 2 && isDriveLetter(path.charCodeAt(0)) &&
        path.charCodeAt(1) === 58) {
      start = 2;
    }
    return basenameImpl(path, suffix, start, isWinSep);
  },

  extname(path) {
    validateString(path, 'path');
    let start = 0;
    if (path.length >= 2 && path.charCodeAt(1) === 58 &&
        isDriveLetter(path.charCodeAt(0))) {
      start = 2;
    }
    const { startDot, end } = scanLastPart(path, start, isWinSep);
    return startDot === -1 ? '' : path.slice(startDot, end);
  },

  format: formatPath.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');

    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0)
      return ret;

    const len = path.length;
    let rootEnd = 0;
    const code = path.charCodeAt(0);

    if (len === 1) {
      if (isWinSep(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    const root = win32Root(path);
    rootEnd = root.rootEnd;
    if (root.device.length > 0 && root.device.startsWith('\\\\') &&
        rootEnd < len) {
      // UNC roots include the separator after the share.
      rootEnd++;
    }
    if (rootEnd > 0) {
      ret.root = path.slice(0, rootEnd);
    }

    if (rootEnd === len) {
      ret.dir = ret.root;
      return ret;
    }
    const { startPart, end, startDot } = scanLastPart(path, rootEnd, isWinSep);
    if (end !== -1) {
      if (startDot === -1) {
        ret.base = ret.name = path.slice(startPart, end);
      } else {
        ret.name = path.slice(startPart, startDot);
        ret.base = path.slice(startPart, end);
        ret.ext = path.slice(startDot, end);
      }
    }

    // The directory keeps the root; a trailing separator is dropped unless
    // it is the root's own.
    if (startPart > 0 && startPart !== rootEnd)
      ret.dir = path.slice(0, startPart - 1);
    else
      ret.dir = ret.root;

    return ret;
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Bound methods keep working when detached (const { join } = path).
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
