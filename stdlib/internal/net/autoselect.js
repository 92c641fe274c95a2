'use strict';
// The process-wide defaults of net's autoSelectFamily ("happy eyeballs").

const { validateBoolean, validateInt32 } = require('../validators');

let autoSelectFamily = true;
let attemptTimeout = 250;

function getDefaultAutoSelectFamily() {
  return autoSelectFamily;
}

function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelectFamily = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return attemptTimeout;
}

// Values below 10 ms are raised to 10, as in Node.
function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  attemptTimeout = value < 10 ? 10 : value;
}

module.exports = {
  getDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamily,
  setDefaultAutoSelectFamilyAttemptTimeout,
};
