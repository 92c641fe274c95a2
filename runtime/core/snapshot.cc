// Snapshot building with v8::SnapshotCreator. The hooks object the stdlib
// bootstrap returns is stored as context data 0; boot reads it back.
#include "runtime/core/snapshot.h"

#include <uv.h>
#include <v8.h>

#include <map>
#include <memory>
#include <set>

#include "runtime/bindings/contextify.h"
#include "runtime/core/binding.h"
#include "runtime/core/platform.h"
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

// Counts the internal fields the serializer found pointing at native memory
// (and cleared: a stale pointer in a snapshot would crash the run).
struct ClearedFields {
  int count = 0;
};

v8::StartupData SerializeInternalField(v8::Local<v8::Object> holder, int index,
                                       void* data) {
  // V8 is in the middle of serializing the heap: nothing may allocate here.
  if (holder->GetAlignedPointerFromInternalField(index) == nullptr) {
    return {nullptr, 0};
  }
  ++static_cast<ClearedFields*>(data)->count;
  // Non-empty data makes V8 store the field as null.
  return {new char[1]{0}, 1};
}

void DeserializeInternalField(v8::Local<v8::Object> holder, int index,
                              v8::StartupData, void*) {
  holder->SetAlignedPointerInInternalField(index, nullptr);
}

// Gives `context` the stdlib (from the base snapshot, or evaluated from
// source) and, when `bundle` is given, the app's bundle compiled: the hooks
// object in *hooks.
bool PrepareContext(v8::Isolate* isolate, v8::Local<v8::Context> context,
                    bool from_base, const std::string* bundle,
                    const std::string& filename, v8::Local<v8::Object>* hooks,
                    std::string* error) {
  v8::TryCatch try_catch(isolate);
  if (from_base) {
    if (!context->GetDataFromSnapshotOnce<v8::Object>(0).ToLocal(hooks)) {
      *error = "the base snapshot has no stdlib hooks";
      return false;
    }
    // The stdlib is compiled lazily: most of it is never used by a given app,
    // and eager bytecode for all of it made the base snapshot 1.7x larger
    // and every start slower to deserialize (hello: 31 ms to exit eager,
    // 24 ms lazy, measured with JSPACK_DEBUG=1). Functions the bootstrap
    // runs here are compiled and kept; the app itself is compiled eagerly.
  } else if (!EvaluateStdlib(context, /*eager=*/false).ToLocal(hooks)) {
    *error = "stdlib failed to load: " + DescribeException(isolate, try_catch);
    return false;
  }
  if (bundle == nullptr) return true;
  v8::Local<v8::Value> prepare;
  v8::Local<v8::String> source;
  v8::Local<v8::String> name;
  if (!(*hooks)
           ->Get(context, OneByteString(isolate, "prepareApp"))
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
    *error =
        "the bundle does not compile: " + DescribeException(isolate, try_catch);
    return false;
  }
  return true;
}

// The libuv handles open on `loop`.
std::set<uv_handle_t*> OpenHandles(uv_loop_t* loop) {
  std::set<uv_handle_t*> handles;
  uv_walk(
      loop,
      [](uv_handle_t* handle, void* arg) {
        if (!uv_is_closing(handle)) {
          static_cast<std::set<uv_handle_t*>*>(arg)->insert(handle);
        }
      },
      &handles);
  return handles;
}

// What a libuv handle the app left open is, in the words of its API.
std::string DescribeHandle(uv_handle_type type) {
  switch (type) {
    case UV_TCP:
      return "a TCP server or socket (net, http)";
    case UV_NAMED_PIPE:
      return "a pipe or Unix socket (net, or a child process's stdio)";
    case UV_UDP:
      return "a UDP socket (dgram)";
    case UV_TTY:
      return "a terminal stream (process.stdin, tty)";
    case UV_PROCESS:
      return "a child process (child_process)";
    case UV_FS_EVENT:
      return "a file watcher (fs.watch)";
    case UV_FS_POLL:
      return "a file watcher (fs.watchFile)";
    case UV_SIGNAL:
      return "a signal watcher";
    default:
      return std::string("a libuv ") + uv_handle_type_name(type) + " handle";
  }
}

// What a native-backed object TrackNativeObject recorded is, for the user.
std::string DescribeNativeObject(const std::string& what) {
  static const std::map<std::string, std::string> kNames = {
      {"crypto.handle", "a crypto object (Hash, Hmac, Cipher, Decipher...)"},
      {"crypto_keys.handle", "a crypto KeyObject"},
      {"Zlib", "a zlib stream"},
      {"Serializer", "a v8.Serializer"},
      {"Deserializer", "a v8.Deserializer"},
      {"Worker", "a worker_threads Worker"},
      {"MessagePort", "a MessagePort (MessageChannel, BroadcastChannel)"},
      {"vm.Script", "a vm.Script"},
  };
  auto it = kNames.find(what);
  return it != kNames.end() ? it->second : "a native " + what + " object";
}

// "a, b (2 of them), c": each distinct description once, with its count.
std::string JoinCounted(const std::vector<std::string>& items) {
  std::vector<std::pair<std::string, int>> counted;
  for (const std::string& item : items) {
    bool found = false;
    for (auto& entry : counted) {
      if (entry.first == item) {
        ++entry.second;
        found = true;
      }
    }
    if (!found) counted.emplace_back(item, 1);
  }
  std::string out;
  for (const auto& [item, count] : counted) {
    if (!out.empty()) out += "; ";
    out += item;
    if (count > 1) out += " (" + std::to_string(count) + " of them)";
  }
  return out;
}

constexpr char kCreateInMain[] =
    "Create it in the main function given to "
    "v8.startupSnapshot.setDeserializeMainFunction() instead, or close it "
    "and drop every reference to it before the build ends";

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
    v8::Local<v8::Object> hooks;
    if (!PrepareContext(isolate, context, base_blob != nullptr, bundle,
                        filename, &hooks, error)) {
      return false;
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

bool BuildInitializedAppSnapshot(const std::string& base_blob,
                                 const std::string& bundle,
                                 const std::string& filename, RunInfo info,
                                 const RefuseFn& refuse, std::string* blob,
                                 std::string* error) {
  bool from_base = !base_blob.empty();
  v8::StartupData base{base_blob.data(), static_cast<int>(base_blob.size())};
  // The isolate is known to the loop platform before V8 sets it up, as at
  // boot, so that the Runtime's loop runs its tasks.
  v8::Isolate* isolate = v8::Isolate::Allocate();
  GetLoopPlatform()->RegisterIsolate(isolate);
  ClearedFields cleared;
  v8::SerializeInternalFieldsCallback serializer(SerializeInternalField,
                                                 &cleared);
  v8::SnapshotCreator creator(isolate, ExternalReferences(),
                              from_base ? &base : nullptr);
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  {
    // The default context: the app compiled, never run.
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    v8::Local<v8::Object> hooks;
    if (!PrepareContext(isolate, context, from_base, &bundle, filename, &hooks,
                        error)) {
      return false;
    }
    isolate->PerformMicrotaskCheckpoint();
    creator.AddData(context, hooks);
    creator.SetDefaultContext(context, serializer);
  }
  bindings::contextify::AddPristineContext(&creator, from_base);
  {
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Local<v8::Object> hooks;
    v8::Local<v8::Value> build_app, finish_build;
    {
      v8::Context::Scope context_scope(context);
      if (!PrepareContext(isolate, context, from_base, &bundle, filename,
                          &hooks, error)) {
        return false;
      }
      if (!hooks->Get(context, OneByteString(isolate, "buildApp"))
               .ToLocal(&build_app) ||
          !build_app->IsFunction() ||
          !hooks->Get(context, OneByteString(isolate, "finishAppBuild"))
               .ToLocal(&finish_build) ||
          !finish_build->IsFunction()) {
        *error = "the stdlib has no buildApp/finishAppBuild hooks";
        return false;
      }
    }
    StartNativeObjectTracking();
    auto runtime = std::make_unique<Runtime>(isolate, context, hooks, info);
    runtime->set_exit_handler([&refuse](int code) {
      refuse({"the app ended the process (exit code " + std::to_string(code) +
                  ") while its snapshot was being built",
              "An uncaught error is printed above; a process.exit() call "
              "belongs in the main function given to "
              "v8.startupSnapshot.setDeserializeMainFunction()"});
    });
    std::set<uv_handle_t*> before = OpenHandles(runtime->loop());
    DebugLog("snapshot: running the app's main at pack time");
    runtime->RunForSnapshot(build_app.As<v8::Function>());
    {
      v8::Context::Scope context_scope(context);
      v8::Local<v8::Value> result;
      if (!runtime->MakeCallback(finish_build.As<v8::Function>(), 0, nullptr,
                                 &result)) {
        refuse(
            {"a serialize callback threw while the snapshot was being "
             "built",
             "Fix the callback given to "
             "v8.startupSnapshot.addSerializeCallback()"});
      }
      std::string problem = ToUtf8(isolate, result);
      if (!problem.empty()) {
        size_t newline = problem.find('\n');
        refuse({problem.substr(0, newline), newline == std::string::npos
                                                ? ""
                                                : problem.substr(newline + 1)});
      }
    }
    // The stdlib closed its own handles (stdio, signals): let them close.
    uv_run(runtime->loop(), UV_RUN_NOWAIT);
    std::vector<std::string> left;
    for (uv_handle_t* handle : OpenHandles(runtime->loop())) {
      if (before.count(handle) == 0)
        left.push_back(DescribeHandle(handle->type));
    }
    if (!left.empty()) {
      refuse({"the app left " + JoinCounted(left) +
                  " open when its snapshot was taken (no libuv handle can be "
                  "in a snapshot)",
              kCreateInMain});
    }
    // Only what the app can still reach counts.
    isolate->LowMemoryNotification();
    std::vector<std::string> natives;
    for (const std::string& what : ReachableNativeObjects()) {
      natives.push_back(DescribeNativeObject(what));
    }
    if (!natives.empty()) {
      refuse({"the app left " + JoinCounted(natives) +
                  " reachable when its snapshot was taken (an object backed "
                  "by native memory cannot be in a snapshot)",
              kCreateInMain});
    }
    StopNativeObjectTracking();
    // No Runtime state (its handles, globals, the context's pointer to it)
    // may be in the snapshot; a start makes its own.
    runtime.reset();
    isolate->PerformMicrotaskCheckpoint();
    creator.AddData(context, hooks);
    size_t index = creator.AddContext(context, serializer);
    if (index != kInitializedAppContextIndex) {
      *error = "the base snapshot has no pristine vm context";
      return false;
    }
  }
  v8::StartupData data =
      creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
  if (data.data == nullptr || data.raw_size <= 0) {
    *error = "V8 could not create the snapshot";
    return false;
  }
  blob->assign(data.data, data.raw_size);
  delete[] data.data;
  if (cleared.count > 0) {
    refuse({std::to_string(cleared.count) +
                " object(s) backed by native memory were reachable when the "
                "snapshot was taken",
            kCreateInMain});
  }
  return true;
}

v8::DeserializeInternalFieldsCallback InternalFieldsDeserializer() {
  return v8::DeserializeInternalFieldsCallback(DeserializeInternalField,
                                               nullptr);
}

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
