'use strict';
// scripts/restore-names.js rewrites esbuild's --keep-names calls in the
// stdlib image. Each case runs twice, as esbuild wrote it (with a real
// __name) and as rewritten (with a __name that counts its calls); the
// functions it makes must have the same names, and the rewrite must have
// dropped the calls it claims to drop.
const assert = require('assert');
const path = require('path');
const { restoreAllNames, tokenize } = require(path.join(__dirname, '../../scripts/restore-names.js'));

const realName = (target, value) =>
  Object.defineProperty(target, 'name', { value, configurable: true });

function names(value) {
  if (typeof value === 'function') return value.name;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, names(v)]));
}

function run(source, nameHelper) {
  // eslint-disable-next-line no-new-func
  return new Function('__name', `${source};return result()`)(nameHelper);
}

// [source defining result(), calls left after the rewrite]
const cases = [
  // A closure made per call: a named function expression.
  ['function result(){return __name(function(...a){return a},"boundToFrame")}', 0],
  // A declared function named again where it is used.
  ['function result(){function unpipe(){}return __name(unpipe,"unpipe"),unpipe}', 0],
  // An assignment and a declaration name an arrow.
  ['function result(){let h;h=__name(()=>1,"h");return h}', 0],
  ['function result(){const h=__name(async(a)=>{await a},"h");return h}', 0],
  // Object literal keys name what they hold.
  ['function result(){return {object:__name((v)=>v,"object"),b:__name(function(){},"b")}}', 0],
  // A class expression, with and without a base.
  ['function result(){return {a:__name(class{},"A"),b:__name(class extends Error{},"B")}}', 0],
  // Nested calls all go.
  ['function result(){return __name(function(){return __name(function(){},"inner")},"outer")()}', 0],
  // The body uses the name for an outer binding: a named expression would
  // shadow it, so the call stays.
  ['function result(){const foo=1;return __name(function(){return foo},"foo")}', 1],
  // A property access of the same name is no binding.
  ['function result(){return __name(function(t){return t.getMax},"getMax")}', 0],
  // An arrow in call position cannot take a name: the call stays.
  ['function result(){return __name(()=>1,"h")}', 1],
  // A renamed function keeps its call.
  ['function result(){function arch2(){}return __name(arch2,"arch"),arch2}', 1],
  // A member assignment does not name: the call stays.
  ['function result(){const o={};o.h=__name(()=>1,"h");return o.h}', 1],
  // A static `name` member is the class's name, which __name overrode.
  ['function result(){const o=__name(class{static name(){}},"o");return o}', 1],
  // A ternary branch is no property.
  ['function result(){const c=true;const object=0;return c?__name(()=>1,"object"):object}', 1],
  // Strings, templates and regular expressions that look like code.
  ['function result(){const r=/__name\\(x,"x"\\)}/;const s=`${"}"}__name(`;' +
   'return __name(function(){return [r,s,"__name(a,\\"a\\")"]},"q")}', 0],
];

for (const [source, left] of cases) {
  const rewritten = restoreAllNames(source);
  let calls = 0;
  const counting = (target, value) => {
    calls++;
    return realName(target, value);
  };
  const before = names(run(source, realName));
  const after = names(run(rewritten, counting));
  assert.deepStrictEqual(after, before, `names differ for ${source}\n  rewritten: ${rewritten}`);
  assert.strictEqual(calls, left, `__name calls left for ${source}\n  rewritten: ${rewritten}`);
}

// The rewritten text: an assignment to the same name needs no name of its
// own; one to another name gets the function its name.
assert.strictEqual(restoreAllNames('f=__name(function(a){return a},"f")'),
  'f=function(a){return a}');
assert.strictEqual(restoreAllNames('x=__name(function(a){return a},"f")'),
  'x=function f(a){return a}');
assert.strictEqual(restoreAllNames('g(__name(function(a){return a},"f"))'),
  'g(function f(a){return a})');

// The tokenizer keeps a regular expression whole after `(` and a division
// after `)`.
const code = 'f(/a\\/b/g);x=(a)/b/c';
const spans = tokenize(code).filter((t) => t.kind === 'other').map((t) => code.slice(t.start, t.end));
assert.deepStrictEqual(spans, ['/a\\/b/g']);

console.log('restore_names: ok');
