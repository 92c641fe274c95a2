// The per-process runtime: one isolate, one context, the libuv loop, and the
// hooks the stdlib hands to C++ (run the app, run timers, drain ticks, report
// uncaught errors).
#pragma once

#include <uv.h>
#include <v8.h>

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jspack::runtime {

class ModuleLoader;
class WorkerThread;

// Context embedder data slot holding the Runtime*. Set after boot only: it is
// never in a snapshot.
constexpr int kRuntimeEmbedderIndex = 2;

// Names of the functions on the object the stdlib bootstrap returns; C++
// calls into JS only through these. Order matches kHookNames in runtime.cc.
enum class Hook {
  kRunMain,
  kProcessTicksAndRejections,
  kProcessTimers,
  kProcessImmediate,
  kPromiseRejectHandler,
  kFatalException,
  kEmitBeforeExit,
  kEmitExit,
  kPrepareStackTrace,
  kImportBuiltin,
  kRunWorker,
  kStartInitializedApp,
  kCount
};

// What this run is about: filled before boot, read by the stdlib after it.
struct RunInfo {
  std::string exec_path;              // absolute path of this executable
  std::string entry_path;             // argv[1] for the app
  std::vector<std::string> app_args;  // argv[2...]
  bool debug = false;                 // JSPACK_DEBUG=1
  // Reads the app's source map (JSON) when a stack trace first needs it;
  // empty when there is none.
  std::function<std::string()> load_source_map;
  // The bundle is an ES module (top-level await), run from source.
  bool bundle_is_module = false;
  // The app was packed with --build-snapshot, but its snapshot cannot be
  // used (another libnode made it): the bundle's main runs now as it did at
  // pack time, then, once the loop is empty, the deserialize main function.
  bool initialize_app = false;
  // How this run was started: "app" (a bundle: a packed app or `jspack
  // run`), or the node-compatible command of a bare runtime (main.cc):
  // "file" (`jspack-runtime file.js`), "eval" (-e/-p), "stdin" (the script
  // is read from standard input), "check" (-c: syntax only).
  std::string mode = "app";
  std::string eval_source;  // the -e/-p code
  std::string argv0;        // argv[0] as the caller gave it
  // The node options before the script, as given (process.execArgv), and
  // parsed into [name, value] pairs (NODE_OPTIONS' first) for the stdlib.
  std::vector<std::string> exec_argv;
  std::vector<std::pair<std::string, std::string>> node_options;
};

v8::Local<v8::String> OneByteString(v8::Isolate* isolate, const char* s);
v8::MaybeLocal<v8::String> Utf8String(v8::Isolate* isolate, std::string_view s);
std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value);

// Prints "[jspack] ..." to stderr when JSPACK_DEBUG=1.
void DebugLog(const char* format, ...) __attribute__((format(printf, 1, 2)));
bool DebugEnabled();
// Under JSPACK_DEBUG=1, prints "[jspack] time: <phase> at <ms> ms" since
// the first call (made at the top of main).
void DebugTime(const char* phase);

// `jspack --build-snapshot` (snapshot.cc): while tracking is on, every JS
// object whose internal field points at native memory is recorded with what
// it is ("Hash", "MessagePort"), so that the snapshot builder can name the
// ones still reachable when the heap is saved (it refuses those).
void StartNativeObjectTracking();
// After a full GC: what each recorded object that is still alive and still
// points at native memory is, one entry per object.
std::vector<std::string> ReachableNativeObjects();
// Drops the records (their handles must not be in a snapshot).
void StopNativeObjectTracking();
// Records `object` (a no-op unless tracking is on).
void TrackNativeObject(v8::Isolate* isolate, v8::Local<v8::Object> object,
                       const char* what);

class Runtime {
 public:
  // The main thread's runtime drives uv_default_loop(). A worker's runtime
  // (worker_threads) gets the loop of its own thread and its WorkerThread.
  Runtime(v8::Isolate* isolate, v8::Local<v8::Context> context,
          v8::Local<v8::Object> hooks, RunInfo info,
          uv_loop_t* loop = nullptr, WorkerThread* worker = nullptr);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  static Runtime* From(v8::Local<v8::Context> context);
  static Runtime* From(const v8::FunctionCallbackInfo<v8::Value>& args) {
    return From(args.GetIsolate()->GetCurrentContext());
  }

  // Runs the app to completion (main, loop, beforeExit, exit) and returns the
  // process exit code. `bundle_source` is compiled and run when the app is
  // not in the snapshot (nullptr when it is).
  int Run(const std::string* bundle_source);
  // A worker's run: the stdlib's runWorker hook gets `boot` (it never runs
  // the app's main), then the loop runs until empty or stopped. Returns the
  // worker's exit code.
  int RunWorker(v8::Local<v8::Value> boot);
  // `jspack --build-snapshot`: calls `build_app` (the stdlib's buildApp,
  // which runs the app's main), then runs the loop until it is empty and
  // 'beforeExit' added nothing, as Node's --build-snapshot does. No 'exit'.
  void RunForSnapshot(v8::Local<v8::Function> build_app);
  // Replaces what Exit does (the snapshot builder reports the exit as a
  // failed build); the handler must not return.
  void set_exit_handler(std::function<void(int)> handler) {
    exit_handler_ = std::move(handler);
  }

  // Calls `fn` from the event loop the way Node's MakeCallback does: an
  // exception goes to the stdlib's uncaught-exception handling, and the tick
  // queue and microtasks are drained afterwards. Returns false if it threw.
  bool MakeCallback(v8::Local<v8::Function> fn, int argc,
                    v8::Local<v8::Value>* argv,
                    v8::Local<v8::Value>* result = nullptr);
  bool CallHook(Hook hook, int argc, v8::Local<v8::Value>* argv,
                v8::Local<v8::Value>* result = nullptr);
  // MakeCallback in two halves, for native code that calls JS several times
  // for one event (an HTTP parser over one read): each call's exception goes
  // to the stdlib's uncaught handling (false if it threw), and DrainTicks
  // runs the tick queue and microtasks once the event is done. The receiver
  // is undefined when not given.
  bool CallReportingErrors(v8::Local<v8::Function> fn, int argc,
                           v8::Local<v8::Value>* argv,
                           v8::Local<v8::Value>* result,
                           v8::Local<v8::Value> receiver = {});
  void DrainTicks();

  // Flushes nothing (stdio writes are synchronous) and ends the process now.
  // In a worker it ends only the worker: JS execution is terminated, the
  // loop stops, and the thread unwinds to its teardown; this returns.
  void Exit(int code);
  // A worker's runtime that is stopping: no more JS may run.
  // (Also true once the parent asked the worker to terminate.)
  bool Stopping() const;
  // Called (from any thread, via the WorkerThread) to stop a worker.
  void RequestStop(int code);
  WorkerThread* worker() const { return worker_; }
  bool is_main_thread() const { return worker_ == nullptr; }

  // State a binding keeps per runtime rather than per process (a worker
  // thread has its own runtime): V8 values under a key.
  v8::Local<v8::Value> binding_data(const std::string& key) const;
  void set_binding_data(const std::string& key, v8::Local<v8::Value> value);
  // A new JS handle for a native object: an object with one internal field,
  // from a constructor made on first use and kept under `key` (named
  // `class_name` when given). HandlePointer (binding.h) reads it back.
  v8::MaybeLocal<v8::Object> NewHandleObject(const char* key,
                                             const char* class_name = nullptr);

  // Cleanup hooks run (last added first) when a worker's runtime is torn
  // down, so bindings close their handles before the loop and isolate go.
  using CleanupHook = void (*)(void* arg);
  void AddCleanupHook(CleanupHook hook, void* arg);
  void RemoveCleanupHook(CleanupHook hook, void* arg);
  void RunCleanupHooks();

  v8::Local<v8::Function> hook(Hook h) const;
  ModuleLoader* modules() const { return modules_.get(); }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_.Get(isolate_); }
  uv_loop_t* loop() const { return loop_; }
  const RunInfo& info() const { return info_; }
  uint64_t start_time_ns() const { return start_time_ns_; }
  // When the event loop first ran (after the main module), 0 before that.
  uint64_t loop_start_ns() const { return loop_start_ns_; }

  // Timers and immediates (driven by bindings/timers.cc).
  void ScheduleTimer(int64_t delay_ms);
  void ToggleTimerRef(bool ref);
  void SetImmediateInfo(uint32_t count, uint32_t ref_count);

 private:
  static void OnTimer(uv_timer_t* handle);
  static void OnCheck(uv_check_t* handle);
  static void OnPromiseReject(v8::PromiseRejectMessage message);
  // After V8's foreground tasks ran (platform.h): their microtasks and ticks.
  static void AfterPlatformTasks(void* runtime);
  // An exception V8 reports itself (a FinalizationRegistry callback threw).
  static void OnMessage(v8::Local<v8::Message> message,
                        v8::Local<v8::Value> exception);
  static v8::MaybeLocal<v8::Value> PrepareStackTrace(
      v8::Local<v8::Context> context, v8::Local<v8::Value> error,
      v8::Local<v8::Array> sites);
  void HandleTimerResult(v8::Local<v8::Value> next);
  void ReportUncaught(const v8::TryCatch& try_catch);
  void ReportUncaught(v8::Local<v8::Value> exception,
                      v8::Local<v8::Message> message);
  std::string ThrowSite(v8::Local<v8::Message> message);

  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  std::array<v8::Global<v8::Function>, static_cast<size_t>(Hook::kCount)>
      hooks_;
  RunInfo info_;
  uv_loop_t* loop_;
  uv_timer_t timer_;
  uv_check_t immediate_check_;
  uv_idle_t immediate_idle_;
  // Loop turns seen by the check phase, and the turn whose timers phase last
  // ran the timers (see OnTimer).
  uint64_t loop_turn_ = 0;
  uint64_t timers_turn_ = ~uint64_t{0};
  uint32_t immediate_count_ = 0;
  uint32_t immediate_ref_count_ = 0;
  uint64_t start_time_ns_;
  uint64_t loop_start_ns_ = 0;
  std::unique_ptr<ModuleLoader> modules_;
  // The stdlib's pendingQueues flags (ticks.js): [0] ticks queued, [1]
  // rejections to report. nullptr when the stdlib has none.
  std::shared_ptr<v8::BackingStore> pending_store_;
  const volatile uint8_t* pending_queues_ = nullptr;
  // Shared by Run and RunWorker: the loop, 'beforeExit', 'exit'.
  int RunLoopToExit();
  // The loop and 'beforeExit' until nothing is left; false if stopping.
  bool RunLoopUntilEmpty();
  std::function<void(int)> exit_handler_;

  WorkerThread* worker_ = nullptr;
  bool stopping_ = false;
  // Exit code of a stopped worker; terminate() gives 1, as in Node.
  int stop_code_ = 1;
  std::vector<std::pair<std::string, v8::Global<v8::Value>>> binding_data_;
  std::vector<std::pair<CleanupHook, void*>> cleanup_hooks_;
};

}  // namespace jspack::runtime
