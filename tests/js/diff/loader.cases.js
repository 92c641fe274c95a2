'use strict';
// diff-mode: node-command
// The on-disk module loader: run as `jspack-runtime loader.cases.js` (the
// node-compatible command, no bundling) against `node loader.cases.js`.
// require() and import() of the packages in fixtures/loader: "exports"
// conditions and patterns, "imports", self-references, "main", package
// "type", JSON, cycles, the cache, resolve() with paths, createRequire,
// require() of ES modules, and Node's errors for each failure.

const path = require('path');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();
const root = path.join(__dirname, 'fixtures', 'loader');
const rel = (p) => (typeof p === 'string' ? p.split(root).join('<root>') : p);
const clean = (outcome) => outcome.map(rel);
const fixtureRequire = require('module').createRequire(path.join(root, 'app', 'index.js'));

function requireCases() {
  const requests = [
    'cond', 'cond/feature', 'cond/package.json', 'cond/hidden', 'cond/alt',
    'cond/nope', 'pat/features/a.js', 'pat/features/b', 'pat/features/private/x',
    'pat/x/a/y', 'pat/features/none', '@sc/main-only', 'badmain', 'plain',
    'plain/lib/x', 'plain/lib/x.js', 'plain/missing', 'typemod', 'loader-fixture',
    'loader-fixture/helper', 'loader-fixture/nope', '#util', '#dep', '#int/one',
    '#int/none', '#missing', './util', './util.js', './data.json', './data',
    './bad.json', './sub/one', '../dirpkg', '../dirpkg/', './shebang', './bom',
    './fn.cjs', './esm.mjs', './tla.mjs', './missing', '../app/util',
    'not-a-package', '@scope/not-there', 'path', 'node:path', 'node:nope',
  ];
  for (const request of requests) {
    emit(`require ${request}`, clean(attempt(() => {
      if (request === './bad.json') {
        // V8's JSON.parse messages differ between versions: the file name
        // prefix is what is the loader's.
        try {
          fixtureRequire(request);
        } catch (err) {
          return [err.name, rel(err.message.slice(0, err.message.indexOf(':')))];
        }
      }
      const value = fixtureRequire(request);
      if (typeof value === 'function') return ['function', value.name, value.prop];
      if (value === require('path')) return 'the path builtin';
      return JSON.parse(JSON.stringify(value));
    })));
    emit(`resolve ${request}`, clean(attempt(() => fixtureRequire.resolve(request))));
  }
}

function cacheCases() {
  const a = fixtureRequire('./counter');
  const b = fixtureRequire('./counter.js');
  emit('cache: same exports', a === b);
  const file = fixtureRequire.resolve('./counter');
  emit('cache: keyed by file', rel(Object.keys(require.cache).filter((k) => k === file)));
  delete require.cache[file];
  emit('cache: reloaded after delete', fixtureRequire('./counter').count);
  emit('cycle: partial exports', fixtureRequire('./cycle-a'));
  const mod = require.cache[fixtureRequire.resolve('./cycle-a')];
  emit('module fields', [mod.id === mod.filename, mod.loaded, rel(mod.path),
                         mod.children.map((c) => rel(c.id)), rel(mod.paths[0])]);
  emit('module.paths of main', rel(module.paths.slice(0, 2)));
  emit('require.main', require.main === module);
  emit('module.id of main', module.id);
  emit('resolve.paths bare', rel(fixtureRequire.resolve.paths('x').slice(0, 3)));
  emit('resolve.paths relative', rel(fixtureRequire.resolve.paths('./x')));
  emit('resolve.paths builtin', fixtureRequire.resolve.paths('fs'));
  emit('resolve with paths', clean(attempt(() =>
    require.resolve('plain', { paths: [path.join(root, 'app')] }))));
  emit('resolve relative with paths', clean(attempt(() =>
    require.resolve('./util', { paths: [path.join(root, 'app')] }))));
  emit('require empty', clean(attempt(() => require(''))));
  emit('require number', clean(attempt(() => require(1))));
  emit('createRequire relative', clean(attempt(() => require('module').createRequire('rel/path'))));
  const Module = require('module');
  emit('Module shape', [typeof Module, typeof Module._load, typeof Module._resolveFilename,
                        typeof Module._extensions['.js'], Module.wrapper.length,
                        typeof Module.createRequire, Module.builtinModules.includes('fs'),
                        Module.isBuiltin('node:fs'), Module.isBuiltin('nope')]);
  emit('extensions', Object.keys(require.extensions));
}

async function importCases() {
  const base = path.join(root, 'app', 'index.mjs');
  const { pathToFileURL } = require('url');
  const baseUrl = pathToFileURL(base).href;
  const specifiers = [
    'cond', 'cond/feature', 'typemod', 'pat/features/a.js', 'plain', '#util',
    './esm.mjs', './util.js', './fn.cjs', './data.json', './reexport.mjs',
    './tla.mjs', './util', '../dirpkg', './missing.mjs', 'cond/nope', 'nope-pkg',
    '#missing', 'node:path', 'path', 'node:nope', 'https://example.com/x.js',
    'data:text/javascript,export default 7', 'data:application/json,{"j":1}',
  ];
  // import() resolves from the calling file: do it from a module made for it.
  const { createRequire } = require('module');
  const importer = createRequire(base);
  for (const specifier of specifiers) {
    let outcome;
    try {
      const target = specifier.startsWith('.') ?
        new URL(specifier, baseUrl).href :
        specifier.startsWith('#') ? importer.resolve(specifier) : specifier;
      const ns = await import(target);
      outcome = ['ok', Object.keys(ns).sort(), ns.default === undefined ? null :
        typeof ns.default === 'function' ? 'function' : JSON.parse(JSON.stringify(ns.default))];
    } catch (err) {
      outcome = ['rejects', err.name, err.code, err.message];
    }
    emit(`import ${specifier}`, clean(outcome));
  }
  const json = new URL('./data.json', baseUrl).href;
  const assertions = [
    ['json as json', json, { assert: { type: 'json' } }],
    ['js as json', new URL('./util.js', baseUrl).href, { assert: { type: 'json' } }],
    ['json as css', json, { assert: { type: 'css' } }],
    ['data json as json', 'data:application/json,{"j":2}', { assert: { type: 'json' } }],
  ];
  for (const [label, specifier, options] of assertions) {
    let outcome;
    try {
      outcome = ['ok', JSON.parse(JSON.stringify((await import(specifier, options)).default))];
    } catch (err) {
      outcome = ['rejects', err.name, err.code, err.message];
    }
    emit(`assert ${label}`, clean(outcome));
  }
  const ns = await import(new URL('./reexport.mjs', baseUrl).href);
  emit('reexport values', [ns.kind, ns.answer, ns.json, ns.meta]);
  const again = await import(new URL('./reexport.mjs', baseUrl).href);
  emit('import cached', ns === again);
  const q1 = await import(new URL('./esm.mjs?x=1', baseUrl).href);
  emit('query makes a new instance', q1 !== (await import(new URL('./esm.mjs', baseUrl).href)));
  const cjsNs = await import(new URL('./util.js', baseUrl).href);
  emit('cjs default is exports', cjsNs.default === fixtureRequire('./util'));
}

requireCases();
cacheCases();
importCases().catch((err) => {
  emit('import cases crashed', [err.name, err.message]);
});
