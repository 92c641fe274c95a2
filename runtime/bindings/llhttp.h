// Our declarations of the llhttp C API (the HTTP/1.1 parser inside libnode)
// that runtime/bindings/http_parser.cc calls.
//
// libnode exports llhttp but ships no header. Debian's libnode108 carries
// llhttp 6.1.1; the layouts below are that version's, checked against the
// library's code (llhttp_init stores `type` at 0x48 and `settings` at 0x58
// and clears 0x60 bytes; llhttp_settings_init clears 0x78 bytes; each
// llhttp__on_* reads its callback at the offset of its field here). A wrong
// layout corrupts memory, so tests/unit/runtime/bindings/http_parser_test.cc
// parses requests, responses, chunked and pipelined messages, upgrades and
// errors through these declarations.
#pragma once

#include <cstddef>
#include <cstdint>

#define JSPACK_LLHTTP_VERSION "6.1.1"

extern "C" {

struct llhttp__internal_s;
typedef struct llhttp__internal_s llhttp_t;

typedef int (*llhttp_data_cb)(llhttp_t*, const char* at, size_t length);
typedef int (*llhttp_cb)(llhttp_t*);

struct llhttp__internal_s {
  int32_t _index;
  void* _span_pos0;
  void* _span_cb0;
  int32_t error;
  const char* reason;
  const char* error_pos;
  void* data;
  void* _current;
  uint64_t content_length;
  uint8_t type;
  uint8_t method;
  uint8_t http_major;
  uint8_t http_minor;
  uint8_t header_state;
  uint8_t lenient_flags;
  uint8_t upgrade;
  uint8_t finish;
  uint16_t flags;
  uint16_t status_code;
  void* settings;
};

// In this version the chunk-extension callback sits between
// on_headers_complete and on_body (llhttp__on_chunk_parameters reads 0x30).
struct llhttp_settings_s {
  llhttp_cb on_message_begin;
  llhttp_data_cb on_url;
  llhttp_data_cb on_status;
  llhttp_data_cb on_header_field;
  llhttp_data_cb on_header_value;
  // Returns 0, 1 (no body follows) or 2 (no body, and an upgrade).
  llhttp_cb on_headers_complete;
  llhttp_data_cb on_chunk_parameters;
  llhttp_data_cb on_body;
  llhttp_cb on_message_complete;
  llhttp_cb on_chunk_header;
  llhttp_cb on_chunk_complete;
  llhttp_cb on_url_complete;
  llhttp_cb on_status_complete;
  llhttp_cb on_header_field_complete;
  llhttp_cb on_header_value_complete;
};
typedef struct llhttp_settings_s llhttp_settings_t;

static_assert(sizeof(llhttp_t) == 0x60, "llhttp 6.1.1 parser layout");
static_assert(offsetof(llhttp_t, type) == 0x48, "llhttp 6.1.1 parser layout");
static_assert(offsetof(llhttp_t, lenient_flags) == 0x4d,
              "llhttp 6.1.1 parser layout");
static_assert(offsetof(llhttp_t, flags) == 0x50, "llhttp 6.1.1 parser layout");
static_assert(offsetof(llhttp_t, settings) == 0x58,
              "llhttp 6.1.1 parser layout");
static_assert(sizeof(llhttp_settings_t) == 0x78,
              "llhttp 6.1.1 settings layout");

enum llhttp_type { HTTP_BOTH = 0, HTTP_REQUEST = 1, HTTP_RESPONSE = 2 };

// The errno values of this version (llhttp_errno_name names them).
enum llhttp_errno {
  HPE_OK = 0,
  HPE_INTERNAL = 1,
  HPE_STRICT = 2,
  HPE_LF_EXPECTED = 3,
  HPE_UNEXPECTED_CONTENT_LENGTH = 4,
  HPE_CLOSED_CONNECTION = 5,
  HPE_INVALID_METHOD = 6,
  HPE_INVALID_URL = 7,
  HPE_INVALID_CONSTANT = 8,
  HPE_INVALID_VERSION = 9,
  HPE_INVALID_HEADER_TOKEN = 10,
  HPE_INVALID_CONTENT_LENGTH = 11,
  HPE_INVALID_CHUNK_SIZE = 12,
  HPE_INVALID_STATUS = 13,
  HPE_INVALID_EOF_STATE = 14,
  HPE_INVALID_TRANSFER_ENCODING = 15,
  HPE_CB_MESSAGE_BEGIN = 16,
  HPE_CB_HEADERS_COMPLETE = 17,
  HPE_CB_MESSAGE_COMPLETE = 18,
  HPE_CB_CHUNK_HEADER = 19,
  HPE_CB_CHUNK_COMPLETE = 20,
  HPE_PAUSED = 21,
  HPE_PAUSED_UPGRADE = 22,
  HPE_PAUSED_H2_UPGRADE = 23,
  HPE_USER = 24,
};

// Bits of llhttp_t::flags.
enum llhttp_flags {
  F_CONNECTION_KEEP_ALIVE = 0x1,
  F_CONNECTION_CLOSE = 0x2,
  F_CONNECTION_UPGRADE = 0x4,
  F_CHUNKED = 0x8,
  F_UPGRADE = 0x10,
  F_CONTENT_LENGTH = 0x20,
  F_SKIPBODY = 0x40,
  F_TRAILING = 0x80,
  F_TRANSFER_ENCODING = 0x200,
};

void llhttp_init(llhttp_t* parser, llhttp_type type,
                 const llhttp_settings_t* settings);
void llhttp_reset(llhttp_t* parser);
void llhttp_settings_init(llhttp_settings_t* settings);
llhttp_errno llhttp_execute(llhttp_t* parser, const char* data, size_t len);
llhttp_errno llhttp_finish(llhttp_t* parser);
int llhttp_message_needs_eof(const llhttp_t* parser);
int llhttp_should_keep_alive(const llhttp_t* parser);
void llhttp_pause(llhttp_t* parser);
void llhttp_resume(llhttp_t* parser);
void llhttp_resume_after_upgrade(llhttp_t* parser);
llhttp_errno llhttp_get_errno(const llhttp_t* parser);
const char* llhttp_get_error_reason(const llhttp_t* parser);
void llhttp_set_error_reason(llhttp_t* parser, const char* reason);
const char* llhttp_get_error_pos(const llhttp_t* parser);
const char* llhttp_errno_name(llhttp_errno err);
const char* llhttp_method_name(int method);
void llhttp_set_lenient_headers(llhttp_t* parser, int enabled);
void llhttp_set_lenient_chunked_length(llhttp_t* parser, int enabled);
void llhttp_set_lenient_keep_alive(llhttp_t* parser, int enabled);
void llhttp_set_lenient_transfer_encoding(llhttp_t* parser, int enabled);

}  // extern "C"
