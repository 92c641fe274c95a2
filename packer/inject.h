// Placing a portable app's payload inside the launcher's loaded image: the
// launcher's own PT_NOTE slot (.note.jspack, runtime/launcher/launcher.cc)
// becomes a read-only PT_LOAD that maps the payload, and the same bytes get
// a section header (.jspack_payload), so strip, objcopy and patchelf keep
// them and readelf/objdump describe them. Nothing is appended outside the
// ELF structure.
#pragma once

#include <string>

#include "packer/status.h"

namespace jspack::packer {

// Checks `launcher` (its bytes; `name` for messages) with libObject: an
// x86-64 ELF executable with a free jspack note slot.
Status CheckLauncher(const std::string& name, const std::string& launcher);

// The launcher with `payload` (a standalone payload) in a new PT_LOAD
// segment behind the segment header of runtime/payload/format.h.
Status InjectPayload(const std::string& name, const std::string& launcher,
                     const std::string& payload, std::string* out);

// Where the payload segment of a packed launcher is (for inspect): the
// payload's bytes, or a reason.
bool FindPayloadSegment(const std::string& file, std::string* payload,
                        std::string* error);

}  // namespace jspack::packer
