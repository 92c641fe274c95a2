// Native bindings: tables of callbacks behind internalBinding(name).
//
// A callback reachable from JS appears in exactly one place, its binding's
// table. The registry (binding_registry.cc) walks binding_list.h to install
// the tables on internalBinding objects and to build the one external
// reference array that both the snapshot builder and the booting runtime use.
#pragma once

#include <v8.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <vector>

// Checks what the stdlib JS promised a binding (argument types and ranges it
// validated). A failure is a jspack bug, never the user's: it says where and
// aborts.
#define JSPACK_CHECK(condition)                                        \
  do {                                                                 \
    if (!(condition)) {                                                \
      fprintf(stderr, "jspack: internal check failed at %s:%d: %s\n", \
              __FILE__, __LINE__, #condition);                         \
      abort();                                                         \
    }                                                                  \
  } while (false)

namespace jspack::runtime {

struct Method {
  const char* name;
  v8::FunctionCallback callback;
};

struct Constant {
  const char* name;
  double value;
};

struct BindingInfo {
  const char* name;
  const Method* methods;
  size_t method_count;
  const Constant* constants;
  size_t constant_count;
};

// The external references of every binding and of core, nullptr-terminated.
// Same content and order in every process of the same binary.
const intptr_t* ExternalReferences();

// Callbacks core itself installs (internalBinding, host hooks). Part of
// ExternalReferences(), listed before the binding tables.
const std::vector<v8::FunctionCallback>& CoreCallbacks();

// All bindings, in binding_list.h order.
const std::vector<const BindingInfo*>& AllBindings();

// Creates the internalBinding(name) object for `info` in `context`.
v8::MaybeLocal<v8::Object> InstantiateBinding(v8::Local<v8::Context> context,
                                              const BindingInfo& info);

// Creates a JS function for a registered callback. In debug builds checks
// that `callback` is in ExternalReferences().
v8::MaybeLocal<v8::Function> NewFunction(v8::Local<v8::Context> context,
                                         v8::FunctionCallback callback,
                                         const char* name);

// The native object a handle from Runtime::NewHandleObject points at. JS
// only ever passes such handles, so anything else is a jspack bug.
template <typename T>
T* HandlePointer(v8::Local<v8::Value> value) {
  JSPACK_CHECK(value->IsObject());
  v8::Local<v8::Object> object = value.As<v8::Object>();
  JSPACK_CHECK(object->InternalFieldCount() == 1);
  auto* self = static_cast<T*>(object->GetAlignedPointerFromInternalField(0));
  JSPACK_CHECK(self != nullptr);
  return self;
}

}  // namespace jspack::runtime

// Defines jspack::bindings::<name>::Binding(), which the registry finds
// through binding_list.h. Use inside namespace jspack::bindings::<name>.
#define JSPACK_BINDING(name, methods)                                      \
  const ::jspack::runtime::BindingInfo& Binding() {                        \
    static const ::jspack::runtime::BindingInfo info = {                   \
        #name, methods, sizeof(methods) / sizeof(methods[0]), nullptr, 0}; \
    return info;                                                           \
  }

#define JSPACK_BINDING_WITH_CONSTANTS(name, methods, constants)          \
  const ::jspack::runtime::BindingInfo& Binding() {                      \
    static const ::jspack::runtime::BindingInfo info = {                 \
        #name, methods, sizeof(methods) / sizeof(methods[0]), constants, \
        sizeof(constants) / sizeof(constants[0])};                       \
    return info;                                                         \
  }
