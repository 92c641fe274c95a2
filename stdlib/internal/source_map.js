'use strict';
// Stack traces of the app mapped to its original sources. V8 hands every
// error.stack to prepareStackTrace (formatted lazily, on first access); frames
// in the app's bundle are mapped through the bundle's source map, which is
// read from the payload and decoded only when a stack first needs it.
//
// The packer stores source paths relative to the entry's directory; they are
// shown under the directory of process.argv[1], as Node shows script paths.

const process = require('./process/object');
const path = require('../path');

const kBase64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const kDigit = new Int8Array(128).fill(-1);
for (let i = 0; i < kBase64.length; i++) kDigit[kBase64.charCodeAt(i)] = i;

// The script name the app was compiled under (set by prepareApp / runMain).
let appScriptName;
// undefined: not loaded yet; null: none or unusable.
let decoded;

function setAppScriptName(name) {
  appScriptName = name;
  decoded = undefined;
}

// The main entry's directory, where the sources appear (h-fork): a forked
// copy of a packed app that runs another bundled entry has that entry, not
// the main one, in process.argv[1].
let appDirectory;
function setAppDirectory(dir) {
  appDirectory = dir;
  decoded = undefined;
}

// Decodes the "mappings" field into, per generated line, a flat Int32Array
// of [generatedColumn, sourceIndex, sourceLine, sourceColumn] quadruples
// sorted by column (segments without a source are skipped).
function decodeMappings(mappings) {
  const lines = [];
  let current = [];
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let column = 0;
  const fields = [0, 0, 0, 0, 0];
  let i = 0;
  const n = mappings.length;
  while (i <= n) {
    const ch = i < n ? mappings.charCodeAt(i) : 59;  // end acts as ';'
    if (ch === 59 || ch === 44) {  // ';' or ','
      i++;
      if (ch === 59) {
        lines.push(Int32Array.from(current));
        current = [];
        column = 0;
      }
      continue;
    }
    let count = 0;
    while (i < n) {
      const c = mappings.charCodeAt(i);
      if (c === 44 || c === 59) break;
      let value = 0;
      let shift = 0;
      let digit;
      do {
        digit = kDigit[mappings.charCodeAt(i++)];
        if (digit === undefined || digit < 0) return null;
        value += (digit & 31) << shift;
        shift += 5;
      } while (digit & 32);
      fields[count++] = value & 1 ? -(value >>> 1) : value >>> 1;
      if (count > 5) return null;
    }
    column += fields[0];
    if (count >= 4) {
      source += fields[1];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      current.push(column, source, sourceLine, sourceColumn);
    }
  }
  return lines;
}

function load() {
  if (decoded !== undefined) return decoded;
  decoded = null;
  try {
    const text = internalBinding('module').getSourceMap();
    if (text === undefined) return null;
    const map = JSON.parse(text);
    if (map.version !== 3 || typeof map.mappings !== 'string' ||
        !Array.isArray(map.sources)) {
      return null;
    }
    const lines = decodeMappings(map.mappings);
    if (lines === null) return null;
    const dir = appDirectory !== undefined ? appDirectory :
      path.dirname(process.argv[1] || appScriptName);
    const root = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
    const sources = map.sources.map((s) => path.resolve(dir, root + s));
    decoded = { lines, sources };
  } catch {
    decoded = null;
  }
  return decoded;
}

// Maps a 1-based generated position to { source, line, column } (1-based).
function findOriginal(line, column) {
  const map = load();
  if (map === null || line < 1 || line > map.lines.length) return undefined;
  const segments = map.lines[line - 1];
  const col = column - 1;
  // The last segment starting at or before the column.
  let lo = 0;
  let hi = segments.length / 4 - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid * 4] <= col) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found === -1) return undefined;
  const source = map.sources[segments[found * 4 + 1]];
  if (source === undefined) return undefined;
  return {
    source,
    line: segments[found * 4 + 2] + 1,
    column: segments[found * 4 + 3] + 1,
  };
}

function formatSite(site) {
  const text = `${site}`;
  if (appScriptName === undefined || site.getFileName() !== appScriptName) {
    return text;
  }
  const line = site.getLineNumber();
  const column = site.getColumnNumber();
  const original = findOriginal(line, column);
  if (original === undefined) return text;
  const where = `${appScriptName}:${line}:${column}`;
  const at = text.lastIndexOf(where);
  if (at === -1) return text;
  return text.slice(0, at) +
    `${original.source}:${original.line}:${original.column}` +
    text.slice(at + where.length);
}

function errorHeader(error) {
  try {
    return Error.prototype.toString.call(error);
  } catch {
    return '<error>';
  }
}

// V8's PrepareStackTraceCallback. A user's Error.prepareStackTrace wins, as
// in Node.
function prepareStackTrace(error, sites) {
  const user = Error.prepareStackTrace;
  if (typeof user === 'function') return user(error, sites);
  let out = errorHeader(error);
  for (let i = 0; i < sites.length; i++) {
    let frame;
    try {
      frame = formatSite(sites[i]);
    } catch {
      frame = `${sites[i]}`;
    }
    out += `\n    at ${frame}`;
  }
  return out;
}

module.exports = {
  prepareStackTrace,
  setAppScriptName,
  setAppDirectory,
  findOriginal,
  decodeMappings,
};
