// The stdlib bundle built into the runtime, and how it is evaluated.
#pragma once

#include <v8.h>

#include <string>
#include <string_view>

namespace jspack::runtime {

// The esbuild bundle of stdlib/ (linked in by stdlib_source.S), or the
// override set by UseStdlibSource().
std::string_view StdlibSource();

// Makes StdlibSource() return `source` from now on. For stdlib development
// only: the bare runtime's `--jspack-payload` mode takes it from the file
// named by $JSPACK_STDLIB, so a stdlib change can be tried without a rebuild.
void UseStdlibSource(std::string source);

// Compiles and runs the stdlib bundle in `context` and returns the hooks
// object its bootstrap returns. `eager` compiles every function now (snapshot
// builds keep that bytecode). On failure a JS exception is pending.
v8::MaybeLocal<v8::Object> EvaluateStdlib(v8::Local<v8::Context> context,
                                          bool eager);

// internalBinding(name): a core callback (see CoreCallbacks()).
void InternalBinding(const v8::FunctionCallbackInfo<v8::Value>& args);

}  // namespace jspack::runtime
