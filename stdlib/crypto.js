'use strict';
// node:crypto (placeholder until h-crypto's module is merged): the
// asymmetric half only.

module.exports = { ...require('./internal/crypto/asymmetric') };
