// The contract between the portable launcher and the runtime shared object
// (libjspack-runtime.so): the one function the runtime exports, and what the
// launcher hands it. Plain C types only: the launcher carries its own static
// C++ library, so no C++ object may cross this line.
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define JSPACK_LAUNCH_VERSION 1
// The exported entry's name (also recorded in the manifest, runtime_entry).
#define JSPACK_RUNTIME_ENTRY "jspack_runtime_entry"

struct JspackLaunch {
  uint32_t version;  // JSPACK_LAUNCH_VERSION
  int argc;
  char** argv;
  // The app's payload (a standalone payload, payload_offset 0) where the
  // launcher's PT_LOAD segment maps it; valid for the whole run.
  const uint8_t* payload;
  uint64_t payload_size;
};

// Runs the app; returns its exit code (or does not return: process.exit).
typedef int (*JspackRuntimeEntry)(const struct JspackLaunch* launch);

#ifdef __cplusplus
}
#endif
