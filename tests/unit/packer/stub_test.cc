// Tests of stub validation and locator patching on real files: the fake
// runtime (a real x86-64 executable with a .jspack_locator section), system
// binaries, and copies of the fake runtime damaged on purpose.
#include "packer/stub.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "packer/files.h"
#include "packer/process.h"
#include "tests/unit/packer/test_util.h"

namespace jspack::packer {
namespace {

using testing::ReadText;
using testing::ScratchDir;
using testing::WriteText;

constexpr char kFix[] =
    "Pass a bare jspack-runtime with --runtime or $JSPACK_RUNTIME.";

std::string LoadError(const std::string& path) {
  Stub stub;
  Status status = LoadStub(path, "from --runtime", &stub);
  EXPECT_FALSE(status.ok()) << path;
  return status.Message();
}

std::string Named(const std::string& path) {
  return "runtime stub " + path + " (from --runtime)";
}

std::string FakeRuntimeBytes() {
  std::string bytes = ReadText(JSPACK_TEST_FAKE_RUNTIME);
  EXPECT_GT(bytes.size(), 1000u);
  return bytes;
}

std::string WriteExecutable(const ScratchDir& dir, const std::string& name,
                            const std::string& bytes) {
  std::string path = dir / name;
  WriteText(path, bytes);
  chmod(path.c_str(), 0755);
  return path;
}

TEST(Stub, AcceptsTheFakeRuntime) {
  Stub stub;
  Status status = LoadStub(JSPACK_TEST_FAKE_RUNTIME, "", &stub);
  ASSERT_TRUE(status.ok()) << status.Message();
  EXPECT_EQ(stub.bytes, FakeRuntimeBytes());
  // The offset comes from the section header and holds the magic.
  EXPECT_EQ(stub.bytes.substr(stub.locator_offset, 16),
            std::string(payload::kLocatorMagic, 16));
}

TEST(Stub, MissingFile) {
  ScratchDir dir;
  EXPECT_EQ(LoadError(dir / "jspack-runtime"),
            Named(dir / "jspack-runtime") +
                " does not exist. Build jspack-runtime, or pass its path "
                "with --runtime or $JSPACK_RUNTIME.");
  EXPECT_EQ(LoadError(dir.path()),
            Named(dir.path()) + " is not a regular file. " + kFix);
}

TEST(Stub, ExecutableWithoutLocatorIsNotAJspackRuntime) {
  EXPECT_EQ(LoadError("/bin/true"),
            Named("/bin/true") +
                " is not a jspack runtime (it has no .jspack_locator "
                "section). " +
                kFix);
}

TEST(Stub, TextFileAndEmptyFile) {
  ScratchDir dir;
  WriteText(dir / "text", "#!/bin/sh\necho I am a script\n");
  EXPECT_EQ(LoadError(dir / "text"),
            Named(dir / "text") + " is not an executable file. " + kFix);
  WriteText(dir / "empty", "");
  EXPECT_EQ(LoadError(dir / "empty"),
            Named(dir / "empty") + " is not an executable file. " + kFix);
}

TEST(Stub, TruncatedElfIsDamaged) {
  ScratchDir dir;
  std::string bytes = FakeRuntimeBytes();
  for (size_t size : {size_t{20}, size_t{64}, size_t{200}, bytes.size() / 2,
                      bytes.size() - 1}) {
    std::string path = dir / ("truncated-" + std::to_string(size));
    WriteText(path, bytes.substr(0, size));
    std::string error = LoadError(path);
    EXPECT_EQ(error.rfind(Named(path) + " is damaged (", 0), 0u) << error;
  }
}

TEST(Stub, OtherFormats) {
  ScratchDir dir;
  // The smallest valid WebAssembly module: an object file, but not ELF.
  WriteText(dir / "mod.wasm", std::string("\0asm\x01\0\0\0", 8));
  EXPECT_EQ(LoadError(dir / "mod.wasm"),
            Named(dir / "mod.wasm") +
                " is a WebAssembly module, not an ELF executable. " + kFix);
}

TEST(Stub, ElfForAnotherMachine) {
  // The fake runtime with e_machine set to EM_AARCH64 (183): an ELF that
  // LLVM reads as an aarch64 executable.
  ScratchDir dir;
  std::string bytes = FakeRuntimeBytes();
  bytes[18] = static_cast<char>(183);
  bytes[19] = 0;
  std::string path = WriteExecutable(dir, "arm64", bytes);
  EXPECT_EQ(LoadError(path), Named(path) +
                                 " is built for aarch64, not x86-64. Use a "
                                 "jspack-runtime built for x86-64 Linux.");
}

TEST(Stub, NotAnExecutable) {
  EXPECT_EQ(LoadError(JSPACK_TEST_FAKE_LIBRARY),
            Named(JSPACK_TEST_FAKE_LIBRARY) +
                " is a shared library, not an executable. " + kFix);
  ScratchDir dir;
  std::string bytes = FakeRuntimeBytes();
  bytes[16] = 1;  // e_type = ET_REL
  bytes[17] = 0;
  std::string path = WriteExecutable(dir, "object.o", bytes);
  EXPECT_EQ(LoadError(path),
            Named(path) + " is an object file, not an executable. " + kFix);
}

TEST(Stub, LocatorSectionWithoutMagic) {
  Stub good;
  ASSERT_TRUE(LoadStub(JSPACK_TEST_FAKE_RUNTIME, "", &good).ok());
  ScratchDir dir;
  std::string bytes = good.bytes;
  bytes[good.locator_offset + 3] = 'X';
  std::string path = WriteExecutable(dir, "nomagic", bytes);
  EXPECT_EQ(LoadError(path),
            Named(path) +
                " is not a jspack runtime (its .jspack_locator section is not "
                "a jspack locator). " +
                kFix);
}

TEST(Stub, DamagedLocator) {
  Stub good;
  ASSERT_TRUE(LoadStub(JSPACK_TEST_FAKE_RUNTIME, "", &good).ok());
  ScratchDir dir;
  std::string bytes = good.bytes;
  bytes[good.locator_offset + 20] = 1;
  std::string path = WriteExecutable(dir, "damaged", bytes);
  EXPECT_EQ(LoadError(path),
            Named(path) + " is damaged (locator checksum mismatch). " + kFix);
}

TEST(Stub, AlreadyPacked) {
  Stub good;
  ASSERT_TRUE(LoadStub(JSPACK_TEST_FAKE_RUNTIME, "", &good).ok());
  ScratchDir dir;
  std::string payload_bytes;
  std::string error;
  ASSERT_TRUE(payload::BuildPayload({{payload::SectionKind::kBundle, "1;"}},
                                    good.bytes.size(), {}, &payload_bytes,
                                    &error));
  payload::Locator locator{good.bytes.size(),
                           payload_bytes.size() - payload::kTrailerSize,
                           good.bytes.size() + payload_bytes.size(), true};
  std::string packed = PatchLocator(good, locator) + payload_bytes;
  std::string path = WriteExecutable(dir, "packed", packed);
  std::string expected = Named(path) +
                         " already contains an app. Use the bare "
                         "jspack-runtime.";
  EXPECT_EQ(LoadError(path), expected);
  // The locator reset to bare but a payload still at the end: packed too.
  std::string reset = good.bytes + payload_bytes;
  path = WriteExecutable(dir, "trailer-only", reset);
  EXPECT_EQ(LoadError(path), Named(path) +
                                 " already contains an app. Use the bare "
                                 "jspack-runtime.");
}

TEST(Stub, PatchedCopyFindsItsPayload) {
  Stub stub;
  ASSERT_TRUE(LoadStub(JSPACK_TEST_FAKE_RUNTIME, "", &stub).ok());
  payload::Manifest manifest = {{"entry", "app.js"}};
  std::string payload_bytes;
  std::string error;
  ASSERT_TRUE(payload::BuildPayload(
      {{payload::SectionKind::kManifest, payload::SerializeManifest(manifest)},
       {payload::SectionKind::kBundle, "console.log('patched');\n"},
       {payload::SectionKind::kSourceMap, "{}"}},
      stub.bytes.size(), {}, &payload_bytes, &error))
      << error;
  payload::Locator locator{stub.bytes.size(),
                           payload_bytes.size() - payload::kTrailerSize,
                           stub.bytes.size() + payload_bytes.size(), true};
  std::string patched = PatchLocator(stub, locator);
  ASSERT_EQ(patched.size(), stub.bytes.size());
  // Exactly the locator's bytes changed.
  for (size_t i = 0; i < patched.size(); ++i) {
    bool inside = i >= stub.locator_offset &&
                  i < stub.locator_offset + payload::kLocatorSize;
    if (!inside) {
      ASSERT_EQ(patched[i], stub.bytes[i]) << "byte " << i;
    }
  }
  EXPECT_EQ(patched.substr(stub.locator_offset, payload::kLocatorSize),
            payload::SerializeLocator(locator));

  // The loaded program sees the patched locator: the section's file offset
  // is where the loader maps the variable from.
  ScratchDir dir;
  std::string path = WriteExecutable(dir, "app", patched + payload_bytes);
  ProcessResult result;
  ASSERT_TRUE(RunProcess(path, {"--print-locator"}, "", &result, &error));
  EXPECT_EQ(
      result.out,
      "packed=1 payload_offset=" + std::to_string(locator.payload_offset) +
          " payload_length=" + std::to_string(locator.payload_length) +
          " file_size=" + std::to_string(locator.file_size) + "\n");
  ASSERT_TRUE(RunProcess(path, {"x"}, "", &result, &error));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("manifest entry=app.js\n"), std::string::npos);
  EXPECT_NE(result.out.find("arg x\n"), std::string::npos);
  EXPECT_NE(result.out.find("console.log('patched');"), std::string::npos);

  // Truncating the packed app is caught through the locator.
  std::string cut = WriteExecutable(
      dir, "cut", (patched + payload_bytes).substr(0, patched.size() + 10));
  ASSERT_TRUE(RunProcess(cut, {}, "", &result, &error));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("truncated"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace jspack::packer
