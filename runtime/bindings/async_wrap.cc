// async_wrap: the V8 promise hooks behind async_hooks and AsyncLocalStorage.
// The stdlib installs them only once an AsyncLocalStorage or an enabled hook
// exists, so promises cost nothing extra otherwise.
#include "runtime/core/binding.h"

namespace jspack::bindings::async_wrap {
namespace {

v8::Local<v8::Function> FunctionOrEmpty(v8::Local<v8::Value> value) {
  if (value->IsFunction()) return value.As<v8::Function>();
  return v8::Local<v8::Function>();
}

// setPromiseHooks(init, before, after, resolve): each a function or
// undefined (no hook); all undefined removes them.
void SetPromiseHooks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  context->SetPromiseHooks(FunctionOrEmpty(args[0]), FunctionOrEmpty(args[1]),
                           FunctionOrEmpty(args[2]), FunctionOrEmpty(args[3]));
}

constexpr runtime::Method kMethods[] = {
    {"setPromiseHooks", SetPromiseHooks},
};

}  // namespace
JSPACK_BINDING(async_wrap, kMethods)
}  // namespace jspack::bindings::async_wrap
