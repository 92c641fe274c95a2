'use strict';
// DOMException, the web platform's error class (WebIDL), for the APIs that
// throw it: atob/btoa today, AbortSignal and structuredClone later. Its name,
// message and code live behind prototype getters, as in browsers and Node.

const { codes: { ERR_INVALID_THIS } } = require('./errors');

// Node's wording here lacks the usual "type".
function invalidThis() {
  const err = new ERR_INVALID_THIS('DOMException');
  err.message = 'Value of "this" must be of DOMException';
  return err;
}

// The legacy numeric codes: [constant, error name], code = position + 1.
// Names of retired codes (DOMSTRING_SIZE_ERR...) no longer map to them.
const kLegacyCodes = [
  ['INDEX_SIZE_ERR', 'IndexSizeError'],
  ['DOMSTRING_SIZE_ERR', null],
  ['HIERARCHY_REQUEST_ERR', 'HierarchyRequestError'],
  ['WRONG_DOCUMENT_ERR', 'WrongDocumentError'],
  ['INVALID_CHARACTER_ERR', 'InvalidCharacterError'],
  ['NO_DATA_ALLOWED_ERR', null],
  ['NO_MODIFICATION_ALLOWED_ERR', 'NoModificationAllowedError'],
  ['NOT_FOUND_ERR', 'NotFoundError'],
  ['NOT_SUPPORTED_ERR', 'NotSupportedError'],
  ['INUSE_ATTRIBUTE_ERR', 'InUseAttributeError'],
  ['INVALID_STATE_ERR', 'InvalidStateError'],
  ['SYNTAX_ERR', 'SyntaxError'],
  ['INVALID_MODIFICATION_ERR', 'InvalidModificationError'],
  ['NAMESPACE_ERR', 'NamespaceError'],
  ['INVALID_ACCESS_ERR', 'InvalidAccessError'],
  ['VALIDATION_ERR', null],
  ['TYPE_MISMATCH_ERR', 'TypeMismatchError'],
  ['SECURITY_ERR', 'SecurityError'],
  ['NETWORK_ERR', 'NetworkError'],
  ['ABORT_ERR', 'AbortError'],
  ['URL_MISMATCH_ERR', 'URLMismatchError'],
  ['QUOTA_EXCEEDED_ERR', 'QuotaExceededError'],
  ['TIMEOUT_ERR', 'TimeoutError'],
  ['INVALID_NODE_TYPE_ERR', 'InvalidNodeTypeError'],
  ['DATA_CLONE_ERR', 'DataCloneError'],
];

const kCodeByName = new Map();
kLegacyCodes.forEach(([, name], i) => {
  if (name !== null) kCodeByName.set(name, i + 1);
});

const kState = new WeakMap();

const stateOf = (self) => {
  const state = kState.get(self);
  if (state !== undefined) return state;
  throw invalidThis();
};

class DOMException extends Error {
  constructor(message = '', options = 'Error') {
    // The second argument is the name, or a dictionary with name and cause.
    const dictionary = options !== null && typeof options === 'object';
    const name = !dictionary ? `${options}` :
      ('name' in options ? `${options.name}` : 'Error');
    super();
    if (dictionary && Reflect.has(options, 'cause')) {
      Object.defineProperty(this, 'cause', {
        value: options.cause, writable: true, enumerable: false,
        configurable: true,
      });
    }
    kState.set(this, { name, message: `${message}` });
  }

  get name() {
    return stateOf(this).name;
  }

  get message() {
    return stateOf(this).message;
  }

  get code() {
    return kCodeByName.get(stateOf(this).name) || 0;
  }
}

for (const key of ['name', 'message', 'code']) {
  const desc = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
  desc.enumerable = true;
  Object.defineProperty(DOMException.prototype, key, desc);
}
Object.defineProperty(DOMException.prototype, Symbol.toStringTag, {
  value: 'DOMException', configurable: true,
});
kLegacyCodes.forEach(([constant], i) => {
  const desc = { value: i + 1, writable: false, enumerable: true,
    configurable: false };
  Object.defineProperty(DOMException, constant, desc);
  Object.defineProperty(DOMException.prototype, constant, desc);
});

module.exports = { DOMException };
