// fork-entries: a packed app whose child process and worker thread run
// other files of the app, found by jspack in the sources (literal fork()
// and new Worker() targets), from whatever directory the app is started in.
//
//   fork(path.join(__dirname, 'child.js'))  a child process, IPC both ways
//   new Worker(path.resolve(__dirname, 'worker.js'))  a worker thread
//   fork(<a file written to a temp dir>)    not in the app: loaded from disk
//   fork('./no-such-child.js')              MODULE_NOT_FOUND in the child
'use strict';
const { fork } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Worker } = require('worker_threads');
const { describe } = require('./lib/shared');

function runChild() {
  return new Promise((resolve) => {
    const child = fork(path.join(__dirname, 'child.js'), ['one', 'two']);
    child.on('message', (message) => {
      console.log('parent got:', JSON.stringify(message));
      if (message.ready) child.send({ square: 7 });
    });
    child.on('exit', (code, signal) => resolve(`child exit ${code} ${signal}`));
  });
}

function runWorker() {
  return new Promise((resolve) => {
    const worker = new Worker(path.resolve(__dirname, 'worker.js'), { workerData: 20 });
    worker.on('message', (m) => console.log('worker said:', m));
    worker.on('error', (err) => console.log('worker error:', err.message));
    worker.on('exit', (code) => resolve(`worker exit ${code}`));
  });
}

function runFromDisk() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fork-entries-'));
  const file = path.join(dir, 'outside.js');
  fs.writeFileSync(file, "process.send({ outside: require('path').basename(__filename) });\n");
  return new Promise((resolve) => {
    const child = fork(file);
    child.on('message', (m) => console.log('disk child said:', JSON.stringify(m)));
    child.on('exit', (code) => {
      fs.rmSync(dir, { recursive: true });
      resolve(`disk child exit ${code}`);
    });
  });
}

function runMissing() {
  return new Promise((resolve) => {
    const child = fork('./no-such-child.js', { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('exit', (code) => {
      const found = /Error: Cannot find module '.*no-such-child\.js'/.test(stderr);
      resolve(`missing child exit ${code}, names the module: ${found}`);
    });
  });
}

async function main() {
  console.log(describe('main', __filename));
  console.log(await runChild());
  console.log(await runWorker());
  console.log(await runFromDisk());
  console.log(await runMissing());
}

main();
