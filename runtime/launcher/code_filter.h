// A reversible transform of x86-64 machine code that makes it compress
// better: the 32-bit displacement of every CALL (E8) and JMP (E9) opcode
// byte in the library's executable segment becomes an absolute target
// (displacement + file offset of the next instruction). Calls to one
// function from many places then carry the same four bytes, which zstd
// finds as repeats: libnode compresses to 10.41 MB instead of 11.57 MB.
//
// The packer encodes a library before compressing it (packer/cache.cc) and
// records the range in its manifest entry (payload/format.h, lib.NN
// "x86=BEGIN-END"); the launcher decodes it right after decompressing,
// before the sha256 check, which is of the library's own bytes.
//
// Every opcode byte in the range is converted, whatever it really is, so
// the transform is exactly reversible for any bytes: a converted opcode's
// four displacement bytes are skipped by both directions alike, and an
// opcode byte is never itself inside a converted displacement.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace jspack::launcher {

struct CodeRange {
  uint64_t begin = 0;  // file offsets, begin <= end <= the file's size
  uint64_t end = 0;
  bool empty() const { return begin >= end; }
};

// The file range of the executable PT_LOAD segments of an x86-64 ELF file
// (from the first to the end of the last); empty for anything else.
CodeRange FindCodeRange(const uint8_t* file, size_t size);

// In place; `range` must lie within `data` (size bytes).
void EncodeX86Branches(uint8_t* data, size_t size, CodeRange range);
void DecodeX86Branches(uint8_t* data, size_t size, CodeRange range);

}  // namespace jspack::launcher
