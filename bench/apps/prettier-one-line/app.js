// A formatter CLI with a large dependency that needs no fs: prettier's
// standalone build and every language plugin it ships (~3 MB), loaded at
// start-up, formatting one line of TypeScript.
'use strict';
const prettier = require('prettier/standalone');

// Static require() calls, one per plugin: a computed path
// (`prettier/plugins/${name}`) is left unbundled by esbuild and bun, and would
// then be loaded from node_modules at run time (or not at all from a single
// file), which is not what this app measures.
const plugins = [
  require('prettier/plugins/babel'),
  require('prettier/plugins/estree'),
  require('prettier/plugins/typescript'),
  require('prettier/plugins/markdown'),
  require('prettier/plugins/postcss'),
  require('prettier/plugins/html'),
  require('prettier/plugins/yaml'),
  require('prettier/plugins/graphql'),
];

prettier.format('let   total:number=[1,2 ,3].reduce((a,b)=>a+b)', {
  parser: 'typescript',
  plugins,
}).then((formatted) => {
  process.stdout.write(formatted);
}, (err) => {
  console.error(err);
  process.exitCode = 1;
});
