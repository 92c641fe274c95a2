// Running helper processes (esbuild, the runtime in build mode) with their
// output captured, and the packer's reaction to SIGINT/SIGTERM.
#pragma once

#include <string>
#include <vector>

namespace jspack::packer {

struct ProcessResult {
  int exit_code = -1;   // valid when term_signal == 0
  int term_signal = 0;  // the signal that killed the child, or 0
  std::string out;      // captured stdout
  std::string err;      // captured stderr
};

// Spawns `program` with `args` (argv[1..]) via posix_spawn, stdin from
// /dev/null, stdout and stderr captured, in directory `cwd` (empty: ours).
// Returns false with `error` set (e.g. "Permission denied") when the process
// could not be started at all. With `inherit_output` the child writes to
// our stdout and stderr instead (nothing is captured).
bool RunProcess(const std::string& program,
                const std::vector<std::string>& args, const std::string& cwd,
                ProcessResult* result, std::string* error,
                bool inherit_output = false);

// Makes SIGINT, SIGTERM and SIGHUP set a flag instead of killing jspack, so
// a step in progress can stop its child and remove its temporary files;
// main re-raises the signal afterwards.
void InstallInterruptHandlers();
// The signal received since InstallInterruptHandlers, or 0.
int InterruptSignal();
// Restores the default action and re-sends the signal to ourselves, so our
// parent sees that jspack died of it.
void ReraiseInterrupt();

}  // namespace jspack::packer
