// Tests of the esbuild driver: parsing esbuild's real error output, finding
// the binary, and bundling with the pinned esbuild.
#include "packer/esbuild.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include "tests/unit/packer/test_util.h"

namespace jspack::packer {
namespace {

using testing::ReadText;
using testing::ScratchDir;
using testing::WriteText;

// Captured from esbuild 0.28.2 run as jspack runs it (--log-level=error
// --color=false --log-limit=0).
std::string Capture(const std::string& name) {
  std::string text =
      ReadText(std::string(JSPACK_TEST_DATA_DIR) + "/esbuild/" + name);
  EXPECT_FALSE(text.empty()) << name;
  return text;
}

std::string FailureFor(const std::string& capture) {
  std::string text = Capture(capture);
  return EsbuildFailure(ParseEsbuildErrors(text), text).Message();
}

TEST(EsbuildErrors, UnresolvedPackage) {
  std::vector<EsbuildError> errors =
      ParseEsbuildErrors(Capture("unresolved_require.stderr"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].message, "Could not resolve \"left-pad\"");
  EXPECT_EQ(errors[0].file, "unres.js");
  EXPECT_EQ(errors[0].line, 1);
  EXPECT_EQ(errors[0].column, 18);
  EXPECT_EQ(FailureFor("unresolved_require.stderr"),
            "unres.js:1:18: Could not resolve \"left-pad\". Install it (npm "
            "install left-pad) or fix the import path.");
}

TEST(EsbuildErrors, SeveralErrorsShowTheFirstAndCount) {
  std::vector<EsbuildError> errors =
      ParseEsbuildErrors(Capture("unresolved_three.stderr"));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[1].message, "Could not resolve \"./missing\"");
  EXPECT_EQ(errors[1].line, 2);
  EXPECT_EQ(errors[2].message, "Could not resolve \"@scope/pkg/sub\"");
  EXPECT_EQ(FailureFor("unresolved_three.stderr"),
            "many.js:1:16: Could not resolve \"left-pad\" (and 2 more "
            "errors). Install it (npm install left-pad) or fix the import "
            "path.");
  // The fix names the package of the failing import, scoped or not.
  EXPECT_EQ(EsbuildFailure({errors[2]}, "").fix(),
            "Install it (npm install @scope/pkg) or fix the import path.");
  EXPECT_EQ(EsbuildFailure({errors[1]}, "").fix(),
            "Check that the file exists, or fix the import path.");
  EXPECT_EQ(EsbuildFailure({errors[1], errors[2]}, "").cause(),
            "many.js:2:14: Could not resolve \"./missing\" (and 1 more "
            "error)");
}

TEST(EsbuildErrors, SyntaxErrors) {
  EXPECT_EQ(FailureFor("syntax_expected.stderr"),
            "syntax.js:2:9: Expected \"}\" but found \"1\". Fix the code at "
            "that location and pack again.");
  EXPECT_EQ(FailureFor("syntax_ts.stderr"),
            "syn.ts:1:18: Unexpected \";\". Fix the code at that location and "
            "pack again.");
}

TEST(EsbuildErrors, SpecificFixes) {
  EXPECT_EQ(FailureFor("jsx_in_js.stderr"),
            "jsx.js:1:10: The JSX syntax extension is not currently enabled. "
            "Rename the file to .jsx (or .tsx for TypeScript).");
  EXPECT_EQ(FailureFor("top_level_await.stderr"),
            "tla.mjs:1:0: Top-level await is currently not supported with the "
            "\"cjs\" output format. Move the await into an async function.");
}

TEST(EsbuildErrors, PathsWithSpacesAndUnicode) {
  std::vector<EsbuildError> errors =
      ParseEsbuildErrors(Capture("path_with_space.stderr"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "dir with space/\xC3\xBC.js");
  EXPECT_EQ(errors[0].column, 7);
}

TEST(EsbuildErrors, ErrorsWithoutLocation) {
  std::vector<EsbuildError> errors =
      ParseEsbuildErrors(Capture("no_location.stderr"));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "");
  EXPECT_EQ(FailureFor("no_location.stderr"),
            "Could not resolve \"nonexist.js\". Install it (npm install "
            "nonexist.js) or fix the import path.");
  EXPECT_EQ(FailureFor("bad_flag.stderr"),
            "Invalid transform flag: \"--bogus-flag\". Fix the problem above "
            "and pack again.");
}

TEST(EsbuildErrors, UnparsableOutputIsShownAsIs) {
  EXPECT_EQ(EsbuildFailure({}, "\n  fatal: out of memory\nmore\n").cause(),
            "esbuild failed: fatal: out of memory");
  EXPECT_EQ(EsbuildFailure({}, "").cause(),
            "esbuild failed without saying why");
  EXPECT_TRUE(ParseEsbuildErrors("random\nnoise\n    x.js:1:2:\n").empty());
}

TEST(EsbuildErrors, FileNamesWithColons) {
  std::vector<EsbuildError> errors = ParseEsbuildErrors(
      "\xE2\x9C\x98 [ERROR] Unexpected end of file\n\n"
      "    a:b:c.js:10:4:\n      10 \xE2\x94\x82 x\n");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].file, "a:b:c.js");
  EXPECT_EQ(errors[0].line, 10);
  EXPECT_EQ(errors[0].column, 4);
}

// ---------------------------------------------------------------------------
// Finding esbuild

void MakeExecutable(const std::string& path) {
  WriteText(path, "#!/bin/sh\n");
  chmod(path.c_str(), 0755);
}

TEST(FindEsbuild, FlagIsTheOnlyPlaceWhenGiven) {
  ScratchDir dir;
  MakeExecutable(dir / "esbuild");
  EsbuildSearch search;
  search.flag = dir / "nope";
  search.self_dir = dir.path();
  std::string path;
  Status status = FindEsbuild(search, &path);
  EXPECT_EQ(status.Message(), "esbuild not found at " + (dir / "nope") +
                                  " (from --esbuild). Pass the path of an "
                                  "esbuild executable.");
  search.flag = dir / "esbuild";
  ASSERT_TRUE(FindEsbuild(search, &path).ok());
  EXPECT_EQ(path, dir / "esbuild");
}

TEST(FindEsbuild, SearchOrder) {
  ScratchDir a;
  ScratchDir b;
  ScratchDir c;
  MakeExecutable(a / "esbuild");
  MakeExecutable(b / "esbuild");
  MakeExecutable(c / "esbuild");
  std::string path;
  EsbuildSearch search{"", a / "esbuild", b.path(), c.path()};
  ASSERT_TRUE(FindEsbuild(search, &path).ok());
  EXPECT_EQ(path, a / "esbuild");
  search.env = "";
  ASSERT_TRUE(FindEsbuild(search, &path).ok());
  EXPECT_EQ(path, b / "esbuild");
  search.self_dir = "/nonexistent";
  ASSERT_TRUE(FindEsbuild(search, &path).ok());
  EXPECT_EQ(path, c / "esbuild");
}

TEST(FindEsbuild, NotFoundListsEveryPlace) {
  ScratchDir dir;
  WriteText(dir / "esbuild", "not executable");
  chmod((dir / "esbuild").c_str(), 0644);
  EsbuildSearch search{"", "/opt/esb", "/usr/local/jspack/bin",
                       dir.path() + "::/nowhere"};
  std::string path;
  Status status = FindEsbuild(search, &path);
  EXPECT_EQ(status.Message(),
            "esbuild not found; looked at /opt/esb ($JSPACK_ESBUILD), "
            "/usr/local/jspack/bin/esbuild (next to jspack), PATH (" +
                dir.path() +
                ":.:/nowhere). Pass --esbuild PATH, set JSPACK_ESBUILD, or "
                "put esbuild next to jspack.");
  EXPECT_EQ(FindEsbuild({}, &path).cause(),
            "esbuild not found; looked at PATH (empty)");
}

// ---------------------------------------------------------------------------
// Source maps

TEST(RebaseSourceMap, SourcesBecomeRelativeToTheEntryDirectory) {
  std::string map =
      "{\n  \"version\": 3,\n  \"sources\": [\"../../home/u/app/app.js\", "
      "\"../../home/u/app/node_modules/x/i.js\", \"../../home/u/\\u00fc "
      "\\\"q\\\".js\"],\n  \"sourcesContent\": [\"a\"],\n  \"mappings\": "
      "\"AAAA\"\n}\n";
  EXPECT_EQ(RebaseSourceMap(map, "/tmp/jspack-abc", "/home/u/app"),
            "{\n  \"version\": 3,\n  \"sources\": [\"app.js\", "
            "\"node_modules/x/i.js\", \"../\xC3\xBC \\\"q\\\".js\"],\n  "
            "\"sourcesContent\": [\"a\"],\n  \"mappings\": \"AAAA\"\n}\n");
}

TEST(RebaseSourceMap, LeavesMalformedMapsAlone) {
  for (std::string bad : {"{}", "{\"sources\": 3}", "{\"sources\": [\"a\"",
                          "{\"sources\": [\"\\x\"]}", "{\"sources\": [1]}"}) {
    EXPECT_EQ(RebaseSourceMap(bad, "/a", "/b"), bad);
  }
}

// ---------------------------------------------------------------------------
// Bundling with the real, pinned esbuild

TEST(Bundle, BundlesAnAppWithItsImports) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.ts",
            "import { greet } from './lib';\nconst n: number = 1;\n"
            "console.log(greet(n));\n");
  WriteText(src / "lib.ts",
            "import os from 'node:os';\nexport function greet(n: number) "
            "{ return 'hi ' + n + os.EOL; }\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.ts", out.path(), &bundle);
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_NE(bundle.code.find("require(\"node:os\")"), std::string::npos)
      << "node builtins must stay external";
  EXPECT_NE(bundle.code.find("function greet"), std::string::npos);
  EXPECT_NE(bundle.source_map.find("\"sources\": [\"lib.ts\", \"app.ts\"]"),
            std::string::npos)
      << bundle.source_map;
}

TEST(Bundle, MoreEntriesNamedAndFoundAreBundledBesideTheMain) {
  ScratchDir src;
  ScratchDir out;
  std::filesystem::create_directories(src.path() + "/lib");
  WriteText(src / "app.mjs",
            "import { fork } from 'node:child_process';\n"
            "import path from 'node:path';\n"
            "import { Worker } from 'node:worker_threads';\n"
            "fork(path.join(__dirname, 'lib', 'child.js'));\n"
            "new Worker(new URL('./w.mjs', import.meta.url));\n"
            "const name = 'computed.js';\nfork(name);\n"
            "fork('./missing.js');\n");
  WriteText(src / "lib/child.js",
            "const { Worker } = require('worker_threads');\n"
            "new Worker(__dirname + '/grandchild.js');\n");
  WriteText(src / "lib/grandchild.js", "console.log('deep');\n");
  WriteText(src / "w.mjs", "console.log('w');\n");
  WriteText(src / "computed.js", "console.log('named');\n");
  BundleOutput bundle;
  Status status = BundleApp(JSPACK_TEST_ESBUILD, src / "app.mjs",
                            {src / "computed.js"}, out.path(), &bundle);
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_EQ(bundle.entries,
            (std::vector<std::string>{"computed.js", "lib/child.js", "w.mjs",
                                      "lib/grandchild.js"}));
  EXPECT_EQ(bundle.code.rfind("return { main: function (", 0), 0u)
      << bundle.code.substr(0, 80);
  EXPECT_NE(bundle.code.find("\"lib/grandchild.js\": function ("),
            std::string::npos);
  // One map for every part, and the bundle file on disk is the composite.
  EXPECT_NE(bundle.source_map.find("\"sources\": [\"app.mjs\", "
                                   "\"computed.js\", \"lib/child.js\", "
                                   "\"w.mjs\", \"lib/grandchild.js\"]"),
            std::string::npos)
      << bundle.source_map;
  EXPECT_EQ(ReadText(out.path() + "/bundle.js"), bundle.code);
}

TEST(Bundle, OutputDoesNotDependOnTheTempDirectory) {
  ScratchDir src;
  ScratchDir out1;
  ScratchDir out2;
  WriteText(src / "a=b.js", "console.log('equals in the name');\n");
  BundleOutput first;
  BundleOutput second;
  ASSERT_TRUE(
      Bundle(JSPACK_TEST_ESBUILD, src / "a=b.js", out1.path(), &first).ok());
  ASSERT_TRUE(
      Bundle(JSPACK_TEST_ESBUILD, src / "a=b.js", out2.path(), &second).ok());
  EXPECT_EQ(first.code, second.code);
  EXPECT_EQ(first.source_map, second.source_map);
}

TEST(Bundle, SyntaxErrorIsOneLine) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.js", "let a = 1;\nlet b = ;\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.js", out.path(), &bundle);
  ASSERT_FALSE(status.ok());
  // Paths are shown relative to our working directory.
  char cwd[4096];
  ASSERT_NE(getcwd(cwd, sizeof(cwd)), nullptr);
  std::string shown =
      std::filesystem::path(src / "app.js").lexically_relative(cwd).string();
  EXPECT_EQ(status.cause(), shown + ":2:8: Unexpected \";\"");
}

TEST(Bundle, UnresolvedImport) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.js", "import pad from \"left-pad\";\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.js", out.path(), &bundle);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.cause().find("app.js:1:16: Could not resolve \"left-pad\""),
            std::string::npos)
      << status.cause();
  EXPECT_EQ(status.fix(),
            "Install it (npm install left-pad) or fix the import path.");
}

// As in Node, a require() that cannot be resolved fails only if it runs.
TEST(Bundle, UnresolvedRequireIsLeftForRunTimeWithAWarning) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.js",
            "if (process.env.X) require(\"left-pad\");\nconsole.log(1);\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.js", out.path(), &bundle);
  ASSERT_TRUE(status.ok()) << status.Message();
  ASSERT_EQ(bundle.warnings.size(), 1u);
  EXPECT_NE(bundle.warnings[0].find("app.js:1:27: require(\"left-pad\") cannot "
                                    "be resolved"),
            std::string::npos)
      << bundle.warnings[0];
  EXPECT_NE(bundle.code.find("require(\"left-pad\")"), std::string::npos);
}

TEST(Bundle, UnresolvedRequireNextToASyntaxErrorIsStillAnError) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.js", "require(\"left-pad\");\nlet = ;\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.js", out.path(), &bundle);
  EXPECT_FALSE(status.ok());
}

TEST(Bundle, TopLevelAwaitMakesAnEsModuleBundle) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.mjs",
            "import path from 'node:path';\n"
            "const x = await Promise.resolve(path.sep);\n"
            "if (process.env.X) require('left-pad');\n"
            "console.log(x);\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.mjs", out.path(), &bundle);
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_EQ(bundle.format, "esm");
  EXPECT_NE(bundle.code.find("await Promise.resolve"), std::string::npos);
  EXPECT_NE(bundle.code.find("__jspackCreateRequire(import.meta.url)"),
            std::string::npos);
  // The unresolvable require() is still left for run time, with a warning.
  ASSERT_EQ(bundle.warnings.size(), 1u);
  EXPECT_NE(bundle.warnings[0].find("require(\"left-pad\")"),
            std::string::npos);
}

TEST(Bundle, ImportMetaInACommonJsBundleNamesTheEntry) {
  ScratchDir src;
  ScratchDir out;
  WriteText(src / "app.mjs", "console.log(import.meta.url, import.meta.dirname);\n");
  BundleOutput bundle;
  Status status =
      Bundle(JSPACK_TEST_ESBUILD, src / "app.mjs", out.path(), &bundle);
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_EQ(bundle.format, "cjs");
  EXPECT_NE(bundle.code.find("__jspack_import_meta_url, __dirname"),
            std::string::npos)
      << bundle.code;
}

TEST(Bundle, EsbuildThatCannotRun) {
  ScratchDir src;
  WriteText(src / "app.js", "1;\n");
  BundleOutput bundle;
  Status status =
      Bundle(src / "no-esbuild", src / "app.js", src.path(), &bundle);
  EXPECT_EQ(status.cause(), "cannot run esbuild at " + (src / "no-esbuild") +
                                ": No such file or directory");
}

TEST(EsbuildVersion, ReportsThePinnedVersion) {
  std::string version;
  ASSERT_TRUE(EsbuildVersion(JSPACK_TEST_ESBUILD, &version).ok());
  // Pinned in package.json; only its shape is checked here.
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)")))
      << version;
}

}  // namespace
}  // namespace jspack::packer
