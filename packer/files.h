// File-system helpers of the packer: reading whole files, private temporary
// directories, and writing an output atomically (temp name, then rename).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "packer/status.h"

namespace jspack::packer {

// The directory holding the running jspack executable (from /proc/self/exe),
// or "" if it cannot be read.
std::string SelfDir();

// Reads a whole file. On failure returns false with errno's text in `error`.
bool ReadFile(const std::string& path, std::string* out, std::string* error);

// Writes all of `data` to `fd`, retrying short writes and EINTR. False on any
// other error (errno says which).
bool WriteAll(int fd, std::string_view data);

// True if `path` is a regular file we may execute.
bool IsExecutableFile(const std::string& path);

// "No such file or directory" and friends, lower-cased first letter so it
// reads well after a colon.
std::string ErrnoText(int error);

// A private directory (mode 0700) under $TMPDIR or /tmp, removed with
// everything in it when this object goes away.
class TempDir {
 public:
  TempDir() = default;
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  Status Create();
  // Removes the directory now (also done by the destructor).
  void Remove();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes `pieces` one after another to a temporary file next to `path`
// (".<name>.jspack-XXXXXX"), sets `mode`, then renames it over `path`. On
// failure nothing is left behind and `path` is untouched.
Status WriteFileAtomically(const std::string& path,
                           const std::vector<std::string_view>& pieces,
                           unsigned mode);

}  // namespace jspack::packer
