// The crypto_keys binding: key handles, OpenSSL errors in Node's shape,
// signatures, and a key pair generated on the thread pool.
#include <gtest/gtest.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class CryptoKeysBinding : public JsTest {};

TEST_F(CryptoKeysBinding, GeneratesSignsAndVerifies) {
  ExpectEval(
      "const k = internalBindingForTest('crypto_keys');"
      "const h = k.generateKeyPair('ec', 0, 65537, '', '', -1, 'P-256',"
      "  false, -1);"
      "const data = new Uint8Array([1, 2, 3]);"
      "const sig = new Uint8Array(k.sign(h, 'sha256', data, -1, -(2 ** 31),"
      "  1));"
      "[k.keyInfo(h)[0], k.keyInfo(h)[3], sig.length,"
      " k.verify(h, 'sha256', data, sig, -1, -(2 ** 31), 1),"
      " k.verify(h, 'sha256', new Uint8Array([9]), sig, -1, -(2 ** 31), 1),"
      " k.sign(h, 'no-such-digest', data, -1, 0, 0)].join()",
      "string", "ec,prime256v1,64,true,false,");
}

TEST_F(CryptoKeysBinding, DecoderFailureHasNodesErrorShape) {
  ExpectEval(
      "const k = internalBindingForTest('crypto_keys');"
      "let e;"
      "try { k.parseKey(new Uint8Array([1, 2, 3]), true, '', null, true); }"
      "catch (err) { e = err; }"
      "[e.message, e.code, e.library, e.reason].join('|')",
      "string",
      "error:1E08010C:DECODER routines::unsupported|ERR_OSSL_UNSUPPORTED|"
      "DECODER routines|unsupported");
}

TEST_F(CryptoKeysBinding, BadPointsAndCurvesAreNotErrors) {
  ExpectEval(
      "const k = internalBindingForTest('crypto_keys');"
      "[k.ecCurveValid('prime256v1'), k.ecCurveValid('nope'),"
      " k.ecConvertPoint('prime256v1', new Uint8Array([4, 1, 2]), 1),"
      " k.importEc('prime256v1', new Uint8Array(32), new Uint8Array(32),"
      "   undefined),"
      " k.dhGroupPrime('modp99')].join()",
      "string", "true,false,,,");
}

}  // namespace
}  // namespace jspack::runtime
