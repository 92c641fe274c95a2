// zlib: deflate/inflate (zlib) and brotli streams behind node:zlib.
//
// A ZlibStream owns one z_stream or one brotli encoder/decoder state and is
// the JS handle object made by create(). Each write(...) moves bytes from a
// JS input view into a JS output view, on libuv's thread pool (write) or at
// once (writeSync); the counts left over (avail_out, avail_in) land in a
// Uint32Array JS gave at create(), so no byte is copied through JS. Errors
// come back as [errno, message, code] for node:zlib to turn into Node's
// error objects. The compression state is freed by close(), or when the
// handle object is collected; no stream exists before the app runs, so none
// is ever in a snapshot.
#include <brotli/decode.h>
#include <brotli/encode.h>
#include <uv.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::zlib {
namespace {

using runtime::OneByteString;
using runtime::Runtime;

constexpr const char* kTemplateKey = "zlib.template";
constexpr const char* kOnDoneKey = "zlib.ondone";

// Node's mode numbers (zlib.constants.DEFLATE ...).
enum Mode {
  kNone = 0,
  kDeflate = 1,
  kInflate = 2,
  kGzip = 3,
  kGunzip = 4,
  kDeflateRaw = 5,
  kInflateRaw = 6,
  kUnzip = 7,
  kBrotliDecode = 8,
  kBrotliEncode = 9,
};

// An error found by a write, reported to JS as [errno, message, code].
struct StreamError {
  int errno_value = 0;
  std::string message;
  std::string code;
  bool set() const { return !code.empty(); }
};

const char* ZlibCodeName(int ret) {
  switch (ret) {
    case Z_OK:
      return "Z_OK";
    case Z_STREAM_END:
      return "Z_STREAM_END";
    case Z_NEED_DICT:
      return "Z_NEED_DICT";
    case Z_ERRNO:
      return "Z_ERRNO";
    case Z_STREAM_ERROR:
      return "Z_STREAM_ERROR";
    case Z_DATA_ERROR:
      return "Z_DATA_ERROR";
    case Z_MEM_ERROR:
      return "Z_MEM_ERROR";
    case Z_BUF_ERROR:
      return "Z_BUF_ERROR";
    case Z_VERSION_ERROR:
      return "Z_VERSION_ERROR";
  }
  return "Z_UNKNOWN";
}

class ZlibStream {
 public:
  ZlibStream(Runtime* runtime, int mode) : runtime_(runtime), mode_(mode) {
    std::memset(&strm_, 0, sizeof(strm_));
  }
  ~ZlibStream() { Free(); }

  // JS only ever passes the handle create() returned.
  static ZlibStream* From(v8::Local<v8::Value> value) {
    return runtime::HandlePointer<ZlibStream>(value);
  }

  void Attach(v8::Local<v8::Object> object, v8::Local<v8::Uint32Array> state) {
    v8::Isolate* isolate = runtime_->isolate();
    object->SetAlignedPointerInInternalField(0, this);
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    JSPACK_CHECK(state->Length() >= 3);
    state_store_ = state->Buffer()->GetBackingStore();
    state_ = reinterpret_cast<uint32_t*>(
        static_cast<char*>(state_store_->Data()) + state->ByteOffset());
    runtime_->AddCleanupHook(OnCleanup, this);
  }

  int InitZlib(int window_bits, int level, int mem_level, int strategy,
               std::vector<uint8_t> dictionary) {
    window_bits_ = window_bits;
    level_ = level;
    mem_level_ = mem_level;
    strategy_ = strategy;
    dictionary_ = std::move(dictionary);
    int bits = window_bits;
    switch (mode_) {
      case kGzip:
      case kGunzip:
        bits += 16;
        break;
      case kUnzip:
        bits += 32;
        break;
      case kDeflateRaw:
      case kInflateRaw:
        bits = -bits;
        break;
    }
    int ret;
    if (IsDeflate()) {
      ret = deflateInit2(&strm_, level, Z_DEFLATED, bits, mem_level, strategy);
    } else {
      ret = inflateInit2(&strm_, bits);
    }
    if (ret != Z_OK) return ret;
    zlib_ready_ = true;
    AccountMemory(IsDeflate()
                      ? (size_t{1} << (window_bits + 2)) +
                            (size_t{1} << (mem_level + 9))
                      : (size_t{1} << (window_bits ? window_bits : 15)) + 7168);
    return SetDictionaryAtStart();
  }

  bool InitBrotli(const std::vector<uint32_t>& params) {
    params_ = params;
    return StartBrotli();
  }

  // One step: consumes from `in`, fills `out`; the counts left go to the
  // state array once the step is over (in AfterWrite / WriteSync).
  void Prepare(int flush, const uint8_t* in, size_t in_len, uint8_t* out,
               size_t out_len) {
    flush_ = flush;
    next_in_ = in;
    avail_in_ = in_len;
    next_out_ = out;
    avail_out_ = out_len;
    error_ = StreamError();
  }

  // Runs the step prepared; safe off the JS thread (touches no V8 state).
  void Work() {
    if (mode_ == kBrotliEncode || mode_ == kBrotliDecode) {
      WorkBrotli();
    } else {
      WorkZlib();
    }
  }

  void StoreCounts() {
    state_[0] = static_cast<uint32_t>(avail_out_);
    state_[1] = static_cast<uint32_t>(avail_in_);
    state_[2] = ended_ ? 1 : 0;
  }

  v8::Local<v8::Value> ErrorValue(v8::Isolate* isolate) {
    if (!error_.set()) return v8::Undefined(isolate);
    v8::Local<v8::Context> context = isolate->GetCurrentContext();
    v8::Local<v8::Array> result = v8::Array::New(isolate, 3);
    v8::Local<v8::String> message;
    if (!runtime::Utf8String(isolate, error_.message).ToLocal(&message)) {
      return v8::Undefined(isolate);
    }
    if (result->Set(context, 0, v8::Integer::New(isolate, error_.errno_value))
            .IsNothing() ||
        result->Set(context, 1, message).IsNothing() ||
        result->Set(context, 2, OneByteString(isolate, error_.code.c_str()))
            .IsNothing()) {
      return v8::Undefined(isolate);
    }
    return result;
  }

  // Starts the prepared step on the thread pool; `stores` keep the views'
  // memory alive until it is over.
  void QueueWrite(std::vector<std::shared_ptr<v8::BackingStore>> stores) {
    stores_ = std::move(stores);
    busy_ = true;
    // The handle must live (and keep its buffers) until the step reports.
    object_.ClearWeak();
    work_.data = this;
    uv_queue_work(runtime_->loop(), &work_, OnWork, OnAfterWork);
  }

  int Params(int level, int strategy) {
    if (!IsDeflate() || !zlib_ready_) return Z_OK;
    level_ = level;
    strategy_ = strategy;
    int ret = deflateParams(&strm_, level, strategy);
    // Z_BUF_ERROR only says the pending output was not flushed (JS flushes
    // before params()); the new settings are in place all the same.
    return ret == Z_BUF_ERROR ? Z_OK : ret;
  }

  // Back to the state right after init, options kept.
  int Reset() {
    member_ended_ = false;
    ended_ = false;
    error_ = StreamError();
    if (mode_ == kBrotliEncode || mode_ == kBrotliDecode) {
      FreeBrotli();
      return StartBrotli() ? Z_OK : Z_STREAM_ERROR;
    }
    if (!zlib_ready_) return Z_OK;
    int ret = IsDeflate() ? deflateReset(&strm_) : inflateReset(&strm_);
    if (ret != Z_OK) return ret;
    return SetDictionaryAtStart();
  }

  // close(): the state goes now, or when a step running on the pool ends.
  void Close() {
    closed_ = true;
    if (!busy_) Free();
  }

  bool busy() const { return busy_; }

 private:
  bool IsDeflate() const {
    return mode_ == kDeflate || mode_ == kGzip || mode_ == kDeflateRaw;
  }

  int SetDictionaryAtStart() {
    if (dictionary_.empty()) return Z_OK;
    if (mode_ == kDeflate || mode_ == kDeflateRaw) {
      return deflateSetDictionary(&strm_, dictionary_.data(),
                                  static_cast<uInt>(dictionary_.size()));
    }
    // Raw inflate has no header asking for it: it is set up front.
    if (mode_ == kInflateRaw) {
      return inflateSetDictionary(&strm_, dictionary_.data(),
                                  static_cast<uInt>(dictionary_.size()));
    }
    return Z_OK;
  }

  bool StartBrotli() {
    if (mode_ == kBrotliEncode) {
      encoder_ = BrotliEncoderCreateInstance(nullptr, nullptr, nullptr);
      if (encoder_ == nullptr) return false;
      for (size_t i = 0; i + 1 < params_.size(); i += 2) {
        if (!BrotliEncoderSetParameter(
                encoder_, static_cast<BrotliEncoderParameter>(params_[i]),
                params_[i + 1])) {
          return false;
        }
      }
      AccountMemory(1 << 20);
    } else {
      decoder_ = BrotliDecoderCreateInstance(nullptr, nullptr, nullptr);
      if (decoder_ == nullptr) return false;
      for (size_t i = 0; i + 1 < params_.size(); i += 2) {
        if (!BrotliDecoderSetParameter(
                decoder_, static_cast<BrotliDecoderParameter>(params_[i]),
                params_[i + 1])) {
          return false;
        }
      }
      AccountMemory(1 << 16);
    }
    return true;
  }

  void WorkZlib() {
    if (!zlib_ready_) return;
    // z_stream counts are 32-bit: a larger view is taken in two steps (the
    // rest is reported as not consumed / not filled).
    size_t in_take = std::min<size_t>(avail_in_, UINT32_MAX);
    size_t out_take = std::min<size_t>(avail_out_, UINT32_MAX);
    strm_.next_in = const_cast<Bytef*>(next_in_);
    strm_.avail_in = static_cast<uInt>(in_take);
    strm_.next_out = next_out_;
    strm_.avail_out = static_cast<uInt>(out_take);
    int ret;
    if (IsDeflate()) {
      ret = deflate(&strm_, flush_);
    } else {
      ret = InflateStep();
    }
    avail_in_ = avail_in_ - in_take + strm_.avail_in;
    avail_out_ = avail_out_ - out_take + strm_.avail_out;
    next_in_ = strm_.next_in;
    next_out_ = strm_.next_out;
    CheckZlib(ret);
  }

  int InflateStep() {
    // After a gzip member, what follows is another member (gunzip reads
    // them all, as Node does) unless it is zero padding. Padding, or
    // anything after a zlib or raw stream, ends the output: those bytes are
    // left unread.
    if (ended_) return Z_STREAM_END;
    if (member_ended_) {
      if (strm_.avail_in == 0) return Z_STREAM_END;
      if (!((mode_ == kGunzip || mode_ == kUnzip) && strm_.next_in[0] != 0)) {
        ended_ = true;
        return Z_STREAM_END;
      }
      member_ended_ = false;
      inflateReset(&strm_);
    }
    int ret = inflate(&strm_, flush_);
    for (;;) {
      if (ret == Z_NEED_DICT) {
        if (dictionary_.empty()) return ret;
        ret = inflateSetDictionary(&strm_, dictionary_.data(),
                                   static_cast<uInt>(dictionary_.size()));
        if (ret != Z_OK) return Z_NEED_DICT + 100;  // "Bad dictionary"
        ret = inflate(&strm_, flush_);
        continue;
      }
      if (ret == Z_STREAM_END) {
        member_ended_ = true;
        bool gzip = mode_ == kGunzip || mode_ == kUnzip;
        if (strm_.avail_in > 0 && gzip && strm_.next_in[0] != 0) {
          // Another member: go on now if there is room, else next step.
          if (strm_.avail_out == 0) return ret;
          member_ended_ = false;
          inflateReset(&strm_);
          ret = inflate(&strm_, flush_);
          continue;
        }
        if (!gzip || strm_.avail_in > 0) ended_ = true;
      }
      return ret;
    }
  }

  void CheckZlib(int ret) {
    switch (ret) {
      case Z_OK:
      case Z_STREAM_END:
        return;
      case Z_BUF_ERROR:
        // No progress was possible: fine while more input may come; at the
        // end with room left over, the input stopped inside the stream.
        if (strm_.avail_out != 0 && flush_ == Z_FINISH) {
          SetError(Z_BUF_ERROR, "unexpected end of file");
        }
        return;
      case Z_NEED_DICT:
        SetError(Z_NEED_DICT, "Missing dictionary");
        return;
      case Z_NEED_DICT + 100:
        SetError(Z_NEED_DICT, "Bad dictionary");
        return;
      default:
        SetError(ret, strm_.msg != nullptr ? strm_.msg : "Zlib error");
    }
  }

  void SetError(int ret, const char* message) {
    error_.errno_value = ret;
    error_.message = message;
    error_.code = ZlibCodeName(ret);
  }

  void WorkBrotli() {
    if (mode_ == kBrotliEncode) {
      if (encoder_ == nullptr) return;
      // brotli spins forever on an operation it does not know (flush(5)).
      bool ok = flush_ >= BROTLI_OPERATION_PROCESS &&
                flush_ <= BROTLI_OPERATION_EMIT_METADATA &&
                BrotliEncoderCompressStream(
                    encoder_, static_cast<BrotliEncoderOperation>(flush_),
                    &avail_in_, &next_in_, &avail_out_, &next_out_, nullptr);
      if (!ok) {
        error_.errno_value = -1;
        error_.message = "Compression failed";
        error_.code = "ERR_BROTLI_COMPRESSION_FAILED";
      }
      return;
    }
    if (decoder_ == nullptr || ended_) return;
    BrotliDecoderResult result = BrotliDecoderDecompressStream(
        decoder_, &avail_in_, &next_in_, &avail_out_, &next_out_, nullptr);
    if (result == BROTLI_DECODER_RESULT_SUCCESS) {
      ended_ = true;
    } else if (result == BROTLI_DECODER_RESULT_ERROR) {
      BrotliDecoderErrorCode code = BrotliDecoderGetErrorCode(decoder_);
      error_.errno_value = static_cast<int>(code);
      error_.message = "Decompression failed";
      error_.code = std::string("ERR_") + BrotliDecoderErrorString(code);
    } else if (result == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT &&
               flush_ == BROTLI_OPERATION_FINISH) {
      SetError(Z_BUF_ERROR, "unexpected end of file");
    }
  }

  static void OnWork(uv_work_t* req) {
    static_cast<ZlibStream*>(req->data)->Work();
  }

  static void OnAfterWork(uv_work_t* req, int status) {
    auto* self = static_cast<ZlibStream*>(req->data);
    self->busy_ = false;
    self->stores_.clear();
    if (self->runtime_gone_) {
      delete self;
      return;
    }
    Runtime* runtime = self->runtime_;
    v8::Isolate* isolate = runtime->isolate();
    v8::HandleScope scope(isolate);
    v8::Context::Scope context_scope(runtime->context());
    self->object_.SetWeak(self, OnCollected, v8::WeakCallbackType::kParameter);
    if (self->closed_) {
      self->Free();
      return;
    }
    self->StoreCounts();
    v8::Local<v8::Value> on_done = runtime->binding_data(kOnDoneKey);
    if (on_done.IsEmpty() || !on_done->IsFunction()) return;
    v8::Local<v8::Value> argv[] = {self->object_.Get(isolate),
                                   self->ErrorValue(isolate)};
    runtime->MakeCallback(on_done.As<v8::Function>(), 2, argv);
  }

  static void OnCollected(const v8::WeakCallbackInfo<ZlibStream>& info) {
    ZlibStream* self = info.GetParameter();
    self->object_.Reset();
    self->runtime_->RemoveCleanupHook(OnCleanup, self);
    delete self;
  }

  // A worker's runtime going away: free what can be; a step still on the
  // pool frees the stream when it reports.
  static void OnCleanup(void* arg) {
    auto* self = static_cast<ZlibStream*>(arg);
    self->object_.Reset();
    if (self->busy_) {
      self->runtime_gone_ = true;
    } else {
      delete self;
    }
  }

  void AccountMemory(size_t bytes) {
    accounted_ += bytes;
    runtime_->isolate()->AdjustAmountOfExternalAllocatedMemory(
        static_cast<int64_t>(bytes));
  }

  void FreeBrotli() {
    if (encoder_ != nullptr) BrotliEncoderDestroyInstance(encoder_);
    if (decoder_ != nullptr) BrotliDecoderDestroyInstance(decoder_);
    encoder_ = nullptr;
    decoder_ = nullptr;
  }

  void Free() {
    if (zlib_ready_) {
      if (IsDeflate()) {
        deflateEnd(&strm_);
      } else {
        inflateEnd(&strm_);
      }
      zlib_ready_ = false;
    }
    FreeBrotli();
    if (accounted_ != 0 && !runtime_gone_) {
      runtime_->isolate()->AdjustAmountOfExternalAllocatedMemory(
          -static_cast<int64_t>(accounted_));
    }
    accounted_ = 0;
  }

  Runtime* runtime_;
  int mode_;
  v8::Global<v8::Object> object_;
  std::shared_ptr<v8::BackingStore> state_store_;
  uint32_t* state_ = nullptr;

  z_stream strm_;
  bool zlib_ready_ = false;
  int window_bits_ = 15;
  int level_ = Z_DEFAULT_COMPRESSION;
  int mem_level_ = 8;
  int strategy_ = Z_DEFAULT_STRATEGY;
  std::vector<uint8_t> dictionary_;
  bool member_ended_ = false;
  // The compressed stream is complete: later input is not read.
  bool ended_ = false;

  BrotliEncoderState* encoder_ = nullptr;
  BrotliDecoderState* decoder_ = nullptr;
  std::vector<uint32_t> params_;

  // The step in progress.
  int flush_ = 0;
  const uint8_t* next_in_ = nullptr;
  size_t avail_in_ = 0;
  uint8_t* next_out_ = nullptr;
  size_t avail_out_ = 0;
  StreamError error_;
  uv_work_t work_;
  std::vector<std::shared_ptr<v8::BackingStore>> stores_;
  bool busy_ = false;
  bool closed_ = false;
  bool runtime_gone_ = false;
  size_t accounted_ = 0;
};

// A view's bytes from `offset`, `length` long; its backing store goes into
// `stores` when the caller must keep the memory alive.
uint8_t* ViewBytes(v8::Local<v8::Value> value, double offset, double length,
                   std::vector<std::shared_ptr<v8::BackingStore>>* stores) {
  JSPACK_CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  JSPACK_CHECK(offset >= 0 && length >= 0 &&
               offset + length <= view->ByteLength());
  // Buffer() moves a small on-heap typed array's bytes off the heap, where
  // the collector cannot move them under the thread pool.
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  uint8_t* data = static_cast<uint8_t*>(store->Data()) + view->ByteOffset() +
                  static_cast<size_t>(offset);
  if (stores != nullptr) stores->push_back(std::move(store));
  return data;
}

double Num(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  JSPACK_CHECK(args[i]->IsNumber());
  return args[i].As<v8::Number>()->Value();
}

int Int(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  JSPACK_CHECK(args[i]->IsInt32());
  return args[i].As<v8::Int32>()->Value();
}

// create(mode, state, onDone) -> handle. state is a Uint32Array the counts
// left after each step go to ([availOut, availIn, ended]); ended is 1 once a
// decompressed stream is complete. onDone(handle, error) runs after each
// write(), error undefined or [errno, message, code]; it is one function for
// all streams (kept per runtime, the first one given), so a handle holds
// nothing that keeps its JS owner alive, and nothing is set up at load time
// (node:zlib may be in an app snapshot).
void Create(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[1]->IsUint32Array() && args[2]->IsFunction());
  int mode = Int(args, 0);
  JSPACK_CHECK(mode >= kDeflate && mode <= kBrotliEncode);
  Runtime* runtime = Runtime::From(args);
  if (runtime->binding_data(kOnDoneKey).IsEmpty()) {
    runtime->set_binding_data(kOnDoneKey, args[2]);
  }
  v8::Local<v8::Object> object;
  if (!runtime->NewHandleObject(kTemplateKey, "Zlib").ToLocal(&object)) return;
  auto* stream = new ZlibStream(runtime, mode);
  stream->Attach(object, args[1].As<v8::Uint32Array>());
  args.GetReturnValue().Set(object);
}

// initZlib(handle, windowBits, level, memLevel, strategy, dictionary?)
// -> zlib's return code (0 when ready).
void InitZlib(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ZlibStream* stream = ZlibStream::From(args[0]);
  std::vector<uint8_t> dictionary;
  if (args[5]->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = args[5].As<v8::ArrayBufferView>();
    dictionary.resize(view->ByteLength());
    if (!dictionary.empty()) {
      view->CopyContents(dictionary.data(), dictionary.size());
    }
  }
  args.GetReturnValue().Set(stream->InitZlib(Int(args, 1), Int(args, 2),
                                             Int(args, 3), Int(args, 4),
                                             std::move(dictionary)));
}

// initBrotli(handle, params) -> true when ready. params is a Uint32Array of
// [key, value] pairs.
void InitBrotli(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ZlibStream* stream = ZlibStream::From(args[0]);
  JSPACK_CHECK(args[1]->IsUint32Array());
  v8::Local<v8::Uint32Array> list = args[1].As<v8::Uint32Array>();
  std::vector<uint32_t> params(list->Length());
  if (!params.empty()) {
    list->CopyContents(params.data(), params.size() * sizeof(uint32_t));
  }
  args.GetReturnValue().Set(stream->InitBrotli(params));
}

// Reads write's arguments: (handle, flush, in, inOff, inLen, out, outOff,
// outLen); `in` may be null (no input).
ZlibStream* PrepareWrite(
    const v8::FunctionCallbackInfo<v8::Value>& args,
    std::vector<std::shared_ptr<v8::BackingStore>>* stores) {
  ZlibStream* stream = ZlibStream::From(args[0]);
  JSPACK_CHECK(!stream->busy());
  int flush = Int(args, 1);
  const uint8_t* in = nullptr;
  size_t in_len = 0;
  if (args[2]->IsArrayBufferView()) {
    in_len = static_cast<size_t>(Num(args, 4));
    in = ViewBytes(args[2], Num(args, 3), Num(args, 4), stores);
  }
  size_t out_len = static_cast<size_t>(Num(args, 7));
  uint8_t* out = ViewBytes(args[5], Num(args, 6), Num(args, 7), stores);
  stream->Prepare(flush, in, in_len, out, out_len);
  return stream;
}

// write(handle, flush, in, inOff, inLen, out, outOff, outLen): one step on
// the thread pool; onDone reports it.
void Write(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  ZlibStream* stream = PrepareWrite(args, &stores);
  stream->QueueWrite(std::move(stores));
}

// writeSync(handle, flush, in, inOff, inLen, out, outOff, outLen) ->
// undefined or [errno, message, code]; the counts are in the state array.
void WriteSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ZlibStream* stream = PrepareWrite(args, nullptr);
  stream->Work();
  stream->StoreCounts();
  args.GetReturnValue().Set(stream->ErrorValue(args.GetIsolate()));
}

// params(handle, level, strategy) -> zlib's return code.
void Params(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ZlibStream* stream = ZlibStream::From(args[0]);
  // The state belongs to the thread pool while a step runs.
  if (stream->busy()) {
    args.GetReturnValue().Set(Z_STREAM_ERROR);
    return;
  }
  args.GetReturnValue().Set(stream->Params(Int(args, 1), Int(args, 2)));
}

// reset(handle) -> zlib's return code.
void Reset(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ZlibStream* stream = ZlibStream::From(args[0]);
  if (stream->busy()) {
    args.GetReturnValue().Set(Z_STREAM_ERROR);
    return;
  }
  args.GetReturnValue().Set(stream->Reset());
}

// close(handle): frees the compression state (after a running step).
void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ZlibStream::From(args[0])->Close();
}

// crc32(view, value) -> the CRC-32 of the bytes, continuing from value.
void Crc32(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsArrayBufferView() && args[1]->IsUint32());
  v8::Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
  uLong crc = args[1].As<v8::Uint32>()->Value();
  size_t length = view->ByteLength();
  if (length > 0) {
    const uint8_t* data =
        ViewBytes(args[0], 0, static_cast<double>(length), nullptr);
    crc = crc32_z(crc, data, length);
  }
  args.GetReturnValue().Set(static_cast<uint32_t>(crc));
}

// versions() -> [zlib, brotli] version strings.
void Versions(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uint32_t b = BrotliEncoderVersion();
  std::string brotli = std::to_string(b >> 24) + "." +
                       std::to_string((b >> 12) & 0xfff) + "." +
                       std::to_string(b & 0xfff);
  v8::Local<v8::Value> items[] = {OneByteString(isolate, zlibVersion()),
                                  OneByteString(isolate, brotli.c_str())};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

constexpr runtime::Method kMethods[] = {
    {"create", Create},         {"initZlib", InitZlib},
    {"initBrotli", InitBrotli}, {"write", Write},
    {"writeSync", WriteSync},   {"params", Params},
    {"reset", Reset},           {"close", Close},
    {"crc32", Crc32},           {"versions", Versions},
};

constexpr runtime::Constant kConstants[] = {
    {"ZLIB_VERNUM", ZLIB_VERNUM},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(zlib, kMethods, kConstants)

}  // namespace jspack::bindings::zlib
