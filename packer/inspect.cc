// jspack inspect (inspect.h).
#include "packer/inspect.h"

#include <llvm/BinaryFormat/ELF.h>
#include <llvm/Object/ELFObjectFile.h>
#include <llvm/Object/ObjectFile.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstring>
#include <vector>

#include "packer/closure.h"
#include "packer/files.h"
#include "packer/inject.h"
#include "runtime/launcher/cache.h"
#include "runtime/launcher/code_filter.h"
#include "runtime/payload/payload.h"
#include "runtime/payload/sha256.h"

namespace jspack::packer {
namespace {

using payload::SectionKind;

struct Field {
  std::string key;
  std::string value;
};

struct SectionRow {
  std::string name;
  std::string compression;
  uint64_t stored = 0;
  uint64_t raw = 0;
  std::string checksum;  // "ok", "mismatch: ...", "not checked"
};

struct Report {
  std::vector<Field> fields;
  std::vector<SectionRow> sections;
  std::vector<std::string> damage;
  void Add(const std::string& k, const std::string& v) {
    fields.push_back({k, v});
  }
};

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      snprintf(buf, sizeof(buf), "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string KindName(SectionKind kind, uint32_t index) {
  std::string name = payload::SectionKindName(static_cast<uint32_t>(kind));
  if (kind == SectionKind::kLibrary) name += " " + std::to_string(index);
  return name;
}

// The .jspack_locator of a system-libs binary, if it has one.
bool FindLocator(const std::string& file, payload::Locator* out,
                 std::string* error) {
  llvm::Expected<std::unique_ptr<llvm::object::ObjectFile>> object =
      llvm::object::ObjectFile::createObjectFile(llvm::MemoryBufferRef(
          llvm::StringRef(file.data(), file.size()), "binary"));
  if (!object) {
    *error = llvm::toString(object.takeError());
    return false;
  }
  for (const llvm::object::SectionRef& section : (*object)->sections()) {
    llvm::Expected<llvm::StringRef> name = section.getName();
    if (!name) {
      llvm::consumeError(name.takeError());
      continue;
    }
    if (*name != payload::kLocatorSectionName) continue;
    llvm::object::ELFSectionRef elf_section(section);
    uint64_t offset = elf_section.getOffset();
    if (offset > file.size() || payload::kLocatorSize > file.size() - offset) {
      *error = "the locator section lies outside the file";
      return false;
    }
    return payload::ParseLocator(
        reinterpret_cast<const uint8_t*>(file.data()) + offset,
        payload::kLocatorSize, out, error);
  }
  *error = "no " + std::string(payload::kLocatorSectionName) + " section";
  return false;
}

void DescribeSections(const payload::Payload& p, bool portable, Report* r,
                      std::string* libnode_bytes) {
  std::map<uint32_t, std::string> library_names;
  std::map<uint32_t, std::string> library_sha;
  std::map<uint32_t, launcher::CodeRange> library_code;
  for (const auto& [key, value] : p.manifest()) {
    launcher::LibraryEntry lib;
    if (key.compare(0, 4, payload::manifest::kLibPrefix) != 0 ||
        !launcher::ParseLibraryEntry(value, &lib)) {
      continue;
    }
    std::string& names = library_names[lib.section];
    names += (names.empty() ? "" : ", ") + lib.name;
    library_sha[lib.section] = lib.sha256;
    if (!lib.code.empty()) library_code[lib.section] = lib.code;
  }
  for (const auto& s : p.sections()) {
    SectionRow row;
    row.name = KindName(s.kind, s.index);
    if (s.kind == SectionKind::kLibrary && library_names.count(s.index)) {
      row.name += " (" + library_names[s.index] + ")";
    }
    row.compression =
        s.compression == payload::Compression::kZstd ? "zstd" : "none";
    row.stored = s.stored_size;
    row.raw = s.raw_size;
    std::string raw, error;
    bool read = p.Read(s.kind, s.index, &raw, &error);
    if (read && s.kind == SectionKind::kLibrary &&
        library_code.count(s.index)) {
      launcher::DecodeX86Branches(reinterpret_cast<uint8_t*>(raw.data()),
                                  raw.size(), library_code[s.index]);
    }
    if (!read) {
      row.checksum = "damaged: " + error;
      r->damage.push_back(row.name + ": " + error);
    } else if (s.kind == SectionKind::kLibrary &&
               library_sha.count(s.index) &&
               payload::Sha256Hex(raw.data(), raw.size()) !=
                   library_sha[s.index]) {
      row.checksum = "damaged: sha256 differs from the manifest";
      r->damage.push_back(row.name + ": sha256 differs from the manifest");
    } else {
      row.checksum = "ok";
      if (portable && library_names[s.index].find("libnode.so") !=
                          std::string::npos) {
        *libnode_bytes = std::move(raw);
      }
    }
    r->sections.push_back(row);
  }
}

std::string Format(const Report& r, bool json) {
  std::string out;
  if (json) {
    out = "{";
    for (const Field& f : r.fields) {
      out += JsonString(f.key) + ":" + JsonString(f.value) + ",";
    }
    out += "\"sections\":[";
    for (size_t i = 0; i < r.sections.size(); ++i) {
      const SectionRow& s = r.sections[i];
      out += std::string(i ? "," : "") + "{\"name\":" + JsonString(s.name) +
             ",\"compression\":" + JsonString(s.compression) +
             ",\"stored_size\":" + std::to_string(s.stored) +
             ",\"raw_size\":" + std::to_string(s.raw) +
             ",\"checksum\":" + JsonString(s.checksum) + "}";
    }
    out += "],\"damage\":[";
    for (size_t i = 0; i < r.damage.size(); ++i) {
      out += std::string(i ? "," : "") + JsonString(r.damage[i]);
    }
    out += "],\"ok\":" + std::string(r.damage.empty() ? "true" : "false") +
           "}\n";
    return out;
  }
  for (const Field& f : r.fields) out += f.key + ": " + f.value + "\n";
  if (!r.sections.empty()) {
    out += "sections:\n";
    for (const SectionRow& s : r.sections) {
      char buf[512];
      snprintf(buf, sizeof(buf), "  %-40s %-4s %12llu stored %12llu raw  %s\n",
               s.name.c_str(), s.compression.c_str(),
               static_cast<unsigned long long>(s.stored),
               static_cast<unsigned long long>(s.raw), s.checksum.c_str());
      out += buf;
    }
  }
  if (r.damage.empty()) {
    out += "state: ok\n";
  } else {
    for (const std::string& d : r.damage) out += "damage: " + d + "\n";
  }
  return out;
}

}  // namespace

Status Inspect(const std::string& path, bool json, std::string* out,
               bool* damaged) {
  std::string file, error;
  if (!ReadFile(path, &file, &error)) {
    return Status::Error("cannot read " + path + ": " + error,
                         "Check the path (and that the file is readable).");
  }
  Report r;
  r.Add("file", path);
  r.Add("size", std::to_string(file.size()));
  bool elf = file.size() >= 20 && memcmp(file.data(), "\x7f" "ELF", 4) == 0;
  if (elf) {
    uint16_t machine = static_cast<uint8_t>(file[18]) |
                       (static_cast<uint8_t>(file[19]) << 8);
    bool is64 = file[4] == 2;
    r.Add("target", machine == llvm::ELF::EM_X86_64 && is64
                        ? "x86_64-linux (ELF64)"
                        : "ELF machine " + std::to_string(machine));
  } else {
    r.Add("target", "not an ELF file");
  }

  std::string segment;
  bool portable = elf && FindPayloadSegment(file, &segment, &error);
  std::string segment_error = error;
  payload::Payload p;
  bool opened = false;
  std::string libnode_bytes;
  if (portable) {
    r.Add("libs", "portable");
    r.Add("payload", "PT_LOAD segment, " + std::to_string(segment.size()) +
                         " bytes");
    opened = p.Open(reinterpret_cast<const uint8_t*>(segment.data()),
                    segment.size(), nullptr, &error);
    if (!opened) r.damage.push_back("payload: " + error);
    // Name the damaged section too: each has its own checksum.
    if (!opened && error == "payload checksum mismatch") {
      opened = p.Open(reinterpret_cast<const uint8_t*>(segment.data()),
                      segment.size(), nullptr, &error, false);
    }
  } else if (elf && segment_error != "no payload segment") {
    r.Add("libs", "portable");
    r.damage.push_back(segment_error);
  } else {
    payload::Locator locator;
    std::string locator_error;
    bool has_locator = elf && FindLocator(file, &locator, &locator_error);
    if (has_locator && !locator.packed) {
      r.Add("kind", "a bare jspack runtime (no app)");
    } else if (payload::HasTrailerMagic(
                   reinterpret_cast<const uint8_t*>(file.data()),
                   file.size()) ||
               (has_locator && locator.packed)) {
      r.Add("libs", "system");
      r.Add("payload", "appended, trailer at the end");
      opened = p.Open(reinterpret_cast<const uint8_t*>(file.data()),
                      file.size(), has_locator ? &locator : nullptr, &error);
      if (!opened) r.damage.push_back("payload: " + error);
    } else {
      r.damage.push_back(has_locator || !elf
                             ? "no jspack payload"
                             : "not a jspack binary (" + locator_error + ")");
    }
  }
  if (opened) {
    const payload::Manifest& m = p.manifest();
    auto get = [&](const char* key) {
      auto it = m.find(key);
      return it == m.end() ? std::string() : it->second;
    };
    r.Add("jspack_version", get(payload::manifest::kJspackVersion));
    r.Add("v8_version", get(payload::manifest::kV8Version));
    r.Add("entry", get(payload::manifest::kEntry));
    if (portable) {
      // Packs older than --icu carried the full data.
      std::string icu = get(payload::manifest::kIcu);
      r.Add("icu", icu == "small" ? "small (filtered libicudata.so.72)"
                                  : "full");
    }
    r.Add("bundle_format", get(payload::manifest::kBundleFormat).empty()
                               ? "cjs"
                               : get(payload::manifest::kBundleFormat));
    std::string snapshot = get(payload::manifest::kSnapshot);
    r.Add("snapshot", snapshot.empty() ? "none" : snapshot);
    std::string made_by = get(payload::manifest::kLibnodeBuildId);
    r.Add("snapshot_libnode_build_id", made_by);
    DescribeSections(p, portable, &r, &libnode_bytes);
    // Which libnode would this binary load?
    std::string loaded;
    std::string where;
    if (portable) {
      loaded = ElfBuildId(libnode_bytes);
      where = "the carried libnode";
    } else {
      std::vector<SharedLibrary> libs;
      std::string tmp = path;
      Status s = ComputeClosure(path, ClosureOptions(), &libs);
      for (const SharedLibrary& lib : libs) {
        if (lib.name.find("libnode.so") == std::string::npos) continue;
        std::string bytes;
        if (ReadFile(lib.path, &bytes, &error)) loaded = ElfBuildId(bytes);
        where = lib.path;
      }
      if (!s.ok()) where = s.cause();
    }
    if (snapshot.empty()) {
      r.Add("snapshot_state", "no snapshot: the bundle runs from source");
    } else if (loaded.empty()) {
      r.Add("snapshot_state", "unknown (no libnode found: " + where + ")");
    } else if (loaded == made_by) {
      r.Add("snapshot_state", "valid for " + where);
    } else {
      r.Add("snapshot_state", "not used: " + where + " has build-id " +
                                  loaded + "; the bundle runs from source");
    }
  }
  *damaged = !r.damage.empty();
  *out = Format(r, json);
  return Status::Ok();
}

}  // namespace jspack::packer
