// The `jspack` CLI: parses the command line, runs one command, and turns a
// failed Status into `jspack: error: <cause>. <fix>` and exit status 1.
#include <stdio.h>

#include <map>
#include <string>
#include <vector>

#include "packer/cache.h"
#include "packer/cli.h"
#include "packer/esbuild.h"
#include "packer/inspect.h"
#include "packer/pack.h"
#include "packer/process.h"
#include "packer/run.h"

namespace jspack::packer {
namespace {

// Prints what it can: a missing runtime or esbuild must not hide jspack's
// own version.
int PrintVersion(const Options& options) {
  printf("jspack %s\n", JspackVersion());
  std::string runtime;
  std::string origin;
  std::map<std::string, std::string> info;
  Status status = FindRuntime(options.runtime, &runtime, &origin);
  if (status.ok()) status = RuntimeInfo(runtime, origin, &info);
  if (status.ok()) {
    printf("V8 %s\n", info["v8_version"].c_str());
  } else {
    printf("V8 unknown (%s)\n", status.cause().c_str());
  }
  std::string esbuild;
  std::string version;
  status = ResolveEsbuild(options.esbuild, &esbuild);
  if (status.ok()) status = EsbuildVersion(esbuild, &version);
  if (status.ok()) {
    printf("esbuild %s\n", version.c_str());
  } else {
    printf("esbuild unknown (%s)\n", status.cause().c_str());
  }
  return 0;
}

int Main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  Options options;
  Status status = ParseArgs(args, &options);
  if (status.ok()) {
    InstallInterruptHandlers();
    switch (options.command) {
      case Command::kHelp:
        fputs(UsageText().c_str(), stdout);
        return 0;
      case Command::kVersion:
        return PrintVersion(options);
      case Command::kPack:
        status = Pack(options);
        break;
      case Command::kInspect: {
        std::string report;
        bool damaged = false;
        status = Inspect(options.entry, options.json, &report, &damaged);
        if (status.ok()) {
          fputs(report.c_str(), stdout);
          if (damaged) return 1;
        }
        break;
      }
      case Command::kCache:
        status = CacheCommand(options.cache_verb);
        break;
      case Command::kRun:
        status = Run(options);  // returns only on failure
        break;
    }
  }
  if (InterruptSignal() != 0) {
    // Temporary files are gone (their owners were destroyed on the way
    // out); die of the signal so the shell sees the interruption.
    ReraiseInterrupt();
    return 128 + InterruptSignal();
  }
  if (!status.ok()) {
    fprintf(stderr, "jspack: error: %s\n", status.Message().c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace jspack::packer

int main(int argc, char** argv) { return jspack::packer::Main(argc, argv); }
