// The portable launcher's extraction cache: where a packed app's libraries
// are written on its first run and loaded from on every run.
//
// Layout: <root>/<libs_hash>/<file name>, root being $JSPACK_CACHE_DIR, else
// $XDG_CACHE_HOME/jspack, else ~/.cache/jspack. Every directory from the root
// down is opened without following symlinks, created mode 0700 when missing,
// and must be owned by this user and not group- or world-writable before
// anything in it is trusted.
//
// First run: each library is decompressed, its size and sha256 checked
// against the manifest, written under a temporary name in the directory,
// fsynced, and renamed into place (never over a file that another first run
// already placed and that checks out). Then a stamp file records each
// file's inode, size and ctime.
//
// Later runs (the cheap check): fstatat of each file must match the stamp.
// ctime cannot be set by anyone, and every write, truncation, chmod or
// replacement of a file changes it (or the inode), so a file that still
// matches is the file that was verified; a mismatch sends that run down the
// full path (sha256 of every file, replacing the bad ones). Hashing 80 MB at
// every start would cost ~200 ms; the stat check costs microseconds.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "runtime/launcher/code_filter.h"
#include "runtime/payload/payload.h"

namespace jspack::launcher {

struct LibraryEntry {
  std::string name;  // file name, the DT_NEEDED name ("libuv.so.1")
  uint32_t section = 0;
  uint64_t size = 0;
  std::string sha256;
  // Where the section's bytes carry the x86 branch transform (code_filter.h):
  // the Extractor undoes it. Empty: the section is the file's bytes.
  CodeRange code;
};

// Reads one lib.NN value of a portable manifest: "NAME SECTION SIZE SHA256",
// then optionally " x86=BEGIN-END". False when it is malformed.
bool ParseLibraryEntry(const std::string& value, LibraryEntry* out);

// Reads the lib.NN and libs_hash keys of a portable manifest.
bool ParseLibraries(const payload::Manifest& manifest,
                    std::vector<LibraryEntry>* out, std::string* libs_hash,
                    std::string* error);

// The cache root from the environment (see above); "" when neither
// JSPACK_CACHE_DIR, XDG_CACHE_HOME nor a home directory is known.
std::string CacheRoot();

// Decompresses one library's bytes into `out` (exactly entry.size bytes),
// undoing entry.code's transform.
using Extractor = std::function<bool(const LibraryEntry& entry, uint8_t* out,
                                     std::string* error)>;

struct Prepared {
  // Paths to dlopen, in manifest (load) order.
  std::vector<std::string> paths;
  bool from_memfd = false;
  std::vector<int> fds;  // memfd files, kept open for the run
  // What happened, for JSPACK_DEBUG=1: "cache hit", "extracted libuv.so.1"…
  std::vector<std::string> notes;
};

// Makes every library available: from the cache under `root`, extracting
// what is missing or damaged. False with `error` when the cache directory
// is unusable (the caller then falls back to PrepareInMemory) or a library
// in the payload is itself damaged (`*payload_damaged` set: no fallback
// helps).
bool PrepareInCache(const std::string& root, const std::string& libs_hash,
                    const std::vector<LibraryEntry>& libs,
                    const Extractor& extract, Prepared* out,
                    std::string* error, bool* payload_damaged);

// The fallback: every library in a memfd_create file, loaded through
// /proc/self/fd/N.
bool PrepareInMemory(const std::vector<LibraryEntry>& libs,
                     const Extractor& extract, Prepared* out,
                     std::string* error);

// Opens (creating when missing, mode 0700) the directory `path`, each
// component below the first existing... see the file comment; returns an
// O_DIRECTORY fd or -1 with `error`.
int OpenCheckedDir(const std::string& path, bool create, std::string* error);

// The hash directories under `root` with their sizes, for `jspack cache ls`.
struct CacheEntry {
  std::string name;
  uint64_t bytes = 0;
  size_t files = 0;
};
bool ListCache(const std::string& root, std::vector<CacheEntry>* out,
               std::string* error);
// Removes every hash directory under `root` (files already mapped by a
// running app stay valid: unlinking does not unmap them).
bool CleanCache(const std::string& root, size_t* removed, std::string* error);

}  // namespace jspack::launcher
