'use strict';
// Web Crypto's asymmetric algorithms (RSA, EC, Ed25519, X25519): h-keys registers them here with subtle.js's registerAlgorithm.
