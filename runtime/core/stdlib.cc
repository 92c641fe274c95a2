// Evaluates the stdlib image's loader and serves internalBinding() and
// compileModule() to it.
#include "runtime/core/stdlib.h"

#include <cstdlib>
#include <cstring>
#include <utility>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

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
void CompileModule(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string_view image = StdlibSource();
  JSPACK_CHECK(args.Length() == 5 && args[0]->IsString() &&
               args[1]->IsString() && args[2]->IsUint32() &&
               args[3]->IsUint32() && args[4]->IsBoolean());
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
  v8::ScriptCompiler::Source source(code, origin);
  v8::Local<v8::String> params[] = {
      OneByteString(isolate, "exports"), OneByteString(isolate, "require"),
      OneByteString(isolate, "module"),
      OneByteString(isolate, "internalBinding"),
      OneByteString(isolate, "__name")};
  v8::Local<v8::Function> fn;
  auto options = args[4]->IsTrue() ? v8::ScriptCompiler::kEagerCompile
                                   : v8::ScriptCompiler::kNoCompileOptions;
  if (v8::ScriptCompiler::CompileFunction(context, &source, 5, params, 0,
                                          nullptr, options)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

}  // namespace

const std::vector<v8::FunctionCallback>& CoreCallbacks() {
  static const std::vector<v8::FunctionCallback> callbacks = {
      InternalBinding,
      CompileModule,
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
                                    OneByteString(isolate, "compileModule")};
  v8::Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(
           context, &source, 2, params, 0, nullptr,
           eager ? v8::ScriptCompiler::kEagerCompile
                 : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn)) {
    return {};
  }
  v8::Local<v8::Function> internal_binding;
  v8::Local<v8::Function> compile_module;
  if (!NewFunction(context, InternalBinding, "internalBinding")
           .ToLocal(&internal_binding) ||
      !NewFunction(context, CompileModule, "compileModule")
           .ToLocal(&compile_module)) {
    return {};
  }
  v8::Local<v8::Value> argv[] = {internal_binding, compile_module};
  v8::Local<v8::Value> hooks;
  if (!fn->Call(context, context->Global(), 2, argv).ToLocal(&hooks)) {
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
