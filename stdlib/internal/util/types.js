// util.types: value type checks, forwarded to the native 'types' binding on first use.
'use strict';

const names = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject',
  'isBooleanObject', 'isNumberObject', 'isStringObject', 'isSymbolObject',
  'isNativeError', 'isRegExp', 'isAsyncFunction',
  'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap', 'isSet',
  'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer',
  'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView', 'isTypedArray', 'isUint8Array',
  'isUint8ClampedArray', 'isUint16Array', 'isUint32Array', 'isInt8Array',
  'isInt16Array', 'isInt32Array', 'isFloat32Array', 'isFloat64Array',
  'isBigInt64Array', 'isBigUint64Array',
];

let binding;
function getBinding() {
  // eslint-disable-next-line no-undef
  if (binding === undefined) binding = internalBinding('types');
  return binding;
}

const types = {};
for (const name of names) {
  // Each check keeps Node's function name (util.types.isDate.name === 'isDate').
  const check = {
    [name](value) {
      return getBinding()[name](value);
    },
  }[name];
  types[name] = check;
}

// Crypto keys do not exist in this runtime, so nothing is one.
types.isKeyObject = function isKeyObject() {
  return false;
};
types.isCryptoKey = function isCryptoKey() {
  return false;
};

module.exports = types;
