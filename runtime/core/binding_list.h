// Every native binding, one V(name) per line, sorted. Order fixes the layout
// of the external reference array (see binding.h).
#pragma once

#define JSPACK_BINDING_LIST(V) \
  V(async_wrap)                \
  V(buffer)                    \
  V(cares)                     \
  V(contextify)                \
  V(crypto)                    \
  V(crypto_keys)               \
  V(dns)                       \
  V(encoding)                  \
  V(fs)                        \
  V(fs_event)                  \
  V(heap)                      \
  V(http2)                     \
  V(http_parser)               \
  V(messaging)                 \
  V(module)                    \
  V(os)                        \
  V(perf)                      \
  V(process)                   \
  V(process_wrap)              \
  V(serdes)                    \
  V(signal)                    \
  V(spawn_sync)                \
  V(stdio)                     \
  V(stream_wrap)               \
  V(task_queue)                \
  V(timers)                    \
  V(tls_wrap)                  \
  V(tty_wrap)                  \
  V(types)                     \
  V(udp_wrap)                  \
  V(url)                       \
  V(util)                      \
  V(uv)                        \
  V(worker)                    \
  V(zlib)
