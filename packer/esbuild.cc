// The esbuild driver.
#include "packer/esbuild.h"

#include <limits.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "packer/files.h"
#include "packer/process.h"

namespace jspack::packer {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kErrorMarkers[] = {"\xE2\x9C\x98 [ERROR] ",
                                              "X [ERROR] "};

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' '))
    s.remove_suffix(1);
  return s;
}

// "    app.js:1:22:" -> file, line, column. The file name may itself contain
// colons, so the numbers are taken from the end.
bool ParseLocation(std::string_view line, EsbuildError* error) {
  if (line.empty() || line[0] != ' ') return false;
  while (!line.empty() && line[0] == ' ') line.remove_prefix(1);
  line = TrimRight(line);
  if (line.size() < 6 || line.back() != ':') return false;
  line.remove_suffix(1);
  int numbers[2] = {0, 0};
  for (int i = 1; i >= 0; --i) {
    size_t colon = line.rfind(':');
    if (colon == std::string_view::npos || colon + 1 == line.size()) {
      return false;
    }
    std::string_view digits = line.substr(colon + 1);
    if (digits.size() > 9) return false;
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    numbers[i] = value;
    line = line.substr(0, colon);
  }
  if (line.empty()) return false;
  error->file = std::string(line);
  error->line = numbers[0];
  error->column = numbers[1];
  return true;
}

// The npm package a bare import names: "left-pad/x" -> "left-pad",
// "@scope/pkg/x" -> "@scope/pkg".
std::string PackageName(const std::string& specifier) {
  size_t slash = specifier.find('/');
  if (!specifier.empty() && specifier[0] == '@' && slash != std::string::npos) {
    slash = specifier.find('/', slash + 1);
  }
  return slash == std::string::npos ? specifier : specifier.substr(0, slash);
}

std::string FixFor(const EsbuildError& error) {
  const std::string& m = error.message;
  const std::string resolve = "Could not resolve \"";
  if (m.compare(0, resolve.size(), resolve) == 0 && m.back() == '"') {
    std::string specifier =
        m.substr(resolve.size(), m.size() - resolve.size() - 1);
    if (specifier.empty() || specifier[0] == '.' || specifier[0] == '/') {
      return "Check that the file exists, or fix the import path.";
    }
    std::string package = PackageName(specifier);
    return "Install it (npm install " + package + ") or fix the import path.";
  }
  if (m.find("Top-level await") != std::string::npos) {
    return "Move the await into an async function.";
  }
  if (m.find("JSX syntax extension is not currently enabled") !=
      std::string::npos) {
    return "Rename the file to .jsx (or .tsx for TypeScript).";
  }
  if (error.file.empty()) return "Fix the problem above and pack again.";
  return "Fix the code at that location and pack again.";
}

// JSON string body (between the quotes) -> UTF-8. False on bad escapes.
bool DecodeJsonString(std::string_view body, std::string* out) {
  out->clear();
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\') {
      out->push_back(c);
      continue;
    }
    if (++i >= body.size()) return false;
    switch (body[i]) {
      case '"':
        out->push_back('"');
        break;
      case '\\':
        out->push_back('\\');
        break;
      case '/':
        out->push_back('/');
        break;
      case 'b':
        out->push_back('\b');
        break;
      case 'f':
        out->push_back('\f');
        break;
      case 'n':
        out->push_back('\n');
        break;
      case 'r':
        out->push_back('\r');
        break;
      case 't':
        out->push_back('\t');
        break;
      case 'u': {
        auto hex4 = [&](size_t at, uint32_t* v) {
          if (at + 4 > body.size()) return false;
          *v = 0;
          for (size_t k = at; k < at + 4; ++k) {
            char h = body[k];
            int d = (h >= '0' && h <= '9')   ? h - '0'
                    : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                    : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                             : -1;
            if (d < 0) return false;
            *v = *v * 16 + static_cast<uint32_t>(d);
          }
          return true;
        };
        uint32_t cp = 0;
        if (!hex4(i + 1, &cp)) return false;
        i += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && i + 2 < body.size() &&
            body[i + 1] == '\\' && body[i + 2] == 'u') {
          uint32_t low = 0;
          if (hex4(i + 3, &low) && low >= 0xDC00 && low < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (cp < 0x80) {
          out->push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
          out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
          out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
          out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        break;
      }
      default:
        return false;
    }
  }
  return true;
}

std::string EncodeJsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      snprintf(buffer, sizeof(buffer), "\\u%04x", c);
      out += buffer;
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

std::string RealPath(const std::string& path) {
  char buffer[PATH_MAX];
  if (realpath(path.c_str(), buffer) == nullptr) return path;
  return buffer;
}

// esbuild prints paths relative to its working directory (the entry's);
// the user expects them relative to where they ran jspack.
std::string RelativeToCwd(const std::string& file, const std::string& dir) {
  fs::path p(file);
  if (p.is_relative()) p = fs::path(dir) / p;
  p = p.lexically_normal();
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  if (ec) return p.string();
  fs::path rel = p.lexically_relative(cwd);
  return rel.empty() ? p.string() : rel.string();
}

}  // namespace

Status FindEsbuild(const EsbuildSearch& search, std::string* path) {
  if (!search.flag.empty()) {
    if (IsExecutableFile(search.flag)) {
      *path = search.flag;
      return Status::Ok();
    }
    return Status::Error(
        "esbuild not found at " + search.flag + " (from --esbuild)",
        "Pass the path of an esbuild executable.");
  }
  std::vector<std::string> tried;
  std::vector<std::string> candidates;
  if (!search.env.empty()) {
    candidates.push_back(search.env);
    tried.push_back(search.env + " ($JSPACK_ESBUILD)");
  }
  if (!search.self_dir.empty()) {
    candidates.push_back(search.self_dir + "/esbuild");
    tried.push_back(search.self_dir + "/esbuild (next to jspack)");
  }
  std::string_view path_env = search.path_env;
  std::vector<std::string> path_dirs;
  while (!path_env.empty()) {
    size_t colon = path_env.find(':');
    std::string_view dir = path_env.substr(0, colon);
    // An empty PATH entry means the current directory.
    path_dirs.push_back(dir.empty() ? "." : std::string(dir));
    if (colon == std::string_view::npos) break;
    path_env.remove_prefix(colon + 1);
  }
  for (const std::string& dir : path_dirs)
    candidates.push_back(dir + "/esbuild");
  for (const std::string& candidate : candidates) {
    if (IsExecutableFile(candidate)) {
      *path = candidate;
      return Status::Ok();
    }
  }
  std::string where;
  for (const std::string& t : tried) where += t + ", ";
  if (path_dirs.empty()) {
    where += "PATH (empty)";
  } else {
    where += "PATH (";
    for (size_t i = 0; i < path_dirs.size(); ++i) {
      where += (i ? ":" : "") + path_dirs[i];
    }
    where += ")";
  }
  return Status::Error("esbuild not found; looked at " + where,
                       "Pass --esbuild PATH, set JSPACK_ESBUILD, or put "
                       "esbuild next to jspack.");
}

std::vector<EsbuildError> ParseEsbuildErrors(std::string_view text) {
  std::vector<EsbuildError> errors;
  bool want_location = false;
  while (!text.empty()) {
    size_t newline = text.find('\n');
    std::string_view line = TrimRight(text.substr(0, newline));
    text = newline == std::string_view::npos ? std::string_view()
                                             : text.substr(newline + 1);
    bool header = false;
    for (std::string_view marker : kErrorMarkers) {
      if (line.compare(0, marker.size(), marker) == 0) {
        EsbuildError error;
        error.message = std::string(line.substr(marker.size()));
        errors.push_back(error);
        header = true;
        want_location = true;
        break;
      }
    }
    if (!header && !errors.empty() &&
        line.find("surround this \"require\" call") != std::string_view::npos) {
      errors.back().in_require_call = true;
    }
    if (header || line.empty() || !want_location) continue;
    // The first non-empty line after the header is the location if it has
    // that shape; otherwise this error has none (e.g. a bad flag).
    ParseLocation(line, &errors.back());
    want_location = false;
  }
  return errors;
}

Status EsbuildFailure(const std::vector<EsbuildError>& errors,
                      std::string_view stderr_text) {
  if (errors.empty()) {
    std::string_view first = stderr_text;
    while (!first.empty() && (first[0] == '\n' || first[0] == ' ')) {
      first.remove_prefix(1);
    }
    first = TrimRight(first.substr(0, first.find('\n')));
    return Status::Error(first.empty()
                             ? "esbuild failed without saying why"
                             : "esbuild failed: " + std::string(first),
                         "Check the entry file and the esbuild installation.");
  }
  const EsbuildError& e = errors.front();
  std::string cause;
  if (!e.file.empty()) {
    cause = e.file + ":" + std::to_string(e.line) + ":" +
            std::to_string(e.column) + ": ";
  }
  cause += e.message;
  if (errors.size() > 1) {
    size_t more = errors.size() - 1;
    cause += " (and " + std::to_string(more) + " more error" +
             (more == 1 ? "" : "s") + ")";
  }
  return Status::Error(cause, FixFor(e));
}

std::string RebaseSourceMap(const std::string& map, const std::string& map_dir,
                            const std::string& base_dir) {
  size_t key = map.find("\"sources\"");
  if (key == std::string::npos) return map;
  size_t i = key + 9;
  auto skip_space = [&] {
    while (i < map.size() && (map[i] == ' ' || map[i] == '\n' ||
                              map[i] == '\t' || map[i] == '\r')) {
      ++i;
    }
  };
  skip_space();
  if (i >= map.size() || map[i] != ':') return map;
  ++i;
  skip_space();
  if (i >= map.size() || map[i] != '[') return map;
  size_t array_start = i;
  ++i;
  std::vector<std::string> sources;
  for (;;) {
    skip_space();
    if (i >= map.size()) return map;
    if (map[i] == ']') break;
    if (map[i] != '"') return map;
    size_t start = ++i;
    while (i < map.size() && map[i] != '"') i += map[i] == '\\' ? 2 : 1;
    if (i >= map.size()) return map;
    std::string source;
    if (!DecodeJsonString(std::string_view(map).substr(start, i - start),
                          &source)) {
      return map;
    }
    sources.push_back(source);
    ++i;
    skip_space();
    if (i < map.size() && map[i] == ',') ++i;
  }
  size_t array_end = i + 1;
  std::string rebuilt = "[";
  for (size_t k = 0; k < sources.size(); ++k) {
    fs::path p(sources[k]);
    if (p.is_relative()) p = fs::path(map_dir) / p;
    p = p.lexically_normal();
    fs::path rel = p.lexically_relative(base_dir);
    if (k) rebuilt += ", ";
    rebuilt += EncodeJsonString(rel.empty() ? p.string() : rel.string());
  }
  rebuilt += "]";
  return map.substr(0, array_start) + rebuilt + map.substr(array_end);
}

std::string UnresolvedSpecifier(const EsbuildError& error) {
  static constexpr std::string_view kPrefix = "Could not resolve \"";
  std::string_view message = error.message;
  if (message.compare(0, kPrefix.size(), kPrefix) != 0 || message.back() != '"') {
    return "";
  }
  return std::string(
      message.substr(kPrefix.size(), message.size() - kPrefix.size() - 1));
}

bool IsTopLevelAwaitError(const EsbuildError& error) {
  return error.message.rfind(
             "Top-level await is currently not supported with the \"cjs\" "
             "output format",
             0) == 0;
}

Status Bundle(const std::string& esbuild, const std::string& entry,
              const std::string& out_dir, BundleOutput* out) {
  // esbuild runs in the entry's directory with a relative entry, so the
  // bundle's path comments and the source map do not depend on the
  // directory jspack was started from: same input, same bytes. The
  // "bundle=" prefix names the output and keeps an '=' in the file name from
  // being read as esbuild's "out=in" syntax.
  std::string real_entry = RealPath(entry);
  fs::path entry_path(real_entry);
  std::string entry_dir = entry_path.parent_path().string();
  std::string real_out = RealPath(out_dir);
  std::vector<std::string> args = {
      "bundle=./" + entry_path.filename().string(),
      "--bundle",
      "--platform=node",
      "--format=cjs",
      // import.meta in a CommonJS bundle: the entry's file, as in the
      // source (esbuild would make it an empty object).
      "--define:import.meta.url=__jspack_import_meta_url",
      "--define:import.meta.filename=__filename",
      "--define:import.meta.dirname=__dirname",
      "--target=node18",
      "--outdir=" + real_out,
      "--sourcemap=external",
      "--log-level=error",
      "--color=false",
      "--log-limit=0",
      "--charset=utf8",
  };
  // Runs again while what failed is something Node would accept: top-level
  // await (bundle as an ES module instead) and require() calls that cannot
  // be resolved (left for run time). Each retry fixes one kind, so this ends.
  for (int attempt = 0;; ++attempt) {
    ProcessResult result;
    std::string spawn_error;
    if (!RunProcess(esbuild, args, entry_dir, &result, &spawn_error)) {
      return Status::Error(
          "cannot run esbuild at " + esbuild + ": " + spawn_error,
          "Pass a working esbuild with --esbuild.");
    }
    if (result.term_signal != 0) {
      return Status::Error(
          "esbuild was killed by signal " + std::to_string(result.term_signal),
          "Run jspack again.");
    }
    if (result.exit_code == 0) break;
    std::vector<EsbuildError> errors = ParseEsbuildErrors(result.err);
    for (EsbuildError& e : errors) {
      if (!e.file.empty()) e.file = RelativeToCwd(e.file, entry_dir);
    }
    bool fixable = attempt < 3 && !errors.empty();
    bool top_level_await = false;
    bool requires = false;
    for (const EsbuildError& e : errors) {
      if (IsTopLevelAwaitError(e)) {
        top_level_await = true;
      } else if (e.in_require_call && !UnresolvedSpecifier(e).empty()) {
        requires = true;
      } else {
        fixable = false;
      }
    }
    if (top_level_await && out->format == "esm") fixable = false;
    if (!fixable) return EsbuildFailure(errors, result.err);
    if (top_level_await) {
      // As an ES module; bundled CommonJS code still gets a require() for
      // builtins.
      out->format = "esm";
      std::vector<std::string> esm_args;
      for (const std::string& a : args) {
        if (a == "--format=cjs") {
          esm_args.push_back("--format=esm");
          esm_args.push_back(
              "--banner:js=import { createRequire as __jspackCreateRequire } "
              "from \"node:module\"; const require = "
              "__jspackCreateRequire(import.meta.url);");
        } else if (a.rfind("--define:import.meta.", 0) != 0) {
          esm_args.push_back(a);
        }
      }
      args = std::move(esm_args);
      continue;  // require() errors, if any, come back and are fixed next
    }
    if (!requires) return EsbuildFailure(errors, result.err);
    std::set<std::string> externals;
    for (const EsbuildError& e : errors) {
      std::string specifier = UnresolvedSpecifier(e);
      if (externals.insert(specifier).second) {
        args.push_back("--external:" + specifier);
      }
      out->warnings.push_back(
          e.file + ":" + std::to_string(e.line) + ":" +
          std::to_string(e.column) + ": require(\"" + specifier +
          "\") cannot be resolved; it is left for run time, where it throws "
          "MODULE_NOT_FOUND if it is reached (as in Node). Install it if "
          "the app needs it.");
    }
  }
  std::string error;
  if (!ReadFile(real_out + "/bundle.js", &out->code, &error) ||
      !ReadFile(real_out + "/bundle.js.map", &out->source_map, &error)) {
    return Status::Error("esbuild wrote no bundle: " + error,
                         "Check the esbuild installation (--esbuild).");
  }
  out->source_map = RebaseSourceMap(out->source_map, real_out, entry_dir);
  return Status::Ok();
}

void PrintWarnings(const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) {
    fprintf(stderr, "jspack: warning: %s\n", w.c_str());
  }
}

Status EsbuildVersion(const std::string& esbuild, std::string* version) {
  ProcessResult result;
  std::string error;
  if (!RunProcess(esbuild, {"--version"}, "", &result, &error)) {
    return Status::Error("cannot run esbuild at " + esbuild + ": " + error,
                         "Pass a working esbuild with --esbuild.");
  }
  std::string v = result.out;
  while (!v.empty() && (v.back() == '\n' || v.back() == '\r')) v.pop_back();
  if (result.exit_code != 0 || v.empty()) {
    return Status::Error("esbuild at " + esbuild + " did not report a version",
                         "Pass a working esbuild with --esbuild.");
  }
  *version = v;
  return Status::Ok();
}

}  // namespace jspack::packer
