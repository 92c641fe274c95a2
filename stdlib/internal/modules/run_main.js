'use strict';
// Running the app: its bundle is one CommonJS module. In an app snapshot the
// bundle was compiled (eagerly, never run) at pack time by prepareApp; at
// startup runMain fills in this run's process facts and calls it.

const { compileFunction, runModule } = internalBinding('module');
const { makeRequire } = require('./builtins');
const { setAppScriptName } = require('../source_map');
const { dirname } = require('../../path');

let appMain;

// Pack time: compile the bundle, every function eagerly, without running it.
function prepareApp(source, filename) {
  appMain = compileFunction(source, filename, true);
  setAppScriptName(filename);
}

// file:// URL of an absolute path, percent-encoded as Node's pathToFileURL.
function fileUrl(path) {
  return `file://${encodeURI(path).replace(/[?#]/g, encodeURIComponent)}`;
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

// The main ES module's evaluation: pending until its top-level await ends.
let mainModuleSettled = true;

// Startup: `source` is the bundle when it is not in the snapshot; `isModule`
// says it is an ES module (it uses top-level await).
function runMain(source, isModule) {
  const process = require('../../process');
  process._setupRun();
  const filename = process.argv[1];
  if (isModule) {
    setAppScriptName(filename);
    mainModuleSettled = false;
    runModule(source, filename).then(() => {
      mainModuleSettled = true;
    }, (err) => {
      mainModuleSettled = true;
      require('../process/execution').triggerUncaughtException(err, true);
    });
    return;
  }
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
          dirname(filename), fileUrl(filename));
  module.loaded = true;
}

// Node's exit code 13: the loop emptied while the main module still awaited.
function unsettledMainModule() {
  return !mainModuleSettled;
}

module.exports = { prepareApp, runMain, unsettledMainModule, Module };
