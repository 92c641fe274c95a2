// The http_parser binding (runtime/bindings/http_parser.cc) driven the way
// stdlib/internal/http/common.js drives it. These also check our llhttp
// layout declarations (llhttp.h): a wrong offset would show as wrong fields
// or corrupted memory here.
#include <gtest/gtest.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class HttpParserBinding : public JsTest {};

// A prelude that records every callback as text in `log`; feed(type, ...
// chunks) runs one parser over the chunks and returns the log.
const char kPrelude[] =
    "const b = internalBindingForTest('http_parser');"
    "let log = []; let input;"
    "b.setCallbacks("
    "  function (raw, url, m, maj, min, up, ka) {"
    "    log.push(`H ${m} ${url} ${maj}.${min} up=${up} ka=${ka} "
    "[${raw.join('|')}]`); return this.skip ? 1 : 0; },"
    "  function (off, len) {"
    "    log.push('B ' + String.fromCharCode(...input.subarray(off, off + "
    "len))); },"
    "  function (tr) { log.push('C' + (tr ? ' [' + tr.join('|') + ']' : '')); "
    "});"
    "const bytes = (s) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));"
    "function feed(type, ...chunks) {"
    "  log = [];"
    "  const owner = {};"
    "  const id = b.create(owner, type, false, 16384);"
    "  for (const c of chunks) {"
    "    input = bytes(c);"
    "    const n = b.execute(id, input);"
    "    if (n < 0) { log.push('E ' + b.error(id).join(' ')); break; }"
    "    if (n !== input.length) { log.push('U ' + c.slice(n)); break; }"
    "  }"
    "  b.free(id);"
    "  return log.join('\\n');"
    "}";

// Each evaluation gets its own scope, so one test may run several.
std::string WithPrelude(const std::string& body) {
  return std::string("(() => {") + kPrelude + "return (() => {" + body +
         "})(); })()";
}

TEST_F(HttpParserBinding, ParsesARequestHead) {
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'GET /a?b HTTP/1.1\\r\\nHost: x\\r\\n"
                  "X-Two:  v w  \\r\\n\\r\\n')"),
      "string", "H GET /a?b 1.1 up=false ka=true [Host|x|X-Two|v w]\nC");
}

TEST_F(HttpParserBinding, HeadSplitAcrossReads) {
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'POST /p HT', 'TP/1.0\\r\\nCont', "
                  "'ent-Length: 3\\r\\n\\r', '\\nab', 'c')"),
      "string",
      "H POST /p 1.0 up=false ka=false [Content-Length|3]\nB ab\nB "
      "c\nC");
}

TEST_F(HttpParserBinding, ChunkedBodyWithTrailers) {
  ExpectEval(
      WithPrelude(
          "return feed(b.REQUEST, 'PUT / HTTP/1.1\\r\\nTransfer-Encoding: "
          "chunked\\r\\n\\r\\n3\\r\\nabc\\r\\n2;x=y\\r\\nde\\r\\n0\\r\\n"
          "T: v\\r\\n\\r\\n')"),
      "string",
      "H PUT / 1.1 up=false ka=true [Transfer-Encoding|chunked]\nB "
      "abc\nB de\nC [T|v]");
}

TEST_F(HttpParserBinding, PipelinedRequestsInOneRead) {
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'GET /1 HTTP/1.1\\r\\n\\r\\nGET /2 "
                  "HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n')"),
      "string",
      "H GET /1 1.1 up=false ka=true []\nC\nH GET /2 1.1 up=false "
      "ka=false [Connection|close]\nC");
}

TEST_F(HttpParserBinding, UpgradeLeavesTheRestUnparsed) {
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'GET / HTTP/1.1\\r\\nConnection: "
                  "Upgrade\\r\\nUpgrade: ws\\r\\n\\r\\nRAW')"),
      "string",
      "H GET / 1.1 up=true ka=true [Connection|Upgrade|Upgrade|ws]\n"
      "C\nU RAW");
  ExpectEval(
      WithPrelude(
          "return feed(b.REQUEST, 'CONNECT a:1 HTTP/1.1\\r\\n\\r\\nxy')"),
      "string", "H CONNECT a:1 1.1 up=true ka=true []\nC\nU xy");
}

TEST_F(HttpParserBinding, ParsesResponses) {
  ExpectEval(WithPrelude("return feed(b.RESPONSE, 'HTTP/1.1 404 Not Found\\r\\n"
                         "Content-Length: 2\\r\\n\\r\\nno')"),
             "string",
             "H 404 Not Found 1.1 up=false ka=true [Content-Length|2]\nB "
             "no\nC");
}

TEST_F(HttpParserBinding, ResponseUntilEofCompletesOnFinish) {
  ExpectEval(
      WithPrelude("log = []; const id = b.create({}, b.RESPONSE, false, 100);"
                  "input = bytes('HTTP/1.0 200 OK\\r\\n\\r\\nbody');"
                  "b.execute(id, input); b.finish(id); b.free(id);"
                  "return log.join('\\n')"),
      "string", "H 200 OK 1.0 up=false ka=false []\nB body\nC");
}

TEST_F(HttpParserBinding, SkipBodyForHeadResponses) {
  ExpectEval(WithPrelude("log = []; const o = { skip: true };"
                         "const id = b.create(o, b.RESPONSE, false, 100);"
                         "input = bytes('HTTP/1.1 200 OK\\r\\nContent-Length: "
                         "5\\r\\n\\r\\n');"
                         "const n = b.execute(id, input); b.free(id);"
                         "return log.join('\\n') + ' ' + (n === input.length)"),
             "string",
             "H 200 OK 1.1 up=false ka=true [Content-Length|5]\nC true");
}

TEST_F(HttpParserBinding, ErrorsNameCodeReasonAndOffset) {
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'GE T / HTTP/1.1\\r\\n\\r\\n')"),
      "string", "E HPE_INVALID_METHOD Invalid method encountered 2");
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'GET / HTTP/1.1\\r\\nBad Header: "
                  "x\\r\\n\\r\\n')"),
      "string", "E HPE_INVALID_HEADER_TOKEN Invalid header token 19");
  ExpectEval(WithPrelude("return feed(b.REQUEST, 'GET / HTTP/1.1\\r\\nHost: "
                         "a\\r\\nBad Header: x\\r\\n\\r\\n')"),
             "string", "E HPE_INVALID_HEADER_TOKEN Invalid header token 28");
  ExpectEval(
      WithPrelude("return feed(b.REQUEST, 'GET / HTTP/1.1\\r\\nContent-Length: "
                  "1\\r\\nContent-Length: 2\\r\\n\\r\\n')"),
      "string", "E HPE_UNEXPECTED_CONTENT_LENGTH Duplicate Content-Length 51");
}

TEST_F(HttpParserBinding, HeaderOverflow) {
  ExpectEval(
      WithPrelude("log = []; const id = b.create({}, b.REQUEST, false, 64);"
                  "input = bytes('GET / HTTP/1.1\\r\\nX: ' + 'a'.repeat(100) + "
                  "'\\r\\n\\r\\n');"
                  "const n = b.execute(id, input); const e = b.error(id); "
                  "b.free(id); return n + ' ' + e[0] + ' ' + e[1]"),
      "string", "-1 HPE_HEADER_OVERFLOW Header overflow");
}

TEST_F(HttpParserBinding, FreeDuringACallbackStopsParsing) {
  ExpectEval(
      "const b = internalBindingForTest('http_parser'); let id; let calls = 0;"
      "b.setCallbacks(() => { calls++; b.free(id); return 0; }, () => {}, "
      "() => { calls += 10; });"
      "id = b.create({}, b.REQUEST, false, 1000);"
      "const n = b.execute(id, new Uint8Array([...'GET / HTTP/1.1\\r\\n\\r\\n"
      "GET / HTTP/1.1\\r\\n\\r\\n'].map((c) => c.charCodeAt(0))));"
      "n + ' ' + calls + ' ' + b.execute(id, new Uint8Array(1))",
      "string", "0 1 0");
}

TEST_F(HttpParserBinding, ThrowingCallbackPropagates) {
  ExpectThrows(
      "const b = internalBindingForTest('http_parser');"
      "b.setCallbacks(() => { throw new Error('boom'); }, () => {}, () => {});"
      "const id = b.create({}, b.REQUEST, false, 1000);"
      "b.execute(id, new Uint8Array([...'GET / HTTP/1.1\\r\\n\\r\\n']"
      ".map((c) => c.charCodeAt(0))));",
      "boom");
}

TEST_F(HttpParserBinding, LenientAcceptsWhatStrictRejects) {
  ExpectEval(
      WithPrelude("log = []; const id = b.create({}, b.REQUEST, true, 1000);"
                  "input = bytes('GET / HTTP/1.1\\r\\nX: a\\x01b\\r\\n\\r\\n');"
                  "const n = b.execute(id, input); b.free(id); return n"),
      "number", "26");
  ExpectEval(WithPrelude("return feed(b.REQUEST, 'GET / HTTP/1.1\\r\\nX: "
                         "a\\x01b\\r\\n\\r\\n')"),
             "string",
             "E HPE_INVALID_HEADER_TOKEN Invalid header value char 20");
}

}  // namespace
}  // namespace jspack::runtime
