// Units of the x86 branch transform of library sections
// (runtime/launcher/code_filter.h).
#include "runtime/launcher/code_filter.h"

#include <elf.h>
#include <gtest/gtest.h>
#include <link.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace jspack::launcher {
namespace {

std::vector<uint8_t> RandomCode(size_t size, uint32_t seed) {
  // Bytes where a third are E8/E9, so conversions overlap every way.
  std::mt19937 rng(seed);
  std::vector<uint8_t> out(size);
  for (uint8_t& b : out) {
    uint32_t r = rng();
    b = r % 3 == 0 ? static_cast<uint8_t>(0xE8 | (r >> 8 & 1))
                   : static_cast<uint8_t>(r >> 16);
  }
  return out;
}

TEST(CodeFilter, DecodeUndoesEncodeForAnyBytes) {
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    std::vector<uint8_t> original = RandomCode(4096 + seed * 37, seed);
    CodeRange range = {seed * 3, original.size() - seed};
    std::vector<uint8_t> data = original;
    EncodeX86Branches(data.data(), data.size(), range);
    EXPECT_NE(data, original) << "seed " << seed;
    DecodeX86Branches(data.data(), data.size(), range);
    EXPECT_EQ(data, original) << "seed " << seed;
  }
}

TEST(CodeFilter, CallsToOneTargetBecomeTheSameBytes) {
  // call target at offsets 16, 100 and 1000: three different displacements,
  // one absolute target (2000).
  std::vector<uint8_t> code(4096, 0x90);
  for (uint32_t at : {16u, 100u, 1000u}) {
    code[at] = 0xE8;
    uint32_t rel = 2000 - (at + 5);
    memcpy(&code[at + 1], &rel, 4);
  }
  EncodeX86Branches(code.data(), code.size(), {0, code.size()});
  for (uint32_t at : {16u, 100u, 1000u}) {
    uint32_t abs;
    memcpy(&abs, &code[at + 1], 4);
    EXPECT_EQ(abs, 2000u) << "call at " << at;
  }
}

TEST(CodeFilter, OnlyTheRangeChanges) {
  std::vector<uint8_t> original = RandomCode(1000, 7);
  std::vector<uint8_t> data = original;
  CodeRange range = {100, 900};
  EncodeX86Branches(data.data(), data.size(), range);
  for (size_t i = 0; i < data.size(); ++i) {
    if (i < range.begin || i >= range.end) {
      ASSERT_EQ(data[i], original[i]) << "byte " << i << " is outside the range";
    }
  }
  // An opcode whose displacement would cross the end is left alone.
  std::vector<uint8_t> tail = {0x90, 0xE8, 1, 2, 3};
  EncodeX86Branches(tail.data(), tail.size(), {0, 4});
  EXPECT_EQ(tail, (std::vector<uint8_t>{0x90, 0xE8, 1, 2, 3}));
  // A range past the data is ignored, not read.
  EncodeX86Branches(tail.data(), tail.size(), {0, 6});
  EXPECT_EQ(tail, (std::vector<uint8_t>{0x90, 0xE8, 1, 2, 3}));
}

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int MainProgramCode(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<CodeRange*>(data);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type == PT_LOAD && (ph.p_flags & PF_X) != 0) {
      *out = {ph.p_offset, ph.p_offset + ph.p_filesz};
    }
  }
  return 1;  // the main program only
}

TEST(CodeFilter, FindsTheExecutableSegmentTheLoaderMapped) {
  std::string self = ReadFile("/proc/self/exe");
  ASSERT_FALSE(self.empty());
  CodeRange loaded;
  dl_iterate_phdr(MainProgramCode, &loaded);
  ASSERT_FALSE(loaded.empty());
  CodeRange found = FindCodeRange(
      reinterpret_cast<const uint8_t*>(self.data()), self.size());
  EXPECT_EQ(found.begin, loaded.begin);
  EXPECT_EQ(found.end, loaded.end);
}

TEST(CodeFilter, NoRangeForOtherFiles) {
  std::string self = ReadFile("/proc/self/exe");
  auto find = [](const std::string& b) {
    return FindCodeRange(reinterpret_cast<const uint8_t*>(b.data()), b.size());
  };
  EXPECT_TRUE(find("").empty());
  EXPECT_TRUE(find("not an ELF file at all, just text").empty());
  EXPECT_TRUE(find(self.substr(0, 40)).empty());  // cut inside the header
  std::string other = self;
  other[EI_CLASS] = ELFCLASS32;
  EXPECT_TRUE(find(other).empty());
  other = self;
  other[18] = static_cast<char>(EM_AARCH64);  // e_machine
  EXPECT_TRUE(find(other).empty());
  // Program headers that point past the end: no range, no read past it.
  EXPECT_TRUE(find(self.substr(0, sizeof(Elf64_Ehdr) + 8)).empty());
}

}  // namespace
}  // namespace jspack::launcher
