// uv: libuv error names and messages for system errors made in JS.
#include <uv.h>

#include <cerrno>

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

// getErrorMap() -> [[errno, name, message], ...] for every libuv error, in
// libuv's own order (util.getSystemErrorMap()).
void GetErrorMap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> rows = v8::Array::New(isolate);
  uint32_t count = 0;
#define JSPACK_ERROR_ROW(name, message)                                  \
  {                                                                      \
    v8::Local<v8::Value> row[] = {                                       \
        v8::Integer::New(isolate, UV_##name),                            \
        runtime::OneByteString(isolate, #name),                          \
        runtime::OneByteString(isolate, message)};                       \
    rows->Set(context, count++, v8::Array::New(isolate, row, 3)).Check(); \
  }
  UV_ERRNO_MAP(JSPACK_ERROR_ROW)
  // Newer libuv (the one Node 20 bundles) ends its map with these two;
  // Debian's 1.44 lacks them, so they come from the system's errno.
#ifndef UV_ENODATA
  constexpr int UV_ENODATA = -ENODATA;
  JSPACK_ERROR_ROW(ENODATA, "no data available")
#endif
#ifndef UV_EUNATCH
  constexpr int UV_EUNATCH = -EUNATCH;
  JSPACK_ERROR_ROW(EUNATCH, "protocol driver not attached")
#endif
#undef JSPACK_ERROR_ROW
  args.GetReturnValue().Set(rows);
}

constexpr runtime::Method kMethods[] = {
    {"errname", ErrName},
    {"getErrorMap", GetErrorMap},
    {"getErrorMessage", GetErrorMessage},
};

}  // namespace
JSPACK_BINDING(uv, kMethods)
}  // namespace jspack::bindings::uv
