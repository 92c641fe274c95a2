// A formatter CLI with a large dependency that needs no fs: prettier's
// standalone build and every language plugin it ships (~3 MB), loaded at
// start-up, formatting one line of TypeScript.
'use strict';
const prettier = require('prettier/standalone');

const pluginNames = ['babel', 'estree', 'typescript', 'markdown', 'postcss',
  'html', 'yaml', 'graphql'];
const plugins = pluginNames.map((name) => require(`prettier/plugins/${name}`));

prettier.format('let   total:number=[1,2 ,3].reduce((a,b)=>a+b)', {
  parser: 'typescript',
  plugins,
}).then((formatted) => {
  process.stdout.write(formatted);
}, (err) => {
  console.error(err);
  process.exitCode = 1;
});
