// Facts about the V8 this process runs: libnode's build-id, V8's version.
#pragma once

#include <string>

namespace jspack::runtime {

// Hex GNU build-id of the loaded libnode, or "" if none is found.
std::string LoadedLibnodeBuildId();

// V8's version string, e.g. "10.2.154.26-node.36".
std::string V8Version();

}  // namespace jspack::runtime
