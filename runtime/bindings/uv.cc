// uv: libuv error names and messages for system errors made in JS.
#include <uv.h>

#include <cerrno>
#include <set>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::uv {
namespace {

// Errors newer libuv (the one Node 20 bundles) names and Debian's 1.44
// does not: [errno, name, message].
struct NamedError {
  int err;
  const char* name;
  const char* message;
};
constexpr NamedError kNewerErrors[] = {
    {-ENODATA, "ENODATA", "no data available"},
    {-EUNATCH, "EUNATCH", "protocol driver not attached"},
};

const NamedError* NewerError(int err) {
  for (const NamedError& known : kNewerErrors) {
    if (known.err == err) return &known;
  }
  return nullptr;
}

// errname(errno) -> 'ENOENT'.
void ErrName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int err =
      args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  const NamedError* newer = NewerError(err);
  args.GetReturnValue().Set(runtime::OneByteString(
      args.GetIsolate(), newer != nullptr ? newer->name : uv_err_name(err)));
}

// getErrorMessage(errno) -> 'no such file or directory'.
void GetErrorMessage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int err =
      args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(0);
  const NamedError* newer = NewerError(err);
  args.GetReturnValue().Set(runtime::OneByteString(
      args.GetIsolate(), newer != nullptr ? newer->message : uv_strerror(err)));
}

// getErrorMap() -> [[errno, name, message], ...] for every libuv error, in
// libuv's own order, then the newer ones this libuv lacks, as Node 20's
// libuv ends its map with them (util.getSystemErrorMap()).
void GetErrorMap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> rows = v8::Array::New(isolate);
  std::set<int> listed;
  auto add = [&](int err, const char* name, const char* message) {
    v8::Local<v8::Value> row[] = {v8::Integer::New(isolate, err),
                                  runtime::OneByteString(isolate, name),
                                  runtime::OneByteString(isolate, message)};
    rows->Set(context, rows->Length(), v8::Array::New(isolate, row, 3))
        .Check();
    listed.insert(err);
  };
#define JSPACK_ERROR_ROW(name, message) add(UV_##name, #name, message);
  UV_ERRNO_MAP(JSPACK_ERROR_ROW)
#undef JSPACK_ERROR_ROW
  for (const NamedError& known : kNewerErrors) {
    if (listed.count(known.err) == 0) {
      add(known.err, known.name, known.message);
    }
  }
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
