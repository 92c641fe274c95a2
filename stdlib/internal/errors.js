// Node's ERR_* codes, system errors and AbortError: the one table every stdlib error comes from.
'use strict';

// Received values are described with inspect. inspect only looks this file up
// late (where it throws), so requiring it here makes no cycle at load time.
// Nothing else is required at top level: process, for one, requires the
// validators, which require this file.
const { format, inspect } = require('./util/inspect');

const kBaseClasses = {
  __proto__: null,
  Error,
  TypeError,
  RangeError,
  SyntaxError,
  URIError,
};

// Every code, one row each: `CODE  Class  message`. `Class+Other` also gives
// codes.CODE.Other, the same error with another base class. `%s` slots are
// filled as util.format fills them; `*` means kBuilders makes the message. A
// line that starts with spaces goes on with the message of the row above.
// SystemError rows give the prefix of "<prefix>: <syscall> returned ...".
// Node's codes come first, sorted; the ERR_JSPACK_* rows at the end are ours.
const kTable = `
ERR_ACCESS_DENIED                     Error       Access to this API has been restricted
ERR_AMBIGUOUS_ARGUMENT                TypeError   The "%s" argument is ambiguous. %s
ERR_ARG_NOT_ITERABLE                  TypeError   %s must be iterable
ERR_ASSERTION                         Error       %s
ERR_ASYNC_CALLBACK                    TypeError   %s must be a function
ERR_ASYNC_TYPE                        TypeError   Invalid name for async "type": %s
ERR_BROTLI_INVALID_PARAM              RangeError  %s is not a valid Brotli parameter
ERR_BUFFER_OUT_OF_BOUNDS              RangeError  *
ERR_BUFFER_TOO_LARGE                  RangeError  Cannot create a Buffer larger than %s bytes
ERR_CANNOT_WATCH_SIGINT               Error       Cannot watch for SIGINT signals
ERR_CHILD_CLOSED_BEFORE_REPLY         Error       Child closed before reply received
ERR_CHILD_PROCESS_IPC_REQUIRED        Error       Forked processes must have an IPC channel, missing
    value 'ipc' in %s
ERR_CHILD_PROCESS_STDIO_MAXBUFFER     RangeError  %s maxBuffer length exceeded
ERR_CONSOLE_WRITABLE_STREAM           TypeError   Console expects a writable stream instance for %s
ERR_CONSTRUCT_CALL_INVALID            TypeError   Constructor cannot be called
ERR_CONSTRUCT_CALL_REQUIRED           TypeError   Class constructor %s cannot be invoked without 'new'
ERR_CONTEXT_NOT_INITIALIZED           Error       context used is not initialized
ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED Error       Custom engines not supported by this OpenSSL
ERR_CRYPTO_ECDH_INVALID_FORMAT        TypeError   Invalid ECDH format: %s
ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY    Error       Public key is not valid for specified curve
ERR_CRYPTO_HASH_FINALIZED             Error       Digest already called
ERR_CRYPTO_HASH_UPDATE_FAILED         Error       Hash update failed
ERR_CRYPTO_INCOMPATIBLE_KEY           Error       Incompatible %s: %s
ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS   Error       The selected key encoding %s %s.
ERR_CRYPTO_INVALID_CURVE              TypeError   Invalid EC curve name
ERR_CRYPTO_INVALID_DIGEST             TypeError   Invalid digest: %s
ERR_CRYPTO_INVALID_JWK                TypeError   Invalid JWK %s
ERR_CRYPTO_INVALID_KEYLEN             RangeError  Invalid key length
ERR_CRYPTO_INVALID_KEYTYPE            RangeError  %s
ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE    TypeError   Invalid key object type %s, expected %s.
ERR_CRYPTO_INVALID_STATE              Error       Invalid state for operation %s
ERR_CRYPTO_JWK_UNSUPPORTED_CURVE      Error       Unsupported JWK EC curve: %s.
ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE   Error       Unsupported JWK Key Type.
ERR_CRYPTO_OPERATION_FAILED           Error       %s
ERR_CRYPTO_SCRYPT_INVALID_PARAMETER   Error       Invalid scrypt parameter
ERR_CRYPTO_SCRYPT_NOT_SUPPORTED       Error       Scrypt algorithm not supported
ERR_CRYPTO_SIGN_KEY_REQUIRED          Error       No key provided to sign
ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH   RangeError  Input buffers must have the same byte length
ERR_CRYPTO_UNKNOWN_CIPHER             Error       Unknown cipher
ERR_CRYPTO_UNKNOWN_DH_GROUP           Error       Unknown DH group
ERR_DIR_CLOSED                        Error       Directory handle was closed
ERR_DIR_CONCURRENT_OPERATION          Error       Cannot do synchronous work on directory handle
    with concurrent asynchronous operations
ERR_DNS_SET_SERVERS_FAILED            Error       c-ares failed to set servers: "%s" [%s]
ERR_DOMAIN_CALLBACK_NOT_AVAILABLE     Error       A callback was registered through
    process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the
    \`domain\` module
ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE Error       The \`domain\` module is in use, which
    is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()
ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION Error Deserialize main function is already configured.
ERR_ENCODING_INVALID_ENCODED_DATA     TypeError   *
ERR_ENCODING_NOT_SUPPORTED            RangeError  The "%s" encoding is not supported
ERR_EVAL_ESM_CANNOT_PRINT             Error       --print cannot be used with ESM input
ERR_EVENT_RECURSION                   Error       The event "%s" is already being dispatched
ERR_FALSY_VALUE_REJECTION             Error       *
ERR_FEATURE_UNAVAILABLE_ON_PLATFORM   TypeError   The feature %s is unavailable on the current
    platform, which is being used to run Node.js
ERR_FS_CP_DIR_TO_NON_DIR              SystemError Cannot overwrite non-directory with directory
ERR_FS_CP_EEXIST                      SystemError Target already exists
ERR_FS_CP_EINVAL                      SystemError Invalid src or dest
ERR_FS_CP_FIFO_PIPE                   SystemError Cannot copy a FIFO pipe
ERR_FS_CP_NON_DIR_TO_DIR              SystemError Cannot overwrite directory with non-directory
ERR_FS_CP_SOCKET                      SystemError Cannot copy a socket file
ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY     SystemError Cannot overwrite symlink in subdirectory of self
ERR_FS_CP_UNKNOWN                     SystemError Cannot copy an unknown file type
ERR_FS_EISDIR                         SystemError Path is a directory
ERR_FS_FILE_TOO_LARGE                 RangeError  File size (%s) is greater than 2 GiB
ERR_FS_INVALID_SYMLINK_TYPE           Error       Symlink type must be one of "dir", "file", or
    "junction". Received "%s"
ERR_HTTP2_ALTSVC_INVALID_ORIGIN       TypeError   HTTP/2 ALTSVC frames require a valid origin
ERR_HTTP2_ALTSVC_LENGTH               TypeError   HTTP/2 ALTSVC frames are limited to 16382 bytes
ERR_HTTP2_CONNECT_AUTHORITY           Error       :authority header is required for CONNECT requests
ERR_HTTP2_CONNECT_PATH                Error       The :path header is forbidden for CONNECT requests
ERR_HTTP2_CONNECT_SCHEME              Error       The :scheme header is forbidden for CONNECT requests
ERR_HTTP2_ERROR                       Error       %s
ERR_HTTP2_GOAWAY_SESSION              Error       New streams cannot be created after receiving a
    GOAWAY
ERR_HTTP2_HEADERS_AFTER_RESPOND       Error       Cannot specify additional headers after response
    initiated
ERR_HTTP2_HEADERS_SENT                Error       Response has already been initiated.
ERR_HTTP2_HEADER_SINGLE_VALUE         TypeError   Header field "%s" must only have a single value
ERR_HTTP2_INFO_STATUS_NOT_ALLOWED     RangeError  Informational status codes cannot be used
ERR_HTTP2_INVALID_CONNECTION_HEADERS  TypeError   HTTP/1 Connection specific headers are forbidden:
    "%s"
ERR_HTTP2_INVALID_HEADER_VALUE        TypeError   Invalid value "%s" for header "%s"
ERR_HTTP2_INVALID_INFO_STATUS         RangeError  Invalid informational status code: %s
ERR_HTTP2_INVALID_ORIGIN              TypeError   HTTP/2 ORIGIN frames require a valid origin
ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH RangeError Packed settings length must be a multiple of six
ERR_HTTP2_INVALID_PSEUDOHEADER        TypeError   "%s" is an invalid pseudoheader or is used
    incorrectly
ERR_HTTP2_INVALID_SESSION             Error       The session has been destroyed
ERR_HTTP2_INVALID_SETTING_VALUE       RangeError+TypeError Invalid value for setting "%s": %s
ERR_HTTP2_INVALID_STREAM              Error       The stream has been destroyed
ERR_HTTP2_MAX_PENDING_SETTINGS_ACK    Error       Maximum number of pending settings
    acknowledgements
ERR_HTTP2_NESTED_PUSH                 Error       A push stream cannot initiate another push stream.
ERR_HTTP2_NO_MEM                      Error       Out of memory
ERR_HTTP2_NO_SOCKET_MANIPULATION      Error       HTTP/2 sockets should not be directly manipulated
    (e.g. read and written)
ERR_HTTP2_ORIGIN_LENGTH               TypeError   HTTP/2 ORIGIN frames are limited to 16382 bytes
ERR_HTTP2_OUT_OF_STREAMS              Error       No stream ID is available because maximum stream
    ID has been reached
ERR_HTTP2_PAYLOAD_FORBIDDEN           Error       Responses with %s status must not have a payload
ERR_HTTP2_PING_CANCEL                 Error       HTTP2 ping cancelled
ERR_HTTP2_PING_LENGTH                 RangeError  HTTP2 ping payload must be 8 bytes
ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED    TypeError   Cannot set HTTP/2 pseudo-headers
ERR_HTTP2_PUSH_DISABLED               Error       HTTP/2 client has disabled push streams
ERR_HTTP2_SEND_FILE                   Error       Directories cannot be sent
ERR_HTTP2_SEND_FILE_NOSEEK            Error       Offset or length can only be specified for
    regular files
ERR_HTTP2_SESSION_ERROR               Error       Session closed with error code %s
ERR_HTTP2_SETTINGS_CANCEL             Error       HTTP2 session settings canceled
ERR_HTTP2_SOCKET_BOUND                Error       The socket is already bound to an Http2Session
ERR_HTTP2_SOCKET_UNBOUND              Error       The socket has been disconnected from the
    Http2Session
ERR_HTTP2_STATUS_101                  Error       HTTP status code 101 (Switching Protocols) is
    forbidden in HTTP/2
ERR_HTTP2_STATUS_INVALID              RangeError  Invalid status code: %s
ERR_HTTP2_STREAM_CANCEL               Error       *
ERR_HTTP2_STREAM_ERROR                Error       Stream closed with error code %s
ERR_HTTP2_STREAM_SELF_DEPENDENCY      Error       A stream cannot depend on itself
ERR_HTTP2_TOO_MANY_INVALID_FRAMES     Error       Too many invalid HTTP/2 frames
ERR_HTTP2_TRAILERS_ALREADY_SENT       Error       Trailing headers have already been sent
ERR_HTTP2_TRAILERS_NOT_READY          Error       Trailing headers cannot be sent until after the
    wantTrailers event is emitted
ERR_HTTP2_UNSUPPORTED_PROTOCOL        Error       protocol "%s" is unsupported.
ERR_HTTP_BODY_NOT_ALLOWED             Error       Adding content for this request method or response
    status is not allowed.
ERR_HTTP_CONTENT_LENGTH_MISMATCH      Error       Response body's content-length of %s byte(s) does
    not match the content-length of %s byte(s) set in header
ERR_HTTP_HEADERS_SENT                 Error       Cannot %s headers after they are sent to the
    client
ERR_HTTP_INVALID_HEADER_VALUE         TypeError   Invalid value "%s" for header "%s"
ERR_HTTP_INVALID_STATUS_CODE          RangeError  Invalid status code: %s
ERR_HTTP_REQUEST_TIMEOUT              Error       Request timeout
ERR_HTTP_SOCKET_ASSIGNED              Error       ServerResponse has an already assigned socket
ERR_HTTP_SOCKET_ENCODING              Error       Changing the socket encoding is not allowed per
    RFC7230 Section 3.
ERR_HTTP_TRAILER_INVALID              Error       Trailers are invalid with this transfer encoding
ERR_ILLEGAL_CONSTRUCTOR               TypeError   Illegal constructor
ERR_IMPORT_ASSERTION_TYPE_FAILED      TypeError   Module "%s" is not of type "%s"
ERR_IMPORT_ASSERTION_TYPE_MISSING     TypeError   Module "%s" needs an import attribute of type "%s"
ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED TypeError   Import attribute type "%s" is unsupported
ERR_INCOMPATIBLE_OPTION_PAIR          TypeError   Option "%s" cannot be used in combination with
    option "%s"
ERR_INTERNAL_ASSERTION                Error       *
ERR_INVALID_ADDRESS                   Error       Invalid socket address
ERR_INVALID_ADDRESS_FAMILY            RangeError  *
ERR_INVALID_ARG_TYPE                  TypeError   *
ERR_INVALID_ARG_VALUE                 TypeError+RangeError *
ERR_INVALID_ASYNC_ID                  RangeError  Invalid %s value: %s
ERR_INVALID_BUFFER_SIZE               RangeError  Buffer size must be a multiple of %s
ERR_INVALID_CHAR                      TypeError   *
ERR_INVALID_CURSOR_POS                TypeError   Cannot set cursor row without setting its column
ERR_INVALID_FD                        RangeError  "fd" must be a positive integer: %s
ERR_INVALID_FD_TYPE                   TypeError   Unsupported fd type: %s
ERR_INVALID_FILE_URL_HOST             TypeError   File URL host must be "localhost" or empty on %s
ERR_INVALID_FILE_URL_PATH             TypeError   File URL path %s
ERR_INVALID_HANDLE_TYPE               TypeError   This handle type cannot be sent
ERR_INVALID_HTTP_TOKEN                TypeError   %s must be a valid HTTP token ["%s"]
ERR_INVALID_IP_ADDRESS                TypeError   Invalid IP address: %s
ERR_INVALID_MIME_SYNTAX               TypeError   *
ERR_INVALID_MODULE_SPECIFIER          TypeError   *
ERR_INVALID_OBJECT_DEFINE_PROPERTY    TypeError   %s
ERR_INVALID_PACKAGE_CONFIG            Error       *
ERR_INVALID_PACKAGE_TARGET            Error       *
ERR_INVALID_PROTOCOL                  TypeError   Protocol "%s" not supported. Expected "%s"
ERR_INVALID_RETURN_PROPERTY           TypeError   *
ERR_INVALID_RETURN_PROPERTY_VALUE     TypeError   *
ERR_INVALID_RETURN_VALUE              TypeError+RangeError *
ERR_INVALID_STATE                     Error+TypeError+RangeError Invalid state: %s
ERR_INVALID_SYNC_FORK_INPUT           TypeError   Asynchronous forks do not support Buffer,
    TypedArray, DataView or string input: %s
ERR_INVALID_THIS                      TypeError   Value of "this" must be of type %s
ERR_INVALID_TRANSFER_OBJECT           TypeError   Found invalid object in transferList
ERR_INVALID_TUPLE                     TypeError   %s must be an iterable %s tuple
ERR_INVALID_URI                       URIError    URI malformed
ERR_INVALID_URL                       TypeError   *
ERR_INVALID_URL_SCHEME                TypeError   *
ERR_IPC_CHANNEL_CLOSED                Error       Channel closed
ERR_IPC_DISCONNECTED                  Error       IPC channel is already disconnected
ERR_IPC_ONE_PIPE                      Error       Child process can have only one IPC pipe
ERR_IPC_SYNC_FORK                     Error       IPC cannot be used with synchronous forks
ERR_METHOD_NOT_IMPLEMENTED            Error       The %s method is not implemented
ERR_MISSING_ARGS                      TypeError   *
ERR_MISSING_OPTION                    TypeError   %s is required
ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST TypeError Object that needs transfer was found in message but not listed in transferList
ERR_MODULE_NOT_FOUND                  Error       *
ERR_MULTIPLE_CALLBACK                 Error       Callback called multiple times
ERR_NOT_BUILDING_SNAPSHOT             Error       Operation cannot be invoked when not building startup snapshot
ERR_NO_CRYPTO                         Error       Node.js is not compiled with OpenSSL crypto
    support
ERR_NO_ICU                            TypeError   %s is not supported on Node.js compiled without
    ICU
ERR_OPERATION_FAILED                  Error+TypeError Operation failed: %s
ERR_OUT_OF_RANGE                      RangeError  *
ERR_PACKAGE_IMPORT_NOT_DEFINED        TypeError   *
ERR_PACKAGE_PATH_NOT_EXPORTED         Error       *
ERR_PARSE_ARGS_INVALID_OPTION_VALUE   TypeError   %s
ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL  TypeError   Unexpected argument '%s'. This command does not
    take positional arguments
ERR_PARSE_ARGS_UNKNOWN_OPTION         TypeError   *
ERR_PERFORMANCE_INVALID_TIMESTAMP     TypeError   %s is not a valid timestamp
ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS TypeError   %s
ERR_REQUIRE_ASYNC_MODULE              Error       *
ERR_REQUIRE_ESM                       Error       *
ERR_SCRIPT_EXECUTION_INTERRUPTED      Error       Script execution was interrupted by \`SIGINT\`
ERR_SCRIPT_EXECUTION_TIMEOUT          Error       Script execution timed out after %sms
ERR_SERVER_ALREADY_LISTEN             Error       Listen method has been called more than once
    without closing.
ERR_SERVER_NOT_RUNNING                Error       Server is not running.
ERR_SOCKET_ALREADY_BOUND              Error       Socket is already bound
ERR_SOCKET_BAD_BUFFER_SIZE            TypeError   Buffer size must be a positive integer
ERR_SOCKET_BAD_PORT                   RangeError  *
ERR_SOCKET_BAD_TYPE                   TypeError   Bad socket type specified. Valid types are: udp4,
    udp6
ERR_SOCKET_BUFFER_SIZE                SystemError Could not get or set buffer size
ERR_SOCKET_CLOSED                     Error       Socket is closed
ERR_SOCKET_CLOSED_BEFORE_CONNECTION   Error       Socket closed before the connection was
    established
ERR_SOCKET_CONNECTION_TIMEOUT         Error       Socket connection timeout
ERR_SOCKET_DGRAM_IS_CONNECTED         Error       Already connected
ERR_SOCKET_DGRAM_NOT_CONNECTED        Error       Not connected
ERR_SOCKET_DGRAM_NOT_RUNNING          Error       Not running
ERR_STREAM_ALREADY_FINISHED           Error       Cannot call %s after a stream was finished
ERR_STREAM_CANNOT_PIPE                Error       Cannot pipe, not readable
ERR_STREAM_DESTROYED                  Error       Cannot call %s after a stream was destroyed
ERR_STREAM_NULL_VALUES                TypeError   May not write null values to stream
ERR_STREAM_PREMATURE_CLOSE            Error       Premature close
ERR_STREAM_PUSH_AFTER_EOF             Error       stream.push() after EOF
ERR_STREAM_UNABLE_TO_PIPE             Error       Cannot pipe to a closed or destroyed stream
ERR_STREAM_UNSHIFT_AFTER_END_EVENT    Error       stream.unshift() after end event
ERR_STREAM_WRAP                       Error       Stream has StringDecoder set or is in objectMode
ERR_STREAM_WRITE_AFTER_END            Error       write after end
ERR_STRING_TOO_LONG                   Error       Cannot create a string longer than 0x%s characters
ERR_SYSTEM_ERROR                      SystemError A system error occurred
ERR_TLS_ALPN_CALLBACK_INVALID_RESULT  TypeError   ALPN callback returned a value (%s) that did not match any of the client's offered protocols (%s)
ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS  TypeError   The ALPNCallback and ALPNProtocols TLS options are mutually exclusive
ERR_TLS_CERT_ALTNAME_INVALID          Error       *
ERR_TLS_HANDSHAKE_TIMEOUT             Error       TLS handshake timeout
ERR_TLS_INVALID_CONTEXT               TypeError   %s must be a SecureContext
ERR_TLS_INVALID_PROTOCOL_METHOD       TypeError   %s
ERR_TLS_INVALID_PROTOCOL_VERSION      TypeError   %j is not a valid %s TLS protocol version
ERR_TLS_INVALID_STATE                 Error       TLS socket connection must be securely established
ERR_TLS_PROTOCOL_VERSION_CONFLICT     TypeError   TLS protocol version %j conflicts with secureProtocol %j
ERR_TLS_RENEGOTIATION_DISABLED        Error       TLS session renegotiation disabled for this socket
ERR_TLS_REQUIRED_SERVER_NAME          Error       "servername" is required parameter for Server.addContext
ERR_TLS_SESSION_ATTACK                Error       TLS session renegotiation attack detected
ERR_TLS_SNI_FROM_SERVER               Error       Cannot issue SNI from a TLS server-side socket
ERR_TTY_INIT_FAILED                   SystemError TTY initialization failed
ERR_UNAVAILABLE_DURING_EXIT           Error       Cannot call function in process exit handler
ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET Error       \`process.setupUncaughtExceptionCapture()\`
    was called while a capture callback was already active
ERR_UNESCAPED_CHARACTERS              TypeError   %s contains unescaped characters
ERR_UNHANDLED_ERROR                   Error       *
ERR_UNHANDLED_REJECTION               Error       This error originated either by throwing inside of
    an async function without a catch block, or by rejecting a promise which was not handled with
    .catch(). The promise rejected with the reason "%s".
ERR_UNKNOWN_BUILTIN_MODULE            Error       No such built-in module: %s
ERR_UNKNOWN_CREDENTIAL                Error       %s identifier does not exist: %s
ERR_UNKNOWN_ENCODING                  TypeError   Unknown encoding: %s
ERR_UNKNOWN_FILE_EXTENSION            TypeError   *
ERR_UNKNOWN_SIGNAL                    TypeError   Unknown signal: %s
ERR_UNSUPPORTED_DIR_IMPORT            Error       *
ERR_UNSUPPORTED_ESM_URL_SCHEME        Error       *
ERR_USE_AFTER_CLOSE                   Error       %s was closed
ERR_WORKER_INIT_FAILED                Error       Worker initialization failure: %s
ERR_WORKER_INVALID_EXEC_ARGV          Error       Initiated Worker with invalid execArgv flags: %s
ERR_WORKER_NOT_RUNNING                Error       Worker instance not running
ERR_WORKER_OUT_OF_MEMORY              Error       Worker terminated due to reaching memory limit: %s
ERR_WORKER_PATH                       TypeError   The worker script or module filename must be an absolute path or a relative path starting with './' or '../'. Received "%s"
ERR_WORKER_UNSUPPORTED_OPERATION      TypeError   %s is not supported in workers
ERR_ZLIB_INITIALIZATION_FAILED        Error       Initialization failed

ERR_JSPACK_UNSUPPORTED                Error       %s is not supported by jspack
ERR_JSPACK_NOT_IMPLEMENTED            Error       %s is not implemented yet in jspack
ERR_JSPACK_NATIVE_ADDON               Error       Cannot load native addon %s: jspack runs
    JavaScript only; use a build of the package without native code
ERR_JSPACK_MISSING_BINDING            Error       No such native binding: %s
ERR_JSPACK_SNAPSHOT_UNSAFE            Error       %s cannot be used while the snapshot is
    being built
`;

// Type names ERR_INVALID_ARG_TYPE prints as "of type x"; other capitalised
// names are classes ("an instance of X"), anything else is printed as given.
const kTypeNames = new Set([
  'string', 'number', 'bigint', 'boolean', 'symbol', 'object', 'function',
  'Object', 'Function',
]);
const kClassName = /^([A-Z][a-z0-9]*)+$/;
const kTwo32n = 1n << 32n;

// "a", "a or b", "a, b, or c".
function joinWords(words, conjunction) {
  if (words.length < 3) return words.join(` ${conjunction} `);
  const last = words[words.length - 1];
  return `${words.slice(0, -1).join(', ')}, ${conjunction} ${last}`;
}

// What the message calls the thing that was checked: 'The "x" argument',
// 'The "o.x" property', or a ready phrase such as 'The first argument'.
function subjectOf(name) {
  if (name.endsWith(' argument')) return name;
  return `"${name}" ${name.includes('.') ? 'property' : 'argument'}`;
}

function describeExpected(expected) {
  const types = [];
  const classes = [];
  const others = [];
  for (const item of Array.isArray(expected) ? expected : [expected]) {
    if (kTypeNames.has(item)) {
      types.push(item.toLowerCase());
    } else if (kClassName.test(item)) {
      classes.push(item);
    } else {
      others.push(item);
    }
  }
  // With classes listed, a plain object is named as the class Object, last.
  const objectAt = types.indexOf('object');
  if (classes.length > 0 && objectAt !== -1) {
    types.splice(objectAt, 1);
    classes.push('Object');
  }
  const parts = [];
  if (types.length === 1) parts.push(`of type ${types[0]}`);
  if (types.length > 1) parts.push(`one of type ${joinWords(types, 'or')}`);
  if (classes.length > 0) parts.push(`an instance of ${joinWords(classes, 'or')}`);
  if (others.length === 1) {
    const [only] = others;
    parts.push(only.toLowerCase() === only ? only : `an ${only}`);
  }
  if (others.length > 1) parts.push(`one of ${joinWords(others, 'or')}`);
  return parts.join(' or ');
}

// The "Received ..." part of argument-type messages.
function describeReceived(value) {
  if (value === null || value === undefined) return `${value}`;
  switch (typeof value) {
    case 'function':
      return `function ${value.name}`;
    case 'object': {
      const ctor = value.constructor;
      if (ctor && 'name' in ctor) return `an instance of ${ctor.name}`;
      return inspect(value, { depth: -1 });
    }
    case 'string': {
      const cut = value.length > 28 ? `${value.slice(0, 25)}...` : value;
      return `type string (${cut.includes("'") ? JSON.stringify(cut) : `'${cut}'`})`;
    }
    case 'number':
      return `type number (${Object.is(value, -0) ? '-0' : value})`;
    case 'bigint':
      return `type bigint (${value}n)`;
    default:
      return `type ${typeof value} (${String(value)})`;
  }
}

// Big integers are shown with "_" every three characters from the right.
function groupThousands(text) {
  const sign = text[0] === '-' ? '-' : '';
  let rest = text.slice(sign.length);
  const groups = [];
  while (rest.length > 3) {
    groups.unshift(rest.slice(-3));
    rest = rest.slice(0, -3);
  }
  return sign + [rest, ...groups].join('_');
}

function describeOutOfRange(input) {
  if (typeof input === 'bigint') {
    const big = input > kTwo32n || input < -kTwo32n;
    return `${big ? groupThousands(String(input)) : input}n`;
  }
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    return groupThousands(String(input));
  }
  return inspect(input);
}

const kInternalTail = 'This is caused by either a bug in Node.js or incorrect ' +
  'usage of Node.js internals.\nPlease open an issue with this stack trace ' +
  'at https://github.com/nodejs/node/issues\n';

// The `*` rows. Each builder gets the error under construction first, for the
// codes that also keep what they were given on it.
const kBuilders = {
  ERR_BUFFER_OUT_OF_BOUNDS(err, name) {
    if (!name) return 'Attempt to access memory outside buffer bounds';
    return `"${name}" is outside of buffer bounds`;
  },
  ERR_ENCODING_INVALID_ENCODED_DATA(err, encoding, errno) {
    err.errno = errno;
    return `The encoded data was not valid for encoding ${encoding}`;
  },
  ERR_FALSY_VALUE_REJECTION(err, reason) {
    err.reason = reason;
    return 'Promise was rejected with falsy value';
  },
  ERR_HTTP2_STREAM_CANCEL(err, cause) {
    const text = 'The pending stream has been canceled';
    if (!cause) return text;
    err.cause = cause;
    return typeof cause.message === 'string' ? `${text} (caused by: ${cause.message})` : text;
  },
  ERR_INTERNAL_ASSERTION(err, detail) {
    return detail === undefined ? kInternalTail : `${detail}\n${kInternalTail}`;
  },
  ERR_INVALID_ADDRESS_FAMILY(err, family, host, port) {
    err.host = host;
    err.port = port;
    return `Invalid address family: ${family} ${host}:${port}`;
  },
  ERR_INVALID_ARG_TYPE(err, name, expected, actual) {
    return `The ${subjectOf(name)} must be ${describeExpected(expected)}. ` +
      `Received ${describeReceived(actual)}`;
  },
  ERR_INVALID_ARG_VALUE(err, name, value, reason = 'is invalid') {
    let shown = inspect(value);
    if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
    const kind = name.includes('.') ? 'property' : 'argument';
    return `The ${kind} '${name}' ${reason}. Received ${shown}`;
  },
  ERR_INVALID_CHAR(err, name, field) {
    const where = field === undefined ? '' : ` ["${field}"]`;
    return `Invalid character in ${name}${where}`;
  },
  ERR_INVALID_MIME_SYNTAX(err, production, text, index) {
    const at = index === -1 ? '' : ` at ${index}`;
    return `The MIME syntax for a ${production} in "${text}" is invalid${at}`;
  },
  ERR_INVALID_RETURN_PROPERTY(err, input, name, prop, value) {
    return `Expected a valid ${input} to be returned for the "${prop}" from ` +
      `the "${name}" hook but got ${describeReceived(value)}.`;
  },
  ERR_INVALID_RETURN_PROPERTY_VALUE(err, input, name, prop, value) {
    return `Expected ${input} to be returned for the "${prop}" from the ` +
      `"${name}" hook but got ${describeReceived(value)}.`;
  },
  ERR_INVALID_RETURN_VALUE(err, input, name, value) {
    return `Expected ${input} to be returned from the "${name}" function ` +
      `but got ${describeReceived(value)}.`;
  },
  ERR_INVALID_URL(err, input, base = null) {
    err.input = input;
    if (base !== null && base !== undefined) err.base = base;
    return 'Invalid URL';
  },
  ERR_INVALID_MODULE_SPECIFIER(err, request, reason, base) {
    return `Invalid module "${request}" ${reason}` +
      (base ? ` imported from ${base}` : '');
  },
  ERR_INVALID_PACKAGE_CONFIG(err, file, base, detail) {
    const from = base ? ` while importing ${base}` : '';
    return `Invalid package config ${file}${from}${detail ? `. ${detail}` : ''}`;
  },
  ERR_INVALID_PACKAGE_TARGET(err, packageDir, key, target, isImports, base) {
    const field = isImports ? 'imports' : 'exports';
    const what = key === '.' && !isImports ? `"${field}" main target` :
      `"${field}" target`;
    const where = key === '.' && !isImports ? '' : ` for '${key}'`;
    const relative = typeof target === 'string' && !isImports &&
      target.length > 0 && !target.startsWith('./');
    return `Invalid ${what} ${JSON.stringify(target)} defined${where} in the ` +
      `package config ${packageDir}package.json` +
      (base ? ` imported from ${base}` : '') +
      (relative ? '; targets must start with "./"' : '');
  },
  ERR_INVALID_URL_SCHEME(err, expected) {
    const schemes = typeof expected === 'string' ? [expected] : expected;
    if (schemes.length === 2) {
      return `The URL must be one of scheme ${schemes[0]} or ${schemes[1]}`;
    }
    return `The URL must be of scheme ${schemes[0]}`;
  },
  ERR_MISSING_ARGS(err, ...names) {
    const quote = (one) => `"${one}"`;
    const shown = names.map((n) => (Array.isArray(n) ? n.map(quote).join(' or ') : quote(n)));
    const noun = names.length > 1 ? 'arguments' : 'argument';
    return `The ${joinWords(shown, 'and')} ${noun} must be specified`;
  },
  ERR_MODULE_NOT_FOUND(err, request, base, exactUrl) {
    if (exactUrl) err.url = exactUrl;
    const what = exactUrl ? 'module' : 'package';
    return `Cannot find ${what} '${request}' imported from ${base}`;
  },
  ERR_OUT_OF_RANGE(err, name, range, input, nameIsSentence = false) {
    const lead = nameIsSentence ? name : `The value of "${name}" is out of range.`;
    return `${lead} It must be ${range}. Received ${describeOutOfRange(input)}`;
  },
  ERR_PACKAGE_IMPORT_NOT_DEFINED(err, specifier, packageDir, base) {
    const inPackage = packageDir ? ` in package ${packageDir}package.json` : '';
    return `Package import specifier "${specifier}" is not defined${inPackage}` +
      ` imported from ${base}`;
  },
  ERR_PACKAGE_PATH_NOT_EXPORTED(err, packageDir, subpath, base) {
    const from = base ? ` imported from ${base}` : '';
    if (subpath === '.') {
      return `No "exports" main defined in ${packageDir}package.json${from}`;
    }
    return `Package subpath '${subpath}' is not defined by "exports" in ` +
      `${packageDir}package.json${from}`;
  },
  ERR_PARSE_ARGS_UNKNOWN_OPTION(err, option, allowPositionals) {
    if (!allowPositionals) return `Unknown option '${option}'`;
    return `Unknown option '${option}'. To specify a positional argument ` +
      "starting with a '-', place it at the end of the command after '--', " +
      `as in '-- ${JSON.stringify(option)}`;
  },
  ERR_REQUIRE_ASYNC_MODULE(err, parent, filename) {
    let text = 'require() cannot be used on an ESM graph with top-level ' +
      'await. Use import() instead. To see where the top-level await comes ' +
      'from, use --experimental-print-required-tla.';
    if (parent) text += `\n  From ${parent} `;
    if (filename) text += `\n  Requiring ${filename} `;
    return text;
  },
  ERR_REQUIRE_ESM(err, filename) {
    return `require() of ES Module ${filename} not supported.`;
  },
  ERR_SOCKET_BAD_PORT(err, name, port, allowZero = true) {
    const bound = allowZero ? '>=' : '>';
    return `${name} should be ${bound} 0 and < 65536. ` +
      `Received ${describeReceived(port)}.`;
  },
  ERR_TLS_CERT_ALTNAME_INVALID(err, reason, host, cert) {
    err.reason = reason;
    err.host = host;
    err.cert = cert;
    return `Hostname/IP does not match certificate's altnames: ${reason}`;
  },
  ERR_UNHANDLED_ERROR(err, cause) {
    return cause === undefined ? 'Unhandled error.' : `Unhandled error. (${cause})`;
  },
  ERR_UNKNOWN_FILE_EXTENSION(err, extension, file) {
    return `Unknown file extension "${extension}" for ${file}`;
  },
  ERR_UNSUPPORTED_DIR_IMPORT(err, path, base) {
    err.url = `file://${path}`;
    return `Directory import '${path}' is not supported resolving ES modules ` +
      `imported from ${base}`;
  },
  ERR_UNSUPPORTED_ESM_URL_SCHEME(err, url, supported) {
    const { protocol } = url;
    let text = `Only URLs with a scheme in: ${joinWords(supported, 'and')} ` +
      'are supported by the default ESM loader';
    if (protocol === 'node:' || /^[a-zA-Z]:/.test(protocol)) {
      text += '. On Windows, absolute paths must be valid file:// URLs';
    }
    return `${text}. Received protocol '${protocol}'`;
  },
};

// code -> its `%s` template, or its builder.
const kMessages = { __proto__: null };

function messageFor(code, err, args) {
  const spec = kMessages[code];
  if (typeof spec === 'function') return spec(err, ...args);
  return args.length === 0 ? spec : format(spec, ...args);
}

function defineHidden(target, key, value) {
  // Null prototype: a `get` or `set` added to Object.prototype by user code
  // must not turn the descriptor into an accessor.
  Object.defineProperty(target, key, {
    __proto__: null, value, writable: true, enumerable: false, configurable: true,
  });
}

// V8 (and our source-map formatter) start a stack with "Name: message". Node
// shows the code there too, "TypeError [ERR_X]: ...", while `name` stays the
// class name, so that first line is replaced once the stack exists. A stack
// made by a user's Error.prepareStackTrace is left alone.
function showCodeInStack(err) {
  const plain = Error.prototype.toString.call(err);
  const stack = err.stack;
  if (typeof stack === 'string' && stack.startsWith(plain)) {
    err.stack = `${err.name} [${err.code}]: ${err.message}` +
      stack.slice(plain.length);
  }
}

// Restarts err's stack at the caller of `fn`, so that a validator's own frame
// is not the first one shown. Returns err, for `throw captureCallSite(...)`.
function captureCallSite(err, fn) {
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(err, fn);
    if (typeof err.code === 'string') showCodeInStack(err);
  }
  return err;
}

// codes.X for an ordinary row: an error of class Base whose only enumerable
// property is `code`. V8 leaves this constructor out of the stack because it
// is new.target.
function classForCode(code, Base) {
  const NodeError = class extends Base {
    constructor(...args) {
      super();
      this.code = code;
      defineHidden(this, 'message', messageFor(code, this, args));
      showCodeInStack(this);
    }

    toString() {
      return `${this.name} [${code}]: ${this.message}`;
    }
  };
  // Instances name their plain class: err.constructor === TypeError.
  defineHidden(NodeError.prototype, 'constructor', Base);
  return NodeError;
}

// An accessor on a SystemError that reads and writes its `info` record.
function mirrorInfo(err, info, key, asText) {
  Object.defineProperty(err, key, {
    get() {
      const value = info[key];
      return asText && value !== null && value !== undefined ? value.toString() : value;
    },
    set(value) {
      info[key] = value;
    },
    enumerable: true,
    configurable: true,
  });
}

// Errors about a failed libuv call that are not plain errno errors, e.g.
// "A system error occurred: uv_os_gethostname returned ENOSYS (function not
// implemented)". `info` is { errno, code, message, syscall, path?, dest? }.
class SystemError extends Error {
  constructor(code, info) {
    super();
    this.code = code;
    defineHidden(this, 'name', 'SystemError');
    let text = `${kMessages[code]}: ${info.syscall} returned ${info.code} (${info.message})`;
    if (info.path !== undefined) text += ` ${info.path}`;
    if (info.dest !== undefined) text += ` => ${info.dest}`;
    defineHidden(this, 'message', text);
    Object.defineProperty(this, 'info', {
      value: info, writable: false, enumerable: true, configurable: true,
    });
    mirrorInfo(this, info, 'errno', false);
    mirrorInfo(this, info, 'syscall', false);
    if (info.path !== undefined) mirrorInfo(this, info, 'path', true);
    if (info.dest !== undefined) mirrorInfo(this, info, 'dest', true);
    showCodeInStack(this);
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  // Shows errno, syscall, path and dest with their values, not as accessors.
  [Symbol.for('nodejs.util.inspect.custom')](depth, options) {
    return inspect(this, { ...options, getters: true, customInspect: false });
  }
}

function systemClassForCode(code) {
  const NodeError = class extends SystemError {
    constructor(info) {
      super(code, info);
    }
  };
  return NodeError;
}

// Turns kTable into [code, classNames, message] rows.
function readTable(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line[0] === ' ') {
      rows[rows.length - 1][2] += ` ${line.trim()}`;
      continue;
    }
    const [, code, classNames, message] = /^(\S+)\s+(\S+)\s+(.*)$/.exec(line);
    rows.push([code, classNames.split('+'), message]);
  }
  return rows;
}

const codes = {};
for (const [code, classNames, message] of readTable(kTable)) {
  if (message === '*') {
    // A typo here fails the snapshot build, not a user's program.
    if (typeof kBuilders[code] !== 'function') throw new Error(`no builder for ${code}`);
    kMessages[code] = kBuilders[code];
  } else {
    kMessages[code] = message;
  }
  if (classNames[0] === 'SystemError') {
    codes[code] = systemClassForCode(code);
    continue;
  }
  const [main, ...alternatives] = classNames.map((name) => kBaseClasses[name]);
  const ctor = classForCode(code, main);
  for (const Base of alternatives) ctor[Base.name] = classForCode(code, Base);
  codes[code] = ctor;
}

// System errors from errno values ---------------------------------------------

let uvBinding;
function uv() {
  if (uvBinding === undefined) uvBinding = internalBinding('uv');
  return uvBinding;
}

// libuv's name for errno ('ENOENT'), or undefined for a value it does not
// know (it then answers "Unknown system error <n>").
function knownErrorName(errno) {
  const name = uv().errname(errno);
  return typeof name === 'string' && !name.startsWith('Unknown system error') ?
    name : undefined;
}

function getSystemErrorName(errno) {
  return knownErrorName(errno) ?? `Unknown system error ${errno}`;
}

function getSystemErrorMessage(errno) {
  return uv().getErrorMessage(errno);
}

// A plain Error with the given own properties, its stack starting at the
// caller of `origin`.
function plainError(message, props, origin) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error(message);
  for (const key of Object.keys(props)) err[key] = props[key];
  if (typeof Error.captureStackTrace === 'function') {
    Error.captureStackTrace(err, origin);
  }
  return err;
}

// A connection that ended under a request, response or handshake: Node's
// plain Error with code ECONNRESET ("socket hang up", "aborted", ...).
function connResetError(message) {
  return plainError(message, { code: 'ECONNRESET' }, connResetError);
}

// " host:port", " host" or "" for the network errors.
function placeSuffix(address, port) {
  if (port && port > 0) return ` ${address}:${port}`;
  return address ? ` ${address}` : '';
}

// The file-system error: "ENOENT: no such file or directory, open '/x'" with
// errno (negative), code, syscall, path and dest. `ctx` is what the binding
// reports: { errno, syscall, path?, dest?, message? }; `message` replaces
// libuv's description, other extra keys are copied onto the error.
function uvException(ctx) {
  const name = knownErrorName(ctx.errno);
  const code = name ?? 'UNKNOWN';
  const description = ctx.message || (name ? uv().getErrorMessage(ctx.errno) : 'unknown error');
  // An empty path is still named (`open ''`), as in Node.
  const path = ctx.path == null ? undefined : ctx.path.toString();
  const dest = ctx.dest == null ? undefined : ctx.dest.toString();
  let message = `${code}: ${description}, ${ctx.syscall}`;
  if (path !== undefined) message += ` '${path}'`;
  if (dest !== undefined) message += ` -> '${dest}'`;
  const props = { errno: ctx.errno, code, syscall: ctx.syscall };
  for (const key of Object.keys(ctx)) {
    if (!(key in props) && key !== 'message' && key !== 'path' && key !== 'dest') {
      props[key] = ctx[key];
    }
  }
  if (path !== undefined) props.path = path;
  if (dest !== undefined) props.dest = dest;
  return plainError(message, props, uvException);
}

// A server or socket error with libuv's description, e.g. "listen
// EADDRINUSE: address already in use 127.0.0.1:80".
function uvExceptionWithHostPort(errno, syscall, address, port) {
  const name = knownErrorName(errno);
  const description = name ? uv().getErrorMessage(errno) : 'unknown error';
  const message = `${syscall} ${name ?? 'UNKNOWN'}: ${description}` +
    placeSuffix(address, port);
  const props = { code: name ?? 'UNKNOWN', errno, syscall, address };
  if (port) props.port = port;
  return plainError(message, props, uvExceptionWithHostPort);
}

// "write EPIPE", optionally with more text: util._errnoException.
function errnoException(errno, syscall, original) {
  const code = getSystemErrorName(errno);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  return plainError(message, { errno, code, syscall }, errnoException);
}

// "connect ECONNREFUSED 127.0.0.1:80": util._exceptionWithHostPort.
function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const code = getSystemErrorName(errno);
  let message = `${syscall} ${code}${placeSuffix(address, port)}`;
  if (additional) message += ` - Local (${additional})`;
  const props = { errno, code, syscall, address };
  if (port) props.port = port;
  return plainError(message, props, exceptionWithHostPort);
}

// Resolver errors, "getaddrinfo ENOTFOUND example.invalid". A numeric code
// is an errno; getaddrinfo's "no such name" answers are reported as
// ENOTFOUND, as Node's dns module does.
function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    const name = getSystemErrorName(code);
    code = name === 'EAI_NODATA' || name === 'EAI_NONAME' ? 'ENOTFOUND' : name;
  }
  const message = hostname ? `${syscall} ${code} ${hostname}` : `${syscall} ${code}`;
  const props = { errno, code, syscall };
  if (hostname) props.hostname = hostname;
  return plainError(message, props, dnsException);
}

// Other errors -----------------------------------------------------------------

// Thrown or rejected when an operation is cancelled through an AbortSignal;
// `options.cause` is usually the signal's reason.
const kAbortedMessage = 'The operation was aborted';

class AbortError extends Error {
  constructor(message = kAbortedMessage, options = undefined) {
    if (options === undefined || typeof options === 'object') {
      super(message, options);
    } else {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    // Both are own, enumerable properties, in this order.
    Object.assign(this, { code: 'ABORT_ERR', name: 'AbortError' });
  }
}

// An error raised while cleaning up after another one: both are kept, in an
// AggregateError unless the outer error already collects others.
function aggregateTwoErrors(inner, outer) {
  if (!inner || !outer || inner === outer) return inner || outer;
  if (Array.isArray(outer.errors)) {
    outer.errors.push(inner);
    return outer;
  }
  // eslint-disable-next-line no-restricted-syntax
  const both = new AggregateError([outer, inner], outer.message);
  both.code = outer.code;
  return both;
}

// V8's RangeError for a full stack. Its text is fixed in V8.
const kStackOverflowMessage = 'Maximum call stack size exceeded';

function isStackOverflowError(err) {
  return err instanceof RangeError && err.message === kStackOverflowMessage;
}

// Whether assigning Error.stackTraceLimit takes effect (it is not frozen,
// made read-only or an accessor without a setter).
function isErrorStackTraceLimitWritable() {
  const desc = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return Object.isExtensible(Error);
  return 'value' in desc ? desc.writable === true : desc.set !== undefined;
}

module.exports = {
  AbortError,
  SystemError,
  aggregateTwoErrors,
  captureCallSite,
  codes,
  connResetError,
  describeReceived,
  dnsException,
  errnoException,
  exceptionWithHostPort,
  getSystemErrorMessage,
  getSystemErrorName,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  uvException,
  uvExceptionWithHostPort,
};
