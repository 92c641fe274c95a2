// serdes: structured cloning for JS (structuredClone), on runtime::Message,
// which worker_threads' postMessage will share.
#include <cstdlib>
#include <cstring>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/message.h"
#include "runtime/core/runtime.h"

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

// The typed array kinds a serialized view records, in this order. kBuffer
// is a Uint8Array whose prototype was node:buffer's Buffer.prototype.
enum ViewKind : uint32_t {
  kInt8, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat32,
  kFloat64, kBigInt64, kBigUint64, kDataView, kBuffer, kViewKindCount
};

// Writes every ArrayBufferView as a host object: kind, byte length, bytes.
// V8's own encoding of views would lose Buffer's class.
class ViewWriter : public v8::ValueSerializer::Delegate {
 public:
  ViewWriter(v8::Isolate* isolate, v8::Local<v8::Value> buffer_prototype)
      : isolate_(isolate), buffer_prototype_(buffer_prototype) {}
  void set_serializer(v8::ValueSerializer* serializer) {
    serializer_ = serializer;
  }

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    isolate_->ThrowException(v8::Exception::Error(message));
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate,
                                  v8::Local<v8::Object> object) override {
    if (!object->IsArrayBufferView()) {
      ThrowDataCloneError(
          runtime::OneByteString(isolate, "Unserializable host object"));
      return v8::Nothing<bool>();
    }
    v8::Local<v8::ArrayBufferView> view = object.As<v8::ArrayBufferView>();
    uint32_t kind = KindOf(object);
    std::vector<uint8_t> bytes(view->ByteLength());
    view->CopyContents(bytes.data(), bytes.size());
    serializer_->WriteUint32(kind);
    serializer_->WriteUint32(static_cast<uint32_t>(bytes.size()));
    serializer_->WriteRawBytes(bytes.data(), bytes.size());
    return v8::Just(true);
  }

 private:
  uint32_t KindOf(v8::Local<v8::Object> object) {
    if (object->IsUint8Array()) {
      return object->GetPrototype()->StrictEquals(buffer_prototype_) ? kBuffer
                                                                     : kUint8;
    }
    if (object->IsInt8Array()) return kInt8;
    if (object->IsUint8ClampedArray()) return kUint8Clamped;
    if (object->IsInt16Array()) return kInt16;
    if (object->IsUint16Array()) return kUint16;
    if (object->IsInt32Array()) return kInt32;
    if (object->IsUint32Array()) return kUint32;
    if (object->IsFloat32Array()) return kFloat32;
    if (object->IsFloat64Array()) return kFloat64;
    if (object->IsBigInt64Array()) return kBigInt64;
    if (object->IsBigUint64Array()) return kBigUint64;
    return kDataView;
  }

  v8::Isolate* isolate_;
  v8::Local<v8::Value> buffer_prototype_;
  v8::ValueSerializer* serializer_ = nullptr;
};

class ViewReader : public v8::ValueDeserializer::Delegate {
 public:
  explicit ViewReader(v8::Local<v8::Object> buffer_prototype)
      : buffer_prototype_(buffer_prototype) {}
  void set_deserializer(v8::ValueDeserializer* deserializer) {
    deserializer_ = deserializer;
  }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    uint32_t kind = 0;
    uint32_t length = 0;
    const void* data = nullptr;
    if (!deserializer_->ReadUint32(&kind) ||
        !deserializer_->ReadUint32(&length) || kind >= kViewKindCount ||
        !deserializer_->ReadRawBytes(length, &data)) {
      isolate->ThrowException(v8::Exception::Error(
          runtime::OneByteString(isolate, "Unable to deserialize cloned data")));
      return {};
    }
    v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
    if (length != 0) memcpy(buffer->GetBackingStore()->Data(), data, length);
    return Make(isolate, static_cast<ViewKind>(kind), buffer, length);
  }

 private:
  v8::MaybeLocal<v8::Object> Make(v8::Isolate* isolate, ViewKind kind,
                                  v8::Local<v8::ArrayBuffer> buffer,
                                  size_t bytes) {
    switch (kind) {
      case kInt8: return v8::Int8Array::New(buffer, 0, bytes);
      case kUint8: return v8::Uint8Array::New(buffer, 0, bytes);
      case kUint8Clamped: return v8::Uint8ClampedArray::New(buffer, 0, bytes);
      case kInt16: return v8::Int16Array::New(buffer, 0, bytes / 2);
      case kUint16: return v8::Uint16Array::New(buffer, 0, bytes / 2);
      case kInt32: return v8::Int32Array::New(buffer, 0, bytes / 4);
      case kUint32: return v8::Uint32Array::New(buffer, 0, bytes / 4);
      case kFloat32: return v8::Float32Array::New(buffer, 0, bytes / 4);
      case kFloat64: return v8::Float64Array::New(buffer, 0, bytes / 8);
      case kBigInt64: return v8::BigInt64Array::New(buffer, 0, bytes / 8);
      case kBigUint64: return v8::BigUint64Array::New(buffer, 0, bytes / 8);
      case kDataView: return v8::DataView::New(buffer, 0, bytes);
      case kBuffer: {
        v8::Local<v8::Uint8Array> view = v8::Uint8Array::New(buffer, 0, bytes);
        v8::Local<v8::Context> context = isolate->GetCurrentContext();
        if (view->SetPrototype(context, buffer_prototype_).IsNothing()) {
          return {};
        }
        return view;
      }
      default: return {};
    }
  }

  v8::Local<v8::Object> buffer_prototype_;
  v8::ValueDeserializer* deserializer_ = nullptr;
};

// serialize(value, bufferPrototype) -> a Uint8Array of V8's serialization of
// value (header included), for child_process's 'advanced' IPC channel.
// Typed arrays, DataViews and Buffers keep their class; a value V8 cannot
// clone throws.
void Serialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  JSPACK_CHECK(args[1]->IsObject());
  ViewWriter writer(isolate, args[1]);
  v8::ValueSerializer serializer(isolate, &writer);
  writer.set_serializer(&serializer);
  serializer.SetTreatArrayBufferViewsAsHostObjects(true);
  serializer.WriteHeader();
  if (!serializer.WriteValue(context, args[0]).FromMaybe(false)) return;
  std::pair<uint8_t*, size_t> data = serializer.Release();
  v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, data.second);
  if (data.second != 0) {
    memcpy(buffer->GetBackingStore()->Data(), data.first, data.second);
  }
  free(data.first);
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, data.second));
}

// deserialize(bytes, bufferPrototype) -> the value serialize() wrote;
// malformed bytes throw.
void Deserialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  JSPACK_CHECK(args[0]->IsArrayBufferView() && args[1]->IsObject());
  v8::Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
  std::vector<uint8_t> bytes(view->ByteLength());
  view->CopyContents(bytes.data(), bytes.size());
  ViewReader reader(args[1].As<v8::Object>());
  v8::ValueDeserializer deserializer(isolate, bytes.data(), bytes.size(),
                                     &reader);
  reader.set_deserializer(&deserializer);
  if (!deserializer.ReadHeader(context).FromMaybe(false)) return;
  v8::Local<v8::Value> value;
  if (deserializer.ReadValue(context).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

constexpr runtime::Method kMethods[] = {
    {"structuredClone", StructuredClone},
    {"serialize", Serialize},
    {"deserialize", Deserialize},
};

}  // namespace
JSPACK_BINDING(serdes, kMethods)
}  // namespace jspack::bindings::serdes
