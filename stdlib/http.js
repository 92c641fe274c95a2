'use strict';
// node:http: the HTTP/1.1 server (internal/http/server.js), the messages
// (incoming.js, outgoing.js) on llhttp (common.js), and the client side
// (internal/http/client.js, agent.js), loaded on first use.

const common = require('./internal/http/common');
const { IncomingMessage } = require('./internal/http/incoming');
const { OutgoingMessage } = require('./internal/http/outgoing');
const server = require('./internal/http/server');

// The client side is its own module; until it is part of the build, using
// it says so (a require inside try is left to run time by the bundler).
const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('./internal/errors');
// The client and the agent, loaded on first use. The requires stay inside
// the try, where the bundler leaves a missing file to run time.
const sides = { __proto__: null };
function side(which) {
  if (sides[which] === undefined) {
    try {
      sides[which] = which === 'client' ?
        require('./internal/http/client') : require('./internal/http/agent');
    } catch (err) {
      // Only a file missing from this build means the part is not there.
      const missing = /has no dependency|Cannot find module/.test(String(err && err.message));
      if (!missing) throw err;
      throw new ERR_METHOD_NOT_IMPLEMENTED(which === 'client' ? 'http client' : 'http.Agent');
    }
  }
  return sides[which];
}
const clientSide = () => side('client');
const agentSide = () => side('agent');

function request(...args) {
  return clientSide().request(...args);
}

function get(...args) {
  return clientSide().get(...args);
}

module.exports = {
  METHODS: common.METHODS.slice(),
  STATUS_CODES: common.STATUS_CODES,
  IncomingMessage,
  OutgoingMessage,
  ServerResponse: server.ServerResponse,
  Server: server.Server,
  createServer: server.createServer,
  validateHeaderName: common.validateHeaderName,
  validateHeaderValue: common.validateHeaderValue,
  setMaxIdleHTTPParsers: common.setMaxIdleHTTPParsers,
  request,
  get,
};

Object.defineProperties(module.exports, {
  maxHeaderSize: {
    configurable: true,
    enumerable: true,
    get: server.defaultMaxHeaderSize,
  },
  Agent: {
    configurable: true,
    enumerable: true,
    get() {
      return agentSide().Agent;
    },
  },
  globalAgent: {
    configurable: true,
    enumerable: true,
    get() {
      return agentSide().globalAgent;
    },
    set(value) {
      agentSide().globalAgent = value;
    },
  },
  ClientRequest: {
    configurable: true,
    enumerable: true,
    get() {
      return clientSide().ClientRequest;
    },
  },
});
