// The esbuild driver.
#include "packer/esbuild.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

#include "packer/files.h"
#include "packer/pack.h"
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

namespace {

// The JSON value that starts at `i` (after white space), skipped: `*i` ends
// just past it. False on malformed text. Strings are scanned with their
// escapes so brackets inside them do not count.
bool SkipJsonValue(std::string_view json, size_t* i) {
  auto space = [&] {
    while (*i < json.size() && (json[*i] == ' ' || json[*i] == '\n' ||
                                json[*i] == '\t' || json[*i] == '\r')) {
      ++*i;
    }
  };
  space();
  if (*i >= json.size()) return false;
  char c = json[*i];
  if (c == '"') {
    for (++*i; *i < json.size() && json[*i] != '"';) {
      *i += json[*i] == '\\' ? 2 : 1;
    }
    if (*i >= json.size()) return false;
    ++*i;
    return true;
  }
  if (c == '[' || c == '{') {
    char close = c == '[' ? ']' : '}';
    ++*i;
    space();
    if (*i < json.size() && json[*i] == close) {
      ++*i;
      return true;
    }
    for (;;) {
      if (close == '}') {
        if (!SkipJsonValue(json, i)) return false;  // the key
        space();
        if (*i >= json.size() || json[*i] != ':') return false;
        ++*i;
      }
      if (!SkipJsonValue(json, i)) return false;
      space();
      if (*i >= json.size()) return false;
      if (json[*i] == close) {
        ++*i;
        return true;
      }
      if (json[*i] != ',') return false;
      ++*i;
    }
  }
  while (*i < json.size() && json[*i] != ',' && json[*i] != ']' &&
         json[*i] != '}' && json[*i] != ' ' && json[*i] != '\n') {
    ++*i;
  }
  return true;
}

// The members of the top-level object `json` as raw (key, value text)
// pairs; keys decoded. Empty on malformed text.
std::vector<std::pair<std::string, std::string_view>> JsonMembers(
    std::string_view json) {
  std::vector<std::pair<std::string, std::string_view>> members;
  size_t i = json.find('{');
  if (i == std::string_view::npos) return {};
  ++i;
  for (;;) {
    while (i < json.size() && json[i] != '"' && json[i] != '}') ++i;
    if (i >= json.size()) return {};
    if (json[i] == '}') return members;
    size_t key_start = i;
    if (!SkipJsonValue(json, &i)) return {};
    std::string key;
    if (!DecodeJsonString(json.substr(key_start + 1, i - key_start - 2),
                          &key)) {
      return {};
    }
    while (i < json.size() && json[i] != ':') ++i;
    if (i >= json.size()) return {};
    ++i;
    while (i < json.size() && (json[i] == ' ' || json[i] == '\n' ||
                               json[i] == '\t' || json[i] == '\r')) {
      ++i;
    }
    size_t value_start = i;
    if (!SkipJsonValue(json, &i)) return {};
    members.emplace_back(key, json.substr(value_start, i - value_start));
    while (i < json.size() && json[i] != ',' && json[i] != '}') ++i;
    if (i < json.size() && json[i] == ',') ++i;
  }
}

// The raw elements of a JSON array text.
std::vector<std::string_view> JsonElements(std::string_view array) {
  std::vector<std::string_view> items;
  size_t i = 0;
  if (array.empty() || array[0] != '[') return items;
  ++i;
  for (;;) {
    while (i < array.size() && (array[i] == ' ' || array[i] == '\n' ||
                                array[i] == ',' || array[i] == '\t' ||
                                array[i] == '\r')) {
      ++i;
    }
    if (i >= array.size() || array[i] == ']') return items;
    size_t start = i;
    if (!SkipJsonValue(array, &i)) return {};
    items.push_back(array.substr(start, i - start));
  }
}

// The input files of an esbuild metafile (paths relative to where esbuild
// ran), without esbuild's virtual modules ("<define:...>", "ns:path").
std::vector<std::string> MetafileInputs(const std::string& meta) {
  std::vector<std::string> files;
  for (const auto& [key, value] : JsonMembers(meta)) {
    if (key != "inputs") continue;
    for (const auto& [file, unused] : JsonMembers(value)) {
      if (file.empty() || file[0] == '<' || file.find(':') != std::string::npos) {
        continue;
      }
      files.push_back(file);
    }
  }
  return files;
}

// Source map "mappings" (base64 VLQ). A segment holds the generated column
// and, when mapped, source index, original line and column, and name.
struct Segment {
  int line = 0;
  int fields = 0;  // 1, 4 or 5
  int value[5] = {0, 0, 0, 0, 0};
};

int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Appends the segments of `mappings`, with absolute values, starting at
// generated line `first_line` and with source and name indexes moved by
// `source_base` and `name_base`. Returns the number of lines it spans.
bool DecodeMappings(std::string_view mappings, int first_line, int source_base,
                    int name_base, std::vector<Segment>* out) {
  int line = first_line;
  int state[5] = {0, 0, 0, 0, 0};
  Segment segment;
  segment.line = line;
  auto finish = [&] {
    if (segment.fields == 0) return true;
    if (segment.fields != 1 && segment.fields != 4 && segment.fields != 5) {
      return false;
    }
    Segment s = segment;
    for (int k = 0; k < s.fields; ++k) {
      state[k] += s.value[k];
      s.value[k] = state[k];
    }
    s.value[1] += source_base;
    if (s.fields == 5) s.value[4] += name_base;
    out->push_back(s);
    segment = Segment();
    segment.line = line;
    return true;
  };
  for (size_t i = 0; i < mappings.size();) {
    char c = mappings[i];
    if (c == ';' || c == ',') {
      if (!finish()) return false;
      if (c == ';') {
        ++line;
        state[0] = 0;
        segment.line = line;
      }
      ++i;
      continue;
    }
    int value = 0;
    int shift = 0;
    for (;;) {
      if (i >= mappings.size() || shift > 30) return false;
      int digit = Base64Digit(mappings[i++]);
      if (digit < 0) return false;
      value |= (digit & 31) << shift;
      shift += 5;
      if ((digit & 32) == 0) break;
    }
    int decoded = (value & 1) ? -(value >> 1) : (value >> 1);
    if (segment.fields >= 5) return false;
    segment.value[segment.fields++] = decoded;
  }
  return finish();
}

void EncodeVlq(int value, std::string* out) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  unsigned int v = value < 0 ? ((static_cast<unsigned int>(-value)) << 1) | 1
                             : static_cast<unsigned int>(value) << 1;
  do {
    unsigned int digit = v & 31;
    v >>= 5;
    if (v != 0) digit |= 32;
    out->push_back(kDigits[digit]);
  } while (v != 0);
}

std::string EncodeMappings(const std::vector<Segment>& segments) {
  std::string out;
  int state[5] = {0, 0, 0, 0, 0};
  int line = 0;
  bool first_in_line = true;
  for (const Segment& s : segments) {
    while (line < s.line) {
      out.push_back(';');
      ++line;
      state[0] = 0;
      first_in_line = true;
    }
    if (!first_in_line) out.push_back(',');
    first_in_line = false;
    for (int k = 0; k < s.fields; ++k) {
      EncodeVlq(s.value[k] - state[k], &out);
      state[k] = s.value[k];
    }
  }
  return out;
}

// The composite bundle: a function body that returns the app's entries
// without running any of them, { main, entries: { key: fn } }, each fn taking
// the module wrapper's arguments (run_main.js runBundle calls the one this
// process runs). Each part's own code sits on its own lines, so its source
// map only moves down.
constexpr char kEntryParams[] =
    "function (exports, require, module, __filename, __dirname, "
    "__jspack_import_meta_url) {\n";

struct Part {
  std::string key;  // "" for the main entry
  std::string code;
  std::string map;
};

int CountLines(const std::string& code) {
  int n = 0;
  for (char c : code) n += c == '\n';
  return n;
}

void ComposeBundle(std::vector<Part> parts, BundleOutput* out) {
  std::string code = "return { main: ";
  int line = 0;
  std::vector<int> first_lines;
  for (size_t k = 0; k < parts.size(); ++k) {
    Part& part = parts[k];
    if (!part.code.empty() && part.code.back() != '\n') part.code += '\n';
    if (k == 1) code += "entries: { __proto__: null, ";
    if (k > 0) code += EncodeJsonString(part.key) + ": ";
    code += kEntryParams;
    line += 1;
    first_lines.push_back(line);
    code += part.code;
    line += CountLines(part.code);
    code += "},\n";
    line += 1;
  }
  if (parts.size() > 1) code += "}, ";
  code += "};\n";
  out->code = std::move(code);

  // One map for the whole: sources, contents and names side by side, the
  // mappings re-encoded with their indexes moved. A part whose map cannot
  // be read keeps no mappings (its stack traces show bundle positions).
  std::vector<std::string_view> sources, contents, names;
  std::vector<Segment> segments;
  for (size_t k = 0; k < parts.size(); ++k) {
    std::string_view part_sources, part_contents, part_names, mappings;
    for (const auto& [key, value] : JsonMembers(parts[k].map)) {
      if (key == "sources") part_sources = value;
      if (key == "sourcesContent") part_contents = value;
      if (key == "names") part_names = value;
      if (key == "mappings") mappings = value;
    }
    std::vector<std::string_view> s = JsonElements(part_sources);
    std::vector<std::string_view> c = JsonElements(part_contents);
    std::vector<std::string_view> n = JsonElements(part_names);
    std::string decoded;
    if (mappings.size() < 2 ||
        !DecodeJsonString(mappings.substr(1, mappings.size() - 2), &decoded)) {
      continue;
    }
    std::vector<Segment> part_segments;
    if (!DecodeMappings(decoded, first_lines[k],
                        static_cast<int>(sources.size()),
                        static_cast<int>(names.size()), &part_segments)) {
      continue;
    }
    segments.insert(segments.end(), part_segments.begin(), part_segments.end());
    while (c.size() < s.size()) c.push_back("null");
    c.resize(s.size());
    sources.insert(sources.end(), s.begin(), s.end());
    contents.insert(contents.end(), c.begin(), c.end());
    names.insert(names.end(), n.begin(), n.end());
  }
  auto join = [](const std::vector<std::string_view>& items) {
    std::string text = "[";
    for (size_t k = 0; k < items.size(); ++k) {
      if (k) text += ", ";
      text += items[k];
    }
    return text + "]";
  };
  out->source_map = "{\n  \"version\": 3,\n  \"sources\": " + join(sources) +
                    ",\n  \"sourcesContent\": " + join(contents) +
                    ",\n  \"mappings\": " +
                    EncodeJsonString(EncodeMappings(segments)) +
                    ",\n  \"names\": " + join(names) + "\n}\n";
}

bool IsIdentChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '$';
}

// A cheap scan of one source file for the literal targets of fork() and
// new Worker(): fork('./x.js'), fork(path.join(__dirname, 'x.js')) (join or
// resolve, one or more literal parts), fork(__dirname + '/x.js'),
// new Worker('./w.js') and new Worker(new URL('./w.js', import.meta.url)).
// Returns the paths as written, relative to the file's directory; anything
// computed is left alone (it can still be named with --include).
class TargetScanner {
 public:
  explicit TargetScanner(std::string_view text) : text_(text) {}

  std::vector<std::string> Scan() {
    std::vector<std::string> found;
    for (std::string_view callee : {"fork", "Worker"}) {
      size_t at = 0;
      while ((at = text_.find(callee, at)) != std::string_view::npos) {
        size_t end = at + callee.size();
        bool starts = at == 0 || !IsIdentChar(text_[at - 1]);
        at = end;
        if (!starts) continue;
        i_ = end;
        Space();
        if (!Eat("(")) continue;
        std::string target;
        if (Argument(&target) && !target.empty()) found.push_back(target);
      }
    }
    return found;
  }

 private:
  void Space() {
    while (i_ < text_.size() &&
           (text_[i_] == ' ' || text_[i_] == '\n' || text_[i_] == '\t' ||
            text_[i_] == '\r')) {
      ++i_;
    }
  }
  bool Eat(std::string_view token) {
    Space();
    if (text_.compare(i_, token.size(), token) != 0) return false;
    i_ += token.size();
    return true;
  }
  // A quoted string with no escapes or substitutions.
  bool Literal(std::string* value) {
    Space();
    if (i_ >= text_.size()) return false;
    char quote = text_[i_];
    if (quote != '\'' && quote != '"' && quote != '`') return false;
    size_t end = text_.find(quote, i_ + 1);
    if (end == std::string_view::npos) return false;
    std::string_view body = text_.substr(i_ + 1, end - i_ - 1);
    if (body.find('\\') != std::string_view::npos ||
        body.find('\n') != std::string_view::npos ||
        body.find("${") != std::string_view::npos) {
      return false;
    }
    *value = std::string(body);
    i_ = end + 1;
    return true;
  }
  // The first argument, if it is one of the forms above; `*target` is
  // relative to the file's directory.
  bool Argument(std::string* target) {
    size_t start = i_;
    std::string value;
    if (Literal(&value)) {
      *target = value;
      return true;
    }
    i_ = start;
    if (Eat("new") && Eat("URL") && Eat("(") && Literal(&value) && Eat(",") &&
        Eat("import.meta.url") && Eat(")")) {
      *target = value;
      return true;
    }
    i_ = start;
    if (Eat("__dirname") && Eat("+") && Literal(&value)) {
      *target = "." + (value.empty() || value[0] != '/' ? "/" + value : value);
      return true;
    }
    i_ = start;
    // path.join / path.resolve / join / resolve, with __dirname first.
    Space();
    while (i_ < text_.size() && (IsIdentChar(text_[i_]) || text_[i_] == '.')) {
      ++i_;
    }
    std::string_view name = text_.substr(start, i_ - start);
    while (!name.empty() && (name[0] == ' ' || name[0] == '\n')) {
      name.remove_prefix(1);
    }
    bool joins = name == "join" || name == "resolve" ||
                 (name.size() > 5 && name.substr(name.size() - 5) == ".join") ||
                 (name.size() > 8 && name.substr(name.size() - 8) == ".resolve");
    if (!joins || !Eat("(") || !Eat("__dirname")) return false;
    std::string joined = ".";
    while (Eat(",")) {
      if (!Literal(&value)) return false;
      if (!value.empty() && value[0] == '/') return false;
      joined += "/" + value;
    }
    if (!Eat(")")) return false;
    *target = joined;
    return true;
  }

  std::string_view text_;
  size_t i_ = 0;
};

}  // namespace

namespace {

// One esbuild run: `entry` -> `out_dir`/bundle.js (+ .map, with sources
// relative to `base_dir`) and `out_dir`/meta.json, whose input files are
// added to `inputs` as absolute paths.
Status BundleEntry(const std::string& esbuild, const std::string& entry,
                   const std::string& out_dir, const std::string& base_dir,
                   BundleOutput* out, std::vector<std::string>* inputs) {
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
      "--metafile=" + real_out + "/meta.json",
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
  out->source_map = RebaseSourceMap(out->source_map, real_out, base_dir);
  std::string meta;
  if (ReadFile(real_out + "/meta.json", &meta, &error)) {
    for (const std::string& input : MetafileInputs(meta)) {
      inputs->push_back((fs::path(entry_dir) / input).lexically_normal());
    }
  }
  return Status::Ok();
}

// Adds to `queue` the existing files that literal fork()/Worker targets in
// `inputs` (absolute paths of bundled files) name.
void ScanTargets(const std::vector<std::string>& inputs,
                 std::vector<std::string>* queue) {
  static constexpr const char* kTryExtensions[] = {"", ".js", ".mjs", ".cjs",
                                                   ".ts", ".mts", ".cts"};
  for (const std::string& input : inputs) {
    if (!IsSupportedEntry(input)) continue;
    std::string text, error;
    if (!ReadFile(input, &text, &error)) continue;
    if (text.find("fork") == std::string::npos &&
        text.find("Worker") == std::string::npos) {
      continue;
    }
    fs::path dir = fs::path(input).parent_path();
    for (const std::string& target : TargetScanner(text).Scan()) {
      if (target.empty() || target[0] == '/') continue;
      for (const char* ext : kTryExtensions) {
        fs::path candidate = (dir / (target + ext)).lexically_normal();
        std::error_code ec;
        if (fs::is_regular_file(candidate, ec) &&
            IsSupportedEntry(candidate.string())) {
          queue->push_back(RealPath(candidate.string()));
          break;
        }
      }
    }
  }
}

Status WriteText(const std::string& path, const std::string& text) {
  FILE* f = fopen(path.c_str(), "wb");
  bool ok = f != nullptr && fwrite(text.data(), 1, text.size(), f) == text.size();
  if (f != nullptr && fclose(f) != 0) ok = false;
  if (!ok) {
    return Status::Error("cannot write " + path + ": " + ErrnoText(errno),
                         "Check the temporary directory.");
  }
  return Status::Ok();
}

}  // namespace

Status Bundle(const std::string& esbuild, const std::string& entry,
              const std::string& out_dir, BundleOutput* out) {
  return BundleApp(esbuild, entry, {}, out_dir, out);
}

Status BundleApp(const std::string& esbuild, const std::string& entry,
                 const std::vector<std::string>& extra_entries,
                 const std::string& out_dir, BundleOutput* out) {
  std::string real_entry = RealPath(entry);
  std::string base_dir = fs::path(real_entry).parent_path().string();
  BundleOutput main;
  std::vector<std::string> inputs;
  Status status = BundleEntry(esbuild, entry, out_dir, base_dir, &main, &inputs);
  if (!status.ok()) return status;
  out->warnings = main.warnings;
  out->format = main.format;
  if (main.format == "esm") {
    // An ES module bundle runs as itself: it cannot hold the other entries.
    if (!extra_entries.empty()) {
      out->warnings.push_back(
          fs::path(real_entry).filename().string() +
          " uses top-level await, so the app is an ES module and the other "
          "entries are not bundled with it; fork() and new Worker() load "
          "them from disk at run time");
    }
    out->code = std::move(main.code);
    out->source_map = std::move(main.source_map);
    return Status::Ok();
  }
  std::vector<Part> parts;
  parts.push_back({"", std::move(main.code), std::move(main.source_map)});
  // The entries named on the command line come first; then, transitively,
  // the fork()/Worker targets found in what is bundled.
  std::set<std::string> seen = {real_entry};
  std::vector<std::string> queue;
  for (const std::string& e : extra_entries) {
    status = ValidateEntry(e);
    if (!status.ok()) return status;
    queue.push_back(RealPath(e));
  }
  size_t named = queue.size();
  ScanTargets(inputs, &queue);
  for (size_t k = 0; k < queue.size(); ++k) {
    const std::string path = queue[k];
    if (!seen.insert(path).second) continue;
    bool explicit_entry = k < named;
    std::string key = fs::path(path).lexically_relative(base_dir).string();
    if (key.empty()) key = path;
    std::string dir = out_dir + "/entry" + std::to_string(parts.size());
    std::error_code ec;
    fs::create_directories(dir, ec);
    BundleOutput extra;
    std::vector<std::string> extra_inputs;
    status = BundleEntry(esbuild, path, dir, base_dir, &extra, &extra_inputs);
    if (status.ok() && extra.format != "cjs") {
      status = Status::Error(
          key + " uses top-level await, which an entry bundled with others "
                "cannot",
          "Move the await into an async function.");
    }
    if (!status.ok()) {
      if (explicit_entry) return status;
      out->warnings.push_back(
          key + " is a fork()/Worker target but cannot be bundled (" +
          status.cause() + "); it is loaded from disk at run time");
      continue;
    }
    out->warnings.insert(out->warnings.end(), extra.warnings.begin(),
                         extra.warnings.end());
    out->entries.push_back(key);
    parts.push_back({key, std::move(extra.code), std::move(extra.source_map)});
    ScanTargets(extra_inputs, &queue);
  }
  ComposeBundle(std::move(parts), out);
  status = WriteText(out_dir + "/bundle.js", out->code);
  if (!status.ok()) return status;
  return WriteText(out_dir + "/bundle.js.map", out->source_map);
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
