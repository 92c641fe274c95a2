// What core needs from the contextify binding to put vm's pristine context
// into snapshots: the interceptor callbacks (external references) and the
// step that adds the context. Every vm context is then a copy of it, not of
// the booted stdlib (the snapshot's default context).
#pragma once

#include <v8.h>

#include <cstdint>
#include <vector>

namespace jspack::bindings::contextify {

// The vm global's interceptor callbacks, in a fixed order.
const std::vector<intptr_t>& InterceptorReferences();

// Adds the pristine vm context to a snapshot being made; `from_base`: the
// creator was started from a base snapshot, which already holds one.
void AddPristineContext(v8::SnapshotCreator* creator, bool from_base);

}  // namespace jspack::bindings::contextify
