// The JsTest fixture.
#include "tests/unit/runtime/js_test.h"

#include "runtime/core/binding.h"
#include "runtime/core/stdlib.h"
#include "runtime/core/v8_setup.h"

namespace jspack::runtime {

void InitializeV8ForTests() { InitializeV8("jspack-runtime-test"); }

void JsTest::SetUp() {
  InitializeV8ForTests();
  allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
  v8::Isolate::CreateParams params;
  params.array_buffer_allocator = allocator_.get();
  params.external_references = ExternalReferences();
  isolate_ = v8::Isolate::New(params);
  isolate_->Enter();
  v8::HandleScope handle_scope(isolate_);
  isolate_->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  v8::Local<v8::Context> context = v8::Context::New(isolate_);
  context->Enter();
  context_.Reset(isolate_, context);
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Object> hooks;
  ASSERT_TRUE(EvaluateStdlib(context, false).ToLocal(&hooks))
      << ToUtf8(isolate_, try_catch.Exception());
  // Tests reach bindings directly; apps never can.
  v8::Local<v8::Function> internal_binding =
      NewFunction(context, InternalBinding, "internalBinding").ToLocalChecked();
  context->Global()
      ->Set(context, OneByteString(isolate_, "internalBindingForTest"),
            internal_binding)
      .Check();
  RunInfo info;
  info.exec_path = "/test/jspack-runtime";
  info.entry_path = "/test/app.js";
  runtime_ = std::make_unique<Runtime>(isolate_, context, hooks, info);
}

void JsTest::TearDown() {
  runtime_.reset();
  {
    v8::HandleScope handle_scope(isolate_);
    context_.Get(isolate_)->Exit();
  }
  context_.Reset();
  isolate_->Exit();
  isolate_->Dispose();
}

std::string JsTest::Eval(const std::string& source) {
  v8::HandleScope handle_scope(isolate_);
  v8::Local<v8::Context> context = context_.Get(isolate_);
  v8::TryCatch try_catch(isolate_);
  v8::Local<v8::Script> script;
  v8::Local<v8::Value> result;
  if (!v8::Script::Compile(context,
                           Utf8String(isolate_, source).ToLocalChecked())
           .ToLocal(&script) ||
      !script->Run(context).ToLocal(&result)) {
    std::string text = ToUtf8(isolate_, try_catch.Exception());
    if (try_catch.Exception()->IsObject()) {
      v8::Local<v8::Value> code;
      if (try_catch.Exception()
              .As<v8::Object>()
              ->Get(context, OneByteString(isolate_, "code"))
              .ToLocal(&code) &&
          code->IsString()) {
        text += " [" + ToUtf8(isolate_, code) + "]";
      }
    }
    return "throws: " + text;
  }
  isolate_->PerformMicrotaskCheckpoint();
  std::string type = ToUtf8(isolate_, result->TypeOf(isolate_));
  return type + ":" + ToUtf8(isolate_, result);
}

void JsTest::ExpectEval(const std::string& source, const std::string& type,
                        const std::string& text) {
  EXPECT_EQ(Eval(source), type + ":" + text) << "source: " << source;
}

void JsTest::ExpectThrows(const std::string& source,
                          const std::string& fragment) {
  std::string result = Eval(source);
  EXPECT_EQ(result.rfind("throws: ", 0), 0u)
      << "source did not throw: " << source << " -> " << result;
  EXPECT_NE(result.find(fragment), std::string::npos)
      << "source: " << source << " -> " << result;
}

}  // namespace jspack::runtime
