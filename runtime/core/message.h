// Message: a value in V8's structured-clone form, as it crosses from a
// writer to a reader. structuredClone writes and reads one in the same
// isolate; worker_threads' postMessage will write in one isolate and read
// in another (backing stores are shareable across isolates).
#pragma once

#include <v8.h>

#include <cstdint>
#include <memory>
#include <vector>

namespace jspack::runtime {

class Message {
 public:
  // Serializes `value`, moving the ArrayBuffers in `transfer` (which holds
  // distinct ArrayBuffers only: the caller checked). A clone error is thrown
  // as the value `make_error(message)` returns. Returns false with a JS
  // exception pending on failure; the buffers are detached only on success.
  bool Write(v8::Local<v8::Context> context, v8::Local<v8::Value> value,
             v8::Local<v8::Array> transfer, v8::Local<v8::Function> make_error);

  // Rebuilds the value in `context`; moved buffers go to the new objects.
  // Call at most once.
  v8::MaybeLocal<v8::Value> Read(v8::Local<v8::Context> context);

 private:
  class Writer;
  class Reader;

  std::vector<uint8_t> data_;
  // Moved ArrayBuffers, by transfer id.
  std::vector<std::shared_ptr<v8::BackingStore>> transferred_;
  // SharedArrayBuffers, by the id the serializer gave them.
  std::vector<std::shared_ptr<v8::BackingStore>> shared_;
};

}  // namespace jspack::runtime
