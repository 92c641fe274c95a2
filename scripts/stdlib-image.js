'use strict';
// Writes the stdlib image the runtime embeds: a small loader script followed
// by every stdlib module's source, each minified on its own. The runtime
// evaluates only the loader; a module's source becomes a V8 string, and is
// compiled, the first time something requires it. A module the bootstrap
// never loads therefore costs no bytes in a snapshot and no start-up time.
//
// Usage: node scripts/stdlib-image.js <esbuild> <metafile> <work-dir> <out> <stdlib-dir>
// The metafile comes from bundling stdlib/internal/bootstrap.js with esbuild
// (scripts/bundle-stdlib.sh does that): it names every module reachable from
// the bootstrap and how each require() specifier in it resolved, so esbuild
// stays the one resolver of the stdlib's own imports, aliases included.
//
// Image layout (all ASCII, esbuild's --charset=ascii):
//   //jspack-stdlib <loader length> <image id>\n
//   <loader source>   function body; parameters internalBinding, compileModule,
//                     createCodeCache
//   <module sources>  at the offsets the loader's table records

const { execFileSync } = require('child_process');
const { createHash } = require('crypto');
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const { restoreAllNames } = require('./restore-names');

const [esbuild, metafile, work, out, libDir] = process.argv.slice(2);
if (!libDir) {
  console.error('usage: stdlib-image.js <esbuild> <metafile> <work-dir> <out> <stdlib-dir>');
  process.exit(2);
}
// The metafile's paths are relative to / (bundle-stdlib.sh runs esbuild there).
const lib = path.resolve(libDir).slice(1) + '/';

const meta = JSON.parse(fs.readFileSync(metafile, 'utf8'));
const inputs = Object.keys(meta.inputs).filter((p) => !p.startsWith('<'));
const entry = inputs.find((p) => p === `${lib}internal/bootstrap.js`);
if (entry === undefined) throw new Error('the metafile has no bootstrap');

// The name a module has in stack traces, as node names its builtins:
// stdlib/internal/fs/utils.js -> node:internal/fs/utils; a pinned npm package
// lives under internal/deps/.
function moduleName(file) {
  const deps = file.lastIndexOf('node_modules/');
  let rel;
  if (file.startsWith(lib) && !file.includes('node_modules/', lib.length)) {
    rel = file.slice(lib.length);
  } else if (deps !== -1) {
    rel = 'internal/deps/' + file.slice(deps + 'node_modules/'.length);
  } else {
    throw new Error(`${file} is neither in the stdlib nor in node_modules`);
  }
  return rel.replace(/\.js$/, '');
}

// One esbuild run minifies every module on its own (no bundling). The
// bootstrap's `--alias` options only steer resolution, which the metafile
// already holds.
// Every module ran strict inside the old single bundle, and runs strict
// here: esbuild is told so too, or it rewrites a sloppy file's block-level
// function declarations for sloppy scoping.
const strict = path.join(work, 'strict');
const minified = path.join(work, 'modules');
fs.rmSync(minified, { recursive: true, force: true });
for (const p of inputs) {
  fs.mkdirSync(path.dirname(path.join(strict, p)), { recursive: true });
  fs.writeFileSync(path.join(strict, p), '"use strict";' + fs.readFileSync(path.join('/', p), 'utf8'));
}
execFileSync(esbuild, [
  ...inputs.map((p) => path.join(strict, p)), `--outdir=${minified}`,
  `--outbase=${strict}`, '--platform=neutral',
  '--target=es2022', '--charset=ascii', '--minify-whitespace',
  '--minify-syntax', '--keep-names', '--log-level=warning',
], { stdio: 'inherit' });

// Modules every start of an app runs (process setup, console.log to a
// stream, the exit path): compiled whole when the base snapshot is built, so
// no start parses them. The rest compile function by function on first call.
// Found with JSPACK_V8_FLAGS=--log-function-events on samples/hello; an eager
// module costs snapshot bytes for its functions that hello never calls, so
// a module joins only if hello compiles much of it at run time.
const kEagerModules = new Set([
  'console', 'events', 'internal/modules/run_main', 'internal/process/exit',
  'internal/process/execution', 'internal/process/stdio',
  'internal/process/ticks', 'internal/process/task_queues', 'process',
  'internal/deps/readable-stream/lib/internal/streams/writable',
  'internal/deps/readable-stream/lib/internal/streams/state',
  'internal/deps/readable-stream/lib/internal/streams/destroy',
]);

// The bootstrap first, so the loader starts with index 0.
const order = [entry, ...inputs.filter((p) => p !== entry)];
const index = new Map(order.map((p, i) => [p, i]));
// esbuild renames a symbol that shadows another (`const arch =
// f(function arch() {})` comes out as `function arch2()`), and function and
// class names show in Node's API (`fn.name`) and in stack traces, so modules
// are minified with --keep-names: esbuild then restores each name with a
// __name(fn, "name") call. Most of those calls restore a name the function
// has anyway, and each costs bytes and work when the module loads, so the
// ones that provably do nothing are dropped:
//   function f(){}__name(f,"f");  let f=()=>{};__name(f,"f");
//   class C{static{__name(this,"C")} ...
// (a function declared or let-bound as f is named f). restore-names.js then
// rewrites the calls the language can do without; the rest stay. The one
// __name helper comes from the loader instead of a copy in every module.
// (esbuild renames the helper's parameters when a module uses their names.)
const kNameHelper = /var __defProp=Object\.defineProperty;var __name=\(([\w$]+),([\w$]+)\)=>__defProp\(\1,"name",\{value:?\2?,configurable:!0\}\);/;

function stripRedundantNames(code, file) {
  // At a statement start (after ; { or }: in minified code an identifier
  // right after } begins a statement), as the whole statement or the first
  // operand of a comma expression.
  code = code.replace(/(^|[;{}])__name\(([A-Za-z_$][\w$]*),"\2"\)(?:[;,]|(?=\}))/g, '$1');
  code = code.replace(/(class ([A-Za-z_$][\w$]*)(?: extends [A-Za-z_$][\w$.]*)?\{)static\{__name\(this,"\2"\)\}/g, '$1');
  const helper = code.match(kNameHelper);
  if (helper) {
    const rest = code.replace(kNameHelper, '');
    if (!rest.includes('__defProp')) code = rest;
  }
  if (code.includes('__defProp=') && !kNameHelper.test(code)) {
    throw new Error(`${file}: esbuild's helpers changed; update kNameHelper`);
  }
  return code;
}

const sources = order.map((p) => {
  let code = stripRedundantNames(fs.readFileSync(path.join(minified, p), 'utf8'), p);
  // Functions made per call get their names from the language instead of a
  // __name call each time (scripts/restore-names.js). The result must still
  // parse as the module body it is.
  code = restoreAllNames(code);
  try {
    new vm.Script(`(function(){${code}\n})`, { filename: p });
  } catch (error) {
    throw new Error(`${p}: restoring names broke the module: ${error.message}`);
  }
  // --charset=ascii escapes all code; a licence comment esbuild keeps
  // (undici's "Jimmy W\u00e4rting") stays as written, and is spelled
  // out in escapes here, which in a comment are just text.
  code = code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return code;
});
const table = order.map((p, i) => {
  const deps = {};
  for (const imp of meta.inputs[p].imports) {
    if (imp.kind !== 'require-call' || imp.external) continue;
    const to = index.get(imp.path);
    if (to === undefined) throw new Error(`${p}: ${imp.original} resolved outside the stdlib`);
    deps[imp.original] = to;
  }
  // A module's dependencies stay a JSON string until it is first loaded:
  // as objects, each module's distinct set of keys would cost the snapshot
  // a hidden class of its own, for every module, loaded or not.
  return [moduleName(p), sources[i].length, JSON.stringify(deps), kEagerModules.has(moduleName(p))];
});

const loader = `'use strict';
const table = ${JSON.stringify(table)};
const base = BASE;
const modules = new Array(table.length);
// V8 code caches of modules not loaded yet (makeCodeCaches, at pack time),
// consumed by their first load.
const caches = new Array(table.length);
// esbuild's --keep-names helper, shared by all modules (see the image builder).
const __name = (target, value) => Object.defineProperty(target, 'name', { value, configurable: true });
const starts = new Array(table.length);
for (let i = 0, at = base; i < table.length; i++) {
  starts[i] = at;
  at += table[i][1];
}
function load(i) {
  let module = modules[i];
  if (module !== undefined) return module.exports;
  const [name, length, depsJson, eager] = table[i];
  const deps = JSON.parse(depsJson);
  const body = compileModule(IMAGE_ID, name, starts[i], starts[i] + length, eager, caches[i]);
  caches[i] = undefined;
  function require(specifier) {
    const to = deps[specifier];
    if (to === undefined) throw new Error(\`node:\${name} has no dependency \${specifier}\`);
    return load(to);
  }
  if (i === 0) require.makeCodeCaches = makeCodeCaches;
  module = { exports: {} };
  modules[i] = module;
  try {
    body.call(module.exports, module.exports, require, module, internalBinding, __name);
  } catch (error) {
    modules[i] = undefined;
    throw error;
  }
  return module.exports;
}
// Pack time: V8 code caches of module \`root\` and of every module it
// requires, directly or not, that is not loaded yet (but not those whose
// names match \`except\`). The app snapshot keeps them, and a start that
// loads one of those modules reads its top-level bytecode instead of parsing
// the module (its functions compile on first call, as they would anyway).
// Returns the bytes made.
function makeCodeCaches(root, except) {
  const todo = [table.findIndex((entry) => entry[0] === root)];
  const seen = new Set(todo);
  let bytes = 0;
  while (todo.length > 0) {
    const i = todo.pop();
    if (i < 0 || modules[i] !== undefined) continue;
    const [name, length, depsJson] = table[i];
    for (const to of Object.values(JSON.parse(depsJson))) {
      if (!seen.has(to)) {
        seen.add(to);
        todo.push(to);
      }
    }
    if (caches[i] !== undefined || except.test(name)) continue;
    const body = compileModule(IMAGE_ID, name, starts[i], starts[i] + length, table[i][3]);
    caches[i] = createCodeCache(body);
    bytes += caches[i].length;
  }
  return bytes;
}
return load(0);
`;
// A snapshot's loader holds offsets into the image that made it; the id lets
// compileModule refuse another image (a JSPACK_STDLIB override, say).
const id = createHash('sha256').update(JSON.stringify(table)).update(sources.join(''))
  .digest('hex').slice(0, 16);

// BASE is the offset of the first module: header + loader, whose own length
// depends on how many digits BASE has; settle it by iteration.
let base = 0;
let text;
for (;;) {
  text = loader.replace('BASE', String(base)).replaceAll('IMAGE_ID', `'${id}'`);
  const header = `//jspack-stdlib ${text.length} ${id}\n`;
  const next = header.length + text.length;
  if (next === base) {
    fs.writeFileSync(out, header + text + sources.join(''));
    break;
  }
  base = next;
}
