// The zlib binding (runtime/bindings/zlib.cc) from JS: blocking steps into
// JS buffers, a step on the thread pool, errors as [errno, message, code],
// reset and close, crc32.
#include <gtest/gtest.h>
#include <uv.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class ZlibBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    // step(h, flush, input) runs one blocking step into a 4 KB buffer and
    // returns [error, produced bytes, availIn, ended].
    Eval(
        "var z = internalBindingForTest('zlib');"
        "var done = [];"
        "var onDone = (h, err) => done.push([h.tag, err]);"
        "function make(mode) {"
        "  const state = new Uint32Array(3);"
        "  const h = z.create(mode, state, onDone); h.state = state; return h; "
        "}"
        "function step(h, flush, input) {"
        "  const out = new Uint8Array(4096);"
        "  const err = z.writeSync(h, flush, input, 0, input ? input.length : "
        "0,"
        "                          out, 0, out.length);"
        "  return [err, out.subarray(0, out.length - h.state[0]), h.state[1],"
        "          h.state[2]]; }"
        "var text = new TextEncoder().encode('hello hello hello hello');");
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }
};

TEST_F(ZlibBinding, DeflateThenInflateRoundTrips) {
  ExpectEval(
      "const d = make(1); z.initZlib(d, 15, 6, 8, 0);"
      "const [e1, packed] = step(d, 4, text);"
      "const i = make(2); z.initZlib(i, 15, -1, 8, 0);"
      "const [e2, plain, left, ended] = step(i, 4, packed);"
      "z.close(d); z.close(i);"
      "[e1, e2, new TextDecoder().decode(plain), left, ended].join('|')",
      "string", "||hello hello hello hello|0|1");
}

TEST_F(ZlibBinding, TruncatedGzipIsUnexpectedEnd) {
  ExpectEval(
      "const g = make(3); z.initZlib(g, 15, 6, 8, 0);"
      "const packed = step(g, 4, text)[1].slice();"
      "const u = make(4); z.initZlib(u, 15, -1, 8, 0);"
      "const [err] = step(u, 4, packed.subarray(0, 12));"
      "err.join()",
      "string", "-5,unexpected end of file,Z_BUF_ERROR");
}

TEST_F(ZlibBinding, BadHeaderIsDataError) {
  ExpectEval(
      "const i = make(2); z.initZlib(i, 15, -1, 8, 0);"
      "step(i, 4, new Uint8Array([1, 2, 3, 4]))[0].join()",
      "string", "-3,incorrect header check,Z_DATA_ERROR");
}

TEST_F(ZlibBinding, BrotliRoundTripsAndReportsBadInput) {
  ExpectEval(
      "const e = make(9); z.initBrotli(e, new Uint32Array([1, 5]));"
      "const packed = step(e, 2, text)[1].slice();"
      "const d = make(8); z.initBrotli(d, new Uint32Array(0));"
      "const [err, plain, , ended] = step(d, 0, packed);"
      "const bad = make(8); z.initBrotli(bad, new Uint32Array(0));"
      "const [badErr] = step(bad, 2, text);"
      "[err, plain.length, ended, badErr[1], badErr[0] < 0].join('|')",
      "string", "|23|1|Decompression failed|true");
}

TEST_F(ZlibBinding, AsyncStepReportsThroughSetupCallback) {
  Eval(
      "var h = make(1); h.tag = 'one'; z.initZlib(h, 15, 6, 8, 0);"
      "var out = new Uint8Array(4096);"
      "z.write(h, 4, text, 0, text.length, out, 0, out.length);");
  RunLoop();
  ExpectEval("[done.length, done[0][0], done[0][1], h.state[1]].join()",
             "string", "1,one,,0");
}

TEST_F(ZlibBinding, ResetStartsAFreshStream) {
  ExpectEval(
      "const d = make(1); z.initZlib(d, 15, 6, 8, 0);"
      "const a = step(d, 4, text)[1].slice();"
      "const r = z.reset(d);"
      "const b = step(d, 4, text)[1].slice();"
      "[r, a.join() === b.join()].join()",
      "string", "0,true");
}

TEST_F(ZlibBinding, Crc32MatchesKnownValue) {
  ExpectEval("z.crc32(new TextEncoder().encode('hello'), 0)", "number",
             "907060870");
}

}  // namespace
}  // namespace jspack::runtime
