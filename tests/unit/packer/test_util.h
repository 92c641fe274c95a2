// Helpers shared by the packer units: scratch directories and files.
#pragma once

#include <dirent.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "packer/files.h"
#include "packer/process.h"

namespace jspack::packer::testing {

// A scratch directory for one test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() { (void)dir_.Create(); }
  const std::string& path() const { return dir_.path(); }
  std::string operator/(const std::string& name) const {
    return dir_.path() + "/" + name;
  }

 private:
  TempDir dir_;
};

inline void WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

inline std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline bool Exists(const std::string& path) {
  struct stat st;
  return lstat(path.c_str(), &st) == 0;
}

// Names in a directory, without "." and "..".
inline std::set<std::string> ListDir(const std::string& path) {
  std::set<std::string> names;
  if (DIR* dir = opendir(path.c_str())) {
    while (dirent* e = readdir(dir)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.insert(name);
    }
    closedir(dir);
  }
  return names;
}

// Runs `program` and returns its result; a failure to start it fails the
// test.
inline ProcessResult RunOrDie(const std::string& program,
                              const std::vector<std::string>& args,
                              const std::string& cwd = "") {
  ProcessResult result;
  std::string error;
  EXPECT_TRUE(RunProcess(program, args, cwd, &result, &error)) << error;
  return result;
}

}  // namespace jspack::packer::testing
