// tls_wrap: the TLS engine behind node:tls: secure contexts (SSL_CTX) and
// TLS sessions (SSL) on OpenSSL 3, driven from JS over memory BIOs.
//
// An engine never touches a socket: JS feeds it the bytes read from the
// transport (any duplex), asks it to make progress (handshake, then
// decrypt), and takes the bytes it wants sent. Everything OpenSSL reports
// from inside a handshake (new sessions, keylog lines, the ClientHello's
// name and ALPN list) is recorded here and read by JS after each step, so
// no C++ callback ever calls into JS. An async SNICallback or ALPNCallback
// works by pausing the handshake in OpenSSL's ClientHello callback
// (SSL_CLIENT_HELLO_RETRY) until JS resumes it.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/dh.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/tls1.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "runtime/bindings/crypto_util.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::tls_wrap {
namespace {

using crypto_util::Bytes;
using crypto_util::CryptoWrap;
using crypto_util::NewBytes;
using crypto_util::Str;

std::string Utf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return std::string(*utf8, utf8.length());
}

v8::Local<v8::Context> Ctx(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return args.GetIsolate()->GetCurrentContext();
}

// Node names SSL library errors ERR_SSL_<REASON> (ERR_OSSL_<LIB>_... for
// the others).
void UseSslCode(v8::Isolate* isolate, unsigned long err,
                v8::Local<v8::Value> error) {
  if (err == 0 || ERR_GET_LIB(err) != ERR_LIB_SSL || !error->IsObject()) {
    return;
  }
  const char* reason = ERR_reason_error_string(err);
  if (reason == nullptr) return;
  std::string code = "ERR_SSL_";
  for (const char* p = reason; *p != '\0'; ++p) {
    char c = *p;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    code += (c == ' ') ? '_' : c;
  }
  crypto_util::SetProp(isolate->GetCurrentContext(), error.As<v8::Object>(),
                       "code", Str(isolate, code));
}

// Throws the first error OpenSSL queued for a failed configuration call
// (the cause; later entries are consequences), or Error(fallback).
void ThrowSsl(v8::Isolate* isolate, const char* fallback) {
  unsigned long err = ERR_peek_error();
  v8::Local<v8::Value> error =
      crypto_util::MakeOpenSslError(isolate, err, fallback);
  UseSslCode(isolate, err, error);
  ERR_clear_error();
  isolate->ThrowException(error);
}

v8::Local<v8::Uint8Array> DerOf(v8::Isolate* isolate, X509* cert) {
  unsigned char* der = nullptr;
  int size = i2d_X509(cert, &der);
  if (size < 0) size = 0;
  v8::Local<v8::Uint8Array> out = NewBytes(isolate, der, size);
  OPENSSL_free(der);
  return out;
}

struct BioFree {
  void operator()(BIO* b) const { BIO_free_all(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

// ---------------------------------------------------------------------------
// The system's root certificates: OpenSSL's default file (on Debian
// /etc/ssl/certs/ca-certificates.crt, or $SSL_CERT_FILE), read once per
// process on first TLS use, plus NODE_EXTRA_CA_CERTS as JS passes them.

std::mutex root_mutex;
X509_STORE* root_store = nullptr;
std::vector<X509*>* root_certs = nullptr;

void LoadPemCerts(BIO* bio, std::vector<X509*>* out) {
  while (X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, nullptr, nullptr)) {
    out->push_back(cert);
  }
  ERR_clear_error();
}

// The shared root store (made on first call); `extra` PEM is added once.
X509_STORE* RootStore(const Bytes* extra) {
  std::lock_guard<std::mutex> lock(root_mutex);
  if (root_store != nullptr) return root_store;
  root_certs = new std::vector<X509*>();
  const char* file = getenv(X509_get_default_cert_file_env());
  if (file == nullptr) file = X509_get_default_cert_file();
  BioPtr bio(BIO_new_file(file, "r"));
  if (bio) LoadPemCerts(bio.get(), root_certs);
  ERR_clear_error();
  root_store = X509_STORE_new();
  for (X509* cert : *root_certs) X509_STORE_add_cert(root_store, cert);
  if (extra != nullptr) {
    BioPtr extra_bio(crypto_util::NewReadBio(*extra));
    std::vector<X509*> certs;
    LoadPemCerts(extra_bio.get(), &certs);
    for (X509* cert : certs) {
      X509_STORE_add_cert(root_store, cert);
      X509_free(cert);
    }
  }
  ERR_clear_error();
  return root_store;
}

// ---------------------------------------------------------------------------
// Secure contexts.

int ContextIndex() {
  static int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr,
                                              nullptr);
  return index;
}
int EngineIndex() {
  static int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr,
                                          nullptr);
  return index;
}

class SecureContext : public CryptoWrap {
 public:
  static constexpr int kKind = 200;
  int kind() const override { return kKind; }
  ~SecureContext() override { SSL_CTX_free(ctx_); }

  SSL_CTX* ctx_ = nullptr;
  // Session ticket keys: 16 bytes name, 16 HMAC secret, 16 AES key.
  unsigned char ticket_keys_[48];
  bool own_store_ = false;
};

class Engine;
Engine* EngineOf(SSL* ssl) {
  return static_cast<Engine*>(SSL_get_ex_data(ssl, EngineIndex()));
}

class Engine : public CryptoWrap {
 public:
  static constexpr int kKind = 201;
  int kind() const override { return kKind; }
  ~Engine() override {
    if (pending_session_ != nullptr) SSL_SESSION_free(pending_session_);
    SSL_free(ssl_);
  }

  SSL* ssl_ = nullptr;
  BIO* in_ = nullptr;   // ciphertext from the peer
  BIO* out_ = nullptr;  // ciphertext for the peer
  bool server_ = false;
  bool keylog_ = false;
  bool want_sessions_ = false;
  // The handshake stops at the ClientHello once, for JS.
  bool hello_pause_ = false;
  bool hello_seen_ = false;
  std::string hello_servername_;
  std::string hello_alpn_;  // wire format
  std::string hello_session_id_;
  std::vector<std::string> keylog_lines_;
  std::vector<std::vector<unsigned char>> new_sessions_;
  std::vector<std::string> new_session_ids_;
  std::string alpn_offer_;   // server: its list, wire format
  std::string alpn_choice_;  // server: what ALPNCallback picked
  bool alpn_choice_set_ = false;
  SSL_SESSION* pending_session_ = nullptr;  // server: resumeSession's answer
};

void OnKeylog(const SSL* ssl, const char* line) {
  Engine* engine = EngineOf(const_cast<SSL*>(ssl));
  if (engine != nullptr && engine->keylog_) {
    engine->keylog_lines_.emplace_back(line);
  }
}

int OnNewSession(SSL* ssl, SSL_SESSION* session) {
  Engine* engine = EngineOf(ssl);
  if (engine == nullptr || !engine->want_sessions_) return 0;
  int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0) return 0;
  std::vector<unsigned char> der(size);
  unsigned char* p = der.data();
  i2d_SSL_SESSION(session, &p);
  engine->new_sessions_.push_back(std::move(der));
  unsigned int id_len = 0;
  const unsigned char* id = SSL_SESSION_get_id(session, &id_len);
  engine->new_session_ids_.emplace_back(reinterpret_cast<const char*>(id),
                                        id_len);
  return 0;
}

SSL_SESSION* OnGetSession(SSL* ssl, const unsigned char*, int, int* copy) {
  Engine* engine = EngineOf(ssl);
  *copy = 0;
  if (engine == nullptr) return nullptr;
  SSL_SESSION* session = engine->pending_session_;
  engine->pending_session_ = nullptr;
  return session;
}

// Certificates are checked after the handshake (JS reads the result), as
// Node does: the handshake itself never fails on them.
int AcceptAnyCert(int, X509_STORE_CTX*) { return 1; }

int OnClientHello(SSL* ssl, int* alert, void*) {
  Engine* engine = EngineOf(ssl);
  if (engine == nullptr || !engine->hello_pause_ || engine->hello_seen_) {
    return SSL_CLIENT_HELLO_SUCCESS;
  }
  engine->hello_seen_ = true;
  const unsigned char* data = nullptr;
  size_t size = 0;
  // server_name: list length (2), type (1), name length (2), name.
  if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &data, &size) &&
      size > 5 && data[2] == TLSEXT_NAMETYPE_host_name) {
    size_t len = (static_cast<size_t>(data[3]) << 8) | data[4];
    if (len + 5 <= size) {
      engine->hello_servername_.assign(reinterpret_cast<const char*>(data + 5),
                                       len);
    }
  }
  if (SSL_client_hello_get0_ext(
          ssl, TLSEXT_TYPE_application_layer_protocol_negotiation, &data,
          &size) &&
      size > 2) {
    engine->hello_alpn_.assign(reinterpret_cast<const char*>(data + 2),
                               size - 2);
  }
  size = SSL_client_hello_get0_session_id(ssl, &data);
  engine->hello_session_id_.assign(reinterpret_cast<const char*>(data), size);
  (void)alert;
  return SSL_CLIENT_HELLO_RETRY;
}

int OnSelectAlpn(SSL* ssl, const unsigned char** out, unsigned char* outlen,
                 const unsigned char* in, unsigned int inlen, void*) {
  Engine* engine = EngineOf(ssl);
  if (engine == nullptr) return SSL_TLSEXT_ERR_NOACK;
  if (engine->alpn_choice_set_) {
    const std::string& want = engine->alpn_choice_;
    // The choice must be one the client offered; it points into `in`.
    for (unsigned int i = 0; i < inlen;) {
      unsigned int len = in[i];
      if (i + 1 + len > inlen) break;
      if (len == want.size() && memcmp(in + i + 1, want.data(), len) == 0) {
        *out = in + i + 1;
        *outlen = static_cast<unsigned char>(len);
        return SSL_TLSEXT_ERR_OK;
      }
      i += 1 + len;
    }
    return SSL_TLSEXT_ERR_ALERT_FATAL;
  }
  if (engine->alpn_offer_.empty()) return SSL_TLSEXT_ERR_NOACK;
  unsigned char* chosen = nullptr;
  const auto* offer =
      reinterpret_cast<const unsigned char*>(engine->alpn_offer_.data());
  int status = SSL_select_next_proto(
      &chosen, outlen, offer, static_cast<unsigned int>(engine->alpn_offer_.size()),
      in, inlen);
  if (status != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL;
  *out = chosen;
  return SSL_TLSEXT_ERR_OK;
}

int OnTicketKey(SSL* ssl, unsigned char* name, unsigned char* iv,
                EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac, int encrypt) {
  auto* sc = static_cast<SecureContext*>(
      SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ContextIndex()));
  if (sc == nullptr) return -1;
  const unsigned char* keys = sc->ticket_keys_;
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       const_cast<char*>("sha256"), 0),
      OSSL_PARAM_construct_end()};
  if (encrypt) {
    memcpy(name, keys, 16);
    if (RAND_bytes(iv, 16) <= 0) return -1;
    if (EVP_EncryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr, keys + 32,
                           iv) <= 0 ||
        EVP_MAC_init(mac, keys + 16, 16, params) <= 0) {
      return -1;
    }
    return 1;
  }
  if (memcmp(name, keys, 16) != 0) return 0;
  if (EVP_DecryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr, keys + 32, iv) <=
          0 ||
      EVP_MAC_init(mac, keys + 16, 16, params) <= 0) {
    return -1;
  }
  return 1;
}

// ctxNew(minVersion, maxVersion) -> handle.
void CtxNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  auto sc = std::make_unique<SecureContext>();
  sc->ctx_ = SSL_CTX_new(TLS_method());
  if (sc->ctx_ == nullptr) return ThrowSsl(isolate, "SSL_CTX_new failed");
  SSL_CTX* ctx = sc->ctx_;
  SSL_CTX_set_ex_data(ctx, ContextIndex(), sc.get());
  SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 |
                               SSL_OP_NO_COMPRESSION);
  SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
  int min = args[0]->Int32Value(Ctx(args)).FromMaybe(0);
  int max = args[1]->Int32Value(Ctx(args)).FromMaybe(0);
  SSL_CTX_set_min_proto_version(ctx, min);
  SSL_CTX_set_max_proto_version(ctx, max);
  SSL_CTX_set_session_cache_mode(
      ctx, SSL_SESS_CACHE_CLIENT | SSL_SESS_CACHE_SERVER |
               SSL_SESS_CACHE_NO_INTERNAL | SSL_SESS_CACHE_NO_AUTO_CLEAR);
  SSL_CTX_sess_set_new_cb(ctx, OnNewSession);
  SSL_CTX_sess_set_get_cb(ctx, OnGetSession);
  SSL_CTX_set_keylog_callback(ctx, OnKeylog);
  SSL_CTX_set_client_hello_cb(ctx, OnClientHello, nullptr);
  SSL_CTX_set_alpn_select_cb(ctx, OnSelectAlpn, nullptr);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, AcceptAnyCert);
  if (RAND_bytes(sc->ticket_keys_, sizeof(sc->ticket_keys_)) <= 0) {
    return ThrowSsl(isolate, "RAND_bytes failed");
  }
  SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, OnTicketKey);
  v8::Local<v8::Object> handle;
  if (!CryptoWrap::NewHandle(Ctx(args), std::move(sc)).ToLocal(&handle)) return;
  args.GetReturnValue().Set(handle);
}

SSL_CTX* CtxArg(v8::Local<v8::Value> value) {
  return CryptoWrap::Unwrap<SecureContext>(value)->ctx_;
}

int PassphraseCallback(char* buf, int size, int, void* u) {
  const std::string* pass = static_cast<const std::string*>(u);
  if (pass == nullptr) return -1;
  int len = static_cast<int>(pass->size());
  if (len > size) len = size;
  memcpy(buf, pass->data(), len);
  return len;
}

// ctxSetKey(ctx, pem, passphrase?)
void CtxSetKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  Bytes pem(args[1]);
  std::string pass;
  bool has_pass = args[2]->IsString();
  if (has_pass) pass = Utf8(isolate, args[2]);
  ERR_clear_error();
  BioPtr bio(crypto_util::NewReadBio(pem));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr,
                                          PassphraseCallback,
                                          has_pass ? &pass : nullptr);
  if (key == nullptr) return ThrowSsl(isolate, "Unable to load private key");
  int ok = SSL_CTX_use_PrivateKey(ctx, key);
  EVP_PKEY_free(key);
  if (!ok) return ThrowSsl(isolate, "SSL_CTX_use_PrivateKey failed");
}

// ctxSetCert(ctx, pem): the first certificate is ours, the rest its chain.
void CtxSetCert(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  Bytes pem(args[1]);
  ERR_clear_error();
  BioPtr bio(crypto_util::NewReadBio(pem));
  X509* leaf = PEM_read_bio_X509_AUX(bio.get(), nullptr, PassphraseCallback,
                                     nullptr);
  if (leaf == nullptr) return ThrowSsl(isolate, "Unable to load certificate");
  int ok = SSL_CTX_use_certificate(ctx, leaf);
  X509_free(leaf);
  if (!ok) return ThrowSsl(isolate, "SSL_CTX_use_certificate failed");
  SSL_CTX_clear_chain_certs(ctx);
  while (X509* extra = PEM_read_bio_X509(bio.get(), nullptr,
                                         PassphraseCallback, nullptr)) {
    SSL_CTX_add0_chain_cert(ctx, extra);
  }
  ERR_clear_error();
}

// The context's own store, made on first use (a context starts with none).
X509_STORE* OwnStore(SSL_CTX* ctx) {
  auto* sc = static_cast<SecureContext*>(
      SSL_CTX_get_ex_data(ctx, ContextIndex()));
  if (!sc->own_store_) {
    X509_STORE* fresh = X509_STORE_new();
    SSL_CTX_set_cert_store(ctx, fresh);
    sc->own_store_ = true;
  }
  return SSL_CTX_get_cert_store(ctx);
}

// ctxAddCACert(ctx, pem) -> number of certificates added.
void CtxAddCACert(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  Bytes pem(args[1]);
  BioPtr bio(crypto_util::NewReadBio(pem));
  std::vector<X509*> certs;
  LoadPemCerts(bio.get(), &certs);
  if (certs.empty()) {
    // DER bytes hold one certificate.
    const unsigned char* p = pem.data;
    if (X509* der = d2i_X509(nullptr, &p, static_cast<long>(pem.size))) {
      certs.push_back(der);
    }
    ERR_clear_error();
  }
  X509_STORE* store = OwnStore(ctx);
  for (X509* cert : certs) {
    X509_STORE_add_cert(store, cert);
    SSL_CTX_add_client_CA(ctx, cert);
    X509_free(cert);
  }
  ERR_clear_error();
  args.GetReturnValue().Set(static_cast<int>(certs.size()));
  (void)isolate;
}

// ctxUseRoots(ctx, extraPem?): the system roots (shared, read once).
void CtxUseRoots(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SSL_CTX* ctx = CtxArg(args[0]);
  Bytes extra;
  bool has_extra = crypto_util::IsBytes(args[1]);
  if (has_extra) extra = Bytes(args[1]);
  X509_STORE* store = RootStore(has_extra ? &extra : nullptr);
  auto* sc = static_cast<SecureContext*>(
      SSL_CTX_get_ex_data(ctx, ContextIndex()));
  if (!sc->own_store_) {
    SSL_CTX_set1_cert_store(ctx, store);
    return;
  }
  // The context has CAs of its own: the roots join them.
  X509_STORE* own = SSL_CTX_get_cert_store(ctx);
  STACK_OF(X509_OBJECT)* objects = X509_STORE_get0_objects(store);
  for (int i = 0; i < sk_X509_OBJECT_num(objects); i++) {
    X509* cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objects, i));
    if (cert != nullptr) X509_STORE_add_cert(own, cert);
  }
  ERR_clear_error();
}

// rootCertificates() -> [pem...] of the system store.
void RootCertificates(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  RootStore(nullptr);
  std::vector<v8::Local<v8::Value>> out;
  for (X509* cert : *root_certs) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(bio.get(), cert);
    out.push_back(crypto_util::BioToString(isolate, bio.get()));
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

// ctxAddCRL(ctx, pem)
void CtxAddCRL(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  Bytes pem(args[1]);
  ERR_clear_error();
  BioPtr bio(crypto_util::NewReadBio(pem));
  X509_CRL* crl = PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr);
  if (crl == nullptr) {
    // eslint-style wording of Node's error for an unparsable CRL.
    ERR_clear_error();
    isolate->ThrowException(v8::Exception::Error(
        Str(isolate, "Failed to parse CRL")));
    return;
  }
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  auto* sc = static_cast<SecureContext*>(
      SSL_CTX_get_ex_data(ctx, ContextIndex()));
  if (!sc->own_store_ || store == root_store) store = OwnStore(ctx);
  X509_STORE_add_crl(store, crl);
  X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
  X509_CRL_free(crl);
}

// ctxSetCiphers(ctx, tls12List, tls13Suites): either may be ''.
void CtxSetCiphers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  std::string list = Utf8(isolate, args[1]);
  std::string suites = Utf8(isolate, args[2]);
  ERR_clear_error();
  // A list without TLS 1.3 suites keeps OpenSSL's and caps the range at
  // TLS 1.2; one with only TLS 1.3 suites raises its floor to TLS 1.3.
  long min = SSL_CTX_get_min_proto_version(ctx);
  long max = SSL_CTX_get_max_proto_version(ctx);
  bool spans = (max == 0 || max > TLS1_2_VERSION) &&
               (min == 0 || min < TLS1_3_VERSION);
  if (!suites.empty()) {
    if (!SSL_CTX_set_ciphersuites(ctx, suites.c_str())) {
      return ThrowSsl(isolate, "Failed to set ciphers");
    }
  } else if (spans) {
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
  }
  if (!list.empty()) {
    if (!SSL_CTX_set_cipher_list(ctx, list.c_str())) {
      return ThrowSsl(isolate, "Failed to set ciphers");
    }
  } else if (spans) {
    SSL_CTX_set_min_proto_version(ctx, TLS1_3_VERSION);
  }
}

// ctxSetGroups(ctx, 'X25519:P-256') (ecdhCurve).
void CtxSetGroups(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  std::string groups = Utf8(isolate, args[1]);
  ERR_clear_error();
  if (!SSL_CTX_set1_groups_list(ctx, groups.c_str())) {
    return ThrowSsl(isolate, "Failed to set ECDH curve");
  }
}

// ctxSetSigalgs(ctx, list)
void CtxSetSigalgs(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  std::string list = Utf8(isolate, args[1]);
  ERR_clear_error();
  if (!SSL_CTX_set1_sigalgs_list(ctx, list.c_str())) {
    return ThrowSsl(isolate, "Failed to set sigalgs");
  }
}

// ctxSetDHParam(ctx, pem) -> bits; 'auto' is ctxSetDHAuto.
void CtxSetDHParam(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  if (!crypto_util::IsBytes(args[1])) {
    SSL_CTX_set_dh_auto(ctx, 1);
    return;
  }
  Bytes pem(args[1]);
  ERR_clear_error();
  BioPtr bio(crypto_util::NewReadBio(pem));
  DH* dh = PEM_read_bio_DHparams(bio.get(), nullptr, nullptr, nullptr);
  if (dh == nullptr) return ThrowSsl(isolate, "Invalid DH parameters");
  int bits = DH_bits(dh);
  int ok = SSL_CTX_set_tmp_dh(ctx, dh);
  DH_free(dh);
  if (!ok) return ThrowSsl(isolate, "Error setting temp DH parameter");
  args.GetReturnValue().Set(bits);
}

// ctxSetOptions(ctx, bits-as-number) (secureOptions, honorCipherOrder).
void CtxSetOptions(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SSL_CTX* ctx = CtxArg(args[0]);
  double bits = args[1].As<v8::Number>()->Value();
  SSL_CTX_set_options(ctx, static_cast<uint64_t>(bits));
}

// ctxSetSessionIdContext(ctx, string)
void CtxSetSessionIdContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  std::string id = Utf8(isolate, args[1]);
  if (id.size() > SSL_MAX_SID_CTX_LENGTH) id.resize(SSL_MAX_SID_CTX_LENGTH);
  if (!SSL_CTX_set_session_id_context(
          ctx, reinterpret_cast<const unsigned char*>(id.data()),
          static_cast<unsigned int>(id.size()))) {
    return ThrowSsl(isolate, "Failed to set session id context");
  }
}

// ctxSetSessionTimeout(ctx, seconds)
void CtxSetSessionTimeout(const v8::FunctionCallbackInfo<v8::Value>& args) {
  SSL_CTX* ctx = CtxArg(args[0]);
  SSL_CTX_set_timeout(ctx, args[1].As<v8::Number>()->Value());
}

// ctxTicketKeys(ctx, keys48?) -> the 48 bytes (after setting, if given).
void CtxTicketKeys(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* sc = CryptoWrap::Unwrap<SecureContext>(args[0]);
  if (crypto_util::IsBytes(args[1])) {
    Bytes keys(args[1]);
    JSPACK_CHECK(keys.size == sizeof(sc->ticket_keys_));
    memcpy(sc->ticket_keys_, keys.data, keys.size);
  }
  args.GetReturnValue().Set(NewBytes(args.GetIsolate(), sc->ticket_keys_,
                                     sizeof(sc->ticket_keys_)));
}

// ctxLoadPKCS12(ctx, der, passphrase?)
void CtxLoadPKCS12(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  Bytes der(args[1]);
  std::string pass;
  if (args[2]->IsString()) pass = Utf8(isolate, args[2]);
  ERR_clear_error();
  const unsigned char* p = der.data;
  PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(der.size));
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* extra = nullptr;
  if (p12 == nullptr ||
      !PKCS12_parse(p12, pass.c_str(), &key, &cert, &extra)) {
    if (p12 != nullptr) PKCS12_free(p12);
    return ThrowSsl(isolate, "Unable to load PFX certificate");
  }
  PKCS12_free(p12);
  bool ok = cert != nullptr && key != nullptr &&
            SSL_CTX_use_certificate(ctx, cert) &&
            SSL_CTX_use_PrivateKey(ctx, key);
  if (ok) {
    for (int i = 0; i < sk_X509_num(extra); i++) {
      X509* ca = sk_X509_value(extra, i);
      X509_STORE_add_cert(OwnStore(ctx), ca);
      SSL_CTX_add_client_CA(ctx, ca);
      X509_up_ref(ca);
      SSL_CTX_add0_chain_cert(ctx, ca);
    }
  }
  X509_free(cert);
  EVP_PKEY_free(key);
  sk_X509_pop_free(extra, X509_free);
  if (!ok) return ThrowSsl(isolate, "Unable to load PFX certificate");
}

// ctxGetCertificate(ctx) -> DER or undefined.
void CtxGetCertificate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  X509* cert = SSL_CTX_get0_certificate(CtxArg(args[0]));
  if (cert != nullptr) {
    args.GetReturnValue().Set(DerOf(args.GetIsolate(), cert));
  }
}

// ---------------------------------------------------------------------------
// Engines.

Engine* EngineArg(v8::Local<v8::Value> value) {
  return CryptoWrap::Unwrap<Engine>(value);
}

// sslNew(ctx, isServer) -> handle.
void SslNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = CtxArg(args[0]);
  auto engine = std::make_unique<Engine>();
  engine->ssl_ = SSL_new(ctx);
  if (engine->ssl_ == nullptr) return ThrowSsl(isolate, "SSL_new failed");
  engine->in_ = BIO_new(BIO_s_mem());
  engine->out_ = BIO_new(BIO_s_mem());
  // An empty input BIO means "wait for more", not end of file.
  BIO_set_mem_eof_return(engine->in_, -1);
  BIO_set_mem_eof_return(engine->out_, -1);
  SSL_set_bio(engine->ssl_, engine->in_, engine->out_);
  SSL_set_ex_data(engine->ssl_, EngineIndex(), engine.get());
  engine->server_ = args[1]->IsTrue();
  if (engine->server_) {
    SSL_set_accept_state(engine->ssl_);
  } else {
    SSL_set_connect_state(engine->ssl_);
    SSL_set_verify(engine->ssl_, SSL_VERIFY_PEER, AcceptAnyCert);
  }
  v8::Local<v8::Object> handle;
  if (!CryptoWrap::NewHandle(Ctx(args), std::move(engine)).ToLocal(&handle)) {
    return;
  }
  args.GetReturnValue().Set(handle);
}

// sslConfigure(ssl, flags): 1 request a peer certificate (server), 2 pause
// at the ClientHello, 4 record keylog lines, 8 record new sessions, 16 fail
// the handshake when the peer sends no certificate (server).
void SslConfigure(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  int flags = args[1]->Int32Value(Ctx(args)).FromMaybe(0);
  if (engine->server_) {
    int mode = (flags & 1) ? SSL_VERIFY_PEER : SSL_VERIFY_NONE;
    if ((flags & 1) && (flags & 16)) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    SSL_set_verify(engine->ssl_, mode, AcceptAnyCert);
  }
  engine->hello_pause_ = (flags & 2) != 0;
  engine->keylog_ = (flags & 4) != 0;
  engine->want_sessions_ = (flags & 8) != 0;
}

// sslSetServername(ssl, name) (client SNI).
void SslSetServername(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  std::string name = Utf8(args.GetIsolate(), args[1]);
  SSL_set_tlsext_host_name(engine->ssl_, name.c_str());
  ERR_clear_error();
}

// sslSetALPN(ssl, wire): a client offers these; a server picks from them.
void SslSetALPN(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  Bytes wire(args[1]);
  if (engine->server_) {
    engine->alpn_offer_.assign(reinterpret_cast<const char*>(wire.data),
                               wire.size);
  } else {
    SSL_set_alpn_protos(engine->ssl_, wire.data,
                        static_cast<unsigned int>(wire.size));
  }
}

// sslChooseALPN(ssl, protocol) (server, ALPNCallback's answer).
void SslChooseALPN(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  engine->alpn_choice_ = Utf8(args.GetIsolate(), args[1]);
  engine->alpn_choice_set_ = true;
}

// sslSetSession(ssl, der) -> false when the bytes are not a session.
void SslSetSession(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  Bytes der(args[1]);
  const unsigned char* p = der.data;
  SSL_SESSION* session = d2i_SSL_SESSION(nullptr, &p,
                                         static_cast<long>(der.size));
  if (session == nullptr) {
    ERR_clear_error();
    args.GetReturnValue().Set(false);
    return;
  }
  if (engine->server_) {
    if (engine->pending_session_ != nullptr) {
      SSL_SESSION_free(engine->pending_session_);
    }
    engine->pending_session_ = session;
  } else {
    SSL_set_session(engine->ssl_, session);
    SSL_SESSION_free(session);
  }
  args.GetReturnValue().Set(true);
}

// sslSetContext(ssl, ctx) (SNICallback's context).
void SslSetContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  SSL_set_SSL_CTX(engine->ssl_, CtxArg(args[1]));
  // Switching contexts keeps the engine's verify mode.
}

// sslFeed(ssl, bytes): ciphertext from the peer.
void SslFeed(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  Bytes data(args[1]);
  if (data.size > 0) {
    BIO_write(engine->in_, data.data, static_cast<int>(data.size));
  }
}

// Makes an Error for a failed SSL call: OpenSSL's queued error, or one
// naming what happened.
v8::Local<v8::Value> SslError(v8::Isolate* isolate, const char* fallback) {
  crypto_util::OpenSslErrorQueue queue;
  queue.Capture();
  v8::Local<v8::Value> error = queue.ToError(isolate, fallback);
  UseSslCode(isolate, queue.last, error);
  return error;
}

// sslCycle(ssl, out[]) -> bits: 1 handshake finished now, 2 paused at the
// ClientHello, 4 the peer closed (close_notify). Plaintext read is pushed
// onto `out` as Uint8Arrays. Throws a TLS error (after pushing what was
// read before it).
void SslCycle(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = Ctx(args);
  Engine* engine = EngineArg(args[0]);
  v8::Local<v8::Array> out = args[1].As<v8::Array>();
  SSL* ssl = engine->ssl_;
  int bits = 0;
  ERR_clear_error();
  if (!SSL_is_init_finished(ssl)) {
    int r = SSL_do_handshake(ssl);
    if (r == 1) {
      bits |= 1;
    } else {
      int err = SSL_get_error(ssl, r);
      if (err == SSL_ERROR_WANT_CLIENT_HELLO_CB) {
        args.GetReturnValue().Set(2);
        return;
      }
      if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) {
        isolate->ThrowException(SslError(isolate, "TLS handshake failed"));
        return;
      }
      args.GetReturnValue().Set(0);
      return;
    }
  }
  unsigned char buf[16384];
  uint32_t count = out->Length();
  for (;;) {
    int n = SSL_read(ssl, buf, sizeof(buf));
    if (n > 0) {
      if (out->Set(context, count++, NewBytes(isolate, buf, n)).IsNothing()) {
        return;
      }
      continue;
    }
    int err = SSL_get_error(ssl, n);
    if (err == SSL_ERROR_ZERO_RETURN) {
      bits |= 4;
      break;
    }
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) {
      // A record that carried no data (a session ticket) ends a read even
      // when more records wait behind it.
      if (BIO_ctrl_pending(engine->in_) > 0) continue;
      break;
    }
    isolate->ThrowException(SslError(isolate, "TLS read failed"));
    return;
  }
  args.GetReturnValue().Set(bits);
}

// sslWrite(ssl, bytes): plaintext to encrypt (after the handshake).
void SslWrite(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  Bytes data(args[1]);
  if (data.size == 0) return;
  ERR_clear_error();
  int n = SSL_write(engine->ssl_, data.data, static_cast<int>(data.size));
  if (n <= 0) isolate->ThrowException(SslError(isolate, "TLS write failed"));
}

// sslTake(ssl) -> ciphertext waiting to be sent, or undefined.
void SslTake(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  size_t pending = BIO_ctrl_pending(engine->out_);
  if (pending == 0) return;
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(args.GetIsolate(), pending);
  int n = BIO_read(engine->out_, store->Data(), static_cast<int>(pending));
  if (n < 0) n = 0;
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(args.GetIsolate(), std::move(store));
  args.GetReturnValue().Set(v8::Uint8Array::New(ab, 0, n));
}

// sslShutdown(ssl): queues our close_notify.
void SslShutdown(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  if (SSL_is_init_finished(engine->ssl_)) SSL_shutdown(engine->ssl_);
  ERR_clear_error();
}

// sslVerifyError(ssl) -> [code, message] or undefined when verified.
const char* VerifyCodeName(long code) {
  switch (code) {
#define V(name) \
  case X509_V_ERR_##name: return #name;
    V(UNABLE_TO_GET_ISSUER_CERT)
    V(UNABLE_TO_GET_CRL)
    V(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
    V(UNABLE_TO_DECRYPT_CRL_SIGNATURE)
    V(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
    V(CERT_SIGNATURE_FAILURE)
    V(CRL_SIGNATURE_FAILURE)
    V(CERT_NOT_YET_VALID)
    V(CERT_HAS_EXPIRED)
    V(CRL_NOT_YET_VALID)
    V(CRL_HAS_EXPIRED)
    V(ERROR_IN_CERT_NOT_BEFORE_FIELD)
    V(ERROR_IN_CERT_NOT_AFTER_FIELD)
    V(ERROR_IN_CRL_LAST_UPDATE_FIELD)
    V(ERROR_IN_CRL_NEXT_UPDATE_FIELD)
    V(OUT_OF_MEM)
    V(DEPTH_ZERO_SELF_SIGNED_CERT)
    V(SELF_SIGNED_CERT_IN_CHAIN)
    V(UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
    V(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
    V(CERT_CHAIN_TOO_LONG)
    V(CERT_REVOKED)
    V(INVALID_CA)
    V(PATH_LENGTH_EXCEEDED)
    V(INVALID_PURPOSE)
    V(CERT_UNTRUSTED)
    V(CERT_REJECTED)
    V(HOSTNAME_MISMATCH)
#undef V
    default: return "UNSPECIFIED";
  }
}

void SslVerifyError(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  X509* peer = SSL_get1_peer_certificate(engine->ssl_);
  long code;
  if (peer == nullptr) {
    // No certificate at all: OpenSSL has nothing to verify.
    code = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  } else {
    X509_free(peer);
    code = SSL_get_verify_result(engine->ssl_);
    if (code == X509_V_OK) return;
  }
  v8::Local<v8::Value> pair[2] = {
      Str(isolate, VerifyCodeName(code)),
      Str(isolate, X509_verify_cert_error_string(code))};
  args.GetReturnValue().Set(v8::Array::New(isolate, pair, 2));
}

// sslPeerChain(ssl) -> [der...]: the peer's certificate first, then each
// issuer as far as the chain reaches (the verified chain when there is one).
void SslPeerChain(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  SSL* ssl = engine->ssl_;
  std::vector<v8::Local<v8::Value>> out;
  X509* peer = SSL_get1_peer_certificate(ssl);
  if (peer == nullptr) {
    args.GetReturnValue().Set(v8::Array::New(isolate, 0));
    return;
  }
  STACK_OF(X509)* chain = SSL_get0_verified_chain(ssl);
  if (chain == nullptr || sk_X509_num(chain) == 0 ||
      X509_cmp(sk_X509_value(chain, 0), peer) != 0) {
    chain = SSL_get_peer_cert_chain(ssl);
  }
  out.push_back(DerOf(isolate, peer));
  // Follows issuers through what the peer sent, skipping the leaf itself
  // (a client's view of the chain includes it).
  X509* current = peer;
  std::vector<bool> used(chain ? sk_X509_num(chain) : 0, false);
  for (;;) {
    if (X509_check_issued(current, current) == X509_V_OK) break;
    X509* next = nullptr;
    for (int i = 0; chain != nullptr && i < sk_X509_num(chain); i++) {
      X509* candidate = sk_X509_value(chain, i);
      if (used[i] || X509_cmp(candidate, current) == 0) continue;
      if (X509_check_issued(candidate, current) == X509_V_OK) {
        used[i] = true;
        next = candidate;
        break;
      }
    }
    if (next == nullptr) break;
    out.push_back(DerOf(isolate, next));
    current = next;
  }
  X509_free(peer);
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

// sslCertificate(ssl) -> our certificate's DER or undefined.
void SslCertificate(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  X509* cert = SSL_get_certificate(engine->ssl_);
  if (cert != nullptr) {
    args.GetReturnValue().Set(DerOf(args.GetIsolate(), cert));
  }
}

// sslInfo(ssl) -> [protocol, cipherName, cipherStandardName, cipherVersion,
// alpn|false, sessionReused, servername|undefined].
void SslInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  SSL* ssl = engine->ssl_;
  v8::Local<v8::Value> undef = v8::Undefined(isolate);
  v8::Local<v8::Value> items[7] = {undef, undef, undef, undef,
                                   v8::False(isolate), v8::False(isolate),
                                   undef};
  if (SSL_is_init_finished(ssl)) {
    items[0] = Str(isolate, SSL_get_version(ssl));
    if (const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl)) {
      items[1] = Str(isolate, SSL_CIPHER_get_name(cipher));
      const char* standard = SSL_CIPHER_standard_name(cipher);
      items[2] = Str(isolate, standard ? standard : "(NONE)");
      items[3] = Str(isolate, SSL_CIPHER_get_version(cipher));
    }
  }
  const unsigned char* alpn = nullptr;
  unsigned int alpn_len = 0;
  SSL_get0_alpn_selected(ssl, &alpn, &alpn_len);
  if (alpn_len > 0) {
    items[4] = Str(isolate,
                   std::string(reinterpret_cast<const char*>(alpn), alpn_len));
  }
  items[5] = v8::Boolean::New(isolate, SSL_session_reused(ssl) == 1);
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (name != nullptr) items[6] = Str(isolate, name);
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 7));
}

// sslHello(ssl) -> [servername, alpnWire, sessionId] of the ClientHello.
void SslHello(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  const std::string& alpn = engine->hello_alpn_;
  const std::string& id = engine->hello_session_id_;
  v8::Local<v8::Value> items[3] = {
      Str(isolate, engine->hello_servername_),
      NewBytes(isolate, reinterpret_cast<const uint8_t*>(alpn.data()),
               alpn.size()),
      NewBytes(isolate, reinterpret_cast<const uint8_t*>(id.data()),
               id.size())};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

// sslEvents(ssl) -> [keylogLines[], sessions[], sessionIds[]] recorded
// since the last call.
void SslEvents(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  std::vector<v8::Local<v8::Value>> lines;
  for (const std::string& line : engine->keylog_lines_) {
    std::string with_newline = line + "\n";
    lines.push_back(NewBytes(
        isolate, reinterpret_cast<const uint8_t*>(with_newline.data()),
        with_newline.size()));
  }
  std::vector<v8::Local<v8::Value>> sessions;
  for (const auto& der : engine->new_sessions_) {
    sessions.push_back(NewBytes(isolate, der.data(), der.size()));
  }
  std::vector<v8::Local<v8::Value>> ids;
  for (const auto& id : engine->new_session_ids_) {
    ids.push_back(NewBytes(isolate, reinterpret_cast<const uint8_t*>(id.data()),
                           id.size()));
  }
  engine->keylog_lines_.clear();
  engine->new_sessions_.clear();
  engine->new_session_ids_.clear();
  v8::Local<v8::Value> items[3] = {
      v8::Array::New(isolate, lines.data(), lines.size()),
      v8::Array::New(isolate, sessions.data(), sessions.size()),
      v8::Array::New(isolate, ids.data(), ids.size())};
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

// sslSession(ssl) -> DER of the current session, or undefined.
void SslSession(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  SSL_SESSION* session = SSL_get_session(engine->ssl_);
  if (session == nullptr) return;
  int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0) return;
  std::vector<unsigned char> der(size);
  unsigned char* p = der.data();
  i2d_SSL_SESSION(session, &p);
  args.GetReturnValue().Set(NewBytes(args.GetIsolate(), der.data(), size));
}

// sslTicket(ssl) -> the session ticket's bytes, or undefined.
void SslTicket(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  SSL_SESSION* session = SSL_get_session(engine->ssl_);
  if (session == nullptr || !SSL_SESSION_has_ticket(session)) return;
  const unsigned char* ticket = nullptr;
  size_t size = 0;
  SSL_SESSION_get0_ticket(session, &ticket, &size);
  args.GetReturnValue().Set(NewBytes(args.GetIsolate(), ticket, size));
}

// sslFinished(ssl, peer) -> the Finished message's bytes, or undefined.
void SslFinished(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  unsigned char buf[128];
  size_t size = args[1]->IsTrue()
                    ? SSL_get_peer_finished(engine->ssl_, buf, sizeof(buf))
                    : SSL_get_finished(engine->ssl_, buf, sizeof(buf));
  if (size == 0) return;
  args.GetReturnValue().Set(NewBytes(args.GetIsolate(), buf, size));
}

// sslExportKeyingMaterial(ssl, length, label, context?) -> bytes.
void SslExportKeyingMaterial(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  uint32_t length = args[1].As<v8::Uint32>()->Value();
  std::string label = Utf8(isolate, args[2]);
  Bytes context;
  bool use_context = crypto_util::IsBytes(args[3]);
  if (use_context) context = Bytes(args[3]);
  std::vector<unsigned char> out(length);
  ERR_clear_error();
  if (SSL_export_keying_material(engine->ssl_, out.data(), length,
                                 label.data(), label.size(), context.data,
                                 context.size, use_context) != 1) {
    return ThrowSsl(isolate, "Key extraction failed");
  }
  args.GetReturnValue().Set(NewBytes(isolate, out.data(), out.size()));
}

// sslSetMaxSendFragment(ssl, size) -> boolean.
void SslSetMaxSendFragment(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Engine* engine = EngineArg(args[0]);
  long size = args[1]->Int32Value(Ctx(args)).FromMaybe(0);
  int ok = SSL_set_max_send_fragment(engine->ssl_, size);
  ERR_clear_error();
  args.GetReturnValue().Set(ok == 1);
}

// sslEphemeralKey(ssl) -> [type, name, bits] or undefined.
void SslEphemeralKey(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  EVP_PKEY* key = nullptr;
  if (!SSL_get_peer_tmp_key(engine->ssl_, &key) || key == nullptr) return;
  int id = EVP_PKEY_id(key);
  int bits = EVP_PKEY_bits(key);
  v8::Local<v8::Value> items[3];
  if (id == EVP_PKEY_DH) {
    items[0] = Str(isolate, "DH");
    items[1] = v8::Undefined(isolate);
  } else {
    items[0] = Str(isolate, "ECDH");
    const char* name = nullptr;
    if (id == EVP_PKEY_EC) {
      char group[80];
      size_t len = 0;
      if (EVP_PKEY_get_group_name(key, group, sizeof(group), &len)) {
        int nid = OBJ_sn2nid(group);
        name = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
        items[1] = Str(isolate, group);
      }
    } else {
      name = OBJ_nid2sn(id);
    }
    if (name != nullptr) items[1] = Str(isolate, name);
    if (items[1].IsEmpty()) items[1] = v8::Undefined(isolate);
  }
  items[2] = v8::Integer::New(isolate, bits);
  EVP_PKEY_free(key);
  args.GetReturnValue().Set(v8::Array::New(isolate, items, 3));
}

// sslSharedSigalgs(ssl) -> ['RSA-PSS+SHA256', ...].
void SslSharedSigalgs(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Engine* engine = EngineArg(args[0]);
  std::vector<v8::Local<v8::Value>> out;
  int count = SSL_get_shared_sigalgs(engine->ssl_, 0, nullptr, nullptr,
                                     nullptr, nullptr, nullptr);
  for (int i = 0; i < count; i++) {
    int sign = 0, hash = 0;
    SSL_get_shared_sigalgs(engine->ssl_, i, &sign, &hash, nullptr, nullptr,
                           nullptr);
    std::string name;
    switch (sign) {
      case EVP_PKEY_RSA: name = "RSA"; break;
      case EVP_PKEY_RSA_PSS: name = "RSA-PSS"; break;
      case EVP_PKEY_DSA: name = "DSA"; break;
      case EVP_PKEY_EC: name = "ECDSA"; break;
      case NID_ED25519: name = "Ed25519"; break;
      case NID_ED448: name = "Ed448"; break;
      default: {
        const char* sn = OBJ_nid2sn(sign);
        name = sn ? sn : "UNDEF";
      }
    }
    if (hash != NID_undef && sign != NID_ED25519 && sign != NID_ED448) {
      const char* sn = OBJ_nid2sn(hash);
      name += "+";
      name += sn ? sn : "UNDEF";
    }
    out.push_back(Str(isolate, name));
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

// getCiphers() -> the names OpenSSL's default list knows, lower-case.
void GetCiphers(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  std::vector<v8::Local<v8::Value>> out;
  if (ctx != nullptr) {
    SSL* ssl = SSL_new(ctx);
    STACK_OF(SSL_CIPHER)* ciphers = SSL_get_ciphers(ssl);
    for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); i++) {
      std::string name = SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i));
      for (char& c : name) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      out.push_back(Str(isolate, name));
    }
    SSL_free(ssl);
    SSL_CTX_free(ctx);
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, out.data(), out.size()));
}

constexpr runtime::Method kMethods[] = {
    {"ctxNew", CtxNew},
    {"ctxSetKey", CtxSetKey},
    {"ctxSetCert", CtxSetCert},
    {"ctxAddCACert", CtxAddCACert},
    {"ctxUseRoots", CtxUseRoots},
    {"ctxAddCRL", CtxAddCRL},
    {"ctxSetCiphers", CtxSetCiphers},
    {"ctxSetGroups", CtxSetGroups},
    {"ctxSetSigalgs", CtxSetSigalgs},
    {"ctxSetDHParam", CtxSetDHParam},
    {"ctxSetOptions", CtxSetOptions},
    {"ctxSetSessionIdContext", CtxSetSessionIdContext},
    {"ctxSetSessionTimeout", CtxSetSessionTimeout},
    {"ctxTicketKeys", CtxTicketKeys},
    {"ctxLoadPKCS12", CtxLoadPKCS12},
    {"ctxGetCertificate", CtxGetCertificate},
    {"rootCertificates", RootCertificates},
    {"getCiphers", GetCiphers},
    {"sslNew", SslNew},
    {"sslConfigure", SslConfigure},
    {"sslSetServername", SslSetServername},
    {"sslSetALPN", SslSetALPN},
    {"sslChooseALPN", SslChooseALPN},
    {"sslSetSession", SslSetSession},
    {"sslSetContext", SslSetContext},
    {"sslFeed", SslFeed},
    {"sslCycle", SslCycle},
    {"sslWrite", SslWrite},
    {"sslTake", SslTake},
    {"sslShutdown", SslShutdown},
    {"sslVerifyError", SslVerifyError},
    {"sslPeerChain", SslPeerChain},
    {"sslCertificate", SslCertificate},
    {"sslInfo", SslInfo},
    {"sslHello", SslHello},
    {"sslEvents", SslEvents},
    {"sslSession", SslSession},
    {"sslTicket", SslTicket},
    {"sslFinished", SslFinished},
    {"sslExportKeyingMaterial", SslExportKeyingMaterial},
    {"sslSetMaxSendFragment", SslSetMaxSendFragment},
    {"sslEphemeralKey", SslEphemeralKey},
    {"sslSharedSigalgs", SslSharedSigalgs},
};

}  // namespace

JSPACK_BINDING(tls_wrap, kMethods)

}  // namespace jspack::bindings::tls_wrap
