// Message: a value in V8's structured-clone form, as it crosses from a
// writer to a reader. structuredClone writes and reads one in the same
// isolate; worker_threads' postMessage will write in one isolate and read
// in another (backing stores are shareable across isolates).
#pragma once

#include <v8.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace jspack::runtime {

class PortData;

class Message {
 public:
  // MessagePorts moving with a message. The writer finds a port object in
  // the value by its place in `objects` and takes its end with `detach`
  // (only once the whole value serialized); the reader builds the port
  // objects of the new thread with `make`.
  struct PortTransfer {
    std::vector<v8::Local<v8::Object>> objects;
    std::function<std::shared_ptr<PortData>(v8::Local<v8::Object>)> detach;
  };
  using MakePort =
      std::function<v8::MaybeLocal<v8::Object>(std::shared_ptr<PortData>)>;

  // Serializes `value`, moving the ArrayBuffers in `transfer` (which holds
  // distinct ArrayBuffers only: the caller checked). A clone error is thrown
  // as the value `make_error(message)` returns. Returns false with a JS
  // exception pending on failure; the buffers are detached only on success.
  // A host object (MessagePort) that `ports` does not list is thrown as
  // `make_error(message, 'ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST')`.
  bool Write(v8::Local<v8::Context> context, v8::Local<v8::Value> value,
             v8::Local<v8::Array> transfer, v8::Local<v8::Function> make_error,
             PortTransfer* ports = nullptr);

  // Rebuilds the value in `context`; moved buffers go to the new objects.
  // Call at most once.
  // `make_port` is needed when the message carries ports.
  v8::MaybeLocal<v8::Value> Read(v8::Local<v8::Context> context,
                                 const MakePort& make_port = nullptr);

  size_t port_count() const { return ports_.size(); }

 private:
  class Writer;
  class Reader;

  std::vector<uint8_t> data_;
  // Moved ArrayBuffers, by transfer id.
  std::vector<std::shared_ptr<v8::BackingStore>> transferred_;
  // SharedArrayBuffers, by the id the serializer gave them.
  std::vector<std::shared_ptr<v8::BackingStore>> shared_;
  // Moved MessagePort ends, by their index in the transfer list.
  std::vector<std::shared_ptr<PortData>> ports_;
};

}  // namespace jspack::runtime
