// Caches of the packer: the compressed library sections of portable output
// (so packing the second app does not compress 80 MB again), and the
// `jspack cache ls|clean` command over the apps' extraction cache
// (runtime/launcher/cache.h).
#pragma once

#include <string>

#include "packer/status.h"
#include "runtime/launcher/code_filter.h"

namespace jspack::packer {

// Where compressed libraries are kept: $JSPACK_PACKER_CACHE, else
// $XDG_CACHE_HOME/jspack-packer, else ~/.cache/jspack-packer ("" if none).
std::string PackerCacheDir();

struct CompressedLibrary {
  std::string sha256;  // of the raw bytes
  uint64_t raw_size = 0;
  uint32_t raw_crc32 = 0;
  // The x86 branch transform's range (runtime/launcher/code_filter.h),
  // applied before compressing; empty when the file has no x86-64 code.
  launcher::CodeRange code;
  // crc32 of the bytes the frame holds (transformed): the section's crc32.
  uint32_t stored_crc32 = 0;
  std::string zstd;  // one zstd frame (payload::ZstdCompress)
  bool from_cache = false;
};

// Reads the library at `path`, hashes it, and returns its compressed form
// from the cache or by transforming its code and compressing it at `level`
// (and caching the result; a cache that cannot be written only costs time).
Status CompressLibrary(const std::string& path, int level,
                       CompressedLibrary* out);

// `jspack cache ls` / `jspack cache clean`: prints to stdout.
Status CacheCommand(const std::string& verb);

}  // namespace jspack::packer
