// Native bindings, exercised from JS the way the stdlib calls them.
#include <gtest/gtest.h>
#include <unistd.h>
#include <uv.h>

#include <cstdlib>
#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class ProcessBinding : public JsTest {};

TEST_F(ProcessBinding, CwdMatchesTheOs) {
  char buf[4096];
  ASSERT_NE(getcwd(buf, sizeof(buf)), nullptr);
  ExpectEval("internalBindingForTest('process').cwd()", "string", buf);
}

TEST_F(ProcessBinding, ChdirToMissingDirectoryGivesEnoent) {
  ExpectThrows("internalBindingForTest('process').chdir('/no/such/dir')",
               "ENOENT: no such file or directory, chdir '/no/such/dir'");
  ExpectEval(
      "try { internalBindingForTest('process').chdir('/no/such/dir') } "
      "catch (e) { [e.code, e.errno, e.syscall, e.path].join() }",
      "string", "ENOENT,-2,chdir,/no/such/dir");
}

TEST_F(ProcessBinding, EnvIsALiveViewOfTheCEnvironment) {
  setenv("JSPACK_TEST_VAR", "from-c", 1);
  ExpectEval("process.env.JSPACK_TEST_VAR", "string", "from-c");
  Eval("process.env.JSPACK_TEST_VAR = 42");
  EXPECT_STREQ(getenv("JSPACK_TEST_VAR"), "42");
  ExpectEval("'JSPACK_TEST_VAR' in process.env", "boolean", "true");
  Eval("delete process.env.JSPACK_TEST_VAR");
  EXPECT_EQ(getenv("JSPACK_TEST_VAR"), nullptr);
  ExpectEval("Object.keys(process.env).includes('JSPACK_TEST_VAR')", "boolean",
             "false");
}

TEST_F(ProcessBinding, RunInfoComesFromThisRun) {
  ExpectEval("internalBindingForTest('process').getRunInfo().argv.join(' ')",
             "string", "/test/jspack-runtime /test/app.js");
  ExpectEval("internalBindingForTest('process').getRunInfo().pid", "number",
             std::to_string(getpid()));
}

TEST_F(ProcessBinding, HrtimeIsMonotonic) {
  ExpectEval(
      "const h = internalBindingForTest('process');"
      "const a = h.hrtimeBigInt(); const b = h.hrtimeBigInt(); b >= a",
      "boolean", "true");
}

class TypesBinding : public JsTest {};

TEST_F(TypesBinding, ChecksMatchV8) {
  ExpectEval(
      "const t = internalBindingForTest('types');"
      "[t.isDate(new Date()), t.isDate({}), t.isPromise(Promise.resolve()),"
      " t.isProxy(new Proxy({}, {})), t.isUint8Array(new Uint8Array(1)),"
      " t.isBoxedPrimitive(Object(1)), t.isAnyArrayBuffer(new ArrayBuffer(1)),"
      " t.isAsyncFunction(async () => {}), t.isMapIterator(new Map().keys())]"
      ".join()",
      "string", "true,false,true,true,true,true,true,true,true");
}

class UtilBinding : public JsTest {};

TEST_F(UtilBinding, PromiseDetails) {
  ExpectEval(
      "const u = internalBindingForTest('util');"
      "JSON.stringify([u.getPromiseDetails(Promise.resolve(5)),"
      " u.getPromiseDetails(new Promise(() => {}))])",
      "string", "[[1,5],[0]]");
}

TEST_F(UtilBinding, ProxyDetailsAndPreview) {
  ExpectEval(
      "const u = internalBindingForTest('util');"
      "const target = { a: 1 }; const handler = {};"
      "const [t, h] = u.getProxyDetails(new Proxy(target, handler));"
      "const [entries, kv] = u.previewEntries(new Map([[1, 2]]).entries(), "
      "true);"
      "[t === target, h === handler, u.getProxyDetails({}) === undefined,"
      " JSON.stringify(entries), kv].join()",
      "string", "true,true,true,[1,2],true");
}

TEST_F(UtilBinding, OwnNonIndexPropertiesSkipIndices) {
  ExpectEval(
      "const u = internalBindingForTest('util');"
      "const a = [1, 2]; a.extra = 1;"
      "u.getOwnNonIndexProperties(a, u.ONLY_ENUMERABLE).join()",
      "string", "extra");
}

class UvBinding : public JsTest {};

TEST_F(UvBinding, ErrorNamesAndMessages) {
  ExpectEval(
      "const uv = internalBindingForTest('uv');"
      "uv.errname(-2) + ': ' + uv.getErrorMessage(-2)",
      "string", "ENOENT: no such file or directory");
}

class ModuleBinding : public JsTest {};

TEST_F(ModuleBinding, CompileFunctionWrapsCommonJs) {
  ExpectEval(
      "const f = internalBindingForTest('module').compileFunction("
      "'module.exports = __filename + exports.x', '/x/app.js', true);"
      "const m = { exports: { x: 1 } }; f(m.exports, null, m, '/x/app.js', "
      "'/x'); m.exports",
      "string", "/x/app.js1");
}

TEST_F(ModuleBinding, CompileErrorIsASyntaxError) {
  ExpectThrows(
      "internalBindingForTest('module').compileFunction('let = ;', 'a.js', "
      "false)",
      "SyntaxError");
}

class TimersBinding : public JsTest {};

TEST_F(TimersBinding, LibuvNowAdvances) {
  ExpectEval(
      "const t = internalBindingForTest('timers'); const a = t.getLibuvNow();"
      "typeof a === 'number' && a > 0 && t.getLibuvNow() >= a",
      "boolean", "true");
}

class OsBinding : public JsTest {};

TEST_F(OsBinding, HostnameMatchesTheOs) {
  char buf[256];
  ASSERT_EQ(gethostname(buf, sizeof(buf)), 0);
  ExpectEval("internalBindingForTest('os').getHostname({})", "string", buf);
}

TEST_F(OsBinding, FailureFillsTheContextInsteadOfThrowing) {
  // No process has pid 2^31-1 on Linux (pid_max is at most 2^22).
  ExpectEval(
      "const ctx = {};"
      "const r = internalBindingForTest('os').getPriority(2147483647, ctx);"
      "[r, ctx.errno, ctx.code, ctx.syscall, ctx.message].join()",
      "string", ",-3,ESRCH,uv_os_getpriority,no such process");
}

TEST_F(OsBinding, ConstantsAreThePlatformNumbers) {
  ExpectEval(
      "const c = internalBindingForTest('os').getConstants();"
      "[c.signals.SIGINT, c.signals.SIGTERM, c.errno.ENOENT, c.errno.EACCES,"
      " c.priority.PRIORITY_HIGHEST, Object.getPrototypeOf(c.errno)].join()",
      "string", "2,15,2,13,-20,");
}

TEST_F(OsBinding, CpusComeAsSevenFieldsEach) {
  ExpectEval(
      "const f = internalBindingForTest('os').getCpus();"
      "f.length > 0 && f.length % 7 === 0 && typeof f[0] === 'string' &&"
      " f.slice(1, 7).every((n) => typeof n === 'number')",
      "boolean", "true");
}

class SignalBinding : public JsTest {};

TEST_F(SignalBinding, WatchedSignalCallsBackFromTheLoop) {
  Eval(
      "globalThis.seen = [];"
      "const s = internalBindingForTest('signal');"
      "globalThis.startResult = s.start(10, (n) => seen.push(n));"
      "globalThis.killResult = s.kill(" + std::to_string(getpid()) + ", 10);");
  ExpectEval("[startResult, killResult].join()", "string", "0,0");
  // The signal handle is unref'd (it keeps no loop alive); a ref'd idle
  // handle makes each NOWAIT turn poll, which delivers the signal.
  uv_idle_t idle;
  uv_idle_init(runtime_->loop(), &idle);
  uv_idle_start(&idle, [](uv_idle_t*) {});
  for (int i = 0; i < 1000 && Eval("seen.length") == "number:0"; ++i) {
    uv_run(runtime_->loop(), UV_RUN_NOWAIT);
  }
  ExpectEval("seen.join()", "string", "10");
  Eval("internalBindingForTest('signal').stop(10)");
  uv_close(reinterpret_cast<uv_handle_t*>(&idle), nullptr);
  uv_run(runtime_->loop(), UV_RUN_NOWAIT);
}

TEST_F(SignalBinding, UncatchableSignalIsAnError) {
  ExpectEval("internalBindingForTest('signal').start(9, () => {})", "number",
             std::to_string(UV_EINVAL));
}

TEST_F(SignalBinding, KillOfMissingProcessIsEsrch) {
  ExpectEval("internalBindingForTest('signal').kill(2147483647, 0)", "number",
             std::to_string(UV_ESRCH));
}

class InternalBindingTest : public JsTest {};

TEST_F(InternalBindingTest, UnknownBindingThrows) {
  ExpectThrows("internalBindingForTest('nope')", "No such binding: nope");
}

}  // namespace
}  // namespace jspack::runtime
