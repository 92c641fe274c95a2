// V8 process setup: one platform for the whole process.
#include "runtime/core/v8_setup.h"

#include <uv.h>
#include <v8.h>

#include <cstdlib>
#include <memory>

#include "runtime/core/platform.h"

namespace jspack::runtime {

namespace {
std::unique_ptr<LoopPlatform> platform;

// The flags that differ between the two modes, and what undoes each set (the
// defaults). A flag at its default is left out of V8's flag hash.
constexpr char kBuildFlags[] =
    "--hash-seed=20261123 --random-seed=20261123 --no-flush-bytecode";
constexpr char kBuildFlagsUndone[] =
    "--hash-seed=0 --random-seed=0 --flush-bytecode";
constexpr char kRunFlags[] = "--no-verify-snapshot-checksum";
constexpr char kRunFlagsUndone[] = "--verify-snapshot-checksum";
bool building = false;
}  // namespace

RunTimeFlagsScope::RunTimeFlagsScope() {
  if (!building) return;
  v8::V8::SetFlagsFromString(kBuildFlagsUndone);
  v8::V8::SetFlagsFromString(kRunFlags);
}

RunTimeFlagsScope::~RunTimeFlagsScope() {
  if (!building) return;
  v8::V8::SetFlagsFromString(kRunFlagsUndone);
  v8::V8::SetFlagsFromString(kBuildFlags);
}

void InitializeV8(const char* argv0, bool building_snapshot) {
  if (platform) return;
  // Import assertions (`import data from './x.json' assert { type: 'json'
  // }`), as Node 20 parses them; the same in snapshots and at run time.
  v8::V8::SetFlagsFromString("--harmony-import-assertions");
  building = building_snapshot;
  if (building_snapshot) {
    // --no-flush-bytecode: the full GCs CreateBlob runs must not discard the
    // bytecode of functions that never ran (all of the app's).
    v8::V8::SetFlagsFromString(kBuildFlags);
  } else {
    // The payload reader has already checked the snapshot section's crc32;
    // V8's own adler32 pass over the blob would repeat that at every start.
    v8::V8::SetFlagsFromString(kRunFlags);
  }
  // For investigating the engine (e.g. --log-function-events): V8 flags of
  // the developer's choosing, applied last.
  if (const char* flags = getenv("JSPACK_V8_FLAGS")) {
    v8::V8::SetFlagsFromString(flags);
  }
  v8::V8::InitializeICUDefaultLocation(argv0);
  // Two worker threads: enough for V8's background compile and GC on the
  // small machines CLIs run on, and cheap to start.
  platform = NewLoopPlatform(2);
  v8::V8::InitializePlatform(platform.get());
  v8::V8::Initialize();
}

void ConfigureHeapForMachine(v8::ResourceConstraints& constraints) {
  uint64_t memory = uv_get_total_memory();
  uint64_t constrained = uv_get_constrained_memory();
  if (constrained > 0 && constrained < memory) memory = constrained;
  if (memory > 0) constraints.ConfigureDefaults(memory, 0);
  // Young space starts at 4 MiB semi-spaces instead of V8's 1 MiB (its
  // size is 3 semi-spaces). Each scavenge also visits the snapshot's object
  // caches, a cost per scavenge that the stdlib in the snapshot makes
  // large: a server allocating a few KiB per request scavenged every few
  // hundred requests, for 6% of its instructions (hello server under
  // callgrind, bench/README.md). Memory is only touched as it is used.
  constexpr size_t kInitialYoung = 3 * 4 * 1024 * 1024;
  if (memory >= 1024ull * 1024 * 1024 &&
      constraints.initial_young_generation_size_in_bytes() < kInitialYoung &&
      constraints.max_young_generation_size_in_bytes() >= kInitialYoung) {
    constraints.set_initial_young_generation_size_in_bytes(kInitialYoung);
  }
}

}  // namespace jspack::runtime
