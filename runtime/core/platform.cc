// LoopPlatform: libplatform's default platform, plus a libuv wake-up for the
// foreground tasks of registered isolates (see platform.h).
#include "runtime/core/platform.h"

#include <libplatform/libplatform.h>
#include <v8.h>

#include <cmath>
#include <condition_variable>
#include <mutex>
#include <set>
#include <unordered_map>

namespace jspack::runtime {

namespace {

LoopPlatform* current_platform = nullptr;

// One isolate's foreground queue. Tasks are stored in libplatform's own
// runner (which also orders the delayed ones); this adds the wake-up. V8
// holds runners by shared_ptr and may post from any thread, even after the
// loop went away, so the loop side is reached only under the mutex.
class LoopTaskRunner : public v8::TaskRunner {
 public:
  LoopTaskRunner(v8::Platform* inner, v8::Isolate* isolate)
      : inner_platform_(inner),
        inner_(inner->GetForegroundTaskRunner(isolate)),
        isolate_(isolate) {}

  void PostTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostTask(std::move(task));
    Wake();
  }

  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostNonNestableTask(std::move(task));
    Wake();
  }

  void PostDelayedTask(std::unique_ptr<v8::Task> task,
                       double delay_seconds) override {
    AddDeadline(delay_seconds);
    inner_->PostDelayedTask(std::move(task), delay_seconds);
    Wake();
  }

  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                  double delay_seconds) override {
    AddDeadline(delay_seconds);
    inner_->PostNonNestableDelayedTask(std::move(task), delay_seconds);
    Wake();
  }

  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {
    inner_->PostIdleTask(std::move(task));
  }

  bool IdleTasksEnabled() override { return false; }
  bool NonNestableTasksEnabled() const override { return true; }
  bool NonNestableDelayedTasksEnabled() const override { return true; }

  void Attach(uv_loop_t* loop, AfterTasksFn after, void* data) {
    std::lock_guard<std::mutex> lock(mutex_);
    loop_side_ = new LoopSide{this, after, data, {}, {}};
    uv_async_init(loop, &loop_side_->async, OnAsync);
    loop_side_->async.data = loop_side_;
    uv_unref(reinterpret_cast<uv_handle_t*>(&loop_side_->async));
    uv_timer_init(loop, &loop_side_->timer);
    loop_side_->timer.data = loop_side_;
    uv_unref(reinterpret_cast<uv_handle_t*>(&loop_side_->timer));
    // Whatever the isolate posted while it booted runs on the first turn.
    uv_async_send(&loop_side_->async);
  }

  void Detach() {
    LoopSide* side;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      side = loop_side_;
      loop_side_ = nullptr;
    }
    if (side == nullptr) return;
    // The two handles live in one block, freed after the second close.
    side->runner = nullptr;
    uv_close(reinterpret_cast<uv_handle_t*>(&side->async), OnClosed);
    uv_close(reinterpret_cast<uv_handle_t*>(&side->timer), OnClosed);
  }

  // On the loop's thread. True if any task ran.
  bool RunDueTasks() {
    bool ran = false;
    {
      v8::HandleScope handle_scope(isolate_);
      while (v8::platform::PumpMessageLoop(
          inner_platform_, isolate_,
          v8::platform::MessageLoopBehavior::kDoNotWait)) {
        ran = true;
      }
    }
    DropPassedDeadlines();
    LoopSide* side = loop_side_;
    if (ran && side != nullptr && side->after != nullptr) {
      side->after(side->data);
    }
    ArmTimer();
    return ran;
  }

 private:
  struct LoopSide {
    LoopTaskRunner* runner;
    AfterTasksFn after;
    void* data;
    uv_async_t async;
    uv_timer_t timer;
    int closed = 0;
  };

  double Now() const { return inner_platform_->MonotonicallyIncreasingTime(); }

  void AddDeadline(double delay_seconds) {
    std::lock_guard<std::mutex> lock(mutex_);
    deadlines_.insert(Now() + delay_seconds);
  }

  void DropPassedDeadlines() {
    std::lock_guard<std::mutex> lock(mutex_);
    double now = Now();
    while (!deadlines_.empty() && *deadlines_.begin() <= now) {
      deadlines_.erase(deadlines_.begin());
    }
  }

  // On the loop's thread: the timer fires at the earliest delayed task.
  void ArmTimer() {
    double next;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (loop_side_ == nullptr) return;
      if (deadlines_.empty()) {
        uv_timer_stop(&loop_side_->timer);
        return;
      }
      next = *deadlines_.begin();
    }
    double delay_ms = std::ceil((next - Now()) * 1000);
    uv_timer_start(&loop_side_->timer, OnTimer,
                   delay_ms > 0 ? static_cast<uint64_t>(delay_ms) : 0, 0);
  }

  void Wake() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (loop_side_ != nullptr) uv_async_send(&loop_side_->async);
  }

  static void OnAsync(uv_async_t* handle) {
    auto* side = static_cast<LoopSide*>(handle->data);
    if (side->runner != nullptr) side->runner->RunDueTasks();
  }

  static void OnTimer(uv_timer_t* handle) {
    auto* side = static_cast<LoopSide*>(handle->data);
    if (side->runner != nullptr) side->runner->RunDueTasks();
  }

  static void OnClosed(uv_handle_t* handle) {
    auto* side = static_cast<LoopSide*>(handle->data);
    if (++side->closed == 2) delete side;
  }

  v8::Platform* inner_platform_;
  std::shared_ptr<v8::TaskRunner> inner_;
  v8::Isolate* isolate_;
  std::mutex mutex_;
  LoopSide* loop_side_ = nullptr;
  std::multiset<double> deadlines_;
};

class LoopPlatformImpl : public LoopPlatform {
 public:
  explicit LoopPlatformImpl(int worker_threads)
      : inner_(v8::platform::NewDefaultPlatform(worker_threads)) {}

  void RegisterIsolate(v8::Isolate* isolate) override {
    auto runner = std::make_shared<LoopTaskRunner>(inner_.get(), isolate);
    std::lock_guard<std::mutex> lock(mutex_);
    runners_[isolate] = std::move(runner);
  }

  void AttachLoop(v8::Isolate* isolate, uv_loop_t* loop, AfterTasksFn after,
                  void* data) override {
    if (auto runner = Find(isolate)) runner->Attach(loop, after, data);
  }

  void DetachLoop(v8::Isolate* isolate) override {
    if (auto runner = Find(isolate)) runner->Detach();
  }

  void UnregisterIsolate(v8::Isolate* isolate) override {
    std::shared_ptr<LoopTaskRunner> runner;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = runners_.find(isolate);
      if (it == runners_.end()) return;
      runner = std::move(it->second);
      runners_.erase(it);
    }
    runner->Detach();
    v8::platform::NotifyIsolateShutdown(inner_.get(), isolate);
  }

  bool DrainTasks(v8::Isolate* isolate) override {
    std::shared_ptr<LoopTaskRunner> runner = Find(isolate);
    if (!runner) return false;
    bool any = false;
    for (;;) {
      if (runner->RunDueTasks()) {
        any = true;
        continue;
      }
      // Nothing due: wait for the background tasks in flight, whose results
      // may come back as foreground tasks, then look again.
      std::unique_lock<std::mutex> lock(background_mutex_);
      if (background_tasks_ == 0) break;
      background_done_.wait(lock, [this] { return background_tasks_ == 0; });
    }
    return any;
  }

  // --- v8::Platform ------------------------------------------------------

  v8::PageAllocator* GetPageAllocator() override {
    return inner_->GetPageAllocator();
  }

  void OnCriticalMemoryPressure() override {
    inner_->OnCriticalMemoryPressure();
  }

  bool OnCriticalMemoryPressure(size_t length) override {
    return inner_->OnCriticalMemoryPressure(length);
  }

  int NumberOfWorkerThreads() override {
    return inner_->NumberOfWorkerThreads();
  }

  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(
      v8::Isolate* isolate) override {
    if (auto runner = Find(isolate)) return runner;
    return inner_->GetForegroundTaskRunner(isolate);
  }

  // Counted, so that DrainTasks can wait for them.
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    {
      std::lock_guard<std::mutex> lock(background_mutex_);
      ++background_tasks_;
    }
    inner_->CallOnWorkerThread(
        std::make_unique<CountedTask>(this, std::move(task)));
  }

  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task,
                                 double delay_in_seconds) override {
    inner_->CallDelayedOnWorkerThread(std::move(task), delay_in_seconds);
  }

  bool IdleTasksEnabled(v8::Isolate*) override { return false; }

  // Jobs run their workers through CallOnWorkerThread above.
  std::unique_ptr<v8::JobHandle> PostJob(
      v8::TaskPriority priority, std::unique_ptr<v8::JobTask> job) override {
    return v8::platform::NewDefaultJobHandle(this, priority, std::move(job),
                                             NumberOfWorkerThreads());
  }

  double MonotonicallyIncreasingTime() override {
    return inner_->MonotonicallyIncreasingTime();
  }

  double CurrentClockTimeMillis() override {
    return inner_->CurrentClockTimeMillis();
  }

  StackTracePrinter GetStackTracePrinter() override {
    return inner_->GetStackTracePrinter();
  }

  v8::TracingController* GetTracingController() override {
    return inner_->GetTracingController();
  }

 private:
  class CountedTask : public v8::Task {
   public:
    CountedTask(LoopPlatformImpl* platform, std::unique_ptr<v8::Task> task)
        : platform_(platform), task_(std::move(task)) {}
    void Run() override {
      task_->Run();
      task_.reset();
      std::lock_guard<std::mutex> lock(platform_->background_mutex_);
      if (--platform_->background_tasks_ == 0) {
        platform_->background_done_.notify_all();
      }
    }

   private:
    LoopPlatformImpl* platform_;
    std::unique_ptr<v8::Task> task_;
  };

  std::shared_ptr<LoopTaskRunner> Find(v8::Isolate* isolate) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = runners_.find(isolate);
    return it == runners_.end() ? nullptr : it->second;
  }

  std::unique_ptr<v8::Platform> inner_;
  std::mutex mutex_;
  std::unordered_map<v8::Isolate*, std::shared_ptr<LoopTaskRunner>> runners_;
  std::mutex background_mutex_;
  std::condition_variable background_done_;
  int background_tasks_ = 0;
};

}  // namespace

std::unique_ptr<LoopPlatform> NewLoopPlatform(int worker_threads) {
  auto platform = std::make_unique<LoopPlatformImpl>(worker_threads);
  current_platform = platform.get();
  return platform;
}

LoopPlatform* GetLoopPlatform() { return current_platform; }

}  // namespace jspack::runtime
