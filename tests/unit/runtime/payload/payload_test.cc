// Tests of the payload reader/writer: round trips, and damaged files of every
// kind (truncated, bit-flipped, forged) reported as damaged, never a crash.
#include "runtime/payload/payload.h"
#include "runtime/payload/sha256.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>
#include <cstdlib>
#include <functional>
#include <new>
#include <random>
#include <string>
#include <vector>

// The largest single allocation made while the flag is set: lets a test check
// that absurd sizes in a file are rejected before anything is allocated.
namespace {
std::atomic<bool> g_track_allocations{false};
std::atomic<size_t> g_largest_allocation{0};
}  // namespace

void* operator new(size_t size) {
  if (g_track_allocations.load(std::memory_order_relaxed)) {
    size_t seen = g_largest_allocation.load(std::memory_order_relaxed);
    while (size > seen && !g_largest_allocation.compare_exchange_weak(
                              seen, size, std::memory_order_relaxed)) {
    }
  }
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace jspack::payload {
namespace {

const uint8_t* Bytes(const std::string& s) {
  return reinterpret_cast<const uint8_t*>(s.data());
}

std::string RandomBytes(size_t size, uint32_t seed) {
  std::mt19937 rng(seed);
  std::string out(size, '\0');
  for (char& c : out) c = static_cast<char>(rng());
  return out;
}

// A bundle-like text: compressible, a few hundred KiB.
std::string BundleText() {
  std::string out;
  for (int i = 0; i < 5000; ++i) {
    out += "function f" + std::to_string(i) + "(a, b) { return a + b * " +
           std::to_string(i) + "; }\n";
  }
  return out;
}

std::vector<SectionInput> AllKinds() {
  Manifest manifest = {{manifest::kJspackVersion, "0.1.0"},
                       {manifest::kV8Version, "10.2.154.26"},
                       {manifest::kEntry, "app.js"},
                       {manifest::kSnapshot, "app"}};
  std::vector<SectionInput> sections;
  sections.push_back({SectionKind::kManifest, SerializeManifest(manifest)});
  sections.push_back({SectionKind::kSnapshot, RandomBytes(200000, 1)});
  sections.push_back({SectionKind::kBundle, BundleText()});
  sections.push_back(
      {SectionKind::kSourceMap, "{\"version\":3,\"mappings\":\"AAAA\"}"});
  return sections;
}

std::string Build(const std::vector<SectionInput>& sections,
                  uint64_t payload_offset = 0) {
  std::string out;
  std::string error;
  EXPECT_TRUE(
      BuildPayload(sections, payload_offset, WriteOptions(), &out, &error))
      << error;
  return out;
}

// A fake stub: bytes the payload reader must never look at.
std::string Stub() { return RandomBytes(4096, 7); }

Locator LocatorFor(const std::string& stub, const std::string& payload) {
  Locator locator;
  locator.payload_offset = stub.size();
  locator.payload_length = payload.size() - kTrailerSize;
  locator.file_size = stub.size() + payload.size();
  locator.packed = true;
  return locator;
}

void ExpectSections(const Payload& payload,
                    const std::vector<SectionInput>& sections) {
  for (const SectionInput& section : sections) {
    ASSERT_TRUE(payload.Has(section.kind));
    std::string data;
    std::string error;
    ASSERT_TRUE(payload.Read(section.kind, &data, &error)) << error;
    EXPECT_EQ(data, section.data);
  }
}

// Opens `file` (all of it, or its first `size` bytes) and reads every
// section; returns the first failure reason, or "" when everything passed.
std::string OpenAndReadAll(const std::string& file, uint64_t size,
                           const Locator* expected) {
  Payload payload;
  std::string error;
  if (!payload.Open(Bytes(file), size, expected, &error)) {
    EXPECT_FALSE(error.empty());
    return error;
  }
  for (uint32_t kind = 1; kind <= 4; ++kind) {
    SectionKind k = static_cast<SectionKind>(kind);
    if (!payload.Has(k)) continue;
    std::string data;
    if (!payload.Read(k, &data, &error)) {
      EXPECT_FALSE(error.empty());
      return error;
    }
  }
  return "";
}

uint32_t Crc(const void* p, size_t n) {
  return static_cast<uint32_t>(crc32_z(0, static_cast<const Bytef*>(p), n));
}

void SetU32(std::string* s, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*s)[at + i] = static_cast<char>(v >> (8 * i));
}
void SetU64(std::string* s, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) (*s)[at + i] = static_cast<char>(v >> (8 * i));
}
uint32_t U32At(const std::string& s, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(s[at + i]);
  return v;
}
uint64_t U64At(const std::string& s, size_t at) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(s[at + i]);
  return v;
}

// Recomputes the payload and trailer checksums of a standalone payload after
// a test edited it, so the edit is seen by the structural checks instead of
// being caught by a checksum. Models a buggy or malicious writer.
void Reseal(std::string* file) {
  size_t trailer = file->size() - kTrailerSize;
  uint64_t offset = U64At(*file, trailer);
  uint64_t length = U64At(*file, trailer + 8);
  if (offset <= file->size() && length <= file->size() - offset) {
    SetU32(file, trailer + 24, Crc(file->data() + offset, length));
  }
  SetU32(file, trailer + 28, Crc(file->data() + trailer, 28));
}

size_t TableOffset(const std::string& file) {
  size_t trailer = file.size() - kTrailerSize;
  return trailer - U32At(file, trailer + 20) * kSectionEntrySize;
}

// Edits table entry `index` with `edit(file, entry_offset)`, then reseals.
void ForgeEntry(std::string* file, size_t index,
                const std::function<void(std::string*, size_t)>& edit) {
  edit(file, TableOffset(*file) + index * kSectionEntrySize);
  Reseal(file);
}

std::string OpenError(const std::string& file) {
  Payload payload;
  std::string error;
  EXPECT_FALSE(payload.Open(Bytes(file), file.size(), nullptr, &error));
  return error;
}

// ---------------------------------------------------------------------------
// Round trips

TEST(Payload, RoundTripStandalone) {
  std::vector<SectionInput> sections = AllKinds();
  std::string file = Build(sections);
  Payload payload;
  std::string error;
  ASSERT_TRUE(payload.Open(Bytes(file), file.size(), nullptr, &error)) << error;
  ExpectSections(payload, sections);
  EXPECT_EQ(payload.manifest().at("entry"), "app.js");
  EXPECT_EQ(payload.manifest().at("snapshot"), "app");
}

TEST(Payload, RoundTripAfterStubWithLocator) {
  std::vector<SectionInput> sections = AllKinds();
  std::string stub = Stub();
  std::string payload_bytes = Build(sections, stub.size());
  std::string file = stub + payload_bytes;
  Locator locator = LocatorFor(stub, payload_bytes);
  Payload payload;
  std::string error;
  ASSERT_TRUE(payload.Open(Bytes(file), file.size(), &locator, &error))
      << error;
  ExpectSections(payload, sections);
  // The trailer alone is enough too (no locator at hand).
  Payload again;
  ASSERT_TRUE(again.Open(Bytes(file), file.size(), nullptr, &error)) << error;
  ExpectSections(again, sections);
}

TEST(Payload, RoundTripEmptySectionsAndNoSections) {
  std::vector<SectionInput> sections = {
      {SectionKind::kManifest, ""},
      {SectionKind::kBundle, "", Compression::kZstd},
      {SectionKind::kSourceMap, "", Compression::kNone}};
  std::string file = Build(sections);
  Payload payload;
  std::string error;
  ASSERT_TRUE(payload.Open(Bytes(file), file.size(), nullptr, &error)) << error;
  ExpectSections(payload, sections);
  EXPECT_TRUE(payload.manifest().empty());
  EXPECT_FALSE(payload.Has(SectionKind::kSnapshot));
  std::string data;
  EXPECT_FALSE(payload.Read(SectionKind::kSnapshot, &data, &error));
  EXPECT_EQ(error, "no snapshot section");

  std::string none = Build({});
  EXPECT_EQ(none.size(), kTrailerSize);
  Payload empty;
  ASSERT_TRUE(empty.Open(Bytes(none), none.size(), nullptr, &error)) << error;
  EXPECT_FALSE(empty.Has(SectionKind::kManifest));
}

TEST(Payload, RoundTripIncompressibleAndUncompressed) {
  std::vector<SectionInput> sections = {
      {SectionKind::kSnapshot, RandomBytes(1 << 20, 3), Compression::kZstd},
      {SectionKind::kBundle, RandomBytes(70000, 4), Compression::kNone}};
  std::string file = Build(sections);
  Payload payload;
  std::string error;
  ASSERT_TRUE(payload.Open(Bytes(file), file.size(), nullptr, &error)) << error;
  ExpectSections(payload, sections);
}

TEST(Payload, BuildIsDeterministic) {
  std::string stub = Stub();
  EXPECT_EQ(Build(AllKinds(), stub.size()), Build(AllKinds(), stub.size()));
  // The payload offset is part of the trailer, so it changes the bytes.
  EXPECT_NE(Build(AllKinds(), 0), Build(AllKinds(), 1));
}

TEST(Payload, CompressesCompressibleSections) {
  std::string bundle = BundleText();
  std::string file = Build({{SectionKind::kBundle, bundle}});
  EXPECT_LT(file.size(), bundle.size() / 4);
}

TEST(Payload, BuildRejectsDuplicateKindsAndTooManySections) {
  std::string out;
  std::string error;
  EXPECT_FALSE(
      BuildPayload({{SectionKind::kBundle, "a"}, {SectionKind::kBundle, "b"}},
                   0, WriteOptions(), &out, &error));
  EXPECT_EQ(error, "two bundle sections");
  std::vector<SectionInput> many;
  for (uint32_t i = 0; i <= kMaxSections; ++i) {
    many.push_back({static_cast<SectionKind>(100 + i), "x"});
  }
  EXPECT_FALSE(BuildPayload(many, 0, WriteOptions(), &out, &error));
  EXPECT_EQ(error, "65 sections exceed the limit of 64");
}

TEST(Payload, UnknownSectionKindsAreKeptButIgnored) {
  std::vector<SectionInput> sections = {
      {SectionKind::kBundle, "x"}, {static_cast<SectionKind>(99), "future"}};
  std::string file = Build(sections);
  EXPECT_EQ(OpenAndReadAll(file, file.size(), nullptr), "");
}

// ---------------------------------------------------------------------------
// Truncation

TEST(Payload, TruncationIsAlwaysDamage) {
  std::string stub = Stub();
  std::string payload_bytes = Build(AllKinds(), stub.size());
  std::string file = stub + payload_bytes;
  Locator locator = LocatorFor(stub, payload_bytes);
  size_t table = TableOffset(file);
  std::vector<size_t> sizes;
  // Every length that cuts into the table or the trailer.
  for (size_t n = table; n < file.size(); ++n) sizes.push_back(n);
  // A spread through the section data and the stub, and the extremes.
  for (size_t n = 0; n < table; n += 997) sizes.push_back(n);
  sizes.push_back(stub.size());
  sizes.push_back(stub.size() + 1);
  sizes.push_back(table - 1);
  for (size_t n : sizes) {
    SCOPED_TRACE("truncated to " + std::to_string(n));
    EXPECT_NE(OpenAndReadAll(file, n, nullptr), "");
    std::string error = OpenAndReadAll(file, n, &locator);
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  }
}

TEST(Payload, TruncatedMessageNamesBothSizes) {
  std::string stub = Stub();
  std::string payload_bytes = Build(AllKinds(), stub.size());
  std::string file = stub + payload_bytes;
  Locator locator = LocatorFor(stub, payload_bytes);
  Payload payload;
  std::string error;
  EXPECT_FALSE(payload.Open(Bytes(file), 1000, &locator, &error));
  EXPECT_EQ(error, "file is 1000 bytes but the stub expects " +
                       std::to_string(file.size()) + ": truncated");
  std::string longer = file + "x";
  EXPECT_FALSE(payload.Open(Bytes(longer), longer.size(), &locator, &error));
  EXPECT_NE(error.find("extra bytes"), std::string::npos);
}

TEST(Payload, TooSmallForTrailer) {
  std::string tiny = "JSPACKP1";
  EXPECT_EQ(OpenError(tiny), "file is 8 bytes, too small to hold a payload");
  Payload payload;
  std::string error;
  EXPECT_FALSE(payload.Open(nullptr, 0, nullptr, &error));
}

// ---------------------------------------------------------------------------
// Flipped bits

TEST(Payload, FlippedBitsInTrailerAndTableAreDamage) {
  std::string stub = Stub();
  std::string payload_bytes = Build(AllKinds(), stub.size());
  std::string file = stub + payload_bytes;
  Locator locator = LocatorFor(stub, payload_bytes);
  for (size_t at = TableOffset(file); at < file.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = file;
      bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
      SCOPED_TRACE("byte " + std::to_string(at) + " bit " +
                   std::to_string(bit));
      EXPECT_NE(OpenAndReadAll(bad, bad.size(), nullptr), "");
      EXPECT_NE(OpenAndReadAll(bad, bad.size(), &locator), "");
    }
  }
}

TEST(Payload, FlippedBitsInDataAreDamage) {
  std::string stub = Stub();
  std::string payload_bytes = Build(AllKinds(), stub.size());
  std::string file = stub + payload_bytes;
  Locator locator = LocatorFor(stub, payload_bytes);
  size_t table = TableOffset(file);
  for (size_t at = stub.size(); at < table; at += 331) {
    std::string bad = file;
    bad[at] = static_cast<char>(bad[at] ^ (1 << (at % 8)));
    SCOPED_TRACE("byte " + std::to_string(at));
    EXPECT_EQ(OpenAndReadAll(bad, bad.size(), &locator),
              "payload checksum mismatch");
  }
}

TEST(Payload, FlippedBitsInStubAreNotOurConcern) {
  // The stub's bytes belong to the executable, not the payload; the reader
  // must not depend on them.
  std::string stub = Stub();
  std::string payload_bytes = Build(AllKinds(), stub.size());
  std::string file = stub + payload_bytes;
  file[10] = static_cast<char>(file[10] ^ 0x10);
  Locator locator = LocatorFor(stub, payload_bytes);
  EXPECT_EQ(OpenAndReadAll(file, file.size(), &locator), "");
}

TEST(Payload, DamagedSectionBytesCaughtOnRead) {
  // Section data damaged consistently (payload checksum resealed): the
  // per-section checks must still catch it when the section is read.
  std::string file = Build(AllKinds());
  size_t table = TableOffset(file);
  // Entry 2 is the bundle (zstd).
  uint64_t offset = U64At(file, table + 2 * kSectionEntrySize + 8);
  uint64_t stored = U64At(file, table + 2 * kSectionEntrySize + 16);
  std::string bad = file;
  bad[offset + stored / 2] = static_cast<char>(bad[offset + stored / 2] ^ 4);
  Reseal(&bad);
  std::string error = OpenAndReadAll(bad, bad.size(), nullptr);
  EXPECT_NE(error.find("bundle section"), std::string::npos) << error;

  // An uncompressed section: only its crc32 can tell.
  std::string plain =
      Build({{SectionKind::kBundle, "abcdef", Compression::kNone}});
  plain[1] = 'X';
  Reseal(&plain);
  EXPECT_EQ(OpenAndReadAll(plain, plain.size(), nullptr),
            "bundle section checksum mismatch");
}

TEST(Payload, DamagedManifestFailsOpen) {
  std::string file =
      Build({{SectionKind::kManifest, "entry=app.js\nbroken line\n"}});
  EXPECT_EQ(OpenError(file), "manifest line 2 has no '='");
}

// ---------------------------------------------------------------------------
// Magic and version

TEST(Payload, WrongTrailerMagic) {
  std::string file = Build(AllKinds());
  file.back() = '2';
  EXPECT_EQ(OpenError(file), "no payload trailer at the end of the file");
  EXPECT_FALSE(HasTrailerMagic(Bytes(file), file.size()));
}

TEST(Payload, UnsupportedVersion) {
  std::string file = Build(AllKinds());
  SetU32(&file, file.size() - kTrailerSize + 16, 2);
  Reseal(&file);
  EXPECT_EQ(OpenError(file),
            "payload format version 2 is not supported (this build reads "
            "version 1)");
}

TEST(Payload, TrailerMagicDetection) {
  std::string file = Build(AllKinds());
  EXPECT_TRUE(HasTrailerMagic(Bytes(file), file.size()));
  EXPECT_FALSE(HasTrailerMagic(Bytes(file), file.size() - 1));
  std::string magic_only(kTrailerMagic, sizeof(kTrailerMagic));
  EXPECT_FALSE(HasTrailerMagic(Bytes(magic_only), magic_only.size()));
  EXPECT_FALSE(HasTrailerMagic(nullptr, 0));
}

TEST(Payload, LocatorAndTrailerMustAgree) {
  std::string stub = Stub();
  std::string payload_bytes = Build(AllKinds(), stub.size());
  std::string file = stub + payload_bytes;
  Locator locator = LocatorFor(stub, payload_bytes);
  locator.payload_offset -= 16;
  locator.payload_length += 16;
  Payload payload;
  std::string error;
  EXPECT_FALSE(payload.Open(Bytes(file), file.size(), &locator, &error));
  EXPECT_EQ(error, "trailer and stub disagree on where the payload is");

  // A payload built for another offset does not fit after this stub.
  std::string shifted = stub + Build(AllKinds(), stub.size() + 1);
  EXPECT_EQ(OpenError(shifted), "trailer places the payload outside the file");
}

// ---------------------------------------------------------------------------
// Forged tables: checksums right, contents absurd. Nothing may be allocated
// from the forged sizes.

class ForgedPayload : public ::testing::Test {
 protected:
  void SetUp() override { file_ = Build(AllKinds()); }

  // Opens and reads every section with allocation tracking on.
  std::string Check(const std::string& file) {
    g_largest_allocation = 0;
    g_track_allocations = true;
    std::string error = OpenAndReadAll(file, file.size(), nullptr);
    g_track_allocations = false;
    EXPECT_LT(g_largest_allocation.load(), size_t{1} << 20);
    return error;
  }

  std::string file_;
};

TEST_F(ForgedPayload, HugeRawSize) {
  ForgeEntry(&file_, 1, [](std::string* f, size_t e) {
    SetU64(f, e + 24, uint64_t{1} << 63);
  });
  EXPECT_EQ(Check(file_),
            "snapshot section claims 9223372036854775808 bytes, over the 4 "
            "GiB limit");
}

TEST_F(ForgedPayload, RawSizeUnderCapButFrameDisagrees) {
  // 3 GiB: allowed by the cap, but the zstd frame says otherwise; the reader
  // must compare before allocating.
  ForgeEntry(&file_, 1, [](std::string* f, size_t e) {
    SetU64(f, e + 24, uint64_t{3} << 30);
  });
  EXPECT_EQ(Check(file_),
            "snapshot section frame size disagrees with the table");
}

TEST_F(ForgedPayload, OffsetPastEnd) {
  ForgeEntry(&file_, 2, [](std::string* f, size_t e) {
    SetU64(f, e + 8, f->size() + 100);
  });
  EXPECT_EQ(Check(file_), "bundle section lies outside the payload data");
}

TEST_F(ForgedPayload, OffsetPlusSizeOverflows) {
  ForgeEntry(&file_, 2, [](std::string* f, size_t e) {
    SetU64(f, e + 8, ~uint64_t{0} - 3);
    SetU64(f, e + 16, 16);
  });
  EXPECT_EQ(Check(file_), "bundle section lies outside the payload data");
}

TEST_F(ForgedPayload, HugeStoredSize) {
  ForgeEntry(&file_, 2, [](std::string* f, size_t e) {
    SetU64(f, e + 16, uint64_t{1} << 62);
  });
  EXPECT_EQ(Check(file_), "bundle section lies outside the payload data");
}

TEST_F(ForgedPayload, SectionRunsIntoTable) {
  size_t table = TableOffset(file_);
  ForgeEntry(&file_, 3, [table](std::string* f, size_t e) {
    uint64_t offset = U64At(*f, e + 8);
    SetU64(f, e + 16, table - offset + 1);
  });
  EXPECT_EQ(Check(file_), "source map section lies outside the payload data");
}

TEST_F(ForgedPayload, OverlappingSections) {
  ForgeEntry(&file_, 2, [](std::string* f, size_t e) {
    SetU64(f, e + 8, U64At(*f, e + 8) - 5);
  });
  EXPECT_EQ(Check(file_), "snapshot section and bundle section overlap");
}

TEST_F(ForgedPayload, UnknownCompression) {
  ForgeEntry(&file_, 0, [](std::string* f, size_t e) { SetU32(f, e + 4, 7); });
  EXPECT_EQ(Check(file_), "manifest section has unknown compression 7");
}

TEST_F(ForgedPayload, DuplicateKind) {
  ForgeEntry(&file_, 3, [](std::string* f, size_t e) { SetU32(f, e, 3); });
  EXPECT_EQ(Check(file_), "two bundle sections");
}

TEST_F(ForgedPayload, ReservedFieldSet) {
  ForgeEntry(&file_, 0, [](std::string* f, size_t e) { SetU32(f, e + 36, 1); });
  EXPECT_EQ(Check(file_), "manifest section has a non-zero reserved field");
}

TEST_F(ForgedPayload, UncompressedSizesDisagree) {
  std::string file = Build({{SectionKind::kBundle, "abc", Compression::kNone}});
  ForgeEntry(&file, 0, [](std::string* f, size_t e) {
    SetU64(f, e + 24, uint64_t{2} << 30);
  });
  EXPECT_EQ(Check(file), "bundle section sizes disagree");
}

TEST_F(ForgedPayload, TooManySections) {
  SetU32(&file_, file_.size() - kTrailerSize + 20, 1000000);
  Reseal(&file_);
  EXPECT_EQ(Check(file_), "1000000 sections exceed the limit of 64");
}

TEST_F(ForgedPayload, TableLargerThanPayload) {
  std::string file = Build({{SectionKind::kBundle, "abc", Compression::kNone}});
  SetU32(&file, file.size() - kTrailerSize + 20, 60);
  Reseal(&file);
  EXPECT_EQ(Check(file), "section table does not fit in the payload");
}

TEST_F(ForgedPayload, PayloadOffsetPastEnd) {
  SetU64(&file_, file_.size() - kTrailerSize, ~uint64_t{0} - 7);
  Reseal(&file_);
  EXPECT_EQ(Check(file_), "trailer places the payload outside the file");
}

TEST_F(ForgedPayload, PayloadLengthWrong) {
  size_t at = file_.size() - kTrailerSize + 8;
  SetU64(&file_, at, U64At(file_, at) + 1);
  Reseal(&file_);
  EXPECT_EQ(Check(file_), "trailer places the payload outside the file");
}

TEST_F(ForgedPayload, ExtraZstdFrame) {
  // Two frames where one is promised.
  std::string bundle = "console.log('hi');";
  std::string file = Build({{SectionKind::kBundle, bundle}});
  size_t table = TableOffset(file);
  uint64_t stored = U64At(file, table + 16);
  std::string frame = file.substr(0, stored);
  std::string forged = frame + frame + file.substr(table);
  SetU64(&forged, 2 * stored + 16, 2 * stored);
  SetU64(&forged, forged.size() - kTrailerSize + 8, 2 * stored + 40);
  Reseal(&forged);
  EXPECT_EQ(Check(forged), "bundle section is not one zstd frame");
}

// ---------------------------------------------------------------------------
// Locator

TEST(Locator, RoundTrip) {
  Locator in;
  in.payload_offset = 123456789;
  in.payload_length = 987654;
  in.file_size = in.payload_offset + in.payload_length + kTrailerSize;
  in.packed = true;
  std::string bytes = SerializeLocator(in);
  ASSERT_EQ(bytes.size(), kLocatorSize);
  EXPECT_EQ(bytes.substr(0, 16), std::string(kLocatorMagic, 16));
  Locator out;
  std::string error;
  ASSERT_TRUE(ParseLocator(Bytes(bytes), bytes.size(), &out, &error)) << error;
  EXPECT_EQ(out.payload_offset, in.payload_offset);
  EXPECT_EQ(out.payload_length, in.payload_length);
  EXPECT_EQ(out.file_size, in.file_size);
  EXPECT_TRUE(out.packed);
  // Little-endian, field by field.
  EXPECT_EQ(static_cast<uint8_t>(bytes[16]), 123456789 & 0xff);
}

TEST(Locator, BareRuntimeIsMagicAndZeros) {
  std::string bare(kLocatorMagic, 16);
  bare.resize(kLocatorSize, '\0');
  Locator out;
  out.packed = true;
  std::string error;
  ASSERT_TRUE(ParseLocator(Bytes(bare), bare.size(), &out, &error)) << error;
  EXPECT_FALSE(out.packed);
  EXPECT_EQ(out.file_size, 0u);
  // An unpacked locator written by SerializeLocator carries a checksum.
  std::string unpacked = SerializeLocator(Locator());
  ASSERT_TRUE(ParseLocator(Bytes(unpacked), unpacked.size(), &out, &error));
  EXPECT_FALSE(out.packed);
}

TEST(Locator, EveryFlippedBitIsDamage) {
  Locator in;
  in.payload_offset = 4096;
  in.payload_length = 5000;
  in.file_size = 4096 + 5000 + kTrailerSize;
  in.packed = true;
  std::string bytes = SerializeLocator(in);
  for (size_t at = 0; at < bytes.size(); ++at) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = bytes;
      bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
      Locator out;
      std::string error;
      EXPECT_FALSE(ParseLocator(Bytes(bad), bad.size(), &out, &error))
          << "byte " << at << " bit " << bit;
      EXPECT_FALSE(error.empty());
    }
  }
}

TEST(Locator, Rejections) {
  std::string bytes = SerializeLocator({1, 2, 1 + 2 + kTrailerSize, true});
  Locator out;
  std::string error;
  EXPECT_FALSE(ParseLocator(Bytes(bytes), bytes.size() - 1, &out, &error));
  EXPECT_EQ(error, "locator is 47 bytes, expected 48");
  EXPECT_FALSE(ParseLocator(nullptr, 0, &out, &error));

  std::string magic = bytes;
  magic[0] = 'X';
  EXPECT_FALSE(ParseLocator(Bytes(magic), magic.size(), &out, &error));
  EXPECT_EQ(error, "locator magic is wrong");

  std::string crc = bytes;
  crc[20] ^= 1;
  EXPECT_FALSE(ParseLocator(Bytes(crc), crc.size(), &out, &error));
  EXPECT_EQ(error, "locator checksum mismatch");

  // packed = 2 with a matching checksum.
  std::string flag = bytes;
  SetU32(&flag, 16 + 24, 2);
  SetU32(&flag, 16 + 28, Crc(flag.data() + 16, 28));
  EXPECT_FALSE(ParseLocator(Bytes(flag), flag.size(), &out, &error));
  EXPECT_EQ(error, "locator packed flag is 2");

  // Sizes that do not add up (or overflow) to the file size.
  for (Locator bad : {Locator{1, 2, 3, true}, Locator{~uint64_t{0}, 2, 1, true},
                      Locator{1, ~uint64_t{0}, 1, true}}) {
    std::string b = SerializeLocator(bad);
    EXPECT_FALSE(ParseLocator(Bytes(b), b.size(), &out, &error));
    EXPECT_EQ(error, "locator fields are inconsistent");
  }
}

// ---------------------------------------------------------------------------
// Manifest

TEST(Manifest, SerializeIsSortedLines) {
  Manifest m = {{"snapshot", "app"}, {"entry", "app.js"}, {"a", "x=y"}};
  EXPECT_EQ(SerializeManifest(m), "a=x=y\nentry=app.js\nsnapshot=app\n");
  EXPECT_EQ(SerializeManifest({}), "");
}

TEST(Manifest, RoundTrip) {
  Manifest m = {{manifest::kJspackVersion, "0.1.0"},
                {manifest::kLibnodeBuildId, "0123abcd"},
                {manifest::kEntryPath, "/home/u/my app/app.js"},
                {"empty", ""}};
  Manifest out;
  std::string error;
  ASSERT_TRUE(ParseManifest(SerializeManifest(m), &out, &error)) << error;
  EXPECT_EQ(out, m);
}

TEST(Manifest, ParseAcceptsMissingFinalNewlineAndUnknownKeys) {
  Manifest out;
  std::string error;
  ASSERT_TRUE(ParseManifest("future_key=1\nentry=a.js", &out, &error));
  EXPECT_EQ(out.at("entry"), "a.js");
  EXPECT_EQ(out.at("future_key"), "1");
  ASSERT_TRUE(ParseManifest("", &out, &error));
  EXPECT_TRUE(out.empty());
}

TEST(Manifest, BadLines) {
  Manifest out;
  std::string error;
  EXPECT_FALSE(ParseManifest("entry=a.js\nnovalue\n", &out, &error));
  EXPECT_EQ(error, "manifest line 2 has no '='");
  EXPECT_FALSE(ParseManifest("entry=a.js\n\n", &out, &error));
  EXPECT_EQ(error, "manifest line 2 has no '='");
  EXPECT_FALSE(ParseManifest("=value\n", &out, &error));
  EXPECT_EQ(error, "manifest line 1 has an empty key");
  EXPECT_FALSE(ParseManifest(std::string("entry=a\0b\n", 10), &out, &error));
  EXPECT_EQ(error, "manifest contains a NUL byte");
  EXPECT_FALSE(ParseManifest("entry=a\nentry=b\n", &out, &error));
  EXPECT_EQ(error, "manifest key 'entry' appears twice");
}

}  // namespace
}  // namespace jspack::payload

namespace jspack::payload {
namespace {

// Portable output: several library sections, told apart by their index;
// one stored precompressed (as the packer's cache hands them over).
TEST(LibrarySections, RoundTripWithIndexAndPrecompressed) {
  std::string a = RandomBytes(10000, 1);
  std::string b = BundleText();
  std::string b_zstd, error;
  ASSERT_TRUE(ZstdCompress(b, 3, &b_zstd, &error)) << error;
  SectionInput pre{SectionKind::kLibrary, b_zstd, Compression::kZstd, 1};
  pre.precompressed = true;
  pre.raw_size = b.size();
  pre.raw_crc32 = SectionCrc32(b.data(), b.size());
  std::vector<SectionInput> sections = {
      {SectionKind::kManifest, "libs=portable\n"},
      {SectionKind::kLibrary, a, Compression::kZstd, 0},
      pre};
  std::string file;
  ASSERT_TRUE(BuildPayload(sections, 0, WriteOptions(), &file, &error))
      << error;
  Payload p;
  ASSERT_TRUE(p.Open(Bytes(file), file.size(), nullptr, &error)) << error;
  EXPECT_TRUE(p.Has(SectionKind::kLibrary, 0));
  EXPECT_TRUE(p.Has(SectionKind::kLibrary, 1));
  EXPECT_FALSE(p.Has(SectionKind::kLibrary, 2));
  std::string out;
  ASSERT_TRUE(p.Read(SectionKind::kLibrary, 0, &out, &error)) << error;
  EXPECT_EQ(out, a);
  ASSERT_TRUE(p.Read(SectionKind::kLibrary, 1, &out, &error)) << error;
  EXPECT_EQ(out, b);
  std::string into(b.size(), '\0');
  ASSERT_TRUE(p.ReadInto(SectionKind::kLibrary, 1,
                         reinterpret_cast<uint8_t*>(into.data()), into.size(),
                         &error));
  EXPECT_EQ(into, b);
  EXPECT_FALSE(p.ReadInto(SectionKind::kLibrary, 1,
                          reinterpret_cast<uint8_t*>(into.data()), 5, &error));
  EXPECT_EQ(p.sections().size(), 3u);
}

TEST(LibrarySections, DuplicateIndexAndIndexOnOtherKindsRefused) {
  std::string error, file;
  EXPECT_FALSE(BuildPayload({{SectionKind::kLibrary, "x", Compression::kNone, 3},
                             {SectionKind::kLibrary, "y", Compression::kNone, 3}},
                            0, WriteOptions(), &file, &error));
  EXPECT_EQ(error, "two library section 3s");
  EXPECT_FALSE(BuildPayload({{SectionKind::kBundle, "x", Compression::kNone, 1}},
                            0, WriteOptions(), &file, &error));
}

// A damaged library is found by its own check even when the payload-wide
// crc32 is skipped (the portable warm start skips it).
TEST(LibrarySections, SkippedPayloadCrcStillChecksSections) {
  std::string error, file;
  ASSERT_TRUE(BuildPayload({{SectionKind::kLibrary, BundleText(),
                             Compression::kNone, 0}},
                           0, WriteOptions(), &file, &error));
  file[100] ^= 1;
  Payload p;
  EXPECT_FALSE(p.Open(Bytes(file), file.size(), nullptr, &error));
  EXPECT_EQ(error, "payload checksum mismatch");
  ASSERT_TRUE(p.Open(Bytes(file), file.size(), nullptr, &error, false))
      << error;
  EXPECT_FALSE(p.Read(SectionKind::kLibrary, 0, nullptr, &error));
  EXPECT_EQ(error, "library section 0 checksum mismatch");
}

// FIPS 180-4 test vectors, and a split update equal to one update.
TEST(Sha256, KnownVectors) {
  EXPECT_EQ(Sha256Hex("", 0),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc", 3),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::string two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  EXPECT_EQ(Sha256Hex(two.data(), two.size()),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  Sha256 h;
  for (size_t i = 0; i < million.size(); i += 999) {
    h.Update(million.data() + i, std::min<size_t>(999, million.size() - i));
  }
  EXPECT_EQ(h.HexFinal(),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

}  // namespace
}  // namespace jspack::payload
