// timers: the one libuv timer and the immediate queue behind node:timers.
#include <uv.h>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::timers {
namespace {

using runtime::Runtime;

// getLibuvNow() -> the loop's clock in ms, refreshed first.
void GetLibuvNow(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uv_loop_t* loop = Runtime::From(args)->loop();
  uv_update_time(loop);
  args.GetReturnValue().Set(static_cast<double>(uv_now(loop)));
}

// scheduleTimer(delayMs): (re)arms the timer that calls processTimers.
void ScheduleTimer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  double delay = args[0].As<v8::Number>()->Value();
  Runtime::From(args)->ScheduleTimer(static_cast<int64_t>(delay));
}

// toggleTimerRef(ref): whether pending timers keep the process alive.
void ToggleTimerRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime::From(args)->ToggleTimerRef(args[0]->IsTrue());
}

// immediateInfo(count, refCount): how many immediates wait, and how many of
// them keep the process alive.
void ImmediateInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Runtime::From(args)->SetImmediateInfo(args[0].As<v8::Uint32>()->Value(),
                                        args[1].As<v8::Uint32>()->Value());
}

constexpr runtime::Method kMethods[] = {
    {"getLibuvNow", GetLibuvNow},
    {"scheduleTimer", ScheduleTimer},
    {"toggleTimerRef", ToggleTimerRef},
    {"immediateInfo", ImmediateInfo},
};

}  // namespace
JSPACK_BINDING(timers, kMethods)
}  // namespace jspack::bindings::timers
