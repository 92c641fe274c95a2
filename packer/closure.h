// The shared-library closure of the runtime for portable output: every
// library it needs, found the way the dynamic loader would find it on this
// (the packing) machine, glibc's own libraries left out.
//
// Search order for a DT_NEEDED name without a slash, as ld.so(8) does it:
//   1. DT_RPATH of the needing object and of each object that loaded it,
//      when the needing object has no DT_RUNPATH
//   2. (LD_LIBRARY_PATH: deliberately ignored, see ClosureOptions)
//   3. DT_RUNPATH of the needing object
//   4. /etc/ld.so.cache
//   5. the default directories
// $ORIGIN in a path is the needing object's directory. A candidate file that
// is not an x86-64 ELF shared object is skipped, as ld.so skips it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "packer/status.h"

namespace jspack::packer {

struct SharedLibrary {
  std::string name;  // the DT_NEEDED name it was asked for ("libuv.so.1")
  std::string path;  // the file it resolved to
  // The names of its own carried dependencies (glibc's left out).
  std::vector<std::string> needed;
};

struct ClosureOptions {
  // Pack time does not read LD_LIBRARY_PATH: the output must not depend on
  // the packing shell's environment (same input, same bytes), and the
  // runtime's own DT_RUNPATH already names the libraries it was built for.
  // Tests and users with odd layouts may give extra directories here; they
  // are searched where LD_LIBRARY_PATH would be.
  std::vector<std::string> library_path;
  std::string ld_so_cache = "/etc/ld.so.cache";
  std::vector<std::string> default_dirs = {
      "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib",
      "/usr/lib"};
};

// True for the libraries glibc itself installs (libc.so.6, libm.so.6, the
// loader, libpthread, libdl, librt, ...): they must come from the target.
bool IsGlibcLibrary(const std::string& name);

// Parses the bytes of an ld.so.cache ("glibc-ld.so.cache1.1", optionally
// after the old "ld.so-1.7.0" table) into name -> path for x86-64 libc6
// entries; the first entry for a name wins, as in ld.so's lookup.
bool ParseLdSoCache(const std::string& bytes,
                    std::map<std::string, std::string>* out,
                    std::string* error);

// Resolves the closure of `root` (an ELF executable or shared object). `out`
// lists the libraries in load order: every library after all of its
// dependencies (root itself is not included).
Status ComputeClosure(const std::string& root, const ClosureOptions& options,
                      std::vector<SharedLibrary>* out);

// The GNU build-id (hex) of an ELF image in memory, "" if it has none.
std::string ElfBuildId(const std::string& bytes);

}  // namespace jspack::packer
