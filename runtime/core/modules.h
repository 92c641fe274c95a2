// ES modules: an app bundled as a module (it uses top-level await, which a
// CommonJS bundle and a snapshot cannot hold) runs from source; Node
// builtins are imported as synthetic modules; import.meta and dynamic
// import() are served here.
#pragma once

#include <v8.h>

#include <string>
#include <vector>

namespace jspack::runtime {

class Runtime;

class ModuleLoader {
 public:
  explicit ModuleLoader(Runtime* runtime) : runtime_(runtime) {}

  // Installs the isolate's module hooks (import.meta, dynamic import()).
  static void InstallIsolateHooks(v8::Isolate* isolate);

  // Compiles, links and evaluates `source` as the main module; returns the
  // evaluation promise. On failure a JS exception is pending.
  v8::MaybeLocal<v8::Value> RunMain(v8::Local<v8::String> source,
                                    v8::Local<v8::String> filename);

 private:
  // The synthetic module for builtin `specifier` ("fs", "node:fs"), made once.
  v8::MaybeLocal<v8::Module> Builtin(v8::Local<v8::Context> context,
                                     v8::Local<v8::String> specifier);

  static v8::MaybeLocal<v8::Module> Resolve(
      v8::Local<v8::Context> context, v8::Local<v8::String> specifier,
      v8::Local<v8::FixedArray> import_assertions,
      v8::Local<v8::Module> referrer);
  static v8::MaybeLocal<v8::Value> EvaluateSynthetic(
      v8::Local<v8::Context> context, v8::Local<v8::Module> module);
  static void InitializeImportMeta(v8::Local<v8::Context> context,
                                   v8::Local<v8::Module> module,
                                   v8::Local<v8::Object> meta);
  static v8::MaybeLocal<v8::Promise> ImportDynamically(
      v8::Local<v8::Context> context, v8::Local<v8::Data> host_defined_options,
      v8::Local<v8::Value> resource_name, v8::Local<v8::String> specifier,
      v8::Local<v8::FixedArray> import_assertions);

  struct BuiltinModule {
    std::string specifier;  // without "node:"
    v8::Global<v8::Module> module;
    v8::Global<v8::Value> exports;
    // The named exports (besides "default"): the exports' own keys when the
    // module was made.
    std::vector<v8::Global<v8::String>> names;
  };

  Runtime* runtime_;
  std::vector<BuiltinModule> builtins_;
};

}  // namespace jspack::runtime
