'use strict';
// Which file implements each builtin id jspack has. The module registry
// (builtins.js) gets this list from the bootstrap; keeping it out of the
// registry is what lets node:module use the registry without a cycle.

module.exports = [
  ['_stream_duplex', () => require('../../stream').Duplex],
  ['_stream_passthrough', () => require('../../stream').PassThrough],
  ['_stream_readable', () => require('../../stream').Readable],
  ['_stream_transform', () => require('../../stream').Transform],
  ['_stream_writable', () => require('../../stream').Writable],
  ['assert', () => require('../../assert')],
  ['assert/strict', () => require('../../assert').strict],
  ['buffer', () => require('../../buffer')],
  ['console', () => require('../../console')],
  ['events', () => require('../../events')],
  ['module', () => require('../../module')],
  ['os', () => require('../../os')],
  ['path', () => require('../../path')],
  ['path/posix', () => require('../../path').posix],
  ['path/win32', () => require('../../path').win32],
  ['perf_hooks', () => require('../../perf_hooks')],
  ['process', () => require('../../process')],
  ['punycode', () => require('../../punycode')],
  ['querystring', () => require('../../querystring')],
  ['readline', () => require('../../readline')],
  ['readline/promises', () => require('../../readline/promises')],
  ['stream', () => require('../../stream')],
  ['stream/consumers', () => require('../../stream/consumers')],
  ['stream/promises', () => require('../../stream/promises')],
  ['string_decoder', () => require('../../string_decoder')],
  ['sys', () => require('../../util')],
  ['timers', () => require('../../timers')],
  ['timers/promises', () => require('../../timers/promises')],
  ['tty', () => require('../../tty')],
  ['url', () => require('../../url')],
  ['util', () => require('../../util')],
  ['util/types', () => require('../../util').types],
];
