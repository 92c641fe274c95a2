// perf: the clocks behind performance and node:perf_hooks.
//
// Every value is read when asked for: nothing here is in a snapshot, so
// performance.timeOrigin and now() belong to the run that reads them.
#include <uv.h>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::perf {
namespace {

using runtime::Runtime;

double Milliseconds(uint64_t ns) { return static_cast<double>(ns) / 1e6; }

// now() -> milliseconds since this run started (performance.now()).
void Now(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint64_t start = Runtime::From(args)->start_time_ns();
  args.GetReturnValue().Set(Milliseconds(uv_hrtime() - start));
}

// timeOrigin() -> the wall-clock time (ms since the epoch) at which this run
// started. Measured once per process, so every caller agrees.
void TimeOrigin(const v8::FunctionCallbackInfo<v8::Value>& args) {
  static double origin = 0;
  if (origin == 0) {
    uv_timeval64_t wall;
    uv_gettimeofday(&wall);
    double wall_ms = static_cast<double>(wall.tv_sec) * 1e3 +
                     static_cast<double>(wall.tv_usec) / 1e3;
    origin = wall_ms -
             Milliseconds(uv_hrtime() - Runtime::From(args)->start_time_ns());
  }
  args.GetReturnValue().Set(origin);
}

// loopTimes() -> [loopStart, idle]: when the event loop first ran (ms on
// the now() clock, -1 before it has) and how long it has waited for events.
void LoopTimes(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* runtime = Runtime::From(args);
  uint64_t loop_start = runtime->loop_start_ns();
  double start = loop_start == 0
                     ? -1
                     : Milliseconds(loop_start - runtime->start_time_ns());
  double idle = Milliseconds(uv_metrics_idle_time(runtime->loop()));
  v8::Local<v8::Value> values[] = {v8::Number::New(isolate, start),
                                   v8::Number::New(isolate, idle)};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

constexpr runtime::Method kMethods[] = {
    {"loopTimes", LoopTimes},
    {"now", Now},
    {"timeOrigin", TimeOrigin},
};

}  // namespace
JSPACK_BINDING(perf, kMethods)
}  // namespace jspack::bindings::perf
