// PortData: the cross-thread queue behind MessagePort.
#include "runtime/core/worker_port.h"

#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <mutex>

#include "runtime/core/binding.h"

namespace jspack::runtime {

namespace {

// One lock for every port: a send reads the sender's peer link and writes
// the peer's queue, and a close rewrites both ends' links. Messages are
// small handoffs (the bytes were serialized before locking), so one lock
// costs little and makes the two-end updates trivially consistent.
std::mutex& PortMutex() {
  static std::mutex* mutex = new std::mutex();  // never destroyed: threads
  return *mutex;                                 // may outlive statics
}

// A runtime's wake-up eventfd. Senders keep it alive from the moment they
// decide to wake it until they have written, so the write can come after
// the lock is released.
class WakeFd {
 public:
  explicit WakeFd(int fd) : fd_(fd) {}
  ~WakeFd() { close(fd_); }
  WakeFd(const WakeFd&) = delete;
  WakeFd& operator=(const WakeFd&) = delete;
  int fd() const { return fd_; }
  void Signal() const {
    uint64_t one = 1;
    while (write(fd_, &one, sizeof(one)) < 0 && errno == EINTR) {
    }
  }

 private:
  int fd_;
};

// Wakes decided under the lock, written once it is released: a receiver
// woken while the sender still held the lock would block on it at once
// (two futex calls and a context switch per message on a busy machine).
thread_local std::vector<std::shared_ptr<WakeFd>> deferred_wakes;

// The port lock; leaving it writes the wakes decided while it was held.
class PortLock {
 public:
  PortLock() { PortMutex().lock(); }
  ~PortLock() {
    PortMutex().unlock();
    if (deferred_wakes.empty()) return;
    std::vector<std::shared_ptr<WakeFd>> wakes;
    wakes.swap(deferred_wakes);
    for (const auto& wake : wakes) wake->Signal();
  }
  PortLock(const PortLock&) = delete;
  PortLock& operator=(const PortLock&) = delete;
};

}  // namespace

// Every function below that takes a strong reference to the peer declares
// it before taking the lock: if it is the last reference, the peer's
// destructor (which locks too) runs only after the lock is released.

PortData::~PortData() {
  // A port freed without Disentangle (its message was never read, or its
  // wrapper was collected) still closes its peer.
  std::shared_ptr<PortData> peer;
  PortLock lock;
  peer = peer_.lock();
  if (peer) {
    peer->peer_gone_ = true;
    peer->peer_.reset();
    peer->WakeLocked();
  }
}

std::pair<std::shared_ptr<PortData>, std::shared_ptr<PortData>>
PortData::NewPair() {
  auto a = std::make_shared<PortData>();
  auto b = std::make_shared<PortData>();
  a->peer_ = b;
  b->peer_ = a;
  a->had_peer_ = b->had_peer_ = true;
  return {a, b};
}

void PortData::WakeLocked() {
  if (waker_ != nullptr) waker_->Wake();
}

bool PortData::Send(std::unique_ptr<Message> message) {
  std::shared_ptr<PortData> peer;
  PortLock lock;
  peer = peer_.lock();
  if (!peer) return false;
  peer->queue_.push_back(std::move(message));
  peer->WakeLocked();
  return true;
}

void PortData::Deliver(std::unique_ptr<Message> message) {
  PortLock lock;
  queue_.push_back(std::move(message));
  WakeLocked();
}

std::unique_ptr<Message> PortData::Receive() {
  PortLock lock;
  if (queue_.empty()) return nullptr;
  std::unique_ptr<Message> message = std::move(queue_.front());
  queue_.pop_front();
  return message;
}

size_t PortData::QueuedCount() {
  PortLock lock;
  return queue_.size();
}

void PortData::Attach(PortWaker* waker) {
  PortLock lock;
  waker_ = waker;
  if (waker_ != nullptr && (!queue_.empty() || peer_gone_)) WakeLocked();
}

void PortData::Disentangle() {
  std::shared_ptr<PortData> peer;
  PortLock lock;
  peer = peer_.lock();
  if (peer) {
    peer->peer_gone_ = true;
    peer->peer_.reset();
    peer->WakeLocked();
  }
  peer_.reset();
}

bool PortData::peer_gone() {
  PortLock lock;
  return peer_gone_;
}

bool PortData::IsPeer(const PortData* other) {
  std::shared_ptr<PortData> peer;
  PortLock lock;
  peer = peer_.lock();
  return peer.get() == other;
}

namespace {

std::mutex& BroadcastMutex() {
  static std::mutex* mutex = new std::mutex();
  return *mutex;
}

std::multimap<std::string, std::weak_ptr<PortData>>& BroadcastRegistry() {
  static auto* registry =
      new std::multimap<std::string, std::weak_ptr<PortData>>();
  return *registry;
}

constexpr const char* kEmitKey = "messaging.emit";
constexpr const char* kPrototypeKey = "messaging.prototype";
constexpr const char* kTemplateKey = "messaging.template";

}  // namespace

void BroadcastJoin(const std::shared_ptr<PortData>& port) {
  std::lock_guard<std::mutex> lock(BroadcastMutex());
  BroadcastRegistry().emplace(port->broadcast_name(), port);
}

void BroadcastLeave(PortData* port) {
  std::lock_guard<std::mutex> lock(BroadcastMutex());
  auto range = BroadcastRegistry().equal_range(port->broadcast_name());
  for (auto it = range.first; it != range.second;) {
    std::shared_ptr<PortData> member = it->second.lock();
    if (!member || member.get() == port) {
      it = BroadcastRegistry().erase(it);
    } else {
      ++it;
    }
  }
}

std::vector<std::shared_ptr<PortData>> BroadcastMembers(
    const std::string& name, const PortData* except) {
  std::lock_guard<std::mutex> lock(BroadcastMutex());
  std::vector<std::shared_ptr<PortData>> out;
  auto range = BroadcastRegistry().equal_range(name);
  for (auto it = range.first; it != range.second; ++it) {
    std::shared_ptr<PortData> member = it->second.lock();
    if (member && member.get() != except) out.push_back(std::move(member));
  }
  return out;
}

// PortHub: the wakeup all ports of one runtime share, so that a port costs
// no file descriptor of its own: one eventfd and one poll handle per
// runtime (an eventfd write, not uv_async_send: libuv's async spins the
// receiving thread until the sender has left uv_async_send, which on a busy
// machine, the sender descheduled right after waking the receiver, costs
// more than the message itself). A runtime lives on one thread and a
// thread has one runtime at a time, so the hub is found thread-locally.
class PortHub {
 public:
  static PortHub* For(Runtime* runtime);

  // Under the port lock.
  void QueueLocked(PortWrap* wrap) {
    if (wrap->wake_queued_) return;
    wrap->wake_queued_ = true;
    pending_.push_back(wrap);
    SignalLocked();
  }
  void SignalLocked() {
    if (signaled_) return;
    signaled_ = true;
    deferred_wakes.push_back(wake_);
  }
  // Owner thread only.
  void QueueClose(PortWrap* wrap) {
    closing_.push_back(wrap);
    PortLock lock;
    SignalLocked();
  }
  void Forget(PortWrap* wrap) {
    PortLock lock;
    if (!wrap->wake_queued_) return;
    wrap->wake_queued_ = false;
    for (auto& entry : pending_) {
      if (entry == wrap) entry = nullptr;
    }
  }
  void AddRef() {
    if (refs_++ == 0) uv_ref(reinterpret_cast<uv_handle_t*>(&poll_));
  }
  void RemoveRef() {
    if (--refs_ == 0) uv_unref(reinterpret_cast<uv_handle_t*>(&poll_));
  }

 private:
  PortHub(Runtime* runtime, int fd)
      : runtime_(runtime), wake_(std::make_shared<WakeFd>(fd)) {}
  static void OnReadable(uv_poll_t* handle, int status, int events);
  static void OnCleanup(void* arg);
  void FinishCloses(bool may_emit);

  Runtime* runtime_;
  std::shared_ptr<WakeFd> wake_;
  uv_poll_t poll_;
  std::vector<PortWrap*> pending_;  // port lock
  bool signaled_ = false;           // port lock
  std::vector<PortWrap*> closing_;  // owner thread
  int refs_ = 0;
};

namespace {
thread_local PortHub* current_hub = nullptr;
}  // namespace

PortHub* PortHub::For(Runtime* runtime) {
  if (current_hub != nullptr) {
    JSPACK_CHECK(current_hub->runtime_ == runtime);
    return current_hub;
  }
  int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (fd < 0) return nullptr;
  auto* hub = new PortHub(runtime, fd);
  uv_poll_init(runtime->loop(), &hub->poll_, fd);
  hub->poll_.data = hub;
  uv_poll_start(&hub->poll_, UV_READABLE, OnReadable);
  uv_unref(reinterpret_cast<uv_handle_t*>(&hub->poll_));
  // Added before any port's hook, so it runs after them (hooks run last
  // added first) and finishes the closes they start.
  runtime->AddCleanupHook(OnCleanup, hub);
  current_hub = hub;
  return hub;
}

void PortHub::OnReadable(uv_poll_t* handle, int status, int events) {
  auto* hub = static_cast<PortHub*>(handle->data);
  std::vector<PortWrap*> ready;
  {
    PortLock lock;
    uint64_t count;
    while (read(hub->wake_->fd(), &count, sizeof(count)) < 0 &&
           errno == EINTR) {
    }
    hub->signaled_ = false;
    ready.swap(hub->pending_);
    for (PortWrap* wrap : ready) {
      if (wrap != nullptr) wrap->wake_queued_ = false;
    }
  }
  // Wraps are freed only by FinishCloses below, never while a Drain runs.
  for (PortWrap* wrap : ready) {
    if (wrap != nullptr) wrap->Drain();
  }
  hub->FinishCloses(true);
}

void PortHub::FinishCloses(bool may_emit) {
  while (!closing_.empty()) {
    std::vector<PortWrap*> batch;
    batch.swap(closing_);
    for (PortWrap* wrap : batch) wrap->FinishClose(may_emit);
  }
}

void PortHub::OnCleanup(void* arg) {
  auto* hub = static_cast<PortHub*>(arg);
  // The runtime is going: no 'close' events any more.
  hub->FinishCloses(false);
  if (current_hub == hub) current_hub = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(&hub->poll_), [](uv_handle_t* h) {
    // The eventfd closes with the last sender still holding it.
    delete static_cast<PortHub*>(h->data);
  });
}

void PortWrap::Setup(Runtime* runtime, v8::Local<v8::Function> emit,
                     v8::Local<v8::Object> prototype) {
  v8::Isolate* isolate = runtime->isolate();
  runtime->set_binding_data(kEmitKey, emit);
  runtime->set_binding_data(kPrototypeKey, prototype);
  // Port objects are API objects with one internal field: instances of a
  // function template's function, which can be kept as a value.
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(isolate);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  v8::Local<v8::Function> maker;
  if (tmpl->GetFunction(runtime->context()).ToLocal(&maker)) {
    runtime->set_binding_data(kTemplateKey, maker);
  }
}

PortWrap::PortWrap(Runtime* runtime, std::shared_ptr<PortData> data)
    : runtime_(runtime), data_(std::move(data)), hub_(nullptr) {}

PortWrap::~PortWrap() = default;

v8::MaybeLocal<v8::Object> PortWrap::New(Runtime* runtime,
                                         std::shared_ptr<PortData> data) {
  v8::Isolate* isolate = runtime->isolate();
  v8::Local<v8::Context> context = runtime->context();
  v8::Local<v8::Value> maker = runtime->binding_data(kTemplateKey);
  // JS sets up the emitter before it makes or receives any port.
  JSPACK_CHECK(!maker.IsEmpty());
  PortHub* hub = PortHub::For(runtime);
  if (hub == nullptr) {
    isolate->ThrowException(v8::Exception::Error(OneByteString(
        isolate, "Cannot create a MessagePort: out of file descriptors")));
    return {};
  }
  v8::Local<v8::Object> object;
  if (!maker.As<v8::Function>()->NewInstance(context).ToLocal(&object)) {
    return {};
  }
  v8::Local<v8::Value> prototype = runtime->binding_data(kPrototypeKey);
  if (object->SetPrototype(context, prototype.As<v8::Object>()).IsNothing()) {
    return {};
  }
  auto* wrap = new PortWrap(runtime, std::move(data));
  wrap->hub_ = hub;
  object->SetAlignedPointerInInternalField(0, wrap);
  TrackNativeObject(isolate, object, "MessagePort");
  wrap->object_.Reset(isolate, object);
  wrap->object_.SetWeak(wrap, OnWeak, v8::WeakCallbackType::kParameter);
  wrap->data_->Attach(wrap);
  runtime->AddCleanupHook(OnCleanup, wrap);
  return object;
}

PortWrap* PortWrap::From(v8::Local<v8::Value> value) {
  if (!value->IsObject()) return nullptr;
  v8::Local<v8::Object> object = value.As<v8::Object>();
  if (object->InternalFieldCount() != 1) return nullptr;
  auto* wrap =
      static_cast<PortWrap*>(object->GetAlignedPointerFromInternalField(0));
  if (wrap == nullptr || wrap->closing_) return nullptr;
  return wrap;
}

Message::MakePort PortWrap::PortMaker(Runtime* runtime) {
  return [runtime](std::shared_ptr<PortData> data) {
    return New(runtime, std::move(data));
  };
}

void PortWrap::Wake() { hub_->QueueLocked(this); }

void PortWrap::WakeSelf() {
  PortLock lock;
  Wake();
}

void PortWrap::Start() {
  started_ = true;
  // Messages that arrived before start() are delivered now (next turn).
  WakeSelf();
}

void PortWrap::Stop() { started_ = false; }

// Liveness is separate from delivery, as in Node: start() alone does not
// keep the loop alive; JS refs the port while it has 'message' listeners.
// A ref'd port is a root (its listeners will run); an unref'd one lives only
// as long as JS holds it. A collected port closes, so its peer sees 'close'.
void PortWrap::SetRef(bool ref) {
  if (closing_ || ref == ref_) return;
  ref_ = ref;
  if (ref) {
    hub_->AddRef();
    object_.ClearWeak();
  } else {
    hub_->RemoveRef();
    object_.SetWeak(this, OnWeak, v8::WeakCallbackType::kParameter);
  }
}

void PortWrap::OnWeak(const v8::WeakCallbackInfo<PortWrap>& info) {
  PortWrap* wrap = info.GetParameter();
  // Only libuv and PortData work here: no V8 calls in a weak callback.
  wrap->object_.Reset();
  wrap->emit_close_ = false;
  wrap->Close();
}

void PortWrap::Emit(EmitKind kind, v8::Local<v8::Value> value) {
  v8::Isolate* isolate = runtime_->isolate();
  v8::Local<v8::Value> emit = runtime_->binding_data(kEmitKey);
  if (emit.IsEmpty() || object_.IsEmpty()) return;
  v8::Local<v8::Value> argv[] = {object_.Get(isolate),
                                 v8::Integer::New(isolate, kind), value};
  runtime_->MakeCallback(emit.As<v8::Function>(), 3, argv);
}

void PortWrap::Drain() {
  if (closing_) return;
  v8::Isolate* isolate = runtime_->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = runtime_->context();
  v8::Context::Scope context_scope(context);
  // Only what is queued now: a handler that posts back to this port must
  // not keep this loop turn busy forever.
  size_t budget = data_->QueuedCount();
  while (started_ && !closing_ && budget-- > 0 && !runtime_->Stopping()) {
    std::unique_ptr<Message> message = data_->Receive();
    if (!message) break;
    v8::HandleScope message_scope(isolate);
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> value;
    if (message->Read(context, PortMaker(runtime_)).ToLocal(&value)) {
      Emit(kMessage, value);
    } else if (!try_catch.HasTerminated()) {
      v8::Local<v8::Value> error = try_catch.Exception();
      try_catch.Reset();
      Emit(kMessageError, error);
    }
  }
  if (closing_) return;
  if (started_ && data_->QueuedCount() > 0) {
    WakeSelf();
  } else if (data_->peer_gone() && data_->QueuedCount() == 0) {
    Close();
  }
}

bool PortWrap::ReceiveOne(v8::MaybeLocal<v8::Value>* out) {
  std::unique_ptr<Message> message = data_->Receive();
  if (!message) return false;
  *out = message->Read(runtime_->context(), PortMaker(runtime_));
  return true;
}

void PortWrap::Unwrap() {
  if (object_.IsEmpty()) return;
  v8::HandleScope scope(runtime_->isolate());
  object_.Get(runtime_->isolate())->SetAlignedPointerInInternalField(0, nullptr);
}

void PortWrap::Close() {
  if (closing_) return;
  if (ref_) hub_->RemoveRef();
  ref_ = false;
  closing_ = true;
  data_->Attach(nullptr);
  data_->Disentangle();
  if (!data_->broadcast_name().empty()) BroadcastLeave(data_.get());
  hub_->QueueClose(this);
}

std::shared_ptr<PortData> PortWrap::Detach() {
  std::shared_ptr<PortData> data = data_;
  if (ref_) hub_->RemoveRef();
  ref_ = false;
  closing_ = true;
  emit_close_ = false;
  data_->Attach(nullptr);
  Unwrap();
  hub_->QueueClose(this);
  return data;
}

void PortWrap::FinishClose(bool may_emit) {
  runtime_->RemoveCleanupHook(OnCleanup, this);
  hub_->Forget(this);
  if (emit_close_ && may_emit) {
    v8::HandleScope scope(runtime_->isolate());
    v8::Context::Scope context_scope(runtime_->context());
    Emit(kClose, v8::Undefined(runtime_->isolate()));
  }
  Unwrap();
  object_.Reset();
  delete this;
}

void PortWrap::OnCleanup(void* arg) {
  static_cast<PortWrap*>(arg)->Close();
}

}  // namespace jspack::runtime
