// Text helpers for util.inspect: quoting, numeric separators, ANSI stripping and terminal widths.
'use strict';

// Quote characters in order of preference; a string is wrapped in the first
// one it does not contain (backticks also need the text to hold no '${').
const kSingle = 39;
const kDouble = 34;
const kBacktick = 96;

// Escapes for code units below 0xa0, built once. An empty slot means the
// character is printed as it is.
const kEscapes = (() => {
  const table = new Array(0xa0).fill('');
  const named = { 8: 'b', 9: 't', 10: 'n', 12: 'f', 13: 'r' };
  for (let code = 0; code < 0xa0; code++) {
    if (code >= 0x20 && code < 0x7f) continue;
    table[code] = named[code] !== undefined ?
      `\\${named[code]}` :
      `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  table[92] = '\\\\';
  return table;
})();

// Finds strings that need no escaping at all, so the common case is one test.
// The two variants differ in whether a single quote must be escaped.
const kNeedsEscapeQ = /[\x00-\x1f\x27\x5c\x7f-\x9f\ud800-\udfff]/;
const kNeedsEscape = /[\x00-\x1f\x5c\x7f-\x9f\ud800-\udfff]/;

// Walks the code units of `str` and escapes control characters, backslashes,
// lone surrogates and (when `quoteCode` is a single quote) single quotes.
function escapeBody(str, quoteCode) {
  let out = '';
  let from = 0;
  const end = str.length;
  for (let i = 0; i < end; i++) {
    const unit = str.charCodeAt(i);
    let piece;
    if (unit < 0xa0) {
      if (unit === quoteCode) {
        piece = "\\'";
      } else {
        piece = kEscapes[unit];
        if (piece === '') continue;
      }
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      // A high surrogate followed by a low one is a proper pair: keep both.
      if (unit < 0xdc00 && i + 1 < end) {
        const low = str.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          i++;
          continue;
        }
      }
      piece = `\\u${unit.toString(16)}`;
    } else {
      continue;
    }
    out += from === i ? piece : str.slice(from, i) + piece;
    from = i + 1;
  }
  return from === 0 ? str : out + str.slice(from);
}

// Returns `str` as a quoted JavaScript string literal the way Node prints it.
function quote(str) {
  let mark = kSingle;
  if (str.includes("'")) {
    if (!str.includes('"')) {
      mark = kDouble;
    } else if (!str.includes('`') && !str.includes('${')) {
      mark = kBacktick;
    }
  }
  const probe = mark === kSingle ? kNeedsEscapeQ : kNeedsEscape;
  const body = probe.test(str) ? escapeBody(str, mark === kSingle ? kSingle : -1) : str;
  const q = String.fromCharCode(mark);
  return q + body + q;
}

// Escapes a property name shown in brackets (non-enumerable keys): like a
// single-quoted literal's body, without the quotes.
function escapeKey(str) {
  return kNeedsEscapeQ.test(str) ? escapeBody(str, kSingle) : str;
}

// Inserts '_' every three digits counting from the right, after any sign.
function groupFromEnd(digits) {
  const first = digits.charCodeAt(0) === 45 ? 1 : 0;
  let cut = digits.length;
  if (cut - first < 4) return digits;
  let tail = '';
  while (cut - first >= 4) {
    tail = `_${digits.slice(cut - 3, cut)}${tail}`;
    cut -= 3;
  }
  return digits.slice(0, cut) + tail;
}

// Inserts '_' every three characters counting from the left (fractions).
function groupFromStart(digits) {
  const parts = [];
  let at = 0;
  while (at < digits.length - 3) {
    parts.push(digits.slice(at, at + 3));
    at += 3;
  }
  if (at === 0) return digits;
  parts.push(digits.slice(at));
  return parts.join('_');
}

// The text of a number (without style); `separators` adds '_' groups.
function numberText(n, separators) {
  if (!separators) return n === 0 && 1 / n < 0 ? '-0' : `${n}`;
  const whole = Math.trunc(n);
  if (whole === n) {
    const s = `${whole}`;
    return Number.isFinite(n) && !s.includes('e') ? groupFromEnd(s) : s;
  }
  if (n !== n) return 'NaN';
  // Node splits the shortest round-trip text at its '.', even when it uses
  // exponent notation; the result for such numbers is kept as Node has it.
  const s = `${n}`;
  const dot = s.indexOf('.');
  return `${groupFromEnd(s.slice(0, dot))}.${groupFromStart(s.slice(dot + 1))}`;
}

function bigintText(n, separators) {
  const s = `${n}`;
  return `${separators ? groupFromEnd(s) : s}n`;
}

// Control sequences: CSI/OSC introducers (ESC or the C1 CSI), optional
// parameter bytes, then either an OSC-style string ended by BEL, ST or
// ESC-backslash, or a CSI final byte.
const kAnsi = (() => {
  const intro = '[\\u001B\\u009B][[\\]()#;?]*';
  const oscChars = '[-a-zA-Z\\d\\/\\#&.:=?%@~_]';
  const osc = `(?:(?:(?:;${oscChars}+)*|[a-zA-Z\\d]+(?:;${oscChars}*)*)?` +
    '(?:\\u0007|\\u001B\\u005C|\\u009C))';
  const csi = '(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~])';
  return new RegExp(`${intro}(?:${osc}|${csi})`, 'g');
})();

function stripAnsi(str) {
  return str.replace(kAnsi, '');
}

// Wide (two-column) code point ranges: East Asian Wide and Fullwidth blocks
// and the emoji blocks terminals draw double width. Pairs of [first, last].
const kWide = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec,
  0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe, 0x2614, 0x2615,
  0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1,
  0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce,
  0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5,
  0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755,
  0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf,
  0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x303e,
  0x3041, 0x3247, 0x3250, 0x4dbf, 0x4e00, 0xa4c6, 0xa960, 0xa97c,
  0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6b,
  0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe4, 0x17000, 0x18cd5,
  0x1b000, 0x1b2fb, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e,
  0x1f191, 0x1f19a, 0x1f200, 0x1f251, 0x1f300, 0x1f320, 0x1f32d, 0x1f335,
  0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3,
  0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4, 0x1f3f8, 0x1f43e, 0x1f440, 0x1f440,
  0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567,
  0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f,
  0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d7,
  0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb, 0x1f90c, 0x1f93a,
  0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1faff, 0x20000, 0x3fffd,
];

// Zero-width ranges: controls, combining marks, zero-width spaces/joiners,
// variation selectors.
const kZero = [
  0x0, 0x1f, 0x7f, 0x9f, 0x300, 0x36f, 0x200b, 0x200f, 0x20d0, 0x20ff,
  0xfe00, 0xfe0f, 0xfe20, 0xfe2f, 0xe0100, 0xe01ef,
];

function inRanges(table, cp) {
  for (let i = 0; i < table.length; i += 2) {
    if (cp < table[i]) return false;
    if (cp <= table[i + 1]) return true;
  }
  return false;
}

// Columns a string takes in a terminal. ASCII is counted directly; the rest
// is normalized first so that combining sequences count once.
function stringWidth(str, stripControls = true) {
  if (stripControls) str = stripAnsi(str);
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const unit = str.charCodeAt(i);
    if (unit >= 127) return width + wideWidth(str.slice(i).normalize('NFC'));
    if (unit >= 32) width++;
  }
  return width;
}

function wideWidth(str) {
  let width = 0;
  for (const ch of str) {
    const cp = ch.codePointAt(0);
    if (inRanges(kWide, cp)) {
      width += 2;
    } else if (!inRanges(kZero, cp)) {
      width++;
    }
  }
  return width;
}

module.exports = {
  bigintText,
  escapeKey,
  numberText,
  quote,
  stringWidth,
  stripAnsi,
};
