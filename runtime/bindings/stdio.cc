// stdio: synchronous writes and terminal facts for process.stdout/stderr.
//
// Like Node on Linux, writes to files, pipes and terminals are synchronous:
// output is never lost when the process exits right after writing.
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "runtime/core/binding.h"
#include "runtime/core/errors.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::stdio {
namespace {

using runtime::Runtime;

// Writes all of [data, data+size) to fd, waiting out EAGAIN on non-blocking
// descriptors. Returns 0 or a negative errno.
int WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n >= 0) {
      data += n;
      size -= static_cast<size_t>(n);
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      struct pollfd p = {fd, POLLOUT, 0};
      poll(&p, 1, -1);
      continue;
    }
    return -errno;
  }
  return 0;
}

// writeString(fd, string): writes its UTF-8 bytes; throws a system error.
void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int fd = args[0].As<v8::Int32>()->Value();
  v8::Local<v8::String> s = args[1].As<v8::String>();
  int err;
  if (s->IsOneByte() && s->Length() < 4096) {
    // Short Latin-1 strings are copied out directly; if every byte is ASCII
    // they are already UTF-8 and need no encoding pass.
    char buf[4096];
    int len = s->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(buf), 0, -1,
                              v8::String::NO_NULL_TERMINATION);
    bool ascii = true;
    for (int i = 0; i < len; ++i) {
      if (static_cast<unsigned char>(buf[i]) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      err = WriteAll(fd, buf, len);
      if (err != 0) runtime::ThrowSystemError(isolate, err, "write");
      return;
    }
  }
  v8::String::Utf8Value utf8(isolate, s);
  err = WriteAll(fd, *utf8, utf8.length());
  if (err != 0) runtime::ThrowSystemError(isolate, err, "write");
}

// writeBuffer(fd, arrayBufferView): writes its bytes; throws a system error.
void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int fd = args[0].As<v8::Int32>()->Value();
  v8::Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  const char* data =
      static_cast<const char*>(store->Data()) + view->ByteOffset();
  int err = WriteAll(fd, data, view->ByteLength());
  if (err != 0) runtime::ThrowSystemError(args.GetIsolate(), err, "write");
}

// isatty(fd) -> boolean.
void IsTty(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int fd = args[0].As<v8::Int32>()->Value();
  args.GetReturnValue().Set(isatty(fd) == 1);
}

// getWindowSize(fd) -> [columns, rows] | undefined.
void GetWindowSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int fd = args[0].As<v8::Int32>()->Value();
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> size[] = {v8::Integer::New(isolate, ws.ws_col),
                                 v8::Integer::New(isolate, ws.ws_row)};
  args.GetReturnValue().Set(v8::Array::New(isolate, size, 2));
}

// guessHandleType(fd) -> 'TTY' | 'FILE' | 'PIPE' | 'TCP' | 'UDP' | 'UNKNOWN'.
void GuessHandleType(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int fd = args[0].As<v8::Int32>()->Value();
  const char* type = "UNKNOWN";
  switch (uv_guess_handle(fd)) {
    case UV_TTY:
      type = "TTY";
      break;
    case UV_FILE:
      type = "FILE";
      break;
    case UV_NAMED_PIPE:
      type = "PIPE";
      break;
    case UV_TCP:
      type = "TCP";
      break;
    case UV_UDP:
      type = "UDP";
      break;
    default:
      break;
  }
  args.GetReturnValue().Set(runtime::OneByteString(args.GetIsolate(), type));
}

// StdinWrap: reads fd 0 (or another fd) for process.stdin. Terminals and
// pipes are libuv streams; files and character devices are read with
// uv_fs_read on the thread pool (libuv cannot poll regular files). While
// started it keeps the loop alive, like Node's process.stdin in flowing
// mode; stopped, it does not.
class StdinWrap {
 public:
  StdinWrap(Runtime* runtime, int fd, v8::Local<v8::Function> on_read)
      : runtime_(runtime), fd_(fd), on_read_(runtime->isolate(), on_read) {
    uv_handle_type type = uv_guess_handle(fd);
    if (type == UV_TTY) {
      stream_.reset(reinterpret_cast<uv_stream_t*>(new uv_tty_t));
      uv_tty_init(runtime->loop(), reinterpret_cast<uv_tty_t*>(stream_.get()),
                  fd, 1);
    } else if (type == UV_NAMED_PIPE || type == UV_TCP) {
      stream_.reset(reinterpret_cast<uv_stream_t*>(new uv_pipe_t));
      uv_pipe_init(runtime->loop(), reinterpret_cast<uv_pipe_t*>(stream_.get()),
                   0);
      uv_pipe_open(reinterpret_cast<uv_pipe_t*>(stream_.get()), fd);
    }
    if (stream_) stream_->data = this;
    fs_req_.data = this;
  }

  // Starts (or resumes) reading; chunks go to the JS callback.
  void Start() {
    if (reading_ || ended_) return;
    reading_ = true;
    if (stream_) {
      uv_read_start(stream_.get(), OnAlloc, OnStreamRead);
    } else if (!fs_pending_) {
      ReadFile();
    }
  }

  void Stop() {
    if (!reading_) return;
    reading_ = false;
    if (stream_) uv_read_stop(stream_.get());
    // A pending file read completes and is delivered; no new one starts.
  }

 private:
  static constexpr size_t kChunk = 64 * 1024;

  void ReadFile() {
    fs_pending_ = true;
    uv_buf_t buf = uv_buf_init(file_buf_, sizeof(file_buf_));
    uv_fs_read(runtime_->loop(), &fs_req_, fd_, &buf, 1, -1, OnFileRead);
  }

  static void OnAlloc(uv_handle_t*, size_t, uv_buf_t* buf) {
    buf->base = static_cast<char*>(malloc(kChunk));
    buf->len = buf->base != nullptr ? kChunk : 0;
  }

  static void OnStreamRead(uv_stream_t* stream, ssize_t nread,
                           const uv_buf_t* buf) {
    auto* self = static_cast<StdinWrap*>(stream->data);
    if (nread != 0) self->Deliver(nread, buf->base);
    free(buf->base);
  }

  static void OnFileRead(uv_fs_t* req) {
    auto* self = static_cast<StdinWrap*>(req->data);
    ssize_t result = req->result;
    uv_fs_req_cleanup(req);
    self->fs_pending_ = false;
    // A file read of 0 bytes is the end of the input.
    self->Deliver(result == 0 ? UV_EOF : result, self->file_buf_);
    // JS may have started the next read itself (read() in a 'readable'
    // handler); one request is in flight at most.
    if (self->reading_ && !self->ended_ && !self->fs_pending_) {
      self->ReadFile();
    }
  }

  // Calls onRead(chunk) with a Uint8Array, onRead(null) at the end, or
  // onRead(errno) on an error.
  void Deliver(ssize_t nread, const char* data) {
    v8::Isolate* isolate = runtime_->isolate();
    v8::HandleScope handle_scope(isolate);
    v8::Context::Scope context_scope(runtime_->context());
    v8::Local<v8::Value> arg;
    if (nread > 0) {
      v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, nread);
      memcpy(ab->GetBackingStore()->Data(), data, nread);
      arg = v8::Uint8Array::New(ab, 0, nread);
    } else {
      if (stream_) uv_read_stop(stream_.get());
      reading_ = false;
      ended_ = true;
      arg = nread == UV_EOF ? v8::Null(isolate).As<v8::Value>()
                            : v8::Integer::New(isolate, static_cast<int>(nread))
                                  .As<v8::Value>();
    }
    runtime_->MakeCallback(on_read_.Get(isolate), 1, &arg);
  }

  struct StreamDeleter {
    void operator()(uv_stream_t* stream) const {
      // Closed asynchronously by libuv; the memory goes in the close callback.
      uv_close(reinterpret_cast<uv_handle_t*>(stream), [](uv_handle_t* h) {
        if (h->type == UV_TTY) {
          delete reinterpret_cast<uv_tty_t*>(h);
        } else {
          delete reinterpret_cast<uv_pipe_t*>(h);
        }
      });
    }
  };

  Runtime* runtime_;
  int fd_;
  v8::Global<v8::Function> on_read_;
  std::unique_ptr<uv_stream_t, StreamDeleter> stream_;
  uv_fs_t fs_req_;
  char file_buf_[kChunk];
  bool reading_ = false;
  bool ended_ = false;
  bool fs_pending_ = false;
};

// The process has one stdin reader; it lives until the process ends.
StdinWrap* stdin_wrap = nullptr;

// openStdin(fd, onRead): creates the reader (once); reading starts with
// readStart().
void OpenStdin(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (stdin_wrap != nullptr) return;
  stdin_wrap =
      new StdinWrap(Runtime::From(args), args[0].As<v8::Int32>()->Value(),
                    args[1].As<v8::Function>());
}

// readStart(): resume reading stdin.
void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (stdin_wrap != nullptr) stdin_wrap->Start();
}

// readStop(): pause reading stdin.
void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (stdin_wrap != nullptr) stdin_wrap->Stop();
}

constexpr runtime::Method kMethods[] = {
    {"openStdin", OpenStdin},         {"readStart", ReadStart},
    {"readStop", ReadStop},           {"writeString", WriteString},
    {"writeBuffer", WriteBuffer},     {"isatty", IsTty},
    {"getWindowSize", GetWindowSize}, {"guessHandleType", GuessHandleType},
};

}  // namespace
JSPACK_BINDING(stdio, kMethods)
}  // namespace jspack::bindings::stdio
