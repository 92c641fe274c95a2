// The pack pipeline (`jspack <entry> -o <out>`) and the steps it shares with
// `jspack run` and `jspack --version`.
#pragma once

#include <map>
#include <string>

#include "packer/cli.h"
#include "packer/status.h"

namespace jspack::packer {

// jspack's own version (CMake's project version).
const char* JspackVersion();

// Entry files esbuild can bundle for us: .js .mjs .cjs .jsx .ts .tsx .mts .cts.
bool IsSupportedEntry(const std::string& path);

// The entry exists, is a readable regular file, and has a supported type.
Status ValidateEntry(const std::string& entry);

// The output can be written: its directory exists and is writable, it is not
// a directory or other non-regular file, and it is not the entry or the
// stub itself.
Status ValidateOutput(const std::string& output, const std::string& entry,
                      const std::string& stub);

// Picks the runtime stub: --runtime, else $JSPACK_RUNTIME, else
// jspack-runtime next to jspack. `origin` says which, for messages.
Status FindRuntime(const std::string& flag, std::string* path,
                   std::string* origin);

// Picks esbuild (see FindEsbuild) from the flag, the environment and PATH.
Status ResolveEsbuild(const std::string& flag, std::string* path);

// `key=value` lines of a runtime's stdout (--jspack-info, snapshot builder).
std::map<std::string, std::string> ParseKeyValueLines(const std::string& text);

// Runs `<stub> --jspack-info` and returns its key=value lines.
Status RuntimeInfo(const std::string& stub, const std::string& origin,
                   std::map<std::string, std::string>* info);

// The whole pipeline; writes options.output (or the default) or nothing.
Status Pack(const Options& options);

}  // namespace jspack::packer
