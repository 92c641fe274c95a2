// Building V8 startup snapshots: the base one (stdlib evaluated) at build
// time, the app one (base + the app's bundle compiled, not run) at pack time.
#pragma once

#include <v8.h>

#include <functional>
#include <string>

#include "runtime/core/runtime.h"

namespace jspack::runtime {

// Evaluates the stdlib from source and snapshots the result.
bool BuildBaseSnapshot(std::string* blob, std::string* error);

// Starts from `base_blob` (or from source when it is empty), compiles the
// app's bundle eagerly without running it, and snapshots the result.
// `filename` names the script in stack traces.
bool BuildAppSnapshot(const std::string& base_blob, const std::string& bundle,
                      const std::string& filename, std::string* blob,
                      std::string* error);

// `jspack --build-snapshot`: the context index, in the app snapshot, of the
// context in which the app's main ran at pack time. The default context is
// the app compiled and not run, as BuildAppSnapshot makes it: workers and
// forks of other entries boot that one.
constexpr size_t kInitializedAppContextIndex = 1;

// Why an initialized app could not be snapshotted: the cause and the fix,
// in the words the packer shows the user.
struct SnapshotRefusal {
  std::string cause;
  std::string fix;
};

// Like BuildAppSnapshot, and then in a second context the app's main runs
// (a Runtime with this process's loop and `info`: the packer's argv, env,
// cwd and stdio) with v8.startupSnapshot.isBuildingSnapshot() true, until
// the loop is empty; its serialize callbacks run and the result is
// snapshotted at kInitializedAppContextIndex.
// `refuse` reports why the app cannot be snapshotted and ends the process
// (it must not return); it is also called when the app ends the process
// while it runs (process.exit, an uncaught error). Returns false with
// `error` set on a failure that is not the app's.
using RefuseFn = std::function<void(const SnapshotRefusal&)>;
bool BuildInitializedAppSnapshot(const std::string& base_blob,
                                 const std::string& bundle,
                                 const std::string& filename, RunInfo info,
                                 const RefuseFn& refuse, std::string* blob,
                                 std::string* error);

// Clears, when a context is deserialized, the internal fields the
// serializer found pointing at native memory (there are none in a snapshot
// jspack made; it refuses such objects at pack time).
v8::DeserializeInternalFieldsCallback InternalFieldsDeserializer();

}  // namespace jspack::runtime
