// fs_event: libuv's file watchers behind fs.watch (uv_fs_event, inotify on
// Linux) and fs.watchFile (uv_fs_poll, stat polling).
//
// JS starts a watcher with a callback and gets back a positive id (or a
// negative libuv error code); it closes it by id. The handles live in a
// table keyed by id, are made only at run time (never in a snapshot) and
// are freed in their close callback. Every call into JS goes through
// Runtime::MakeCallback, so ticks and microtasks drain after each event.
#include <uv.h>

#include <cstring>
#include <map>
#include <string>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::fs_event {
namespace {

using runtime::Runtime;

// Same layout as the fs binding's stat arrays (stdlib/internal/fs/stats.js):
// dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks, then seconds
// and nanoseconds of atime, mtime, ctime and birthtime.
constexpr int kStatFields = 18;

template <typename T>
void FillFields(const uv_stat_t& s, T* out) {
  const T fields[kStatFields] = {
      static_cast<T>(s.st_dev),        static_cast<T>(s.st_mode),
      static_cast<T>(s.st_nlink),      static_cast<T>(s.st_uid),
      static_cast<T>(s.st_gid),        static_cast<T>(s.st_rdev),
      static_cast<T>(s.st_blksize),    static_cast<T>(s.st_ino),
      static_cast<T>(s.st_size),       static_cast<T>(s.st_blocks),
      static_cast<T>(s.st_atim.tv_sec), static_cast<T>(s.st_atim.tv_nsec),
      static_cast<T>(s.st_mtim.tv_sec), static_cast<T>(s.st_mtim.tv_nsec),
      static_cast<T>(s.st_ctim.tv_sec), static_cast<T>(s.st_ctim.tv_nsec),
      static_cast<T>(s.st_birthtim.tv_sec),
      static_cast<T>(s.st_birthtim.tv_nsec)};
  memcpy(out, fields, sizeof(fields));
}

v8::Local<v8::Value> StatArray(v8::Isolate* isolate, const uv_stat_t& s,
                               bool bigint) {
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(isolate, kStatFields * 8);
  void* data = ab->GetBackingStore()->Data();
  if (bigint) {
    FillFields(s, static_cast<int64_t*>(data));
    return v8::BigInt64Array::New(ab, 0, kStatFields);
  }
  FillFields(s, static_cast<double*>(data));
  return v8::Float64Array::New(ab, 0, kStatFields);
}

// A watcher: either kind of handle, its JS callback and its options.
struct WatchWrap {
  union {
    uv_fs_event_t event;
    uv_fs_poll_t poll;
    uv_handle_t handle;
  } uv;
  Runtime* runtime = nullptr;
  v8::Global<v8::Function> callback;
  bool bigint = false;
  int id = 0;
};

// id -> watcher (one runtime per process).
std::map<int, WatchWrap*>& Watchers() {
  static std::map<int, WatchWrap*> watchers;
  return watchers;
}

int NextId() {
  static int next = 0;
  return ++next;
}

void FreeWrap(uv_handle_t* handle) {
  delete static_cast<WatchWrap*>(handle->data);
}

// Takes a watcher whose start failed or that JS closed out of the table and
// closes its handle; the memory goes in the close callback.
void CloseWrap(WatchWrap* wrap) {
  Watchers().erase(wrap->id);
  wrap->callback.Reset();
  uv_close(&wrap->uv.handle, FreeWrap);
}

// callback(status, events, filename): status 0 or a negative libuv code;
// events UV_RENAME | UV_CHANGE bits; filename a Uint8Array of the name's
// bytes, or undefined when inotify gave none.
void OnEvent(uv_fs_event_t* handle, const char* filename, int events,
             int status) {
  WatchWrap* wrap = static_cast<WatchWrap*>(handle->data);
  if (wrap->callback.IsEmpty()) return;
  v8::Isolate* isolate = wrap->runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(wrap->runtime->context());
  v8::Local<v8::Value> name = v8::Undefined(isolate);
  if (filename != nullptr) {
    size_t length = strlen(filename);
    v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
    memcpy(ab->GetBackingStore()->Data(), filename, length);
    name = v8::Uint8Array::New(ab, 0, length);
  }
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status),
                                 v8::Integer::New(isolate, events), name};
  wrap->runtime->MakeCallback(wrap->callback.Get(isolate), 3, argv);
}

// callback(status, curr, prev): the stat arrays of both polls (zeroed by
// libuv while the file is missing).
void OnPoll(uv_fs_poll_t* handle, int status, const uv_stat_t* prev,
            const uv_stat_t* curr) {
  WatchWrap* wrap = static_cast<WatchWrap*>(handle->data);
  if (wrap->callback.IsEmpty()) return;
  v8::Isolate* isolate = wrap->runtime->isolate();
  v8::HandleScope scope(isolate);
  v8::Context::Scope context_scope(wrap->runtime->context());
  v8::Local<v8::Value> argv[] = {v8::Integer::New(isolate, status),
                                 StatArray(isolate, *curr, wrap->bigint),
                                 StatArray(isolate, *prev, wrap->bigint)};
  wrap->runtime->MakeCallback(wrap->callback.Get(isolate), 3, argv);
}

std::string PathArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  if (value->IsArrayBufferView()) {
    v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
    std::string text(view->ByteLength(), '\0');
    view->CopyContents(text.data(), text.size());
    return text;
  }
  JSPACK_CHECK(value->IsString());
  return runtime::ToUtf8(isolate, value);
}

WatchWrap* NewWrap(const v8::FunctionCallbackInfo<v8::Value>& args,
                   v8::Local<v8::Value> callback) {
  JSPACK_CHECK(callback->IsFunction());
  auto* wrap = new WatchWrap();
  wrap->runtime = Runtime::From(args);
  wrap->callback.Reset(args.GetIsolate(), callback.As<v8::Function>());
  wrap->id = NextId();
  return wrap;
}

// Registers a started watcher (unref'd unless `persistent`) and returns its
// id to JS, or closes it and returns the error.
void Finish(const v8::FunctionCallbackInfo<v8::Value>& args, WatchWrap* wrap,
            int err, bool persistent) {
  wrap->uv.handle.data = wrap;
  Watchers()[wrap->id] = wrap;
  if (err != 0) {
    CloseWrap(wrap);
    args.GetReturnValue().Set(err);
    return;
  }
  if (!persistent) uv_unref(&wrap->uv.handle);
  args.GetReturnValue().Set(wrap->id);
}

// watch(path, persistent, recursive, callback) -> id | negative error.
void Watch(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::string path = PathArg(args.GetIsolate(), args[0]);
  WatchWrap* wrap = NewWrap(args, args[3]);
  uv_fs_event_init(wrap->runtime->loop(), &wrap->uv.event);
  wrap->uv.handle.data = wrap;
  unsigned flags = args[2]->IsTrue() ? UV_FS_EVENT_RECURSIVE : 0;
  int err = uv_fs_event_start(&wrap->uv.event, OnEvent, path.c_str(), flags);
  Finish(args, wrap, err, args[1]->IsTrue());
}

// poll(path, persistent, intervalMs, bigint, callback) -> id | negative
// error.
void Poll(const v8::FunctionCallbackInfo<v8::Value>& args) {
  std::string path = PathArg(args.GetIsolate(), args[0]);
  JSPACK_CHECK(args[2]->IsUint32());
  WatchWrap* wrap = NewWrap(args, args[4]);
  wrap->bigint = args[3]->IsTrue();
  uv_fs_poll_init(wrap->runtime->loop(), &wrap->uv.poll);
  wrap->uv.handle.data = wrap;
  int err = uv_fs_poll_start(&wrap->uv.poll, OnPoll, path.c_str(),
                             args[2].As<v8::Uint32>()->Value());
  Finish(args, wrap, err, args[1]->IsTrue());
}

WatchWrap* Find(v8::Local<v8::Value> id) {
  JSPACK_CHECK(id->IsInt32());
  auto found = Watchers().find(id.As<v8::Int32>()->Value());
  return found == Watchers().end() ? nullptr : found->second;
}

// close(id): stops the watcher; no callback runs after this. Closing an id
// twice does nothing.
void Close(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WatchWrap* wrap = Find(args[0]);
  if (wrap != nullptr) CloseWrap(wrap);
}

// setRef(id, ref): whether the watcher keeps the event loop alive.
void SetRef(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WatchWrap* wrap = Find(args[0]);
  if (wrap == nullptr) return;
  if (args[1]->IsTrue()) {
    uv_ref(&wrap->uv.handle);
  } else {
    uv_unref(&wrap->uv.handle);
  }
}

constexpr runtime::Method kMethods[] = {
    {"watch", Watch},
    {"poll", Poll},
    {"close", Close},
    {"setRef", SetRef},
};

constexpr runtime::Constant kConstants[] = {
    {"UV_RENAME", UV_RENAME},
    {"UV_CHANGE", UV_CHANGE},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(fs_event, kMethods, kConstants)

}  // namespace jspack::bindings::fs_event
