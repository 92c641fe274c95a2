// `jspack run`: a JavaScript entry -> execv of the runtime as a node-style
// command (`jspack-runtime entry args`); otherwise (TypeScript, JSX, or
// --bundle) esbuild bundle -> standalone payload in a memfd -> execv of the
// runtime with --jspack-payload /proc/self/fd/N.
#include "packer/run.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string_view>
#include <vector>

#include "packer/esbuild.h"
#include "packer/files.h"
#include "packer/pack.h"
#include "packer/process.h"
#include "packer/stub.h"

namespace jspack::packer {
namespace {

// .js, .mjs and .cjs entries need no transform to run.
bool IsPlainJavaScript(const std::string& entry) {
  for (const char* ext : {".js", ".mjs", ".cjs"}) {
    size_t n = strlen(ext);
    if (entry.size() > n && entry.compare(entry.size() - n, n, ext) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

payload::Manifest RunManifest(const std::string& entry,
                              const std::string& format) {
  payload::Manifest manifest;
  manifest[payload::manifest::kBundleFormat] = format;
  manifest[payload::manifest::kJspackVersion] = JspackVersion();
  size_t slash = entry.rfind('/');
  manifest[payload::manifest::kEntry] =
      slash == std::string::npos ? entry : entry.substr(slash + 1);
  char real[PATH_MAX];
  manifest[payload::manifest::kEntryPath] =
      realpath(entry.c_str(), real) != nullptr ? real : entry;
  return manifest;
}

Status Run(const Options& options) {
  Status status = ValidateEntry(options.entry);
  if (!status.ok()) return status;
  std::string stub_path;
  std::string origin;
  status = FindRuntime(options.runtime, &stub_path, &origin);
  if (!status.ok()) return status;
  // Validate it like a stub to pack: a clear message beats an exec error.
  Stub stub;
  status = LoadStub(stub_path, origin, &stub);
  if (!status.ok()) return status;
  stub.bytes.clear();
  stub.bytes.shrink_to_fit();
  if (!options.bundle && IsPlainJavaScript(options.entry)) {
    // As node would run it: the runtime's node-compatible command loads
    // the entry and its imports from disk (the loader Node's tests and a
    // forked child use too).
    std::vector<std::string> args = {stub_path};
    if (options.entry[0] == '-') args.push_back("--");
    args.push_back(options.entry);
    args.insert(args.end(), options.app_args.begin(), options.app_args.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(stub_path.c_str(), argv.data());
    return Status::Error("cannot run " + stub_path + ": " + ErrnoText(errno),
                         "Check that jspack-runtime is executable.");
  }
  std::string esbuild;
  status = ResolveEsbuild(options.esbuild, &esbuild);
  if (!status.ok()) return status;

  BundleOutput bundle;
  {
    TempDir temp;
    status = temp.Create();
    if (!status.ok()) return status;
    status = Bundle(esbuild, options.entry, temp.path(), &bundle);
    if (!status.ok()) return status;
    PrintWarnings(bundle.warnings);
  }  // The temp dir is gone before the app starts.
  if (InterruptSignal() != 0) return Status::Error("interrupted", "");

  std::vector<payload::SectionInput> sections;
  sections.push_back({payload::SectionKind::kManifest,
                      payload::SerializeManifest(
                          RunManifest(options.entry, bundle.format))});
  sections.push_back({payload::SectionKind::kBundle, std::move(bundle.code)});
  sections.push_back(
      {payload::SectionKind::kSourceMap, std::move(bundle.source_map)});
  // Level 1: this payload is read once, right away; packing time is what
  // the user waits for.
  payload::WriteOptions write_options;
  write_options.zstd_level = 1;
  std::string payload_bytes;
  std::string error;
  if (!payload::BuildPayload(sections, 0, write_options, &payload_bytes,
                             &error)) {
    return Status::Error("cannot build the payload: " + error,
                         "Report this jspack bug.");
  }

  // No MFD_CLOEXEC: the runtime we exec opens it by /proc/self/fd/N.
  int fd = memfd_create("jspack-run-payload", 0);
  if (fd < 0) {
    return Status::Error("cannot create an in-memory file: " + ErrnoText(errno),
                         "This needs Linux 3.17 or later.");
  }
  if (!WriteAll(fd, payload_bytes)) {
    int e = errno;
    close(fd);
    return Status::Error("cannot write the in-memory payload: " + ErrnoText(e),
                         "Free some memory and retry.");
  }
  payload_bytes.clear();

  std::string fd_path = "/proc/self/fd/" + std::to_string(fd);
  std::vector<std::string> args = {stub_path, "--jspack-payload", fd_path};
  args.insert(args.end(), options.app_args.begin(), options.app_args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(stub_path.c_str(), argv.data());
  int e = errno;
  close(fd);
  return Status::Error("cannot run " + stub_path + ": " + ErrnoText(e),
                       "Check that jspack-runtime is executable.");
}

}  // namespace jspack::packer
