// crypto_keys: asymmetric keys, signatures, RSA encryption, ECDH and X.509
// certificates on OpenSSL 3's EVP_PKEY API, behind node:crypto.
//
// A key is a handle object whose internal field owns one EVP_PKEY (freed
// when the handle is collected); a public KeyObject and its private twin may
// share one handle, and `selection` arguments say which half to use. Bytes
// come in as ArrayBufferViews the stdlib made, and go out as ArrayBuffers.
// OpenSSL failures become Errors with Node's `code` (ERR_OSSL_*), `library`,
// `reason` and, where OpenSSL queued more than one, `opensslErrorStack`.
// The classic DH API (deprecated in OpenSSL 3, still supported) is what
// gives node:crypto's DiffieHellman its verifyError flags and key sizes.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/core_names.h>
#include <openssl/decoder.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <uv.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/bindings/crypto_util.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::crypto_keys {
namespace {

using runtime::Runtime;

constexpr const char* kHandleKey = "crypto_keys.handle";

// ---------------------------------------------------------------------------
// Small conversions.

struct Bytes {
  const unsigned char* data = nullptr;
  size_t size = 0;
};

// The bytes of an ArrayBufferView the stdlib passed.
Bytes View(v8::Local<v8::Value> value) {
  JSPACK_CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  Bytes out;
  out.size = view->ByteLength();
  if (out.size == 0) return out;
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  out.data = static_cast<const unsigned char*>(store->Data()) +
             view->ByteOffset();
  return out;
}

std::string Str(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return std::string(*utf8, utf8.length());
}

v8::Local<v8::String> JsStr(v8::Isolate* isolate, const std::string& s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()))
      .ToLocalChecked();
}

v8::Local<v8::ArrayBuffer> JsBytes(v8::Isolate* isolate,
                                   const unsigned char* data, size_t size) {
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, size);
  if (size > 0) memcpy(ab->GetBackingStore()->Data(), data, size);
  return ab;
}

v8::Local<v8::ArrayBuffer> JsBytes(v8::Isolate* isolate,
                                   const std::vector<unsigned char>& v) {
  return JsBytes(isolate, v.data(), v.size());
}

// The contents of a memory BIO.
std::vector<unsigned char> BioBytes(BIO* bio) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  if (mem == nullptr || mem->length == 0) return {};
  return std::vector<unsigned char>(mem->data, mem->data + mem->length);
}

std::string BioString(BIO* bio) {
  std::vector<unsigned char> v = BioBytes(bio);
  return std::string(v.begin(), v.end());
}

struct BioFree {
  void operator()(BIO* b) const { BIO_free_all(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
struct BnFree {
  void operator()(BIGNUM* b) const { BN_clear_free(b); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

// ---------------------------------------------------------------------------
// OpenSSL errors. Collected on the thread that failed (the queue is
// per-thread), turned into a JS Error on the loop thread.

struct SslError {
  unsigned long main = 0;          // The error thrown; 0 when none was queued.
  std::vector<std::string> stack;  // The others, newest first.
};

// As in Node's key parsing: the first error queued is the one thrown, the
// later ones go to opensslErrorStack, newest first.
SslError CollectError() {
  std::vector<unsigned long> codes;
  for (unsigned long e = ERR_get_error(); e != 0; e = ERR_get_error()) {
    codes.push_back(e);
  }
  SslError out;
  if (codes.empty()) return out;
  out.main = codes.front();
  for (size_t i = codes.size(); i-- > 1;) {
    char text[256];
    ERR_error_string_n(codes[i], text, sizeof(text));
    out.stack.emplace_back(text);
  }
  return out;
}

// The JS error for `err`; `bare` keeps only the message (key generation's
// errors carry no OpenSSL properties in Node).
v8::Local<v8::Value> ErrorToJs(v8::Isolate* isolate, const SslError& err,
                               const char* fallback, bool bare = false) {
  if (bare && err.main != 0) {
    char text[256];
    ERR_error_string_n(err.main, text, sizeof(text));
    return v8::Exception::Error(JsStr(isolate, text));
  }
  return crypto_util::MakeOpenSslError(isolate, err.main, fallback, err.stack);
}

// Throws the queued OpenSSL error (or `fallback` when none was queued).
void ThrowSsl(v8::Isolate* isolate, const char* fallback) {
  isolate->ThrowException(ErrorToJs(isolate, CollectError(), fallback));
}

// ---------------------------------------------------------------------------
// Handles: a JS object owning an EVP_PKEY or an X509.

struct Holder {
  EVP_PKEY* pkey = nullptr;
  X509* cert = nullptr;
  v8::Global<v8::Object> self;
  ~Holder() {
    EVP_PKEY_free(pkey);
    X509_free(cert);
  }
};

void OnHandleCollected(const v8::WeakCallbackInfo<Holder>& info) {
  Holder* holder = info.GetParameter();
  holder->self.Reset();
  delete holder;
}

// A new handle owning `pkey` and/or `cert` (taken over, even on failure).
v8::MaybeLocal<v8::Object> NewHandle(v8::Isolate* isolate, EVP_PKEY* pkey,
                                     X509* cert = nullptr) {
  auto* holder = new Holder();
  holder->pkey = pkey;
  holder->cert = cert;
  Runtime* runtime = Runtime::From(isolate->GetCurrentContext());
  v8::Local<v8::Object> object;
  if (!runtime->NewHandleObject(kHandleKey).ToLocal(&object)) {
    delete holder;
    return {};
  }
  object->SetAlignedPointerInInternalField(0, holder);
  holder->self.Reset(isolate, object);
  holder->self.SetWeak(holder, OnHandleCollected,
                       v8::WeakCallbackType::kParameter);
  return object;
}

Holder* HolderOf(v8::Local<v8::Value> value) {
  return runtime::HandlePointer<Holder>(value);
}

EVP_PKEY* KeyOf(v8::Local<v8::Value> value) {
  Holder* holder = HolderOf(value);
  JSPACK_CHECK(holder->pkey != nullptr);
  return holder->pkey;
}

X509* CertOf(v8::Local<v8::Value> value) {
  Holder* holder = HolderOf(value);
  JSPACK_CHECK(holder->cert != nullptr);
  return holder->cert;
}

void ReturnHandle(const v8::FunctionCallbackInfo<v8::Value>& args,
                  EVP_PKEY* pkey, X509* cert = nullptr) {
  v8::Local<v8::Object> handle;
  if (NewHandle(args.GetIsolate(), pkey, cert).ToLocal(&handle)) {
    args.GetReturnValue().Set(handle);
  }
}

// ---------------------------------------------------------------------------
// Parsing and exporting keys.

// A passphrase callback for keys read without one: fail, as Node does,
// rather than let OpenSSL prompt on the terminal.
int NoPassphrase(char* buf, int size, int rwflag, void* u) { return -1; }

struct Passphrase {
  const unsigned char* data;
  size_t size;
};

int GivenPassphrase(char* buf, int size, int rwflag, void* u) {
  auto* pass = static_cast<const Passphrase*>(u);
  if (pass->size > static_cast<size_t>(size)) return -1;
  if (pass->size > 0) memcpy(buf, pass->data, pass->size);
  return static_cast<int>(pass->size);
}

// A DER key of a known structure, read the way Node reads one (d2i_*), so
// a malformed one gives the ASN.1 errors Node reports.
EVP_PKEY* DecodeDer(Bytes data, const std::string& type, bool want_private,
                    const Passphrase* pass) {
  const unsigned char* p = data.data;
  long size = static_cast<long>(data.size);
  if (type == "spki") return d2i_PUBKEY(nullptr, &p, size);
  if (type == "pkcs1" && !want_private) {
    return d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, size);
  }
  if (type == "pkcs1") return d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, size);
  if (type == "sec1") return d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, size);
  // PKCS#8, plain or encrypted (an X509_SIG).
  X509_SIG* encrypted = d2i_X509_SIG(nullptr, &p, size);
  if (encrypted != nullptr) {
    X509_SIG_free(encrypted);
    BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
    return d2i_PKCS8PrivateKey_bio(
        bio.get(), nullptr, pass != nullptr ? GivenPassphrase : NoPassphrase,
        const_cast<Passphrase*>(pass));
  }
  ERR_clear_error();
  p = data.data;
  PKCS8_PRIV_KEY_INFO* info = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, size);
  if (info == nullptr) return nullptr;
  EVP_PKEY* pkey = EVP_PKCS82PKEY(info);
  PKCS8_PRIV_KEY_INFO_free(info);
  return pkey;
}

EVP_PKEY* Decode(Bytes data, bool pem, const char* structure,
                 const char* keytype, int selection, const Passphrase* pass) {
  EVP_PKEY* pkey = nullptr;
  OSSL_DECODER_CTX* ctx = OSSL_DECODER_CTX_new_for_pkey(
      &pkey, pem ? "PEM" : "DER", structure, keytype, selection, nullptr,
      nullptr);
  if (ctx == nullptr) return nullptr;
  if (pass != nullptr) {
    OSSL_DECODER_CTX_set_passphrase(ctx, pass->data, pass->size);
  } else {
    OSSL_DECODER_CTX_set_pem_password_cb(ctx, NoPassphrase, nullptr);
  }
  const unsigned char* p = data.data;
  size_t left = data.size;
  if (OSSL_DECODER_from_data(ctx, &p, &left) != 1) {
    EVP_PKEY_free(pkey);
    pkey = nullptr;
  }
  OSSL_DECODER_CTX_free(ctx);
  return pkey;
}

// A PEM private key of any type, through OpenSSL's PEM reader (what Node
// uses, so a bad key queues the same errors).
EVP_PKEY* ReadPemPrivateKey(Bytes data, const Passphrase* pass) {
  BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
  if (pass != nullptr) {
    return PEM_read_bio_PrivateKey(bio.get(), nullptr, GivenPassphrase,
                                   const_cast<Passphrase*>(pass));
  }
  return PEM_read_bio_PrivateKey(bio.get(), nullptr, NoPassphrase, nullptr);
}

// A PEM "PUBLIC KEY" block's DER read with d2i_PUBKEY; `found` says
// whether there was such a block.
EVP_PKEY* ReadPemSpki(Bytes data, bool* found) {
  BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
  unsigned char* der = nullptr;
  long size = 0;
  *found = PEM_bytes_read_bio(&der, &size, nullptr, PEM_STRING_PUBLIC,
                              bio.get(), nullptr, nullptr) == 1;
  if (!*found) return nullptr;
  const unsigned char* p = der;
  EVP_PKEY* pkey = d2i_PUBKEY(nullptr, &p, size);
  OPENSSL_free(der);
  return pkey;
}

X509* ReadCertificate(Bytes data) {
  BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
  X509* cert = PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr);
  if (cert != nullptr) return cert;
  ERR_clear_error();
  const unsigned char* p = data.data;
  return d2i_X509(nullptr, &p, static_cast<long>(data.size));
}

// parseKey(data, pem, type, passphrase | null, wantPrivate) -> handle.
// type: '' (any), 'pkcs1', 'pkcs8', 'spki' or 'sec1'. For a public key
// (wantPrivate false) a private key or a PEM certificate is accepted too.
void ParseKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes data = View(args[0]);
  bool pem = args[1]->IsTrue();
  std::string type = Str(isolate, args[2]);
  Passphrase pass{nullptr, 0};
  bool has_pass = args[3]->IsArrayBufferView();
  if (has_pass) {
    Bytes b = View(args[3]);
    pass = {b.data, b.size};
  }
  bool want_private = args[4]->IsTrue();
  const Passphrase* given = has_pass ? &pass : nullptr;
  EVP_PKEY* pkey = nullptr;
  if (!pem) {
    pkey = DecodeDer(data, type, want_private, given);
  } else if (want_private) {
    pkey = ReadPemPrivateKey(data, given);
  } else {
    // An SPKI public key (read as Node reads it, so its errors are the ones
    // reported), else a public key of another structure (PKCS#1), else a
    // certificate's, else a private key's public half.
    bool spki_block = false;
    pkey = ReadPemSpki(data, &spki_block);
    if (pkey == nullptr) {
      SslError first = CollectError();
      pkey = Decode(data, true, nullptr, nullptr, EVP_PKEY_PUBLIC_KEY, given);
      // Without a PUBLIC KEY block, the decoder's error is the one reported.
      if (pkey == nullptr && !spki_block) first = CollectError();
      ERR_clear_error();
      X509* cert = pkey == nullptr ? ReadCertificate(data) : nullptr;
      if (cert != nullptr) {
        pkey = X509_get_pubkey(cert);
        X509_free(cert);
      }
      ERR_clear_error();
      if (pkey == nullptr) {
        pkey = Decode(data, true, nullptr, nullptr, EVP_PKEY_KEYPAIR, given);
      }
      if (pkey == nullptr) {
        ERR_clear_error();
        isolate->ThrowException(ErrorToJs(isolate, first, "Failed to read key"));
        return;
      }
    }
  }
  if (pkey == nullptr) return ThrowSsl(isolate, "Failed to read key");
  ERR_clear_error();
  ReturnHandle(args, pkey);
}

const char* TypeName(EVP_PKEY* pkey) {
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_DHX: return "dh";
    default: return "";
  }
}

std::string Utf8Param(EVP_PKEY* pkey, const char* name) {
  char buf[128];
  size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(pkey, name, buf, sizeof(buf), &len) != 1) {
    ERR_clear_error();
    return "";
  }
  return std::string(buf, len);
}

std::string BnHex(EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
    ERR_clear_error();
    return "";
  }
  char* hex = BN_bn2hex(bn);
  std::string out(hex);
  OPENSSL_free(hex);
  BN_free(bn);
  return out;
}

// The curve's short name (prime256v1, secp384r1...), as Node reports it.
std::string CurveName(EVP_PKEY* pkey) {
  std::string group = Utf8Param(pkey, OSSL_PKEY_PARAM_GROUP_NAME);
  if (group.empty()) return group;
  int nid = OBJ_sn2nid(group.c_str());
  if (nid == NID_undef) nid = EC_curve_nist2nid(group.c_str());
  if (nid == NID_undef) return group;
  return OBJ_nid2sn(nid);
}

// The PSS restrictions of an RSA-PSS key as its encoding states them (the
// defaults RFC 4055 gives absent fields: SHA-1, MGF1 with SHA-1, salt 20);
// nothing when the key has no restrictions. out[4..6] as keyInfo returns.
void PssDetails(v8::Isolate* isolate, EVP_PKEY* pkey,
                v8::Local<v8::Value>* out) {
  unsigned char* der = nullptr;
  int len = i2d_PUBKEY(pkey, &der);
  if (len <= 0) {
    ERR_clear_error();
    return;
  }
  const unsigned char* p = der;
  X509_PUBKEY* spki = d2i_X509_PUBKEY(nullptr, &p, len);
  OPENSSL_free(der);
  X509_ALGOR* alg = nullptr;
  if (spki == nullptr ||
      X509_PUBKEY_get0_param(nullptr, nullptr, nullptr, &alg, spki) != 1 ||
      alg == nullptr) {
    X509_PUBKEY_free(spki);
    ERR_clear_error();
    return;
  }
  int ptype = 0;
  const void* pval = nullptr;
  X509_ALGOR_get0(nullptr, &ptype, &pval, alg);
  RSA_PSS_PARAMS* params = nullptr;
  if (ptype == V_ASN1_SEQUENCE) {
    const ASN1_STRING* seq = static_cast<const ASN1_STRING*>(pval);
    const unsigned char* q = ASN1_STRING_get0_data(seq);
    params = d2i_RSA_PSS_PARAMS(nullptr, &q, ASN1_STRING_length(seq));
  }
  X509_PUBKEY_free(spki);
  if (params == nullptr) {
    ERR_clear_error();
    return;
  }
  auto digest_name = [](const X509_ALGOR* a) {
    if (a == nullptr) return std::string("sha1");
    const ASN1_OBJECT* obj = nullptr;
    X509_ALGOR_get0(&obj, nullptr, nullptr, a);
    const char* ln = OBJ_nid2ln(OBJ_obj2nid(obj));
    return std::string(ln != nullptr ? ln : "");
  };
  out[4] = JsStr(isolate, digest_name(params->hashAlgorithm));
  // MGF1's hash is the parameter of maskGenAlgorithm, itself an algorithm.
  X509_ALGOR* mgf1_hash = nullptr;
  if (params->maskGenAlgorithm != nullptr) {
    int mtype = 0;
    const void* mval = nullptr;
    X509_ALGOR_get0(nullptr, &mtype, &mval, params->maskGenAlgorithm);
    if (mtype == V_ASN1_SEQUENCE) {
      const ASN1_STRING* seq = static_cast<const ASN1_STRING*>(mval);
      const unsigned char* q = ASN1_STRING_get0_data(seq);
      mgf1_hash = d2i_X509_ALGOR(nullptr, &q, ASN1_STRING_length(seq));
    }
  }
  out[5] = JsStr(isolate, digest_name(mgf1_hash));
  X509_ALGOR_free(mgf1_hash);
  long salt = 20;
  if (params->saltLength != nullptr) salt = ASN1_INTEGER_get(params->saltLength);
  out[6] = v8::Number::New(isolate, static_cast<double>(salt));
  RSA_PSS_PARAMS_free(params);
}

// keyInfo(handle) -> [type, bits, publicExponentHex, curve, hash, mgf1Hash,
//                     saltLength, divisorBits]; absent parts are undefined.
void KeyInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  EVP_PKEY* pkey = KeyOf(args[0]);
  v8::Local<v8::Value> out[8];
  for (auto& v : out) v = v8::Undefined(isolate);
  int id = EVP_PKEY_get_base_id(pkey);
  out[0] = JsStr(isolate, TypeName(pkey));
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    out[1] = v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey));
    out[2] = JsStr(isolate, BnHex(pkey, OSSL_PKEY_PARAM_RSA_E));
    if (id == EVP_PKEY_RSA_PSS) PssDetails(isolate, pkey, out);
  } else if (id == EVP_PKEY_EC) {
    out[3] = JsStr(isolate, CurveName(pkey));
  } else if (id == EVP_PKEY_DSA) {
    out[1] = v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey));
    std::string q = BnHex(pkey, OSSL_PKEY_PARAM_FFC_Q);
    out[7] = v8::Integer::New(isolate, static_cast<int>(q.size() * 4));
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 8));
}

bool DigestByName(v8::Isolate* isolate, v8::Local<v8::Value> name,
                  const EVP_MD** md);

const EVP_CIPHER* CipherByName(v8::Isolate* isolate, v8::Local<v8::Value> v) {
  if (!v->IsString()) return nullptr;
  return EVP_get_cipherbyname(Str(isolate, v).c_str());
}

// cipherKnown(name) -> bool.
void CipherKnown(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(CipherByName(args.GetIsolate(), args[0]) !=
                            nullptr);
}

// digestKnown(name) -> bool.
void DigestKnown(const v8::FunctionCallbackInfo<v8::Value>& args) {
  const EVP_MD* md;
  args.GetReturnValue().Set(DigestByName(args.GetIsolate(), args[0], &md) &&
                            md != nullptr);
}

// exportKey(handle, private, pem, type, cipher | null, passphrase | null)
// -> ArrayBuffer. type: 'pkcs1', 'pkcs8', 'spki' or 'sec1'. JS checked the
// combination (and that `cipher` names a known cipher).
void ExportKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  EVP_PKEY* pkey = KeyOf(args[0]);
  bool priv = args[1]->IsTrue();
  bool pem = args[2]->IsTrue();
  std::string type = Str(isolate, args[3]);
  const EVP_CIPHER* cipher = CipherByName(isolate, args[4]);
  Bytes pass;
  if (args[5]->IsArrayBufferView()) pass = View(args[5]);
  // OpenSSL wants a non-null passphrase pointer when encrypting.
  static unsigned char kEmpty[1] = {0};
  unsigned char* pass_data =
      pass.data != nullptr ? const_cast<unsigned char*>(pass.data) : kEmpty;
  int pass_len = static_cast<int>(pass.size);
  BioPtr bio(BIO_new(BIO_s_mem()));
  int ok = 0;
  if (priv) {
    if (type == "pkcs8") {
      ok = pem ? PEM_write_bio_PKCS8PrivateKey(
                     bio.get(), pkey, cipher, reinterpret_cast<char*>(pass_data),
                     pass_len, nullptr, nullptr)
               : i2d_PKCS8PrivateKey_bio(bio.get(), pkey, cipher,
                                         reinterpret_cast<char*>(pass_data),
                                         pass_len, nullptr, nullptr);
    } else if (pem) {
      ok = PEM_write_bio_PrivateKey_traditional(
          bio.get(), pkey, cipher, cipher ? pass_data : nullptr, pass_len,
          nullptr, nullptr);
    } else {
      ok = i2d_PrivateKey_bio(bio.get(), pkey);
    }
  } else if (type == "spki") {
    ok = pem ? PEM_write_bio_PUBKEY(bio.get(), pkey)
             : i2d_PUBKEY_bio(bio.get(), pkey);
  } else {
    // PKCS#1 RSAPublicKey.
    OSSL_ENCODER_CTX* ctx = OSSL_ENCODER_CTX_new_for_pkey(
        pkey, EVP_PKEY_PUBLIC_KEY, pem ? "PEM" : "DER", "type-specific",
        nullptr);
    ok = ctx != nullptr && OSSL_ENCODER_to_bio(ctx, bio.get()) == 1;
    OSSL_ENCODER_CTX_free(ctx);
  }
  if (ok != 1) return ThrowSsl(isolate, "Failed to encode key");
  args.GetReturnValue().Set(JsBytes(isolate, BioBytes(bio.get())));
}

std::vector<unsigned char> BnBytes(const BIGNUM* bn, int pad = 0) {
  int size = BN_num_bytes(bn);
  if (pad > size) size = pad;
  std::vector<unsigned char> out(size);
  BN_bn2binpad(bn, out.data(), size);
  return out;
}

v8::Local<v8::Value> BnParam(v8::Isolate* isolate, EVP_PKEY* pkey,
                             const char* name, int pad = 0) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) {
    ERR_clear_error();
    return v8::Undefined(isolate);
  }
  std::vector<unsigned char> bytes = BnBytes(bn, pad);
  BN_clear_free(bn);
  return JsBytes(isolate, bytes);
}

// exportJwk(handle, private) -> parts as ArrayBuffers (undefined where the
// key has none): rsa [n, e, d, p, q, dp, dq, qi]; ec [curve, x, y, d];
// okp [x, d]; undefined for other types.
void ExportJwk(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  EVP_PKEY* pkey = KeyOf(args[0]);
  bool priv = args[1]->IsTrue();
  int id = EVP_PKEY_get_base_id(pkey);
  std::vector<v8::Local<v8::Value>> out;
  if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    const char* names[] = {
        OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,
        OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,
        OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
        OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
    for (int i = 0; i < (priv ? 8 : 2); ++i) {
      out.push_back(BnParam(isolate, pkey, names[i]));
    }
  } else if (id == EVP_PKEY_EC) {
    int size = (EVP_PKEY_get_bits(pkey) + 7) / 8;
    out.push_back(JsStr(isolate, CurveName(pkey)));
    out.push_back(BnParam(isolate, pkey, OSSL_PKEY_PARAM_EC_PUB_X, size));
    out.push_back(BnParam(isolate, pkey, OSSL_PKEY_PARAM_EC_PUB_Y, size));
    if (priv) out.push_back(BnParam(isolate, pkey, OSSL_PKEY_PARAM_PRIV_KEY, size));
  } else if (id == EVP_PKEY_ED25519 || id == EVP_PKEY_ED448 ||
             id == EVP_PKEY_X25519 || id == EVP_PKEY_X448) {
    unsigned char buf[64];
    size_t len = sizeof(buf);
    if (EVP_PKEY_get_raw_public_key(pkey, buf, &len) != 1) {
      return ThrowSsl(isolate, "Failed to get public key");
    }
    out.push_back(JsBytes(isolate, buf, len));
    if (priv) {
      len = sizeof(buf);
      if (EVP_PKEY_get_raw_private_key(pkey, buf, &len) != 1) {
        return ThrowSsl(isolate, "Failed to get private key");
      }
      out.push_back(JsBytes(isolate, buf, len));
    }
  } else {
    return;
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

BIGNUM* ToBn(Bytes b) {
  return BN_bin2bn(b.data, static_cast<int>(b.size), nullptr);
}

EVP_PKEY* FromData(const char* type, OSSL_PARAM_BLD* bld, int selection) {
  OSSL_PARAM* params = OSSL_PARAM_BLD_to_param(bld);
  EVP_PKEY* pkey = nullptr;
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  if (params != nullptr && ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1) {
    if (EVP_PKEY_fromdata(ctx.get(), &pkey, selection, params) != 1) {
      pkey = nullptr;
    }
  }
  OSSL_PARAM_free(params);
  return pkey;
}

// importRsa(n, e, d?, p?, q?, dp?, dq?, qi?) -> handle; the private parts
// all present or all absent (JS checked).
void ImportRsa(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  const char* names[] = {
      OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,
      OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,
      OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
      OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
  bool priv = args.Length() >= 8 && args[2]->IsArrayBufferView();
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  std::vector<BnPtr> bns;
  for (int i = 0; i < (priv ? 8 : 2); ++i) {
    bns.emplace_back(ToBn(View(args[i])));
    OSSL_PARAM_BLD_push_BN(bld, names[i], bns.back().get());
  }
  EVP_PKEY* pkey = FromData("RSA", bld, priv ? EVP_PKEY_KEYPAIR
                                             : EVP_PKEY_PUBLIC_KEY);
  OSSL_PARAM_BLD_free(bld);
  if (pkey == nullptr) return ThrowSsl(isolate, "Invalid JWK RSA key");
  ReturnHandle(args, pkey);
}

int CurveNid(const std::string& name) {
  int nid = EC_curve_nist2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_sn2nid(name.c_str());
  if (nid == NID_undef) nid = OBJ_ln2nid(name.c_str());
  return nid;
}

// importEc(curve, x, y, d | undefined) -> handle | undefined (not a point
// of the curve, or a bad private key).
void ImportEc(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int nid = CurveNid(Str(isolate, args[0]));
  if (nid == NID_undef) return;
  Bytes x = View(args[1]);
  Bytes y = View(args[2]);
  std::vector<unsigned char> point(1 + x.size + y.size);
  point[0] = 4;
  if (x.size) memcpy(point.data() + 1, x.data, x.size);
  if (y.size) memcpy(point.data() + 1 + x.size, y.data, y.size);
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME,
                                  OBJ_nid2sn(nid), 0);
  OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                   point.size());
  BnPtr d;
  bool priv = args[3]->IsArrayBufferView();
  if (priv) {
    d.reset(ToBn(View(args[3])));
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY, d.get());
  }
  EVP_PKEY* pkey =
      FromData("EC", bld, priv ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
  OSSL_PARAM_BLD_free(bld);
  ERR_clear_error();
  if (pkey == nullptr) return;
  // fromdata does not check that the point is on the curve.
  PkeyCtxPtr check(EVP_PKEY_CTX_new(pkey, nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1 ||
      (priv && EVP_PKEY_pairwise_check(check.get()) != 1)) {
    ERR_clear_error();
    EVP_PKEY_free(pkey);
    return;
  }
  ReturnHandle(args, pkey);
}

// importRaw(type, bytes, private) -> handle | undefined: an Ed25519/Ed448/
// X25519/X448 key from its raw bytes. type: OpenSSL's name ('ED25519'...).
void ImportRaw(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string type = Str(isolate, args[0]);
  Bytes b = View(args[1]);
  EVP_PKEY* pkey =
      args[2]->IsTrue()
          ? EVP_PKEY_new_raw_private_key_ex(nullptr, type.c_str(), nullptr,
                                            b.data, b.size)
          : EVP_PKEY_new_raw_public_key_ex(nullptr, type.c_str(), nullptr,
                                           b.data, b.size);
  ERR_clear_error();
  if (pkey == nullptr) return;
  ReturnHandle(args, pkey);
}

// keysEqual(a, b) -> bool: the same public key (and type).
void KeysEqual(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int r = EVP_PKEY_eq(KeyOf(args[0]), KeyOf(args[1]));
  ERR_clear_error();
  args.GetReturnValue().Set(r == 1);
}

// ---------------------------------------------------------------------------
// Key generation, sync or on the thread pool.

struct GenParams {
  std::string type;  // 'rsa', 'rsa-pss', 'ec', 'ed25519', 'x25519', ...
  int bits = 0;
  uint64_t exponent = 65537;
  std::string hash;
  std::string mgf1_hash;
  int salt_length = -1;
  std::string curve;
  bool explicit_params = false;
  int divisor_bits = -1;
  std::vector<unsigned char> prime;  // 'dh': the group's prime.
  unsigned int generator = 2;        // 'dh'.
};

// A DH key pair in the group (prime, generator).
EVP_PKEY* GenerateDh(const GenParams& p) {
  BnPtr prime(BN_bin2bn(p.prime.data(), static_cast<int>(p.prime.size()),
                        nullptr));
  BnPtr generator(BN_new());
  if (!prime || !generator || BN_set_word(generator.get(), p.generator) != 1) {
    return nullptr;
  }
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, prime.get());
  OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, generator.get());
  EVP_PKEY* params = FromData("DH", bld, EVP_PKEY_KEY_PARAMETERS);
  OSSL_PARAM_BLD_free(bld);
  if (params == nullptr) return nullptr;
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, params, nullptr));
  EVP_PKEY_free(params);
  EVP_PKEY* pkey = nullptr;
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
      EVP_PKEY_keygen(ctx.get(), &pkey) != 1) {
    return nullptr;
  }
  return pkey;
}

EVP_PKEY* Generate(const GenParams& p) {
  EVP_PKEY* pkey = nullptr;
  if (p.type == "dh") return GenerateDh(p);
  if (p.type == "dsa") {
    PkeyCtxPtr pctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
    EVP_PKEY* params = nullptr;
    if (!pctx || EVP_PKEY_paramgen_init(pctx.get()) != 1 ||
        EVP_PKEY_CTX_set_dsa_paramgen_bits(pctx.get(), p.bits) != 1 ||
        (p.divisor_bits >= 0 && EVP_PKEY_CTX_set_dsa_paramgen_q_bits(
                                    pctx.get(), p.divisor_bits) != 1) ||
        EVP_PKEY_paramgen(pctx.get(), &params) != 1) {
      return nullptr;
    }
    PkeyCtxPtr kctx(EVP_PKEY_CTX_new(params, nullptr));
    EVP_PKEY_free(params);
    if (!kctx || EVP_PKEY_keygen_init(kctx.get()) != 1 ||
        EVP_PKEY_keygen(kctx.get(), &pkey) != 1) {
      return nullptr;
    }
    return pkey;
  }
  const char* name = nullptr;
  if (p.type == "rsa") name = "RSA";
  else if (p.type == "rsa-pss") name = "RSA-PSS";
  else if (p.type == "ec") name = "EC";
  else if (p.type == "ed25519") name = "ED25519";
  else if (p.type == "ed448") name = "ED448";
  else if (p.type == "x25519") name = "X25519";
  else if (p.type == "x448") name = "X448";
  else return nullptr;
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, name, nullptr));
  if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) return nullptr;
  if (p.type == "rsa" || p.type == "rsa-pss") {
    BnPtr e(BN_new());
    if (!e || BN_set_word(e.get(), p.exponent) != 1) return nullptr;
    if (EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), p.bits) != 1 ||
        EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx.get(), e.get()) != 1) {
      return nullptr;
    }
    if (p.type == "rsa-pss") {
      if (!p.hash.empty() && EVP_PKEY_CTX_set_rsa_pss_keygen_md_name(
                                 ctx.get(), p.hash.c_str(), nullptr) != 1) {
        return nullptr;
      }
      if (!p.mgf1_hash.empty() &&
          EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md_name(
              ctx.get(), p.mgf1_hash.c_str()) != 1) {
        return nullptr;
      }
      if (p.salt_length >= 0 && EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(
                                    ctx.get(), p.salt_length) != 1) {
        return nullptr;
      }
    }
  } else if (p.type == "ec") {
    int nid = CurveNid(p.curve);
    if (nid == NID_undef ||
        EVP_PKEY_CTX_set_group_name(ctx.get(), OBJ_nid2sn(nid)) != 1) {
      return nullptr;
    }
    if (p.explicit_params &&
        EVP_PKEY_CTX_set_ec_param_enc(ctx.get(), OPENSSL_EC_EXPLICIT_CURVE) !=
            1) {
      return nullptr;
    }
  }
  if (EVP_PKEY_keygen(ctx.get(), &pkey) != 1) return nullptr;
  return pkey;
}

struct GenReq {
  uv_work_t work;
  Runtime* runtime;
  v8::Global<v8::Function> callback;
  GenParams params;
  EVP_PKEY* result = nullptr;
  SslError error;
};

void GenWork(uv_work_t* work) {
  auto* req = static_cast<GenReq*>(work->data);
  req->result = Generate(req->params);
  if (req->result == nullptr) req->error = CollectError();
  ERR_clear_error();
}

void GenDone(uv_work_t* work, int status) {
  std::unique_ptr<GenReq> req(static_cast<GenReq*>(work->data));
  v8::Isolate* isolate = req->runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = req->runtime->context();
  v8::Context::Scope context_scope(context);
  v8::Local<v8::Value> argv[2] = {v8::Undefined(isolate),
                                  v8::Undefined(isolate)};
  if (req->result == nullptr) {
    // Node's key generation errors carry only the message.
    argv[0] = ErrorToJs(isolate, req->error, "Key generation failed", true);
  } else {
    v8::Local<v8::Object> handle;
    if (!NewHandle(isolate, req->result).ToLocal(&handle)) return;
    argv[1] = handle;
  }
  req->runtime->MakeCallback(req->callback.Get(isolate), 2, argv);
}

// generateKeyPair(type, bits, exponent, hash, mgf1Hash, saltLength, curve,
//                 explicit, divisorBits, prime?, generator, callback?)
// -> handle (sync), or
// undefined and later callback(err, handle) from the thread pool. Empty
// strings and -1 mean "not given".
void GenerateKeyPair(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  GenParams p;
  p.type = Str(isolate, args[0]);
  p.bits = args[1]->Int32Value(context).FromMaybe(0);
  p.exponent = static_cast<uint64_t>(args[2]->NumberValue(context).FromMaybe(65537));
  p.hash = Str(isolate, args[3]);
  p.mgf1_hash = Str(isolate, args[4]);
  p.salt_length = args[5]->Int32Value(context).FromMaybe(-1);
  p.curve = Str(isolate, args[6]);
  p.explicit_params = args[7]->IsTrue();
  p.divisor_bits = args[8]->Int32Value(context).FromMaybe(-1);
  if (args[9]->IsArrayBufferView()) {
    Bytes prime = View(args[9]);
    p.prime.assign(prime.data, prime.data + prime.size);
  }
  p.generator = args[10]->Uint32Value(context).FromMaybe(2);
  if (args[11]->IsFunction()) {
    auto* req = new GenReq();
    req->runtime = Runtime::From(args);
    req->callback.Reset(isolate, args[11].As<v8::Function>());
    req->params = p;
    req->work.data = req;
    int err = uv_queue_work(req->runtime->loop(), &req->work, GenWork, GenDone);
    JSPACK_CHECK(err == 0);
    return;
  }
  EVP_PKEY* pkey = Generate(p);
  if (pkey == nullptr) {
    isolate->ThrowException(
        ErrorToJs(isolate, CollectError(), "Key generation failed", true));
    return;
  }
  ReturnHandle(args, pkey);
}

// ---------------------------------------------------------------------------
// Signatures.

constexpr int kDsaDer = 0;
constexpr int kDsaP1363 = 1;

// The size in bytes of r (and s) in an IEEE P1363 ECDSA/DSA signature.
int P1363Half(EVP_PKEY* pkey) {
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_EC) return (EVP_PKEY_get_bits(pkey) + 7) / 8;
  if (id == EVP_PKEY_DSA) {
    std::string q = BnHex(pkey, OSSL_PKEY_PARAM_FFC_Q);
    return static_cast<int>((q.size() + 1) / 2);
  }
  return 0;
}

bool DerToP1363(const std::vector<unsigned char>& der, int half,
                std::vector<unsigned char>* out) {
  const unsigned char* p = der.data();
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr) return false;
  const BIGNUM* r;
  const BIGNUM* s;
  ECDSA_SIG_get0(sig, &r, &s);
  out->assign(2 * half, 0);
  bool ok = BN_bn2binpad(r, out->data(), half) == half &&
            BN_bn2binpad(s, out->data() + half, half) == half;
  ECDSA_SIG_free(sig);
  return ok;
}

bool P1363ToDer(Bytes raw, int half, std::vector<unsigned char>* out) {
  if (half == 0 || raw.size != static_cast<size_t>(2 * half)) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(raw.data, half, nullptr);
  BIGNUM* s = BN_bin2bn(raw.data + half, half, nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr ||
      ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return false;
  }
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (len <= 0) return false;
  out->assign(der, der + len);
  OPENSSL_free(der);
  return true;
}

// Sets RSA padding and PSS salt length on a signing context; -1 means the
// key type's default.
bool ApplyRsaOptions(EVP_PKEY_CTX* pctx, EVP_PKEY* pkey, int padding,
                     int salt_length) {
  int id = EVP_PKEY_get_base_id(pkey);
  if (id != EVP_PKEY_RSA && id != EVP_PKEY_RSA_PSS) return true;
  if (padding >= 0 && EVP_PKEY_CTX_set_rsa_padding(pctx, padding) <= 0) {
    return false;
  }
  bool pss = padding == RSA_PKCS1_PSS_PADDING ||
             (padding < 0 && id == EVP_PKEY_RSA_PSS);
  if (pss && salt_length != INT32_MIN &&
      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, salt_length) <= 0) {
    return false;
  }
  return true;
}

// Looks up a digest by any of the names Node accepts ('sha256',
// 'RSA-SHA256', 'sha256WithRSAEncryption'...). Returns false for an unknown
// name; *md is null when none was given.
bool DigestByName(v8::Isolate* isolate, v8::Local<v8::Value> name,
                  const EVP_MD** md) {
  *md = nullptr;
  if (!name->IsString()) return true;
  *md = EVP_get_digestbyname(Str(isolate, name).c_str());
  return *md != nullptr;
}

// sign(handle, digest | null, data, padding, saltLength, dsaEncoding)
// -> ArrayBuffer, or null for an unknown digest. padding -1 and saltLength
// INT32_MIN mean the defaults.
void Sign(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  EVP_PKEY* pkey = KeyOf(args[0]);
  const EVP_MD* md;
  if (!DigestByName(isolate, args[1], &md)) {
    args.GetReturnValue().SetNull();
    return;
  }
  Bytes data = View(args[2]);
  int padding = args[3]->Int32Value(context).FromMaybe(-1);
  int salt = args[4]->Int32Value(context).FromMaybe(INT32_MIN);
  int encoding = args[5]->Int32Value(context).FromMaybe(kDsaDer);
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, pkey) != 1 ||
      !ApplyRsaOptions(pctx, pkey, padding, salt) ||
      EVP_DigestSign(ctx.get(), nullptr, &len, data.data, data.size) != 1) {
    return ThrowSsl(isolate, "Failed to sign");
  }
  std::vector<unsigned char> sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, data.data, data.size) != 1) {
    return ThrowSsl(isolate, "Failed to sign");
  }
  sig.resize(len);
  int half = P1363Half(pkey);
  if (encoding == kDsaP1363 && half > 0) {
    std::vector<unsigned char> raw;
    if (!DerToP1363(sig, half, &raw)) return ThrowSsl(isolate, "Failed to sign");
    sig.swap(raw);
  }
  args.GetReturnValue().Set(JsBytes(isolate, sig));
}

// verify(handle, digest | null, data, signature, padding, saltLength,
//        dsaEncoding) -> bool, or null for an unknown digest.
void Verify(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  EVP_PKEY* pkey = KeyOf(args[0]);
  const EVP_MD* md;
  if (!DigestByName(isolate, args[1], &md)) {
    args.GetReturnValue().SetNull();
    return;
  }
  Bytes data = View(args[2]);
  Bytes sig = View(args[3]);
  int padding = args[4]->Int32Value(context).FromMaybe(-1);
  int salt = args[5]->Int32Value(context).FromMaybe(INT32_MIN);
  int encoding = args[6]->Int32Value(context).FromMaybe(kDsaDer);
  std::vector<unsigned char> der;
  int half = P1363Half(pkey);
  if (encoding == kDsaP1363 && half > 0) {
    if (!P1363ToDer(sig, half, &der)) {
      args.GetReturnValue().Set(false);
      return;
    }
    sig = {der.data(), der.size()};
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pctx, md, nullptr, pkey) != 1 ||
      !ApplyRsaOptions(pctx, pkey, padding, salt)) {
    return ThrowSsl(isolate, "Failed to verify");
  }
  int r = EVP_DigestVerify(ctx.get(), sig.data, sig.size, data.data, data.size);
  ERR_clear_error();
  args.GetReturnValue().Set(r == 1);
}

// ---------------------------------------------------------------------------
// RSA encryption.

constexpr int kPublicEncrypt = 0;
constexpr int kPrivateDecrypt = 1;
constexpr int kPrivateEncrypt = 2;
constexpr int kPublicDecrypt = 3;

// rsaCipher(op, handle, data, padding, oaepHash | null, label | null)
// -> ArrayBuffer, or null for an unknown oaepHash.
void RsaCipher(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  int op = args[0]->Int32Value(context).FromMaybe(0);
  EVP_PKEY* pkey = KeyOf(args[1]);
  Bytes data = View(args[2]);
  int padding = args[3]->Int32Value(context).FromMaybe(RSA_PKCS1_OAEP_PADDING);
  const EVP_MD* md;
  if (!DigestByName(isolate, args[4], &md)) {
    args.GetReturnValue().SetNull();
    return;
  }
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(pkey, nullptr));
  if (!ctx) return ThrowSsl(isolate, "Failed to create context");
  int ok;
  switch (op) {
    case kPublicEncrypt: ok = EVP_PKEY_encrypt_init(ctx.get()); break;
    case kPrivateDecrypt: ok = EVP_PKEY_decrypt_init(ctx.get()); break;
    case kPrivateEncrypt: ok = EVP_PKEY_sign_init(ctx.get()); break;
    default: ok = EVP_PKEY_verify_recover_init(ctx.get()); break;
  }
  if (ok != 1 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), padding) <= 0) {
    return ThrowSsl(isolate, "Failed to set padding");
  }
  if (padding == RSA_PKCS1_OAEP_PADDING) {
    if (md != nullptr && (EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md) <= 0 ||
                          EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), md) <= 0)) {
      return ThrowSsl(isolate, "Failed to set digest");
    }
    if (args[5]->IsArrayBufferView()) {
      Bytes label = View(args[5]);
      if (label.size > 0) {
        void* copy = OPENSSL_memdup(label.data, label.size);
        if (EVP_PKEY_CTX_set0_rsa_oaep_label(ctx.get(), copy,
                                             static_cast<int>(label.size)) <= 0) {
          OPENSSL_free(copy);
          return ThrowSsl(isolate, "Failed to set label");
        }
      }
    }
  }
  auto run = [&](unsigned char* out, size_t* len) {
    switch (op) {
      case kPublicEncrypt:
        return EVP_PKEY_encrypt(ctx.get(), out, len, data.data, data.size);
      case kPrivateDecrypt:
        return EVP_PKEY_decrypt(ctx.get(), out, len, data.data, data.size);
      case kPrivateEncrypt:
        return EVP_PKEY_sign(ctx.get(), out, len, data.data, data.size);
      default:
        return EVP_PKEY_verify_recover(ctx.get(), out, len, data.data,
                                       data.size);
    }
  };
  size_t len = 0;
  if (run(nullptr, &len) != 1) return ThrowSsl(isolate, "Operation failed");
  std::vector<unsigned char> out(len);
  if (run(out.data(), &len) != 1) return ThrowSsl(isolate, "Operation failed");
  out.resize(len);
  args.GetReturnValue().Set(JsBytes(isolate, out));
}

// ---------------------------------------------------------------------------
// Key agreement.

// deriveSecret(privateHandle, publicHandle) -> ArrayBuffer.
void DeriveSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  PkeyCtxPtr ctx(EVP_PKEY_CTX_new(KeyOf(args[0]), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), KeyOf(args[1])) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &len) != 1) {
    return ThrowSsl(isolate, "Failed to derive secret");
  }
  std::vector<unsigned char> out(len);
  if (EVP_PKEY_derive(ctx.get(), out.data(), &len) != 1) {
    return ThrowSsl(isolate, "Failed to derive secret");
  }
  out.resize(len);
  args.GetReturnValue().Set(JsBytes(isolate, out));
}

struct GroupFree {
  void operator()(EC_GROUP* g) const { EC_GROUP_free(g); }
};
using GroupPtr = std::unique_ptr<EC_GROUP, GroupFree>;
struct PointFree {
  void operator()(EC_POINT* p) const { EC_POINT_free(p); }
};
using PointPtr = std::unique_ptr<EC_POINT, PointFree>;

GroupPtr GroupOf(v8::Isolate* isolate, v8::Local<v8::Value> name) {
  int nid = CurveNid(Str(isolate, name));
  if (nid == NID_undef) return nullptr;
  return GroupPtr(EC_GROUP_new_by_curve_name(nid));
}

std::vector<unsigned char> PointBytes(const EC_GROUP* group,
                                      const EC_POINT* point,
                                      point_conversion_form_t form) {
  size_t len = EC_POINT_point2oct(group, point, form, nullptr, 0, nullptr);
  std::vector<unsigned char> out(len);
  if (len > 0) EC_POINT_point2oct(group, point, form, out.data(), len, nullptr);
  return out;
}

// ecCurveValid(curve) -> bool.
void EcCurveValid(const v8::FunctionCallbackInfo<v8::Value>& args) {
  GroupPtr group = GroupOf(args.GetIsolate(), args[0]);
  ERR_clear_error();
  args.GetReturnValue().Set(group != nullptr);
}

// ecGenerate(curve) -> [private (order-sized), public (uncompressed)].
void EcGenerate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  GroupPtr group = GroupOf(isolate, args[0]);
  if (!group) return ThrowSsl(isolate, "Invalid EC curve name");
  BnPtr priv(BN_new());
  PointPtr pub(EC_POINT_new(group.get()));
  const BIGNUM* order = EC_GROUP_get0_order(group.get());
  do {
    if (BN_priv_rand_range(priv.get(), order) != 1) {
      return ThrowSsl(isolate, "Failed to generate key");
    }
  } while (BN_is_zero(priv.get()));
  if (EC_POINT_mul(group.get(), pub.get(), priv.get(), nullptr, nullptr,
                   nullptr) != 1) {
    return ThrowSsl(isolate, "Failed to generate key");
  }
  v8::Local<v8::Value> out[] = {
      JsBytes(isolate, BnBytes(priv.get(), BN_num_bytes(order))),
      JsBytes(isolate, PointBytes(group.get(), pub.get(),
                                  POINT_CONVERSION_UNCOMPRESSED))};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 2));
}

// ecPublicFromPrivate(curve, private) -> public (uncompressed) | undefined
// when the private key is out of range.
void EcPublicFromPrivate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  GroupPtr group = GroupOf(isolate, args[0]);
  JSPACK_CHECK(group != nullptr);
  BnPtr priv(ToBn(View(args[1])));
  const BIGNUM* order = EC_GROUP_get0_order(group.get());
  if (!priv || BN_is_zero(priv.get()) || BN_cmp(priv.get(), order) >= 0) return;
  PointPtr pub(EC_POINT_new(group.get()));
  if (EC_POINT_mul(group.get(), pub.get(), priv.get(), nullptr, nullptr,
                   nullptr) != 1) {
    ERR_clear_error();
    return;
  }
  args.GetReturnValue().Set(JsBytes(
      isolate,
      PointBytes(group.get(), pub.get(), POINT_CONVERSION_UNCOMPRESSED)));
}

PointPtr ReadPoint(const EC_GROUP* group, Bytes b) {
  PointPtr point(EC_POINT_new(group));
  if (!point || b.size == 0 ||
      EC_POINT_oct2point(group, point.get(), b.data, b.size, nullptr) != 1 ||
      EC_POINT_is_on_curve(group, point.get(), nullptr) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  return point;
}

// ecComputeSecret(curve, private, peerPublic) -> ArrayBuffer | undefined
// when the peer's point is not on the curve.
void EcComputeSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  GroupPtr group = GroupOf(isolate, args[0]);
  JSPACK_CHECK(group != nullptr);
  BnPtr priv(ToBn(View(args[1])));
  PointPtr peer = ReadPoint(group.get(), View(args[2]));
  if (!peer || !priv) return;
  PointPtr shared(EC_POINT_new(group.get()));
  BnPtr x(BN_new());
  if (EC_POINT_mul(group.get(), shared.get(), nullptr, peer.get(), priv.get(),
                   nullptr) != 1 ||
      EC_POINT_get_affine_coordinates(group.get(), shared.get(), x.get(),
                                      nullptr, nullptr) != 1) {
    ERR_clear_error();
    return;
  }
  int size = (EC_GROUP_get_degree(group.get()) + 7) / 8;
  args.GetReturnValue().Set(JsBytes(isolate, BnBytes(x.get(), size)));
}

// ecConvertPoint(curve, point, compressed | hybrid: 0 uncompressed,
// 1 compressed, 2 hybrid) -> ArrayBuffer | undefined for a bad point.
void EcConvertPoint(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  GroupPtr group = GroupOf(isolate, args[0]);
  JSPACK_CHECK(group != nullptr);
  PointPtr point = ReadPoint(group.get(), View(args[1]));
  if (!point) return;
  int form = args[2]->Int32Value(context).FromMaybe(0);
  point_conversion_form_t f = form == 1   ? POINT_CONVERSION_COMPRESSED
                              : form == 2 ? POINT_CONVERSION_HYBRID
                                          : POINT_CONVERSION_UNCOMPRESSED;
  args.GetReturnValue().Set(JsBytes(isolate, PointBytes(group.get(), point.get(), f)));
}

// ---------------------------------------------------------------------------
// Finite-field Diffie-Hellman (createDiffieHellman, getDiffieHellman). The
// JS object keeps prime, generator and keys as bytes; each call builds a DH.

struct DhFree {
  void operator()(DH* d) const { DH_free(d); }
};
using DhPtr = std::unique_ptr<DH, DhFree>;

// A DH with prime p and generator g (and private key `priv` if given);
// null (error queued) when OpenSSL refuses them.
DhPtr MakeDh(Bytes p, Bytes g, const Bytes* priv) {
  DhPtr dh(DH_new());
  BIGNUM* bp = ToBn(p);
  BIGNUM* bg = ToBn(g);
  if (!dh || bp == nullptr || bg == nullptr ||
      DH_set0_pqg(dh.get(), bp, nullptr, bg) != 1) {
    BN_free(bp);
    BN_free(bg);
    return nullptr;
  }
  if (priv != nullptr) {
    BIGNUM* bx = ToBn(*priv);
    if (bx == nullptr || DH_set0_key(dh.get(), nullptr, bx) != 1) {
      BN_free(bx);
      return nullptr;
    }
  }
  return dh;
}

// dhGroupPrime(name) -> ArrayBuffer | undefined: the RFC 2409/3526 MODP
// group primes (generator 2).
void DhGroupPrime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::string name = Str(args.GetIsolate(), args[0]);
  BIGNUM* (*get)(BIGNUM*) = nullptr;
  if (name == "modp1") get = BN_get_rfc2409_prime_768;
  else if (name == "modp2") get = BN_get_rfc2409_prime_1024;
  else if (name == "modp5") get = BN_get_rfc3526_prime_1536;
  else if (name == "modp14") get = BN_get_rfc3526_prime_2048;
  else if (name == "modp15") get = BN_get_rfc3526_prime_3072;
  else if (name == "modp16") get = BN_get_rfc3526_prime_4096;
  else if (name == "modp17") get = BN_get_rfc3526_prime_6144;
  else if (name == "modp18") get = BN_get_rfc3526_prime_8192;
  if (get == nullptr) return;
  BnPtr p(get(nullptr));
  if (!p) return ThrowSsl(args.GetIsolate(), "Failed to get DH group");
  args.GetReturnValue().Set(JsBytes(args.GetIsolate(), BnBytes(p.get())));
}

// dhGeneratePrime(bits, generator) -> prime ArrayBuffer.
void DhGeneratePrime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  int bits = args[0]->Int32Value(context).FromMaybe(0);
  int generator = args[1]->Int32Value(context).FromMaybe(2);
  DhPtr dh(DH_new());
  if (!dh || DH_generate_parameters_ex(dh.get(), bits, generator, nullptr) != 1) {
    return ThrowSsl(isolate, "Failed to generate DH parameters");
  }
  args.GetReturnValue().Set(JsBytes(isolate, BnBytes(DH_get0_p(dh.get()))));
}

// dhCheck(prime, generator) -> DH_check's flags (verifyError), or throws
// OpenSSL's error for a generator below 2.
void DhCheck(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes g = View(args[1]);
  BnPtr bg(ToBn(g));
  if (!bg || BN_is_zero(bg.get()) || BN_is_one(bg.get())) {
    ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
    return ThrowSsl(isolate, "Bad generator");
  }
  DhPtr dh = MakeDh(View(args[0]), g, nullptr);
  int codes = 0;
  if (!dh || DH_check(dh.get(), &codes) != 1) {
    return ThrowSsl(isolate, "Failed to check DH parameters");
  }
  ERR_clear_error();
  args.GetReturnValue().Set(codes);
}

// dhGenerateKeys(prime, generator, private | undefined) -> [private,
// public]: a new key pair, or the public key of the given private key.
void DhGenerateKeys(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes priv;
  bool has_priv = args[2]->IsArrayBufferView();
  if (has_priv) priv = View(args[2]);
  DhPtr dh = MakeDh(View(args[0]), View(args[1]), has_priv ? &priv : nullptr);
  if (!dh || DH_generate_key(dh.get()) != 1) {
    return ThrowSsl(isolate, "Failed to generate DH keys");
  }
  const BIGNUM* pub = nullptr;
  const BIGNUM* key = nullptr;
  DH_get0_key(dh.get(), &pub, &key);
  v8::Local<v8::Value> out[] = {JsBytes(isolate, BnBytes(key)),
                                JsBytes(isolate, BnBytes(pub))};
  args.GetReturnValue().Set(v8::Array::New(isolate, out, 2));
}

// dhComputeSecret(prime, generator, private, peer) -> ArrayBuffer (padded
// to the prime's size), or -1 / 1 when the peer's key is too small / too
// large.
void DhComputeSecret(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes priv = View(args[2]);
  DhPtr dh = MakeDh(View(args[0]), View(args[1]), &priv);
  if (!dh) return ThrowSsl(isolate, "Failed to set DH key");
  Bytes peer_bytes = View(args[3]);
  BnPtr peer(ToBn(peer_bytes));
  if (!peer) return ThrowSsl(isolate, "Failed to read DH key");
  if (BN_is_zero(peer.get()) || BN_is_one(peer.get())) {
    args.GetReturnValue().Set(-1);
    return;
  }
  BnPtr limit(BN_dup(DH_get0_p(dh.get())));
  if (!limit || BN_sub_word(limit.get(), 1) != 1) {
    return ThrowSsl(isolate, "Failed to check DH key");
  }
  // As in Node, only a key no longer than the prime is range-checked from
  // above; a longer one is used as given.
  if (static_cast<int>(peer_bytes.size) <= DH_size(dh.get()) &&
      BN_cmp(peer.get(), limit.get()) >= 0) {
    args.GetReturnValue().Set(1);
    return;
  }
  std::vector<unsigned char> out(DH_size(dh.get()));
  int len = DH_compute_key_padded(out.data(), peer.get(), dh.get());
  if (len < 0) return ThrowSsl(isolate, "Failed to compute DH secret");
  out.resize(len);
  args.GetReturnValue().Set(JsBytes(isolate, out));
}

// ---------------------------------------------------------------------------
// Primes and SPKAC.

// checkPrime(bytes) -> bool (big-endian candidate).
void CheckPrime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  BnPtr candidate(ToBn(View(args[0])));
  BN_CTX* ctx = BN_CTX_new();
  int r = candidate && ctx ? BN_check_prime(candidate.get(), ctx, nullptr) : -1;
  BN_CTX_free(ctx);
  if (r < 0) return ThrowSsl(args.GetIsolate(), "Failed to check prime");
  args.GetReturnValue().Set(r == 1);
}

// generatePrime(bits, safe, add | undefined, rem | undefined) -> bytes.
void GeneratePrime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int bits = args[0]->Int32Value(isolate->GetCurrentContext()).FromMaybe(0);
  BnPtr add;
  BnPtr rem;
  if (args[2]->IsArrayBufferView()) add.reset(ToBn(View(args[2])));
  if (args[3]->IsArrayBufferView()) rem.reset(ToBn(View(args[3])));
  BnPtr prime(BN_new());
  BN_CTX* ctx = BN_CTX_new();
  int ok = prime && ctx ? BN_generate_prime_ex2(prime.get(), bits,
                                                args[1]->IsTrue(), add.get(),
                                                rem.get(), nullptr, ctx)
                        : 0;
  BN_CTX_free(ctx);
  if (ok != 1) return ThrowSsl(isolate, "Failed to generate prime");
  args.GetReturnValue().Set(JsBytes(isolate, BnBytes(prime.get())));
}

struct SpkiFree {
  void operator()(NETSCAPE_SPKI* s) const { NETSCAPE_SPKI_free(s); }
};
using SpkiPtr = std::unique_ptr<NETSCAPE_SPKI, SpkiFree>;

// The SPKAC in `value` (base64 text, surrounding whitespace allowed).
SpkiPtr ReadSpkac(v8::Local<v8::Value> value) {
  Bytes b = View(value);
  std::string text(reinterpret_cast<const char*>(b.data), b.size);
  size_t end = text.find_last_not_of(" \t\r\n");
  text = end == std::string::npos ? "" : text.substr(0, end + 1);
  SpkiPtr spki(NETSCAPE_SPKI_b64_decode(text.data(),
                                        static_cast<int>(text.size())));
  ERR_clear_error();
  return spki;
}

// spkacVerify(bytes) -> bool: signed by its own key.
void SpkacVerify(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SpkiPtr spki = ReadSpkac(args[0]);
  bool ok = false;
  if (spki) {
    EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki.get());
    ok = pkey != nullptr && NETSCAPE_SPKI_verify(spki.get(), pkey) > 0;
    EVP_PKEY_free(pkey);
  }
  ERR_clear_error();
  args.GetReturnValue().Set(ok);
}

// spkacChallenge(bytes) -> bytes | undefined.
void SpkacChallenge(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SpkiPtr spki = ReadSpkac(args[0]);
  if (!spki || spki->spkac == nullptr || spki->spkac->challenge == nullptr) {
    return;
  }
  const ASN1_IA5STRING* challenge = spki->spkac->challenge;
  args.GetReturnValue().Set(JsBytes(args.GetIsolate(),
                                    ASN1_STRING_get0_data(challenge),
                                    ASN1_STRING_length(challenge)));
}

// spkacPublicKey(bytes) -> PEM bytes | undefined.
void SpkacPublicKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SpkiPtr spki = ReadSpkac(args[0]);
  if (!spki) return;
  EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki.get());
  if (pkey == nullptr) {
    ERR_clear_error();
    return;
  }
  BioPtr bio(BIO_new(BIO_s_mem()));
  int ok = PEM_write_bio_PUBKEY(bio.get(), pkey);
  EVP_PKEY_free(pkey);
  ERR_clear_error();
  if (ok == 1) {
    args.GetReturnValue().Set(JsBytes(args.GetIsolate(), BioBytes(bio.get())));
  }
}

// ---------------------------------------------------------------------------
// X.509 certificates.

// x509Parse(data) -> handle (PEM or DER).
void X509Parse(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes data = View(args[0]);
  BioPtr bio(BIO_new_mem_buf(data.data, static_cast<int>(data.size)));
  X509* cert = PEM_read_bio_X509(bio.get(), nullptr, NoPassphrase, nullptr);
  if (cert == nullptr) {
    // Not PEM; if not DER either, Node reports PEM's error.
    SslError pem_error = CollectError();
    const unsigned char* p = data.data;
    cert = d2i_X509(nullptr, &p, static_cast<long>(data.size));
    if (cert == nullptr) {
      ERR_clear_error();
      isolate->ThrowException(
          ErrorToJs(isolate, pem_error, "Failed to parse certificate"));
      return;
    }
  }
  ERR_clear_error();
  ReturnHandle(args, nullptr, cert);
}

constexpr unsigned long kNameFlags =
    ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_UTF8_CONVERT |
    XN_FLAG_SEP_MULTILINE | XN_FLAG_FN_SN;

std::string NameText(const X509_NAME* name) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), name, 0, kNameFlags);
  return BioString(bio.get());
}

v8::Local<v8::Value> ExtensionText(v8::Isolate* isolate, X509* cert, int nid) {
  int at = X509_get_ext_by_NID(cert, nid, -1);
  if (at < 0) return v8::Undefined(isolate);
  X509_EXTENSION* ext = X509_get_ext(cert, at);
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (X509V3_EXT_print(bio.get(), ext, 0, 0) != 1) {
    ERR_clear_error();
    return v8::Undefined(isolate);
  }
  return JsStr(isolate, BioString(bio.get()));
}

std::string TimeText(const ASN1_TIME* t) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  ASN1_TIME_print(bio.get(), t);
  return BioString(bio.get());
}

std::string Fingerprint(X509* cert, const EVP_MD* md) {
  unsigned char buf[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (X509_digest(cert, md, buf, &len) != 1) return "";
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    if (i > 0) out += ':';
    out += kHex[buf[i] >> 4];
    out += kHex[buf[i] & 15];
  }
  return out;
}

// x509Info(handle) -> [subject, issuer, subjectAltName, infoAccess,
//   validFrom, validTo, fingerprint, fingerprint256, fingerprint512,
//   serialNumber, raw, pem, ca, extKeyUsage (array | undefined),
//   publicKeyHandle | undefined, validFromTime, validToTime (ms)].
void X509Info(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  X509* cert = CertOf(args[0]);
  std::vector<v8::Local<v8::Value>> out;
  out.push_back(JsStr(isolate, NameText(X509_get_subject_name(cert))));
  out.push_back(JsStr(isolate, NameText(X509_get_issuer_name(cert))));
  out.push_back(ExtensionText(isolate, cert, NID_subject_alt_name));
  out.push_back(ExtensionText(isolate, cert, NID_info_access));
  out.push_back(JsStr(isolate, TimeText(X509_get0_notBefore(cert))));
  out.push_back(JsStr(isolate, TimeText(X509_get0_notAfter(cert))));
  out.push_back(JsStr(isolate, Fingerprint(cert, EVP_sha1())));
  out.push_back(JsStr(isolate, Fingerprint(cert, EVP_sha256())));
  out.push_back(JsStr(isolate, Fingerprint(cert, EVP_sha512())));
  {
    BnPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
    char* hex = serial ? BN_bn2hex(serial.get()) : nullptr;
    out.push_back(JsStr(isolate, hex != nullptr ? hex : ""));
    OPENSSL_free(hex);
  }
  {
    unsigned char* der = nullptr;
    int len = i2d_X509(cert, &der);
    out.push_back(JsBytes(isolate, der, len > 0 ? len : 0));
    OPENSSL_free(der);
  }
  {
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    out.push_back(JsStr(isolate, BioString(bio.get())));
  }
  out.push_back(v8::Boolean::New(isolate, X509_check_ca(cert) == 1));
  {
    auto* eku = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
    if (eku == nullptr) {
      out.push_back(v8::Undefined(isolate));
    } else {
      v8::Local<v8::Array> list = v8::Array::New(isolate);
      for (int i = 0; i < sk_ASN1_OBJECT_num(eku); ++i) {
        char buf[128];
        OBJ_obj2txt(buf, sizeof(buf), sk_ASN1_OBJECT_value(eku, i), 1);
        list->Set(context, i, JsStr(isolate, buf)).Check();
      }
      sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
      out.push_back(list);
    }
  }
  {
    EVP_PKEY* pkey = X509_get_pubkey(cert);
    v8::Local<v8::Object> handle;
    if (pkey != nullptr && NewHandle(isolate, pkey).ToLocal(&handle)) {
      out.push_back(handle);
    } else {
      out.push_back(v8::Undefined(isolate));
    }
  }
  auto ms = [&](const ASN1_TIME* t) -> v8::Local<v8::Value> {
    struct tm tm;
    if (ASN1_TIME_to_tm(t, &tm) != 1) return v8::Undefined(isolate);
    return v8::Number::New(isolate, static_cast<double>(timegm(&tm)) * 1000);
  };
  out.push_back(ms(X509_get0_notBefore(cert)));
  out.push_back(ms(X509_get0_notAfter(cert)));
  ERR_clear_error();
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

// x509CheckHost(handle, name, flags) -> matched name | undefined.
void X509CheckHost(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  X509* cert = CertOf(args[0]);
  std::string name = Str(isolate, args[1]);
  unsigned int flags =
      args[2]->Uint32Value(isolate->GetCurrentContext()).FromMaybe(0);
  char* peer = nullptr;
  int r = X509_check_host(cert, name.data(), name.size(), flags, &peer);
  ERR_clear_error();
  if (r == 1) {
    args.GetReturnValue().Set(JsStr(isolate, peer != nullptr ? peer : name));
  }
  OPENSSL_free(peer);
}

// x509CheckEmail(handle, email, flags) -> bool.
void X509CheckEmail(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string email = Str(isolate, args[1]);
  unsigned int flags =
      args[2]->Uint32Value(isolate->GetCurrentContext()).FromMaybe(0);
  int r = X509_check_email(CertOf(args[0]), email.data(), email.size(), flags);
  ERR_clear_error();
  args.GetReturnValue().Set(r == 1);
}

// x509CheckIP(handle, ip) -> bool.
void X509CheckIP(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::string ip = Str(args.GetIsolate(), args[1]);
  int r = X509_check_ip_asc(CertOf(args[0]), ip.c_str(), 0);
  ERR_clear_error();
  args.GetReturnValue().Set(r == 1);
}

// x509Verify(handle, keyHandle) -> bool: signed by that public key.
void X509Verify(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int r = X509_verify(CertOf(args[0]), KeyOf(args[1]));
  ERR_clear_error();
  args.GetReturnValue().Set(r > 0);
}

// x509CheckPrivateKey(handle, keyHandle) -> bool.
void X509CheckPrivateKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int r = X509_check_private_key(CertOf(args[0]), KeyOf(args[1]));
  ERR_clear_error();
  args.GetReturnValue().Set(r == 1);
}

// x509CheckIssued(handle, issuerHandle) -> bool: issuerHandle issued it.
void X509CheckIssued(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int r = X509_check_issued(CertOf(args[1]), CertOf(args[0]));
  ERR_clear_error();
  args.GetReturnValue().Set(r == X509_V_OK);
}

constexpr runtime::Method kMethods[] = {
    {"parseKey", ParseKey},
    {"keyInfo", KeyInfo},
    {"cipherKnown", CipherKnown},
    {"digestKnown", DigestKnown},
    {"exportKey", ExportKey},
    {"exportJwk", ExportJwk},
    {"importRsa", ImportRsa},
    {"importEc", ImportEc},
    {"importRaw", ImportRaw},
    {"keysEqual", KeysEqual},
    {"generateKeyPair", GenerateKeyPair},
    {"sign", Sign},
    {"verify", Verify},
    {"rsaCipher", RsaCipher},
    {"deriveSecret", DeriveSecret},
    {"ecCurveValid", EcCurveValid},
    {"ecGenerate", EcGenerate},
    {"ecPublicFromPrivate", EcPublicFromPrivate},
    {"ecComputeSecret", EcComputeSecret},
    {"ecConvertPoint", EcConvertPoint},
    {"dhGroupPrime", DhGroupPrime},
    {"dhGeneratePrime", DhGeneratePrime},
    {"dhCheck", DhCheck},
    {"dhGenerateKeys", DhGenerateKeys},
    {"dhComputeSecret", DhComputeSecret},
    {"checkPrime", CheckPrime},
    {"generatePrime", GeneratePrime},
    {"spkacVerify", SpkacVerify},
    {"spkacChallenge", SpkacChallenge},
    {"spkacPublicKey", SpkacPublicKey},
    {"x509Parse", X509Parse},
    {"x509Info", X509Info},
    {"x509CheckHost", X509CheckHost},
    {"x509CheckEmail", X509CheckEmail},
    {"x509CheckIP", X509CheckIP},
    {"x509Verify", X509Verify},
    {"x509CheckPrivateKey", X509CheckPrivateKey},
    {"x509CheckIssued", X509CheckIssued},
};

}  // namespace

JSPACK_BINDING(crypto_keys, kMethods)

}  // namespace jspack::bindings::crypto_keys
