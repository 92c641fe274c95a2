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
let client;
function clientSide() {
  if (client === undefined) {
    try {
      client = require('./internal/http/client');
    } catch {
      throw new ERR_METHOD_NOT_IMPLEMENTED('http client');
    }
  }
  return client;
}
let agent;
function agentSide() {
  if (agent === undefined) {
    try {
      agent = require('./internal/http/agent');
    } catch {
      throw new ERR_METHOD_NOT_IMPLEMENTED('http.Agent');
    }
  }
  return agent;
}

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
