'use strict';
// The readline interface: reads lines from a stream (whole lines as they
// arrive, or keystroke by keystroke with editing on a terminal) and writes
// prompts to an output stream. node:readline and node:readline/promises
// both build on the InterfaceBase class here.

const EventEmitter = require('../../events');
const { StringDecoder } = require('../../string_decoder');
const { nextTick } = require('../process/ticks');
const { AbortError, codes } = require('../errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
  validateString,
  validateUint32,
} = require('../validators');
const textTools = require('../util/inspect');
const { emitKeypressEvents } = require('./keys');
const ansi = require('./ansi');

const { present } = ansi;

const kDefaultHistorySize = 30;
const kShortestCrlfDelay = 100;
const kDefaultEscapeTimeout = 500;
const kIteratorHighWater = 1024;
// A line ends at \n, \r\n, or a \r not followed by \n.
const kEndOfLine = /\r\n|\n|\r(?!\n)/;
const kAnyEnding = /\r\n|\n|\r/;

const kPrompt = Symbol('kPrompt');
const kPendingText = Symbol('kPendingText');
const kReturnTime = Symbol('kReturnTime');
const kAnswer = Symbol('kAnswer');
const kPromptBeforeQuestion = Symbol('kPromptBeforeQuestion');
const kDetach = Symbol('kDetach');
const kDecoder = Symbol('kDecoder');
const kLines = Symbol('kLines');
const kSearchPrefix = Symbol('kSearchPrefix');
const kLastKey = Symbol('kLastKey');
const kKeyBefore = Symbol('kKeyBefore');
const kUndo = Symbol('kUndo');
const kRedo = Symbol('kRedo');
const kKills = Symbol('kKills');
const kYanked = Symbol('kYanked');
const kUndoLimit = 2048;

// The four-argument form and the options form give the same settings.
function readSettings(input, output, completer, terminal) {
  let s;
  if (input && input.input) {
    const o = input;
    s = {
      input: o.input,
      output: o.output,
      completer: o.completer,
      terminal: o.terminal,
      history: o.history,
      historySize: o.historySize,
      removeHistoryDuplicates: o.removeHistoryDuplicates,
      prompt: o.prompt,
      crlfDelay: o.crlfDelay,
      escapeCodeTimeout: kDefaultEscapeTimeout,
      tabSize: 8,
      signal: o.signal,
    };
    if (o.tabSize !== undefined) {
      validateUint32(o.tabSize, 'tabSize', true);
      s.tabSize = o.tabSize;
    }
    if (o.escapeCodeTimeout !== undefined) {
      if (!Number.isFinite(o.escapeCodeTimeout)) {
        // Node's message shows the timeout in force, not the bad value.
        throw new codes.ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout',
                                              s.escapeCodeTimeout);
      }
      s.escapeCodeTimeout = o.escapeCodeTimeout;
    }
    if (s.signal) validateAbortSignal(s.signal, 'options.signal');
  } else {
    s = { input, output, completer, terminal, tabSize: 8,
          escapeCodeTimeout: kDefaultEscapeTimeout };
  }
  if (s.history === undefined) s.history = [];
  else validateArray(s.history, 'history');
  if (s.historySize === undefined) s.historySize = kDefaultHistorySize;
  validateNumber(s.historySize, 'historySize', 0);
  if (s.completer !== undefined && typeof s.completer !== 'function') {
    throw new codes.ERR_INVALID_ARG_VALUE('completer', s.completer);
  }
  if (s.terminal === undefined && s.output !== null &&
      s.output !== undefined) {
    s.terminal = !!s.output.isTTY;
  }
  return s;
}

function commonPrefix(words) {
  let prefix = words[0];
  for (const word of words) {
    let n = 0;
    while (n < prefix.length && prefix[n] === word[n]) n++;
    prefix = prefix.slice(0, n);
  }
  return prefix;
}

// Code points and display columns of a string, for cursor arithmetic.
function codeUnitsBefore(text, index) {
  if (index <= 0) return 0;
  const low = text.charCodeAt(index - 1);
  if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return 2;
  }
  return 1;
}

function codeUnitsAt(text, index) {
  if (index >= text.length) return 0;
  return text.codePointAt(index) > 0xffff ? 2 : 1;
}

class InterfaceBase extends EventEmitter {
  constructor(...args) {
    super();
    const s = readSettings(...args);
    // The public fields, in the order Node lists them.
    Object.assign(this, {
      isCompletionEnabled: true,
      escapeCodeTimeout: s.escapeCodeTimeout,
      tabSize: s.tabSize,
      line: '',
      output: s.output,
      input: s.input,
      history: s.history,
      historySize: s.historySize,
      removeHistoryDuplicates: !!s.removeHistoryDuplicates,
      crlfDelay: s.crlfDelay ?
        Math.max(kShortestCrlfDelay, s.crlfDelay) : kShortestCrlfDelay,
      completer: s.completer,
      terminal: !!s.terminal,
    });
    this[kPrompt] = s.prompt === undefined ? '> ' : s.prompt;
    this[kPendingText] = null;
    this[kReturnTime] = 0;
    this[kAnswer] = null;
    this[kPromptBeforeQuestion] = this[kPrompt];
    this[kDecoder] = new StringDecoder();
    this[kLines] = undefined;
    this[kSearchPrefix] = null;
    this[kUndo] = [];
    this[kRedo] = [];
    this[kKills] = [];
    this[kYanked] = null;
    this[kDetach] = this.attach(s.input, s.output);

    if (s.signal) {
      const signal = s.signal;
      const onAbort = () => this.close();
      if (signal.aborted) {
        nextTick(onAbort);
      } else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
    s.input.resume();
  }

  // Listens to the streams; returns the function that stops listening.
  attach(input, output) {
    const onError = (err) => this.emit('error', err);
    const undo = [];
    const listen = (emitter, event, fn) => {
      emitter.on(event, fn);
      undo.push(() => emitter.removeListener(event, fn));
    };
    listen(input, 'error', onError);
    if (this.terminal) {
      emitKeypressEvents(input, this);
      listen(input, 'keypress', (str, key) => this.typeKey(str, key));
      listen(input, 'end', () => {
        if (typeof this.line === 'string' && this.line.length > 0) {
          this.emit('line', this.line);
        }
        this.close();
      });
      this.setRawMode(true);
      this.cursor = 0;
      this.historyIndex = -1;
      if (present(output)) listen(output, 'resize', () => this.refreshLine());
    } else {
      listen(input, 'data', (chunk) => this.takeText(chunk));
      listen(input, 'end', () => {
        const rest = this[kPendingText];
        if (typeof rest === 'string' && rest.length > 0) {
          this.emit('line', rest);
        }
        this.close();
      });
    }
    return () => {
      for (const fn of undo) fn();
    };
  }

  get columns() {
    const out = this.output;
    return out && out.columns ? out.columns : Infinity;
  }

  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  getPrompt() {
    return this[kPrompt];
  }

  setRawMode(on) {
    const input = this.input;
    const before = input.isRaw;
    if (typeof input.setRawMode === 'function') input.setRawMode(on);
    return before;
  }

  // A dumb terminal gets the bare prompt, as a plain stream does.
  prompt(preserveCursor) {
    this.resume();
    const redraw = this.terminal && process.env.TERM !== 'dumb';
    if (!redraw) {
      this.show(this[kPrompt]);
      return;
    }
    this.cursor = preserveCursor ? this.cursor : 0;
    this.refreshLine();
  }

  show(text) {
    validateString(text, 'stringToWrite');
    if (present(this.output)) this.output.write(text);
  }

  // Asks `query` and hands the next line to `answer` instead of 'line'.
  ask(query, answer) {
    if (this.closed) throw new codes.ERR_USE_AFTER_CLOSE('readline');
    if (this[kAnswer] === null) {
      this[kPromptBeforeQuestion] = this[kPrompt];
      this.setPrompt(query);
      this[kAnswer] = answer;
    }
    this.prompt();
  }

  // ask() as a promise. options.signal aborts: the promise rejects with an
  // AbortError caused by the signal's reason.
  askForPromise(query, options) {
    return new Promise((resolve, reject) => {
      // Thrown errors (a bad signal, a closed interface) reject.
      const signal = present(options) ? options.signal : undefined;
      if (signal) validateAbortSignal(signal, 'options.signal');
      if (!signal) {
        this.ask(query, resolve);
        return;
      }
      const failWithReason = () => reject(new AbortError(undefined, {
        cause: signal.reason }));
      if (signal.aborted) {
        failWithReason();
        return;
      }
      const cancel = () => {
        this.dropQuestion();
        failWithReason();
      };
      signal.addEventListener('abort', cancel, { once: true });
      this.ask(query, (answer) => {
        signal.removeEventListener('abort', cancel);
        resolve(answer);
      });
    });
  }

  // An aborted question: the old prompt is back and the line is left.
  dropQuestion() {
    if (this[kAnswer] === null) return;
    this[kAnswer] = null;
    this.setPrompt(this[kPromptBeforeQuestion]);
    this.clearLine();
  }

  deliver(line) {
    const answer = this[kAnswer];
    if (answer !== null) {
      this[kAnswer] = null;
      this.setPrompt(this[kPromptBeforeQuestion]);
      answer(line);
    } else {
      this.emit('line', line);
    }
  }

  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  resume() {
    if (this.paused !== true) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  write(data, key) {
    this.resume();
    if (this.terminal) this.typeKey(data, key);
    else this.takeText(data);
  }

  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this.setRawMode(false);
    this.closed = true;
    this[kDetach]();
    this.emit('close');
  }

  // ---- Whole-line input ----

  // Input text (or a Buffer) in plain mode: complete lines are delivered, the
  // unterminated rest waits. A \n right after a \r that ended the previous
  // chunk belongs to that line ending when it comes within crlfDelay.
  takeText(chunk) {
    if (chunk === undefined) return;
    let text = this[kDecoder].write(chunk);
    if (this[kReturnTime] !== 0) {
      if (Date.now() - this[kReturnTime] <= this.crlfDelay &&
          text.charCodeAt(0) === 10) {
        text = text.slice(1);
      }
      this[kReturnTime] = 0;
    }
    // Text without a \r splits on '\n' alone, which V8 does much faster
    // than the regular expression.
    const plain = text.indexOf('\r') === -1;
    const ends = plain ? text.indexOf('\n') !== -1 : kEndOfLine.test(text);
    const pending = this[kPendingText];
    if (pending) {
      text = pending + text;
      this[kPendingText] = null;
    }
    if (!ends) {
      if (text) this[kPendingText] = text;
      return;
    }
    if (!plain && text.endsWith('\r')) this[kReturnTime] = Date.now();
    const lines = text.split(plain ? '\n' : kEndOfLine);
    this[kPendingText] = lines.pop();
    for (const line of lines) this.deliver(line);
  }

  // ---- Terminal editing ----

  typeKey(str, key) {
    if (key === undefined || key === null) key = {};
    this[kKeyBefore] = this[kLastKey];
    this[kLastKey] = key;
    const name = key.name;
    // Meta-Y may only follow a yank.
    if (name !== 'y' || !(key.ctrl || key.meta)) this[kYanked] = null;
    // Arrow keys search the history for the text before the cursor; any
    // other key ends that search. A search that ran past the oldest entry
    // starts over from the newest one afterwards.
    if (key.ctrl || key.meta || (name !== 'up' && name !== 'down')) {
      if (this[kSearchPrefix] !== null &&
          this.historyIndex === this.history.length) {
        this.historyIndex = -1;
      }
      this[kSearchPrefix] = null;
    }
    if (name === 'escape') return;
    if (key.ctrl) {
      if (!key.shift) this.ctrlKey(name);
      else if (name === 'backspace') this.cutLeft();
      else if (name === 'delete') this.cutRight();
    } else if (key.meta) {
      this.metaKey(name);
    } else {
      this.plainKey(str, key);
    }
  }

  ctrlKey(name) {
    switch (name) {
      case 'c':
        if (this.listenerCount('SIGINT') > 0) this.emit('SIGINT');
        else this.close();
        break;
      case 'z': this.suspend(); break;
      case 'h': this.eraseLeft(); break;
      case 'd':
        if (this.cursor === 0 && this.line.length === 0) this.close();
        else this.eraseRight();
        break;
      case 'u': this.cutLeft(); break;
      case 'k': this.cutRight(); break;
      case 'a': this.shiftCursor(-Infinity); break;
      case 'e': this.shiftCursor(Infinity); break;
      case 'b': this.shiftCursor(-codeUnitsBefore(this.line, this.cursor));
        break;
      case 'f': this.shiftCursor(codeUnitsAt(this.line, this.cursor)); break;
      case 'l':
        ansi.cursorTo(this.output, 0, 0);
        ansi.clearScreenDown(this.output);
        this.refreshLine();
        break;
      case 'n': this.historyStep(-1, ''); break;
      case 'p': this.historyStep(1, ''); break;
      case 'w':
      case 'backspace': this.eraseWordLeft(); break;
      case 'y': this.yank(); break;
      case 'delete': this.eraseWordRight(); break;
      case 'left': this.wordLeft(); break;
      case 'right': this.wordRight(); break;
      default: break;
    }
  }

  // Ctrl-Z: a 'SIGTSTP' listener decides; without one the process stops
  // itself, and the line comes back when it is continued.
  suspend() {
    if (this.listenerCount('SIGTSTP') > 0) {
      this.emit('SIGTSTP');
      return;
    }
    if (process.platform === 'win32') return;
    process.once('SIGCONT', () => {
      if (!this.paused) {
        this.pause();
        this.emit('SIGCONT');
      }
      this.setRawMode(true);
      this.refreshLine();
    });
    this.setRawMode(false);
    process.kill(process.pid, 'SIGTSTP');
  }

  metaKey(name) {
    switch (name) {
      case 'b': this.wordLeft(); break;
      case 'f': this.wordRight(); break;
      case 'd':
      case 'delete': this.eraseWordRight(); break;
      case 'backspace': this.eraseWordLeft(); break;
      case 'y': this.yankPop(); break;
      default: break;
    }
  }

  plainKey(str, key) {
    const name = key.name;
    // Ctrl-_ and Ctrl-^ arrive as bare control characters.
    if (str === '\x1f' && name === undefined) {
      this.undoRedo(this[kUndo], this[kRedo]);
      return;
    }
    if (str === '\x1e' && name === undefined) {
      this.undoRedo(this[kRedo], this[kUndo]);
      return;
    }
    if (name !== 'enter') this[kReturnTime] = 0;
    switch (name) {
      case 'return':
        this[kReturnTime] = Date.now();
        this.finishLine();
        return;
      case 'enter':
        // The \n of a \r\n pair was already handled by its \r.
        if (this[kReturnTime] === 0 ||
            Date.now() - this[kReturnTime] > this.crlfDelay) {
          this.finishLine();
        }
        this[kReturnTime] = 0;
        return;
      case 'backspace': this.eraseLeft(); return;
      case 'delete': this.eraseRight(); return;
      case 'left':
        this.shiftCursor(-codeUnitsBefore(this.line, this.cursor));
        return;
      case 'right':
        this.shiftCursor(codeUnitsAt(this.line, this.cursor));
        return;
      case 'home': this.shiftCursor(-Infinity); return;
      case 'end': this.shiftCursor(Infinity); return;
      case 'up': this.historyStep(1); return;
      case 'down': this.historyStep(-1); return;
      case 'tab':
        if (typeof this.completer === 'function' && this.isCompletionEnabled) {
          this.complete();
          return;
        }
        break;
      default: break;
    }
    if (typeof str === 'string' && str) {
      const parts = str.split(kAnyEnding);
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) this.finishLine();
        this.insertText(parts[i]);
      }
    }
  }

  finishLine() {
    const line = this.recordHistory();
    this[kUndo] = [];
    this[kRedo] = [];
    this.clearLine();
    this.deliver(line);
  }

  // Puts the typed line at the head of the history; returns the line.
  recordHistory() {
    const line = this.line;
    if (line.length === 0) return '';
    if (this.historySize === 0 || line.trim().length === 0) return line;
    const history = this.history;
    if (history.length === 0 || history[0] !== line) {
      const dup = this.removeHistoryDuplicates ? history.indexOf(line) : -1;
      if (dup !== -1) history.splice(dup, 1);
      history.unshift(line);
      if (history.length > this.historySize) history.pop();
    }
    this.historyIndex = -1;
    this.emit('history', history);
    return history[0];
  }

  // Older entries for step 1, newer for -1; entries equal to the line, or
  // not starting with the text before the cursor at the first step, are
  // skipped. Past either end the line is that starting text again.
  historyStep(step, fixedPrefix) {
    const history = this.history;
    if (step > 0 ? !(this.historyIndex < history.length && history.length) :
      this.historyIndex < 0) {
      return;
    }
    if (this[kSearchPrefix] === null && fixedPrefix === undefined) {
      this[kSearchPrefix] = this.line.slice(0, this.cursor);
    }
    const prefix = fixedPrefix === undefined ? this[kSearchPrefix] :
      fixedPrefix;
    let at = this.historyIndex + step;
    while (at >= 0 && at < history.length &&
           ((prefix && !history[at].startsWith(prefix)) ||
            this.line === history[at])) {
      at += step;
    }
    this.saveForUndo();
    this.historyIndex = at;
    this.replaceLine(at < 0 || at === history.length ? prefix : history[at]);
  }

  // Shows `text` as the line, the cursor at its end.
  replaceLine(text) {
    this.line = text;
    this.cursor = text.length;
    this.refreshLine();
  }

  // Inside a chunk of several keys (a paste) every key but the chunk's last
  // is appended at the end of the line, wherever the cursor is, as Node does.
  insertText(text) {
    this.saveForUndo();
    if (!this.atLineEnd && this.isCompletionEnabled) {
      this.line = this.line.slice(0, this.cursor) + text +
        this.line.slice(this.cursor);
      this.cursor += text.length;
      this.refreshLine();
      return;
    }
    // Pasted text is written as it comes, even where it wraps.
    const rowsBefore = this.isCompletionEnabled ? this.getCursorPos().rows :
      Infinity;
    this.line += text;
    this.cursor += text.length;
    if (rowsBefore < this.getCursorPos().rows) this.refreshLine();
    else this.show(text);
  }

  eraseLeft() {
    if (this.cursor === 0 || this.line.length === 0) return;
    this.saveForUndo();
    const n = codeUnitsBefore(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor - n) +
      this.line.slice(this.cursor);
    this.cursor -= n;
    this.refreshLine();
  }

  get atLineEnd() {
    return this.cursor >= this.line.length;
  }

  eraseRight() {
    if (this.atLineEnd) return;
    this.saveForUndo();
    const n = codeUnitsAt(this.line, this.cursor);
    this.line = this.line.slice(0, this.cursor) +
      this.line.slice(this.cursor + n);
    this.refreshLine();
  }

  // Ctrl-U and Ctrl-K keep what they cut for Ctrl-Y.
  cutLeft() {
    this.saveForUndo();
    this.kill(this.line.slice(0, this.cursor));
    this.line = this.line.slice(this.cursor);
    this.cursor = 0;
    this.refreshLine();
  }

  cutRight() {
    this.saveForUndo();
    this.kill(this.line.slice(this.cursor));
    this.line = this.line.slice(0, this.cursor);
    this.refreshLine();
  }

  // ---- Undo, redo and the kill ring ----

  saveForUndo() {
    const undo = this[kUndo];
    undo.push([this.line, this.cursor]);
    if (undo.length > kUndoLimit) undo.shift();
  }

  // Undo takes from the undo stack and keeps the current state for redo;
  // redo is the same with the stacks swapped.
  undoRedo(from, to) {
    if (from.length === 0) return;
    to.push([this.line, this.cursor]);
    const [line, cursor] = from.pop();
    this.line = line;
    this.cursor = cursor;
    this.refreshLine();
  }

  kill(text) {
    if (text !== '') this[kKills].push(text);
  }

  yank() {
    const kills = this[kKills];
    if (kills.length === 0) return;
    const index = kills.length - 1;
    this.insertText(kills[index]);
    this[kYanked] = { index, text: kills[index] };
  }

  // Swaps the text just yanked for the kill before it, round the ring.
  yankPop() {
    const yanked = this[kYanked];
    const kills = this[kKills];
    // With one kill there is nothing to swap to.
    if (yanked === null || kills.length < 2) return;
    const index = (yanked.index - 1 + kills.length) % kills.length;
    const text = kills[index];
    const start = this.cursor - yanked.text.length;
    this.line = this.line.slice(0, start) + text + this.line.slice(this.cursor);
    this.cursor = start + text.length;
    this[kYanked] = { index, text };
    this.refreshLine();
  }

  // Word motion: a word is a run of word characters, of punctuation, or of
  // spaces; moving right also skips the spaces after it.
  wordStartBefore() {
    const head = this.line.slice(0, this.cursor);
    const m = /(?:\s+|[^\w\s]+|\w+)\s*$/.exec(head);
    return m === null ? 0 : m.index;
  }

  wordEndAfter() {
    const tail = this.line.slice(this.cursor);
    const m = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(tail);
    return this.cursor + (m === null ? tail.length : m[0].length);
  }

  wordLeft() {
    if (this.cursor > 0) this.shiftCursor(this.wordStartBefore() - this.cursor);
  }

  wordRight() {
    if (!this.atLineEnd) this.shiftCursor(this.wordEndAfter() - this.cursor);
  }

  eraseWordLeft() {
    if (this.cursor === 0) return;
    this.saveForUndo();
    const start = this.wordStartBefore();
    this.line = this.line.slice(0, start) + this.line.slice(this.cursor);
    this.cursor = start;
    this.refreshLine();
  }

  eraseWordRight() {
    if (this.atLineEnd) return;
    this.saveForUndo();
    this.line = this.line.slice(0, this.cursor) +
      this.line.slice(this.wordEndAfter());
    this.refreshLine();
  }

  // Tab: the completer gives [candidates, word]. One candidate is typed
  // out; several type their common prefix. A second tab in a row lists them.
  // The interface is paused while the completer runs.
  complete() {
    const typed = this.line.slice(0, this.cursor);
    const secondTab = this[kKeyBefore] !== undefined &&
      this[kKeyBefore].name === 'tab';
    const apply = (err, result) => {
      this.resume();
      if (err || !Array.isArray(result)) return;
      const [hits, word] = result;
      const matches = hits.filter((h) => h);
      if (matches.length === 0) return;
      const typedWord = String(word);
      if (secondTab) {
        this.listCandidates(matches);
        return;
      }
      // The candidates' common start either extends the word or, when the
      // word does not begin with it, replaces the word.
      const common = commonPrefix(matches);
      if (common.startsWith(typedWord) && common.length > typedWord.length) {
        this.insertText(common.slice(typedWord.length));
      } else if (!typedWord.startsWith(common)) {
        const start = this.cursor - typedWord.length;
        this.line = this.line.slice(0, start) + common +
          this.line.slice(this.cursor);
        this.cursor = start + common.length;
        this.refreshLine();
      }
    };
    this.pause();
    let result;
    try {
      if (this.completer.length === 2) {
        this.completer(typed, apply);
        return;
      }
      result = this.completer(typed);
    } catch (err) {
      apply(err);
      return;
    }
    if (result && typeof result.then === 'function') {
      result.then((r) => apply(null, r), apply);
    } else {
      apply(null, result);
    }
  }

  // Candidates in columns as wide as the longest one plus two, as many
  // columns as fit the output, then the prompt and line again.
  listCandidates(items) {
    const cell = Math.max(...items.map((item) => item.length)) + 2;
    const perRow = Math.max(1, Math.floor(this.columns / cell));
    const rows = [];
    for (let i = 0; i < items.length; i += perRow) {
      const row = items.slice(i, i + perRow);
      rows.push(row.map((item, j) => (j === row.length - 1 ? item :
        item.padEnd(cell))).join(''));
    }
    this.show('\r\n' + rows.join('\r\n') + '\r\n\r\n');
    this.refreshLine();
  }

  // Where text lands on screen: rows and columns from the prompt's start.
  // Tabs go to the next tab stop; a wide character never straddles the
  // right edge.
  measure(text) {
    const width = this.columns;
    let rows = 0;
    let col = 0;
    for (const ch of textTools.stripVTControlCharacters(text)) {
      switch (ch) {
        case '\n':
          rows += Math.ceil(col / width) || 1;
          col = 0;
          break;
        case '\t':
          col += this.tabSize - (col % this.tabSize);
          break;
        default: {
          const w = textTools.getStringWidth(ch, false);
          if (w <= 1) {
            col += w;
          } else {
            if ((col + 1) % width === 0) col++;
            col += 2;
          }
        }
      }
    }
    const cols = col % width;
    return { cols, rows: rows + (col - cols) / width };
  }

  getCursorPos() {
    const head = this[kPrompt] + this.line.slice(0, this.cursor);
    return this.measure(head);
  }

  // Redraws prompt and line, leaving the cursor where this.cursor says.
  refreshLine() {
    const text = this[kPrompt] + this.line;
    const end = this.measure(text);
    const at = this.getCursorPos();
    // prevRows: how far below the prompt's row the cursor was left.
    const above = this.prevRows || 0;
    if (above > 0) ansi.moveCursor(this.output, 0, -above);
    ansi.cursorTo(this.output, 0);
    ansi.clearScreenDown(this.output);
    this.show(text);
    if (end.cols === 0) this.show(' ');
    ansi.cursorTo(this.output, at.cols);
    const below = end.rows - at.rows;
    if (below > 0) ansi.moveCursor(this.output, 0, -below);
    this.prevRows = at.rows;
  }

  shiftCursor(dx) {
    if (dx === 0) return;
    const before = this.getCursorPos();
    this.cursor = Math.min(this.line.length, Math.max(0, this.cursor + dx));
    const after = this.getCursorPos();
    if (before.rows === after.rows) {
      ansi.moveCursor(this.output, after.cols - before.cols, 0);
    } else {
      this.refreshLine();
    }
  }

  // Ends the current screen line and starts an empty one.
  clearLine() {
    if (this.terminal) this.shiftCursor(Infinity);
    this.show('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  // ---- Async iteration ----

  [Symbol.asyncIterator]() {
    if (this[kLines] === undefined) this[kLines] = new LineIterator(this);
    return this[kLines];
  }
}

const kWatermarkData = Symbol.for('nodejs.watermarkData');

// The iterator's backpressure state, read live, under the same shared
// symbol Node uses: lines waiting, when the input resumes (fewer than
// `low` waiting) and when it pauses (more than `high`).
function watermarkView(iterator) {
  // Node's view inherits from an empty null-prototype object.
  return Object.create(Object.create(null), {
    size: { enumerable: true, configurable: true, get: () => iterator.size },
    low: { enumerable: true, configurable: true, get: () => 1 },
    high: { enumerable: true, configurable: true, get: () => kIteratorHighWater },
    isPaused: { enumerable: true, configurable: true, get: () => iterator.pausedByUs },
  });
}

// `for await (const line of rl)`: lines are queued from the moment the
// iterator exists; the input is paused while too many wait.
class LineIterator {
  constructor(rl) {
    this.rl = rl;
    // Lines waiting are queue[head..]; the array is reused, not shifted.
    this.queue = [];
    this.head = 0;
    this.waiting = [];
    this.failure = null;
    this.done = false;
    this.pausedByUs = false;
    this.onLine = (line) => {
      if (this.waiting.length !== 0) {
        this.waiting.shift().resolve({ value: line, done: false });
        return;
      }
      this.queue.push(line);
      if (this.queue.length - this.head > kIteratorHighWater && !rl.paused) {
        this.pausedByUs = true;
        rl.pause();
      }
    };
    this.onClose = () => this.finish();
    this.onError = (err) => {
      const w = this.waiting.shift();
      if (w !== undefined) w.reject(err);
      else this.failure = err;
      this.finish();
    };
    rl.on('line', this.onLine);
    rl.on('close', this.onClose);
    rl.on('error', this.onError);
    this[kWatermarkData] = watermarkView(this);
  }

  get size() {
    return this.queue.length - this.head;
  }

  take() {
    const queue = this.queue;
    const value = queue[this.head];
    queue[this.head++] = undefined;
    if (this.head === queue.length) {
      queue.length = 0;
      this.head = 0;
    } else if (this.head > kIteratorHighWater && this.head * 2 > queue.length) {
      queue.splice(0, this.head);
      this.head = 0;
    }
    return value;
  }

  finish() {
    if (this.done) return;
    this.done = true;
    this.rl.removeListener('line', this.onLine);
    this.rl.removeListener('close', this.onClose);
    this.rl.removeListener('error', this.onError);
    for (const w of this.waiting.splice(0)) {
      w.resolve({ value: undefined, done: true });
    }
  }

  next() {
    if (this.queue.length !== this.head) {
      const value = this.take();
      if (this.pausedByUs && this.size === 0) {
        this.pausedByUs = false;
        this.rl.resume();
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.failure !== null) {
      const err = this.failure;
      this.failure = null;
      return Promise.reject(err);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve,
                                                                reject }));
  }

  return() {
    this.queue = [];
    this.head = 0;
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(err) {
    this.queue = [];
    this.head = 0;
    this.finish();
    return Promise.reject(err);
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

module.exports = { InterfaceBase, codeUnitsAt, codeUnitsBefore };
