'use strict';
// node:sys: the old name of node:util, with Node's deprecation warning (once,
// when first loaded).

process.emitWarning('sys is deprecated. Use util instead.', 'DeprecationWarning', 'DEP0025');

module.exports = require('./util');
