'use strict';
// A Transform whose stream state is made on first stream use: hashes and ciphers are streams, but most never use it.

const { Transform } = require('../../stream');

function LazyTransform(options) {
  this._options = options;
}
Object.setPrototypeOf(LazyTransform.prototype, Transform.prototype);
Object.setPrototypeOf(LazyTransform, Transform);

// Reading one of these before the Transform constructor ran makes the
// stream state now. The constructor's own writes land as plain own
// properties, which then shadow these accessors.
const kStateKeys = ['_readableState', '_writableState', '_events',
  '_eventsCount', '_maxListeners'];
// Set while the Transform constructor runs: its own reads of these keys
// (EventEmitter's init looks at _events) see nothing yet.
const kMaking = Symbol('kMaking');
for (const key of kStateKeys) {
  Object.defineProperty(LazyTransform.prototype, key, {
    get() {
      // EventEmitter compares an object's _events with its prototype's:
      // a prototype gets no stream state of its own.
      if (this[kMaking] ||
          !Object.prototype.hasOwnProperty.call(this, '_options')) {
        return undefined;
      }
      this[kMaking] = true;
      Transform.call(this, this._options);
      return this[key];
    },
    set(value) {
      Object.defineProperty(this, key, {
        value, writable: true, enumerable: true, configurable: true,
      });
    },
    enumerable: false,
    configurable: true,
  });
}

module.exports = { LazyTransform };
