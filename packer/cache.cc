// The packer's compressed-library cache and `jspack cache` (cache.h).
#include "packer/cache.h"

#include <stdlib.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <vector>

#include "packer/files.h"
#include "runtime/launcher/cache.h"
#include "runtime/payload/payload.h"
#include "runtime/payload/sha256.h"

namespace jspack::packer {
namespace {

// A cache file (<sha256>-x86zstd<level>): magic, u64 raw size, u32 raw
// crc32, u32 crc32 of the frame, u32 crc32 of the frame's content (the
// transformed bytes), u64 begin and u64 end of the transformed range, then
// the frame. The checks make a damaged file a miss, never a bad app.
constexpr char kMagic[8] = {'J', 'S', 'P', 'K', 'Z', 'S', 'T', '2'};
constexpr size_t kHeader = 8 + 8 + 4 + 4 + 4 + 8 + 8;

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

namespace {

// The identity of a file as the kernel keeps it: any write, truncation or
// replacement changes the inode, size, mtime or ctime (ctime cannot be set
// back), so an unchanged identity means unchanged bytes.
std::string FileIdentity(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return "";
  char buf[256];
  snprintf(buf, sizeof(buf), "%llu %llu %llu %lld.%09ld %lld.%09ld",
           static_cast<unsigned long long>(st.st_dev),
           static_cast<unsigned long long>(st.st_ino),
           static_cast<unsigned long long>(st.st_size),
           static_cast<long long>(st.st_mtim.tv_sec), st.st_mtim.tv_nsec,
           static_cast<long long>(st.st_ctim.tv_sec), st.st_ctim.tv_nsec);
  return buf;
}

}  // namespace

Status CompressLibrary(const std::string& path, int level,
                       CompressedLibrary* out) {
  std::string dir = PackerCacheDir();
  std::string raw, error;
  CompressedLibrary lib;
  // Hashing 80 MB of libraries costs more than the rest of a pack: the
  // hash of a library file whose identity has not changed is remembered.
  std::string identity = FileIdentity(path);
  std::string memo = dir.empty() || identity.empty()
                         ? ""
                         : dir + "/file-" +
                               payload::Sha256Hex(path.data(), path.size());
  std::string memo_text;
  bool known = false;
  if (!memo.empty() && ReadFile(memo, &memo_text, &error)) {
    char sha[65];
    unsigned long long size;
    unsigned crc;
    size_t nl = memo_text.find('\n');
    if (nl != std::string::npos && memo_text.substr(0, nl) == identity &&
        sscanf(memo_text.c_str() + nl + 1, "%64s %llu %u", sha, &size, &crc) ==
            3 &&
        strlen(sha) == 64) {
      lib.sha256 = sha;
      lib.raw_size = size;
      lib.raw_crc32 = crc;
      known = true;
    }
  }
  if (!known) {
    if (!ReadFile(path, &raw, &error)) {
      return Status::Error("cannot read " + path + ": " + error,
                           "Check the library's permissions.");
    }
    lib.sha256 = payload::Sha256Hex(raw.data(), raw.size());
    lib.raw_size = raw.size();
    lib.raw_crc32 = payload::SectionCrc32(raw.data(), raw.size());
  }
  auto remember = [&] {
    if (known || memo.empty() || !MakeDirs(dir)) return;
    char line[128];
    snprintf(line, sizeof(line), "\n%s %llu %u\n", lib.sha256.c_str(),
             static_cast<unsigned long long>(lib.raw_size), lib.raw_crc32);
    Status ignored = WriteFileAtomically(memo, {identity, line}, 0600);
    (void)ignored;
  };
  remember();
  std::string file = dir.empty() ? "" : dir + "/" + lib.sha256 + "-x86zstd" +
                                            std::to_string(level);
  // Concurrent packers (ctest -j) would each spend a minute compressing
  // libnode: the first takes a lock per frame, the others wait for it and
  // then find the frame cached.
  int lock = -1;
  if (!file.empty() && MakeDirs(dir)) {
    lock = open((file + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock >= 0) {
      while (flock(lock, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
  }
  struct Unlock {
    int fd;
    ~Unlock() {
      if (fd >= 0) close(fd);  // releases the flock
    }
  } unlock{lock};
  std::string cached;
  if (!file.empty() && ReadFile(file, &cached, &error) &&
      cached.size() >= kHeader && cached.compare(0, 8, kMagic, 8) == 0 &&
      GetLE(cached, 8, 8) == lib.raw_size &&
      GetLE(cached, 16, 4) == lib.raw_crc32 &&
      GetLE(cached, 20, 4) ==
          payload::SectionCrc32(cached.data() + kHeader,
                                cached.size() - kHeader) &&
      GetLE(cached, 28, 8) <= GetLE(cached, 36, 8) &&
      GetLE(cached, 36, 8) <= lib.raw_size) {
    lib.stored_crc32 = static_cast<uint32_t>(GetLE(cached, 24, 4));
    lib.code = {GetLE(cached, 28, 8), GetLE(cached, 36, 8)};
    cached.erase(0, kHeader);
    lib.zstd = std::move(cached);
    lib.from_cache = true;
    *out = std::move(lib);
    return Status::Ok();
  }
  if (known) {
    // The memo was right about the bytes but the frame is gone: read them.
    if (!ReadFile(path, &raw, &error)) {
      return Status::Error("cannot read " + path + ": " + error,
                           "Check the library's permissions.");
    }
    if (payload::Sha256Hex(raw.data(), raw.size()) != lib.sha256) {
      lib.sha256 = payload::Sha256Hex(raw.data(), raw.size());
      lib.raw_size = raw.size();
      lib.raw_crc32 = payload::SectionCrc32(raw.data(), raw.size());
      known = false;
      remember();
    }
  }
  lib.code = launcher::FindCodeRange(
      reinterpret_cast<const uint8_t*>(raw.data()), raw.size());
  launcher::EncodeX86Branches(reinterpret_cast<uint8_t*>(raw.data()),
                              raw.size(), lib.code);
  lib.stored_crc32 = payload::SectionCrc32(raw.data(), raw.size());
  if (!payload::ZstdCompress(raw, level, &lib.zstd, &error)) {
    return Status::Error("cannot compress " + path + ": " + error,
                         "Report this jspack bug.");
  }
  if (!file.empty() && MakeDirs(dir)) {
    std::string head(kMagic, sizeof(kMagic));
    PutLE(&head, lib.raw_size, 8);
    PutLE(&head, lib.raw_crc32, 4);
    PutLE(&head, payload::SectionCrc32(lib.zstd.data(), lib.zstd.size()), 4);
    PutLE(&head, lib.stored_crc32, 4);
    PutLE(&head, lib.code.begin, 8);
    PutLE(&head, lib.code.end, 8);
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
