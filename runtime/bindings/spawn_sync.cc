// spawn_sync: a child process run to completion on a private libuv loop,
// behind node:child_process's spawnSync, execSync and execFileSync.
//
// The app's own loop is not touched (its timers and sockets do not run while
// the call blocks, as in Node). Pipes are made by libuv on the private loop;
// the child's stdin gets the given input and then EOF, its outputs are
// collected until they close. A timeout or a full maxBuffer kills the child
// with killSignal and closes the pipes at once, so a grandchild holding them
// cannot keep the call waiting.
#include <uv.h>

#include <csignal>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bindings/spawn_options.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::spawn_sync {
namespace {

using runtime::OneByteString;
using spawn_options::SpawnOptions;
using spawn_options::StdioType;

class SyncRun;

struct SyncPipe {
  uv_pipe_t pipe;
  SyncRun* run = nullptr;
  bool child_reads = false;   // the child's end is readable (stdin)
  bool child_writes = false;  // the child's end is writable (stdout)
  std::string input;
  std::string output;
  bool closed = false;
  uv_write_t write_req;
  uv_shutdown_t shutdown_req;
};

class SyncRun {
 public:
  SyncRun() { uv_loop_init(&loop_); }
  ~SyncRun() {
    // A pipe the child both reads and writes, or one left when reading the
    // options threw, is still open; the rest are closed already.
    for (auto& pipe : pipes_) {
      if (pipe) ClosePipe(pipe.get());
    }
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
  }

  // Returns false when reading the options threw.
  bool Start(v8::Local<v8::Context> context, v8::Local<v8::Object> options);
  v8::MaybeLocal<v8::Object> Result(v8::Local<v8::Context> context);

 private:
  static void OnExit(uv_process_t* process, int64_t status, int signal);
  static void OnTimeout(uv_timer_t* timer);
  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* req, int status);
  static void OnShutdown(uv_shutdown_t* req, int status);

  void ClosePipe(SyncPipe* pipe);
  void KillAndStop(int error);

  uv_loop_t loop_;
  uv_process_t process_;
  uv_timer_t timer_;
  bool spawned_ = false;
  bool exited_ = false;
  bool killed_ = false;
  bool timer_started_ = false;
  int error_ = 0;
  int kill_signal_ = SIGTERM;
  double max_buffer_ = 0;  // 0: no limit
  int64_t exit_status_ = 0;
  int term_signal_ = 0;
  std::vector<std::unique_ptr<SyncPipe>> pipes_;  // null for other slots
  char read_buffer_[65536];
};

bool SyncRun::Start(v8::Local<v8::Context> context,
                    v8::Local<v8::Object> options_object) {
  v8::Isolate* isolate = context->GetIsolate();
  SpawnOptions options;
  if (!options.Read(context, options_object)) return false;
  v8::Local<v8::Value> value;
  if (!options_object->Get(context, OneByteString(isolate, "timeout"))
           .ToLocal(&value)) {
    return false;
  }
  double timeout = value->IsNumber() ? value.As<v8::Number>()->Value() : 0;
  if (!options_object->Get(context, OneByteString(isolate, "killSignal"))
           .ToLocal(&value)) {
    return false;
  }
  if (value->IsInt32()) kill_signal_ = value.As<v8::Int32>()->Value();
  if (!options_object->Get(context, OneByteString(isolate, "maxBuffer"))
           .ToLocal(&value)) {
    return false;
  }
  if (value->IsNumber()) max_buffer_ = value.As<v8::Number>()->Value();

  std::vector<uv_stdio_container_t> containers(options.stdio().size());
  pipes_.resize(containers.size());
  for (size_t i = 0; i < containers.size(); i++) {
    const auto& entry = options.stdio()[i];
    if (entry.type == StdioType::kIgnore) {
      containers[i].flags = UV_IGNORE;
      continue;
    }
    if (entry.type == StdioType::kFd) {
      containers[i].flags = UV_INHERIT_FD;
      containers[i].data.fd = entry.fd;
      continue;
    }
    auto pipe = std::make_unique<SyncPipe>();
    pipe->run = this;
    if (!entry.object->Get(context, OneByteString(isolate, "readable"))
             .ToLocal(&value)) {
      return false;
    }
    pipe->child_reads = value->IsTrue();
    if (!entry.object->Get(context, OneByteString(isolate, "writable"))
             .ToLocal(&value)) {
      return false;
    }
    pipe->child_writes = value->IsTrue();
    if (!entry.object->Get(context, OneByteString(isolate, "input"))
             .ToLocal(&value)) {
      return false;
    }
    if (value->IsArrayBufferView()) {
      v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
      pipe->input.resize(view->ByteLength());
      view->CopyContents(pipe->input.data(), pipe->input.size());
    }
    uv_pipe_init(&loop_, &pipe->pipe, 0);
    pipe->pipe.data = pipe.get();
    int flags = UV_CREATE_PIPE;
    if (pipe->child_reads) flags |= UV_READABLE_PIPE;
    if (pipe->child_writes) flags |= UV_WRITABLE_PIPE;
    containers[i].flags = static_cast<uv_stdio_flags>(flags);
    containers[i].data.stream = reinterpret_cast<uv_stream_t*>(&pipe->pipe);
    pipes_[i] = std::move(pipe);
  }

  process_.data = this;
  uv_process_options_t uv_options = options.Build(OnExit, &containers);
  int err = uv_spawn(&loop_, &process_, &uv_options);
  if (err != 0) {
    error_ = err;
    exited_ = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&process_), nullptr);
    for (auto& pipe : pipes_) {
      if (pipe) ClosePipe(pipe.get());
    }
    return true;
  }
  spawned_ = true;

  for (auto& pipe : pipes_) {
    if (!pipe) continue;
    auto* stream = reinterpret_cast<uv_stream_t*>(&pipe->pipe);
    if (pipe->child_writes) uv_read_start(stream, OnAlloc, OnRead);
    if (!pipe->child_reads) continue;
    if (!pipe->input.empty()) {
      uv_buf_t buf = uv_buf_init(pipe->input.data(),
                                 static_cast<unsigned>(pipe->input.size()));
      pipe->write_req.data = pipe.get();
      if (uv_write(&pipe->write_req, stream, &buf, 1, OnWrite) == 0) continue;
    }
    pipe->shutdown_req.data = pipe.get();
    if (uv_shutdown(&pipe->shutdown_req, stream, OnShutdown) != 0) {
      ClosePipe(pipe.get());
    }
  }

  if (timeout > 0) {
    uv_timer_init(&loop_, &timer_);
    timer_.data = this;
    uv_timer_start(&timer_, OnTimeout, static_cast<uint64_t>(timeout), 0);
    timer_started_ = true;
  }
  uv_run(&loop_, UV_RUN_DEFAULT);
  return true;
}

void SyncRun::ClosePipe(SyncPipe* pipe) {
  if (pipe->closed) return;
  pipe->closed = true;
  uv_close(reinterpret_cast<uv_handle_t*>(&pipe->pipe), nullptr);
}

// Ends the run early with `error` (ETIMEDOUT, ENOBUFS): the child gets
// killSignal, the pipes close without waiting for EOF.
void SyncRun::KillAndStop(int error) {
  if (error_ == 0) error_ = error;
  if (!exited_ && !killed_) {
    killed_ = true;
    uv_process_kill(&process_, kill_signal_);
  }
  for (auto& pipe : pipes_) {
    if (pipe) ClosePipe(pipe.get());
  }
  if (timer_started_) uv_timer_stop(&timer_);
}

void SyncRun::OnExit(uv_process_t* process, int64_t status, int signal) {
  SyncRun* run = static_cast<SyncRun*>(process->data);
  run->exited_ = true;
  run->exit_status_ = status;
  run->term_signal_ = signal;
  uv_close(reinterpret_cast<uv_handle_t*>(process), nullptr);
  if (run->timer_started_) {
    uv_timer_stop(&run->timer_);
    uv_close(reinterpret_cast<uv_handle_t*>(&run->timer_), nullptr);
    run->timer_started_ = false;
  }
}

void SyncRun::OnTimeout(uv_timer_t* timer) {
  static_cast<SyncRun*>(timer->data)->KillAndStop(UV_ETIMEDOUT);
}

void SyncRun::OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  SyncRun* run = static_cast<SyncPipe*>(handle->data)->run;
  *buf = uv_buf_init(run->read_buffer_, sizeof(run->read_buffer_));
}

void SyncRun::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  SyncPipe* pipe = static_cast<SyncPipe*>(stream->data);
  SyncRun* run = pipe->run;
  if (nread < 0) {
    // EOF, or the child's end went away: this output is complete.
    if (!pipe->child_reads) {
      run->ClosePipe(pipe);
    } else {
      uv_read_stop(stream);
    }
    return;
  }
  pipe->output.append(buf->base, static_cast<size_t>(nread));
  if (run->max_buffer_ > 0 && pipe->output.size() > run->max_buffer_) {
    run->KillAndStop(UV_ENOBUFS);
  }
}

void SyncRun::OnWrite(uv_write_t* req, int status) {
  SyncPipe* pipe = static_cast<SyncPipe*>(req->data);
  if (pipe->closed) return;
  if (status != 0) {
    // The child closed its stdin early (EPIPE): the rest of the input is
    // dropped, as in Node.
    if (!pipe->child_writes) pipe->run->ClosePipe(pipe);
    return;
  }
  pipe->shutdown_req.data = pipe;
  if (uv_shutdown(&pipe->shutdown_req,
                  reinterpret_cast<uv_stream_t*>(&pipe->pipe),
                  OnShutdown) != 0 &&
      !pipe->child_writes) {
    pipe->run->ClosePipe(pipe);
  }
}

void SyncRun::OnShutdown(uv_shutdown_t* req, int) {
  SyncPipe* pipe = static_cast<SyncPipe*>(req->data);
  // A pipe the child also writes to stays open for reading.
  if (!pipe->child_writes) pipe->run->ClosePipe(pipe);
}

// { pid, status, signal, output, error }: status is the exit code or null
// when a signal ended the child (signal is its number, 0 otherwise); output
// holds a Uint8Array per pipe slot (null for others, or all null when the
// spawn failed); error is a negative libuv code or undefined.
v8::MaybeLocal<v8::Object> SyncRun::Result(v8::Local<v8::Context> context) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Object> result = v8::Object::New(isolate);
  auto set = [&](const char* name, v8::Local<v8::Value> value) {
    return result->Set(context, OneByteString(isolate, name), value)
        .FromMaybe(false);
  };
  int pid = spawned_ ? process_.pid : 0;
  if (!set("pid", v8::Integer::New(isolate, pid))) return {};
  if (!set("error", error_ != 0
                        ? v8::Integer::New(isolate, error_).As<v8::Value>()
                        : v8::Undefined(isolate).As<v8::Value>())) {
    return {};
  }
  bool signalled = spawned_ && term_signal_ != 0;
  if (!set("status",
           spawned_ && !signalled
               ? v8::Number::New(isolate, static_cast<double>(exit_status_))
                     .As<v8::Value>()
               : v8::Null(isolate).As<v8::Value>())) {
    return {};
  }
  if (!set("signal", v8::Integer::New(isolate, signalled ? term_signal_ : 0))) {
    return {};
  }
  if (!spawned_) {
    if (!set("output", v8::Null(isolate))) return {};
    return result;
  }
  v8::Local<v8::Array> output =
      v8::Array::New(isolate, static_cast<int>(pipes_.size()));
  for (size_t i = 0; i < pipes_.size(); i++) {
    v8::Local<v8::Value> item = v8::Null(isolate);
    SyncPipe* pipe = pipes_[i].get();
    if (pipe != nullptr && pipe->child_writes) {
      size_t length = pipe->output.size();
      v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
      if (length != 0) {
        memcpy(buffer->GetBackingStore()->Data(), pipe->output.data(), length);
      }
      item = v8::Uint8Array::New(buffer, 0, length);
    }
    if (output->Set(context, static_cast<uint32_t>(i), item).IsNothing()) {
      return {};
    }
  }
  if (!set("output", output)) return {};
  return result;
}

// spawnSync(options) -> the result object described at SyncRun::Result.
// options is process_wrap.spawn's plus timeout (ms, 0 for none), killSignal
// (number) and maxBuffer (bytes per output, 0 or Infinity for none); a pipe
// slot says whether the child reads and/or writes it and may carry `input`.
void SpawnSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  JSPACK_CHECK(args[0]->IsObject());
  auto run = std::make_unique<SyncRun>();
  if (!run->Start(context, args[0].As<v8::Object>())) return;
  v8::Local<v8::Object> result;
  if (run->Result(context).ToLocal(&result)) args.GetReturnValue().Set(result);
}

constexpr runtime::Method kMethods[] = {
    {"spawnSync", SpawnSync},
};

}  // namespace

JSPACK_BINDING(spawn_sync, kMethods)

}  // namespace jspack::bindings::spawn_sync
