// Validating and patching the runtime stub with LLVM libObject.
#include "packer/stub.h"

#include <errno.h>
#include <llvm/ADT/Triple.h>
#include <llvm/BinaryFormat/ELF.h>
#include <llvm/BinaryFormat/Magic.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>
#include <sys/stat.h>

#include <cstring>

#include "packer/files.h"

namespace jspack::packer {
namespace {

constexpr char kUseBareRuntime[] =
    "Pass a bare jspack-runtime with --runtime or $JSPACK_RUNTIME.";

std::string Named(const std::string& path, const std::string& origin) {
  return "runtime stub " + path + (origin.empty() ? "" : " (" + origin + ")");
}

const char* FormatName(llvm::file_magic magic) {
  switch (magic) {
    case llvm::file_magic::macho_executable:
    case llvm::file_magic::macho_dynamically_linked_shared_lib:
    case llvm::file_magic::macho_object:
    case llvm::file_magic::macho_universal_binary:
      return "a Mach-O file";
    case llvm::file_magic::pecoff_executable:
    case llvm::file_magic::coff_object:
      return "a Windows PE/COFF file";
    case llvm::file_magic::wasm_object:
      return "a WebAssembly module";
    case llvm::file_magic::archive:
      return "a static library";
    default:
      return "not an ELF file";
  }
}

template <typename ELFT>
Status CheckElf(const llvm::object::ELFObjectFile<ELFT>& object,
                const std::string& name, const std::string& bytes,
                uint64_t* locator_offset) {
  const auto& elf = object.getELFFile();
  const auto& header = elf.getHeader();
  if (header.e_machine != llvm::ELF::EM_X86_64 || !ELFT::Is64Bits ||
      ELFT::TargetEndianness != llvm::support::little) {
    std::string arch = llvm::Triple::getArchTypeName(object.getArch()).str();
    if (arch.empty() || arch == "unknown") {
      arch = "ELF machine " + std::to_string(header.e_machine);
    }
    return Status::Error(name + " is built for " + arch + ", not x86-64",
                         "Use a jspack-runtime built for x86-64 Linux.");
  }
  bool executable = header.e_type == llvm::ELF::ET_EXEC;
  if (header.e_type == llvm::ELF::ET_DYN) {
    // A position-independent executable is ET_DYN too; unlike a shared
    // library it asks for a program interpreter.
    auto phdrs = elf.program_headers();
    if (!phdrs) {
      return Status::Error(
          name + " is damaged (" + llvm::toString(phdrs.takeError()) + ")",
          kUseBareRuntime);
    }
    for (const auto& phdr : *phdrs) {
      if (phdr.p_type == llvm::ELF::PT_INTERP) executable = true;
    }
  }
  if (!executable) {
    const char* what = header.e_type == llvm::ELF::ET_DYN   ? "a shared library"
                       : header.e_type == llvm::ELF::ET_REL ? "an object file"
                       : header.e_type == llvm::ELF::ET_CORE ? "a core dump"
                                                             : "not runnable";
    return Status::Error(name + " is " + what + ", not an executable",
                         kUseBareRuntime);
  }

  for (const llvm::object::SectionRef& section : object.sections()) {
    llvm::Expected<llvm::StringRef> section_name = section.getName();
    if (!section_name) {
      llvm::consumeError(section_name.takeError());
      continue;
    }
    if (*section_name != payload::kLocatorSectionName) continue;
    llvm::object::ELFSectionRef elf_section(section);
    uint64_t offset = elf_section.getOffset();
    uint64_t size = section.getSize();
    if (elf_section.getType() == llvm::ELF::SHT_NOBITS ||
        size != payload::kLocatorSize || offset > bytes.size() ||
        size > bytes.size() - offset ||
        std::memcmp(bytes.data() + offset, payload::kLocatorMagic,
                    sizeof(payload::kLocatorMagic)) != 0) {
      return Status::Error(name + " is not a jspack runtime (its " +
                               payload::kLocatorSectionName +
                               " section is not a jspack locator)",
                           kUseBareRuntime);
    }
    payload::Locator locator;
    std::string reason;
    if (!payload::ParseLocator(
            reinterpret_cast<const uint8_t*>(bytes.data()) + offset, size,
            &locator, &reason)) {
      return Status::Error(name + " is damaged (" + reason + ")",
                           kUseBareRuntime);
    }
    if (locator.packed) {
      return Status::Error(name + " already contains an app",
                           "Use the bare jspack-runtime.");
    }
    *locator_offset = offset;
    return Status::Ok();
  }
  return Status::Error(name + " is not a jspack runtime (it has no " +
                           payload::kLocatorSectionName + " section)",
                       kUseBareRuntime);
}

}  // namespace

Status InspectStub(const std::string& path, const std::string& origin,
                   const std::string& bytes, uint64_t* locator_offset) {
  std::string name = Named(path, origin);
  llvm::StringRef data(bytes.data(), bytes.size());
  llvm::file_magic magic = llvm::identify_magic(data);
  if (magic == llvm::file_magic::unknown) {
    return Status::Error(name + " is not an executable file", kUseBareRuntime);
  }
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> object =
      llvm::object::ObjectFile::createObjectFile(
          llvm::MemoryBufferRef(data, path));
  if (!object) {
    std::string reason = llvm::toString(object.takeError());
    if (magic == llvm::file_magic::elf ||
        magic == llvm::file_magic::elf_executable ||
        magic == llvm::file_magic::elf_shared_object ||
        magic == llvm::file_magic::elf_relocatable ||
        magic == llvm::file_magic::elf_core) {
      return Status::Error(name + " is damaged (" + reason + ")",
                           kUseBareRuntime);
    }
    return Status::Error(
        name + " is " + FormatName(magic) + ", not an ELF executable",
        kUseBareRuntime);
  }
  llvm::object::ObjectFile* file = object->get();
  Status status = Status::Error(
      name + " is " + FormatName(magic) + ", not an ELF executable",
      kUseBareRuntime);
  if (auto* elf = llvm::dyn_cast<llvm::object::ELF64LEObjectFile>(file)) {
    status = CheckElf(*elf, name, bytes, locator_offset);
  } else if (auto* elf =
                 llvm::dyn_cast<llvm::object::ELF32LEObjectFile>(file)) {
    status = CheckElf(*elf, name, bytes, locator_offset);
  } else if (auto* elf =
                 llvm::dyn_cast<llvm::object::ELF64BEObjectFile>(file)) {
    status = CheckElf(*elf, name, bytes, locator_offset);
  } else if (auto* elf =
                 llvm::dyn_cast<llvm::object::ELF32BEObjectFile>(file)) {
    status = CheckElf(*elf, name, bytes, locator_offset);
  }
  if (!status.ok()) return status;
  // A stub whose locator was reset but still ends in a payload is a packed
  // app too; packing it again would nest payloads.
  if (payload::HasTrailerMagic(reinterpret_cast<const uint8_t*>(bytes.data()),
                               bytes.size())) {
    return Status::Error(name + " already contains an app",
                         "Use the bare jspack-runtime.");
  }
  return Status::Ok();
}

Status LoadStub(const std::string& path, const std::string& origin, Stub* out) {
  std::string name = Named(path, origin);
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    int e = errno;
    return Status::Error(
        name + (e == ENOENT ? " does not exist" : ": " + ErrnoText(e)),
        "Build jspack-runtime, or pass its path with "
        "--runtime or $JSPACK_RUNTIME.");
  }
  if (!S_ISREG(st.st_mode)) {
    return Status::Error(name + " is not a regular file", kUseBareRuntime);
  }
  Stub stub;
  stub.path = path;
  std::string error;
  if (!ReadFile(path, &stub.bytes, &error)) {
    return Status::Error("cannot read " + name + ": " + error, kUseBareRuntime);
  }
  Status status = InspectStub(path, origin, stub.bytes, &stub.locator_offset);
  if (!status.ok()) return status;
  *out = std::move(stub);
  return Status::Ok();
}

std::string PatchLocator(const Stub& stub, const payload::Locator& locator) {
  std::string bytes = stub.bytes;
  std::string serialized = payload::SerializeLocator(locator);
  bytes.replace(stub.locator_offset, serialized.size(), serialized);
  return bytes;
}

}  // namespace jspack::packer
