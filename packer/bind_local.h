// Pre-resolves a shared library's references to its own symbols, the way
// linking it with -Bsymbolic would, for one known executable.
//
// Debian's libnode makes ~58,000 symbolic relocations that resolve to
// libnode itself; looking each up by name costs ~25 ms at every start. When
// libnode is the first DT_NEEDED of the executable and the executable defines
// none of those symbols, every such lookup finds libnode's own definition, so
// replacing the relocation with R_X86_64_RELATIVE (base + symbol value) gives
// the same result without a lookup. Code, symbols and the build-id note are
// untouched, so the library is the same V8 for snapshots and for dlsym.
#pragma once

#include <string>

#include "packer/status.h"

namespace jspack::packer {

struct BindLocalStats {
  size_t converted = 0;  // relocations turned into R_X86_64_RELATIVE
  size_t kept = 0;       // symbolic relocations left for the dynamic linker
};

// Reads `library` (an x86-64 ELF shared object) and writes the pre-resolved
// copy to `output` (via a temporary file and rename). Symbols that
// `executable` defines in its dynamic symbol table are left alone, and the
// executable's first DT_NEEDED must be the library's soname.
Status BindLocal(const std::string& library, const std::string& executable,
                 const std::string& output, BindLocalStats* stats);

}  // namespace jspack::packer
