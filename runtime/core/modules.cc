// See modules.h.
#include "runtime/core/modules.h"

#include <cctype>
#include <cstring>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::runtime {

namespace {

std::string FileUrl(const std::string& path) {
  // Percent-encode what a file URL path cannot hold as is.
  static const char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    if (isalnum(c) || strchr("/-._~!$&'()*+,;=:@", c) != nullptr) {
      url.push_back(static_cast<char>(c));
    } else {
      url.push_back('%');
      url.push_back(kHex[c >> 4]);
      url.push_back(kHex[c & 15]);
    }
  }
  return url;
}

// The value of the `type` key in V8's flat list of import assertions
// ([key, value, (offset,)] ...: `stride` 3 for static imports, 2 for
// import()), or "".
v8::Local<v8::Value> AssertedType(v8::Local<v8::Context> context,
                                  v8::Local<v8::FixedArray> assertions,
                                  int stride) {
  v8::Isolate* isolate = context->GetIsolate();
  for (int i = 0; i + 1 < assertions->Length(); i += stride) {
    v8::Local<v8::Value> key = assertions->Get(context, i).As<v8::Value>();
    if (key->IsString() && ToUtf8(isolate, key) == "type") {
      return assertions->Get(context, i + 1).As<v8::Value>();
    }
  }
  return v8::String::Empty(isolate);
}

bool SetFunction(v8::Local<v8::Context> context, v8::Local<v8::Object> from,
                 const char* key, v8::Global<v8::Function>* out) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Value> value;
  if (!from->Get(context, OneByteString(isolate, key)).ToLocal(&value) ||
      !value->IsFunction()) {
    return false;
  }
  out->Reset(isolate, value.As<v8::Function>());
  return true;
}

}  // namespace

void ModuleLoader::InstallIsolateHooks(v8::Isolate* isolate) {
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
  isolate->SetHostImportModuleDynamicallyCallback(ImportDynamically);
}

void ModuleLoader::SetHooks(v8::Local<v8::Object> hooks) {
  v8::Local<v8::Context> context = runtime_->context();
  bool ok = SetFunction(context, hooks, "resolve", &resolve_) &&
            SetFunction(context, hooks, "load", &load_) &&
            SetFunction(context, hooks, "initMeta", &init_meta_) &&
            SetFunction(context, hooks, "importDynamic", &import_dynamic_);
  if (!ok) resolve_.Reset();
}

v8::Local<v8::Function> ModuleLoader::HookFunction(
    const v8::Global<v8::Function>& f) const {
  return f.Get(runtime_->isolate());
}

v8::MaybeLocal<v8::Value> ModuleLoader::RunMain(
    v8::Local<v8::String> source, v8::Local<v8::String> filename) {
  v8::Isolate* isolate = runtime_->isolate();
  v8::Local<v8::Context> context = runtime_->context();
  v8::ScriptOrigin origin(isolate, filename, 0, 0, false, -1,
                          v8::Local<v8::Value>(), false, false,
                          /*is_module=*/true);
  v8::ScriptCompiler::Source compile_source(source, origin);
  v8::Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(isolate, &compile_source)
           .ToLocal(&module)) {
    return {};
  }
  bundle_main_.Reset(isolate, module);
  Record record;
  record.url = FileUrl(runtime_->info().entry_path);
  record.module.Reset(isolate, module);
  size_t index = records_.size();
  by_hash_.emplace(module->GetIdentityHash(), index);
  records_.push_back(std::move(record));
  if (FetchDeps(context, index).IsNothing() ||
      !module->InstantiateModule(context, Resolve).FromMaybe(false)) {
    return {};
  }
  return module->Evaluate(context);
}

long ModuleLoader::Find(v8::Local<v8::Module> module) const {
  auto range = by_hash_.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (records_[it->second].module.Get(runtime_->isolate()) == module) {
      return static_cast<long>(it->second);
    }
  }
  return -1;
}

v8::Maybe<size_t> ModuleLoader::AddSynthetic(v8::Local<v8::Context> context,
                                             const std::string& url,
                                             v8::Local<v8::Value> value) {
  v8::Isolate* isolate = context->GetIsolate();
  // Like Node: `default` is the value (a CommonJS module's exports), and
  // each own string key of it is a named export.
  std::vector<v8::Local<v8::String>> names;
  if (value->IsObject()) {
    v8::Local<v8::Array> keys;
    if (!value.As<v8::Object>()->GetOwnPropertyNames(context).ToLocal(&keys)) {
      return v8::Nothing<size_t>();
    }
    for (uint32_t i = 0; i < keys->Length(); ++i) {
      v8::Local<v8::Value> key;
      if (!keys->Get(context, i).ToLocal(&key)) return v8::Nothing<size_t>();
      if (key->IsString() && ToUtf8(isolate, key) != "default") {
        names.push_back(key.As<v8::String>());
      }
    }
  }
  std::vector<v8::Local<v8::String>> all_names = {
      OneByteString(isolate, "default")};
  all_names.insert(all_names.end(), names.begin(), names.end());
  v8::Local<v8::String> name;
  if (!Utf8String(isolate, url).ToLocal(&name)) return v8::Nothing<size_t>();
  v8::Local<v8::Module> module = v8::Module::CreateSyntheticModule(
      isolate, name, all_names, EvaluateSynthetic);
  Record record;
  record.url = url;
  record.module.Reset(isolate, module);
  record.value.Reset(isolate, value);
  for (v8::Local<v8::String> n : names) record.names.emplace_back(isolate, n);
  record.deps_loaded = true;
  size_t index = records_.size();
  by_hash_.emplace(module->GetIdentityHash(), index);
  by_url_.emplace(url, index);
  records_.push_back(std::move(record));
  return v8::Just(index);
}

v8::Maybe<size_t> ModuleLoader::Builtin(v8::Local<v8::Context> context,
                                        v8::Local<v8::String> specifier) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string id = ToUtf8(isolate, specifier);
  std::string url = id.rfind("node:", 0) == 0 ? id : "node:" + id;
  auto it = by_url_.find(url);
  if (it != by_url_.end()) return v8::Just(it->second);
  // The stdlib decides what exists (and throws ERR_UNKNOWN_BUILTIN_MODULE
  // for what does not), exactly as for require().
  v8::Local<v8::Value> argv[] = {specifier};
  v8::Local<v8::Value> exports;
  if (!runtime_->hook(Hook::kImportBuiltin)
           ->Call(context, v8::Undefined(isolate), 1, argv)
           .ToLocal(&exports)) {
    return v8::Nothing<size_t>();
  }
  return AddSynthetic(context, url, exports);
}

v8::Maybe<size_t> ModuleLoader::Fetch(v8::Local<v8::Context> context,
                                      v8::Local<v8::String> specifier,
                                      v8::Local<v8::Value> referrer,
                                      v8::Local<v8::Value> type) {
  if (!HasHooks()) return Builtin(context, specifier);
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Value> argv[] = {specifier, referrer, type};
  v8::Local<v8::Value> resolved;
  if (!HookFunction(resolve_)
           ->Call(context, v8::Undefined(isolate), 3, argv)
           .ToLocal(&resolved)) {
    return v8::Nothing<size_t>();
  }
  // The stdlib promised [url, format] (esm.js).
  JSPACK_CHECK(resolved->IsArray());
  v8::Local<v8::Value> url_value, format_value;
  if (!resolved.As<v8::Array>()->Get(context, 0).ToLocal(&url_value) ||
      !resolved.As<v8::Array>()->Get(context, 1).ToLocal(&format_value)) {
    return v8::Nothing<size_t>();
  }
  std::string url = ToUtf8(isolate, url_value);
  std::string format = ToUtf8(isolate, format_value);
  auto it = by_url_.find(url);
  if (it != by_url_.end()) return v8::Just(it->second);
  if (format == "builtin") return Builtin(context, url_value.As<v8::String>());

  v8::Local<v8::Value> load_argv[] = {url_value, format_value};
  v8::Local<v8::Value> loaded;
  if (!HookFunction(load_)
           ->Call(context, v8::Undefined(isolate), 2, load_argv)
           .ToLocal(&loaded)) {
    return v8::Nothing<size_t>();
  }
  // Loading a CommonJS file may have imported it meanwhile (a cycle
  // through import()): the first record stays.
  it = by_url_.find(url);
  if (it != by_url_.end()) return v8::Just(it->second);
  if (format != "module") return AddSynthetic(context, url, loaded);

  JSPACK_CHECK(loaded->IsString());
  v8::ScriptOrigin origin(isolate, url_value, 0, 0, false, -1,
                          v8::Local<v8::Value>(), false, false,
                          /*is_module=*/true);
  v8::ScriptCompiler::Source source(loaded.As<v8::String>(), origin);
  v8::Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(isolate, &source).ToLocal(&module)) {
    return v8::Nothing<size_t>();
  }
  Record record;
  record.url = url;
  record.module.Reset(isolate, module);
  size_t index = records_.size();
  by_hash_.emplace(module->GetIdentityHash(), index);
  by_url_.emplace(url, index);
  records_.push_back(std::move(record));
  return FetchDeps(context, index);
}

v8::Maybe<size_t> ModuleLoader::FetchDeps(v8::Local<v8::Context> context,
                                          size_t index) {
  if (records_[index].deps_loaded) return v8::Just(index);
  // Set first: a cycle reaches this module again while its imports load.
  records_[index].deps_loaded = true;
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Module> module = records_[index].module.Get(isolate);
  v8::Local<v8::Value> referrer;
  if (!Utf8String(isolate, records_[index].url).ToLocal(&referrer)) {
    return v8::Nothing<size_t>();
  }
  v8::Local<v8::FixedArray> requests = module->GetModuleRequests();
  for (int i = 0; i < requests->Length(); ++i) {
    v8::Local<v8::ModuleRequest> request =
        requests->Get(context, i).As<v8::ModuleRequest>();
    v8::Local<v8::String> specifier = request->GetSpecifier();
    size_t dep;
    if (!Fetch(context, specifier, referrer,
               AssertedType(context, request->GetImportAssertions(), 3))
             .To(&dep)) {
      return v8::Nothing<size_t>();
    }
    // `records_` may have grown: index, never a reference held across Fetch.
    records_[index].deps[ToUtf8(isolate, specifier)] = dep;
  }
  return v8::Just(index);
}

v8::MaybeLocal<v8::Array> ModuleLoader::Import(
    v8::Local<v8::Context> context, v8::Local<v8::String> specifier,
    v8::Local<v8::Value> referrer, v8::Local<v8::Value> type) {
  v8::Isolate* isolate = context->GetIsolate();
  size_t index;
  if (!Fetch(context, specifier, referrer, type).To(&index)) return {};
  v8::Local<v8::Module> module = records_[index].module.Get(isolate);
  if (module->GetStatus() == v8::Module::kUninstantiated &&
      !module->InstantiateModule(context, Resolve).FromMaybe(false)) {
    return {};
  }
  v8::Local<v8::Value> done;
  if (!module->Evaluate(context).ToLocal(&done)) return {};
  v8::Local<v8::Value> pair[] = {module->GetModuleNamespace(), done};
  return v8::Array::New(isolate, pair, 2);
}

v8::MaybeLocal<v8::Module> ModuleLoader::Resolve(
    v8::Local<v8::Context> context, v8::Local<v8::String> specifier,
    v8::Local<v8::FixedArray> import_assertions,
    v8::Local<v8::Module> referrer) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* self = Runtime::From(context)->modules();
  long from = self->Find(referrer);
  if (from >= 0) {
    const Record& record = self->records_[from];
    auto it = record.deps.find(ToUtf8(isolate, specifier));
    if (it != record.deps.end()) {
      return self->records_[it->second].module.Get(isolate);
    }
  }
  // Every import was fetched before instantiation (FetchDeps).
  isolate->ThrowException(v8::Exception::Error(OneByteString(
      isolate, "jspack: internal error: an import was not loaded")));
  return {};
}

v8::MaybeLocal<v8::Value> ModuleLoader::EvaluateSynthetic(
    v8::Local<v8::Context> context, v8::Local<v8::Module> module) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* self = Runtime::From(context)->modules();
  long index = self->Find(module);
  if (index >= 0) {
    const Record& record = self->records_[index];
    v8::Local<v8::Value> value = record.value.Get(isolate);
    if (module
            ->SetSyntheticModuleExport(
                isolate, OneByteString(isolate, "default"), value)
            .IsNothing()) {
      return {};
    }
    for (const v8::Global<v8::String>& name : record.names) {
      v8::Local<v8::String> key = name.Get(isolate);
      v8::Local<v8::Value> named;
      if (!value.As<v8::Object>()->Get(context, key).ToLocal(&named) ||
          module->SetSyntheticModuleExport(isolate, key, named).IsNothing()) {
        return {};
      }
    }
  }
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver) ||
      resolver->Resolve(context, v8::Undefined(isolate)).IsNothing()) {
    return {};
  }
  return resolver->GetPromise();
}

void ModuleLoader::InitializeImportMeta(v8::Local<v8::Context> context,
                                        v8::Local<v8::Module> module,
                                        v8::Local<v8::Object> meta) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* self = Runtime::From(context)->modules();
  long index = self->Find(module);
  // The bundled app is one module: its file is the entry (process.argv[1]).
  std::string url = index >= 0
                        ? self->records_[index].url
                        : FileUrl(Runtime::From(context)->info().entry_path);
  v8::Local<v8::String> url_string;
  if (!Utf8String(isolate, url).ToLocal(&url_string)) return;
  if (self->HasHooks()) {
    v8::Local<v8::Value> argv[] = {meta, url_string};
    // An exception stays pending and surfaces from the import.meta access;
    // there is nothing else to do either way.
    (void)self->HookFunction(self->init_meta_)
        ->Call(context, v8::Undefined(isolate), 2, argv)
        .IsEmpty();
    return;
  }
  meta->CreateDataProperty(context, OneByteString(isolate, "url"), url_string)
      .Check();
}

v8::MaybeLocal<v8::Promise> ModuleLoader::ImportDynamically(
    v8::Local<v8::Context> context, v8::Local<v8::Data> host_defined_options,
    v8::Local<v8::Value> resource_name, v8::Local<v8::String> specifier,
    v8::Local<v8::FixedArray> import_assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  ModuleLoader* self = Runtime::From(context)->modules();
  if (self->HasHooks()) {
    // The stdlib's importDynamic is an async function: it returns a promise
    // and turns every failure into a rejection.
    v8::Local<v8::Value> argv[] = {specifier, resource_name,
                                   AssertedType(context, import_assertions, 2)};
    v8::Local<v8::Value> promise;
    if (!self->HookFunction(self->import_dynamic_)
             ->Call(context, v8::Undefined(isolate), 3, argv)
             .ToLocal(&promise)) {
      return {};
    }
    JSPACK_CHECK(promise->IsPromise());
    return scope.Escape(promise.As<v8::Promise>());
  }
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Array> pair;
  v8::Local<v8::Value> ns;
  if (self->Import(context, specifier, resource_name,
                   v8::String::Empty(isolate))
          .ToLocal(&pair) &&
      pair->Get(context, 0).ToLocal(&ns)) {
    resolver->Resolve(context, ns).Check();
  } else if (try_catch.HasCaught()) {
    resolver->Reject(context, try_catch.Exception()).Check();
  }
  return scope.Escape(resolver->GetPromise());
}

}  // namespace jspack::runtime
