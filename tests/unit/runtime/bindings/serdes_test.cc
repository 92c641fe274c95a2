// The serdes binding: structured clones through V8's serializer.
#include <gtest/gtest.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class SerdesBinding : public JsTest {};

TEST_F(SerdesBinding, ClonesDataAndKeepsCycles) {
  ExpectEval(
      "const s = internalBindingForTest('serdes');"
      "const o = { m: new Map([[1, 2]]), d: new Date(3) }; o.o = o;"
      "const c = s.structuredClone(o, [], (m) => new Error(m));"
      "[c !== o, c.o === c, c.m.get(1), c.d.getTime()].join()",
      "string", "true,true,2,3");
}

TEST_F(SerdesBinding, ThrowsWhatTheErrorFactoryMakes) {
  ExpectThrows(
      "internalBindingForTest('serdes').structuredClone(Symbol('q'), [],"
      " (m) => { const e = new Error('clone: ' + m); e.code = 'X'; return e; })",
      "clone: Symbol(q) could not be cloned.");
}

TEST_F(SerdesBinding, TransferDetachesTheOriginal) {
  ExpectEval(
      "const s = internalBindingForTest('serdes');"
      "const b = new Uint8Array([5, 6]).buffer;"
      "const c = s.structuredClone(b, [b], Error);"
      "[b.byteLength, Array.from(new Uint8Array(c)).join(' ')].join('|')",
      "string", "0|5 6");
}

}  // namespace
}  // namespace jspack::runtime
