// The process_wrap and spawn_sync bindings from JS: children spawned on the
// runtime's loop with their exit reported through onexit, socketpair stdio,
// kill, and blocking runs with input, capture, timeout and maxBuffer.
#include <gtest/gtest.h>
#include <signal.h>
#include <uv.h>

#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class ProcessWrapBinding : public JsTest {
 protected:
  void SetUp() override {
    // As in the runtime (main.cc): a write to a pipe the child closed is
    // EPIPE, not the end of the test binary.
    signal(SIGPIPE, SIG_IGN);
    JsTest::SetUp();
    Eval(
        "var pw = internalBindingForTest('process_wrap');"
        "var ss = internalBindingForTest('spawn_sync');"
        "function req(file, args, stdio, extra) {"
        "  return Object.assign({ file, args: [file, ...args], cwd: undefined,"
        "    envPairs: undefined, detached: false, uid: undefined,"
        "    gid: undefined, stdio }, extra); }"
        "var ignore = [{ type: 'ignore' }, { type: 'ignore' }, { type: 'ignore' }];"
        "var piped = [{ type: 'pipe', readable: true },"
        "  { type: 'pipe', writable: true }, { type: 'pipe', writable: true }];");
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }
};

TEST_F(ProcessWrapBinding, SpawnReportsExitCodeThroughOnexit) {
  ExpectEval(
      "var got = null;"
      "var id = pw.spawn(req('/bin/sh', ['-c', 'exit 7'], ignore),"
      "  (code, signal) => { got = [code, signal]; pw.close(id); });"
      "id > 0 && pw.pid(id) > 0",
      "boolean", "true");
  RunLoop();
  ExpectEval("got.join(',')", "string", "7,0");
}

TEST_F(ProcessWrapBinding, KillEndsTheChildWithTheSignal) {
  ExpectEval(
      "var got = null;"
      "var id = pw.spawn(req('/bin/sleep', ['30'], ignore),"
      "  (code, signal) => { got = [code, signal, pw.kill(id, 15)];"
      "  pw.close(id); });"
      "pw.kill(id, 9)",
      "number", "0");
  RunLoop();
  // After exit the child is gone: kill reports ESRCH.
  ExpectEval("got[1] === 9 && got[2] === -3", "boolean", "true");
  ExpectEval("pw.kill(id, 9) === -3 && pw.pid(id) === 0", "boolean", "true");
}

TEST_F(ProcessWrapBinding, MissingProgramReturnsEnoentAndLeavesNothingOpen) {
  ExpectEval(
      "var slots = [{ type: 'pipe' }, { type: 'ignore' }, { type: 'ignore' }];"
      "pw.spawn(req('/no/such/program', [], slots), () => {})",
      "number", "-2");
  ExpectEval("slots[0].parentFd", "undefined", "undefined");
  RunLoop();
}

TEST_F(ProcessWrapBinding, PipeSlotsGiveTheParentAnFd) {
  ExpectEval(
      "var slots = [{ type: 'ignore' }, { type: 'pipe' }, { type: 'ignore' }];"
      "var id = pw.spawn(req('/bin/true', [], slots), () => pw.close(id));"
      "typeof slots[1].parentFd === 'number' && slots[1].parentFd > 2",
      "boolean", "true");
  RunLoop();
}

TEST_F(ProcessWrapBinding, SpawnSyncCapturesOutputsAndStatus) {
  ExpectEval(
      "var r = ss.spawnSync(req('/bin/sh', ['-c', 'cat; echo e >&2; exit 3'],"
      "  [{ type: 'pipe', readable: true, input: new Uint8Array([104, 105]) },"
      "   { type: 'pipe', writable: true }, { type: 'pipe', writable: true }]));"
      "[r.status, r.signal, String.fromCharCode(...r.output[1]),"
      " String.fromCharCode(...r.output[2]), r.output[0], r.error].join('|')",
      "string", "3|0|hi|e\n||");
}

TEST_F(ProcessWrapBinding, SpawnSyncOfAMissingProgramHasNoOutput) {
  ExpectEval(
      "var r = ss.spawnSync(req('/no/such/program', [], piped));"
      "[r.error, r.pid, r.output, r.status].join('|')",
      "string", "-2|0||");
}

TEST_F(ProcessWrapBinding, SpawnSyncTimeoutKillsWithKillSignal) {
  ExpectEval(
      "var r = ss.spawnSync(req('/bin/sleep', ['30'], piped,"
      "  { timeout: 20, killSignal: 9, maxBuffer: 0 }));"
      "[r.error, r.signal, r.status].join('|')",
      "string", "-110|9|");
}

TEST_F(ProcessWrapBinding, SpawnSyncMaxBufferGivesEnobufs) {
  ExpectEval(
      "var r = ss.spawnSync(req('/bin/sh', ['-c', 'head -c 5000 /dev/zero;"
      " sleep 30'], piped, { timeout: 0, killSignal: 15, maxBuffer: 100 }));"
      "[r.error, r.signal, r.output[1].length > 100].join('|')",
      "string", "-105|15|true");
}

TEST_F(ProcessWrapBinding, SpawnSyncChildClosingStdinEarlyIsFine) {
  ExpectEval(
      "var r = ss.spawnSync(req('/bin/sh', ['-c', 'exec 0<&-; echo ok'],"
      "  [{ type: 'pipe', readable: true, input: new Uint8Array(1 << 20) },"
      "   { type: 'pipe', writable: true }, { type: 'ignore' }]));"
      "[r.status, String.fromCharCode(...r.output[1])].join('|')",
      "string", "0|ok\n");
}

}  // namespace
}  // namespace jspack::runtime
