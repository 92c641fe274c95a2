'use strict';
// The process-wide defaults of net's autoSelectFamily ("happy eyeballs"):
// on, 250 ms per attempt.

const { validateBoolean, validateInt32 } = require('../validators');

const defaults = { enabled: true, attemptMs: 250 };

module.exports = {
  getDefaultAutoSelectFamily: () => defaults.enabled,
  setDefaultAutoSelectFamily: (on) => {
    validateBoolean(on, 'value');
    defaults.enabled = on;
  },
  getDefaultAutoSelectFamilyAttemptTimeout: () => defaults.attemptMs,
  // Values below 10 ms are raised to 10, as in Node.
  setDefaultAutoSelectFamilyAttemptTimeout: (ms) => {
    validateInt32(ms, 'value', 1);
    defaults.attemptMs = Math.max(10, ms);
  },
};
