'use strict';
// State of worker_threads that both sides use: SHARE_ENV and the
// environment data a thread passes on to the workers it starts.

const SHARE_ENV = Symbol.for('nodejs.worker_threads.SHARE_ENV');

// key -> value, copied into each new worker (structured clone on the way).
const inherited = new Map();

// Storing undefined forgets the key, as in Node.
const setEnvironmentData = (key, value) => {
  if (value !== undefined) inherited.set(key, value);
  else inherited.delete(key);
};

const getEnvironmentData = (key) => inherited.get(key);

const environmentDataForWorker = () => inherited;

// A worker starts with its parent's data (from its boot value).
function adoptEnvironmentData(map) {
  if (map instanceof Map) map.forEach((v, k) => inherited.set(k, v));
}

module.exports = {
  SHARE_ENV,
  adoptEnvironmentData,
  environmentDataForWorker,
  getEnvironmentData,
  setEnvironmentData,
};
