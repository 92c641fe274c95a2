// crypto: the symmetric half of node:crypto on OpenSSL 3: hashes, HMAC,
// ciphers, random bytes and key derivation (pbkdf2, scrypt, hkdf).
//
// Hash, HMAC and cipher contexts live in native objects owned by JS handles
// (crypto_util.h's CryptoWrap); JS validates every argument and turns the
// Uint8Arrays returned here into Buffers. Key derivation and random fills
// run on libuv's thread pool when given a callback.
// HMAC_CTX (see HmacWrap).
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/objects.h>
#include <openssl/opensslv.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/bindings/crypto_util.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::crypto {
namespace {

using crypto_util::Bytes;
using crypto_util::CryptoJob;
using crypto_util::CryptoWrap;
using crypto_util::NewBytes;
using crypto_util::Str;

// An algorithm name (JS checked it is a string). Written into the string's
// own small buffer: Utf8Value would allocate on every createHash().
std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::Local<v8::String> str = value.As<v8::String>();
  char buf[128];
  if (str->Length() < 40) {
    int length = str->WriteUtf8(isolate, buf, sizeof(buf), nullptr,
                                v8::String::NO_NULL_TERMINATION);
    return std::string(buf, static_cast<size_t>(length));
  }
  v8::String::Utf8Value utf8(isolate, value);
  return std::string(*utf8, utf8.length());
}

// Digests by the name a user gave ("sha256", "RSA-SHA256", "sha512-256"),
// fetched once from the default provider and kept for the process: an
// explicit fetch makes every later init cheap.
const EVP_MD* FindDigest(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, EVP_MD*> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  EVP_MD* md = nullptr;
  if (const EVP_MD* legacy = EVP_get_digestbyname(name.c_str())) {
    md = EVP_MD_fetch(nullptr, EVP_MD_get0_name(legacy), nullptr);
  }
  if (md == nullptr) md = EVP_MD_fetch(nullptr, name.c_str(), nullptr);
  ERR_clear_error();
  cache[name] = md;
  return md;
}

const EVP_CIPHER* FindCipher(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, EVP_CIPHER*> cache;
  std::lock_guard<std::mutex> lock(mutex);
  auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  EVP_CIPHER* cipher = nullptr;
  if (const EVP_CIPHER* legacy = EVP_get_cipherbyname(name.c_str())) {
    cipher = EVP_CIPHER_fetch(nullptr, EVP_CIPHER_get0_name(legacy), nullptr);
  }
  if (cipher == nullptr) {
    cipher = EVP_CIPHER_fetch(nullptr, name.c_str(), nullptr);
  }
  ERR_clear_error();
  cache[name] = cipher;
  return cipher;
}

EVP_MAC* HmacMac() {
  static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  return mac;
}

// Feeds a JS value to `update`: a string in utf8 or latin1 (args[2] says
// which) or the bytes of a view. Other encodings are decoded by JS first.
template <typename Fn>
bool FeedData(v8::Isolate* isolate, v8::Local<v8::Value> data,
              v8::Local<v8::Value> encoding, Fn update) {
  if (!data->IsString()) return update(Bytes(data).data, Bytes(data).size);
  v8::Local<v8::String> str = data.As<v8::String>();
  bool latin1 = encoding->IsTrue();
  uint8_t stack_buf[1024];
  std::vector<uint8_t> heap_buf;
  size_t capacity = latin1 ? str->Length() : str->Utf8Length(isolate);
  uint8_t* buf = stack_buf;
  if (capacity > sizeof(stack_buf)) {
    heap_buf.resize(capacity);
    buf = heap_buf.data();
  }
  size_t length;
  if (latin1) {
    length = str->WriteOneByte(isolate, buf, 0, -1,
                               v8::String::NO_NULL_TERMINATION);
  } else {
    length = str->WriteUtf8(isolate, reinterpret_cast<char*>(buf),
                            static_cast<int>(capacity), nullptr,
                            v8::String::NO_NULL_TERMINATION |
                                v8::String::REPLACE_INVALID_UTF8);
  }
  return update(buf, length);
}

// Digest bytes as the text digest(encoding) gives for the encodings JS
// asks for here (1 hex, 2 base64, 3 base64url), else a Uint8Array: short
// digests are mostly wanted as text, and making it here saves a Buffer.
v8::Local<v8::Value> DigestValue(v8::Isolate* isolate, const uint8_t* data,
                                 size_t size, v8::Local<v8::Value> encoding) {
  int kind = encoding->IsInt32() ? encoding.As<v8::Int32>()->Value() : 0;
  if (kind < 1 || kind > 3 || size > 4096) return NewBytes(isolate, data, size);
  char text[8200];
  size_t length = 0;
  if (kind == 1) {
    static const char kHex[] = "0123456789abcdef";
    for (size_t i = 0; i < size; ++i) {
      text[length++] = kHex[data[i] >> 4];
      text[length++] = kHex[data[i] & 15];
    }
  } else {
    length = static_cast<size_t>(EVP_EncodeBlock(
        reinterpret_cast<unsigned char*>(text), data, static_cast<int>(size)));
    if (kind == 3) {
      // base64url: another alphabet and no padding.
      while (length > 0 && text[length - 1] == '=') --length;
      for (size_t i = 0; i < length; ++i) {
        if (text[i] == '+') text[i] = '-';
        if (text[i] == '/') text[i] = '_';
      }
    }
  }
  return v8::String::NewFromOneByte(isolate,
                                    reinterpret_cast<const uint8_t*>(text),
                                    v8::NewStringType::kNormal,
                                    static_cast<int>(length))
      .ToLocalChecked();
}

// ---- Hash -----------------------------------------------------------------

class HashWrap : public CryptoWrap {
 public:
  static constexpr int kKind = 1;
  int kind() const override { return kKind; }
  ~HashWrap() override { EVP_MD_CTX_free(ctx_); }

  EVP_MD_CTX* ctx_ = EVP_MD_CTX_new();
  // Bytes digest() gives: the digest size, or outputLength for XOFs.
  size_t out_len_ = 0;
};

// Checks and applies outputLength (-1: none given) to a hash of `md`.
// Returns false with OpenSSL's error queued.
bool SetOutputLength(HashWrap* wrap, const EVP_MD* md, int64_t out_len) {
  size_t md_size = static_cast<size_t>(EVP_MD_get_size(md));
  wrap->out_len_ = md_size;
  if (out_len < 0) return true;
  bool xof = (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0;
  if (!xof && static_cast<size_t>(out_len) != md_size) {
    ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
    return false;
  }
  wrap->out_len_ = static_cast<size_t>(out_len);
  return true;
}

// hashNew(algorithm, outputLength) -> handle | undefined (unknown
// algorithm); throws OpenSSL's error for a bad outputLength (-1: none).
void HashNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString() && args[1]->IsNumber());
  const EVP_MD* md = FindDigest(Utf8(isolate, args[0]));
  if (md == nullptr) return;
  auto wrap = std::make_unique<HashWrap>();
  if (EVP_DigestInit_ex(wrap->ctx_, md, nullptr) != 1) {
    return crypto_util::ThrowOpenSslError(isolate,
                                          "Digest method not supported");
  }
  int64_t out_len = static_cast<int64_t>(args[1].As<v8::Number>()->Value());
  if (!SetOutputLength(wrap.get(), md, out_len)) {
    return crypto_util::ThrowOpenSslError(isolate, "Invalid output length");
  }
  v8::Local<v8::Object> handle;
  if (!CryptoWrap::NewHandle(isolate->GetCurrentContext(), std::move(wrap))
           .ToLocal(&handle)) {
    return;
  }
  args.GetReturnValue().Set(handle);
}

// hashCopy(handle, outputLength) -> handle.
void HashCopy(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  HashWrap* from = CryptoWrap::Unwrap<HashWrap>(args[0]);
  JSPACK_CHECK(args[1]->IsNumber());
  auto wrap = std::make_unique<HashWrap>();
  if (EVP_MD_CTX_copy_ex(wrap->ctx_, from->ctx_) != 1) {
    return crypto_util::ThrowOpenSslError(isolate, "Hash copy failed");
  }
  int64_t out_len = static_cast<int64_t>(args[1].As<v8::Number>()->Value());
  // Without outputLength the copy has the digest's own size, whatever
  // the original had (as in Node).
  if (!SetOutputLength(wrap.get(), EVP_MD_CTX_get0_md(from->ctx_), out_len)) {
    return crypto_util::ThrowOpenSslError(isolate, "Invalid output length");
  }
  v8::Local<v8::Object> handle;
  if (!CryptoWrap::NewHandle(isolate->GetCurrentContext(), std::move(wrap))
           .ToLocal(&handle)) {
    return;
  }
  args.GetReturnValue().Set(handle);
}

// hashUpdate(handle, data, isLatin1) -> bool.
void HashUpdate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  HashWrap* wrap = CryptoWrap::Unwrap<HashWrap>(args[0]);
  bool ok = FeedData(args.GetIsolate(), args[1], args[2],
                     [wrap](const uint8_t* data, size_t size) {
                       return EVP_DigestUpdate(wrap->ctx_, data, size) == 1;
                     });
  args.GetReturnValue().Set(ok);
}

bool FinishDigest(EVP_MD_CTX* ctx, size_t out_len, uint8_t* out) {
  const EVP_MD* md = EVP_MD_CTX_get0_md(ctx);
  if ((EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0) {
    if (out_len == 0) return true;
    return EVP_DigestFinalXOF(ctx, out, out_len) == 1;
  }
  unsigned int size = 0;
  return EVP_DigestFinal_ex(ctx, out, &size) == 1;
}

// hashDigest(handle[, textKind]) -> Uint8Array | string (see DigestValue).
// The context is spent afterwards.
void HashDigest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  HashWrap* wrap = CryptoWrap::Unwrap<HashWrap>(args[0]);
  // Only long XOF outputs need the heap.
  uint8_t small[EVP_MAX_MD_SIZE];
  std::vector<uint8_t> large;
  uint8_t* out = small;
  if (wrap->out_len_ > sizeof(small)) {
    large.resize(wrap->out_len_);
    out = large.data();
  }
  if (!FinishDigest(wrap->ctx_, wrap->out_len_, out)) {
    return crypto_util::ThrowOpenSslError(isolate, "Digest failed");
  }
  args.GetReturnValue().Set(
      DigestValue(isolate, out, wrap->out_len_, args[1]));
}

// hashOneShot(algorithm, data, isLatin1, outputLength[, textKind]) ->
// Uint8Array | string | undefined (unknown algorithm).
void HashOneShot(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString() && args[3]->IsNumber());
  const EVP_MD* md = FindDigest(Utf8(isolate, args[0]));
  if (md == nullptr) return;
  HashWrap wrap;
  if (EVP_DigestInit_ex(wrap.ctx_, md, nullptr) != 1) {
    return crypto_util::ThrowOpenSslError(isolate,
                                          "Digest method not supported");
  }
  int64_t out_len = static_cast<int64_t>(args[3].As<v8::Number>()->Value());
  if (!SetOutputLength(&wrap, md, out_len)) {
    return crypto_util::ThrowOpenSslError(isolate, "Invalid output length");
  }
  bool ok = FeedData(isolate, args[1], args[2],
                     [&wrap](const uint8_t* data, size_t size) {
                       return EVP_DigestUpdate(wrap.ctx_, data, size) == 1;
                     });
  std::vector<uint8_t> out(std::max<size_t>(wrap.out_len_, EVP_MAX_MD_SIZE));
  if (!ok || !FinishDigest(wrap.ctx_, wrap.out_len_, out.data())) {
    return crypto_util::ThrowOpenSslError(isolate, "Digest failed");
  }
  args.GetReturnValue().Set(
      DigestValue(isolate, out.data(), wrap.out_len_, args[4]));
}

// ---- HMAC -----------------------------------------------------------------

// HMAC_CTX, though deprecated in OpenSSL 3, is used on purpose: it takes
// the EVP_MD fetched once, where EVP_MAC_init looks the digest up by name
// on every key (a third of a short HMAC's time).
class HmacWrap : public CryptoWrap {
 public:
  static constexpr int kKind = 2;
  int kind() const override { return kKind; }
  ~HmacWrap() override { HMAC_CTX_free(ctx_); }

  HMAC_CTX* ctx_ = HMAC_CTX_new();
};

// hmacNew(digest, key) -> handle | undefined (unknown digest).
void HmacNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString() && crypto_util::IsBytes(args[1]));
  const EVP_MD* md = FindDigest(Utf8(isolate, args[0]));
  if (md == nullptr) return;
  auto wrap = std::make_unique<HmacWrap>();
  Bytes key(args[1]);
  if (wrap->ctx_ == nullptr ||
      HMAC_Init_ex(wrap->ctx_, key.data, static_cast<int>(key.size), md,
                   nullptr) != 1) {
    return crypto_util::ThrowOpenSslError(isolate, "HMAC init failed");
  }
  v8::Local<v8::Object> handle;
  if (!CryptoWrap::NewHandle(isolate->GetCurrentContext(), std::move(wrap))
           .ToLocal(&handle)) {
    return;
  }
  args.GetReturnValue().Set(handle);
}

// hmacUpdate(handle, data, isLatin1) -> bool.
void HmacUpdate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  HmacWrap* wrap = CryptoWrap::Unwrap<HmacWrap>(args[0]);
  bool ok = FeedData(args.GetIsolate(), args[1], args[2],
                     [wrap](const uint8_t* data, size_t size) {
                       return HMAC_Update(wrap->ctx_, data, size) == 1;
                     });
  args.GetReturnValue().Set(ok);
}

// hmacDigest(handle[, textKind]) -> Uint8Array | string.
void HmacDigest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  HmacWrap* wrap = CryptoWrap::Unwrap<HmacWrap>(args[0]);
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (HMAC_Final(wrap->ctx_, out, &size) != 1) {
    return crypto_util::ThrowOpenSslError(isolate, "HMAC failed");
  }
  args.GetReturnValue().Set(DigestValue(isolate, out, size, args[1]));
}

// ---- Ciphers --------------------------------------------------------------

class CipherWrap : public CryptoWrap {
 public:
  static constexpr int kKind = 3;
  int kind() const override { return kKind; }
  ~CipherWrap() override { EVP_CIPHER_CTX_free(ctx_); }

  EVP_CIPHER_CTX* ctx_ = EVP_CIPHER_CTX_new();
  bool encrypt_ = true;
  int mode_ = 0;
  bool aead_ = false;
  unsigned int tag_len_ = 16;
};

// cipherInfo(nameOrNid, ivLength | -1) -> [nid, mode, keyLength, ivLength,
// blockSize, flags, canonicalName] | undefined. An ivLength given for a
// GCM, CCM or OCB cipher is tried on a context: the answer carries it when
// the cipher takes it, else undefined.
void CipherInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK((args[0]->IsString() || args[0]->IsInt32()) &&
               args[1]->IsInt32());
  const EVP_CIPHER* cipher = nullptr;
  if (args[0]->IsString()) {
    cipher = FindCipher(Utf8(isolate, args[0]));
  } else {
    const char* sn = OBJ_nid2sn(args[0].As<v8::Int32>()->Value());
    if (sn != nullptr && EVP_get_cipherbynid(args[0].As<v8::Int32>()->Value())) {
      cipher = FindCipher(sn);
    }
    ERR_clear_error();
  }
  if (cipher == nullptr) return;
  int mode = EVP_CIPHER_get_mode(cipher);
  int iv_length = EVP_CIPHER_get_iv_length(cipher);
  int wanted_iv = args[1].As<v8::Int32>()->Value();
  if (wanted_iv >= 0 && wanted_iv != iv_length) {
    bool variable = mode == EVP_CIPH_GCM_MODE || mode == EVP_CIPH_CCM_MODE ||
                    mode == EVP_CIPH_OCB_MODE;
    if (!variable) return;
    EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
    bool ok = ctx != nullptr &&
              EVP_CipherInit_ex(ctx, cipher, nullptr, nullptr, nullptr, 1) ==
                  1 &&
              EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, wanted_iv,
                                  nullptr) == 1;
    EVP_CIPHER_CTX_free(ctx);
    ERR_clear_error();
    if (!ok) return;
    iv_length = wanted_iv;
  }
  const char* name = OBJ_nid2sn(EVP_CIPHER_get_nid(cipher));
  if (name == nullptr) name = EVP_CIPHER_get0_name(cipher);
  v8::Local<v8::Value> items[] = {
      v8::Integer::New(isolate, EVP_CIPHER_get_nid(cipher)),
      v8::Integer::New(isolate, mode),
      v8::Integer::New(isolate, EVP_CIPHER_get_key_length(cipher)),
      v8::Integer::New(isolate, iv_length),
      v8::Integer::New(isolate, EVP_CIPHER_get_block_size(cipher)),
      v8::Number::New(isolate,
                      static_cast<double>(EVP_CIPHER_get_flags(cipher))),
      Str(isolate, name)};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 7));
}

// cipherNew(name, key, iv | null, encrypt, authTagLength | -1) -> handle |
// a string naming what was wrong ("cipher", "key", "iv", "tag").
void CipherNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString() && crypto_util::IsBytes(args[1]) &&
               args[3]->IsBoolean() && args[4]->IsInt32());
  const EVP_CIPHER* cipher = FindCipher(Utf8(isolate, args[0]));
  if (cipher == nullptr) {
    args.GetReturnValue().Set(Str(isolate, "cipher"));
    return;
  }
  Bytes key(args[1]);
  Bytes iv;
  bool has_iv = crypto_util::IsBytes(args[2]);
  if (has_iv) iv = Bytes(args[2]);
  auto wrap = std::make_unique<CipherWrap>();
  wrap->encrypt_ = args[3]->IsTrue();
  wrap->mode_ = EVP_CIPHER_get_mode(cipher);
  wrap->aead_ =
      (EVP_CIPHER_get_flags(cipher) & EVP_CIPH_FLAG_AEAD_CIPHER) != 0;
  int tag_len = args[4].As<v8::Int32>()->Value();
  int expected_iv = EVP_CIPHER_get_iv_length(cipher);
  bool variable_iv = wrap->mode_ == EVP_CIPH_GCM_MODE ||
                     wrap->mode_ == EVP_CIPH_CCM_MODE ||
                     wrap->mode_ == EVP_CIPH_OCB_MODE;
  // Key wrapping has a default IV (RFC 3394/5649).
  bool wrap_mode = wrap->mode_ == EVP_CIPH_WRAP_MODE;
  if (!has_iv && expected_iv != 0 && !wrap_mode) {
    args.GetReturnValue().Set(Str(isolate, "iv"));
    return;
  }
  if (has_iv) {
    if (variable_iv ? iv.size == 0
                    : static_cast<int>(iv.size) != expected_iv &&
                          !(expected_iv == 0 && iv.size == 0)) {
      args.GetReturnValue().Set(Str(isolate, "iv"));
      return;
    }
  }
  if (EVP_CipherInit_ex(wrap->ctx_, cipher, nullptr, nullptr, nullptr,
                        wrap->encrypt_ ? 1 : 0) != 1) {
    return crypto_util::ThrowOpenSslError(isolate, "Cipher init failed");
  }
  if (variable_iv && has_iv &&
      EVP_CIPHER_CTX_ctrl(wrap->ctx_, EVP_CTRL_AEAD_SET_IVLEN,
                          static_cast<int>(iv.size), nullptr) != 1) {
    ERR_clear_error();
    args.GetReturnValue().Set(Str(isolate, "iv"));
    return;
  }
  if (wrap->aead_ && tag_len >= 0) {
    wrap->tag_len_ = static_cast<unsigned int>(tag_len);
    if (wrap->mode_ == EVP_CIPH_CCM_MODE || wrap->mode_ == EVP_CIPH_OCB_MODE ||
        EVP_CIPHER_get_nid(cipher) == NID_chacha20_poly1305) {
      if (EVP_CIPHER_CTX_ctrl(wrap->ctx_, EVP_CTRL_AEAD_SET_TAG, tag_len,
                              nullptr) != 1) {
        ERR_clear_error();
        args.GetReturnValue().Set(Str(isolate, "tag"));
        return;
      }
    }
  }
  if (EVP_CIPHER_CTX_set_key_length(wrap->ctx_,
                                    static_cast<int>(key.size)) != 1) {
    ERR_clear_error();
    args.GetReturnValue().Set(Str(isolate, "key"));
    return;
  }
  if (EVP_CipherInit_ex(wrap->ctx_, nullptr, nullptr, key.data,
                        has_iv ? iv.data : nullptr,
                        wrap->encrypt_ ? 1 : 0) != 1) {
    return crypto_util::ThrowOpenSslError(isolate, "Cipher init failed");
  }
  v8::Local<v8::Object> handle;
  if (!CryptoWrap::NewHandle(isolate->GetCurrentContext(), std::move(wrap))
           .ToLocal(&handle)) {
    return;
  }
  args.GetReturnValue().Set(handle);
}

// cipherUpdate(handle, data) -> Uint8Array | undefined (the cipher refused
// the data: JS throws Node's "Trying to add data in unsupported state").
void CipherUpdate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CipherWrap* wrap = CryptoWrap::Unwrap<CipherWrap>(args[0]);
  Bytes data(args[1]);
  if (data.size > INT32_MAX - 64) return;
  int block = EVP_CIPHER_CTX_get_block_size(wrap->ctx_);
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      isolate, data.size + static_cast<size_t>(block));
  int out_len = 0;
  if (EVP_CipherUpdate(wrap->ctx_, static_cast<uint8_t*>(store->Data()),
                       &out_len, data.data,
                       static_cast<int>(data.size)) != 1) {
    ERR_clear_error();
    return;
  }
  // Bytes past out_len stay in the store: cheaper than a copy.
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, std::move(store));
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, out_len));
}

// cipherFinal(handle) -> Uint8Array; throws OpenSSL's error, or
// returns undefined for a failed authentication (JS throws Node's text).
void CipherFinal(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CipherWrap* wrap = CryptoWrap::Unwrap<CipherWrap>(args[0]);
  uint8_t out[EVP_MAX_BLOCK_LENGTH];
  int out_len = 0;
  if (EVP_CipherFinal_ex(wrap->ctx_, out, &out_len) != 1) {
    if (wrap->aead_ && !wrap->encrypt_) {
      ERR_clear_error();
      return;
    }
    return crypto_util::ThrowOpenSslError(isolate, "Cipher final failed");
  }
  args.GetReturnValue().Set(NewBytes(isolate, out, out_len));
}

// cipherSetAutoPadding(handle, bool) -> bool.
void CipherSetAutoPadding(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CipherWrap* wrap = CryptoWrap::Unwrap<CipherWrap>(args[0]);
  args.GetReturnValue().Set(
      EVP_CIPHER_CTX_set_padding(wrap->ctx_, args[1]->IsTrue() ? 1 : 0) == 1);
}

// cipherSetAAD(handle, data, plaintextLength | -1) -> bool.
void CipherSetAAD(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CipherWrap* wrap = CryptoWrap::Unwrap<CipherWrap>(args[0]);
  Bytes data(args[1]);
  JSPACK_CHECK(args[2]->IsNumber());
  double plain = args[2].As<v8::Number>()->Value();
  int out_len = 0;
  if (wrap->mode_ == EVP_CIPH_CCM_MODE) {
    // CCM wants the total plaintext length before any AAD.
    if (plain < 0 || EVP_CipherUpdate(wrap->ctx_, nullptr, &out_len, nullptr,
                                      static_cast<int>(plain)) != 1) {
      ERR_clear_error();
      args.GetReturnValue().Set(false);
      return;
    }
  }
  bool ok = EVP_CipherUpdate(wrap->ctx_, nullptr, &out_len, data.data,
                             static_cast<int>(data.size)) == 1;
  if (!ok) ERR_clear_error();
  args.GetReturnValue().Set(ok);
}

// cipherSetAuthTag(handle, tag) -> bool.
void CipherSetAuthTag(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CipherWrap* wrap = CryptoWrap::Unwrap<CipherWrap>(args[0]);
  Bytes tag(args[1]);
  bool ok = EVP_CIPHER_CTX_ctrl(wrap->ctx_, EVP_CTRL_AEAD_SET_TAG,
                                static_cast<int>(tag.size),
                                tag.mutable_data()) == 1;
  if (!ok) ERR_clear_error();
  args.GetReturnValue().Set(ok);
}

// cipherGetAuthTag(handle, length) -> Uint8Array | undefined.
void CipherGetAuthTag(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  CipherWrap* wrap = CryptoWrap::Unwrap<CipherWrap>(args[0]);
  JSPACK_CHECK(args[1]->IsInt32());
  int length = args[1].As<v8::Int32>()->Value();
  uint8_t tag[EVP_MAX_MD_SIZE];
  if (length <= 0 || length > static_cast<int>(sizeof(tag)) ||
      EVP_CIPHER_CTX_ctrl(wrap->ctx_, EVP_CTRL_AEAD_GET_TAG, length, tag) !=
          1) {
    ERR_clear_error();
    return;
  }
  args.GetReturnValue().Set(NewBytes(isolate, tag, length));
}

// ---- Random ---------------------------------------------------------------

class RandomFillJob : public CryptoJob {
 public:
  RandomFillJob(v8::Isolate* isolate, v8::Local<v8::Value> target,
                size_t offset, size_t size)
      : target_(isolate, target), offset_(offset), size_(size) {
    Bytes bytes(target);
    JSPACK_CHECK(offset <= bytes.size && size <= bytes.size - offset);
    data_ = bytes.mutable_data() + offset;
    // The backing store stays alive (and in place) while the job runs.
    if (target->IsArrayBufferView()) {
      store_ = target.As<v8::ArrayBufferView>()->Buffer()->GetBackingStore();
    } else if (target->IsArrayBuffer()) {
      store_ = target.As<v8::ArrayBuffer>()->GetBackingStore();
    } else {
      store_ = target.As<v8::SharedArrayBuffer>()->GetBackingStore();
    }
  }
  void Work() override {
    // RAND_bytes takes an int: fill in chunks.
    size_t done = 0;
    ok_ = true;
    while (done < size_ && ok_) {
      size_t chunk = std::min<size_t>(size_ - done, 1 << 30);
      ok_ = RAND_bytes(data_ + done, static_cast<int>(chunk)) == 1;
      done += chunk;
    }
    if (!ok_) errors_.Capture();
  }
  v8::MaybeLocal<v8::Value> Result(v8::Isolate* isolate,
                                   v8::Local<v8::Value>* error) override {
    if (!ok_) {
      *error = errors_.ToError(isolate, "Random bytes generation failed");
      return {};
    }
    return v8::Undefined(isolate);
  }

 private:
  v8::Global<v8::Value> target_;
  std::shared_ptr<v8::BackingStore> store_;
  uint8_t* data_ = nullptr;
  size_t offset_;
  size_t size_;
  bool ok_ = false;
  crypto_util::OpenSslErrorQueue errors_;
};

// randomFill(target, offset, size[, callback]): sync without a callback
// (throws on failure), else callback(err) from the thread pool.
void RandomFill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(crypto_util::IsBytes(args[0]) && args[1]->IsNumber() &&
               args[2]->IsNumber());
  auto offset = static_cast<size_t>(args[1].As<v8::Number>()->Value());
  auto size = static_cast<size_t>(args[2].As<v8::Number>()->Value());
  auto job = std::make_unique<RandomFillJob>(args.GetIsolate(), args[0],
                                             offset, size);
  crypto_util::RunJob(args, std::move(job));
}

// ---- Key derivation -------------------------------------------------------

class DeriveJob : public CryptoJob {
 public:
  explicit DeriveJob(size_t length) : out_(length) {}
  v8::MaybeLocal<v8::Value> Result(v8::Isolate* isolate,
                                   v8::Local<v8::Value>* error) override {
    if (!ok_) {
      *error = errors_.ToError(isolate, fallback_);
      return {};
    }
    return NewBytes(isolate, out_.data(), out_.size());
  }

 protected:
  void Done(bool ok, const char* fallback) {
    ok_ = ok;
    fallback_ = fallback;
    if (!ok) errors_.Capture();
  }
  std::vector<uint8_t> out_;

 private:
  bool ok_ = false;
  const char* fallback_ = "";
  crypto_util::OpenSslErrorQueue errors_;
};

class Pbkdf2Job : public DeriveJob {
 public:
  Pbkdf2Job(Bytes password, Bytes salt, int iterations, size_t length,
            const EVP_MD* md)
      : DeriveJob(length),
        password_(password.Copy()),
        salt_(salt.Copy()),
        iterations_(iterations),
        md_(md) {}
  void Work() override {
    bool ok = PKCS5_PBKDF2_HMAC(
                  reinterpret_cast<const char*>(password_.data()),
                  static_cast<int>(password_.size()), salt_.data(),
                  static_cast<int>(salt_.size()), iterations_, md_,
                  static_cast<int>(out_.size()), out_.data()) == 1;
    Done(ok, "PBKDF2 failed");
  }

 private:
  std::vector<uint8_t> password_;
  std::vector<uint8_t> salt_;
  int iterations_;
  const EVP_MD* md_;
};

// pbkdf2(password, salt, iterations, keylen, digest[, callback]) ->
// Uint8Array | undefined (unknown digest; nothing started).
void Pbkdf2(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[2]->IsInt32() && args[3]->IsNumber() &&
               args[4]->IsString());
  const EVP_MD* md = FindDigest(Utf8(isolate, args[4]));
  if (md == nullptr) return;
  auto job = std::make_unique<Pbkdf2Job>(
      Bytes(args[0]), Bytes(args[1]), args[2].As<v8::Int32>()->Value(),
      static_cast<size_t>(args[3].As<v8::Number>()->Value()), md);
  crypto_util::RunJob(args, std::move(job));
}

// A whole message's digest, on the thread pool in the callback form (Web
// Crypto's subtle.digest, which Node also runs as a job).
class DigestJob : public DeriveJob {
 public:
  DigestJob(Bytes data, const EVP_MD* md)
      : DeriveJob(static_cast<size_t>(EVP_MD_get_size(md))),
        data_(data.Copy()),
        md_(md) {}
  void Work() override {
    unsigned int length = 0;
    bool ok = EVP_Digest(data_.data(), data_.size(), out_.data(), &length,
                         md_, nullptr) == 1;
    Done(ok && length == out_.size(), "Digest failed");
  }

 private:
  std::vector<uint8_t> data_;
  const EVP_MD* md_;
};

// digest(algorithm, data[, callback]) -> Uint8Array | undefined (unknown
// digest; nothing started). Fixed-size digests only.
void Digest(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString() && crypto_util::IsBytes(args[1]));
  const EVP_MD* md = FindDigest(Utf8(isolate, args[0]));
  if (md == nullptr || EVP_MD_get_size(md) <= 0) return;
  crypto_util::RunJob(args, std::make_unique<DigestJob>(Bytes(args[1]), md));
}

class ScryptJob : public DeriveJob {
 public:
  ScryptJob(Bytes password, Bytes salt, uint64_t n, uint64_t r, uint64_t p,
            uint64_t maxmem, size_t length)
      : DeriveJob(length),
        password_(password.Copy()),
        salt_(salt.Copy()),
        n_(n), r_(r), p_(p), maxmem_(maxmem) {}
  void Work() override {
    bool ok = EVP_PBE_scrypt(reinterpret_cast<const char*>(password_.data()),
                             password_.size(), salt_.data(), salt_.size(), n_,
                             r_, p_, maxmem_, out_.data(), out_.size()) == 1;
    Done(ok, "Scrypt failed");
  }

 private:
  std::vector<uint8_t> password_;
  std::vector<uint8_t> salt_;
  uint64_t n_, r_, p_, maxmem_;
};

// scryptCheck(N, r, p, maxmem) -> undefined when OpenSSL takes the
// parameters, else OpenSSL's error text ("" if it gave none).
void ScryptCheck(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint64_t v[4];
  for (int i = 0; i < 4; ++i) {
    JSPACK_CHECK(args[i]->IsNumber());
    v[i] = static_cast<uint64_t>(args[i].As<v8::Number>()->Value());
  }
  ERR_clear_error();
  if (EVP_PBE_scrypt(nullptr, 0, nullptr, 0, v[0], v[1], v[2], v[3], nullptr,
                     0) == 1) {
    return;
  }
  unsigned long err = ERR_peek_last_error();
  char text[256] = "";
  if (err != 0) ERR_error_string_n(err, text, sizeof(text));
  ERR_clear_error();
  args.GetReturnValue().Set(Str(args.GetIsolate(), text));
}

// scrypt(password, salt, N, r, p, maxmem, keylen[, callback]) -> Uint8Array.
void Scrypt(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint64_t v[5];
  for (int i = 0; i < 5; ++i) {
    JSPACK_CHECK(args[i + 2]->IsNumber());
    v[i] = static_cast<uint64_t>(args[i + 2].As<v8::Number>()->Value());
  }
  auto job = std::make_unique<ScryptJob>(Bytes(args[0]), Bytes(args[1]), v[0],
                                         v[1], v[2], v[3],
                                         static_cast<size_t>(v[4]));
  crypto_util::RunJob(args, std::move(job));
}

class HkdfJob : public DeriveJob {
 public:
  using Piece = std::pair<const uint8_t*, size_t>;
  bool Hmac(const uint8_t* key, size_t key_len,
            std::initializer_list<Piece> pieces, uint8_t* out) {
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(HmacMac());
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(
            OSSL_MAC_PARAM_DIGEST, const_cast<char*>(EVP_MD_get0_name(md_)),
            0),
        OSSL_PARAM_construct_end()};
    static const uint8_t kNothing = 0;
    bool ok = ctx != nullptr &&
              EVP_MAC_init(ctx, key_len ? key : &kNothing, key_len, params) ==
                  1;
    for (const Piece& piece : pieces) {
      if (ok && piece.second != 0) {
        ok = EVP_MAC_update(ctx, piece.first, piece.second) == 1;
      }
    }
    size_t size = 0;
    if (ok) ok = EVP_MAC_final(ctx, out, &size, EVP_MAX_MD_SIZE) == 1;
    EVP_MAC_CTX_free(ctx);
    return ok;
  }

  HkdfJob(const EVP_MD* md, Bytes key, Bytes salt, Bytes info, size_t length)
      : DeriveJob(length),
        md_(md),
        key_(key.Copy()),
        salt_(salt.Copy()),
        info_(info.Copy()) {}
  // RFC 5869 spelled out with HMAC: OpenSSL's HKDF refuses an empty key,
  // which the RFC (and Node) allow.
  void Work() override {
    size_t hash_len = static_cast<size_t>(EVP_MD_get_size(md_));
    std::vector<uint8_t> salt = salt_;
    if (salt.empty()) salt.assign(hash_len, 0);
    uint8_t prk[EVP_MAX_MD_SIZE];
    bool ok = Hmac(salt.data(), salt.size(), {{key_.data(), key_.size()}},
                   prk);
    std::vector<uint8_t> block;
    size_t done = 0;
    for (uint8_t i = 1; ok && done < out_.size(); ++i) {
      uint8_t counter = i;
      uint8_t next[EVP_MAX_MD_SIZE];
      ok = Hmac(prk, hash_len,
                {{block.data(), block.size()},
                 {info_.data(), info_.size()},
                 {&counter, 1}},
                next);
      block.assign(next, next + hash_len);
      size_t take = std::min(hash_len, out_.size() - done);
      memcpy(out_.data() + done, next, take);
      done += take;
    }
    OPENSSL_cleanse(prk, sizeof(prk));
    Done(ok, "HKDF failed");
  }

 private:
  const EVP_MD* md_;
  std::vector<uint8_t> key_;
  std::vector<uint8_t> salt_;
  std::vector<uint8_t> info_;
};

// hkdf(digest, key, salt, info, keylen[, callback]) -> Uint8Array |
// undefined (unknown digest).
void Hkdf(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString() && args[4]->IsNumber());
  const EVP_MD* md = FindDigest(Utf8(isolate, args[0]));
  if (md == nullptr) return;
  auto job = std::make_unique<HkdfJob>(
      md, Bytes(args[1]), Bytes(args[2]), Bytes(args[3]),
      static_cast<size_t>(args[4].As<v8::Number>()->Value()));
  crypto_util::RunJob(args, std::move(job));
}

// digestSize(name) -> bytes | -1 (unknown).
void DigestSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsString());
  const EVP_MD* md = FindDigest(Utf8(args.GetIsolate(), args[0]));
  args.GetReturnValue().Set(md == nullptr ? -1 : EVP_MD_get_size(md));
}

// ---- Misc -----------------------------------------------------------------

// timingSafeEqual(a, b) -> bool (same lengths, JS checked).
void TimingSafeEqual(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes a(args[0]);
  Bytes b(args[1]);
  JSPACK_CHECK(a.size == b.size);
  args.GetReturnValue().Set(CRYPTO_memcmp(a.data, b.data, a.size) == 0);
}

// getOpenSslVersion() -> ["3.0.19", 0x30000130]: the libcrypto loaded, as
// process.versions.openssl and constants.OPENSSL_VERSION_NUMBER give it.
void GetOpenSslVersion(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> items[] = {
      Str(isolate, OpenSSL_version(OPENSSL_VERSION_STRING)),
      v8::Number::New(isolate, static_cast<double>(OpenSSL_version_num()))};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 2));
}

constexpr runtime::Method kMethods[] = {
    {"hashNew", HashNew},
    {"hashCopy", HashCopy},
    {"hashUpdate", HashUpdate},
    {"hashDigest", HashDigest},
    {"hashOneShot", HashOneShot},
    {"digest", Digest},
    {"hmacNew", HmacNew},
    {"hmacUpdate", HmacUpdate},
    {"hmacDigest", HmacDigest},
    {"cipherInfo", CipherInfo},
    {"cipherNew", CipherNew},
    {"cipherUpdate", CipherUpdate},
    {"cipherFinal", CipherFinal},
    {"cipherSetAutoPadding", CipherSetAutoPadding},
    {"cipherSetAAD", CipherSetAAD},
    {"cipherSetAuthTag", CipherSetAuthTag},
    {"cipherGetAuthTag", CipherGetAuthTag},
    {"randomFill", RandomFill},
    {"pbkdf2", Pbkdf2},
    {"scryptCheck", ScryptCheck},
    {"scrypt", Scrypt},
    {"hkdf", Hkdf},
    {"digestSize", DigestSize},
    {"timingSafeEqual", TimingSafeEqual},
    {"getOpenSslVersion", GetOpenSslVersion},
};

}  // namespace

JSPACK_BINDING(crypto, kMethods)

}  // namespace jspack::bindings::crypto
