'use strict';
// ES modules from disk: the stdlib half of runtime/core/modules.cc. C++
// compiles, links and evaluates; this file decides what a specifier names
// (Node's ESM_RESOLVE: URLs and relative paths with their full name,
// "imports", packages with "exports" or a legacy "main"), what format the
// file is (ESM_FILE_FORMAT: .mjs, .cjs, .json, package "type") and what it
// holds. CommonJS files and JSON are handed back as values; C++ makes them
// synthetic modules whose `default` is the value.

const binding = internalBinding('module');
const { dirname, resolve } = require('../../path');
const {
  ERR_IMPORT_ASSERTION_TYPE_FAILED, ERR_IMPORT_ASSERTION_TYPE_MISSING,
  ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED, ERR_INVALID_MODULE_SPECIFIER,
  ERR_MODULE_NOT_FOUND, ERR_UNKNOWN_FILE_EXTENSION,
  ERR_UNSUPPORTED_DIR_IMPORT, ERR_UNSUPPORTED_ESM_URL_SCHEME,
} = require('../errors').codes;
const builtins = require('./builtins');
const packages = require('./packages');
const cjs = require('./cjs');
const process = require('../../process');

const kImportConditions = ['import', 'node', 'node-addons'];
let conditions = kImportConditions;

// Sources that are not files: -e/--input-type=module code and data: URLs.
const virtualSources = new Map();

let urlModule;
function urls() {
  if (urlModule === undefined) {
    urlModule = {
      ...require('../url/file'),
      URL: require('../url/whatwg').URL,
    };
  }
  return urlModule;
}

function fileUrl(path) {
  return urls().pathToFileURL(path).href;
}

// The importing file as a path: from a module's URL, a CommonJS file's
// path, or '' / '[eval]' (the working directory).
function referrerPath(referrer) {
  if (typeof referrer !== 'string' || referrer === '') {
    return resolve(process.cwd(), '[eval]');
  }
  if (referrer.startsWith('file:')) return urls().fileURLToPath(referrer);
  if (referrer.startsWith('/')) return referrer;
  return resolve(process.cwd(), referrer);
}

function formatOf(path) {
  if (path.endsWith('.mjs')) return 'module';
  if (path.endsWith('.cjs')) return 'commonjs';
  if (path.endsWith('.json')) return 'json';
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (path.endsWith('.js') || dot <= 0) {
    const scope = packages.packageScope(path);
    return scope !== null && scope.type === 'module' ? 'module' : 'commonjs';
  }
  throw new ERR_UNKNOWN_FILE_EXTENSION(base.slice(dot), path);
}

// LEGACY_MAIN_RESOLVE: a package without "exports".
function legacyMain(packageDir, manifest, base) {
  const tries = [];
  if (manifest?.main) {
    const main = resolve(packageDir, manifest.main);
    tries.push(main, `${main}.js`, `${main}.json`, `${main}.node`,
               `${main}/index.js`, `${main}/index.json`, `${main}/index.node`);
  }
  tries.push(`${packageDir}/index.js`, `${packageDir}/index.json`,
             `${packageDir}/index.node`);
  for (const candidate of tries) {
    if (packages.isFile(candidate)) return candidate;
  }
  throw new ERR_MODULE_NOT_FOUND(packageDir, base);
}

// PACKAGE_RESOLVE: a bare specifier from the file `base`.
function resolvePackage(specifier, base) {
  const split = packages.splitPackageSpecifier(specifier);
  if (split === null) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      specifier, 'is not a valid package name', base);
  }
  const [name, subpath] = split;
  const scope = packages.packageScope(base);
  if (scope !== null && scope.name === name && scope.exports !== undefined &&
      scope.exports !== null) {
    return packages.resolveExports(scope, subpath, conditions, base, specifier);
  }
  const dirs = packages.nodeModulesPaths(dirname(base));
  const found = packages.findPackage(name, dirs);
  if (found === null) throw new ERR_MODULE_NOT_FOUND(name, base);
  const [packageDir, manifest] = found;
  if (manifest !== null && manifest.exports !== undefined &&
      manifest.exports !== null) {
    return packages.resolveExports(manifest, subpath, conditions, base,
                                   specifier);
  }
  if (subpath === '.') return legacyMain(packageDir, manifest, base);
  return resolve(packageDir, subpath);
}

// data:text/javascript,... and data:application/json,... imports.
function resolveDataUrl(specifier) {
  const match = /^data:([^,;]*)(;base64)?,/.exec(specifier);
  const type = match?.[1];
  const format = type === 'text/javascript' ? 'module' :
    type === 'application/json' ? 'json' : undefined;
  if (format === undefined) {
    throw new ERR_UNKNOWN_FILE_EXTENSION(type ?? '', specifier);
  }
  if (!virtualSources.has(specifier)) {
    const body = specifier.slice(match[0].length);
    const text = match[2] ?
      require('../../buffer').Buffer.from(body, 'base64').toString() :
      decodeURIComponent(body);
    virtualSources.set(specifier, text);
  }
  return [specifier, format];
}

// `import ... assert { type }` must match the format: JSON needs
// type 'json', and a type names no other format.
function checkAssertedType(url, format, type) {
  if (type === undefined || type === '') {
    if (format === 'json') throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, 'json');
    return;
  }
  if (type !== 'json') throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  if (format !== 'json') throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, type);
}

// What the CommonJS resolver would find for a path ESM could not: Node's
// "Did you mean to import ...?" hint.
function suggestion(specifier, target) {
  let found;
  try {
    found = cjs.Module._resolveFilename(target, null, false);
  } catch {
    return '';
  }
  if (typeof found !== 'string' || !found.startsWith(target)) return '';
  const shown = specifier.startsWith('.') ?
    specifier + found.slice(target.length) : found;
  return `\nDid you mean to import "${shown}"?`;
}

// resolve(specifier, referrer, type) -> [url, format]; C++ calls it for
// every import. Throws Node's resolution errors.
function resolveImport(specifier, referrer, type) {
  const [url, format] = resolveUrl(specifier, referrer);
  checkAssertedType(url, format, type);
  return [url, format];
}

function resolveUrl(specifier, referrer) {
  if (specifier.startsWith('node:') || builtins.isBuiltin(specifier)) {
    const id = specifier.startsWith('node:') ? specifier : `node:${specifier}`;
    return [id, 'builtin'];
  }
  if (specifier.startsWith('data:')) return resolveDataUrl(specifier);
  // -e code run as a module (importSource) has no file.
  if (virtualSources.has(specifier)) return [specifier, 'module'];
  const base = referrerPath(referrer);
  let target;
  let suffix = '';
  if (specifier.startsWith('/') || specifier.startsWith('./') ||
      specifier.startsWith('../') || specifier.startsWith('file:')) {
    const { URL, fileURLToPath } = urls();
    const url = new URL(specifier, fileUrl(base));
    suffix = url.search + url.hash;
    url.search = '';
    url.hash = '';
    target = fileURLToPath(url);
  } else if (specifier.startsWith('#')) {
    target = packages.resolveImports(specifier, base, conditions, base,
                                     resolvePackage);
  } else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(specifier)) {
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(
      new (urls().URL)(specifier), ['file', 'data', 'node']);
  } else {
    target = resolvePackage(specifier, base);
  }
  const kind = binding.kind(target);
  if (kind !== 0) {
    const err = kind === 1 ? new ERR_UNSUPPORTED_DIR_IMPORT(target, base) :
      new ERR_MODULE_NOT_FOUND(target, base, fileUrl(target));
    const relative = specifier.startsWith('.') || specifier.startsWith('/') ||
      specifier.startsWith('file:');
    if (relative) err.message += suggestion(specifier, target);
    throw err;
  }
  const real = binding.realpath(target);
  const path = typeof real === 'string' ? real : target;
  return [fileUrl(path) + suffix, formatOf(path)];
}

function pathOfUrl(url) {
  const cut = url.search(/[?#]/);
  return urls().fileURLToPath(cut < 0 ? url : url.slice(0, cut));
}

// load(url, format) -> the module's source text, or the value of a CommonJS
// or JSON module.
function loadImport(url, format) {
  const source = virtualSources.get(url);
  if (format === 'module') return source ?? packages.readFileText(pathOfUrl(url));
  if (format === 'json') {
    const path = source === undefined ? pathOfUrl(url) : url;
    return packages.parseJsonModule(source ?? packages.readFileText(path), path);
  }
  return cjs.loadModule(pathOfUrl(url), null, false);
}

function initMeta(meta, url) {
  meta.url = url;
  if (url.startsWith('file:')) {
    const path = pathOfUrl(url);
    meta.filename = path;
    meta.dirname = dirname(path);
  }
  meta.resolve = function resolve(specifier) {
    return resolveUrl(`${specifier}`, url)[0];
  };
}

// import() from any script or module.
async function importDynamic(specifier, referrer, type = '') {
  // Never start a graph inside another one's loading (a CommonJS file that
  // calls import() while an ES module imports it).
  await null;
  const [namespace, evaluated] =
    binding.importModule(`${specifier}`, referrer ?? '', type);
  await evaluated;
  return namespace;
}

// -e / --input-type=module code, run as the module `url`.
function importSource(source, url) {
  virtualSources.set(url, source);
  return binding.importModule(url, '', '');
}

function importFile(filename) {
  return binding.importModule(fileUrl(filename), '', '');
}

function setup(extraConditions = []) {
  conditions = [...kImportConditions, ...extraConditions];
  binding.setLoaderHooks({
    resolve: resolveImport,
    load: loadImport,
    initMeta,
    importDynamic,
  });
  cjs.setRequireModuleHook(importFile);
}

module.exports = { importDynamic, importFile, importSource, setup };
