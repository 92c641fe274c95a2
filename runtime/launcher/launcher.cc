// jspack-launcher: the executable of a portable app. Needs nothing but
// glibc: it finds the payload in its own PT_LOAD segment, puts the runtime
// and its libraries in the extraction cache (cache.h), loads them in-process
// and calls the runtime's entry, so the process stays the app's own.
#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <string>
#include <vector>

#include "runtime/launcher/cache.h"
#include "runtime/launcher/launch.h"
#include "runtime/payload/format.h"
#include "runtime/payload/payload.h"

// A note of our own in its own PT_NOTE (16-byte alignment keeps the linker
// from merging it with the GNU notes): the program header slot the packer
// turns into the payload's PT_LOAD (packer/inject.h). Nothing reads the
// note at run time.
extern "C" {
struct JspackNote {
  uint32_t namesz, descsz, type;
  char name[8];
  uint32_t desc[1];
};
__attribute__((section(".note.jspack"), aligned(16), used))
const JspackNote jspack_payload_slot = {7, 4, 0x4a53504b, "jspack", {0}};
}

namespace jspack::launcher {
namespace {

bool debug = false;
const char* program = "jspack";
double start_ms = 0;

double NowMs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

void Note(const std::string& text) {
  if (debug) {
    fprintf(stderr, "[jspack] launcher: %s (%.2f ms)\n", text.c_str(),
            NowMs() - start_ms);
  }
}

[[noreturn]] void Fail(const std::string& text) {
  fprintf(stderr, "%s: %s\n", program, text.c_str());
  exit(1);
}

struct Segment {
  const uint8_t* payload = nullptr;
  uint64_t size = 0;
  bool found = false;
  std::string damage;
};

// The main program is the first object dl_iterate_phdr reports; its
// PT_LOAD segments are already mapped, so the payload is read from memory
// (an execute-only file cannot be read back through /proc/self/exe).
// The size of the file mapped at `addr`, from /proc/self/maps (its path,
// checked to be the same inode): not /proc/self/exe, which is ld.so or
// valgrind when the app is started through them. False if unknown.
bool MappedFileSize(uintptr_t addr, uint64_t* size) {
  FILE* maps = fopen("/proc/self/maps", "re");
  if (maps == nullptr) return false;
  char line[4096 + 128];
  bool found = false;
  while (!found && fgets(line, sizeof(line), maps) != nullptr) {
    unsigned long start = 0, end = 0, inode = 0;
    int path_at = 0;
    if (sscanf(line, "%lx-%lx %*s %*s %*s %lu %n", &start, &end, &inode,
               &path_at) < 3 ||
        addr < start || addr >= end || inode == 0 || line[path_at] != '/') {
      continue;
    }
    std::string path(line + path_at);
    while (!path.empty() && (path.back() == '\n' || path.back() == ' ')) {
      path.pop_back();
    }
    struct stat st;
    if (stat(path.c_str(), &st) == 0 &&
        static_cast<unsigned long>(st.st_ino) == inode) {
      *size = static_cast<uint64_t>(st.st_size);
      found = true;
    }
    break;
  }
  fclose(maps);
  return found;
}

int FindSegment(struct dl_phdr_info* info, size_t, void* data) {
  auto* out = static_cast<Segment*>(data);
  // A segment whose bytes lie past the end of a truncated file is mapped,
  // but touching it raises SIGBUS: compare with the file's size first
  // (stat needs no read permission on the file).
  uintptr_t first_load = 0;
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    if (info->dlpi_phdr[i].p_type == PT_LOAD) {
      first_load = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
      break;
    }
  }
  uint64_t file_size = 0;
  if (first_load != 0 && MappedFileSize(first_load, &file_size)) {
    uint64_t needed = 0;
    for (int i = 0; i < info->dlpi_phnum; ++i) {
      const ElfW(Phdr)& ph = info->dlpi_phdr[i];
      if (ph.p_type == PT_LOAD && ph.p_offset + ph.p_filesz > needed) {
        needed = ph.p_offset + ph.p_filesz;
      }
    }
    if (needed > file_size) {
      out->found = true;
      out->damage = "the file is truncated: " + std::to_string(file_size) +
                    " of " + std::to_string(needed) + " bytes";
      return 1;
    }
  }
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || ph.p_filesz < payload::kSegmentHeaderSize) {
      continue;
    }
    auto* p = reinterpret_cast<const uint8_t*>(info->dlpi_addr + ph.p_vaddr);
    if (memcmp(p, payload::kSegmentMagic, sizeof(payload::kSegmentMagic)) !=
        0) {
      continue;
    }
    uint64_t size = 0;
    for (int b = 7; b >= 0; --b) size = (size << 8) | p[16 + b];
    out->found = true;
    if (size > ph.p_filesz - payload::kSegmentHeaderSize) {
      out->damage = "payload segment is shorter than its header says";
    } else {
      out->payload = p + payload::kSegmentHeaderSize;
      out->size = size;
    }
    break;
  }
  return 1;  // the main program only
}

int Main(int argc, char** argv) {
  start_ms = NowMs();
  const char* d = getenv("JSPACK_DEBUG");
  debug = d != nullptr && strcmp(d, "1") == 0;
  if (argc > 0 && argv[0] != nullptr) {
    const char* slash = strrchr(argv[0], '/');
    program = slash != nullptr ? slash + 1 : argv[0];
  }
  Segment segment;
  dl_iterate_phdr(FindSegment, &segment);
  if (!segment.found) {
    Fail("this is the jspack launcher without an app; pack one with "
         "`jspack app.js --libs=portable`");
  }
  if (!segment.damage.empty()) {
    Fail("payload is damaged (" + segment.damage + "); rebuild it with jspack");
  }
  payload::Payload app;
  std::string error;
  if (!app.Open(segment.payload, segment.size, nullptr, &error,
                /*check_payload_crc=*/false)) {
    Fail("payload is damaged (" + error + "); rebuild it with jspack");
  }
  std::vector<LibraryEntry> libs;
  std::string libs_hash;
  if (!ParseLibraries(app.manifest(), &libs, &libs_hash, &error)) {
    Fail("payload is damaged (" + error + "); rebuild it with jspack");
  }
  Note("payload found, " + std::to_string(libs.size()) + " libraries");
  Extractor extract = [&app](const LibraryEntry& lib, uint8_t* out,
                             std::string* reason) {
    if (!app.ReadInto(payload::SectionKind::kLibrary, lib.section, out,
                      lib.size, reason)) {
      return false;
    }
    DecodeX86Branches(out, lib.size, lib.code);
    return true;
  };
  Prepared prepared;
  std::string root = CacheRoot();
  bool damaged = false;
  bool cached = !root.empty() &&
                PrepareInCache(root, libs_hash, libs, extract, &prepared,
                               &error, &damaged);
  if (damaged) {
    Fail("payload is damaged (" + error + "); rebuild it with jspack");
  }
  if (!cached) {
    Note("cache not usable (" +
         (root.empty() ? std::string("no home directory") : error) +
         "); using memfd files");
    prepared = Prepared();
    if (!PrepareInMemory(libs, extract, &prepared, &error)) {
      Fail("cannot prepare the runtime's libraries: " + error);
    }
  }
  for (const std::string& note : prepared.notes) Note(note);

  // Dependencies first, each by full path: when a later library asks for
  // "libuv.so.1", ld.so finds the loaded one by its soname and searches
  // nothing on this machine.
  void* runtime = nullptr;
  for (size_t i = 0; i < prepared.paths.size(); ++i) {
    void* handle = dlopen(prepared.paths[i].c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      Fail("cannot load " + libs[i].name + ": " + dlerror());
    }
    runtime = handle;
  }
  Note("libraries loaded");
  auto entry = reinterpret_cast<JspackRuntimeEntry>(
      dlsym(runtime, JSPACK_RUNTIME_ENTRY));
  if (entry == nullptr) {
    Fail("payload is damaged (the runtime has no " +
         std::string(JSPACK_RUNTIME_ENTRY) + "); rebuild it with jspack");
  }
  JspackLaunch launch = {JSPACK_LAUNCH_VERSION, argc, argv, segment.payload,
                         segment.size};
  return entry(&launch);
}

}  // namespace
}  // namespace jspack::launcher

int main(int argc, char** argv) {
  return jspack::launcher::Main(argc, argv);
}
