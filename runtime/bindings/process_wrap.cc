// process_wrap: child processes on libuv's uv_process_t, behind
// node:child_process's ChildProcess.
//
// A child is named by a small integer id that JS keeps on its ChildProcess;
// the handle lives in a per-thread table here until JS closes it. Nothing exists before
// the app spawns, so no handle can reach a snapshot. stdio slots of type
// 'pipe' are socketpairs made here: the child inherits one end, and the
// parent's end goes back to JS as `parentFd` on the slot object, where
// node:net opens a Pipe on it (the same socketpair is the IPC channel).
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <map>

#include "runtime/bindings/spawn_options.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::process_wrap {
namespace {

using runtime::OneByteString;
using runtime::Runtime;
using spawn_options::SpawnOptions;
using spawn_options::StdioType;

struct ProcessWrap {
  uv_process_t handle;
  Runtime* runtime;
  int id;
  v8::Global<v8::Function> on_exit;
};

// The children of this thread's runtime (a worker has its own loop, and so
// its own table).
std::map<int, ProcessWrap*>& Children() {
  thread_local std::map<int, ProcessWrap*> children;
  return children;
}

ProcessWrap* Find(v8::Local<v8::Value> id) {
  JSPACK_CHECK(id->IsInt32());
  auto found = Children().find(id.As<v8::Int32>()->Value());
  return found == Children().end() ? nullptr : found->second;
}

void CloseWrap(ProcessWrap* wrap) {
  Children().erase(wrap->id);
  wrap->on_exit.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&wrap->handle),
           [](uv_handle_t* h) { delete static_cast<ProcessWrap*>(h->data); });
}

void OnExit(uv_process_t* handle, int64_t exit_status, int term_signal) {
  ProcessWrap* wrap = static_cast<ProcessWrap*>(handle->data);
  if (wrap->on_exit.IsEmpty()) return;
  v8::Isolate* isolate = wrap->runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(wrap->runtime->context());
  v8::Local<v8::Value> argv[] = {
      v8::Number::New(isolate, static_cast<double>(exit_status)),
      v8::Integer::New(isolate, term_signal)};
  wrap->runtime->MakeCallback(wrap->on_exit.Get(isolate), 2, argv);
}

// spawn(options, onexit) -> id (> 0) or a negative libuv error code.
// onexit(exitCode, signalNumber) runs once, on the loop. On success every
// 'pipe' slot object gets `parentFd`; on failure nothing stays open.
void Spawn(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  JSPACK_CHECK(args[0]->IsObject() && args[1]->IsFunction());
  SpawnOptions options;
  if (!options.Read(context, args[0].As<v8::Object>())) return;

  std::vector<uv_stdio_container_t> containers(options.stdio().size());
  std::vector<int> parent_fds(options.stdio().size(), -1);
  std::vector<int> child_fds(options.stdio().size(), -1);
  auto close_all = [&](std::vector<int>& fds) {
    for (int& fd : fds) {
      if (fd >= 0) close(fd);
      fd = -1;
    }
  };
  for (size_t i = 0; i < containers.size(); i++) {
    const auto& entry = options.stdio()[i];
    switch (entry.type) {
      case StdioType::kIgnore:
        containers[i].flags = UV_IGNORE;
        break;
      case StdioType::kFd:
        containers[i].flags = UV_INHERIT_FD;
        containers[i].data.fd = entry.fd;
        break;
      case StdioType::kPipe: {
        int fds[2];
        int err = uv_socketpair(SOCK_STREAM, 0, fds, 0, 0);
        if (err != 0) {
          close_all(parent_fds);
          close_all(child_fds);
          args.GetReturnValue().Set(err);
          return;
        }
        parent_fds[i] = fds[0];
        child_fds[i] = fds[1];
        containers[i].flags = UV_INHERIT_FD;
        containers[i].data.fd = fds[1];
        break;
      }
    }
  }

  Runtime* runtime = Runtime::From(args);
  auto* wrap = new ProcessWrap();
  wrap->runtime = runtime;
  wrap->handle.data = wrap;
  uv_process_options_t uv_options = options.Build(OnExit, &containers);
  int err = uv_spawn(runtime->loop(), &wrap->handle, &uv_options);
  close_all(child_fds);
  if (err != 0) {
    close_all(parent_fds);
    // uv_spawn initialised the handle before failing; it is closed, as
    // libuv asks, before the memory goes.
    uv_close(reinterpret_cast<uv_handle_t*>(&wrap->handle),
             [](uv_handle_t* h) { delete static_cast<ProcessWrap*>(h->data); });
    args.GetReturnValue().Set(err);
    return;
  }
  thread_local int next_id = 0;
  wrap->id = ++next_id;
  wrap->on_exit.Reset(isolate, args[1].As<v8::Function>());
  Children()[wrap->id] = wrap;
  for (size_t i = 0; i < parent_fds.size(); i++) {
    if (parent_fds[i] < 0) continue;
    if (options.stdio()[i]
            .object
            ->Set(context, OneByteString(isolate, "parentFd"),
                  v8::Integer::New(isolate, parent_fds[i]))
            .IsNothing()) {
      return;
    }
  }
  args.GetReturnValue().Set(wrap->id);
}

// pid(id) -> the child's pid, or 0 once closed.
void Pid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ProcessWrap* wrap = Find(args[0]);
  args.GetReturnValue().Set(wrap == nullptr ? 0 : wrap->handle.pid);
}

// kill(id, signum) -> 0 or a negative libuv error code (ESRCH once the child
// is gone).
void Kill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  ProcessWrap* wrap = Find(args[0]);
  if (wrap == nullptr) {
    args.GetReturnValue().Set(UV_ESRCH);
    return;
  }
  args.GetReturnValue().Set(
      uv_process_kill(&wrap->handle, args[1].As<v8::Int32>()->Value()));
}

// ref(id), unref(id): whether the child keeps the loop alive.
void Ref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ProcessWrap* wrap = Find(args[0]);
  if (wrap != nullptr) uv_ref(reinterpret_cast<uv_handle_t*>(&wrap->handle));
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ProcessWrap* wrap = Find(args[0]);
  if (wrap != nullptr) uv_unref(reinterpret_cast<uv_handle_t*>(&wrap->handle));
}

// hasRef(id) -> whether the child keeps the loop alive.
void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ProcessWrap* wrap = Find(args[0]);
  args.GetReturnValue().Set(
      wrap != nullptr &&
      uv_has_ref(reinterpret_cast<uv_handle_t*>(&wrap->handle)) != 0);
}

// close(id): forgets the child; onexit is not called after this.
void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ProcessWrap* wrap = Find(args[0]);
  if (wrap != nullptr) CloseWrap(wrap);
}

constexpr runtime::Method kMethods[] = {
    {"spawn", Spawn}, {"pid", Pid},       {"kill", Kill},   {"ref", Ref},
    {"unref", Unref}, {"hasRef", HasRef}, {"close", Close},
};

}  // namespace

JSPACK_BINDING(process_wrap, kMethods)

}  // namespace jspack::bindings::process_wrap
