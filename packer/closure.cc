// Walking DT_NEEDED with LLVM libObject and resolving each name as ld.so
// would (closure.h).
#include "packer/closure.h"

#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>
#include <sys/stat.h>

#include <cstring>
#include <functional>
#include <set>

#include "packer/files.h"

namespace jspack::packer {
namespace {

constexpr char kFix[] =
    "Install the missing library, or pack with --libs=system.";

// The dynamic section of one ELF file, as far as the closure needs it.
struct DynamicInfo {
  std::vector<std::string> needed;
  std::vector<std::string> rpath;
  std::vector<std::string> runpath;
  bool has_runpath = false;
};

std::vector<std::string> SplitPath(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t colon = text.find(':', pos);
    if (colon == std::string::npos) colon = text.size();
    // An empty entry means the current directory to ld.so; a packer must not
    // depend on its cwd, and no sane runtime is linked so.
    if (colon > pos) out.push_back(text.substr(pos, colon - pos));
    pos = colon + 1;
  }
  return out;
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

// $ORIGIN and ${ORIGIN}; $LIB and $PLATFORM as Debian's x86-64 ld.so has
// them.
std::string ExpandTokens(std::string dir, const std::string& origin) {
  const std::pair<const char*, std::string> kTokens[] = {
      {"${ORIGIN}", origin},      {"$ORIGIN", origin},
      {"${LIB}", "lib/x86_64-linux-gnu"}, {"$LIB", "lib/x86_64-linux-gnu"},
      {"${PLATFORM}", "x86_64"},  {"$PLATFORM", "x86_64"}};
  for (const auto& [token, value] : kTokens) {
    size_t at;
    while ((at = dir.find(token)) != std::string::npos) {
      dir.replace(at, strlen(token), value);
    }
  }
  return dir;
}

// Reads `path` and its dynamic section. `why` is "" when the file is a usable
// x86-64 shared object; otherwise it says what is wrong with it.
bool ReadDynamic(const std::string& path, DynamicInfo* info, std::string* why) {
  // Mapped, not read: only the headers and the dynamic section are touched,
  // and libnode and ICU's data are 80 MB.
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                  /*RequiresNullTerminator=*/false);
  if (!buffer) {
    *why = "cannot read " + path + ": " + buffer.getError().message();
    return false;
  }
  llvm::StringRef bytes = (*buffer)->getBuffer();
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> object =
      llvm::object::ObjectFile::createObjectFile((*buffer)->getMemBufferRef());
  if (!object) {
    *why = path + " is not an ELF file (" + llvm::toString(object.takeError()) +
           ")";
    return false;
  }
  auto* elf_object =
      llvm::dyn_cast<llvm::object::ELF64LEObjectFile>(object->get());
  if (elf_object == nullptr ||
      elf_object->getELFFile().getHeader().e_machine != llvm::ELF::EM_X86_64) {
    *why = path + " is not an x86-64 ELF file";
    return false;
  }
  const auto& elf = elf_object->getELFFile();
  auto entries = elf.dynamicEntries();
  if (!entries) {
    *why = path + " has a damaged dynamic section (" +
           llvm::toString(entries.takeError()) + ")";
    return false;
  }
  uint64_t strtab = 0;
  uint64_t strsz = 0;
  for (const auto& dyn : *entries) {
    if (dyn.d_tag == llvm::ELF::DT_STRTAB) strtab = dyn.getPtr();
    if (dyn.d_tag == llvm::ELF::DT_STRSZ) strsz = dyn.getVal();
  }
  const char* strings = nullptr;
  if (strtab != 0) {
    auto mapped = elf.toMappedAddr(strtab);
    if (!mapped) {
      *why = path + " has a damaged string table (" +
             llvm::toString(mapped.takeError()) + ")";
      return false;
    }
    strings = reinterpret_cast<const char*>(*mapped);
    const char* end = bytes.data() + bytes.size();
    if (strings < bytes.data() || strings > end ||
        strsz > static_cast<uint64_t>(end - strings)) {
      *why = path + " has a string table outside the file";
      return false;
    }
  }
  auto text = [&](uint64_t offset, std::string* out) {
    if (strings == nullptr || offset >= strsz) return false;
    size_t n = strnlen(strings + offset, strsz - offset);
    if (offset + n >= strsz) return false;  // not NUL-terminated
    out->assign(strings + offset, n);
    return true;
  };
  DynamicInfo result;
  for (const auto& dyn : *entries) {
    std::string value;
    switch (dyn.d_tag) {
      case llvm::ELF::DT_NEEDED:
      case llvm::ELF::DT_RPATH:
      case llvm::ELF::DT_RUNPATH:
        if (!text(dyn.getVal(), &value)) {
          *why = path + " has a dynamic entry outside its string table";
          return false;
        }
        break;
      default:
        continue;
    }
    if (dyn.d_tag == llvm::ELF::DT_NEEDED) {
      result.needed.push_back(value);
    } else if (dyn.d_tag == llvm::ELF::DT_RPATH) {
      for (std::string& dir : SplitPath(value)) result.rpath.push_back(dir);
    } else {
      result.has_runpath = true;
      for (std::string& dir : SplitPath(value)) result.runpath.push_back(dir);
    }
  }
  *info = std::move(result);
  why->clear();
  return true;
}

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// One loaded object on the way down from the root: its path and dynamic
// section, and who loaded it (for the DT_RPATH chain).
struct Node {
  std::string path;
  DynamicInfo dynamic;
  const Node* loader = nullptr;
};

class Resolver {
 public:
  explicit Resolver(const ClosureOptions& options) : options_(options) {}

  Status Init() {
    std::string bytes, error;
    // No cache is fine (a minimal root, a container): ld.so then uses the
    // default directories only.
    if (options_.ld_so_cache.empty() ||
        !ReadFile(options_.ld_so_cache, &bytes, &error)) {
      return Status::Ok();
    }
    if (!ParseLdSoCache(bytes, &cache_, &error)) {
      return Status::Error(options_.ld_so_cache + " is damaged: " + error,
                           "Run ldconfig to rebuild it.");
    }
    return Status::Ok();
  }

  // Finds `name` for `from`; "" with `tried` listing what was rejected.
  std::string Find(const std::string& name, const Node& from,
                   std::string* tried) {
    std::vector<std::string> candidates;
    if (name.find('/') != std::string::npos) {
      candidates.push_back(ExpandTokens(name, DirName(from.path)));
    } else {
      if (!from.dynamic.has_runpath) {
        for (const Node* n = &from; n != nullptr; n = n->loader) {
          if (n->dynamic.has_runpath) continue;
          for (const std::string& dir : n->dynamic.rpath) {
            candidates.push_back(ExpandTokens(dir, DirName(n->path)) + "/" +
                                 name);
          }
        }
      }
      for (const std::string& dir : options_.library_path) {
        candidates.push_back(dir + "/" + name);
      }
      for (const std::string& dir : from.dynamic.runpath) {
        candidates.push_back(ExpandTokens(dir, DirName(from.path)) + "/" +
                             name);
      }
      auto cached = cache_.find(name);
      if (cached != cache_.end()) candidates.push_back(cached->second);
      for (const std::string& dir : options_.default_dirs) {
        candidates.push_back(dir + "/" + name);
      }
    }
    for (const std::string& candidate : candidates) {
      if (!IsRegularFile(candidate)) continue;
      DynamicInfo info;
      std::string why;
      if (!ReadDynamic(candidate, &info, &why)) {
        *tried += (tried->empty() ? "" : "; ") + why;
        continue;
      }
      return candidate;
    }
    return "";
  }

 private:
  const ClosureOptions& options_;
  std::map<std::string, std::string> cache_;
};

uint32_t GetU32(const std::string& b, size_t at) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(b[at + i]);
  return v;
}

}  // namespace

bool IsGlibcLibrary(const std::string& name) {
  static const char* const kGlibc[] = {
      "ld-linux-x86-64.so.2", "libc.so.6",        "libm.so.6",
      "libdl.so.2",           "libpthread.so.0",  "librt.so.1",
      "libresolv.so.2",       "libutil.so.1",     "libanl.so.1",
      "libnsl.so.1",          "libBrokenLocale.so.1", "libmvec.so.1",
      "libthread_db.so.1",    "libc_malloc_debug.so.0", "libmemusage.so",
      "libpcprofile.so",      "libnss_files.so.2", "libnss_dns.so.2",
      "libnss_compat.so.2",   "libnss_hesiod.so.2", "linux-vdso.so.1"};
  std::string base = name.substr(name.rfind('/') + 1);
  for (const char* g : kGlibc) {
    if (base == g) return true;
  }
  return false;
}

bool ParseLdSoCache(const std::string& bytes,
                    std::map<std::string, std::string>* out,
                    std::string* error) {
  static const char kOld[] = "ld.so-1.7.0";
  static const char kNew[] = "glibc-ld.so.cache1.1";
  size_t base = 0;
  if (bytes.compare(0, sizeof(kOld) - 1, kOld) == 0) {
    // struct cache_file { char magic[11]; u32 nlibs; entries[nlibs] of 3
    // ints }, then the new format at the next 8-byte boundary.
    if (bytes.size() < 16) {
      *error = "old header is truncated";
      return false;
    }
    uint64_t nlibs = GetU32(bytes, 12);
    uint64_t end = 16 + nlibs * 12;
    base = (end + 7) & ~uint64_t{7};
    if (base > bytes.size()) {
      *error = "old table is truncated";
      return false;
    }
  }
  // struct cache_file_new: magic[17] version[3] u32 nlibs u32 len_strings
  // u8 flags[4] u32 extension_offset u32 unused[3] = 48 bytes; entries of
  // i32 flags, u32 key, u32 value, u32 osversion, u64 hwcap = 24 bytes.
  constexpr size_t kHeader = 48;
  constexpr size_t kEntry = 24;
  if (bytes.size() < base + kHeader ||
      bytes.compare(base, sizeof(kNew) - 1, kNew) != 0) {
    *error = "no glibc-ld.so.cache1.1 header";
    return false;
  }
  uint64_t nlibs = GetU32(bytes, base + 20);
  if (nlibs > (bytes.size() - base - kHeader) / kEntry) {
    *error = "entry table is truncated";
    return false;
  }
  auto string_at = [&](uint32_t offset, std::string* s) {
    uint64_t at = base + offset;
    if (at >= bytes.size()) return false;
    size_t nul = bytes.find('\0', at);
    if (nul == std::string::npos) return false;
    *s = bytes.substr(at, nul - at);
    return true;
  };
  constexpr uint32_t kTypeMask = 0x00ff;
  constexpr uint32_t kElfLibc6 = 0x0003;
  constexpr uint32_t kArchMask = 0xff00;
  constexpr uint32_t kX8664Lib64 = 0x0300;
  std::map<std::string, std::string> result;
  for (uint64_t i = 0; i < nlibs; ++i) {
    size_t at = base + kHeader + i * kEntry;
    uint32_t flags = GetU32(bytes, at);
    if ((flags & kTypeMask) != kElfLibc6 ||
        (flags & kArchMask) != kX8664Lib64) {
      continue;
    }
    std::string key, value;
    if (!string_at(GetU32(bytes, at + 4), &key) ||
        !string_at(GetU32(bytes, at + 8), &value)) {
      *error = "entry " + std::to_string(i) + " points outside the file";
      return false;
    }
    result.emplace(key, value);
  }
  *out = std::move(result);
  return true;
}

Status ComputeClosure(const std::string& root, const ClosureOptions& options,
                      std::vector<SharedLibrary>* out) {
  Resolver resolver(options);
  Status status = resolver.Init();
  if (!status.ok()) return status;
  Node root_node;
  root_node.path = root;
  std::string why;
  if (!ReadDynamic(root, &root_node.dynamic, &why)) {
    return Status::Error(why, "Pass a jspack runtime built for x86-64 Linux.");
  }

  // Depth-first, post-order: a library is appended after its dependencies.
  // ld.so finds an already loaded library by its name, so the first
  // resolution of a name is the one every later user gets.
  std::vector<SharedLibrary> order;
  std::map<std::string, size_t> done;  // name -> index in order
  std::set<std::string> visiting;
  std::vector<std::unique_ptr<Node>> nodes;
  std::function<Status(const Node&)> visit = [&](const Node& node) -> Status {
    for (const std::string& name : node.dynamic.needed) {
      if (IsGlibcLibrary(name) || done.count(name) != 0) continue;
      // A cycle (rare but legal): ld.so loads each once; so do we.
      if (!visiting.insert(name).second) continue;
      std::string tried;
      std::string path = resolver.Find(name, node, &tried);
      if (path.empty()) {
        return Status::Error(
            "cannot find " + name + ", needed by " + node.path +
                (tried.empty() ? "" : " (" + tried + ")"),
            kFix);
      }
      auto child = std::make_unique<Node>();
      child->path = path;
      child->loader = &node;
      if (!ReadDynamic(path, &child->dynamic, &why)) {
        return Status::Error(why, kFix);
      }
      Status s = visit(*child);
      if (!s.ok()) return s;
      SharedLibrary lib;
      lib.name = name;
      lib.path = path;
      for (const std::string& dep : child->dynamic.needed) {
        if (!IsGlibcLibrary(dep)) lib.needed.push_back(dep);
      }
      done[name] = order.size();
      order.push_back(std::move(lib));
      nodes.push_back(std::move(child));
    }
    return Status::Ok();
  };
  status = visit(root_node);
  if (!status.ok()) return status;
  *out = std::move(order);
  return Status::Ok();
}

std::string ElfBuildId(const std::string& bytes) {
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> object =
      llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(
          llvm::StringRef(bytes.data(), bytes.size()), "lib"));
  if (!object) {
    llvm::consumeError(object.takeError());
    return "";
  }
  auto* elf = llvm::dyn_cast<llvm::object::ELF64LEObjectFile>(object->get());
  if (elf == nullptr) return "";
  auto phdrs = elf->getELFFile().program_headers();
  if (!phdrs) {
    llvm::consumeError(phdrs.takeError());
    return "";
  }
  for (const auto& ph : *phdrs) {
    if (ph.p_type != llvm::ELF::PT_NOTE) continue;
    llvm::Error err = llvm::Error::success();
    for (const auto& note : elf->getELFFile().notes(ph, err)) {
      if (note.getType() == llvm::ELF::NT_GNU_BUILD_ID &&
          note.getName() == "GNU") {
        std::string hex;
        static const char kHex[] = "0123456789abcdef";
        for (uint8_t b : note.getDesc()) {
          hex.push_back(kHex[b >> 4]);
          hex.push_back(kHex[b & 15]);
        }
        llvm::consumeError(std::move(err));
        return hex;
      }
    }
    llvm::consumeError(std::move(err));
  }
  return "";
}

}  // namespace jspack::packer
