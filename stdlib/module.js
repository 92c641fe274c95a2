'use strict';
// node:module: what a bundled app can use of it (the builtin list and
// createRequire for builtins).

const { builtinModules, isBuiltin, makeRequire } =
  require('./internal/modules/builtins');

function createRequire(filename) {
  return makeRequire(undefined);
}

class Module {
  static builtinModules = builtinModules;
  static isBuiltin = isBuiltin;
  static createRequire = createRequire;
}
Module.Module = Module;

module.exports = Module;
