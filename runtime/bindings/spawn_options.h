// The options object node:child_process hands to process_wrap.spawn and
// spawn_sync.spawnSync, read into the strings and flags uv_spawn wants.
//
// stdlib/internal/child_process/options.js builds the object and has checked
// every field's type, so a wrong type here is a jspack bug (JSPACK_CHECK).
// Fields: file (string), args (string[]), cwd (string?), envPairs
// (string[]?; absent means the parent's environment), detached (bool), uid
// and gid (int32?), stdio ({type: 'ignore' | 'fd' | 'pipe', fd?}[]).
#pragma once

#include <uv.h>
#include <v8.h>

#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::spawn_options {

enum class StdioType { kIgnore, kFd, kPipe };

struct StdioEntry {
  StdioType type = StdioType::kIgnore;
  int fd = -1;  // kFd: the parent's fd the child inherits
  v8::Local<v8::Object> object;
};

class SpawnOptions {
 public:
  // Reads `options`; false when a getter threw (a JS exception is pending).
  bool Read(v8::Local<v8::Context> context, v8::Local<v8::Object> options) {
    v8::Isolate* isolate = context->GetIsolate();
    v8::Local<v8::Value> value;
    if (!Get(context, options, "file", &value)) return false;
    JSPACK_CHECK(value->IsString());
    file_ = runtime::ToUtf8(isolate, value);
    if (!Get(context, options, "args", &value)) return false;
    if (!ReadStrings(context, value, &args_)) return false;
    if (!Get(context, options, "cwd", &value)) return false;
    if (!value->IsUndefined()) {
      JSPACK_CHECK(value->IsString());
      cwd_ = runtime::ToUtf8(isolate, value);
      has_cwd_ = true;
    }
    if (!Get(context, options, "envPairs", &value)) return false;
    if (!value->IsUndefined()) {
      if (!ReadStrings(context, value, &env_)) return false;
      has_env_ = true;
    }
    if (!Get(context, options, "detached", &value)) return false;
    if (value->IsTrue()) flags_ |= UV_PROCESS_DETACHED;
    if (!Get(context, options, "uid", &value)) return false;
    if (!value->IsUndefined()) {
      JSPACK_CHECK(value->IsInt32());
      flags_ |= UV_PROCESS_SETUID;
      uid_ = static_cast<uv_uid_t>(value.As<v8::Int32>()->Value());
    }
    if (!Get(context, options, "gid", &value)) return false;
    if (!value->IsUndefined()) {
      JSPACK_CHECK(value->IsInt32());
      flags_ |= UV_PROCESS_SETGID;
      gid_ = static_cast<uv_gid_t>(value.As<v8::Int32>()->Value());
    }
    if (!Get(context, options, "stdio", &value)) return false;
    JSPACK_CHECK(value->IsArray());
    v8::Local<v8::Array> stdio = value.As<v8::Array>();
    for (uint32_t i = 0; i < stdio->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!stdio->Get(context, i).ToLocal(&item)) return false;
      JSPACK_CHECK(item->IsObject());
      StdioEntry entry;
      entry.object = item.As<v8::Object>();
      if (!Get(context, entry.object, "type", &value)) return false;
      std::string type = runtime::ToUtf8(isolate, value);
      if (type == "fd") {
        entry.type = StdioType::kFd;
        if (!Get(context, entry.object, "fd", &value)) return false;
        JSPACK_CHECK(value->IsInt32());
        entry.fd = value.As<v8::Int32>()->Value();
      } else if (type == "pipe") {
        entry.type = StdioType::kPipe;
      } else {
        JSPACK_CHECK(type == "ignore");
      }
      stdio_.push_back(entry);
    }
    return true;
  }

  std::vector<StdioEntry>& stdio() { return stdio_; }
  const std::string& file() const { return file_; }

  // The uv_spawn options; `containers` (one per stdio entry, filled by the
  // caller) must outlive the uv_spawn call, as must this object.
  uv_process_options_t Build(uv_exit_cb on_exit,
                             std::vector<uv_stdio_container_t>* containers) {
    argv_.clear();
    for (std::string& arg : args_) argv_.push_back(arg.data());
    argv_.push_back(nullptr);
    envp_.clear();
    for (std::string& pair : env_) envp_.push_back(pair.data());
    envp_.push_back(nullptr);
    uv_process_options_t options = {};
    options.exit_cb = on_exit;
    options.file = file_.c_str();
    options.args = argv_.data();
    options.env = has_env_ ? envp_.data() : nullptr;
    options.cwd = has_cwd_ ? cwd_.c_str() : nullptr;
    options.flags = flags_;
    options.uid = uid_;
    options.gid = gid_;
    options.stdio_count = static_cast<int>(containers->size());
    options.stdio = containers->data();
    return options;
  }

 private:
  static bool Get(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                  const char* name, v8::Local<v8::Value>* out) {
    return object
        ->Get(context, runtime::OneByteString(context->GetIsolate(), name))
        .ToLocal(out);
  }

  static bool ReadStrings(v8::Local<v8::Context> context,
                          v8::Local<v8::Value> value,
                          std::vector<std::string>* out) {
    JSPACK_CHECK(value->IsArray());
    v8::Local<v8::Array> array = value.As<v8::Array>();
    for (uint32_t i = 0; i < array->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!array->Get(context, i).ToLocal(&item)) return false;
      JSPACK_CHECK(item->IsString());
      out->push_back(runtime::ToUtf8(context->GetIsolate(), item));
    }
    return true;
  }

  std::string file_;
  std::vector<std::string> args_;
  std::string cwd_;
  bool has_cwd_ = false;
  std::vector<std::string> env_;
  bool has_env_ = false;
  unsigned int flags_ = 0;
  uv_uid_t uid_ = 0;
  uv_gid_t gid_ = 0;
  std::vector<StdioEntry> stdio_;
  std::vector<char*> argv_;
  std::vector<char*> envp_;
};

}  // namespace jspack::bindings::spawn_options
