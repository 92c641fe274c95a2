// The payload format: the contract between the packer and the runtime.
//
// A packed app is a runtime stub followed by its payload:
//
//   [stub bytes][section data ...][section table][trailer]
//    ^0         ^payload_offset                  ^file_size - kTrailerSize
//
// All integers are little-endian and (de)serialized field by field; structs
// here are never memcpy'd to or from disk. The stub also carries a Locator in
// its own ELF section (kLocatorSectionName), patched by the packer, so the
// runtime knows before reading the file where its payload must be and how big
// the file must be: a truncated file, or one whose trailer was damaged, is then
// reported as damaged instead of being mistaken for a bare runtime.
//
// A standalone payload file (the base snapshot, the payload `jspack run` hands
// the runtime) is the same layout with no stub: payload_offset is 0.
#pragma once

#include <cstddef>
#include <cstdint>

namespace jspack::payload {

// Bumped on any incompatible change; readers refuse other versions.
constexpr uint32_t kFormatVersion = 1;

// Last 8 bytes of a file that has a payload.
constexpr char kTrailerMagic[8] = {'J', 'S', 'P', 'A', 'C', 'K', 'P', '1'};

// Trailer, in file order:
//   u64 payload_offset   file offset of the first section's data
//   u64 payload_length   bytes from payload_offset up to the trailer (data +
//                        table)
//   u32 format_version
//   u32 section_count
//   u32 payload_crc32    zlib crc32 of the payload_length bytes
//   u32 trailer_crc32    crc32 of the 28 bytes above
//   u8  magic[8]         kTrailerMagic
constexpr size_t kTrailerSize = 8 + 8 + 4 + 4 + 4 + 4 + 8;

// One section table entry, in file order (the table sits right before the
// trailer, section_count entries):
//   u32 kind             SectionKind
//   u32 compression      Compression
//   u64 offset           relative to payload_offset
//   u64 stored_size      bytes on disk
//   u64 raw_size         bytes after decompression
//   u32 raw_crc32        crc32 of the decompressed bytes
//   u32 index            0, except for kLibrary: which library (0, 1, ...);
//                        (kind, index) is unique in a table
constexpr size_t kSectionEntrySize = 4 + 4 + 8 + 8 + 8 + 4 + 4;

// Upper bounds a reader enforces before allocating anything.
constexpr uint32_t kMaxSections = 64;
constexpr uint64_t kMaxSectionRawSize = uint64_t{4} << 30;  // 4 GiB

enum class SectionKind : uint32_t {
  kManifest = 1,   // UTF-8 "key=value\n" lines; see manifest keys below
  kSnapshot = 2,   // V8 startup blob (v8::StartupData bytes)
  kBundle = 3,     // the app's esbuild bundle (CommonJS, UTF-8)
  kSourceMap = 4,  // the bundle's source map (JSON)
  // Portable output: one shared object (the runtime or a library of its
  // closure), raw ELF bytes; the manifest's lib.NN keys say which is which.
  kLibrary = 5,
};

enum class Compression : uint32_t {
  kNone = 0,
  kZstd = 1,  // one zstd frame with its content size set
};

// The base snapshot (the stdlib evaluated) ships next to jspack-runtime in
// this file, a standalone payload whose manifest says snapshot=base.
constexpr char kBaseSnapshotFileName[] = "jspack-base.snapshot";

// Manifest keys. Unknown keys are ignored by readers (forward compatible).
namespace manifest {
constexpr char kJspackVersion[] = "jspack_version";
constexpr char kV8Version[] = "v8_version";
// Hex GNU build-id of the libnode that made the snapshot section.
constexpr char kLibnodeBuildId[] = "libnode_build_id";
// The entry's file name ("app.js"); the app sees argv[1] and __filename as
// that name in the executable's directory.
constexpr char kEntry[] = "entry";
// Absolute entry path, set only by `jspack run` (argv[1] is then the real
// path, as under Node).
constexpr char kEntryPath[] = "entry_path";
// "app": the snapshot section holds the stdlib plus the compiled app;
// "base": it holds the stdlib only; absent: no snapshot section.
constexpr char kSnapshot[] = "snapshot";
// "1" (with snapshot "app"): the app's main ran at pack time (`jspack
// --build-snapshot`); the run boots the snapshot's initialized context and
// runs the app's deserialize callbacks and main function.
constexpr char kAppInitialized[] = "app_initialized";
// "esm": the bundle is an ES module (it uses top-level await) and runs from
// source; absent or "cjs": a CommonJS bundle.
constexpr char kBundleFormat[] = "bundle_format";
// "portable": the file is the launcher (runtime/launcher/) and the payload
// carries the runtime as a shared object with its libraries; absent or
// "system": the file is jspack-runtime itself, linked against the system's.
constexpr char kLibs[] = "libs";
// Portable only. kLibPrefix + two digits ("lib.00", "lib.01", ...), in load
// order (every library after its dependencies, the runtime last), each
//   "<file name> <section index> <raw size> <sha256 hex>[ x86=BEGIN-END]"
// Identical libraries share one kLibrary section (the same index). With
// x86=, the section holds the file with the x86 branch transform applied to
// bytes BEGIN..END (runtime/launcher/code_filter.h), which the reader
// undoes; the sha256 is of the file itself.
constexpr char kLibPrefix[] = "lib.";
// Portable only: the extraction cache's directory name, the sha256 of the
// lib.NN values joined by newlines (so one app's libraries share one
// directory, and another set of libraries never lands in it).
constexpr char kLibsHash[] = "libs_hash";
// Portable only: "full" or "small", the ICU data carried (jspack --icu);
// informational (jspack inspect), the launcher does not read it.
constexpr char kIcu[] = "icu";
// Portable only: the runtime's exported entry function (launch.h).
constexpr char kRuntimeEntry[] = "runtime_entry";
}  // namespace manifest

// Portable output: the payload sits in a PT_LOAD segment of its own that the
// packer adds to the launcher, behind a segment header so the launcher can
// tell it from its other segments through its program headers:
//   u8  magic[16]        kSegmentMagic
//   u64 payload_size     bytes of the payload that follow (a standalone
//                        payload: its trailer's payload_offset is 0)
//   u64 reserved         0
// The segment's bytes also form the ELF section kPayloadSectionName, so
// strip and objcopy keep them.
constexpr char kSegmentMagic[16] = {'J', 'S', 'P', 'A', 'C', 'K', '-', 'S',
                                    'E', 'G', 'M', 'E', 'N', 'T', '-', '1'};
constexpr size_t kSegmentHeaderSize = 16 + 8 + 8;
constexpr char kPayloadSectionName[] = ".jspack_payload";

// The Locator lives in the runtime stub's kLocatorSectionName ELF section.
// In a bare runtime `packed` is 0. The packer patches the copy it writes:
// packed = 1, the payload's place, the final file size, and fields_crc32 =
// crc32 of the serialized fields from payload_offset through packed.
//   u8  magic[16]        kLocatorMagic
//   u64 payload_offset
//   u64 payload_length   as in the trailer
//   u64 file_size        size of the whole packed file
//   u32 packed
//   u32 fields_crc32
constexpr char kLocatorSectionName[] = ".jspack_locator";
constexpr char kLocatorMagic[16] = {'J', 'S', 'P', 'A', 'C', 'K', '-', 'L',
                                    'O', 'C', 'A', 'T', 'O', 'R', '-', '1'};
constexpr size_t kLocatorSize = 16 + 8 + 8 + 8 + 4 + 4;

}  // namespace jspack::payload
