'use strict';
// Terminal input decoding: turns the characters typed at a terminal into
// 'keypress' events (str, { sequence, name, ctrl, meta, shift[, code] }).

const { StringDecoder } = require('../../string_decoder');

const ESC = '\x1b';

// Escape-sequence bodies (what follows ESC) and the key each one names.
// Each row is `name:code:code...`; `extra` is the modifier those codes imply
// (shift or ctrl) or null.
const kNamedCodes = new Map();
function nameCodes(list, extra) {
  for (const row of list.split(' ')) {
    const [name, ...codes] = row.split(':');
    for (const code of codes) kNamedCodes.set(code, [name, extra]);
  }
}
nameCodes('f1:OP:[P:[11~:[[A f2:OQ:[Q:[12~:[[B f3:OR:[R:[13~:[[C ' +
  'f4:OS:[S:[14~:[[D paste-start:[200~ paste-end:[201~ ' +
  'f5:[15~:[[E f6:[17~ f7:[18~ f8:[19~ f9:[20~ f10:[21~ f11:[23~ f12:[24~ ' +
  'up:[A:OA down:[B:OB right:[C:OC left:[D:OD clear:[E:OE end:[F:OF:[4~:[8~ ' +
  'home:[H:OH:[1~:[7~ insert:[2~ delete:[3~ pageup:[5~:[[5~ ' +
  'pagedown:[6~:[[6~', null);
nameCodes('up:[a down:[b right:[c left:[d clear:[e insert:[2$ delete:[3$ ' +
  'pageup:[5$ pagedown:[6$ home:[7$ end:[8$ tab:[Z', 'shift');
nameCodes('up:Oa down:Ob right:Oc left:Od clear:Oe insert:[2^ delete:[3^ ' +
  'pageup:[5^ pagedown:[6^ home:[7^ end:[8^', 'ctrl');

const kSimpleNames = {
  __proto__: null,
  '\r': 'return',
  '\n': 'enter',
  '\t': 'tab',
  '\b': 'backspace',
  '\x7f': 'backspace',
  [ESC]: 'escape',
  ' ': 'space',
};

const kDigit = /^[0-9]$/;
const kAlnum = /^[0-9A-Za-z]$/;
const kUpper = /^[A-Z]$/;
// What follows `[` (and an optional second `[`) in a CSI: "<n>[;<m>]~^$" or
// "[<n>;]<m><letter>".
const kTildeForm = /^(\d\d?)(?:;(\d))?([~^$])$/;
const kPasteForm = /^\d{3}~$/;
const kLetterForm = /^(?:(?:\d;)?(\d))?([A-Za-z])$/;

function newKey() {
  return { sequence: null, name: undefined, ctrl: false, meta: false,
           shift: false };
}

const kNeedMore = Symbol('kNeedMore');

// A read position in decoded text. next() gives the next code point; past
// the end it gives '' when no more text will come, else stops the parse.
class Cursor {
  constructor(text, pos, final) {
    this.text = text;
    this.pos = pos;
    this.final = final;
  }

  next() {
    if (this.pos >= this.text.length) {
      if (this.final) return '';
      throw kNeedMore;
    }
    const ch = String.fromCodePoint(this.text.codePointAt(this.pos));
    this.pos += ch.length;
    return ch;
  }
}

// Reads one key starting at `text[at]`. Returns [end, key, escaped] or null
// when the text stops inside an escape sequence; `final` says no more text
// will come, so an unfinished sequence ends there.
function readKey(text, at, final) {
  const cur = new Cursor(text, at, final);
  const key = newKey();
  let escaped = false;
  try {
    let ch = cur.next();
    if (ch === ESC) {
      escaped = true;
      ch = cur.next();
      if (ch === ESC) ch = cur.next();
    }
    if (escaped && (ch === 'O' || ch === '[')) readCsi(ch, cur, key);
    else classifyChar(ch, escaped, key);
  } catch (err) {
    if (err === kNeedMore) return null;
    throw err;
  }
  key.sequence = text.slice(at, cur.pos);
  return [cur.pos, key, escaped];
}

// Decodes the body of an ESC O / ESC [ sequence into `key`.
function readCsi(lead, cur, key) {
  let code = lead;
  let modifier = 0;
  let ch = cur.next();
  if (lead === 'O') {
    if (kDigit.test(ch)) {
      modifier = ch - 1;
      ch = cur.next();
    }
    code += ch;
  } else {
    if (ch === '[') {
      code += ch;
      ch = cur.next();
    }
    let body = ch;
    // At most three digits, then at most ';' and one digit, then the final.
    for (let n = 0; n < 3 && kDigit.test(ch); n++) body += (ch = cur.next());
    if (ch === ';') {
      body += (ch = cur.next());
      if (kDigit.test(ch)) body += (ch = cur.next());
    }
    let m = kTildeForm.exec(body);
    if (kPasteForm.test(body)) {
      code += body;
    } else if (m !== null) {
      code += m[1] + m[3];
      modifier = (m[2] || 1) - 1;
    } else if ((m = kLetterForm.exec(body)) !== null) {
      code += m[2];
      modifier = (m[1] || 1) - 1;
    } else {
      code += body;
    }
  }
  key.ctrl = (modifier & 4) !== 0;
  key.meta = (modifier & 10) !== 0;
  key.shift = (modifier & 1) !== 0;
  key.code = code;
  const named = kNamedCodes.get(code);
  if (named !== undefined) {
    key.name = named[0];
    if (named[1] !== null) key[named[1]] = true;
  } else {
    // Node names every unknown sequence with this very string.
    key.name = 'undefined';
  }
}

function classifyChar(ch, escaped, key) {
  const simple = kSimpleNames[ch];
  if (simple !== undefined) {
    key.name = simple;
    key.meta = escaped;
  } else if (kAlnum.test(ch)) {
    key.name = ch.toLowerCase();
    key.shift = kUpper.test(ch);
    key.meta = escaped;
  } else if (escaped) {
    // ESC before anything else is meta; ESC at the very end is the key.
    key.meta = true;
    if (ch === '') key.name = 'escape';
  } else if (ch <= '\x1a') {
    key.name = String.fromCharCode(ch.charCodeAt(0) + 96);
    key.ctrl = true;
  }
}

// Splits decoded text into keys and hands each to `emit(str, key)`. Text that
// ends inside an escape sequence waits for the next write (or flush()).
class KeyReader {
  constructor(emit, iface = {}) {
    this.emit = emit;
    this.iface = iface;
    this.pending = '';
  }

  write(text, final = false) {
    const all = this.pending + text;
    let at = 0;
    while (at < all.length) {
      const got = readKey(all, at, final);
      if (got === null) break;
      const [end, key, escaped] = got;
      at = end;
      // Only the key that ends the chunk may start a completion.
      this.iface.isCompletionEnabled = end === all.length;
      emitKey(this.emit, key, escaped);
    }
    this.pending = all.slice(at);
    if (text !== '') this.iface.isCompletionEnabled = true;
  }

  // Ends a sequence cut short: a lone ESC becomes the escape key.
  flush() {
    if (this.pending !== '') this.write('', true);
  }
}

// Keys without a name are still reported when they are one character.
function emitKey(emit, key, escaped) {
  const seq = key.sequence;
  if (key.name === undefined && !escaped &&
      String.fromCodePoint(seq.codePointAt(0)) !== seq) {
    return;
  }
  emit(escaped ? undefined : seq, key);
}

const kReader = Symbol('kReader');

// Makes `stream` emit 'keypress' from its 'data' once somebody listens for
// keypresses. With an interface, a trailing ESC is taken as the escape key
// after its escapeCodeTimeout.
function emitKeypressEvents(stream, rl = {}) {
  if (stream[kReader] !== undefined) return;
  const decoder = new StringDecoder();
  const reader = new KeyReader((str, key) => stream.emit('keypress', str, key),
                               rl);
  stream[kReader] = reader;
  let timer = null;

  const armed = (event) => {
    if (event !== 'keypress') return;
    stream.off('newListener', armed);
    stream.on('data', decode);
  };

  const decode = (chunk) => {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: sleep until a listener comes back.
      stream.off('data', decode);
      stream.on('newListener', armed);
      return;
    }
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text === '') return;
    clearTimeout(timer);
    rl._sawKeyPress = String.fromCodePoint(text.codePointAt(0)) === text;
    reader.write(text);
    if (text.endsWith(ESC) && reader.pending !== '') {
      timer = setTimeout(() => reader.flush(), rl.escapeCodeTimeout);
    }
  };

  stream.on(stream.listenerCount('keypress') > 0 ? 'data' : 'newListener',
            stream.listenerCount('keypress') > 0 ? decode : armed);
}

module.exports = { KeyReader, emitKeypressEvents, readKey };
