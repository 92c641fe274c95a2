// process: facts about this process and run, behind node:process.
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <uv.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/errors.h"
#include "runtime/core/libnode_info.h"
#include "runtime/core/runtime.h"

extern char** environ;

namespace jspack::bindings::process {
namespace {

using runtime::OneByteString;
using runtime::Runtime;
using runtime::Utf8String;

v8::Local<v8::String> Str(v8::Isolate* isolate, const std::string& s) {
  return Utf8String(isolate, s).ToLocalChecked();
}

// getRunInfo() -> { argv, execPath, argv0, pid, ppid, mode, evalSource,
// execArgv, nodeOptions } for this run.
void GetRunInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  const runtime::RunInfo& info = Runtime::From(context)->info();
  std::vector<v8::Local<v8::Value>> argv;
  argv.push_back(Str(isolate, info.exec_path));
  argv.push_back(Str(isolate, info.entry_path));
  for (const std::string& a : info.app_args) argv.push_back(Str(isolate, a));
  v8::Local<v8::Object> out = v8::Object::New(isolate);
  auto set = [&](const char* key, v8::Local<v8::Value> value) {
    out->CreateDataProperty(context, OneByteString(isolate, key), value)
        .Check();
  };
  // -e code and a script read from stdin have no argv[1] (but `-` stays).
  if ((info.mode == "eval" || info.mode == "stdin") &&
      info.entry_path.empty()) {
    argv.erase(argv.begin() + 1);
  }
  set("argv", v8::Array::New(isolate, argv.data(), argv.size()));
  set("execPath", Str(isolate, info.exec_path));
  set("argv0", Str(isolate, info.argv0.empty() ? info.exec_path : info.argv0));
  set("mode", Str(isolate, info.mode));
  set("evalSource", Str(isolate, info.eval_source));
  std::vector<v8::Local<v8::Value>> exec_argv;
  for (const std::string& a : info.exec_argv) {
    exec_argv.push_back(Str(isolate, a));
  }
  set("execArgv",
      v8::Array::New(isolate, exec_argv.data(), exec_argv.size()));
  std::vector<v8::Local<v8::Value>> options;
  for (const auto& [name, value] : info.node_options) {
    v8::Local<v8::Value> pair[] = {Str(isolate, name), Str(isolate, value)};
    options.push_back(v8::Array::New(isolate, pair, 2));
  }
  set("nodeOptions", v8::Array::New(isolate, options.data(), options.size()));
  set("pid", v8::Integer::New(isolate, getpid()));
  set("ppid", v8::Integer::New(isolate, getppid()));
  args.GetReturnValue().Set(out);
}

// getStaticInfo() -> { platform, arch, v8, uv }: the same for every run of
// this binary, so it may be read while building a snapshot.
void GetStaticInfo(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> out = v8::Object::New(isolate);
  auto set = [&](const char* key, const std::string& value) {
    out->CreateDataProperty(context, OneByteString(isolate, key),
                            Str(isolate, value))
        .Check();
  };
  set("platform", "linux");
#if defined(__x86_64__)
  set("arch", "x64");
#elif defined(__aarch64__)
  set("arch", "arm64");
#else
  set("arch", "unknown");
#endif
  set("v8", runtime::V8Version());
  set("uv", uv_version_string());
  set("jspack", JSPACK_VERSION);
  args.GetReturnValue().Set(out);
}

// cwd() -> string; throws a system error.
void Cwd(const v8::FunctionCallbackInfo<v8::Value>& args) {
  char buf[PATH_MAX];
  size_t size = sizeof(buf);
  int err = uv_cwd(buf, &size);
  if (err != 0)
    return runtime::ThrowSystemError(args.GetIsolate(), err, "uv_cwd");
  args.GetReturnValue().Set(Str(args.GetIsolate(), std::string(buf, size)));
}

// chdir(path); throws a system error.
void Chdir(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value path(args.GetIsolate(), args[0]);
  int err = uv_chdir(*path);
  if (err != 0) {
    return runtime::ThrowSystemError(args.GetIsolate(), err, "chdir", *path);
  }
}

// reallyExit(code): ends the process now; 'exit' was emitted by JS.
void ReallyExit(const v8::FunctionCallbackInfo<v8::Value>& args) {
  int code =
      args[0]->Int32Value(args.GetIsolate()->GetCurrentContext()).FromMaybe(1);
  Runtime::From(args)->Exit(code);
}

// hrtime() -> [seconds, nanoseconds] of a monotonic clock.
void Hrtime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  uint64_t t = uv_hrtime();
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> parts[] = {
      v8::Number::New(isolate, static_cast<double>(t / 1000000000)),
      v8::Number::New(isolate, static_cast<double>(t % 1000000000))};
  args.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

// hrtimeBigInt() -> bigint nanoseconds.
void HrtimeBigInt(const v8::FunctionCallbackInfo<v8::Value>& args) {
  args.GetReturnValue().Set(
      v8::BigInt::NewFromUnsigned(args.GetIsolate(), uv_hrtime()));
}

// uptime() -> seconds since the runtime started.
void Uptime(const v8::FunctionCallbackInfo<v8::Value>& args) {
  double ns =
      static_cast<double>(uv_hrtime() - Runtime::From(args)->start_time_ns());
  args.GetReturnValue().Set(ns / 1e9);
}

// memoryUsage() -> [rss, heapTotal, heapUsed, external, arrayBuffers].
void MemoryUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  v8::HeapStatistics stats;
  isolate->GetHeapStatistics(&stats);
  v8::Local<v8::Value> values[] = {
      v8::Number::New(isolate, static_cast<double>(rss)),
      v8::Number::New(isolate, static_cast<double>(stats.total_heap_size())),
      v8::Number::New(isolate, static_cast<double>(stats.used_heap_size())),
      v8::Number::New(isolate, static_cast<double>(stats.external_memory())),
      v8::Number::New(isolate, 0)};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 5));
}

// cpuUsage() -> [user, system] CPU time of this process in microseconds;
// throws a system error.
void CpuUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_rusage_t usage;
  int err = uv_getrusage(&usage);
  if (err != 0) return runtime::ThrowSystemError(isolate, err, "uv_getrusage");
  auto micros = [](const uv_timeval_t& t) {
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_usec);
  };
  v8::Local<v8::Value> values[] = {
      v8::Number::New(isolate, micros(usage.ru_utime)),
      v8::Number::New(isolate, micros(usage.ru_stime))};
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 2));
}

// resourceUsage() -> [user us, system us, maxrss KiB, ixrss, idrss, isrss,
// minflt, majflt, nswap, inblock, oublock, msgsnd, msgrcv, nsignals, nvcsw,
// nivcsw], Node's process.resourceUsage() fields in order.
void ResourceUsage(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_rusage_t u;
  int err = uv_getrusage(&u);
  if (err != 0) return runtime::ThrowSystemError(isolate, err, "uv_getrusage");
  auto micros = [](const uv_timeval_t& t) {
    return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_usec);
  };
  double fields[] = {
      micros(u.ru_utime), micros(u.ru_stime),
      static_cast<double>(u.ru_maxrss), static_cast<double>(u.ru_ixrss),
      static_cast<double>(u.ru_idrss), static_cast<double>(u.ru_isrss),
      static_cast<double>(u.ru_minflt), static_cast<double>(u.ru_majflt),
      static_cast<double>(u.ru_nswap), static_cast<double>(u.ru_inblock),
      static_cast<double>(u.ru_oublock), static_cast<double>(u.ru_msgsnd),
      static_cast<double>(u.ru_msgrcv), static_cast<double>(u.ru_nsignals),
      static_cast<double>(u.ru_nvcsw), static_cast<double>(u.ru_nivcsw)};
  v8::Local<v8::Value> values[16];
  for (int i = 0; i < 16; ++i) values[i] = v8::Number::New(isolate, fields[i]);
  args.GetReturnValue().Set(v8::Array::New(isolate, values, 16));
}

// getIds() -> [uid, gid, euid, egid].
void GetIds(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Value> ids[] = {
      v8::Number::New(isolate, getuid()), v8::Number::New(isolate, getgid()),
      v8::Number::New(isolate, geteuid()), v8::Number::New(isolate, getegid())};
  args.GetReturnValue().Set(v8::Array::New(isolate, ids, 4));
}

// getGroups() -> [gid...], the effective gid included as Node has it.
void GetGroups(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  int count = getgroups(0, nullptr);
  std::vector<gid_t> groups(count > 0 ? count : 0);
  if (count > 0) count = getgroups(count, groups.data());
  if (count < 0) {
    return runtime::ThrowSystemError(isolate, -errno, "getgroups");
  }
  groups.resize(count);
  gid_t egid = getegid();
  bool has_egid = false;
  for (gid_t g : groups) has_egid = has_egid || g == egid;
  if (!has_egid) groups.push_back(egid);
  std::vector<v8::Local<v8::Value>> values;
  for (gid_t g : groups) values.push_back(v8::Number::New(isolate, g));
  args.GetReturnValue().Set(
      v8::Array::New(isolate, values.data(), values.size()));
}

// getEnv(name) -> string | undefined.
void GetEnv(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value name(args.GetIsolate(), args[0]);
  const char* value = getenv(*name);
  if (value != nullptr)
    args.GetReturnValue().Set(Str(args.GetIsolate(), value));
}

// Both libc and V8 cache the time zone: after TZ changes, tzset() and V8's
// date cache must learn it, or Date keeps showing the old zone.
void NoteTimeZoneChange(v8::Isolate* isolate, const char* name) {
  if (name == nullptr || strcmp(name, "TZ") != 0) return;
  tzset();
  isolate->DateTimeConfigurationChangeNotification(
      v8::Isolate::TimeZoneDetection::kRedetect);
}

// setEnv(name, value).
void SetEnv(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value name(args.GetIsolate(), args[0]);
  v8::String::Utf8Value value(args.GetIsolate(), args[1]);
  setenv(*name, *value, 1);
  NoteTimeZoneChange(args.GetIsolate(), *name);
}

// unsetEnv(name).
void UnsetEnv(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::String::Utf8Value name(args.GetIsolate(), args[0]);
  unsetenv(*name);
  NoteTimeZoneChange(args.GetIsolate(), *name);
}

// envKeys() -> string[] in environ order.
void EnvKeys(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  std::vector<v8::Local<v8::Value>> keys;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const char* eq = strchr(*e, '=');
    if (eq == nullptr || eq == *e) continue;
    keys.push_back(Str(isolate, std::string(*e, eq - *e)));
  }
  args.GetReturnValue().Set(v8::Array::New(isolate, keys.data(), keys.size()));
}

// umask([mask]) -> previous mask.
void Umask(const v8::FunctionCallbackInfo<v8::Value>& args) {
  mode_t old;
  if (args[0]->IsUint32()) {
    old = umask(args[0].As<v8::Uint32>()->Value());
  } else {
    old = umask(0);
    umask(old);
  }
  args.GetReturnValue().Set(static_cast<uint32_t>(old));
}

constexpr runtime::Method kMethods[] = {
    {"getRunInfo", GetRunInfo},
    {"getStaticInfo", GetStaticInfo},
    {"cwd", Cwd},
    {"chdir", Chdir},
    {"reallyExit", ReallyExit},
    {"hrtime", Hrtime},
    {"hrtimeBigInt", HrtimeBigInt},
    {"uptime", Uptime},
    {"memoryUsage", MemoryUsage},
    {"cpuUsage", CpuUsage},
    {"getEnv", GetEnv},
    {"setEnv", SetEnv},
    {"unsetEnv", UnsetEnv},
    {"envKeys", EnvKeys},
    {"umask", Umask},
    {"resourceUsage", ResourceUsage},
    {"getIds", GetIds},
    {"getGroups", GetGroups},
};

}  // namespace
JSPACK_BINDING(process, kMethods)
}  // namespace jspack::bindings::process
