// The extraction cache of portable apps (cache.h).
#include "runtime/launcher/cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <map>
#include <memory>

#include "runtime/payload/sha256.h"

namespace jspack::launcher {
namespace {

constexpr char kStampName[] = ".verified";

std::string Errno(const std::string& what) {
  return what + ": " + strerror(errno);
}

std::string Getenv(const char* name) {
  const char* v = getenv(name);
  return v == nullptr ? "" : v;
}

// A file name we are willing to create: no slash, no leading dot (our own
// temporaries and the stamp start with one), not empty.
bool SafeName(const std::string& name) {
  return !name.empty() && name[0] != '.' && name.find('/') == std::string::npos &&
         name.size() < 200;
}

bool CheckDirFd(int fd, const std::string& path, std::string* error) {
  struct stat st;
  if (fstat(fd, &st) != 0) {
    *error = Errno("cannot stat " + path);
    return false;
  }
  if (!S_ISDIR(st.st_mode)) {
    *error = path + " is not a directory";
    return false;
  }
  if (st.st_uid != geteuid()) {
    *error = path + " is owned by uid " + std::to_string(st.st_uid) +
             ", not by this user";
    return false;
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    *error = path + " is writable by other users";
    return false;
  }
  return true;
}

// Opens `name` under `parent` without following a symlink, creating it
// 0700 first when `create`.
int OpenChild(int parent, const std::string& name, const std::string& path,
              bool create, std::string* error) {
  if (create && mkdirat(parent, name.c_str(), 0700) != 0 && errno != EEXIST) {
    *error = Errno("cannot create " + path);
    return -1;
  }
  int fd = openat(parent, name.c_str(),
                  O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    *error = errno == ELOOP || errno == ENOTDIR
                 ? path + " is a symlink or not a directory"
                 : Errno("cannot open " + path);
    return -1;
  }
  if (!CheckDirFd(fd, path, error)) {
    close(fd);
    return -1;
  }
  return fd;
}

struct Fd {
  int fd = -1;
  explicit Fd(int f = -1) : fd(f) {}
  ~Fd() {
    if (fd >= 0) close(fd);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
};

bool HashFileAt(int dir, const std::string& name, uint64_t size,
                std::string* hex) {
  Fd fd(openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.fd < 0) return false;
  struct stat st;
  if (fstat(fd.fd, &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<uint64_t>(st.st_size) != size || st.st_uid != geteuid()) {
    return false;
  }
  if (size == 0) {
    *hex = payload::Sha256Hex("", 0);
    return true;
  }
  void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd.fd, 0);
  if (p == MAP_FAILED) return false;
  *hex = payload::Sha256Hex(p, size);
  munmap(p, size);
  return true;
}

std::string StampLine(const std::string& name, const struct stat& st) {
  char buf[512];
  snprintf(buf, sizeof(buf), "%s %llu %llu %lld %ld\n", name.c_str(),
           static_cast<unsigned long long>(st.st_ino),
           static_cast<unsigned long long>(st.st_size),
           static_cast<long long>(st.st_ctim.tv_sec), st.st_ctim.tv_nsec);
  return buf;
}

// The stamp the files have now, or "" if one is missing or not a regular
// file of ours.
std::string CurrentStamp(int dir, const std::vector<LibraryEntry>& libs) {
  std::string out;
  for (const LibraryEntry& lib : libs) {
    struct stat st;
    if (fstatat(dir, lib.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 ||
        !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
        static_cast<uint64_t>(st.st_size) != lib.size) {
      return "";
    }
    out += StampLine(lib.name, st);
  }
  return out;
}

bool ReadSmallFileAt(int dir, const char* name, std::string* out) {
  Fd fd(openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (fd.fd < 0) return false;
  char buf[4096];
  out->clear();
  for (;;) {
    ssize_t n = read(fd.fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out->append(buf, n);
    if (out->size() > (1 << 20)) return false;
  }
}

bool WriteAll(int fd, const uint8_t* data, uint64_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size > (1 << 30) ? (1 << 30) : size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<uint64_t>(n);
  }
  return true;
}

std::string TempName(const std::string& name) {
  static unsigned counter = 0;
  char buf[64];
  snprintf(buf, sizeof(buf), ".%d.%u.%lx.tmp", getpid(), counter++,
           static_cast<unsigned long>(reinterpret_cast<uintptr_t>(&buf)));
  return "." + name + buf;
}

double NowMs() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

// Decompresses `lib`, checks it and writes it under a temporary name, fsyncs
// and renames it into place. `*damaged` when the payload's bytes are wrong.
// `*timing`: where the time went, for JSPACK_DEBUG=1.
bool Extract(int dir, const std::string& dir_path, const LibraryEntry& lib,
             const Extractor& extract, bool replace, std::string* error,
             bool* damaged, std::string* timing) {
  double t0 = NowMs();
  std::string tmp = TempName(lib.name);
  Fd fd(openat(dir, tmp.c_str(),
               O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0500));
  if (fd.fd < 0) {
    *error = Errno("cannot create a file in " + dir_path);
    return false;
  }
  auto fail = [&](std::string message) {
    unlinkat(dir, tmp.c_str(), 0);
    *error = std::move(message);
    return false;
  };
  if (lib.size > 0 && ftruncate(fd.fd, static_cast<off_t>(lib.size)) != 0) {
    return fail(Errno("cannot write " + dir_path + "/" + lib.name));
  }
  // Decompress straight into the file's pages: no second 47 MB buffer.
  uint8_t* map = nullptr;
  if (lib.size > 0) {
    void* p = mmap(nullptr, lib.size, PROT_READ | PROT_WRITE, MAP_SHARED,
                   fd.fd, 0);
    if (p == MAP_FAILED) {
      return fail(Errno("cannot map " + dir_path + "/" + tmp));
    }
    map = static_cast<uint8_t*>(p);
  }
  std::string reason;
  double t1 = NowMs();
  bool ok = extract(lib, map, &reason);
  double t2 = NowMs();
  std::string hex = ok ? payload::Sha256Hex(map, lib.size) : "";
  double t3 = NowMs();
  if (map != nullptr) munmap(map, lib.size);
  if (!ok || hex != lib.sha256) {
    *damaged = true;
    return fail(ok ? lib.name + " in the payload does not match its sha256"
                   : reason);
  }
  struct stat st;
  if (fsync(fd.fd) != 0 || fstat(fd.fd, &st) != 0 ||
      static_cast<uint64_t>(st.st_size) != lib.size) {
    return fail(Errno("cannot write " + dir_path + "/" + lib.name));
  }
  double t4 = NowMs();
  char buf[160];
  snprintf(buf, sizeof(buf),
           "%llu bytes: create+map %.1f ms, decompress %.1f ms, sha256 %.1f "
           "ms, unmap+fsync %.1f ms",
           static_cast<unsigned long long>(lib.size), t1 - t0, t2 - t1,
           t3 - t2, t4 - t3);
  *timing = buf;
  if (!replace) {
    // Another first run may have placed the file meanwhile: keep theirs if
    // it checks out, so the files other runs already stat-checked stay put.
    if (renameat2(dir, tmp.c_str(), dir, lib.name.c_str(), RENAME_NOREPLACE) ==
        0) {
      return true;
    }
    if (errno != EEXIST && errno != EINVAL && errno != ENOSYS) {
      return fail(Errno("cannot rename into " + dir_path));
    }
    std::string existing;
    if (errno == EEXIST && HashFileAt(dir, lib.name, lib.size, &existing) &&
        existing == lib.sha256) {
      unlinkat(dir, tmp.c_str(), 0);
      return true;
    }
  }
  if (renameat(dir, tmp.c_str(), dir, lib.name.c_str()) != 0) {
    return fail(Errno("cannot rename into " + dir_path));
  }
  return true;
}

}  // namespace

bool ParseLibraryEntry(const std::string& value, LibraryEntry* out) {
  char name[256], sha[65];
  unsigned section;
  unsigned long long size, begin = 0, end = 0;
  int used = 0, used_code = 0;
  bool ok = sscanf(value.c_str(), "%255s %u %llu %64s%n", name, &section, &size,
                   sha, &used) == 4 &&
            strlen(sha) == 64 && SafeName(name);
  if (ok && static_cast<size_t>(used) != value.size()) {
    // The optional x86 branch transform's range (code_filter.h).
    ok = sscanf(value.c_str() + used, " x86=%llu-%llu%n", &begin, &end,
                &used_code) == 2 &&
         static_cast<size_t>(used + used_code) == value.size() && begin < end &&
         end <= size;
  }
  if (!ok) return false;
  out->name = name;
  out->section = section;
  out->size = size;
  out->sha256 = sha;
  out->code = {begin, end};
  return true;
}

bool ParseLibraries(const payload::Manifest& manifest,
                    std::vector<LibraryEntry>* out, std::string* libs_hash,
                    std::string* error) {
  std::vector<LibraryEntry> libs;
  std::string joined;
  for (const auto& [key, value] : manifest) {  // sorted: lib.00, lib.01, ...
    if (key.compare(0, 4, payload::manifest::kLibPrefix) != 0) continue;
    LibraryEntry lib;
    if (!ParseLibraryEntry(value, &lib)) {
      *error = "manifest key " + key + " is malformed";
      return false;
    }
    for (const LibraryEntry& other : libs) {
      if (other.name == lib.name) {
        *error = "manifest names " + lib.name + " twice";
        return false;
      }
    }
    joined += (joined.empty() ? "" : "\n") + value;
    libs.push_back(std::move(lib));
  }
  auto hash = manifest.find(payload::manifest::kLibsHash);
  if (libs.empty() || hash == manifest.end()) {
    *error = "the manifest lists no libraries";
    return false;
  }
  if (hash->second != payload::Sha256Hex(joined.data(), joined.size())) {
    *error = "the manifest's libs_hash does not match its libraries";
    return false;
  }
  *out = std::move(libs);
  *libs_hash = hash->second;
  return true;
}

std::string CacheRoot() {
  std::string dir = Getenv("JSPACK_CACHE_DIR");
  if (!dir.empty()) return dir;
  std::string xdg = Getenv("XDG_CACHE_HOME");
  // The XDG spec: a relative path is invalid and is ignored.
  if (!xdg.empty() && xdg[0] == '/') return xdg + "/jspack";
  std::string home = Getenv("HOME");
  if (home.empty()) {
    struct passwd* pw = getpwuid(geteuid());
    if (pw != nullptr && pw->pw_dir != nullptr) home = pw->pw_dir;
  }
  if (home.empty() || home[0] != '/') return "";
  return home + "/.cache/jspack";
}

int OpenCheckedDir(const std::string& path, bool create, std::string* error) {
  if (path.empty() || path[0] != '/') {
    *error = "cache directory '" + path + "' is not an absolute path";
    return -1;
  }
  // Components up to the parent of the root are the system's and the
  // user's own (/, /home, ~): followed as given. From the last existing
  // ancestor's child down, and for the root itself, everything is checked.
  std::vector<std::string> parts;
  size_t pos = 1;
  while (pos < path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    std::string part = path.substr(pos, slash - pos);
    if (part == "..") {
      *error = "cache directory " + path + " contains '..'";
      return -1;
    }
    if (!part.empty() && part != ".") parts.push_back(part);
    pos = slash + 1;
  }
  if (parts.empty()) {
    *error = "cache directory cannot be /";
    return -1;
  }
  // Walk the parents as the system resolves them, then check each one we
  // create and the root.
  std::string prefix;
  int fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *error = Errno("cannot open /");
    return -1;
  }
  for (size_t i = 0; i < parts.size(); ++i) {
    prefix += "/" + parts[i];
    bool last = i + 1 == parts.size();
    int next = openat(fd, parts[i].c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC |
                                                (last ? O_NOFOLLOW : 0));
    if (next < 0 && errno == ENOENT && create) {
      // Everything we create is ours: 0700, checked, never a symlink.
      next = OpenChild(fd, parts[i], prefix, true, error);
      close(fd);
      if (next < 0) return -1;
      fd = next;
      continue;
    }
    if (next < 0) {
      *error = errno == ELOOP || errno == ENOTDIR
                   ? prefix + " is a symlink or not a directory"
                   : Errno("cannot open " + prefix);
      close(fd);
      return -1;
    }
    close(fd);
    fd = next;
    if (last && !CheckDirFd(fd, prefix, error)) {
      close(fd);
      return -1;
    }
  }
  return fd;
}

bool PrepareInCache(const std::string& root, const std::string& libs_hash,
                    const std::vector<LibraryEntry>& libs,
                    const Extractor& extract, Prepared* out,
                    std::string* error, bool* payload_damaged) {
  *payload_damaged = false;
  Fd root_fd(OpenCheckedDir(root, true, error));
  if (root_fd.fd < 0) return false;
  std::string dir_path = root + "/" + libs_hash;
  Fd dir(OpenChild(root_fd.fd, libs_hash, dir_path, true, error));
  if (dir.fd < 0) return false;
  out->paths.clear();
  for (const LibraryEntry& lib : libs) {
    out->paths.push_back(dir_path + "/" + lib.name);
  }

  std::string stamp;
  std::string now = CurrentStamp(dir.fd, libs);
  if (!now.empty() && ReadSmallFileAt(dir.fd, kStampName, &stamp) &&
      stamp == now) {
    out->notes.push_back("cache hit in " + dir_path + " (stat check)");
    return true;
  }
  // First run, or something changed: check every file fully.
  for (const LibraryEntry& lib : libs) {
    std::string hex;
    bool present = false;
    struct stat st;
    if (fstatat(dir.fd, lib.name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
      present = true;
      if (HashFileAt(dir.fd, lib.name, lib.size, &hex) && hex == lib.sha256) {
        out->notes.push_back("verified " + lib.name);
        continue;
      }
      out->notes.push_back("replacing damaged " + lib.name);
    }
    std::string timing;
    if (!Extract(dir.fd, dir_path, lib, extract, present, error,
                 payload_damaged, &timing)) {
      return false;
    }
    out->notes.push_back("extracted " + lib.name + ", " + timing);
  }
  if (fsync(dir.fd) != 0) {
    *error = Errno("cannot sync " + dir_path);
    return false;
  }
  now = CurrentStamp(dir.fd, libs);
  if (now.empty()) {
    *error = "the files in " + dir_path + " changed while being checked";
    return false;
  }
  // The stamp is only an accelerator: failing to write it costs the next
  // run a full check, nothing else.
  std::string tmp = TempName("stamp");
  Fd fd(openat(dir.fd, tmp.c_str(),
               O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (fd.fd >= 0) {
    bool ok = WriteAll(fd.fd, reinterpret_cast<const uint8_t*>(now.data()),
                       now.size()) &&
              fsync(fd.fd) == 0;
    if (!ok || renameat(dir.fd, tmp.c_str(), dir.fd, kStampName) != 0) {
      unlinkat(dir.fd, tmp.c_str(), 0);
    }
  }
  return true;
}

bool PrepareInMemory(const std::vector<LibraryEntry>& libs,
                     const Extractor& extract, Prepared* out,
                     std::string* error) {
  out->paths.clear();
  out->from_memfd = true;
  for (const LibraryEntry& lib : libs) {
    // Not close-on-exec would leak into children; dlopen opens the
    // /proc/self/fd path afresh, so CLOEXEC is fine.
    int fd = memfd_create(lib.name.c_str(), MFD_CLOEXEC);
    if (fd < 0) {
      *error = Errno("memfd_create");
      return false;
    }
    out->fds.push_back(fd);
    if (lib.size > 0 && ftruncate(fd, static_cast<off_t>(lib.size)) != 0) {
      *error = Errno("cannot size a memfd for " + lib.name);
      return false;
    }
    uint8_t* map = nullptr;
    if (lib.size > 0) {
      void* p =
          mmap(nullptr, lib.size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
      if (p == MAP_FAILED) {
        *error = Errno("cannot map a memfd for " + lib.name);
        return false;
      }
      map = static_cast<uint8_t*>(p);
    }
    std::string reason;
    bool ok = extract(lib, map, &reason);
    std::string hex = ok ? payload::Sha256Hex(map, lib.size) : "";
    if (map != nullptr) munmap(map, lib.size);
    if (!ok || hex != lib.sha256) {
      *error = ok ? lib.name + " in the payload does not match its sha256"
                  : reason;
      return false;
    }
    out->paths.push_back("/proc/self/fd/" + std::to_string(fd));
  }
  out->notes.push_back("libraries loaded from memfd files");
  return true;
}

namespace {

bool IsHashName(const char* name) {
  size_t n = strlen(name);
  if (n != 64) return false;
  for (size_t i = 0; i < n; ++i) {
    if (!((name[i] >= '0' && name[i] <= '9') ||
          (name[i] >= 'a' && name[i] <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool ListCache(const std::string& root, std::vector<CacheEntry>* out,
               std::string* error) {
  out->clear();
  struct stat st;
  if (lstat(root.c_str(), &st) != 0 && errno == ENOENT) return true;
  Fd fd(OpenCheckedDir(root, false, error));
  if (fd.fd < 0) return false;
  DIR* d = fdopendir(dup(fd.fd));
  if (d == nullptr) {
    *error = Errno("cannot list " + root);
    return false;
  }
  while (struct dirent* e = readdir(d)) {
    if (!IsHashName(e->d_name)) continue;
    CacheEntry entry;
    entry.name = e->d_name;
    int sub = openat(fd.fd, e->d_name,
                     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) continue;
    DIR* sd = fdopendir(sub);
    if (sd == nullptr) {
      close(sub);
      continue;
    }
    while (struct dirent* f = readdir(sd)) {
      struct stat st;
      if (f->d_name[0] == '.' ||
          fstatat(dirfd(sd), f->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
          !S_ISREG(st.st_mode)) {
        continue;
      }
      entry.bytes += static_cast<uint64_t>(st.st_size);
      ++entry.files;
    }
    closedir(sd);
    out->push_back(entry);
  }
  closedir(d);
  return true;
}

bool CleanCache(const std::string& root, size_t* removed, std::string* error) {
  *removed = 0;
  struct stat st;
  if (lstat(root.c_str(), &st) != 0 && errno == ENOENT) return true;
  Fd fd(OpenCheckedDir(root, false, error));
  if (fd.fd < 0) return false;
  DIR* d = fdopendir(dup(fd.fd));
  if (d == nullptr) {
    *error = Errno("cannot list " + root);
    return false;
  }
  bool ok = true;
  while (struct dirent* e = readdir(d)) {
    if (!IsHashName(e->d_name)) continue;
    int sub = openat(fd.fd, e->d_name,
                     O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (sub < 0) continue;
    DIR* sd = fdopendir(sub);
    if (sd == nullptr) {
      close(sub);
      continue;
    }
    while (struct dirent* f = readdir(sd)) {
      if (strcmp(f->d_name, ".") == 0 || strcmp(f->d_name, "..") == 0) continue;
      unlinkat(dirfd(sd), f->d_name, 0);
    }
    closedir(sd);
    if (unlinkat(fd.fd, e->d_name, AT_REMOVEDIR) == 0) {
      ++*removed;
    } else {
      *error = Errno("cannot remove " + root + "/" + e->d_name);
      ok = false;
    }
  }
  closedir(d);
  return ok;
}

}  // namespace jspack::launcher
