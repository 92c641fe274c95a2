// Command-line parsing of `jspack`.
#include "packer/cli.h"

#include <cstring>

namespace jspack::packer {
namespace {

constexpr char kHelpFix[] = "Run jspack --help for usage.";

// Matches `--name VALUE` and `--name=VALUE` (and `-o VALUE`, `-oVALUE` for
// the short form). Advances `*i` past a separate value.
bool TakeValue(const std::vector<std::string>& args, size_t* i,
               const char* long_name, const char* short_name,
               std::string* value, Status* status) {
  const std::string& arg = args[*i];
  std::string prefix = std::string(long_name) + "=";
  if (arg.compare(0, prefix.size(), prefix) == 0) {
    *value = arg.substr(prefix.size());
  } else if (short_name != nullptr && arg.size() > 2 &&
             arg.compare(0, 2, short_name) == 0) {
    *value = arg.substr(2);
  } else if (arg == long_name || (short_name != nullptr && arg == short_name)) {
    if (*i + 1 >= args.size()) {
      *status = Status::Error("option " + arg + " needs a value", kHelpFix);
      return true;
    }
    *value = args[++*i];
  } else {
    return false;
  }
  if (value->empty()) {
    *status = Status::Error(
        "option " + std::string(long_name) + " needs a non-empty value",
        kHelpFix);
  }
  return true;
}

// TakeValue for an option with two possible values (--libs, --icu).
bool TakeChoice(const std::vector<std::string>& args, size_t* i,
                const char* name, const char* first, const char* second,
                std::string* value, Status* status) {
  if (!TakeValue(args, i, name, nullptr, value, status)) return false;
  if (status->ok() && *value != first && *value != second) {
    *status = Status::Error(std::string(name) + " must be " + first + " or " +
                                second + ", not '" + *value + "'",
                            kHelpFix);
  }
  return true;
}

}  // namespace

Status ParseArgs(const std::vector<std::string>& args, Options* out) {
  Options options;
  size_t i = 0;
  if (!args.empty() && args[0] == "cache") {
    if (args.size() != 2 || (args[1] != "ls" && args[1] != "clean")) {
      return Status::Error("jspack cache takes one command, ls or clean",
                           "Usage: jspack cache ls|clean");
    }
    options.command = Command::kCache;
    options.cache_verb = args[1];
    *out = options;
    return Status::Ok();
  }
  if (!args.empty() && args[0] == "inspect") {
    options.command = Command::kInspect;
    for (size_t k = 1; k < args.size(); ++k) {
      if (args[k] == "--json") {
        options.json = true;
      } else if (options.entry.empty() && !args[k].empty()) {
        options.entry = args[k];
      } else {
        return Status::Error("unexpected argument '" + args[k] + "'",
                             "Usage: jspack inspect <binary> [--json]");
      }
    }
    if (options.entry.empty()) {
      return Status::Error("no binary given",
                           "Usage: jspack inspect <binary> [--json]");
    }
    *out = options;
    return Status::Ok();
  }
  bool run = !args.empty() && args[0] == "run";
  if (run) {
    options.command = Command::kRun;
    i = 1;
  }
  bool options_done = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    Status status;
    if (!options_done && arg.size() > 1 && arg[0] == '-') {
      if (arg == "--") {
        options_done = true;
        continue;
      }
      if (arg == "-h" || arg == "--help") {
        options.command = Command::kHelp;
        *out = options;
        return Status::Ok();
      }
      if (arg == "--version" && !run) {
        options.command = Command::kVersion;
        *out = options;
        return Status::Ok();
      }
      if (TakeValue(args, &i, "--runtime", nullptr, &options.runtime,
                    &status) ||
          TakeValue(args, &i, "--esbuild", nullptr, &options.esbuild,
                    &status)) {
        if (!status.ok()) return status;
        continue;
      }
      if (!run &&
          TakeValue(args, &i, "--output", "-o", &options.output, &status)) {
        if (!status.ok()) return status;
        continue;
      }
      if (!run && (TakeChoice(args, &i, "--libs", "portable", "system",
                              &options.libs, &status) ||
                   TakeChoice(args, &i, "--icu", "full", "small",
                              &options.icu, &status))) {
        if (!status.ok()) return status;
        continue;
      }
      // --include FILE, one more entry point of a packed app.
      if (std::string include;
          !run && TakeValue(args, &i, "--include", nullptr, &include, &status)) {
        if (!status.ok()) return status;
        options.extra_entries.push_back(include);
        continue;
      }
      if (run && arg == "--bundle") {
        options.bundle = true;
        continue;
      }
      if (!run && arg == "--no-snapshot") {
        options.snapshot = false;
        continue;
      }
      if (!run && arg == "--build-snapshot") {
        options.build_snapshot = true;
        continue;
      }
      if (run && (arg == "-o" || arg.compare(0, 8, "--output") == 0 ||
                  arg.compare(0, 5, "--icu") == 0 || arg == "--no-snapshot" ||
                  arg == "--build-snapshot")) {
        return Status::Error("option " + arg + " does not apply to jspack run",
                             "jspack run writes no file; drop the option.");
      }
      return Status::Error("unknown option " + arg, kHelpFix);
    }
    if (!options.entry.empty()) {
      options.extra_entries.push_back(arg);  // h-fork: another entry point
      continue;
    }
    options.entry = arg;
    if (run) {
      // Everything after the entry belongs to the app, flags included.
      options.app_args.assign(args.begin() + i + 1, args.end());
      break;
    }
  }
  if (options.build_snapshot && !options.snapshot) {
    return Status::Error(
        "--build-snapshot and --no-snapshot contradict each other",
        "--build-snapshot puts the state the app's main made at pack time "
        "into its snapshot; drop one of the two.");
  }
  if (options.icu == "small" && options.libs == "system") {
    return Status::Error(
        "--icu=small applies to portable output only",
        "--libs=system output loads this machine's ICU; drop --icu=small, "
        "or drop --libs=system.");
  }
  if (options.entry.empty()) {
    return Status::Error("no entry file given",
                         run ? "Usage: jspack run [options] <entry> [args...]"
                             : "Usage: jspack <entry> [-o <out>] [options]");
  }
  *out = options;
  return Status::Ok();
}

std::string DefaultOutput(const std::string& entry) {
  std::string base = entry;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  size_t slash = base.rfind('/');
  if (slash != std::string::npos) base = base.substr(slash + 1);
  size_t dot = base.rfind('.');
  // A leading dot is part of the name (".app.js" -> ".app"), not the
  // extension of an empty name.
  if (dot != std::string::npos && dot > 0) base = base.substr(0, dot);
  return base;
}

std::string UsageText() {
  return R"(Usage:
  jspack <entry> [<entry>...] [-o <out>] [options]
                                         pack an app into one executable
  jspack run [options] <entry> [args...] run an app now, no output file
  jspack inspect <binary> [--json]       what a packed binary holds
  jspack cache ls|clean                  list or empty the cache where
                                         portable apps keep their libraries

The entry is a .js, .mjs, .cjs, .jsx, .ts, .tsx, .mts or .cts file; its
imports are bundled with esbuild, Node's built-in modules stay built in.
`jspack run` runs a .js, .mjs or .cjs entry as node would (the runtime
loads it and its imports from disk); other entries are bundled first.

Options:
  -o, --output PATH   where to write the executable (default: the entry's
                      name without extension, in the current directory)
  --runtime PATH      the jspack-runtime to build on (default: $JSPACK_RUNTIME,
                      else jspack-runtime next to jspack)
  --esbuild PATH      the esbuild to bundle with (default: $JSPACK_ESBUILD,
                      else esbuild next to jspack, else esbuild in PATH)
  --libs=portable     (default) the output carries the runtime and every
                      library it needs but glibc: runs where nothing is
                      installed
  --libs=system       the output links the system's libnode: the smallest
                      file, for machines with Debian's libnode108
  --icu=full          (default) portable output carries all of ICU's data:
                      Intl is correct for every locale
  --icu=small         portable output carries ICU's data for English and
                      9 more languages (de fr es it pt nl ru ja ar), about
                      7.6 MB less; Intl in any other locale falls back to
                      en-US as in a small-icu Node. Not with --libs=system
  --include FILE      bundle FILE as one more entry point: fork() or new
                      Worker() of it runs it from the app (as do more entry
                      files after the first, and literal fork()/Worker
                      targets found in the sources)
  --no-snapshot       do not snapshot the app: it is compiled from its bundled
                      source at every start (the standard library still
                      starts from its snapshot); for debugging
  --build-snapshot    run the app's main at pack time, with
                      v8.startupSnapshot.isBuildingSnapshot() true, and
                      snapshot the state it leaves; each start then runs the
                      function given to setDeserializeMainFunction()
  --bundle            (run) bundle a JavaScript entry first too, as packing
                      does
  -h, --help          show this help
  --version           show the versions of jspack, V8 and esbuild
)";
}

}  // namespace jspack::packer
