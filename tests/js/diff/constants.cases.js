// Differential corpus for node:constants and node:sys: the merged constants
// table (crypto's part left out: it depends on the crypto build), its
// freezing and prototype, and sys as util.
'use strict';

const { makeEmit } = require('./lib/emit');

const emit = makeEmit();
const constants = require('constants');

let cryptoKeys = [];
try {
  cryptoKeys = Object.keys(require('crypto').constants);
} catch {
  // No crypto in this build: every key is compared.
}
const keys = Object.keys(constants).filter((k) => !cryptoKeys.includes(k));
emit('keys', keys);
emit('values', keys.map((k) => constants[k]));
emit('frozen', Object.isFrozen(constants));
emit('prototype', [typeof Object.getPrototypeOf(constants),
  Object.getPrototypeOf(Object.getPrototypeOf(constants))]);
emit('node: scheme', require('node:constants') === constants);
emit('sys is util', require('sys') === require('util'));
