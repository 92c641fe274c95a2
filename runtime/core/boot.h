// Booting an isolate from a snapshot (or from source) and running the app.
#pragma once

#include <string>

#include "runtime/core/runtime.h"

namespace jspack::runtime {

struct BootPlan {
  // A V8 startup blob made by this binary's libnode; empty: boot from source.
  std::string snapshot;
  // True if the snapshot already holds the compiled app.
  bool app_in_snapshot = false;
  // The snapshot's app ran its main at pack time (`jspack --build-snapshot`).
  bool app_initialized = false;
  // The app's bundle, compiled and run when it is not in the snapshot.
  std::string bundle_source;
  RunInfo info;
};

// Runs the app to completion; returns the process exit code.
int BootAndRun(BootPlan plan);

}  // namespace jspack::runtime
