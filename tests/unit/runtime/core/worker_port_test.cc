// PortData: the cross-thread message queue behind MessagePort.
#include "runtime/core/worker_port.h"

#include <gtest/gtest.h>
#include <uv.h>

#include <atomic>
#include <thread>

namespace jspack::runtime {
namespace {

// Wakes a loop through a uv_async_t, as a test stand-in for PortWrap.
struct AsyncWaker : PortWaker {
  uv_async_t async;
  void Wake() override { uv_async_send(&async); }
};

TEST(PortData, SendQueuesOnThePeerInOrder) {
  auto [a, b] = PortData::NewPair();
  EXPECT_TRUE(a->Send(std::make_unique<Message>()));
  Message* second = new Message();
  EXPECT_TRUE(a->Send(std::unique_ptr<Message>(second)));
  EXPECT_EQ(a->QueuedCount(), 0u);
  EXPECT_EQ(b->QueuedCount(), 2u);
  EXPECT_NE(b->Receive(), nullptr);
  EXPECT_EQ(b->Receive().get(), second);
  EXPECT_EQ(b->Receive(), nullptr);
  EXPECT_TRUE(a->IsPeer(b.get()));
  EXPECT_FALSE(a->IsPeer(a.get()));
}

TEST(PortData, DisentangleDropsLaterMessagesAndTellsThePeer) {
  auto [a, b] = PortData::NewPair();
  EXPECT_FALSE(b->peer_gone());
  a->Disentangle();
  EXPECT_TRUE(b->peer_gone());
  EXPECT_FALSE(a->Send(std::make_unique<Message>()));
  EXPECT_FALSE(b->Send(std::make_unique<Message>()));
  EXPECT_EQ(a->QueuedCount(), 0u);
}

TEST(PortData, FreeingAnEndClosesItsPeer) {
  auto pair = PortData::NewPair();
  std::shared_ptr<PortData> b = pair.second;
  pair.first.reset();
  EXPECT_TRUE(b->peer_gone());
  EXPECT_FALSE(b->Send(std::make_unique<Message>()));
}

// Another thread's sends wake the owner's loop through the attached async
// handle, and every message arrives exactly once.
TEST(PortData, SendsFromAnotherThreadWakeTheOwnersLoop) {
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  auto [a, b] = PortData::NewPair();
  struct State {
    std::shared_ptr<PortData> port;
    int received = 0;
    AsyncWaker waker;
  } state;
  state.port = b;
  uv_async_init(&loop, &state.waker.async, [](uv_async_t* handle) {
    auto* s = static_cast<State*>(handle->data);
    while (s->port->Receive() != nullptr) s->received++;
    if (s->port->peer_gone() && s->port->QueuedCount() == 0) {
      s->port->Attach(nullptr);
      uv_close(reinterpret_cast<uv_handle_t*>(handle), nullptr);
    }
  });
  state.waker.async.data = &state;
  b->Attach(&state.waker);
  constexpr int kCount = 10000;
  std::thread sender([a = a] {
    for (int i = 0; i < kCount; ++i) a->Send(std::make_unique<Message>());
    a->Disentangle();
  });
  uv_run(&loop, UV_RUN_DEFAULT);
  sender.join();
  EXPECT_EQ(state.received, kCount);
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

TEST(PortData, AttachingWakesForMessagesAlreadyQueued) {
  uv_loop_t loop;
  ASSERT_EQ(uv_loop_init(&loop), 0);
  auto [a, b] = PortData::NewPair();
  a->Send(std::make_unique<Message>());
  struct State {
    std::shared_ptr<PortData> port;
    int received = 0;
    AsyncWaker waker;
  } state;
  state.port = b;
  uv_async_init(&loop, &state.waker.async, [](uv_async_t* handle) {
    auto* s = static_cast<State*>(handle->data);
    while (s->port->Receive() != nullptr) s->received++;
    s->port->Attach(nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(handle), nullptr);
  });
  state.waker.async.data = &state;
  b->Attach(&state.waker);
  uv_run(&loop, UV_RUN_DEFAULT);
  EXPECT_EQ(state.received, 1);
  EXPECT_EQ(uv_loop_close(&loop), 0);
}

TEST(PortData, BroadcastMembersAreByNameExceptTheSender) {
  auto x = std::make_shared<PortData>();
  auto y = std::make_shared<PortData>();
  auto z = std::make_shared<PortData>();
  x->set_broadcast_name("chan");
  y->set_broadcast_name("chan");
  z->set_broadcast_name("other");
  BroadcastJoin(x);
  BroadcastJoin(y);
  BroadcastJoin(z);
  auto members = BroadcastMembers("chan", x.get());
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0], y);
  BroadcastLeave(y.get());
  EXPECT_TRUE(BroadcastMembers("chan", x.get()).empty());
  BroadcastLeave(x.get());
  BroadcastLeave(z.get());
}

}  // namespace
}  // namespace jspack::runtime
