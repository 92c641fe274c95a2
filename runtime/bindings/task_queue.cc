// task_queue: the microtask queue, run explicitly like Node does.
#include "runtime/core/binding.h"

namespace jspack::bindings::task_queue {
namespace {

// runMicrotasks(): runs every queued microtask.
void RunMicrotasks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

// enqueueMicrotask(fn).
void EnqueueMicrotask(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetIsolate()->EnqueueMicrotask(args[0].As<v8::Function>());
}

constexpr runtime::Method kMethods[] = {
    {"runMicrotasks", RunMicrotasks},
    {"enqueueMicrotask", EnqueueMicrotask},
};

}  // namespace
JSPACK_BINDING(task_queue, kMethods)
}  // namespace jspack::bindings::task_queue
