// The runtime stub: validated with LLVM libObject before anything is packed
// into a copy of it, and its .jspack_locator section patched in that copy.
#pragma once

#include <cstdint>
#include <string>

#include "packer/status.h"
#include "runtime/payload/payload.h"

namespace jspack::packer {

struct Stub {
  std::string path;
  std::string bytes;            // the whole file
  uint64_t locator_offset = 0;  // file offset of the .jspack_locator bytes
};

// Reads and validates the stub at `path`. `origin` says where the path came
// from ("from --runtime", "next to jspack") for the error messages. Refuses
// a missing file, a non-object, a non-ELF, a non-executable, another machine
// than x86-64, a file without a valid .jspack_locator section ("not a jspack
// runtime"), and one that already carries a payload.
Status LoadStub(const std::string& path, const std::string& origin, Stub* out);

// Validates stub bytes already in memory (LoadStub minus the reading).
Status InspectStub(const std::string& path, const std::string& origin,
                   const std::string& bytes, uint64_t* locator_offset);

// The stub's bytes with its locator replaced by SerializeLocator(locator).
std::string PatchLocator(const Stub& stub, const payload::Locator& locator);

}  // namespace jspack::packer
