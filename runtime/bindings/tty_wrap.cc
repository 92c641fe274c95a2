// tty_wrap: terminal modes behind tty.ReadStream#setRawMode and
// process.stdin.setRawMode.
//
// Raw mode is set with termios on the descriptor itself (no uv_tty_t, which
// would make the shared terminal descriptor non-blocking under the
// synchronous process.stdout writes). The mode a descriptor had before its
// first change is kept and put back at exit, as libuv's uv_tty_reset_mode
// does for Node.
#include <termios.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>

#include "runtime/core/binding.h"

namespace jspack::bindings::tty_wrap {
namespace {

std::mutex& ModesLock() {
  static std::mutex lock;
  return lock;
}

// fd -> its mode before the process changed it.
std::map<int, termios>& SavedModes() {
  static std::map<int, termios> saved;
  return saved;
}

void RestoreModes() {
  std::lock_guard<std::mutex> guard(ModesLock());
  for (auto& [fd, mode] : SavedModes()) tcsetattr(fd, TCSANOW, &mode);
}

// setRawMode(fd, raw) -> 0 or a negative errno. raw false puts the saved
// mode back.
void SetRawMode(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32());
  int fd = args[0].As<v8::Int32>()->Value();
  bool raw = args[1]->IsTrue();
  std::lock_guard<std::mutex> guard(ModesLock());
  auto& saved = SavedModes();
  auto found = saved.find(fd);
  termios mode;
  if (found == saved.end()) {
    if (tcgetattr(fd, &mode) != 0) {
      args.GetReturnValue().Set(-errno);
      return;
    }
    static bool registered = (atexit(RestoreModes), true);
    (void)registered;
    found = saved.emplace(fd, mode).first;
  }
  mode = found->second;
  if (raw) {
    // The same raw mode as libuv's UV_TTY_MODE_RAW.
    mode.c_iflag &= ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    mode.c_oflag |= ONLCR;
    mode.c_cflag |= CS8;
    mode.c_lflag &= ~(ECHO | ICANON | IEXTEN | ISIG);
    mode.c_cc[VMIN] = 1;
    mode.c_cc[VTIME] = 0;
  }
  int err = 0;
  do {
    err = tcsetattr(fd, TCSADRAIN, &mode);
  } while (err != 0 && errno == EINTR);
  args.GetReturnValue().Set(err != 0 ? -errno : 0);
}

constexpr runtime::Method kMethods[] = {
    {"setRawMode", SetRawMode},
};

}  // namespace

JSPACK_BINDING(tty_wrap, kMethods)

}  // namespace jspack::bindings::tty_wrap
