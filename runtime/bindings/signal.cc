// signal: process signal listeners (libuv signal handles) and kill(2), behind
// process.on('SIGINT'), process.kill().
//
// One handle per watched signal number, made when JS starts watching it (at
// run time only, so none is ever in a snapshot) and closed when it stops.
// Handles are unref'd: as in Node, a signal listener alone does not keep the
// process alive.
#include <signal.h>
#include <uv.h>

#include <map>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::signal {
namespace {

using runtime::Runtime;

struct SignalWrap {
  uv_signal_t handle;
  Runtime* runtime;
  v8::Global<v8::Function> callback;
};

// signal number -> its watcher (one runtime per process).
std::map<int, SignalWrap*>& Watchers() {
  static std::map<int, SignalWrap*> watchers;
  return watchers;
}

void OnSignal(uv_signal_t* handle, int signum) {
  SignalWrap* wrap = static_cast<SignalWrap*>(handle->data);
  v8::Isolate* isolate = wrap->runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(wrap->runtime->context());
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, signum)};
  wrap->runtime->MakeCallback(wrap->callback.Get(isolate), 1, argv);
}

// start(signum, callback) -> 0 or a libuv error code. Replaces the callback
// when the signal is watched already.
void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32() && args[1]->IsFunction());
  int signum = args[0].As<v8::Int32>()->Value();
  v8::Isolate* isolate = args.GetIsolate();
  // As in Node, signals reach only the main thread: a worker's listeners
  // are kept by JS but never called (and the watcher map stays
  // single-threaded).
  if (!Runtime::From(args)->is_main_thread()) {
    args.GetReturnValue().Set(0);
    return;
  }
  auto& watchers = Watchers();
  auto found = watchers.find(signum);
  if (found != watchers.end()) {
    found->second->callback.Reset(isolate, args[1].As<v8::Function>());
    args.GetReturnValue().Set(0);
    return;
  }
  Runtime* runtime = Runtime::From(args);
  auto* wrap = new SignalWrap();
  wrap->runtime = runtime;
  wrap->callback.Reset(isolate, args[1].As<v8::Function>());
  uv_signal_init(runtime->loop(), &wrap->handle);
  wrap->handle.data = wrap;
  int err = uv_signal_start(&wrap->handle, OnSignal, signum);
  if (err != 0) {
    uv_close(reinterpret_cast<uv_handle_t*>(&wrap->handle),
             [](uv_handle_t* h) { delete static_cast<SignalWrap*>(h->data); });
    args.GetReturnValue().Set(err);
    return;
  }
  uv_unref(reinterpret_cast<uv_handle_t*>(&wrap->handle));
  watchers[signum] = wrap;
  args.GetReturnValue().Set(0);
}

// stop(signum): the signal gets its default action back.
void Stop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32());
  if (!Runtime::From(args)->is_main_thread()) return;
  auto& watchers = Watchers();
  auto found = watchers.find(args[0].As<v8::Int32>()->Value());
  if (found == watchers.end()) return;
  SignalWrap* wrap = found->second;
  watchers.erase(found);
  uv_signal_stop(&wrap->handle);
  wrap->callback.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&wrap->handle),
           [](uv_handle_t* h) { delete static_cast<SignalWrap*>(h->data); });
}

// kill(pid, signum) -> 0 or a libuv error code.
void Kill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32() && args[1]->IsInt32());
  args.GetReturnValue().Set(uv_kill(args[0].As<v8::Int32>()->Value(),
                                    args[1].As<v8::Int32>()->Value()));
}

constexpr runtime::Method kMethods[] = {
    {"start", Start},
    {"stop", Stop},
    {"kill", Kill},
};

}  // namespace

JSPACK_BINDING(signal, kMethods)

}  // namespace jspack::bindings::signal
