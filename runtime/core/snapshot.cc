// Snapshot building with v8::SnapshotCreator. The hooks object the stdlib
// bootstrap returns is stored as context data 0; boot reads it back.
#include "runtime/core/snapshot.h"

#include <v8.h>

#include <memory>

#include "runtime/bindings/contextify.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"
#include "runtime/core/stdlib.h"

namespace jspack::runtime {

namespace {

std::string DescribeException(v8::Isolate* isolate,
                              const v8::TryCatch& try_catch) {
  if (!try_catch.HasCaught()) return "unknown error";
  std::string text = ToUtf8(isolate, try_catch.Exception());
  v8::Local<v8::Message> message = try_catch.Message();
  if (!message.IsEmpty()) {
    std::string file =
        ToUtf8(isolate, message->GetScriptOrigin().ResourceName());
    int line =
        message->GetLineNumber(isolate->GetCurrentContext()).FromMaybe(0);
    int column = message->GetStartColumn() + 1;
    text = file + ":" + std::to_string(line) + ":" + std::to_string(column) +
           ": " + text;
  }
  return text;
}

bool Build(const std::string* base_blob, const std::string* bundle,
           const std::string& filename, std::string* blob, std::string* error) {
  v8::StartupData base{nullptr, 0};
  if (base_blob != nullptr) {
    base.data = base_blob->data();
    base.raw_size = static_cast<int>(base_blob->size());
  }
  v8::SnapshotCreator creator(ExternalReferences(),
                              base_blob != nullptr ? &base : nullptr);
  v8::Isolate* isolate = creator.GetIsolate();
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  {
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Object> hooks;
    if (base_blob != nullptr) {
      if (!context->GetDataFromSnapshotOnce<v8::Object>(0).ToLocal(&hooks)) {
        *error = "the base snapshot has no stdlib hooks";
        return false;
      }
    // The stdlib is compiled lazily: most of it is never used by a given app,
    // and eager bytecode for all of it made the base snapshot 1.7x larger
    // and every start slower to deserialize (hello: 31 ms to exit eager,
    // 24 ms lazy, measured with JSPACK_DEBUG=1). Functions the bootstrap
    // runs here are compiled and kept; the app itself is compiled eagerly.
    } else if (!EvaluateStdlib(context, /*eager=*/false).ToLocal(&hooks)) {
      *error =
          "stdlib failed to load: " + DescribeException(isolate, try_catch);
      return false;
    }
    if (bundle != nullptr) {
      v8::Local<v8::Value> prepare;
      v8::Local<v8::String> source;
      v8::Local<v8::String> name;
      if (!hooks->Get(context, OneByteString(isolate, "prepareApp"))
               .ToLocal(&prepare) ||
          !prepare->IsFunction() ||
          !Utf8String(isolate, *bundle).ToLocal(&source) ||
          !Utf8String(isolate, filename).ToLocal(&name)) {
        *error = "cannot hand the bundle to the stdlib";
        return false;
      }
      v8::Local<v8::Value> argv[] = {source, name};
      if (prepare.As<v8::Function>()
              ->Call(context, v8::Undefined(isolate), 2, argv)
              .IsEmpty()) {
        *error = "the bundle does not compile: " +
                 DescribeException(isolate, try_catch);
        return false;
      }
    }
    // Nothing may be left queued: a snapshot holds no pending work.
    isolate->PerformMicrotaskCheckpoint();
    creator.AddData(context, hooks);
    creator.SetDefaultContext(context);
  }
  // node:vm copies this context for each new one (context index 0).
  bindings::contextify::AddPristineContext(&creator, base_blob != nullptr);
  v8::StartupData data =
      creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  if (data.data == nullptr || data.raw_size <= 0) {
    *error = "V8 could not create the snapshot";
    return false;
  }
  blob->assign(data.data, data.raw_size);
  delete[] data.data;
  return true;
}

}  // namespace

bool BuildBaseSnapshot(std::string* blob, std::string* error) {
  return Build(nullptr, nullptr, "", blob, error);
}

bool BuildAppSnapshot(const std::string& base_blob, const std::string& bundle,
                      const std::string& filename, std::string* blob,
                      std::string* error) {
  return Build(base_blob.empty() ? nullptr : &base_blob, &bundle, filename,
               blob, error);
}

}  // namespace jspack::runtime
