'use strict';
// The cluster's own conversation over a worker's IPC channel. Every message
// is { cmd: 'NODE_CLUSTER', act, ... }: the 'NODE_' prefix keeps it out of
// user 'message' listeners (it arrives as 'internalMessage'). A request that
// wants an answer carries `seq`; the answer carries `ack` with that number
// and goes to the callback the request was sent with, not to the handler.

const kCommand = 'NODE_CLUSTER';

// Per channel owner (a ChildProcess or process): { next, waiting }.
const conversations = new WeakMap();

function conversationOf(peer) {
  if (!conversations.has(peer)) conversations.set(peer, { next: 1, waiting: new Map() });
  return conversations.get(peer);
}

// Sends `body` (its `act` and fields) to `peer`, with `handle` if given.
// `onReply(reply, handle)` gets the answer when given.
function post(peer, body, handle, onReply) {
  const message = { ...body, cmd: kCommand };
  if (typeof onReply === 'function') {
    const state = conversationOf(peer);
    message.seq = state.next++;
    state.waiting.set(message.seq, onReply);
  }
  if (!peer.connected) return false;
  peer.send(message, handle === null ? undefined : handle);
  return true;
}

// Answers the request `request` with `body`.
function reply(peer, request, body, handle) {
  if (!peer.connected) return;
  const message = { ...body, cmd: kCommand, ack: request.seq };
  peer.send(message, handle === null ? undefined : handle);
}

// Calls `handler(message, handle)` for each cluster request from `peer`;
// answers go to the callbacks they were waited for with.
function listen(peer, handler) {
  peer.on('internalMessage', (message, handle) => {
    if (message === null || typeof message !== 'object' || message.cmd !== kCommand) return;
    if (!('ack' in message)) {
      handler(message, handle);
      return;
    }
    const { waiting } = conversationOf(peer);
    const onReply = waiting.get(message.ack);
    waiting.delete(message.ack);
    if (onReply !== undefined) onReply(message, handle);
  });
}

module.exports = { listen, post, reply };
