// The perf binding's clocks, and the uv binding's error map.
#include <gtest/gtest.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class PerfBinding : public JsTest {};

TEST_F(PerfBinding, ClocksComeFromThisRun) {
  ExpectEval(
      "const p = internalBindingForTest('perf');"
      "const a = p.now(); const b = p.now();"
      "[a >= 0, b >= a, Math.abs(p.timeOrigin() + p.now() - Date.now()) < 1000,"
      " p.loopTimes().length].join()",
      "string", "true,true,true,2");
}

class UvErrorMap : public JsTest {};

TEST_F(UvErrorMap, HasEveryLibuvErrorAndNodes) {
  ExpectEval(
      "const rows = internalBindingForTest('uv').getErrorMap();"
      "const enoent = rows.find((r) => r[1] === 'ENOENT');"
      "const last = rows.slice(-2).map((r) => r[1]).join();"
      "[rows.length > 80, enoent.join(), last].join('|')",
      "string", "true|-2,ENOENT,no such file or directory|ENODATA,EUNATCH");
}

TEST_F(UvErrorMap, NamesErrorsNewerThanThisLibuv) {
  ExpectEval(
      "const uv = internalBindingForTest('uv');"
      "[uv.errname(-61), uv.getErrorMessage(-49), uv.errname(-2)].join()",
      "string", "ENODATA,protocol driver not attached,ENOENT");
}

}  // namespace
}  // namespace jspack::runtime
