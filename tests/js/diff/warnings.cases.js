// Differential corpus: the stdlib's own warnings go through
// process.emitWarning as it is when they are raised, so an app or test tool
// that replaces it sees every one of them, with Node's arguments.
'use strict';

const EventEmitter = require('events');
const util = require('util');

const seen = [];
const original = process.emitWarning;
process.emitWarning = (warning, ...rest) => {
  const shown = typeof warning === 'string' ? warning : {
    ctor: warning.constructor.name, name: warning.name,
    message: warning.message, keys: Object.keys(warning),
  };
  seen.push([shown, ...rest.map((a) => (typeof a === 'function' ? 'fn' : a))]);
};
function raise(label, fn) {
  seen.length = 0;
  fn();
  console.log(JSON.stringify([label, util.inspect(seen, { depth: 4 })]));
}

raise('EventEmitter leak', () => {
  const emitter = new EventEmitter();
  for (let i = 0; i < 11; i++) emitter.on('x', () => {});
});
raise('EventTarget leak', () => {
  const target = new EventTarget();
  for (let i = 0; i < 11; i++) target.addEventListener('y', () => {});
});
raise('addEventListener null', () => {
  new EventTarget().addEventListener('z', null);
});
raise('timeout overflow', () => clearTimeout(setTimeout(() => {}, 2 ** 40)));
raise('console.countReset', () => console.countReset('nope'));
raise('console.timeEnd', () => console.timeEnd('nope'));
raise('deprecate with code', () => util.deprecate(() => {}, 'old', 'DEP_X')());
raise('deprecate without code', () => util.deprecate(() => {}, 'older')());
process.emitWarning = original;
