// The few simdutf functions jspack calls. simdutf is built into libnode
// (Debian's libnode108), which exports them as C++ symbols; declaring them
// here avoids a second copy of the library.
#pragma once

#include <cstddef>

namespace simdutf {

// True when buf[0..len) is well-formed UTF-8 (no overlongs, surrogates or
// code points past U+10FFFF).
bool validate_utf8(const char* buf, size_t len) noexcept;

}  // namespace simdutf
