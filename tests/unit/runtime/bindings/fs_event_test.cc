// The fs_event binding (runtime/bindings/fs_event.cc) from JS: watcher ids
// and libuv errors, an inotify event and a stat poll delivered on the loop,
// and closing (twice, or from inside the callback).
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

class FsEventBinding : public JsTest {
 protected:
  void SetUp() override {
    JsTest::SetUp();
    char dir[] = "/tmp/jspack-fs-event-unit-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
    Eval("var b = internalBindingForTest('fs_event'); var dir = '" + dir_ +
         "'; var seen = [];");
  }

  void TearDown() override {
    unlink((dir_ + "/made").c_str());
    rmdir(dir_.c_str());
    JsTest::TearDown();
  }

  void MakeFile() {
    FILE* f = fopen((dir_ + "/made").c_str(), "w");
    ASSERT_NE(f, nullptr);
    fputs("x", f);
    fclose(f);
  }

  void RunLoop() { uv_run(runtime_->loop(), UV_RUN_DEFAULT); }

  std::string dir_;
};

TEST_F(FsEventBinding, WatchingAMissingPathReturnsEnoent) {
  ExpectEval("b.watch(dir + '/missing', true, false, () => {})", "number",
             std::to_string(UV_ENOENT));
}

TEST_F(FsEventBinding, ClosingTwiceOrAnUnknownIdDoesNothing) {
  ExpectEval(
      "var id = b.watch(dir, true, false, () => {}); b.close(id); b.close(id);"
      "b.close(12345); b.setRef(id, false); id > 0",
      "boolean", "true");
  RunLoop();
}

TEST_F(FsEventBinding, AFileMadeInTheDirectoryIsReported) {
  Eval(
      "var id = b.watch(dir, true, false, (status, events, name) => {"
      "  seen.push([status, events & b.UV_RENAME ? 'rename' : 'change',"
      "             String.fromCharCode(...name)].join());"
      "  b.close(id);"
      "});");
  MakeFile();
  RunLoop();
  ExpectEval("seen.join(';')", "string", "0,rename,made");
}

TEST_F(FsEventBinding, APollReportsAMissingFileAsZeroedStats) {
  Eval(
      "var id = b.poll(dir + '/made', true, 5, false, (status, curr, prev) => {"
      "  seen.push([status, curr.length, curr[8], prev[7]].join());"
      "  b.close(id);"
      "});");
  RunLoop();
  ExpectEval("seen.join(';')", "string",
             std::to_string(UV_ENOENT) + ",18,0,0");
}

TEST_F(FsEventBinding, AnUnrefdWatcherLetsTheLoopEnd) {
  Eval("var id = b.watch(dir, false, false, () => {});");
  RunLoop();
  Eval("b.close(id);");
  RunLoop();
}

}  // namespace
}  // namespace jspack::runtime
