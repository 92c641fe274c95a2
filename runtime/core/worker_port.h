// PortData: one end of a MessageChannel, shared between the thread that owns
// the end (its JS MessagePort) and the threads that post to it. Messages
// cross as runtime::Message; a sender queues on the peer and wakes the
// peer's loop through the PortWaker the owner attached.
#pragma once

#include <uv.h>

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "runtime/core/message.h"
#include "runtime/core/runtime.h"

namespace jspack::runtime {

// What a PortData calls (under the port lock) when its owner must look at
// it: a message arrived or the peer went away. Must be cheap and must not
// call back into PortData.
class PortWaker {
 public:
  virtual ~PortWaker() = default;
  virtual void Wake() = 0;
};

class PortData {
 public:
  PortData() = default;
  ~PortData();
  PortData(const PortData&) = delete;
  PortData& operator=(const PortData&) = delete;

  // Two ends, each the other's peer.
  static std::pair<std::shared_ptr<PortData>, std::shared_ptr<PortData>>
  NewPair();

  // Queues `message` on the peer and wakes its owner. Returns false (and
  // drops the message) when there is no peer any more, as a closed port's
  // messages go nowhere in Node.
  bool Send(std::unique_ptr<Message> message);
  // Queues `message` on this end itself (BroadcastChannel delivery).
  void Deliver(std::unique_ptr<Message> message);

  // The next queued message, or nullptr.
  std::unique_ptr<Message> Receive();
  size_t QueuedCount();

  // `waker` is woken whenever a message arrives or the peer goes away;
  // nullptr detaches (before the owner frees it). Attaching wakes it once
  // when messages are already waiting.
  void Attach(PortWaker* waker);

  // Ends the entanglement; the peer is woken and sees peer_gone().
  void Disentangle();
  // The peer closed (or was freed), so this end closes too.
  bool peer_gone();
  // Whether `other` is this end's peer (postMessage(x, [ownPeer]) check).
  bool IsPeer(const PortData* other);

  // BroadcastChannel membership: `name` empty means none.
  void set_broadcast_name(std::string name) { broadcast_name_ = std::move(name); }
  const std::string& broadcast_name() const { return broadcast_name_; }

 private:
  void WakeLocked();

  // Guarded by the process-wide port mutex (worker_port.cc): a message
  // send touches two ends, possibly owned by two threads.
  std::deque<std::unique_ptr<Message>> queue_;
  PortWaker* waker_ = nullptr;
  std::weak_ptr<PortData> peer_;
  bool had_peer_ = false;
  bool peer_gone_ = false;
  std::string broadcast_name_;
};

// BroadcastChannel: the process-wide set of ends that joined a name.
void BroadcastJoin(const std::shared_ptr<PortData>& port);
void BroadcastLeave(PortData* port);
std::vector<std::shared_ptr<PortData>> BroadcastMembers(
    const std::string& name, const PortData* except);

// PortWrap: a PortData as a JS MessagePort object on one runtime's thread.
// The object is an API object (one internal field), so that the serializer
// hands it to Message as a host object when it is posted. It is kept alive
// while ref'd (JS refs it while it has 'message' listeners, as Node does)
// or reachable from JS, and until it closes; its poll handle keeps the
// loop alive only while ref'd. A close finishes (the 'close' event, the
// wrap freed) on a later wakeup of the hub, as Node's is asynchronous.
//
// JS side (stdlib/internal/worker/io.js) registers, per runtime, an emitter
// `emit(port, kind, value)` (kind 0: message, 1: messageerror, 2: close)
// and the MessagePort prototype every port object gets.
class PortHub;

class PortWrap : public PortWaker {
 public:
  enum EmitKind { kMessage = 0, kMessageError = 1, kClose = 2 };

  static v8::MaybeLocal<v8::Object> New(Runtime* runtime,
                                        std::shared_ptr<PortData> data);
  // The open port behind `value`, or nullptr.
  static PortWrap* From(v8::Local<v8::Value> value);
  // Registers the JS emitter and prototype for `runtime`.
  static void Setup(Runtime* runtime, v8::Local<v8::Function> emit,
                    v8::Local<v8::Object> prototype);

  void Start();
  void Stop();
  void SetRef(bool ref);
  bool has_ref() const { return ref_; }
  // Closes this end; both ends get 'close' (asynchronously, as in Node).
  void Close();
  // For a transfer: this object lets go of its end without a 'close'.
  std::shared_ptr<PortData> Detach();
  // Delivers whatever is queued now, if started.
  void Drain();
  // One queued message, read now (receiveMessageOnPort). Returns false with
  // nothing in *out when the queue is empty; an empty MaybeLocal in *out
  // means reading threw.
  bool ReceiveOne(v8::MaybeLocal<v8::Value>* out);

  const std::shared_ptr<PortData>& data() const { return data_; }
  Runtime* runtime() const { return runtime_; }
  // Builds port objects on `runtime` for a message being read.
  static Message::MakePort PortMaker(Runtime* runtime);

 private:
  PortWrap(Runtime* runtime, std::shared_ptr<PortData> data);
  ~PortWrap() override;
  // PortWaker (under the port lock): another thread, or this one, wants a
  // Drain. The port is queued on its runtime's PortHub, which wakes the
  // loop through one eventfd for all its ports.
  void Wake() override;
  // Wake() for this thread's own use (takes the lock).
  void WakeSelf();
  // The second half of Close(): runs from the hub.
  void FinishClose(bool may_emit);
  static void OnCleanup(void* arg);
  static void OnWeak(const v8::WeakCallbackInfo<PortWrap>& info);
  void Emit(EmitKind kind, v8::Local<v8::Value> value);
  void Unwrap();

  Runtime* runtime_;
  std::shared_ptr<PortData> data_;
  friend class PortHub;
  PortHub* hub_;
  bool wake_queued_ = false;  // on hub_'s pending list (port lock)
  v8::Global<v8::Object> object_;
  bool started_ = false;
  bool ref_ = false;
  bool closing_ = false;
  bool emit_close_ = true;
};

}  // namespace jspack::runtime
