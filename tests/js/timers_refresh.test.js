'use strict';
// Timeout#refresh, as in Node v20 (this script passes under node): a
// refreshed timer goes after the timers of the same delay made before the
// refresh, a timer refreshed many times fires once, a refreshed then
// cleared timer never fires, and one refreshed from its own callback fires
// again.
const assert = require('assert');

const order = [];
const a = setTimeout(() => order.push('a'), 5);
const b = setTimeout(() => order.push('b'), 5);
a.refresh();
const c = setTimeout(() => order.push('c'), 5);
for (let i = 0; i < 1000; i++) c.refresh();
const d = setTimeout(() => order.push('d'), 5);
d.refresh();
clearTimeout(d);
let again = 0;
const e = setTimeout(() => {
  order.push(`e${again}`);
  if (again++ === 0) e.refresh();
}, 1);

process.on('exit', () => {
  assert.deepStrictEqual(order.filter((x) => x[0] !== 'e'), ['b', 'a', 'c']);
  assert.deepStrictEqual(order.filter((x) => x[0] === 'e'), ['e0', 'e1']);
  console.log('ok');
});
