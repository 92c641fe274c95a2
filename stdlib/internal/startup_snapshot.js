'use strict';
// v8.startupSnapshot: the state of an app packed with `jspack --build-snapshot`.
// The packer runs such an app's main at pack time inside the snapshot
// builder (runtime/core/snapshot.cc); while it runs, isBuildingSnapshot()
// is true and the app registers what the snapshot needs: serialize
// callbacks (run once the event loop is empty, just before the heap is
// saved), deserialize callbacks and the main function (run by every start
// of the packed executable, after this run's process facts are filled in).
// Everything else is the heap as the app left it.

const {
  ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION,
  ERR_NOT_BUILDING_SNAPSHOT,
} = require('./errors').codes;
const { validateFunction } = require('./validators');

let building = false;
// True in the snapshot of an app whose main ran at pack time: a start runs
// the deserialize callbacks and the main function instead of the bundle.
let initialized = false;
const serializeCallbacks = [];
const deserializeCallbacks = [];
let mainFunction;
let mainData;

function checkBuilding() {
  if (!building) throw new ERR_NOT_BUILDING_SNAPSHOT();
}

// As in Node, the state is checked before the argument.
function addSerializeCallback(callback, data) {
  checkBuilding();
  validateFunction(callback, 'callback');
  serializeCallbacks.push([callback, data]);
}

function addDeserializeCallback(callback, data) {
  checkBuilding();
  validateFunction(callback, 'callback');
  deserializeCallbacks.push([callback, data]);
}

function setDeserializeMainFunction(callback, data) {
  checkBuilding();
  validateFunction(callback, 'callback');
  if (mainFunction !== undefined) {
    throw new ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION();
  }
  mainFunction = callback;
  mainData = data;
}

function isBuildingSnapshot() {
  return building;
}

// Pack time, before the app's main runs.
function startBuild() {
  building = true;
}

// Pack time, once the loop is empty (and 'beforeExit' added nothing): the
// serialize callbacks run, then the state that must not be in a snapshot
// is dropped. Returns '' when the heap may be saved, else "cause\nfix".
function finishBuild(dropRunState) {
  // A callback may add another; it runs too, in order.
  for (let i = 0; i < serializeCallbacks.length; i++) {
    const [callback, data] = serializeCallbacks[i];
    callback(data);
  }
  serializeCallbacks.length = 0;
  if (mainFunction === undefined) {
    return 'the app set no main function for its runs\n' +
      'Call v8.startupSnapshot.setDeserializeMainFunction(main) while the ' +
      'snapshot is built (when isBuildingSnapshot() is true); main runs at ' +
      'every start of the executable';
  }
  const problem = dropRunState();
  if (problem !== '') return problem;
  building = false;
  initialized = true;
  return '';
}

function isInitialized() {
  return initialized;
}

// A start of the executable: the deserialize callbacks in the order they
// were added, then the main function, each given its data.
function runDeserialized() {
  for (const [callback, data] of deserializeCallbacks) callback(data);
  const main = mainFunction;
  main(mainData);
}

module.exports = {
  addSerializeCallback,
  addDeserializeCallback,
  setDeserializeMainFunction,
  isBuildingSnapshot,
  startBuild,
  finishBuild,
  isInitialized,
  runDeserialized,
};
