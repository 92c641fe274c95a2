// The packer's compressed-library cache and `jspack cache` (cache.h).
#include "packer/cache.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <vector>

#include "packer/files.h"
#include "runtime/launcher/cache.h"
#include "runtime/payload/payload.h"
#include "runtime/payload/sha256.h"

namespace jspack::packer {
namespace {

// A cache file: magic, u64 raw size, u32 raw crc32, u32 crc32 of the frame,
// then the frame. The checks make a damaged file a miss, never a bad app.
constexpr char kMagic[8] = {'J', 'S', 'P', 'K', 'Z', 'S', 'T', '1'};
constexpr size_t kHeader = 8 + 8 + 4 + 4;

std::string Getenv(const char* name) {
  const char* v = getenv(name);
  return v == nullptr ? "" : v;
}

void PutLE(std::string* out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

uint64_t GetLE(const std::string& b, size_t at, int bytes) {
  uint64_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    v = (v << 8) | static_cast<uint8_t>(b[at + i]);
  }
  return v;
}

bool MakeDirs(const std::string& path) {
  for (size_t pos = 1; pos <= path.size(); ++pos) {
    if (pos == path.size() || path[pos] == '/') {
      std::string part = path.substr(0, pos);
      if (mkdir(part.c_str(), 0700) != 0 && errno != EEXIST) return false;
    }
  }
  return true;
}

}  // namespace

std::string PackerCacheDir() {
  std::string dir = Getenv("JSPACK_PACKER_CACHE");
  if (!dir.empty()) return dir;
  std::string xdg = Getenv("XDG_CACHE_HOME");
  if (!xdg.empty() && xdg[0] == '/') return xdg + "/jspack-packer";
  std::string home = Getenv("HOME");
  if (home.empty() || home[0] != '/') return "";
  return home + "/.cache/jspack-packer";
}

Status CompressLibrary(const std::string& path, int level,
                       CompressedLibrary* out) {
  std::string raw, error;
  if (!ReadFile(path, &raw, &error)) {
    return Status::Error("cannot read " + path + ": " + error,
                         "Check the library's permissions.");
  }
  CompressedLibrary lib;
  lib.sha256 = payload::Sha256Hex(raw.data(), raw.size());
  lib.raw_size = raw.size();
  lib.raw_crc32 = payload::SectionCrc32(raw.data(), raw.size());
  std::string dir = PackerCacheDir();
  std::string file = dir.empty() ? "" : dir + "/" + lib.sha256 + "-zstd" +
                                            std::to_string(level);
  std::string cached;
  if (!file.empty() && ReadFile(file, &cached, &error) &&
      cached.size() >= kHeader && cached.compare(0, 8, kMagic, 8) == 0 &&
      GetLE(cached, 8, 8) == lib.raw_size &&
      GetLE(cached, 16, 4) == lib.raw_crc32 &&
      GetLE(cached, 20, 4) ==
          payload::SectionCrc32(cached.data() + kHeader,
                                cached.size() - kHeader)) {
    lib.zstd = cached.substr(kHeader);
    lib.from_cache = true;
    *out = std::move(lib);
    return Status::Ok();
  }
  if (!payload::ZstdCompress(raw, level, &lib.zstd, &error)) {
    return Status::Error("cannot compress " + path + ": " + error,
                         "Report this jspack bug.");
  }
  if (!file.empty() && MakeDirs(dir)) {
    std::string head(kMagic, sizeof(kMagic));
    PutLE(&head, lib.raw_size, 8);
    PutLE(&head, lib.raw_crc32, 4);
    PutLE(&head, payload::SectionCrc32(lib.zstd.data(), lib.zstd.size()), 4);
    // Concurrent packers race harmlessly: each renames a complete file.
    Status ignored = WriteFileAtomically(file, {head, lib.zstd}, 0600);
    (void)ignored;
  }
  *out = std::move(lib);
  return Status::Ok();
}

Status CacheCommand(const std::string& verb) {
  std::string root = launcher::CacheRoot();
  if (root.empty()) {
    return Status::Error("no cache directory (no $HOME)",
                         "Set JSPACK_CACHE_DIR or XDG_CACHE_HOME.");
  }
  std::string error;
  if (verb == "ls") {
    std::vector<launcher::CacheEntry> entries;
    if (!launcher::ListCache(root, &entries, &error)) {
      return Status::Error("cannot list " + root + ": " + error, "");
    }
    uint64_t total = 0;
    for (const launcher::CacheEntry& e : entries) {
      printf("%s  %zu files  %.1f MB\n", e.name.c_str(), e.files,
             static_cast<double>(e.bytes) / 1e6);
      total += e.bytes;
    }
    printf("%zu entries, %.1f MB in %s\n", entries.size(),
           static_cast<double>(total) / 1e6, root.c_str());
    return Status::Ok();
  }
  if (verb == "clean") {
    size_t removed = 0;
    if (!launcher::CleanCache(root, &removed, &error)) {
      return Status::Error("cannot clean " + root + ": " + error, "");
    }
    printf("removed %zu entries from %s\n", removed, root.c_str());
    return Status::Ok();
  }
  return Status::Error("unknown cache command '" + verb + "'",
                       "Use `jspack cache ls` or `jspack cache clean`.");
}

}  // namespace jspack::packer
