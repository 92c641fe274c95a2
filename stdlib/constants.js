'use strict';
// node:constants (deprecated, still loaded by old packages): one frozen,
// prototype-free object with os.constants' dlopen, errno, priority and
// signals tables, fs.constants and crypto.constants, in Node's order.

const os = require('./os');
const fs = require('./fs');
const builtins = require('./internal/modules/builtins');

// As in Node, the prototype is an empty object that has none itself.
const merged = { __proto__: { __proto__: null } };
const { dlopen, errno, priority, signals } = os.constants;
const tables = [dlopen, errno, priority, signals, fs.constants];
// crypto may be missing from a build; its constants join when it is there.
if (builtins.hasBuiltin('crypto')) tables.push(builtins.loadBuiltin('crypto').constants);
for (const table of tables) {
  if (table) Object.assign(merged, table);
}

module.exports = Object.freeze(merged);
