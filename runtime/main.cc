// jspack-runtime: runs the app packed into this file, or (bare runtime) builds
// snapshots and runs payload files for the jspack CLI.
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <v8.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits.h>
#include <string>
#include <vector>

#include "runtime/core/boot.h"
#include "runtime/core/libnode_info.h"
#include "runtime/core/snapshot.h"
#include "runtime/core/stdlib.h"
#include "runtime/core/v8_setup.h"
#include "runtime/launcher/launch.h"
#include "runtime/payload/payload.h"

// Patched by the packer in the copy it writes (see format.h). volatile: the
// compiler must read the bytes the file holds, not the initializer.
extern "C" {
__attribute__((section(".jspack_locator"), used)) volatile unsigned char
    jspack_locator[jspack::payload::kLocatorSize] = {
        'J', 'S', 'P', 'A', 'C', 'K', '-', 'L',
        'O', 'C', 'A', 'T', 'O', 'R', '-', '1'};
}

namespace jspack::runtime {
namespace {

using payload::Payload;
using payload::SectionKind;

std::string program;  // basename of argv[0], for messages

std::string SelfExePath() {
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return "/proc/self/exe";
  return std::string(buf, n);
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// A read-only mapping of a whole file.
struct MappedFile {
  const uint8_t* data = nullptr;
  uint64_t size = 0;
  bool Map(const std::string& path, std::string* error) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      *error = "cannot open " + path + ": " + strerror(errno);
      return false;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
      *error = "cannot stat " + path + ": " + strerror(errno);
      close(fd);
      return false;
    }
    size = static_cast<uint64_t>(st.st_size);
    if (size > 0) {
      void* p = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
      if (p == MAP_FAILED) {
        *error = "cannot map " + path + ": " + strerror(errno);
        close(fd);
        return false;
      }
      data = static_cast<const uint8_t*>(p);
    }
    close(fd);
    return true;
  }
};

[[noreturn]] void Damaged(const std::string& reason) {
  fprintf(stderr, "%s: payload is damaged (%s); rebuild it with jspack\n",
          program.c_str(), reason.c_str());
  exit(1);
}

std::string InfoLines() {
  return std::string("jspack_version=") + JSPACK_VERSION +
         "\nv8_version=" + V8Version() +
         "\nlibnode_build_id=" + LoadedLibnodeBuildId() + "\n";
}

void PrintInfo() { fputs(InfoLines().c_str(), stdout); }

// The base snapshot next to this executable if the loaded libnode made it;
// "" when there is none or it does not fit.
std::string LoadBaseSnapshot(const std::string& exe_dir) {
  std::string path = exe_dir + "/" + payload::kBaseSnapshotFileName;
  if (access(path.c_str(), R_OK) != 0) return "";
  std::string blob, error;
  if (!payload::ReadBaseSnapshot(path, LoadedLibnodeBuildId(), &blob, &error)) {
    DebugLog("base snapshot %s not used: %s", path.c_str(), error.c_str());
    return "";
  }
  return blob;
}

// Chooses the boot path for a validated payload and runs it.
int RunPayload(const Payload& app, RunInfo info, bool allow_base_file) {
  const payload::Manifest& manifest = app.manifest();
  auto get = [&](const char* key) {
    auto it = manifest.find(key);
    return it == manifest.end() ? std::string() : it->second;
  };
  if (!get(payload::manifest::kEntryPath).empty()) {
    info.entry_path = get(payload::manifest::kEntryPath);
  } else {
    std::string entry = get(payload::manifest::kEntry);
    info.entry_path =
        DirName(info.exec_path) + "/" + (entry.empty() ? "main.js" : entry);
  }
  BootPlan plan;
  std::string error;
  info.bundle_is_module = get(payload::manifest::kBundleFormat) == "esm";
  std::string kind = get(payload::manifest::kSnapshot);
  if (app.Has(SectionKind::kSnapshot) && (kind == "app" || kind == "base")) {
    std::string made_by = get(payload::manifest::kLibnodeBuildId);
    std::string loaded = LoadedLibnodeBuildId();
    if (made_by == loaded) {
      if (!app.Read(SectionKind::kSnapshot, &plan.snapshot, &error)) {
        Damaged(error);
      }
      plan.app_in_snapshot = kind == "app";
      plan.app_initialized = plan.app_in_snapshot &&
                             get(payload::manifest::kAppInitialized) == "1";
    } else {
      DebugLog(
          "snapshot not used: libnode build-id differs (snapshot made with "
          "%s, running with %s); running the bundle source",
          made_by.c_str(), loaded.c_str());
    }
  }
  if (plan.app_in_snapshot) {
    DebugLog("boot: app snapshot (%zu bytes)%s", plan.snapshot.size(),
             plan.app_initialized ? ", initialized at pack time" : "");
  } else {
    if (!app.Read(SectionKind::kBundle, &plan.bundle_source, &error)) {
      Damaged(error);
    }
    info.initialize_app = get(payload::manifest::kAppInitialized) == "1";
    if (info.initialize_app) {
      DebugLog("the app's main runs now, as it did at pack time");
    }
    if (plan.snapshot.empty() && allow_base_file) {
      plan.snapshot = LoadBaseSnapshot(DirName(info.exec_path));
    }
    DebugLog(plan.snapshot.empty() ? "boot: no snapshot + bundle source"
                                   : "boot: base snapshot + bundle source");
  }
  if (app.Has(SectionKind::kSourceMap)) {
    // `app` outlives the run: the process ends inside BootAndRun or right
    // after it returns.
    info.load_source_map = [&app] {
      std::string map, read_error;
      if (!app.Read(SectionKind::kSourceMap, &map, &read_error)) {
        DebugLog("source map not used: %s", read_error.c_str());
        return std::string();
      }
      return map;
    };
  }
  plan.info = std::move(info);
  DebugTime("snapshot section read");
  return BootAndRun(std::move(plan));
}

bool WriteFileAtomically(const std::string& path, const std::string& bytes,
                         std::string* error) {
  std::string tmp = path + ".tmp-" + std::to_string(getpid());
  FILE* f = fopen(tmp.c_str(), "wb");
  if (f == nullptr) {
    *error = "cannot create " + tmp + ": " + strerror(errno);
    return false;
  }
  bool ok = fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  ok = (fclose(f) == 0) && ok;
  if (!ok || rename(tmp.c_str(), path.c_str()) != 0) {
    *error = "cannot write " + path + ": " + strerror(errno);
    unlink(tmp.c_str());
    return false;
  }
  return true;
}

// --jspack-build-snapshot --out PATH [--bundle FILE --entry NAME
//   [--run-app --entry-path PATH --info-out FILE]]
// Without --bundle: the base snapshot, as a standalone payload file.
// With it: the app snapshot, as a raw V8 blob, plus the info lines on stdout.
// With --run-app (`jspack --build-snapshot`) the app's main runs first, with
// this process's stdio, so the info lines go to the --info-out file, and so
// does a refusal (error=, fix=).
int BuildSnapshotMode(int argc, char** argv) {
  std::string out, bundle_path, entry, entry_path, info_out;
  bool run_app = false;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 < argc && arg == "--out") {
      out = argv[++i];
    } else if (i + 1 < argc && arg == "--bundle") {
      bundle_path = argv[++i];
    } else if (i + 1 < argc && arg == "--entry") {
      entry = argv[++i];
    } else if (i + 1 < argc && arg == "--entry-path") {
      entry_path = argv[++i];
    } else if (i + 1 < argc && arg == "--info-out") {
      info_out = argv[++i];
    } else if (arg == "--run-app") {
      run_app = true;
    } else {
      fprintf(stderr, "%s: unknown snapshot option '%s'\n", program.c_str(),
              arg.c_str());
      return 2;
    }
  }
  if (out.empty()) {
    fprintf(stderr, "%s: --jspack-build-snapshot needs --out\n",
            program.c_str());
    return 2;
  }
  InitializeV8(argv[0], /*building_snapshot=*/true);
  std::string blob, error;
  if (bundle_path.empty()) {
    if (!BuildBaseSnapshot(&blob, &error)) {
      fprintf(stderr, "%s: cannot build the base snapshot: %s\n",
              program.c_str(), error.c_str());
      return 1;
    }
    payload::Manifest manifest = {
        {payload::manifest::kJspackVersion, JSPACK_VERSION},
        {payload::manifest::kV8Version, V8Version()},
        {payload::manifest::kLibnodeBuildId, LoadedLibnodeBuildId()},
        {payload::manifest::kSnapshot, "base"}};
    std::vector<payload::SectionInput> sections = {
        {SectionKind::kManifest, payload::SerializeManifest(manifest)},
        {SectionKind::kSnapshot, std::move(blob)}};
    std::string bytes;
    if (!payload::BuildPayload(sections, 0, payload::WriteOptions(), &bytes,
                               &error) ||
        !WriteFileAtomically(out, bytes, &error)) {
      fprintf(stderr, "%s: %s\n", program.c_str(), error.c_str());
      return 1;
    }
    return 0;
  }
  std::string bundle;
  if (!payload::ReadWholeFile(bundle_path, &bundle, &error)) {
    fprintf(stderr, "%s: %s\n", program.c_str(), error.c_str());
    return 1;
  }
  std::string base = LoadBaseSnapshot(DirName(SelfExePath()));
  DebugLog("app snapshot built on %s",
           base.empty() ? "the stdlib source" : "the base snapshot");
  if (run_app) {
    if (info_out.empty() || entry_path.empty()) {
      fprintf(stderr, "%s: --run-app needs --info-out and --entry-path\n",
              program.c_str());
      return 2;
    }
    RunInfo info;
    info.exec_path = SelfExePath();
    info.argv0 = argv[0];
    info.entry_path = entry_path;
    info.debug = DebugEnabled();
    auto refuse = [&](const SnapshotRefusal& refusal) {
      std::string text =
                      "error=" + refusal.cause + "\nfix=" + refusal.fix + "\n",
                  ignored;
      WriteFileAtomically(info_out, text, &ignored);
      // The packer says it, with the fix.
      DebugLog("cannot snapshot the app: %s", refusal.cause.c_str());
      fflush(stdout);
      fflush(stderr);
      _exit(1);
    };
    if (!BuildInitializedAppSnapshot(base, bundle,
                                     entry.empty() ? "main.js" : entry,
                                     std::move(info), refuse, &blob, &error)) {
      refuse({error, "Report this jspack bug"});
    }
    if (!WriteFileAtomically(out, blob, &error)) refuse({error, ""});
    if (!WriteFileAtomically(info_out, InfoLines(), &error)) {
      fprintf(stderr, "%s: %s\n", program.c_str(), error.c_str());
      return 1;
    }
    fflush(stdout);
    fflush(stderr);
    // The app's Runtime and its isolate are gone with the snapshot creator;
    // end here, as a run does, without static destructors.
    _exit(0);
  }
  if (!BuildAppSnapshot(base, bundle, entry.empty() ? "main.js" : entry, &blob,
                        &error)) {
    fprintf(stderr, "%s: cannot snapshot the app: %s\n", program.c_str(),
            error.c_str());
    return 1;
  }
  if (!WriteFileAtomically(out, blob, &error)) {
    fprintf(stderr, "%s: %s\n", program.c_str(), error.c_str());
    return 1;
  }
  PrintInfo();
  return 0;
}

// $JSPACK_STDLIB (stdlib development): boot from that stdlib image's
// source; the base snapshot holds the built-in stdlib, so it is skipped
// (*allow_base_file becomes false). False, with the message printed, when
// the file cannot be read.
bool UseStdlibFromEnvironment(bool* allow_base_file) {
  const char* stdlib = getenv("JSPACK_STDLIB");
  if (stdlib == nullptr) return true;
  std::string source, error;
  if (!payload::ReadWholeFile(stdlib, &source, &error)) {
    fprintf(stderr, "%s: JSPACK_STDLIB: %s\n", program.c_str(), error.c_str());
    return false;
  }
  UseStdlibSource(std::move(source));
  *allow_base_file = false;
  return true;
}

// The node-compatible command line of a bare runtime ----------------------

// Node's own options that take a value, as `--opt value` or `--opt=value`.
constexpr const char* kValueOptions[] = {
    "--eval",  "--print",        "--require",   "--import",
    "--input-type", "--title",   "--unhandled-rejections",
    "--env-file", "--conditions", "--disable-warning", "--redirect-warnings",
    "--max-http-header-size",
};
// Node's own options without a value that the stdlib honours or that need
// nothing from it.
constexpr const char* kFlagOptions[] = {
    "--no-warnings", "--no-deprecation", "--throw-deprecation",
    "--trace-deprecation", "--trace-warnings", "--pending-deprecation",
    "--trace-uncaught", "--enable-source-maps", "--preserve-symlinks",
    "--preserve-symlinks-main", "--expose-internals", "--zero-fill-buffers",
    "--no-experimental-fetch", "--no-experimental-global-webcrypto",
    "--no-experimental-global-customevent", "--experimental-vm-modules",
    "--experimental-global-webcrypto", "--experimental-require-module",
    "--no-experimental-require-module", "--experimental-detect-module",
    "--no-experimental-detect-module", "--insecure-http-parser",
    "--no-addons", "--no-global-search-paths", "--frozen-intrinsics",
    "--experimental-websocket", "--experimental-eventsource",
    "--report-on-fatalerror", "--no-force-async-hooks-checks",
    "--experimental-test-coverage", "--verify-base-objects",
    "--experimental-wasm-modules", "--experimental-import-meta-resolve",
    "--experimental-network-imports", "--experimental-permission",
    "--experimental-shadow-realm", "--experimental-worker",
};

bool IsOneOf(const std::string& name, const char* const* list, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (name == list[i]) return true;
  }
  return false;
}

struct NodeCommand {
  std::vector<std::string> exec_argv;
  std::vector<std::pair<std::string, std::string>> options;
  std::vector<std::string> v8_flags;
  std::string mode;  // file, eval, stdin, check, version, help
  std::string eval_source;
  std::string script;
  std::vector<std::string> script_args;
};

// Parses node options from args[from...]; stops at the script. Returns ""
// or the message of a bad command line. `record` keeps them for execArgv.
std::string ParseNodeOptions(const std::vector<std::string>& args,
                             size_t* index, bool record, NodeCommand* cmd) {
  size_t i = *index;
  for (; i < args.size(); ++i) {
    std::string arg = args[i];
    if (arg == "--") {  // not in execArgv, as in node
      ++i;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') break;  // the script (or "-")
    size_t first = i;
    std::string name = arg, value;
    bool has_value = false;
    size_t eq = arg.find('=');
    if (arg.rfind("--", 0) == 0 && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    // Node accepts '_' for '-' in its own option names.
    std::string key = name;
    for (size_t k = 2; k < key.size(); ++k) {
      if (key[k] == '_') key[k] = '-';
    }
    static const std::pair<const char*, const char*> kShort[] = {
        {"-e", "--eval"},    {"-p", "--print"},   {"-r", "--require"},
        {"-pe", "--print"},  {"-ep", "--print"},  {"-c", "--check"},
        {"-v", "--version"}, {"-h", "--help"},    {"-i", "--interactive"},
    };
    for (const auto& [short_name, long_name] : kShort) {
      if (key == short_name) key = long_name;
    }
    if (IsOneOf(key, kValueOptions, std::size(kValueOptions))) {
      if (!has_value) {
        // -p may stand alone: node -p prints the script given next.
        if (i + 1 >= args.size()) {
          return std::string(args[first]) + " requires an argument";
        }
        value = args[++i];
      }
      cmd->options.emplace_back(key, value);
      if (key == "--eval" || key == "--print") {
        cmd->mode = "eval";
        cmd->eval_source = value;
        if (key == "--print") cmd->options.emplace_back("--print", "");
      }
    } else if (IsOneOf(key, kFlagOptions, std::size(kFlagOptions))) {
      cmd->options.emplace_back(key, has_value ? value : "");
    } else if (key == "--check" || key == "--version" || key == "--help") {
      cmd->mode = key.substr(2);
    } else if (key == "--interactive") {
      cmd->mode = "interactive";
    } else {
      // Everything else is V8's to accept or refuse (--expose-gc,
      // --stack-trace-limit=N, --max-old-space-size=N, --harmony, ...).
      cmd->v8_flags.push_back(arg);
    }
    if (record) {
      for (size_t k = first; k <= i; ++k) cmd->exec_argv.push_back(args[k]);
    }
  }
  *index = i;
  return "";
}

// NODE_OPTIONS, split on spaces (double quotes group).
std::vector<std::string> SplitNodeOptions(const char* text) {
  std::vector<std::string> out;
  std::string current;
  bool quoted = false, any = false;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '"') {
      quoted = !quoted;
      any = true;
    } else if (*p == ' ' && !quoted) {
      if (any) out.push_back(current);
      current.clear();
      any = false;
    } else {
      current.push_back(*p);
      any = true;
    }
  }
  if (any) out.push_back(current);
  return out;
}

std::string AbsolutePath(const std::string& path) {
  if (!path.empty() && path[0] == '/') return path;
  char cwd[PATH_MAX];
  if (getcwd(cwd, sizeof(cwd)) == nullptr) return path;
  std::string out = cwd;
  std::string rest = path;
  while (rest.rfind("./", 0) == 0) rest = rest.substr(2);
  return out == "/" ? "/" + rest : out + "/" + rest;
}

// `jspack-runtime [node options] [script.js | -e code | -] [args...]`, as
// `node` would run it.
int NodeCommandMode(int argc, char** argv, const std::string& exe) {
  NodeCommand cmd;
  cmd.mode = "file";
  std::string error;
  if (const char* env = getenv("NODE_OPTIONS")) {
    std::vector<std::string> env_args = SplitNodeOptions(env);
    size_t index = 0;
    error = ParseNodeOptions(env_args, &index, /*record=*/false, &cmd);
    if (error.empty() && index < env_args.size()) {
      error = env_args[index] + " is not allowed in NODE_OPTIONS";
    }
    if (!error.empty()) {
      fprintf(stderr, "%s: %s\n", program.c_str(), error.c_str());
      return 9;
    }
    if (cmd.mode != "file" && cmd.mode != "eval") cmd.mode = "file";
  }
  std::vector<std::string> args(argv + 1, argv + argc);
  size_t index = 0;
  error = ParseNodeOptions(args, &index, /*record=*/true, &cmd);
  if (!error.empty()) {
    fprintf(stderr, "%s: %s\n", program.c_str(), error.c_str());
    return 9;
  }
  if (cmd.mode == "version") {
    printf("v%s\n", JSPACK_NODE_VERSION);
    return 0;
  }
  if (cmd.mode == "help") {
    printf(
        "Usage: %s [options] [ script.js | -e \"script\" | - ] [arguments]\n"
        "\n"
        "The jspack runtime, run like node. Options:\n"
        "  -e, --eval script       evaluate script\n"
        "  -p, --print script      evaluate script and print the result\n"
        "  -r, --require module    preload a CommonJS module\n"
        "  --import module         preload an ES module\n"
        "  --input-type=module     -e/-p/stdin code is an ES module\n"
        "  -c, --check             check the script's syntax, do not run it\n"
        "  --no-warnings, --no-deprecation, --throw-deprecation,\n"
        "  --trace-warnings        as in node\n"
        "  -v, --version           print the Node version implemented\n"
        "  V8 options (--expose-gc, --stack-trace-limit=N,\n"
        "  --max-old-space-size=MB, ...) go to V8.\n"
        "\n"
        "Pack an app with `jspack app.js -o app`.\n",
        program.c_str());
    return 0;
  }
  if (cmd.mode == "interactive") {
    fprintf(stderr,
            "%s: there is no REPL in jspack; pass a script, -e code, or a "
            "script on standard input\n",
            program.c_str());
    return 9;
  }
  if (cmd.mode != "eval") {
    if (index < args.size() && args[index] != "-") {
      cmd.script = args[index++];
    } else {
      if (index < args.size()) {
        ++index;
        cmd.script = "-";  // process.argv[1] stays "-", as in node
      }
      if (cmd.mode != "check") cmd.mode = "stdin";
      if (isatty(0) && cmd.mode == "stdin") {
        fprintf(stderr,
                "%s: there is no REPL in jspack; pass a script, -e code, or "
                "a script on standard input\n",
                program.c_str());
        return 9;
      }
    }
  }
  cmd.script_args.assign(args.begin() + index, args.end());

  // V8 takes what it knows; anything left is a bad option, as in node.
  if (!cmd.v8_flags.empty()) {
    std::vector<char*> v8_argv = {argv[0]};
    for (std::string& f : cmd.v8_flags) v8_argv.push_back(f.data());
    int v8_argc = static_cast<int>(v8_argv.size());
    v8::V8::SetFlagsFromCommandLine(&v8_argc, v8_argv.data(), true);
    if (v8_argc > 1) {
      fprintf(stderr, "%s: bad option: %s\n", program.c_str(), v8_argv[1]);
      return 9;
    }
  }

  bool allow_base_file = true;
  if (!UseStdlibFromEnvironment(&allow_base_file)) return 1;
  InitializeV8(argv[0]);
  BootPlan plan;
  if (allow_base_file) plan.snapshot = LoadBaseSnapshot(DirName(exe));
  plan.info.exec_path = exe;
  plan.info.argv0 = argv[0];
  plan.info.debug = DebugEnabled();
  plan.info.mode = cmd.mode;
  plan.info.eval_source = cmd.eval_source;
  plan.info.entry_path = cmd.script.empty() || cmd.script == "-"
                             ? cmd.script
                             : AbsolutePath(cmd.script);
  plan.info.app_args = std::move(cmd.script_args);
  plan.info.exec_argv = std::move(cmd.exec_argv);
  plan.info.node_options = std::move(cmd.options);
  DebugLog(plan.snapshot.empty() ? "boot: node command, no snapshot"
                                 : "boot: node command, base snapshot");
  return BootAndRun(std::move(plan));
}

// What every start does first, executable or shared object.
void SetUpProcess(const char* argv0) {
  // Like Node: a closed pipe is an EPIPE error for the writer, not a signal.
  signal(SIGPIPE, SIG_IGN);
  // And a write past RLIMIT_FSIZE is an EFBIG error, not a killed process.
  signal(SIGXFSZ, SIG_IGN);
  const char* slash = strrchr(argv0, '/');
  program = slash != nullptr ? slash + 1 : argv0;
}

// The runtime as libjspack-runtime.so, called by the portable launcher with
// the payload it found in its own memory (launch.h). The launcher is the
// executable, so /proc/self/exe, process.execPath and ps stay the app's.
[[maybe_unused]] int LaunchedMain(const JspackLaunch* launch) {
  DebugTime("runtime entry");
  if (launch == nullptr || launch->version != JSPACK_LAUNCH_VERSION ||
      launch->argc < 1) {
    fprintf(stderr, "jspack runtime: launcher and runtime do not match\n");
    return 1;
  }
  SetUpProcess(launch->argv[0]);
  std::string error;
  Payload app;
  // The payload is mostly libraries the launcher already checked by
  // sha256; each section read here is checked by its own crc32.
  if (!app.Open(launch->payload, launch->payload_size, nullptr, &error,
                /*check_payload_crc=*/false)) {
    Damaged(error);
  }
  DebugTime("payload checked");
  InitializeV8(launch->argv[0]);
  DebugTime("V8 initialized");
  RunInfo info;
  info.exec_path = SelfExePath();
  info.debug = DebugEnabled();
  for (int i = 1; i < launch->argc; ++i) {
    info.app_args.push_back(launch->argv[i]);
  }
  return RunPayload(app, std::move(info), /*allow_base_file=*/false);
}

[[maybe_unused]] int Main(int argc, char** argv) {
  DebugTime("main");
  SetUpProcess(argv[0]);
  std::string exe = SelfExePath();

  unsigned char locator_bytes[payload::kLocatorSize];
  for (size_t i = 0; i < payload::kLocatorSize; ++i) {
    locator_bytes[i] = jspack_locator[i];
  }
  // A bare runtime's locator is the magic and zeros; a packed one carries
  // the payload's place (format.h).
  MappedFile self;
  std::string error;
  payload::Locator locator;
  if (!payload::ParseLocator(locator_bytes, sizeof(locator_bytes), &locator,
                             &error)) {
    Damaged(error);
  }
  if (locator.packed) {
    if (!self.Map(exe, &error)) Damaged(error);
    Payload app;
    if (!app.Open(self.data, self.size, &locator, &error)) Damaged(error);
    DebugTime("payload checked");
    InitializeV8(argv[0]);
    DebugTime("V8 initialized");
    RunInfo info;
    info.exec_path = exe;
    info.debug = DebugEnabled();
    for (int i = 1; i < argc; ++i) info.app_args.push_back(argv[i]);
    return RunPayload(app, std::move(info), /*allow_base_file=*/false);
  }
  if (self.Map(exe, &error) && payload::HasTrailerMagic(self.data, self.size)) {
    Damaged(
        "the stub's locator says it holds no app, but the file ends "
        "with a payload");
  }

  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "--jspack-info") {
    InitializeV8(argv[0]);
    PrintInfo();
    return 0;
  }
  if (mode == "--jspack-build-snapshot") return BuildSnapshotMode(argc, argv);
  if (mode == "--jspack-payload" && argc > 2) {
    MappedFile file;
    Payload app;
    if (!file.Map(argv[2], &error) ||
        !app.Open(file.data, file.size, nullptr, &error)) {
      Damaged(error);
    }
    bool allow_base_file = true;
    if (!UseStdlibFromEnvironment(&allow_base_file)) return 1;
    InitializeV8(argv[0]);
    RunInfo info;
    info.exec_path = exe;
    info.debug = DebugEnabled();
    for (int i = 3; i < argc; ++i) info.app_args.push_back(argv[i]);
    return RunPayload(app, std::move(info), allow_base_file);
  }
  return NodeCommandMode(argc, argv, exe);
}

}  // namespace
}  // namespace jspack::runtime

#ifdef JSPACK_RUNTIME_SHARED
extern "C" __attribute__((visibility("default"))) int jspack_runtime_entry(
    const JspackLaunch* launch) {
  static_assert(sizeof(JSPACK_RUNTIME_ENTRY) == sizeof("jspack_runtime_entry"));
  return jspack::runtime::LaunchedMain(launch);
}
#else
int main(int argc, char** argv) { return jspack::runtime::Main(argc, argv); }
#endif
