// The url binding (runtime/bindings/url.cc), called the way
// stdlib/internal/url/*.js calls it: ada parses, sets and frees per call.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class UrlBinding : public JsTest {};

TEST_F(UrlBinding, ParseReturnsHrefAndOffsets) {
  ExpectEval(
      "const b = internalBindingForTest('url');"
      "const out = new Uint32Array(8);"
      "const href = b.parse('HTTPS://u:p@EX.com:8080/a/../b?q#h', undefined, "
      "out);"
      "[href, ...out].join()",
      "string", "https://u:p@ex.com:8080/b?q#h,6,9,11,18,8080,23,25,27");
}

TEST_F(UrlBinding, ParseMarksAbsentPartsAsOmitted) {
  ExpectEval(
      "const out = new Uint32Array(8);"
      "internalBindingForTest('url').parse('http://a/', undefined, out);"
      "[out[4], out[6], out[7]].join()",
      "string", "4294967295,4294967295,4294967295");
}

TEST_F(UrlBinding, ParseResolvesAgainstABase) {
  ExpectEval(
      "internalBindingForTest('url').parse('../g?x', 'http://a/b/c/d', "
      "new Uint32Array(8))",
      "string", "http://a/b/g?x");
}

TEST_F(UrlBinding, ParseFailureIsUndefined) {
  ExpectEval(
      "typeof internalBindingForTest('url').parse('no scheme', undefined, "
      "new Uint32Array(8))",
      "string", "undefined");
  ExpectEval(
      "typeof internalBindingForTest('url').parse('/x', 'sc:opaque', "
      "new Uint32Array(8))",
      "string", "undefined");
}

TEST_F(UrlBinding, LoneSurrogatesBecomeReplacementCharacters) {
  ExpectEval(
      "internalBindingForTest('url').parse('http://a/\\uD800', undefined, "
      "new Uint32Array(8))",
      "string", "http://a/%EF%BF%BD");
}

TEST_F(UrlBinding, CanParse) {
  ExpectEval(
      "const b = internalBindingForTest('url');"
      "[b.canParse('http://a', undefined), b.canParse('a', undefined),"
      " b.canParse('a', 'http://b/'), b.canParse('a', 'bad base')].join()",
      "string", "true,false,true,false");
}

TEST_F(UrlBinding, UpdateAppliesOneSetter) {
  // 6 is port, 5 hostname, 9 hash (the Part enum in url.cc).
  ExpectEval(
      "const b = internalBindingForTest('url');"
      "const out = new Uint32Array(8);"
      "let href = b.update('http://a/p', 6, '99', out);"
      "href = b.update(href, 5, 'B.org', out);"
      "href = b.update(href, 9, 'frag', out);"
      "[href, out[4]].join()",
      "string", "http://b.org:99/p#frag,99");
}

TEST_F(UrlBinding, UpdateRejectsABadValue) {
  ExpectEval(
      "internalBindingForTest('url').update('http://a/', 6, 'x', "
      "new Uint32Array(8))",
      "boolean", "false");
  ExpectEval(
      "internalBindingForTest('url').update('http://a/', 5, 'a b', "
      "new Uint32Array(8))",
      "boolean", "false");
}

TEST_F(UrlBinding, DomainConversion) {
  ExpectEval(
      "const b = internalBindingForTest('url');"
      "[b.domainTo('español.com', false), b.domainTo('xn--espaol-zwa.com', "
      "true), b.domainTo('a b', false), b.domainTo('0x7f.1', false)].join()",
      "string", "xn--espaol-zwa.com,español.com,,127.0.0.1");
}

TEST_F(UrlBinding, IdnaToASCII) {
  ExpectEval(
      "const b = internalBindingForTest('url');"
      "[b.idnaToASCII('Bücher.de'), b.idnaToASCII('xn--a')].join('|')",
      "string", "xn--bcher-kva.de|");
}

}  // namespace
}  // namespace jspack::runtime
