// File-system helpers of the packer.
#include "packer/files.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>

namespace jspack::packer {
bool WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

namespace {

int RemoveEntry(const char* path, const struct stat*, int, struct FTW*) {
  remove(path);
  return 0;
}

}  // namespace

std::string SelfDir() {
  char buffer[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (n <= 0) return "";
  std::string path(buffer, static_cast<size_t>(n));
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

bool ReadFile(const std::string& path, std::string* out, std::string* error) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = ErrnoText(errno);
    return false;
  }
  struct stat st;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    out->reserve(static_cast<size_t>(st.st_size));
  }
  out->clear();
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof(buffer));
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      *error = ErrnoText(errno);
      close(fd);
      return false;
    }
    out->append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return true;
}

bool IsExecutableFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         access(path.c_str(), X_OK) == 0;
}

std::string ErrnoText(int error) {
  std::string text = strerror(error);
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
      !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z')) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

TempDir::~TempDir() { Remove(); }

Status TempDir::Create() {
  const char* tmp = getenv("TMPDIR");
  std::string base = (tmp != nullptr && tmp[0] != '\0') ? tmp : "/tmp";
  std::string templ = base + "/jspack-XXXXXX";
  if (mkdtemp(templ.data()) == nullptr) {
    return Status::Error("cannot create a temporary directory in " + base +
                             ": " + ErrnoText(errno),
                         "Set TMPDIR to a writable directory.");
  }
  path_ = templ;
  return Status::Ok();
}

void TempDir::Remove() {
  if (path_.empty()) return;
  nftw(path_.c_str(), RemoveEntry, 16, FTW_DEPTH | FTW_PHYS);
  path_.clear();
}

Status WriteFileAtomically(const std::string& path,
                           const std::vector<std::string_view>& pieces,
                           unsigned mode) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "." : path.substr(0, slash);
  if (dir.empty()) dir = "/";
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string temp = dir + "/." + name + ".jspack-XXXXXX";
  int fd = mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    return Status::Error("cannot write " + path + ": " + ErrnoText(errno),
                         "Choose an output path in a writable directory "
                         "with -o.");
  }
  int saved = 0;
  for (std::string_view piece : pieces) {
    if (!WriteAll(fd, piece)) {
      saved = errno;
      break;
    }
  }
  if (saved == 0 && fchmod(fd, mode) != 0) saved = errno;
  if (close(fd) != 0 && saved == 0) saved = errno;
  if (saved == 0 && rename(temp.c_str(), path.c_str()) != 0) saved = errno;
  if (saved != 0) {
    unlink(temp.c_str());
    return Status::Error("cannot write " + path + ": " + ErrnoText(saved),
                         saved == ENOSPC ? "Free some disk space and retry."
                                         : "Choose another output path "
                                           "with -o.");
  }
  return Status::Ok();
}

}  // namespace jspack::packer
