// Building V8 startup snapshots: the base one (stdlib evaluated) at build
// time, the app one (base + the app's bundle compiled, not run) at pack time.
#pragma once

#include <string>

namespace jspack::runtime {

// Evaluates the stdlib from source and snapshots the result.
bool BuildBaseSnapshot(std::string* blob, std::string* error);

// Starts from `base_blob` (or from source when it is empty), compiles the
// app's bundle eagerly without running it, and snapshots the result.
// `filename` names the script in stack traces.
bool BuildAppSnapshot(const std::string& base_blob, const std::string& bundle,
                      const std::string& filename, std::string* blob,
                      std::string* error);

}  // namespace jspack::runtime
