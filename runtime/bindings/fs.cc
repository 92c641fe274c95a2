// fs: libuv's uv_fs_* file operations behind node:fs, each one blocking
// (`<op>Sync`) and on libuv's thread pool (`<op>`).
//
// Every operation is written once, as a Start function that issues the
// uv_fs_* call and a result kind that turns the finished request into a JS
// value. The blocking twin runs the call with a NULL callback and returns
// the result, or the negative libuv error code. The asynchronous one takes a
// callback last, returns 0 (or an error code if libuv refused the request at
// once) and later calls callback(err, result) on the loop thread with err 0
// or negative. An asynchronous read that the page cache can serve skips the
// thread pool (see StartRead below), and readFile does a whole file's open,
// reads and close as one job (see ReadWholeFile). node:fs makes the system
// errors (uvException) in JS, where it knows the syscall and paths; no
// FsReq exists before the app runs, so nothing here can reach a snapshot.
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "runtime/core/binding.h"
#include "runtime/core/runtime.h"

namespace jspack::bindings::fs {
namespace {

using runtime::OneByteString;
using runtime::Runtime;
using runtime::Utf8String;

// How a finished request becomes a JS value.
enum class Result {
  kNone,      // undefined
  kInt,       // req->result (fd, byte count)
  kStat,      // a Float64Array / BigInt64Array of kStatFields
  kPtrPath,   // req->ptr as a string (readlink, realpath)
  kPath,      // req->path as a string (mkdtemp)
  kEntries,   // [names] or [names, types] (scandir)
              // (the names and paths are Uint8Arrays of the raw bytes when
              // the caller asked for them: a name need not be UTF-8)
  kStatfs,    // a Float64Array / BigInt64Array of type, bsize, blocks,
              // bfree, bavail, files, ffree
};

// Stat layout shared with stdlib/internal/fs/stats.js: dev, mode, nlink,
// uid, gid, rdev, blksize, ino, size, blocks, then seconds and nanoseconds
// of atime, mtime, ctime and birthtime.
constexpr int kStatFields = 18;

// What a request needs besides the uv_fs_t: the JS buffers whose memory
// libuv reads or writes, and flags for the result.
struct Extra {
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  bool bigint = false;
  bool with_types = false;
  bool raw = false;  // names and paths as bytes, not strings
};

// A path argument: a string or the bytes of a Uint8Array, NUL-terminated.
class PathArg {
 public:
  PathArg(v8::Isolate* isolate, v8::Local<v8::Value> value) {
    if (value->IsArrayBufferView()) {
      v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
      text_.resize(view->ByteLength());
      view->CopyContents(text_.data(), text_.size());
    } else {
      JSPACK_CHECK(value->IsString());
      text_ = runtime::ToUtf8(isolate, value);
    }
  }
  const char* c_str() const { return text_.c_str(); }

 private:
  std::string text_;
};

// A JS ArrayBufferView's memory from `offset` on; its backing store is kept
// in `extra` so that the memory outlives the request.
char* ViewData(v8::Local<v8::Value> value, Extra* extra, size_t* length) {
  JSPACK_CHECK(value->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  // Buffer() moves the contents of a small on-heap typed array off the heap,
  // where the garbage collector cannot move them under libuv.
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  char* data = static_cast<char*>(store->Data()) + view->ByteOffset();
  *length = view->ByteLength();
  extra->stores.push_back(std::move(store));
  return data;
}

int Int(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  JSPACK_CHECK(args[i]->IsInt32() || args[i]->IsUint32());
  return static_cast<int>(args[i]->IntegerValue(
      args.GetIsolate()->GetCurrentContext()).FromJust());
}

double Num(const v8::FunctionCallbackInfo<v8::Value>& args, int i) {
  JSPACK_CHECK(args[i]->IsNumber());
  return args[i].As<v8::Number>()->Value();
}

using StartFn = int (*)(const v8::FunctionCallbackInfo<v8::Value>& args,
                        uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb,
                        Extra* extra);

// The operations. Each reads its JS arguments (validated by node:fs) and
// issues one uv_fs_* call; `cb` is NULL for the blocking twin.

// open(path, flags, mode) -> fd
int StartOpen(const v8::FunctionCallbackInfo<v8::Value>& args, uv_loop_t* loop,
              uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg path(args.GetIsolate(), args[0]);
  return uv_fs_open(loop, req, path.c_str(), Int(args, 1), Int(args, 2), cb);
}

// close(fd)
int StartClose(const v8::FunctionCallbackInfo<v8::Value>& args,
               uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  return uv_fs_close(loop, req, Int(args, 0), cb);
}

// The arguments of read and write: (fd, view, offset, length, position).
struct Transfer {
  int fd;
  char* base;  // the view's memory from `offset` on
  size_t length;
  int64_t position;  // -1: the file's current position
};

Transfer TransferArgs(const v8::FunctionCallbackInfo<v8::Value>& args,
                      Extra* extra) {
  size_t size;
  char* data = ViewData(args[1], extra, &size);
  double offset = Num(args, 2);
  double length = Num(args, 3);
  JSPACK_CHECK(offset >= 0 && length >= 0 && offset + length <= size);
  return {Int(args, 0), data + static_cast<size_t>(offset),
          static_cast<size_t>(length), static_cast<int64_t>(Num(args, 4))};
}

// read(fd, view, offset, length, position) -> bytesRead; write(...) ->
// bytesWritten. position -1 means the file's current position. (An
// asynchronous read goes through StartRead.)
template <bool kWrite>
int StartReadWrite(const v8::FunctionCallbackInfo<v8::Value>& args,
                   uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  Transfer t = TransferArgs(args, extra);
  uv_buf_t buf = uv_buf_init(t.base, static_cast<unsigned>(t.length));
  return kWrite ? uv_fs_write(loop, req, t.fd, &buf, 1, t.position, cb)
                : uv_fs_read(loop, req, t.fd, &buf, 1, t.position, cb);
}

// readv(fd, [views], position) -> bytesRead; writev(...) -> bytesWritten.
template <bool kWrite>
int StartVector(const v8::FunctionCallbackInfo<v8::Value>& args,
                uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  v8::Local<v8::Context> context = args.GetIsolate()->GetCurrentContext();
  JSPACK_CHECK(args[1]->IsArray());
  v8::Local<v8::Array> list = args[1].As<v8::Array>();
  std::vector<uv_buf_t> bufs(list->Length());
  for (uint32_t i = 0; i < bufs.size(); ++i) {
    v8::Local<v8::Value> item = list->Get(context, i).ToLocalChecked();
    size_t size;
    char* data = ViewData(item, extra, &size);
    bufs[i] = uv_buf_init(data, static_cast<unsigned>(size));
  }
  int64_t position = static_cast<int64_t>(Num(args, 2));
  unsigned count = static_cast<unsigned>(bufs.size());
  // libuv copies the uv_buf_t array into the request.
  return kWrite ? uv_fs_write(loop, req, Int(args, 0), bufs.data(), count,
                              position, cb)
                : uv_fs_read(loop, req, Int(args, 0), bufs.data(), count,
                             position, cb);
}

// stat(path, bigint) / lstat(path, bigint) / fstat(fd, bigint) -> fields
int StartStat(const v8::FunctionCallbackInfo<v8::Value>& args, uv_loop_t* loop,
              uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  extra->bigint = args[1]->IsTrue();
  PathArg path(args.GetIsolate(), args[0]);
  return uv_fs_stat(loop, req, path.c_str(), cb);
}
int StartLstat(const v8::FunctionCallbackInfo<v8::Value>& args,
               uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  extra->bigint = args[1]->IsTrue();
  PathArg path(args.GetIsolate(), args[0]);
  return uv_fs_lstat(loop, req, path.c_str(), cb);
}
int StartFstat(const v8::FunctionCallbackInfo<v8::Value>& args,
               uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  extra->bigint = args[1]->IsTrue();
  return uv_fs_fstat(loop, req, Int(args, 0), cb);
}

// statfs(path, bigint) -> fields
int StartStatfs(const v8::FunctionCallbackInfo<v8::Value>& args,
                uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  extra->bigint = args[1]->IsTrue();
  PathArg path(args.GetIsolate(), args[0]);
  return uv_fs_statfs(loop, req, path.c_str(), cb);
}

// scandir(path, withTypes, raw) -> [names] | [names, types]
int StartScandir(const v8::FunctionCallbackInfo<v8::Value>& args,
                 uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  extra->with_types = args[1]->IsTrue();
  extra->raw = args[2]->IsTrue();
  PathArg path(args.GetIsolate(), args[0]);
  return uv_fs_scandir(loop, req, path.c_str(), 0, cb);
}

// Operations on one path and an integer: mkdir(path, mode),
// chmod(path, mode), access(path, mode).
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, int, uv_fs_cb)>
int StartPathInt(const v8::FunctionCallbackInfo<v8::Value>& args,
                 uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg path(args.GetIsolate(), args[0]);
  return kCall(loop, req, path.c_str(), Int(args, 1), cb);
}

// Operations on one path: rmdir, unlink.
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, uv_fs_cb)>
int StartPath(const v8::FunctionCallbackInfo<v8::Value>& args,
              uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg path(args.GetIsolate(), args[0]);
  return kCall(loop, req, path.c_str(), cb);
}

// Operations on one path that give a path back: readlink(path, raw),
// realpath(path, raw), mkdtemp(template, raw).
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, uv_fs_cb)>
int StartPathOut(const v8::FunctionCallbackInfo<v8::Value>& args,
                 uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  extra->raw = args[1]->IsTrue();
  PathArg path(args.GetIsolate(), args[0]);
  return kCall(loop, req, path.c_str(), cb);
}

// Operations on two paths: rename(from, to), link(existing, new).
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, const char*,
                       uv_fs_cb)>
int StartTwoPaths(const v8::FunctionCallbackInfo<v8::Value>& args,
                  uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg from(args.GetIsolate(), args[0]);
  PathArg to(args.GetIsolate(), args[1]);
  return kCall(loop, req, from.c_str(), to.c_str(), cb);
}

// Two paths and flags: copyfile(src, dest, mode), symlink(target, path,
// flags).
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, const char*, int,
                       uv_fs_cb)>
int StartTwoPathsInt(const v8::FunctionCallbackInfo<v8::Value>& args,
                     uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg from(args.GetIsolate(), args[0]);
  PathArg to(args.GetIsolate(), args[1]);
  return kCall(loop, req, from.c_str(), to.c_str(), Int(args, 2), cb);
}

// Operations on one fd: fsync, fdatasync.
template <int (*kCall)(uv_loop_t*, uv_fs_t*, uv_file, uv_fs_cb)>
int StartFd(const v8::FunctionCallbackInfo<v8::Value>& args, uv_loop_t* loop,
            uv_fs_t* req, uv_fs_cb cb, Extra*) {
  return kCall(loop, req, Int(args, 0), cb);
}

// fchmod(fd, mode)
int StartFchmod(const v8::FunctionCallbackInfo<v8::Value>& args,
                uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  return uv_fs_fchmod(loop, req, Int(args, 0), Int(args, 1), cb);
}

// ftruncate(fd, length)
int StartFtruncate(const v8::FunctionCallbackInfo<v8::Value>& args,
                   uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  return uv_fs_ftruncate(loop, req, Int(args, 0),
                         static_cast<int64_t>(Num(args, 1)), cb);
}

// chown(path, uid, gid) / lchown(path, uid, gid); fchown(fd, uid, gid).
// -1 leaves an id unchanged.
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, uv_uid_t, uv_gid_t,
                       uv_fs_cb)>
int StartChown(const v8::FunctionCallbackInfo<v8::Value>& args,
               uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg path(args.GetIsolate(), args[0]);
  return kCall(loop, req, path.c_str(), static_cast<uv_uid_t>(Num(args, 1)),
               static_cast<uv_gid_t>(Num(args, 2)), cb);
}
int StartFchown(const v8::FunctionCallbackInfo<v8::Value>& args,
                uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  return uv_fs_fchown(loop, req, Int(args, 0),
                      static_cast<uv_uid_t>(Num(args, 1)),
                      static_cast<uv_gid_t>(Num(args, 2)), cb);
}

// utime(path, atime, mtime) / lutime(...) in seconds; futime(fd, ...).
template <int (*kCall)(uv_loop_t*, uv_fs_t*, const char*, double, double,
                       uv_fs_cb)>
int StartUtime(const v8::FunctionCallbackInfo<v8::Value>& args,
               uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  PathArg path(args.GetIsolate(), args[0]);
  return kCall(loop, req, path.c_str(), Num(args, 1), Num(args, 2), cb);
}
int StartFutime(const v8::FunctionCallbackInfo<v8::Value>& args,
                uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra*) {
  return uv_fs_futime(loop, req, Int(args, 0), Num(args, 1), Num(args, 2),
                      cb);
}

// Turning results into JS values -----------------------------------------

void FillStat(const uv_stat_t& s, double* out) {
  const double fields[kStatFields] = {
      static_cast<double>(s.st_dev),     static_cast<double>(s.st_mode),
      static_cast<double>(s.st_nlink),   static_cast<double>(s.st_uid),
      static_cast<double>(s.st_gid),     static_cast<double>(s.st_rdev),
      static_cast<double>(s.st_blksize), static_cast<double>(s.st_ino),
      static_cast<double>(s.st_size),    static_cast<double>(s.st_blocks),
      static_cast<double>(s.st_atim.tv_sec),
      static_cast<double>(s.st_atim.tv_nsec),
      static_cast<double>(s.st_mtim.tv_sec),
      static_cast<double>(s.st_mtim.tv_nsec),
      static_cast<double>(s.st_ctim.tv_sec),
      static_cast<double>(s.st_ctim.tv_nsec),
      static_cast<double>(s.st_birthtim.tv_sec),
      static_cast<double>(s.st_birthtim.tv_nsec)};
  memcpy(out, fields, sizeof(fields));
}

void FillBigStat(const uv_stat_t& s, int64_t* out) {
  const int64_t fields[kStatFields] = {
      static_cast<int64_t>(s.st_dev),     static_cast<int64_t>(s.st_mode),
      static_cast<int64_t>(s.st_nlink),   static_cast<int64_t>(s.st_uid),
      static_cast<int64_t>(s.st_gid),     static_cast<int64_t>(s.st_rdev),
      static_cast<int64_t>(s.st_blksize), static_cast<int64_t>(s.st_ino),
      static_cast<int64_t>(s.st_size),    static_cast<int64_t>(s.st_blocks),
      s.st_atim.tv_sec,  s.st_atim.tv_nsec, s.st_mtim.tv_sec,
      s.st_mtim.tv_nsec, s.st_ctim.tv_sec,  s.st_ctim.tv_nsec,
      s.st_birthtim.tv_sec, s.st_birthtim.tv_nsec};
  memcpy(out, fields, sizeof(fields));
}

v8::Local<v8::Value> StatArray(v8::Isolate* isolate, const uv_stat_t& s,
                               bool bigint) {
  size_t bytes = kStatFields * 8;
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, bytes);
  void* data = ab->GetBackingStore()->Data();
  if (bigint) {
    FillBigStat(s, static_cast<int64_t*>(data));
    return v8::BigInt64Array::New(ab, 0, kStatFields);
  }
  FillStat(s, static_cast<double*>(data));
  return v8::Float64Array::New(ab, 0, kStatFields);
}

v8::Local<v8::Value> StatfsArray(v8::Isolate* isolate, const uv_statfs_t& s,
                                 bool bigint) {
  const uint64_t fields[] = {s.f_type,  s.f_bsize, s.f_blocks, s.f_bfree,
                             s.f_bavail, s.f_files, s.f_ffree};
  constexpr size_t kCount = sizeof(fields) / sizeof(fields[0]);
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, kCount * 8);
  void* data = ab->GetBackingStore()->Data();
  for (size_t i = 0; i < kCount; ++i) {
    if (bigint) {
      static_cast<int64_t*>(data)[i] = static_cast<int64_t>(fields[i]);
    } else {
      static_cast<double*>(data)[i] = static_cast<double>(fields[i]);
    }
  }
  if (bigint) return v8::BigInt64Array::New(ab, 0, kCount);
  return v8::Float64Array::New(ab, 0, kCount);
}

// A file name or path as a JS value: a string (UTF-8, lossy for other
// bytes) or a Uint8Array holding exactly its bytes.
v8::MaybeLocal<v8::Value> NameValue(v8::Isolate* isolate, const char* text,
                                    bool raw) {
  if (!raw) {
    v8::Local<v8::String> s;
    if (!Utf8String(isolate, text).ToLocal(&s)) return {};
    return s;
  }
  size_t length = strlen(text);
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->GetBackingStore()->Data(), text, length);
  return v8::Uint8Array::New(ab, 0, length);
}

v8::MaybeLocal<v8::Value> Entries(v8::Isolate* isolate, uv_fs_t* req,
                                  bool with_types, bool raw) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::vector<v8::Local<v8::Value>> names;
  std::vector<v8::Local<v8::Value>> types;
  uv_dirent_t entry;
  while (uv_fs_scandir_next(req, &entry) != UV_EOF) {
    v8::Local<v8::Value> name;
    if (!NameValue(isolate, entry.name, raw).ToLocal(&name)) return {};
    names.push_back(name);
    types.push_back(v8::Integer::New(isolate, entry.type));
  }
  v8::Local<v8::Array> name_list =
      v8::Array::New(isolate, names.data(), names.size());
  if (!with_types) return name_list;
  v8::Local<v8::Value> pair[] = {
      name_list, v8::Array::New(isolate, types.data(), types.size())};
  (void)context;
  return v8::Array::New(isolate, pair, 2);
}

v8::MaybeLocal<v8::Value> ToJs(v8::Isolate* isolate, Result kind,
                               uv_fs_t* req, const Extra& extra) {
  switch (kind) {
    case Result::kNone:
      return v8::Undefined(isolate);
    case Result::kInt:
      return v8::Number::New(isolate, static_cast<double>(req->result));
    case Result::kStat:
      return StatArray(isolate, req->statbuf, extra.bigint);
    case Result::kPtrPath:
      return NameValue(isolate, static_cast<const char*>(req->ptr), extra.raw);
    case Result::kPath:
      return NameValue(isolate, req->path, extra.raw);
    case Result::kEntries:
      return Entries(isolate, req, extra.with_types, extra.raw);
    case Result::kStatfs:
      return StatfsArray(isolate, *static_cast<uv_statfs_t*>(req->ptr),
                         extra.bigint);
  }
  return v8::Undefined(isolate);
}

// One asynchronous request: the uv_fs_t, the JS callback and what the
// operation keeps alive until libuv is done with it.
class FsReq {
 public:
  FsReq(Runtime* runtime, v8::Local<v8::Function> callback, Result kind)
      : runtime_(runtime),
        callback_(runtime->isolate(), callback),
        kind_(kind) {
    req_.data = this;
  }
  ~FsReq() { uv_fs_req_cleanup(&req_); }
  FsReq(const FsReq&) = delete;
  FsReq& operator=(const FsReq&) = delete;

  uv_fs_t* req() { return &req_; }
  Extra* extra() { return &extra_; }
  Runtime* runtime() const { return runtime_; }

  // A read finished on the loop thread (StartRead): `bytes` is its result,
  // and Finish() calls back.
  void SetResult(int64_t bytes) { req_.result = bytes; }
  void Finish() { OnDone(&req_); }
  // A read whose first `bytes` came from the page cache; the thread pool
  // reads the rest, and the callback gets both parts' count.
  void SetCachedPart(int64_t bytes) { cached_part_ = bytes; }

  // Runs on the loop thread when the thread pool finished the call (or, for
  // a cached read, at the loop's next turn).
  static void OnDone(uv_fs_t* uv_req) {
    std::unique_ptr<FsReq> self(static_cast<FsReq*>(uv_req->data));
    if (self->cached_part_ > 0) {
      // An error after a part was read reports the part, as read(2) does.
      uv_req->result = uv_req->result < 0
                           ? self->cached_part_
                           : uv_req->result + self->cached_part_;
    }
    v8::Isolate* isolate = self->runtime_->isolate();
    v8::HandleScope handle_scope(isolate);
    v8::Local<v8::Context> context = self->runtime_->context();
    v8::Context::Scope context_scope(context);
    v8::Local<v8::Value> argv[2] = {v8::Integer::New(isolate, 0),
                                    v8::Undefined(isolate)};
    if (uv_req->result < 0) {
      argv[0] = v8::Integer::New(isolate, static_cast<int>(uv_req->result));
    } else {
      v8::TryCatch try_catch(isolate);
      v8::Local<v8::Value> value;
      if (ToJs(isolate, self->kind_, uv_req, self->extra_).ToLocal(&value)) {
        argv[1] = value;
      } else {
        argv[0] = v8::Integer::New(isolate, UV_ENOMEM);
      }
    }
    v8::Local<v8::Function> callback = self->callback_.Get(isolate);
    self->runtime_->MakeCallback(callback, 2, argv);
  }

 private:
  // Zeroed, so that cleaning it up is safe when libuv never had it (a read
  // the page cache served).
  uv_fs_t req_{};
  Runtime* runtime_;
  v8::Global<v8::Function> callback_;
  Result kind_;
  Extra extra_;
  int64_t cached_part_ = 0;
};

// Reads the page cache can serve, done on the loop thread.
//
// A thread-pool round trip costs the loop thread a condition-variable
// signal, the pool thread a wake-up, and both a contended lock: for an HTTP
// server sending a 1 MiB file in 64 KiB reads that was about a third of its
// CPU. So an asynchronous read first tries preadv2() with RWF_NOWAIT, which
// copies what is in the page cache and returns EAGAIN rather than wait for a
// disk. When that gets all that was asked, reaches the end of the file, or
// (from a pipe, socket or terminal) gets what there is, the request is
// finished at the loop's next turn by an idle handle, never before read()
// has returned, like a request the pool finished. Otherwise (nothing there
// yet, an fd or kernel without RWF_NOWAIT, any error) the pool reads, from
// where the cached part of a regular file ended, and reports what the
// read(2) there says. Reads larger than kCachedReadMax always go to the
// pool: a copy that size would hold up the loop.
constexpr size_t kCachedReadMax = 512 * 1024;

// The finished reads of one runtime, and the idle handle that calls back.
struct CachedReads {
  Runtime* runtime;
  uv_idle_t idle;
  std::vector<FsReq*> ready;
};

// The CachedReads of the runtime on this thread (a worker has its own
// thread and runtime); made on first use, freed by a cleanup hook.
thread_local CachedReads* tls_cached_reads = nullptr;
// preadv2 missing from the kernel (ENOSYS): no more tries, on any thread.
std::atomic<bool> cached_reads_unsupported{false};

void OnCachedReadsIdle(uv_idle_t* handle) {
  auto* queue = static_cast<CachedReads*>(handle->data);
  // Callbacks queue further reads for the next turn, not this one.
  std::vector<FsReq*> batch;
  batch.swap(queue->ready);
  if (queue->ready.empty()) uv_idle_stop(&queue->idle);
  for (FsReq* fs_req : batch) fs_req->Finish();
  if (!queue->ready.empty()) uv_idle_start(&queue->idle, OnCachedReadsIdle);
}

void CloseCachedReads(void* arg) {
  auto* queue = static_cast<CachedReads*>(arg);
  if (tls_cached_reads == queue) tls_cached_reads = nullptr;
  // No JS runs any more: the waiting requests are dropped.
  for (FsReq* fs_req : queue->ready) delete fs_req;
  queue->ready.clear();
  uv_close(reinterpret_cast<uv_handle_t*>(&queue->idle), [](uv_handle_t* h) {
    delete static_cast<CachedReads*>(h->data);
  });
}

CachedReads* CachedReadsFor(Runtime* runtime) {
  CachedReads* queue = tls_cached_reads;
  if (queue != nullptr && queue->runtime == runtime) return queue;
  queue = new CachedReads{runtime, {}, {}};
  uv_idle_init(runtime->loop(), &queue->idle);
  queue->idle.data = queue;
  runtime->AddCleanupHook(CloseCachedReads, queue);
  tls_cached_reads = queue;
  return queue;
}

// Finishes `fs_req` with `bytes` read, at the loop's next turn.
void FinishOnLoop(FsReq* fs_req, int64_t bytes) {
  fs_req->SetResult(bytes);
  CachedReads* queue = CachedReadsFor(fs_req->runtime());
  if (queue->ready.empty()) uv_idle_start(&queue->idle, OnCachedReadsIdle);
  queue->ready.push_back(fs_req);
}

// read(fd, view, offset, length, position): blocking as StartReadWrite;
// asynchronously, from the page cache on the loop thread first (see above),
// then on the pool for what is left.
int StartRead(const v8::FunctionCallbackInfo<v8::Value>& args,
              uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, Extra* extra) {
  if (cb == nullptr) return StartReadWrite<false>(args, loop, req, cb, extra);
  auto* fs_req = static_cast<FsReq*>(req->data);
  Transfer t = TransferArgs(args, extra);
  size_t got = 0;
  // Where the next byte is read from: -1 is the file's own position.
  auto at = [&]() -> int64_t {
    return t.position < 0 ? -1 : t.position + static_cast<int64_t>(got);
  };
  if (t.length > 0 && t.length <= kCachedReadMax &&
      !cached_reads_unsupported.load(std::memory_order_relaxed)) {
    bool at_end = false;
    while (got < t.length) {
      struct iovec iov = {t.base + got, t.length - got};
      ssize_t n = preadv2(t.fd, &iov, 1, at(), RWF_NOWAIT);
      if (n > 0) {
        got += static_cast<size_t>(n);
      } else if (n == 0) {
        at_end = true;
        break;
      } else if (errno != EINTR) {
        if (errno == ENOSYS) {
          cached_reads_unsupported.store(true, std::memory_order_relaxed);
        }
        break;
      }
    }
    // A pipe, socket or terminal returns what it has, as read(2) does
    // there; only a regular file's short read means the rest is not cached.
    struct stat st;
    if (got == t.length || at_end ||
        (got > 0 && (fstat(t.fd, &st) != 0 || !S_ISREG(st.st_mode)))) {
      FinishOnLoop(fs_req, static_cast<int64_t>(got));
      return 0;
    }
  }
  // The pool reads what the cache did not have, after the part it had.
  fs_req->SetCachedPart(static_cast<int64_t>(got));
  uv_buf_t rest = uv_buf_init(t.base + got,
                              static_cast<unsigned>(t.length - got));
  int err = uv_fs_read(loop, req, t.fd, &rest, 1, at(), cb);
  if (err < 0 && got > 0) {
    // libuv refused at once: the cached part is the result.
    fs_req->SetCachedPart(0);
    FinishOnLoop(fs_req, static_cast<int64_t>(got));
    return 0;
  }
  return err;
}

// <op>Sync(...args) -> result | negative error code.
template <StartFn kStart, Result kKind>
void Sync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  uv_fs_t req;
  Extra extra;
  int err = kStart(args, Runtime::From(args)->loop(), &req, nullptr, &extra);
  if (err < 0) {
    uv_fs_req_cleanup(&req);
    args.GetReturnValue().Set(err);
    return;
  }
  // A stat into the caller's Float64Array (args[2], the JS side's one
  // scratch array): no ArrayBuffer is made per call, which is most of a
  // blocking stat's cost after the system call itself.
  if constexpr (kKind == Result::kStat) {
    if (!extra.bigint && args.Length() > 2 && args[2]->IsFloat64Array() &&
        args[2].As<v8::Float64Array>()->Length() >= kStatFields) {
      v8::Local<v8::Float64Array> view = args[2].As<v8::Float64Array>();
      double fields[kStatFields];
      FillStat(req.statbuf, fields);
      view->Buffer();  // an on-heap array moves off the heap once
      char* base = static_cast<char*>(view->Buffer()->Data());
      memcpy(base + view->ByteOffset(), fields, sizeof(fields));
      uv_fs_req_cleanup(&req);
      args.GetReturnValue().Set(view);
      return;
    }
  }
  v8::Local<v8::Value> value;
  bool ok = ToJs(isolate, kKind, &req, extra).ToLocal(&value);
  uv_fs_req_cleanup(&req);
  if (ok) args.GetReturnValue().Set(value);
}

// <op>(...args, callback) -> 0 | negative error code (nothing was started).
template <StartFn kStart, Result kKind>
void Async(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Local<v8::Value> last = args[args.Length() - 1];
  JSPACK_CHECK(last->IsFunction());
  Runtime* runtime = Runtime::From(args);
  auto* fs_req = new FsReq(runtime, last.As<v8::Function>(), kKind);
  int err = kStart(args, runtime->loop(), fs_req->req(), FsReq::OnDone,
                   fs_req->extra());
  if (err < 0) {
    delete fs_req;
    args.GetReturnValue().Set(err);
    return;
  }
  args.GetReturnValue().Set(0);
}

// readFile(path | fd, flags, isFd[, callback]) -> ArrayBuffer | [errno, step]
// | [0, size] | negative errno of open.
//
// A whole file in one go: open (unless given an fd), fstat, read to the end
// and close, as one thread-pool job rather than four round trips (or, in the
// Sync form, one binding call). A step after open that fails gives
// [errno, step] (step: 0 fstat, 1 read, 2 close), so that node:fs names it
// in the error; a file over kMaxWholeFile bytes gives [0, size]. A regular
// file is read into a buffer of the size fstat reports, then one small read
// finds the end (or more chunks if the file grew); anything else (a pipe,
// /proc) in growing chunks.
constexpr size_t kMaxWholeFile = 2147483647;  // 2 GiB - 1, as Node
constexpr size_t kWholeFileChunk = 64 * 1024;

struct WholeFile {
  std::string path;  // empty when reading a given fd
  int fd = -1;
  int flags = 0;
  char* data = nullptr;
  size_t size = 0;
  int err = 0;       // negative errno
  int step = -1;     // -1 open, 0 fstat, 1 read, 2 close
  bool too_large = false;
  ~WholeFile() { free(data); }
};

// Appends `count` bytes at `from` to file->data, growing it by at least
// `grow`. False when out of memory.
bool AppendBytes(WholeFile* file, size_t* capacity, const char* from,
                 size_t count, size_t grow) {
  if (file->size + count > *capacity) {
    size_t wanted = std::max(file->size + count, *capacity + grow);
    char* bigger = static_cast<char*>(realloc(file->data, wanted));
    if (bigger == nullptr) return false;
    file->data = bigger;
    *capacity = wanted;
  }
  memcpy(file->data + file->size, from, count);
  file->size += count;
  return true;
}

// The blocking part, on a pool thread or (Sync) on the caller's.
void ReadWholeFile(WholeFile* file) {
  bool own = !file->path.empty();
  if (own) {
    file->fd = open(file->path.c_str(), file->flags | O_CLOEXEC, 0666);
    if (file->fd < 0) {
      file->err = -errno;
      return;
    }
  }
  struct stat st;
  if (fstat(file->fd, &st) != 0) {
    file->err = -errno;
    file->step = 0;
  } else {
    size_t expected = S_ISREG(st.st_mode) ? static_cast<size_t>(st.st_size) : 0;
    size_t capacity = expected > 0 ? expected : kWholeFileChunk;
    if (expected > kMaxWholeFile) {
      file->too_large = true;
      file->size = expected;
    } else if ((file->data = static_cast<char*>(malloc(capacity))) == nullptr) {
      file->err = UV_ENOMEM;
      file->step = 1;
    }
    while (file->err == 0 && !file->too_large) {
      ssize_t n;
      if (file->size < capacity) {
        n = read(file->fd, file->data + file->size, capacity - file->size);
        if (n > 0) file->size += static_cast<size_t>(n);
      } else {
        // Full: a small read finds the end without a bigger buffer; if the
        // file goes on, what it read is appended and the buffer grows.
        char probe[8192];
        n = read(file->fd, probe, sizeof(probe));
        if (n > 0 && !AppendBytes(file, &capacity, probe,
                                  static_cast<size_t>(n), kWholeFileChunk)) {
          file->err = UV_ENOMEM;
          file->step = 1;
          break;
        }
      }
      if (n == 0) break;
      if (n < 0) {
        if (errno == EINTR) continue;
        file->err = -errno;
        file->step = 1;
      } else if (file->size > kMaxWholeFile) {
        file->too_large = true;
      }
    }
  }
  if (own && close(file->fd) != 0 && file->err == 0 && !file->too_large) {
    file->err = -errno;
    file->step = 2;
  }
}

// The JS value of a finished WholeFile (see readFile above); takes its data.
v8::Local<v8::Value> WholeFileResult(v8::Isolate* isolate, WholeFile* file) {
  if (file->err < 0 && file->step < 0) {
    return v8::Integer::New(isolate, file->err);
  }
  if (file->err < 0 || file->too_large) {
    v8::Local<v8::Value> pair[] = {
        v8::Integer::New(isolate, file->err),
        file->too_large
            ? v8::Number::New(isolate, static_cast<double>(file->size))
                  .As<v8::Value>()
            : v8::Integer::New(isolate, file->step).As<v8::Value>()};
    return v8::Array::New(isolate, pair, 2);
  }
  std::unique_ptr<v8::BackingStore> store;
  if (file->size == 0) {
    store = v8::ArrayBuffer::NewBackingStore(isolate, 0);
  } else {
    store = v8::ArrayBuffer::NewBackingStore(
        file->data, file->size,
        [](void* data, size_t, void*) { free(data); }, nullptr);
    file->data = nullptr;
  }
  return v8::ArrayBuffer::New(isolate, std::move(store));
}

// Fills in what to read; an empty path, which cannot be opened, is
// open's ENOENT at once (an empty `path` means an fd to ReadWholeFile).
void WholeFileArgs(const v8::FunctionCallbackInfo<v8::Value>& args,
                   WholeFile* file) {
  file->flags = Int(args, 1);
  if (args[2]->IsTrue()) {
    file->fd = Int(args, 0);
  } else {
    file->path = PathArg(args.GetIsolate(), args[0]).c_str();
    if (file->path.empty()) file->err = UV_ENOENT;
  }
}

void ReadFileSync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WholeFile file;
  WholeFileArgs(args, &file);
  if (file.err == 0) ReadWholeFile(&file);
  args.GetReturnValue().Set(WholeFileResult(args.GetIsolate(), &file));
}

struct WholeFileJob {
  uv_work_t work;
  Runtime* runtime;
  v8::Global<v8::Function> callback;
  WholeFile file;
};

void ReadFileAsync(const v8::FunctionCallbackInfo<v8::Value>& args) {
  JSPACK_CHECK(args[3]->IsFunction());
  Runtime* runtime = Runtime::From(args);
  auto* job = new WholeFileJob{{}, runtime,
                               {args.GetIsolate(), args[3].As<v8::Function>()},
                               {}};
  job->work.data = job;
  // A path that cannot be opened still goes through the pool (its err set
  // here): the callback never comes before this returns.
  WholeFileArgs(args, &job->file);
  auto run = [](uv_work_t* work) {
    auto* j = static_cast<WholeFileJob*>(work->data);
    if (j->file.err == 0) ReadWholeFile(&j->file);
  };
  auto done = [](uv_work_t* work, int) {
    std::unique_ptr<WholeFileJob> j(static_cast<WholeFileJob*>(work->data));
    v8::Isolate* isolate = j->runtime->isolate();
    v8::HandleScope handle_scope(isolate);
    v8::Context::Scope context_scope(j->runtime->context());
    v8::Local<v8::Value> result = WholeFileResult(isolate, &j->file);
    v8::Local<v8::Value> argv[2] = {v8::Integer::New(isolate, 0), result};
    if (result->IsInt32()) {
      argv[0] = result;
      argv[1] = v8::Undefined(isolate);
    }
    j->runtime->MakeCallback(j->callback.Get(isolate), 2, argv);
  };
  int err = uv_queue_work(runtime->loop(), &job->work, run, done);
  if (err < 0) {
    delete job;
    args.GetReturnValue().Set(err);
    return;
  }
  args.GetReturnValue().Set(0);
}

#define JSPACK_FS_OPS(V)                                                  \
  V("open", StartOpen, kInt)                                              \
  V("close", StartClose, kNone)                                           \
  V("read", StartRead, kInt)                                              \
  V("write", StartReadWrite<true>, kInt)                                  \
  V("readv", StartVector<false>, kInt)                                    \
  V("writev", StartVector<true>, kInt)                                    \
  V("stat", StartStat, kStat)                                             \
  V("lstat", StartLstat, kStat)                                           \
  V("fstat", StartFstat, kStat)                                           \
  V("scandir", StartScandir, kEntries)                                    \
  V("statfs", StartStatfs, kStatfs)                                       \
  V("mkdir", StartPathInt<uv_fs_mkdir>, kNone)                            \
  V("mkdtemp", StartPathOut<uv_fs_mkdtemp>, kPath)                        \
  V("rmdir", StartPath<uv_fs_rmdir>, kNone)                               \
  V("unlink", StartPath<uv_fs_unlink>, kNone)                             \
  V("rename", StartTwoPaths<uv_fs_rename>, kNone)                         \
  V("link", StartTwoPaths<uv_fs_link>, kNone)                             \
  V("copyfile", StartTwoPathsInt<uv_fs_copyfile>, kNone)                  \
  V("symlink", StartTwoPathsInt<uv_fs_symlink>, kNone)                    \
  V("readlink", StartPathOut<uv_fs_readlink>, kPtrPath)                   \
  V("realpath", StartPathOut<uv_fs_realpath>, kPtrPath)                   \
  V("access", StartPathInt<uv_fs_access>, kNone)                          \
  V("chmod", StartPathInt<uv_fs_chmod>, kNone)                            \
  V("fchmod", StartFchmod, kNone)                                         \
  V("chown", StartChown<uv_fs_chown>, kNone)                              \
  V("lchown", StartChown<uv_fs_lchown>, kNone)                            \
  V("fchown", StartFchown, kNone)                                         \
  V("utime", StartUtime<uv_fs_utime>, kNone)                              \
  V("lutime", StartUtime<uv_fs_lutime>, kNone)                            \
  V("futime", StartFutime, kNone)                                         \
  V("ftruncate", StartFtruncate, kNone)                                   \
  V("fsync", StartFd<uv_fs_fsync>, kNone)                                 \
  V("fdatasync", StartFd<uv_fs_fdatasync>, kNone)

constexpr runtime::Method kMethods[] = {
#define V(name, start, kind)                   \
  {name, Async<start, Result::kind>},          \
  {name "Sync", Sync<start, Result::kind>},
    JSPACK_FS_OPS(V)
#undef V
    {"readFile", ReadFileAsync},
    {"readFileSync", ReadFileSync},
};

// The numbers behind fs.constants, in Node's key order on Linux.
constexpr runtime::Constant kConstants[] = {
    {"UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR},
    {"UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION},
    {"O_RDONLY", O_RDONLY},
    {"O_WRONLY", O_WRONLY},
    {"O_RDWR", O_RDWR},
    {"UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN},
    {"UV_DIRENT_FILE", UV_DIRENT_FILE},
    {"UV_DIRENT_DIR", UV_DIRENT_DIR},
    {"UV_DIRENT_LINK", UV_DIRENT_LINK},
    {"UV_DIRENT_FIFO", UV_DIRENT_FIFO},
    {"UV_DIRENT_SOCKET", UV_DIRENT_SOCKET},
    {"UV_DIRENT_CHAR", UV_DIRENT_CHAR},
    {"UV_DIRENT_BLOCK", UV_DIRENT_BLOCK},
    {"EXTENSIONLESS_FORMAT_JAVASCRIPT", 0},
    {"EXTENSIONLESS_FORMAT_WASM", 1},
    {"S_IFMT", S_IFMT},
    {"S_IFREG", S_IFREG},
    {"S_IFDIR", S_IFDIR},
    {"S_IFCHR", S_IFCHR},
    {"S_IFBLK", S_IFBLK},
    {"S_IFIFO", S_IFIFO},
    {"S_IFLNK", S_IFLNK},
    {"S_IFSOCK", S_IFSOCK},
    {"O_CREAT", O_CREAT},
    {"O_EXCL", O_EXCL},
    {"UV_FS_O_FILEMAP", 0},
    {"O_NOCTTY", O_NOCTTY},
    {"O_TRUNC", O_TRUNC},
    {"O_APPEND", O_APPEND},
    {"O_DIRECTORY", O_DIRECTORY},
    {"O_NOATIME", O_NOATIME},
    {"O_NOFOLLOW", O_NOFOLLOW},
    {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC},
    {"O_DIRECT", O_DIRECT},
    {"O_NONBLOCK", O_NONBLOCK},
    {"S_IRWXU", S_IRWXU},
    {"S_IRUSR", S_IRUSR},
    {"S_IWUSR", S_IWUSR},
    {"S_IXUSR", S_IXUSR},
    {"S_IRWXG", S_IRWXG},
    {"S_IRGRP", S_IRGRP},
    {"S_IWGRP", S_IWGRP},
    {"S_IXGRP", S_IXGRP},
    {"S_IRWXO", S_IRWXO},
    {"S_IROTH", S_IROTH},
    {"S_IWOTH", S_IWOTH},
    {"S_IXOTH", S_IXOTH},
    {"F_OK", F_OK},
    {"R_OK", R_OK},
    {"W_OK", W_OK},
    {"X_OK", X_OK},
    {"UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
    {"COPYFILE_EXCL", UV_FS_COPYFILE_EXCL},
    {"UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
    {"COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE},
    {"UV_FS_COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
    {"COPYFILE_FICLONE_FORCE", UV_FS_COPYFILE_FICLONE_FORCE},
};

}  // namespace

JSPACK_BINDING_WITH_CONSTANTS(fs, kMethods, kConstants)

}  // namespace jspack::bindings::fs
