// See bind_local.h.
#include "packer/bind_local.h"

#include <llvm/Object/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Support/Error.h>

#include <cstring>
#include <set>

#include "packer/files.h"

namespace jspack::packer {

namespace {

using ELFT = llvm::object::ELF64LE;
using ElfFile = llvm::object::ELFFile<ELFT>;

std::string ErrorText(llvm::Error error) {
  return llvm::toString(std::move(error));
}

// Loads `path` and parses it as a 64-bit little-endian ELF file.
Status Load(const std::string& path, std::string* bytes,
            llvm::Optional<ElfFile>* elf) {
  std::string error;
  if (!ReadFile(path, bytes, &error)) {
    return Status::Error("cannot read " + path + ": " + error, "");
  }
  // ELFFile does not check the identification bytes itself.
  if (bytes->size() < llvm::ELF::EI_NIDENT ||
      memcmp(bytes->data(), llvm::ELF::ElfMagic, 4) != 0 ||
      (*bytes)[llvm::ELF::EI_CLASS] != llvm::ELF::ELFCLASS64 ||
      (*bytes)[llvm::ELF::EI_DATA] != llvm::ELF::ELFDATA2LSB) {
    return Status::Error(path + " is not an x86-64 ELF file", "");
  }
  auto parsed = ElfFile::create(llvm::StringRef(bytes->data(), bytes->size()));
  if (!parsed) {
    return Status::Error(path + " is not an x86-64 ELF file (" +
                             ErrorText(parsed.takeError()) + ")",
                         "");
  }
  if (parsed->getHeader().e_machine != llvm::ELF::EM_X86_64) {
    return Status::Error(path + " is not built for x86-64", "");
  }
  elf->emplace(std::move(*parsed));
  return Status::Ok();
}

// The dynamic section's entries, via the program headers.
Status DynamicEntries(const ElfFile& elf, const std::string& path,
                      std::vector<ELFT::Dyn>* out) {
  auto dyn = elf.dynamicEntries();
  if (!dyn) {
    return Status::Error(path + " has no readable dynamic section (" +
                             ErrorText(dyn.takeError()) + ")",
                         "");
  }
  out->assign(dyn->begin(), dyn->end());
  return Status::Ok();
}

// The names of the symbols `elf` defines in its .dynsym, and its first
// DT_NEEDED.
Status DefinedSymbols(const ElfFile& elf, const std::string& path,
                      std::set<std::string>* names, std::string* first_needed) {
  auto sections = elf.sections();
  if (!sections) {
    return Status::Error(path + ": " + ErrorText(sections.takeError()), "");
  }
  for (const ELFT::Shdr& sec : *sections) {
    if (sec.sh_type != llvm::ELF::SHT_DYNSYM) continue;
    auto symbols = elf.symbols(&sec);
    auto strtab = elf.getStringTableForSymtab(sec);
    if (!symbols || !strtab) {
      llvm::consumeError(symbols.takeError());
      llvm::consumeError(strtab.takeError());
      return Status::Error(path + " has a damaged dynamic symbol table", "");
    }
    for (const ELFT::Sym& sym : *symbols) {
      if (sym.st_shndx == llvm::ELF::SHN_UNDEF) continue;
      auto name = sym.getName(*strtab);
      if (!name) {
        llvm::consumeError(name.takeError());
        continue;
      }
      names->insert(name->str());
    }
  }
  std::vector<ELFT::Dyn> dyn;
  Status status = DynamicEntries(elf, path, &dyn);
  if (!status.ok()) return status;
  uint64_t strtab_addr = 0;
  uint64_t strsz = 0;
  for (const ELFT::Dyn& d : dyn) {
    if (d.d_tag == llvm::ELF::DT_STRTAB) strtab_addr = d.getPtr();
    if (d.d_tag == llvm::ELF::DT_STRSZ) strsz = d.getVal();
  }
  auto strtab = elf.toMappedAddr(strtab_addr);
  if (!strtab) {
    llvm::consumeError(strtab.takeError());
    return Status::Error(path + " has no dynamic string table", "");
  }
  for (const ELFT::Dyn& d : dyn) {
    if (d.d_tag != llvm::ELF::DT_NEEDED) continue;
    if (d.getVal() >= strsz) break;
    *first_needed = reinterpret_cast<const char*>(*strtab) + d.getVal();
    break;
  }
  return Status::Ok();
}

void Put64(std::string* bytes, uint64_t offset, uint64_t value) {
  for (int i = 0; i < 8; ++i) {
    (*bytes)[offset + i] = static_cast<char>((value >> (8 * i)) & 0xff);
  }
}

}  // namespace

Status BindLocal(const std::string& library, const std::string& executable,
                 const std::string& output, BindLocalStats* stats) {
  std::string lib_bytes, exe_bytes;
  llvm::Optional<ElfFile> lib, exe;
  Status status = Load(library, &lib_bytes, &lib);
  if (!status.ok()) return status;
  status = Load(executable, &exe_bytes, &exe);
  if (!status.ok()) return status;

  std::set<std::string> exe_symbols, lib_symbols;
  std::string exe_first_needed, unused;
  status = DefinedSymbols(*exe, executable, &exe_symbols, &exe_first_needed);
  if (!status.ok()) return status;
  status = DefinedSymbols(*lib, library, &lib_symbols, &unused);
  if (!status.ok()) return status;

  // The equivalence needs the library right after the executable in the
  // global lookup scope.
  std::string soname;
  std::vector<ELFT::Dyn> dyn;
  status = DynamicEntries(*lib, library, &dyn);
  if (!status.ok()) return status;
  uint64_t strtab_addr = 0;
  uint64_t soname_offset = UINT64_MAX;
  for (const ELFT::Dyn& d : dyn) {
    if (d.d_tag == llvm::ELF::DT_STRTAB) strtab_addr = d.getPtr();
    if (d.d_tag == llvm::ELF::DT_SONAME) soname_offset = d.getVal();
  }
  auto strtab = lib->toMappedAddr(strtab_addr);
  if (!strtab || soname_offset == UINT64_MAX) {
    if (!strtab) llvm::consumeError(strtab.takeError());
    return Status::Error(library + " has no soname", "");
  }
  soname = reinterpret_cast<const char*>(*strtab) + soname_offset;
  if (exe_first_needed != soname) {
    return Status::Error(executable + " does not load " + soname +
                             " first (its first DT_NEEDED is '" +
                             exe_first_needed + "')",
                         "Link the library before any other.");
  }

  auto sections = lib->sections();
  if (!sections) {
    return Status::Error(library + ": " + ErrorText(sections.takeError()), "");
  }
  std::string out = lib_bytes;
  for (const ELFT::Shdr& sec : *sections) {
    if (sec.sh_type != llvm::ELF::SHT_RELA) continue;
    auto symtab_sec = lib->getSection(sec.sh_link);
    auto relas = lib->relas(sec);
    if (!symtab_sec || !relas) {
      if (!symtab_sec) llvm::consumeError(symtab_sec.takeError());
      if (!relas) llvm::consumeError(relas.takeError());
      return Status::Error(library + " has a damaged relocation section", "");
    }
    if ((*symtab_sec)->sh_type != llvm::ELF::SHT_DYNSYM) continue;
    auto symbols = lib->symbols(*symtab_sec);
    auto names = lib->getStringTableForSymtab(**symtab_sec);
    if (!symbols || !names) {
      if (!symbols) llvm::consumeError(symbols.takeError());
      if (!names) llvm::consumeError(names.takeError());
      return Status::Error(library + " has a damaged symbol table", "");
    }
    size_t index = 0;
    for (const ELFT::Rela& rela : *relas) {
      uint64_t entry_offset = sec.sh_offset + index * sizeof(ELFT::Rela);
      ++index;
      uint32_t type = rela.getType(false);
      if (type != llvm::ELF::R_X86_64_64 &&
          type != llvm::ELF::R_X86_64_GLOB_DAT &&
          type != llvm::ELF::R_X86_64_JUMP_SLOT) {
        continue;
      }
      uint32_t sym_index = rela.getSymbol(false);
      if (sym_index == 0 || sym_index >= symbols->size()) continue;
      const ELFT::Sym& sym = (*symbols)[sym_index];
      unsigned sym_type = sym.getType();
      bool convertible = sym.st_shndx != llvm::ELF::SHN_UNDEF &&
                         sym.st_shndx != llvm::ELF::SHN_ABS &&
                         sym.st_shndx < llvm::ELF::SHN_LORESERVE &&
                         sym_type != llvm::ELF::STT_GNU_IFUNC &&
                         sym_type != llvm::ELF::STT_TLS;
      if (convertible) {
        auto name = sym.getName(*names);
        if (!name) {
          llvm::consumeError(name.takeError());
          convertible = false;
        } else if (exe_symbols.count(name->str())) {
          convertible = false;  // the executable's definition wins today
        }
      }
      if (!convertible) {
        ++stats->kept;
        continue;
      }
      // R_X86_64_64 is S + A; GLOB_DAT and JUMP_SLOT are S. RELATIVE is B +
      // A, and the library's symbol values are relative to its base.
      uint64_t addend = sym.st_value;
      if (type == llvm::ELF::R_X86_64_64) addend += rela.r_addend;
      ELFT::Rela converted = rela;
      converted.setSymbolAndType(0, llvm::ELF::R_X86_64_RELATIVE, false);
      Put64(&out, entry_offset + 8, converted.r_info);
      Put64(&out, entry_offset + 16, addend);
      ++stats->converted;
    }
  }
  // RELATIVE entries in .rela.plt are only valid when the library is bound
  // at load time, which Debian's libnode is (-z now); refuse otherwise.
  bool bind_now = false;
  for (const ELFT::Dyn& d : dyn) {
    if (d.d_tag == llvm::ELF::DT_BIND_NOW) bind_now = true;
    if (d.d_tag == llvm::ELF::DT_FLAGS && (d.getVal() & llvm::ELF::DF_BIND_NOW))
      bind_now = true;
    if (d.d_tag == llvm::ELF::DT_FLAGS_1 && (d.getVal() & llvm::ELF::DF_1_NOW))
      bind_now = true;
  }
  if (!bind_now) {
    return Status::Error(library + " is not linked with -z now",
                         "Only libraries bound at load time can be "
                         "pre-resolved.");
  }
  return WriteFileAtomically(output, {out}, 0644);
}

}  // namespace jspack::packer
