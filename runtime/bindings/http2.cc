// http2: HTTP/2 sessions on nghttp2 (the libnghttp2 libnode loads too) behind
// node:http2.
//
// A Session owns one nghttp2_session and is the JS handle create() returns.
// JS drives it and owns the socket: receive() feeds the bytes the socket
// read, send() returns the bytes nghttp2 wants written, and the submit
// calls queue frames. What nghttp2 reports meanwhile (a header block, body
// bytes, a stream closed, settings, a ping, a goaway, how many body bytes
// went out) is queued as events, which events() hands to JS once nghttp2
// has returned: no JS runs inside an nghttp2 callback, so JS may submit or
// destroy anything while it handles them.
//
// Outgoing bodies are queued per stream by write() and read by nghttp2's
// data provider as the peer's flow-control windows allow. Incoming bodies
// are not acknowledged by nghttp2 itself (no automatic WINDOW_UPDATE): JS
// calls consume() for bytes the app took, so a paused stream stops its
// peer instead of filling memory.
#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::http2 {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

constexpr const char* kTemplateKey = "http2.template";

// A new Uint8Array holding a copy of `bytes`.
v8::Local<v8::Value> Bytes(v8::Isolate* isolate, const std::string& bytes) {
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(isolate, bytes.size());
  if (!bytes.empty()) std::memcpy(store->Data(), bytes.data(), bytes.size());
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(buffer, 0, bytes.size());
}

// A JS string's latin1 bytes.
std::string Latin1(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  JSPACK_CHECK(value->IsString());
  v8::Local<v8::String> s = value.As<v8::String>();
  std::string bytes(s->Length(), '\0');
  s->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(bytes.data()), 0, -1,
                  v8::String::NO_NULL_TERMINATION);
  return bytes;
}

// Event types, as events() reports them ([type, streamId, ...]).
enum EventType {
  kEventHeaders = 1,        // [1, id, category, endStream, [name, value, ...],
                            //  [never-indexed name, ...]?]
  kEventData = 2,           // [2, id, Uint8Array]
  kEventEnd = 3,            // [3, id]: the peer ended its side
  kEventClose = 4,          // [4, id, errorCode]
  kEventSettings = 5,       // [5, 0, [id, value, ...]]
  kEventSettingsAck = 6,    // [6, 0]
  kEventPing = 7,           // [7, 0, Uint8Array(8), isAck]
  kEventGoaway = 8,         // [8, lastStreamId, errorCode, Uint8Array]
  kEventPush = 9,           // [9, parentId, promisedId, [name, value, ...],
                            //  [never-indexed name, ...]?]
  kEventDataSent = 10,      // [10, id, bytes taken from the write queue]
  kEventWantTrailers = 11,  // [11, id]
  kEventFrameError = 12,    // [12, id, frameType, nghttp2 error code]
  kEventRstStream = 13,     // [13, id, errorCode]: the peer reset it
  kEventAltsvc = 14,        // [14, id, [origin, field value]]
  kEventOrigin = 15,        // [15, 0, [origin, ...]]
};

struct Event {
  int type = 0;
  int32_t id = 0;
  uint32_t a = 0;
  uint32_t b = 0;
  bool flag = false;
  std::string bytes;
  std::vector<std::string> strings;
  // Header names the peer sent as never-indexed.
  std::vector<std::string> sensitive;
};

// A stream's body on its way out.
struct Outgoing {
  std::deque<std::string> chunks;
  size_t front_offset = 0;
  bool ended = false;
  bool want_trailers = false;
  // The data provider said NGHTTP2_ERR_DEFERRED; write() resumes it.
  bool deferred = false;
};

class Session {
 public:
  Session(Runtime* runtime, bool server) : runtime_(runtime), server_(server) {}
  ~Session() { Free(); }

  static Session* From(v8::Local<v8::Value> value) {
    return runtime::HandlePointer<Session>(value);
  }

  bool Init(v8::Local<v8::Object> object, const uint32_t* options) {
    nghttp2_session_callbacks* callbacks;
    if (nghttp2_session_callbacks_new(&callbacks) != 0) return false;
    nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks,
                                                            OnBeginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(callbacks, OnHeader);
    nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks,
                                                         OnFrameRecv);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks,
                                                              OnDataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(callbacks,
                                                           OnStreamClose);
    nghttp2_session_callbacks_set_on_frame_not_send_callback(callbacks,
                                                             OnFrameNotSend);
    nghttp2_option* option;
    if (nghttp2_option_new(&option) != 0) {
      nghttp2_session_callbacks_del(callbacks);
      return false;
    }
    nghttp2_option_set_no_auto_window_update(option, 1);
    nghttp2_option_set_builtin_recv_extension_type(option, NGHTTP2_ALTSVC);
    nghttp2_option_set_builtin_recv_extension_type(option, NGHTTP2_ORIGIN);
    nghttp2_option_set_peer_max_concurrent_streams(option, options[0]);
    nghttp2_option_set_max_reserved_remote_streams(option, options[1]);
    nghttp2_option_set_max_send_header_block_length(option, options[2]);
    nghttp2_option_set_max_deflate_dynamic_table_size(option, options[3]);
    max_header_pairs_ = options[4];
    int rv =
        server_
            ? nghttp2_session_server_new2(&session_, callbacks, this, option)
            : nghttp2_session_client_new2(&session_, callbacks, this, option);
    nghttp2_option_del(option);
    nghttp2_session_callbacks_del(callbacks);
    if (rv != 0) {
      session_ = nullptr;
      return false;
    }
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(runtime_->isolate(), object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    runtime_->AddCleanupHook(OnCleanup, this);
    return true;
  }

  nghttp2_session* session() const { return session_; }

  // Feeds bytes the socket read; returns how many were taken or nghttp2's
  // (negative) error code.
  ssize_t Receive(const uint8_t* data, size_t length) {
    if (session_ == nullptr) return NGHTTP2_ERR_INVALID_STATE;
    return nghttp2_session_mem_recv(session_, data, length);
  }

  // Up to about `limit` bytes of frames to write (more when one frame is
  // larger), or an error code in `error`.
  std::string Send(size_t limit, ssize_t* error) {
    std::string out;
    *error = 0;
    if (session_ == nullptr) return out;
    while (out.size() < limit) {
      const uint8_t* data;
      ssize_t n = nghttp2_session_mem_send(session_, &data);
      if (n < 0) {
        *error = n;
        break;
      }
      if (n == 0) break;
      out.append(reinterpret_cast<const char*>(data), static_cast<size_t>(n));
    }
    return out;
  }

  // The data provider of every stream whose body JS writes (nghttp2 copies
  // it at submit; the body itself is found by stream id).
  nghttp2_data_provider* Provider() {
    provider_.source.ptr = nullptr;
    provider_.read_callback = OnRead;
    return &provider_;
  }
  // Registers the body of a stream just submitted with Provider().
  void AddOutgoing(int32_t id, bool want_trailers) {
    outgoing_[id].want_trailers = want_trailers;
  }

  // Queues body bytes (and the end) for stream `id`. False when the stream
  // takes no more body (closed, or never given one).
  bool Write(int32_t id, const uint8_t* data, size_t length, bool end) {
    auto it = outgoing_.find(id);
    if (it == outgoing_.end() || it->second.ended) return false;
    Outgoing& out = it->second;
    if (length > 0) {
      out.chunks.emplace_back(reinterpret_cast<const char*>(data), length);
    }
    if (end) out.ended = true;
    if (out.deferred) {
      out.deferred = false;
      nghttp2_session_resume_data(session_, id);
    }
    return true;
  }

  size_t Queued(int32_t id) const {
    auto it = outgoing_.find(id);
    if (it == outgoing_.end()) return 0;
    size_t total = 0;
    for (const std::string& chunk : it->second.chunks) total += chunk.size();
    return total - it->second.front_offset;
  }

  v8::Local<v8::Value> TakeEvents(v8::Isolate* isolate) {
    if (events_.empty()) return v8::Undefined(isolate);
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::Array> list = v8::Array::New(isolate, events_.size());
    for (size_t i = 0; i < events_.size(); i++) {
      v8::Local<v8::Value> item;
      if (!EventValue(isolate, &events_[i]).ToLocal(&item) ||
          list->Set(context, static_cast<uint32_t>(i), item).IsNothing()) {
        events_.clear();
        return v8::Undefined(isolate);
      }
    }
    events_.clear();
    return list;
  }

  void Free() {
    if (session_ != nullptr) nghttp2_session_del(session_);
    session_ = nullptr;
    outgoing_.clear();
    incoming_.clear();
    sensitive_.clear();
    events_.clear();
  }

 private:
  static Session* Self(void* user_data) {
    return static_cast<Session*>(user_data);
  }

  Event& Push(int type, int32_t id) {
    events_.emplace_back();
    Event& event = events_.back();
    event.type = type;
    event.id = id;
    return event;
  }

  static int32_t HeaderStream(const nghttp2_frame* frame) {
    return frame->hd.type == NGHTTP2_PUSH_PROMISE
               ? frame->push_promise.promised_stream_id
               : frame->hd.stream_id;
  }

  static int OnBeginHeaders(nghttp2_session*, const nghttp2_frame* frame,
                            void* user_data) {
    Self(user_data)->incoming_[HeaderStream(frame)].clear();
    Self(user_data)->sensitive_.erase(HeaderStream(frame));
    return 0;
  }

  // The header block's list and its never-indexed names, moved to `event`.
  void TakeHeaders(int32_t id, Event* event) {
    event->strings = std::move(incoming_[id]);
    incoming_.erase(id);
    auto it = sensitive_.find(id);
    if (it != sensitive_.end()) {
      event->sensitive = std::move(it->second);
      sensitive_.erase(it);
    }
  }

  static int OnHeader(nghttp2_session*, const nghttp2_frame* frame,
                      const uint8_t* name, size_t name_length,
                      const uint8_t* value, size_t value_length, uint8_t flags,
                      void* user_data) {
    Session* self = Self(user_data);
    int32_t id = HeaderStream(frame);
    std::vector<std::string>& list = self->incoming_[id];
    // More fields than maxHeaderListPairs: the stream is refused, as Node
    // refuses it (ENHANCE_YOUR_CALM), and the rest of the block is skipped.
    if (list.size() / 2 >= self->max_header_pairs_) {
      nghttp2_submit_rst_stream(self->session_, NGHTTP2_FLAG_NONE, id,
                                NGHTTP2_ENHANCE_YOUR_CALM);
      list.clear();
      return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE;
    }
    list.emplace_back(reinterpret_cast<const char*>(name), name_length);
    list.emplace_back(reinterpret_cast<const char*>(value), value_length);
    // The peer asked that this field never be indexed (a sensitive one).
    if ((flags & NGHTTP2_NV_FLAG_NO_INDEX) != 0) {
      self->sensitive_[id].emplace_back(reinterpret_cast<const char*>(name),
                                        name_length);
    }
    return 0;
  }

  static int OnFrameRecv(nghttp2_session*, const nghttp2_frame* frame,
                         void* user_data) {
    Session* self = Self(user_data);
    int32_t id = frame->hd.stream_id;
    bool end_stream = (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) != 0;
    switch (frame->hd.type) {
      case NGHTTP2_HEADERS: {
        Event& event = self->Push(kEventHeaders, id);
        event.a = frame->headers.cat;
        event.flag = end_stream;
        self->TakeHeaders(id, &event);
        break;
      }
      case NGHTTP2_PUSH_PROMISE: {
        int32_t promised = frame->push_promise.promised_stream_id;
        Event& event = self->Push(kEventPush, id);
        event.a = static_cast<uint32_t>(promised);
        self->TakeHeaders(promised, &event);
        break;
      }
      case NGHTTP2_DATA:
        if (end_stream) self->Push(kEventEnd, id);
        break;
      case NGHTTP2_SETTINGS:
        if ((frame->hd.flags & NGHTTP2_FLAG_ACK) != 0) {
          self->Push(kEventSettingsAck, 0);
        } else {
          Event& event = self->Push(kEventSettings, 0);
          for (size_t i = 0; i < frame->settings.niv; i++) {
            event.strings.push_back(
                std::to_string(frame->settings.iv[i].settings_id));
            event.strings.push_back(
                std::to_string(frame->settings.iv[i].value));
          }
        }
        break;
      case NGHTTP2_PING: {
        Event& event = self->Push(kEventPing, 0);
        event.bytes.assign(
            reinterpret_cast<const char*>(frame->ping.opaque_data), 8);
        event.flag = (frame->hd.flags & NGHTTP2_FLAG_ACK) != 0;
        break;
      }
      case NGHTTP2_GOAWAY: {
        Event& event = self->Push(kEventGoaway, frame->goaway.last_stream_id);
        event.a = frame->goaway.error_code;
        event.bytes.assign(
            reinterpret_cast<const char*>(frame->goaway.opaque_data),
            frame->goaway.opaque_data_len);
        break;
      }
      case NGHTTP2_RST_STREAM: {
        Event& event = self->Push(kEventRstStream, id);
        event.a = frame->rst_stream.error_code;
        break;
      }
      case NGHTTP2_ALTSVC: {
        auto* altsvc =
            static_cast<const nghttp2_ext_altsvc*>(frame->ext.payload);
        Event& event = self->Push(kEventAltsvc, id);
        event.strings.emplace_back(
            reinterpret_cast<const char*>(altsvc->origin), altsvc->origin_len);
        event.strings.emplace_back(
            reinterpret_cast<const char*>(altsvc->field_value),
            altsvc->field_value_len);
        break;
      }
      case NGHTTP2_ORIGIN: {
        auto* origin =
            static_cast<const nghttp2_ext_origin*>(frame->ext.payload);
        Event& event = self->Push(kEventOrigin, 0);
        for (size_t i = 0; i < origin->nov; i++) {
          event.strings.emplace_back(
              reinterpret_cast<const char*>(origin->ov[i].origin),
              origin->ov[i].origin_len);
        }
        break;
      }
      default:
        break;
    }
    return 0;
  }

  static int OnDataChunk(nghttp2_session*, uint8_t, int32_t id,
                         const uint8_t* data, size_t length, void* user_data) {
    Session* self = Self(user_data);
    // Chunks of one read for one stream become one event.
    if (!self->events_.empty() && self->events_.back().type == kEventData &&
        self->events_.back().id == id) {
      self->events_.back().bytes.append(reinterpret_cast<const char*>(data),
                                        length);
      return 0;
    }
    Event& event = self->Push(kEventData, id);
    event.bytes.assign(reinterpret_cast<const char*>(data), length);
    return 0;
  }

  static int OnStreamClose(nghttp2_session*, int32_t id, uint32_t error_code,
                           void* user_data) {
    Session* self = Self(user_data);
    self->outgoing_.erase(id);
    self->incoming_.erase(id);
    self->sensitive_.erase(id);
    Event& event = self->Push(kEventClose, id);
    event.a = error_code;
    return 0;
  }

  static int OnFrameNotSend(nghttp2_session*, const nghttp2_frame* frame,
                            int error_code, void* user_data) {
    Event& event = Self(user_data)->Push(kEventFrameError, frame->hd.stream_id);
    event.a = frame->hd.type;
    event.b = static_cast<uint32_t>(-error_code);
    return 0;
  }

  static ssize_t OnRead(nghttp2_session*, int32_t id, uint8_t* buf,
                        size_t length, uint32_t* data_flags,
                        nghttp2_data_source*, void* user_data) {
    Session* self = Self(user_data);
    auto it = self->outgoing_.find(id);
    if (it == self->outgoing_.end()) {
      *data_flags |= NGHTTP2_DATA_FLAG_EOF;
      return 0;
    }
    Outgoing& out = it->second;
    size_t copied = 0;
    while (copied < length && !out.chunks.empty()) {
      const std::string& chunk = out.chunks.front();
      size_t n = std::min(length - copied, chunk.size() - out.front_offset);
      std::memcpy(buf + copied, chunk.data() + out.front_offset, n);
      copied += n;
      out.front_offset += n;
      if (out.front_offset == chunk.size()) {
        out.chunks.pop_front();
        out.front_offset = 0;
      }
    }
    if (copied > 0) {
      if (!self->events_.empty() &&
          self->events_.back().type == kEventDataSent &&
          self->events_.back().id == id) {
        self->events_.back().a += static_cast<uint32_t>(copied);
      } else {
        self->Push(kEventDataSent, id).a = static_cast<uint32_t>(copied);
      }
    }
    if (out.chunks.empty() && out.ended) {
      *data_flags |= NGHTTP2_DATA_FLAG_EOF;
      if (out.want_trailers) {
        *data_flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
        self->Push(kEventWantTrailers, id);
      }
      return static_cast<ssize_t>(copied);
    }
    if (copied == 0) {
      out.deferred = true;
      return NGHTTP2_ERR_DEFERRED;
    }
    return static_cast<ssize_t>(copied);
  }

  v8::MaybeLocal<v8::Value> EventValue(v8::Isolate* isolate, Event* event) {
    std::vector<v8::Local<v8::Value>> items;
    items.push_back(v8::Integer::New(isolate, event->type));
    items.push_back(v8::Integer::New(isolate, event->id));
    switch (event->type) {
      case kEventHeaders:
        items.push_back(v8::Integer::NewFromUnsigned(isolate, event->a));
        items.push_back(v8::Boolean::New(isolate, event->flag));
        break;
      case kEventPush:
      case kEventClose:
      case kEventDataSent:
      case kEventRstStream:
        items.push_back(v8::Integer::NewFromUnsigned(isolate, event->a));
        break;
      case kEventGoaway:
        items.push_back(v8::Integer::NewFromUnsigned(isolate, event->a));
        break;
      case kEventFrameError:
        items.push_back(v8::Integer::NewFromUnsigned(isolate, event->a));
        items.push_back(v8::Integer::NewFromUnsigned(isolate, event->b));
        break;
      default:
        break;
    }
    if (event->type == kEventData || event->type == kEventPing ||
        event->type == kEventGoaway) {
      items.push_back(Bytes(isolate, event->bytes));
    }
    if (event->type == kEventPing) {
      items.push_back(v8::Boolean::New(isolate, event->flag));
    }
    if (event->type == kEventHeaders || event->type == kEventPush ||
        event->type == kEventSettings || event->type == kEventAltsvc ||
        event->type == kEventOrigin) {
      std::vector<v8::Local<v8::Value>> strings;
      strings.reserve(event->strings.size());
      for (size_t i = 0; i < event->strings.size(); i++) {
        const std::string& s = event->strings[i];
        // Header bytes are latin1 in Node's http2, as in its http. Names
        // repeat from message to message: they are internalized (one copy).
        v8::NewStringType type = i % 2 == 0 ? v8::NewStringType::kInternalized
                                            : v8::NewStringType::kNormal;
        v8::Local<v8::String> value;
        if (!v8::String::NewFromOneByte(
                 isolate, reinterpret_cast<const uint8_t*>(s.data()), type,
                 static_cast<int>(s.size()))
                 .ToLocal(&value)) {
          return {};
        }
        strings.push_back(value);
      }
      items.push_back(v8::Array::New(isolate, strings.data(), strings.size()));
      if (!event->sensitive.empty()) {
        std::vector<v8::Local<v8::Value>> names;
        for (const std::string& name : event->sensitive) {
          names.push_back(OneByteString(isolate, name.c_str()));
        }
        items.push_back(v8::Array::New(isolate, names.data(), names.size()));
      }
    }
    return v8::Array::New(isolate, items.data(), items.size());
  }

  static void OnCollected(const v8::WeakCallbackInfo<Session>& info) {
    Session* self = info.GetParameter();
    self->object_.Reset();
    self->runtime_->RemoveCleanupHook(OnCleanup, self);
    delete self;
  }

  static void OnCleanup(void* arg) {
    auto* self = static_cast<Session*>(arg);
    self->object_.Reset();
    delete self;
  }

  Runtime* runtime_;
  bool server_;
  size_t max_header_pairs_ = 128;
  nghttp2_session* session_ = nullptr;
  v8::Global<v8::Object> object_;
  nghttp2_data_provider provider_{};
  std::unordered_map<int32_t, Outgoing> outgoing_;
  std::unordered_map<int32_t, std::vector<std::string>> incoming_;
  std::unordered_map<int32_t, std::vector<std::string>> sensitive_;
  std::vector<Event> events_;
};

int32_t Int(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  JSPACK_CHECK(args[i]->IsInt32());
  return args[i].As<v8::Int32>()->Value();
}

uint32_t Uint(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  JSPACK_CHECK(args[i]->IsUint32());
  return args[i].As<v8::Uint32>()->Value();
}

const uint8_t* ViewData(v8::Local<v8::Value> value, size_t* length) {
  JSPACK_CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  *length = view->ByteLength();
  if (*length == 0) return nullptr;
  return static_cast<const uint8_t*>(view->Buffer()->Data()) +
         view->ByteOffset();
}

// A header list from JS: [name, value, ...] with names lower-case and
// checked, and a Uint8Array of per-pair flags (1: never index) or undefined.
class HeaderList {
 public:
  HeaderList(v8::Isolate* isolate, v8::Local<v8::Value> list,
             v8::Local<v8::Value> flags) {
    JSPACK_CHECK(list->IsArray());
    v8::Local<v8::Array> array = list.As<v8::Array>();
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    uint32_t count = array->Length() / 2;
    const uint8_t* flag_bytes = nullptr;
    size_t flag_count = 0;
    if (flags->IsUint8Array()) flag_bytes = ViewData(flags, &flag_count);
    strings_.reserve(count * 2);
    for (uint32_t i = 0; i < count * 2; i++) {
      v8::Local<v8::Value> item;
      JSPACK_CHECK(array->Get(context, i).ToLocal(&item));
      strings_.push_back(Latin1(isolate, item));
    }
    nva_.resize(count);
    for (uint32_t i = 0; i < count; i++) {
      std::string& name = strings_[2 * i];
      std::string& value = strings_[2 * i + 1];
      nva_[i].name = reinterpret_cast<uint8_t*>(name.data());
      nva_[i].namelen = name.size();
      nva_[i].value = reinterpret_cast<uint8_t*>(value.data());
      nva_[i].valuelen = value.size();
      nva_[i].flags = NGHTTP2_NV_FLAG_NONE;
      if (flag_bytes != nullptr && i < flag_count && (flag_bytes[i] & 1)) {
        nva_[i].flags = NGHTTP2_NV_FLAG_NO_INDEX;
      }
    }
  }
  const nghttp2_nv* data() const { return nva_.data(); }
  size_t size() const { return nva_.size(); }

 private:
  std::vector<std::string> strings_;
  std::vector<nghttp2_nv> nva_;
};

// Flags of submitRequest/submitResponse.
constexpr uint32_t kSubmitEndStream = 1;
constexpr uint32_t kSubmitWantTrailers = 2;

// create(isServer, options) -> handle or undefined. options is a Uint32Array
// [peerMaxConcurrentStreams, maxReservedRemoteStreams,
// maxSendHeaderBlockLength, maxDeflateDynamicTableSize, maxHeaderListPairs].
void Create(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsBoolean() && args[1]->IsUint32Array());
  Runtime* runtime = Runtime::From(args);
  size_t length;
  const uint8_t* options = ViewData(args[1], &length);
  JSPACK_CHECK(length >= 5 * sizeof(uint32_t));
  uint32_t values[5];
  std::memcpy(values, options, sizeof(values));
  v8::Local<v8::Object> object;
  if (!runtime->NewHandleObject(kTemplateKey, "Http2Session")
           .ToLocal(&object)) {
    return;
  }
  auto* session = new Session(runtime, args[0]->IsTrue());
  if (!session->Init(object, values)) {
    delete session;
    return;
  }
  args.GetReturnValue().Set(object);
}

// receive(handle, view) -> bytes taken, or nghttp2's negative error code.
void Receive(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Session::From(args[0]);
  size_t length;
  const uint8_t* data = ViewData(args[1], &length);
  ssize_t n = session->Receive(data, length);
  args.GetReturnValue().Set(static_cast<double>(n));
}

// send(handle, limit) -> Uint8Array of frames to write, undefined when
// there is nothing, or a negative error code.
void Send(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Session::From(args[0]);
  ssize_t error;
  std::string out = session->Send(Uint(args, 1), &error);
  v8::Isolate* isolate = args.GetIsolate();
  if (out.empty()) {
    if (error != 0) args.GetReturnValue().Set(static_cast<double>(error));
    return;
  }
  args.GetReturnValue().Set(Bytes(isolate, out));
}

// events(handle) -> the events queued since the last call, or undefined.
void Events(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      Session::From(args[0])->TakeEvents(args.GetIsolate()));
}

// The session of a submit call, or nullptr (and NGHTTP2_ERR_INVALID_STATE
// as the call's result) once destroy() freed it: JS checks first, and this
// keeps a missed check from reaching nghttp2 with no session.
Session* Live(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Session::From(args[0]);
  if (session->session() != nullptr) return session;
  args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_STATE);
  return nullptr;
}

// settings(handle, Uint32Array [id, value, ...]) -> 0 or an error code.
void Settings(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  JSPACK_CHECK(args[1]->IsUint32Array());
  v8::Local<v8::Uint32Array> list = args[1].As<v8::Uint32Array>();
  std::vector<uint32_t> values(list->Length());
  if (!values.empty()) {
    list->CopyContents(values.data(), values.size() * sizeof(uint32_t));
  }
  std::vector<nghttp2_settings_entry> entries;
  for (size_t i = 0; i + 1 < values.size(); i += 2) {
    entries.push_back({static_cast<int32_t>(values[i]), values[i + 1]});
  }
  args.GetReturnValue().Set(nghttp2_submit_settings(
      session->session(), NGHTTP2_FLAG_NONE, entries.data(), entries.size()));
}

// submitRequest(handle, headers, flags, sensitive) -> the new stream's id,
// or a negative error code.
void SubmitRequest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  HeaderList headers(args.GetIsolate(), args[1], args[3]);
  uint32_t flags = Uint(args, 2);
  bool has_body = (flags & kSubmitEndStream) == 0;
  int32_t id = nghttp2_submit_request(
      session->session(), nullptr, headers.data(), headers.size(),
      has_body ? session->Provider() : nullptr, nullptr);
  if (id > 0 && has_body) {
    session->AddOutgoing(id, (flags & kSubmitWantTrailers) != 0);
  }
  args.GetReturnValue().Set(id);
}

// submitResponse(handle, id, headers, flags, sensitive) -> 0 or an error
// code.
void SubmitResponse(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  int32_t id = Int(args, 1);
  HeaderList headers(args.GetIsolate(), args[2], args[4]);
  uint32_t flags = Uint(args, 3);
  bool has_body = (flags & kSubmitEndStream) == 0;
  int rv = nghttp2_submit_response(session->session(), id, headers.data(),
                                   headers.size(),
                                   has_body ? session->Provider() : nullptr);
  if (rv == 0 && has_body) {
    session->AddOutgoing(id, (flags & kSubmitWantTrailers) != 0);
  }
  args.GetReturnValue().Set(rv);
}

// submitHeaders(handle, id, headers, sensitive): an informational (1xx)
// block, not ending the stream -> 0 or an error code.
void SubmitHeaders(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  HeaderList headers(args.GetIsolate(), args[2], args[3]);
  args.GetReturnValue().Set(nghttp2_submit_headers(
      session->session(), NGHTTP2_FLAG_NONE, Int(args, 1), nullptr,
      headers.data(), headers.size(), nullptr));
}

// submitTrailers(handle, id, headers, sensitive) -> 0 or an error code.
void SubmitTrailers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  HeaderList headers(args.GetIsolate(), args[2], args[3]);
  args.GetReturnValue().Set(nghttp2_submit_trailer(
      session->session(), Int(args, 1), headers.data(), headers.size()));
}

// submitPush(handle, parentId, headers, sensitive) -> the promised stream's
// id, or a negative error code.
void SubmitPush(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  HeaderList headers(args.GetIsolate(), args[2], args[3]);
  args.GetReturnValue().Set(nghttp2_submit_push_promise(
      session->session(), NGHTTP2_FLAG_NONE, Int(args, 1), headers.data(),
      headers.size(), nullptr));
}

// write(handle, id, view, end) -> false when the stream takes no body.
void Write(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Session::From(args[0]);
  size_t length = 0;
  const uint8_t* data = nullptr;
  if (!args[2]->IsUndefined()) data = ViewData(args[2], &length);
  args.GetReturnValue().Set(
      session->Write(Int(args, 1), data, length, args[3]->IsTrue()));
}

// queued(handle, id) -> body bytes written but not yet sent.
void Queued(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      static_cast<double>(Session::From(args[0])->Queued(Int(args, 1))));
}

// rstStream(handle, id, code) -> 0 or an error code.
void RstStream(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  args.GetReturnValue().Set(nghttp2_submit_rst_stream(
      session->session(), NGHTTP2_FLAG_NONE, Int(args, 1), Uint(args, 2)));
}

// goaway(handle, code, lastStreamId, opaque?) -> 0 or an error code;
// lastStreamId -1 is the last stream the session took.
void Goaway(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  int32_t last = Int(args, 2);
  if (last < 0) {
    last = nghttp2_session_get_last_proc_stream_id(session->session());
  }
  size_t length = 0;
  const uint8_t* opaque = nullptr;
  if (args[3]->IsArrayBufferView()) opaque = ViewData(args[3], &length);
  args.GetReturnValue().Set(
      nghttp2_submit_goaway(session->session(), NGHTTP2_FLAG_NONE, last,
                            Uint(args, 1), opaque, length));
}

// altsvc(handle, id, origin, value): an ALTSVC frame (origin empty when id
// is a stream's) -> 0 or an error code.
void Altsvc(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  std::string origin = Latin1(isolate, args[2]);
  std::string value = Latin1(isolate, args[3]);
  args.GetReturnValue().Set(nghttp2_submit_altsvc(
      session->session(), NGHTTP2_FLAG_NONE, Int(args, 1),
      reinterpret_cast<const uint8_t*>(origin.data()), origin.size(),
      reinterpret_cast<const uint8_t*>(value.data()), value.size()));
}

// origin(handle, [origin, ...]): an ORIGIN frame -> 0 or an error code.
void Origin(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[1]->IsArray());
  v8::Local<v8::Array> list = args[1].As<v8::Array>();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<std::string> origins;
  for (uint32_t i = 0; i < list->Length(); i++) {
    v8::Local<v8::Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return;
    origins.push_back(Latin1(isolate, item));
  }
  std::vector<nghttp2_origin_entry> entries;
  for (std::string& origin : origins) {
    entries.push_back(
        {reinterpret_cast<uint8_t*>(origin.data()), origin.size()});
  }
  args.GetReturnValue().Set(nghttp2_submit_origin(
      session->session(), NGHTTP2_FLAG_NONE, entries.data(), entries.size()));
}

// ping(handle, view of 8 bytes) -> 0 or an error code.
void Ping(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  size_t length;
  const uint8_t* data = ViewData(args[1], &length);
  JSPACK_CHECK(length == 8);
  args.GetReturnValue().Set(
      nghttp2_submit_ping(session->session(), NGHTTP2_FLAG_NONE, data));
}

// consume(handle, id, bytes): the app took `bytes` of the stream's body
// (id 0: bytes of a stream JS no longer has), so the window may reopen.
void Consume(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Session::From(args[0]);
  int32_t id = Int(args, 1);
  size_t bytes = Uint(args, 2);
  if (session->session() == nullptr) return;
  if (id == 0) {
    nghttp2_session_consume_connection(session->session(), bytes);
  } else if (nghttp2_session_consume(session->session(), id, bytes) != 0) {
    nghttp2_session_consume_connection(session->session(), bytes);
  }
}

// setLocalWindowSize(handle, size) -> 0 or an error code.
void SetLocalWindowSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Live(args);
  if (session == nullptr) return;
  args.GetReturnValue().Set(nghttp2_session_set_local_window_size(
      session->session(), NGHTTP2_FLAG_NONE, 0, Int(args, 1)));
}

// state(handle, id, Float64Array out): id 0 fills the session's numbers
// [effectiveLocalWindowSize, effectiveRecvDataLength, nextStreamID,
// localWindowSize, lastProcStreamID, remoteWindowSize, outboundQueueSize,
// deflateDynamicTableSize, inflateDynamicTableSize]; a stream id fills
// [state, localWindowSize, remoteWindowSize, weight, sumDependencyWeight].
void State(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session* session = Session::From(args[0]);
  nghttp2_session* s = session->session();
  int32_t id = Int(args, 1);
  JSPACK_CHECK(args[2]->IsFloat64Array());
  v8::Local<v8::Float64Array> view = args[2].As<v8::Float64Array>();
  JSPACK_CHECK(view->Length() >= 9);
  double* out = reinterpret_cast<double*>(
      static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset());
  std::fill(out, out + 9, 0.0);
  if (s == nullptr) return;
  if (id == 0) {
    out[0] = nghttp2_session_get_effective_local_window_size(s);
    out[1] = nghttp2_session_get_effective_recv_data_length(s);
    out[2] = nghttp2_session_get_next_stream_id(s);
    out[3] = nghttp2_session_get_local_window_size(s);
    out[4] = nghttp2_session_get_last_proc_stream_id(s);
    out[5] = nghttp2_session_get_remote_window_size(s);
    out[6] = static_cast<double>(nghttp2_session_get_outbound_queue_size(s));
    out[7] = static_cast<double>(
        nghttp2_session_get_hd_deflate_dynamic_table_size(s));
    out[8] = static_cast<double>(
        nghttp2_session_get_hd_inflate_dynamic_table_size(s));
    return;
  }
  nghttp2_stream* stream = nghttp2_session_find_stream(s, id);
  if (stream == nullptr) return;
  out[0] = nghttp2_stream_get_state(stream);
  out[1] = nghttp2_session_get_stream_local_window_size(s, id);
  out[2] = nghttp2_session_get_stream_remote_window_size(s, id);
  out[3] = nghttp2_stream_get_weight(stream);
  out[4] = nghttp2_stream_get_sum_dependency_weight(stream);
}

// wants(handle) -> bit 1: nghttp2 wants to read, bit 2: to write. 0 means
// the session is over (both sides sent GOAWAY and every stream closed).
void Wants(const v8::FunctionCallbackInfo<v8::Value>& args) {
  nghttp2_session* s = Session::From(args[0])->session();
  if (s == nullptr) {
    args.GetReturnValue().Set(0);
    return;
  }
  args.GetReturnValue().Set((nghttp2_session_want_read(s) ? 1 : 0) |
                            (nghttp2_session_want_write(s) ? 2 : 0));
}

// shutdownNotice(handle): a server's first GOAWAY (last stream 2^31-1).
void ShutdownNotice(const v8::FunctionCallbackInfo<v8::Value>& args) {
  nghttp2_session* s = Session::From(args[0])->session();
  if (s != nullptr) nghttp2_submit_shutdown_notice(s);
}

// destroy(handle): frees the nghttp2 session; later calls see none.
void Destroy(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Session::From(args[0])->Free();
}

// strerror(code) -> nghttp2's text for a library error code.
void StrError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      OneByteString(args.GetIsolate(), nghttp2_strerror(Int(args, 0))));
}

// version() -> libnghttp2's version string.
void Version(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      OneByteString(args.GetIsolate(), nghttp2_version(0)->version_str));
}

constexpr runtime::Method kMethods[] = {
    {"create", Create},
    {"receive", Receive},
    {"send", Send},
    {"events", Events},
    {"settings", Settings},
    {"submitRequest", SubmitRequest},
    {"submitResponse", SubmitResponse},
    {"submitHeaders", SubmitHeaders},
    {"submitTrailers", SubmitTrailers},
    {"submitPush", SubmitPush},
    {"write", Write},
    {"queued", Queued},
    {"rstStream", RstStream},
    {"goaway", Goaway},
    {"ping", Ping},
    {"altsvc", Altsvc},
    {"origin", Origin},
    {"consume", Consume},
    {"setLocalWindowSize", SetLocalWindowSize},
    {"state", State},
    {"wants", Wants},
    {"shutdownNotice", ShutdownNotice},
    {"destroy", Destroy},
    {"strerror", StrError},
    {"version", Version},
};

constexpr runtime::Constant kConstants[] = {
    {"EVENT_HEADERS", kEventHeaders},
    {"EVENT_DATA", kEventData},
    {"EVENT_END", kEventEnd},
    {"EVENT_CLOSE", kEventClose},
    {"EVENT_SETTINGS", kEventSettings},
    {"EVENT_SETTINGS_ACK", kEventSettingsAck},
    {"EVENT_PING", kEventPing},
    {"EVENT_GOAWAY", kEventGoaway},
    {"EVENT_PUSH", kEventPush},
    {"EVENT_DATA_SENT", kEventDataSent},
    {"EVENT_WANT_TRAILERS", kEventWantTrailers},
    {"EVENT_FRAME_ERROR", kEventFrameError},
    {"EVENT_RST_STREAM", kEventRstStream},
    {"EVENT_ALTSVC", kEventAltsvc},
    {"EVENT_ORIGIN", kEventOrigin},
    {"HCAT_HEADERS", NGHTTP2_HCAT_HEADERS},
    {"SUBMIT_END_STREAM", kSubmitEndStream},
    {"SUBMIT_WANT_TRAILERS", kSubmitWantTrailers},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(http2, kMethods, kConstants)

}  // namespace jspack::bindings::http2
