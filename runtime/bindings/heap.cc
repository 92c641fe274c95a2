// heap: node:v8's window on the engine — heap, space and code statistics,
// heap snapshots, V8 flags and the code cache version tag.
#include <v8-profiler.h>
#include <v8.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::heap {
namespace {

using runtime::OneByteString;

// Sets object[name] = value for each pair; names are node:v8's.
struct Field {
  const char* name;
  double value;
};

template <size_t N>
v8::Local<v8::Object> MakeObject(v8::Isolate* isolate,
                                 const Field (&fields)[N]) {
  v8::Local<v8::Name> names[N];
  v8::Local<v8::Value> values[N];
  for (size_t i = 0; i < N; i++) {
    names[i] = OneByteString(isolate, fields[i].name);
    values[i] = v8::Number::New(isolate, fields[i].value);
  }
  return v8::Object::New(isolate, v8::Null(isolate), names, values, N);
}

// heapStatistics() -> getHeapStatistics()'s fields (does_zap_garbage a number).
void HeapStatistics(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::HeapStatistics s;
  isolate->GetHeapStatistics(&s);
  const Field fields[] = {
      {"total_heap_size", static_cast<double>(s.total_heap_size())},
      {"total_heap_size_executable",
       static_cast<double>(s.total_heap_size_executable())},
      {"total_physical_size", static_cast<double>(s.total_physical_size())},
      {"total_available_size", static_cast<double>(s.total_available_size())},
      {"used_heap_size", static_cast<double>(s.used_heap_size())},
      {"heap_size_limit", static_cast<double>(s.heap_size_limit())},
      {"malloced_memory", static_cast<double>(s.malloced_memory())},
      {"peak_malloced_memory", static_cast<double>(s.peak_malloced_memory())},
      {"does_zap_garbage", static_cast<double>(s.does_zap_garbage())},
      {"number_of_native_contexts",
       static_cast<double>(s.number_of_native_contexts())},
      {"number_of_detached_contexts",
       static_cast<double>(s.number_of_detached_contexts())},
      {"total_global_handles_size",
       static_cast<double>(s.total_global_handles_size())},
      {"used_global_handles_size",
       static_cast<double>(s.used_global_handles_size())},
      {"external_memory", static_cast<double>(s.external_memory())},
  };
  args.GetReturnValue().Set(MakeObject(isolate, fields));
}

// heapSpaceStatistics() -> one object per space V8 has.
void HeapSpaceStatistics(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  size_t count = isolate->NumberOfHeapSpaces();
  v8::Local<v8::Array> spaces =
      v8::Array::New(isolate, static_cast<int>(count));
  for (size_t i = 0; i < count; i++) {
    v8::HeapSpaceStatistics s;
    if (!isolate->GetHeapSpaceStatistics(&s, i)) continue;
    v8::Local<v8::Object> space = MakeObject(
        isolate,
        (const Field[]){
            {"space_size", static_cast<double>(s.space_size())},
            {"space_used_size", static_cast<double>(s.space_used_size())},
            {"space_available_size",
             static_cast<double>(s.space_available_size())},
            {"physical_space_size",
             static_cast<double>(s.physical_space_size())},
        });
    if (space
            ->Set(context, OneByteString(isolate, "space_name"),
                  OneByteString(isolate, s.space_name()))
            .IsNothing() ||
        spaces->Set(context, static_cast<uint32_t>(i), space).IsNothing()) {
      return;
    }
  }
  args.GetReturnValue().Set(spaces);
}

// heapCodeStatistics() -> getHeapCodeStatistics()'s fields.
void HeapCodeStatistics(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::HeapCodeStatistics s;
  isolate->GetHeapCodeAndMetadataStatistics(&s);
  const Field fields[] = {
      {"code_and_metadata_size",
       static_cast<double>(s.code_and_metadata_size())},
      {"bytecode_and_metadata_size",
       static_cast<double>(s.bytecode_and_metadata_size())},
      {"external_script_source_size",
       static_cast<double>(s.external_script_source_size())},
      {"cpu_profiler_metadata_size",
       static_cast<double>(s.cpu_profiler_metadata_size())},
  };
  args.GetReturnValue().Set(MakeObject(isolate, fields));
}

// setFlagsFromString(flags): V8 warns about flags it does not know.
void SetFlagsFromString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsString());
  v8::String::Utf8Value flags(args.GetIsolate(), args[0]);
  v8::V8::SetFlagsFromString(*flags, flags.length());
}

// cachedDataVersionTag() -> the tag code caches made by this V8 carry.
void CachedDataVersionTag(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(v8::Integer::NewFromUnsigned(
      args.GetIsolate(), v8::ScriptCompiler::CachedDataVersionTag()));
}

// Collects a snapshot's JSON, chunk by chunk, into a string or a file.
class SnapshotSink : public v8::OutputStream {
 public:
  explicit SnapshotSink(FILE* file) : file_(file) {}
  int GetChunkSize() override { return 64 * 1024; }
  void EndOfStream() override {}
  WriteResult WriteAsciiChunk(char* data, int size) override {
    if (file_ != nullptr) {
      if (fwrite(data, 1, size, file_) != static_cast<size_t>(size)) {
        error_ = errno;
        return kAbort;
      }
    } else {
      text_.append(data, size);
    }
    return kContinue;
  }
  const std::string& text() const { return text_; }
  int error() const { return error_; }

 private:
  FILE* file_;
  std::string text_;
  int error_ = 0;
};

// Takes a heap snapshot and writes its JSON to `sink`. V8 10.2 has no mode
// that exposes internals; numeric values it can add.
void WriteSnapshot(v8::Isolate* isolate, bool numeric_values,
                   SnapshotSink* sink) {
  const v8::HeapSnapshot* snapshot =
      isolate->GetHeapProfiler()->TakeHeapSnapshot(nullptr, nullptr, true,
                                                   numeric_values);
  snapshot->Serialize(sink, v8::HeapSnapshot::kJSON);
  const_cast<v8::HeapSnapshot*>(snapshot)->Delete();
}

// takeHeapSnapshot(exposeNumericValues) -> the snapshot's JSON as a Uint8Array.
void TakeHeapSnapshot(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SnapshotSink sink(nullptr);
  WriteSnapshot(isolate, args[0]->IsTrue(), &sink);
  const std::string& text = sink.text();
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, text.size());
  memcpy(buffer->GetBackingStore()->Data(), text.data(), text.size());
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, text.size()));
}

// writeHeapSnapshot(path, exposeNumericValues) -> 0, or the errno that stopped
// the file being written (the file is then removed).
void WriteHeapSnapshot(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString());
  v8::String::Utf8Value path(isolate, args[0]);
  FILE* file = fopen(*path, "w");
  if (file == nullptr) return args.GetReturnValue().Set(errno);
  SnapshotSink sink(file);
  WriteSnapshot(isolate, args[1]->IsTrue(), &sink);
  int error = sink.error();
  if (fclose(file) != 0 && error == 0) error = errno;
  if (error != 0) remove(*path);
  args.GetReturnValue().Set(error);
}

constexpr runtime::Method kMethods[] = {
    {"heapStatistics", HeapStatistics},
    {"heapSpaceStatistics", HeapSpaceStatistics},
    {"heapCodeStatistics", HeapCodeStatistics},
    {"setFlagsFromString", SetFlagsFromString},
    {"cachedDataVersionTag", CachedDataVersionTag},
    {"takeHeapSnapshot", TakeHeapSnapshot},
    {"writeHeapSnapshot", WriteHeapSnapshot},
};

}  // namespace
JSPACK_BINDING(heap, kMethods)
}  // namespace jspack::bindings::heap
