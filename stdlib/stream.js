'use strict';
// node:stream is Node's own streams code as the Node.js project publishes
// it on npm: the readable-stream package, pinned in package.json and
// bundled into the stdlib at build time (its licence is in
// stdlib/licenses/). scripts/bundle-stdlib.sh binds the package's imports of
// buffer, events, process, string_decoder and abort-controller to jspack's
// own modules, so its streams are EventEmitters of ours, emit our Buffers
// and queue ticks on our process. The package follows Node 18.19; what
// Node 20 added on top is defined here.

const Stream = require('readable-stream/lib/stream.js');

const { Duplex } = Stream;

// One end of a duplexPair(): what is written to it is read from the other.
class DuplexSide extends Duplex {
  constructor(options) {
    super({ ...options, allowHalfOpen: true });
    this.otherSide = null;
  }

  _read() {}

  _write(chunk, encoding, callback) {
    this.otherSide.push(chunk);
    callback();
  }

  _final(callback) {
    this.otherSide.push(null);
    callback();
  }
}

function duplexPair(options) {
  const one = new DuplexSide(options);
  const two = new DuplexSide(options);
  one.otherSide = two;
  two.otherSide = one;
  return [one, two];
}

Stream.duplexPair = duplexPair;

// The package leaves its web stream bridges empty; these are ours, loaded on
// first use so node:stream does not pull in node:stream/web.
function adapters() {
  const bridges = require('./internal/webstreams/adapters');
  bridges.setNodeStreams(Stream);
  return bridges;
}
Object.assign(Stream.Readable, {
  fromWeb(readableStream, options) {
    return adapters().readableFromWeb(readableStream, options);
  },
  toWeb(streamReadable, options) {
    return adapters().readableToWeb(streamReadable, options);
  },
});
Object.assign(Stream.Writable, {
  fromWeb(writableStream, options) {
    return adapters().writableFromWeb(writableStream, options);
  },
  toWeb(streamWritable) {
    return adapters().writableToWeb(streamWritable);
  },
});
Object.assign(Stream.Duplex, {
  fromWeb(pair, options) {
    return adapters().duplexFromWeb(pair, options);
  },
  toWeb(duplex) {
    return adapters().duplexToWeb(duplex);
  },
});
Stream._isArrayBufferView = ArrayBuffer.isView;

module.exports = Stream;
