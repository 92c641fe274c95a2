// An app that does its initialization at pack time (jspack --build-snapshot,
// or node --build-snapshot): it reads a data file and builds a table, then
// each start only runs its main function with the table already in memory.
'use strict';
const fs = require('fs');
const path = require('path');
const { startupSnapshot } = require('v8');

function show(label, fn) {
  try {
    fn();
    console.log(label, 'ok');
  } catch (err) {
    console.log(label, err.name, err.code, err.message);
  }
}

if (!startupSnapshot.isBuildingSnapshot()) {
  console.log('not building a snapshot: pack with --build-snapshot');
  process.exit(2);
}

console.log('build: reading fruit.txt');
const table = new Map();
for (const line of fs.readFileSync(path.join(__dirname, 'fruit.txt'), 'utf8')
  .split('\n')) {
  if (line === '') continue;
  const [name, count] = line.split(' ');
  table.set(name, Number(count));
}
const state = { total: 0, serialized: false, deserialized: [] };
for (const count of table.values()) state.total += count;
console.log('build: table has', table.size, 'rows, total', state.total);

// The build's own event loop runs until it is empty.
setTimeout(() => {
  state.timerAtBuild = 'fired';
  console.log('build: timer fired');
}, 5);
Promise.resolve().then(() => console.log('build: microtask'));
process.once('beforeExit', () => console.log('build: beforeExit'));

show('build: addSerializeCallback(42)',
     () => startupSnapshot.addSerializeCallback(42));
show('build: setDeserializeMainFunction({})',
     () => startupSnapshot.setDeserializeMainFunction({}));

startupSnapshot.addSerializeCallback((data) => {
  state.serialized = data;
  fs.writeSync(1, `build: serialize callback, data ${JSON.stringify(data)}\n`);
}, { step: 'serialize' });
startupSnapshot.addDeserializeCallback((data) => {
  state.deserialized.push(data);
}, 'first');
startupSnapshot.addDeserializeCallback((data) => {
  state.deserialized.push(data);
}, 'second');

startupSnapshot.setDeserializeMainFunction((data) => {
  console.log('run: main, data', data);
  console.log('run: building?', Boolean(startupSnapshot.isBuildingSnapshot()));
  console.log('run: table', Object.fromEntries(table), 'total', state.total);
  console.log('run: serialized', state.serialized, 'timer', state.timerAtBuild);
  console.log('run: deserialize callbacks', state.deserialized);
  console.log('run: args', process.argv.slice(2));
  console.log('run: env SNAPSHOT_GREETING', process.env.SNAPSHOT_GREETING);
  show('run: addSerializeCallback', () =>
    startupSnapshot.addSerializeCallback(() => {}));
  show('run: addDeserializeCallback', () =>
    startupSnapshot.addDeserializeCallback(() => {}));
  show('run: setDeserializeMainFunction', () =>
    startupSnapshot.setDeserializeMainFunction(() => {}));
  setTimeout(() => {
    const wanted = process.argv[2];
    console.log('run: timer, count of', wanted, 'is', table.get(wanted));
    process.exitCode = table.has(wanted) ? 0 : 3;
  }, 10);
  Promise.resolve().then(() => console.log('run: microtask'));
}, { main: true });

show('build: setDeserializeMainFunction again',
     () => startupSnapshot.setDeserializeMainFunction(() => {}));
console.log('build: end of the main script');
