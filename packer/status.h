// The result type of every packer step: ok, or a user-facing cause and fix.
//
// The packer never throws; each step returns a Status and main prints
// `jspack: error: <cause>. <fix>` for the first failure.
#pragma once

#include <string>
#include <utility>

namespace jspack::packer {

class [[nodiscard]] Status {
 public:
  static Status Ok() { return Status(); }
  // `cause` names the file and what is wrong (no final period); `fix` is a
  // full sentence telling the user what to do (may be empty).
  static Status Error(std::string cause, std::string fix) {
    Status s;
    s.ok_ = false;
    s.cause_ = std::move(cause);
    s.fix_ = std::move(fix);
    return s;
  }

  bool ok() const { return ok_; }
  const std::string& cause() const { return cause_; }
  const std::string& fix() const { return fix_; }

  // "<cause>. <fix>": the text after "jspack: error: ".
  std::string Message() const {
    std::string out = cause_;
    if (out.empty() ||
        (out.back() != '.' && out.back() != '?' && out.back() != '!')) {
      out += '.';
    }
    if (!fix_.empty()) out += ' ' + fix_;
    return out;
  }

 private:
  bool ok_ = true;
  std::string cause_;
  std::string fix_;
};

}  // namespace jspack::packer
