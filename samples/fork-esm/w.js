// The worker: its own import.meta.url, as a file name.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage(new URL(import.meta.url).pathname.split('/').pop());
