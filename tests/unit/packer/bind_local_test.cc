// BindLocal: the pre-resolved library behaves exactly as the original for
// its host program, including symbols the host interposes.
#include "packer/bind_local.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>

#include "packer/files.h"

namespace jspack::packer {
namespace {

std::string RunHost(const std::string& library_dir) {
  std::string command = "env LD_LIBRARY_PATH=" + library_dir + " " +
                        JSPACK_TEST_BIND_HOST + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  std::string out;
  std::array<char, 256> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0)
    out.append(buf.data(), n);
  pclose(pipe);
  return out;
}

class BindLocalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/jspack-bind-local-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override {
    unlink((dir_ + "/libjspack_bind_fixture.so").c_str());
    rmdir(dir_.c_str());
  }
  std::string dir_;
};

TEST_F(BindLocalTest, PreResolvedLibraryBehavesTheSameForItsHost) {
  std::string original_dir = JSPACK_TEST_BIND_LIB;
  original_dir = original_dir.substr(0, original_dir.rfind('/'));
  std::string before = RunHost(original_dir);
  ASSERT_EQ(before, "7 102 5 12 104 30 4 1\n");

  BindLocalStats stats;
  Status status = BindLocal(JSPACK_TEST_BIND_LIB, JSPACK_TEST_BIND_HOST,
                            dir_ + "/libjspack_bind_fixture.so", &stats);
  ASSERT_TRUE(status.ok()) << status.Message();
  // lib_helper, lib_counter, lib_fn_table, lib_array_tail, lib_array and
  // friends are bound locally; lib_interposed and strlen are not.
  EXPECT_GE(stats.converted, 5u);
  EXPECT_GE(stats.kept, 2u);
  EXPECT_EQ(RunHost(dir_), before);
}

TEST_F(BindLocalTest, RefusesAHostThatDoesNotLoadTheLibraryFirst) {
  BindLocalStats stats;
  Status status = BindLocal(JSPACK_TEST_BIND_LIB, "/bin/true",
                            dir_ + "/libjspack_bind_fixture.so", &stats);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(
      status.Message().find("does not load libjspack_bind_fixture.so first"),
      std::string::npos)
      << status.Message();
  EXPECT_NE(access((dir_ + "/libjspack_bind_fixture.so").c_str(), F_OK), 0);
}

TEST_F(BindLocalTest, RefusesAFileThatIsNotElf) {
  BindLocalStats stats;
  Status status =
      BindLocal(std::string(JSPACK_TEST_DATA_DIR) + "/../CMakeLists.txt",
                JSPACK_TEST_BIND_HOST, dir_ + "/out.so", &stats);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.Message().find("is not an x86-64 ELF file"),
            std::string::npos)
      << status.Message();
}

}  // namespace
}  // namespace jspack::packer
