// The crypto binding: digests, HMAC, ciphers and key derivation as node:crypto
// calls it, OpenSSL errors in Node's shape, and jobs on the thread pool.
#include <gtest/gtest.h>
#include <uv.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class CryptoBinding : public JsTest {
 protected:
  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }
};

constexpr const char* kPrelude =
    "var c = internalBindingForTest('crypto');"
    "var hex = (u) => Array.from(u, (b) => b.toString(16).padStart(2, '0'))"
    ".join('');";

std::string Js(const std::string& body) { return kPrelude + body; }

TEST_F(CryptoBinding, HashTakesStringsAndViewsAndCopies) {
  ExpectEval(Js("const h = c.hashNew('sha256', -1);"
                "c.hashUpdate(h, 'a', false);"
                "const copy = c.hashCopy(h, -1);"
                "c.hashUpdate(h, new Uint8Array([98, 99]), false);"
                "hex(c.hashDigest(h)) + ' ' + hex(c.hashDigest(copy))"),
             "string",
             "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad "
             "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb");
}

TEST_F(CryptoBinding, Latin1StringsAreOneBytePerChar) {
  ExpectEval(Js("const a = c.hashNew('md5', -1);"
                "c.hashUpdate(a, '\\u00e9', true);"
                "const b = c.hashNew('md5', -1);"
                "c.hashUpdate(b, new Uint8Array([0xe9]), false);"
                "hex(c.hashDigest(a)) === hex(c.hashDigest(b))"),
             "boolean", "true");
}

TEST_F(CryptoBinding, UnknownDigestIsUndefinedAndXofLengthIsChecked) {
  ExpectEval(Js("String(c.hashNew('nope', -1))"), "string", "undefined");
  ExpectEval(Js("hex(c.hashDigest(c.hashNew('shake128', 4)))"), "string",
             "7f9c2ba4");
  ExpectThrows(Js("c.hashNew('sha1', 5)"),
               "ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH");
}

TEST_F(CryptoBinding, HmacMatchesRfc4231) {
  ExpectEval(Js("const h = c.hmacNew('sha256', new TextEncoder()"
                ".encode('Jefe'));"
                "c.hmacUpdate(h, 'what do ya want for nothing?', false);"
                "hex(c.hmacDigest(h))"),
             "string",
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_F(CryptoBinding, CipherRoundTripAndBadDecryptError) {
  ExpectEval(
      Js("const key = new Uint8Array(16), iv = new Uint8Array(16);"
         "const e = c.cipherNew('aes-128-cbc', key, iv, true, -1);"
         "const ct = [...c.cipherUpdate(e, new Uint8Array([1, 2, 3])),"
         "            ...c.cipherFinal(e)];"
         "const d = c.cipherNew('aes-128-cbc', new Uint8Array(16).fill(1), iv,"
         "                      false, -1);"
         "c.cipherUpdate(d, new Uint8Array(ct));"
         "try { c.cipherFinal(d) } catch (err) {"
         "  [ct.length, err.code, err.library, err.reason].join() }"),
      "string", "16,ERR_OSSL_BAD_DECRYPT,Provider routines,bad decrypt");
}

TEST_F(CryptoBinding, CipherNewNamesWhatIsWrong) {
  ExpectEval(Js("const k = new Uint8Array(16), iv = new Uint8Array(16);"
                "[c.cipherNew('nope', k, iv, true, -1),"
                " c.cipherNew('aes-128-cbc', new Uint8Array(3), iv, true, -1),"
                " c.cipherNew('aes-128-cbc', k, new Uint8Array(3), true, -1),"
                " c.cipherNew('aes-128-cbc', k, null, true, -1)].join()"),
             "string", "cipher,key,iv,iv");
}

TEST_F(CryptoBinding, GcmWrongTagFailsFinalWithoutThrowing) {
  ExpectEval(Js("const k = new Uint8Array(16), iv = new Uint8Array(12);"
                "const d = c.cipherNew('aes-128-gcm', k, iv, false, -1);"
                "c.cipherSetAuthTag(d, new Uint8Array(16));"
                "c.cipherUpdate(d, new Uint8Array(5));"
                "String(c.cipherFinal(d))"),
             "string", "undefined");
}

TEST_F(CryptoBinding, KdfsRunSyncOrOnThePool) {
  Eval(Js("var out = [];"
          "const pw = new TextEncoder().encode('password');"
          "const salt = new TextEncoder().encode('salt');"
          "out.push('sync ' + hex(c.pbkdf2(pw, salt, 1, 20, 'sha1')));"
          "c.pbkdf2(pw, salt, 2, 20, 'sha1', (err, key) => "
          "  out.push('async ' + err + ' ' + hex(key)));"
          "c.hkdf('sha256', new Uint8Array(0), new Uint8Array(0),"
          "  new Uint8Array(0), 4, (err, key) => out.push('hkdf ' + hex(key)));"
          "out.push('queued');"));
  RunLoop();
  ExpectEval(
      "out.sort().join('|')", "string",
      "async null ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957|hkdf eb70f01d|"
      "queued|sync 0c60c80f961f0e71f3a9b524af6012062fe037a6");
}

TEST_F(CryptoBinding, RandomFillWritesOnlyTheRange) {
  ExpectEval(Js("const b = new Uint8Array(64);"
                "c.randomFill(b, 8, 48);"
                "[b.slice(0, 8).every((x) => x === 0),"
                " b.slice(56).every((x) => x === 0),"
                " b.slice(8, 56).some((x) => x !== 0)].join()"),
             "string", "true,true,true");
}

TEST_F(CryptoBinding, OpenSslVersionIsTheLoadedLibrarys) {
  ExpectEval(Js("/^3\\.\\d+\\.\\d+$/.test(c.getOpenSslVersion()[0])"),
             "boolean", "true");
}

}  // namespace
}  // namespace jspack::runtime
