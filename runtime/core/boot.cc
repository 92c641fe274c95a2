// Creates the isolate and context from the chosen snapshot and runs the app.
#include "runtime/core/boot.h"

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "runtime/core/binding.h"
#include "runtime/core/platform.h"
#include "runtime/core/snapshot.h"
#include "runtime/core/stdlib.h"
#include "runtime/core/v8_setup.h"
#include "runtime/core/worker.h"

namespace jspack::runtime {

namespace {

void OnFatalError(const char* location, const char* message) {
  fprintf(stderr, "jspack: fatal error in %s: %s\n", location, message);
  fflush(stderr);
  _exit(134);
}

void OnOutOfMemory(const char* location, bool is_heap_oom) {
  fprintf(stderr,
          "jspack: JavaScript heap out of memory (%s). The app needs more "
          "memory than V8's heap limit allows.\n",
          location);
  fflush(stderr);
  _exit(134);
}

// A child_process.fork() of one of the app's other entries (the stdlib
// passes the target in JSPACK_FORK_TARGET) runs that entry from the app
// compiled, not from the state the main entry's pack-time run left; a
// cluster worker (NODE_UNIQUE_ID) is the app itself again and runs its main
// function, as in Node.
bool ForksAnotherEntry() {
  return getenv("JSPACK_FORK_TARGET") != nullptr &&
         getenv("NODE_UNIQUE_ID") == nullptr;
}

}  // namespace

int BootAndRun(BootPlan plan) {
  // Never freed: the isolate is not disposed at exit, and V8's background
  // ArrayBuffer sweeper may still free backing stores through the
  // allocator while the platform shuts down (a use after free otherwise).
  // Shared with worker isolates (worker.h).
  v8::ArrayBuffer::Allocator* allocator = SharedArrayBufferAllocator();
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator;
  params.external_references = ExternalReferences();
  // Workers boot from the same blob; `plan` lives until the process ends.
  ProcessBoot process_boot;
  process_boot.blob = &plan.snapshot;
  if (!plan.app_in_snapshot) process_boot.bundle = &plan.bundle_source;
  process_boot.bundle_is_module = plan.info.bundle_is_module;
  process_boot.app_entry = plan.info.entry_path;
  process_boot.app_mode = plan.info.mode == "app";
  SetProcessBoot(process_boot);
  v8::StartupData blob{plan.snapshot.data(),
                       static_cast<int>(plan.snapshot.size())};
  if (!plan.snapshot.empty()) params.snapshot_blob = &blob;
  ConfigureHeapForMachine(params.constraints);
  v8::Isolate* isolate = v8::Isolate::Allocate();
  GetLoopPlatform()->RegisterIsolate(isolate);
  v8::Isolate::Initialize(isolate, params);
  isolate->SetFatalErrorHandler(OnFatalError);
  isolate->SetOOMErrorHandler(OnOutOfMemory);

  v8::Isolate::Scope isolate_scope(isolate);
  v8::HandleScope handle_scope(isolate);
  v8::Local<v8::Context> context;
  if (plan.app_initialized && !ForksAnotherEntry()) {
    if (!v8::Context::FromSnapshot(isolate, kInitializedAppContextIndex,
                                   InternalFieldsDeserializer())
             .ToLocal(&context)) {
      fprintf(stderr,
              "jspack: internal error: the snapshot has no initialized app\n");
      return 70;
    }
  } else {
    context = v8::Context::New(isolate, nullptr, {}, {},
                               InternalFieldsDeserializer());
  }
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Object> hooks;
  if (!plan.snapshot.empty()) {
    if (!context->GetDataFromSnapshotOnce<v8::Object>(0).ToLocal(&hooks)) {
      fprintf(stderr,
              "jspack: internal error: snapshot without stdlib hooks\n");
      return 70;
    }
  } else {
    isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
    v8::TryCatch try_catch(isolate);
    if (!EvaluateStdlib(context, /*eager=*/false).ToLocal(&hooks)) {
      fprintf(stderr, "jspack: internal error: the stdlib failed to load: %s\n",
              ToUtf8(isolate, try_catch.Exception()).c_str());
      return 70;
    }
  }
  DebugTime("isolate and context ready");
  Runtime runtime(isolate, context, hooks, std::move(plan.info));
  int code = runtime.Run(plan.app_in_snapshot ? nullptr : &plan.bundle_source);
  // Unref'd workers may still run: end the process here, before static
  // destructors run under their threads (as Runtime::Exit does).
  if (AnyWorkerStarted()) runtime.Exit(code);
  return code;
}

}  // namespace jspack::runtime
