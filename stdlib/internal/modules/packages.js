'use strict';
// package.json for the on-disk loader: reading (cached per file), the
// package scope of a file, and the "exports" / "imports" maps as Node's
// documented resolution algorithm reads them (PACKAGE_EXPORTS_RESOLVE,
// PACKAGE_IMPORTS_RESOLVE, PACKAGE_TARGET_RESOLVE). Both loaders use it:
// CommonJS with the conditions ['require', 'node'], ES modules with
// ['import', 'node'], plus --conditions.

const { kind, readSource } = internalBinding('module');
const { join, resolve, sep } = require('../../path');
const {
  ERR_INVALID_PACKAGE_CONFIG, ERR_INVALID_PACKAGE_TARGET,
  ERR_PACKAGE_IMPORT_NOT_DEFINED, ERR_PACKAGE_PATH_NOT_EXPORTED,
} = require('../errors').codes;

const kFile = 0;
const kDirectory = 1;

// package.json path -> its parsed fields, or null when there is none.
const manifests = new Map();

function stripBom(text) {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// A module file's text; a file that vanished after resolution is Node's
// fs error.
function readFileText(path) {
  const text = readSource(path);
  if (typeof text === 'string') return text;
  const { uvException } = require('../errors');
  throw uvException({ errno: text, syscall: 'open', path });
}

// A JSON module's value; a syntax error names the file, as in Node.
function parseJsonModule(text, path) {
  try {
    return JSON.parse(stripBom(text));
  } catch (err) {
    err.message = `${path}: ${err.message}`;
    throw err;
  }
}

function isFile(path) {
  return kind(path) === kFile;
}

function isDirectory(path) {
  return kind(path) === kDirectory;
}

// The fields the loaders use, from the package.json at `file` (null if
// there is none). A file that is not JSON is the package's error.
function readManifest(file) {
  if (manifests.has(file)) return manifests.get(file);
  const text = readSource(file);
  let manifest = null;
  if (typeof text === 'string') {
    let json;
    try {
      json = JSON.parse(stripBom(text));
    } catch (err) {
      const error = new ERR_INVALID_PACKAGE_CONFIG(file, undefined, err.message);
      error.cause = err;
      throw error;
    }
    const field = (name) => (json !== null && typeof json === 'object' ?
      json[name] : undefined);
    manifest = {
      file,
      dir: file.slice(0, -'/package.json'.length),
      name: typeof field('name') === 'string' ? field('name') : undefined,
      main: typeof field('main') === 'string' ? field('main') : undefined,
      type: field('type') === 'module' ? 'module' : 'commonjs',
      exports: field('exports'),
      imports: field('imports'),
    };
  }
  manifests.set(file, manifest);
  return manifest;
}

// The package.json that governs `filename`: the nearest one above it, not
// looking past a node_modules directory.
function packageScope(filename) {
  let dir = filename;
  for (;;) {
    const cut = dir.lastIndexOf('/');
    if (cut < 0) return null;
    dir = dir.slice(0, cut);
    if (dir.endsWith('/node_modules')) return null;
    const manifest = readManifest(`${dir || ''}/package.json`);
    if (manifest !== null) return manifest;
    if (dir === '') return null;
  }
}

// 'pkg/sub/path' -> ['pkg', './sub/path']; '@scope/pkg' -> ['@scope/pkg',
// '.']. null for what cannot be a package name.
function splitPackageSpecifier(specifier) {
  let end = specifier.indexOf('/');
  if (specifier[0] === '@') {
    if (end < 0) return null;
    end = specifier.indexOf('/', end + 1);
  }
  const name = end < 0 ? specifier : specifier.slice(0, end);
  if (name === '' || name[0] === '.' || name.includes('\\') ||
      name.includes('%')) {
    return null;
  }
  return [name, end < 0 ? '.' : `.${specifier.slice(end)}`];
}

// Does `exports` map subpaths ('.', './x') or is it the main target only?
function exportsHasSubpaths(exports, manifest) {
  if (exports === null || typeof exports !== 'object' ||
      Array.isArray(exports)) {
    return false;
  }
  let subpaths = 0;
  let conditions = 0;
  for (const key of Object.keys(exports)) {
    if (key.startsWith('.')) subpaths++;
    else conditions++;
  }
  if (subpaths > 0 && conditions > 0) {
    throw new ERR_INVALID_PACKAGE_CONFIG(
      manifest.file, undefined,
      '"exports" cannot contain some keys starting with \'.\' and some not.' +
      ' The exports object must either be an object of package subpath keys' +
      ' or an object of main entry condition name keys only.');
  }
  return subpaths > 0;
}

// Orders pattern keys the way the spec's PATTERN_KEY_COMPARE does: longer
// text before the '*' first, then longer keys.
function comparePatternKeys(a, b) {
  const starA = a.indexOf('*');
  const starB = b.indexOf('*');
  const headA = starA < 0 ? a.length : starA + 1;
  const headB = starB < 0 ? b.length : starB + 1;
  if (headA !== headB) return headB - headA;
  if (starA < 0) return 1;
  if (starB < 0) return -1;
  return b.length - a.length;
}

// A segment of a target or its substitution that would leave the package.
const kBadSegment = /(^|[\\/])(\.\.?|node_modules)([\\/]|$)/i;

// The resolution context: which package, for which request, from where.
// `base` is the importing file for ES module messages (undefined for
// require(), whose messages do not say).
function makeContext(manifest, request, conditions, base, isImports) {
  return { manifest, request, conditions, base, isImports };
}

function invalidTarget(ctx, key, target) {
  return new ERR_INVALID_PACKAGE_TARGET(
    `${ctx.manifest.dir}/`, key, target, ctx.isImports, ctx.base);
}

// PACKAGE_TARGET_RESOLVE: a path, null (explicitly not exported), or
// undefined (no condition matched: try the next alternative).
function resolveTarget(ctx, key, target, match, resolvePackage) {
  if (typeof target === 'string') {
    let text = target;
    if (match !== undefined) text = text.replaceAll('*', match);
    if (!target.startsWith('./')) {
      if (ctx.isImports && !target.startsWith('../') &&
          !target.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(target)) {
        return resolvePackage(text, `${ctx.manifest.dir}/`);
      }
      throw invalidTarget(ctx, key, target);
    }
    if (kBadSegment.test(target.slice(2))) throw invalidTarget(ctx, key, target);
    if (match !== undefined && kBadSegment.test(match)) {
      throw invalidTarget(ctx, key, target);
    }
    return resolve(ctx.manifest.dir, text);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastError;
    for (const alternative of target) {
      let found;
      try {
        found = resolveTarget(ctx, key, alternative, match, resolvePackage);
      } catch (err) {
        if (err?.code !== 'ERR_INVALID_PACKAGE_TARGET') throw err;
        lastError = err;
        continue;
      }
      if (found === undefined) continue;
      if (found === null) {
        lastError = null;
        continue;
      }
      return found;
    }
    if (lastError) throw lastError;
    return lastError === null ? null : undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const condition of Object.keys(target)) {
      if (/^\d+$/.test(condition)) {
        throw new ERR_INVALID_PACKAGE_CONFIG(
          ctx.manifest.file, ctx.base,
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (const condition of Object.keys(target)) {
      if (condition !== 'default' && !ctx.conditions.includes(condition)) {
        continue;
      }
      const found = resolveTarget(ctx, key, target[condition], match,
                                  resolvePackage);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(ctx, key, target);
}

// Looks `subpath` up in a subpath map (exports or imports): exact keys
// first, then '*' patterns, most specific first.
function lookupSubpath(ctx, map, subpath, resolvePackage) {
  if (Object.prototype.hasOwnProperty.call(map, subpath) &&
      !subpath.includes('*')) {
    return resolveTarget(ctx, subpath, map[subpath], undefined, resolvePackage);
  }
  const patterns = Object.keys(map)
    .filter((key) => key.indexOf('*') >= 0 &&
      key.indexOf('*') === key.lastIndexOf('*'))
    .sort(comparePatternKeys);
  for (const key of patterns) {
    const star = key.indexOf('*');
    const head = key.slice(0, star);
    const tail = key.slice(star + 1);
    if (subpath.length >= key.length && subpath.startsWith(head) &&
        (tail === '' || subpath.endsWith(tail)) && subpath !== head) {
      const match = subpath.slice(head.length, subpath.length - tail.length);
      return resolveTarget(ctx, key, map[key], match, resolvePackage);
    }
  }
  return null;
}

// PACKAGE_EXPORTS_RESOLVE for `subpath` ('.' or './x') of `manifest`.
function resolveExports(manifest, subpath, conditions, base, request) {
  const ctx = makeContext(manifest, request, conditions, base, false);
  const { exports } = manifest;
  let found;
  if (exportsHasSubpaths(exports, manifest)) {
    found = lookupSubpath(ctx, exports, subpath, notAllowed);
  } else if (subpath === '.') {
    found = resolveTarget(ctx, '.', exports, undefined, notAllowed);
  }
  if (found === null || found === undefined) {
    throw new ERR_PACKAGE_PATH_NOT_EXPORTED(`${manifest.dir}/`, subpath, base);
  }
  return found;
}

function notAllowed() {
  throw new Error('unreachable: exports targets never name packages');
}

// PACKAGE_IMPORTS_RESOLVE for '#name' from the package scope of `from`.
// `resolvePackage(specifier, dir)` resolves a bare target.
function resolveImports(specifier, from, conditions, base, resolvePackage) {
  const manifest = packageScope(from);
  if (specifier === '#' || specifier.startsWith('#/')) {
    throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(
      specifier, manifest && `${manifest.dir}/`, base ?? from);
  }
  if (manifest !== null && manifest.imports !== null &&
      typeof manifest.imports === 'object') {
    const ctx = makeContext(manifest, specifier, conditions, base, true);
    const found = lookupSubpath(ctx, manifest.imports, specifier,
                                resolvePackage);
    if (found !== null && found !== undefined) return found;
  }
  throw new ERR_PACKAGE_IMPORT_NOT_DEFINED(
    specifier, manifest && `${manifest.dir}/`, base ?? from);
}

// The node_modules directories a lookup from `dir` visits, nearest first.
function nodeModulesPaths(dir) {
  const from = resolve(dir);
  if (from === '/') return ['/node_modules'];
  const out = [];
  let end = from.length;
  for (;;) {
    const part = from.slice(0, end);
    if (!part.endsWith(`${sep}node_modules`)) out.push(`${part}/node_modules`);
    end = from.lastIndexOf('/', end - 1);
    if (end <= 0) break;
  }
  out.push('/node_modules');
  return out;
}

// The package `name` of a bare request, found in `dirs`, as
// [directory, manifest | null]; null when no directory has it.
function findPackage(name, dirs) {
  for (const dir of dirs) {
    const packageDir = join(dir, name);
    if (isDirectory(packageDir)) {
      return [packageDir, readManifest(`${packageDir}/package.json`)];
    }
  }
  return null;
}

module.exports = {
  findPackage,
  isDirectory,
  isFile,
  nodeModulesPaths,
  packageScope,
  parseJsonModule,
  readFileText,
  readManifest,
  resolveExports,
  resolveImports,
  splitPackageSpecifier,
  stripBom,
};
