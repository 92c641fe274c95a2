'use strict';
// node:net: TCP and Unix-socket streams and servers (internal/net/socket.js,
// server.js, connect.js) and the address helpers (isIP, SocketAddress,
// BlockList).

const { validateNumber } = require('./internal/validators');
const socketModule = require('./internal/net/socket');
const connector = require('./internal/net/connect');
const { Server } = require('./internal/net/server');
const { splitArgs } = require('./internal/net/args');
const ip = require('./internal/net/ip');
const { SocketAddress } = require('./internal/net/socketaddress');
const { BlockList } = require('./internal/net/blocklist');
const autoSelect = require('./internal/net/autoselect');

const { Socket } = socketModule;
socketModule.setConnector(connector.startConnecting);

function createServer(opts, listener) {
  return new Server(opts, listener);
}

// A new Socket, connecting: the arguments of socket.connect().
function connect(...list) {
  const split = splitArgs(list);
  const [opts] = split;
  if (opts.timeout) validateNumber(opts.timeout, 'options.timeout', 0);
  const sock = new Socket(opts);
  if (opts.timeout) sock.setTimeout(opts.timeout);
  return sock.connect(split);
}

module.exports = {
  _normalizeArgs: splitArgs,
  BlockList,
  SocketAddress,
  Server,
  Socket,
  Stream: Socket,
  connect, createConnection: connect,
  createServer,
  isIP: ip.isIP,
  isIPv4: ip.isIPv4,
  isIPv6: ip.isIPv6,
  ...autoSelect,
};
