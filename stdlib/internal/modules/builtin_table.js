'use strict';
// Which file implements each builtin id jspack has. The module registry
// (builtins.js) gets this list from the bootstrap; keeping it out of the
// registry is what lets node:module use the registry without a cycle.

module.exports = [
  ['_http_agent', () => require('../http/agent')],
  ['_http_client', () => ({ ClientRequest: require('../http/client').ClientRequest })],
  ['_http_common', () => require('../../internal/http/common').legacyExports()],
  ['_http_incoming', () => require('../../internal/http/incoming')],
  ['_http_outgoing', () => require('../../internal/http/outgoing')],
  ['_http_server', () => require('../../internal/http/server')],
  ['_stream_duplex', () => require('../../stream').Duplex],
  ['_stream_passthrough', () => require('../../stream').PassThrough],
  ['_stream_readable', () => require('../../stream').Readable],
  ['_stream_transform', () => require('../../stream').Transform],
  ['_stream_wrap', () => require('../net/stream_wrap').JSStreamSocket],
  ['_stream_writable', () => require('../../stream').Writable],
  ['_tls_common', () => {
    const contexts = require('../tls/secure_context');
    const { translatePeerCertificate } = require('../tls/identity');
    const { SecureContext, createSecureContext } = contexts;
    return { SecureContext, createSecureContext, translatePeerCertificate };
  }],
  ['_tls_wrap', () => {
    const tls = require('../../tls');
    const { TLSSocket, Server, createServer, connect } = tls;
    return { TLSSocket, Server, createServer, connect };
  }],
  ['assert', () => require('../../assert')],
  ['assert/strict', () => require('../../assert').strict],
  ['async_hooks', () => require('../../async_hooks')],
  ['buffer', () => require('../../buffer')],
  ['child_process', () => require('../../child_process')],
  ['cluster', () => require('../../cluster')],
  ['console', () => require('../../console')],
  ['constants', () => require('../../constants')],
  ['crypto', () => require('../../crypto')],
  ['dgram', () => require('../../dgram')],
  ['diagnostics_channel', () => require('../../diagnostics_channel')],
  ['dns', () => require('../../dns')],
  ['dns/promises', () => require('../../dns/promises')],
  ['events', () => require('../../events')],
  ['fs', () => require('../../fs')],
  ['fs/promises', () => require('../../fs/promises')],
  ['http', () => require('../../http')],
  ['http2', () => require('../../http2')],
  ['https', () => require('../../https')],
  ['module', () => require('../../module')],
  ['net', () => require('../../net')],
  ['os', () => require('../../os')],
  ['path', () => require('../../path')],
  ['path/posix', () => require('../../path').posix],
  ['path/win32', () => require('../../path').win32],
  ['perf_hooks', () => require('../../perf_hooks')],
  ['process', () => require('../../process')],
  ['punycode', () => require('../../punycode')],
  ['querystring', () => require('../../querystring')],
  ['readline', () => require('../../readline')],
  ['readline/promises', () => require('../../readline/promises')],
  ['stream', () => require('../../stream')],
  ['stream/consumers', () => require('../../stream/consumers')],
  ['stream/promises', () => require('../../stream/promises')],
  ['stream/web', () => require('../../stream/web')],
  ['string_decoder', () => require('../../string_decoder')],
  ['sys', () => require('../../sys')],
  ['timers', () => require('../../timers')],
  ['timers/promises', () => require('../../timers/promises')],
  ['tls', () => require('../../tls')],
  ['tty', () => require('../../tty')],
  ['url', () => require('../../url')],
  ['util', () => require('../../util')],
  ['util/types', () => require('../../util').types],
  ['v8', () => require('../../v8')],
  ['vm', () => require('../../vm')],
  ['worker_threads', () => require('../../worker_threads')],
  ['zlib', () => require('../../zlib')],
];
