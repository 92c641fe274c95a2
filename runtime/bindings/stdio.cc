// stdio: synchronous writes and terminal facts for process.stdout/stderr.
//
// Like Node on Linux, writes to files, pipes and terminals are synchronous:
// output is never lost when the process exits right after writing.
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>

#include "runtime/core/binding.h"
#include "runtime/core/errors.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::stdio {
namespace {

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
  if (s->IsOneByte() && s->ContainsOnlyOneByte() && s->Length() < 4096) {
    // Fast path for short ASCII-or-Latin1 text still needs UTF-8 encoding of
    // Latin1 bytes >= 0x80, so only plain ASCII skips WriteUtf8.
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
  const char* data = static_cast<const char*>(store->Data()) + view->ByteOffset();
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
    case UV_TTY: type = "TTY"; break;
    case UV_FILE: type = "FILE"; break;
    case UV_NAMED_PIPE: type = "PIPE"; break;
    case UV_TCP: type = "TCP"; break;
    case UV_UDP: type = "UDP"; break;
    default: break;
  }
  args.GetReturnValue().Set(runtime::OneByteString(args.GetIsolate(), type));
}

constexpr runtime::Method kMethods[] = {
    {"writeString", WriteString},
    {"writeBuffer", WriteBuffer},
    {"isatty", IsTty},
    {"getWindowSize", GetWindowSize},
    {"guessHandleType", GuessHandleType},
};

}  // namespace
JSPACK_BINDING(stdio, kMethods)
}  // namespace jspack::bindings::stdio
