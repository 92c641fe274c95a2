// The buffer binding, called the way stdlib/buffer.js calls it: validated
// arguments, encodings by id.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class BufferBinding : public JsTest {
 protected:
  // Evaluates `body` with `b` bound to internalBinding('buffer') and a
  // `hex(view)` helper.
  void Expect(const std::string& body, const std::string& type,
              const std::string& text) {
    ExpectEval(
        "const b = internalBindingForTest('buffer');"
        "const hex = (v) => Array.from(v, (x) => x.toString(16)"
        ".padStart(2, '0')).join('');" +
            body,
        type, text);
  }
};

TEST_F(BufferBinding, ConstantsMatchV8Limits) {
  Expect("[b.kMaxLength, b.kStringMaxLength, b.UTF8, b.HEX].join()", "string",
         "4294967296,536870888,1,7");
}

TEST_F(BufferBinding, WriteEncodesEveryEncoding) {
  Expect(
      "const s = 'h\\u00e9\\u20ac';"
      "[b.UTF8, b.UCS2, b.LATIN1, b.ASCII].map((e) => {"
      "  const u = new Uint8Array(8);"
      "  return b.write(u, s, 0, 8, e) + ':' + hex(u);"
      "}).join()",
      "string",
      "6:68c3a9e282ac0000,6:6800e900ac200000,3:68e9ac0000000000,"
      "3:68e9ac0000000000");
}

TEST_F(BufferBinding, Utf8NeverWritesAPartialCharacter) {
  Expect(
      "const u = new Uint8Array(5);"
      "[b.write(u, '\\u20ac\\u20ac', 0, 5, b.UTF8),"
      " b.write(u, '\\ud83d\\ude00', 0, 3, b.UTF8),"
      " b.write(u, 'a\\ud800', 0, 4, b.UTF8), hex(u)].join()",
      "string", "3,0,4,61efbfbd00");
}

TEST_F(BufferBinding, Base64DecodingIsLenient) {
  Expect(
      "['Y W\\nJ j', 'YQ==YQ==', '-_-_', 'YWJ', 'Y', '\\u0141\\u0141\\u0141"
      "\\u0141'].map((s) => { const u = new Uint8Array(4);"
      "  return hex(u.subarray(0, b.write(u, s, 0, 4, b.BASE64))); }).join()",
      "string", "616263,61,fbffbf,6162,,000000");
}

TEST_F(BufferBinding, HexStopsAtTheFirstInvalidPair) {
  Expect(
      "['abzz', 'abc', 'zzab', 'ABcd'].map((s) => { const u = new "
      "Uint8Array(4); return b.write(u, s, 0, 4, b.HEX); }).join()",
      "string", "1,1,0,2");
}

TEST_F(BufferBinding, WriteHonoursOffsetAndRoom) {
  Expect(
      "const u = new Uint8Array(6);"
      "[b.write(u, 'abcdef', 2, 3, b.LATIN1), b.write(u, 'abc', 1, 3, b.UCS2),"
      " hex(u)].join()",
      "string", "3,2,006100626300");
}

TEST_F(BufferBinding, DecodeEveryEncoding) {
  Expect(
      "const u = new Uint8Array([0x68, 0xc3, 0xa9, 0xff, 0xfb]);"
      "[b.UTF8, b.LATIN1, b.ASCII, b.BASE64, b.BASE64URL, b.HEX].map((e) =>"
      " JSON.stringify(b.decode(u, 0, 5, e))).join()",
      "string",
      "\"h\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD\","
      "\"h\xC3\x83\xC2\xA9\xC3\xBF\xC3\xBB"
      "\",\"hC)\x7F{\",\"aMOp//s=\",\"aMOp__s\",\"68c3a9fffb\"");
}

TEST_F(BufferBinding, DecodesUnalignedUtf16) {
  Expect(
      "const u = new Uint8Array([0, 0x61, 0, 0x62, 0]);"
      "[b.decode(u, 1, 5, b.UCS2), b.decode(u.subarray(1), 0, 3, b.UCS2),"
      " b.decode(u, 2, 2, b.UCS2).length].join()",
      "string", "ab,a,0");
}

TEST_F(BufferBinding, Utf8DecodingReplacesMaximalSubparts) {
  Expect(
      "const u = new Uint8Array([0xf0, 0x9f, 0x98, 0x41, 0xed, 0xa0, 0x80]);"
      "Array.from(b.decode(u, 0, 7, b.UTF8), (c) => c.charCodeAt(0)"
      ".toString(16)).join()",
      "string", "fffd,41,fffd,fffd,fffd");
}

TEST_F(BufferBinding, FillRepeatsAPattern) {
  Expect(
      "const u = new Uint8Array(7);"
      "b.fill(u, '\\u20ac', 1, 6, b.UTF8);"
      "const v = new Uint8Array(5); b.fill(v, new Uint8Array([1, 2]), 0, 5, 0);"
      "[hex(u), hex(v), b.fill(u, 'zz', 0, 7, b.HEX),"
      " b.fill(u, new Uint8Array(0), 0, 7, 0)].join()",
      "string", "00e282ace28200,0102010201,false,false");
}

TEST_F(BufferBinding, FillFromItsOwnMemory) {
  Expect(
      "const u = new Uint8Array([1, 2, 3, 4, 5, 6]);"
      "b.fill(u, u.subarray(0, 3), 1, 6, 0); hex(u)",
      "string", "010102030102");
}

TEST_F(BufferBinding, IndexOfBytesSearchesBothWays) {
  Expect(
      "const h = new Uint8Array([1, 2, 3, 1, 2, 3]);"
      "const n = new Uint8Array([2, 3]);"
      "[b.indexOfBytes(h, n, 0, true, 1), b.indexOfBytes(h, n, 2, true, 1),"
      " b.indexOfBytes(h, n, 5, true, 1), b.indexOfBytes(h, n, 6, false, 1),"
      " b.indexOfBytes(h, n, 3, false, 1), b.indexOfBytes(h, n, 0, false, 1),"
      " b.indexOfBytes(h, new Uint8Array(7), 0, true, 1)].join()",
      "string", "1,4,-1,4,1,-1,-1");
}

TEST_F(BufferBinding, Utf16SearchesMatchWholeUnitsOnly) {
  Expect(
      "const h = new Uint8Array([0, 0x61, 0, 0x61, 0]);"
      "const n = new Uint8Array([0x61, 0]);"
      "[b.indexOfBytes(h, n, 0, true, 2), b.indexOfBytes(h, n, 0, true, 1),"
      " b.indexOfBytes(h, n, 5, false, 2), b.indexOfBytes(h, n, 5, false, 1)]"
      ".join()",
      "string", "-1,1,-1,3");
}

TEST_F(BufferBinding, IndexOfByte) {
  Expect(
      "const h = new Uint8Array([5, 6, 5, 6]);"
      "[b.indexOfByte(h, 6, 0, true), b.indexOfByte(h, 6 + 256, 2, true),"
      " b.indexOfByte(h, 5, 4, false), b.indexOfByte(h, 5, 1, false),"
      " b.indexOfByte(h, 7, 0, true), b.indexOfByte(h, 6, 4, true),"
      " b.indexOfByte(new Uint8Array(0), 0, 0, false)].join()",
      "string", "1,3,2,0,-1,-1,-1");
}

TEST_F(BufferBinding, CompareRanges) {
  Expect(
      "const a = new Uint8Array([1, 2, 3]);"
      "const c = new Uint8Array([2, 3, 4]);"
      "[b.compare(a, 0, 3, c, 0, 3), b.compare(c, 0, 3, a, 0, 3),"
      " b.compare(a, 1, 3, c, 0, 2), b.compare(a, 1, 2, c, 0, 2),"
      " b.compare(a, 0, 0, c, 0, 0), b.compare(a, 0, 3, a, 0, 2)].join()",
      "string", "-1,1,0,-1,0,1");
}

TEST_F(BufferBinding, SwapReversesEachGroup) {
  Expect(
      "const u = new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7, 8]).subarray(1);"
      "b.swap(u, 2); const s = hex(u); b.swap(u, 8); s + ',' + hex(u)",
      "string", "0201040306050807,0708050603040102");
}

TEST_F(BufferBinding, Utf8AndAsciiValidation) {
  Expect(
      "[[0x61], [0xc3, 0xa9], [0xc0, 0x80], [0xed, 0xa0, 0x80],"
      " [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0x80]].map((x) => {"
      "  const u = new Uint8Array(x); return +b.isUtf8(u) + '' + "
      "+b.isAscii(u); }).join()",
      "string", "11,10,00,00,00,00,00");
}

TEST_F(BufferBinding, ByteLengthUtf8CountsLoneSurrogatesAsReplacement) {
  Expect(
      "[b.byteLengthUtf8('h\\u00e9\\u20ac\\ud83d\\ude00'),"
      " b.byteLengthUtf8('\\ud800')].join()",
      "string", "10,3");
}

}  // namespace
}  // namespace jspack::runtime
