// Dev-only: runs a tests/js/*.test.js file under Node with node:util, assert, events, path and console
// replaced by stdlib/. Run: node --expose-internals tests/js/support/run-with-stdlib.js tests/js/x.test.js
'use strict';

require('./node-shim');
const Module = require('module');
const path = require('path');

const stdlib = path.join(__dirname, '..', '..', '..', 'stdlib');
const mapped = {
  util: 'util.js',
  assert: 'assert.js',
  'assert/strict': 'assert.js',
  events: 'events.js',
  path: 'path.js',
  console: 'console.js',
};
const origResolve = Module._resolveFilename;
Module._resolveFilename = function(request, ...rest) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  if (Object.prototype.hasOwnProperty.call(mapped, name)) {
    return path.join(stdlib, mapped[name]);
  }
  return origResolve.call(this, request, ...rest);
};
const strictPath = path.join(stdlib, 'assert.js');
const origLoad = Module._load;
Module._load = function(request, ...rest) {
  const name = request.startsWith('node:') ? request.slice(5) : request;
  if (name === 'assert/strict') return origLoad.call(this, strictPath, ...rest).strict;
  return origLoad.call(this, request, ...rest);
};

require(path.resolve(process.argv[2]));
