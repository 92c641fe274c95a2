// System errors thrown from C++, shaped like Node's (see STYLE.md, Errors).
#include "runtime/core/errors.h"

#include <uv.h>

#include <string>

#include "runtime/core/runtime.h"

namespace jspack::runtime {

void ThrowSystemError(v8::Isolate* isolate, int err, const char* syscall,
                      const char* path) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string code = uv_err_name(err);
  std::string message = code + ": " + uv_strerror(err) + ", " + syscall;
  if (path != nullptr) message += std::string(" '") + path + "'";
  v8::Local<v8::Object> error =
      v8::Exception::Error(Utf8String(isolate, message).ToLocalChecked())
          .As<v8::Object>();
  auto set = [&](const char* key, v8::Local<v8::Value> value) {
    error->CreateDataProperty(context, OneByteString(isolate, key), value)
        .Check();
  };
  set("errno", v8::Integer::New(isolate, err));
  set("code", Utf8String(isolate, code).ToLocalChecked());
  set("syscall", OneByteString(isolate, syscall));
  if (path != nullptr) set("path", Utf8String(isolate, path).ToLocalChecked());
  isolate->ThrowException(error);
}

}  // namespace jspack::runtime
