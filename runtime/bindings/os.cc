// os: host facts behind node:os (libuv's uv_os_* and friends).
//
// A call that can fail takes a `ctx` object last and, on failure, fills in
// ctx.errno / code / message / syscall and returns undefined; node:os turns
// that into Node's SystemError (ERR_SYSTEM_ERROR), whose `info` is ctx.
#include <dlfcn.h>
#include <signal.h>
#include <uv.h>

#include <cerrno>
#include <cstdio>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::os {
namespace {

using runtime::OneByteString;
using runtime::Utf8String;

v8::Local<v8::String> Str(v8::Isolate* isolate, const char* s) {
  return Utf8String(isolate, s).ToLocalChecked();
}

void Set(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
         const char* key, v8::Local<v8::Value> value) {
  object
      ->CreateDataProperty(context,
                           OneByteString(context->GetIsolate(), key), value)
      .Check();
}

// Fills the caller's ctx (args[last]) for a failed libuv call.
void Fail(const v8::FunctionCallbackInfo<v8::Value>& args, int err,
          const char* syscall) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> last = args[args.Length() - 1];
  JSPACK_CHECK(last->IsObject());
  v8::Local<v8::Object> ctx = last.As<v8::Object>();
  Set(context, ctx, "errno", v8::Integer::New(isolate, err));
  Set(context, ctx, "code", Str(isolate, uv_err_name(err)));
  Set(context, ctx, "message", Str(isolate, uv_strerror(err)));
  Set(context, ctx, "syscall", OneByteString(isolate, syscall));
}

// getHostname(ctx) -> string | undefined.
void GetHostname(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof(buf);
  int err = uv_os_gethostname(buf, &size);
  if (err != 0) return Fail(args, err, "uv_os_gethostname");
  args.GetReturnValue().Set(Str(args.GetIsolate(), buf));
}

// getUname(ctx) -> [sysname, release, version, machine] | undefined.
void GetUname(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_utsname_t info;
  int err = uv_os_uname(&info);
  if (err != 0) return Fail(args, err, "uv_os_uname");
  v8::Local<v8::Value> parts[] = {Str(isolate, info.sysname),
                                  Str(isolate, info.release),
                                  Str(isolate, info.version),
                                  Str(isolate, info.machine)};
  args.GetReturnValue().Set(v8::Array::New(isolate, parts, 4));
}

// getHomeDirectory(ctx) -> string | undefined ($HOME, else the passwd entry).
void GetHomeDirectory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[4096];
  size_t size = sizeof(buf);
  int err = uv_os_homedir(buf, &size);
  if (err != 0) return Fail(args, err, "uv_os_homedir");
  args.GetReturnValue().Set(Str(args.GetIsolate(), buf));
}

// The current frequency of CPU `index` in MHz from cpufreq, 0 where the
// kernel exposes none (as in VMs). Node's newer libuv reports this; Debian's
// libuv 1.44 reads /proc/cpuinfo instead, which disagrees with Node.
double CpuSpeedMhz(int index) {
  std::string path = "/sys/devices/system/cpu/cpu" + std::to_string(index) +
                     "/cpufreq/scaling_cur_freq";
  FILE* f = fopen(path.c_str(), "re");
  if (f == nullptr) return 0;
  unsigned long khz = 0;
  int matched = fscanf(f, "%lu", &khz);
  fclose(f);
  return matched == 1 ? static_cast<double>(khz / 1000) : 0;
}

// getCpus() -> flat [model, speed, user, nice, sys, idle, irq, ...]; times
// in milliseconds, as Node reports them.
void GetCpus(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  v8::Local<v8::Array> out = v8::Array::New(isolate);
  if (uv_cpu_info(&cpus, &count) != 0) {
    args.GetReturnValue().Set(out);
    return;
  }
  uint32_t at = 0;
  auto push = [&](v8::Local<v8::Value> v) { out->Set(context, at++, v).Check(); };
  for (int i = 0; i < count; ++i) {
    const uv_cpu_info_t& cpu = cpus[i];
    push(Str(isolate, cpu.model));
    push(v8::Number::New(isolate, CpuSpeedMhz(i)));
    push(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.user)));
    push(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.nice)));
    push(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.sys)));
    push(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.idle)));
    push(v8::Number::New(isolate, static_cast<double>(cpu.cpu_times.irq)));
  }
  uv_free_cpu_info(cpus, count);
  args.GetReturnValue().Set(out);
}

// getTotalMemory() / getFreeMemory() -> bytes.
void GetTotalMemory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_total_memory()));
}
void GetFreeMemory(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

// getAvailableParallelism() -> number.
void GetAvailableParallelism(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(uv_available_parallelism());
}

// getLoadAvg() -> [1, 5, 15 minute averages].
void GetLoadAvg(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  double avg[3];
  uv_loadavg(avg);
  v8::Local<v8::Value> values[] = {v8::Number::New(isolate, avg[0]),
                                   v8::Number::New(isolate, avg[1]),
                                   v8::Number::New(isolate, avg[2])};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 3));
}

// getUptime(ctx) -> seconds | undefined.
void GetUptime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  double uptime;
  int err = uv_uptime(&uptime);
  if (err != 0) return Fail(args, err, "uv_uptime");
  args.GetReturnValue().Set(uptime);
}

// getInterfaceAddresses(ctx) -> flat [name, address, netmask, family, mac,
// internal, scopeid, ...] | undefined; scopeid is -1 for IPv4.
void GetInterfaceAddresses(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  uv_interface_address_t* list = nullptr;
  int count = 0;
  int err = uv_interface_addresses(&list, &count);
  if (err == UV_ENOSYS) {
    args.GetReturnValue().Set(v8::Array::New(isolate));
    return;
  }
  if (err != 0) return Fail(args, err, "uv_interface_addresses");
  v8::Local<v8::Array> out = v8::Array::New(isolate);
  uint32_t at = 0;
  auto push = [&](v8::Local<v8::Value> v) { out->Set(context, at++, v).Check(); };
  for (int i = 0; i < count; ++i) {
    const uv_interface_address_t& entry = list[i];
    char address[INET6_ADDRSTRLEN] = "";
    char netmask[INET6_ADDRSTRLEN] = "";
    bool v4 = entry.address.address4.sin_family == AF_INET;
    if (v4) {
      uv_ip4_name(&entry.address.address4, address, sizeof(address));
      uv_ip4_name(&entry.netmask.netmask4, netmask, sizeof(netmask));
    } else {
      uv_ip6_name(&entry.address.address6, address, sizeof(address));
      uv_ip6_name(&entry.netmask.netmask6, netmask, sizeof(netmask));
    }
    char mac[18];
    const unsigned char* p =
        reinterpret_cast<const unsigned char*>(entry.phys_addr);
    snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1],
             p[2], p[3], p[4], p[5]);
    push(Str(isolate, entry.name));
    push(Str(isolate, address));
    push(Str(isolate, netmask));
    push(OneByteString(isolate, v4 ? "IPv4" : "IPv6"));
    push(Str(isolate, mac));
    push(v8::Boolean::New(isolate, entry.is_internal != 0));
    push(v8::Integer::New(
        isolate, v4 ? -1 : static_cast<int>(entry.address.address6.sin6_scope_id)));
  }
  uv_free_interface_addresses(list, count);
  args.GetReturnValue().Set(out);
}

// getUserInfo(ctx) -> [uid, gid, username, homedir, shell | null] | undefined.
void GetUserInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_passwd_t pwd;
  int err = uv_os_get_passwd(&pwd);
  if (err != 0) return Fail(args, err, "uv_os_get_passwd");
  v8::Local<v8::Value> fields[] = {
      v8::Number::New(isolate, static_cast<double>(pwd.uid)),
      v8::Number::New(isolate, static_cast<double>(pwd.gid)),
      Str(isolate, pwd.username), Str(isolate, pwd.homedir),
      pwd.shell != nullptr ? Str(isolate, pwd.shell).As<v8::Value>()
                           : v8::Null(isolate).As<v8::Value>()};
  uv_os_free_passwd(&pwd);
  args.GetReturnValue().Set(v8::Array::New(isolate, fields, 5));
}

// getPriority(pid, ctx) -> number | undefined.
void GetPriority(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32());
  int priority;
  int err = uv_os_getpriority(args[0].As<v8::Int32>()->Value(), &priority);
  if (err != 0) return Fail(args, err, "uv_os_getpriority");
  args.GetReturnValue().Set(priority);
}

// setPriority(pid, priority, ctx) -> 0 | undefined.
void SetPriority(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[0]->IsInt32() && args[1]->IsInt32());
  int err = uv_os_setpriority(args[0].As<v8::Int32>()->Value(),
                              args[1].As<v8::Int32>()->Value());
  if (err != 0) return Fail(args, err, "uv_os_setpriority");
  args.GetReturnValue().Set(0);
}

struct Named {
  const char* name;
  int value;
};

// The platform's numbers behind os.constants, in Node's key order.
constexpr Named kSignals[] = {
    {"SIGHUP", SIGHUP},       {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},       {"SIGTRAP", SIGTRAP},   {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},       {"SIGBUS", SIGBUS},     {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},     {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},     {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},     {"SIGCHLD", SIGCHLD},   {"SIGSTKFLT", SIGSTKFLT},
    {"SIGCONT", SIGCONT},     {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},     {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},     {"SIGXFSZ", SIGXFSZ},   {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},     {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},     {"SIGPWR", SIGPWR},     {"SIGSYS", SIGSYS},
};

#define JSPACK_ERRNO_LIST(V)                                                \
  V(E2BIG) V(EACCES) V(EADDRINUSE) V(EADDRNOTAVAIL) V(EAFNOSUPPORT)         \
  V(EAGAIN) V(EALREADY) V(EBADF) V(EBADMSG) V(EBUSY) V(ECANCELED)           \
  V(ECHILD) V(ECONNABORTED) V(ECONNREFUSED) V(ECONNRESET) V(EDEADLK)        \
  V(EDESTADDRREQ) V(EDOM) V(EDQUOT) V(EEXIST) V(EFAULT) V(EFBIG)            \
  V(EHOSTUNREACH) V(EIDRM) V(EILSEQ) V(EINPROGRESS) V(EINTR) V(EINVAL)      \
  V(EIO) V(EISCONN) V(EISDIR) V(ELOOP) V(EMFILE) V(EMLINK) V(EMSGSIZE)      \
  V(EMULTIHOP) V(ENAMETOOLONG) V(ENETDOWN) V(ENETRESET) V(ENETUNREACH)      \
  V(ENFILE) V(ENOBUFS) V(ENODATA) V(ENODEV) V(ENOENT) V(ENOEXEC) V(ENOLCK)  \
  V(ENOLINK) V(ENOMEM) V(ENOMSG) V(ENOPROTOOPT) V(ENOSPC) V(ENOSR)          \
  V(ENOSTR) V(ENOSYS) V(ENOTCONN) V(ENOTDIR) V(ENOTEMPTY) V(ENOTSOCK)       \
  V(ENOTSUP) V(ENOTTY) V(ENXIO) V(EOPNOTSUPP) V(EOVERFLOW) V(EPERM)         \
  V(EPIPE) V(EPROTO) V(EPROTONOSUPPORT) V(EPROTOTYPE) V(ERANGE) V(EROFS)    \
  V(ESPIPE) V(ESRCH) V(ESTALE) V(ETIME) V(ETIMEDOUT) V(ETXTBSY)             \
  V(EWOULDBLOCK) V(EXDEV)
#define V(name) {#name, name},
constexpr Named kErrno[] = {JSPACK_ERRNO_LIST(V)};
#undef V
#undef JSPACK_ERRNO_LIST

constexpr Named kPriority[] = {
    {"PRIORITY_LOW", UV_PRIORITY_LOW},
    {"PRIORITY_BELOW_NORMAL", UV_PRIORITY_BELOW_NORMAL},
    {"PRIORITY_NORMAL", UV_PRIORITY_NORMAL},
    {"PRIORITY_ABOVE_NORMAL", UV_PRIORITY_ABOVE_NORMAL},
    {"PRIORITY_HIGH", UV_PRIORITY_HIGH},
    {"PRIORITY_HIGHEST", UV_PRIORITY_HIGHEST},
};

constexpr Named kDlopen[] = {
    {"RTLD_LAZY", RTLD_LAZY},     {"RTLD_NOW", RTLD_NOW},
    {"RTLD_GLOBAL", RTLD_GLOBAL}, {"RTLD_LOCAL", RTLD_LOCAL},
    {"RTLD_DEEPBIND", RTLD_DEEPBIND},
};

template <size_t N>
v8::Local<v8::Object> Table(v8::Local<v8::Context> context,
                            const Named (&entries)[N]) {
  v8::Isolate* isolate = context->GetIsolate();
  v8::Local<v8::Object> out =
      v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (const Named& e : entries) {
    Set(context, out, e.name, v8::Integer::New(isolate, e.value));
  }
  return out;
}

// getConstants() -> { signals, errno, priority, dlopen, UV_UDP_REUSEADDR }:
// null-prototype tables of this platform's numbers.
void GetConstants(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> out = v8::Object::New(isolate);
  Set(context, out, "UV_UDP_REUSEADDR",
      v8::Integer::New(isolate, UV_UDP_REUSEADDR));
  Set(context, out, "dlopen", Table(context, kDlopen));
  Set(context, out, "errno", Table(context, kErrno));
  Set(context, out, "signals", Table(context, kSignals));
  Set(context, out, "priority", Table(context, kPriority));
  args.GetReturnValue().Set(out);
}

constexpr runtime::Method kMethods[] = {
    {"getHostname", GetHostname},
    {"getUname", GetUname},
    {"getHomeDirectory", GetHomeDirectory},
    {"getCpus", GetCpus},
    {"getTotalMemory", GetTotalMemory},
    {"getFreeMemory", GetFreeMemory},
    {"getAvailableParallelism", GetAvailableParallelism},
    {"getLoadAvg", GetLoadAvg},
    {"getUptime", GetUptime},
    {"getInterfaceAddresses", GetInterfaceAddresses},
    {"getUserInfo", GetUserInfo},
    {"getPriority", GetPriority},
    {"setPriority", SetPriority},
    {"getConstants", GetConstants},
};

}  // namespace

JSPACK_BINDING(os, kMethods)

}  // namespace jspack::bindings::os
