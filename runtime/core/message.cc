// Message: structured clones on V8's ValueSerializer / ValueDeserializer.
#include "runtime/core/message.h"

#include <cstdlib>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"
#include "runtime/core/worker_port.h"

namespace jspack::runtime {

class Message::Writer : public v8::ValueSerializer::Delegate {
 public:
  Writer(v8::Isolate* isolate, v8::Local<v8::Context> context,
         v8::Local<v8::Function> make_error, Message* message,
         PortTransfer* ports)
      : isolate_(isolate),
        context_(context),
        make_error_(make_error),
        message_(message),
        ports_(ports) {}

  void set_serializer(v8::ValueSerializer* serializer) {
    serializer_ = serializer;
  }

  void ThrowDataCloneError(v8::Local<v8::String> text) override {
    Throw(text, v8::Undefined(isolate_));
  }

  // Host objects are API objects; the only ones JS can reach are ports.
  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate,
                                  v8::Local<v8::Object> object) override {
    if (ports_ != nullptr) {
      for (size_t i = 0; i < ports_->objects.size(); ++i) {
        if (ports_->objects[i] == object) {
          serializer_->WriteUint32(static_cast<uint32_t>(i));
          return v8::Just(true);
        }
      }
    }
    Throw(OneByteString(isolate_,
                        "Object that needs transfer was found in message but "
                        "not listed in transferList"),
          OneByteString(isolate_, "ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST"));
    return v8::Nothing<bool>();
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate* isolate, v8::Local<v8::SharedArrayBuffer> buffer) override {
    for (size_t i = 0; i < shared_seen_.size(); ++i) {
      if (shared_seen_[i] == buffer) return v8::Just(static_cast<uint32_t>(i));
    }
    shared_seen_.push_back(buffer);
    message_->shared_.push_back(buffer->GetBackingStore());
    return v8::Just(static_cast<uint32_t>(shared_seen_.size() - 1));
  }

 private:
  void Throw(v8::Local<v8::String> text, v8::Local<v8::Value> code) {
    v8::Local<v8::Value> argv[] = {text, code};
    v8::Local<v8::Value> error;
    if (make_error_->Call(context_, v8::Undefined(isolate_), 2, argv)
            .ToLocal(&error)) {
      isolate_->ThrowException(error);
    }
  }

  v8::Isolate* isolate_;
  v8::Local<v8::Context> context_;
  v8::Local<v8::Function> make_error_;
  Message* message_;
  PortTransfer* ports_;
  v8::ValueSerializer* serializer_ = nullptr;
  std::vector<v8::Local<v8::SharedArrayBuffer>> shared_seen_;
};

class Message::Reader : public v8::ValueDeserializer::Delegate {
 public:
  Reader(Message* message, const MakePort& make_port)
      : message_(message), make_port_(make_port) {}

  void set_deserializer(v8::ValueDeserializer* deserializer) {
    deserializer_ = deserializer;
  }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t index = 0;
    // Our own writer made these bytes; only a port index can be here.
    JSPACK_CHECK(deserializer_->ReadUint32(&index));
    JSPACK_CHECK(index < message_->ports_.size() && make_port_);
    JSPACK_CHECK(message_->ports_[index] != nullptr);
    return make_port_(std::move(message_->ports_[index]));
  }

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(
      v8::Isolate* isolate, uint32_t id) override {
    JSPACK_CHECK(id < message_->shared_.size());
    return v8::SharedArrayBuffer::New(isolate, message_->shared_[id]);
  }

 private:
  Message* message_;
  const MakePort& make_port_;
  v8::ValueDeserializer* deserializer_ = nullptr;
};

bool Message::Write(v8::Local<v8::Context> context, v8::Local<v8::Value> value,
                    v8::Local<v8::Array> transfer,
                    v8::Local<v8::Function> make_error,
                    PortTransfer* ports) {
  v8::Isolate* isolate = context->GetIsolate();
  Writer writer(isolate, context, make_error, this, ports);
  v8::ValueSerializer serializer(isolate, &writer);
  writer.set_serializer(&serializer);
  // JS checked that `transfer` holds distinct ArrayBuffers only.
  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  for (uint32_t i = 0; i < transfer->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!transfer->Get(context, i).ToLocal(&item)) return false;
    JSPACK_CHECK(item->IsArrayBuffer());
    buffers.push_back(item.As<v8::ArrayBuffer>());
    serializer.TransferArrayBuffer(i, buffers.back());
  }
  serializer.WriteHeader();
  if (serializer.WriteValue(context, value).IsNothing()) return false;
  // Only a value that serialized gives its buffers away.
  for (v8::Local<v8::ArrayBuffer> buffer : buffers) {
    transferred_.push_back(buffer->GetBackingStore());
    if (buffer->IsDetachable()) buffer->Detach();
  }
  if (ports != nullptr) {
    for (v8::Local<v8::Object> port : ports->objects) {
      ports_.push_back(ports->detach(port));
    }
  }
  std::pair<uint8_t*, size_t> bytes = serializer.Release();
  data_.assign(bytes.first, bytes.first + bytes.second);
  free(bytes.first);
  return true;
}

v8::MaybeLocal<v8::Value> Message::Read(v8::Local<v8::Context> context,
                                        const MakePort& make_port) {
  v8::Isolate* isolate = context->GetIsolate();
  Reader reader(this, make_port);
  v8::ValueDeserializer deserializer(isolate, data_.data(), data_.size(),
                                     &reader);
  reader.set_deserializer(&deserializer);
  for (size_t i = 0; i < transferred_.size(); ++i) {
    deserializer.TransferArrayBuffer(
        static_cast<uint32_t>(i),
        v8::ArrayBuffer::New(isolate, transferred_[i]));
  }
  bool header_ok = false;
  if (!deserializer.ReadHeader(context).To(&header_ok)) return {};
  JSPACK_CHECK(header_ok);
  return deserializer.ReadValue(context);
}

}  // namespace jspack::runtime
