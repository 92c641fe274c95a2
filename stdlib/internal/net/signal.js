'use strict';
// An AbortSignal option of net (socket and listen options): `action(reason)`
// runs once the signal aborts, at once (on the next tick) if it has already.

const { AbortError } = require('../errors');
const { validateAbortSignal } = require('../validators');

function abortWith(target, signal, name, action) {
  validateAbortSignal(signal, name);
  const fire = () => action(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    process.nextTick(fire);
    return;
  }
  signal.addEventListener('abort', fire, { once: true });
  target.once('close', () => signal.removeEventListener('abort', fire));
}

module.exports = { abortWith };
