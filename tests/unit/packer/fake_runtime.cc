// A stand-in for jspack-runtime in packer tests: a real x86-64 executable
// with a .jspack_locator section, speaking the runtime's command-line
// protocol (--jspack-info, --jspack-build-snapshot, --jspack-payload) without
// V8. When packed, it finds its payload the way the runtime does and prints
// the manifest and the bundle, so tests can check what the packer wrote.
#include <stdio.h>
#include <string.h>

#include <string>

#include "runtime/payload/payload.h"

namespace payload = jspack::payload;

// A bare runtime's locator: the magic, then zeros. Volatile, so the
// compiler reads what the packer patched into the file, not the initializer.
extern "C" {
__attribute__((
    section(".jspack_locator"),
    used)) volatile unsigned char jspack_locator[payload::kLocatorSize] = {
    'J', 'S', 'P', 'A', 'C', 'K', '-', 'L',
    'O', 'C', 'A', 'T', 'O', 'R', '-', '1'};
}

namespace {

bool ReadAll(const char* path, std::string* out) {
  FILE* f = fopen(path, "rb");
  if (f == nullptr) return false;
  char buffer[65536];
  size_t n;
  while ((n = fread(buffer, 1, sizeof(buffer), f)) > 0) out->append(buffer, n);
  fclose(f);
  return true;
}

void PrintInfo() {
  printf(
      "jspack_version=0.1.0\nv8_version=0.0.0-fake\n"
      "libnode_build_id=00112233aabbccdd\n");
}

int Fail(const std::string& message) {
  fprintf(stderr, "fake-runtime: %s\n", message.c_str());
  return 2;
}

// Prints the payload's manifest, bundle and the app's arguments.
int RunPayload(const std::string& file, const payload::Locator* expected,
               int argc, char** argv) {
  payload::Payload p;
  std::string error;
  if (!p.Open(reinterpret_cast<const uint8_t*>(file.data()), file.size(),
              expected, &error)) {
    return Fail("payload is damaged (" + error + ")");
  }
  for (const auto& [key, value] : p.manifest()) {
    printf("manifest %s=%s\n", key.c_str(), value.c_str());
  }
  printf("has_snapshot=%d\n", p.Has(payload::SectionKind::kSnapshot) ? 1 : 0);
  std::string bundle;
  std::string map;
  if (!p.Read(payload::SectionKind::kBundle, &bundle, &error) ||
      !p.Read(payload::SectionKind::kSourceMap, &map, &error)) {
    return Fail(error);
  }
  if (p.Has(payload::SectionKind::kSnapshot)) {
    std::string snapshot;
    if (!p.Read(payload::SectionKind::kSnapshot, &snapshot, &error)) {
      return Fail(error);
    }
    printf("snapshot_bytes=%zu\n", snapshot.size());
  }
  for (int i = 0; i < argc; ++i) printf("arg %s\n", argv[i]);
  printf("--- source map\n%s\n--- bundle\n%s", map.c_str(), bundle.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned char bytes[payload::kLocatorSize];
  for (size_t i = 0; i < sizeof(bytes); ++i) bytes[i] = jspack_locator[i];
  payload::Locator locator;
  std::string error;
  if (!payload::ParseLocator(bytes, sizeof(bytes), &locator, &error)) {
    return Fail("locator: " + error);
  }
  if (locator.packed) {
    if (argc > 1 && strcmp(argv[1], "--print-locator") == 0) {
      printf(
          "packed=1 payload_offset=%llu payload_length=%llu "
          "file_size=%llu\n",
          static_cast<unsigned long long>(locator.payload_offset),
          static_cast<unsigned long long>(locator.payload_length),
          static_cast<unsigned long long>(locator.file_size));
      return 0;
    }
    std::string self;
    if (!ReadAll("/proc/self/exe", &self)) return Fail("cannot read self");
    return RunPayload(self, &locator, argc - 1, argv + 1);
  }
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--print-locator") {
    printf("packed=0\n");
    return 0;
  }
  if (mode == "--jspack-info") {
    PrintInfo();
    return 0;
  }
  if (mode == "--jspack-build-snapshot" && argc == 8) {
    std::string bundle;
    if (!ReadAll(argv[3], &bundle)) return Fail("cannot read bundle");
    if (bundle.find("FAIL_SNAPSHOT") != std::string::npos) {
      fprintf(stderr,
              "\nError: cannot snapshot: the app opened a socket at "
              "top level\n    at app.js:3:1\n");
      return 1;
    }
    // Deterministic, like a real snapshot of the same bundle.
    std::string blob =
        "FAKE-SNAPSHOT entry=" + std::string(argv[5]) + "\n" + bundle;
    FILE* f = fopen(argv[7], "wb");
    if (f == nullptr) return Fail("cannot write snapshot");
    fwrite(blob.data(), 1, blob.size(), f);
    fclose(f);
    PrintInfo();
    return 0;
  }
  if (mode == "--jspack-payload" && argc >= 3) {
    std::string file;
    if (!ReadAll(argv[2], &file)) return Fail("cannot read payload");
    return RunPayload(file, nullptr, argc - 3, argv + 3);
  }
  return Fail("bare runtime, nothing to run");
}
