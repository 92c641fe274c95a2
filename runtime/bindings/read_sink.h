// A native consumer of a stream_wrap handle's reads. node:http's server
// parser attaches one to a plain TCP or pipe socket (http_parser.cc), so the
// bytes go from libuv to llhttp without an ArrayBuffer or a JS call per read;
// the parser calls JS only for what it found (a head, a body piece, the end).
#pragma once
#include <cstddef>
#include <cstdint>

namespace jspack::bindings {

class ReadSink {
 public:
  // `length` > 0 bytes the handle read, valid only during the call. A
  // HandleScope and the context are entered; the sink reports JS errors
  // and drains ticks itself.
  virtual void OnSinkRead(const char* data, size_t length) = 0;
  // The handle is closing: no more reads come, and the sink must not
  // detach from it again.
  virtual void OnSinkDetached() = 0;

 protected:
  ~ReadSink() = default;
};

namespace stream_wrap {

// Reads of the open handle `id` (of this thread) with nread > 0 go to
// `sink` instead of the owner's onread; end of stream and errors still go
// to onread. False when no such handle is open, when it reads into an app's
// buffer (net's `onread` option), or when another sink has it.
bool AttachReadSink(uint32_t id, ReadSink* sink);
// Gives the handle's reads back to onread, if `sink` still has them.
void DetachReadSink(uint32_t id, ReadSink* sink);

}  // namespace stream_wrap
}  // namespace jspack::bindings
