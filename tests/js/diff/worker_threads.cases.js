'use strict';
// Differential corpus for node:worker_threads: argument errors of Worker,
// postMessage and receiveMessageOnPort, MessagePort ref/start state, values
// cloned through a real worker and back, and how workers end (exit codes,
// 'error' events). Cases run one after another, each when the previous
// one's events arrived; thread ids are replaced by the corpus itself.

const util = require('util');
const {
  Worker, MessageChannel, MessagePort, BroadcastChannel, receiveMessageOnPort,
  markAsUntransferable, SHARE_ENV,
} = require('worker_threads');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

function shape(err) {
  return [err.name, err.code, err.message];
}

// --- synchronous surface ---------------------------------------------------

emit('exports', Object.keys(require('worker_threads')).sort());
emit('SHARE_ENV', String(SHARE_ENV));
emit('MessagePort chain', (() => {
  const names = [];
  for (let p = MessagePort.prototype; p !== null; p = Object.getPrototypeOf(p)) {
    names.push(p.constructor.name);
  }
  return names;
})());
emit('new MessagePort', attempt(() => new MessagePort()));

const badFilenames = [1, null, undefined, {}, [], 'rel.js', 'a/b.js',
  'http://x/y.js', new URL('http://x/y.js'), Symbol('s')];
// A Worker that does get made is stopped at once (its file does not exist).
function tryWorker(filename, options) {
  return attempt(() => {
    const w = new Worker(filename, options);
    w.on('error', () => {});
    w.terminate();
    return 'created';
  });
}
badFilenames.forEach((filename, i) => {
  emit(`bad filename ${i}`, tryWorker(filename));
});
const badOptions = [{ eval: true }, 5, 'x', { argv: 'x' },
  { execArgv: 'x' }, { env: 5 }, { name: 5 }, { resourceLimits: 5 }];
badOptions.forEach((options, i) => {
  const filename = i === 0 ? 42 : '/nonexistent/worker.js';
  emit(`bad options ${i}`, tryWorker(filename, options));
});

{
  const { port1, port2 } = new MessageChannel();
  const transfers = [5, 'x', [port1], [port2, port2], [1], [{}],
    [new ArrayBuffer(1), 'x'], { transfer: [5] }, null, undefined];
  transfers.forEach((list, i) => {
    emit(`transfer list ${i}`, attempt(() => {
      port1.postMessage('m', list);
      return 'posted';
    }));
  });
  const values = [Math.max, Symbol('q'), { f: Math.min }, port2,
    { nested: { port: port2 } }, new WeakMap(), Promise.resolve()];
  values.forEach((value, i) => {
    emit(`uncloneable ${i}`, attempt(() => port1.postMessage(value)));
  });
  emit('postMessage no args', attempt(() => port1.postMessage()));
  emit('receive bad port', attempt(() => receiveMessageOnPort({})));
  emit('receive drains in order', [
    receiveMessageOnPort(port2), receiveMessageOnPort(port2),
    receiveMessageOnPort(port2),
  ].map((r) => util.inspect(r)));
  const dup = new ArrayBuffer(4);
  emit('duplicate buffer', attempt(() => port1.postMessage(dup, [dup, dup])));
  const kept = new ArrayBuffer(4);
  markAsUntransferable(kept);
  port1.postMessage(kept, [kept]);
  emit('untransferable kept', [kept.byteLength,
    receiveMessageOnPort(port2).message.byteLength]);
  const f = () => {};
  const states = [port1.hasRef()];
  port1.on('message', f);
  states.push(port1.hasRef());
  port1.unref();
  states.push(port1.hasRef());
  port1.ref();
  states.push(port1.hasRef());
  port1.off('message', f);
  states.push(port1.hasRef());
  port1.start();
  states.push(port1.hasRef());
  emit('hasRef states', states);
  port1.close();
  port2.close();
}

{
  const bc = new BroadcastChannel(42);
  emit('broadcast name', bc.name);
  bc.close();
  emit('broadcast closed post', attempt(() => bc.postMessage(1)));
  emit('broadcast no name', attempt(() => new BroadcastChannel()));
}

// --- asynchronous cases ----------------------------------------------------

const queue = [];
function later(label, run) {
  queue.push({ label, run });
}
function runNext() {
  const item = queue.shift();
  if (item === undefined) return;
  item.run((result) => {
    emit(item.label, result);
    runNext();
  });
}

const echoSource = `
  const { parentPort } = require('worker_threads');
  parentPort.on('message', (m) => {
    if (m === 'done') parentPort.close();
    else parentPort.postMessage(m);
  });
`;
const echoValues = [
  1, -0, NaN, 'text', 10n, null, undefined, true, [1, , 3],
  { a: { b: [1, 2] } }, new Map([[1, { x: 1 }]]), new Set(['a']),
  new Date(0), /re/gi, new Uint16Array([1, 2, 3]), new DataView(new ArrayBuffer(2)),
  new Error('e1'), new TypeError('e2'), new RangeError('e3'),
  Object.assign(new Error('with code'), { code: 'E_X' }),
  new Number(3), new String('s'), new Boolean(false),
];
later('echo values', (done) => {
  const w = new Worker(echoSource, { eval: true });
  const seen = [];
  w.on('message', (m) => {
    if (m instanceof Error) {
      seen.push([m.constructor.name, m.name, m.message, m.code]);
    } else {
      seen.push(util.inspect(m));
    }
    if (seen.length === echoValues.length) w.postMessage('done');
  });
  w.on('exit', (code) => done([code, seen]));
  for (const v of echoValues) w.postMessage(v);
});

const endings = [
  ['normal', ''],
  ['exit 7', 'process.exit(7)'],
  ['exitCode 3', 'process.exitCode = 3'],
  ['throw Error', 'throw new Error("boom")'],
  ['throw TypeError', 'throw new TypeError("bad type")'],
  ['throw value', 'throw 42'],
  ['throw object', 'throw { a: 1 }'],
  ['rejection', 'Promise.reject(new RangeError("late"))'],
  ['uncaught listener', 'process.on("uncaughtException", () => ' +
    'require("worker_threads").parentPort.postMessage("caught")); ' +
    'setImmediate(() => { throw new Error("x"); })'],
  ['syntax error', 'let let = 1'],
  ['exit event', 'process.on("exit", (c) => require("worker_threads")' +
    '.parentPort.postMessage("exit " + c)); process.exitCode = 2'],
];
for (const [name, source] of endings) {
  later(`ending ${name}`, (done) => {
    const w = new Worker(source, { eval: true });
    const events = [];
    w.on('online', () => events.push('online'));
    w.on('message', (m) => events.push(['message', m]));
    w.on('error', (err) => {
      events.push(['error', err instanceof Error ? shape(err) :
        util.inspect(err)]);
    });
    w.on('exit', (code) => {
      events.push(['exit', code]);
      done(events);
    });
  });
}

later('terminate busy', (done) => {
  const w = new Worker('require("worker_threads").parentPort.postMessage(1);' +
                       'for (;;) {}', { eval: true });
  const events = [];
  w.on('exit', (code) => events.push(['exit', code]));
  w.once('message', () => {
    w.terminate().then((code) => {
      events.push(['terminated', code, w.threadId]);
      w.terminate().then((again) => {
        events.push(['again', again]);
        done(events);
      });
    });
  });
});

later('worker view', (done) => {
  const w = new Worker(`
    const wt = require('worker_threads');
    wt.parentPort.postMessage({
      isMainThread: wt.isMainThread,
      threadIdPositive: wt.threadId > 0,
      workerData: wt.workerData,
      argv: process.argv.slice(1),
      env: process.env.JSPACK_DIFF_WORKER,
      limits: wt.resourceLimits,
      chdir: (() => { try { process.chdir('/'); } catch (e) {
        return [e.name, e.code, e.message]; } })(),
    });
  `, { eval: true, argv: ['a', 1], workerData: [1, { b: 2 }],
    env: { JSPACK_DIFF_WORKER: 'yes' },
    resourceLimits: { maxOldGenerationSizeMb: 64 } });
  let view;
  w.on('message', (m) => { view = m; });
  w.on('exit', (code) => done([code, view, w.resourceLimits]));
});

later('port to worker', (done) => {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(`
    const { workerData: { port } } = require('worker_threads');
    port.postMessage(['hello', port instanceof MessagePort]);
    port.close();
  `, { eval: true, workerData: { port: port2 }, transferList: [port2] });
  const events = [];
  port1.on('message', (m) => events.push(m));
  port1.on('close', () => {
    events.push('close');
    if (events.includes('exit')) done(events);
  });
  w.on('exit', () => {
    events.push('exit');
    if (events.includes('close')) done(events);
  });
});

runNext();
