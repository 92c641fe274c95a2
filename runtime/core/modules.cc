// See modules.h.
#include "runtime/core/modules.h"

#include <cctype>
#include <cstring>

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

}  // namespace

void ModuleLoader::InstallIsolateHooks(v8::Isolate* isolate) {
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
  isolate->SetHostImportModuleDynamicallyCallback(ImportDynamically);
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
           .ToLocal(&module) ||
      !module->InstantiateModule(context, Resolve).FromMaybe(false)) {
    return {};
  }
  return module->Evaluate(context);
}

v8::MaybeLocal<v8::Module> ModuleLoader::Builtin(
    v8::Local<v8::Context> context, v8::Local<v8::String> specifier) {
  v8::Isolate* isolate = context->GetIsolate();
  std::string id = ToUtf8(isolate, specifier);
  std::string bare = id.rfind("node:", 0) == 0 ? id.substr(5) : id;
  for (const BuiltinModule& b : builtins_) {
    if (b.specifier == bare) return b.module.Get(isolate);
  }
  // The stdlib decides what exists (and throws ERR_UNKNOWN_BUILTIN_MODULE
  // for what does not), exactly as for require().
  v8::Local<v8::Value> argv[] = {specifier};
  v8::Local<v8::Value> exports;
  if (!runtime_->hook(Hook::kImportBuiltin)
           ->Call(context, v8::Undefined(isolate), 1, argv)
           .ToLocal(&exports)) {
    return {};
  }
  // Like Node: `default` is the CommonJS exports, and each own key is a
  // named export.
  std::vector<v8::Local<v8::String>> names;
  if (exports->IsObject()) {
    v8::Local<v8::Array> keys;
    if (!exports.As<v8::Object>()->GetOwnPropertyNames(context).ToLocal(
            &keys)) {
      return {};
    }
    for (uint32_t i = 0; i < keys->Length(); ++i) {
      v8::Local<v8::Value> key;
      if (!keys->Get(context, i).ToLocal(&key)) return {};
      if (key->IsString() && ToUtf8(isolate, key) != "default") {
        names.push_back(key.As<v8::String>());
      }
    }
  }
  std::vector<v8::Local<v8::String>> all_names = {
      OneByteString(isolate, "default")};
  all_names.insert(all_names.end(), names.begin(), names.end());
  v8::Local<v8::String> name;
  if (!Utf8String(isolate, "node:" + bare).ToLocal(&name)) return {};
  v8::Local<v8::Module> module = v8::Module::CreateSyntheticModule(
      isolate, name, all_names, EvaluateSynthetic);
  BuiltinModule entry;
  entry.specifier = bare;
  entry.module.Reset(isolate, module);
  entry.exports.Reset(isolate, exports);
  for (v8::Local<v8::String> n : names) entry.names.emplace_back(isolate, n);
  builtins_.push_back(std::move(entry));
  return module;
}

v8::MaybeLocal<v8::Module> ModuleLoader::Resolve(
    v8::Local<v8::Context> context, v8::Local<v8::String> specifier,
    v8::Local<v8::FixedArray> import_assertions,
    v8::Local<v8::Module> referrer) {
  // esbuild has inlined every other import: what is left is a builtin.
  return Runtime::From(context)->modules()->Builtin(context, specifier);
}

v8::MaybeLocal<v8::Value> ModuleLoader::EvaluateSynthetic(
    v8::Local<v8::Context> context, v8::Local<v8::Module> module) {
  v8::Isolate* isolate = context->GetIsolate();
  ModuleLoader* self = Runtime::From(context)->modules();
  for (const BuiltinModule& b : self->builtins_) {
    if (b.module.Get(isolate) != module) continue;
    v8::Local<v8::Value> exports = b.exports.Get(isolate);
    if (module
            ->SetSyntheticModuleExport(
                isolate, OneByteString(isolate, "default"), exports)
            .IsNothing()) {
      return {};
    }
    for (const v8::Global<v8::String>& name : b.names) {
      v8::Local<v8::String> key = name.Get(isolate);
      v8::Local<v8::Value> value;
      if (!exports.As<v8::Object>()->Get(context, key).ToLocal(&value) ||
          module->SetSyntheticModuleExport(isolate, key, value).IsNothing()) {
        return {};
      }
    }
    break;
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
  // The app is one module: its file is the entry (process.argv[1]).
  const std::string& path = Runtime::From(context)->info().entry_path;
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "."
                    : slash == 0               ? "/"
                                               : path.substr(0, slash);
  auto set = [&](const char* key, const std::string& value) {
    v8::Local<v8::String> text;
    if (Utf8String(isolate, value).ToLocal(&text)) {
      meta->CreateDataProperty(context, OneByteString(isolate, key), text)
          .Check();
    }
  };
  set("url", FileUrl(path));
  set("filename", path);
  set("dirname", dir);
}

v8::MaybeLocal<v8::Promise> ModuleLoader::ImportDynamically(
    v8::Local<v8::Context> context, v8::Local<v8::Data> host_defined_options,
    v8::Local<v8::Value> resource_name, v8::Local<v8::String> specifier,
    v8::Local<v8::FixedArray> import_assertions) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Module> module;
  if (Runtime::From(context)
          ->modules()
          ->Builtin(context, specifier)
          .ToLocal(&module) &&
      module->InstantiateModule(context, Resolve).FromMaybe(false) &&
      !module->Evaluate(context).IsEmpty()) {
    resolver->Resolve(context, module->GetModuleNamespace()).Check();
  } else if (try_catch.HasCaught()) {
    resolver->Reject(context, try_catch.Exception()).Check();
  }
  return scope.Escape(resolver->GetPromise());
}

}  // namespace jspack::runtime
