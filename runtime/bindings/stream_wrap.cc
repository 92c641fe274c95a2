// stream_wrap: libuv TCP and pipe handles behind node:net (and the pipes of
// child_process), sharing one stream layer: reads, batched writes, shutdown,
// close, listen/accept and connect.
//
// A handle is owned by a JS object (stdlib/internal/net/handles.js) and is
// named by a small integer id that this binding hands out. While the handle is
// open the binding holds the owner strongly, so a handle JS forgot is never
// freed under libuv; close() is the only way out, and it frees the id. Events
// are delivered with Runtime::MakeCallback to methods of the owner:
//   owner.onread(nread, arrayBuffer)  nread > 0 with the bytes (the buffer
//                                     is the memory libuv read into), or a
//                                     libuv error code (UV_EOF at the end)
//   owner._onconnection(status, id)   a server accepted the handle `id`
//   owner.onclose()                   after close()
// and to req.oncomplete(status) of the request object JS passed to writev,
// shutdown and connect. Handles only exist once the app runs, so none can
// reach a snapshot. Each thread (worker) has its own table of ids.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "runtime/bindings/read_sink.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::stream_wrap {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

enum class Kind { kTcp, kPipe };

struct StreamWrap {
  union {
    uv_tcp_t tcp;
    uv_pipe_t pipe;
    uv_stream_t stream;
    uv_handle_t handle;
  } h;
  Kind kind;
  bool ipc = false;
  bool closing = false;
  uint32_t id = 0;
  Runtime* runtime = nullptr;
  v8::Global<v8::Object> owner;
  double bytes_read = 0;
  double bytes_written = 0;
  // A buffer of the app's that reads go into (net's `onread` option);
  // otherwise each read gets fresh memory.
  std::shared_ptr<v8::BackingStore> user_store;
  char* user_data = nullptr;
  size_t user_length = 0;
  // A native consumer of the reads (read_sink.h), or nullptr.
  ReadSink* sink = nullptr;

  uv_stream_t* stream() { return &h.stream; }
  uv_handle_t* handle() { return &h.handle; }
};

// The open handles of this thread, by id; freed ids are reused.
thread_local std::vector<StreamWrap*> slots;
thread_local std::vector<uint32_t> free_ids;

StreamWrap* NewWrap(Runtime* runtime, Kind kind, bool ipc) {
  auto* wrap = new StreamWrap();
  wrap->kind = kind;
  wrap->ipc = ipc;
  wrap->runtime = runtime;
  int err = kind == Kind::kTcp
                ? uv_tcp_init(runtime->loop(), &wrap->h.tcp)
                : uv_pipe_init(runtime->loop(), &wrap->h.pipe, ipc ? 1 : 0);
  if (err != 0) {
    delete wrap;
    return nullptr;
  }
  wrap->h.handle.data = wrap;
  if (free_ids.empty()) {
    wrap->id = static_cast<uint32_t>(slots.size());
    slots.push_back(wrap);
  } else {
    wrap->id = free_ids.back();
    free_ids.pop_back();
    slots[wrap->id] = wrap;
  }
  return wrap;
}

// The open handle args[i] names, or nullptr (a closed one is EBADF to JS).
StreamWrap* Find(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  if (!args[i]->IsUint32()) return nullptr;
  uint32_t id = args[i].As<v8::Uint32>()->Value();
  if (id >= slots.size()) return nullptr;
  StreamWrap* wrap = slots[id];
  if (wrap == nullptr || wrap->closing) return nullptr;
  return wrap;
}

#define FIND_OR_EBADF(var, index)        \
  StreamWrap* var = Find(args, index);   \
  if (var == nullptr) {                  \
    args.GetReturnValue().Set(UV_EBADF); \
    return;                              \
  }

// A request (write, shutdown, connect) with the JS object to complete.
// A UDP handle made only to carry a descriptor on uv_write2 (libuv sends
// the fd of a TCP, pipe or UDP handle); it holds its own dup and is closed
// once the write is done.
uv_udp_t* NewCarrier(uv_loop_t* loop, int fd) {
  int copy = dup(fd);
  if (copy < 0) return nullptr;
  auto* carrier = new uv_udp_t;
  if (uv_udp_init(loop, carrier) != 0) {
    close(copy);
    delete carrier;
    return nullptr;
  }
  if (uv_udp_open(carrier, copy) != 0) {
    close(copy);
    uv_close(reinterpret_cast<uv_handle_t*>(carrier),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_udp_t*>(h); });
    return nullptr;
  }
  return carrier;
}

void CloseCarrier(uv_udp_t* carrier) {
  uv_close(reinterpret_cast<uv_handle_t*>(carrier),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_udp_t*>(h); });
}

template <typename UvReq>
struct Req {
  UvReq req;
  StreamWrap* wrap;
  v8::Global<v8::Object> object;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  std::vector<char*> owned;     // encoded strings, freed with the request
  uv_udp_t* carrier = nullptr;  // a descriptor sent with the bytes

  ~Req() {
    for (char* p : owned) free(p);
    if (carrier != nullptr) CloseCarrier(carrier);
  }
};

// A property name as an internalized string: looking it up on an object
// then skips the string table, which a fresh string goes through first.
v8::Local<v8::String> Key(v8::Isolate* isolate, const char* name) {
  return v8::String::NewFromOneByte(isolate,
                                    reinterpret_cast<const uint8_t*>(name),
                                    v8::NewStringType::kInternalized)
      .ToLocalChecked();
}

// Calls req.oncomplete(status) and frees the request.
template <typename R>
void Complete(R* r, int status) {
  std::unique_ptr<R> owned(r);
  Runtime* runtime = r->wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = runtime->context();
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Object> object = r->object.Get(isolate);
  v8::Local<v8::Value> fn;
  if (!object->Get(context, Key(isolate, "oncomplete")).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status), object};
  runtime->MakeCallback(fn.As<v8::Function>(), 2, argv);
}

// Calls a method of the owner through MakeCallback (ticks and microtasks
// drain afterwards, errors are reported as uncaught).
void Emit(StreamWrap* wrap, const char* name, int argc,
          v8::Local<v8::Value>* argv) {
  if (wrap->owner.IsEmpty()) return;
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::Local<v8::Context> context = runtime->context();
  v8::Local<v8::Object> owner = wrap->owner.Get(isolate);
  v8::Local<v8::Value> fn;
  if (!owner->Get(context, Key(isolate, name)).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  // MakeCallback calls with an undefined receiver; the owner is passed last
  // so that the JS side can find itself without a bound function per handle.
  constexpr int kMaxArgs = 3;
  JSPACK_CHECK(argc < kMaxArgs);
  v8::Local<v8::Value> all[kMaxArgs];
  for (int i = 0; i < argc; ++i) all[i] = argv[i];
  all[argc] = owner;
  runtime->MakeCallback(fn.As<v8::Function>(), argc + 1, all);
}

// ---- creation ---------------------------------------------------------------

// tcpNew(owner) -> id, or a libuv error code (negative).
void TcpNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject());
  StreamWrap* wrap = NewWrap(Runtime::From(args), Kind::kTcp, false);
  if (wrap == nullptr) {
    args.GetReturnValue().Set(UV_ENOMEM);
    return;
  }
  wrap->owner.Reset(args.GetIsolate(), args[0].As<v8::Object>());
  args.GetReturnValue().Set(wrap->id);
}

// pipeNew(owner, ipc) -> id, or a libuv error code.
void PipeNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject());
  StreamWrap* wrap =
      NewWrap(Runtime::From(args), Kind::kPipe, args[1]->IsTrue());
  if (wrap == nullptr) {
    args.GetReturnValue().Set(UV_ENOMEM);
    return;
  }
  wrap->owner.Reset(args.GetIsolate(), args[0].As<v8::Object>());
  args.GetReturnValue().Set(wrap->id);
}

// adopt(id, owner): the JS object for a handle a server accepted.
void Adopt(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_OR_EBADF(wrap, 0);
  wrap->owner.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  args.GetReturnValue().Set(0);
}

// ---- reading ----------------------------------------------------------------

constexpr size_t kReadSize = 64 * 1024;

// One read block per thread (a loop and its streams live on one thread,
// and libuv fills the block and hands it to OnRead before the next read):
// a short read is copied out of it into memory of its own size, so the
// block stays for the next read; a long one takes the block, and a new one
// is made for the next read. A thread that ends frees its block.
struct ReadBlock {
  char* data = nullptr;
  ~ReadBlock() { free(data); }
};
thread_local ReadBlock t_read_block;

void OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  auto* wrap = static_cast<StreamWrap*>(handle->data);
  if (wrap->user_data != nullptr) {
    buf->base = wrap->user_data;
    buf->len = wrap->user_length;
    return;
  }
  char*& block = t_read_block.data;
  if (block == nullptr) block = static_cast<char*>(malloc(kReadSize));
  buf->base = block;
  buf->len = block != nullptr ? kReadSize : 0;
}

void FreeStore(void* data, size_t, void*) { free(data); }

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* wrap = static_cast<StreamWrap*>(stream->data);
  bool user = wrap->user_data != nullptr && buf->base == wrap->user_data;
  if (nread == 0) return;
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  if (nread > 0 && wrap->sink != nullptr && !user) {
    // The block stays ours: the sink copies what it keeps.
    wrap->bytes_read += static_cast<double>(nread);
    wrap->sink->OnSinkRead(buf->base, static_cast<size_t>(nread));
    return;
  }
  v8::Local<v8::Value> argv[2];
  argv[0] = v8::Number::New(isolate, static_cast<double>(nread));
  if (user) {
    // The bytes are in the app's buffer already; JS knows which one.
    if (nread > 0) wrap->bytes_read += static_cast<double>(nread);
    argv[1] = v8::Undefined(isolate);
  } else if (nread > 0) {
    wrap->bytes_read += static_cast<double>(nread);
    size_t length = static_cast<size_t>(nread);
    char* data = buf->base;
    char*& block = t_read_block.data;
    if (data == block && length < kReadSize / 2) {
      data = static_cast<char*>(malloc(length));
      if (data == nullptr) {
        argv[0] = v8::Number::New(isolate, UV_ENOMEM);
        argv[1] = v8::Undefined(isolate);
        Emit(wrap, "onread", 2, argv);
        return;
      }
      memcpy(data, buf->base, length);
    } else if (data == block) {
      block = nullptr;
    }
    // The bytes become the ArrayBuffer's memory.
    std::unique_ptr<v8::BackingStore> store =
        v8::ArrayBuffer::NewBackingStore(data, length, FreeStore, nullptr);
    argv[1] = v8::ArrayBuffer::New(isolate, std::move(store));
  } else {
    argv[1] = v8::Undefined(isolate);
  }
  Emit(wrap, "onread", 2, argv);
}

// readStart(id) -> 0 or an error code.
void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  args.GetReturnValue().Set(uv_read_start(wrap->stream(), OnAlloc, OnRead));
}

// setReadBuffer(id, view | null): reads go into `view` (onread gets
// undefined for the bytes), or into fresh memory again with null.
void SetReadBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  if (!args[1]->IsArrayBufferView()) {
    wrap->user_store.reset();
    wrap->user_data = nullptr;
    wrap->user_length = 0;
    args.GetReturnValue().Set(0);
    return;
  }
  v8::Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  wrap->user_data = static_cast<char*>(store->Data()) + view->ByteOffset();
  wrap->user_length = view->ByteLength();
  wrap->user_store = std::move(store);
  args.GetReturnValue().Set(0);
}

// readStop(id) -> 0 or an error code.
void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  args.GetReturnValue().Set(uv_read_stop(wrap->stream()));
}

// ---- writing ----------------------------------------------------------------

using WriteReq = Req<uv_write_t>;

void AfterWrite(uv_write_t* req, int status) {
  Complete(static_cast<WriteReq*>(req->data), status);
}

// The bytes of `chunk` as a uv_buf_t: a Uint8Array's own memory, or a string
// encoded (utf8, or latin1 when `latin1`) into memory added to `owned`.
// Room on the stack for the strings of one writev: most writes (an HTTP
// response, a line of output) are written at once and need no heap memory;
// what libuv has to queue is copied out (Writev).
struct StackArena {
  static constexpr size_t kSize = 16 * 1024;
  char data[kSize];
  size_t used = 0;
  bool Holds(const char* p) const { return p >= data && p < data + kSize; }
};

bool ChunkBuf(v8::Isolate* isolate, v8::Local<v8::Value> chunk, bool latin1,
              StackArena* arena, std::vector<char*>* owned, uv_buf_t* out) {
  if (chunk->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
    // A small array still on the V8 heap is copied to the stack: cheaper
    // than giving it a backing store of its own.
    size_t bytes = view->ByteLength();
    if (!view->HasBuffer() && bytes <= StackArena::kSize - arena->used) {
      char* at = arena->data + arena->used;
      view->CopyContents(at, bytes);
      arena->used += bytes;
      *out = uv_buf_init(at, static_cast<unsigned>(bytes));
      return true;
    }
    // Buffer() moves a small on-heap array off the heap, where the GC
    // cannot move it under libuv.
    char* data =
        static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset();
    *out = uv_buf_init(data, static_cast<unsigned>(view->ByteLength()));
    return true;
  }
  if (!chunk->IsString()) return false;
  v8::Local<v8::String> str = chunk.As<v8::String>();
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a pair is 4 for 2 units).
  size_t bound =
      latin1 ? str->Length() : 3 * static_cast<size_t>(str->Length());
  char* data;
  size_t capacity;
  if (bound <= StackArena::kSize - arena->used) {
    data = arena->data + arena->used;
    capacity = bound;
  } else {
    capacity = latin1 ? bound : str->Utf8Length(isolate);
    data = static_cast<char*>(malloc(capacity + 1));
    if (data == nullptr) return false;
    owned->push_back(data);
  }
  size_t length;
  if (latin1) {
    str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(data), 0, -1,
                      v8::String::NO_NULL_TERMINATION);
    length = capacity;
  } else {
    length = static_cast<size_t>(str->WriteUtf8(
        isolate, data, static_cast<int>(capacity), nullptr,
        v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
  }
  if (arena->Holds(data)) arena->used += length;
  *out = uv_buf_init(data, static_cast<unsigned>(length));
  return true;
}

// uv_try_write(), except that one buffer for a TCP socket with nothing
// queued goes out through send(2), which skips the file layer that libuv's
// write(2) passes through (a few percent of a small response's cost).
int TryWrite(StreamWrap* wrap, const uv_buf_t* bufs, unsigned n) {
  uv_stream_t* stream = wrap->stream();
  uv_os_fd_t fd;
  if (n != 1 || wrap->kind != Kind::kTcp || stream->write_queue_size != 0 ||
      stream->connect_req != nullptr ||
      uv_fileno(reinterpret_cast<uv_handle_t*>(stream), &fd) != 0) {
    return uv_try_write(stream, bufs, n);
  }
  ssize_t sent;
  do {
    sent = send(fd, bufs[0].base, bufs[0].len, MSG_NOSIGNAL | MSG_DONTWAIT);
  } while (sent < 0 && errno == EINTR);
  if (sent >= 0) return static_cast<int>(sent);
  if (errno == EAGAIN || errno == EWOULDBLOCK) return UV_EAGAIN;
  return -errno;
}

// The write of writev() and writeParts(): `chunks[0..n)` (Uint8Arrays and
// strings) as one write of `wrap`, with `send` or `carrier` travelling
// along on an IPC pipe. Sets the JS result as writev() documents.
void WriteChunks(const v8::FunctionCallbackInfo<v8::Value>& args,
                 StreamWrap* wrap, const v8::Local<v8::Value>* chunks,
                 uint32_t n, bool latin1, StreamWrap* send,
                 uv_udp_t* carrier) {
  v8::Isolate* isolate = args.GetIsolate();
  // Small batches need no heap memory unless libuv has to queue them.
  constexpr uint32_t kInline = 16;
  uv_buf_t inline_bufs[kInline];
  std::vector<uv_buf_t> heap_bufs;
  uv_buf_t* bufs = inline_bufs;
  if (n > kInline) {
    heap_bufs.resize(n);
    bufs = heap_bufs.data();
  }
  std::vector<char*> owned;
  StackArena arena;
  size_t total = 0;
  for (uint32_t i = 0; i < n; ++i) {
    JSPACK_CHECK(
        ChunkBuf(isolate, chunks[i], latin1, &arena, &owned, &bufs[i]));
    total += bufs[i].len;
  }
  wrap->bytes_written += static_cast<double>(total);
  // Most writes fit in the socket buffer: try them now, without a request.
  // An IPC pipe always queues, as libuv wants for handles in flight.
  size_t skip = 0;
  if (total > 0 && !wrap->ipc) {
    // A few small pieces (an HTTP head and its body) go out as one buffer
    // (TryWrite): a copy of a few hundred bytes costs less than the
    // kernel's writev.
    constexpr size_t kFlat = 4096;
    char flat[kFlat];
    uv_buf_t one;
    bool joined = n > 1 && total <= kFlat;
    if (joined) {
      size_t at = 0;
      for (uint32_t i = 0; i < n; ++i) {
        memcpy(flat + at, bufs[i].base, bufs[i].len);
        at += bufs[i].len;
      }
      one = uv_buf_init(flat, static_cast<unsigned>(total));
    }
    int written = joined ? TryWrite(wrap, &one, 1) : TryWrite(wrap, bufs, n);
    if (written < 0 && written != UV_EAGAIN && written != UV_ENOSYS) {
      for (char* p : owned) free(p);
      args.GetReturnValue().Set(written);
      return;
    }
    if (written > 0) skip = static_cast<size_t>(written);
  }
  if (skip == total && send == nullptr && carrier == nullptr) {
    for (char* p : owned) free(p);
    args.GetReturnValue().Set(1);
    return;
  }
  uint32_t first = 0;
  while (first < n && skip >= bufs[first].len && skip > 0) {
    skip -= bufs[first++].len;
  }
  if (first < n) {
    bufs[first].base += skip;
    bufs[first].len -= skip;
  }
  // What is queued outlives this call: bytes on the stack move to the heap.
  for (uint32_t i = first; i < n; ++i) {
    if (!arena.Holds(bufs[i].base) || bufs[i].len == 0) continue;
    char* copy = static_cast<char*>(malloc(bufs[i].len));
    JSPACK_CHECK(copy != nullptr);
    memcpy(copy, bufs[i].base, bufs[i].len);
    owned.push_back(copy);
    bufs[i].base = copy;
  }
  auto r = std::make_unique<WriteReq>();
  r->wrap = wrap;
  r->owned = std::move(owned);
  // The memory of the Uint8Arrays still to be written stays alive with the
  // request.
  for (uint32_t i = first; i < n; ++i) {
    v8::Local<v8::Value> chunk = chunks[i];
    // An array ChunkBuf copied (one that had no backing store) needs none.
    if (chunk->IsArrayBufferView() &&
        chunk.As<v8::ArrayBufferView>()->HasBuffer()) {
      r->stores.push_back(
          chunk.As<v8::ArrayBufferView>()->Buffer()->GetBackingStore());
    }
  }
  r->object.Reset(isolate, args[1].As<v8::Object>());
  r->req.data = r.get();
  r->carrier = carrier;
  uv_stream_t* attached = send != nullptr
                              ? send->stream()
                              : reinterpret_cast<uv_stream_t*>(carrier);
  int err = attached != nullptr
                ? uv_write2(&r->req, wrap->stream(), bufs + first, n - first,
                            attached, AfterWrite)
                : uv_write(&r->req, wrap->stream(), bufs + first, n - first,
                           AfterWrite);
  if (err != 0) {
    args.GetReturnValue().Set(err);
    return;
  }
  r.release();
  args.GetReturnValue().Set(0);
}

// writev(id, req, chunks, latin1[, sendId[, sendFd]]) -> 1 when everything
// was written at once (req is not completed then), 0 when
// req.oncomplete(status, req) will be called, or an error code. `chunks` is
// an array of Uint8Arrays and strings; strings are utf8 unless `latin1` is
// true (JS encodes other encodings). With `sendId` (an IPC pipe only) the
// handle of that id travels with the bytes (SCM_RIGHTS; uv_write2); with
// `sendFd` instead, that descriptor (a UDP socket's, from udp_wrap) does.
void Writev(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject() && args[2]->IsArray());
  FIND_OR_EBADF(wrap, 0);
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Array> list = args[2].As<v8::Array>();
  uint32_t n = list->Length();
  std::vector<v8::Local<v8::Value>> chunks(n);
  for (uint32_t i = 0; i < n; ++i) {
    if (!list->Get(context, i).ToLocal(&chunks[i])) return;
  }
  StreamWrap* send = nullptr;
  if (args.Length() > 4 && !args[4]->IsUndefined()) {
    send = Find(args, 4);
    if (send == nullptr || !wrap->ipc) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
  }
  uv_udp_t* carrier = nullptr;
  if (send == nullptr && args.Length() > 5 && args[5]->IsInt32()) {
    int fd = args[5].As<v8::Int32>()->Value();
    if (!wrap->ipc || fd < 0) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
    carrier = NewCarrier(wrap->runtime->loop(), fd);
    if (carrier == nullptr) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
  }
  WriteChunks(args, wrap, chunks.data(), n, args[3]->IsTrue(), send, carrier);
}

// writeParts(id, req, latin1, first[, second]) -> as writev(): one or two
// chunks given as arguments, which costs less than reading them from an
// array (an HTTP head and its body).
void WriteParts(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_OR_EBADF(wrap, 0);
  v8::Local<v8::Value> chunks[2] = {args[3], args[4]};
  uint32_t n = args[4]->IsUndefined() ? 1 : 2;
  WriteChunks(args, wrap, chunks, n, args[2]->IsTrue(), nullptr, nullptr);
}

// ---- handles received on an IPC pipe ----------------------------------------

void CloseWrap(StreamWrap* wrap);

// pendingKind(id) -> 1 (TCP), 2 (pipe), 3 (UDP) for the next handle an IPC
// pipe received, 0 when there is none (or of a kind JS cannot take).
void PendingKind(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  int kind = 0;
  if (wrap->kind == Kind::kPipe && wrap->ipc &&
      uv_pipe_pending_count(&wrap->h.pipe) > 0) {
    uv_handle_type type = uv_pipe_pending_type(&wrap->h.pipe);
    kind = type == UV_TCP          ? 1
           : type == UV_NAMED_PIPE ? 2
           : type == UV_UDP        ? 3
                                   : 0;
  }
  args.GetReturnValue().Set(kind);
}

// acceptPendingFd(id) -> the descriptor of the next received handle, a UDP
// socket (pendingKind 3), for udp_wrap to open; or an error code.
void AcceptPendingFd(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  if (wrap->kind != Kind::kPipe || !wrap->ipc ||
      uv_pipe_pending_count(&wrap->h.pipe) == 0 ||
      uv_pipe_pending_type(&wrap->h.pipe) != UV_UDP) {
    args.GetReturnValue().Set(UV_EAGAIN);
    return;
  }
  auto* carrier = new uv_udp_t;
  int err = uv_udp_init(wrap->runtime->loop(), carrier);
  if (err != 0) {
    delete carrier;
    args.GetReturnValue().Set(err);
    return;
  }
  err = uv_accept(wrap->stream(), reinterpret_cast<uv_stream_t*>(carrier));
  int fd = -1;
  uv_os_fd_t raw;
  if (err == 0 &&
      uv_fileno(reinterpret_cast<uv_handle_t*>(carrier), &raw) == 0) {
    fd = dup(raw);
    if (fd < 0) err = -errno;
  }
  CloseCarrier(carrier);
  args.GetReturnValue().Set(err != 0 ? err : fd);
}

// acceptPending(id, owner) -> the id of a new handle for the next received
// one (the kind pendingKind said), owned by `owner`, or an error code.
void AcceptPending(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_OR_EBADF(wrap, 0);
  if (wrap->kind != Kind::kPipe || !wrap->ipc ||
      uv_pipe_pending_count(&wrap->h.pipe) == 0) {
    args.GetReturnValue().Set(UV_EAGAIN);
    return;
  }
  uv_handle_type type = uv_pipe_pending_type(&wrap->h.pipe);
  if (type != UV_TCP && type != UV_NAMED_PIPE) {
    args.GetReturnValue().Set(UV_EINVAL);
    return;
  }
  StreamWrap* client =
      NewWrap(wrap->runtime, type == UV_TCP ? Kind::kTcp : Kind::kPipe, false);
  if (client == nullptr) {
    args.GetReturnValue().Set(UV_ENOMEM);
    return;
  }
  int err = uv_accept(wrap->stream(), client->stream());
  if (err != 0) {
    CloseWrap(client);
    args.GetReturnValue().Set(err);
    return;
  }
  client->owner.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  args.GetReturnValue().Set(client->id);
}

// ---- shutdown, close, ref ---------------------------------------------------

using ShutdownReq = Req<uv_shutdown_t>;

// shutdown(id, req) -> 0 or an error code; req.oncomplete(status) follows.
void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_OR_EBADF(wrap, 0);
  auto r = std::make_unique<ShutdownReq>();
  r->wrap = wrap;
  r->object.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  r->req.data = r.get();
  int err =
      uv_shutdown(&r->req, wrap->stream(), [](uv_shutdown_t* req, int status) {
        Complete(static_cast<ShutdownReq*>(req->data), status);
      });
  if (err == 0) r.release();
  args.GetReturnValue().Set(err);
}

void OnClose(uv_handle_t* handle) {
  std::unique_ptr<StreamWrap> wrap(static_cast<StreamWrap*>(handle->data));
  slots[wrap->id] = nullptr;
  free_ids.push_back(wrap->id);
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  Emit(wrap.get(), "onclose", 0, nullptr);
}

// The sink hears of the close before the id can name another handle.
void DropSink(StreamWrap* wrap) {
  ReadSink* sink = wrap->sink;
  wrap->sink = nullptr;
  if (sink != nullptr) sink->OnSinkDetached();
}

void CloseWrap(StreamWrap* wrap) {
  if (wrap->closing) return;
  wrap->closing = true;
  DropSink(wrap);
  uv_close(wrap->handle(), OnClose);
}

// close(id): owner.onclose() follows; the id is free after that.
void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  CloseWrap(wrap);
  args.GetReturnValue().Set(0);
}

// reset(id): a TCP close that sends RST (resetAndDestroy).
void Reset(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  if (wrap->kind != Kind::kTcp) {
    CloseWrap(wrap);
    args.GetReturnValue().Set(0);
    return;
  }
  wrap->closing = true;
  DropSink(wrap);
  int err = uv_tcp_close_reset(&wrap->h.tcp, OnClose);
  if (err != 0) {
    wrap->closing = false;
    CloseWrap(wrap);
  }
  args.GetReturnValue().Set(err);
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  uv_ref(wrap->handle());
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  uv_unref(wrap->handle());
}

// hasRef(id) -> boolean.
void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StreamWrap* wrap = Find(args, 0);
  args.GetReturnValue().Set(wrap != nullptr && uv_has_ref(wrap->handle()));
}

// stats(id, out): out[0] bytesRead, out[1] bytesWritten, out[2] the bytes
// queued in libuv (writeQueueSize). out is a Float64Array of 3.
void Stats(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsFloat64Array());
  FIND_OR_EBADF(wrap, 0);
  v8::Local<v8::Float64Array> out = args[1].As<v8::Float64Array>();
  JSPACK_CHECK(out->Length() >= 3);
  double values[3] = {
      wrap->bytes_read, wrap->bytes_written,
      static_cast<double>(uv_stream_get_write_queue_size(wrap->stream()))};
  std::shared_ptr<v8::BackingStore> store = out->Buffer()->GetBackingStore();
  memcpy(static_cast<char*>(store->Data()) + out->ByteOffset(), values,
         sizeof(values));
  args.GetReturnValue().Set(0);
}

// fileno(id) -> fd or an error code.
void Fileno(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap, 0);
  uv_os_fd_t fd;
  int err = uv_fileno(wrap->handle(), &fd);
  args.GetReturnValue().Set(err != 0 ? err : fd);
}

// ---- servers ----------------------------------------------------------------

void OnConnection(uv_stream_t* server, int status) {
  auto* wrap = static_cast<StreamWrap*>(server->data);
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  v8::Local<v8::Value> argv[2] = {v8::Integer::New(isolate, status),
                                  v8::Undefined(isolate)};
  if (status == 0) {
    StreamWrap* client = NewWrap(runtime, wrap->kind, false);
    if (client == nullptr) {
      argv[0] = v8::Integer::New(isolate, UV_ENOMEM);
    } else {
      int err = uv_accept(server, client->stream());
      if (err != 0) {
        CloseWrap(client);
        argv[0] = v8::Integer::New(isolate, err);
      } else {
        argv[1] = v8::Integer::NewFromUnsigned(isolate, client->id);
      }
    }
  }
  Emit(wrap, "_onconnection", 2, argv);
}

// listen(id, backlog) -> 0 or an error code.
void Listen(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  FIND_OR_EBADF(wrap, 0);
  args.GetReturnValue().Set(uv_listen(
      wrap->stream(), args[1].As<v8::Int32>()->Value(), OnConnection));
}

// ---- TCP --------------------------------------------------------------------

StreamWrap* FindTcp(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StreamWrap* wrap = Find(args, 0);
  return wrap != nullptr && wrap->kind == Kind::kTcp ? wrap : nullptr;
}

#define FIND_TCP_OR_EBADF(var)           \
  StreamWrap* var = FindTcp(args);       \
  if (var == nullptr) {                  \
    args.GetReturnValue().Set(UV_EBADF); \
    return;                              \
  }

// An address argument: IPv4 or IPv6 text and a port, as a sockaddr.
int ToSockaddr(v8::Isolate* isolate, v8::Local<v8::Value> address,
               v8::Local<v8::Value> port, bool v6, sockaddr_storage* out) {
  JSPACK_CHECK(address->IsString() && port->IsUint32());
  v8::String::Utf8Value text(isolate, address);
  int p = static_cast<int>(port.As<v8::Uint32>()->Value());
  if (v6) {
    return uv_ip6_addr(*text, p, reinterpret_cast<sockaddr_in6*>(out));
  }
  return uv_ip4_addr(*text, p, reinterpret_cast<sockaddr_in*>(out));
}

// tcpOpen(id, fd) -> 0 or an error code.
void TcpOpen(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  FIND_TCP_OR_EBADF(wrap);
  args.GetReturnValue().Set(
      uv_tcp_open(&wrap->h.tcp, args[1].As<v8::Int32>()->Value()));
}

// tcpBind(id, address, port, v6, ipv6Only) -> 0 or an error code.
void TcpBind(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_TCP_OR_EBADF(wrap);
  sockaddr_storage addr;
  bool v6 = args[3]->IsTrue();
  int err = ToSockaddr(args.GetIsolate(), args[1], args[2], v6, &addr);
  if (err == 0) {
    unsigned flags = v6 && args[4]->IsTrue() ? UV_TCP_IPV6ONLY : 0;
    err = uv_tcp_bind(&wrap->h.tcp, reinterpret_cast<sockaddr*>(&addr), flags);
  }
  args.GetReturnValue().Set(err);
}

using ConnectReq = Req<uv_connect_t>;

void AfterConnect(uv_connect_t* req, int status) {
  Complete(static_cast<ConnectReq*>(req->data), status);
}

// tcpConnect(id, req, address, port, v6) -> 0 or an error code;
// req.oncomplete(status) follows.
void TcpConnect(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_TCP_OR_EBADF(wrap);
  sockaddr_storage addr;
  int err =
      ToSockaddr(args.GetIsolate(), args[2], args[3], args[4]->IsTrue(), &addr);
  if (err != 0) {
    args.GetReturnValue().Set(err);
    return;
  }
  auto r = std::make_unique<ConnectReq>();
  r->wrap = wrap;
  r->object.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  r->req.data = r.get();
  err = uv_tcp_connect(&r->req, &wrap->h.tcp,
                       reinterpret_cast<sockaddr*>(&addr), AfterConnect);
  if (err == 0) r.release();
  args.GetReturnValue().Set(err);
}

// Sets out.address, out.family ('IPv4' / 'IPv6') and out.port.
int FillAddress(v8::Isolate* isolate, const sockaddr_storage& addr,
                v8::Local<v8::Object> out) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  char text[INET6_ADDRSTRLEN + 1] = {0};
  int port;
  const char* family;
  if (addr.ss_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const sockaddr_in6*>(&addr);
    uv_ip6_name(a6, text, sizeof(text));
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (addr.ss_family == AF_INET) {
    const auto* a4 = reinterpret_cast<const sockaddr_in*>(&addr);
    uv_ip4_name(a4, text, sizeof(text));
    port = ntohs(a4->sin_port);
    family = "IPv4";
  } else {
    return UV_EINVAL;
  }
  if (out->Set(context, OneByteString(isolate, "address"),
               OneByteString(isolate, text))
          .IsNothing() ||
      out->Set(context, OneByteString(isolate, "family"),
               OneByteString(isolate, family))
          .IsNothing() ||
      out->Set(context, OneByteString(isolate, "port"),
               v8::Integer::New(isolate, port))
          .IsNothing()) {
    return UV_EINVAL;
  }
  return 0;
}

// getsockname(id, out) / getpeername(id, out) -> 0 or an error code.
template <bool kPeer>
void GetName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_TCP_OR_EBADF(wrap);
  sockaddr_storage addr;
  int len = sizeof(addr);
  int err = kPeer ? uv_tcp_getpeername(&wrap->h.tcp,
                                       reinterpret_cast<sockaddr*>(&addr), &len)
                  : uv_tcp_getsockname(
                        &wrap->h.tcp, reinterpret_cast<sockaddr*>(&addr), &len);
  if (err == 0)
    err = FillAddress(args.GetIsolate(), addr, args[1].As<v8::Object>());
  args.GetReturnValue().Set(err);
}

// setNoDelay(id, enable) -> 0 or an error code.
void SetNoDelay(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_TCP_OR_EBADF(wrap);
  args.GetReturnValue().Set(uv_tcp_nodelay(&wrap->h.tcp, args[1]->IsTrue()));
}

// setKeepAlive(id, enable, delaySeconds) -> 0 or an error code.
void SetKeepAlive(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[2]->IsUint32());
  FIND_TCP_OR_EBADF(wrap);
  args.GetReturnValue().Set(uv_tcp_keepalive(
      &wrap->h.tcp, args[1]->IsTrue(), args[2].As<v8::Uint32>()->Value()));
}

// ---- pipes ------------------------------------------------------------------

StreamWrap* FindPipe(const v8::FunctionCallbackInfo<v8::Value>& args) {
  StreamWrap* wrap = Find(args, 0);
  return wrap != nullptr && wrap->kind == Kind::kPipe ? wrap : nullptr;
}

#define FIND_PIPE_OR_EBADF(var)          \
  StreamWrap* var = FindPipe(args);      \
  if (var == nullptr) {                  \
    args.GetReturnValue().Set(UV_EBADF); \
    return;                              \
  }

// pipeOpen(id, fd) -> 0 or an error code.
void PipeOpen(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  FIND_PIPE_OR_EBADF(wrap);
  args.GetReturnValue().Set(
      uv_pipe_open(&wrap->h.pipe, args[1].As<v8::Int32>()->Value()));
}

// pipeBind(id, path) -> 0 or an error code.
void PipeBind(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsString());
  FIND_PIPE_OR_EBADF(wrap);
  v8::String::Utf8Value path(args.GetIsolate(), args[1]);
  args.GetReturnValue().Set(uv_pipe_bind(&wrap->h.pipe, *path));
}

// pipeConnect(id, req, path) -> 0; req.oncomplete(status) follows.
void PipeConnect(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject() && args[2]->IsString());
  FIND_PIPE_OR_EBADF(wrap);
  v8::String::Utf8Value path(args.GetIsolate(), args[2]);
  auto* r = new ConnectReq();
  r->wrap = wrap;
  r->object.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  r->req.data = r;
  uv_pipe_connect(&r->req, &wrap->h.pipe, *path, AfterConnect);
  args.GetReturnValue().Set(0);
}

// pipeChmod(id, mode) -> 0 or an error code; mode is UV_READABLE |
// UV_WRITABLE bits.
void PipeChmod(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  FIND_PIPE_OR_EBADF(wrap);
  args.GetReturnValue().Set(
      uv_pipe_chmod(&wrap->h.pipe, args[1].As<v8::Int32>()->Value()));
}

// pipeGetsockname(id) / pipeGetpeername(id) -> the path, or an error code.
template <bool kPeer>
void PipeName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_PIPE_OR_EBADF(wrap);
  char path[1024];
  size_t len = sizeof(path);
  int err = kPeer ? uv_pipe_getpeername(&wrap->h.pipe, path, &len)
                  : uv_pipe_getsockname(&wrap->h.pipe, path, &len);
  if (err != 0) {
    args.GetReturnValue().Set(err);
    return;
  }
  v8::Local<v8::String> result;
  if (runtime::Utf8String(args.GetIsolate(), std::string_view(path, len))
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

constexpr runtime::Method kMethods[] = {
    {"tcpNew", TcpNew},
    {"pipeNew", PipeNew},
    {"adopt", Adopt},
    {"readStart", ReadStart},
    {"readStop", ReadStop},
    {"setReadBuffer", SetReadBuffer},
    {"writev", Writev},
    {"writeParts", WriteParts},
    {"shutdown", Shutdown},
    {"close", Close},
    {"reset", Reset},
    {"ref", Ref},
    {"unref", Unref},
    {"hasRef", HasRef},
    {"stats", Stats},
    {"fileno", Fileno},
    {"listen", Listen},
    {"tcpOpen", TcpOpen},
    {"tcpBind", TcpBind},
    {"tcpConnect", TcpConnect},
    {"getsockname", GetName<false>},
    {"getpeername", GetName<true>},
    {"setNoDelay", SetNoDelay},
    {"setKeepAlive", SetKeepAlive},
    {"pipeOpen", PipeOpen},
    {"pendingKind", PendingKind},
    {"acceptPending", AcceptPending},
    {"acceptPendingFd", AcceptPendingFd},
    {"pipeBind", PipeBind},
    {"pipeConnect", PipeConnect},
    {"pipeChmod", PipeChmod},
    {"pipeGetsockname", PipeName<false>},
    {"pipeGetpeername", PipeName<true>},
};

constexpr runtime::Constant kConstants[] = {
    {"UV_READABLE", UV_READABLE},
    {"UV_WRITABLE", UV_WRITABLE},
    {"UV_EOF", UV_EOF},
};

}  // namespace

bool AttachReadSink(uint32_t id, ReadSink* sink) {
  if (id >= slots.size()) return false;
  StreamWrap* wrap = slots[id];
  if (wrap == nullptr || wrap->closing || wrap->user_data != nullptr ||
      (wrap->sink != nullptr && wrap->sink != sink)) {
    return false;
  }
  wrap->sink = sink;
  return true;
}

void DetachReadSink(uint32_t id, ReadSink* sink) {
  if (id >= slots.size()) return;
  StreamWrap* wrap = slots[id];
  if (wrap != nullptr && wrap->sink == sink) wrap->sink = nullptr;
}

JSPACK_BINDING_WITH_CONSTANTS(stream_wrap, kMethods, kConstants)

}  // namespace jspack::bindings::stream_wrap
