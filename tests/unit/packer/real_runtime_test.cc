// The packer against the real jspack-runtime (when the build has it): the
// contract seen from both sides. Pack-and-run suites for apps live in
// tests/integration; this checks only what the packer owns: the locator
// patch, the payload, the snapshot driver and `jspack run`'s memfd hand-off.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "packer/process.h"
#include "tests/unit/packer/test_util.h"

namespace jspack::packer {
namespace {

#ifdef JSPACK_TEST_REAL_RUNTIME

using testing::ReadText;
using testing::RunOrDie;
using testing::ScratchDir;
using testing::WriteText;

std::vector<std::string> Tools() {
  return {"--runtime", JSPACK_TEST_REAL_RUNTIME, "--esbuild",
          JSPACK_TEST_ESBUILD};
}

TEST(RealRuntime, PackedHelloPrintsHello) {
  ScratchDir dir;
  WriteText(dir / "app.js", "console.log('hello');\n");
  std::vector<std::string> args = {"app.js", "-o", dir / "hello"};
  for (const std::string& a : Tools()) args.push_back(a);
  ProcessResult pack = RunOrDie(JSPACK_TEST_JSPACK, args, dir.path());
  ASSERT_EQ(pack.exit_code, 0) << pack.err;
  ProcessResult app = RunOrDie(dir / "hello", {});
  EXPECT_EQ(app.exit_code, 0) << app.err;
  EXPECT_EQ(app.out, "hello\n");

  args.push_back("--no-snapshot");
  args[2] = dir / "hello-source";
  pack = RunOrDie(JSPACK_TEST_JSPACK, args, dir.path());
  ASSERT_EQ(pack.exit_code, 0) << pack.err;
  app = RunOrDie(dir / "hello-source", {});
  EXPECT_EQ(app.out, "hello\n") << app.err;
}

// The appended payload of --libs=system output: its trailer is the file's
// end. (A portable file ends with section headers the loader never reads;
// portable.py's tamper check damages its payload segment instead.)
TEST(RealRuntime, TruncatedAppIsReportedAsDamaged) {
  ScratchDir dir;
  WriteText(dir / "app.js", "console.log('hello');\n");
  std::vector<std::string> args = {"app.js", "--libs=system", "-o",
                                   dir / "app"};
  for (const std::string& a : Tools()) args.push_back(a);
  ASSERT_EQ(RunOrDie(JSPACK_TEST_JSPACK, args, dir.path()).exit_code, 0);
  std::string bytes = ReadText(dir / "app");
  WriteText(dir / "cut", bytes.substr(0, bytes.size() - 100));
  chmod((dir / "cut").c_str(), 0755);
  ProcessResult app = RunOrDie(dir / "cut", {});
  EXPECT_NE(app.exit_code, 0);
  EXPECT_NE(app.err.find("payload is damaged"), std::string::npos) << app.err;
  EXPECT_NE(app.err.find("truncated"), std::string::npos) << app.err;
}

TEST(RealRuntime, JspackRunPassesArgumentsAndExitStatus) {
  ScratchDir dir;
  WriteText(dir / "app.js",
            "console.log(process.argv.slice(2).join(','));\n"
            "process.exitCode = 7;\n");
  std::vector<std::string> args = {"run"};
  for (const std::string& a : Tools()) args.push_back(a);
  args.insert(args.end(), {"app.js", "a", "--b"});
  ProcessResult run = RunOrDie(JSPACK_TEST_JSPACK, args, dir.path());
  EXPECT_EQ(run.exit_code, 7) << run.err;
  EXPECT_EQ(run.out, "a,--b\n");
}

TEST(RealRuntime, VersionNamesV8) {
  ProcessResult version = RunOrDie(JSPACK_TEST_JSPACK, {"--version"}, "");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("\nV8 10.2."), std::string::npos) << version.out;
}

#else

TEST(RealRuntime, NotBuilt) { GTEST_SKIP() << "no jspack-runtime target"; }

#endif

}  // namespace
}  // namespace jspack::packer
