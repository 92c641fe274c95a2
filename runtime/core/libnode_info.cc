// Reads the GNU build-id note of the libnode mapped into this process.
#include "runtime/core/libnode_info.h"

#include <elf.h>
#include <link.h>
#include <v8.h>

#include <cstring>

namespace jspack::runtime {

namespace {

// The object that holds V8's code, found by address rather than by name: a
// portable app may load libnode from a memfd (named /proc/self/fd/N).
int FindLibnode(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<std::string*>(data);
  auto v8_code = reinterpret_cast<uintptr_t>(&v8::V8::GetVersion);
  bool holds_v8 = false;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    uintptr_t start = info->dlpi_addr + ph.p_vaddr;
    if (ph.p_type == PT_LOAD && v8_code >= start &&
        v8_code < start + ph.p_memsz) {
      holds_v8 = true;
    }
  }
  if (!holds_v8) return 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE) continue;
    auto* p = reinterpret_cast<const uint8_t*>(info->dlpi_addr + ph.p_vaddr);
    const uint8_t* end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      auto* note = reinterpret_cast<const ElfW(Nhdr)*>(p);
      const uint8_t* name = p + sizeof(ElfW(Nhdr));
      const uint8_t* desc = name + ((note->n_namesz + 3) & ~3u);
      const uint8_t* next = desc + ((note->n_descsz + 3) & ~3u);
      if (next > end) break;
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
          memcmp(name, "GNU", 4) == 0) {
        static const char kHex[] = "0123456789abcdef";
        out->clear();
        for (uint32_t j = 0; j < note->n_descsz; ++j) {
          out->push_back(kHex[desc[j] >> 4]);
          out->push_back(kHex[desc[j] & 15]);
        }
        return 1;
      }
      p = next;
    }
  }
  return 0;
}

}  // namespace

std::string LoadedLibnodeBuildId() {
  static const std::string id = [] {
    std::string out;
    dl_iterate_phdr(FindLibnode, &out);
    return out;
  }();
  return id;
}

std::string V8Version() { return v8::V8::GetVersion(); }

}  // namespace jspack::runtime
