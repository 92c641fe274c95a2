// messaging: MessageChannel, MessagePort and BroadcastChannel behind
// node:worker_threads (and the globals). The ports themselves are
// runtime::PortWrap (core/worker_port.h); this is their JS surface.
#include <memory>

#include "runtime/core/binding.h"
#include "runtime/core/message.h"
#include "runtime/core/runtime.h"
#include "runtime/core/worker_port.h"

namespace jspack::bindings::messaging {
namespace {

using runtime::Message;
using runtime::PortData;
using runtime::PortWrap;
using runtime::Runtime;

// The open port in args[0]; JS checked it is one (port[kHandle] is only
// ever a port), but a port may have closed since: then nullptr.
PortWrap* PortArg(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return PortWrap::From(args[0]);
}

// setup(emit, prototype): once per runtime, before any port exists.
void Setup(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsFunction() && args[1]->IsObject());
  PortWrap::Setup(Runtime::From(args), args[0].As<v8::Function>(),
                  args[1].As<v8::Object>());
}

// createChannel() -> [port1, port2], entangled.
void CreateChannel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime* runtime = Runtime::From(args);
  auto [a, b] = PortData::NewPair();
  v8::Local<v8::Object> port1, port2;
  if (!PortWrap::New(runtime, a).ToLocal(&port1) ||
      !PortWrap::New(runtime, b).ToLocal(&port2)) {
    return;
  }
  v8::Local<v8::Value> ports[] = {port1, port2};
  args.GetReturnValue().Set(v8::Array::New(args.GetIsolate(), ports, 2));
}

// Serializes args[1] with the transfer lists args[2] (distinct ArrayBuffers)
// and args[3] (distinct open ports, not the sender); args[4] is makeError.
// Returns nullptr with an exception pending.
std::unique_ptr<Message> WriteMessage(
    const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  JSPACK_CHECK(args[2]->IsArray() && args[3]->IsArray() &&
               args[4]->IsFunction());
  v8::Local<v8::Array> port_list = args[3].As<v8::Array>();
  Message::PortTransfer transfer;
  for (uint32_t i = 0; i < port_list->Length(); ++i) {
    v8::Local<v8::Value> item;
    if (!port_list->Get(context, i).ToLocal(&item)) return nullptr;
    JSPACK_CHECK(PortWrap::From(item) != nullptr);
    transfer.objects.push_back(item.As<v8::Object>());
  }
  transfer.detach = [](v8::Local<v8::Object> object) {
    return PortWrap::From(object)->Detach();
  };
  auto message = std::make_unique<Message>();
  if (!message->Write(context, args[1], args[2].As<v8::Array>(),
                      args[4].As<v8::Function>(), &transfer)) {
    return nullptr;
  }
  return message;
}

// postMessage(port, value, buffers, ports, makeError) -> true if queued on
// the peer (false: the channel is closed and the message is dropped).
void PostMessage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  PortWrap* wrap = PortArg(args);
  std::unique_ptr<Message> message = WriteMessage(args);
  if (!message) return;
  // A port closed meanwhile drops the message, as Node's closed ports do.
  bool sent = wrap != nullptr && wrap->data()->Send(std::move(message));
  args.GetReturnValue().Set(sent);
}

// isPeer(port, other) -> whether `other` is entangled with `port`.
void IsPeer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  PortWrap* wrap = PortArg(args);
  PortWrap* other = PortWrap::From(args[1]);
  args.GetReturnValue().Set(wrap != nullptr && other != nullptr &&
                            wrap->data()->IsPeer(other->data().get()));
}

// isPort(value) -> whether value is an open port object.
void IsPort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(PortWrap::From(args[0]) != nullptr);
}

void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (PortWrap* wrap = PortArg(args)) wrap->Start();
}

void Stop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (PortWrap* wrap = PortArg(args)) wrap->Stop();
}

void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (PortWrap* wrap = PortArg(args)) wrap->Close();
}

// setRef(port, bool)
void SetRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (PortWrap* wrap = PortArg(args)) wrap->SetRef(args[1]->IsTrue());
}

// hasRef(port) -> bool: whether the port keeps the loop alive.
void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  PortWrap* wrap = PortArg(args);
  args.GetReturnValue().Set(wrap != nullptr && wrap->has_ref());
}

// drain(port): delivers what is queued now (if the port is started).
void Drain(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (PortWrap* wrap = PortArg(args)) wrap->Drain();
}

// receive(port) -> [value] for the next queued message, or undefined.
void Receive(const v8::FunctionCallbackInfo<v8::Value>& args) {
  PortWrap* wrap = PortArg(args);
  if (wrap == nullptr) return;
  v8::MaybeLocal<v8::Value> maybe;
  if (!wrap->ReceiveOne(&maybe)) return;
  v8::Local<v8::Value> value;
  if (!maybe.ToLocal(&value)) return;
  args.GetReturnValue().Set(v8::Array::New(args.GetIsolate(), &value, 1));
}

// openBroadcast(name) -> a port object that receives what other channels
// of that name (in any thread) post.
void OpenBroadcast(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsString());
  v8::String::Utf8Value name(args.GetIsolate(), args[0]);
  auto data = std::make_shared<PortData>();
  data->set_broadcast_name(std::string(*name, name.length()));
  runtime::BroadcastJoin(data);
  v8::Local<v8::Object> port;
  if (PortWrap::New(Runtime::From(args), data).ToLocal(&port)) {
    args.GetReturnValue().Set(port);
  }
}

// broadcast(port, value, buffers, ports, makeError): a copy for every other
// member of the port's channel name.
void Broadcast(const v8::FunctionCallbackInfo<v8::Value>& args) {
  PortWrap* wrap = PortArg(args);
  if (wrap == nullptr) return;
  for (const std::shared_ptr<PortData>& member : runtime::BroadcastMembers(
           wrap->data()->broadcast_name(), wrap->data().get())) {
    std::unique_ptr<Message> message = WriteMessage(args);
    if (!message) return;
    member->Deliver(std::move(message));
  }
}

constexpr runtime::Method kMethods[] = {
    {"setup", Setup},
    {"createChannel", CreateChannel},
    {"postMessage", PostMessage},
    {"isPeer", IsPeer},
    {"isPort", IsPort},
    {"start", Start},
    {"stop", Stop},
    {"close", Close},
    {"setRef", SetRef},
    {"hasRef", HasRef},
    {"drain", Drain},
    {"receive", Receive},
    {"openBroadcast", OpenBroadcast},
    {"broadcast", Broadcast},
};

}  // namespace
JSPACK_BINDING(messaging, kMethods)
}  // namespace jspack::bindings::messaging
