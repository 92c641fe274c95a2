// util.inspect of Errors: fixed-up name line, frames shared with the cause folded, coloured frames.
'use strict';

let types;
function isError(v) {
  // eslint-disable-next-line no-undef
  if (types === undefined) types = internalBinding('types');
  return types.isNativeError(v) || v instanceof Error;
}

const kFrameStart = '\n    at';
const kCoreFrame = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
// A package directory after node_modules, with its @scope when it has one.
const kModuleDir = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+?)(?=[/\\])/g;
const kPublicBuiltins = new Set([
  'assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process',
  'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel',
  'dns', 'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http',
  'http2', 'https', 'inspector', 'module', 'net', 'os', 'path', 'path/posix',
  'path/win32', 'perf_hooks', 'process', 'punycode', 'querystring',
  'readline', 'readline/promises', 'repl', 'stream', 'stream/consumers',
  'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util',
  'util/types', 'v8', 'vm', 'wasi', 'worker_threads', 'zlib',
]);

function stackOf(err) {
  return err.stack ? String(err.stack) : Error.prototype.toString.call(err);
}

// "Name(size) [tag]" for an error's first line, as labelOf in render.js.
function errorLabel(ctor, tag, fallback) {
  if (ctor === null) {
    return tag !== '' && tag !== fallback ?
      `[${fallback}: null prototype] [${tag}]` : `[${fallback}: null prototype]`;
  }
  return tag !== '' && tag !== ctor ? `${ctor} [${tag}]` : ctor;
}

// Makes the first line name the class the error really has when the stack
// was captured under another name (subclasses, renamed errors, null
// prototypes). Only stacks that look like "Name: message" are touched.
function fixNameLine(stack, ctor, name, tag) {
  let nameLength = name.length;
  const regular = name.endsWith('Error') && stack.startsWith(name) &&
    (stack.length === nameLength || stack[nameLength] === ':' || stack[nameLength] === '\n');
  if (ctor !== null && !regular) return stack;
  let fallback = 'Error';
  if (ctor === null) {
    const m = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
      /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
    const found = (m && m[1]) || '';
    nameLength = found.length;
    fallback = found || 'Error';
  }
  const label = errorLabel(ctor, tag, fallback);
  if (name === label) return stack;
  if (!label.includes(name)) return `${label} [${name}]${stack.slice(nameLength)}`;
  return nameLength === 0 ? `${label}: ${stack}` : label + stack.slice(nameLength);
}

// Finds the first run of more than three frames that `ours` shares with
// `theirs`; returns [start in ours, length] or undefined.
function sharedRun(ours, theirs) {
  for (let i = 0; i + 3 < ours.length; i++) {
    const at = theirs.indexOf(ours[i]);
    if (at === -1 || theirs.length - at <= 3) continue;
    const most = Math.min(ours.length - i, theirs.length - at);
    let run = 1;
    while (run < most && ours[i + run] === theirs[at + run]) run++;
    if (run > 3) return [i, run];
  }
  return undefined;
}

function framesOf(walk, err, text) {
  const frames = text.split('\n');
  let cause;
  try {
    cause = err.cause;
  } catch {
    // A throwing getter just means there is nothing to compare with.
  }
  if (cause == null || !isError(cause)) return frames;
  const causeStack = stackOf(cause);
  const at = causeStack.indexOf(kFrameStart);
  if (at === -1) return frames;
  const run = sharedRun(frames, causeStack.slice(at + 1).split('\n'));
  if (run !== undefined) {
    const hidden = run[1] - 2;
    const note = walk.paint(`    ... ${hidden} lines matching cause stack trace ...`, 'undefined');
    frames.splice(run[0] + 1, hidden, note);
  }
  return frames;
}

function isCoreFrame(line) {
  const m = kCoreFrame.exec(line);
  if (m === null) return false;
  return m[1].startsWith('internal/') || kPublicBuiltins.has(m[1]);
}

function markModules(walk, line) {
  let out = '';
  let from = 0;
  kModuleDir.lastIndex = 0;
  let m;
  while ((m = kModuleDir.exec(line)) !== null) {
    const nameStart = m.index + 14;
    out += line.slice(from, nameStart) + walk.paint(m[1], 'module');
    from = m.index + m[0].length;
  }
  return from === 0 ? line : out + line.slice(from);
}

function markDirectory(walk, line, dir) {
  let at = line.indexOf(dir);
  if (at === -1) return line;
  let size = dir.length;
  if (line.slice(at - 7, at) === 'file://') {
    size += 7;
    at -= 7;
  }
  const start = line[at - 1] === '(' ? at - 1 : at;
  const end = start !== at && line.endsWith(')') ? -1 : line.length;
  const after = at + size + 1;
  let out = line.slice(0, start) + walk.paint(line.slice(start, after), 'undefined') +
    line.slice(after, end);
  if (end === -1) out += walk.paint(')', 'undefined');
  return out;
}

function currentDirectory() {
  try {
    return globalThis.process.cwd();
  } catch {
    return undefined;
  }
}

function colourFrames(walk, frames) {
  const dir = currentDirectory();
  let out = '';
  for (let line of frames) {
    if (isCoreFrame(line)) {
      out += `\n${walk.paint(line, 'undefined')}`;
      continue;
    }
    line = markModules(walk, line);
    if (dir !== undefined) {
      let marked = markDirectory(walk, line, dir);
      if (marked === line) marked = markDirectory(walk, line, `file://${encodeURI(dir)}`);
      line = marked;
    }
    out += `\n${line}`;
  }
  return out;
}

// The head text of an error. Also edits `keys`: drops name/message/stack
// when the stack already shows them and adds cause/errors when present.
function errorText(walk, err, ctor, tag, keys) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = stackOf(err);
  if (!walk.showHidden && keys.length !== 0) {
    for (const k of ['name', 'message', 'stack']) {
      const i = keys.indexOf(k);
      if (i !== -1 && stack.includes(err[k])) keys.splice(i, 1);
    }
  }
  if ('cause' in err && !keys.includes('cause')) keys.push('cause');
  if (Array.isArray(err.errors) && !keys.includes('errors')) keys.push('errors');
  stack = fixNameLine(stack, ctor, name, tag);

  // Frames are searched after the message so that a message containing
  // "\n    at" is not taken for the trace.
  const message = err.message;
  let from = (message && stack.indexOf(message)) || -1;
  if (from !== -1) from += message.length;
  const framesAt = stack.indexOf(kFrameStart, from);
  if (framesAt === -1) {
    stack = `[${stack}]`;
  } else {
    const frames = framesOf(walk, err, stack.slice(framesAt + 1));
    stack = stack.slice(0, framesAt) +
      (walk.colors ? colourFrames(walk, frames) : `\n${frames.join('\n')}`);
  }
  if (walk.indent !== 0) stack = stack.replaceAll('\n', `\n${' '.repeat(walk.indent)}`);
  return stack;
}

module.exports = { errorText };
