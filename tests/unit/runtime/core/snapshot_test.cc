// Snapshots: the app is compiled into the snapshot at pack time without
// running, and runs from it at boot.
#include "runtime/core/snapshot.h"

#include <gtest/gtest.h>
#include <v8.h>

#include <memory>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"
#include "runtime/core/stdlib.h"
#include "tests/unit/runtime/js_test.h"

namespace jspack::runtime {
namespace {

// An isolate booted from a blob, with helpers to run scripts in it.
class BootedIsolate {
 public:
  explicit BootedIsolate(const std::string& blob) : blob_(blob) {
    allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    startup_ = {blob_.data(), static_cast<int>(blob_.size())};
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    params.external_references = ExternalReferences();
    params.snapshot_blob = &startup_;
    isolate_ = v8::Isolate::New(params);
    isolate_->Enter();
    v8::HandleScope scope(isolate_);
    v8::Local<v8::Context> context = v8::Context::New(isolate_);
    context_.Reset(isolate_, context);
    context->Enter();
    hooks_.Reset(
        isolate_,
        context->GetDataFromSnapshotOnce<v8::Object>(0).ToLocalChecked());
  }
  ~BootedIsolate() {
    {
      v8::HandleScope scope(isolate_);
      context_.Get(isolate_)->Exit();
    }
    hooks_.Reset();
    context_.Reset();
    isolate_->Exit();
    isolate_->Dispose();
  }

  std::string Eval(const std::string& source) {
    v8::HandleScope scope(isolate_);
    v8::Local<v8::Context> context = context_.Get(isolate_);
    v8::TryCatch try_catch(isolate_);
    v8::Local<v8::Value> result;
    if (!v8::Script::Compile(context,
                             Utf8String(isolate_, source).ToLocalChecked())
             .ToLocalChecked()
             ->Run(context)
             .ToLocal(&result)) {
      return "throws: " + ToUtf8(isolate_, try_catch.Exception());
    }
    return ToUtf8(isolate_, result);
  }

  int RunApp() {
    v8::HandleScope scope(isolate_);
    RunInfo info;
    info.exec_path = "/test/app";
    info.entry_path = "/test/app.js";
    Runtime runtime(isolate_, context_.Get(isolate_), hooks_.Get(isolate_),
                    info);
    return runtime.Run(nullptr);
  }

 private:
  std::string blob_;
  v8::StartupData startup_;
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_;
  v8::Global<v8::Context> context_;
  v8::Global<v8::Object> hooks_;
};

class SnapshotTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    InitializeV8ForTests();
    std::string error;
    base_ = new std::string();
    ASSERT_TRUE(BuildBaseSnapshot(base_, &error)) << error;
  }
  static void TearDownTestSuite() { delete base_; }
  static std::string* base_;
};
std::string* SnapshotTest::base_ = nullptr;

TEST_F(SnapshotTest, BaseSnapshotHoldsTheStdlib) {
  BootedIsolate booted(*base_);
  EXPECT_EQ(booted.Eval("typeof process.nextTick + typeof setTimeout + "
                        "typeof console.log"),
            "functionfunctionfunction");
}

TEST_F(SnapshotTest, AppTopLevelDoesNotRunAtPackTimeButRunsAtBoot) {
  std::string app, error;
  ASSERT_TRUE(BuildAppSnapshot(*base_,
                               "globalThis.runs = (globalThis.runs || 0) + 1;\n"
                               "globalThis.seenArgv = process.argv.join(' ');\n"
                               "process.exitCode = 3;\n",
                               "app.js", &app, &error))
      << error;
  BootedIsolate booted(app);
  EXPECT_EQ(booted.Eval("String(globalThis.runs)"), "undefined");
  EXPECT_EQ(booted.RunApp(), 3);
  EXPECT_EQ(booted.Eval("String(globalThis.runs)"), "1");
  // argv comes from this run, not from pack time.
  EXPECT_EQ(booted.Eval("globalThis.seenArgv"), "/test/app /test/app.js");
}

TEST_F(SnapshotTest, AppFunctionsNeverCalledAtPackTimeWorkAfterBoot) {
  // (That they are compiled in the snapshot, not at startup, is checked
  // end to end by LaunchTest.PackedAppCompilesNothingAtStartup.)
  std::string functions;
  for (int i = 0; i < 100; ++i) {
    functions += "function f" + std::to_string(i) + "(a, b) { const c = a * " +
                 std::to_string(i) + " + b; return [c, c + 1, String(c)]; }\n";
  }
  std::string app, error;
  ASSERT_TRUE(BuildAppSnapshot(*base_, functions + "globalThis.f7 = f7;\n",
                               "app.js", &app, &error))
      << error;
  BootedIsolate booted(app);
  EXPECT_EQ(booted.RunApp(), 0);
  EXPECT_EQ(booted.Eval("String(globalThis.f7(1, 2))"), "9,10,9");
}

TEST_F(SnapshotTest, SyntaxErrorInTheBundleIsReported) {
  std::string app, error;
  EXPECT_FALSE(
      BuildAppSnapshot(*base_, "let x = ;", "broken.js", &app, &error));
  EXPECT_NE(error.find("SyntaxError"), std::string::npos) << error;
  EXPECT_NE(error.find("broken.js:1"), std::string::npos) << error;
}

TEST_F(SnapshotTest, SnapshotFromSourceWorksWithoutBase) {
  std::string app, error;
  ASSERT_TRUE(
      BuildAppSnapshot("", "process.exitCode = 5;", "app.js", &app, &error))
      << error;
  BootedIsolate booted(app);
  EXPECT_EQ(booted.RunApp(), 5);
}

// Every binding instantiated into the heap, then snapshotted and booted: V8
// aborts on any callback missing from the external reference array.
// What node:vm copies for each new context: V8's fresh globals, none of the
// stdlib's (context index 0 of every snapshot).
std::string EvalInVmContext(const std::string& blob, const char* source) {
  BootedIsolate booted(blob);
  v8::Isolate* isolate = v8::Isolate::GetCurrent();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> vm;
  if (!v8::Context::FromSnapshot(isolate, 0).ToLocal(&vm)) return "none";
  v8::Context::Scope context_scope(vm);
  v8::Local<v8::Value> result;
  if (!v8::Script::Compile(vm, Utf8String(isolate, source).ToLocalChecked())
           .ToLocalChecked()
           ->Run(vm)
           .ToLocal(&result)) {
    return "throws";
  }
  return ToUtf8(isolate, result);
}

TEST_F(SnapshotTest, BaseAndAppSnapshotsHoldAPristineVmContext) {
  const char* probe = "[typeof process, typeof setTimeout, typeof Array].join()";
  EXPECT_EQ(EvalInVmContext(*base_, probe), "undefined,undefined,function");
  std::string app, error;
  ASSERT_TRUE(BuildAppSnapshot(*base_, "globalThis.x = 1;\n", "app.js", &app,
                               &error))
      << error;
  EXPECT_EQ(EvalInVmContext(app, probe), "undefined,undefined,function");
}

TEST(SnapshotRegistry, SnapshotWithEveryBindingLoadedBootsAndCalls) {
  InitializeV8ForTests();
  std::string blob;
  {
    v8::SnapshotCreator creator(ExternalReferences());
    v8::Isolate* isolate = creator.GetIsolate();
    {
      v8::HandleScope scope(isolate);
      v8::Local<v8::Context> context = v8::Context::New(isolate);
      v8::Context::Scope context_scope(context);
      v8::Local<v8::Object> hooks;
      ASSERT_TRUE(EvaluateStdlib(context, true).ToLocal(&hooks));
      v8::Local<v8::Object> all = v8::Object::New(isolate);
      for (const BindingInfo* info : AllBindings()) {
        all->Set(context, OneByteString(isolate, info->name),
                 InstantiateBinding(context, *info).ToLocalChecked())
            .Check();
      }
      context->Global()
          ->Set(context, OneByteString(isolate, "allBindings"), all)
          .Check();
      creator.AddData(context, hooks);
      creator.SetDefaultContext(context);
    }
    v8::StartupData data =
        creator.CreateBlob(v8::SnapshotCreator::FunctionCodeHandling::kKeep);
    ASSERT_NE(data.data, nullptr);
    blob.assign(data.data, data.raw_size);
    delete[] data.data;
  }
  BootedIsolate booted(blob);
  EXPECT_EQ(booted.Eval("Object.keys(allBindings).length"),
            std::to_string(AllBindings().size()));
  EXPECT_EQ(booted.Eval("allBindings.types.isDate(new Date())"), "true");
  EXPECT_EQ(booted.Eval("allBindings.uv.errname(-2)"), "ENOENT");
}

}  // namespace
}  // namespace jspack::runtime
