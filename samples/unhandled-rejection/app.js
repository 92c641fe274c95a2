// unhandled-rejection: a promise rejected with nobody listening. Since Node 15
// that is fatal: the error and its stack on stderr, exit code 1, and the
// timer still pending never fires.
'use strict';

class FetchError extends Error {
  constructor(url) {
    super(`cannot fetch ${url}`);
    this.name = 'FetchError';
    this.code = 'ERR_SAMPLE_FETCH';
  }
}

async function fetchConfig(url) {
  await null;
  throw new FetchError(url);
}

console.log('starting');
setTimeout(() => console.log('timer fired (bug: process should be dead)'), 200);
fetchConfig('config://main').then(() => console.log('never printed'));
console.log('main done');
