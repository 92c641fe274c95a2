// The encoding binding: byte runs to strings and back, as TextDecoder and
// TextEncoder call it.
#include <gtest/gtest.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class EncodingBinding : public JsTest {};

constexpr const char* kPrelude =
    "var e = internalBindingForTest('encoding');"
    "var hex = (s) => Array.from(s, (c) => c.codePointAt(0).toString(16))"
    ".join(' ');";

TEST_F(EncodingBinding, Utf8ReplacesEachMaximalSubpart) {
  ExpectEval(std::string(kPrelude) +
                 "hex(e.decodeUtf8(new Uint8Array([0x41, 0xf0, 0x90, 0x80, "
                 "0xc0, 0xed, 0xa0, 0x80]), false, false))",
             "string", "41 fffd fffd fffd fffd fffd");
}

TEST_F(EncodingBinding, Utf8FatalGivesUndefinedForInvalidInput) {
  ExpectEval(std::string(kPrelude) +
                 "[e.decodeUtf8(new Uint8Array([0xff]), false, true),"
                 " e.decodeUtf8(new Uint8Array([0xc3, 0xa9]), false, true)]"
                 ".map(String).join()",
             "string", "undefined,\xc3\xa9");
}

TEST_F(EncodingBinding, Utf8StripsTheBomOnlyWhenAsked) {
  ExpectEval(std::string(kPrelude) +
                 "const b = new Uint8Array([0xef, 0xbb, 0xbf, 0x41]);"
                 "[hex(e.decodeUtf8(b, true, false)),"
                 " hex(e.decodeUtf8(b, false, false))].join('|')",
             "string", "41|feff 41");
}

TEST_F(EncodingBinding, Utf8TailLengthHoldsOnlyValidPrefixes) {
  ExpectEval(std::string(kPrelude) +
                 "[[0x41], [0xe2, 0x82], [0xe2, 0x41], [0xf0, 0x9f, 0x98],"
                 " [0xe0, 0x80], [0xf0, 0x9f, 0x98, 0x80], [0xc3]]"
                 ".map((b) => e.utf8TailLength(new Uint8Array(b))).join()",
             "string", "0,2,0,3,0,0,1");
}

TEST_F(EncodingBinding, Utf16leHandlesSurrogatesAndOddLengths) {
  ExpectEval(std::string(kPrelude) +
                 "[[0x3d, 0xd8, 0x00, 0xde], [0x00, 0xd8, 0x41, 0x00],"
                 " [0x41, 0x00, 0x42], [0x00, 0xd8, 0x42]]"
                 ".map((b) => hex(e.decodeUtf16le(new Uint8Array(b), false,"
                 " false))).join('|')",
             "string", "1f600|fffd 41|41 fffd|fffd");
  ExpectEval(std::string(kPrelude) +
                 "[e.utf16leTailLength(new Uint8Array([0x3d, 0xd8])),"
                 " e.utf16leTailLength(new Uint8Array([0x3d, 0xd8, 0x00])),"
                 " e.utf16leTailLength(new Uint8Array([0x41]))].join()",
             "string", "2,3,1");
  ExpectEval(
      std::string(kPrelude) +
          "String(e.decodeUtf16le(new Uint8Array([0x00, 0xdc]), false, true))",
      "string", "undefined");
}

TEST_F(EncodingBinding, Latin1MapsBytesToCodePoints) {
  ExpectEval(std::string(kPrelude) +
                 "hex(e.decodeLatin1(new Uint8Array([0x80, 0xe9, 0xff])))",
             "string", "80 e9 ff");
}

TEST_F(EncodingBinding, EncodesUtf8AndEncodesIntoWholeCharacters) {
  ExpectEval(std::string(kPrelude) +
                 "Array.from(e.encodeUtf8('a\\u20ac\\ud800')).join()",
             "string", "97,226,130,172,239,191,189");
  ExpectEval(std::string(kPrelude) +
                 "const out = new Float64Array(2);"
                 "const dest = new Uint8Array(5);"
                 "e.encodeInto('a\\u20ac\\u{1f600}', dest, out);"
                 "[out[0], out[1], Array.from(dest).join(' ')].join('|')",
             "string", "2|4|97 226 130 172 0");
}

}  // namespace
}  // namespace jspack::runtime
