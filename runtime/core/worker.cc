// WorkerThread: boots a worker's isolate from the process's snapshot blob on
// its own thread and tears it down again, leaving no handle or global behind.
#include "runtime/core/worker.h"

#include <cstdio>

#include "runtime/core/binding.h"
#include "runtime/core/stdlib.h"
#include "runtime/core/v8_setup.h"
#include "runtime/core/platform.h"

namespace jspack::runtime {

namespace {

ProcessBoot process_boot;
std::atomic<int> next_thread_id{1};
std::atomic<bool> any_worker_started{false};

// Room kept between V8's stack limit and the real end of the thread's
// stack, for the C++ frames below JS (V8 itself, bindings).
constexpr size_t kStackBufferBytes = 192 * 1024;
constexpr double kMb = 1024 * 1024;

}  // namespace

void SetProcessBoot(const ProcessBoot& boot) { process_boot = boot; }

const ProcessBoot& GetProcessBoot() { return process_boot; }

v8::ArrayBuffer::Allocator* SharedArrayBufferAllocator() {
  // Never freed: backing stores may be released by V8's background sweeper
  // while the platform shuts down.
  static v8::ArrayBuffer::Allocator* allocator =
      v8::ArrayBuffer::Allocator::NewDefaultAllocator();
  return allocator;
}

bool AnyWorkerStarted() { return any_worker_started.load(); }

WorkerThread::WorkerThread(RunInfo info, WorkerLimits limits,
                           std::unique_ptr<Message> boot_message,
                           std::function<void()> on_exit)
    : info_(std::move(info)),
      limits_(limits),
      boot_(std::move(boot_message)),
      on_exit_(std::move(on_exit)),
      thread_id_(next_thread_id.fetch_add(1)) {
  std::tie(parent_port_, child_port_) = PortData::NewPair();
  std::tie(parent_control_, child_control_) = PortData::NewPair();
}

WorkerThread::~WorkerThread() {
  if (started_ && !joined_) {
    Terminate();
    Join();
  }
}

bool WorkerThread::Start(int* err) {
  uv_thread_options_t options;
  options.flags = UV_THREAD_HAS_STACK_SIZE;
  options.stack_size = static_cast<size_t>(limits_.stack_mb * kMb);
  if (options.stack_size < 2 * kStackBufferBytes) {
    options.stack_size = 2 * kStackBufferBytes;
  }
  options.stack_size = (options.stack_size + 4095) & ~size_t{4095};
  limits_.stack_mb = static_cast<double>(options.stack_size) / kMb;
  *err = uv_thread_create_ex(&thread_, &options, ThreadMain, this);
  if (*err != 0) return false;
  started_ = true;
  any_worker_started.store(true);
  return true;
}

void WorkerThread::Terminate() {
  stop_requested_.store(true);
  std::lock_guard<std::mutex> lock(mutex_);
  if (isolate_ != nullptr) isolate_->TerminateExecution();
  if (stop_async_ != nullptr) uv_async_send(stop_async_);
}

void WorkerThread::Join() {
  if (!started_ || joined_) return;
  uv_thread_join(&thread_);
  joined_ = true;
}

void WorkerThread::ThreadMain(void* arg) {
  auto* self = static_cast<WorkerThread*>(arg);
  self->Run();
  // Last touch of `self` by this thread: the parent may free it after.
  std::function<void()> on_exit = std::move(self->on_exit_);
  on_exit();
}

// V8 is about to hit the heap limit: stop the worker (the parent reports
// ERR_WORKER_OUT_OF_MEMORY) and grant a little more heap so that the
// termination can unwind instead of V8 aborting the whole process.
size_t WorkerThread::NearHeapLimit(void* data, size_t current,
                                   size_t initial) {
  auto* self = static_cast<WorkerThread*>(data);
  self->out_of_memory_ = true;
  self->stop_requested_.store(true);
  if (self->runtime_ != nullptr) {
    self->runtime_->RequestStop(1);
  } else if (self->isolate_ != nullptr) {
    self->isolate_->TerminateExecution();
  }
  return current + current / 2 + 16 * 1024 * 1024;
}

void WorkerThread::Run() {
  uv_loop_t loop;
  if (uv_loop_init(&loop) != 0) {
    exit_code_ = 1;
    return;
  }
  uv_async_t stop_async;
  uv_async_init(&loop, &stop_async, [](uv_async_t* handle) {
    auto* self = static_cast<WorkerThread*>(handle->data);
    if (self->runtime_ != nullptr) self->runtime_->RequestStop(1);
    uv_stop(handle->loop);
  });
  stop_async.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&stop_async));

  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = SharedArrayBufferAllocator();
  params.external_references = ExternalReferences();
  v8::StartupData blob{nullptr, 0};
  const std::string* process_blob = process_boot.blob;
  if (process_blob != nullptr && !process_blob->empty()) {
    blob.data = process_blob->data();
    blob.raw_size = static_cast<int>(process_blob->size());
    params.snapshot_blob = &blob;
  }
  ConfigureHeapForMachine(params.constraints);
  if (limits_.max_young_generation_mb > 0) {
    size_t young = static_cast<size_t>(limits_.max_young_generation_mb * kMb);
    params.constraints.set_max_young_generation_size_in_bytes(young);
    if (params.constraints.initial_young_generation_size_in_bytes() > young) {
      params.constraints.set_initial_young_generation_size_in_bytes(young);
    }
  }
  if (limits_.max_old_generation_mb > 0) {
    params.constraints.set_max_old_generation_size_in_bytes(
        static_cast<size_t>(limits_.max_old_generation_mb * kMb));
  }
  if (limits_.code_range_mb > 0) {
    params.constraints.set_code_range_size_in_bytes(
        static_cast<size_t>(limits_.code_range_mb * kMb));
  }
  // JS may use the thread's stack down to this address.
  char here;
  uintptr_t stack_size = static_cast<uintptr_t>(limits_.stack_mb * kMb);
  params.constraints.set_stack_limit(reinterpret_cast<uint32_t*>(
      reinterpret_cast<uintptr_t>(&here) - (stack_size - kStackBufferBytes)));

  v8::Isolate* isolate = v8::Isolate::Allocate();
  GetLoopPlatform()->RegisterIsolate(isolate);
  v8::Isolate::Initialize(isolate, params);
  isolate->AddNearHeapLimitCallback(NearHeapLimit, this);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    isolate_ = isolate;
    stop_async_ = &stop_async;
    if (stop_requested_.load()) isolate->TerminateExecution();
  }

  {
    v8::Isolate::Scope isolate_scope(isolate);
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = v8::Context::New(isolate);
    v8::Context::Scope context_scope(context);
    v8::Local<v8::Object> hooks;
    bool booted;
    if (params.snapshot_blob != nullptr) {
      booted = context->GetDataFromSnapshotOnce<v8::Object>(0).ToLocal(&hooks);
    } else {
      isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
      v8::TryCatch try_catch(isolate);
      booted = EvaluateStdlib(context, /*eager=*/false).ToLocal(&hooks);
    }
    if (!booted) {
      if (!stop_requested_.load()) {
        fprintf(stderr, "jspack: internal error: a worker failed to boot\n");
      }
      exit_code_ = 1;
    } else {
      Runtime runtime(isolate, context, hooks, info_, &loop, this);
      runtime_ = &runtime;
      if (stop_requested_.load()) runtime.RequestStop(1);
      // The boot value is read by the stdlib's runWorker through the
      // worker binding (TakeBootMessage): ports in it need the bindings.
      exit_code_ = runtime.RunWorker(v8::Undefined(isolate));
      if (out_of_memory_) exit_code_ = 1;
      // Teardown: bindings close their handles (ports tell their peers),
      // then the loop runs until every close callback has run.
      runtime.RunCleanupHooks();
      uv_run(&loop, UV_RUN_DEFAULT);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        runtime_ = nullptr;
      }
    }
    // Drop the ends nobody took, so their peers see 'close'.
    child_port_.reset();
    child_control_.reset();
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    isolate_ = nullptr;
    stop_async_ = nullptr;
  }
  uv_close(reinterpret_cast<uv_handle_t*>(&stop_async), nullptr);
  uv_run(&loop, UV_RUN_DEFAULT);
  // A handle some binding did not close (no cleanup hook) keeps the loop
  // busy: leave it, and the isolate's memory, rather than free what a
  // callback could still reach.
  if (uv_loop_close(&loop) != 0) {
    DebugLog("worker %d: loop still had handles at exit", thread_id_);
    return;
  }
  GetLoopPlatform()->UnregisterIsolate(isolate);
  isolate->Dispose();
}

}  // namespace jspack::runtime
