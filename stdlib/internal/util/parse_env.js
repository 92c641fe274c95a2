'use strict';
// util.parseEnv: the contents of a .env file as an object, following the
// rules Node 20 applies (observed behaviour, quirks included: keys may span
// lines, only spaces are trimmed, a trailing comment line without a newline
// is read as a key).

const { validateString } = require('../validators');

const kQuotes = '"\'`';

function trimSpaces(text) {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === ' ') ++start;
  while (end > start && text[end - 1] === ' ') --end;
  return text.slice(start, end);
}

// Reads one value starting at `at` (just after the '='). Returns the value
// (undefined: drop the pair and stop) and where the next pair starts.
function readValue(text, at) {
  let pos = at;
  while (pos < text.length && text[pos] === ' ') ++pos;
  const lineEnd = text.indexOf('\n', pos);
  const afterLine = lineEnd === -1 ? text.length : lineEnd + 1;
  const quote = text[pos];
  if (quote !== undefined && kQuotes.includes(quote)) {
    const closing = text.indexOf(quote, pos + 1);
    if (closing !== -1) {
      let value = text.slice(pos + 1, closing);
      if (quote === '"') value = value.replace(/\\n/g, '\n');
      // Anything after the closing quote, up to the end of its line, is
      // ignored.
      const next = text.indexOf('\n', closing + 1);
      return { value, next: next === -1 ? text.length : next + 1 };
    }
    // An unclosed quote makes the rest of the line the value, quote and
    // all; at the end of the text it makes nothing.
    if (lineEnd === -1) return { value: undefined, next: text.length };
    return { value: text.slice(pos, lineEnd), next: afterLine };
  }
  let value = text.slice(pos, lineEnd === -1 ? text.length : lineEnd);
  const hash = value.indexOf('#');
  if (hash !== -1) value = value.slice(0, hash);
  return { value: trimSpaces(value), next: afterLine };
}

function parseEnv(content) {
  validateString(content, 'content');
  const text = content.replace(/\r/g, '').replace(/^ +/, '');
  const found = new Map();
  let pos = 0;
  while (pos < text.length) {
    const lineEnd = text.indexOf('\n', pos);
    // Blank lines and comment lines are skipped when a newline ends them.
    if ((text[pos] === '\n' || text[pos] === '#') && lineEnd !== -1) {
      pos = lineEnd + 1;
      continue;
    }
    const equals = text.indexOf('=', pos);
    if (equals === -1) break;
    const raw = text.slice(pos, equals);
    let key = trimSpaces(raw);
    // Node's quirk: a line of spaces before the '=', just after a newline,
    // makes the key "\n". Any other empty key ends the parse.
    if (key.length === 0 && raw.length > 0 && text[pos - 1] === '\n') {
      key = '\n';
    }
    if (key.length === 0) break;
    if (key.startsWith('export ')) key = key.slice(7);
    const { value, next } = readValue(text, equals + 1);
    if (value === undefined) break;
    found.set(key, value);
    pos = next;
  }
  // Node hands the pairs over sorted by key (byte order).
  const result = {};
  const keys = [...found.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const key of keys) result[key] = found.get(key);
  return result;
}

module.exports = { parseEnv };
