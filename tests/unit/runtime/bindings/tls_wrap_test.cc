// The tls_wrap binding: two engines handshake through their memory BIOs
// with no socket at all, application data crosses, verification results
// and peer chains are read, and bad input gives Node's OpenSSL errors.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class TlsWrapBinding : public JsTest {};

// A self-signed P-256 certificate for localhost (valid until 2126) and its
// key, as JS strings.
constexpr const char* kPrelude =
    "var t = internalBindingForTest('tls_wrap');"
    "var bytes = (text) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));"
    "var key = bytes("
    "'-----BEGIN PRIVATE KEY-----\\n' +"
    "'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgLzjk9DoCoYEvGE8Z\\n' +"
    "'qJXWP/38nUj6BawaNW5T/z5TJk+hRANCAAQz1mnphFBpnkXV8fC6AnhUcfsR3s/X\\n' +"
    "'EPC3dq+bJJuN+J24qsjE7pC8oCAXhghdUtqpRhJFT9QjxDeXl+SMmTiN\\n' +"
    "'-----END PRIVATE KEY-----\\n'"
    ");"
    "var cert = bytes("
    "'-----BEGIN CERTIFICATE-----\\n' +"
    "'MIIBlTCCATugAwIBAgIUIzQKHAz4e70yNAj49B24wFe7IY0wCgYIKoZIzj0EAwIw\\n' +"
    "'FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMjA2NTYxN1oYDzIxMjYxMTA4\\n' +"
    "'MDY1NjE3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO\\n' +"
    "'PQMBBwNCAAQz1mnphFBpnkXV8fC6AnhUcfsR3s/XEPC3dq+bJJuN+J24qsjE7pC8\\n' +"
    "'oCAXhghdUtqpRhJFT9QjxDeXl+SMmTiNo2kwZzAdBgNVHQ4EFgQUwvvqpe/ShdJc\\n' +"
    "'GZT9+MEOW2Z9yrcwHwYDVR0jBBgwFoAUwvvqpe/ShdJcGZT9+MEOW2Z9yrcwDwYD\\n' +"
    "'VR0TAQH/BAUwAwEB/zAUBgNVHREEDTALgglsb2NhbGhvc3QwCgYIKoZIzj0EAwID\\n' +"
    "'SAAwRQIgVDHNjAq2GsbLH4DuKfc4J5nYMO4w17o17v3toP1i0lwCIQCk9jefph6h\\n' +"
    "'oWw4noEt+hOnRzo7GThF2QGeS+xjL6xJbQ==\\n' +"
    "'-----END CERTIFICATE-----\\n'"
    ");"
    // Moves bytes between the engines until neither has anything to send.
    "function pump(a, b, outA, outB) {"
    "  let bits = [0, 0];"
    "  for (let i = 0; i < 20; i++) {"
    "    const x = t.sslTake(a), y = t.sslTake(b);"
    "    if (x === undefined && y === undefined) break;"
    "    if (x) { t.sslFeed(b, x); bits[1] |= t.sslCycle(b, outB); }"
    "    if (y) { t.sslFeed(a, y); bits[0] |= t.sslCycle(a, outA); }"
    "  }"
    "  return bits;"
    "}"
    "function pair() {"
    "  const sctx = t.ctxNew(0x303, 0x304);"
    "  t.ctxSetKey(sctx, key, undefined); t.ctxSetCert(sctx, cert);"
    "  const cctx = t.ctxNew(0x303, 0x304);"
    "  t.ctxAddCACert(cctx, cert);"
    "  const s = t.sslNew(sctx, true), c = t.sslNew(cctx, false);"
    "  t.sslSetServername(c, 'localhost');"
    "  return [c, s];"
    "}";

std::string Js(const std::string& body) { return kPrelude + body; }

TEST_F(TlsWrapBinding, EnginesHandshakeOverMemoryAndExchangeData) {
  ExpectEval(Js("const [c, s] = pair(); const got = [];"
                "t.sslCycle(c, []);"
                "const bits = pump(c, s, [], got);"
                "t.sslWrite(c, bytes('hello'));"
                "pump(c, s, [], got);"
                "const info = t.sslInfo(s);"
                "[bits.map((b) => b & 7).join(), "
                "String.fromCharCode(...got[0]), info[0],"
                " info[6], t.sslVerifyError(c) === undefined,"
                " t.sslPeerChain(c).length].join(' ')"),
             "string", "1,1 hello TLSv1.3 localhost true 1");
}

TEST_F(TlsWrapBinding, UntrustedPeerIsReportedAfterTheHandshake) {
  ExpectEval(Js("const sctx = t.ctxNew(0x303, 0x304);"
                "t.ctxSetKey(sctx, key, undefined); t.ctxSetCert(sctx, cert);"
                "const c = t.sslNew(t.ctxNew(0x303, 0x304), false);"
                "const s = t.sslNew(sctx, true);"
                "t.sslCycle(c, []); pump(c, s, [], []);"
                "t.sslVerifyError(c).join(' | ')"),
             "string", "DEPTH_ZERO_SELF_SIGNED_CERT | self-signed certificate");
}

TEST_F(TlsWrapBinding, GarbageFromThePeerIsATlsError) {
  ExpectThrows(Js("const c = t.sslNew(t.ctxNew(0x303, 0x304), false);"
                  "t.sslCycle(c, []);"
                  "t.sslFeed(c, bytes('HTTP/1.1 400 Bad\\r\\n\\r\\n'));"
                  "t.sslCycle(c, []);"),
               "ERR_SSL_WRONG_VERSION_NUMBER");
}

TEST_F(TlsWrapBinding, BadKeyAndCiphersGiveNodesCodes) {
  ExpectThrows(
      Js("t.ctxSetKey(t.ctxNew(0, 0), new Uint8Array([1, 2]), undefined)"),
      "ERR_OSSL_UNSUPPORTED");
  ExpectThrows(Js("t.ctxSetCiphers(t.ctxNew(0, 0), 'nonsense', '')"),
               "ERR_SSL_NO_CIPHER_MATCH");
}

TEST_F(TlsWrapBinding, TicketKeysRoundTrip) {
  ExpectEval(
      Js("const ctx = t.ctxNew(0, 0);"
         "t.ctxTicketKeys(ctx, new Uint8Array(48).fill(9));"
         "Array.from(t.ctxTicketKeys(ctx, undefined)).every((b) => b === 9)"),
      "boolean", "true");
}

}  // namespace
}  // namespace jspack::runtime
