// The stdlib image built into the runtime (scripts/stdlib-image.js writes
// it: a loader plus each module's source), and how it is evaluated.
#pragma once

#include <v8.h>

#include <string>
#include <string_view>

namespace jspack::runtime {

// The stdlib image (linked in by stdlib_source.S), or the override set by
// UseStdlibSource().
std::string_view StdlibSource();

// Makes StdlibSource() return `source` from now on. For stdlib development
// only: the runtime takes it from the file named by $JSPACK_STDLIB, so a
// stdlib change can be tried without a rebuild. Call it before any context
// exists: compiled modules point into the image.
void UseStdlibSource(std::string source);

// Compiles and runs the image's loader in `context` and returns the hooks
// object the bootstrap module exports; each other module is compiled when
// first required. `eager` compiles all of the loader now. On failure a JS
// exception is pending.
v8::MaybeLocal<v8::Object> EvaluateStdlib(v8::Local<v8::Context> context,
                                          bool eager);

// internalBinding(name): a core callback (see CoreCallbacks()).
void InternalBinding(const v8::FunctionCallbackInfo<v8::Value>& args);

}  // namespace jspack::runtime
