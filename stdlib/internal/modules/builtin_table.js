'use strict';
// Which file implements each builtin id jspack has. The module registry
// (builtins.js) gets this list from the bootstrap; keeping it out of the
// registry is what lets node:module use the registry without a cycle.

module.exports = [
  ['assert', () => require('../../assert')],
  ['assert/strict', () => require('../../assert').strict],
  ['buffer', () => require('../../buffer')],
  ['console', () => require('../../console')],
  ['events', () => require('../../events')],
  ['fs', () => require('../../fs')],
  ['fs/promises', () => require('../../fs/promises')],
  ['module', () => require('../../module')],
  ['os', () => require('../../os')],
  ['path', () => require('../../path')],
  ['path/posix', () => require('../../path').posix],
  ['path/win32', () => require('../../path').win32],
  ['process', () => require('../../process')],
  ['string_decoder', () => require('../../string_decoder')],
  ['sys', () => require('../../util')],
  ['timers', () => require('../../timers')],
  ['timers/promises', () => require('../../timers/promises')],
  ['tty', () => require('../../tty')],
  ['util', () => require('../../util')],
  ['util/types', () => require('../../util').types],
];
