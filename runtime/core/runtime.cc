// The per-process runtime: drives the app through the libuv loop and calls
// into the stdlib's hooks the way Node's MakeCallback does.
#include "runtime/core/runtime.h"

#include <unistd.h>

#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "runtime/core/modules.h"
#include "runtime/core/platform.h"
#include "runtime/core/worker.h"

namespace jspack::runtime {

namespace {

// Property names on the stdlib's hooks object, in Hook order.
constexpr const char* kHookNames[] = {
    "runMain",
    "processTicksAndRejections",
    "processTimers",
    "processImmediate",
    "promiseRejectHandler",
    "fatalException",
    "emitBeforeExit",
    "emitExit",
    "prepareStackTrace",
    "importBuiltin",
    "runWorker",
    "startInitializedApp",
};
static_assert(sizeof(kHookNames) / sizeof(kHookNames[0]) ==
              static_cast<size_t>(Hook::kCount));

// Prints an exception that the stdlib could not handle itself (its own
// handler threw), without running any more JS than ToString.
void PrintRawException(v8::Isolate* isolate, v8::Local<v8::Value> exception,
                       const char* what) {
  v8::TryCatch try_catch(isolate);
  std::string text = ToUtf8(isolate, exception);
  if (exception->IsObject()) {
    v8::Local<v8::Value> stack;
    if (exception.As<v8::Object>()
            ->Get(isolate->GetCurrentContext(), OneByteString(isolate, "stack"))
            .ToLocal(&stack) &&
        stack->IsString()) {
      text = ToUtf8(isolate, stack);
    }
  }
  fprintf(stderr, "%s\n%s\n", what, text.c_str());
}

}  // namespace

v8::Local<v8::String> OneByteString(v8::Isolate* isolate, const char* s) {
  return v8::String::NewFromOneByte(isolate,
                                    reinterpret_cast<const uint8_t*>(s))
      .ToLocalChecked();
}

v8::MaybeLocal<v8::String> Utf8String(v8::Isolate* isolate,
                                      std::string_view s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()));
}

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  if (*utf8 == nullptr) return "<exception while converting to string>";
  return std::string(*utf8, utf8.length());
}

bool DebugEnabled() {
  static const bool enabled = [] {
    const char* v = getenv("JSPACK_DEBUG");
    return v != nullptr && *v != '\0' && strcmp(v, "0") != 0;
  }();
  return enabled;
}

void DebugLog(const char* format, ...) {
  if (!DebugEnabled()) return;
  char buf[1024];
  va_list ap;
  va_start(ap, format);
  vsnprintf(buf, sizeof(buf), format, ap);
  va_end(ap);
  fprintf(stderr, "[jspack] %s\n", buf);
}

void DebugTime(const char* phase) {
  if (!DebugEnabled()) return;
  static const uint64_t start = uv_hrtime();
  DebugLog("time: %s at %.2f ms", phase,
           static_cast<double>(uv_hrtime() - start) / 1e6);
}

namespace {

struct TrackedObject {
  v8::Global<v8::Object> object;
  const char* what;
};
bool tracking_native_objects = false;
std::vector<TrackedObject>& TrackedObjects() {
  static std::vector<TrackedObject> objects;
  return objects;
}

}  // namespace

void StartNativeObjectTracking() { tracking_native_objects = true; }

void TrackNativeObject(v8::Isolate* isolate, v8::Local<v8::Object> object,
                       const char* what) {
  if (!tracking_native_objects) return;
  TrackedObjects().push_back({v8::Global<v8::Object>(isolate, object), what});
  // Phantom: the record does not keep the object alive.
  TrackedObjects().back().object.SetWeak();
}

std::vector<std::string> ReachableNativeObjects() {
  std::vector<std::string> out;
  for (TrackedObject& tracked : TrackedObjects()) {
    if (tracked.object.IsEmpty()) continue;
    v8::Isolate* isolate = v8::Isolate::GetCurrent();
    v8::HandleScope scope(isolate);
    v8::Local<v8::Object> object = tracked.object.Get(isolate);
    if (object->InternalFieldCount() < 1 ||
        object->GetAlignedPointerFromInternalField(0) == nullptr) {
      continue;
    }
    out.push_back(tracked.what);
  }
  return out;
}

void StopNativeObjectTracking() {
  tracking_native_objects = false;
  TrackedObjects().clear();
}

Runtime::Runtime(v8::Isolate* isolate, v8::Local<v8::Context> context,
                 v8::Local<v8::Object> hooks, RunInfo info,
                 uv_loop_t* loop, WorkerThread* worker)
    : isolate_(isolate),
      context_(isolate, context),
      info_(std::move(info)),
      loop_(loop != nullptr ? loop : uv_default_loop()),
      start_time_ns_(uv_hrtime()),
      worker_(worker) {
  context->SetAlignedPointerInEmbedderData(kRuntimeEmbedderIndex, this);
  for (size_t i = 0; i < hooks_.size(); ++i) {
    v8::Local<v8::Value> fn =
        hooks->Get(context, OneByteString(isolate, kHookNames[i]))
            .ToLocalChecked();
    if (!fn->IsFunction()) {
      fprintf(stderr, "jspack: internal error: stdlib hook '%s' is missing\n",
              kHookNames[i]);
      abort();
    }
    hooks_[i].Reset(isolate, fn.As<v8::Function>());
  }
  v8::Local<v8::Value> pending;
  if (hooks->Get(context, OneByteString(isolate, "pendingQueues"))
          .ToLocal(&pending) &&
      pending->IsUint8Array() &&
      pending.As<v8::Uint8Array>()->ByteLength() >= 2) {
    v8::Local<v8::Uint8Array> flags = pending.As<v8::Uint8Array>();
    pending_store_ = flags->Buffer()->GetBackingStore();
    pending_queues_ = static_cast<const uint8_t*>(pending_store_->Data()) +
                      flags->ByteOffset();
  }
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetPromiseRejectCallback(OnPromiseReject);
  isolate->SetPrepareStackTraceCallback(PrepareStackTrace);
  modules_ = std::make_unique<ModuleLoader>(this);
  ModuleLoader::InstallIsolateHooks(isolate);

  uv_timer_init(loop_, &timer_);
  timer_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
  // The check handle runs immediates once per loop turn; it never keeps the
  // loop alive by itself: the idle handle does while ref'd immediates wait.
  uv_check_init(loop_, &immediate_check_);
  immediate_check_.data = this;
  uv_check_start(&immediate_check_, OnCheck);
  uv_unref(reinterpret_cast<uv_handle_t*>(&immediate_check_));
  uv_idle_init(loop_, &immediate_idle_);
  immediate_idle_.data = this;
  // performance.eventLoopUtilization() reads the loop's idle time.
  uv_loop_configure(loop_, UV_METRICS_IDLE_TIME);
  isolate->AddMessageListenerWithErrorLevel(OnMessage,
                                            v8::Isolate::kMessageError);
  GetLoopPlatform()->AttachLoop(isolate, loop_, AfterPlatformTasks, this);
}

Runtime::~Runtime() {
  // Processes end with _exit; only tests and workers destroy a Runtime, and
  // the loop they share must not keep pointers to handles that die with it.
  // Bindings close their handles first (cleanup hooks); no JS runs now.
  stopping_ = true;
  RunCleanupHooks();
  GetLoopPlatform()->DetachLoop(isolate_);
  isolate_->RemoveMessageListeners(OnMessage);
  uv_close(reinterpret_cast<uv_handle_t*>(&timer_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&immediate_check_), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&immediate_idle_), nullptr);
  uv_run(loop_, UV_RUN_NOWAIT);
  binding_data_.clear();
  v8::HandleScope handle_scope(isolate_);
  context()->SetAlignedPointerInEmbedderData(kRuntimeEmbedderIndex, nullptr);
}

Runtime* Runtime::From(v8::Local<v8::Context> context) {
  return static_cast<Runtime*>(
      context->GetAlignedPointerFromEmbedderData(kRuntimeEmbedderIndex));
}

v8::Local<v8::Function> Runtime::hook(Hook h) const {
  return hooks_[static_cast<size_t>(h)].Get(isolate_);
}

int Runtime::Run(const std::string* bundle_source) {
  v8::HandleScope handle_scope(isolate_);
  v8::Context::Scope context_scope(context());

  v8::Local<v8::Value> source = v8::Undefined(isolate_);
  if (bundle_source != nullptr) {
    v8::Local<v8::String> s;
    if (!Utf8String(isolate_, *bundle_source).ToLocal(&s)) {
      fprintf(stderr, "jspack: the app's bundle is too large for V8\n");
      return 1;
    }
    source = s;
  }
  v8::Local<v8::Value> argv[] = {
      source, v8::Boolean::New(isolate_, info_.bundle_is_module),
      v8::Undefined(isolate_),
      v8::Boolean::New(isolate_, info_.initialize_app)};
  CallHook(Hook::kRunMain, 4, argv);
  DebugTime("main module ran");
  if (info_.initialize_app) {
    loop_start_ns_ = uv_hrtime();
    if (!RunLoopUntilEmpty()) return stop_code_;
    CallHook(Hook::kStartInitializedApp, 0, nullptr);
  }
  return RunLoopToExit();
}

int Runtime::RunWorker(v8::Local<v8::Value> boot) {
  v8::HandleScope handle_scope(isolate_);
  v8::Context::Scope context_scope(context());
  v8::Local<v8::Value> argv[] = {boot};
  if (!stopping_) CallHook(Hook::kRunWorker, 1, argv);
  return RunLoopToExit();
}

void Runtime::RunForSnapshot(v8::Local<v8::Function> build_app) {
  v8::HandleScope handle_scope(isolate_);
  v8::Context::Scope context_scope(context());
  MakeCallback(build_app, 0, nullptr);
  loop_start_ns_ = uv_hrtime();
  RunLoopUntilEmpty();
}

bool Runtime::RunLoopUntilEmpty() {
  // Like Node: run the loop until it is empty, emit 'beforeExit', and go on
  // if a listener scheduled more work. A stopping worker skips the events:
  // its JS can no longer run.
  for (;;) {
    if (Stopping()) return false;
    uv_run(loop_, UV_RUN_DEFAULT);
    if (Stopping()) return false;
    // V8 work still in flight (an async WebAssembly compile) finishes
    // before the process decides it has nothing left to do.
    GetLoopPlatform()->DrainTasks(isolate_);
    if (Stopping()) return false;
    if (uv_loop_alive(loop_)) continue;
    CallHook(Hook::kEmitBeforeExit, 0, nullptr);
    if (Stopping()) return false;
    if (!uv_loop_alive(loop_)) return true;
  }
}

int Runtime::RunLoopToExit() {
  loop_start_ns_ = uv_hrtime();
  if (!RunLoopUntilEmpty()) return stop_code_;
  v8::Local<v8::Value> code;
  if (!CallHook(Hook::kEmitExit, 0, nullptr, &code)) {
    return Stopping() ? stop_code_ : 7;
  }
  if (Stopping()) return stop_code_;
  DebugTime("loop done, exit emitted");
  return code->Int32Value(context()).FromMaybe(1);
}

bool Runtime::CallReportingErrors(v8::Local<v8::Function> fn, int argc,
                                  v8::Local<v8::Value>* argv,
                                  v8::Local<v8::Value>* result,
                                  v8::Local<v8::Value> receiver) {
  // V8 forgets a termination once the stack has unwound; a stopping
  // worker must not start JS again from a later callback of the loop turn.
  if (Stopping()) return false;
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Value> ret;
  if (receiver.IsEmpty()) receiver = v8::Undefined(isolate_);
  if (!fn->Call(context(), receiver, argc, argv).ToLocal(&ret)) {
    ReportUncaught(try_catch);
    return false;
  }
  if (result != nullptr) *result = ret;
  return true;
}

bool Runtime::MakeCallback(v8::Local<v8::Function> fn, int argc,
                           v8::Local<v8::Value>* argv,
                           v8::Local<v8::Value>* result) {
  bool ok = CallReportingErrors(fn, argc, argv, result);
  DrainTicks();
  return ok;
}

bool Runtime::CallHook(Hook h, int argc, v8::Local<v8::Value>* argv,
                       v8::Local<v8::Value>* result) {
  return MakeCallback(hook(h), argc, argv, result);
}

void Runtime::DrainTicks() {
  // Most callbacks queue no tick and leave no rejection: the microtasks they
  // queued run here, and the JS drain runs only if those queued more.
  if (pending_queues_ != nullptr && pending_queues_[0] == 0 &&
      pending_queues_[1] == 0) {
    if (Stopping()) return;
    isolate_->PerformMicrotaskCheckpoint();
    if (pending_queues_[0] == 0 && pending_queues_[1] == 0) return;
  }
  v8::Local<v8::Function> fn = hook(Hook::kProcessTicksAndRejections);
  for (;;) {
    if (Stopping()) return;
    v8::TryCatch try_catch(isolate_);
    if (!fn->Call(context(), v8::Undefined(isolate_), 0, nullptr).IsEmpty()) {
      return;
    }
    if (try_catch.HasTerminated()) return;
    // A tick callback threw; the rest of the queue runs after the error was
    // handled (or the process has exited).
    ReportUncaught(try_catch);
  }
}

// Node's "arrow": the file and line an uncaught error was thrown at, the
// source line and carets under the throw, for code of the app's own (not
// the stdlib's, not a minified line). "" when there is none.
std::string Runtime::ThrowSite(v8::Local<v8::Message> message) {
  if (message.IsEmpty()) return "";
  v8::Local<v8::Context> ctx = context();
  std::string name = ToUtf8(isolate_, message->GetScriptResourceName());
  if (name.empty() || name.rfind("node:", 0) == 0) return "";
  v8::Local<v8::String> line_text;
  int line = message->GetLineNumber(ctx).FromMaybe(0);
  int start = message->GetStartColumn(ctx).FromMaybe(-1);
  int end = message->GetEndColumn(ctx).FromMaybe(-1);
  if (line <= 0 || start < 0 ||
      !message->GetSourceLine(ctx).ToLocal(&line_text)) {
    return "";
  }
  std::string source = ToUtf8(isolate_, line_text);
  if (source.size() > 300) return "";
  // Tabs before the throw stay tabs, so the carets line up.
  std::string marks;
  for (int i = 0; i < start; ++i) {
    marks.push_back(i < static_cast<int>(source.size()) && source[i] == '\t'
                        ? '\t'
                        : ' ');
  }
  marks.append(static_cast<size_t>(end > start ? end - start : 1), '^');
  return name + ":" + std::to_string(line) + "\n" + source + "\n" + marks +
         "\n";
}

void Runtime::ReportUncaught(const v8::TryCatch& try_catch) {
  if (!try_catch.HasCaught()) return;
  // A stopping worker's JS was terminated: nothing to report.
  if (try_catch.HasTerminated()) return;
  ReportUncaught(try_catch.Exception(), try_catch.Message());
}

void Runtime::ReportUncaught(v8::Local<v8::Value> exception,
                             v8::Local<v8::Message> message) {
  if (Stopping()) return;
  std::string site = ThrowSite(message);
  v8::TryCatch inner(isolate_);
  v8::Local<v8::Value> argv[] = {
      exception, Utf8String(isolate_, site).ToLocalChecked()};
  if (hook(Hook::kFatalException)
          ->Call(context(), v8::Undefined(isolate_), 2, argv)
          .IsEmpty()) {
    // Node exits with 7 when the uncaught-exception handler itself throws.
    PrintRawException(isolate_, inner.Exception(),
                      "Error in the uncaught exception handler:");
    Exit(7);
  }
}

void Runtime::AfterPlatformTasks(void* data) {
  auto* runtime = static_cast<Runtime*>(data);
  v8::HandleScope handle_scope(runtime->isolate_);
  v8::Context::Scope context_scope(runtime->context());
  runtime->DrainTicks();
}

void Runtime::OnMessage(v8::Local<v8::Message> message,
                        v8::Local<v8::Value> exception) {
  v8::Isolate* isolate = message->GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (context.IsEmpty()) return;
  Runtime* runtime = From(context);
  if (runtime == nullptr) return;
  runtime->ReportUncaught(exception, message);
}

void Runtime::Exit(int code) {
  if (exit_handler_) {
    exit_handler_(code);
    return;
  }
  if (worker_ != nullptr) {
    RequestStop(code);
    return;
  }
  DebugTime("exit");
  fflush(stdout);
  fflush(stderr);
  _exit(code);
}

bool Runtime::Stopping() const {
  return stopping_ || (worker_ != nullptr && worker_->stop_requested());
}

void Runtime::RequestStop(int code) {
  // On the worker's own thread (process.exit, an uncaught error); a stop
  // from the parent comes through WorkerThread::Terminate, which also ends
  // up here on this thread.
  if (stopping_) return;
  stopping_ = true;
  stop_code_ = code;
  isolate_->TerminateExecution();
  uv_stop(loop_);
}

v8::Local<v8::Value> Runtime::binding_data(const std::string& key) const {
  for (const auto& entry : binding_data_) {
    if (entry.first == key) return entry.second.Get(isolate_);
  }
  return v8::Local<v8::Value>();
}

void Runtime::set_binding_data(const std::string& key,
                               v8::Local<v8::Value> value) {
  for (auto& entry : binding_data_) {
    if (entry.first == key) {
      entry.second.Reset(isolate_, value);
      return;
    }
  }
  binding_data_.emplace_back(key, v8::Global<v8::Value>(isolate_, value));
}

v8::MaybeLocal<v8::Object> Runtime::NewHandleObject(const char* key,
                                                    const char* class_name) {
  v8::Local<v8::Context> context = this->context();
  v8::Local<v8::Value> maker = binding_data(key);
  if (maker.IsEmpty() || !maker->IsFunction()) {
    v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate_);
    if (class_name != nullptr) {
      tmpl->SetClassName(OneByteString(isolate_, class_name));
    }
    tmpl->InstanceTemplate()->SetInternalFieldCount(1);
    v8::Local<v8::Function> fn;
    if (!tmpl->GetFunction(context).ToLocal(&fn)) return {};
    set_binding_data(key, fn);
    maker = fn;
  }
  v8::Local<v8::Object> object;
  if (!maker.As<v8::Function>()->NewInstance(context).ToLocal(&object)) {
    return {};
  }
  TrackNativeObject(isolate_, object, class_name != nullptr ? class_name : key);
  return object;
}

void Runtime::AddCleanupHook(CleanupHook hook, void* arg) {
  cleanup_hooks_.emplace_back(hook, arg);
}

void Runtime::RemoveCleanupHook(CleanupHook hook, void* arg) {
  for (auto it = cleanup_hooks_.begin(); it != cleanup_hooks_.end(); ++it) {
    if (it->first == hook && it->second == arg) {
      cleanup_hooks_.erase(it);
      return;
    }
  }
}

void Runtime::RunCleanupHooks() {
  // A hook may remove itself (or others) while it runs.
  while (!cleanup_hooks_.empty()) {
    auto [hook, arg] = cleanup_hooks_.back();
    cleanup_hooks_.pop_back();
    hook(arg);
  }
}

void Runtime::OnPromiseReject(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate* isolate = promise->GetIsolate();
  int type;
  v8::Local<v8::Value> reason = v8::Undefined(isolate);
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler:
      type = 0;
      reason = message.GetValue();
      break;
    case v8::kPromiseHandlerAddedAfterReject:
      type = 1;
      break;
    default:
      return;  // Node's deprecated 'multipleResolves' is not emitted.
  }
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  Runtime* runtime = From(context);
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, type), promise,
                                 reason};
  // The handler only records the event; it cannot usefully fail, and an
  // exception must not escape into the promise machinery.
  v8::TryCatch try_catch(isolate);
  if (runtime->hook(Hook::kPromiseRejectHandler)
          ->Call(context, v8::Undefined(isolate), 3, argv)
          .IsEmpty()) {
    DebugLog("promise reject handler threw");
  }
}

// error.stack is formatted by the stdlib, which maps the app's frames back
// to its sources through the source map.
v8::MaybeLocal<v8::Value> Runtime::PrepareStackTrace(
    v8::Local<v8::Context> context, v8::Local<v8::Value> error,
    v8::Local<v8::Array> sites) {
  Runtime* runtime = From(context);
  v8::Local<v8::Value> argv[] = {error, sites};
  return runtime->hook(Hook::kPrepareStackTrace)
      ->Call(context, v8::Undefined(context->GetIsolate()), 2, argv);
}

void Runtime::ScheduleTimer(int64_t delay_ms) {
  uv_timer_start(&timer_, OnTimer, delay_ms < 1 ? 1 : delay_ms, 0);
}

void Runtime::ToggleTimerRef(bool ref) {
  if (ref) {
    uv_ref(reinterpret_cast<uv_handle_t*>(&timer_));
  } else {
    uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
  }
}

void Runtime::OnTimer(uv_timer_t* handle) {
  Runtime* self = static_cast<Runtime*>(handle->data);
  // libuv runs a timer again in the same timers phase when it was re-armed
  // for a time the loop clock has reached meanwhile (callbacks update the
  // clock). Timers run once per loop turn, as in Node, so that immediates
  // queued by a timer run before the timers it queued: defer to next turn.
  if (self->timers_turn_ == self->loop_turn_) {
    uv_timer_start(&self->timer_, OnTimer, 1, 0);
    return;
  }
  self->timers_turn_ = self->loop_turn_;
  v8::HandleScope handle_scope(self->isolate_);
  v8::Context::Scope context_scope(self->context());
  // Like Node: when a timer throws (and the process survives it), the other
  // due timers still run in this turn. Each call removes the timer that
  // threw, so this ends. The result is applied before ticks run: a tick may
  // add timers, and those re-arm the libuv timer themselves.
  v8::Local<v8::Function> process_timers = self->hook(Hook::kProcessTimers);
  v8::Local<v8::Value> next;
  // One `now` for the whole turn, retries included: a timer that a callback
  // of this turn created is never due in it, even when a later callback
  // threw and the rest of the due timers run in a second call.
  uv_update_time(self->loop_);
  v8::Local<v8::Value> argv[] = {v8::Number::New(
      self->isolate_, static_cast<double>(uv_now(self->loop_)))};
  while (!self->CallReportingErrors(process_timers, 1, argv, &next)) {
    if (self->Stopping()) return;
  }
  self->HandleTimerResult(next);
  self->DrainTicks();
}

// processTimers returns the next expiry in loop milliseconds: positive if
// that timer is ref'd, negative if unref'd, 0 if no timer is left.
void Runtime::HandleTimerResult(v8::Local<v8::Value> next) {
  double expiry = next->NumberValue(context()).FromMaybe(0);
  if (expiry == 0) {
    ToggleTimerRef(false);
    return;
  }
  double delay = std::fabs(expiry) - static_cast<double>(uv_now(loop_));
  ScheduleTimer(static_cast<int64_t>(delay));
  ToggleTimerRef(expiry > 0);
}

void Runtime::SetImmediateInfo(uint32_t count, uint32_t ref_count) {
  immediate_count_ = count;
  immediate_ref_count_ = ref_count;
  bool idle_active =
      uv_is_active(reinterpret_cast<uv_handle_t*>(&immediate_idle_));
  if (ref_count > 0 && !idle_active) {
    // An active idle handle keeps the loop from blocking in poll.
    uv_idle_start(&immediate_idle_, [](uv_idle_t*) {});
  } else if (ref_count == 0 && idle_active) {
    uv_idle_stop(&immediate_idle_);
  }
}

void Runtime::OnCheck(uv_check_t* handle) {
  Runtime* self = static_cast<Runtime*>(handle->data);
  self->loop_turn_++;
  if (self->immediate_count_ == 0) return;
  v8::HandleScope handle_scope(self->isolate_);
  v8::Context::Scope context_scope(self->context());
  self->CallHook(Hook::kProcessImmediate, 0, nullptr);
}

}  // namespace jspack::runtime
