// Evaluates the stdlib image's loader and serves internalBinding() and
// compileModule() to it.
#include "runtime/core/stdlib.h"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <utility>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"
#include "runtime/core/v8_setup.h"

extern "C" const char jspack_stdlib_start[];
extern "C" const char jspack_stdlib_end[];

namespace jspack::runtime {

namespace {
std::string& StdlibOverride() {
  static std::string source;
  return source;
}
}  // namespace

std::string_view StdlibSource() {
  if (!StdlibOverride().empty()) return StdlibOverride();
  return std::string_view(jspack_stdlib_start,
                          jspack_stdlib_end - jspack_stdlib_start);
}

void UseStdlibSource(std::string source) {
  StdlibOverride() = std::move(source);
}

namespace {

constexpr std::string_view kImageMagic = "//jspack-stdlib ";

// The image's header line is "//jspack-stdlib <loader length> <id>\n" and
// the loader follows it. False if the image is malformed.
bool ParseImage(std::string_view image, std::string_view* loader,
                std::string_view* id) {
  if (image.substr(0, kImageMagic.size()) != kImageMagic) return false;
  size_t newline = image.find('\n');
  if (newline == std::string_view::npos) return false;
  std::string_view fields =
      image.substr(kImageMagic.size(), newline - kImageMagic.size());
  size_t space = fields.find(' ');
  if (space == std::string_view::npos || space == 0) return false;
  std::string digits(fields.substr(0, space));
  char* end = nullptr;
  unsigned long long length = strtoull(digits.c_str(), &end, 10);
  if (*end != '\0' || length > image.size() - newline - 1) return false;
  *loader = image.substr(newline + 1, length);
  *id = fields.substr(space + 1);
  return !id->empty();
}

// A module's source, served from the image without a copy. The image lives
// as long as the process (rodata, or the override string that is never
// replaced once a context has used it). A snapshot stores such strings as
// ordinary sequential strings.
class ImageSlice : public v8::String::ExternalOneByteStringResource {
 public:
  explicit ImageSlice(std::string_view bytes) : bytes_(bytes) {}
  const char* data() const override { return bytes_.data(); }
  size_t length() const override { return bytes_.size(); }

 private:
  std::string_view bytes_;
};

// compileModule(id, name, start, end, eager) -> function(exports, require,
// module, internalBinding, __name) for the module whose source is
// image[start, end). The loader computes the offsets from the table the
// image builder wrote, and `id` names that image: a snapshot made with
// another image (a stdlib override in development) gets an error instead of
// a wrong slice. `eager` compiles every function of the module now instead
// of on first call.
//
// A sixth argument, when it is a Uint8Array made by createCodeCache for
// this module, is V8's code cache for it: what the cache holds is read
// instead of parsed (a cache V8 rejects, made with other flags say, is
// ignored and the source compiled as usual).
void CompileModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string_view image = StdlibSource();
  JSPACK_CHECK((args.Length() == 5 || args.Length() == 6) &&
               args[0]->IsString() && args[1]->IsString() &&
               args[2]->IsUint32() && args[3]->IsUint32() &&
               args[4]->IsBoolean());
  std::string_view loader, id;
  if (!ParseImage(image, &loader, &id) || ToUtf8(isolate, args[0]) != id) {
    isolate->ThrowException(v8::Exception::Error(OneByteString(
        isolate,
        "this snapshot was made with another stdlib image than the runtime "
        "holds; rebuild it (unset JSPACK_STDLIB, or pack again)")));
    return;
  }
  uint32_t start = args[2].As<v8::Uint32>()->Value();
  uint32_t end = args[3].As<v8::Uint32>()->Value();
  JSPACK_CHECK(start <= end && end <= image.size());
  v8::Local<v8::String> code;
  if (!v8::String::NewExternalOneByte(
           isolate, new ImageSlice(image.substr(start, end - start)))
           .ToLocal(&code)) {
    return;
  }
  v8::ScriptOrigin origin(
      isolate, v8::String::Concat(isolate, OneByteString(isolate, "node:"),
                                  args[1].As<v8::String>()));
  auto options = args[4]->IsTrue() ? v8::ScriptCompiler::kEagerCompile
                                   : v8::ScriptCompiler::kNoCompileOptions;
  v8::ScriptCompiler::CachedData* cache = nullptr;
  if (args.Length() == 6 && args[5]->IsUint8Array()) {
    v8::Local<v8::Uint8Array> bytes = args[5].As<v8::Uint8Array>();
    // Source keeps the CachedData (not its bytes) and deletes it.
    cache = new v8::ScriptCompiler::CachedData(
        static_cast<const uint8_t*>(bytes->Buffer()->Data()) +
            bytes->ByteOffset(),
        static_cast<int>(bytes->ByteLength()));
    options = v8::ScriptCompiler::kConsumeCodeCache;
  }
  v8::ScriptCompiler::Source source(code, origin, cache);
  v8::Local<v8::String> params[] = {
      OneByteString(isolate, "exports"), OneByteString(isolate, "require"),
      OneByteString(isolate, "module"),
      OneByteString(isolate, "internalBinding"),
      OneByteString(isolate, "__name")};
  v8::Local<v8::Function> fn;
  if (v8::ScriptCompiler::CompileFunction(context, &source, 5, params, 0,
                                          nullptr, options)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
  if (cache != nullptr) {
    // Under JSPACK_DEBUG=1: the first cache a run reads, and the first one
    // V8 refused (made under other V8 flags, say).
    static std::atomic<bool> told{false};
    static std::atomic<bool> told_rejected{false};
    if (source.GetCachedData()->rejected) {
      if (!told_rejected.exchange(true)) {
        DebugLog("stdlib: V8 rejected the code cache of node:%s (and maybe "
                 "others); those compile from source",
                 ToUtf8(isolate, args[1]).c_str());
      }
    } else if (!told.exchange(true)) {
      DebugLog("stdlib: modules load from code caches (the first: node:%s)",
               ToUtf8(isolate, args[1]).c_str());
    }
  }
}

// createCodeCache(fn) -> Uint8Array: V8's code cache for a module function
// compileModule made, holding the bytecode of every function compiled so
// far (all of them for an eager compile).
void CreateCodeCache(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args.Length() == 1 && args[0]->IsFunction());
  std::unique_ptr<v8::ScriptCompiler::CachedData> cache;
  {
    RunTimeFlagsScope run_time_flags;
    cache.reset(v8::ScriptCompiler::CreateCodeCacheForFunction(
        args[0].As<v8::Function>()));
  }
  size_t length = cache == nullptr ? 0 : static_cast<size_t>(cache->length);
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(buffer->Data(), cache->data, length);
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, length));
}

}  // namespace

const std::vector<v8::FunctionCallback>& CoreCallbacks() {
  static const std::vector<v8::FunctionCallback> callbacks = {
      InternalBinding,
      CompileModule,
      CreateCodeCache,
  };
  return callbacks;
}

// internalBinding(name) -> a new object with the binding's methods and
// constants. The stdlib caches the result per name.
void InternalBinding(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string name = ToUtf8(isolate, args[0]);
  for (const BindingInfo* info : AllBindings()) {
    if (name == info->name) {
      v8::Local<v8::Object> binding;
      if (InstantiateBinding(context, *info).ToLocal(&binding)) {
        args.GetReturnValue().Set(binding);
      }
      return;
    }
  }
  std::string message = "No such binding: " + name;
  isolate->ThrowException(
      v8::Exception::Error(Utf8String(isolate, message).ToLocalChecked()));
}

v8::MaybeLocal<v8::Object> EvaluateStdlib(v8::Local<v8::Context> context,
                                          bool eager) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::EscapableHandleScope scope(isolate);
  std::string_view loader, id;
  if (!ParseImage(StdlibSource(), &loader, &id)) {
    isolate->ThrowException(v8::Exception::Error(OneByteString(
        isolate, "the stdlib image is damaged (no loader header)")));
    return {};
  }
  v8::Local<v8::String> code;
  if (!v8::String::NewExternalOneByte(isolate, new ImageSlice(loader))
           .ToLocal(&code)) {
    return {};
  }
  v8::ScriptOrigin origin(isolate,
                          OneByteString(isolate, "node:internal/loader"));
  v8::ScriptCompiler::Source source(code, origin);
  v8::Local<v8::String> params[] = {OneByteString(isolate, "internalBinding"),
                                    OneByteString(isolate, "compileModule"),
                                    OneByteString(isolate, "createCodeCache")};
  v8::Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(
           context, &source, 3, params, 0, nullptr,
           eager ? v8::ScriptCompiler::kEagerCompile
                 : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn)) {
    return {};
  }
  v8::Local<v8::Function> internal_binding;
  v8::Local<v8::Function> compile_module;
  v8::Local<v8::Function> create_code_cache;
  if (!NewFunction(context, InternalBinding, "internalBinding")
           .ToLocal(&internal_binding) ||
      !NewFunction(context, CompileModule, "compileModule")
           .ToLocal(&compile_module) ||
      !NewFunction(context, CreateCodeCache, "createCodeCache")
           .ToLocal(&create_code_cache)) {
    return {};
  }
  v8::Local<v8::Value> argv[] = {internal_binding, compile_module,
                                 create_code_cache};
  v8::Local<v8::Value> hooks;
  if (!fn->Call(context, context->Global(), 3, argv).ToLocal(&hooks)) {
    return {};
  }
  if (!hooks->IsObject()) {
    isolate->ThrowException(v8::Exception::Error(OneByteString(
        isolate, "the stdlib bootstrap did not return its hooks")));
    return {};
  }
  return scope.Escape(hooks.As<v8::Object>());
}

}  // namespace jspack::runtime
