// The binding registry: installs binding tables and builds the external
// reference array from the same list, so the two can never disagree.
#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "runtime/bindings/contextify.h"
#include "runtime/core/binding.h"
#include "runtime/core/binding_list.h"
#include "runtime/core/runtime.h"

#define V(name)                                    \
  namespace jspack::bindings::name {               \
  const ::jspack::runtime::BindingInfo& Binding(); \
  }
JSPACK_BINDING_LIST(V)
#undef V

namespace jspack::runtime {

const std::vector<const BindingInfo*>& AllBindings() {
  static const std::vector<const BindingInfo*> all = {
#define V(name) &::jspack::bindings::name::Binding(),
      JSPACK_BINDING_LIST(V)
#undef V
  };
  return all;
}

const intptr_t* ExternalReferences() {
  static const std::vector<intptr_t> refs = [] {
    std::vector<intptr_t> out;
    for (v8::FunctionCallback cb : CoreCallbacks()) {
      out.push_back(reinterpret_cast<intptr_t>(cb));
    }
    for (const BindingInfo* info : AllBindings()) {
      for (size_t i = 0; i < info->method_count; ++i) {
        out.push_back(reinterpret_cast<intptr_t>(info->methods[i].callback));
      }
    }
    // The vm global's interceptors: its template is in every snapshot.
    for (intptr_t ref : bindings::contextify::InterceptorReferences()) {
      out.push_back(ref);
    }
    out.push_back(0);
    return out;
  }();
  return refs.data();
}

namespace {

bool IsRegistered(v8::FunctionCallback callback) {
  for (const intptr_t* p = ExternalReferences(); *p != 0; ++p) {
    if (*p == reinterpret_cast<intptr_t>(callback)) return true;
  }
  return false;
}

}  // namespace

v8::MaybeLocal<v8::Function> NewFunction(v8::Local<v8::Context> context,
                                         v8::FunctionCallback callback,
                                         const char* name) {
#ifndef NDEBUG
  if (!IsRegistered(callback)) {
    fprintf(stderr, "jspack: internal error: callback '%s' is not registered\n",
            name);
    abort();
  }
#else
  (void)IsRegistered;
#endif
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::FunctionTemplate> tmpl = v8::FunctionTemplate::New(
      isolate, callback, v8::Local<v8::Value>(), v8::Local<v8::Signature>(), 0,
      v8::ConstructorBehavior::kThrow);
  v8::Local<v8::Function> fn;
  if (!tmpl->GetFunction(context).ToLocal(&fn)) return {};
  fn->SetName(v8::String::NewFromUtf8(isolate, name).ToLocalChecked());
  return fn;
}

v8::MaybeLocal<v8::Object> InstantiateBinding(v8::Local<v8::Context> context,
                                              const BindingInfo& info) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Object> target = v8::Object::New(isolate);
  for (size_t i = 0; i < info.method_count; ++i) {
    const Method& m = info.methods[i];
    v8::Local<v8::Function> fn;
    if (!NewFunction(context, m.callback, m.name).ToLocal(&fn)) return {};
    if (target->Set(context, OneByteString(isolate, m.name), fn).IsNothing()) {
      return {};
    }
  }
  for (size_t i = 0; i < info.constant_count; ++i) {
    const Constant& c = info.constants[i];
    if (target
            ->Set(context, OneByteString(isolate, c.name),
                  v8::Number::New(isolate, c.value))
            .IsNothing()) {
      return {};
    }
  }
  return target;
}

}  // namespace jspack::runtime
