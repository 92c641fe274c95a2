// dns: host name lookups on libuv's thread pool (uv_getaddrinfo and
// uv_getnameinfo), behind dns.lookup and dns.lookupService.
//
// Each call takes a JS request object and later calls
// req.oncomplete(status, ...results) on the loop thread, status 0 or a libuv
// error code (UV_EAI_*). node:dns turns those into Node's errors. Requests
// exist only while the app runs, never in a snapshot.
#include <netdb.h>
#include <sys/socket.h>
#include <uv.h>

#include <memory>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::dns {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

template <typename UvReq>
struct LookupReq {
  UvReq req;
  Runtime* runtime;
  v8::Global<v8::Object> object;
};

void Finish(Runtime* runtime, v8::Local<v8::Object> object, int argc,
            v8::Local<v8::Value>* argv) {
  v8::Isolate* isolate = runtime->isolate();
  v8::Local<v8::Value> fn;
  if (!object->Get(runtime->context(), OneByteString(isolate, "oncomplete"))
           .ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  runtime->MakeCallback(fn.As<v8::Function>(), argc, argv);
}

using AddrReq = LookupReq<uv_getaddrinfo_t>;

void AfterGetaddrinfo(uv_getaddrinfo_t* req, int status, addrinfo* res) {
  std::unique_ptr<AddrReq> r(static_cast<AddrReq*>(req->data));
  Runtime* runtime = r->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = runtime->context();
  v8::Context::Scope context_scope(context);
  // [address, family, address, family, ...] in the resolver's order.
  std::vector<v8::Local<v8::Value>> items;
  for (addrinfo* p = res; status == 0 && p != nullptr; p = p->ai_next) {
    char text[INET6_ADDRSTRLEN + 1] = {0};
    int family;
    if (p->ai_family == AF_INET) {
      uv_ip4_name(reinterpret_cast<sockaddr_in*>(p->ai_addr), text,
                  sizeof(text));
      family = 4;
    } else if (p->ai_family == AF_INET6) {
      uv_ip6_name(reinterpret_cast<sockaddr_in6*>(p->ai_addr), text,
                  sizeof(text));
      family = 6;
    } else {
      continue;
    }
    items.push_back(OneByteString(isolate, text));
    items.push_back(v8::Integer::New(isolate, family));
  }
  if (res != nullptr) uv_freeaddrinfo(res);
  v8::Local<v8::Value> argv[] = {
      v8::Integer::New(isolate, status),
      v8::Array::New(isolate, items.data(), items.size())};
  Finish(runtime, r->object.Get(isolate), 2, argv);
}

// getaddrinfo(req, hostname, family, hints) -> 0 or an error code;
// req.oncomplete(status, [address, family, ...]) follows. family is 0, 4 or
// 6; hints are AI_* flags.
void Getaddrinfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject() && args[1]->IsString() &&
               args[2]->IsInt32() && args[3]->IsInt32());
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* runtime = Runtime::From(args);
  v8::String::Utf8Value host(isolate, args[1]);
  int family = args[2].As<v8::Int32>()->Value();
  addrinfo hints = {};
  hints.ai_family =
      family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = args[3].As<v8::Int32>()->Value();
  auto r = std::make_unique<AddrReq>();
  r->runtime = runtime;
  r->object.Reset(isolate, args[0].As<v8::Object>());
  r->req.data = r.get();
  int err = uv_getaddrinfo(runtime->loop(), &r->req, AfterGetaddrinfo, *host,
                           nullptr, &hints);
  if (err == 0) r.release();
  args.GetReturnValue().Set(err);
}

using NameReq = LookupReq<uv_getnameinfo_t>;

void AfterGetnameinfo(uv_getnameinfo_t* req, int status, const char* host,
                      const char* service) {
  std::unique_ptr<NameReq> r(static_cast<NameReq*>(req->data));
  Runtime* runtime = r->runtime;
  v8::Isolate* isolate = runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(runtime->context());
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status),
                                 v8::Undefined(isolate),
                                 v8::Undefined(isolate)};
  if (status == 0) {
    v8::Local<v8::String> h, s;
    if (!runtime::Utf8String(isolate, host).ToLocal(&h) ||
        !runtime::Utf8String(isolate, service).ToLocal(&s)) {
      return;
    }
    argv[1] = h;
    argv[2] = s;
  }
  Finish(runtime, r->object.Get(isolate), 3, argv);
}

// getnameinfo(req, address, port) -> 0 or an error code;
// req.oncomplete(status, hostname, service) follows.
void Getnameinfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject() && args[1]->IsString() &&
               args[2]->IsUint32());
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* runtime = Runtime::From(args);
  v8::String::Utf8Value address(isolate, args[1]);
  int port = static_cast<int>(args[2].As<v8::Uint32>()->Value());
  sockaddr_storage addr;
  if (uv_ip4_addr(*address, port, reinterpret_cast<sockaddr_in*>(&addr)) !=
          0 &&
      uv_ip6_addr(*address, port, reinterpret_cast<sockaddr_in6*>(&addr)) !=
          0) {
    args.GetReturnValue().Set(UV_EINVAL);
    return;
  }
  auto r = std::make_unique<NameReq>();
  r->runtime = runtime;
  r->object.Reset(isolate, args[0].As<v8::Object>());
  r->req.data = r.get();
  int err =
      uv_getnameinfo(runtime->loop(), &r->req, AfterGetnameinfo,
                     reinterpret_cast<sockaddr*>(&addr), NI_NAMEREQD);
  if (err == 0) r.release();
  args.GetReturnValue().Set(err);
}

constexpr runtime::Method kMethods[] = {
    {"getaddrinfo", Getaddrinfo},
    {"getnameinfo", Getnameinfo},
};

constexpr runtime::Constant kConstants[] = {
    {"AI_ADDRCONFIG", AI_ADDRCONFIG},
    {"AI_ALL", AI_ALL},
    {"AI_V4MAPPED", AI_V4MAPPED},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(dns, kMethods, kConstants)

}  // namespace jspack::bindings::dns
