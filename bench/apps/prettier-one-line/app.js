// A formatter CLI with a large dependency that needs no fs: prettier's
// standalone build and every language plugin it ships (~3 MB), loaded at
// start-up, formatting one line of TypeScript. The requires are static so a
// bundler can see them.
'use strict';
const prettier = require('prettier/standalone');

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
