// url: WHATWG URL parsing behind node:url and the URL global, done by the
// ada parser inside libnode (runtime/core/ada.h).
//
// No ada handle outlives a call: each method parses, reads what JS needs
// (the href and its component offsets, written into a Uint32Array the
// caller passes) and frees the handle. JS keeps only strings and offsets.
#include <cstring>
#include <string>

#include "runtime/core/ada.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::url {
namespace {

using runtime::Utf8String;

// The slots of the caller's Uint32Array, in ada_url_components order.
constexpr uint32_t kComponentCount = 8;

// The `which` argument of update(); stdlib/internal/url/binding.js mirrors
// these numbers.
enum Part : int32_t {
  kHref = 0,
  kProtocol,
  kUsername,
  kPassword,
  kHost,
  kHostname,
  kPort,
  kPathname,
  kSearch,
  kHash,
};

// Frees the handle when the call ends, whatever path it takes.
class ScopedUrl {
 public:
  explicit ScopedUrl(ada_url url) : url_(url) {}
  ~ScopedUrl() { ada_free(url_); }
  ScopedUrl(const ScopedUrl&) = delete;
  ScopedUrl& operator=(const ScopedUrl&) = delete;
  ada_url get() const { return url_; }
  bool valid() const { return ada_is_valid(url_); }

 private:
  ada_url url_;
};

// A JS string as UTF-8; lone surrogates become U+FFFD, which is what the
// URL standard's USVString conversion asks for.
std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  JSPACK_CHECK(value->IsString());
  v8::Local<v8::String> s = value.As<v8::String>();
  std::string out(s->Utf8Length(isolate), '\0');
  s->WriteUtf8(
      isolate, out.data(), static_cast<int>(out.size()), nullptr,
      v8::String::REPLACE_INVALID_UTF8 | v8::String::NO_NULL_TERMINATION);
  return out;
}

// Parses input against an optional base (undefined for none).
ada_url ParseArgs(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string input = ToUtf8(isolate, args[0]);
  if (args[1]->IsUndefined()) return ada_parse(input.data(), input.size());
  std::string base = ToUtf8(isolate, args[1]);
  return ada_parse_with_base(input.data(), input.size(), base.data(),
                             base.size());
}

// Copies the handle's offsets into `out` and returns its href.
void ReturnUrl(const v8::FunctionCallbackInfo<v8::Value>& args,
               const ScopedUrl& url, v8::Local<v8::Value> out) {
  JSPACK_CHECK(out->IsUint32Array());
  v8::Local<v8::Uint32Array> array = out.As<v8::Uint32Array>();
  JSPACK_CHECK(array->Length() >= kComponentCount);
  const ada_url_components* parts = ada_get_components(url.get());
  uint32_t values[kComponentCount] = {
      parts->protocol_end, parts->username_end, parts->host_start,
      parts->host_end,     parts->port,         parts->pathname_start,
      parts->search_start, parts->hash_start};
  char* base = static_cast<char*>(array->Buffer()->GetBackingStore()->Data()) +
               array->ByteOffset();
  memcpy(base, values, sizeof(values));
  ada_string href = ada_get_href(url.get());
  v8::Local<v8::String> result;
  if (!Utf8String(args.GetIsolate(), {href.data, href.length})
           .ToLocal(&result)) {
    return;
  }
  args.GetReturnValue().Set(result);
}

// parse(input, base | undefined, out: Uint32Array(8)) -> href | undefined.
void Parse(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ScopedUrl url(ParseArgs(args));
  if (!url.valid()) return;
  ReturnUrl(args, url, args[2]);
}

// canParse(input, base | undefined) -> boolean.
void CanParse(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string input = ToUtf8(isolate, args[0]);
  bool ok;
  if (args[1]->IsUndefined()) {
    ok = ada_can_parse(input.data(), input.size());
  } else {
    std::string base = ToUtf8(isolate, args[1]);
    ok = ada_can_parse_with_base(input.data(), input.size(), base.data(),
                                 base.size());
  }
  args.GetReturnValue().Set(ok);
}

// Applies one WHATWG setter; false where the setter rejects the value.
bool Apply(ada_url url, int32_t which, const std::string& value) {
  const char* data = value.data();
  size_t size = value.size();
  switch (which) {
    case kHref:
      return ada_set_href(url, data, size);
    case kProtocol:
      return ada_set_protocol(url, data, size);
    case kUsername:
      return ada_set_username(url, data, size);
    case kPassword:
      return ada_set_password(url, data, size);
    case kHost:
      return ada_set_host(url, data, size);
    case kHostname:
      return ada_set_hostname(url, data, size);
    case kPort:
      return ada_set_port(url, data, size);
    case kPathname:
      return ada_set_pathname(url, data, size);
    case kSearch:
      ada_set_search(url, data, size);
      return true;
    case kHash:
      ada_set_hash(url, data, size);
      return true;
  }
  JSPACK_CHECK(false && "unknown URL part");
  return false;
}

// update(href, which, value, out) -> new href | false: href (a valid URL
// this binding produced) with one part set as the WHATWG setter does.
void Update(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string href = ToUtf8(isolate, args[0]);
  JSPACK_CHECK(args[1]->IsInt32());
  int32_t which = args[1].As<v8::Int32>()->Value();
  std::string value = ToUtf8(isolate, args[2]);
  ScopedUrl url(ada_parse(href.data(), href.size()));
  JSPACK_CHECK(url.valid());
  if (!Apply(url.get(), which, value)) {
    args.GetReturnValue().Set(false);
    return;
  }
  ReturnUrl(args, url, args[3]);
}

// domainTo(domain, unicode: boolean) -> string: the host a ws: URL gets
// from `domain` (ASCII, or its IDNA Unicode form), '' where it is invalid.
void DomainTo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string domain = ToUtf8(isolate, args[0]);
  bool unicode = args[1]->IsTrue();
  static constexpr char kCarrier[] = "ws://x";
  ScopedUrl url(ada_parse(kCarrier, sizeof(kCarrier) - 1));
  JSPACK_CHECK(url.valid());
  std::string host;
  if (ada_set_hostname(url.get(), domain.data(), domain.size())) {
    ada_string ascii = ada_get_hostname(url.get());
    host.assign(ascii.data, ascii.length);
    if (unicode) {
      ada_owned_string converted =
          ada_idna_to_unicode(host.data(), host.size());
      host.assign(converted.data, converted.length);
      ada_free_owned_string(converted);
    }
  }
  v8::Local<v8::String> result;
  if (!Utf8String(isolate, host).ToLocal(&result)) return;
  args.GetReturnValue().Set(result);
}

// idnaToASCII(domain) -> string: UTS #46 ToASCII of `domain`, '' where it
// fails. The legacy url.parse() runs hostnames through this.
void IdnaToASCII(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::string domain = ToUtf8(isolate, args[0]);
  ada_owned_string ascii = ada_idna_to_ascii(domain.data(), domain.size());
  std::string host(ascii.data, ascii.length);
  ada_free_owned_string(ascii);
  v8::Local<v8::String> result;
  if (!Utf8String(isolate, host).ToLocal(&result)) return;
  args.GetReturnValue().Set(result);
}

constexpr runtime::Method kMethods[] = {
    {"parse", Parse},       {"canParse", CanParse},       {"update", Update},
    {"domainTo", DomainTo}, {"idnaToASCII", IdnaToASCII},
};

}  // namespace

JSPACK_BINDING(url, kMethods)

}  // namespace jspack::bindings::url
