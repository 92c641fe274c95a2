// types: V8's value type checks behind util.types.
#include "runtime/core/binding.h"

namespace jspack::bindings::types {
namespace {

// Each check is (value) -> boolean, named as in Node's util.types.
#define JSPACK_TYPE_CHECKS(V)                         \
  V(isExternal, IsExternal)                           \
  V(isDate, IsDate)                                   \
  V(isArgumentsObject, IsArgumentsObject)             \
  V(isBigIntObject, IsBigIntObject)                   \
  V(isBooleanObject, IsBooleanObject)                 \
  V(isNumberObject, IsNumberObject)                   \
  V(isStringObject, IsStringObject)                   \
  V(isSymbolObject, IsSymbolObject)                   \
  V(isNativeError, IsNativeError)                     \
  V(isRegExp, IsRegExp)                               \
  V(isAsyncFunction, IsAsyncFunction)                 \
  V(isGeneratorFunction, IsGeneratorFunction)         \
  V(isGeneratorObject, IsGeneratorObject)             \
  V(isPromise, IsPromise)                             \
  V(isMap, IsMap)                                     \
  V(isSet, IsSet)                                     \
  V(isMapIterator, IsMapIterator)                     \
  V(isSetIterator, IsSetIterator)                     \
  V(isWeakMap, IsWeakMap)                             \
  V(isWeakSet, IsWeakSet)                             \
  V(isArrayBuffer, IsArrayBuffer)                     \
  V(isDataView, IsDataView)                           \
  V(isSharedArrayBuffer, IsSharedArrayBuffer)         \
  V(isProxy, IsProxy)                                 \
  V(isModuleNamespaceObject, IsModuleNamespaceObject) \
  V(isArrayBufferView, IsArrayBufferView)             \
  V(isTypedArray, IsTypedArray)                       \
  V(isUint8Array, IsUint8Array)                       \
  V(isUint8ClampedArray, IsUint8ClampedArray)         \
  V(isUint16Array, IsUint16Array)                     \
  V(isUint32Array, IsUint32Array)                     \
  V(isInt8Array, IsInt8Array)                         \
  V(isInt16Array, IsInt16Array)                       \
  V(isInt32Array, IsInt32Array)                       \
  V(isFloat32Array, IsFloat32Array)                   \
  V(isFloat64Array, IsFloat64Array)                   \
  V(isBigInt64Array, IsBigInt64Array)                 \
  V(isBigUint64Array, IsBigUint64Array)

#define V(js_name, method)                                        \
  void js_name(const v8::FunctionCallbackInfo<v8::Value>& args) { \
    args.GetReturnValue().Set(args[0]->method());                 \
  }
JSPACK_TYPE_CHECKS(V)
#undef V

// isAnyArrayBuffer(value) -> boolean.
void isAnyArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(args[0]->IsArrayBuffer() ||
                            args[0]->IsSharedArrayBuffer());
}

// isBoxedPrimitive(value) -> boolean.
void isBoxedPrimitive(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Value> v = args[0];
  args.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() ||
                            v->IsBooleanObject() || v->IsBigIntObject() ||
                            v->IsSymbolObject());
}

constexpr runtime::Method kMethods[] = {
#define V(js_name, method) {#js_name, js_name},
    JSPACK_TYPE_CHECKS(V)
#undef V
        {"isAnyArrayBuffer", isAnyArrayBuffer},
    {"isBoxedPrimitive", isBoxedPrimitive},
};

}  // namespace
JSPACK_BINDING(types, kMethods)
}  // namespace jspack::bindings::types
