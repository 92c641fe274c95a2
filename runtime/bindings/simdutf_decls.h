// The few simdutf functions jspack calls. simdutf is built into libnode
// (Debian's libnode108), which exports them as C++ symbols; declaring them
// here avoids a second copy of the library.
#pragma once

#include <cstddef>

namespace simdutf {

// True when buf[0..len) is well-formed UTF-8 (no overlongs, surrogates or
// code points past U+10FFFF).
bool validate_utf8(const char* buf, size_t len) noexcept;
bool validate_ascii(const char* buf, size_t len) noexcept;

// UTF-16 units of valid UTF-8, and the conversion (0 on invalid input).
size_t utf16_length_from_utf8(const char* input, size_t length) noexcept;
size_t convert_utf8_to_utf16(const char* input, size_t length,
                             char16_t* output) noexcept;

// simdutf's result: an error code (0 is success) and a count. Laid out as
// simdutf's own struct (an int-sized enum, then a size_t).
struct result {
  int error;
  size_t count;
};

// base64 options: 0 is the standard alphabet with '=' padding, 1 the URL
// alphabet without padding.
constexpr unsigned long kBase64Default = 0;
constexpr unsigned long kBase64Url = 1;

// Strict decoding (ASCII white space skipped; any other stray character
// is an error) into at most `outlen` bytes; `outlen` becomes the count.
result base64_to_binary_safe(const char* input, size_t length, char* output,
                             size_t& outlen, unsigned long options) noexcept;
// Encodes; returns the characters written.
size_t binary_to_base64(const char* input, size_t length, char* output,
                        unsigned long options) noexcept;

}  // namespace simdutf
