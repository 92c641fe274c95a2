'use strict';
// Running the app: its bundle is one CommonJS module. In an app snapshot the
// bundle was compiled (eagerly, never run) at pack time by prepareApp; at
// startup runMain fills in this run's process facts and calls it.

const { compileFunction, runModule } = internalBinding('module');
const process = require('../../process');
const { makeRequire } = require('./builtins');
const { setAppScriptName } = require('../source_map');
const {
  setMainModuleAwaiting, reportUncaught,
} = require('../process/execution');
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

// Startup: `source` is the bundle when it is not in the snapshot; `isModule`
// says it is an ES module (it uses top-level await).
function runMain(source, isModule) {
  process._setupRun();
  const filename = process.argv[1];
  if (isModule) {
    setAppScriptName(filename);
    setMainModuleAwaiting(true);
    runModule(source, filename).then(() => {
      setMainModuleAwaiting(false);
    }, (err) => {
      setMainModuleAwaiting(false);
      reportUncaught(err, true);
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

module.exports = { prepareApp, runMain, Module };
