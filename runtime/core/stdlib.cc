// Evaluates the stdlib bundle and serves internalBinding() to it.
#include "runtime/core/stdlib.h"

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

const std::vector<v8::FunctionCallback>& CoreCallbacks() {
  static const std::vector<v8::FunctionCallback> callbacks = {
      InternalBinding,
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
  v8::Local<v8::String> code;
  if (!Utf8String(isolate, StdlibSource()).ToLocal(&code)) return {};
  v8::ScriptOrigin origin(isolate,
                          OneByteString(isolate, "node:internal/jspack"));
  v8::ScriptCompiler::Source source(code, origin);
  v8::Local<v8::String> params[] = {OneByteString(isolate, "internalBinding")};
  v8::Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(
           context, &source, 1, params, 0, nullptr,
           eager ? v8::ScriptCompiler::kEagerCompile
                 : v8::ScriptCompiler::kNoCompileOptions)
           .ToLocal(&fn)) {
    return {};
  }
  v8::Local<v8::Function> internal_binding;
  if (!NewFunction(context, InternalBinding, "internalBinding")
           .ToLocal(&internal_binding)) {
    return {};
  }
  v8::Local<v8::Value> argv[] = {internal_binding};
  v8::Local<v8::Value> hooks;
  if (!fn->Call(context, context->Global(), 1, argv).ToLocal(&hooks)) {
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
