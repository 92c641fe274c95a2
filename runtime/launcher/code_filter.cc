// The x86 branch transform of library sections (code_filter.h).
#include "runtime/launcher/code_filter.h"

#include <elf.h>
#include <string.h>

namespace jspack::launcher {
namespace {

template <bool kEncode>
void Transform(uint8_t* data, size_t size, CodeRange range) {
  if (range.empty() || range.end > size || range.end - range.begin < 5) return;
  size_t last = range.end - 5;  // the last offset an opcode with 4 bytes fits
  for (size_t i = range.begin; i <= last;) {
    if ((data[i] & 0xFE) != 0xE8) {
      ++i;
      continue;
    }
    uint32_t v;
    memcpy(&v, data + i + 1, 4);  // little-endian, as x86 stores it
    uint32_t next = static_cast<uint32_t>(i + 5);
    v = kEncode ? v + next : v - next;
    memcpy(data + i + 1, &v, 4);
    i += 5;
  }
}

}  // namespace

CodeRange FindCodeRange(const uint8_t* file, size_t size) {
  CodeRange range;
  Elf64_Ehdr eh;
  if (size < sizeof(eh)) return range;
  memcpy(&eh, file, sizeof(eh));
  if (memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
      eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB ||
      eh.e_machine != EM_X86_64 || eh.e_phentsize != sizeof(Elf64_Phdr) ||
      eh.e_phoff > size || eh.e_phnum > (size - eh.e_phoff) / sizeof(Elf64_Phdr)) {
    return range;
  }
  uint64_t begin = UINT64_MAX, end = 0;
  for (unsigned k = 0; k < eh.e_phnum; ++k) {
    Elf64_Phdr ph;
    memcpy(&ph, file + eh.e_phoff + k * sizeof(ph), sizeof(ph));
    if (ph.p_type != PT_LOAD || (ph.p_flags & PF_X) == 0 || ph.p_filesz == 0 ||
        ph.p_offset > size || ph.p_filesz > size - ph.p_offset) {
      continue;
    }
    if (ph.p_offset < begin) begin = ph.p_offset;
    if (ph.p_offset + ph.p_filesz > end) end = ph.p_offset + ph.p_filesz;
  }
  if (begin < end) range = {begin, end};
  return range;
}

void EncodeX86Branches(uint8_t* data, size_t size, CodeRange range) {
  Transform<true>(data, size, range);
}

void DecodeX86Branches(uint8_t* data, size_t size, CodeRange range) {
  Transform<false>(data, size, range);
}

}  // namespace jspack::launcher
