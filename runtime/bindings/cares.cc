// cares: DNS queries through c-ares, behind dns.resolve*() and dns.Resolver.
//
// A channel (one per Resolver, made on first use) is named by a small id and
// owned weakly by its JS object: when the Resolver is collected and no query
// is pending, the channel is destroyed. c-ares's sockets are watched with
// uv_poll_t handles (ARES_OPT_SOCK_STATE_CB tells which), and a uv_timer_t
// wakes c-ares at its next timeout while queries are pending, so a server
// that never answers ends in ARES_ETIMEOUT and never in a hang.
//
// query(id, req, name, type) completes with req.oncomplete(status, answer):
// status is a c-ares code (0 on success) and answer the raw DNS response as
// an ArrayBuffer, which stdlib/internal/dns/records.js parses. Channels exist
// only while the app runs, never in a snapshot.
#include <ares.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <uv.h>

#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::cares {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

struct ChannelWrap;

// One watched c-ares socket.
struct PollTask {
  uv_poll_t poll;
  ChannelWrap* channel;
  ares_socket_t fd;
};

struct ChannelWrap {
  ares_channel channel = nullptr;
  uv_timer_t timer;
  uint32_t id = 0;
  int pending = 0;
  bool owner_gone = false;
  bool destroyed = false;
  Runtime* runtime = nullptr;
  v8::Global<v8::Object> owner;
  std::map<ares_socket_t, PollTask*> polls;
  // While a binding call runs c-ares (query, cancel), completions it makes
  // at once are collected here as [req, status, payload] and handed back
  // to JS, which delivers them on the next tick: calling into JS from
  // inside a JS call would drain ticks under the caller.
  std::vector<v8::Local<v8::Value>>* sync_out = nullptr;
};

// Runs `fn` with completions collected; returns them as an array, or
// nothing (0) when there were none.
template <typename Fn>
void CollectingCompletions(const v8::FunctionCallbackInfo<v8::Value>& args,
                           ChannelWrap* wrap, Fn fn) {
  std::vector<v8::Local<v8::Value>> out;
  wrap->sync_out = &out;
  fn();
  wrap->sync_out = nullptr;
  if (out.empty()) {
    args.GetReturnValue().Set(0);
    return;
  }
  args.GetReturnValue().Set(
      v8::Array::New(args.GetIsolate(), out.data(), out.size()));
}

thread_local std::vector<ChannelWrap*> slots;
thread_local std::vector<uint32_t> free_ids;

ChannelWrap* Find(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsUint32()) return nullptr;
  uint32_t id = args[0].As<v8::Uint32>()->Value();
  if (id >= slots.size()) return nullptr;
  ChannelWrap* wrap = slots[id];
  return wrap == nullptr || wrap->destroyed ? nullptr : wrap;
}

void OnPoll(uv_poll_t* handle, int status, int events) {
  auto* task = static_cast<PollTask*>(handle->data);
  ChannelWrap* wrap = task->channel;
  if (status < 0) {
    // An error on the socket: let c-ares read and write to find out.
    ares_process_fd(wrap->channel, task->fd, task->fd);
    return;
  }
  ares_process_fd(wrap->channel,
                  (events & UV_READABLE) != 0 ? task->fd : ARES_SOCKET_BAD,
                  (events & UV_WRITABLE) != 0 ? task->fd : ARES_SOCKET_BAD);
}

// c-ares opened, changed or closed one of its sockets.
void OnSockState(void* data, ares_socket_t fd, int readable, int writable) {
  auto* wrap = static_cast<ChannelWrap*>(data);
  auto found = wrap->polls.find(fd);
  if (!readable && !writable) {
    if (found == wrap->polls.end()) return;
    PollTask* task = found->second;
    wrap->polls.erase(found);
    uv_poll_stop(&task->poll);
    uv_close(reinterpret_cast<uv_handle_t*>(&task->poll),
             [](uv_handle_t* h) { delete static_cast<PollTask*>(h->data); });
    return;
  }
  PollTask* task;
  if (found == wrap->polls.end()) {
    task = new PollTask();
    task->channel = wrap;
    task->fd = fd;
    if (uv_poll_init_socket(wrap->runtime->loop(), &task->poll, fd) != 0) {
      delete task;
      return;
    }
    task->poll.data = task;
    // The pending-query timer keeps the loop alive; an idle socket c-ares
    // keeps open must not.
    uv_unref(reinterpret_cast<uv_handle_t*>(&task->poll));
    wrap->polls[fd] = task;
  } else {
    task = found->second;
  }
  uv_poll_start(&task->poll,
                (readable ? UV_READABLE : 0) | (writable ? UV_WRITABLE : 0),
                OnPoll);
}

void ScheduleTimer(ChannelWrap* wrap);

void OnTimer(uv_timer_t* handle) {
  auto* wrap = static_cast<ChannelWrap*>(handle->data);
  ares_process_fd(wrap->channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
  ScheduleTimer(wrap);
}

// Wakes c-ares at its next timeout while a query is pending.
void ScheduleTimer(ChannelWrap* wrap) {
  if (wrap->destroyed) return;
  if (wrap->pending <= 0) {
    uv_timer_stop(&wrap->timer);
    return;
  }
  timeval max = {1, 0};
  timeval tv;
  timeval* next = ares_timeout(wrap->channel, &max, &tv);
  uint64_t ms = static_cast<uint64_t>(next->tv_sec) * 1000 +
                static_cast<uint64_t>(next->tv_usec) / 1000;
  uv_timer_start(&wrap->timer, OnTimer, ms == 0 ? 1 : ms, 0);
}

void DestroyChannel(ChannelWrap* wrap) {
  if (wrap->destroyed) return;
  wrap->destroyed = true;
  slots[wrap->id] = nullptr;
  free_ids.push_back(wrap->id);
  // No query is pending, so ares_destroy calls back nothing; it closes its
  // sockets, which removes the poll handles through OnSockState.
  ares_destroy(wrap->channel);
  wrap->channel = nullptr;
  wrap->owner.Reset();
  uv_close(reinterpret_cast<uv_handle_t*>(&wrap->timer),
           [](uv_handle_t* h) { delete static_cast<ChannelWrap*>(h->data); });
}

void OnOwnerCollected(const v8::WeakCallbackInfo<ChannelWrap>& info) {
  ChannelWrap* wrap = info.GetParameter();
  wrap->owner.Reset();
  wrap->owner_gone = true;
  if (wrap->pending == 0) DestroyChannel(wrap);
}

void QueryDone(ChannelWrap* wrap) {
  --wrap->pending;
  if (wrap->pending == 0 && wrap->owner_gone) {
    DestroyChannel(wrap);
    return;
  }
  ScheduleTimer(wrap);
}

// channelNew(owner, timeoutMs, tries) -> id, or a negative c-ares code.
// timeoutMs < 0 and tries < 1 keep c-ares's defaults.
void ChannelNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject() && args[1]->IsInt32() && args[2]->IsInt32());
  static const int library = ares_library_init(ARES_LIB_INIT_ALL);
  if (library != ARES_SUCCESS) {
    args.GetReturnValue().Set(-library);
    return;
  }
  Runtime* runtime = Runtime::From(args);
  auto wrap = std::make_unique<ChannelWrap>();
  wrap->runtime = runtime;
  ares_options options;
  memset(&options, 0, sizeof(options));
  int mask = ARES_OPT_SOCK_STATE_CB | ARES_OPT_FLAGS;
  options.sock_state_cb = OnSockState;
  options.sock_state_cb_data = wrap.get();
  // Answers the application asked for are returned even when they carry an
  // error code other than NXDOMAIN-style ones (as Node does).
  // EDNS lets UDP answers grow past 512 bytes instead of being retried
  // over TCP, as Node's own c-ares does.
  options.flags = ARES_FLAG_NOCHECKRESP | ARES_FLAG_EDNS;
  options.ednspsz = 1232;
  mask |= ARES_OPT_EDNSPSZ;
  int timeout = args[1].As<v8::Int32>()->Value();
  if (timeout >= 0) {
    options.timeout = timeout;
    mask |= ARES_OPT_TIMEOUTMS;
  }
  int tries = args[2].As<v8::Int32>()->Value();
  if (tries >= 1) {
    options.tries = tries;
    mask |= ARES_OPT_TRIES;
  }
  int status = ares_init_options(&wrap->channel, &options, mask);
  if (status != ARES_SUCCESS) {
    args.GetReturnValue().Set(-status);
    return;
  }
  uv_timer_init(runtime->loop(), &wrap->timer);
  wrap->timer.data = wrap.get();
  wrap->owner.Reset(args.GetIsolate(), args[0].As<v8::Object>());
  wrap->owner.SetWeak(wrap.get(), OnOwnerCollected,
                      v8::WeakCallbackType::kParameter);
  ChannelWrap* raw = wrap.release();
  if (free_ids.empty()) {
    raw->id = static_cast<uint32_t>(slots.size());
    slots.push_back(raw);
  } else {
    raw->id = free_ids.back();
    free_ids.pop_back();
    slots[raw->id] = raw;
  }
  args.GetReturnValue().Set(raw->id);
}

struct QueryReq {
  ChannelWrap* wrap;
  v8::Global<v8::Object> object;
};

void Complete(QueryReq* req, int argc, v8::Local<v8::Value>* argv) {
  Runtime* runtime = req->wrap->runtime;
  if (req->wrap->sync_out != nullptr) {
    req->wrap->sync_out->push_back(req->object.Get(runtime->isolate()));
    for (int i = 0; i < argc; ++i) req->wrap->sync_out->push_back(argv[i]);
    return;
  }
  v8::Isolate* isolate = runtime->isolate();
  v8::Local<v8::Context> context = runtime->context();
  v8::Local<v8::Object> object = req->object.Get(isolate);
  v8::Local<v8::Value> fn;
  if (!object->Get(context, OneByteString(isolate, "oncomplete")).ToLocal(&fn) ||
      !fn->IsFunction()) {
    return;
  }
  runtime->MakeCallback(fn.As<v8::Function>(), argc, argv);
}

void AfterQuery(void* arg, int status, int, unsigned char* answer, int length) {
  std::unique_ptr<QueryReq> req(static_cast<QueryReq*>(arg));
  ChannelWrap* wrap = req->wrap;
  // ares_destroy cancels with ARES_EDESTRUCTION only when the channel goes
  // away with queries pending, which DestroyChannel never does.
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  // Collected completions must outlive this function: they live in the
  // scope of the binding call that is running.
  std::optional<v8::HandleScope> scope;
  if (wrap->sync_out == nullptr) scope.emplace(isolate);
  v8::Context::Scope context_scope(runtime->context());
  v8::Local<v8::Value> argv[2] = {v8::Integer::New(isolate, status),
                                  v8::Undefined(isolate)};
  if (answer != nullptr && length > 0) {
    v8::Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
    memcpy(buffer->GetBackingStore()->Data(), answer, length);
    argv[1] = buffer;
  }
  Complete(req.get(), 2, argv);
  QueryDone(wrap);
}

// query(id, req, name, type) -> 0, ARES_EDESTRUCTION when the channel is
// gone, or an array of completions c-ares made at once ([req, status,
// answer, ...], for JS to deliver); req.oncomplete(status, answer) follows.
void Query(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject() && args[2]->IsString() && args[3]->IsInt32());
  ChannelWrap* wrap = Find(args);
  if (wrap == nullptr) {
    args.GetReturnValue().Set(ARES_EDESTRUCTION);
    return;
  }
  auto* req = new QueryReq();
  req->wrap = wrap;
  req->object.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  v8::String::Utf8Value name(args.GetIsolate(), args[2]);
  ++wrap->pending;
  int type = args[3].As<v8::Int32>()->Value();
  CollectingCompletions(args, wrap, [&] {
    ares_query(wrap->channel, *name, 1 /* C_IN */, type, AfterQuery, req);
  });
  ScheduleTimer(wrap);
}

void AfterHostByAddr(void* arg, int status, int, hostent* host) {
  std::unique_ptr<QueryReq> req(static_cast<QueryReq*>(arg));
  ChannelWrap* wrap = req->wrap;
  Runtime* runtime = wrap->runtime;
  v8::Isolate* isolate = runtime->isolate();
  std::optional<v8::HandleScope> scope;
  if (wrap->sync_out == nullptr) scope.emplace(isolate);
  v8::Local<v8::Context> context = runtime->context();
  v8::Context::Scope context_scope(context);
  std::vector<v8::Local<v8::Value>> names;
  if (status == ARES_SUCCESS && host != nullptr) {
    // c-ares lists every PTR name among the aliases (h_name is one of them).
    v8::Local<v8::String> text;
    for (char** alias = host->h_aliases; alias != nullptr && *alias != nullptr;
         ++alias) {
      if (runtime::Utf8String(isolate, *alias).ToLocal(&text)) names.push_back(text);
    }
    if (names.empty() && host->h_name != nullptr &&
        runtime::Utf8String(isolate, host->h_name).ToLocal(&text)) {
      names.push_back(text);
    }
  }
  v8::Local<v8::Value> argv[2] = {
      v8::Integer::New(isolate, status),
      v8::Array::New(isolate, names.data(), names.size())};
  Complete(req.get(), 2, argv);
  QueryDone(wrap);
}

// getHostByAddr(id, req, ip) -> 0, or ARES_ENOTIMP for a text that is no
// address; req.oncomplete(status, names) follows.
void GetHostByAddr(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject() && args[2]->IsString());
  ChannelWrap* wrap = Find(args);
  if (wrap == nullptr) {
    args.GetReturnValue().Set(ARES_EDESTRUCTION);
    return;
  }
  v8::String::Utf8Value ip(args.GetIsolate(), args[2]);
  unsigned char addr[16];
  int family;
  int length;
  if (uv_inet_pton(AF_INET, *ip, addr) == 0) {
    family = AF_INET;
    length = 4;
  } else if (uv_inet_pton(AF_INET6, *ip, addr) == 0) {
    family = AF_INET6;
    length = 16;
  } else {
    args.GetReturnValue().Set(ARES_ENOTIMP);
    return;
  }
  auto* req = new QueryReq();
  req->wrap = wrap;
  req->object.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  ++wrap->pending;
  CollectingCompletions(args, wrap, [&] {
    ares_gethostbyaddr(wrap->channel, addr, length, family, AfterHostByAddr, req);
  });
  ScheduleTimer(wrap);
}

// getServers(id) -> [address, port, address, port, ...].
void GetServers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ChannelWrap* wrap = Find(args);
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<v8::Local<v8::Value>> items;
  ares_addr_port_node* servers = nullptr;
  if (wrap != nullptr &&
      ares_get_servers_ports(wrap->channel, &servers) == ARES_SUCCESS) {
    for (ares_addr_port_node* p = servers; p != nullptr; p = p->next) {
      char text[INET6_ADDRSTRLEN + 1] = {0};
      uv_inet_ntop(p->family, &p->addr, text, sizeof(text));
      items.push_back(OneByteString(isolate, text));
      items.push_back(v8::Integer::New(isolate, p->udp_port));
    }
  }
  if (servers != nullptr) ares_free_data(servers);
  args.GetReturnValue().Set(v8::Array::New(isolate, items.data(), items.size()));
}

// setServers(id, [family, address, port, ...]) -> a c-ares code (0 on
// success). Port 0 means 53.
void SetServers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsArray());
  ChannelWrap* wrap = Find(args);
  if (wrap == nullptr) {
    args.GetReturnValue().Set(ARES_EDESTRUCTION);
    return;
  }
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> list = args[1].As<v8::Array>();
  uint32_t n = list->Length() / 3;
  std::vector<ares_addr_port_node> nodes(n);
  for (uint32_t i = 0; i < n; ++i) {
    v8::Local<v8::Value> family, address, port;
    if (!list->Get(context, i * 3).ToLocal(&family) ||
        !list->Get(context, i * 3 + 1).ToLocal(&address) ||
        !list->Get(context, i * 3 + 2).ToLocal(&port)) {
      return;
    }
    JSPACK_CHECK(family->IsInt32() && address->IsString() && port->IsInt32());
    ares_addr_port_node& node = nodes[i];
    memset(&node, 0, sizeof(node));
    node.family = family.As<v8::Int32>()->Value() == 6 ? AF_INET6 : AF_INET;
    v8::String::Utf8Value text(isolate, address);
    if (uv_inet_pton(node.family, *text, &node.addr) != 0) {
      args.GetReturnValue().Set(ARES_EBADSTR);
      return;
    }
    int p = port.As<v8::Int32>()->Value();
    node.udp_port = node.tcp_port = p;
    node.next = i + 1 < n ? &nodes[i + 1] : nullptr;
  }
  int status = ares_set_servers_ports(wrap->channel, n > 0 ? nodes.data() : nullptr);
  args.GetReturnValue().Set(status);
}

// setLocalAddress(id, ipv4 | undefined, ipv6 | undefined) -> 0, or
// ARES_EBADSTR for an address that is not one.
void SetLocalAddress(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ChannelWrap* wrap = Find(args);
  if (wrap == nullptr) {
    args.GetReturnValue().Set(ARES_EDESTRUCTION);
    return;
  }
  v8::Isolate* isolate = args.GetIsolate();
  unsigned char addr4[4] = {0};
  unsigned char addr6[16] = {0};
  if (args[1]->IsString()) {
    v8::String::Utf8Value text(isolate, args[1]);
    if (uv_inet_pton(AF_INET, *text, addr4) != 0) {
      args.GetReturnValue().Set(ARES_EBADSTR);
      return;
    }
  }
  if (args[2]->IsString()) {
    v8::String::Utf8Value text(isolate, args[2]);
    if (uv_inet_pton(AF_INET6, *text, addr6) != 0) {
      args.GetReturnValue().Set(ARES_EBADSTR);
      return;
    }
  }
  unsigned int host_order;
  memcpy(&host_order, addr4, 4);
  ares_set_local_ip4(wrap->channel, ntohl(host_order));
  ares_set_local_ip6(wrap->channel, addr6);
  args.GetReturnValue().Set(0);
}

// cancel(id) -> the completions (ARES_ECANCELLED) of every pending query,
// as query() returns them.
void Cancel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ChannelWrap* wrap = Find(args);
  if (wrap == nullptr) return;
  CollectingCompletions(args, wrap, [&] { ares_cancel(wrap->channel); });
}

// strerror(code) -> c-ares's description.
void StrError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32());
  args.GetReturnValue().Set(OneByteString(
      args.GetIsolate(), ares_strerror(args[0].As<v8::Int32>()->Value())));
}

constexpr runtime::Method kMethods[] = {
    {"channelNew", ChannelNew},
    {"query", Query},
    {"getHostByAddr", GetHostByAddr},
    {"getServers", GetServers},
    {"setServers", SetServers},
    {"setLocalAddress", SetLocalAddress},
    {"cancel", Cancel},
    {"strerror", StrError},
};

constexpr runtime::Constant kConstants[] = {
    {"ENODATA", ARES_ENODATA},
    {"EFORMERR", ARES_EFORMERR},
    {"ESERVFAIL", ARES_ESERVFAIL},
    {"ENOTFOUND", ARES_ENOTFOUND},
    {"ENOTIMP", ARES_ENOTIMP},
    {"EREFUSED", ARES_EREFUSED},
    {"EBADQUERY", ARES_EBADQUERY},
    {"EBADNAME", ARES_EBADNAME},
    {"EBADFAMILY", ARES_EBADFAMILY},
    {"EBADRESP", ARES_EBADRESP},
    {"ECONNREFUSED", ARES_ECONNREFUSED},
    {"ETIMEOUT", ARES_ETIMEOUT},
    {"EOF", ARES_EOF},
    {"EFILE", ARES_EFILE},
    {"ENOMEM", ARES_ENOMEM},
    {"EDESTRUCTION", ARES_EDESTRUCTION},
    {"EBADSTR", ARES_EBADSTR},
    {"EBADFLAGS", ARES_EBADFLAGS},
    {"ENONAME", ARES_ENONAME},
    {"EBADHINTS", ARES_EBADHINTS},
    {"ENOTINITIALIZED", ARES_ENOTINITIALIZED},
    {"ELOADIPHLPAPI", ARES_ELOADIPHLPAPI},
    {"EADDRGETNETWORKPARAMS", ARES_EADDRGETNETWORKPARAMS},
    {"ECANCELLED", ARES_ECANCELLED},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(cares, kMethods, kConstants)

}  // namespace jspack::bindings::cares
