// buffer: the byte work behind node:buffer (string encodings, fill, search,
// compare, byte swaps), so no JS loops over bytes.
//
// stdlib/buffer.js validates and normalizes every argument before calling in:
// views are ArrayBufferViews, ranges are integers inside the view, encodings
// are one of the kEncoding* constants. Those promises are only checked here.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

#include "runtime/bindings/simdutf_decls.h"
#include "runtime/core/binding.h"

namespace jspack::bindings::buffer {
namespace {

// Encoding ids shared with stdlib/internal/buffer/encodings.js.
enum Encoding : int {
  kUtf8 = 1,
  kUcs2 = 2,
  kLatin1 = 3,
  kAscii = 4,
  kBase64 = 5,
  kBase64Url = 6,
  kHex = 7,
};

// A broken promise from buffer.js is a jspack bug: stop loudly.
void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "jspack: internal error in the buffer binding: %s\n",
               what);
  std::abort();
}

// The bytes an ArrayBufferView covers.
struct ByteSpan {
  uint8_t* data;
  size_t size;
};

ByteSpan SpanOf(v8::Local<v8::Value> value) {
  Check(value->IsArrayBufferView(), "expected an ArrayBufferView");
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  size_t size = view->ByteLength();
  if (size == 0) return {nullptr, 0};
  auto* base = static_cast<uint8_t*>(view->Buffer()->Data());
  return {base + view->ByteOffset(), size};
}

// A non-negative integer argument no larger than `limit`.
size_t IndexArg(v8::Local<v8::Value> value, size_t limit) {
  Check(value->IsNumber(), "expected a number");
  double d = value.As<v8::Number>()->Value();
  Check(
      d >= 0 && d <= static_cast<double>(limit) && d == static_cast<size_t>(d),
      "index out of range");
  return static_cast<size_t>(d);
}

Encoding EncodingArg(v8::Local<v8::Value> value) {
  Check(value->IsInt32(), "expected an encoding id");
  int id = value.As<v8::Int32>()->Value();
  Check(id >= kUtf8 && id <= kHex, "unknown encoding id");
  return static_cast<Encoding>(id);
}

// Scratch memory: on the stack for small jobs, on the heap for big ones.
class Scratch {
 public:
  explicit Scratch(size_t size) {
    if (size > sizeof(inline_)) {
      heap_.resize(size);
      data_ = heap_.data();
    } else {
      data_ = inline_;
    }
  }
  uint8_t* data() { return data_; }

 private:
  alignas(16) uint8_t inline_[512];
  std::vector<uint8_t> heap_;
  uint8_t* data_;
};

// Heap bytes that are not zeroed first: every user writes them all.
struct RawBytes {
  explicit RawBytes(size_t n) : size(n), data(new uint8_t[n > 0 ? n : 1]) {}
  size_t size;
  std::unique_ptr<uint8_t[]> data;
};

// The string's code units truncated to their low byte, as every byte-oriented
// decoder here reads them (Node does the same: U+0141 reads as 'A').
RawBytes LowBytes(v8::Isolate* isolate, v8::Local<v8::String> s) {
  RawBytes bytes(s->Length());
  if (bytes.size > 0) {
    s->WriteOneByte(isolate, bytes.data.get(), 0, static_cast<int>(bytes.size),
                    v8::String::NO_NULL_TERMINATION);
  }
  return bytes;
}

// ---- base64 and hex ------------------------------------------------------

constexpr char kBase64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr char kBase64UrlAlphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

constexpr uint8_t kSkip = 0xff;  // not in either alphabet: ignored
constexpr uint8_t kStop = 0xfe;  // '=': the data ends here

// Sextet values; both alphabets decode under either encoding name.
struct Base64Table {
  uint8_t value[256];
  constexpr Base64Table() : value() {
    for (int i = 0; i < 256; ++i) value[i] = kSkip;
    for (int i = 0; i < 64; ++i) {
      value[static_cast<uint8_t>(kBase64Alphabet[i])] = static_cast<uint8_t>(i);
      value[static_cast<uint8_t>(kBase64UrlAlphabet[i])] =
          static_cast<uint8_t>(i);
    }
    value[static_cast<uint8_t>('=')] = kStop;
  }
};
constexpr Base64Table kBase64Values;

// Decodes leniently into at most `room` bytes: characters outside the
// alphabets are skipped and the first '=' ends the data. A trailing group of
// two or three sextets still yields its whole bytes. Returns bytes written.
size_t DecodeBase64(const uint8_t* in, size_t n, uint8_t* out, size_t room) {
  size_t written = 0;
  uint32_t group = 0;
  int sextets = 0;
  for (size_t i = 0; i < n && written < room; ++i) {
    uint8_t v = kBase64Values.value[in[i]];
    if (v == kSkip) continue;
    if (v == kStop) break;
    group = (group << 6) | v;
    if (++sextets == 4) {
      uint8_t three[3] = {static_cast<uint8_t>(group >> 16),
                          static_cast<uint8_t>(group >> 8),
                          static_cast<uint8_t>(group)};
      size_t take = room - written < 3 ? room - written : 3;
      std::memcpy(out + written, three, take);
      written += take;
      group = 0;
      sextets = 0;
    }
  }
  // Two sextets carry one byte, three carry two.
  if (sextets >= 2 && written < room) {
    group <<= 6 * (4 - sextets);
    out[written++] = static_cast<uint8_t>(group >> 16);
    if (sextets == 3 && written < room) {
      out[written++] = static_cast<uint8_t>(group >> 8);
    }
  }
  return written;
}

size_t Base64EncodedSize(size_t n, bool url) {
  return url ? (n / 3) * 4 + (n % 3 == 0 ? 0 : n % 3 + 1) : (n + 2) / 3 * 4;
}

void EncodeBase64(const uint8_t* in, size_t n, char* out, bool url) {
  const char* alphabet = url ? kBase64UrlAlphabet : kBase64Alphabet;
  size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t g = (in[i] << 16) | (in[i + 1] << 8) | in[i + 2];
    *out++ = alphabet[g >> 18];
    *out++ = alphabet[(g >> 12) & 63];
    *out++ = alphabet[(g >> 6) & 63];
    *out++ = alphabet[g & 63];
  }
  size_t rest = n - i;
  if (rest == 0) return;
  uint32_t g = in[i] << 16;
  if (rest == 2) g |= in[i + 1] << 8;
  *out++ = alphabet[g >> 18];
  *out++ = alphabet[(g >> 12) & 63];
  if (rest == 2) *out++ = alphabet[(g >> 6) & 63];
  if (!url) {
    if (rest == 1) *out++ = '=';
    *out++ = '=';
  }
}

// Digit values, 0xff for a character that is not a hex digit.
struct HexTable {
  uint8_t value[256];
  constexpr HexTable() : value() {
    for (int i = 0; i < 256; ++i) value[i] = 0xff;
    for (int i = 0; i < 10; ++i) value['0' + i] = static_cast<uint8_t>(i);
    for (int i = 0; i < 6; ++i) {
      value['a' + i] = static_cast<uint8_t>(10 + i);
      value['A' + i] = static_cast<uint8_t>(10 + i);
    }
  }
};
constexpr HexTable kHexValues;

// Decodes digit pairs until the first invalid pair, a lone last digit or
// `room` bytes. Returns bytes written.
size_t DecodeHex(const uint8_t* in, size_t n, uint8_t* out, size_t room) {
  size_t pairs = n / 2 < room ? n / 2 : room;
  for (size_t k = 0; k < pairs; ++k) {
    uint8_t hi = kHexValues.value[in[2 * k]];
    uint8_t lo = kHexValues.value[in[2 * k + 1]];
    if ((hi | lo) == 0xff || hi > 15 || lo > 15) return k;
    out[k] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return pairs;
}

// Both digits of every byte value, to write two characters at a time.
struct HexPairs {
  char text[512];
  constexpr HexPairs() : text() {
    constexpr char kDigits[] = "0123456789abcdef";
    for (int i = 0; i < 256; ++i) {
      text[2 * i] = kDigits[i >> 4];
      text[2 * i + 1] = kDigits[i & 15];
    }
  }
};
constexpr HexPairs kHexPairs;

void EncodeHex(const uint8_t* in, size_t n, char* out) {
  for (size_t i = 0; i < n; ++i) {
    std::memcpy(out + 2 * i, &kHexPairs.text[2 * in[i]], 2);
  }
}

// ---- string -> bytes -----------------------------------------------------

// Writes `s` encoded as `enc` into out[0, room). Never writes a partial UTF-8
// character or half a UTF-16 unit. Returns bytes written.
size_t EncodeString(v8::Isolate* isolate, v8::Local<v8::String> s, Encoding enc,
                    uint8_t* out, size_t room) {
  constexpr size_t kIntMax = std::numeric_limits<int>::max();
  if (room > kIntMax) room = kIntMax;
  size_t length = s->Length();
  switch (enc) {
    case kUtf8:
      if (room == 0) return 0;
      return s->WriteUtf8(
          isolate, reinterpret_cast<char*>(out), static_cast<int>(room),
          nullptr,
          v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8);
    case kUcs2: {
      size_t units = length < room / 2 ? length : room / 2;
      if (units == 0) return 0;
      // V8 writes uint16_t units; an odd address goes through scratch.
      if (reinterpret_cast<uintptr_t>(out) % alignof(uint16_t) == 0) {
        s->Write(isolate, reinterpret_cast<uint16_t*>(out), 0,
                 static_cast<int>(units), v8::String::NO_NULL_TERMINATION);
      } else {
        std::vector<uint16_t> units_copy(units);
        s->Write(isolate, units_copy.data(), 0, static_cast<int>(units),
                 v8::String::NO_NULL_TERMINATION);
        std::memcpy(out, units_copy.data(), units * 2);
      }
      return units * 2;
    }
    case kLatin1:
    case kAscii: {
      // Both keep each unit's low byte, as Node writes them.
      size_t count = length < room ? length : room;
      if (count == 0) return 0;
      s->WriteOneByte(isolate, out, 0, static_cast<int>(count),
                      v8::String::NO_NULL_TERMINATION);
      return count;
    }
    case kBase64:
    case kBase64Url: {
      RawBytes chars = LowBytes(isolate, s);
      // simdutf's strict decoder first (well-formed input in one
      // alphabet, which is nearly all of it); anything it refuses gets
      // Node's lenient rules below, which give the same bytes for what
      // simdutf accepts.
      size_t written = room;
      simdutf::result r = simdutf::base64_to_binary_safe(
          reinterpret_cast<const char*>(chars.data.get()), chars.size,
          reinterpret_cast<char*>(out), written,
          enc == kBase64Url ? simdutf::kBase64Url : simdutf::kBase64Default);
      if (r.error == 0) return written;
      return DecodeBase64(chars.data.get(), chars.size, out, room);
    }
    case kHex: {
      RawBytes chars = LowBytes(isolate, s);
      return DecodeHex(chars.data.get(), chars.size, out, room);
    }
  }
  return 0;
}

// An upper bound of EncodeString's output, for scratch sizing.
size_t EncodedSizeBound(v8::Isolate* isolate, v8::Local<v8::String> s,
                        Encoding enc) {
  size_t length = s->Length();
  switch (enc) {
    case kUtf8:
      return s->Utf8Length(isolate);
    case kUcs2:
      return length * 2;
    case kLatin1:
    case kAscii:
      return length;
    case kBase64:
    case kBase64Url:
      return length / 4 * 3 + 3;
    case kHex:
      return length / 2;
  }
  return 0;
}

// ---- bytes -> string -----------------------------------------------------

v8::MaybeLocal<v8::String> OneByteString(v8::Isolate* isolate,
                                         const uint8_t* data, size_t n) {
  if (n > static_cast<size_t>(v8::String::kMaxLength)) return {};
  return v8::String::NewFromOneByte(isolate, data, v8::NewStringType::kNormal,
                                    static_cast<int>(n));
}

// Decodes data[0, n) as `enc`. Empty when the string would be longer than
// V8 allows (JS then throws ERR_STRING_TOO_LONG).
v8::MaybeLocal<v8::String> DecodeBytes(v8::Isolate* isolate,
                                       const uint8_t* data, size_t n,
                                       Encoding enc) {
  constexpr size_t kMax = v8::String::kMaxLength;
  if (n == 0) return v8::String::Empty(isolate);
  switch (enc) {
    case kUtf8: {
      if (n > kMax) return {};
      const char* text = reinterpret_cast<const char*>(data);
      // Fast paths for valid input: ASCII is already Latin-1, and other
      // valid UTF-8 converts to UTF-16 with simdutf (V8's own decoder is
      // several times slower on large text).
      if (simdutf::validate_ascii(text, n)) return OneByteString(isolate, data, n);
      if (n >= 64 && simdutf::validate_utf8(text, n)) {
        size_t units = simdutf::utf16_length_from_utf8(text, n);
        if (units <= kMax) {
          std::unique_ptr<char16_t[]> wide(new char16_t[units]);
          if (simdutf::convert_utf8_to_utf16(text, n, wide.get()) == units) {
            return v8::String::NewFromTwoByte(
                isolate, reinterpret_cast<const uint16_t*>(wide.get()),
                v8::NewStringType::kNormal, static_cast<int>(units));
          }
        }
      }
      // V8's decoder replaces each maximal invalid subpart with U+FFFD, as
      // the WHATWG decoder (and so Node) does.
      return v8::String::NewFromUtf8(isolate, text, v8::NewStringType::kNormal,
                                     static_cast<int>(n));
    }
    case kLatin1:
      return OneByteString(isolate, data, n);
    case kAscii: {
      size_t first_high = 0;
      while (first_high < n && data[first_high] < 0x80) ++first_high;
      if (first_high == n) return OneByteString(isolate, data, n);
      if (n > kMax) return {};
      std::vector<uint8_t> masked(data, data + n);
      for (size_t i = first_high; i < n; ++i) masked[i] &= 0x7f;
      return OneByteString(isolate, masked.data(), n);
    }
    case kUcs2: {
      size_t units = n / 2;
      if (units == 0) return v8::String::Empty(isolate);
      if (units > kMax) return {};
      if (reinterpret_cast<uintptr_t>(data) % alignof(uint16_t) == 0) {
        return v8::String::NewFromTwoByte(
            isolate, reinterpret_cast<const uint16_t*>(data),
            v8::NewStringType::kNormal, static_cast<int>(units));
      }
      std::vector<uint16_t> aligned(units);
      std::memcpy(aligned.data(), data, units * 2);
      return v8::String::NewFromTwoByte(isolate, aligned.data(),
                                        v8::NewStringType::kNormal,
                                        static_cast<int>(units));
    }
    case kBase64:
    case kBase64Url: {
      bool url = enc == kBase64Url;
      size_t size = Base64EncodedSize(n, url);
      if (size > kMax) return {};
      RawBytes text(size);
      char* chars = reinterpret_cast<char*>(text.data.get());
      size_t made = simdutf::binary_to_base64(
          reinterpret_cast<const char*>(data), n, chars,
          url ? simdutf::kBase64Url : simdutf::kBase64Default);
      // Node's forms: padded standard, unpadded URL. Should this simdutf
      // ever pad differently, the plain encoder gives Node's.
      if (made != size) EncodeBase64(data, n, chars, url);
      return OneByteString(isolate, text.data.get(), size);
    }
    case kHex: {
      if (n > kMax / 2) return {};
      RawBytes text(n * 2);
      EncodeHex(data, n, reinterpret_cast<char*>(text.data.get()));
      return OneByteString(isolate, text.data.get(), n * 2);
    }
  }
  return {};
}

// ---- search ----------------------------------------------------------------

// First position p >= from with hay[p, p + m) == needle. With `step` 2
// (UTF-16 searches, which match whole units only) p is even and the search
// starts at `from` rounded down to even. -1 if none.
int64_t FindForward(const uint8_t* hay, size_t n, const uint8_t* needle,
                    size_t m, size_t from, size_t step) {
  if (m > n) return -1;
  size_t last = n - m;
  from -= from % step;
  if (step == 1) {
    while (from <= last) {
      const void* hit = std::memchr(hay + from, needle[0], last - from + 1);
      if (hit == nullptr) return -1;
      size_t p = static_cast<const uint8_t*>(hit) - hay;
      if (std::memcmp(hay + p, needle, m) == 0) return static_cast<int64_t>(p);
      from = p + 1;
    }
    return -1;
  }
  for (size_t p = from; p <= last; p += step) {
    if (hay[p] == needle[0] && std::memcmp(hay + p, needle, m) == 0) {
      return static_cast<int64_t>(p);
    }
  }
  return -1;
}

// Last position p <= from, a multiple of `step`, with a match.
int64_t FindBackward(const uint8_t* hay, size_t n, const uint8_t* needle,
                     size_t m, size_t from, size_t step) {
  if (m > n) return -1;
  size_t last = n - m;
  if (from > last) from = last;
  from -= from % step;
  for (size_t p = from;; p -= step) {
    if (hay[p] == needle[0] && std::memcmp(hay + p, needle, m) == 0) {
      return static_cast<int64_t>(p);
    }
    if (p < step) return -1;
  }
}

// ---- callbacks -------------------------------------------------------------

// byteLengthUtf8(string) -> number: the UTF-8 size, lone surrogates counting
// as U+FFFD.
void ByteLengthUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Check(args[0]->IsString(), "byteLengthUtf8: expected a string");
  args.GetReturnValue().Set(
      args[0].As<v8::String>()->Utf8Length(args.GetIsolate()));
}

// write(target, string, offset, room, encoding) -> bytes written into
// target[offset, offset + room).
void Write(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan target = SpanOf(args[0]);
  Check(args[1]->IsString(), "write: expected a string");
  size_t offset = IndexArg(args[2], target.size);
  size_t room = IndexArg(args[3], target.size - offset);
  Encoding enc = EncodingArg(args[4]);
  size_t written = EncodeString(args.GetIsolate(), args[1].As<v8::String>(),
                                enc, target.data + offset, room);
  args.GetReturnValue().Set(static_cast<double>(written));
}

// decode(source, start, end, encoding) -> string, or undefined when the
// result would exceed the maximum string length.
void Decode(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan source = SpanOf(args[0]);
  size_t start = IndexArg(args[1], source.size);
  size_t end = IndexArg(args[2], source.size);
  Check(start <= end, "decode: start after end");
  Encoding enc = EncodingArg(args[3]);
  v8::Local<v8::String> result;
  if (DecodeBytes(args.GetIsolate(), source.data + start, end - start, enc)
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// fill(target, value, start, end, encoding) -> boolean. Repeats the bytes of
// `value` (a string encoded as `encoding`, or a view's bytes) over
// target[start, end); false, with nothing written, when they are empty.
void Fill(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  ByteSpan target = SpanOf(args[0]);
  size_t start = IndexArg(args[2], target.size);
  size_t end = IndexArg(args[3], target.size);
  Check(start < end, "fill: empty range");
  uint8_t* out = target.data + start;
  size_t span = end - start;
  size_t pattern = 0;
  if (args[1]->IsString()) {
    // The whole string is encoded first: a character cut by `end` still
    // contributes its leading bytes, as in Node.
    v8::Local<v8::String> s = args[1].As<v8::String>();
    Encoding enc = EncodingArg(args[4]);
    size_t bound = EncodedSizeBound(isolate, s, enc);
    if (bound <= span) {
      pattern = EncodeString(isolate, s, enc, out, span);
    } else {
      Scratch scratch(bound);
      pattern = EncodeString(isolate, s, enc, scratch.data(), bound);
      std::memcpy(out, scratch.data(), pattern < span ? pattern : span);
    }
  } else {
    ByteSpan value = SpanOf(args[1]);
    pattern = value.size;
    if (pattern != 0)
      std::memmove(out, value.data, pattern < span ? pattern : span);
  }
  if (pattern == 0) {
    args.GetReturnValue().Set(false);
    return;
  }
  // Double the filled prefix until the range is full.
  for (size_t done = pattern < span ? pattern : span; done < span;) {
    size_t chunk = done < span - done ? done : span - done;
    std::memcpy(out + done, out, chunk);
    done += chunk;
  }
  args.GetReturnValue().Set(true);
}

// indexOfBytes(haystack, needle, from, forward, unitStep) -> index or -1.
// Finds the view `needle` (non-empty) at positions stepping by `unitStep`
// (1, or 2 for UTF-16 needles) from `from` (in [0, haystack length]).
void IndexOfBytes(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan hay = SpanOf(args[0]);
  ByteSpan needle = SpanOf(args[1]);
  Check(needle.size > 0, "indexOfBytes: empty needle");
  size_t from = IndexArg(args[2], hay.size);
  bool forward = args[3]->IsTrue();
  size_t step = IndexArg(args[4], 2);
  Check(step == 1 || step == 2, "indexOfBytes: bad step");
  int64_t at = forward ? FindForward(hay.data, hay.size, needle.data,
                                     needle.size, from, step)
                       : FindBackward(hay.data, hay.size, needle.data,
                                      needle.size, from, step);
  args.GetReturnValue().Set(static_cast<double>(at));
}

// indexOfByte(haystack, byte, from, forward) -> index or -1.
void IndexOfByte(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan hay = SpanOf(args[0]);
  Check(args[1]->IsUint32(), "indexOfByte: expected a byte");
  int byte = static_cast<int>(args[1].As<v8::Uint32>()->Value() & 0xff);
  size_t from = IndexArg(args[2], hay.size);
  bool forward = args[3]->IsTrue();
  double at = -1;
  if (hay.size == 0) {
    // Nothing to find.
  } else if (forward) {
    if (from < hay.size) {
      const void* hit = std::memchr(hay.data + from, byte, hay.size - from);
      if (hit != nullptr) at = static_cast<const uint8_t*>(hit) - hay.data;
    }
  } else {
    if (from >= hay.size) from = hay.size - 1;
    const void* hit = memrchr(hay.data, byte, from + 1);
    if (hit != nullptr) at = static_cast<const uint8_t*>(hit) - hay.data;
  }
  args.GetReturnValue().Set(at);
}

// compare(a, aStart, aEnd, b, bStart, bEnd) -> -1 | 0 | 1, bytewise, the
// shorter range first when one is a prefix of the other.
void Compare(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan a = SpanOf(args[0]);
  size_t a_start = IndexArg(args[1], a.size);
  size_t a_end = IndexArg(args[2], a.size);
  ByteSpan b = SpanOf(args[3]);
  size_t b_start = IndexArg(args[4], b.size);
  size_t b_end = IndexArg(args[5], b.size);
  Check(a_start <= a_end && b_start <= b_end, "compare: inverted range");
  size_t a_len = a_end - a_start;
  size_t b_len = b_end - b_start;
  size_t common = a_len < b_len ? a_len : b_len;
  int order =
      common == 0 ? 0 : std::memcmp(a.data + a_start, b.data + b_start, common);
  if (order == 0) order = a_len < b_len ? -1 : a_len > b_len ? 1 : 0;
  args.GetReturnValue().Set(order < 0 ? -1 : order > 0 ? 1 : 0);
}

// swap(target, width): reverses the byte order of each `width`-byte group
// (2, 4 or 8) in place; the view's size is a multiple of `width`.
void Swap(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan target = SpanOf(args[0]);
  size_t width = IndexArg(args[1], 8);
  Check((width == 2 || width == 4 || width == 8) && target.size % width == 0,
        "swap: bad width");
  for (uint8_t* p = target.data; p < target.data + target.size; p += width) {
    for (size_t i = 0, j = width - 1; i < j; ++i, --j) {
      uint8_t t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  }
}

// isAscii(view) -> boolean.
void IsAscii(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan s = SpanOf(args[0]);
  uint8_t seen = 0;
  for (size_t i = 0; i < s.size; ++i) seen |= s.data[i];
  args.GetReturnValue().Set(seen < 0x80);
}

// isUtf8(view) -> boolean: well-formed UTF-8 (no overlongs, surrogates or
// code points above U+10FFFF).
void IsUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  ByteSpan s = SpanOf(args[0]);
  const uint8_t* p = s.data;
  const uint8_t* end = s.data + s.size;
  while (p < end) {
    uint8_t b = *p;
    if (b < 0x80) {
      ++p;
      continue;
    }
    size_t need;
    uint8_t lo = 0x80, hi = 0xbf;  // range of the first continuation byte
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b == 0xe0) lo = 0xa0;
      if (b == 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b == 0xf0) lo = 0x90;
      if (b == 0xf4) hi = 0x8f;
    } else {
      args.GetReturnValue().Set(false);
      return;
    }
    if (static_cast<size_t>(end - p) <= need || p[1] < lo || p[1] > hi) {
      args.GetReturnValue().Set(false);
      return;
    }
    for (size_t i = 2; i <= need; ++i) {
      if ((p[i] & 0xc0) != 0x80) {
        args.GetReturnValue().Set(false);
        return;
      }
    }
    p += need + 1;
  }
  args.GetReturnValue().Set(true);
}

void FreeMemory(void* data, size_t, void*) { free(data); }

// uninitialized(size) -> an ArrayBuffer of `size` bytes that are not zeroed
// first (allocUnsafe's memory: the caller overwrites it or says it is
// unsafe). V8's allocator zeroes every ArrayBuffer it makes, which for a
// large buffer costs more than the allocation itself.
void Uninitialized(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  size_t size = static_cast<size_t>(args[0].As<v8::Number>()->Value());
  void* data = malloc(size == 0 ? 1 : size);
  if (data == nullptr) {
    isolate->ThrowException(v8::Exception::RangeError(
        v8::String::NewFromUtf8Literal(isolate,
                                       "Array buffer allocation failed")));
    return;
  }
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(data, size, FreeMemory, nullptr);
  args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

constexpr runtime::Method kMethods[] = {
    {"uninitialized", Uninitialized},
    {"byteLengthUtf8", ByteLengthUtf8},
    {"write", Write},
    {"decode", Decode},
    {"fill", Fill},
    {"indexOfBytes", IndexOfBytes},
    {"indexOfByte", IndexOfByte},
    {"compare", Compare},
    {"swap", Swap},
    {"isAscii", IsAscii},
    {"isUtf8", IsUtf8},
};

constexpr runtime::Constant kConstants[] = {
    {"kMaxLength", static_cast<double>(v8::TypedArray::kMaxLength)},
    {"kStringMaxLength", static_cast<double>(v8::String::kMaxLength)},
    {"UTF8", kUtf8},
    {"UCS2", kUcs2},
    {"LATIN1", kLatin1},
    {"ASCII", kAscii},
    {"BASE64", kBase64},
    {"BASE64URL", kBase64Url},
    {"HEX", kHex},
};

}  // namespace
JSPACK_BINDING_WITH_CONSTANTS(buffer, kMethods, kConstants)
}  // namespace jspack::bindings::buffer
