// The cares binding (runtime/bindings/cares.cc) from JS: a channel's
// servers set and read back, a query to a port where nothing answers that
// ends in a c-ares error status (never a hang), cancel() handing back its
// completions, and a bad server address.
#include <gtest/gtest.h>
#include <uv.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class CaresBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    Eval("var c = internalBindingForTest('cares'); var owner = {};"
         "var id = c.channelNew(owner, 100, 1);");
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }
};

TEST_F(CaresBinding, ServersRoundTrip) {
  ExpectEval("c.setServers(id, [4, '127.0.0.1', 5300, 6, '::1', 53])", "number", "0");
  ExpectEval("JSON.stringify(c.getServers(id))", "string", R"(["127.0.0.1",5300,"::1",53])");
  ExpectEval("c.setServers(id, [4, 'nonsense', 53]) === c.EBADSTR", "boolean", "true");
}

TEST_F(CaresBinding, UnansweredQueryEndsWithAnError) {
  // Port 9 (discard) on 127.0.0.1: refused or no answer, either way an
  // error status once the timeout passes.
  Eval(R"(
    c.setServers(id, [4, '127.0.0.1', 9]);
    var result = null;
    var started = c.query(id, { oncomplete(status, answer) { result = [status, answer]; } },
                          'example.test', 1);
  )");
  ExpectEval("started", "number", "0");
  RunLoop();
  ExpectEval("result[0] === c.ECONNREFUSED || result[0] === c.ETIMEOUT", "boolean", "true");
}

TEST_F(CaresBinding, CancelHandsBackCompletions) {
  Eval(R"(
    c.setServers(id, [4, '127.0.0.1', 9]);
    var calls = 0;
    var req = { oncomplete() { calls++; } };
    c.query(id, req, 'a.test', 1);
    var back = c.cancel(id);
  )");
  ExpectEval("Array.isArray(back) && back[0] === req && back[1] === c.ECANCELLED",
             "boolean", "true");
  ExpectEval("calls", "number", "0");
  RunLoop();
}

}  // namespace
}  // namespace jspack::runtime
