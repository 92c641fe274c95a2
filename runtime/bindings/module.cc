// module: compiling the app's bundle as a CommonJS module function.
#include "runtime/core/binding.h"
#include "runtime/core/modules.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::module {
namespace {

using runtime::OneByteString;

// compileFunction(source, filename, eager) -> function(exports, require,
// module, __filename, __dirname, __jspack_import_meta_url). With eager, every
// inner function is compiled now (for snapshots: no parsing or compiling at
// startup).
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::ScriptOrigin origin(isolate, args[1]);
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin);
  v8::Local<v8::String> params[] = {
      OneByteString(isolate, "exports"), OneByteString(isolate, "require"),
      OneByteString(isolate, "module"), OneByteString(isolate, "__filename"),
      OneByteString(isolate, "__dirname"),
      // import.meta.url of an ES module entry bundled as CommonJS (the
      // packer defines it to this name).
      OneByteString(isolate, "__jspack_import_meta_url")};
  v8::Local<v8::Function> fn;
  if (v8::ScriptCompiler::CompileFunction(
          context, &source, 6, params, 0, nullptr,
          args[2]->IsTrue() ? v8::ScriptCompiler::kEagerCompile
                            : v8::ScriptCompiler::kNoCompileOptions)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
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

constexpr runtime::Method kMethods[] = {
    {"compileFunction", CompileFunction},
    {"runModule", RunModule},
    {"getSourceMap", GetSourceMap},
};

}  // namespace
JSPACK_BINDING(module, kMethods)
}  // namespace jspack::bindings::module
