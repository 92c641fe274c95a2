// The forked child: its own argv and module identity, then an IPC round trip.
'use strict';
const { describe } = require('./lib/shared');

console.log(describe('child', __filename));
console.log('child argv:', JSON.stringify(process.argv.slice(2)));
console.log('child is main module:', require.main === module);
console.log('child sees the marker:', Object.keys(process.env).some((k) => k.startsWith('JSPACK_FORK')));
process.on('message', (message) => {
  process.send({ squared: message.square * message.square });
  process.disconnect();
});
process.send({ ready: true, pid: typeof process.pid });
