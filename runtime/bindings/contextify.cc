// contextify: node:vm's contextified objects (a V8 context whose global
// forwards to a sandbox object), compiled scripts and the execution
// watchdog behind the `timeout` option.
#include <semaphore.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "runtime/bindings/contextify.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::contextify {
namespace {

using runtime::OneByteString;

// Embedder data slot of a vm context that holds its sandbox object. The
// Runtime* slot (kRuntimeEmbedderIndex) is copied from the main context so
// the isolate-wide hooks (stack traces, rejections, import()) work there.
constexpr int kSandboxIndex = 8;

v8::Local<v8::Private> ContextKey(v8::Isolate* isolate) {
  return v8::Private::ForApi(isolate,
                             OneByteString(isolate, "jspack:vm:context"));
}

// The vm context an interceptor runs for and its sandbox; false while the
// context is still being set up (nothing to forward to yet).
template <typename T>
bool SandboxOf(const v8::PropertyCallbackInfo<T>& info,
               v8::Local<v8::Context>* context,
               v8::Local<v8::Object>* sandbox) {
  if (!info.Holder()->GetCreationContext().ToLocal(context)) return false;
  if ((*context)->GetNumberOfEmbedderDataFields() <= kSandboxIndex) {
    return false;
  }
  v8::Local<v8::Value> value = (*context)->GetEmbedderData(kSandboxIndex);
  if (!value->IsObject()) return false;
  *sandbox = value.As<v8::Object>();
  return true;
}

void NamedGetter(v8::Local<v8::Name> property,
                 const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  v8::TryCatch try_catch(info.GetIsolate());
  v8::Local<v8::Value> value;
  if (sandbox->GetRealNamedProperty(context, property).ToLocal(&value)) {
    info.GetReturnValue().Set(value);
  } else if (try_catch.HasCaught()) {
    try_catch.ReThrow();
  }
  // Not on the sandbox: the lookup goes on to the context's own global
  // (its builtins and what scripts declared).
}

void NamedSetter(v8::Local<v8::Name> property, v8::Local<v8::Value> value,
                 const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  v8::PropertyAttribute attributes = v8::None;
  bool on_global = info.Holder()
                       ->GetRealNamedPropertyAttributes(context, property)
                       .To(&attributes);
  // A read-only global (undefined, NaN, ...) keeps V8's own behaviour.
  if (on_global && (attributes & v8::ReadOnly)) return;
  bool on_sandbox = false;
  if (!sandbox->HasRealNamedProperty(context, property).To(&on_sandbox)) {
    return;
  }
  // Strict code assigning an undeclared name (`x = 1`, not `this.x = 1`)
  // gets V8's ReferenceError. Function declarations come this way too (as
  // a throwing store) and must still reach the sandbox.
  bool contextual = info.This() != context->Global();
  if (!on_global && !on_sandbox && contextual && info.ShouldThrowOnError() &&
      !value->IsFunction()) {
    return;
  }
  if (sandbox->Set(context, property, value).IsNothing()) return;
  // A name only the global has (a builtin, or declared with var/function)
  // is updated there too, so both views agree.
  if (on_global && !on_sandbox) return;
  info.GetReturnValue().Set(value);
}

void NamedQuery(v8::Local<v8::Name> property,
                const v8::PropertyCallbackInfo<v8::Integer>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  bool has = false;
  if (!sandbox->HasRealNamedProperty(context, property).To(&has) || !has) {
    return;
  }
  v8::PropertyAttribute attributes = v8::None;
  if (sandbox->GetRealNamedPropertyAttributes(context, property)
          .To(&attributes)) {
    info.GetReturnValue().Set(static_cast<int32_t>(attributes));
  }
}

void NamedDeleter(v8::Local<v8::Name> property,
                  const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  bool deleted = false;
  if (!sandbox->Delete(context, property).To(&deleted)) return;
  // A property the sandbox refused to give up stays; otherwise the global's
  // copy (if any) goes too, through V8's own delete.
  if (!deleted) info.GetReturnValue().Set(false);
}

void NamedEnumerator(const v8::PropertyCallbackInfo<v8::Array>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  v8::Local<v8::Array> names;
  if (sandbox->GetPropertyNames(context).ToLocal(&names)) {
    info.GetReturnValue().Set(names);
  }
}

void NamedDefiner(v8::Local<v8::Name> property,
                  const v8::PropertyDescriptor& desc,
                  const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  v8::Isolate* isolate = info.GetIsolate();
  std::unique_ptr<v8::PropertyDescriptor> copy;
  if (desc.has_get() || desc.has_set()) {
    copy = std::make_unique<v8::PropertyDescriptor>(
        desc.has_get() ? desc.get() : v8::Undefined(isolate).As<v8::Value>(),
        desc.has_set() ? desc.set() : v8::Undefined(isolate).As<v8::Value>());
  } else if (desc.has_value()) {
    if (desc.has_writable()) {
      copy = std::make_unique<v8::PropertyDescriptor>(desc.value(),
                                                      desc.writable());
    } else {
      copy = std::make_unique<v8::PropertyDescriptor>(desc.value());
    }
  } else if (desc.has_writable()) {
    copy = std::make_unique<v8::PropertyDescriptor>(
        v8::Undefined(isolate), desc.writable());
  } else {
    copy = std::make_unique<v8::PropertyDescriptor>();
  }
  if (desc.has_enumerable()) copy->set_enumerable(desc.enumerable());
  if (desc.has_configurable()) copy->set_configurable(desc.configurable());
  // Mirrored onto the sandbox; V8 then defines it on the global as well.
  v8::TryCatch try_catch(isolate);
  if (sandbox->DefineProperty(context, property, *copy).IsNothing() &&
      try_catch.HasCaught()) {
    try_catch.ReThrow();
  }
}

void NamedDescriptor(v8::Local<v8::Name> property,
                     const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::Context> context;
  v8::Local<v8::Object> sandbox;
  if (!SandboxOf(info, &context, &sandbox)) return;
  bool has = false;
  if (!sandbox->HasOwnProperty(context, property).To(&has) || !has) return;
  v8::Local<v8::Value> desc;
  if (sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc)) {
    info.GetReturnValue().Set(desc);
  }
}

// Indexed properties go through the named handlers with the index as a
// string key.
v8::MaybeLocal<v8::String> IndexKey(v8::Isolate* isolate, uint32_t index) {
  return v8::Integer::NewFromUnsigned(isolate, index)
      ->ToString(isolate->GetCurrentContext());
}

void IndexedGetter(uint32_t index,
                   const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info.GetIsolate(), index).ToLocal(&key)) NamedGetter(key, info);
}

void IndexedSetter(uint32_t index, v8::Local<v8::Value> value,
                   const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info.GetIsolate(), index).ToLocal(&key)) {
    NamedSetter(key, value, info);
  }
}

void IndexedQuery(uint32_t index,
                  const v8::PropertyCallbackInfo<v8::Integer>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info.GetIsolate(), index).ToLocal(&key)) NamedQuery(key, info);
}

void IndexedDeleter(uint32_t index,
                    const v8::PropertyCallbackInfo<v8::Boolean>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info.GetIsolate(), index).ToLocal(&key)) {
    NamedDeleter(key, info);
  }
}

void IndexedDefiner(uint32_t index, const v8::PropertyDescriptor& desc,
                    const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info.GetIsolate(), index).ToLocal(&key)) {
    NamedDefiner(key, desc, info);
  }
}

void IndexedDescriptor(uint32_t index,
                       const v8::PropertyCallbackInfo<v8::Value>& info) {
  v8::Local<v8::String> key;
  if (IndexKey(info.GetIsolate(), index).ToLocal(&key)) {
    NamedDescriptor(key, info);
  }
}

// Contexts are made from the isolate's snapshot, whose default context is
// the booted stdlib: a vm context must not see it. This runs in the new
// context before it is tied to its sandbox and leaves only what a fresh V8
// context has (with a console whose methods do nothing, like V8's own
// without an inspector).
// TODO(#8): a pristine context added to the snapshot (AddContext) would
// avoid deserializing the stdlib for every vm context.
constexpr const char kPristineSource[] = R"JS((function() {
  'use strict';
  const keep = new Set(['Object', 'Function', 'Array', 'Number',
    'parseFloat', 'parseInt', 'Infinity', 'NaN', 'undefined', 'Boolean',
    'String', 'Symbol', 'Date', 'Promise', 'RegExp', 'Error',
    'AggregateError', 'EvalError', 'RangeError', 'ReferenceError',
    'SyntaxError', 'TypeError', 'URIError', 'globalThis', 'JSON', 'Math',
    'Intl', 'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array',
    'Int16Array', 'Uint32Array', 'Int32Array', 'Float32Array',
    'Float64Array', 'Uint8ClampedArray', 'BigUint64Array', 'BigInt64Array',
    'DataView', 'Map', 'BigInt', 'Set', 'WeakMap', 'WeakSet', 'Proxy',
    'Reflect', 'FinalizationRegistry', 'WeakRef', 'decodeURI',
    'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
    'unescape', 'eval', 'isFinite', 'isNaN', 'SharedArrayBuffer', 'Atomics',
    'WebAssembly']);
  for (const key of Reflect.ownKeys(globalThis)) {
    if (!keep.has(key)) delete globalThis[key];
  }
  const quiet = {};
  for (const name of ['debug', 'error', 'info', 'log', 'warn', 'dir',
    'dirxml', 'table', 'trace', 'group', 'groupCollapsed', 'groupEnd',
    'clear', 'count', 'countReset', 'assert', 'profile', 'profileEnd',
    'time', 'timeLog', 'timeEnd', 'timeStamp', 'context', 'createTask']) {
    Object.defineProperty(quiet, name, { value: { [name]() {} }[name],
      writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(globalThis, 'console', { value: quiet,
    writable: true, enumerable: false, configurable: true });
})())JS";

bool MakePristine(v8::Local<v8::Context> context) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Context::Scope scope(context);
  v8::Local<v8::String> source = OneByteString(isolate, kPristineSource);
  v8::Local<v8::Script> script;
  return v8::Script::Compile(context, source).ToLocal(&script) &&
         !script->Run(context).IsEmpty();
}

// The index of the pristine vm context among a snapshot's added contexts.
constexpr size_t kPristineContextIndex = 0;

// The vm global: every property access goes through the sandbox first.
v8::Local<v8::ObjectTemplate> VmGlobalTemplate(v8::Isolate* isolate) {
  v8::Local<v8::FunctionTemplate> ctor = v8::FunctionTemplate::New(isolate);
  v8::Local<v8::ObjectTemplate> global = ctor->InstanceTemplate();
  global->SetHandler(v8::NamedPropertyHandlerConfiguration(
      NamedGetter, NamedSetter, NamedQuery, NamedDeleter, NamedEnumerator,
      NamedDefiner, NamedDescriptor, v8::Local<v8::Value>(),
      v8::PropertyHandlerFlags::kHasNoSideEffect));
  global->SetHandler(v8::IndexedPropertyHandlerConfiguration(
      IndexedGetter, IndexedSetter, IndexedQuery, IndexedDeleter, nullptr,
      IndexedDefiner, IndexedDescriptor, v8::Local<v8::Value>(),
      v8::PropertyHandlerFlags::kHasNoSideEffect));
  return global;
}

// What a context with its own microtask queue owns; freed when the
// context's global proxy is collected.
struct ContextState {
  std::unique_ptr<v8::MicrotaskQueue> queue;
  v8::Global<v8::Object> global;
};

void OnGlobalCollected(const v8::WeakCallbackInfo<ContextState>& info) {
  ContextState* state = info.GetParameter();
  state->global.Reset();
  // The queue must outlive any pending use by V8 in this GC; V8 no longer
  // references it once the context is gone.
  delete state;
}

// The context a contextified sandbox stands for (empty if none).
v8::MaybeLocal<v8::Context> ContextOf(v8::Isolate* isolate,
                                      v8::Local<v8::Value> sandbox) {
  if (!sandbox->IsObject()) return v8::MaybeLocal<v8::Context>();
  v8::Local<v8::Context> current = isolate->GetCurrentContext();
  v8::Local<v8::Value> global;
  if (!sandbox.As<v8::Object>()
           ->GetPrivate(current, ContextKey(isolate))
           .ToLocal(&global) ||
      !global->IsObject()) {
    return v8::MaybeLocal<v8::Context>();
  }
  return global.As<v8::Object>()->GetCreationContext();
}

v8::MicrotaskQueue* QueueOf(v8::Local<v8::Context> context) {
  v8::MicrotaskQueue* queue = context->GetMicrotaskQueue();
  v8::MicrotaskQueue* main_queue =
      context->GetIsolate()->GetCurrentContext()->GetMicrotaskQueue();
  return queue == main_queue ? nullptr : queue;
}

// makeContext(sandbox, name, ownMicrotaskQueue, allowStrings, allowWasm):
// turns `sandbox` into a contextified object. JS checked it is an object
// not yet contextified.
void MakeContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> main = isolate->GetCurrentContext();
  // null: an ordinary context (vm.constants.DONT_CONTEXTIFY) whose own
  // global proxy stands for it.
  bool plain = args[0]->IsNull();
  JSPACK_CHECK(plain || args[0]->IsObject());


  std::unique_ptr<ContextState> state;
  v8::MicrotaskQueue* queue = nullptr;
  if (args[2]->IsTrue()) {
    state = std::make_unique<ContextState>();
    state->queue =
        v8::MicrotaskQueue::New(isolate, v8::MicrotasksPolicy::kExplicit);
    queue = state->queue.get();
  }
  // A copy of the snapshot's pristine vm context; without one (a run with
  // no snapshot), a new context whose stdlib copy is cleared. Its
  // interceptors forward nothing until the sandbox is attached below, so a
  // plain context uses the same global.
  v8::Local<v8::Context> context;
  if (!v8::Context::FromSnapshot(isolate, kPristineContextIndex,
                                 v8::DeserializeInternalFieldsCallback(),
                                 nullptr, v8::MaybeLocal<v8::Value>(), queue)
           .ToLocal(&context)) {
    context = v8::Context::New(isolate, nullptr, VmGlobalTemplate(isolate),
                               v8::MaybeLocal<v8::Value>(),
                               v8::DeserializeInternalFieldsCallback(), queue);
    if (context.IsEmpty()) {
      isolate->ThrowException(v8::Exception::Error(
          OneByteString(isolate, "Failed to create a vm context")));
      return;
    }
    if (!MakePristine(context)) return;
  }
  context->SetSecurityToken(main->GetSecurityToken());
  if (main->GetNumberOfEmbedderDataFields() > runtime::kRuntimeEmbedderIndex) {
    context->SetAlignedPointerInEmbedderData(
        runtime::kRuntimeEmbedderIndex,
        main->GetAlignedPointerFromEmbedderData(
            runtime::kRuntimeEmbedderIndex));
  }
  context->AllowCodeGenerationFromStrings(!args[3]->IsFalse());
  v8::Local<v8::Object> proxy = context->Global();
  v8::Local<v8::Object> sandbox =
      plain ? proxy : args[0].As<v8::Object>();
  if (!plain) context->SetEmbedderData(kSandboxIndex, sandbox);
  if (sandbox->SetPrivate(main, ContextKey(isolate), proxy).IsNothing()) {
    return;
  }
  if (state) {
    state->global.Reset(isolate, proxy);
    ContextState* raw = state.release();
    raw->global.SetWeak(raw, OnGlobalCollected,
                        v8::WeakCallbackType::kParameter);
  }
  if (plain) args.GetReturnValue().Set(proxy);
}

// isContext(object) -> whether makeContext contextified it.
void IsContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context;
  args.GetReturnValue().Set(
      ContextOf(args.GetIsolate(), args[0]).ToLocal(&context));
}

// globalOf(sandbox) -> the context's global proxy (for tests and inspect).
void GlobalOf(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Context> context;
  if (ContextOf(args.GetIsolate(), args[0]).ToLocal(&context)) {
    args.GetReturnValue().Set(context->Global());
  }
}

// Prefixes an error's stack with where it was thrown, as Node's vm does:
// "file:line", the source line, a caret under the column, a blank line.
// Only once per error, and only for objects with a string stack.
void DecorateError(v8::Isolate* isolate, const v8::TryCatch& try_catch) {
  v8::Local<v8::Value> exception = try_catch.Exception();
  v8::Local<v8::Message> message = try_catch.Message();
  if (!exception->IsObject() || message.IsEmpty()) return;
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> error = exception.As<v8::Object>();
  v8::Local<v8::Private> done = v8::Private::ForApi(
      isolate, OneByteString(isolate, "jspack:vm:decorated"));
  v8::Maybe<bool> decorated = error->HasPrivate(context, done);
  if (decorated.IsNothing() || decorated.FromJust()) return;
  v8::Local<v8::String> stack_key = OneByteString(isolate, "stack");
  v8::Local<v8::Value> stack;
  if (!error->Get(context, stack_key).ToLocal(&stack) || !stack->IsString()) {
    return;
  }
  v8::Local<v8::String> source_line;
  if (!message->GetSourceLine(context).ToLocal(&source_line)) return;
  std::string head = runtime::ToUtf8(isolate, message->GetScriptResourceName());
  head += ":" + std::to_string(message->GetLineNumber(context).FromMaybe(0));
  head += "\n" + runtime::ToUtf8(isolate, source_line) + "\n";
  head += std::string(
      static_cast<size_t>(std::max(0, message->GetStartColumn(context)
                                          .FromMaybe(0))), ' ');
  head += "^\n\n" + runtime::ToUtf8(isolate, stack);
  v8::Local<v8::String> decorated_stack;
  if (!runtime::Utf8String(isolate, head).ToLocal(&decorated_stack)) return;
  if (error->Set(context, stack_key, decorated_stack).IsNothing()) return;
  if (error->SetPrivate(context, done, v8::True(isolate)).IsNothing()) return;
}

// A compiled script held by a JS object (internal field 0).
struct ScriptHolder {
  v8::Global<v8::UnboundScript> script;
  v8::Global<v8::Object> owner;
};

void OnScriptCollected(const v8::WeakCallbackInfo<ScriptHolder>& info) {
  ScriptHolder* holder = info.GetParameter();
  holder->owner.Reset();
  holder->script.Reset();
  delete holder;
}

v8::ScriptOrigin MakeOrigin(v8::Isolate* isolate,
                            const v8::FunctionCallbackInfo<v8::Value>& args) {
  return v8::ScriptOrigin(isolate, args[1],
                          args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value()
                                             : 0,
                          args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value()
                                             : 0);
}

// The code cache argument as V8 wants it (the bytes are copied, so the JS
// buffer may go away).
std::unique_ptr<v8::ScriptCompiler::CachedData> CacheFrom(
    v8::Local<v8::Value> value) {
  if (!value->IsArrayBufferView()) return nullptr;
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  size_t length = view->ByteLength();
  auto* bytes = new uint8_t[length];
  view->CopyContents(bytes, length);
  return std::make_unique<v8::ScriptCompiler::CachedData>(
      bytes, static_cast<int>(length),
      v8::ScriptCompiler::CachedData::BufferOwned);
}

v8::Local<v8::Value> CacheToArrayBuffer(
    v8::Isolate* isolate, v8::ScriptCompiler::CachedData* cache) {
  if (cache == nullptr) return v8::Undefined(isolate);
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, static_cast<size_t>(cache->length));
  memcpy(buffer->GetBackingStore()->Data(), cache->data,
         static_cast<size_t>(cache->length));
  return buffer;
}

// compileScript(code, filename, lineOffset, columnOffset, cachedData,
//     produceCachedData, result) -> handle. result[0] = cachedDataRejected
// (or undefined), result[1] = the produced cache (ArrayBuffer).
void CompileScript(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  JSPACK_CHECK(args[0]->IsString() && args[6]->IsArray());
  v8::Local<v8::Array> result = args[6].As<v8::Array>();
  v8::ScriptOrigin origin = MakeOrigin(isolate, args);
  std::unique_ptr<v8::ScriptCompiler::CachedData> cache = CacheFrom(args[4]);
  bool had_cache = cache != nullptr;
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin,
                                    cache.release());
  v8::Local<v8::UnboundScript> script;
  {
    v8::TryCatch try_catch(isolate);
    if (!v8::ScriptCompiler::CompileUnboundScript(
             isolate, &source,
             had_cache ? v8::ScriptCompiler::kConsumeCodeCache
                       : v8::ScriptCompiler::kNoCompileOptions)
             .ToLocal(&script)) {
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        DecorateError(isolate, try_catch);
        try_catch.ReThrow();
      }
      return;
    }
  }
  if (had_cache) {
    if (result
            ->Set(context, 0,
                  v8::Boolean::New(isolate,
                                   source.GetCachedData()->rejected))
            .IsNothing()) {
      return;
    }
  }
  if (args[5]->IsTrue()) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> made(
        v8::ScriptCompiler::CreateCodeCache(script));
    if (result->Set(context, 1, CacheToArrayBuffer(isolate, made.get()))
            .IsNothing()) {
      return;
    }
  }
  v8::Local<v8::ObjectTemplate> tmpl = v8::ObjectTemplate::New(isolate);
  tmpl->SetInternalFieldCount(1);
  v8::Local<v8::Object> owner;
  if (!tmpl->NewInstance(context).ToLocal(&owner)) return;
  auto* holder = new ScriptHolder();
  holder->script.Reset(isolate, script);
  holder->owner.Reset(isolate, owner);
  holder->owner.SetWeak(holder, OnScriptCollected,
                        v8::WeakCallbackType::kParameter);
  owner->SetAlignedPointerInInternalField(0, holder);
  runtime::TrackNativeObject(isolate, owner, "vm.Script");
  args.GetReturnValue().Set(owner);
}

// createCachedData(handle) -> ArrayBuffer.
void CreateCachedData(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsObject() &&
               args[0].As<v8::Object>()->InternalFieldCount() == 1);
  auto* holder = static_cast<ScriptHolder*>(
      args[0].As<v8::Object>()->GetAlignedPointerFromInternalField(0));
  std::unique_ptr<v8::ScriptCompiler::CachedData> made(
      v8::ScriptCompiler::CreateCodeCache(holder->script.Get(isolate)));
  args.GetReturnValue().Set(CacheToArrayBuffer(isolate, made.get()));
}

// Terminates the isolate's JS if it runs past a deadline. One per run with
// a timeout; nested runs each have their own.
class Watchdog {
 public:
  Watchdog(v8::Isolate* isolate, int64_t timeout_ms) : isolate_(isolate) {
    thread_ = std::thread([this, timeout_ms] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!cv_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                        [this] { return done_; })) {
        fired_ = true;
        isolate_->TerminateExecution();
      }
    });
  }
  ~Watchdog() { Stop(); }
  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cv_.notify_one();
    if (thread_.joinable()) thread_.join();
  }
  bool fired() {
    std::lock_guard<std::mutex> lock(mutex_);
    return fired_;
  }

 private:
  v8::Isolate* isolate_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool done_ = false;
  bool fired_ = false;
  std::thread thread_;
};

// breakOnSigint: a SIGINT during a run terminates it. The handler only
// posts a semaphore (async-signal-safe); a thread calls TerminateExecution.
// SIGINT's previous disposition (libuv's or the default) is back once the
// run ends, and the signal is not passed on, as in Node.
class SigintWatchdog {
 public:
  explicit SigintWatchdog(v8::Isolate* isolate) : isolate_(isolate) {
    sem_init(&sem_, 0, 0);
    previous_ = active_.exchange(this);
    struct sigaction action {};
    action.sa_handler = OnSigint;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_action_);
    thread_ = std::thread([this] {
      while (sem_wait(&sem_) != 0) {
      }
      if (!stopping_.load()) {
        fired_.store(true);
        isolate_->TerminateExecution();
      }
    });
  }
  ~SigintWatchdog() { Stop(); }
  void Stop() {
    if (!thread_.joinable()) return;
    sigaction(SIGINT, &old_action_, nullptr);
    active_.store(previous_);
    stopping_.store(true);
    sem_post(&sem_);
    thread_.join();
    sem_destroy(&sem_);
  }
  bool fired() const { return fired_.load(); }

 private:
  static void OnSigint(int) {
    SigintWatchdog* watchdog = active_.load();
    if (watchdog != nullptr) sem_post(&watchdog->sem_);
  }

  static std::atomic<SigintWatchdog*> active_;
  v8::Isolate* isolate_;
  SigintWatchdog* previous_ = nullptr;
  struct sigaction old_action_ {};
  sem_t sem_;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> fired_{false};
  std::thread thread_;
};

std::atomic<SigintWatchdog*> SigintWatchdog::active_{nullptr};

// Runs `run` in `context` under an optional timeout, then drains the
// context's own microtask queue (microtaskMode 'afterEvaluate'). On a
// timeout returns `timed_out` (the sentinel the JS side turns into
// ERR_SCRIPT_EXECUTION_TIMEOUT); exceptions propagate.
// `interrupted` (empty: no breakOnSigint) likewise for a SIGINT.
template <typename Run>
void RunGuarded(const v8::FunctionCallbackInfo<v8::Value>& args,
                v8::Local<v8::Context> context, int64_t timeout_ms,
                v8::Local<v8::Value> timed_out,
                v8::Local<v8::Value> interrupted, bool display_errors,
                Run run) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::MicrotaskQueue* own_queue = QueueOf(context);
  v8::TryCatch try_catch(isolate);
  v8::MaybeLocal<v8::Value> result;
  bool fired = false;
  bool sigint = false;
  {
    v8::Context::Scope scope(context);
    std::unique_ptr<Watchdog> watchdog;
    std::unique_ptr<SigintWatchdog> sigint_watchdog;
    if (timeout_ms > 0) {
      watchdog = std::make_unique<Watchdog>(isolate, timeout_ms);
    }
    if (!interrupted.IsEmpty()) {
      sigint_watchdog = std::make_unique<SigintWatchdog>(isolate);
    }
    result = run();
    if (own_queue != nullptr && !try_catch.HasCaught()) {
      own_queue->PerformCheckpoint(isolate);
    }
    if (watchdog) {
      watchdog->Stop();
      fired = watchdog->fired();
    }
    if (sigint_watchdog) {
      sigint_watchdog->Stop();
      sigint = sigint_watchdog->fired();
    }
  }
  if (fired || sigint) {
    // The termination may still be pending if the script finished just
    // as it fired; either way the isolate is usable again.
    isolate->CancelTerminateExecution();
    try_catch.Reset();
    args.GetReturnValue().Set(sigint ? interrupted : timed_out);
    return;
  }
  if (try_catch.HasCaught()) {
    if (try_catch.HasTerminated()) return;
    if (display_errors) DecorateError(isolate, try_catch);
    try_catch.ReThrow();
    return;
  }
  v8::Local<v8::Value> value;
  if (result.ToLocal(&value)) args.GetReturnValue().Set(value);
}

// runScript(handle, sandbox|null, timeoutMs, timedOutSentinel,
//     displayErrors, breakOnSigint, interruptedSentinel) -> result.
void RunScript(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsObject() &&
               args[0].As<v8::Object>()->InternalFieldCount() == 1);
  auto* holder = static_cast<ScriptHolder*>(
      args[0].As<v8::Object>()->GetAlignedPointerFromInternalField(0));
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (!args[1]->IsNullOrUndefined()) {
    JSPACK_CHECK(ContextOf(isolate, args[1]).ToLocal(&context));
  }
  int64_t timeout = args[2]->IsNumber()
                        ? static_cast<int64_t>(args[2].As<v8::Number>()->Value())
                        : 0;
  v8::Local<v8::UnboundScript> unbound = holder->script.Get(isolate);
  v8::Local<v8::Value> interrupted;
  if (args[5]->IsTrue()) interrupted = args[6];
  RunGuarded(args, context, timeout, args[3], interrupted,
             !args[4]->IsFalse(),
             [&]() -> v8::MaybeLocal<v8::Value> {
               v8::Local<v8::Script> script = unbound->BindToCurrentContext();
               return script->Run(context);
             });
}

// compileFunction(code, filename, lineOffset, columnOffset, cachedData,
//     produceCachedData, result, sandbox|null, params[], extensions[])
//     -> function; result as for compileScript.
void CompileFunction(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> main = isolate->GetCurrentContext();
  JSPACK_CHECK(args[0]->IsString() && args[6]->IsArray() &&
               args[8]->IsArray() && args[9]->IsArray());
  v8::Local<v8::Array> result = args[6].As<v8::Array>();
  v8::Local<v8::Context> context = main;
  if (!args[7]->IsNullOrUndefined()) {
    JSPACK_CHECK(ContextOf(isolate, args[7]).ToLocal(&context));
  }
  v8::Local<v8::Array> param_list = args[8].As<v8::Array>();
  v8::Local<v8::Array> ext_list = args[9].As<v8::Array>();
  std::vector<v8::Local<v8::String>> params;
  for (uint32_t i = 0; i < param_list->Length(); ++i) {
    v8::Local<v8::Value> p;
    if (!param_list->Get(main, i).ToLocal(&p)) return;
    JSPACK_CHECK(p->IsString());
    params.push_back(p.As<v8::String>());
  }
  std::vector<v8::Local<v8::Object>> extensions;
  for (uint32_t i = 0; i < ext_list->Length(); ++i) {
    v8::Local<v8::Value> e;
    if (!ext_list->Get(main, i).ToLocal(&e)) return;
    JSPACK_CHECK(e->IsObject());
    extensions.push_back(e.As<v8::Object>());
  }
  v8::ScriptOrigin origin = MakeOrigin(isolate, args);
  std::unique_ptr<v8::ScriptCompiler::CachedData> cache = CacheFrom(args[4]);
  bool had_cache = cache != nullptr;
  v8::ScriptCompiler::Source source(args[0].As<v8::String>(), origin,
                                    cache.release());
  v8::Local<v8::Function> fn;
  {
    v8::Context::Scope scope(context);
    v8::TryCatch try_catch(isolate);
    if (!v8::ScriptCompiler::CompileFunction(
             context, &source, params.size(), params.data(),
             extensions.size(), extensions.data(),
             had_cache ? v8::ScriptCompiler::kConsumeCodeCache
                       : v8::ScriptCompiler::kNoCompileOptions)
             .ToLocal(&fn)) {
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        DecorateError(isolate, try_catch);
        try_catch.ReThrow();
      }
      return;
    }
  }
  if (had_cache &&
      result
          ->Set(main, 0,
                v8::Boolean::New(isolate, source.GetCachedData()->rejected))
          .IsNothing()) {
    return;
  }
  if (args[5]->IsTrue()) {
    std::unique_ptr<v8::ScriptCompiler::CachedData> made(
        v8::ScriptCompiler::CreateCodeCacheForFunction(fn));
    if (result->Set(main, 1, CacheToArrayBuffer(isolate, made.get()))
            .IsNothing()) {
      return;
    }
  }
  args.GetReturnValue().Set(fn);
}

// callGuarded(fn, thisArg, timeoutMs, timedOutSentinel, ...args): calls fn
// under a watchdog (vm.measureMemory-free helpers and tests use it).
void CallGuarded(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsFunction());
  v8::Local<v8::Function> fn = args[0].As<v8::Function>();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  int64_t timeout = args[2]->IsNumber()
                        ? static_cast<int64_t>(args[2].As<v8::Number>()->Value())
                        : 0;
  std::vector<v8::Local<v8::Value>> argv;
  for (int i = 4; i < args.Length(); ++i) argv.push_back(args[i]);
  RunGuarded(args, context, timeout, args[3], v8::Local<v8::Value>(), false,
             [&]() -> v8::MaybeLocal<v8::Value> {
               return fn->Call(context, args[1],
                               static_cast<int>(argv.size()), argv.data());
             });
}

constexpr runtime::Method kMethods[] = {
    {"makeContext", MakeContext},
    {"isContext", IsContext},
    {"globalOf", GlobalOf},
    {"compileScript", CompileScript},
    {"createCachedData", CreateCachedData},
    {"runScript", RunScript},
    {"compileFunction", CompileFunction},
    {"callGuarded", CallGuarded},
};

}  // namespace

const std::vector<intptr_t>& InterceptorReferences() {
  static const std::vector<intptr_t> refs = {
      reinterpret_cast<intptr_t>(NamedGetter),
      reinterpret_cast<intptr_t>(NamedSetter),
      reinterpret_cast<intptr_t>(NamedQuery),
      reinterpret_cast<intptr_t>(NamedDeleter),
      reinterpret_cast<intptr_t>(NamedEnumerator),
      reinterpret_cast<intptr_t>(NamedDefiner),
      reinterpret_cast<intptr_t>(NamedDescriptor),
      reinterpret_cast<intptr_t>(IndexedGetter),
      reinterpret_cast<intptr_t>(IndexedSetter),
      reinterpret_cast<intptr_t>(IndexedQuery),
      reinterpret_cast<intptr_t>(IndexedDeleter),
      reinterpret_cast<intptr_t>(IndexedDefiner),
      reinterpret_cast<intptr_t>(IndexedDescriptor),
  };
  return refs;
}

void AddPristineContext(v8::SnapshotCreator* creator, bool from_base) {
  v8::Isolate* isolate = creator->GetIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context;
  if (from_base) {
    // The base snapshot's copy; a base without one gets none either, and
    // vm falls back to clearing a stdlib copy.
    if (!v8::Context::FromSnapshot(isolate, kPristineContextIndex)
             .ToLocal(&context)) {
      return;
    }
  } else {
    // Made before any default context exists: V8's own fresh context.
    context = v8::Context::New(isolate, nullptr, VmGlobalTemplate(isolate));
  }
  JSPACK_CHECK(creator->AddContext(context) == kPristineContextIndex);
}

JSPACK_BINDING(contextify, kMethods)
}  // namespace jspack::bindings::contextify
