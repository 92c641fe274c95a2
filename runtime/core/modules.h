// ES modules. Two kinds of run use them:
// - an app bundled as one module (it uses top-level await, which a CommonJS
//   bundle and a snapshot cannot hold) runs from source, importing builtins;
// - the node-compatible command (`jspack-runtime file.mjs`, import() from a
//   CommonJS file on disk) loads module graphs from disk.
// Which file a specifier names, and what a file holds, is the stdlib's
// business (internal/modules/esm.js, through hooks set at run time); this
// class compiles, links and evaluates. Builtins, CommonJS files and JSON
// files become synthetic modules: `default` is the value, each own key a
// named export.
#pragma once

#include <v8.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace jspack::runtime {

class Runtime;

class ModuleLoader {
 public:
  explicit ModuleLoader(Runtime* runtime) : runtime_(runtime) {}

  // Installs the isolate's module hooks (import.meta, dynamic import()).
  static void InstallIsolateHooks(v8::Isolate* isolate);

  // Compiles, links and evaluates `source` as the main module of a bundled
  // app; returns the evaluation promise. On failure a JS exception is
  // pending.
  v8::MaybeLocal<v8::Value> RunMain(v8::Local<v8::String> source,
                                    v8::Local<v8::String> filename);

  // The stdlib's loader functions (see esm.js): `resolve(specifier,
  // referrer, type) -> [url, format]`, `load(url, format) -> source | value`,
  // `initMeta(meta, url)` and `importDynamic(specifier, referrer) ->
  // promise`. Until they are set only builtins can be imported.
  void SetHooks(v8::Local<v8::Object> hooks);

  // Loads the graph of `specifier` as imported from `referrer` (a path, a
  // file: URL, or "" for the working directory), links it and starts its
  // evaluation. Returns [namespace, evaluation promise].
  v8::MaybeLocal<v8::Array> Import(v8::Local<v8::Context> context,
                                   v8::Local<v8::String> specifier,
                                   v8::Local<v8::Value> referrer,
                                   v8::Local<v8::Value> type);

 private:
  struct Record {
    std::string url;  // file:///..., node:fs, ...
    v8::Global<v8::Module> module;
    // Synthetic modules: the value behind `default` and the named exports.
    v8::Global<v8::Value> value;
    std::vector<v8::Global<v8::String>> names;
    // Source text modules: what each import specifier resolved to.
    std::unordered_map<std::string, size_t> deps;
    bool deps_loaded = false;
  };

  // The record of `specifier` imported from `referrer` (made and compiled on
  // first use), with its own imports loaded too. Returns its index.
  // `type` is the import's `assert { type }` ("" for none).
  v8::Maybe<size_t> Fetch(v8::Local<v8::Context> context,
                          v8::Local<v8::String> specifier,
                          v8::Local<v8::Value> referrer,
                          v8::Local<v8::Value> type);
  v8::Maybe<size_t> FetchDeps(v8::Local<v8::Context> context, size_t index);
  // A synthetic module for `value`, recorded under `url`.
  v8::Maybe<size_t> AddSynthetic(v8::Local<v8::Context> context,
                                 const std::string& url,
                                 v8::Local<v8::Value> value);
  // The builtin `specifier` ("fs", "node:fs") as a synthetic module.
  v8::Maybe<size_t> Builtin(v8::Local<v8::Context> context,
                            v8::Local<v8::String> specifier);
  // The record holding `module`, or -1.
  long Find(v8::Local<v8::Module> module) const;
  bool HasHooks() const { return !resolve_.IsEmpty(); }
  v8::Local<v8::Function> HookFunction(const v8::Global<v8::Function>& f) const;

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

  Runtime* runtime_;
  std::vector<Record> records_;
  std::unordered_map<std::string, size_t> by_url_;
  std::unordered_multimap<int, size_t> by_hash_;
  // The bundled app's main module, whose import.meta is the entry's.
  v8::Global<v8::Module> bundle_main_;
  v8::Global<v8::Function> resolve_;
  v8::Global<v8::Function> load_;
  v8::Global<v8::Function> init_meta_;
  v8::Global<v8::Function> import_dynamic_;
};

}  // namespace jspack::runtime
