// Reading and writing payloads: the byte-level half of the packer/runtime
// contract in format.h.
//
// Every number read from a file is checked against the file's bounds (with
// overflow-safe arithmetic) and the caps in format.h before it is used as an
// offset or an allocation size, because the bytes may be truncated or
// tampered with; a bad file must give a short reason, never a crash.
#include "runtime/payload/payload.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <set>
#include <utility>

namespace jspack::payload {
namespace {

// Offsets inside the serialized trailer (format.h).
constexpr size_t kTrailerCrcCovered = 8 + 8 + 4 + 4 + 4;
constexpr size_t kTrailerMagicOffset = kTrailerSize - sizeof(kTrailerMagic);

// Offsets inside the serialized locator (format.h).
constexpr size_t kLocatorFieldsOffset = sizeof(kLocatorMagic);
constexpr size_t kLocatorFieldsSize = 8 + 8 + 8 + 4;
constexpr size_t kLocatorCrcOffset = kLocatorFieldsOffset + kLocatorFieldsSize;

static_assert(kLocatorCrcOffset + 4 == kLocatorSize);
static_assert(kTrailerCrcCovered + 4 + sizeof(kTrailerMagic) == kTrailerSize);

void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>(v >> (8 * i)));
}

uint32_t GetU32(const uint8_t* p) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

uint64_t GetU64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

// zlib's crc32 takes a uInt length; crc32_z takes size_t, so large sections
// are hashed in one call.
uint32_t Crc32(const void* data, size_t size) {
  return static_cast<uint32_t>(
      crc32_z(crc32_z(0, nullptr, 0), static_cast<const Bytef*>(data), size));
}

// Overflow-safe "is [offset, offset + size) inside [0, limit)".
bool RangeInside(uint64_t offset, uint64_t size, uint64_t limit) {
  return offset <= limit && size <= limit - offset;
}

std::string SectionName(uint32_t kind) {
  return SectionKindName(kind) + " section";
}

std::string SectionName(uint32_t kind, uint32_t index) {
  if (static_cast<SectionKind>(kind) == SectionKind::kLibrary) {
    return "library section " + std::to_string(index);
  }
  return SectionName(kind);
}

uint64_t KindKey(uint32_t kind, uint32_t index) {
  return (uint64_t{kind} << 32) | index;
}


bool Fail(std::string* error, std::string message) {
  if (error != nullptr) *error = std::move(message);
  return false;
}

}  // namespace

std::string SectionKindName(uint32_t kind) {
  switch (static_cast<SectionKind>(kind)) {
    case SectionKind::kManifest:
      return "manifest";
    case SectionKind::kSnapshot:
      return "snapshot";
    case SectionKind::kBundle:
      return "bundle";
    case SectionKind::kSourceMap:
      return "source map";
    case SectionKind::kLibrary:
      return "library";
  }
  return "kind " + std::to_string(kind);
}

uint32_t SectionCrc32(const void* data, size_t size) {
  return Crc32(data, size);
}

bool ZstdCompress(const std::string& raw, int level, std::string* out,
                  std::string* error) {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  if (cctx == nullptr) return Fail(error, "out of memory for zstd");
  // One frame, content size recorded (the reader checks it against the
  // table before allocating), no worker threads: multithreaded zstd output
  // may differ run to run, which would break reproducible builds.
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 0);
  size_t bound = ZSTD_compressBound(raw.size());
  std::string buf(bound, '\0');
  size_t n = ZSTD_compress2(cctx, buf.data(), bound, raw.data(), raw.size());
  ZSTD_freeCCtx(cctx);
  if (ZSTD_isError(n)) {
    return Fail(error, std::string("zstd failed: ") + ZSTD_getErrorName(n));
  }
  buf.resize(n);
  *out = std::move(buf);
  return true;
}

std::string SerializeLocator(const Locator& locator) {
  std::string out(kLocatorMagic, sizeof(kLocatorMagic));
  PutU64(&out, locator.payload_offset);
  PutU64(&out, locator.payload_length);
  PutU64(&out, locator.file_size);
  PutU32(&out, locator.packed ? 1 : 0);
  PutU32(&out, Crc32(out.data() + kLocatorFieldsOffset, kLocatorFieldsSize));
  return out;
}

bool ParseLocator(const uint8_t* bytes, size_t size, Locator* out,
                  std::string* error) {
  if (bytes == nullptr || size != kLocatorSize) {
    return Fail(error, "locator is " + std::to_string(size) +
                           " bytes, expected " + std::to_string(kLocatorSize));
  }
  if (std::memcmp(bytes, kLocatorMagic, sizeof(kLocatorMagic)) != 0) {
    return Fail(error, "locator magic is wrong");
  }
  const uint8_t* fields = bytes + kLocatorFieldsOffset;
  // A bare runtime is built with the magic followed by zeros: no checksum to
  // check. Any other content must carry a matching checksum, so a flipped
  // `packed` bit (1 -> 0) is caught rather than read as "bare".
  bool all_zero = std::all_of(fields, bytes + kLocatorSize,
                              [](uint8_t b) { return b == 0; });
  if (!all_zero &&
      Crc32(fields, kLocatorFieldsSize) != GetU32(bytes + kLocatorCrcOffset)) {
    return Fail(error, "locator checksum mismatch");
  }
  uint32_t packed = GetU32(fields + 24);
  if (packed > 1) {
    return Fail(error, "locator packed flag is " + std::to_string(packed));
  }
  Locator locator;
  locator.payload_offset = GetU64(fields);
  locator.payload_length = GetU64(fields + 8);
  locator.file_size = GetU64(fields + 16);
  locator.packed = packed == 1;
  if (locator.packed) {
    // The layout is [stub][payload][trailer]; anything else cannot be a file
    // this packer wrote.
    uint64_t end = locator.payload_offset;
    if (locator.payload_length > std::numeric_limits<uint64_t>::max() - end ||
        kTrailerSize > std::numeric_limits<uint64_t>::max() - end -
                           locator.payload_length ||
        end + locator.payload_length + kTrailerSize != locator.file_size) {
      return Fail(error, "locator fields are inconsistent");
    }
  }
  if (out != nullptr) *out = locator;
  return true;
}

std::string SerializeManifest(const Manifest& manifest) {
  std::string out;
  // std::map iterates in key order, which makes the output deterministic.
  for (const auto& [key, value] : manifest) {
    out += key;
    out += '=';
    out += value;
    out += '\n';
  }
  return out;
}

bool ParseManifest(const std::string& text, Manifest* out, std::string* error) {
  if (text.find('\0') != std::string::npos) {
    return Fail(error, "manifest contains a NUL byte");
  }
  Manifest manifest;
  size_t pos = 0;
  int line_number = 0;
  while (pos < text.size()) {
    ++line_number;
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      return Fail(error, "manifest line " + std::to_string(line_number) +
                             " has no '='");
    }
    if (eq == 0) {
      return Fail(error, "manifest line " + std::to_string(line_number) +
                             " has an empty key");
    }
    std::string key = line.substr(0, eq);
    if (!manifest.emplace(key, line.substr(eq + 1)).second) {
      return Fail(error, "manifest key '" + key + "' appears twice");
    }
  }
  if (out != nullptr) *out = std::move(manifest);
  return true;
}

bool BuildPayload(const std::vector<SectionInput>& sections,
                  uint64_t payload_offset, const WriteOptions& options,
                  std::string* out, std::string* error) {
  if (sections.size() > kMaxSections) {
    return Fail(error, std::to_string(sections.size()) +
                           " sections exceed the limit of " +
                           std::to_string(kMaxSections));
  }
  std::set<uint64_t> kinds;
  for (const SectionInput& section : sections) {
    uint32_t kind = static_cast<uint32_t>(section.kind);
    if (section.index != 0 && section.kind != SectionKind::kLibrary) {
      return Fail(error, "an index on the " + SectionName(kind));
    }
    if (!kinds.insert(KindKey(kind, section.index)).second) {
      return Fail(error, "two " + SectionName(kind, section.index) + "s");
    }
    if (section.precompressed &&
        section.compression != Compression::kZstd) {
      return Fail(error, "a precompressed " + SectionName(kind) +
                             " that is not zstd");
    }
    if (section.data.size() > kMaxSectionRawSize) {
      return Fail(error, SectionName(static_cast<uint32_t>(section.kind)) +
                             " is larger than 4 GiB");
    }
    if (section.compression != Compression::kNone &&
        section.compression != Compression::kZstd) {
      return Fail(error, "unknown compression for the " +
                             SectionName(static_cast<uint32_t>(section.kind)));
    }
  }

  std::string payload;
  std::string table;
  ZSTD_CCtx* cctx = nullptr;
  for (const SectionInput& section : sections) {
    uint64_t offset = payload.size();
    if (section.precompressed) {
      payload += section.data;
    } else if (section.compression == Compression::kZstd) {
      if (cctx == nullptr) cctx = ZSTD_createCCtx();
      if (cctx == nullptr) return Fail(error, "out of memory for zstd");
      // One frame, content size recorded (the reader checks it against the
      // table before allocating), no worker threads: multithreaded zstd
      // output may differ run to run, which would break reproducible builds.
      // The frame carries zstd's content checksum (XXH64), which the
      // decompressor checks as it goes: the reader then skips the crc32 of
      // the raw bytes, a pass over the whole snapshot at every start
      // (samples/hello: 4.5 of its 57 million start-up instructions).
      ZSTD_CCtx_reset(cctx, ZSTD_reset_session_and_parameters);
      ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, options.zstd_level);
      ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
      ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
      size_t bound = ZSTD_compressBound(section.data.size());
      payload.resize(offset + bound);
      size_t n = ZSTD_compress2(cctx, payload.data() + offset, bound,
                                section.data.data(), section.data.size());
      if (ZSTD_isError(n)) {
        ZSTD_freeCCtx(cctx);
        return Fail(
            error, "zstd failed on the " +
                       SectionName(static_cast<uint32_t>(section.kind)) + ": " +
                       ZSTD_getErrorName(n));
      }
      payload.resize(offset + n);
    } else {
      payload += section.data;
    }
    PutU32(&table, static_cast<uint32_t>(section.kind));
    PutU32(&table, static_cast<uint32_t>(section.compression));
    PutU64(&table, offset);
    PutU64(&table, payload.size() - offset);
    if (section.precompressed) {
      PutU64(&table, section.raw_size);
      PutU32(&table, section.raw_crc32);
    } else {
      PutU64(&table, section.data.size());
      PutU32(&table, Crc32(section.data.data(), section.data.size()));
    }
    PutU32(&table, section.index);
  }
  ZSTD_freeCCtx(cctx);
  payload += table;

  std::string trailer;
  PutU64(&trailer, payload_offset);
  PutU64(&trailer, payload.size());
  PutU32(&trailer, kFormatVersion);
  PutU32(&trailer, static_cast<uint32_t>(sections.size()));
  PutU32(&trailer, Crc32(payload.data(), payload.size()));
  PutU32(&trailer, Crc32(trailer.data(), trailer.size()));
  trailer.append(kTrailerMagic, sizeof(kTrailerMagic));
  payload += trailer;
  if (out != nullptr) *out = std::move(payload);
  return true;
}

bool Payload::Open(const uint8_t* file, uint64_t size, const Locator* expected,
                   std::string* error, bool check_payload_crc) {
  data_ = nullptr;
  entries_.clear();
  manifest_.clear();
  if (file == nullptr) size = 0;

  if (expected != nullptr && size != expected->file_size) {
    return Fail(error,
                "file is " + std::to_string(size) + " bytes but the stub " +
                    "expects " + std::to_string(expected->file_size) +
                    (size < expected->file_size ? ": truncated"
                                                : ": extra bytes at the end"));
  }
  if (size < kTrailerSize) {
    return Fail(error, "file is " + std::to_string(size) +
                           " bytes, too small to hold a payload");
  }
  const uint8_t* trailer = file + size - kTrailerSize;
  if (std::memcmp(trailer + kTrailerMagicOffset, kTrailerMagic,
                  sizeof(kTrailerMagic)) != 0) {
    return Fail(error, "no payload trailer at the end of the file");
  }
  if (Crc32(trailer, kTrailerCrcCovered) != GetU32(trailer + 28)) {
    return Fail(error, "trailer checksum mismatch");
  }
  uint64_t payload_offset = GetU64(trailer);
  uint64_t payload_length = GetU64(trailer + 8);
  uint32_t version = GetU32(trailer + 16);
  uint32_t section_count = GetU32(trailer + 20);
  uint32_t payload_crc = GetU32(trailer + 24);
  if (version != kFormatVersion) {
    return Fail(error, "payload format version " + std::to_string(version) +
                           " is not supported (this build reads version " +
                           std::to_string(kFormatVersion) + ")");
  }
  // The payload runs from payload_offset exactly up to the trailer.
  uint64_t trailer_offset = size - kTrailerSize;
  if (payload_offset > trailer_offset ||
      payload_length != trailer_offset - payload_offset) {
    return Fail(error, "trailer places the payload outside the file");
  }
  if (expected != nullptr && (payload_offset != expected->payload_offset ||
                              payload_length != expected->payload_length)) {
    return Fail(error, "trailer and stub disagree on where the payload is");
  }
  if (section_count > kMaxSections) {
    return Fail(error, std::to_string(section_count) +
                           " sections exceed the limit of " +
                           std::to_string(kMaxSections));
  }
  uint64_t table_size = uint64_t{section_count} * kSectionEntrySize;
  if (table_size > payload_length) {
    return Fail(error, "section table does not fit in the payload");
  }
  const uint8_t* payload = file + payload_offset;
  if (check_payload_crc && Crc32(payload, payload_length) != payload_crc) {
    return Fail(error, "payload checksum mismatch");
  }

  // The checksums passed, but a writer bug or a forged file could still say
  // anything: check every entry against the data region and the caps.
  uint64_t data_size = payload_length - table_size;
  const uint8_t* table = payload + data_size;
  std::vector<Entry> entries;
  std::set<uint64_t> kinds;
  for (uint32_t i = 0; i < section_count; ++i) {
    const uint8_t* p = table + uint64_t{i} * kSectionEntrySize;
    uint32_t kind = GetU32(p);
    uint32_t compression = GetU32(p + 4);
    Entry entry;
    entry.kind = static_cast<SectionKind>(kind);
    entry.compression = static_cast<Compression>(compression);
    entry.offset = GetU64(p + 8);
    entry.stored_size = GetU64(p + 16);
    entry.raw_size = GetU64(p + 24);
    entry.raw_crc32 = GetU32(p + 32);
    entry.index = GetU32(p + 36);
    std::string name = SectionName(kind, entry.index);
    if (entry.index != 0 && entry.kind != SectionKind::kLibrary) {
      return Fail(error, name + " has a non-zero reserved field");
    }
    if (!kinds.insert(KindKey(kind, entry.index)).second) {
      return Fail(error, "two " + name + "s");
    }
    if (entry.compression != Compression::kNone &&
        entry.compression != Compression::kZstd) {
      return Fail(error, name + " has unknown compression " +
                             std::to_string(compression));
    }
    if (entry.raw_size > kMaxSectionRawSize) {
      return Fail(error, name + " claims " + std::to_string(entry.raw_size) +
                             " bytes, over the 4 GiB limit");
    }
    if (!RangeInside(entry.offset, entry.stored_size, data_size)) {
      return Fail(error, name + " lies outside the payload data");
    }
    if (entry.compression == Compression::kNone &&
        entry.stored_size != entry.raw_size) {
      return Fail(error, name + " sizes disagree");
    }
    entries.push_back(entry);
  }
  // Sections must not share bytes: sort a copy by offset and compare
  // neighbours. Empty stored ranges cannot overlap anything.
  std::vector<Entry> by_offset;
  for (const Entry& e : entries) {
    if (e.stored_size != 0) by_offset.push_back(e);
  }
  std::sort(by_offset.begin(), by_offset.end(),
            [](const Entry& a, const Entry& b) { return a.offset < b.offset; });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    const Entry& a = by_offset[i - 1];
    const Entry& b = by_offset[i];
    if (b.offset < a.offset + a.stored_size) {
      return Fail(error,
                  SectionName(static_cast<uint32_t>(a.kind), a.index) +
                      " and " +
                      SectionName(static_cast<uint32_t>(b.kind), b.index) +
                      " overlap");
    }
  }

  data_ = payload;
  entries_ = std::move(entries);
  if (Has(SectionKind::kManifest)) {
    std::string text;
    std::string reason;
    if (!Read(SectionKind::kManifest, &text, &reason) ||
        !ParseManifest(text, &manifest_, &reason)) {
      data_ = nullptr;
      entries_.clear();
      manifest_.clear();
      return Fail(error, reason);
    }
  }
  return true;
}

// Checks a zstd section against the table before raw_size bytes are
// allocated or written: exactly one frame filling the stored bytes,
// announcing raw_size.
static bool CheckFrame(const uint8_t* src, uint64_t stored, uint64_t raw,
                       const std::string& name, std::string* error) {
  size_t frame = ZSTD_findFrameCompressedSize(src, stored);
  if (ZSTD_isError(frame) || frame != stored) {
    return Fail(error, name + " is not one zstd frame");
  }
  if (ZSTD_getFrameContentSize(src, stored) != raw) {
    return Fail(error, name + " frame size disagrees with the table");
  }
  return true;
}

const Payload::Entry* Payload::Find(SectionKind kind, uint32_t index) const {
  for (const Entry& e : entries_) {
    if (e.kind == kind && e.index == index) return &e;
  }
  return nullptr;
}

bool Payload::Has(SectionKind kind, uint32_t index) const {
  return Find(kind, index) != nullptr;
}

std::vector<Payload::SectionInfo> Payload::sections() const {
  std::vector<SectionInfo> out;
  for (const Entry& e : entries_) {
    out.push_back({e.kind, e.index, e.compression, e.offset, e.stored_size,
                   e.raw_size, e.raw_crc32});
  }
  return out;
}

bool Payload::ReadInto(SectionKind kind, uint32_t index, uint8_t* out,
                       uint64_t size, std::string* error) const {
  const Entry* entry = Find(kind, index);
  std::string name = SectionName(static_cast<uint32_t>(kind), index);
  if (entry == nullptr) return Fail(error, "no " + name);
  if (size != entry->raw_size) {
    return Fail(error, name + " is " + std::to_string(entry->raw_size) +
                           " bytes, not " + std::to_string(size));
  }
  const uint8_t* src = data_ + entry->offset;
  if (entry->compression == Compression::kNone) {
    if (size > 0) memcpy(out, src, size);
    return true;
  }
  if (!CheckFrame(src, entry->stored_size, entry->raw_size, name, error)) {
    return false;
  }
  size_t n = ZSTD_decompress(out, size, src, entry->stored_size);
  if (ZSTD_isError(n)) {
    return Fail(error,
                name + " does not decompress (" + ZSTD_getErrorName(n) + ")");
  }
  if (n != entry->raw_size) {
    return Fail(error, name + " decompressed to the wrong size");
  }
  return true;
}

namespace {

// Whether `frame` is a zstd frame with a content checksum, which
// ZSTD_decompress has verified by the time it succeeds: bit 2 of the frame
// header descriptor, the byte after the magic (RFC 8878, 3.1.1.1.1).
bool FrameChecksummed(Compression compression, const uint8_t* frame,
                      uint64_t size) {
  if (compression != Compression::kZstd || size < 5) return false;
  uint32_t magic = frame[0] | frame[1] << 8 | frame[2] << 16 |
                   static_cast<uint32_t>(frame[3]) << 24;
  return magic == ZSTD_MAGICNUMBER && (frame[4] & 0x04) != 0;
}

}  // namespace

bool Payload::Read(SectionKind kind, uint32_t index, std::string* out,
                   std::string* error) const {
  const Entry* entry = Find(kind, index);
  std::string name = SectionName(static_cast<uint32_t>(kind), index);
  if (entry == nullptr) return Fail(error, "no " + name);
  if (entry->compression == Compression::kZstd &&
      !CheckFrame(data_ + entry->offset, entry->stored_size, entry->raw_size,
                  name, error)) {
    return false;
  }
  std::string raw(entry->raw_size, '\0');
  if (!ReadInto(kind, index, reinterpret_cast<uint8_t*>(raw.data()),
                raw.size(), error)) {
    return false;
  }
  if (!FrameChecksummed(entry->compression, data_ + entry->offset,
                        entry->stored_size) &&
      Crc32(raw.data(), raw.size()) != entry->raw_crc32) {
    return Fail(error, name + " checksum mismatch");
  }
  if (out != nullptr) *out = std::move(raw);
  return true;
}

bool HasTrailerMagic(const uint8_t* file, uint64_t size) {
  return file != nullptr && size >= kTrailerSize &&
         std::memcmp(file + size - sizeof(kTrailerMagic), kTrailerMagic,
                     sizeof(kTrailerMagic)) == 0;
}

bool ReadWholeFile(const std::string& path, std::string* out,
                   std::string* error) {
  FILE* f = fopen(path.c_str(), "rb");
  if (f == nullptr) {
    *error = "cannot open " + path + ": " + strerror(errno);
    return false;
  }
  char buf[1 << 16];
  size_t n;
  out->clear();
  while ((n = fread(buf, 1, sizeof(buf), f)) > 0) out->append(buf, n);
  bool ok = !ferror(f);
  fclose(f);
  if (!ok) *error = "cannot read " + path + ": " + strerror(errno);
  return ok;
}

bool ReadBaseSnapshot(const std::string& path, const std::string& build_id,
                      std::string* blob, std::string* error) {
  std::string file;
  Payload base;
  if (!ReadWholeFile(path, &file, error) ||
      !base.Open(reinterpret_cast<const uint8_t*>(file.data()), file.size(),
                 nullptr, error) ||
      !base.Read(SectionKind::kSnapshot, blob, error)) {
    return false;
  }
  auto id = base.manifest().find(manifest::kLibnodeBuildId);
  if (id == base.manifest().end() || id->second != build_id) {
    *error = "made by another libnode";
    return false;
  }
  return true;
}

}  // namespace jspack::payload
