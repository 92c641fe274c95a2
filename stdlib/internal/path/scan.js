// Flavour-neutral path scanning: segment collapsing and last-segment lookup.
'use strict';

// Character codes the scanners compare against.
const kSlash = 47;
const kBackslash = 92;
const kDot = 46;

// Every routine here takes `sepCode`, the flavour's own separator. A forward
// slash always separates; on win32 the backslash does too, so a character is
// a separator when it is '/' or equals `sepCode` ('/' again on POSIX).

// Result of findLastSegment(), reused so the hot paths allocate nothing. It
// is filled and read synchronously, before any user code can run.
const kSegment = {
  // Index of the first character of the last segment (the floor if none).
  start: 0,
  // Index just past the last segment, or -1 when there is no segment.
  end: -1,
  // Whether a separator at or above the floor comes before the segment.
  afterSep: false,
};

// Locates the last segment of `path` at or after index `floor`, skipping
// trailing separators.
function findLastSegment(path, floor, sepCode) {
  let end = path.length;
  while (end > floor) {
    const code = path.charCodeAt(end - 1);
    if (code !== kSlash && code !== sepCode) break;
    end--;
  }
  if (end === floor) {
    kSegment.start = floor;
    kSegment.end = -1;
    kSegment.afterSep = false;
    return kSegment;
  }
  let start = end - 1;
  while (start > floor) {
    const code = path.charCodeAt(start - 1);
    if (code === kSlash || code === sepCode) break;
    start--;
  }
  kSegment.start = start;
  kSegment.end = end;
  kSegment.afterSep = start > floor;
  return kSegment;
}

// Where the extension of the segment [start, end) begins, or -1 when it has
// none. The extension runs from the last dot; a dot that opens the segment
// belongs to the name ('.bashrc'), and '..' has no extension unless
// `pairHasExt` is set (POSIX parse() quirk at the root, as Node does).
function extensionStart(path, start, end, pairHasExt) {
  const dot = path.lastIndexOf('.', end - 1);
  if (dot <= start) return -1;
  if (!pairHasExt && end - start === 2 && path.charCodeAt(start) === kDot) {
    return -1;
  }
  return dot;
}

// Checks whether path[from, to) needs no collapsing: no empty, '.' or '..'
// segment, and only the canonical separator. Most real paths pass, which
// lets normalize() and friends return a slice instead of rebuilding.
function isCollapsed(path, from, to, sepCode) {
  let segStart = from;
  for (let i = from; i <= to; i++) {
    const code = i === to ? sepCode : path.charCodeAt(i);
    if (code !== kSlash && code !== sepCode) continue;
    if (code !== sepCode) return false;
    const size = i - segStart;
    if (size === 0) return false;
    if (size <= 2 && path.charCodeAt(segStart) === kDot &&
        (size === 1 || path.charCodeAt(segStart + 1) === kDot)) {
      return false;
    }
    segStart = i + 1;
  }
  return true;
}

// Resolves '.' and '..' in path[from..] (the part after any root) and
// returns the segments joined by `sep`, with no leading or trailing
// separator. A '..' that would climb above the start is kept when
// `keepAbove` is set (relative paths) and dropped otherwise (rooted ones).
function collapse(path, from, keepAbove, sepCode, sep) {
  let to = path.length;
  while (to > from) {
    const code = path.charCodeAt(to - 1);
    if (code !== kSlash && code !== sepCode) break;
    to--;
  }
  if (to === from) return '';
  if (isCollapsed(path, from, to, sepCode)) {
    return from === 0 && to === path.length ? path : path.slice(from, to);
  }

  const kept = [];
  let segStart = from;
  for (let i = from; i <= to; i++) {
    const code = i === to ? kSlash : path.charCodeAt(i);
    if (code !== kSlash && code !== sepCode) continue;
    const size = i - segStart;
    const first = path.charCodeAt(segStart);
    if (size === 0 || (size === 1 && first === kDot)) {
      // Empty and '.' segments vanish.
    } else if (size === 2 && first === kDot &&
               path.charCodeAt(segStart + 1) === kDot) {
      if (kept.length > 0 && kept[kept.length - 1] !== '..') {
        kept.pop();
      } else if (keepAbove) {
        kept.push('..');
      }
    } else {
      kept.push(path.slice(segStart, i));
    }
    segStart = i + 1;
  }
  return kept.join(sep);
}

module.exports = {
  kSlash,
  kBackslash,
  collapse,
  extensionStart,
  findLastSegment,
};
