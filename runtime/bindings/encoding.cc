// encoding: the byte work behind TextEncoder and TextDecoder.
//
// JS keeps the decoder state (the incomplete tail of a streamed input, at
// most 3 bytes, and whether a BOM was seen); C++ only turns whole byte runs
// into strings and back. Every decoder takes (view, stripBom, fatal) where
// view is a Uint8Array over the bytes to decode; a fatal decoder returns
// undefined for invalid input and JS throws ERR_ENCODING_INVALID_ENCODED_DATA.
#include <cstdint>
#include <cstring>
#include <vector>

#include "runtime/bindings/simdutf_decls.h"
#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::encoding {
namespace {

// The bytes a Uint8Array argument views.
struct Bytes {
  const uint8_t* data;
  size_t size;
};

Bytes BytesOf(v8::Local<v8::Value> value) {
  JSPACK_CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  const uint8_t* base = static_cast<const uint8_t*>(store->Data());
  return {base == nullptr ? nullptr : base + view->ByteOffset(),
          view->ByteLength()};
}

// How many bytes a UTF-8 sequence led by `lead` has (0: not a lead byte),
// and the range its second byte must be in (WHATWG's "UTF-8 decoder").
int Utf8SequenceLength(uint8_t lead, uint8_t* low, uint8_t* high) {
  *low = 0x80;
  *high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (lead == 0xE0) *low = 0xA0;
    if (lead == 0xED) *high = 0x9F;
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (lead == 0xF0) *low = 0x90;
    if (lead == 0xF4) *high = 0x8F;
    return 4;
  }
  return 0;
}

// utf8TailLength(view) -> n: the length of the valid but unfinished sequence
// ending the bytes (0..3), which a streaming decoder holds back.
void Utf8TailLength(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes bytes = BytesOf(args[0]);
  int tail = 0;
  // Only the last three bytes can start an unfinished sequence.
  size_t first = bytes.size > 3 ? bytes.size - 3 : 0;
  for (size_t start = bytes.size; start > first; --start) {
    size_t at = start - 1;
    uint8_t byte = bytes.data[at];
    if (byte >= 0x80 && byte <= 0xBF) continue;  // A continuation byte.
    uint8_t low, high;
    int need = Utf8SequenceLength(byte, &low, &high);
    size_t have = bytes.size - at;
    if (need == 0 || have >= static_cast<size_t>(need)) break;
    bool valid = have < 2 || (bytes.data[at + 1] >= low &&
                              bytes.data[at + 1] <= high);
    // Later bytes of the run are continuation bytes (the loop skipped them).
    if (valid) tail = static_cast<int>(have);
    break;
  }
  args.GetReturnValue().Set(tail);
}

// decodeUtf8(view, stripBom, fatal) -> string | undefined.
void DecodeUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes bytes = BytesOf(args[0]);
  bool strip_bom = args[1]->IsTrue();
  bool fatal = args[2]->IsTrue();
  const char* data = reinterpret_cast<const char*>(bytes.data);
  size_t size = bytes.size;
  if (fatal && size > 0 && !simdutf::validate_utf8(data, size)) return;
  if (strip_bom && size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
    data += 3;
    size -= 3;
  }
  if (size == 0) {
    args.GetReturnValue().SetEmptyString();
    return;
  }
  // V8's decoder replaces each maximal invalid subpart with U+FFFD, which
  // is exactly what the Encoding Standard asks for.
  v8::Local<v8::String> text;
  if (!v8::String::NewFromUtf8(isolate, data, v8::NewStringType::kNormal,
                               static_cast<int>(size))
           .ToLocal(&text)) {
    return;  // Too long for a string: V8 threw.
  }
  args.GetReturnValue().Set(text);
}

bool IsLeadSurrogate(uint16_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool IsTrailSurrogate(uint16_t unit) {
  return unit >= 0xDC00 && unit <= 0xDFFF;
}

// utf16leTailLength(view) -> n: an odd last byte, and a lead surrogate that
// its trail may still follow, are held back by a streaming decoder (0..3).
void Utf16leTailLength(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes bytes = BytesOf(args[0]);
  size_t odd = bytes.size % 2;
  size_t even = bytes.size - odd;
  int tail = static_cast<int>(odd);
  if (even >= 2) {
    uint16_t last = bytes.data[even - 2] | (bytes.data[even - 1] << 8);
    if (IsLeadSurrogate(last)) tail += 2;
  }
  args.GetReturnValue().Set(tail);
}

// decodeUtf16le(view, stripBom, fatal) -> string | undefined. Lone
// surrogates and an odd last byte become U+FFFD (or fail when fatal).
void DecodeUtf16le(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Bytes bytes = BytesOf(args[0]);
  bool strip_bom = args[1]->IsTrue();
  bool fatal = args[2]->IsTrue();
  size_t count = bytes.size / 2;
  bool odd = bytes.size % 2 != 0;
  if (fatal && odd) return;
  std::vector<uint16_t> units(count + (odd ? 1 : 0));
  // Copying also realigns views that start at an odd offset.
  for (size_t i = 0; i < count; ++i) {
    units[i] = bytes.data[2 * i] | (bytes.data[2 * i + 1] << 8);
  }
  // A lead surrogate in the last unit never has its trail.
  bool lead_at_end = count > 0 && IsLeadSurrogate(units[count - 1]);
  for (size_t i = 0; i < count; ++i) {
    if (IsLeadSurrogate(units[i])) {
      if (i + 1 < count && IsTrailSurrogate(units[i + 1])) {
        ++i;
        continue;
      }
    } else if (!IsTrailSurrogate(units[i])) {
      continue;
    }
    if (fatal) return;
    units[i] = 0xFFFD;
  }
  // An odd last byte after an unpaired lead surrogate is one error, not two.
  if (odd && lead_at_end) {
    units.pop_back();
  } else if (odd) {
    units[count] = 0xFFFD;
  }
  size_t start = strip_bom && !units.empty() && units[0] == 0xFEFF ? 1 : 0;
  v8::Local<v8::String> text;
  if (!v8::String::NewFromTwoByte(isolate, units.data() + start,
                                  v8::NewStringType::kNormal,
                                  static_cast<int>(units.size() - start))
           .ToLocal(&text)) {
    return;
  }
  args.GetReturnValue().Set(text);
}

// decodeLatin1(view) -> string: each byte is the code point of the same
// value, as Node decodes its windows-1252 labels.
void DecodeLatin1(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Bytes bytes = BytesOf(args[0]);
  v8::Local<v8::String> text;
  if (!v8::String::NewFromOneByte(args.GetIsolate(), bytes.data,
                                  v8::NewStringType::kNormal,
                                  static_cast<int>(bytes.size))
           .ToLocal(&text)) {
    return;
  }
  args.GetReturnValue().Set(text);
}

constexpr int kWriteFlags =
    v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8;

// encodeUtf8(string) -> Uint8Array; lone surrogates become U+FFFD.
void EncodeUtf8(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString());
  v8::Local<v8::String> text = args[0].As<v8::String>();
  // Utf8Length counts a lone surrogate as 3 bytes, as its U+FFFD needs.
  size_t length = static_cast<size_t>(text->Utf8Length(isolate));
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(isolate, length);
  text->WriteUtf8(isolate, static_cast<char*>(store->Data()),
                  static_cast<int>(length), nullptr, kWriteFlags);
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, std::move(store));
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, length));
}

// encodeInto(string, uint8Array, result) -> undefined; result is a
// Float64Array(2) that gets [read, written]: UTF-16 units consumed and bytes
// written. Only whole characters are written.
void EncodeInto(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  JSPACK_CHECK(args[0]->IsString());
  JSPACK_CHECK(args[1]->IsUint8Array());
  JSPACK_CHECK(args[2]->IsFloat64Array());
  v8::Local<v8::String> text = args[0].As<v8::String>();
  Bytes dest = BytesOf(args[1]);
  int read = 0;
  int written = 0;
  if (dest.size > 0) {
    written = text->WriteUtf8(isolate,
                              reinterpret_cast<char*>(
                                  const_cast<uint8_t*>(dest.data)),
                              static_cast<int>(dest.size), &read, kWriteFlags);
  }
  v8::Local<v8::Float64Array> result = args[2].As<v8::Float64Array>();
  double* out = static_cast<double*>(
      result->Buffer()->GetBackingStore()->Data());
  out += result->ByteOffset() / sizeof(double);
  out[0] = read;
  out[1] = written;
}

constexpr runtime::Method kMethods[] = {
    {"decodeLatin1", DecodeLatin1},
    {"decodeUtf16le", DecodeUtf16le},
    {"decodeUtf8", DecodeUtf8},
    {"encodeInto", EncodeInto},
    {"encodeUtf8", EncodeUtf8},
    {"utf16leTailLength", Utf16leTailLength},
    {"utf8TailLength", Utf8TailLength},
};

}  // namespace
JSPACK_BINDING(encoding, kMethods)
}  // namespace jspack::bindings::encoding
