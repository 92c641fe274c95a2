// The process's V8 platform: libplatform's default one, with the foreground
// tasks of each runtime's isolate run on that runtime's libuv loop.
//
// V8 posts foreground tasks for work it finishes later: FinalizationRegistry
// callbacks, async WebAssembly compilation, Atomics.waitAsync, GC
// finalisation. libplatform only queues them; a runtime that never pumps the
// queue never resolves `WebAssembly.instantiate(bytes)`. Here a task posted
// for a registered isolate wakes its loop (an unref'd async handle, a timer
// for delayed tasks), and the loop runs it. Isolates never registered (the
// snapshot builder's) keep libplatform's plain queue.
#pragma once

#include <uv.h>
#include <v8-platform.h>

#include <memory>

namespace v8 {
class Isolate;
}

namespace jspack::runtime {

// Ran on the loop's thread after a batch of tasks (microtasks and ticks).
using AfterTasksFn = void (*)(void* data);

class LoopPlatform;

// Creates the process's platform, wrapping libplatform's default one.
std::unique_ptr<LoopPlatform> NewLoopPlatform(int worker_threads);

class LoopPlatform : public v8::Platform {
 public:
  // Before v8::Isolate::Initialize: V8 keeps the runner it is given while
  // the isolate sets up, so the isolate must be known by then.
  virtual void RegisterIsolate(v8::Isolate* isolate) = 0;
  // On the loop's thread: from now on tasks wake `loop`, and after each
  // batch `after(data)` runs. Tasks posted earlier run on the next turn.
  virtual void AttachLoop(v8::Isolate* isolate, uv_loop_t* loop,
                          AfterTasksFn after, void* data) = 0;
  // Closes the loop handles (they are closed by the loop's next run);
  // tasks posted later stay queued and never run.
  virtual void DetachLoop(v8::Isolate* isolate) = 0;
  // Before Isolate::Dispose: drops the isolate's runner and its tasks.
  virtual void UnregisterIsolate(v8::Isolate* isolate) = 0;
  // When the loop has run dry: runs the isolate's due tasks, waiting for
  // background work V8 has in flight (a compile whose result comes back as
  // a foreground task), until neither is left. True if any task ran.
  virtual bool DrainTasks(v8::Isolate* isolate) = 0;
};

// The platform InitializeV8 made.
LoopPlatform* GetLoopPlatform();

}  // namespace jspack::runtime
