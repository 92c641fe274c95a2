// serdes: structured cloning for JS (structuredClone), on runtime::Message,
// which worker_threads' postMessage will share.
#include <cstdlib>
#include <cstring>
#include <utility>
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

// A copy of a view's bytes (typed arrays may live in V8's heap, where no
// pointer to them stays valid).
std::vector<uint8_t> CopyBytes(v8::Local<v8::ArrayBufferView> view) {
  std::vector<uint8_t> bytes(view->ByteLength());
  view->CopyContents(bytes.data(), bytes.size());
  return bytes;
}

// A serializer's released buffer as a Uint8Array (the buffer is freed).
v8::Local<v8::Uint8Array> ReleasedBytes(v8::Isolate* isolate,
                                        std::pair<uint8_t*, size_t> data) {
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, data.second);
  if (data.second != 0) {
    memcpy(buffer->GetBackingStore()->Data(), data.first, data.second);
  }
  free(data.first);
  return v8::Uint8Array::New(buffer, 0, data.second);
}

// The typed array kinds a serialized view records, numbered as node's
// v8.serialize numbers them (so either reads the other's bytes). kBuffer is
// a Uint8Array whose prototype was node:buffer's Buffer.prototype.
enum ViewKind : uint32_t {
  kInt8, kUint8, kUint8Clamped, kInt16, kUint16, kInt32, kUint32, kFloat32,
  kFloat64, kDataView, kBuffer, kBigInt64, kBigUint64, kViewKindCount
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
    std::vector<uint8_t> bytes = CopyBytes(view);
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

// Reads what ViewWriter wrote. `bytes` is a copy of `input`'s contents; a
// view whose bytes sit aligned for its element size in `input` is made over
// `input`'s memory, as node's v8.deserialize makes them; others get a copy.
class ViewReader : public v8::ValueDeserializer::Delegate {
 public:
  ViewReader(v8::Local<v8::Object> buffer_prototype,
             v8::Local<v8::ArrayBufferView> input, const uint8_t* bytes)
      : buffer_prototype_(buffer_prototype), input_(input), bytes_(bytes) {}
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
    auto view_kind = static_cast<ViewKind>(kind);
    size_t start = input_->ByteOffset() +
                   (static_cast<const uint8_t*>(data) - bytes_);
    v8::Local<v8::ArrayBuffer> buffer = input_->Buffer();
    if (input_->HasBuffer() && start % ElementSize(view_kind) == 0 &&
        buffer->ByteLength() >= start + length) {
      return Make(isolate, view_kind, buffer, start, length);
    }
    buffer = v8::ArrayBuffer::New(isolate, length);
    if (length != 0) memcpy(buffer->GetBackingStore()->Data(), data, length);
    return Make(isolate, view_kind, buffer, 0, length);
  }

 private:
  static size_t ElementSize(ViewKind kind) {
    switch (kind) {
      case kInt16: case kUint16: return 2;
      case kInt32: case kUint32: case kFloat32: return 4;
      case kFloat64: case kBigInt64: case kBigUint64: return 8;
      default: return 1;
    }
  }

  v8::MaybeLocal<v8::Object> Make(v8::Isolate* isolate, ViewKind kind,
                                  v8::Local<v8::ArrayBuffer> buffer,
                                  size_t at, size_t bytes) {
    switch (kind) {
      case kInt8: return v8::Int8Array::New(buffer, at, bytes);
      case kUint8: return v8::Uint8Array::New(buffer, at, bytes);
      case kUint8Clamped: return v8::Uint8ClampedArray::New(buffer, at, bytes);
      case kInt16: return v8::Int16Array::New(buffer, at, bytes / 2);
      case kUint16: return v8::Uint16Array::New(buffer, at, bytes / 2);
      case kInt32: return v8::Int32Array::New(buffer, at, bytes / 4);
      case kUint32: return v8::Uint32Array::New(buffer, at, bytes / 4);
      case kFloat32: return v8::Float32Array::New(buffer, at, bytes / 4);
      case kFloat64: return v8::Float64Array::New(buffer, at, bytes / 8);
      case kBigInt64: return v8::BigInt64Array::New(buffer, at, bytes / 8);
      case kBigUint64: return v8::BigUint64Array::New(buffer, at, bytes / 8);
      case kDataView: return v8::DataView::New(buffer, at, bytes);
      case kBuffer: {
        v8::Local<v8::Uint8Array> view = v8::Uint8Array::New(buffer, at, bytes);
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
  v8::Local<v8::ArrayBufferView> input_;
  const uint8_t* bytes_;
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
  args.GetReturnValue().Set(ReleasedBytes(isolate, serializer.Release()));
}

// deserialize(bytes, bufferPrototype) -> the value serialize() wrote;
// malformed bytes throw.
void Deserialize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  JSPACK_CHECK(args[0]->IsArrayBufferView() && args[1]->IsObject());
  v8::Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
  std::vector<uint8_t> bytes = CopyBytes(view);
  ViewReader reader(args[1].As<v8::Object>(), view, bytes.data());
  v8::ValueDeserializer deserializer(isolate, bytes.data(), bytes.size(),
                                     &reader);
  reader.set_deserializer(&deserializer);
  if (!deserializer.ReadHeader(context).FromMaybe(false)) return;
  v8::Local<v8::Value> value;
  if (deserializer.ReadValue(context).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

// ---- v8.Serializer / v8.Deserializer ----
//
// Each JS instance owns a handle object whose internal field points at a
// SerializerHandle or DeserializerHandle, freed when the handle is
// collected. The JS owner is passed to every call that may call back into
// it (_writeHostObject, _getDataCloneError, _getSharedArrayBufferId,
// _readHostObject), so no native reference keeps it alive.

constexpr const char* kSerializerTemplateKey = "serdes.serializer";
constexpr const char* kDeserializerTemplateKey = "serdes.deserializer";

// Calls owner[name](args...) when it is a function; `found` says whether it
// was.
v8::MaybeLocal<v8::Value> CallOwner(v8::Isolate* isolate,
                                    v8::Local<v8::Object> owner,
                                    const char* name, int argc,
                                    v8::Local<v8::Value>* argv, bool* found) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> fn;
  *found = false;
  if (!owner->Get(context, runtime::OneByteString(isolate, name)).ToLocal(&fn))
    return {};
  if (!fn->IsFunction()) return v8::Undefined(isolate);
  *found = true;
  return fn.As<v8::Function>()->Call(context, owner, argc, argv);
}

// Frees `T` when its handle object is collected.
template <typename T>
void Attach(v8::Isolate* isolate, v8::Local<v8::Object> handle, T* self) {
  handle->SetAlignedPointerInInternalField(0, self);
  self->handle.Reset(isolate, handle);
  // V8's serializer state is freed in the second pass, outside the GC.
  self->handle.SetWeak(
      self,
      [](const v8::WeakCallbackInfo<T>& info) {
        info.GetParameter()->handle.Reset();
        info.SetSecondPassCallback([](const v8::WeakCallbackInfo<T>& second) {
          delete second.GetParameter();
        });
      },
      v8::WeakCallbackType::kParameter);
}

// What both handles share: the weak reference to their handle object, and
// the JS owner of the call in progress (set by an OwnerScope).
class JsOwned {
 public:
  class OwnerScope {
   public:
    OwnerScope(JsOwned* self, v8::Local<v8::Value> owner) : self_(self) {
      JSPACK_CHECK(owner->IsObject());
      self_->owner_ = owner.As<v8::Object>();
    }
    ~OwnerScope() { self_->owner_.Clear(); }

   private:
    JsOwned* self_;
  };

  v8::Global<v8::Object> handle;

 protected:
  v8::Local<v8::Object> owner_;
};

class SerializerHandle : public v8::ValueSerializer::Delegate, public JsOwned {
 public:
  explicit SerializerHandle(v8::Isolate* isolate)
      : isolate_(isolate), serializer(isolate, this) {}
  ~SerializerHandle() override = default;

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Local<v8::Value> argv[] = {message};
    bool found = false;
    v8::Local<v8::Value> error;
    if (!owner_.IsEmpty() &&
        CallOwner(isolate_, owner_, "_getDataCloneError", 1, argv, &found)
            .ToLocal(&error)) {
      if (!found) error = v8::Exception::Error(message);
      isolate_->ThrowException(error);
    }
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate* isolate,
                                  v8::Local<v8::Object> object) override {
    v8::Local<v8::Value> argv[] = {object};
    bool found = false;
    v8::Local<v8::Value> result;
    if (owner_.IsEmpty()) return Delegate::WriteHostObject(isolate, object);
    if (!CallOwner(isolate, owner_, "_writeHostObject", 1, argv, &found)
             .ToLocal(&result)) {
      return v8::Nothing<bool>();
    }
    if (!found) return Delegate::WriteHostObject(isolate, object);
    return v8::Just(true);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate* isolate, v8::Local<v8::SharedArrayBuffer> sab) override {
    v8::Local<v8::Value> argv[] = {sab};
    bool found = false;
    v8::Local<v8::Value> result;
    if (owner_.IsEmpty()) return Delegate::GetSharedArrayBufferId(isolate, sab);
    if (!CallOwner(isolate, owner_, "_getSharedArrayBufferId", 1, argv, &found)
             .ToLocal(&result)) {
      return v8::Nothing<uint32_t>();
    }
    if (!found) return Delegate::GetSharedArrayBufferId(isolate, sab);
    return result->Uint32Value(isolate->GetCurrentContext());
  }

 private:
  v8::Isolate* isolate_;

 public:
  v8::ValueSerializer serializer;
};

class DeserializerHandle : public v8::ValueDeserializer::Delegate,
                           public JsOwned {
 public:
  DeserializerHandle(v8::Isolate* isolate, std::vector<uint8_t> bytes)
      : bytes_(std::move(bytes)),
        deserializer(isolate, bytes_.data(), bytes_.size(), this) {}
  ~DeserializerHandle() override = default;

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate* isolate) override {
    bool found = false;
    v8::Local<v8::Value> result;
    if (owner_.IsEmpty()) return Delegate::ReadHostObject(isolate);
    {
      // V8 forbids JS while it deserializes; the owner's hook is the one
      // place it must run.
      v8::Isolate::AllowJavascriptExecutionScope allow_js(isolate);
      if (!CallOwner(isolate, owner_, "_readHostObject", 0, nullptr, &found)
               .ToLocal(&result)) {
        return {};
      }
    }
    if (!found) return Delegate::ReadHostObject(isolate);
    if (!result->IsObject()) {
      isolate->ThrowException(v8::Exception::TypeError(runtime::OneByteString(
          isolate, "readHostObject must return an object")));
      return {};
    }
    return result.As<v8::Object>();
  }

  // Where `pointer` is in the bytes given to the constructor.
  size_t OffsetOf(const void* pointer) const {
    return static_cast<const uint8_t*>(pointer) - bytes_.data();
  }

 private:
  std::vector<uint8_t> bytes_;

 public:
  v8::ValueDeserializer deserializer;
};

void ThrowError(v8::Isolate* isolate, const char* message) {
  isolate->ThrowException(
      v8::Exception::Error(runtime::OneByteString(isolate, message)));
}

// serializerNew() -> handle.
void SerializerNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Object> handle;
  if (!runtime::Runtime::From(args)
           ->NewHandleObject(kSerializerTemplateKey, "Serializer")
           .ToLocal(&handle)) {
    return;
  }
  Attach(args.GetIsolate(), handle, new SerializerHandle(args.GetIsolate()));
  args.GetReturnValue().Set(handle);
}

// serializerWriteHeader(handle).
void SerializerWriteHeader(const v8::FunctionCallbackInfo<v8::Value>& args) {
  runtime::HandlePointer<SerializerHandle>(args[0])->serializer.WriteHeader();
}

// serializerWriteValue(handle, owner, value) -> true, or throws.
void SerializerWriteValue(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* self = runtime::HandlePointer<SerializerHandle>(args[0]);
  SerializerHandle::OwnerScope scope(self, args[1]);
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  bool ok = false;
  if (self->serializer.WriteValue(context, args[2]).To(&ok))
    args.GetReturnValue().Set(ok);
}

// serializerRelease(handle) -> Uint8Array of what was written; the
// serializer starts over empty.
void SerializerRelease(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* self = runtime::HandlePointer<SerializerHandle>(args[0]);
  args.GetReturnValue().Set(
      ReleasedBytes(args.GetIsolate(), self->serializer.Release()));
}

// serializerTransfer(handle, id, arrayBuffer).
void SerializerTransfer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsUint32() && args[2]->IsArrayBuffer());
  runtime::HandlePointer<SerializerHandle>(args[0])
      ->serializer.TransferArrayBuffer(args[1].As<v8::Uint32>()->Value(),
                                       args[2].As<v8::ArrayBuffer>());
}

// serializerWriteUint32(handle, n), serializerWriteUint64(handle, hi, lo),
// serializerWriteDouble(handle, x), serializerWriteRawBytes(handle, view):
// numbers already coerced by JS.
void SerializerWriteUint32(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsUint32());
  runtime::HandlePointer<SerializerHandle>(args[0])->serializer.WriteUint32(
      args[1].As<v8::Uint32>()->Value());
}

void SerializerWriteUint64(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsUint32() && args[2]->IsUint32());
  uint64_t hi = args[1].As<v8::Uint32>()->Value();
  uint64_t lo = args[2].As<v8::Uint32>()->Value();
  runtime::HandlePointer<SerializerHandle>(args[0])->serializer.WriteUint64(
      (hi << 32) | lo);
}

void SerializerWriteDouble(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsNumber());
  runtime::HandlePointer<SerializerHandle>(args[0])->serializer.WriteDouble(
      args[1].As<v8::Number>()->Value());
}

void SerializerWriteRawBytes(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsArrayBufferView());
  std::vector<uint8_t> bytes = CopyBytes(args[1].As<v8::ArrayBufferView>());
  runtime::HandlePointer<SerializerHandle>(args[0])->serializer.WriteRawBytes(
      bytes.data(), bytes.size());
}

// serializerTreatViewsAsHostObjects(handle, flag).
void SerializerTreatViews(const v8::FunctionCallbackInfo<v8::Value>& args) {
  runtime::HandlePointer<SerializerHandle>(args[0])
      ->serializer.SetTreatArrayBufferViewsAsHostObjects(
          args[1]->BooleanValue(args.GetIsolate()));
}

// deserializerNew(view) -> handle, over a copy of the view's bytes.
void DeserializerNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsArrayBufferView());
  std::vector<uint8_t> bytes = CopyBytes(args[0].As<v8::ArrayBufferView>());
  v8::Local<v8::Object> handle;
  if (!runtime::Runtime::From(args)
           ->NewHandleObject(kDeserializerTemplateKey, "Deserializer")
           .ToLocal(&handle)) {
    return;
  }
  Attach(args.GetIsolate(), handle,
         new DeserializerHandle(args.GetIsolate(), std::move(bytes)));
  args.GetReturnValue().Set(handle);
}

// deserializerReadHeader(handle, owner) -> true, or throws.
void DeserializerReadHeader(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* self = runtime::HandlePointer<DeserializerHandle>(args[0]);
  DeserializerHandle::OwnerScope scope(self, args[1]);
  bool ok = false;
  if (self->deserializer.ReadHeader(args.GetIsolate()->GetCurrentContext())
          .To(&ok)) {
    args.GetReturnValue().Set(ok);
  }
}

// deserializerReadValue(handle, owner) -> the next value, or throws.
void DeserializerReadValue(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* self = runtime::HandlePointer<DeserializerHandle>(args[0]);
  DeserializerHandle::OwnerScope scope(self, args[1]);
  v8::Local<v8::Value> value;
  if (self->deserializer.ReadValue(args.GetIsolate()->GetCurrentContext())
          .ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

// deserializerTransfer(handle, id, arrayBufferOrShared).
void DeserializerTransfer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsUint32());
  auto* self = runtime::HandlePointer<DeserializerHandle>(args[0]);
  uint32_t id = args[1].As<v8::Uint32>()->Value();
  if (args[2]->IsArrayBuffer()) {
    self->deserializer.TransferArrayBuffer(id, args[2].As<v8::ArrayBuffer>());
  } else {
    JSPACK_CHECK(args[2]->IsSharedArrayBuffer());
    self->deserializer.TransferSharedArrayBuffer(
        id, args[2].As<v8::SharedArrayBuffer>());
  }
}

// deserializerWireFormatVersion(handle) -> the header's version.
void DeserializerWireFormatVersion(
    const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(runtime::HandlePointer<DeserializerHandle>(args[0])
                                ->deserializer.GetWireFormatVersion());
}

// deserializerReadUint32(handle), deserializerReadUint64(handle) -> [hi, lo],
// deserializerReadDouble(handle), deserializerReadRawBytes(handle, length)
// -> the offset of the bytes in the input; each throws at the end of input.
void DeserializerReadUint32(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint32_t value = 0;
  if (!runtime::HandlePointer<DeserializerHandle>(args[0])
           ->deserializer.ReadUint32(&value)) {
    return ThrowError(args.GetIsolate(), "ReadUint32() failed");
  }
  args.GetReturnValue().Set(value);
}

void DeserializerReadUint64(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uint64_t value = 0;
  if (!runtime::HandlePointer<DeserializerHandle>(args[0])
           ->deserializer.ReadUint64(&value)) {
    return ThrowError(isolate, "ReadUint64() failed");
  }
  v8::Local<v8::Value> parts[] = {
      v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value >> 32)),
      v8::Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value))};
  args.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

void DeserializerReadDouble(const v8::FunctionCallbackInfo<v8::Value>& args) {
  double value = 0;
  if (!runtime::HandlePointer<DeserializerHandle>(args[0])
           ->deserializer.ReadDouble(&value)) {
    return ThrowError(args.GetIsolate(), "ReadDouble() failed");
  }
  args.GetReturnValue().Set(value);
}

void DeserializerReadRawBytes(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsNumber());
  auto* self = runtime::HandlePointer<DeserializerHandle>(args[0]);
  double length = args[1].As<v8::Number>()->Value();
  const void* data = nullptr;
  if (length < 0 ||
      !self->deserializer.ReadRawBytes(static_cast<size_t>(length), &data)) {
    return ThrowError(args.GetIsolate(), "ReadRawBytes() failed");
  }
  args.GetReturnValue().Set(static_cast<double>(self->OffsetOf(data)));
}

constexpr runtime::Method kMethods[] = {
    {"structuredClone", StructuredClone},
    {"serialize", Serialize},
    {"deserialize", Deserialize},
    {"serializerNew", SerializerNew},
    {"serializerWriteHeader", SerializerWriteHeader},
    {"serializerWriteValue", SerializerWriteValue},
    {"serializerRelease", SerializerRelease},
    {"serializerTransfer", SerializerTransfer},
    {"serializerWriteUint32", SerializerWriteUint32},
    {"serializerWriteUint64", SerializerWriteUint64},
    {"serializerWriteDouble", SerializerWriteDouble},
    {"serializerWriteRawBytes", SerializerWriteRawBytes},
    {"serializerTreatViews", SerializerTreatViews},
    {"deserializerNew", DeserializerNew},
    {"deserializerReadHeader", DeserializerReadHeader},
    {"deserializerReadValue", DeserializerReadValue},
    {"deserializerTransfer", DeserializerTransfer},
    {"deserializerWireFormatVersion", DeserializerWireFormatVersion},
    {"deserializerReadUint32", DeserializerReadUint32},
    {"deserializerReadUint64", DeserializerReadUint64},
    {"deserializerReadDouble", DeserializerReadDouble},
    {"deserializerReadRawBytes", DeserializerReadRawBytes},
};
}  // namespace
JSPACK_BINDING(serdes, kMethods)
}  // namespace jspack::bindings::serdes
