'use strict';
// fs.watch (FSWatcher over libuv's inotify watcher), fs/promises' watch (an
// async generator of { eventType, filename }) and fs.watchFile/unwatchFile
// (StatWatcher over libuv's stat poller), all in the fs_event binding.
//
// inotify watches one directory, not a tree, so a recursive watch on Linux
// is a set of watches, one per directory, kept in step with the tree: a
// directory that appears is watched (and its existing entries reported), one
// that disappears is dropped. Names are reported relative to the root.

const asyncContext = require('../async_hooks/context');
const events = require('../../events');
const pathModule = require('../../path');
const errors = require('../errors');
const validators = require('../validators');
const { checkEncoding, pathText, toPath } = require('./utils');
const { statsFromFields } = require('./stats');
const { plans } = require('./plans');
const { runSync } = require('./ops');

const { codes, uvException, AbortError } = errors;

let eventBinding;
function binding() {
  if (eventBinding === undefined) eventBinding = internalBinding('fs_event');
  return eventBinding;
}

// Node's key order here: errno, syscall, code, path, filename.
function watchError(errno, filename) {
  const err = uvException({ errno, syscall: 'watch', path: filename });
  const { code } = err;
  delete err.code;
  delete err.path;
  return Object.assign(err, { code, path: filename, filename });
}

// Node names a file name Buffer's bytes in the watcher's encoding.
function decodeName(bytes, encoding) {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function isDirectory(path) {
  try {
    return runSync(plans.lstat(path)).isDirectory();
  } catch {
    return false;
  }
}

function subdirectories(path) {
  try {
    return runSync(plans.readdir(path, { withFileTypes: true }))
      .filter((d) => d.isDirectory()).map((d) => d.name);
  } catch {
    return [];
  }
}

class FSWatcher extends events.EventEmitter {
  // Watch ids by directory, relative to the root ('' is the root).
  #ids = new Map();
  #root = null;
  #encoding = 'utf8';
  #persistent = true;
  #refed = true;
  #closed = false;

  // Starts watching; throws the system error if the path cannot be watched.
  // A second start does nothing.
  start(filename, persistent, recursive, encoding) {
    if (this.#root !== null) return;
    this.#root = pathText(filename);
    this.#persistent = persistent;
    this.#encoding = encoding;
    this.#add('', filename);
    if (recursive && isDirectory(this.#root)) this.#addTree('', false);
  }

  // Watches `dir` (relative) at `target`; throws for the root only.
  #add(dir, target) {
    const id = binding().watch(target, this.#persistent && this.#refed, false,
      asyncContext.bindTo(asyncContext.capture('FSEVENTWRAP'),
        (status, events, name) => this.#onEvent(dir, status, events, name)));
    if (id < 0) {
      if (dir === '') throw watchError(id, pathText(target));
      return;
    }
    this.#ids.set(dir, id);
  }

  // Watches every directory below `dir`; `announce` reports the entries
  // found, for a directory that appeared after the watch began.
  #addTree(dir, announce) {
    const absolute = pathModule.join(this.#root, dir);
    if (announce) {
      let names = [];
      try {
        names = runSync(plans.readdir(absolute));
      } catch {
        // Gone again already: its own removal was reported.
      }
      for (const name of names) this.#report('rename', pathModule.join(dir, name));
    }
    for (const name of subdirectories(absolute)) {
      const rel = dir === '' ? name : pathModule.join(dir, name);
      if (this.#ids.has(rel)) continue;
      this.#add(rel, pathModule.join(this.#root, rel));
      this.#addTree(rel, announce);
    }
  }

  #report(eventType, rel) {
    const name = this.#encoding === 'buffer' ? Buffer.from(rel) :
      Buffer.from(rel).toString(this.#encoding);
    this.emit('change', eventType, name);
  }

  #onEvent(dir, status, events, nameBytes) {
    if (this.#closed) return;
    if (status < 0) {
      const err = watchError(status, this.#root);
      this.close();
      this.emit('error', err);
      return;
    }
    const eventType = (events & binding().UV_RENAME) !== 0 ? 'rename' : 'change';
    if (dir === '' && this.#ids.size === 1) {
      // The common, non-recursive case: the name as inotify gave it.
      const name = nameBytes === undefined ? null : decodeName(nameBytes, this.#encoding);
      this.emit('change', eventType, name);
      return;
    }
    const base = nameBytes === undefined ? '' : decodeName(nameBytes, 'utf8');
    const rel = dir === '' ? base : pathModule.join(dir, base);
    if (rel !== '' && eventType === 'rename') this.#track(rel);
    this.#report(eventType, rel === '' ? dir : rel);
  }

  // A rename in a recursive watch: start or stop watching that directory.
  #track(rel) {
    const absolute = pathModule.join(this.#root, rel);
    if (isDirectory(absolute)) {
      if (!this.#ids.has(rel)) {
        this.#add(rel, absolute);
        this.#addTree(rel, true);
      }
      return;
    }
    for (const [dir, id] of this.#ids) {
      if (dir === rel || dir.startsWith(`${rel}/`)) {
        binding().close(id);
        this.#ids.delete(dir);
      }
    }
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const id of this.#ids.values()) binding().close(id);
    this.#ids.clear();
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this.#refed = true;
    if (this.#persistent) for (const id of this.#ids.values()) binding().setRef(id, true);
    return this;
  }

  unref() {
    this.#refed = false;
    for (const id of this.#ids.values()) binding().setRef(id, false);
    return this;
  }
}

// The options of fs.watch and fs/promises' watch; a string is the encoding.
function watchOptions(options) {
  let opts = options;
  if (opts === undefined || opts === null) opts = {};
  else if (typeof opts === 'string') opts = { encoding: opts };
  else if (typeof opts !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', ['string', 'object'], options);
  }
  const encoding = opts.encoding === undefined ? 'utf8' : opts.encoding;
  checkEncoding(encoding);
  const recursive = opts.recursive === undefined ? false : opts.recursive;
  validators.validateBoolean(recursive, 'options.recursive');
  if (opts.signal !== undefined) {
    validators.validateAbortSignal(opts.signal, 'options.signal');
  }
  return {
    encoding: encoding === null ? 'utf8' : encoding,
    // Any truthy value keeps the process alive, as in Node.
    persistent: opts.persistent === undefined ? true : Boolean(opts.persistent),
    recursive,
    signal: opts.signal,
  };
}

function startWatcher(filename, opts) {
  const target = toPath(filename, 'filename');
  const watcher = new FSWatcher();
  watcher.start(target, opts.persistent, opts.recursive, opts.encoding);
  return watcher;
}

// fs.watch(filename[, options][, listener])
function openWatcher(filename, ...rest) {
  const onChange = typeof rest[0] === 'function' ? rest[0] : rest[1];
  const opts = watchOptions(typeof rest[0] === 'function' ? undefined : rest[0]);
  const watcher = startWatcher(filename, opts);
  if (onChange != null) watcher.on('change', onChange);
  const { signal } = opts;
  if (signal === undefined) return watcher;
  if (signal.aborted) {
    process.nextTick(() => watcher.close());
    return watcher;
  }
  const stop = () => watcher.close();
  signal.addEventListener('abort', stop, { once: true });
  watcher.once('close', () => signal.removeEventListener('abort', stop));
  return watcher;
}

// fs/promises' watch: events queue up between next() calls; an abort ends
// the iteration with an AbortError whose cause is the signal's reason.
async function* watchAsync(filename, options) {
  const opts = watchOptions(options);
  const { signal } = opts;
  const aborted = () => new AbortError(undefined, { cause: signal.reason });
  if (signal !== undefined && signal.aborted) throw aborted();
  const watcher = startWatcher(filename, opts);
  const queue = [];
  let failure = null;
  let wake = null;
  const nudge = () => {
    if (wake === null) return;
    const resolve = wake;
    wake = null;
    resolve();
  };
  watcher.on('change', (eventType, name) => {
    queue.push({ eventType, filename: name });
    nudge();
  });
  watcher.on('error', (err) => {
    failure = err;
    nudge();
  });
  const onAbort = () => {
    failure = aborted();
    nudge();
  };
  if (signal !== undefined) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      while (queue.length > 0 && failure === null) yield queue.shift();
      if (failure !== null) throw failure;
      await new Promise((resolve) => { wake = resolve; });
    }
  } finally {
    if (signal !== undefined) signal.removeEventListener('abort', onAbort);
    watcher.close();
  }
}

// fs.watchFile ------------------------------------------------------------

class StatWatcher extends events.EventEmitter {
  #id = 0;
  #bigint;
  #refed = true;
  #persistent = true;

  constructor(bigint) {
    super();
    this.#bigint = Boolean(bigint);
  }

  start(filename, persistent, interval) {
    if (this.#id > 0) return;
    this.#persistent = persistent;
    const id = binding().poll(filename, persistent && this.#refed, interval,
      this.#bigint, asyncContext.bindTo(asyncContext.capture('STATWATCHER'), (status, curr, prev) => {
        // libuv reports a missing file as zeroed stats, once per change.
        this.emit('change', statsFromFields(curr), statsFromFields(prev));
      }));
    if (id < 0) throw uvException({ errno: id, syscall: 'watch', path: pathText(filename) });
    this.#id = id;
  }

  stop() {
    if (this.#id <= 0) return;
    binding().close(this.#id);
    this.#id = 0;
    process.nextTick(() => this.emit('stop'));
  }

  ref() {
    this.#refed = true;
    if (this.#id > 0 && this.#persistent) binding().setRef(this.#id, true);
    return this;
  }

  unref() {
    this.#refed = false;
    if (this.#id > 0) binding().setRef(this.#id, false);
    return this;
  }
}

// One StatWatcher per resolved path, shared by its listeners.
const statWatchers = new Map();

// watchFile(filename[, options], listener)
function pollFile(filename, ...rest) {
  const target = toPath(filename, 'filename');
  const key = pathModule.resolve(pathText(target));
  const listener = typeof rest[0] === 'function' ? rest[0] : rest[1];
  const given = typeof rest[0] === 'function' ? undefined : rest[0];
  const settings = { interval: 5007, persistent: true, bigint: false, ...given };
  validators.validateFunction(listener, 'listener');
  validators.validateUint32(settings.interval, 'interval');
  let watcher = statWatchers.get(key);
  if (watcher === undefined) {
    watcher = new StatWatcher(settings.bigint);
    watcher.start(target, Boolean(settings.persistent), settings.interval);
    statWatchers.set(key, watcher);
  }
  watcher.on('change', listener);
  return watcher;
}

function stopPolling(filename, listener) {
  const target = toPath(filename, 'filename');
  const key = pathModule.resolve(pathText(target));
  const watcher = statWatchers.get(key);
  if (watcher === undefined) return;
  if (typeof listener === 'function') watcher.removeListener('change', listener);
  else watcher.removeAllListeners('change');
  if (watcher.listenerCount('change') === 0) {
    watcher.stop();
    statWatchers.delete(key);
  }
}

module.exports = {
  FSWatcher,
  StatWatcher,
  watch: openWatcher,
  watchAsync,
  watchFile: pollFile,
  unwatchFile: stopPolling,
};
