// Units of portable output: the library closure (closure.h), the payload
// segment (inject.h) and the launcher's extraction cache
// (runtime/launcher/cache.h), on real files.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zstd.h>

#include <cstring>
#include <set>

#include "packer/cache.h"
#include "packer/closure.h"
#include "packer/inject.h"
#include "runtime/launcher/cache.h"
#include "runtime/launcher/code_filter.h"
#include "runtime/payload/format.h"
#include "runtime/payload/sha256.h"
#include "tests/unit/packer/test_util.h"

namespace jspack::packer {
namespace {

using testing::ReadText;
using testing::ScratchDir;
using testing::WriteText;

void PutU32(std::string* b, uint32_t v) {
  for (int i = 0; i < 4; ++i) b->push_back(static_cast<char>(v >> (8 * i)));
}

// A new-format ld.so.cache with the given (flags, name, path) entries.
std::string FakeLdSoCache(
    const std::vector<std::tuple<uint32_t, std::string, std::string>>& libs) {
  std::string head = "glibc-ld.so.cache1.1";
  PutU32(&head, static_cast<uint32_t>(libs.size()));
  head.resize(48, '\0');
  std::string strings;
  size_t strings_at = 48 + 24 * libs.size();
  std::string entries;
  for (const auto& [flags, name, path] : libs) {
    PutU32(&entries, flags);
    PutU32(&entries, static_cast<uint32_t>(strings_at + strings.size()));
    strings += name + '\0';
    PutU32(&entries, static_cast<uint32_t>(strings_at + strings.size()));
    strings += path + '\0';
    PutU32(&entries, 0);
    entries.append(8, '\0');
  }
  return head + entries + strings;
}

TEST(LdSoCache, ParsesX8664EntriesFirstWins) {
  std::map<std::string, std::string> out;
  std::string error;
  ASSERT_TRUE(ParseLdSoCache(FakeLdSoCache({{0x0303, "libuv.so.1", "/a/libuv.so.1"},
                                            {0x0303, "libuv.so.1", "/b/libuv.so.1"},
                                            {0x0003, "libx.so.1", "/i386/libx"},
                                            {0x0303, "liby.so.2", "/c/liby.so.2"}}),
                             &out, &error))
      << error;
  EXPECT_EQ(out.size(), 2u);
  EXPECT_EQ(out["libuv.so.1"], "/a/libuv.so.1");
  EXPECT_EQ(out["liby.so.2"], "/c/liby.so.2");
}

TEST(LdSoCache, DamagedIsAnErrorNotACrash) {
  std::map<std::string, std::string> out;
  std::string error;
  std::string good = FakeLdSoCache({{0x0303, "libuv.so.1", "/a/libuv.so.1"}});
  for (size_t n = 0; n < good.size(); n += 7) {
    std::string cut = good.substr(0, n);
    ParseLdSoCache(cut, &out, &error);  // must not crash
  }
  EXPECT_FALSE(ParseLdSoCache("not a cache", &out, &error));
  std::string forged = good;
  forged[52] = '\x7f';  // the key offset points far outside
  EXPECT_FALSE(ParseLdSoCache(forged, &out, &error));
}

TEST(LdSoCache, ThisMachinesCacheResolvesLibuv) {
  std::string bytes = ReadText("/etc/ld.so.cache");
  if (bytes.empty()) GTEST_SKIP() << "no /etc/ld.so.cache";
  std::map<std::string, std::string> out;
  std::string error;
  ASSERT_TRUE(ParseLdSoCache(bytes, &out, &error)) << error;
  ASSERT_TRUE(out.count("libuv.so.1"));
  EXPECT_EQ(access(out["libuv.so.1"].c_str(), R_OK), 0);
}

TEST(Closure, GlibcIsNeverCarried) {
  for (const char* name : {"libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2",
                           "libpthread.so.0", "libdl.so.2", "librt.so.1"}) {
    EXPECT_TRUE(IsGlibcLibrary(name)) << name;
  }
  for (const char* name : {"libstdc++.so.6", "libgcc_s.so.1", "libuv.so.1",
                           "libnode.so.108", "libcrypt.so.1"}) {
    EXPECT_FALSE(IsGlibcLibrary(name)) << name;
  }
}

#ifdef JSPACK_TEST_RUNTIME_LIB
// The real runtime: libnode comes from build/lib (its RUNPATH), glibc is
// left out, and every library comes after the ones it needs.
TEST(Closure, RuntimeLibraryResolvesLikeLdSo) {
  std::vector<SharedLibrary> libs;
  Status status = ComputeClosure(JSPACK_TEST_RUNTIME_LIB, ClosureOptions(), &libs);
  ASSERT_TRUE(status.ok()) << status.Message();
  std::set<std::string> seen;
  bool libnode = false, icudata = false;
  for (const SharedLibrary& lib : libs) {
    EXPECT_FALSE(IsGlibcLibrary(lib.name)) << lib.name;
    for (const std::string& dep : lib.needed) {
      EXPECT_TRUE(seen.count(dep)) << lib.name << " before " << dep;
    }
    EXPECT_TRUE(seen.insert(lib.name).second) << lib.name << " twice";
    if (lib.name == "libnode.so.108") {
      libnode = true;
      EXPECT_NE(lib.path.find("/build/lib/"), std::string::npos) << lib.path;
    }
    if (lib.name == "libicudata.so.72") icudata = true;
  }
  EXPECT_TRUE(libnode);
  EXPECT_TRUE(icudata);
}

TEST(Closure, MissingLibraryNamesWhoNeedsIt) {
  ClosureOptions options;
  options.default_dirs = {"/nonexistent"};
  options.ld_so_cache = "";
  std::vector<SharedLibrary> libs;
  Status status = ComputeClosure(JSPACK_TEST_RUNTIME_LIB, options, &libs);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.Message().find("cannot find "), std::string::npos)
      << status.Message();
  EXPECT_NE(status.Message().find("needed by "), std::string::npos);
}
#endif

#ifdef JSPACK_TEST_LAUNCHER
TEST(Inject, PayloadBecomesAPtLoadAndASection) {
  std::string launcher = ReadText(JSPACK_TEST_LAUNCHER);
  ASSERT_TRUE(CheckLauncher("l", launcher).ok());
  std::string payload(20000, 'p');
  std::string out;
  Status status = InjectPayload("l", launcher, payload, &out);
  ASSERT_TRUE(status.ok()) << status.Message();
  std::string found, error;
  ASSERT_TRUE(FindPayloadSegment(out, &found, &error)) << error;
  EXPECT_EQ(found, payload);
  // The slot is used up: packing the output again is refused.
  EXPECT_FALSE(CheckLauncher("l", out).ok());
  // A truncated file is named as such.
  EXPECT_FALSE(FindPayloadSegment(out.substr(0, out.size() - 12000), &found,
                                  &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
}

TEST(Inject, RefusesOtherFiles) {
  EXPECT_FALSE(CheckLauncher("x", "not an elf").ok());
  std::string shell = ReadText("/bin/sh");
  Status status = CheckLauncher("/bin/sh", shell);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.Message().find("no free payload slot"), std::string::npos);
}
#endif

// The extraction cache with made-up libraries.
struct FakeLibs {
  std::vector<launcher::LibraryEntry> libs;
  std::vector<std::string> bytes;
  int extracted = 0;
  FakeLibs() {
    for (int i = 0; i < 3; ++i) {
      std::string b(1000 + i * 4096, static_cast<char>('a' + i));
      launcher::LibraryEntry e;
      e.name = "lib" + std::to_string(i) + ".so.1";
      e.section = i;
      e.size = b.size();
      e.sha256 = payload::Sha256Hex(b.data(), b.size());
      libs.push_back(e);
      bytes.push_back(b);
    }
  }
  launcher::Extractor extractor() {
    return [this](const launcher::LibraryEntry& e, uint8_t* out,
                  std::string*) {
      ++extracted;
      memcpy(out, bytes[e.section].data(), e.size);
      return true;
    };
  }
};

TEST(ExtractionCache, FirstRunExtractsLaterRunsStatCheck) {
  ScratchDir dir;
  FakeLibs fake;
  std::string root = dir / "cache", error;
  launcher::Prepared p;
  bool damaged = false;
  ASSERT_TRUE(launcher::PrepareInCache(root, "h", fake.libs, fake.extractor(),
                                       &p, &error, &damaged))
      << error;
  EXPECT_EQ(fake.extracted, 3);
  ASSERT_EQ(p.paths.size(), 3u);
  EXPECT_EQ(ReadText(p.paths[1]), fake.bytes[1]);
  struct stat st;
  ASSERT_EQ(stat(root.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  launcher::Prepared again;
  ASSERT_TRUE(launcher::PrepareInCache(root, "h", fake.libs, fake.extractor(),
                                       &again, &error, &damaged));
  EXPECT_EQ(fake.extracted, 3);
  EXPECT_NE(again.notes[0].find("cache hit"), std::string::npos);
}

TEST(ExtractionCache, TamperedFileIsReplaced) {
  ScratchDir dir;
  FakeLibs fake;
  std::string root = dir / "cache", error;
  launcher::Prepared p;
  bool damaged = false;
  ASSERT_TRUE(launcher::PrepareInCache(root, "h", fake.libs, fake.extractor(),
                                       &p, &error, &damaged));
  chmod(p.paths[2].c_str(), 0700);
  std::string bad = fake.bytes[2];
  bad[10] = 'X';
  WriteText(p.paths[2], bad);  // same size, other bytes
  launcher::Prepared again;
  ASSERT_TRUE(launcher::PrepareInCache(root, "h", fake.libs, fake.extractor(),
                                       &again, &error, &damaged));
  EXPECT_EQ(fake.extracted, 4);
  EXPECT_EQ(ReadText(p.paths[2]), fake.bytes[2]);
}

TEST(ExtractionCache, UnsafeDirectoriesAreRefused) {
  ScratchDir dir;
  FakeLibs fake;
  std::string error;
  launcher::Prepared p;
  bool damaged = false;
  std::string open = dir / "open";
  mkdir(open.c_str(), 0777);
  chmod(open.c_str(), 0777);
  EXPECT_FALSE(launcher::PrepareInCache(open, "h", fake.libs, fake.extractor(),
                                        &p, &error, &damaged));
  EXPECT_NE(error.find("writable by other users"), std::string::npos) << error;
  std::string link = dir / "link";
  ASSERT_EQ(symlink(dir.path().c_str(), link.c_str()), 0);
  EXPECT_FALSE(launcher::PrepareInCache(link, "h", fake.libs, fake.extractor(),
                                        &p, &error, &damaged));
  EXPECT_NE(error.find("symlink"), std::string::npos) << error;
  EXPECT_FALSE(damaged);
}

TEST(ExtractionCache, DamagedPayloadIsNotACacheProblem) {
  ScratchDir dir;
  FakeLibs fake;
  fake.libs[0].sha256[0] = fake.libs[0].sha256[0] == '0' ? '1' : '0';
  std::string error;
  launcher::Prepared p;
  bool damaged = false;
  EXPECT_FALSE(launcher::PrepareInCache(dir / "c", "h", fake.libs,
                                        fake.extractor(), &p, &error,
                                        &damaged));
  EXPECT_TRUE(damaged);
  EXPECT_NE(error.find("does not match its sha256"), std::string::npos);
  EXPECT_EQ(testing::ListDir(dir / "c/h").size(), 0u);  // nothing left
}

TEST(ExtractionCache, MemfdFallback) {
  FakeLibs fake;
  launcher::Prepared p;
  std::string error;
  ASSERT_TRUE(launcher::PrepareInMemory(fake.libs, fake.extractor(), &p, &error))
      << error;
  ASSERT_EQ(p.paths.size(), 3u);
  EXPECT_EQ(ReadText(p.paths[0]), fake.bytes[0]);
  for (int fd : p.fds) close(fd);
}

TEST(ExtractionCache, ManifestLibrariesParsed) {
  payload::Manifest m;
  std::string sha(64, 'a');
  m["lib.00"] = "libuv.so.1 0 10 " + sha;
  m["lib.01"] = "libjspack-runtime.so 1 20 " + sha;
  std::string joined = m["lib.00"] + "\n" + m["lib.01"];
  m["libs_hash"] = payload::Sha256Hex(joined.data(), joined.size());
  std::vector<launcher::LibraryEntry> libs;
  std::string hash, error;
  ASSERT_TRUE(launcher::ParseLibraries(m, &libs, &hash, &error)) << error;
  ASSERT_EQ(libs.size(), 2u);
  EXPECT_EQ(libs[1].name, "libjspack-runtime.so");
  EXPECT_EQ(libs[1].size, 20u);
  m["lib.01"] = "../evil 1 20 " + sha;
  EXPECT_FALSE(launcher::ParseLibraries(m, &libs, &hash, &error));
  m["lib.01"] = "libjspack-runtime.so 1 20 " + sha;
  m["libs_hash"] = sha;
  EXPECT_FALSE(launcher::ParseLibraries(m, &libs, &hash, &error));
}

TEST(ExtractionCache, ManifestCodeRangeParsed) {
  std::string sha(64, 'b');
  auto parse = [&](const std::string& value,
                   std::vector<launcher::LibraryEntry>* libs) {
    payload::Manifest m;
    m["lib.00"] = value;
    m["libs_hash"] = payload::Sha256Hex(value.data(), value.size());
    std::string hash, error;
    return launcher::ParseLibraries(m, libs, &hash, &error);
  };
  std::vector<launcher::LibraryEntry> libs;
  ASSERT_TRUE(parse("libuv.so.1 0 100 " + sha + " x86=16-90", &libs));
  EXPECT_EQ(libs[0].code.begin, 16u);
  EXPECT_EQ(libs[0].code.end, 90u);
  ASSERT_TRUE(parse("libuv.so.1 0 100 " + sha, &libs));
  EXPECT_TRUE(libs[0].code.empty());
  for (const char* bad : {" x86=16-101", " x86=90-16", " x86=16-90 more",
                          " x86=16", " arm=16-90", " x86=-4-9"}) {
    EXPECT_FALSE(parse("libuv.so.1 0 100 " + sha + bad, &libs)) << bad;
  }
}

// A compressed library's frame holds the transformed file: undoing the
// transform after decompressing gives the file back, and the section crc32
// is of the frame's content. The second call finds it in the cache.
TEST(PackerCache, LibraryFrameIsTheTransformedFile) {
  ScratchDir dir;
  setenv("JSPACK_PACKER_CACHE", (dir / "packer").c_str(), 1);
  std::string file = ReadText(JSPACK_TEST_FAKE_LIBRARY);
  ASSERT_FALSE(file.empty());
  for (bool cached : {false, true}) {
    CompressedLibrary lib;
    Status status = CompressLibrary(JSPACK_TEST_FAKE_LIBRARY, 3, &lib);
    ASSERT_TRUE(status.ok()) << status.Message();
    EXPECT_EQ(lib.from_cache, cached);
    EXPECT_EQ(lib.raw_size, file.size());
    EXPECT_EQ(lib.sha256, payload::Sha256Hex(file.data(), file.size()));
    launcher::CodeRange code = launcher::FindCodeRange(
        reinterpret_cast<const uint8_t*>(file.data()), file.size());
    ASSERT_FALSE(code.empty());
    EXPECT_EQ(lib.code.begin, code.begin);
    EXPECT_EQ(lib.code.end, code.end);
    std::string out(file.size(), '\0');
    ASSERT_EQ(ZSTD_decompress(out.data(), out.size(), lib.zstd.data(),
                              lib.zstd.size()),
              file.size());
    EXPECT_EQ(payload::SectionCrc32(out.data(), out.size()), lib.stored_crc32);
    EXPECT_NE(out, file);
    launcher::DecodeX86Branches(reinterpret_cast<uint8_t*>(out.data()),
                                out.size(), lib.code);
    EXPECT_EQ(out, file);
  }
  unsetenv("JSPACK_PACKER_CACHE");
}

}  // namespace
}  // namespace jspack::packer
