// `jspack inspect <binary> [--json]`: what a packed binary holds (versions,
// target, libs mode, each section with its sizes and checksum state, the
// entry, the snapshot and whether it fits the libnode the binary would
// load). Works on damaged files too: the damage is named, not fatal.
#pragma once

#include <string>

#include "packer/status.h"

namespace jspack::packer {

// Fills `out` with the report (text, or one JSON object). Returns an error
// only when the file cannot be read at all; a damaged or foreign file is a
// report that says so (and `*damaged` is set, for the exit status).
Status Inspect(const std::string& path, bool json, std::string* out,
               bool* damaged);

}  // namespace jspack::packer
