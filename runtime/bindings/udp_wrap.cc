// udp_wrap: libuv UDP handles behind node:dgram: bind, connect, sends with
// their completions, datagrams received into fresh ArrayBuffers, socket
// options and multicast membership.
//
// As in stream_wrap, a handle is named by a small integer id and owned by a
// JS object (stdlib/internal/dgram/handle.js) that the binding holds
// strongly until close(). Events reach methods of the owner through
// Runtime::MakeCallback, the owner passed last:
//   owner.onmessage(nread, arrayBuffer, address, port, v6)  a datagram, or
//                                         nread < 0: a libuv receive error
//   owner.onclose()                       after close()
// and a send request's req.oncomplete(status, req). Handles only exist once
// the app runs, so none can reach a snapshot. Each thread has its own ids.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <uv.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::udp_wrap {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

struct UdpWrap {
  uv_udp_t udp;
  bool closing = false;
  uint32_t id = 0;
  Runtime* runtime = nullptr;
  v8::Global<v8::Object> owner;

  uv_handle_t* handle() { return reinterpret_cast<uv_handle_t*>(&udp); }
};

thread_local std::vector<UdpWrap*> slots;
thread_local std::vector<uint32_t> free_ids;

UdpWrap* Find(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsUint32()) return nullptr;
  uint32_t id = args[0].As<v8::Uint32>()->Value();
  if (id >= slots.size()) return nullptr;
  UdpWrap* wrap = slots[id];
  return wrap == nullptr || wrap->closing ? nullptr : wrap;
}

#define FIND_OR_EBADF(var)               \
  UdpWrap* var = Find(args);             \
  if (var == nullptr) {                  \
    args.GetReturnValue().Set(UV_EBADF); \
    return;                              \
  }

// Calls owner[name](...argv, owner).
void Emit(UdpWrap* wrap, const char* name, int argc,
          v8::Local<v8::Value>* argv) {
  if (wrap->owner.IsEmpty()) return;
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::Local<v8::Context> context = runtime->context();
  v8::Local<v8::Object> owner = wrap->owner.Get(isolate);
  v8::Local<v8::Value> fn;
  if (!owner->Get(context, OneByteString(isolate, name)).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  constexpr int kMaxArgs = 6;
  JSPACK_CHECK(argc < kMaxArgs);
  v8::Local<v8::Value> all[kMaxArgs];
  for (int i = 0; i < argc; ++i) all[i] = argv[i];
  all[argc] = owner;
  runtime->MakeCallback(fn.As<v8::Function>(), argc + 1, all);
}

// An address and port from JS as a sockaddr; v6 picks the family.
int ToSockaddr(v8::Isolate* isolate, v8::Local<v8::Value> address,
               v8::Local<v8::Value> port, bool v6, sockaddr_storage* out) {
  JSPACK_CHECK(address->IsString() && port->IsUint32());
  v8::String::Utf8Value text(isolate, address);
  int p = static_cast<int>(port.As<v8::Uint32>()->Value() & 0xffff);
  memset(out, 0, sizeof(*out));
  if (v6) return uv_ip6_addr(*text, p, reinterpret_cast<sockaddr_in6*>(out));
  return uv_ip4_addr(*text, p, reinterpret_cast<sockaddr_in*>(out));
}

// Text, port and family of a sockaddr; false for another family.
bool AddressParts(const sockaddr* addr, char* text, size_t size, int* port,
                  bool* v6) {
  if (addr->sa_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const sockaddr_in6*>(addr);
    uv_ip6_name(a6, text, size);
    *port = ntohs(a6->sin6_port);
    *v6 = true;
    return true;
  }
  if (addr->sa_family == AF_INET) {
    const auto* a4 = reinterpret_cast<const sockaddr_in*>(addr);
    uv_ip4_name(a4, text, size);
    *port = ntohs(a4->sin_port);
    *v6 = false;
    return true;
  }
  return false;
}

// ---- creation, bind, connect -------------------------------------------------

// udpNew(owner) -> id, or a libuv error code. The socket itself is made by
// bind (or open), once the family is known.
void UdpNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject());
  Runtime* runtime = Runtime::From(args);
  auto* wrap = new UdpWrap();
  wrap->runtime = runtime;
  int err = uv_udp_init(runtime->loop(), &wrap->udp);
  if (err != 0) {
    delete wrap;
    args.GetReturnValue().Set(err);
    return;
  }
  wrap->udp.data = wrap;
  if (free_ids.empty()) {
    wrap->id = static_cast<uint32_t>(slots.size());
    slots.push_back(wrap);
  } else {
    wrap->id = free_ids.back();
    free_ids.pop_back();
    slots[wrap->id] = wrap;
  }
  wrap->owner.Reset(args.GetIsolate(), args[0].As<v8::Object>());
  args.GetReturnValue().Set(wrap->id);
}

// open(id, fd) -> 0 or an error code: adopts a bound socket of the app's.
void Open(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  FIND_OR_EBADF(wrap);
  args.GetReturnValue().Set(
      uv_udp_open(&wrap->udp, args[1].As<v8::Int32>()->Value()));
}

// bind(id, address, port, v6, flags) -> 0 or an error code; flags are
// UV_UDP_IPV6ONLY | UV_UDP_REUSEADDR.
void Bind(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[4]->IsUint32());
  FIND_OR_EBADF(wrap);
  sockaddr_storage addr;
  int err = ToSockaddr(args.GetIsolate(), args[1], args[2], args[3]->IsTrue(),
                       &addr);
  if (err == 0) {
    err = uv_udp_bind(&wrap->udp, reinterpret_cast<sockaddr*>(&addr),
                      args[4].As<v8::Uint32>()->Value());
  }
  args.GetReturnValue().Set(err);
}

// connect(id, address, port, v6) -> 0 or an error code.
void Connect(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  sockaddr_storage addr;
  int err = ToSockaddr(args.GetIsolate(), args[1], args[2], args[3]->IsTrue(),
                       &addr);
  if (err == 0) {
    err = uv_udp_connect(&wrap->udp, reinterpret_cast<sockaddr*>(&addr));
  }
  args.GetReturnValue().Set(err);
}

// disconnect(id) -> 0 or an error code.
void Disconnect(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  args.GetReturnValue().Set(uv_udp_connect(&wrap->udp, nullptr));
}

// getsockname(id, out) / getpeername(id, out) -> 0 or an error code; sets
// out.address, out.family and out.port.
template <bool kPeer>
void GetName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject());
  FIND_OR_EBADF(wrap);
  sockaddr_storage addr;
  int len = sizeof(addr);
  auto* sa = reinterpret_cast<sockaddr*>(&addr);
  int err = kPeer ? uv_udp_getpeername(&wrap->udp, sa, &len)
                  : uv_udp_getsockname(&wrap->udp, sa, &len);
  if (err != 0) {
    args.GetReturnValue().Set(err);
    return;
  }
  char text[INET6_ADDRSTRLEN + 1] = {0};
  int port = 0;
  bool v6 = false;
  if (!AddressParts(sa, text, sizeof(text), &port, &v6)) {
    args.GetReturnValue().Set(UV_EINVAL);
    return;
  }
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> out = args[1].As<v8::Object>();
  if (out->Set(context, OneByteString(isolate, "address"),
               OneByteString(isolate, text))
          .IsNothing() ||
      out->Set(context, OneByteString(isolate, "family"),
               OneByteString(isolate, v6 ? "IPv6" : "IPv4"))
          .IsNothing() ||
      out->Set(context, OneByteString(isolate, "port"),
               v8::Integer::New(isolate, port))
          .IsNothing()) {
    return;
  }
  args.GetReturnValue().Set(0);
}

// ---- receiving ---------------------------------------------------------------

// The largest datagram UDP carries over IPv4.
constexpr size_t kRecvSize = 64 * 1024;

void OnAlloc(uv_handle_t*, size_t, uv_buf_t* buf) {
  buf->base = static_cast<char*>(malloc(kRecvSize));
  buf->len = buf->base != nullptr ? kRecvSize : 0;
}

void FreeStore(void* data, size_t, void*) { free(data); }

void OnRecv(uv_udp_t* handle, ssize_t nread, const uv_buf_t* buf,
            const sockaddr* addr, unsigned) {
  auto* wrap = static_cast<UdpWrap*>(handle->data);
  // Nothing more to read (addr null) is not a datagram; an empty datagram
  // (nread 0 with an address) is.
  if (nread == 0 && addr == nullptr) {
    free(buf->base);
    return;
  }
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  v8::Local<v8::Value> argv[5] = {
      v8::Number::New(isolate, static_cast<double>(nread)),
      v8::Undefined(isolate), v8::Undefined(isolate), v8::Undefined(isolate),
      v8::Undefined(isolate)};
  if (nread < 0 || addr == nullptr) {
    free(buf->base);
    Emit(wrap, "onmessage", 5, argv);
    return;
  }
  char* data = buf->base;
  // Most datagrams are small: give the rest of the block back.
  char* smaller = static_cast<char*>(realloc(data, nread > 0 ? nread : 1));
  if (smaller != nullptr) data = smaller;
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, static_cast<size_t>(nread), FreeStore, nullptr);
  argv[1] = v8::ArrayBuffer::New(isolate, std::move(store));
  char text[INET6_ADDRSTRLEN + 1] = {0};
  int port = 0;
  bool v6 = false;
  if (AddressParts(addr, text, sizeof(text), &port, &v6)) {
    argv[2] = OneByteString(isolate, text);
    argv[3] = v8::Integer::New(isolate, port);
    argv[4] = v8::Boolean::New(isolate, v6);
  }
  Emit(wrap, "onmessage", 5, argv);
}

// recvStart(id) / recvStop(id) -> 0 or an error code.
void RecvStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  int err = uv_udp_recv_start(&wrap->udp, OnAlloc, OnRecv);
  // Already receiving is fine.
  args.GetReturnValue().Set(err == UV_EALREADY ? 0 : err);
}

void RecvStop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  args.GetReturnValue().Set(uv_udp_recv_stop(&wrap->udp));
}

// ---- sending -----------------------------------------------------------------

struct SendReq {
  uv_udp_send_t req;
  UdpWrap* wrap;
  v8::Global<v8::Object> object;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  std::vector<char*> owned;

  ~SendReq() {
    for (char* p : owned) free(p);
  }
};

void AfterSend(uv_udp_send_t* req, int status) {
  std::unique_ptr<SendReq> r(static_cast<SendReq*>(req->data));
  Runtime* runtime = r->wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = runtime->context();
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Object> object = r->object.Get(isolate);
  v8::Local<v8::Value> fn;
  if (!object->Get(context, OneByteString(isolate, "oncomplete")).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status), object};
  runtime->MakeCallback(fn.As<v8::Function>(), 2, argv);
}

// send(id, req, chunks, address, port, v6) -> 1 when the datagram went out
// at once (req is not completed then), 0 when req.oncomplete(status, req)
// follows, or an error code. `chunks` holds Uint8Arrays and utf8 strings;
// address undefined sends on a connected socket.
void Send(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject() && args[2]->IsArray());
  FIND_OR_EBADF(wrap);
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  sockaddr_storage storage;
  const sockaddr* addr = nullptr;
  if (!args[3]->IsUndefined()) {
    int err = ToSockaddr(isolate, args[3], args[4], args[5]->IsTrue(), &storage);
    if (err != 0) {
      args.GetReturnValue().Set(err);
      return;
    }
    addr = reinterpret_cast<sockaddr*>(&storage);
  }
  v8::Local<v8::Array> chunks = args[2].As<v8::Array>();
  uint32_t n = chunks->Length();
  auto r = std::make_unique<SendReq>();
  std::vector<uv_buf_t> bufs(n);
  for (uint32_t i = 0; i < n; ++i) {
    v8::Local<v8::Value> chunk;
    if (!chunks->Get(context, i).ToLocal(&chunk)) return;
    if (chunk->IsArrayBufferView()) {
      v8::Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
      std::shared_ptr<v8::BackingStore> store =
          view->Buffer()->GetBackingStore();
      char* data = static_cast<char*>(store->Data()) + view->ByteOffset();
      bufs[i] = uv_buf_init(data, static_cast<unsigned>(view->ByteLength()));
      r->stores.push_back(std::move(store));
      continue;
    }
    JSPACK_CHECK(chunk->IsString());
    v8::Local<v8::String> str = chunk.As<v8::String>();
    size_t length = str->Utf8Length(isolate);
    char* data = static_cast<char*>(malloc(length + 1));
    if (data == nullptr) {
      args.GetReturnValue().Set(UV_ENOMEM);
      return;
    }
    str->WriteUtf8(isolate, data, static_cast<int>(length), nullptr,
                   v8::String::NO_NULL_TERMINATION |
                       v8::String::REPLACE_INVALID_UTF8);
    r->owned.push_back(data);
    bufs[i] = uv_buf_init(data, static_cast<unsigned>(length));
  }
  // An empty list is an empty datagram; libuv wants at least one buffer.
  static char empty = 0;
  if (n == 0) {
    bufs.push_back(uv_buf_init(&empty, 0));
    n = 1;
  }
  // With nothing queued the datagram usually goes out now, without a
  // request: the common case costs no allocation kept past this call.
  if (uv_udp_get_send_queue_count(&wrap->udp) == 0) {
    int sent = uv_udp_try_send(&wrap->udp, bufs.data(), n, addr);
    if (sent >= 0) {
      args.GetReturnValue().Set(1);
      return;
    }
    if (sent != UV_EAGAIN && sent != UV_ENOSYS) {
      args.GetReturnValue().Set(sent);
      return;
    }
  }
  r->wrap = wrap;
  r->object.Reset(isolate, args[1].As<v8::Object>());
  r->req.data = r.get();
  int err = uv_udp_send(&r->req, &wrap->udp, bufs.data(), n, addr, AfterSend);
  if (err != 0) {
    args.GetReturnValue().Set(err);
    return;
  }
  r.release();
  args.GetReturnValue().Set(0);
}

// ---- options -----------------------------------------------------------------

// setOption(id, which, value) -> 0 or an error code. `which` is one of the
// kOpt* constants; value a number or boolean.
enum Option {
  kOptBroadcast = 0,
  kOptTtl = 1,
  kOptMulticastTtl = 2,
  kOptMulticastLoop = 3,
};

void SetOption(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsInt32());
  FIND_OR_EBADF(wrap);
  // NaN, fractions and huge numbers become int32 as JS would make them
  // (out of range for every option, so the kernel says EINVAL).
  int value = 0;
  if (args[2]->IsNumber()) {
    double d = args[2].As<v8::Number>()->Value();
    value = std::isfinite(d) && d >= -2147483648.0 && d <= 2147483647.0
                ? static_cast<int>(d)
                : -1;
  } else {
    value = args[2]->IsTrue() ? 1 : 0;
  }
  int err = UV_EINVAL;
  switch (args[1].As<v8::Int32>()->Value()) {
    case kOptBroadcast:
      err = uv_udp_set_broadcast(&wrap->udp, value != 0);
      break;
    case kOptTtl:
      err = uv_udp_set_ttl(&wrap->udp, value);
      break;
    case kOptMulticastTtl:
      err = uv_udp_set_multicast_ttl(&wrap->udp, value);
      break;
    case kOptMulticastLoop:
      err = uv_udp_set_multicast_loop(&wrap->udp, value != 0);
      break;
  }
  args.GetReturnValue().Set(err);
}

// setMulticastInterface(id, address) -> 0 or an error code.
void SetMulticastInterface(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsString());
  FIND_OR_EBADF(wrap);
  v8::String::Utf8Value iface(args.GetIsolate(), args[1]);
  args.GetReturnValue().Set(uv_udp_set_multicast_interface(&wrap->udp, *iface));
}

// membership(id, group, iface | undefined, join) -> 0 or an error code.
void Membership(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsString());
  FIND_OR_EBADF(wrap);
  v8::Isolate* isolate = args.GetIsolate();
  v8::String::Utf8Value group(isolate, args[1]);
  v8::String::Utf8Value iface(isolate, args[2]);
  const char* iface_text = args[2]->IsString() ? *iface : nullptr;
  args.GetReturnValue().Set(uv_udp_set_membership(
      &wrap->udp, *group, iface_text,
      args[3]->IsTrue() ? UV_JOIN_GROUP : UV_LEAVE_GROUP));
}

// sourceMembership(id, source, group, iface | undefined, join) -> 0 or an
// error code.
void SourceMembership(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsString() && args[2]->IsString());
  FIND_OR_EBADF(wrap);
  v8::Isolate* isolate = args.GetIsolate();
  v8::String::Utf8Value source(isolate, args[1]);
  v8::String::Utf8Value group(isolate, args[2]);
  v8::String::Utf8Value iface(isolate, args[3]);
  const char* iface_text = args[3]->IsString() ? *iface : nullptr;
  args.GetReturnValue().Set(uv_udp_set_source_membership(
      &wrap->udp, *group, iface_text, *source,
      args[4]->IsTrue() ? UV_JOIN_GROUP : UV_LEAVE_GROUP));
}

// bufferSize(id, size, recv) -> the kernel's size (size 0 asks), or an error
// code. Linux reports twice the size set.
void BufferSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsUint32());
  FIND_OR_EBADF(wrap);
  int value = static_cast<int>(args[1].As<v8::Uint32>()->Value());
  int err = args[2]->IsTrue() ? uv_recv_buffer_size(wrap->handle(), &value)
                              : uv_send_buffer_size(wrap->handle(), &value);
  args.GetReturnValue().Set(err != 0 ? err : value);
}

// queueSize(id) -> the bytes waiting; queueCount(id) -> the sends waiting.
void QueueSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  UdpWrap* wrap = Find(args);
  args.GetReturnValue().Set(
      wrap == nullptr ? 0.0
                      : static_cast<double>(
                            uv_udp_get_send_queue_size(&wrap->udp)));
}

void QueueCount(const v8::FunctionCallbackInfo<v8::Value>& args) {
  UdpWrap* wrap = Find(args);
  args.GetReturnValue().Set(
      wrap == nullptr ? 0.0
                      : static_cast<double>(
                            uv_udp_get_send_queue_count(&wrap->udp)));
}

// ---- close, ref --------------------------------------------------------------

void OnClose(uv_handle_t* handle) {
  std::unique_ptr<UdpWrap> wrap(static_cast<UdpWrap*>(handle->data));
  slots[wrap->id] = nullptr;
  free_ids.push_back(wrap->id);
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  Emit(wrap.get(), "onclose", 0, nullptr);
}

// close(id): owner.onclose() follows; the id is free after that.
void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  wrap->closing = true;
  uv_close(wrap->handle(), OnClose);
  args.GetReturnValue().Set(0);
}

void Ref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  uv_ref(wrap->handle());
}

void Unref(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  uv_unref(wrap->handle());
}

void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  UdpWrap* wrap = Find(args);
  args.GetReturnValue().Set(wrap != nullptr && uv_has_ref(wrap->handle()));
}

// fileno(id) -> fd or an error code.
void Fileno(const v8::FunctionCallbackInfo<v8::Value>& args) {
  FIND_OR_EBADF(wrap);
  uv_os_fd_t fd;
  int err = uv_fileno(wrap->handle(), &fd);
  args.GetReturnValue().Set(err != 0 ? err : fd);
}

constexpr runtime::Method kMethods[] = {
    {"udpNew", UdpNew},
    {"open", Open},
    {"bind", Bind},
    {"connect", Connect},
    {"disconnect", Disconnect},
    {"getsockname", GetName<false>},
    {"getpeername", GetName<true>},
    {"recvStart", RecvStart},
    {"recvStop", RecvStop},
    {"send", Send},
    {"setOption", SetOption},
    {"setMulticastInterface", SetMulticastInterface},
    {"membership", Membership},
    {"sourceMembership", SourceMembership},
    {"bufferSize", BufferSize},
    {"queueSize", QueueSize},
    {"queueCount", QueueCount},
    {"close", Close},
    {"ref", Ref},
    {"unref", Unref},
    {"hasRef", HasRef},
    {"fileno", Fileno},
};

constexpr runtime::Constant kConstants[] = {
    {"UV_UDP_IPV6ONLY", UV_UDP_IPV6ONLY},
    {"UV_UDP_REUSEADDR", UV_UDP_REUSEADDR},
    {"OPT_BROADCAST", kOptBroadcast},
    {"OPT_TTL", kOptTtl},
    {"OPT_MULTICAST_TTL", kOptMulticastTtl},
    {"OPT_MULTICAST_LOOP", kOptMulticastLoop},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(udp_wrap, kMethods, kConstants)

}  // namespace jspack::bindings::udp_wrap
