// The contextify binding (vm contexts, scripts, the watchdog) and the
// async_wrap binding's promise hooks.
#include <gtest/gtest.h>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class ContextifyBinding : public JsTest {};

TEST_F(ContextifyBinding, SandboxPropertiesAreGlobalsBothWays) {
  ExpectEval(
      "const c = internalBindingForTest('contextify');"
      "const box = { a: 2 };"
      "c.makeContext(box, 'test', false, true, true);"
      "const h = c.compileScript('b = a * 21; var d = 1; typeof Array', 'x.js',"
      "  0, 0, undefined, false, []);"
      "[c.isContext(box), c.isContext({}), c.runScript(h, box, 0, null, true),"
      " box.b, box.d].join()",
      "string", "true,false,function,42,1");
}

TEST_F(ContextifyBinding, TimeoutStopsTheScriptAndTheIsolateGoesOn) {
  ExpectEval(
      "const c = internalBindingForTest('contextify');"
      "const box = {};"
      "c.makeContext(box, 'loop', false, true, true);"
      "const sentinel = {};"
      "const h = c.compileScript('for (;;) {}', 'l.js', 0, 0, undefined,"
      "  false, []);"
      "const again = c.compileScript('6 * 7', 'k.js', 0, 0, undefined,"
      "  false, []);"
      "[c.runScript(h, box, 20, sentinel, true) === sentinel,"
      " c.runScript(again, box, 0, sentinel, true)].join()",
      "string", "true,42");
}

TEST_F(ContextifyBinding, CompileErrorsAreDecoratedAndThrown) {
  ExpectThrows(
      "internalBindingForTest('contextify').compileScript('var = ;', 'bad.js',"
      "  0, 0, undefined, false, [])",
      "SyntaxError");
}

TEST_F(ContextifyBinding, CachedDataRoundTrips) {
  ExpectEval(
      "const c = internalBindingForTest('contextify');"
      "const out = [];"
      "c.compileScript('1 + 1', 'a.js', 0, 0, undefined, true, out);"
      "const back = [];"
      "const h = c.compileScript('1 + 1', 'a.js', 0, 0,"
      "  new Uint8Array(out[1]), false, back);"
      "[out[1] instanceof ArrayBuffer, back[0],"
      " c.runScript(h, null, 0, null, true)].join()",
      "string", "true,false,2");
}

TEST_F(ContextifyBinding, CompileFunctionTakesParamsAndExtensions) {
  ExpectEval(
      "const c = internalBindingForTest('contextify');"
      "const fn = c.compileFunction('return a + k', 'f.js', 0, 0, undefined,"
      "  false, [], null, ['a'], [{ k: 40 }]);"
      "fn(2)",
      "number", "42");
}

class AsyncWrapBinding : public JsTest {};

TEST_F(AsyncWrapBinding, PromiseHooksSeeInitAndCanBeRemoved) {
  ExpectEval(
      "const a = internalBindingForTest('async_wrap');"
      "let inits = 0;"
      "a.setPromiseHooks(() => { inits++; }, undefined, undefined, undefined);"
      "Promise.resolve(1); new Promise(() => {});"
      "const seen = inits;"
      "a.setPromiseHooks(undefined, undefined, undefined, undefined);"
      "Promise.resolve(2);"
      "[seen >= 2, inits === seen].join()",
      "string", "true,true");
}

}  // namespace
}  // namespace jspack::runtime
