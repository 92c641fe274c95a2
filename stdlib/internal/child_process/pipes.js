'use strict';
// The parent's ends of a child's stdio pipes as node:net sockets, and the
// already-finished stand-ins used when the child never started.

const { Readable, Writable } = require('../../stream');

let net;
function lazyNet() {
  if (net === undefined) net = require('../../net');
  return net;
}

// A socket on the parent's end of a socketpair. `readable` and `writable`
// are from the parent's side.
function openPipeSocket(fd, readable, writable) {
  const socket = new (lazyNet().Socket)({ fd, readable, writable });
  // A pipe the parent only reads ends its writable side at once, and the
  // other way round, so that neither keeps a half-open socket around.
  if (!writable) socket.end();
  return socket;
}

// For a child that failed to spawn: stdin refuses writes quietly (it is
// destroyed), the outputs end with no data. Both close on the next ticks.
function closedPipeStreams(isStdin) {
  if (isStdin) {
    const stream = new Writable({ write(chunk, encoding, done) { done(); } });
    stream.destroy();
    return stream;
  }
  const stream = new Readable({ read() {} });
  stream.push(null);
  stream.resume();
  return stream;
}

module.exports = { closedPipeStreams, openPipeSocket };
