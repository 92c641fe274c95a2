// The esbuild driver: finds the esbuild binary, bundles an entry with it, and
// turns its error report into one-line messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "packer/status.h"

namespace jspack::packer {

// Where to look for esbuild, in order: the --esbuild flag (only there, when
// given), $JSPACK_ESBUILD, next to the jspack executable, then each PATH
// directory. Empty strings mean "not set".
struct EsbuildSearch {
  std::string flag;
  std::string env;
  std::string self_dir;
  std::string path_env;
};

// Sets `*path` to the first executable candidate, or fails listing every
// place that was tried.
Status FindEsbuild(const EsbuildSearch& search, std::string* path);

// One `✘ [ERROR]` block of esbuild's stderr.
struct EsbuildError {
  std::string message;  // "Could not resolve \"left-pad\""
  std::string file;     // as esbuild printed it; empty if no location
  int line = 0;
  int column = 0;
  // esbuild's note says the failure is a require() call (it could be caught
  // at run time), not a static import.
  bool in_require_call = false;
};

// Parses esbuild's human-readable stderr (--color=false --log-level=error).
std::vector<EsbuildError> ParseEsbuildErrors(std::string_view stderr_text);

// The user-facing failure for a failed esbuild run: the first error as
// "<file>:<line>:<col>: <message>" (plus how many more there were) and a fix
// suited to it. `stderr_text` is used as is when nothing could be parsed.
Status EsbuildFailure(const std::vector<EsbuildError>& errors,
                      std::string_view stderr_text);

// Rewrites the "sources" of an esbuild source map written in `map_dir` so
// they are relative to `base_dir` instead (lexically; absolute paths stay
// absolute where no relative path exists). The output then does not depend
// on where the temporary directory was. Returns `map` unchanged if it cannot
// find a well-formed "sources" array.
std::string RebaseSourceMap(const std::string& map, const std::string& map_dir,
                            const std::string& base_dir);

struct BundleOutput {
  std::string code;        // bundle.js
  std::string source_map;  // bundle.js.map, sources relative to entry's dir
  // One line each, for "jspack: warning: ..." (e.g. require() calls left for
  // run time).
  std::vector<std::string> warnings;
  // "cjs", or "esm" when the app uses top-level await (which a CommonJS
  // bundle cannot hold): it then runs as an ES module, from source.
  std::string format = "cjs";
  // The other entries in the bundle (paths relative to the main entry's
  // directory): named on the command line, or fork()/Worker targets found.
  std::vector<std::string> entries;
};

// True for esbuild's "top-level await is not supported in cjs" error.
bool IsTopLevelAwaitError(const EsbuildError& error);

// The specifier X of a `Could not resolve "X"` error, or "".
std::string UnresolvedSpecifier(const EsbuildError& error);

// Bundles `entry` (an existing file) into `out_dir` with esbuild and reads
// the results back. As in Node, a require() call that cannot be resolved is
// not an error until it runs: when every error is such a call, the bundle is
// made again with those paths left external (require() then throws
// MODULE_NOT_FOUND at run time if it is reached) and a warning names each.
// A static import that cannot be resolved stays an error.
Status Bundle(const std::string& esbuild, const std::string& entry,
              const std::string& out_dir, BundleOutput* out);

// The same for an app with more entries: `entry` is the main one, and each
// of `extra_entries`, plus every file that a literal fork() or new Worker()
// target in the bundled sources names (found by a scan of esbuild's
// metafile inputs), is bundled on its own. The bundle is then one CommonJS
// function body that returns { main, entries: { "<relative path>": fn } }
// and runs none of them (run_main.js runBundle picks the one to run); its
// source map covers every part. An ES module main bundle (top-level await)
// holds only itself.
Status BundleApp(const std::string& esbuild, const std::string& entry,
                 const std::vector<std::string>& extra_entries,
                 const std::string& out_dir, BundleOutput* out);

// Prints each warning as "jspack: warning: <text>" on stderr.
void PrintWarnings(const std::vector<std::string>& warnings);

// `esbuild --version`, trimmed.
Status EsbuildVersion(const std::string& esbuild, std::string* version);

}  // namespace jspack::packer
