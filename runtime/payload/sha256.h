// SHA-256 (FIPS 180-4), for the content hashes of portable output: the
// packer records each library's hash, the launcher checks extracted files
// against it. No dependency, so the launcher can carry it statically.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace jspack::payload {

class Sha256 {
 public:
  Sha256();
  void Update(const void* data, size_t size);
  // The 32-byte digest; the object must not be updated afterwards.
  void Final(uint8_t digest[32]);
  // Lower-case hex of the digest.
  std::string HexFinal();

 private:
  void Block(const uint8_t* p);
  uint32_t state_[8];
  uint64_t length_ = 0;  // bytes hashed so far
  uint8_t buffer_[64];
  size_t buffered_ = 0;
};

// Hex SHA-256 of `size` bytes at `data`.
std::string Sha256Hex(const void* data, size_t size);

}  // namespace jspack::payload
