'use strict';
// How net.connect(), socket.connect() and server.listen() read their
// arguments: (options[, cb]), (path[, cb]) or (port[, host][, cb]).

// A string that is not a port number names a Unix socket.
function looksLikePath(value) {
  if (typeof value !== 'string') return false;
  const n = Number(value);
  return n !== n >>> 0;
}

// [options, callback or null]. The array is marked so that connect() can
// pass it on to socket.connect() without reading it a second time.
const kSplit = Symbol('splitArguments');

function splitArgs(list) {
  const split = [{}, null];
  split[kSplit] = true;
  if (list.length === 0) return split;
  const [head, second] = list;
  if (typeof head === 'object' && head !== null) {
    split[0] = head;
  } else if (typeof head !== 'function') {
    if (looksLikePath(head)) {
      split[0].path = head;
    } else {
      split[0].port = head;
      if (typeof second === 'string') split[0].host = second;
    }
  }
  const tail = list.at(-1);
  if (typeof tail === 'function') split[1] = tail;
  return split;
}

function isSplit(value) {
  return Array.isArray(value) && value[kSplit] === true;
}

module.exports = { isSplit, splitArgs };
