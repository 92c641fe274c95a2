// http_parser: llhttp (inside libnode, see llhttp.h) behind node:http.
//
// A parser is named by a small integer id, like the handles of stream_wrap,
// and belongs to an owner object (an IncomingMessage factory in
// stdlib/internal/http/common.js). JS feeds it the bytes of a socket with
// execute(); the parser gathers the head natively and calls JS once per head
// and once per message end, plus once per body piece:
//   onHeaders(rawHeaders, urlOrStatusMessage, methodOrStatusCode,
//             versionMajor, versionMinor, upgrade, shouldKeepAlive)
//       (rawHeaders is null when the pairs are those of the last array
//       this parser gave since create() or reinit())
//       -> 0, 1 (the message has no body: a response to HEAD), 2 (treat as
//          an upgrade: the rest of the bytes are another protocol) or 3
//          (not an upgrade after all: parse on as HTTP)
//   onBody(offset, length)  a piece of the body at `offset` in the buffer
//                           given to the execute() running now
//   onComplete(rawTrailers) the message ended (rawTrailers: undefined or a
//                           flat array like rawHeaders)
// A request head that cannot have a body (no Content-Length above 0, no
// Transfer-Encoding, no upgrade) says so in an eighth argument, `bodiless`;
// onHeaders may then return 4: JS completed the message itself, and
// onComplete is not called for it.
//
// A parser can also consume a stream_wrap handle (consume(id, handle)):
// the handle's reads go straight to llhttp (read_sink.h), with the same
// callbacks, except that a body piece comes as onBody(0, length,
// arrayBuffer) and each read ends with
//   onExecute(result, arrayBuffer)  after a read that made no other call
//       (result: the bytes, no buffer), that stopped at an upgrade (the
//       bytes parsed, the read's bytes) or that failed (-1, the read's
//       bytes; error() tells the cause)
// and the tick queue drained, as after any event of the loop.
// The four functions are set once per runtime (setCallbacks) and called
// with the owner as receiver. Names and values are one-byte (latin1)
// strings, as in Node. Parsers hold no V8 object that could reach a
// snapshot: they only exist while the app runs.
#include <uv.h>

#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/bindings/llhttp.h"
#include "runtime/bindings/read_sink.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::http_parser {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

// Values of execute()'s result besides the count of bytes parsed.
constexpr int kExecuteError = -1;

struct Parser final : public ReadSink {
  llhttp_t llhttp;
  uint32_t id = 0;
  Runtime* runtime = nullptr;
  v8::Global<v8::Object> owner;
  uint32_t max_header_size = 16 * 1024;
  // The head being gathered: url or status text, then name, value, ...
  std::string url;
  std::vector<std::string> header_pairs;
  // The pairs of the last head onHeaders got as an array: a head with the
  // same pairs (a keep-alive client's next request) comes as null instead,
  // and the owner copies the array it kept.
  std::vector<std::string> last_pairs;
  bool last_valid = false;
  bool in_value = false;
  bool headers_done = false;
  uint32_t header_bytes = 0;
  // An error of ours rather than llhttp's: its code, reason and position.
  const char* own_code = nullptr;
  const char* own_reason = nullptr;
  const char* own_pos = nullptr;
  // The execute() running now: where its buffer starts.
  const char* base = nullptr;
  bool executing = false;
  bool freed = false;  // free() came during execute()
  bool threw = false;  // a callback threw; execute() returns at once
  // The handle whose reads this parser consumes, or -1; while a read of it
  // runs, callbacks report their own errors (`from_read`).
  int64_t stream = -1;
  bool from_read = false;
  uint32_t js_calls = 0;     // calls into JS during the current read
  bool completed = false;    // onHeaders completed the message (returned 4)
  uint64_t started_ms = 0;   // loop time the current message began, or 0

  void OnSinkRead(const char* data, size_t length) override;
  void OnSinkDetached() override { stream = -1; }
};

llhttp_settings_t settings;

// The four functions of setCallbacks, for the runtime of this thread (a
// worker has its own), each a handle of its own: reading them from a JS
// array on every call cost more than the call. Emptied by a cleanup hook
// before the runtime goes.
// The method names requests come with are kept there too, made on first
// use (llhttp numbers them below kMethodNames).
constexpr unsigned kMethodNames = 64;
struct Callbacks {
  Runtime* runtime = nullptr;
  v8::Global<v8::Function> fns[4];
  v8::Global<v8::String> methods[kMethodNames];
};
thread_local Callbacks callbacks;

void ForgetCallbacks(void* arg) {
  if (callbacks.runtime != arg) return;
  for (v8::Global<v8::Function>& fn : callbacks.fns) fn.Reset();
  for (v8::Global<v8::String>& name : callbacks.methods) name.Reset();
  callbacks.runtime = nullptr;
}

thread_local std::vector<Parser*> slots;
thread_local std::vector<uint32_t> free_ids;

Parser* FromLlhttp(llhttp_t* p) { return static_cast<Parser*>(p->data); }

void ClearHead(Parser* parser) {
  parser->url.clear();
  parser->header_pairs.clear();
  parser->in_value = false;
}

// Counts bytes of the head against maxHeaderSize as Node does (request or
// status line and header fields); over the limit is HPE_HEADER_OVERFLOW.
bool TrackHeader(Parser* parser, size_t length) {
  parser->header_bytes += static_cast<uint32_t>(length);
  if (parser->header_bytes <= parser->max_header_size) return true;
  parser->own_code = "HPE_HEADER_OVERFLOW";
  parser->own_reason = "Header overflow";
  parser->own_pos = nullptr;
  return false;
}

int OnMessageBegin(llhttp_t* p) {
  Parser* parser = FromLlhttp(p);
  parser->started_ms = uv_now(parser->runtime->loop()) + 1;
  parser->completed = false;
  ClearHead(parser);
  parser->headers_done = false;
  parser->header_bytes = 0;
  return 0;
}

int OnUrl(llhttp_t* p, const char* at, size_t length) {
  Parser* parser = FromLlhttp(p);
  if (!TrackHeader(parser, length)) return -1;
  parser->url.append(at, length);
  return 0;
}

// RFC 9110 token characters, which this llhttp (built non-strict) does not
// enforce in header names but Node's does.
bool IsTokenChar(unsigned char c) {
  if (c >= '0' && c <= '9') return true;
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return true;
  return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != nullptr;
}

int OnHeaderField(llhttp_t* p, const char* at, size_t length) {
  Parser* parser = FromLlhttp(p);
  if (!TrackHeader(parser, length)) return -1;
  if ((p->lenient_flags & 1) == 0) {
    for (size_t i = 0; i < length; ++i) {
      if (!IsTokenChar(static_cast<unsigned char>(at[i]))) {
        parser->own_code = "HPE_INVALID_HEADER_TOKEN";
        parser->own_reason = "Invalid header token";
        parser->own_pos = at + i;
        return -1;
      }
    }
  }
  if (parser->in_value || parser->header_pairs.empty()) {
    parser->header_pairs.emplace_back();
    parser->header_pairs.emplace_back();
    parser->in_value = false;
  }
  parser->header_pairs[parser->header_pairs.size() - 2].append(at, length);
  return 0;
}

int OnHeaderValue(llhttp_t* p, const char* at, size_t length) {
  Parser* parser = FromLlhttp(p);
  if (!TrackHeader(parser, length)) return -1;
  if (parser->header_pairs.empty()) return 0;
  parser->in_value = true;
  parser->header_pairs.back().append(at, length);
  return 0;
}

v8::Local<v8::String> Latin1(v8::Isolate* isolate, std::string_view s,
                             bool internalized = false) {
  return v8::String::NewFromOneByte(
             isolate, reinterpret_cast<const uint8_t*>(s.data()),
             internalized ? v8::NewStringType::kInternalized
                          : v8::NewStringType::kNormal,
             static_cast<int>(s.size()))
      .ToLocalChecked();
}

// The gathered name/value pairs as a flat array; trailing whitespace of a
// value is not part of it. Names are internalized: the same few come in
// every request, and JS uses them (lower-cased) as property keys.
void TrimValues(Parser* parser) {
  for (size_t i = 1; i < parser->header_pairs.size(); i += 2) {
    std::string& s = parser->header_pairs[i];
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  }
}

v8::Local<v8::Array> FlatHeaders(v8::Isolate* isolate, Parser* parser) {
  TrimValues(parser);
  std::vector<v8::Local<v8::Value>> items;
  items.reserve(parser->header_pairs.size());
  for (size_t i = 0; i < parser->header_pairs.size(); ++i) {
    items.push_back(Latin1(isolate, parser->header_pairs[i], i % 2 == 0));
  }
  return v8::Array::New(isolate, items.data(), items.size());
}

// The head's pairs for onHeaders: an array, or null when they are the
// last array's (see Parser::last_pairs).
v8::Local<v8::Value> HeadPairs(v8::Isolate* isolate, Parser* parser) {
  TrimValues(parser);
  if (parser->last_valid && parser->header_pairs == parser->last_pairs) {
    return v8::Null(isolate);
  }
  v8::Local<v8::Array> pairs = FlatHeaders(isolate, parser);
  // The old pairs' strings are cleared with the head (ClearHead).
  parser->last_pairs.swap(parser->header_pairs);
  parser->last_valid = true;
  return pairs;
}

// Calls callbacks[index] with the owner as receiver; false if it threw or
// the parser was freed meanwhile.
bool CallJs(Parser* parser, uint32_t index, int argc,
            v8::Local<v8::Value>* argv, v8::Local<v8::Value>* result) {
  v8::Isolate* isolate = parser->runtime->isolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Function> fn;
  if (callbacks.runtime == parser->runtime) {
    fn = callbacks.fns[index].Get(isolate);
  }
  if (fn.IsEmpty()) {
    parser->threw = true;
    return false;
  }
  v8::Local<v8::Value> ret;
  ++parser->js_calls;
  v8::Local<v8::Object> owner = parser->owner.Get(isolate);
  bool ok = parser->from_read
                ? parser->runtime->CallReportingErrors(fn, argc, argv, &ret,
                                                       owner)
                : fn->Call(context, owner, argc, argv).ToLocal(&ret);
  if (!ok) {
    parser->threw = true;
    return false;
  }
  if (parser->freed) return false;
  if (result != nullptr) *result = ret;
  return true;
}

v8::Local<v8::String> MethodName(v8::Isolate* isolate, uint8_t method) {
  const char* name = llhttp_method_name(method);
  if (method >= kMethodNames) return Latin1(isolate, name, true);
  v8::Global<v8::String>& kept = callbacks.methods[method];
  if (kept.IsEmpty()) kept.Reset(isolate, Latin1(isolate, name, true));
  return kept.Get(isolate);
}

int OnHeadersComplete(llhttp_t* p) {
  Parser* parser = FromLlhttp(p);
  v8::Isolate* isolate = parser->runtime->isolate();
  bool request = p->type == HTTP_REQUEST;
  bool bodiless = request && p->upgrade == 0 && p->content_length == 0 &&
                  (p->flags & (F_CHUNKED | F_TRANSFER_ENCODING)) == 0;
  v8::Local<v8::Value> argv[8] = {
      HeadPairs(isolate, parser),
      Latin1(isolate, parser->url),
      request ? MethodName(isolate, p->method).As<v8::Value>()
              : v8::Integer::New(isolate, p->status_code).As<v8::Value>(),
      v8::Integer::New(isolate, p->http_major),
      v8::Integer::New(isolate, p->http_minor),
      v8::Boolean::New(isolate, p->upgrade != 0),
      v8::Boolean::New(isolate, llhttp_should_keep_alive(p) != 0),
      v8::Boolean::New(isolate, bodiless),
  };
  ClearHead(parser);
  parser->headers_done = true;
  v8::Local<v8::Value> ret;
  if (!CallJs(parser, 0, 8, argv, &ret)) return -1;
  int choice = ret->IsInt32() ? ret.As<v8::Int32>()->Value() : 0;
  if (choice == 4 && bodiless) {
    parser->completed = true;
    return 0;
  }
  if (choice == 3) {
    p->upgrade = 0;
    return 0;
  }
  return choice >= 0 && choice <= 2 ? choice : 0;
}

void FreeBytes(void* data, size_t, void*) { free(data); }

// A copy of `length` bytes as an ArrayBuffer of their own.
v8::Local<v8::Value> CopyBytes(v8::Isolate* isolate, const char* data,
                               size_t length) {
  void* copy = malloc(length > 0 ? length : 1);
  if (copy == nullptr) return v8::Undefined(isolate);
  memcpy(copy, data, length);
  return v8::ArrayBuffer::New(
      isolate,
      v8::ArrayBuffer::NewBackingStore(copy, length, FreeBytes, nullptr));
}

int OnBody(llhttp_t* p, const char* at, size_t length) {
  Parser* parser = FromLlhttp(p);
  v8::Isolate* isolate = parser->runtime->isolate();
  if (parser->from_read) {
    // The read's memory is reused: the piece gets its own.
    v8::Local<v8::Value> argv[3] = {
        v8::Integer::New(isolate, 0),
        v8::Number::New(isolate, static_cast<double>(length)),
        CopyBytes(isolate, at, length)};
    return CallJs(parser, 1, 3, argv, nullptr) ? 0 : -1;
  }
  v8::Local<v8::Value> argv[2] = {
      v8::Number::New(isolate, static_cast<double>(at - parser->base)),
      v8::Number::New(isolate, static_cast<double>(length))};
  return CallJs(parser, 1, 2, argv, nullptr) ? 0 : -1;
}

int OnMessageComplete(llhttp_t* p) {
  Parser* parser = FromLlhttp(p);
  v8::Isolate* isolate = parser->runtime->isolate();
  parser->started_ms = 0;
  if (parser->completed) {
    parser->completed = false;
    ClearHead(parser);
    parser->header_bytes = 0;
    return 0;
  }
  v8::Local<v8::Value> argv[1] = {v8::Undefined(isolate)};
  if (!parser->header_pairs.empty()) argv[0] = FlatHeaders(isolate, parser);
  ClearHead(parser);
  parser->header_bytes = 0;
  return CallJs(parser, 2, 1, argv, nullptr) ? 0 : -1;
}

void InitSettings() {
  static bool done = false;
  if (done) return;
  done = true;
  llhttp_settings_init(&settings);
  settings.on_message_begin = OnMessageBegin;
  settings.on_url = OnUrl;
  settings.on_status = OnUrl;
  settings.on_header_field = OnHeaderField;
  settings.on_header_value = OnHeaderValue;
  settings.on_headers_complete = OnHeadersComplete;
  settings.on_body = OnBody;
  settings.on_message_complete = OnMessageComplete;
}

void Unconsume(Parser* parser) {
  if (parser->stream < 0) return;
  stream_wrap::DetachReadSink(static_cast<uint32_t>(parser->stream), parser);
  parser->stream = -1;
}

void FreeParser(Parser* parser) {
  Unconsume(parser);
  slots[parser->id] = nullptr;
  free_ids.push_back(parser->id);
  delete parser;
}

// A worker's parsers go with its runtime.
void OnCleanup(void* arg) {
  auto* runtime = static_cast<Runtime*>(arg);
  for (Parser*& parser : slots) {
    if (parser != nullptr && parser->runtime == runtime) {
      Unconsume(parser);
      delete parser;
      parser = nullptr;
    }
  }
  slots.clear();
  free_ids.clear();
}

void Init(Parser* parser, int type, int lenient, uint32_t max_header_size) {
  llhttp_init(&parser->llhttp,
              type == HTTP_RESPONSE ? HTTP_RESPONSE : HTTP_REQUEST, &settings);
  parser->llhttp.data = parser;
  if (lenient != 0) {
    llhttp_set_lenient_headers(&parser->llhttp, 1);
    llhttp_set_lenient_chunked_length(&parser->llhttp, 1);
    llhttp_set_lenient_keep_alive(&parser->llhttp, 1);
    llhttp_set_lenient_transfer_encoding(&parser->llhttp, 1);
  }
  parser->max_header_size = max_header_size;
  ClearHead(parser);
  parser->last_pairs.clear();
  parser->last_valid = false;
  parser->headers_done = false;
  parser->header_bytes = 0;
  parser->own_code = nullptr;
  parser->completed = false;
  parser->started_ms = 0;
  Unconsume(parser);
}

Parser* Find(const v8::FunctionCallbackInfo<v8::Value>& args) {
  if (!args[0]->IsUint32()) return nullptr;
  uint32_t id = args[0].As<v8::Uint32>()->Value();
  if (id >= slots.size()) return nullptr;
  Parser* parser = slots[id];
  return parser != nullptr && !parser->freed ? parser : nullptr;
}

// setCallbacks(onHeaders, onBody, onComplete[, onExecute]): the functions
// every parser of this runtime calls.
void SetCallbacks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  // onExecute may be left out by a caller that never consumes a handle.
  JSPACK_CHECK(args[0]->IsFunction() && args[1]->IsFunction() &&
               args[2]->IsFunction() &&
               (args[3]->IsFunction() || args[3]->IsUndefined()));
  v8::Isolate* isolate = args.GetIsolate();
  Runtime* runtime = Runtime::From(args);
  if (callbacks.runtime != runtime) {
    // (A second runtime on one thread, as only tests make, takes them over.)
    callbacks.runtime = runtime;
    runtime->AddCleanupHook(ForgetCallbacks, runtime);
  }
  for (int i = 0; i < 4; ++i) {
    if (args[i]->IsFunction()) {
      callbacks.fns[i].Reset(isolate, args[i].As<v8::Function>());
    } else {
      callbacks.fns[i].Reset();
    }
  }
}

// create(owner, type, lenient, maxHeaderSize) -> id. type 1 parses
// requests, 2 responses.
void Create(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsObject() && args[1]->IsInt32() &&
               args[3]->IsUint32());
  InitSettings();
  Runtime* runtime = Runtime::From(args);
  if (!runtime->is_main_thread() && slots.empty()) {
    runtime->AddCleanupHook(OnCleanup, runtime);
  }
  auto* parser = new Parser();
  parser->runtime = runtime;
  parser->owner.Reset(args.GetIsolate(), args[0].As<v8::Object>());
  Init(parser, args[1].As<v8::Int32>()->Value(), args[2]->IsTrue(),
       args[3].As<v8::Uint32>()->Value());
  if (free_ids.empty()) {
    parser->id = static_cast<uint32_t>(slots.size());
    slots.push_back(parser);
  } else {
    parser->id = free_ids.back();
    free_ids.pop_back();
    slots[parser->id] = parser;
  }
  args.GetReturnValue().Set(parser->id);
}

// reinit(id, owner, type, lenient, maxHeaderSize) -> true: a parser used
// again, for another connection; false while it parses a read of its
// handle (free() it instead).
void Reinit(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsObject() && args[2]->IsInt32() &&
               args[4]->IsUint32());
  Parser* parser = Find(args);
  JSPACK_CHECK(parser != nullptr);
  args.GetReturnValue().Set(!parser->executing);
  if (parser->executing) return;
  parser->owner.Reset(args.GetIsolate(), args[1].As<v8::Object>());
  Init(parser, args[2].As<v8::Int32>()->Value(), args[3]->IsTrue(),
       args[4].As<v8::Uint32>()->Value());
}

// free(id): the id may be handed out again. During execute() the parser
// stops calling JS and goes when execute() returns.
void Free(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser == nullptr) return;
  if (parser->executing) {
    parser->freed = true;
    parser->owner.Reset();
    return;
  }
  FreeParser(parser);
}

// Returns execute()'s result once llhttp stopped with `err`.
int ResultOf(Parser* parser, llhttp_errno err, size_t length) {
  if (err == HPE_OK) return static_cast<int>(length);
  if (err == HPE_PAUSED_UPGRADE || err == HPE_PAUSED) {
    // The bytes after the head belong to the new protocol (or wait).
    size_t used = llhttp_get_error_pos(&parser->llhttp) - parser->base;
    llhttp_resume_after_upgrade(&parser->llhttp);
    return static_cast<int>(used);
  }
  return kExecuteError;
}

// Runs llhttp over `data` (or finishes the input when `finish`), with the
// callbacks of this runtime. Returns false when JS must get no result: a
// callback threw (the exception propagates) or free() came meanwhile (the
// parser is gone then, and 0 is the result).
bool Run(const v8::FunctionCallbackInfo<v8::Value>& args, Parser* parser,
         const char* data, size_t length, bool finish, llhttp_errno* err) {
  JSPACK_CHECK(!parser->executing && callbacks.runtime == parser->runtime);
  parser->base = data;
  parser->executing = true;
  parser->threw = false;
  *err = finish ? llhttp_finish(&parser->llhttp)
                : llhttp_execute(&parser->llhttp, data, length);
  parser->executing = false;
  if (parser->freed) {
    FreeParser(parser);
    args.GetReturnValue().Set(0);
    return false;
  }
  return !parser->threw;
}

// execute(id, bytes) -> the count of bytes parsed (all of them, or fewer
// when an upgrade took the rest), -1 on a parse error (see error()), or
// nothing when a callback threw (the exception propagates). After free()
// from a callback it returns 0.
void Execute(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsArrayBufferView());
  Parser* parser = Find(args);
  if (parser == nullptr) {
    args.GetReturnValue().Set(0);
    return;
  }
  v8::Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  size_t length = view->ByteLength();
  const char* data =
      static_cast<const char*>(view->Buffer()->Data()) + view->ByteOffset();
  llhttp_errno err;
  if (!Run(args, parser, data, length, false, &err)) return;
  args.GetReturnValue().Set(ResultOf(parser, err, length));
}

void Parser::OnSinkRead(const char* data, size_t length) {
  if (freed || executing) return;
  Runtime* rt = runtime;
  if (callbacks.runtime != rt) return;
  v8::Isolate* isolate = rt->isolate();
  base = data;
  executing = true;
  from_read = true;
  threw = false;
  js_calls = 0;
  llhttp_errno err = llhttp_execute(&llhttp, data, length);
  if (!freed && !threw) {
    // An upgrade is JS's to start even when no bytes came after the head.
    bool upgrade = err == HPE_PAUSED_UPGRADE;
    int result = ResultOf(this, err, length);
    bool whole = result == static_cast<int>(length) && !upgrade;
    if (!whole || js_calls == 0) {
      v8::Local<v8::Value> argv[2] = {
          v8::Integer::New(isolate, result),
          whole ? v8::Undefined(isolate).As<v8::Value>()
                : CopyBytes(isolate, data, length)};
      CallJs(this, 3, 2, argv, nullptr);
    }
  }
  executing = false;
  from_read = false;
  if (freed) FreeParser(this);
  rt->DrainTicks();
}

// consume(id, handleId) -> whether the parser now reads the stream_wrap
// handle itself (see the top of this file).
void Consume(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser == nullptr || !args[1]->IsUint32()) {
    args.GetReturnValue().Set(false);
    return;
  }
  uint32_t handle = args[1].As<v8::Uint32>()->Value();
  Unconsume(parser);
  bool ok = stream_wrap::AttachReadSink(handle, parser);
  if (ok) parser->stream = handle;
  args.GetReturnValue().Set(ok);
}

// unconsume(id): the handle's reads go back to its onread.
void UnconsumeMethod(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser != nullptr) Unconsume(parser);
}

// elapsed(id) -> milliseconds (loop time) since the current message began,
// or -1 between messages.
void Elapsed(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  double elapsed = -1;
  if (parser != nullptr && parser->started_ms != 0) {
    elapsed = static_cast<double>(uv_now(parser->runtime->loop()) + 1 -
                                  parser->started_ms);
  }
  args.GetReturnValue().Set(elapsed);
}

// expire(id): the current message's clock stops (it timed out once).
void Expire(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser != nullptr) parser->started_ms = 0;
}

// finish(id) -> 0, or -1 when the input ended in the middle of a message
// (see error()). A message that ends with the connection completes here.
void Finish(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser == nullptr) {
    args.GetReturnValue().Set(0);
    return;
  }
  llhttp_errno err;
  if (!Run(args, parser, nullptr, 0, true, &err)) return;
  args.GetReturnValue().Set(err == HPE_OK ? 0 : kExecuteError);
}

// error(id) -> [code, reason, offset] of the last parse error: Node's
// HPE_* code, llhttp's reason, and where in the last execute() buffer it
// was found (bytesParsed).
void Error(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  llhttp_t* p = &parser->llhttp;
  // For an error of ours llhttp names the callback that failed; Node names
  // the cause.
  bool own = parser->own_code != nullptr;
  const char* code =
      own ? parser->own_code : llhttp_errno_name(llhttp_get_errno(p));
  const char* reason = own ? parser->own_reason : llhttp_get_error_reason(p);
  const char* pos = own && parser->own_pos != nullptr ? parser->own_pos
                                                      : llhttp_get_error_pos(p);
  double offset = pos != nullptr && parser->base != nullptr
                      ? static_cast<double>(pos - parser->base)
                      : 0;
  v8::Local<v8::Value> items[3] = {
      OneByteString(isolate, code),
      OneByteString(isolate, reason != nullptr ? reason : ""),
      v8::Number::New(isolate, offset)};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

// headersDone(id) -> whether the current message is past its head (so a
// headers timeout no longer applies).
void HeadersDone(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  args.GetReturnValue().Set(parser != nullptr && parser->headers_done);
}

// midMessage(id) -> whether bytes of an unfinished message were parsed.
void MidMessage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  bool mid =
      parser != nullptr && (parser->headers_done || parser->header_bytes > 0 ||
                            !parser->header_pairs.empty());
  args.GetReturnValue().Set(mid);
}

// pause(id) / resume(id).
void Pause(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser != nullptr) llhttp_pause(&parser->llhttp);
}

void Resume(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Parser* parser = Find(args);
  if (parser != nullptr) llhttp_resume(&parser->llhttp);
}

// llhttpVersion() -> the version of the llhttp libnode carries.
void LlhttpVersion(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      OneByteString(args.GetIsolate(), JSPACK_LLHTTP_VERSION));
}

constexpr runtime::Method kMethods[] = {
    {"setCallbacks", SetCallbacks},
    {"create", Create},
    {"reinit", Reinit},
    {"free", Free},
    {"execute", Execute},
    {"consume", Consume},
    {"unconsume", UnconsumeMethod},
    {"elapsed", Elapsed},
    {"expire", Expire},
    {"finish", Finish},
    {"error", Error},
    {"headersDone", HeadersDone},
    {"midMessage", MidMessage},
    {"pause", Pause},
    {"resume", Resume},
    {"llhttpVersion", LlhttpVersion},
};

constexpr runtime::Constant kConstants[] = {
    {"REQUEST", HTTP_REQUEST},
    {"RESPONSE", HTTP_RESPONSE},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(http_parser, kMethods, kConstants)

}  // namespace jspack::bindings::http_parser
