// V8 process setup shared by every mode: platform, flags, ICU.
#pragma once

namespace v8 {
class ResourceConstraints;
}  // namespace v8

namespace jspack::runtime {

// Initializes V8 once per process. Snapshot builds fix V8's hash and random
// seeds so the same input gives the same blob; a booting runtime rehashes the
// snapshot with a fresh seed (V8's --rehash-snapshot), so runs do not share
// a predictable seed. $JSPACK_V8_FLAGS adds V8 flags of the developer's
// choosing (e.g. --print-bytecode), for investigating the engine.
void InitializeV8(const char* argv0, bool building_snapshot = false);

// While one lives, V8's flags are those of a booting runtime, even in a
// snapshot build. A code cache records a hash of the flags it was made under
// and V8 rejects it under others, so the pack-time runtime makes the caches
// a packed app will read (stdlib.cc's createCodeCache) inside one.
class RunTimeFlagsScope {
 public:
  RunTimeFlagsScope();
  ~RunTimeFlagsScope();
  RunTimeFlagsScope(const RunTimeFlagsScope&) = delete;
  RunTimeFlagsScope& operator=(const RunTimeFlagsScope&) = delete;
};

// Sizes an isolate's heap for this machine as Node does: V8's defaults for
// the physical memory (or the cgroup's limit when that is lower), so the heap
// limit and V8's heap-growing heuristics match `node` on the same machine.
// --max-old-space-size and similar flags still win.
void ConfigureHeapForMachine(v8::ResourceConstraints& constraints);

}  // namespace jspack::runtime
