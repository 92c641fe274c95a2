// Running helper processes with captured output.
#include "packer/process.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace jspack::packer {
namespace {

volatile sig_atomic_t g_interrupt = 0;

void OnInterrupt(int signal) { g_interrupt = signal; }

constexpr int kInterruptSignals[] = {SIGINT, SIGTERM, SIGHUP};

void CloseIfOpen(int* fd) {
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

}  // namespace

bool RunProcess(const std::string& program,
                const std::vector<std::string>& args, const std::string& cwd,
                ProcessResult* result, std::string* error,
                bool inherit_output) {
  *result = ProcessResult();
  // O_CLOEXEC keeps our ends of the pipes out of the child; the dup2 file
  // actions below give it its own copies as fds 1 and 2.
  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if (!inherit_output &&
      (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0)) {
    *error = strerror(errno);
    CloseIfOpen(&out_pipe[0]);
    CloseIfOpen(&out_pipe[1]);
    return false;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  if (!inherit_output) {
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  }
  if (!cwd.empty()) {
    posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  }
  // The child must die of the signals jspack only records.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int s : kInterruptSignals) sigaddset(&defaults, s);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  // Its own process group, so an interrupt stops the child's children too
  // (a wrapper script's, say), which would otherwise hold our pipes open.
  // Its stdio is ours or /dev/null, never the terminal, so leaving the
  // foreground group costs nothing.
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr,
                           POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);

  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(program.c_str()));
  for (const std::string& a : args)
    argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  pid_t pid = -1;
  int rc =
      posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  CloseIfOpen(&out_pipe[1]);
  CloseIfOpen(&err_pipe[1]);
  if (rc != 0) {
    *error = strerror(rc);
    CloseIfOpen(&out_pipe[0]);
    CloseIfOpen(&err_pipe[0]);
    return false;
  }

  // Drain both pipes together: a child blocked writing a full stderr pipe
  // while we wait on stdout would deadlock.
  struct pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result->out, &result->err};
  bool killed = false;
  char buffer[65536];
  while (fds[0].fd >= 0 || fds[1].fd >= 0) {
    if (g_interrupt != 0 && !killed) {
      kill(-pid, SIGTERM);
      killed = true;
    }
    int n = poll(fds, 2, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t got = read(fds[i].fd, buffer, sizeof(buffer));
      if (got > 0) {
        sinks[i]->append(buffer, got);
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        CloseIfOpen(&fds[i].fd);
      }
    }
  }
  CloseIfOpen(&fds[0].fd);
  CloseIfOpen(&fds[1].fd);

  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    // (With inherited output there were no pipes to drain: an interrupt
    // arrives here.)
    if (errno == EINTR && g_interrupt != 0 && !killed) {
      kill(-pid, SIGTERM);
      killed = true;
      continue;
    }
    if (errno != EINTR) {
      *error = strerror(errno);
      return false;
    }
  }
  if (WIFSIGNALED(status)) {
    result->term_signal = WTERMSIG(status);
  } else {
    result->exit_code = WEXITSTATUS(status);
  }
  return true;
}

void InstallInterruptHandlers() {
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_handler = OnInterrupt;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking poll() returns EINTR so the loop above sees
  // the flag at once.
  for (int s : kInterruptSignals) sigaction(s, &action, nullptr);
}

int InterruptSignal() { return g_interrupt; }

void ReraiseInterrupt() {
  int s = g_interrupt;
  if (s == 0) return;
  signal(s, SIG_DFL);
  raise(s);
}

}  // namespace jspack::packer
