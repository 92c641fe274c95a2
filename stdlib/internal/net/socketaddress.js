'use strict';
// net.SocketAddress (placeholder, completed below).
class SocketAddress {}
module.exports = { SocketAddress };
