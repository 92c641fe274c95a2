// A packed app that runs itself in worker threads: new Worker(__filename)
// starts the app again in a thread (from the app snapshot when there is
// one), with workerData, a transferred port and an error.
'use strict';
const {
  Worker, MessageChannel, isMainThread, parentPort, workerData,
} = require('worker_threads');

function startWorker(data, transferList) {
  return new Promise((resolve) => {
    const worker = new Worker(__filename, { workerData: data, transferList });
    const seen = [];
    worker.on('message', (m) => seen.push(m));
    worker.on('error', (err) => seen.push(`error ${err.name}: ${err.message}`));
    worker.on('exit', (code) => resolve({ seen, code }));
  });
}

async function main() {
  console.log('main: start');
  const square = await startWorker({ task: 'square', n: 12 });
  console.log(`square: ${JSON.stringify(square)}`);
  const { port1, port2 } = new MessageChannel();
  port1.on('message', (m) => {
    console.log(`port: ${m}`);
    port1.close();
  });
  const viaPort = await startWorker({ task: 'port', port: port2 }, [port2]);
  console.log(`port worker exit ${viaPort.code}`);
  const failing = await startWorker({ task: 'throw' });
  console.log(`throw: ${JSON.stringify(failing)}`);
  const exiting = await startWorker({ task: 'exit' });
  console.log(`exit: ${JSON.stringify(exiting)}`);
}

function worker() {
  switch (workerData.task) {
    case 'square':
      parentPort.postMessage(workerData.n * workerData.n);
      break;
    case 'port':
      workerData.port.postMessage('hello through a moved port');
      workerData.port.close();
      break;
    case 'throw':
      throw new RangeError('out of range in a worker');
    case 'exit':
      parentPort.postMessage('bye');
      process.exit(4);
      break;
    default:
      break;
  }
}

if (isMainThread) {
  main();
} else {
  worker();
}
