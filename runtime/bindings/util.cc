// util: engine internals util.inspect needs (promise state, proxies,
// collection previews, property lists).
#include "runtime/core/binding.h"

namespace jspack::bindings::util {
namespace {

// getPromiseDetails(promise) -> [state] or [state, result].
void GetPromiseDetails(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsPromise()) return;
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Promise> promise = args[0].As<v8::Promise>();
  v8::Promise::PromiseState state = promise->State();
  v8::Local<v8::Value> values[] = {v8::Integer::New(isolate, state),
                                   v8::Undefined(isolate)};
  int count = 1;
  if (state != v8::Promise::kPending) {
    values[1] = promise->Result();
    count = 2;
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, values, count));
}

// getProxyDetails(value, fetchTarget = true) -> undefined | [target, handler]
// | target.
void GetProxyDetails(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsProxy()) return;
  v8::Local<v8::Proxy> proxy = args[0].As<v8::Proxy>();
  if (args.Length() > 1 && args[1]->IsFalse()) {
    args.GetReturnValue().Set(proxy->GetTarget());
    return;
  }
  v8::Local<v8::Value> values[] = {proxy->GetTarget(), proxy->GetHandler()};
  args.GetReturnValue().Set(v8::Array::New(args.GetIsolate(), values, 2));
}

// previewEntries(obj, isIterator) -> entries, or [entries, isKeyValue] when
// isIterator is true.
void PreviewEntries(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  v8::Isolate* isolate = args.GetIsolate();
  bool is_key_value;
  v8::Local<v8::Array> entries;
  if (!args[0]
           .As<v8::Object>()
           ->PreviewEntries(&is_key_value)
           .ToLocal(&entries)) {
    return;
  }
  if (args.Length() < 2 || !args[1]->IsTrue()) {
    args.GetReturnValue().Set(entries);
    return;
  }
  v8::Local<v8::Value> values[] = {entries,
                                   v8::Boolean::New(isolate, is_key_value)};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

// getOwnNonIndexProperties(obj, filter) -> (string | symbol)[].
void GetOwnNonIndexProperties(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  auto filter = static_cast<v8::PropertyFilter>(
      args[1]->Uint32Value(context).FromMaybe(0));
  v8::Local<v8::Array> names;
  if (args[0]
          .As<v8::Object>()
          ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly, filter,
                             v8::IndexFilter::kSkipIndices)
          .ToLocal(&names)) {
    args.GetReturnValue().Set(names);
  }
}

// getConstructorName(obj) -> string.
void GetConstructorName(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsObject()) return;
  args.GetReturnValue().Set(args[0].As<v8::Object>()->GetConstructorName());
}

constexpr runtime::Method kMethods[] = {
    {"getPromiseDetails", GetPromiseDetails},
    {"getProxyDetails", GetProxyDetails},
    {"previewEntries", PreviewEntries},
    {"getOwnNonIndexProperties", GetOwnNonIndexProperties},
    {"getConstructorName", GetConstructorName},
};

constexpr runtime::Constant kConstants[] = {
    {"kPending", v8::Promise::kPending},
    {"kFulfilled", v8::Promise::kFulfilled},
    {"kRejected", v8::Promise::kRejected},
    {"ALL_PROPERTIES", v8::ALL_PROPERTIES},
    {"ONLY_ENUMERABLE", v8::ONLY_ENUMERABLE},
};

}  // namespace
JSPACK_BINDING_WITH_CONSTANTS(util, kMethods, kConstants)
}  // namespace jspack::bindings::util
