// util.inspect line fitting: entries on one line when they fit, else one per line or in columns.
'use strict';

const { stringWidth, stripAnsi } = require('./text');

const kListed = 1;
// Entries of a listed shape are put into columns only past this many.
const kColumnsAfter = 6;
// Each entry in a list costs its text plus ", ".
const kSeparator = 2;

// Whether `parts` (plus `extra` columns of overhead) fits in breakLength.
// A head that spans lines never fits.
function fitsOnOneLine(walk, parts, extra, head) {
  const limit = walk.breakLength;
  let total = parts.length + extra;
  if (total + parts.length > limit) return false;
  for (const p of parts) {
    total += walk.colors ? stripAnsi(p).length : p.length;
    if (total > limit) return false;
  }
  return head === '' || !head.includes('\n');
}

// Joins the entries of one object. `level` is the nesting level of the
// entries, compared with the deepest level rendered so far to decide how
// many nested levels may share one line (the numeric `compact` option).
function foldEntries(walk, parts, head, open, close, mode, level, value) {
  const compact = walk.compact;
  if (compact === true) return foldCompact(walk, parts, head, open, close);
  const lead = head === '' ? '' : `${head} `;
  if (typeof compact === 'number' && compact >= 1) {
    const count = parts.length;
    if (mode === kListed && count > kColumnsAfter) parts = intoColumns(walk, parts, value);
    if (walk.deepest - level < compact && count === parts.length) {
      const overhead = parts.length + walk.indent + open.length + head.length + 10;
      if (fitsOnOneLine(walk, parts, overhead, head)) {
        const line = parts.join(', ');
        if (!line.includes('\n')) return `${lead}${open} ${line} ${close}`;
      }
    }
  }
  const nl = `\n${' '.repeat(walk.indent)}`;
  return `${lead}${open}${nl}  ${parts.join(`,${nl}  `)}${nl}${close}`;
}

// compact: true keeps the opening brace on the first line and the closing
// one after the last entry.
function foldCompact(walk, parts, head, open, close) {
  const headText = head === '' ? '' : ` ${head}`;
  if (fitsOnOneLine(walk, parts, 0, head)) {
    return `${open}${headText} ${parts.join(', ')} ${close}`;
  }
  const pad = ' '.repeat(walk.indent);
  const first = head === '' && open.length === 1 ? ' ' : `${headText}\n${pad}  `;
  return `${open}${first}${parts.join(`,\n${pad}  `)} ${close}`;
}

// Packs many short entries into rows of aligned columns. The column count
// grows with the square root of the entry count (about 2.5 rows per column
// of text look square), bounded by the line width, compact * 4 and 16.
function intoColumns(walk, parts, value) {
  // A trailing "... more items" entry is kept out of the grid.
  const cells = walk.maxArrayLength < parts.length ? parts.length - 1 : parts.length;
  const widths = new Array(cells);
  let sum = 0;
  let widest = 0;
  for (let i = 0; i < cells; i++) {
    const w = stringWidth(parts[i], walk.colors);
    widths[i] = w;
    sum += w + kSeparator;
    if (w > widest) widest = w;
  }
  const slot = widest + kSeparator;
  if (slot * 3 + walk.indent >= walk.breakLength) return parts;
  if (!(sum / slot > 5 || widest <= 6)) return parts;

  const bias = Math.sqrt(slot - sum / parts.length);
  const biased = Math.max(slot - 3 - bias, 1);
  const columns = Math.min(
    Math.round(Math.sqrt(2.5 * biased * cells) / biased),
    Math.floor((walk.breakLength - walk.indent) / slot),
    walk.compact * 4,
    15,
  );
  if (columns <= 1) return parts;

  const columnWidth = [];
  for (let c = 0; c < columns; c++) {
    let w = 0;
    for (let j = c; j < cells; j += columns) {
      if (widths[j] > w) w = widths[j];
    }
    columnWidth.push(w + kSeparator);
  }
  // Numbers line up on the right, anything else on the left.
  let numeric = true;
  if (value !== undefined) {
    for (let i = 0; i < parts.length; i++) {
      const t = typeof value[i];
      if (t !== 'number' && t !== 'bigint') {
        numeric = false;
        break;
      }
    }
  }
  const rows = [];
  for (let start = 0; start < cells; start += columns) {
    const end = Math.min(start + columns, cells);
    let row = '';
    for (let j = start; j < end; j++) {
      // Invisible colour codes do not take columns: pad by visible width.
      const room = columnWidth[j - start] + parts[j].length - widths[j];
      if (j < end - 1) {
        const cell = `${parts[j]}, `;
        row += numeric ? cell.padStart(room) : cell.padEnd(room);
      } else {
        row += numeric ? parts[j].padStart(room - kSeparator) : parts[j];
      }
    }
    rows.push(row);
  }
  if (cells < parts.length) rows.push(parts[cells]);
  return rows;
}

module.exports = { foldEntries };
