'use strict';
// The asymmetric half of node:crypto (keys, sign/verify, ECDH, X509): h-keys fills this; crypto.js re-exports all of it.

module.exports = {};
