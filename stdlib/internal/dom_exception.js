'use strict';
// DOMException (WebIDL): the error web APIs throw (AbortSignal's reasons,
// atob, structuredClone). An Error subclass whose name, message and code are
// prototype getters over private state, with the legacy numeric codes as
// constants on both the class and its prototype.

// Legacy error names with their numeric codes, in code order; the constant
// names are derived (AbortError -> ABORT_ERR) except where WebIDL spells
// them otherwise.
const kLegacyNames = [
  'IndexSizeError', 'DOMStringSizeError', 'HierarchyRequestError',
  'WrongDocumentError', 'InvalidCharacterError', 'NoDataAllowedError',
  'NoModificationAllowedError', 'NotFoundError', 'NotSupportedError',
  'InUseAttributeError', 'InvalidStateError', 'SyntaxError',
  'InvalidModificationError', 'NamespaceError', 'InvalidAccessError',
  'ValidationError', 'TypeMismatchError', 'SecurityError', 'NetworkError',
  'AbortError', 'URLMismatchError', 'QuotaExceededError', 'TimeoutError',
  'InvalidNodeTypeError', 'DataCloneError',
];
const kConstantSpelling = {
  DOMStringSizeError: 'DOMSTRING_SIZE_ERR',
  InUseAttributeError: 'INUSE_ATTRIBUTE_ERR',
  URLMismatchError: 'URL_MISMATCH_ERR',
};
const kCodeByName = new Map(kLegacyNames.map((name, i) => [name, i + 1]));
// Retired codes keep their constants, but these names now report code 0.
const kRetiredNames = new Set(['DOMStringSizeError', 'NoDataAllowedError',
  'ValidationError']);

function constantName(errorName) {
  return kConstantSpelling[errorName] ||
    errorName.replace(/Error$/, '').replace(/([a-z])([A-Z])/g, '$1_$2')
      .toUpperCase() + '_ERR';
}

// Brand check, set by a static block: a class that names itself inside its
// body is renamed by esbuild, which V8 messages would then show.
let checkDOMException;
class DOMException extends Error {
  #name;
  #message;

  constructor(message = '', options = 'Error') {
    super();
    this.#message = `${message}`;
    if (options !== null && typeof options === 'object') {
      this.#name = `${options.name}`;
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause, writable: true, enumerable: false,
          configurable: true,
        });
      }
    } else {
      this.#name = `${options}`;
    }
    // super() captured a stack whose first line lacks the name and message
    // (they live in private fields): take it again now that they are set.
    Error.captureStackTrace(this, new.target);
  }

  static {
    checkDOMException = (self) => {
      if (!(self !== null && typeof self === 'object' && #name in self)) {
        const err = new TypeError('Value of "this" must be of DOMException');
        err.code = 'ERR_INVALID_THIS';
        throw err;
      }
    };
  }

  get name() {
    checkDOMException(this);
    return this.#name;
  }

  get message() {
    checkDOMException(this);
    return this.#message;
  }

  get code() {
    checkDOMException(this);
    if (kRetiredNames.has(this.#name)) return 0;
    return kCodeByName.get(this.#name) || 0;
  }
}

const shown = { enumerable: true, configurable: true };
Object.defineProperties(DOMException.prototype, {
  name: shown,
  message: shown,
  code: shown,
  [Symbol.toStringTag]: { value: 'DOMException', configurable: true },
});
for (const name of kLegacyNames) {
  const constant = {
    value: kCodeByName.get(name), writable: false, enumerable: true,
    configurable: false,
  };
  Object.defineProperty(DOMException, constantName(name), constant);
  Object.defineProperty(DOMException.prototype, constantName(name), constant);
}

module.exports = { DOMException };
