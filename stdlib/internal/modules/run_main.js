'use strict';
// Running the app: its bundle is one CommonJS module. In an app snapshot the
// bundle was compiled (eagerly, never run) at pack time by prepareApp; at
// startup runMain fills in this run's process facts and calls it.

const { compileFunction } = internalBinding('module');
const { makeRequire } = require('./builtins');
const { setAppScriptName } = require('../source_map');

let appMain;

// Pack time: compile the bundle, every function eagerly, without running it.
function prepareApp(source, filename) {
  appMain = compileFunction(source, filename, true);
  setAppScriptName(filename);
}

function dirname(path) {
  const slash = path.lastIndexOf('/');
  if (slash === -1) return '.';
  if (slash === 0) return '/';
  return path.slice(0, slash);
}

class Module {
  constructor(id, filename) {
    this.id = id;
    this.path = dirname(filename);
    this.exports = {};
    this.filename = filename;
    this.loaded = false;
    this.children = [];
    this.paths = [];
  }
}

// Startup: `source` is the bundle when it is not in the snapshot.
function runMain(source) {
  const process = require('../../process');
  process._setupRun();
  const filename = process.argv[1];
  let fn = appMain;
  if (source !== undefined) {
    fn = compileFunction(source, filename, false);
    setAppScriptName(filename);
  }
  appMain = undefined;
  const module = new Module('.', filename);
  const appRequire = makeRequire(module);
  process.mainModule = module;
  fn.call(module.exports, module.exports, appRequire, module, filename,
          dirname(filename));
  module.loaded = true;
}

module.exports = { prepareApp, runMain, Module };
