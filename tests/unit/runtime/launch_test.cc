// The runtime executable end to end: which boot path a payload takes.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "runtime/payload/payload.h"

namespace jspack::runtime {
namespace {

using payload::SectionKind;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `command` with sh; returns its combined output and sets `status`.
std::string RunCommand(const std::string& command, int* status) {
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  std::string out;
  std::array<char, 512> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
    out.append(buf.data(), n);
  }
  *status = pclose(pipe);
  return out;
}

class LaunchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/jspack-launch-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    std::ofstream(dir_ + "/app.js")
        << "console.log('ran with', process.argv.slice(2).join(' '));\n";
    int status;
    std::string out = RunCommand(std::string(JSPACK_TEST_JSPACK) + " " + dir_ +
                                     "/app.js -o " + dir_ + "/app",
                                 &status);
    ASSERT_EQ(status, 0) << out;
  }
  void TearDown() override { RunCommand("rm -rf " + dir_, nullptr_status()); }
  static int* nullptr_status() {
    static int ignored;
    return &ignored;
  }

  // Copies the packed app's payload into a standalone payload file with
  // `manifest_edit` applied to its manifest.
  void WriteStandalone(const std::string& path,
                       void (*manifest_edit)(payload::Manifest*)) {
    std::string file = ReadAll(dir_ + "/app");
    payload::Payload app;
    std::string error;
    // Open as a trailer-located payload (the stub's locator is not needed).
    ASSERT_TRUE(app.Open(reinterpret_cast<const uint8_t*>(file.data()),
                         file.size(), nullptr, &error))
        << error;
    payload::Manifest manifest = app.manifest();
    manifest_edit(&manifest);
    std::vector<payload::SectionInput> sections = {
        {SectionKind::kManifest, payload::SerializeManifest(manifest)}};
    for (SectionKind kind : {SectionKind::kSnapshot, SectionKind::kBundle,
                             SectionKind::kSourceMap}) {
      std::string bytes;
      ASSERT_TRUE(app.Read(kind, &bytes, &error)) << error;
      sections.push_back({kind, bytes});
    }
    std::string out;
    ASSERT_TRUE(payload::BuildPayload(sections, 0, payload::WriteOptions(),
                                      &out, &error))
        << error;
    std::ofstream(path, std::ios::binary) << out;
  }

  std::string dir_;
};

TEST_F(LaunchTest, PackedAppBootsFromItsSnapshot) {
  int status;
  std::string out = RunCommand("JSPACK_DEBUG=1 " + dir_ + "/app a b", &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("[jspack] boot: app snapshot"), std::string::npos) << out;
  EXPECT_NE(out.find("ran with a b"), std::string::npos) << out;
}

TEST_F(LaunchTest, ForeignLibnodeBuildIdRunsTheBundleSource) {
  WriteStandalone(dir_ + "/foreign.payload", [](payload::Manifest* m) {
    (*m)[payload::manifest::kLibnodeBuildId] = "0123456789abcdef";
  });
  int status;
  std::string out =
      RunCommand("JSPACK_DEBUG=1 " + std::string(JSPACK_TEST_RUNTIME) +
                     " --jspack-payload " + dir_ + "/foreign.payload x y",
                 &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("snapshot not used: libnode build-id differs (snapshot "
                     "made with 0123456789abcdef"),
            std::string::npos)
      << out;
  EXPECT_EQ(out.find("boot: app snapshot"), std::string::npos) << out;
  EXPECT_NE(out.find("bundle source"), std::string::npos) << out;
  EXPECT_NE(out.find("ran with x y"), std::string::npos) << out;
}

TEST_F(LaunchTest, MatchingBuildIdInAStandalonePayloadUsesTheSnapshot) {
  WriteStandalone(dir_ + "/same.payload", [](payload::Manifest*) {});
  int status;
  std::string out =
      RunCommand("JSPACK_DEBUG=1 " + std::string(JSPACK_TEST_RUNTIME) +
                     " --jspack-payload " + dir_ + "/same.payload z",
                 &status);
  EXPECT_EQ(status, 0) << out;
  EXPECT_NE(out.find("[jspack] boot: app snapshot"), std::string::npos) << out;
  EXPECT_NE(out.find("ran with z"), std::string::npos) << out;
}

TEST_F(LaunchTest, BareRuntimeExplainsItselfAndFails) {
  int status;
  std::string out = RunCommand(JSPACK_TEST_RUNTIME, &status);
  EXPECT_NE(status, 0);
  EXPECT_NE(out.find("holds no app"), std::string::npos) << out;
}

}  // namespace
}  // namespace jspack::runtime
