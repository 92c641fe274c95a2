'use strict';
// node:module: the CommonJS Module class itself (require('module') is
// Module, as in Node), with createRequire, builtinModules and isBuiltin.

module.exports = require('./internal/modules/cjs').Module;
