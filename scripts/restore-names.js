'use strict';
// Turns the __name(fn, "name") calls of esbuild's --keep-names back into
// plain names where the language names the function by itself, for the
// stdlib image (scripts/stdlib-image.js).
//
// Each __name call is an Object.defineProperty on the function. For a
// function made once, at module load, that is only bytes. For one made per
// call (a closure returned from a function, a callback made per pipe()) it
// runs every time, and V8 turns each such function into a slow-mode object
// (its map has no back pointer, so it normalizes: "AttributesMismatchProtoMap"
// in --log-maps). esbuild's --minify-syntax drops the name of a function
// expression whose body does not use it and lets __name restore it, so
// `return function bound() {}` becomes `return __name(function(){},"bound")`.
//
// Rewrites, all of which name the function the same way __name did:
//   __name(f,"f")                   -> f        (f is a declared function)
//   __name(function(...){...},"n")  -> function n(...){...}
//   __name(class{...},"n")          -> class n{...}
//   n=__name(<arrow or anonymous function/class>,"n") -> n=<it>
//   {n:__name(<the same>,"n")}      -> {n:<it>}
//                                     (the assignment or property names it)
// A function or class gets its name inside only when nothing in it spells
// `n`, so that the new inner binding cannot shadow an outer one. A call that
// fits none of these stays.

const kKeywordsBeforeExpression = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case',
  'do', 'else', 'yield', 'await',
]);

// The tokens of `code` that matter here, each as { kind, start, end }:
// identifiers and keywords ('name'), punctuators ('punct'), and numbers,
// strings, templates and regular expressions ('other'). Comments are skipped.
function tokenize(code) {
  const tokens = [];
  // Open template literals: the brace depth at which each `${` began.
  const templates = [];
  let depth = 0;
  let i = 0;
  const n = code.length;
  const push = (kind, start, end) => tokens.push({ kind, start, end });
  const lastSignificant = () => tokens.length === 0 ? null : tokens[tokens.length - 1];

  // From just after an opening backquote or a `}` that closes a `${`: to the
  // closing backquote (returns the index after it) or to a `${` (pushes it).
  const templateChunk = (from) => {
    let j = from;
    while (j < n) {
      const c = code[j];
      if (c === '\\') {
        j += 2;
      } else if (c === '`') {
        return j + 1;
      } else if (c === '$' && code[j + 1] === '{') {
        templates.push(depth);
        depth++;
        return -(j + 2);
      } else {
        j++;
      }
    }
    throw new Error('unterminated template literal');
  };

  while (i < n) {
    const c = code[i];
    if (c === ' ' || c === '\n' || c === '\t' || c === '\r') {
      i++;
    } else if (/[A-Za-z_$\\]/.test(c) || c.charCodeAt(0) > 0x7f) {
      let j = i + 1;
      while (j < n && (/[\w$\\]/.test(code[j]) || code.charCodeAt(j) > 0x7f)) j++;
      push('name', i, j);
      i = j;
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] || ''))) {
      let j = i + 1;
      while (j < n && /[\w.]/.test(code[j])) j++;
      push('other', i, j);
      i = j;
    } else if (c === '"' || c === '\'') {
      let j = i + 1;
      while (j < n && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      push('other', i, j + 1);
      i = j + 1;
    } else if (c === '`') {
      const end = templateChunk(i + 1);
      push('other', i, Math.abs(end));
      i = Math.abs(end);
    } else if (c === '/' && code[i + 1] === '*') {
      const j = code.indexOf('*/', i + 2);
      if (j < 0) throw new Error('unterminated comment');
      i = j + 2;
    } else if (c === '/' && code[i + 1] === '/') {
      const j = code.indexOf('\n', i);
      i = j < 0 ? n : j + 1;
    } else if (c === '/' && startsRegExp(code, lastSignificant())) {
      let j = i + 1;
      let inClass = false;
      while (j < n) {
        const d = code[j];
        if (d === '\\') j += 2;
        else if (d === '[') { inClass = true; j++; }
        else if (d === ']') { inClass = false; j++; }
        else if (d === '/' && !inClass) break;
        else j++;
      }
      j++;
      while (j < n && /[a-z]/.test(code[j])) j++;
      push('other', i, j);
      i = j;
    } else if (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth - 1) {
      // The end of a `${...}`: the template goes on.
      templates.pop();
      depth--;
      const end = templateChunk(i + 1);
      push('other', i, Math.abs(end));
      i = Math.abs(end);
    } else {
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      push('punct', i, i + 1);
      i++;
    }
  }
  return tokens;
}

// Whether a `/` after `prev` (a token, or null at the start) begins a
// regular expression rather than a division.
function startsRegExp(code, prev) {
  if (prev === null) return true;
  const text = code.slice(prev.start, prev.end);
  if (prev.kind === 'name') return kKeywordsBeforeExpression.has(text);
  if (prev.kind === 'other') return false;
  return !(text === ')' || text === ']' || text === '}');
}

// The index (into tokens) of the bracket that closes the one at `open`.
function closing(code, tokens, open) {
  let depth = 0;
  for (let k = open; k < tokens.length; k++) {
    if (tokens[k].kind !== 'punct') continue;
    const c = code[tokens[k].start];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

const text = (code, t) => code.slice(t.start, t.end);
const isPunct = (code, t, c) => t !== undefined && t.kind === 'punct' && code[t.start] === c;
const isName = (code, t, s) => t !== undefined && t.kind === 'name' && text(code, t) === s;

// Whether tokens [from, to) are one arrow function, or one anonymous
// function or class expression.
function anonymousFunction(code, tokens, from, to) {
  let k = from;
  if (isName(code, tokens[k], 'async') && k + 1 < to) k++;
  if (isName(code, tokens[k], 'function')) {
    k++;
    if (isPunct(code, tokens[k], '*')) k++;
    return isPunct(code, tokens[k], '(');
  }
  if (k === from && isName(code, tokens[k], 'class')) {
    return isPunct(code, tokens[k + 1], '{') || isName(code, tokens[k + 1], 'extends');
  }
  let end;
  if (isPunct(code, tokens[k], '(')) end = closing(code, tokens, k);
  else if (tokens[k] !== undefined && tokens[k].kind === 'name') end = k;
  else return false;
  return end > 0 && end + 2 < to && isPunct(code, tokens[end + 1], '=') &&
    code[tokens[end + 1].end] === '>';
}

// A class with a static `name` member keeps that member as its name; __name
// overrode it, a class name would not.
function staticName(code, tokens, from, to) {
  for (let k = from; k + 1 < to; k++) {
    if (isName(code, tokens[k], 'static') && isName(code, tokens[k + 1], 'name')) return true;
  }
  return false;
}

// Whether tokens [from, to) refer to `name`: a property access (`.name`,
// not a spread `...name`) does not.
function mentions(code, tokens, from, to, name) {
  for (let k = from; k < to; k++) {
    if (!isName(code, tokens[k], name)) continue;
    const dot = isPunct(code, tokens[k - 1], '.') && tokens[k - 1].end === tokens[k].start;
    const spread = dot && isPunct(code, tokens[k - 2], '.') && isPunct(code, tokens[k - 3], '.');
    if (!dot || spread) return true;
  }
  return false;
}

// `code` with the __name calls it can do without rewritten (see the top).
function restoreNames(code) {
  const tokens = tokenize(code);
  const edits = [];
  for (let k = 0; k < tokens.length; k++) {
    if (!isName(code, tokens[k], '__name') || !isPunct(code, tokens[k + 1], '(')) continue;
    if (k > 0 && isPunct(code, tokens[k - 1], '.')) continue;
    const open = k + 1;
    const close = closing(code, tokens, open);
    if (close < 0) continue;
    // The last argument: a string literal, right before the `)`.
    const nameTok = tokens[close - 1];
    const comma = tokens[close - 2];
    if (nameTok.kind !== 'other' || code[nameTok.start] !== '"' || !isPunct(code, comma, ',')) continue;
    const name = code.slice(nameTok.start + 1, nameTok.end - 1);
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) continue;
    // The first argument must end at that comma: no other top-level comma.
    let top = -1;
    for (let j = open + 1, d = 0; j < close; j++) {
      const t = tokens[j];
      if (t.kind !== 'punct') continue;
      const c = code[t.start];
      if (c === '(' || c === '[' || c === '{') d++;
      else if (c === ')' || c === ']' || c === '}') d--;
      else if (c === ',' && d === 0) { top = j; break; }
    }
    if (top !== close - 2) continue;
    const first = open + 1;
    const last = close - 2;  // exclusive
    const argStart = tokens[first].start;
    const argEnd = tokens[last - 1].end;
    const arg = code.slice(argStart, argEnd);
    const replace = (withText) => {
      edits.push({ start: tokens[k].start, end: tokens[close].end, text: withText });
      k = close;
    };
    if (last - first === 1 && arg === name) {
      replace(name);
      continue;
    }
    // `n=__name(...)`: the assignment or declaration names it.
    const eq = tokens[k - 1];
    const target = tokens[k - 2];
    const before = tokens[k - 3];
    if (isPunct(code, eq, '=') && isName(code, target, name) && target.end === eq.start &&
        !(before !== undefined && before.kind === 'punct' && (code[before.start] === '.' ||
          code[before.start] === '#')) && anonymousFunction(code, tokens, first, last) &&
        !staticName(code, tokens, first, last)) {
      replace(arg);
      continue;
    }
    // `{n:__name(...)}` or `,n:__name(...)`: the property names it.
    if (isPunct(code, eq, ':') && isName(code, target, name) && target.end === eq.start &&
        (isPunct(code, before, '{') || isPunct(code, before, ',')) &&
        anonymousFunction(code, tokens, first, last) && !staticName(code, tokens, first, last)) {
      replace(arg);
      continue;
    }
    if (mentions(code, tokens, first, last, name)) continue;
    let m = first;
    if (isName(code, tokens[m], 'async')) m++;
    if (isName(code, tokens[m], 'function')) {
      let at = m + 1;
      if (isPunct(code, tokens[at], '*')) at++;
      if (!isPunct(code, tokens[at], '(')) continue;
      const head = code.slice(argStart, tokens[at].start);
      replace(`${head.trimEnd()} ${name}${code.slice(tokens[at].start, argEnd)}`);
    } else if (m === first && isName(code, tokens[m], 'class') &&
               (isPunct(code, tokens[m + 1], '{') || isName(code, tokens[m + 1], 'extends')) &&
               !staticName(code, tokens, first, last)) {
      replace(`class ${name}${tokens[m + 1].kind === 'name' ? ' ' : ''}${code.slice(tokens[m + 1].start, argEnd)}`);
    }
  }
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += code.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + code.slice(at);
}

// restoreNames until nothing changes: a rewritten call can hold others.
function restoreAllNames(code) {
  for (let pass = 0; pass < 16; pass++) {
    const next = restoreNames(code);
    if (next === code) return code;
    code = next;
  }
  return code;
}

module.exports = { restoreAllNames, restoreNames, tokenize };
