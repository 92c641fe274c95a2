// Our declarations of the few functions of ada's C API (the WHATWG URL
// parser inside libnode) that runtime/bindings/url.cc calls.
//
// libnode exports these symbols but ships no header for them; the types
// follow ada's public C API: borrowed and owned (caller frees) string views,
// the component offsets of a parsed URL, and opaque handles. A handle never
// outlives the binding call that made it.
#pragma once

#include <cstddef>
#include <cstdint>

extern "C" {

// A view into memory the URL handle owns; valid until the handle changes.
struct ada_string {
  const char* data;
  size_t length;
};

// A string the caller must release with ada_free_owned_string.
struct ada_owned_string {
  const char* data;
  size_t length;
};

// Offsets into the serialized href; kAdaOmitted marks an absent part.
struct ada_url_components {
  uint32_t protocol_end;
  uint32_t username_end;
  uint32_t host_start;
  uint32_t host_end;
  uint32_t port;
  uint32_t pathname_start;
  uint32_t search_start;
  uint32_t hash_start;
};

typedef void* ada_url;

ada_url ada_parse(const char* input, size_t length);
ada_url ada_parse_with_base(const char* input, size_t input_length,
                            const char* base, size_t base_length);
bool ada_can_parse(const char* input, size_t length);
bool ada_can_parse_with_base(const char* input, size_t input_length,
                             const char* base, size_t base_length);
bool ada_is_valid(ada_url url);
void ada_free(ada_url url);
void ada_free_owned_string(ada_owned_string owned);

ada_string ada_get_href(ada_url url);
ada_string ada_get_hostname(ada_url url);
const ada_url_components* ada_get_components(ada_url url);

bool ada_set_href(ada_url url, const char* input, size_t length);
bool ada_set_protocol(ada_url url, const char* input, size_t length);
bool ada_set_username(ada_url url, const char* input, size_t length);
bool ada_set_password(ada_url url, const char* input, size_t length);
bool ada_set_host(ada_url url, const char* input, size_t length);
bool ada_set_hostname(ada_url url, const char* input, size_t length);
bool ada_set_port(ada_url url, const char* input, size_t length);
bool ada_set_pathname(ada_url url, const char* input, size_t length);
void ada_set_search(ada_url url, const char* input, size_t length);
void ada_set_hash(ada_url url, const char* input, size_t length);

ada_owned_string ada_idna_to_unicode(const char* input, size_t length);
ada_owned_string ada_idna_to_ascii(const char* input, size_t length);

}  // extern "C"

namespace jspack::runtime {

// ada's url_components::omitted: uint32_t(-1).
constexpr uint32_t kAdaOmitted = 0xffffffff;

}  // namespace jspack::runtime
