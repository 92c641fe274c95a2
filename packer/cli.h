// Command-line parsing of `jspack`: turns argv into Options, or a Status that
// says which argument is wrong.
#pragma once

#include <string>
#include <vector>

#include "packer/status.h"

namespace jspack::packer {

enum class Command {
  kPack,     // jspack <entry> [-o <out>] [options]
  kRun,      // jspack run [options] <entry> [app args...]
  kHelp,     // -h, --help
  kVersion,  // --version
  kCache,    // jspack cache ls|clean
  kInspect,  // jspack inspect <binary> [--json]
};

struct Options {
  Command command = Command::kPack;
  std::string entry;
  std::string output;   // empty: DefaultOutput(entry)
  std::string runtime;  // empty: $JSPACK_RUNTIME, then next to jspack
  std::string esbuild;  // empty: $JSPACK_ESBUILD, next to jspack, PATH
  bool snapshot = true;
  // pack only: the app's main runs at pack time and the snapshot holds the
  // state it made (v8.startupSnapshot; runtime/core/snapshot.h).
  bool build_snapshot = false;
  bool bundle = false;  // run only: bundle a JavaScript entry first too
  // pack only: "system" (the output is jspack-runtime itself, linked against
  // the system's libnode) or "portable" (the launcher, carrying the runtime
  // and its libraries).
  std::string libs = "portable";
  // pack only, portable output: "full" (the system's libicudata.so.72, every
  // locale) or "small" (the filtered stand-in in icu-small/ next to
  // jspack-runtime; see scripts/make-small-icu.sh). "small" with
  // --libs=system is an error: that output loads the system's ICU.
  std::string icu = "full";
  std::string cache_verb;  // cache only: "ls" or "clean"
  bool json = false;       // inspect only
  std::vector<std::string> app_args;  // run only: everything after the entry
  // pack only (h-fork): more entry points bundled into the app, from more
  // positional files and --include; fork()/new Worker() of one runs it.
  std::vector<std::string> extra_entries;
};

// `args` excludes argv[0].
Status ParseArgs(const std::vector<std::string>& args, Options* out);

// The default output path: the entry's base name without its extension, in
// the current directory ("src/app.ts" -> "app").
std::string DefaultOutput(const std::string& entry);

// The text printed by --help.
std::string UsageText();

}  // namespace jspack::packer
