// fork-esm: an ES module app (package.json "type": "module") whose worker
// is a literal new URL(..., import.meta.url) target jspack finds, and whose
// forked child has a computed name, so it is packed with --include.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const worker = new Worker(new URL('./w.js', import.meta.url));
worker.on('message', (m) => console.log('worker:', m));
worker.on('exit', (code) => {
  console.log('worker exit', code);
  const name = ['comp', 'uted', '.js'].join('');
  const child = fork(fileURLToPath(new URL(name, import.meta.url)), ['x']);
  child.on('message', (m) => {
    console.log('child:', JSON.stringify(m));
    child.send('stop');
  });
  child.on('exit', (c) => console.log('child exit', c));
});
