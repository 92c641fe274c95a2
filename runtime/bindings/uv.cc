// uv: libuv error names and messages for system errors made in JS.
#include <uv.h>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::uv {
namespace {

// errname(errno) -> 'ENOENT'.
void ErrName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int err =
      args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  args.GetReturnValue().Set(
      runtime::OneByteString(args.GetIsolate(), uv_err_name(err)));
}

// getErrorMessage(errno) -> 'no such file or directory'.
void GetErrorMessage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int err =
      args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  args.GetReturnValue().Set(
      runtime::OneByteString(args.GetIsolate(), uv_strerror(err)));
}

constexpr runtime::Method kMethods[] = {
    {"errname", ErrName},
    {"getErrorMessage", GetErrorMessage},
};

}  // namespace
JSPACK_BINDING(uv, kMethods)
}  // namespace jspack::bindings::uv
