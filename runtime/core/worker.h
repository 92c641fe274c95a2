// WorkerThread: a worker_threads Worker's native side. Its own thread, libuv
// loop, isolate and Runtime, booted from the same snapshot blob as the main
// thread (so it starts in milliseconds), talking to its parent through two
// message port pairs (the public one behind parentPort / worker.postMessage,
// and a control one for 'online', errors and the like).
#pragma once

#include <uv.h>
#include <v8.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/core/message.h"
#include "runtime/core/runtime.h"
#include "runtime/core/worker_port.h"

namespace jspack::runtime {

// What this process booted from: BootAndRun records it, workers boot from
// the same blob (empty: from the stdlib source). A worker asked to run the
// app's own entry file runs the app: its compiled main from the app
// snapshot, or else `bundle`. Everything lives for the whole process.
struct ProcessBoot {
  const std::string* blob = nullptr;
  const std::string* bundle = nullptr;  // nullptr: the app is in the blob
  bool bundle_is_module = false;
  std::string app_entry;  // the main thread's process.argv[1]
  bool app_mode = false;  // the main thread runs an app (RunInfo "app")
};
void SetProcessBoot(const ProcessBoot& boot);
const ProcessBoot& GetProcessBoot();

// The allocator every isolate of the process shares: an ArrayBuffer moved
// from a worker to its parent is freed by the parent's heap, possibly after
// the worker's isolate is gone.
v8::ArrayBuffer::Allocator* SharedArrayBufferAllocator();

// True once any worker thread was started: the process then ends with
// _exit, since static destructors must not run under live threads.
bool AnyWorkerStarted();

// V8 heap limits from the Worker's resourceLimits option; 0 keeps V8's
// default for that field.
struct WorkerLimits {
  double max_young_generation_mb = 0;
  double max_old_generation_mb = 0;
  double code_range_mb = 0;
  double stack_mb = 4;
};

class WorkerThread {
 public:
  // `on_exit` runs on the worker thread when it has finished (its isolate is
  // gone); it must only wake the parent (uv_async_send).
  WorkerThread(RunInfo info, WorkerLimits limits,
               std::unique_ptr<Message> boot_message,
               std::function<void()> on_exit);
  ~WorkerThread();
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;

  // Process-unique id (node's threadId); the main thread is 0.
  int thread_id() const { return thread_id_; }

  // The parent's ends of the two channels (taken once, by the binding).
  std::shared_ptr<PortData> TakeParentPort() { return std::move(parent_port_); }
  std::shared_ptr<PortData> TakeParentControl() {
    return std::move(parent_control_);
  }
  // The worker's ends, taken by its stdlib at boot.
  std::shared_ptr<PortData> TakeChildPort() { return std::move(child_port_); }
  std::shared_ptr<PortData> TakeChildControl() {
    return std::move(child_control_);
  }
  // The boot value (filename or code, workerData, env...), read once by the
  // worker's stdlib.
  std::unique_ptr<Message> TakeBootMessage() { return std::move(boot_); }

  // Starts the thread; false with a libuv error code in *err if it could
  // not be created.
  bool Start(int* err);
  // Asks the worker to stop (from the parent's thread): its JS is
  // terminated and its loop stopped. Safe at any point of its life.
  void Terminate();
  // Waits for the thread to end (after on_exit ran, this is immediate).
  void Join();

  bool stop_requested() const { return stop_requested_.load(); }
  int exit_code() const { return exit_code_; }
  // The worker reached its heap limit (ERR_WORKER_OUT_OF_MEMORY).
  bool out_of_memory() const { return out_of_memory_; }
  const WorkerLimits& limits() const { return limits_; }

 private:
  static void ThreadMain(void* arg);
  void Run();
  static size_t NearHeapLimit(void* data, size_t current, size_t initial);

  RunInfo info_;
  WorkerLimits limits_;
  std::unique_ptr<Message> boot_;
  std::function<void()> on_exit_;
  int thread_id_;
  std::shared_ptr<PortData> parent_port_, child_port_;
  std::shared_ptr<PortData> parent_control_, child_control_;

  uv_thread_t thread_;
  bool started_ = false;
  bool joined_ = false;
  std::atomic<bool> stop_requested_{false};
  int exit_code_ = 0;
  bool out_of_memory_ = false;

  // Guards isolate_ and stop_async_ against Terminate from the parent.
  std::mutex mutex_;
  v8::Isolate* isolate_ = nullptr;
  uv_async_t* stop_async_ = nullptr;
  Runtime* runtime_ = nullptr;  // the worker's, on its thread only
};

}  // namespace jspack::runtime
