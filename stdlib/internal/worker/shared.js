'use strict';
// State of worker_threads that both sides use: SHARE_ENV and the
// environment data a thread passes on to the workers it starts.

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

// key -> value, copied into each new worker (structured clone on the way).
const environmentData = new Map();

function setEnvironmentData(key, value) {
  if (value === undefined) {
    environmentData.delete(key);
  } else {
    environmentData.set(key, value);
  }
}

function getEnvironmentData(key) {
  return environmentData.get(key);
}

function environmentDataForWorker() {
  return environmentData;
}

// A worker starts with its parent's data (from its boot value).
function adoptEnvironmentData(map) {
  if (!(map instanceof Map)) return;
  for (const [key, value] of map) environmentData.set(key, value);
}

module.exports = {
  SHARE_ENV,
  adoptEnvironmentData,
  environmentDataForWorker,
  getEnvironmentData,
  setEnvironmentData,
};
