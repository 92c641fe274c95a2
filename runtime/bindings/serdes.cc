// serdes: structured cloning for JS (structuredClone), on runtime::Message,
// which worker_threads' postMessage will share.
#include "runtime/core/binding.h"
#include "runtime/core/message.h"

namespace jspack::bindings::serdes {
namespace {

using runtime::Message;

// structuredClone(value, transfer, makeError) -> the clone. `transfer` is an
// array of distinct ArrayBuffers; makeError(message) builds the
// DataCloneError DOMException to throw.
void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  JSPACK_CHECK(args[1]->IsArray());
  JSPACK_CHECK(args[2]->IsFunction());
  Message message;
  if (!message.Write(context, args[0], args[1].As<v8::Array>(),
                     args[2].As<v8::Function>())) {
    return;
  }
  v8::Local<v8::Value> clone;
  if (message.Read(context).ToLocal(&clone)) args.GetReturnValue().Set(clone);
}

constexpr runtime::Method kMethods[] = {
    {"structuredClone", StructuredClone},
};

}  // namespace
JSPACK_BINDING(serdes, kMethods)
}  // namespace jspack::bindings::serdes
