// Throwing Node-shaped errors from C++ (just before returning to JS).
#pragma once

#include <v8.h>

namespace jspack::runtime {

// Throws `ENOENT: no such file or directory, <syscall> '<path>'` with errno
// (negative, libuv's), code, syscall and path, like Node's system errors.
// `err` is a libuv error code (negative errno).
void ThrowSystemError(v8::Isolate* isolate, int err, const char* syscall,
                      const char* path = nullptr);

}  // namespace jspack::runtime
