'use strict';
// Shared by the corpora. makeEmit() prints one case record, `[label, result]`, as
// run_diff.py reads it. Labels must be unique (a repeat is a corpus bug);
// lone surrogates in a label are printed escaped.

function makeEmit() {
  const seen = new Set();
  return function emit(rawLabel, result) {
    const label = JSON.stringify(rawLabel).slice(1, -1);
    if (seen.has(label)) throw new Error(`duplicate label ${label}`);
    seen.add(label);
    console.log(JSON.stringify([label, result]));
  };
}

// A case's outcome: ['ok', value] or ['throws', name, code, message].
function attempt(fn) {
  try {
    return ['ok', fn()];
  } catch (err) {
    return ['throws', err.name, err.code, err.message];
  }
}

module.exports = { makeEmit, attempt };
