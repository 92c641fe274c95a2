// worker: worker_threads' Worker behind node:worker_threads. A WorkerWrap
// (this file) owns a runtime::WorkerThread (core/worker.h) and wakes the
// parent's loop when the thread has ended, to emit 'exit'.
#include <memory>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/message.h"
#include "runtime/core/runtime.h"
#include "runtime/core/worker.h"
#include "runtime/core/worker_port.h"

namespace jspack::bindings::worker {
namespace {

using runtime::Message;
using runtime::PortWrap;
using runtime::Runtime;
using runtime::WorkerThread;

constexpr const char* kOnExitKey = "worker.onexit";
constexpr const char* kTemplateKey = "worker.template";

class WorkerWrap {
 public:
  explicit WorkerWrap(Runtime* runtime) : runtime_(runtime) {}
  void set_thread(std::unique_ptr<WorkerThread> thread) {
    thread_ = std::move(thread);
  }

  // JS only ever passes the handle create() returned.
  static WorkerWrap* From(v8::Local<v8::Value> value) {
    JSPACK_CHECK(value->IsObject());
    v8::Local<v8::Object> object = value.As<v8::Object>();
    JSPACK_CHECK(object->InternalFieldCount() == 1);
    auto* wrap = static_cast<WorkerWrap*>(
        object->GetAlignedPointerFromInternalField(0));
    JSPACK_CHECK(wrap != nullptr);
    return wrap;
  }

  void Attach(v8::Local<v8::Object> object) {
    object->SetAlignedPointerInInternalField(0, this);
    runtime::TrackNativeObject(runtime_->isolate(), object, "Worker");
    object_.Reset(runtime_->isolate(), object);
    uv_async_init(runtime_->loop(), &exit_async_, OnExitAsync);
    exit_async_.data = this;
    runtime_->AddCleanupHook(OnCleanup, this);
  }

  int Start() {
    int err = 0;
    if (!thread_->Start(&err)) {
      Finish();
      return err;
    }
    running_ = true;
    return 0;
  }

  void Terminate() {
    if (running_) thread_->Terminate();
  }


  void SetRef(bool ref) {
    if (async_closed_) return;
    auto* handle = reinterpret_cast<uv_handle_t*>(&exit_async_);
    if (ref) {
      uv_ref(handle);
    } else {
      uv_unref(handle);
    }
  }

  bool has_ref() const {
    return !async_closed_ &&
           uv_has_ref(reinterpret_cast<const uv_handle_t*>(&exit_async_));
  }

  WorkerThread* thread() const { return thread_.get(); }

  // Runs on the worker's thread, as the last thing it does.
  void NotifyExit() { uv_async_send(&exit_async_); }

 private:
  static void OnExitAsync(uv_async_t* handle) {
    auto* self = static_cast<WorkerWrap*>(handle->data);
    if (!self->running_) return;
    self->running_ = false;
    self->thread_->Join();
    int code = self->thread_->exit_code();
    bool oom = self->thread_->out_of_memory();
    self->thread_.reset();
    Runtime* runtime = self->runtime_;
    v8::Isolate* isolate = runtime->isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(runtime->context());
    v8::Local<v8::Object> object = self->object_.Get(isolate);
    self->Finish();
    v8::Local<v8::Value> onexit = runtime->binding_data(kOnExitKey);
    if (onexit.IsEmpty()) return;
    v8::Local<v8::Value> argv[] = {object, v8::Integer::New(isolate, code),
                                   v8::Boolean::New(isolate, oom)};
    runtime->MakeCallback(onexit.As<v8::Function>(), 3, argv);
  }

  // The thread is gone (or never started): close the async handle; the
  // JS object may still be used (a late terminate()), so the wrap goes
  // when the object is collected.
  void Finish() {
    runtime_->RemoveCleanupHook(OnCleanup, this);
    if (!async_closed_) {
      async_closed_ = true;
      uv_close(reinterpret_cast<uv_handle_t*>(&exit_async_), nullptr);
    }
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
  }

  static void OnCollected(const v8::WeakCallbackInfo<WorkerWrap>& info) {
    WorkerWrap* self = info.GetParameter();
    self->object_.Reset();
    delete self;
  }

  // The parent itself is a worker being torn down: stop this child first.
  static void OnCleanup(void* arg) {
    auto* self = static_cast<WorkerWrap*>(arg);
    if (self->running_) {
      self->running_ = false;
      self->thread_->Terminate();
      self->thread_->Join();
      self->thread_.reset();
    }
    if (!self->async_closed_) {
      self->async_closed_ = true;
      uv_close(reinterpret_cast<uv_handle_t*>(&self->exit_async_), nullptr);
    }
  }

  Runtime* runtime_;
  std::unique_ptr<WorkerThread> thread_;
  v8::Global<v8::Object> object_;
  uv_async_t exit_async_;
  bool running_ = false;
  bool async_closed_ = false;
};

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return std::string(*utf8, utf8.length());
}

// setup(onexit): onexit(handle, exitCode, outOfMemory) runs on the parent
// once the worker's thread has ended.
void Setup(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsFunction());
  Runtime* runtime = Runtime::From(args);
  runtime->set_binding_data(kOnExitKey, args[0]);
  v8::Local<v8::FunctionTemplate> tmpl =
      v8::FunctionTemplate::New(args.GetIsolate());
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  v8::Local<v8::Function> maker;
  if (!tmpl->GetFunction(runtime->context()).ToLocal(&maker)) return;
  runtime->set_binding_data(kTemplateKey, maker);
}

// create(boot, buffers, ports, makeError, entryName, argv, limits, mode,
//        execArgv) -> [handle, port, controlPort, threadId]
// `boot` is the value the worker's stdlib gets (code or filename,
// workerData, env...), cloned with the transfer lists; entryName is its
// process.argv[1], argv (strings) the rest; limits [young, old, codeRange,
// stack] in MB, 0 for V8's default; mode the RunInfo mode its runMain sees
// ("file": run entryName; "app": the app; "worker": only set up, the
// worker's stdlib runs its code); execArgv its process.execArgv. The
// node options (parsed) are the parent's. The thread starts with
// start(handle).
void Create(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  Runtime* runtime = Runtime::From(args);
  JSPACK_CHECK(args[1]->IsArray() && args[2]->IsArray() &&
               args[3]->IsFunction() && args[4]->IsString() &&
               args[5]->IsArray() && args[6]->IsArray() &&
               args[7]->IsString() && args[8]->IsArray());
  v8::Local<v8::Array> port_list = args[2].As<v8::Array>();
  Message::PortTransfer transfer;
  for (uint32_t i = 0; i < port_list->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!port_list->Get(context, i).ToLocal(&item)) return;
    JSPACK_CHECK(PortWrap::From(item) != nullptr);
    transfer.objects.push_back(item.As<v8::Object>());
  }
  transfer.detach = [](v8::Local<v8::Object> object) {
    return PortWrap::From(object)->Detach();
  };
  auto boot = std::make_unique<Message>();
  if (!boot->Write(context, args[0], args[1].As<v8::Array>(),
                   args[3].As<v8::Function>(), &transfer)) {
    return;
  }

  runtime::RunInfo info;
  info.exec_path = runtime->info().exec_path;
  info.entry_path = Utf8(isolate, args[4]);
  info.debug = runtime->info().debug;
  info.mode = Utf8(isolate, args[7]);
  info.argv0 = runtime->info().argv0;
  info.node_options = runtime->info().node_options;
  for (auto [list, out] : {std::make_pair(args[5].As<v8::Array>(),
                                          &info.app_args),
                           std::make_pair(args[8].As<v8::Array>(),
                                          &info.exec_argv)}) {
    for (uint32_t i = 0; i < list->Length(); ++i) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return;
      out->push_back(Utf8(isolate, item));
    }
  }
  v8::Local<v8::Array> limit_list = args[6].As<v8::Array>();
  double limit_values[4] = {0, 0, 0, 4};
  for (uint32_t i = 0; i < 4 && i < limit_list->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!limit_list->Get(context, i).ToLocal(&item)) return;
    limit_values[i] = item->NumberValue(context).FromMaybe(0);
  }
  runtime::WorkerLimits limits;
  limits.max_young_generation_mb = limit_values[0];
  limits.max_old_generation_mb = limit_values[1];
  limits.code_range_mb = limit_values[2];
  if (limit_values[3] > 0) limits.stack_mb = limit_values[3];

  v8::Local<v8::Value> maker = runtime->binding_data(kTemplateKey);
  JSPACK_CHECK(!maker.IsEmpty());
  v8::Local<v8::Object> object;
  if (!maker.As<v8::Function>()->NewInstance(context).ToLocal(&object)) {
    return;
  }
  // The wrap outlives the thread's use of it: its exit callback joins the
  // thread before anything frees the wrap.
  auto* wrap = new WorkerWrap(runtime);
  wrap->set_thread(std::make_unique<WorkerThread>(
      std::move(info), limits, std::move(boot),
      [wrap]() { wrap->NotifyExit(); }));
  wrap->Attach(object);
  v8::Local<v8::Object> port, control;
  if (!PortWrap::New(runtime, wrap->thread()->TakeParentPort()).ToLocal(&port) ||
      !PortWrap::New(runtime, wrap->thread()->TakeParentControl())
           .ToLocal(&control)) {
    return;
  }
  v8::Local<v8::Value> out[] = {
      object, port, control,
      v8::Integer::New(isolate, wrap->thread()->thread_id())};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 4));
}

// start(handle) -> 0, or a libuv error code when no thread could be made.
void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(WorkerWrap::From(args[0])->Start());
}

// terminate(handle): stops the worker's JS wherever it is.
void Terminate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WorkerWrap::From(args[0])->Terminate();
}

// setRef(handle, bool): whether the running worker keeps the loop alive.
void SetRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WorkerWrap::From(args[0])->SetRef(args[1]->IsTrue());
}

void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(WorkerWrap::From(args[0])->has_ref());
}

// getThreadInfo() -> [isMainThread, threadId] of the calling thread.
void GetThreadInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  WorkerThread* self = Runtime::From(args)->worker();
  v8::Local<v8::Value> out[] = {
      v8::Boolean::New(isolate, self == nullptr),
      v8::Integer::New(isolate, self == nullptr ? 0 : self->thread_id())};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 2));
}

// takeBootInfo() -> [boot, port, controlPort] in a worker, once; undefined
// otherwise.
void TakeBootInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  Runtime* runtime = Runtime::From(args);
  WorkerThread* self = runtime->worker();
  if (self == nullptr) return;
  std::unique_ptr<Message> boot = self->TakeBootMessage();
  if (!boot) return;
  v8::Local<v8::Object> port, control;
  if (!PortWrap::New(runtime, self->TakeChildPort()).ToLocal(&port) ||
      !PortWrap::New(runtime, self->TakeChildControl()).ToLocal(&control)) {
    return;
  }
  v8::Local<v8::Value> value;
  if (!boot->Read(context, PortWrap::PortMaker(runtime)).ToLocal(&value)) {
    return;
  }
  v8::Local<v8::Value> out[] = {value, port, control};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 3));
}

// appEntry() -> [entryPath, bundleSource | undefined, isModule]: the app's
// entry (process.argv[1] of the main thread) and, when the app is not in
// the snapshot, its bundle, for a worker started on the app's own file.
// entryPath is "" when the process runs no app (a bare runtime's script).
void AppEntry(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  const runtime::ProcessBoot& boot = runtime::GetProcessBoot();
  v8::Local<v8::Value> entry, bundle = v8::Undefined(isolate);
  if (!runtime::Utf8String(isolate, boot.app_mode ? boot.app_entry : "")
           .ToLocal(&entry)) {
    return;
  }
  if (boot.bundle != nullptr) {
    v8::Local<v8::String> source;
    if (!runtime::Utf8String(isolate, *boot.bundle).ToLocal(&source)) return;
    bundle = source;
  }
  v8::Local<v8::Value> out[] = {entry, bundle,
                                v8::Boolean::New(isolate, boot.bundle_is_module)};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 3));
}

// resourceLimits(handle) -> [young, old, codeRange, stack] as started, or
// undefined once the worker has exited.
void ResourceLimits(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WorkerThread* thread = WorkerWrap::From(args[0])->thread();
  if (thread == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  const runtime::WorkerLimits& l = thread->limits();
  v8::Local<v8::Value> out[] = {
      v8::Number::New(isolate, l.max_young_generation_mb),
      v8::Number::New(isolate, l.max_old_generation_mb),
      v8::Number::New(isolate, l.code_range_mb),
      v8::Number::New(isolate, l.stack_mb)};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 4));
}

constexpr runtime::Method kMethods[] = {
    {"setup", Setup},
    {"create", Create},
    {"start", Start},
    {"terminate", Terminate},
    {"setRef", SetRef},
    {"hasRef", HasRef},
    {"getThreadInfo", GetThreadInfo},
    {"takeBootInfo", TakeBootInfo},
    {"resourceLimits", ResourceLimits},
    {"appEntry", AppEntry},
};

}  // namespace
JSPACK_BINDING(worker, kMethods)
}  // namespace jspack::bindings::worker
