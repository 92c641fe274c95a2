// crypto_util: what the crypto bindings (crypto.cc, crypto_keys.cc) share:
// OpenSSL errors as JS errors, bytes of JS values, native objects owned by
// JS handles, and jobs on libuv's thread pool.
#pragma once

#include <openssl/bio.h>
#include <openssl/err.h>
#include <uv.h>
#include <v8.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::crypto_util {

// The short library names Node puts in ERR_OSSL_<LIB>_<REASON> codes
// (OpenSSL's ERR_LIB_* numbers). Libraries missing here (providers,
// decoders...) give ERR_OSSL_<REASON>.
inline const char* LibraryCode(int lib) {
  switch (lib) {
    case ERR_LIB_SYS: return "SYS";
    case ERR_LIB_BN: return "BN";
    case ERR_LIB_RSA: return "RSA";
    case ERR_LIB_DH: return "DH";
    case ERR_LIB_EVP: return "EVP";
    case ERR_LIB_BUF: return "BUF";
    case ERR_LIB_OBJ: return "OBJ";
    case ERR_LIB_PEM: return "PEM";
    case ERR_LIB_DSA: return "DSA";
    case ERR_LIB_X509: return "X509";
    case ERR_LIB_ASN1: return "ASN1";
    case ERR_LIB_CONF: return "CONF";
    case ERR_LIB_CRYPTO: return "CRYPTO";
    case ERR_LIB_EC: return "EC";
    case ERR_LIB_SSL: return "SSL";
    case ERR_LIB_BIO: return "BIO";
    case ERR_LIB_PKCS7: return "PKCS7";
    case ERR_LIB_X509V3: return "X509V3";
    case ERR_LIB_PKCS12: return "PKCS12";
    case ERR_LIB_RAND: return "RAND";
    case ERR_LIB_DSO: return "DSO";
    case ERR_LIB_ENGINE: return "ENGINE";
    case ERR_LIB_OCSP: return "OCSP";
    case ERR_LIB_UI: return "UI";
    case ERR_LIB_COMP: return "COMP";
    case ERR_LIB_ECDSA: return "ECDSA";
    case ERR_LIB_ECDH: return "ECDH";
    case ERR_LIB_OSSL_STORE: return "OSSL_STORE";
    case ERR_LIB_FIPS: return "FIPS";
    case ERR_LIB_CMS: return "CMS";
    case ERR_LIB_TS: return "TS";
    case ERR_LIB_HMAC: return "HMAC";
    case ERR_LIB_CT: return "CT";
    case ERR_LIB_ASYNC: return "ASYNC";
    case ERR_LIB_KDF: return "KDF";
    case ERR_LIB_SM2: return "SM2";
    case ERR_LIB_USER: return "USER";
    default: return nullptr;
  }
}

inline v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()))
      .ToLocalChecked();
}

inline void SetProp(v8::Local<v8::Context> context, v8::Local<v8::Object> obj,
                    const char* key, v8::Local<v8::Value> value) {
  obj->Set(context, Str(context->GetIsolate(), key), value).Check();
}

// An Error for OpenSSL error `err` as Node makes it: message
// "error:1C800064:Provider routines::bad decrypt", properties library,
// reason, code (ERR_OSSL_...), and opensslErrorStack with the older entries
// of `stack` when there are any. err == 0 gives Error(fallback).
inline v8::Local<v8::Value> MakeOpenSslError(
    v8::Isolate* isolate, unsigned long err, const char* fallback,
    const std::vector<std::string>& stack = {}) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  if (err == 0) return v8::Exception::Error(Str(isolate, fallback));
  char text[256];
  ERR_error_string_n(err, text, sizeof(text));
  v8::Local<v8::Object> error =
      v8::Exception::Error(Str(isolate, text)).As<v8::Object>();
  if (!stack.empty()) {
    std::vector<v8::Local<v8::Value>> items;
    for (const std::string& s : stack) items.push_back(Str(isolate, s));
    SetProp(context, error, "opensslErrorStack",
            v8::Array::New(isolate, items.data(), items.size()));
  }
  const char* lib = ERR_lib_error_string(err);
  const char* reason = ERR_reason_error_string(err);
  if (lib != nullptr) SetProp(context, error, "library", Str(isolate, lib));
  if (reason != nullptr) {
    SetProp(context, error, "reason", Str(isolate, reason));
    std::string code = "ERR_OSSL_";
    if (const char* short_lib = LibraryCode(ERR_GET_LIB(err))) {
      code += short_lib;
      code += '_';
    }
    for (const char* p = reason; *p != '\0'; ++p) {
      char c = *p;
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      code += (c == ' ') ? '_' : c;
    }
    SetProp(context, error, "code", Str(isolate, code));
  }
  return error;
}

// Takes OpenSSL's error queue of this thread: the newest error and the
// strings of the ones before it. Leaves the queue empty.
struct OpenSslErrorQueue {
  unsigned long last = 0;
  std::vector<std::string> stack;

  void Capture() {
    last = 0;
    stack.clear();
    std::vector<unsigned long> all;
    while (unsigned long e = ERR_get_error()) all.push_back(e);
    if (all.empty()) return;
    last = all.back();
    for (size_t i = all.size() - 1; i-- > 0;) {
      char text[256];
      ERR_error_string_n(all[i], text, sizeof(text));
      stack.emplace_back(text);
    }
  }
  v8::Local<v8::Value> ToError(v8::Isolate* isolate,
                               const char* fallback) const {
    return MakeOpenSslError(isolate, last, fallback, stack);
  }
};

// Throws the error of this thread's OpenSSL queue (or Error(fallback)).
inline void ThrowOpenSslError(v8::Isolate* isolate, const char* fallback) {
  OpenSslErrorQueue queue;
  queue.Capture();
  isolate->ThrowException(queue.ToError(isolate, fallback));
}

// The bytes of an ArrayBufferView, ArrayBuffer or SharedArrayBuffer (JS
// promised one of those), without copying.
struct Bytes {
  const uint8_t* data = nullptr;
  size_t size = 0;

  Bytes() = default;
  explicit Bytes(v8::Local<v8::Value> value) {
    if (value->IsArrayBufferView()) {
      auto view = value.As<v8::ArrayBufferView>();
      size = view->ByteLength();
      if (size != 0) {
        data = static_cast<const uint8_t*>(
                   view->Buffer()->GetBackingStore()->Data()) +
               view->ByteOffset();
      }
    } else if (value->IsArrayBuffer()) {
      auto store = value.As<v8::ArrayBuffer>()->GetBackingStore();
      size = store->ByteLength();
      data = static_cast<const uint8_t*>(store->Data());
    } else if (value->IsSharedArrayBuffer()) {
      auto store = value.As<v8::SharedArrayBuffer>()->GetBackingStore();
      size = store->ByteLength();
      data = static_cast<const uint8_t*>(store->Data());
    } else {
      JSPACK_CHECK(false);
    }
    // OpenSSL wants a non-null pointer even for no bytes.
    static const uint8_t kEmpty = 0;
    if (data == nullptr) data = &kEmpty;
  }
  uint8_t* mutable_data() const { return const_cast<uint8_t*>(data); }
  std::vector<uint8_t> Copy() const {
    return std::vector<uint8_t>(data, data + size);
  }
};

inline bool IsBytes(v8::Local<v8::Value> value) {
  return value->IsArrayBufferView() || value->IsArrayBuffer() ||
         value->IsSharedArrayBuffer();
}

// A new Uint8Array over its own ArrayBuffer holding `size` bytes of `data`
// (JS makes it a Buffer).
inline v8::Local<v8::Uint8Array> NewBytes(v8::Isolate* isolate,
                                          const uint8_t* data, size_t size) {
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(isolate, size);
  if (size != 0) memcpy(store->Data(), data, size);
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, std::move(store));
  return v8::Uint8Array::New(buffer, 0, size);
}

// Moves `bytes` into a new Uint8Array, shrunk to `size` (<= bytes.size()).
inline v8::Local<v8::Uint8Array> NewBytes(v8::Isolate* isolate,
                                          std::vector<uint8_t>&& bytes,
                                          size_t size) {
  return NewBytes(isolate, bytes.data(), size);
}

// The contents of a memory BIO as a Uint8Array.
inline v8::Local<v8::Uint8Array> BioToBytes(v8::Isolate* isolate, BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return NewBytes(isolate, reinterpret_cast<uint8_t*>(data),
                  size > 0 ? static_cast<size_t>(size) : 0);
}

// The contents of a memory BIO as a JS string (PEM text).
inline v8::Local<v8::String> BioToString(v8::Isolate* isolate, BIO* bio) {
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  return v8::String::NewFromUtf8(isolate, data ? data : "",
                                 v8::NewStringType::kNormal,
                                 size > 0 ? static_cast<int>(size) : 0)
      .ToLocalChecked();
}

// A read-only memory BIO over bytes that outlive it.
inline BIO* NewReadBio(const Bytes& bytes) {
  return BIO_new_mem_buf(bytes.data, static_cast<int>(bytes.size));
}

// A native object owned by a JS handle: deleted when the handle is
// collected, or when its runtime is torn down (a worker's). Subclasses hold
// an OpenSSL context (EVP_MD_CTX, EVP_PKEY...).
//
// The live wraps of a thread's runtime (one runtime per thread) form an
// intrusive list, so creating and freeing one is O(1) however many exist;
// the runtime gets one cleanup hook that frees what is left.
class CryptoWrap {
 public:
  virtual ~CryptoWrap() { Unlink(); }

  // A new JS handle (an object with one internal field) owning `wrap`.
  // Handles come from one constructor per runtime, made on first use.
  static v8::MaybeLocal<v8::Object> NewHandle(
      v8::Local<v8::Context> context, std::unique_ptr<CryptoWrap> wrap) {
    runtime::Runtime* runtime = runtime::Runtime::From(context);
    v8::Isolate* isolate = context->GetIsolate();
    v8::Local<v8::Object> object;
    if (!runtime->NewHandleObject("crypto.handle").ToLocal(&object)) return {};
    CryptoWrap* self = wrap.release();
    object->SetAlignedPointerInInternalField(0, self);
    self->handle_.Reset(isolate, object);
    self->handle_.SetWeak(self, OnCollected, v8::WeakCallbackType::kParameter);
    self->Link(runtime);
    return object;
  }

  // The wrap of a handle NewHandle made, or nullptr when `value` is not
  // such a handle.
  static CryptoWrap* FromHandle(v8::Local<v8::Value> value) {
    if (!value->IsObject()) return nullptr;
    v8::Local<v8::Object> object = value.As<v8::Object>();
    if (object->InternalFieldCount() != 1) return nullptr;
    return static_cast<CryptoWrap*>(
        object->GetAlignedPointerFromInternalField(0));
  }

  // Which subclass this is: each has its own `static constexpr int kKind`
  // (crypto.cc uses 1-99, crypto_keys.cc 100-199). No RTTI: libnode's
  // types have none.
  virtual int kind() const = 0;

  // The wrap of a handle of kind T (JS promised one).
  template <typename T>
  static T* Unwrap(v8::Local<v8::Value> value) {
    CryptoWrap* wrap = FromHandle(value);
    JSPACK_CHECK(wrap != nullptr && wrap->kind() == T::kKind);
    return static_cast<T*>(wrap);
  }

 private:
  struct LiveList {
    runtime::Runtime* runtime = nullptr;
    CryptoWrap* head = nullptr;
  };
  static LiveList& Live() {
    static thread_local LiveList list;
    return list;
  }

  void Link(runtime::Runtime* runtime) {
    LiveList& live = Live();
    if (live.runtime != runtime) {
      // A new runtime on this thread (the old one is gone, with its heap).
      live.runtime = runtime;
      live.head = nullptr;
      runtime->AddCleanupHook(OnRuntimeCleanup, nullptr);
    }
    next_ = live.head;
    if (next_ != nullptr) next_->prev_ = this;
    live.head = this;
    linked_ = true;
  }

  void Unlink() {
    if (!linked_) return;
    LiveList& live = Live();
    if (prev_ != nullptr) {
      prev_->next_ = next_;
    } else if (live.head == this) {
      live.head = next_;
    }
    if (next_ != nullptr) next_->prev_ = prev_;
    prev_ = next_ = nullptr;
    linked_ = false;
  }

  static void OnCollected(const v8::WeakCallbackInfo<CryptoWrap>& info) {
    CryptoWrap* self = info.GetParameter();
    self->handle_.Reset();
    delete self;
  }

  static void OnRuntimeCleanup(void*) {
    LiveList& live = Live();
    while (live.head != nullptr) {
      CryptoWrap* wrap = live.head;
      wrap->handle_.Reset();
      delete wrap;  // Unlinks itself.
    }
    live.runtime = nullptr;
  }

  v8::Global<v8::Object> handle_;
  CryptoWrap* prev_ = nullptr;
  CryptoWrap* next_ = nullptr;
  bool linked_ = false;
};

// One operation that runs on libuv's thread pool (callback form) or on the
// calling thread (Sync form). Work() must touch no V8 state; Result() turns
// what it made into the callback's value (or sets *error).
class CryptoJob {
 public:
  virtual ~CryptoJob() = default;
  // Runs off the JS thread for the callback form.
  virtual void Work() = 0;
  // Back on the JS thread: the value or an error.
  virtual v8::MaybeLocal<v8::Value> Result(v8::Isolate* isolate,
                                           v8::Local<v8::Value>* error) = 0;

  // Sync form: runs now; returns the value or throws.
  static void RunSync(const v8::FunctionCallbackInfo<v8::Value>& args,
                      std::unique_ptr<CryptoJob> job) {
    v8::Isolate* isolate = args.GetIsolate();
    job->Work();
    v8::Local<v8::Value> error;
    v8::Local<v8::Value> value;
    if (!job->Result(isolate, &error).ToLocal(&value)) {
      if (!error.IsEmpty()) isolate->ThrowException(error);
      return;
    }
    args.GetReturnValue().Set(value);
  }

  // Callback form: callback(err, value) later, from the loop; returns true
  // to JS.
  static void Queue(const v8::FunctionCallbackInfo<v8::Value>& args,
                    std::unique_ptr<CryptoJob> job,
                    v8::Local<v8::Function> callback) {
    runtime::Runtime* runtime = runtime::Runtime::From(args);
    CryptoJob* self = job.release();
    self->runtime_ = runtime;
    self->callback_.Reset(args.GetIsolate(), callback);
    self->req_.data = self;
    int err = uv_queue_work(
        runtime->loop(), &self->req_,
        [](uv_work_t* req) { static_cast<CryptoJob*>(req->data)->Work(); },
        AfterWork);
    JSPACK_CHECK(err == 0);
    args.GetReturnValue().Set(true);
  }

 private:
  static void AfterWork(uv_work_t* req, int status) {
    std::unique_ptr<CryptoJob> self(static_cast<CryptoJob*>(req->data));
    runtime::Runtime* runtime = self->runtime_;
    v8::Isolate* isolate = runtime->isolate();
    if (status == UV_ECANCELED) return;
    v8::HandleScope scope(isolate);
    v8::Local<v8::Context> context = runtime->context();
    v8::Context::Scope context_scope(context);
    v8::Local<v8::Value> argv[2] = {v8::Null(isolate), v8::Undefined(isolate)};
    v8::Local<v8::Value> error;
    v8::Local<v8::Value> value;
    {
      v8::TryCatch try_catch(isolate);
      if (self->Result(isolate, &error).ToLocal(&value)) {
        argv[1] = value;
      } else if (!error.IsEmpty()) {
        argv[0] = error;
      } else if (try_catch.HasCaught()) {
        argv[0] = try_catch.Exception();
      } else {
        argv[0] = v8::Exception::Error(Str(isolate, "crypto job failed"));
      }
    }
    runtime->MakeCallback(self->callback_.Get(isolate), 2, argv);
  }

  uv_work_t req_;
  runtime::Runtime* runtime_ = nullptr;
  v8::Global<v8::Function> callback_;
};

// Runs `job` sync or queued: the callback form when the last argument is a
// function.
inline void RunJob(const v8::FunctionCallbackInfo<v8::Value>& args,
                   std::unique_ptr<CryptoJob> job) {
  v8::Local<v8::Value> last = args[args.Length() - 1];
  if (args.Length() > 0 && last->IsFunction()) {
    CryptoJob::Queue(args, std::move(job), last.As<v8::Function>());
  } else {
    CryptoJob::RunSync(args, std::move(job));
  }
}

}  // namespace jspack::bindings::crypto_util
