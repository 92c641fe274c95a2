// Reading and writing payloads (format.h): used by the packer to write and by
// the runtime to validate and read. Never hands out unchecked bytes: every
// section returned has passed the trailer, table, size and checksum checks.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "runtime/payload/format.h"

namespace jspack::payload {

// Where the packer put the payload, as recorded in the stub's Locator.
struct Locator {
  uint64_t payload_offset = 0;
  uint64_t payload_length = 0;
  uint64_t file_size = 0;
  bool packed = false;
};

// Serializes `locator` (magic, fields, fields_crc32) into kLocatorSize bytes.
std::string SerializeLocator(const Locator& locator);

// Parses kLocatorSize bytes. Returns false with `error` set when the magic is
// wrong or fields_crc32 does not match.
bool ParseLocator(const uint8_t* bytes, size_t size, Locator* out,
                  std::string* error);

using Manifest = std::map<std::string, std::string>;

// "key=value\n" lines, sorted by key (deterministic output).
std::string SerializeManifest(const Manifest& manifest);
// Rejects lines without '=', keys that are empty, and NUL bytes.
bool ParseManifest(const std::string& text, Manifest* out, std::string* error);

struct SectionInput {
  SectionKind kind;
  std::string data;  // raw bytes (or the stored bytes, see below)
  Compression compression = Compression::kZstd;
  uint32_t index = 0;  // kLibrary only: which library
  // Set when `data` is already the stored (compressed) form: a library
  // compressed once and kept in the packer's cache. raw_size and raw_crc32
  // then describe the decompressed bytes.
  bool precompressed = false;
  uint64_t raw_size = 0;
  uint32_t raw_crc32 = 0;
};

// crc32 as the section table records it (zlib's).
uint32_t SectionCrc32(const void* data, size_t size);

// A section kind's name in messages: "manifest", "snapshot", "bundle",
// "source map", "library", or "kind N" for one this build does not know.
std::string SectionKindName(uint32_t kind);

// One zstd frame with its content size set, no checksum, single-threaded
// (deterministic), as BuildPayload stores sections.
bool ZstdCompress(const std::string& raw, int level, std::string* out,
                  std::string* error);

struct WriteOptions {
  int zstd_level = 9;
};

// Builds the payload bytes (section data, table, trailer) for a payload that
// will start at file offset `payload_offset`. Deterministic: same input, same
// bytes.
bool BuildPayload(const std::vector<SectionInput>& sections,
                  uint64_t payload_offset, const WriteOptions& options,
                  std::string* out, std::string* error);

// A validated payload. Section bytes are decompressed on demand.
class Payload {
 public:
  // Validates a payload at the end of `file` (the whole file's bytes; `file`
  // must outlive this object). With `expected` (from the stub's Locator), the
  // file size, offset and length must match it exactly; without, the trailer
  // at the end is authoritative (standalone payload files). On failure
  // returns false and sets `error` to a short reason such as "file is 1000
  // bytes but the stub expects 2000: truncated" or "checksum mismatch".
  //
  // With `check_payload_crc` false the crc32 over the whole payload is not
  // computed: a portable app's payload is mostly libraries that a warm start
  // must not read (each section still has its own crc32, checked by Read,
  // and libraries are checked by sha256 when extracted).
  bool Open(const uint8_t* file, uint64_t size, const Locator* expected,
            std::string* error, bool check_payload_crc = true);

  bool Has(SectionKind kind, uint32_t index = 0) const;
  // Decompresses one section and checks its size and crc32.
  bool Read(SectionKind kind, std::string* out, std::string* error) const {
    return Read(kind, 0, out, error);
  }
  bool Read(SectionKind kind, uint32_t index, std::string* out,
            std::string* error) const;
  // Decompresses one section into `size` bytes at `out` (size must be its
  // raw size) without checking its crc32: for libraries, which the caller
  // checks by sha256 instead.
  bool ReadInto(SectionKind kind, uint32_t index, uint8_t* out, uint64_t size,
                std::string* error) const;

  struct SectionInfo {
    SectionKind kind;
    uint32_t index;
    Compression compression;
    uint64_t offset;  // relative to the payload's start
    uint64_t stored_size;
    uint64_t raw_size;
    uint32_t raw_crc32;
  };
  // The validated table, in table order.
  std::vector<SectionInfo> sections() const;
  // The parsed manifest section (empty if there is none).
  const Manifest& manifest() const { return manifest_; }

 private:
  struct Entry {
    SectionKind kind;
    uint32_t index;
    Compression compression;
    uint64_t offset;
    uint64_t stored_size;
    uint64_t raw_size;
    uint32_t raw_crc32;
  };
  const Entry* Find(SectionKind kind, uint32_t index) const;
  const uint8_t* data_ = nullptr;  // first byte of section data
  std::vector<Entry> entries_;
  Manifest manifest_;
};

// Reads the whole file at `path` into `out`. On failure sets `error` to
// "cannot open|read <path>: <reason>".
bool ReadWholeFile(const std::string& path, std::string* out,
                   std::string* error);

// Reads the snapshot section of the base snapshot file at `path` (a
// standalone payload) if the libnode with GNU build-id `build_id` made it.
// Otherwise returns false and says why in `error` (unreadable, damaged, or
// made by another libnode).
bool ReadBaseSnapshot(const std::string& path, const std::string& build_id,
                      std::string* blob, std::string* error);

// True if the last kTrailerSize bytes of `file` end with kTrailerMagic.
bool HasTrailerMagic(const uint8_t* file, uint64_t size);

}  // namespace jspack::payload
