// module: compiling the app's bundle as a CommonJS module function, and
// what the on-disk module loader (stdlib/internal/modules/) needs: files,
// CommonJS wrappers, scripts and the ES module graph.
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <iterator>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/modules.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::module {
namespace {

using runtime::OneByteString;

// Compiles args[0] (named args[1]) as the body of a function of the CommonJS
// parameters, the first `param_count` of kParams.
void CompileCommonJs(const v8::FunctionCallbackInfo<v8::Value>& args,
                     int param_count,
                     v8::ScriptCompiler::CompileOptions options) {
  static constexpr const char* kParams[] = {
      "exports", "require", "module", "__filename", "__dirname",
      // import.meta.url of an ES module entry bundled as CommonJS (the
      // packer defines it to this name).
      "__jspack_import_meta_url"};
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, args[1]);
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin);
  v8::Local<v8::String> params[std::size(kParams)];
  for (int i = 0; i < param_count; ++i) {
    params[i] = OneByteString(isolate, kParams[i]);
  }
  v8::Local<v8::Function> fn;
  if (v8::ScriptCompiler::CompileFunction(context, &source, param_count,
                                          params, 0, nullptr, options)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

// compileFunction(source, filename, eager) -> function(exports, require,
// module, __filename, __dirname, __jspack_import_meta_url): the app's
// bundle. With eager, every inner function is compiled now (for snapshots:
// no parsing or compiling at startup).
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CompileCommonJs(args, 6,
                  args[2]->IsTrue() ? v8::ScriptCompiler::kEagerCompile
                                    : v8::ScriptCompiler::kNoCompileOptions);
}

// getSourceMap() -> the app's source map JSON, or undefined.
void GetSourceMap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  const runtime::RunInfo& info = runtime::Runtime::From(args)->info();
  if (!info.load_source_map) return;
  std::string map = info.load_source_map();
  v8::Local<v8::String> text;
  if (!map.empty() &&
      runtime::Utf8String(args.GetIsolate(), map).ToLocal(&text)) {
    args.GetReturnValue().Set(text);
  }
}

// runModule(source, filename) -> the evaluation promise of `source` run as
// the main ES module.
void RunModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Value> promise;
  if (runtime::Runtime::From(args)
          ->modules()
          ->RunMain(args[0].As<v8::String>(), args[1].As<v8::String>())
          .ToLocal(&promise)) {
    args.GetReturnValue().Set(promise);
  }
}

// compileWrapper(source, filename) -> function(exports, require, module,
// __filename, __dirname): a CommonJS file on disk. Its functions compile
// lazily, as in Node.
void CompileWrapper(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CompileCommonJs(args, 5, v8::ScriptCompiler::kNoCompileOptions);
}

// runScript(source, filename) -> the completion value of `source` run as a
// classic script in the global scope (-e, -p, a script piped to stdin).
void RunScript(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, args[1]);
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (v8::ScriptCompiler::Compile(context, &source).ToLocal(&script) &&
      script->Run(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// kind(path) -> 0 for a file, 1 for a directory, a negative errno when
// there is nothing to load. The resolver's one question to the file system.
void Kind(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value path(args.GetIsolate(), args[0]);
  struct stat st;
  int result;
  if (stat(*path, &st) != 0) {
    result = -errno;
  } else {
    result = S_ISDIR(st.st_mode) ? 1 : 0;
  }
  args.GetReturnValue().Set(result);
}

// readSource(path) -> the file's text (UTF-8), or a negative errno.
void ReadSource(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::String::Utf8Value path(isolate, args[0]);
  int fd = open(*path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    args.GetReturnValue().Set(-errno);
    return;
  }
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      close(fd);
      args.GetReturnValue().Set(-err);
      return;
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  close(fd);
  v8::Local<v8::String> value;
  if (runtime::Utf8String(isolate, text).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

// realpath(path) -> the canonical path, or a negative errno.
void Realpath(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::String::Utf8Value path(isolate, args[0]);
  char real[PATH_MAX];
  if (realpath(*path, real) == nullptr) {
    args.GetReturnValue().Set(-errno);
    return;
  }
  v8::Local<v8::String> value;
  if (runtime::Utf8String(isolate, real).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

// setLoaderHooks({ resolve, load, initMeta, importDynamic }): see
// ModuleLoader::SetHooks. Called at run time, never in a snapshot.
void SetLoaderHooks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject());
  runtime::Runtime::From(args)->modules()->SetHooks(args[0].As<v8::Object>());
}

// importModule(specifier, referrer, type) -> [namespace, evaluation
// promise]; `type` is the import's asserted type or "".
void ImportModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Array> pair;
  if (runtime::Runtime::From(args)
          ->modules()
          ->Import(context, args[0].As<v8::String>(), args[1], args[2])
          .ToLocal(&pair)) {
    args.GetReturnValue().Set(pair);
  }
}

constexpr runtime::Method kMethods[] = {
    {"compileFunction", CompileFunction},
    {"runModule", RunModule},
    {"getSourceMap", GetSourceMap},
    {"compileWrapper", CompileWrapper},
    {"runScript", RunScript},
    {"kind", Kind},
    {"readSource", ReadSource},
    {"realpath", Realpath},
    {"setLoaderHooks", SetLoaderHooks},
    {"importModule", ImportModule},
};

}  // namespace
JSPACK_BINDING(module, kMethods)
}  // namespace jspack::bindings::module
