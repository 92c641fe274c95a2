// The payload's PT_LOAD segment (inject.h).
#include "packer/inject.h"

#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstring>

#include "runtime/payload/format.h"

namespace jspack::packer {
namespace {

// LLVM's spelling of <elf.h> (whose macros clash with LLVM's headers).
using namespace llvm::ELF;

constexpr uint64_t kPage = 4096;
constexpr uint32_t kNoteType = 0x4a53504b;  // "JSPK", launcher.cc
constexpr char kFix[] = "Rebuild jspack, or pass --libs=system.";

template <typename T>
T Get(const std::string& b, uint64_t at) {
  T v;
  memcpy(&v, b.data() + at, sizeof(T));
  return v;
}

template <typename T>
void Put(std::string* b, uint64_t at, const T& v) {
  memcpy(b->data() + at, &v, sizeof(T));
}

uint64_t AlignUp(uint64_t v, uint64_t a) { return (v + a - 1) / a * a; }

// The index of the launcher's jspack note program header, or -1.
int FindSlot(const std::string& b, const Elf64_Ehdr& eh) {
  for (int i = 0; i < eh.e_phnum; ++i) {
    auto ph = Get<Elf64_Phdr>(b, eh.e_phoff + static_cast<uint64_t>(i) * sizeof(Elf64_Phdr));
    if (ph.p_type != PT_NOTE || ph.p_filesz < 20 ||
        ph.p_offset > b.size() || ph.p_filesz > b.size() - ph.p_offset) {
      continue;
    }
    if (Get<uint32_t>(b, ph.p_offset) == 7 &&
        Get<uint32_t>(b, ph.p_offset + 8) == kNoteType &&
        memcmp(b.data() + ph.p_offset + 12, "jspack", 7) == 0) {
      return i;
    }
  }
  return -1;
}

Status CheckHeaders(const std::string& name, const std::string& b,
                    Elf64_Ehdr* out) {
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> object =
      llvm::object::ObjectFile::createObjectFile(
          llvm::MemoryBufferRef(llvm::StringRef(b.data(), b.size()), name));
  if (!object) {
    return Status::Error("launcher " + name + " is not an ELF file (" +
                             llvm::toString(object.takeError()) + ")",
                         kFix);
  }
  if (!llvm::isa<llvm::object::ELF64LEObjectFile>(object->get())) {
    return Status::Error("launcher " + name + " is not a 64-bit ELF file",
                         kFix);
  }
  Elf64_Ehdr eh = Get<Elf64_Ehdr>(b, 0);
  if (eh.e_machine != EM_X86_64) {
    return Status::Error("launcher " + name + " is not built for x86-64",
                         "Use a jspack-launcher built for x86-64 Linux.");
  }
  if (eh.e_type != ET_DYN && eh.e_type != ET_EXEC) {
    return Status::Error("launcher " + name + " is not an executable", kFix);
  }
  if (eh.e_phentsize != sizeof(Elf64_Phdr) ||
      eh.e_shentsize != sizeof(Elf64_Shdr) ||
      eh.e_phoff + uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr) > b.size() ||
      eh.e_shoff + uint64_t{eh.e_shnum} * sizeof(Elf64_Shdr) > b.size() ||
      eh.e_shstrndx >= eh.e_shnum) {
    return Status::Error("launcher " + name + " has damaged headers", kFix);
  }
  *out = eh;
  return Status::Ok();
}

}  // namespace

Status CheckLauncher(const std::string& name, const std::string& launcher) {
  Elf64_Ehdr eh;
  Status status = CheckHeaders(name, launcher, &eh);
  if (!status.ok()) return status;
  if (FindSlot(launcher, eh) < 0) {
    return Status::Error(
        "launcher " + name +
            " has no free payload slot (not a jspack launcher, or it already "
            "holds an app)",
        "Use the bare jspack-launcher that jspack was built with.");
  }
  return Status::Ok();
}

Status InjectPayload(const std::string& name, const std::string& launcher,
                     const std::string& payload, std::string* out) {
  Elf64_Ehdr eh;
  Status status = CheckHeaders(name, launcher, &eh);
  if (!status.ok()) return status;
  int slot = FindSlot(launcher, eh);
  if (slot < 0) return CheckLauncher(name, launcher);

  // The segment goes above everything the launcher maps, page-aligned in
  // the file and in memory (p_offset ≡ p_vaddr mod the page size).
  uint64_t top = 0;
  int last_load = -1;
  for (int i = 0; i < eh.e_phnum; ++i) {
    auto ph = Get<Elf64_Phdr>(launcher,
                              eh.e_phoff + static_cast<uint64_t>(i) * sizeof(Elf64_Phdr));
    if (ph.p_type != PT_LOAD) continue;
    top = std::max(top, ph.p_vaddr + ph.p_memsz);
    last_load = i;
  }
  std::string bytes = launcher;
  uint64_t seg_offset = AlignUp(bytes.size(), kPage);
  uint64_t seg_vaddr = AlignUp(top, kPage);
  std::string header(payload::kSegmentMagic, sizeof(payload::kSegmentMagic));
  uint64_t size = payload.size();
  for (int i = 0; i < 8; ++i) header.push_back(static_cast<char>(size >> (8 * i)));
  header.append(8, '\0');
  bytes.resize(seg_offset, '\0');
  bytes += header;
  bytes += payload;
  uint64_t seg_size = bytes.size() - seg_offset;

  // The section name table, moved to the end with our name added.
  auto strtab_hdr = Get<Elf64_Shdr>(
      launcher, eh.e_shoff + uint64_t{eh.e_shstrndx} * sizeof(Elf64_Shdr));
  if (strtab_hdr.sh_offset > launcher.size() ||
      strtab_hdr.sh_size > launcher.size() - strtab_hdr.sh_offset) {
    return Status::Error("launcher " + name + " has a damaged section table",
                         kFix);
  }
  std::string names = launcher.substr(strtab_hdr.sh_offset, strtab_hdr.sh_size);
  uint32_t name_offset = static_cast<uint32_t>(names.size());
  names += payload::kPayloadSectionName;
  names.push_back('\0');
  strtab_hdr.sh_offset = bytes.size();
  strtab_hdr.sh_size = names.size();
  bytes += names;

  // The section headers, moved to the end with ours added.
  std::string sections = launcher.substr(
      eh.e_shoff, uint64_t{eh.e_shnum} * sizeof(Elf64_Shdr));
  Put(&sections, uint64_t{eh.e_shstrndx} * sizeof(Elf64_Shdr), strtab_hdr);
  // The slot's note section is no note segment any more (and its 16-byte
  // alignment, which kept it apart, is no note alignment): plain bytes, so
  // readelf does not parse it as a note.
  auto slot_ph = Get<Elf64_Phdr>(
      launcher, eh.e_phoff + static_cast<uint64_t>(slot) * sizeof(Elf64_Phdr));
  for (uint64_t i = 0; i < eh.e_shnum; ++i) {
    auto sh = Get<Elf64_Shdr>(sections, i * sizeof(Elf64_Shdr));
    if (sh.sh_type == SHT_NOTE && sh.sh_offset == slot_ph.p_offset) {
      sh.sh_type = SHT_PROGBITS;
      Put(&sections, i * sizeof(Elf64_Shdr), sh);
    }
  }
  Elf64_Shdr ours = {};
  ours.sh_name = name_offset;
  ours.sh_type = SHT_PROGBITS;
  ours.sh_flags = SHF_ALLOC;
  ours.sh_addr = seg_vaddr;
  ours.sh_offset = seg_offset;
  ours.sh_size = seg_size;
  ours.sh_addralign = kPage;
  sections.append(reinterpret_cast<const char*>(&ours), sizeof(ours));
  bytes.resize(AlignUp(bytes.size(), 8), '\0');
  uint64_t shoff = bytes.size();
  bytes += sections;

  // The slot becomes the PT_LOAD, moved to just after the last PT_LOAD so
  // the loads stay in ascending address order, as ld.so and the kernel need.
  Elf64_Phdr load = {};
  load.p_type = PT_LOAD;
  load.p_flags = PF_R;
  load.p_offset = seg_offset;
  load.p_vaddr = seg_vaddr;
  load.p_paddr = seg_vaddr;
  load.p_filesz = seg_size;
  load.p_memsz = seg_size;
  load.p_align = kPage;
  std::vector<Elf64_Phdr> phdrs;
  for (int i = 0; i < eh.e_phnum; ++i) {
    if (i == slot) continue;
    phdrs.push_back(Get<Elf64_Phdr>(
        launcher, eh.e_phoff + static_cast<uint64_t>(i) * sizeof(Elf64_Phdr)));
  }
  int insert_at = last_load < slot ? last_load + 1 : last_load;
  phdrs.insert(phdrs.begin() + insert_at, load);
  for (size_t i = 0; i < phdrs.size(); ++i) {
    Put(&bytes, eh.e_phoff + i * sizeof(Elf64_Phdr), phdrs[i]);
  }
  eh.e_shoff = shoff;
  eh.e_shnum = static_cast<Elf64_Half>(eh.e_shnum + 1);
  Put(&bytes, 0, eh);
  *out = std::move(bytes);
  return Status::Ok();
}

bool FindPayloadSegment(const std::string& file, std::string* payload,
                        std::string* error) {
  if (file.size() < sizeof(Elf64_Ehdr) || memcmp(file.data(), "\x7f" "ELF", 4) != 0) {
    *error = "not an ELF file";
    return false;
  }
  auto eh = Get<Elf64_Ehdr>(file, 0);
  if (eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_phentsize != sizeof(Elf64_Phdr) ||
      eh.e_phoff + uint64_t{eh.e_phnum} * sizeof(Elf64_Phdr) > file.size()) {
    *error = "damaged ELF program headers";
    return false;
  }
  for (int i = 0; i < eh.e_phnum; ++i) {
    auto ph =
        Get<Elf64_Phdr>(file, eh.e_phoff + static_cast<uint64_t>(i) * sizeof(Elf64_Phdr));
    if (ph.p_type != PT_LOAD || ph.p_filesz < payload::kSegmentHeaderSize ||
        ph.p_offset > file.size() ||
        memcmp(file.data() + ph.p_offset, payload::kSegmentMagic,
               sizeof(payload::kSegmentMagic)) != 0) {
      continue;
    }
    uint64_t size = Get<uint64_t>(file, ph.p_offset + 16);
    uint64_t avail = std::min<uint64_t>(ph.p_filesz, file.size() - ph.p_offset);
    if (size > avail - payload::kSegmentHeaderSize) {
      *error = "the payload segment is truncated (" +
               std::to_string(avail - payload::kSegmentHeaderSize) +
               " of " + std::to_string(size) + " bytes)";
      return false;
    }
    *payload = file.substr(ph.p_offset + payload::kSegmentHeaderSize, size);
    return true;
  }
  *error = "no payload segment";
  return false;
}

}  // namespace jspack::packer
