// Tests of jspack's command-line parsing.
#include "packer/cli.h"

#include <gtest/gtest.h>

namespace jspack::packer {
namespace {

Options Parse(std::vector<std::string> args) {
  Options options;
  Status status = ParseArgs(args, &options);
  EXPECT_TRUE(status.ok()) << status.Message();
  return options;
}

std::string ParseError(std::vector<std::string> args) {
  Options options;
  Status status = ParseArgs(args, &options);
  EXPECT_FALSE(status.ok());
  return status.Message();
}

TEST(Cli, PackWithDefaults) {
  Options o = Parse({"app.js"});
  EXPECT_EQ(o.command, Command::kPack);
  EXPECT_EQ(o.entry, "app.js");
  EXPECT_EQ(o.output, "");
  EXPECT_TRUE(o.snapshot);
}

TEST(Cli, PackOptionsInAnyOrderAndBothSpellings) {
  Options o = Parse({"-o", "out/app", "src/app.ts", "--runtime=/r", "--esbuild",
                     "/e", "--no-snapshot"});
  EXPECT_EQ(o.entry, "src/app.ts");
  EXPECT_EQ(o.output, "out/app");
  EXPECT_EQ(o.runtime, "/r");
  EXPECT_EQ(o.esbuild, "/e");
  EXPECT_FALSE(o.snapshot);
  EXPECT_EQ(Parse({"app.js", "--output=x"}).output, "x");
  EXPECT_EQ(Parse({"app.js", "--output", "y"}).output, "y");
  EXPECT_EQ(Parse({"app.js", "-oz"}).output, "z");
}

TEST(Cli, BuildSnapshotRunsTheAppAtPackTime) {
  EXPECT_FALSE(Parse({"app.js"}).build_snapshot);
  Options o = Parse({"app.js", "--build-snapshot", "-o", "app"});
  EXPECT_TRUE(o.build_snapshot);
  EXPECT_TRUE(o.snapshot);
  EXPECT_EQ(ParseError({"app.js", "--build-snapshot", "--no-snapshot"}),
            "--build-snapshot and --no-snapshot contradict each other. "
            "--build-snapshot puts the state the app's main made at pack time "
            "into its snapshot; drop one of the two.");
  EXPECT_EQ(ParseError({"run", "--build-snapshot", "app.js"}),
            "option --build-snapshot does not apply to jspack run. jspack run "
            "writes no file; drop the option.");
}

TEST(Cli, DoubleDashAllowsEntriesStartingWithDash) {
  EXPECT_EQ(Parse({"--", "-weird.js"}).entry, "-weird.js");
}

TEST(Cli, MoreEntriesFromPositionalsAndInclude) {
  Options o = Parse({"app.js", "worker.js", "--include", "lib/child.js",
                     "-o", "app", "--include=x.ts"});
  EXPECT_EQ(o.entry, "app.js");
  EXPECT_EQ(o.extra_entries,
            (std::vector<std::string>{"worker.js", "lib/child.js", "x.ts"}));
  EXPECT_EQ(ParseError({"app.js", "--include"}),
            "option --include needs a value. Run jspack --help for usage.");
}

TEST(Cli, IcuChoiceForPortableOutput) {
  EXPECT_EQ(Parse({"app.js"}).icu, "full");
  EXPECT_EQ(Parse({"app.js", "--icu=small"}).icu, "small");
  EXPECT_EQ(Parse({"--icu", "full", "app.js", "--libs=system"}).icu, "full");
  EXPECT_EQ(ParseError({"app.js", "--icu=tiny"}),
            "--icu must be full or small, not 'tiny'. Run jspack --help for "
            "usage.");
  EXPECT_EQ(ParseError({"app.js", "--libs=system", "--icu=small"}),
            "--icu=small applies to portable output only. --libs=system "
            "output loads this machine's ICU; drop --icu=small, or drop "
            "--libs=system.");
  EXPECT_EQ(ParseError({"run", "--icu=small", "app.js"}),
            "option --icu=small does not apply to jspack run. jspack run "
            "writes no file; drop the option.");
}

TEST(Cli, HelpAndVersion) {
  EXPECT_EQ(Parse({"--help"}).command, Command::kHelp);
  EXPECT_EQ(Parse({"app.js", "-h"}).command, Command::kHelp);
  EXPECT_EQ(Parse({"--version"}).command, Command::kVersion);
  EXPECT_EQ(Parse({"run", "--help"}).command, Command::kHelp);
  EXPECT_NE(UsageText().find("jspack run"), std::string::npos);
}

TEST(Cli, RunTakesOptionsBeforeEntryAndGivesTheRestToTheApp) {
  Options o = Parse({"run", "--runtime", "/r", "app.js", "--port", "80", "-o",
                     "x", "--", "--help"});
  EXPECT_EQ(o.command, Command::kRun);
  EXPECT_EQ(o.runtime, "/r");
  EXPECT_EQ(o.entry, "app.js");
  EXPECT_EQ(o.app_args, (std::vector<std::string>{"--port", "80", "-o", "x",
                                                  "--", "--help"}));
  EXPECT_TRUE(Parse({"run", "app.js"}).app_args.empty());
  EXPECT_FALSE(Parse({"run", "app.js"}).bundle);
  Options bundled = Parse({"run", "--bundle", "app.js", "--bundle"});
  EXPECT_TRUE(bundled.bundle);
  EXPECT_EQ(bundled.app_args, (std::vector<std::string>{"--bundle"}));
}

TEST(Cli, Errors) {
  EXPECT_EQ(ParseError({}),
            "no entry file given. Usage: jspack <entry> [-o <out>] "
            "[options]");
  EXPECT_EQ(ParseError({"run"}),
            "no entry file given. Usage: jspack run [options] <entry> "
            "[args...]");
  EXPECT_EQ(ParseError({"app.js", "--frobnicate"}),
            "unknown option --frobnicate. Run jspack --help for usage.");
  EXPECT_EQ(ParseError({"app.js", "-o"}),
            "option -o needs a value. Run jspack --help for usage.");
  EXPECT_EQ(ParseError({"app.js", "--output="}),
            "option --output needs a non-empty value. Run jspack --help for "
            "usage.");
  EXPECT_EQ(ParseError({"run", "-o", "x", "app.js"}),
            "option -o does not apply to jspack run. jspack run writes no "
            "file; drop the option.");
  EXPECT_EQ(ParseError({"run", "--no-snapshot", "app.js"}),
            "option --no-snapshot does not apply to jspack run. jspack run "
            "writes no file; drop the option.");
}

TEST(Cli, DefaultOutputIsBaseNameWithoutExtension) {
  EXPECT_EQ(DefaultOutput("app.js"), "app");
  EXPECT_EQ(DefaultOutput("src/server.ts"), "server");
  EXPECT_EQ(DefaultOutput("/abs/dir.v2/tool.mjs"), "tool");
  EXPECT_EQ(DefaultOutput("my.app.cjs"), "my.app");
  EXPECT_EQ(DefaultOutput(".hidden.js"), ".hidden");
}

TEST(Status, MessageJoinsCauseAndFix) {
  EXPECT_EQ(Status::Error("x is missing", "Create it.").Message(),
            "x is missing. Create it.");
  EXPECT_EQ(Status::Error("already a sentence.", "Fix.").Message(),
            "already a sentence. Fix.");
  EXPECT_EQ(Status::Error("interrupted", "").Message(), "interrupted.");
  EXPECT_TRUE(Status::Ok().ok());
}

}  // namespace
}  // namespace jspack::packer
