'use strict';
// node:http2: HTTP/2 clients and servers (cleartext and over TLS) on
// nghttp2, with the core API (sessions and streams) and the compatibility
// API ('request' with req/res). See internal/http2/.

const core = require('./internal/http2/core');
const util = require('./internal/http2/util');
const constants = require('./internal/http2/constants');
const { Http2ServerRequest, Http2ServerResponse } = require('./internal/http2/compat');

module.exports = {
  connect: core.connect,
  constants,
  createServer: core.createServer,
  createSecureServer: core.createSecureServer,
  getDefaultSettings: util.getDefaultSettings,
  getPackedSettings: util.getPackedSettings,
  getUnpackedSettings: util.getUnpackedSettings,
  performServerHandshake: core.performServerHandshake,
  sensitiveHeaders: util.sensitiveHeaders,
  Http2ServerRequest,
  Http2ServerResponse,
};
