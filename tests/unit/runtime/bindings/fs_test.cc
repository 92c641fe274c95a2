// The fs binding (runtime/bindings/fs.cc) from JS: blocking calls, requests
// completed on the loop, and node:fs's system errors built on them.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

class FsBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    char dir[] = "/tmp/jspack-fs-unit-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    file_ = dir_ + "/data.txt";
    FILE* f = fopen(file_.c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("hello from C", f);
    fclose(f);
    Eval("var b = internalBindingForTest('fs'); var dir = '" + dir_ +
         "'; var file = '" + file_ + "';");
  }

  void TearDown() override {
    unlink(file_.c_str());
    unlink((dir_ + "/made.txt").c_str());
    rmdir(dir_.c_str());
    JsTest::TearDown();
  }

  // Makes node:fs (loaded the way `import 'node:fs'` loads it) the global
  // `fs`.
  void LoadNodeFs() {
    v8::HandleScope scope(isolate_);
    v8::Local<v8::Context> context = context_.Get(isolate_);
    v8::Local<v8::Value> argv[] = {OneByteString(isolate_, "fs")};
    v8::Local<v8::Value> fs =
        runtime_->hook(Hook::kImportBuiltin)
            ->Call(context, v8::Undefined(isolate_), 1, argv)
            .ToLocalChecked();
    context->Global()->Set(context, OneByteString(isolate_, "fs"), fs).Check();
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }

  std::string dir_;
  std::string file_;
};

TEST_F(FsBinding, OpenSyncOfAMissingFileReturnsEnoent) {
  ExpectEval("b.openSync(dir + '/missing', b.O_RDONLY, 0o666)", "number",
             std::to_string(UV_ENOENT));
}

TEST_F(FsBinding, OpenMissingFileGivesEnoentWithNodesProperties) {
  LoadNodeFs();
  ExpectThrows("fs.openSync(dir + '/missing')",
               "ENOENT: no such file or directory, open '" + dir_ +
                   "/missing'");
  ExpectEval(
      "try { fs.openSync(dir + '/missing') } catch (e) {"
      "  [e.code, e.errno, e.syscall, e.path === dir + '/missing'].join() }",
      "string", "ENOENT,-2,open,true");
  ExpectEval(
      "try { fs.renameSync(dir + '/a', dir + '/b') } catch (e) {"
      "  [e.code, e.dest === dir + '/b',"
      "   e.message.endsWith(\"-> '\" + dir + \"/b'\")].join() }",
      "string", "ENOENT,true,true");
}

TEST_F(FsBinding, BlockingReadFillsTheBuffer) {
  ExpectEval(
      "const fd = b.openSync(file, b.O_RDONLY, 0);"
      "const buf = new Uint8Array(5);"
      "const n = b.readSync(fd, buf, 0, 5, 6);"
      "b.closeSync(fd);"
      "n + ':' + String.fromCharCode(...buf)",
      "string", "5:from ");
}

TEST_F(FsBinding, AsyncReadCompletesOnTheLoop) {
  Eval(
      "var events = [];"
      "b.open(file, b.O_RDONLY, 0, (err, fd) => {"
      "  events.push('open ' + err);"
      "  const buf = new Uint8Array(12);"
      "  b.read(fd, buf, 0, 12, -1, (err2, n) => {"
      "    events.push('read ' + err2 + ' ' + n + ' ' +"
      "                String.fromCharCode(...buf));"
      "    b.close(fd, (err3) => events.push('close ' + err3));"
      "  });"
      "});"
      "events.push('returned');");
  ExpectEval("events.join('|')", "string", "returned");
  RunLoop();
  ExpectEval("events.join('|')", "string",
             "returned|open 0|read 0 12 hello from C|close 0");
}

TEST_F(FsBinding, AsyncErrorsArriveAsNegativeCodes) {
  Eval(
      "var result;"
      "b.stat(dir + '/missing', false, (err, fields) => {"
      "  result = [err, fields];"
      "});");
  RunLoop();
  ExpectEval("result.join()", "string", std::to_string(UV_ENOENT) + ",");
}

TEST_F(FsBinding, StatFieldsMatchTheOs) {
  struct stat st;
  ASSERT_EQ(stat(file_.c_str(), &st), 0);
  ExpectEval("const s = b.statSync(file, false); [s.length, s[1], s[8]].join()",
             "string",
             "18," + std::to_string(st.st_mode) + "," +
                 std::to_string(st.st_size));
  ExpectEval("const t = b.statSync(file, true); typeof t[8] + ' ' + t[8]",
             "string", "bigint " + std::to_string(st.st_size));
}

TEST_F(FsBinding, ScandirGivesNamesAndTypes) {
  ExpectEval("JSON.stringify(b.scandirSync(dir, true))", "string",
             "[[\"data.txt\"],[" + std::to_string(UV_DIRENT_FILE) + "]]");
  ExpectEval("JSON.stringify(b.scandirSync(dir, false))", "string",
             "[\"data.txt\"]");
}

TEST_F(FsBinding, WriteThenReadFileThroughNodeFs) {
  LoadNodeFs();
  ExpectEval(
      "fs.writeFileSync(dir + '/made.txt', 'made in JS');"
      "fs.readFileSync(dir + '/made.txt', 'utf8')",
      "string", "made in JS");
}

}  // namespace
}  // namespace jspack::runtime
