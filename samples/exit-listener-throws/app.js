// exit-listener-throws: an 'exit' listener throws after process.exitCode was
// set. Node reports the error on stderr and keeps the exit code (2); later
// 'exit' listeners do not run, and ticks queued during 'exit' never run.
'use strict';

process.exitCode = 2;
process.on('exit', (code) => {
  console.log(`exit event: ${code}`);
  process.nextTick(() => console.log('a tick queued during exit ran'));
  throw new Error('cleanup failed');
});
process.on('exit', () => console.log('second exit listener ran'));
console.log('main done');
