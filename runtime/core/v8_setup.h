// V8 process setup shared by every mode: platform, flags, ICU.
#pragma once

namespace jspack::runtime {

// Initializes V8 once per process. Snapshot builds and runs use the same
// flags, so a blob made by one is accepted by the other.
void InitializeV8(const char* argv0);

}  // namespace jspack::runtime
