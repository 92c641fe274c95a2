// `jspack run <entry> [args...]`: bundle and run an app without writing an
// executable; the jspack process becomes the app.
#pragma once

#include <string>

#include "packer/cli.h"
#include "packer/status.h"
#include "runtime/payload/payload.h"

namespace jspack::packer {

// The manifest of a `jspack run` payload: no snapshot key (it boots from the
// runtime's base snapshot), `entry` the base name, `entry_path` the real
// absolute path (argv[1] under Node).
payload::Manifest RunManifest(const std::string& entry);

// Bundles the entry, hands the runtime a standalone payload in a memfd and
// execs it. Returns only on failure.
Status Run(const Options& options);

}  // namespace jspack::packer
