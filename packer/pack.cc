// The pack pipeline: entry -> esbuild bundle -> app snapshot (the runtime in
// build mode) -> payload -> a patched copy of the stub with the payload
// appended, written under a temporary name and renamed into place.
#include "packer/pack.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

#include "packer/cache.h"
#include "packer/closure.h"
#include "packer/esbuild.h"
#include "packer/files.h"
#include "packer/process.h"
#include "packer/inject.h"
#include "packer/stub.h"
#include "runtime/launcher/launch.h"
#include "runtime/payload/payload.h"
#include "runtime/payload/sha256.h"

#ifndef JSPACK_VERSION
#error "JSPACK_VERSION must be defined by the build (CMake project version)"
#endif

namespace jspack::packer {
namespace {

constexpr const char* kEntryExtensions[] = {".js", ".mjs", ".cjs", ".jsx",
                                            ".ts", ".tsx", ".mts", ".cts"};

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

std::string Getenv(const char* name) {
  const char* value = getenv(name);
  return value == nullptr ? "" : value;
}

bool SameFile(const std::string& a, const std::string& b) {
  struct stat sa;
  struct stat sb;
  return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

// The first non-empty line of a child's stderr: the runtime's one-line
// reason (a stack trace, if any, follows it).
std::string FirstLine(const std::string& text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  size_t end = text.find('\n', start);
  std::string line = text.substr(
      start, end == std::string::npos ? std::string::npos : end - start);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
    line.pop_back();
  }
  return line;
}

Status Interrupted() { return Status::Error("interrupted", ""); }

// Checks that a runtime reported everything the manifest needs.
Status RequireKeys(const std::map<std::string, std::string>& info,
                   const std::string& stub, const char* step) {
  for (const char* key :
       {payload::manifest::kJspackVersion, payload::manifest::kV8Version,
        payload::manifest::kLibnodeBuildId}) {
    auto it = info.find(key);
    if (it == info.end() || it->second.empty()) {
      return Status::Error(
          "runtime stub " + stub + " did not report " + key + " (" + step + ")",
          "Rebuild jspack-runtime; it does not match this "
          "jspack.");
    }
  }
  return Status::Ok();
}

Status BuildSnapshot(const std::string& stub, const std::string& bundle_path,
                     const std::string& entry_name,
                     const std::string& blob_path,
                     std::map<std::string, std::string>* info) {
  ProcessResult result;
  std::string error;
  if (!RunProcess(stub,
                  {"--jspack-build-snapshot", "--bundle", bundle_path,
                   "--entry", entry_name, "--out", blob_path},
                  "", &result, &error)) {
    return Status::Error("cannot run " + stub + ": " + error,
                         "Check that jspack-runtime is executable.");
  }
  if (InterruptSignal() != 0) return Interrupted();
  std::string reason = FirstLine(result.err);
  // The runtime prefixes its messages with its program name, and says
  // "cannot snapshot the app: "; our cause already says both.
  std::string program = BaseName(stub) + ": ";
  if (reason.compare(0, program.size(), program) == 0) {
    reason.erase(0, program.size());
  }
  const std::string kRedundant = "cannot snapshot the app: ";
  if (reason.compare(0, kRedundant.size(), kRedundant) == 0) {
    reason.erase(0, kRedundant.size());
  }
  constexpr char kFix[] =
      "Fix the app's top-level code, or pack with --no-snapshot to run it "
      "from source at startup.";
  if (result.term_signal != 0) {
    return Status::Error("the runtime crashed (signal " +
                             std::to_string(result.term_signal) +
                             ") while snapshotting " + entry_name +
                             (reason.empty() ? "" : ": " + reason),
                         "Pack with --no-snapshot to skip the snapshot, and "
                         "report this jspack bug.");
  }
  if (result.exit_code != 0) {
    return Status::Error(
        "cannot snapshot " + entry_name + ": " +
            (reason.empty() ? "the runtime exited with status " +
                                  std::to_string(result.exit_code)
                            : reason),
        kFix);
  }
  *info = ParseKeyValueLines(result.out);
  return RequireKeys(*info, stub, "--jspack-build-snapshot");
}

// --build-snapshot: the runtime runs the app's main first, with our argv
// (the entry's own path), environment, directory and stdio, as node
// --build-snapshot does; its report comes back in a file, since the app's
// output is on our stdout.
Status BuildInitializedSnapshot(const std::string& stub,
                                const std::string& bundle_path,
                                const std::string& entry,
                                const std::string& blob_path,
                                const std::string& info_path,
                                std::map<std::string, std::string>* info) {
  std::string entry_name = BaseName(entry);
  std::string entry_path = entry;
  if (entry_path.empty() || entry_path[0] != '/') {
    char cwd[4096];
    if (getcwd(cwd, sizeof(cwd)) != nullptr) {
      entry_path = std::string(cwd) + "/" + entry;
    }
  }
  ProcessResult result;
  std::string error;
  fflush(stdout);
  fflush(stderr);
  if (!RunProcess(stub,
                  {"--jspack-build-snapshot", "--run-app", "--bundle",
                   bundle_path, "--entry", entry_name, "--entry-path",
                   entry_path, "--out", blob_path, "--info-out", info_path},
                  "", &result, &error, /*inherit_output=*/true)) {
    return Status::Error("cannot run " + stub + ": " + error,
                         "Check that jspack-runtime is executable.");
  }
  if (InterruptSignal() != 0) return Interrupted();
  std::string text;
  if (!ReadFile(info_path, &text, &error)) text.clear();
  *info = ParseKeyValueLines(text);
  if (result.term_signal != 0) {
    return Status::Error(
        "the runtime crashed (signal " + std::to_string(result.term_signal) +
            ") while running " + entry_name + " to snapshot it",
        "Pack without --build-snapshot, and report this "
        "jspack bug.");
  }
  if (result.exit_code != 0 || info->count("error") != 0) {
    std::string cause = (*info)["error"];
    std::string fix = (*info)["fix"];
    if (cause.empty()) {
      cause =
          "the runtime exited with status " + std::to_string(result.exit_code);
    }
    if (!fix.empty()) fix += ".";
    return Status::Error("cannot snapshot " + entry_name + ": " + cause,
                         fix.empty() ? "See the messages above." : fix);
  }
  return RequireKeys(*info, stub, "--jspack-build-snapshot");
}

// zstd level of library sections: they are compressed once per library
// build and cached (packer/cache.h), so the slow, small level pays off.
constexpr int kLibraryZstdLevel = 19;

constexpr char kIcuDataName[] = "libicudata.so.72";
constexpr char kSmallIcuPath[] = "icu-small/libicudata.so.72";

// --icu=small: the closure's libicudata.so.72 comes from the stand-in next
// to the runtime stub (icu-small/, built by runtime/launcher/CMakeLists.txt)
// instead of the system's; libicuuc loads it by the same name.
Status UseSmallIcu(const std::string& stub_dir,
                   std::vector<SharedLibrary>* closure) {
  std::string path = stub_dir + "/" + kSmallIcuPath;
  for (SharedLibrary& lib : *closure) {
    if (lib.name != kIcuDataName) continue;
    if (access(path.c_str(), R_OK) != 0) {
      return Status::Error("cannot read the small ICU data library " + path +
                               ": " + ErrnoText(errno),
                           "Build jspack_icudata_small (it needs Debian's "
                           "icu-devtools), or pack with --icu=full.");
    }
    lib.path = path;
    return Status::Ok();
  }
  return Status::Error(
      "--icu=small: the runtime does not load " + std::string(kIcuDataName),
      "This runtime was built against another ICU; pack with --icu=full.");
}

// Portable output: the launcher next to the runtime stub, with the payload
// plus libjspack-runtime.so and its closure in a PT_LOAD segment.
Status WritePortable(const std::string& stub_path, const std::string& icu,
                     std::vector<payload::SectionInput> sections,
                     payload::Manifest manifest, const std::string& output) {
  std::string dir = DirName(stub_path);
  std::string launcher_path = dir + "/jspack-launcher";
  std::string runtime_lib = dir + "/libjspack-runtime.so";
  constexpr char kRebuild[] =
      "Build jspack-launcher and libjspack-runtime.so (they sit next to "
      "jspack-runtime), or pack with --libs=system.";
  std::string launcher, error;
  if (!ReadFile(launcher_path, &launcher, &error)) {
    return Status::Error("cannot read the launcher " + launcher_path + ": " +
                             error,
                         kRebuild);
  }
  Status status = CheckLauncher(launcher_path, launcher);
  if (!status.ok()) return status;
  if (access(runtime_lib.c_str(), R_OK) != 0) {
    return Status::Error("cannot read the runtime library " + runtime_lib +
                             ": " + ErrnoText(errno),
                         kRebuild);
  }
  std::vector<SharedLibrary> closure;
  status = ComputeClosure(runtime_lib, ClosureOptions(), &closure);
  if (!status.ok()) return status;
  if (icu == "small") {
    status = UseSmallIcu(dir, &closure);
    if (!status.ok()) return status;
  }
  SharedLibrary runtime;
  runtime.name = "libjspack-runtime.so";
  runtime.path = runtime_lib;
  closure.push_back(runtime);

  // One section per distinct content; names sharing bytes share it.
  std::map<std::string, uint32_t> by_hash;
  std::string joined;
  uint32_t next_index = 0;
  for (size_t i = 0; i < closure.size(); ++i) {
    if (InterruptSignal() != 0) return Interrupted();
    CompressedLibrary lib;
    status = CompressLibrary(closure[i].path, kLibraryZstdLevel, &lib);
    if (!status.ok()) return status;
    auto [it, fresh] = by_hash.emplace(lib.sha256, next_index);
    if (fresh) {
      payload::SectionInput section{payload::SectionKind::kLibrary,
                                    std::move(lib.zstd),
                                    payload::Compression::kZstd, next_index++};
      section.precompressed = true;
      section.raw_size = lib.raw_size;
      section.raw_crc32 = lib.stored_crc32;
      sections.push_back(std::move(section));
    }
    char key[32];
    snprintf(key, sizeof(key), "%s%02zu", payload::manifest::kLibPrefix, i);
    std::string value = closure[i].name + " " + std::to_string(it->second) +
                        " " + std::to_string(lib.raw_size) + " " + lib.sha256;
    if (!lib.code.empty()) {
      value += " x86=" + std::to_string(lib.code.begin) + "-" +
               std::to_string(lib.code.end);
    }
    manifest[key] = value;
    joined += (joined.empty() ? "" : "\n") + value;
  }
  // With the app in its snapshot, the runtime reads the bundle only when the
  // libnode it loads is not the one that made the snapshot (runtime/main.cc).
  // A portable app loads the libnode it carries: when that one made the
  // snapshot, the bundle would never be read (prettier's: 0.6 MB), so it is
  // left out.
  if (manifest[payload::manifest::kSnapshot] == "app" &&
      !manifest[payload::manifest::kLibnodeBuildId].empty()) {
    for (const SharedLibrary& lib : closure) {
      std::string bytes, error;
      if (lib.name.find("libnode.so") == std::string::npos ||
          !ReadFile(lib.path, &bytes, &error) ||
          ElfBuildId(bytes) != manifest[payload::manifest::kLibnodeBuildId]) {
        continue;
      }
      sections.erase(
          std::remove_if(sections.begin(), sections.end(),
                         [](const payload::SectionInput& s) {
                           return s.kind == payload::SectionKind::kBundle;
                         }),
          sections.end());
    }
  }
  manifest[payload::manifest::kLibs] = "portable";
  manifest[payload::manifest::kIcu] = icu;
  manifest[payload::manifest::kLibsHash] =
      payload::Sha256Hex(joined.data(), joined.size());
  manifest[payload::manifest::kRuntimeEntry] = JSPACK_RUNTIME_ENTRY;
  sections[0].data = payload::SerializeManifest(manifest);

  std::string payload_bytes;
  if (!payload::BuildPayload(sections, 0, payload::WriteOptions(),
                             &payload_bytes, &error)) {
    return Status::Error("cannot build the payload: " + error,
                         "Report this jspack bug.");
  }
  std::string packed;
  status = InjectPayload(launcher_path, launcher, payload_bytes, &packed);
  if (!status.ok()) return status;
  if (InterruptSignal() != 0) return Interrupted();
  return WriteFileAtomically(output, {packed}, 0755);
}

}  // namespace

const char* JspackVersion() { return JSPACK_VERSION; }

bool IsSupportedEntry(const std::string& path) {
  std::string name = BaseName(path);
  for (const char* ext : kEntryExtensions) {
    std::string_view e(ext);
    if (name.size() > e.size() &&
        name.compare(name.size() - e.size(), e.size(), e) == 0) {
      return true;
    }
  }
  return false;
}

Status ValidateEntry(const std::string& entry) {
  struct stat st;
  if (stat(entry.c_str(), &st) != 0) {
    int e = errno;
    if (e == ENOENT) {
      return Status::Error(entry + " does not exist",
                           "Check the path of the entry file.");
    }
    return Status::Error("cannot read " + entry + ": " + ErrnoText(e),
                         "Check the path of the entry file.");
  }
  if (S_ISDIR(st.st_mode)) {
    return Status::Error(
        entry + " is a directory",
        "Pass the app's entry file, e.g. " + entry + "/index.js.");
  }
  if (!S_ISREG(st.st_mode)) {
    return Status::Error(entry + " is not a regular file",
                         "Pass the app's entry file.");
  }
  int fd = open(entry.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Error("cannot read " + entry + ": " + ErrnoText(errno),
                         "Make the file readable (chmod +r).");
  }
  close(fd);
  if (!IsSupportedEntry(entry)) {
    return Status::Error(entry + " is not a JavaScript or TypeScript file",
                         "Pass a .js, .mjs, .cjs, .jsx, .ts, .tsx, .mts or "
                         ".cts entry.");
  }
  return Status::Ok();
}

Status ValidateOutput(const std::string& output, const std::string& entry,
                      const std::string& stub) {
  constexpr char kFix[] = "Choose another output path with -o.";
  struct stat st;
  if (stat(output.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) {
      return Status::Error("output " + output + " is a directory",
                           "Pass a file path with -o, e.g. -o " + output + "/" +
                               DefaultOutput(entry) + ".");
    }
    if (!S_ISREG(st.st_mode)) {
      return Status::Error("output " + output + " is not a regular file", kFix);
    }
    if (SameFile(output, entry)) {
      return Status::Error("output " + output + " is the entry file itself",
                           kFix);
    }
    if (!stub.empty() && SameFile(output, stub)) {
      return Status::Error("output " + output + " is the runtime stub itself",
                           kFix);
    }
  }
  std::string dir = DirName(output);
  if (stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
    return Status::Error("output directory " + dir + " does not exist",
                         "Create it, or choose another output path with -o.");
  }
  if (access(dir.c_str(), W_OK | X_OK) != 0) {
    return Status::Error("output directory " + dir + " is not writable", kFix);
  }
  return Status::Ok();
}

Status FindRuntime(const std::string& flag, std::string* path,
                   std::string* origin) {
  if (!flag.empty()) {
    *path = flag;
    *origin = "from --runtime";
  } else if (std::string env = Getenv("JSPACK_RUNTIME"); !env.empty()) {
    *path = env;
    *origin = "from $JSPACK_RUNTIME";
  } else {
    std::string dir = SelfDir();
    if (dir.empty()) {
      return Status::Error(
          "cannot find jspack-runtime: /proc/self/exe is "
          "unreadable",
          "Pass the runtime with --runtime.");
    }
    *path = dir + "/jspack-runtime";
    *origin = "next to jspack";
  }
  return Status::Ok();
}

Status ResolveEsbuild(const std::string& flag, std::string* path) {
  EsbuildSearch search;
  search.flag = flag;
  search.env = Getenv("JSPACK_ESBUILD");
  search.self_dir = SelfDir();
  search.path_env = Getenv("PATH");
  return FindEsbuild(search, path);
}

std::map<std::string, std::string> ParseKeyValueLines(const std::string& text) {
  std::map<std::string, std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t eq = line.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    out[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return out;
}

Status RuntimeInfo(const std::string& stub, const std::string& origin,
                   std::map<std::string, std::string>* info) {
  ProcessResult result;
  std::string error;
  if (!RunProcess(stub, {"--jspack-info"}, "", &result, &error)) {
    return Status::Error(
        "cannot run runtime stub " + stub + " (" + origin + "): " + error,
        "Check that jspack-runtime is executable.");
  }
  if (result.term_signal != 0 || result.exit_code != 0) {
    std::string reason = FirstLine(result.err);
    return Status::Error("runtime stub " + stub + " failed --jspack-info" +
                             (reason.empty() ? "" : ": " + reason),
                         "Rebuild jspack-runtime.");
  }
  *info = ParseKeyValueLines(result.out);
  return RequireKeys(*info, stub, "--jspack-info");
}

Status Pack(const Options& options) {
  Status status = ValidateEntry(options.entry);
  if (!status.ok()) return status;
  std::string output =
      options.output.empty() ? DefaultOutput(options.entry) : options.output;

  std::string stub_path;
  std::string origin;
  status = FindRuntime(options.runtime, &stub_path, &origin);
  if (!status.ok()) return status;
  status = ValidateOutput(output, options.entry, stub_path);
  if (!status.ok()) return status;
  Stub stub;
  status = LoadStub(stub_path, origin, &stub);
  if (!status.ok()) return status;
  std::string esbuild;
  status = ResolveEsbuild(options.esbuild, &esbuild);
  if (!status.ok()) return status;

  TempDir temp;
  status = temp.Create();
  if (!status.ok()) return status;
  BundleOutput bundle;
  status = BundleApp(esbuild, options.entry, options.extra_entries,
                     temp.path(), &bundle);  // h-fork: more entries
  if (!status.ok()) return status;
  PrintWarnings(bundle.warnings);
  if (InterruptSignal() != 0) return Interrupted();

  std::string entry_name = BaseName(options.entry);
  std::map<std::string, std::string> info;
  std::string snapshot;
  // An ES module (top-level await) cannot be held by a V8 snapshot: it runs
  // from source on the base snapshot, like --no-snapshot.
  bool app_snapshot = options.snapshot && bundle.format == "cjs";
  if (options.build_snapshot && !app_snapshot) {
    return Status::Error(
        entry_name +
            " uses top-level await, so V8 cannot snapshot it "
            "(--build-snapshot)",
        "Move the top-level await into the main function given to "
        "v8.startupSnapshot.setDeserializeMainFunction(), or pack without "
        "--build-snapshot.");
  }
  if (options.snapshot && !app_snapshot) {
    fprintf(stderr,
            "jspack: note: %s uses top-level await, so it runs as an ES "
            "module from source at startup (no app snapshot).\n",
            entry_name.c_str());
  }
  if (app_snapshot) {
    std::string blob_path = temp.path() + "/snapshot.blob";
    status = options.build_snapshot
                 ? BuildInitializedSnapshot(
                       stub_path, temp.path() + "/bundle.js", options.entry,
                       blob_path, temp.path() + "/snapshot.info", &info)
                 : BuildSnapshot(stub_path, temp.path() + "/bundle.js",
                                 entry_name, blob_path, &info);
    if (!status.ok()) return status;
    std::string error;
    if (!ReadFile(blob_path, &snapshot, &error)) {
      return Status::Error(
          "the runtime wrote no snapshot for " + entry_name + ": " + error,
          "Rebuild jspack-runtime; it does not match this "
          "jspack.");
    }
  } else {
    status = RuntimeInfo(stub_path, origin, &info);
    if (!status.ok()) return status;
    // The app is not snapshotted, but the stdlib still boots from the base
    // snapshot that ships next to the runtime, when it fits this runtime.
    std::string unused_reason;
    if (!payload::ReadBaseSnapshot(
            DirName(stub_path) + "/" + payload::kBaseSnapshotFileName,
            info[payload::manifest::kLibnodeBuildId], &snapshot,
            &unused_reason)) {
      snapshot.clear();  // boots from the stdlib source instead
    }
  }
  temp.Remove();

  payload::Manifest manifest;
  for (const char* key :
       {payload::manifest::kJspackVersion, payload::manifest::kV8Version,
        payload::manifest::kLibnodeBuildId}) {
    manifest[key] = info[key];
  }
  manifest[payload::manifest::kEntry] = entry_name;
  manifest[payload::manifest::kBundleFormat] = bundle.format;
  std::vector<payload::SectionInput> sections;
  if (!snapshot.empty()) {
    manifest[payload::manifest::kSnapshot] = app_snapshot ? "app" : "base";
    if (app_snapshot && options.build_snapshot) {
      manifest[payload::manifest::kAppInitialized] = "1";
    }
  }
  sections.push_back(
      {payload::SectionKind::kManifest, payload::SerializeManifest(manifest)});
  if (!snapshot.empty()) {
    sections.push_back({payload::SectionKind::kSnapshot, std::move(snapshot)});
  }
  sections.push_back({payload::SectionKind::kBundle, std::move(bundle.code)});
  sections.push_back(
      {payload::SectionKind::kSourceMap, std::move(bundle.source_map)});
  if (options.libs == "portable") {
    return WritePortable(stub_path, options.icu, std::move(sections),
                         std::move(manifest), output);
  }

  std::string payload_bytes;
  std::string error;
  if (!payload::BuildPayload(sections, stub.bytes.size(),
                             payload::WriteOptions(), &payload_bytes, &error)) {
    return Status::Error("cannot build the payload: " + error,
                         "Report this jspack bug.");
  }
  payload::Locator locator;
  locator.payload_offset = stub.bytes.size();
  locator.payload_length = payload_bytes.size() - payload::kTrailerSize;
  locator.file_size = stub.bytes.size() + payload_bytes.size();
  locator.packed = true;
  std::string patched = PatchLocator(stub, locator);
  if (InterruptSignal() != 0) return Interrupted();
  return WriteFileAtomically(output, {patched, payload_bytes}, 0755);
}

}  // namespace jspack::packer
