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

// Terminal column widths of code points from U+007F up, as Node 20 (ICU)
// measures them: the ranges of zero-width and of double-width code points;
// everything else takes one column. Each range is written as two base-36
// numbers "gap.extent": the gap from the end of the previous range and the
// range's size minus one. The tables were taken by measuring Node 20's
// width of every code point.
const kZeroRanges =
  '3j.w gw.33 7n.6 7b.18 1.0 1.1 1.1 1.0 1k.5 a.a 1.0 1a.k g.0 2t.7 1.5 2.1 ' +
  '1.3 x.0 1.0 u.q 2j.a 1m.8 9.0 o.3 1.8 1.2 1.4 17.2 1g.1 5.8 16.1k 1j.0 1.0 ' +
  '4.7 4.0 3.6 a.1 t.0 1m.0 4.3 8.0 k.1 q.0 2.1 1l.0 4.1 4.1 2.2 3.0 u.1 3.0 ' +
  'b.1 1l.0 4.4 1.1 4.0 k.1 m.5 1.0 1m.0 2.0 1.3 8.0 7.1 b.1 u.0 1p.0 c.0 ' +
  '1e.0 3.0 1j.0 1.2 5.2 1.3 7.1 b.1 t.0 1m.0 2.0 6.0 5.1 k.1 s.1 1l.1 4.3 ' +
  '8.0 k.1 t.0 20.0 7.2 1.0 2i.0 2.6 c.7 2q.0 2.8 b.6 21.1 r.0 1.0 1.0 1j.d ' +
  '1.4 1.1 5.a 1.z 9.0 2u.3 1.5 1.1 2.1 p.1 4.2 g.3 d.0 2.1 6.0 f.0 jj.2 qa.2 ' +
  't.1 u.1 u.1 1s.1 1.6 8.0 2.a 9.0 19.4 39.1 y.0 3a.2 4.1 9.0 6.2 63.1 2.0 ' +
  '1m.0 1.6 1.0 1.0 2.7 6.9 2.0 1c.19 2.b k.3 1c.0 1.4 1.0 5.0 14.8 c.1 w.3 ' +
  '2.1 1.2 1k.0 1.1 3.0 1.2 1m.7 2.1 48.2 1.c 1.6 4.0 6.0 3.1 5i.1r ej.4 q.4 ' +
  '1d.4 1.9 2o.w 2da.2 3x.0 2o.v nsf.3 1.9 w.1 28.1 7k.0 3.0 4.0 p.1 5.0 47.1 ' +
  'q.h d.0 12.7 p.a 1a.2 1c.0 2.3 2.1 13.0 1v.5 2.1 2.1 c.0 8.0 1b.0 1f.0 1.2 ' +
  '2.1 5.1 1.0 16.1 8.0 6m.0 2.0 4.0 fn4.0 kh.f g.f 5r.0 6x.2 e9.0 6a.0 45.4 ' +
  '1ae.2 1.1 5.3 14.2 4.0 4l.1 fx.3 1t.4 8t.1 25.5 1y.a 1d.3 3f.0 1i.e 15.0 ' +
  '2.1 a.2 1d.3 2.1 2.0 4.0 a.0 1e.2 10.4 1.7 1q.0 c.1 1g.8 a.3 2.0 2n.2 2.0 ' +
  '1.1 6.0 2.0 4d.0 3.7 l.1 1l.1 3.0 11.6 3.4 1y.5 d.0 1.0 1.0 e.1 2d.7 2.2 ' +
  '1.0 n.0 2c.5 1.0 4.1 1.1 6m.3 6.1 1.1 r.1 2d.7 2.0 1.1 2y.0 1.0 2.5 1.0 ' +
  '2t.0 1.0 2.3 1.4 77.8 1.1 74.1 1.0 4.0 40.3 2.1 4.0 w.9 14.5 2.3 8.0 9.5 ' +
  '2.2 1a.c 1.1 5i.0 1.2 1.0 5l.6 1.5 1.0 2a.l 2.6 1.1 1.1 3e.5 3.0 1.1 1.6 ' +
  '1.0 20.1 3.0 1.0 9n.1 b.1 1g.4 5.0 1.0 n.0 445.g 6.e 8ug.b 3.2 1xc.4 1n.6 ' +
  't4.0 1r.3 f7u.1 1.3 3mk.19 2.m f4.2 9.f 2.6 u.3 44.2 1iz.1i 4.1d 8.0 e.0 ' +
  'm.4 1.e 11s.6 1.g 2.6 1.1 1.4 2s.0 4g.6 af.0 1p.3 e4.3 72.1 6r.0 2.0 7.1 ' +
  '5.0 d6.6 31.6 gzau.0 u.2n 3k.6n';
const kWideRanges =
  '3cw.2n 3i2.1 d.1 5a.3 3.0 2.0 eh.1 l.1 q.7 g.b 17.0 a.5 3.0 d.0 8.1 h.1 ' +
  '5.1 8.0 5.0 l.0 7.1 1.0 4.0 2.0 7.0 4.1 s.0 z.0 1.0 4.2 1.0 1p.2 o.0 e.0 ' +
  'nv.1 1f.0 4.0 mi.p 1.2g c.5x q.26 2.2d 2.2u 5.16 1.2l 1.2d 9.1b 1.13 8.mkc ' +
  '3.1i wp.s hv.8mb 6l8.e7 ls.9 m.y 1.i 1.3 45.2n 3j.6 m49.4 b.6 9.5p1 15.v ' +
  '2p.36 6pp.3 1.6 1.1 1.82 f.0 t.2 2.0 e.3 8.az 602.1 2j.1 8z.2e 9.m 5n1.0 ' +
  '5m.0 5a.0 2.9 23.s d.17 4.8 7.1 e.5 4a.w c.8 1.1x 1.l c.16 4.4 c.g 3.0 ' +
  '3.1y 1.0 1.56 2.1q d.3 1.n i.0 q.1 d.0 2e.2c 1c.1x 6.0 3.2 2.3 3.3 b.1 7.8 ' +
  '6b.b 4.0 7v.1a 1.9 1.54 34.c 3.a 3.1k 1.0 4.f 2.b 4.9 zr.1ekd 2.1ekd';

// Decoded on first use into one sorted array of [start, end, width] rows.
let widthRows;
function decodeWidths() {
  const rows = [];
  for (const [text, width] of [[kZeroRanges, 0], [kWideRanges, 2]]) {
    let at = 0;
    for (const token of text.split(' ')) {
      const dot = token.indexOf('.');
      const start = at + parseInt(token.slice(0, dot), 36);
      const end = start + parseInt(token.slice(dot + 1), 36);
      rows.push([start, end, width]);
      at = end + 1;
    }
  }
  rows.sort((x, y) => x[0] - y[0]);
  widthRows = rows;
}

function codePointWidth(cp) {
  if (cp < 0x7f) return cp < 0x20 ? 0 : 1;
  if (widthRows === undefined) decodeWidths();
  let lo = 0;
  let hi = widthRows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const row = widthRows[mid];
    if (cp < row[0]) {
      hi = mid - 1;
    } else if (cp > row[1]) {
      lo = mid + 1;
    } else {
      return row[2];
    }
  }
  return 1;
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
  for (const ch of str) width += codePointWidth(ch.codePointAt(0));
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
