// tsc-one-line: a start-up benchmark with one large dependency. Loading the
// TypeScript compiler (~9 MB of JavaScript) dominates; the work is one line.
'use strict';
const ts = require('typescript');

const result = ts.transpileModule('let x: number = 1', {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
});
process.stdout.write(result.outputText);
