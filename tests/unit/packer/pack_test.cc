// Tests of the pack pipeline and the jspack CLI end to end, with the real
// esbuild and the fake runtime (a real executable speaking the runtime's
// protocol): outputs, determinism, and every bad input giving one line and
// leaving nothing behind.
#include "packer/pack.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <memory>

#include "packer/process.h"
#include "tests/unit/packer/test_util.h"

namespace jspack::packer {
namespace {

using testing::Exists;
using testing::ListDir;
using testing::ReadText;
using testing::RunOrDie;
using testing::ScratchDir;
using testing::WriteText;

class PackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Temporary directories of the packer go here, so a test can see that
    // none is left behind.
    const char* old = getenv("TMPDIR");
    old_tmpdir_ = old ? old : "";
    had_tmpdir_ = old != nullptr;
    ASSERT_NE(getcwd(cwd_, sizeof(cwd_)), nullptr);
    tmp_ = std::make_unique<ScratchDir>();
    setenv("TMPDIR", tmp_->path().c_str(), 1);
    WriteText(src_ / "app.js",
              "const { greet } = require('./lib');\n"
              "console.log(greet(process.argv.slice(2).join(' ')));\n");
    WriteText(src_ / "lib.js", "exports.greet = (who) => 'hello ' + who;\n");
  }

  void TearDown() override {
    // Some tests run from the source directory, like a user would.
    EXPECT_EQ(chdir(cwd_), 0);
    EXPECT_TRUE(ListDir(tmp_->path()).empty())
        << "a temporary directory was left behind";
    if (had_tmpdir_) {
      setenv("TMPDIR", old_tmpdir_.c_str(), 1);
    } else {
      unsetenv("TMPDIR");
    }
  }

  Options PackOptions(const std::string& entry, const std::string& output) {
    Options options;
    options.entry = entry;
    options.output = output;
    options.runtime = JSPACK_TEST_FAKE_RUNTIME;
    options.esbuild = JSPACK_TEST_ESBUILD;
    // The fake runtime is a plain executable: the payload is appended to it.
    options.libs = "system";
    return options;
  }

  // Packs and expects failure with `message`, leaving `out_` as it was.
  void ExpectPackFails(const Options& options, const std::string& message) {
    std::set<std::string> before = ListDir(out_.path());
    Status status = Pack(options);
    ASSERT_FALSE(status.ok());
    EXPECT_EQ(status.Message(), message);
    EXPECT_EQ(ListDir(out_.path()), before) << "something was left behind";
  }

  char cwd_[PATH_MAX] = {};
  std::unique_ptr<ScratchDir> tmp_;
  std::string old_tmpdir_;
  bool had_tmpdir_ = false;
  ScratchDir src_;
  ScratchDir out_;
};

TEST_F(PackTest, PacksAnAppThatFindsItsPayload) {
  Status status = Pack(PackOptions(src_ / "app.js", out_ / "app"));
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_EQ(ListDir(out_.path()), std::set<std::string>{"app"});
  struct stat st;
  ASSERT_EQ(stat((out_ / "app").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0755u);

  ProcessResult result = RunOrDie(out_ / "app", {"world", "--flag"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  const std::string& out = result.out;
  for (const char* line :
       {"manifest entry=app.js\n", "manifest jspack_version=0.1.0\n",
        "manifest v8_version=0.0.0-fake\n",
        "manifest libnode_build_id=00112233aabbccdd\n",
        "manifest snapshot=app\n", "has_snapshot=1\n", "arg world\n",
        "arg --flag\n", "\"hello \" + who"}) {
    EXPECT_NE(out.find(line), std::string::npos) << line << " in\n" << out;
  }
  EXPECT_EQ(out.find("entry_path"), std::string::npos);
  // Source map paths are relative to the entry's directory.
  EXPECT_NE(out.find("\"sources\": [\"lib.js\", \"app.js\"]"),
            std::string::npos);
}

TEST_F(PackTest, OutputIsDeterministicWhereverJspackRuns) {
  ASSERT_TRUE(Pack(PackOptions(src_ / "app.js", out_ / "one")).ok());
  char cwd[PATH_MAX];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  ASSERT_EQ(chdir(src_.path().c_str()), 0);
  Status status = Pack(PackOptions("app.js", out_ / "two"));
  ASSERT_EQ(chdir(cwd), 0);
  ASSERT_TRUE(status.ok()) << status.Message();
  // Not EXPECT_EQ: a failure would print megabytes of binary.
  EXPECT_TRUE(ReadText(out_ / "one") == ReadText(out_ / "two"));
}

TEST_F(PackTest, NoSnapshot) {
  Options options = PackOptions(src_ / "app.js", out_ / "app");
  options.snapshot = false;
  ASSERT_TRUE(Pack(options).ok());
  ProcessResult result = RunOrDie(out_ / "app", {});
  EXPECT_NE(result.out.find("has_snapshot=0\n"), std::string::npos);
  EXPECT_NE(result.out.find("manifest v8_version=0.0.0-fake\n"),
            std::string::npos);
  EXPECT_EQ(result.out.find("manifest snapshot="), std::string::npos);
}

TEST_F(PackTest, DefaultOutputIsInTheCurrentDirectory) {
  WriteText(src_ / "tool.ts", "const n: number = 1;\nconsole.log(n);\n");
  char cwd[PATH_MAX];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  ASSERT_EQ(chdir(out_.path().c_str()), 0);
  Status status = Pack(PackOptions(src_ / "tool.ts", ""));
  ASSERT_EQ(chdir(cwd), 0);
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_TRUE(Exists(out_ / "tool"));
}

TEST_F(PackTest, ReplacesAnExistingOutput) {
  WriteText(out_ / "app", "old");
  ASSERT_TRUE(Pack(PackOptions(src_ / "app.js", out_ / "app")).ok());
  EXPECT_TRUE(ReadText(out_ / "app") != "old");
  EXPECT_EQ(ListDir(out_.path()), std::set<std::string>{"app"});
}

TEST_F(PackTest, EntryMissingOrNotAFile) {
  ExpectPackFails(
      PackOptions(src_ / "nope.js", out_ / "app"),
      src_ / "nope.js" + " does not exist. Check the path of the entry file.");
  ExpectPackFails(PackOptions(src_.path(), out_ / "app"),
                  src_.path() +
                      " is a directory. Pass the app's entry file, "
                      "e.g. " +
                      src_.path() + "/index.js.");
  WriteText(src_ / "app.py", "print(1)\n");
  ExpectPackFails(PackOptions(src_ / "app.py", out_ / "app"),
                  src_ / "app.py" +
                      " is not a JavaScript or TypeScript file. Pass a .js, "
                      ".mjs, .cjs, .jsx, .ts, .tsx, .mts or .cts entry.");
}

TEST_F(PackTest, EntryUnreadable) {
  if (geteuid() == 0) GTEST_SKIP() << "root can read any file";
  chmod((src_ / "app.js").c_str(), 0);
  ExpectPackFails(PackOptions(src_ / "app.js", out_ / "app"),
                  "cannot read " + (src_ / "app.js") +
                      ": permission denied. Make the file readable (chmod "
                      "+r).");
}

TEST_F(PackTest, SyntaxError) {
  WriteText(src_ / "bad.js", "let x = 1;\nlet y = ;\n");
  ASSERT_EQ(chdir(src_.path().c_str()), 0);
  Options options = PackOptions("bad.js", out_ / "bad");
  ExpectPackFails(options,
                  "bad.js:2:8: Unexpected \";\". Fix the code at that "
                  "location and pack again.");
}

TEST_F(PackTest, UnresolvedImports) {
  WriteText(src_ / "deps.js",
            "import pad from \"left-pad\";\n"
            "import x from './missing';\n");
  ASSERT_EQ(chdir(src_.path().c_str()), 0);
  ExpectPackFails(PackOptions("deps.js", out_ / "deps"),
                  "deps.js:1:16: Could not resolve \"left-pad\" (and 1 more "
                  "error). Install it (npm install left-pad) or fix the "
                  "import path.");
}

TEST_F(PackTest, BadOutputs) {
  ExpectPackFails(PackOptions(src_ / "app.js", out_ / "no/such/dir/app"),
                  "output directory " + (out_ / "no/such/dir") +
                      " does not exist. Create it, or choose another output "
                      "path with -o.");
  ExpectPackFails(PackOptions(src_ / "app.js", src_ / "app.js"),
                  "output " + (src_ / "app.js") +
                      " is the entry file itself. Choose another output path "
                      "with -o.");
  ASSERT_EQ(symlink((src_ / "app.js").c_str(), (out_ / "link").c_str()), 0);
  ExpectPackFails(PackOptions(src_ / "app.js", out_ / "link"),
                  "output " + (out_ / "link") +
                      " is the entry file itself. Choose another output path "
                      "with -o.");
  ExpectPackFails(PackOptions(src_ / "app.js", out_.path()),
                  "output " + out_.path() +
                      " is a directory. Pass a file path with -o, e.g. -o " +
                      out_.path() + "/app.");
  ExpectPackFails(PackOptions(src_ / "app.js", "/dev/null"),
                  "output /dev/null is not a regular file. Choose another "
                  "output path with -o.");
  ExpectPackFails(PackOptions(src_ / "app.js", JSPACK_TEST_FAKE_RUNTIME),
                  std::string("output ") + JSPACK_TEST_FAKE_RUNTIME +
                      " is the runtime stub itself. Choose another output "
                      "path with -o.");
}

TEST_F(PackTest, OutputDirectoryNotWritable) {
  if (geteuid() == 0) GTEST_SKIP() << "root can write anywhere";
  chmod(out_.path().c_str(), 0555);
  ExpectPackFails(PackOptions(src_ / "app.js", out_ / "app"),
                  "output directory " + out_.path() +
                      " is not writable. Choose another output path with -o.");
  chmod(out_.path().c_str(), 0755);
}

TEST_F(PackTest, RuntimeMissingOrDamaged) {
  Options options = PackOptions(src_ / "app.js", out_ / "app");
  options.runtime = src_ / "jspack-runtime";
  ExpectPackFails(options, "runtime stub " + (src_ / "jspack-runtime") +
                               " (from --runtime) does not exist. Build "
                               "jspack-runtime, or pass its path with "
                               "--runtime or $JSPACK_RUNTIME.");
  std::string bytes = ReadText(JSPACK_TEST_FAKE_RUNTIME);
  WriteText(src_ / "jspack-runtime", bytes.substr(0, bytes.size() / 3));
  std::string message = Pack(options).Message();
  EXPECT_EQ(message.rfind("runtime stub " + (src_ / "jspack-runtime") +
                              " (from --runtime) is damaged (",
                          0),
            0u)
      << message;
  options.runtime = "/bin/true";
  ExpectPackFails(options,
                  "runtime stub /bin/true (from --runtime) is not a jspack "
                  "runtime (it has no .jspack_locator section). Pass a bare "
                  "jspack-runtime with --runtime or $JSPACK_RUNTIME.");
}

TEST_F(PackTest, RuntimeFromEnvironment) {
  Options options = PackOptions(src_ / "app.js", out_ / "app");
  options.runtime = "";
  setenv("JSPACK_RUNTIME", "/nonexistent/jspack-runtime", 1);
  ExpectPackFails(options,
                  "runtime stub /nonexistent/jspack-runtime (from "
                  "$JSPACK_RUNTIME) does not exist. Build jspack-runtime, or "
                  "pass its path with --runtime or $JSPACK_RUNTIME.");
  setenv("JSPACK_RUNTIME", JSPACK_TEST_FAKE_RUNTIME, 1);
  Status status = Pack(options);
  unsetenv("JSPACK_RUNTIME");
  EXPECT_TRUE(status.ok()) << status.Message();
}

TEST_F(PackTest, EsbuildNotFound) {
  Options options = PackOptions(src_ / "app.js", out_ / "app");
  options.esbuild = "/nonexistent/esbuild";
  ExpectPackFails(options,
                  "esbuild not found at /nonexistent/esbuild (from "
                  "--esbuild). Pass the path of an esbuild executable.");
}

TEST_F(PackTest, SnapshotFailureShowsTheRuntimesMessage) {
  WriteText(src_ / "server.js", "globalThis.FAIL_SNAPSHOT = 1;\n");
  WriteText(out_ / "server", "previous build");
  ExpectPackFails(PackOptions(src_ / "server.js", out_ / "server"),
                  "cannot snapshot server.js: Error: cannot snapshot: the app "
                  "opened a socket at top level. Fix the app's top-level "
                  "code, or pack with --no-snapshot to run it from source at "
                  "startup.");
  EXPECT_TRUE(ReadText(out_ / "server") == "previous build");
}

// ---------------------------------------------------------------------------
// The jspack executable

TEST_F(PackTest, CliPrintsOneLineAndExitsOne) {
  ProcessResult result = RunOrDie(JSPACK_TEST_JSPACK, {"nope.js"}, src_.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "jspack: error: nope.js does not exist. Check the path of the "
            "entry file.\n");
  result = RunOrDie(JSPACK_TEST_JSPACK, {"--bogus"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "jspack: error: unknown option --bogus. Run jspack --help for "
            "usage.\n");
}

TEST_F(PackTest, CliPacks) {
  ProcessResult result =
      RunOrDie(JSPACK_TEST_JSPACK,
               {"app.js", "-o", out_ / "app", "--libs=system", "--runtime",
                JSPACK_TEST_FAKE_RUNTIME, "--esbuild", JSPACK_TEST_ESBUILD},
               src_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out + result.err, "");
  EXPECT_NE(RunOrDie(out_ / "app", {}).out.find("manifest entry=app.js"),
            std::string::npos);
}

TEST_F(PackTest, CliRunExecsTheRuntimeWithAStandalonePayload) {
  ProcessResult result =
      RunOrDie(JSPACK_TEST_JSPACK,
               {"run", "--bundle", "--runtime", JSPACK_TEST_FAKE_RUNTIME,
                "--esbuild", JSPACK_TEST_ESBUILD, "app.js", "world", "-o",
                "--help"},
               src_.path());
  EXPECT_EQ(result.exit_code, 0) << result.err;
  char real[PATH_MAX];
  ASSERT_NE(realpath((src_ / "app.js").c_str(), real), nullptr);
  for (std::string line :
       {std::string("manifest entry=app.js\n"),
        "manifest entry_path=" + std::string(real) + "\n",
        std::string("manifest jspack_version=0.1.0\n"),
        std::string("has_snapshot=0\n"), std::string("arg world\n"),
        std::string("arg -o\n"), std::string("arg --help\n"),
        std::string("exports.greet")}) {
    EXPECT_NE(result.out.find(line), std::string::npos) << line << " in\n"
                                                        << result.out;
  }
  EXPECT_EQ(result.out.find("manifest snapshot="), std::string::npos);
  // The app's exit status is the process's: the fake runtime fails with 2
  // on a bare run.
  result = RunOrDie(JSPACK_TEST_JSPACK,
                    {"run", "--runtime", JSPACK_TEST_FAKE_RUNTIME, "--esbuild",
                     JSPACK_TEST_ESBUILD, "missing.js"},
                    src_.path());
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "jspack: error: missing.js does not exist. Check the path of the "
            "entry file.\n");
}

TEST_F(PackTest, CliVersion) {
  setenv("JSPACK_RUNTIME", JSPACK_TEST_FAKE_RUNTIME, 1);
  ProcessResult result = RunOrDie(JSPACK_TEST_JSPACK, {"--version"});
  unsetenv("JSPACK_RUNTIME");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("jspack 0.1.0\nV8 0.0.0-fake\nesbuild ", 0), 0u)
      << result.out;
}

}  // namespace
}  // namespace jspack::packer
