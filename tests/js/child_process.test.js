// node:child_process against real children: exit codes and signals, a child
// that is killed, a missing program, inherited and ignored stdio, pipes,
// exec/execFile (and promisified), timeouts, maxBuffer, stdin closed early,
// the blocking twins, fork()'s IPC round trip, and sockets and servers
// passed to a child (send(msg, handle)).
'use strict';

const assert = require('assert');
const cp = require('child_process');
const util = require('util');
const { once } = require('events');

let hasNet = true;
try {
  require('net');
} catch {
  hasNet = false;
}

// Each step returns a promise; steps run one after the other so the test is
// bounded by events (no sleeps), with one child at a time.
const steps = [];
function step(name, fn) {
  steps.push([name, fn]);
}

function exitOf(child) {
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ event: 'exit', code, signal }));
  });
}

function closeOf(child) {
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve([code, signal]));
  });
}

// --- no pipes ---------------------------------------------------------------

step('exit code, exit then close', async () => {
  const child = cp.spawn('sh', ['-c', 'exit 3'], { stdio: 'ignore' });
  const events = [];
  child.on('spawn', () => events.push('spawn'));
  child.on('exit', (code, signal) => events.push(['exit', code, signal]));
  const [code, signal] = await closeOf(child);
  events.push(['close', code, signal]);
  assert.deepStrictEqual(events, ['spawn', ['exit', 3, null], ['close', 3, null]]);
  assert.strictEqual(child.exitCode, 3);
  assert.strictEqual(child.signalCode, null);
  assert.strictEqual(typeof child.pid, 'number');
  assert.strictEqual(child.stdin, null);
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  assert.deepStrictEqual(child.spawnargs, ['sh', '-c', 'exit 3']);
  assert.strictEqual(child.spawnfile, 'sh');
});

step('killed child: signal, killed, kill() after exit', async () => {
  const child = cp.spawn('sleep', ['30'], { stdio: 'ignore' });
  await once(child, 'spawn');
  assert.strictEqual(child.kill(), true);
  assert.strictEqual(child.killed, true);
  const [code, signal] = await closeOf(child);
  assert.strictEqual(code, null);
  assert.strictEqual(signal, 'SIGTERM');
  assert.strictEqual(child.signalCode, 'SIGTERM');
  assert.strictEqual(child.exitCode, null);
  assert.strictEqual(child.kill('SIGKILL'), false);
  assert.throws(() => child.kill('SIGNOPE'), { code: 'ERR_UNKNOWN_SIGNAL' });
});

step('kill with a signal number', async () => {
  const child = cp.spawn('sleep', ['30'], { stdio: 'ignore' });
  assert.strictEqual(child.kill(9), true);
  const { signal } = await exitOf(child);
  assert.strictEqual(signal, 'SIGKILL');
});

step('a child killed by itself', async () => {
  const child = cp.spawn('sh', ['-c', 'kill -USR1 $$'], { stdio: 'ignore' });
  const [code, signal] = await closeOf(child);
  assert.deepStrictEqual([code, signal, child.killed], [null, 'SIGUSR1', false]);
});

step('missing program: error event, close with the errno', async () => {
  const child = cp.spawn('no-such-program-jspack', ['a', 'b'], { stdio: 'ignore' });
  const events = [];
  child.on('exit', () => events.push('exit'));
  child.on('spawn', () => events.push('spawn'));
  const closed = closeOf(child);
  const [err] = await once(child, 'error');
  assert.strictEqual(err.message, 'spawn no-such-program-jspack ENOENT');
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, 'spawn no-such-program-jspack');
  assert.strictEqual(err.path, 'no-such-program-jspack');
  assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
  assert.deepStrictEqual(Object.keys(err), ['errno', 'code', 'syscall', 'path', 'spawnargs']);
  const [code, signal] = await closed;
  assert.deepStrictEqual([code, signal], [-2, null]);
  assert.strictEqual(child.pid, undefined);
  assert.deepStrictEqual(events, []);
});

step('cwd, env, argv0, shell', async () => {
  const r = cp.spawnSync('sh', ['-c', 'echo "$0 $(pwd) $V"'], {
    cwd: '/tmp', env: { V: 'v1' }, argv0: 'zero', encoding: 'utf8',
  });
  assert.strictEqual(r.stdout, 'zero /tmp v1\n');
  const s = cp.spawnSync('echo $((6*7))', { shell: true, encoding: 'utf8' });
  assert.strictEqual(s.stdout, '42\n');
  const t = cp.spawnSync('echo $0', { shell: '/bin/sh', encoding: 'utf8' });
  assert.strictEqual(t.stdout, '/bin/sh\n');
});

step('stdio inherit and fd numbers', async () => {
  const fs = require('fs');
  const path = `/tmp/jspack-cp-${process.pid}.txt`;
  const fd = fs.openSync(path, 'w');
  const child = cp.spawn('sh', ['-c', 'echo to-file; echo err-file >&2'], {
    stdio: ['ignore', fd, fd],
  });
  await closeOf(child);
  fs.closeSync(fd);
  assert.strictEqual(fs.readFileSync(path, 'utf8'), 'to-file\nerr-file\n');
  fs.unlinkSync(path);
  const inherit = cp.spawn('true', { stdio: 'inherit' });
  assert.deepStrictEqual(await closeOf(inherit), [0, null]);
});

step('spawn timeout kills with killSignal', async () => {
  const child = cp.spawn('sleep', ['30'], { stdio: 'ignore', timeout: 30, killSignal: 'SIGINT' });
  const [code, signal] = await closeOf(child);
  assert.deepStrictEqual([code, signal, child.killed], [null, 'SIGINT', true]);
});

step('AbortSignal kills and reports AbortError', async () => {
  const controller = new AbortController();
  const child = cp.spawn('sleep', ['30'], { stdio: 'ignore', signal: controller.signal });
  await once(child, 'spawn');
  const failed = once(child, 'error');
  controller.abort();
  const [err] = await failed;
  assert.strictEqual(err.name, 'AbortError');
  assert.strictEqual(err.code, 'ABORT_ERR');
  const [, signal] = await closeOf(child);
  assert.strictEqual(signal, 'SIGTERM');
});

step('ref/unref accepted', async () => {
  const child = cp.spawn('true', { stdio: 'ignore' });
  child.unref();
  child.ref();
  await closeOf(child);
});

step('v8.serialize round trip (the advanced channel format)', async () => {
  const v8 = require('v8');
  const value = { b: Buffer.from('x'), u: new Uint16Array([1, 2]), m: new Map([[1, 2n]]) };
  const back = v8.deserialize(v8.serialize(value));
  assert.deepStrictEqual(back, value);
  assert.ok(Buffer.isBuffer(v8.serialize(1)));
  assert.throws(() => v8.deserialize(5), { code: 'ERR_INVALID_ARG_TYPE' });
});

// --- blocking twins ------------------------------------------------------------

step('spawnSync results', async () => {
  const r = cp.spawnSync('sh', ['-c', 'echo out; echo err >&2; exit 5']);
  assert.strictEqual(r.status, 5);
  assert.strictEqual(r.signal, null);
  assert.strictEqual(r.stdout.toString(), 'out\n');
  assert.strictEqual(r.stderr.toString(), 'err\n');
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.strictEqual(r.output[0], null);
  assert.strictEqual(r.error, undefined);
  assert.deepStrictEqual(Object.keys(r), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);

  const cat = cp.spawnSync('cat', { input: 'piped input', encoding: 'utf8' });
  assert.strictEqual(cat.stdout, 'piped input');

  const missing = cp.spawnSync('no-such-program-jspack');
  assert.strictEqual(missing.error.code, 'ENOENT');
  assert.strictEqual(missing.error.syscall, 'spawnSync no-such-program-jspack');
  assert.deepStrictEqual([missing.status, missing.pid, missing.output], [null, 0, null]);

  const slow = cp.spawnSync('sleep', ['30'], { timeout: 30 });
  assert.strictEqual(slow.error.code, 'ETIMEDOUT');
  assert.strictEqual(slow.signal, 'SIGTERM');

  const big = cp.spawnSync('sh', ['-c', 'head -c 5000 /dev/zero; sleep 30'], { maxBuffer: 100 });
  assert.strictEqual(big.error.code, 'ENOBUFS');
  assert.strictEqual(big.signal, 'SIGTERM');

  const large = cp.spawnSync('head', ['-c', '2000000', '/dev/zero'], { maxBuffer: Infinity });
  assert.strictEqual(large.stdout.length, 2000000);

  // The child closes stdin at once; the input left unread is dropped.
  const early = cp.spawnSync('sh', ['-c', 'exec 0<&-; echo done'], {
    input: Buffer.alloc(1 << 20), encoding: 'utf8',
  });
  assert.strictEqual(early.stdout, 'done\n');
  assert.strictEqual(early.status, 0);
});

step('execSync and execFileSync', async () => {
  assert.strictEqual(cp.execSync('echo hi').toString(), 'hi\n');
  assert.strictEqual(cp.execSync('echo hi', { encoding: 'utf8' }), 'hi\n');
  assert.strictEqual(cp.execFileSync('echo', ['a', 'b'], { encoding: 'utf8' }), 'a b\n');
  assert.throws(() => cp.execSync('echo err >&2; exit 4', { stdio: 'pipe' }), (err) => {
    assert.strictEqual(err.message, 'Command failed: echo err >&2; exit 4\nerr\n');
    assert.strictEqual(err.status, 4);
    assert.strictEqual(err.signal, null);
    assert.strictEqual(err.stderr.toString(), 'err\n');
    assert.deepStrictEqual(Object.keys(err), ['status', 'signal', 'output', 'pid', 'stdout', 'stderr']);
    return true;
  });
  assert.throws(() => cp.execFileSync('no-such-program-jspack'), (err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.error, err);
    assert.strictEqual(err.status, null);
    return true;
  });
});

// --- pipes (node:net sockets) ---------------------------------------------------

function collect(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('error', reject);
    stream.on('end', () => resolve(Buffer.concat(chunks).toString()));
  });
}

if (hasNet) {
  step('echo through stdout and stderr', async () => {
    const child = cp.spawn('sh', ['-c', 'echo out; echo err >&2']);
    const [out, err, closed] = await Promise.all([
      collect(child.stdout), collect(child.stderr), closeOf(child)]);
    assert.deepStrictEqual([out, err, closed], ['out\n', 'err\n', [0, null]]);
  });

  step('output nobody reads does not hold back close', async () => {
    const child = cp.spawn('sh', ['-c', 'echo unread'], { stdio: ['pipe', 'pipe', 'ignore'] });
    assert.strictEqual(child.stderr, null);
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });

  step('a child\'s stdout given to another child is left to that child', async () => {
    // The writer exits with its bytes still in the pipe (less than a pipe
    // holds); the reader starts reading only a moment later, so bytes the
    // parent drained at the writer's exit would be missing from its count.
    const writer = cp.spawn('sh', ['-c', 'head -c 60000 /dev/zero'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const writerExit = exitOf(writer);
    const reader = cp.spawn('sh', ['-c', 'read -r go; wc -c <&3'], {
      stdio: ['pipe', 'pipe', 'ignore', writer.stdout],
    });
    const counted = collect(reader.stdout);
    await writerExit;
    await new Promise((resolve) => setTimeout(resolve, 50));
    reader.stdin.end('go\n');
    assert.strictEqual((await counted).trim(), '60000');
  });

  step('cat piping', async () => {
    const child = cp.spawn('cat');
    const out = collect(child.stdout);
    child.stdin.write('one ');
    child.stdin.end('two');
    assert.strictEqual(await out, 'one two');
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });

  step('stdin closed early by the child', async () => {
    const child = cp.spawn('sh', ['-c', 'exec 0<&-; sleep 0; echo bye']);
    const out = collect(child.stdout);
    child.stdin.on('error', () => {});
    child.stdin.write(Buffer.alloc(1 << 20));
    child.stdin.end();
    assert.strictEqual(await out, 'bye\n');
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });

  step('exec callback', async () => {
    const [err, stdout, stderr] = await new Promise((resolve) => {
      cp.exec('echo hi; echo warn >&2; exit 3', (...args) => resolve(args));
    });
    assert.strictEqual(err.message, 'Command failed: echo hi; echo warn >&2; exit 3\nwarn\n');
    assert.deepStrictEqual([err.code, err.killed, err.signal, err.cmd],
      [3, false, null, 'echo hi; echo warn >&2; exit 3']);
    assert.deepStrictEqual([stdout, stderr], ['hi\n', 'warn\n']);
  });

  step('execFile ok, buffer encoding, ENOENT', async () => {
    const result = await new Promise((resolve) => {
      cp.execFile('echo', ['x'], (...args) => resolve(args));
    });
    assert.deepStrictEqual(result, [null, 'x\n', '']);
    const buffers = await new Promise((resolve) => {
      cp.execFile('echo', ['y'], { encoding: 'buffer' }, (...args) => resolve(args));
    });
    assert.ok(Buffer.isBuffer(buffers[1]));
    const [err] = await new Promise((resolve) => {
      cp.execFile('no-such-program-jspack', (...args) => resolve(args));
    });
    assert.strictEqual(err.code, 'ENOENT');
  });

  step('exec timeout and maxBuffer', async () => {
    const [err] = await new Promise((resolve) => {
      cp.exec('sleep 30', { timeout: 30 }, (...args) => resolve(args));
    });
    assert.deepStrictEqual([err.killed, err.signal, err.code], [true, 'SIGTERM', null]);
    const [big, stdout] = await new Promise((resolve) => {
      cp.exec('head -c 100000 /dev/zero; sleep 30', { maxBuffer: 10 }, (...args) => resolve(args));
    });
    assert.strictEqual(big.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
    assert.strictEqual(big.message, 'stdout maxBuffer length exceeded');
    assert.strictEqual(stdout.length, 10);
  });

  step('promisified exec and execFile', async () => {
    const run = util.promisify(cp.exec);
    const promise = run('echo p');
    assert.ok(promise.child instanceof cp.ChildProcess);
    assert.deepStrictEqual(await promise, { stdout: 'p\n', stderr: '' });
    await assert.rejects(util.promisify(cp.execFile)('sh', ['-c', 'echo o; exit 2']), (err) => {
      assert.deepStrictEqual([err.code, err.stdout, err.stderr], [2, 'o\n', '']);
      return true;
    });
  });

}

// fork() needs process.execPath to run scripts as node does (the runtime's
// node-compatible command line).
const cliWorks = cp.spawnSync(process.execPath, ['-e', '0']).status === 0;
if (hasNet && cliWorks) {
  step('fork IPC round trip', async () => {
    const script = "process.on('message', (m) => { process.send({ back: m }); " +
      "if (m === 'bye') process.disconnect(); });";
    const echo = cp.spawn(process.execPath, ['-e', script], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const replies = [];
    echo.on('message', (m) => replies.push(m));
    assert.strictEqual(echo.connected, true);
    echo.send({ n: 1 });
    echo.send('bye');
    await once(echo, 'disconnect');
    assert.strictEqual(echo.connected, false);
    assert.deepStrictEqual(await closeOf(echo), [0, null]);
    assert.deepStrictEqual(replies, [{ back: { n: 1 } }, { back: 'bye' }]);

    const fs = require('fs');
    const file = `/tmp/jspack-cp-fork-${process.pid}.js`;
    fs.writeFileSync(file, "process.once('message', (m) => process.send([m, process.argv[2]," +
      ' typeof process.env.NODE_CHANNEL_FD]));');
    const forked = cp.fork(file, ['arg']);
    forked.send(7);
    const [reply] = await once(forked, 'message');
    assert.deepStrictEqual(reply, [7, 'arg', 'undefined']);
    assert.deepStrictEqual(await closeOf(forked), [0, null]);
    fs.unlinkSync(file);
  });

  step("serialization 'advanced' keeps classes", async () => {
    const script = "process.once('message', (m) => process.send(m));";
    const child = cp.spawn(process.execPath, ['-e', script], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced',
    });
    const value = {
      buffer: Buffer.from('hi'), floats: new Float64Array([1.5, -2]),
      map: new Map([[1, { set: new Set(['x']) }]]), big: 10n, date: new Date(0),
    };
    child.send(value);
    const [back] = await once(child, 'message');
    assert.deepStrictEqual(back, value);
    assert.ok(Buffer.isBuffer(back.buffer));
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });

  // A child that answers each handle it gets: a socket is greeted and ended,
  // a server answers its connections; 'bye' ends it.
  const handleChild = `
    let server = null;
    process.on('message', (m, handle) => {
      if (m.kind === 'socket') {
        handle.end('child got ' + m.tag + ' ' + (handle instanceof require('net').Socket));
      } else if (m.kind === 'server') {
        server = handle;
        handle.on('connection', (s) => s.end('child server'));
        process.send('listening');
      } else if (m.kind === 'none') {
        process.send(['none', handle === undefined]);
      } else if (m === 'bye' || m.kind === 'bye') {
        if (server !== null) server.close();
        process.disconnect();
      }
    });`;

  function readAll(port) {
    const net = require('net');
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (d) => { text += d; });
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
  }

  for (const serialization of ['json', 'advanced']) {
    step(`send a socket and a server to a child (${serialization})`, async () => {
      const net = require('net');
      const child = cp.spawn(process.execPath, ['-e', handleChild], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization,
      });
      const server = net.createServer();
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address();
      // Socket: the child answers on it; here it is closed once sent.
      const accepted = once(server, 'connection');
      const reading = readAll(port);
      const [socket] = await accepted;
      const sent = new Promise((resolve) => {
        child.send({ kind: 'socket', tag: 'one' }, socket, resolve);
      });
      assert.strictEqual(await sent, null);
      assert.strictEqual(await reading, 'child got one true');
      // The connection counts for the server while the child has it.
      const counted = await new Promise((resolve) => {
        server.getConnections((err, n) => resolve([err, n]));
      });
      assert.ok(counted[1] === 0 || counted[1] === 1);
      // Server: the child accepts on the same listening socket.
      child.send({ kind: 'server' }, server);
      const [ready] = await once(child, 'message');
      assert.strictEqual(ready, 'listening');
      server.close();
      assert.strictEqual(await readAll(port), 'child server');
      // A message without a handle has none on the other side.
      child.send({ kind: 'none' });
      assert.deepStrictEqual((await once(child, 'message'))[0], ['none', true]);
      child.send({ kind: 'bye' });
      assert.deepStrictEqual(await closeOf(child), [0, null]);
    });
  }

  step('send(msg, socket, { keepOpen: true }) keeps the socket here', async () => {
    const net = require('net');
    const child = cp.spawn(process.execPath, ['-e', handleChild], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = net.connect(server.address().port, '127.0.0.1');
    client.setEncoding('utf8');
    const [socket] = await once(server, 'connection');
    await new Promise((resolve) => {
      child.send({ kind: 'socket', tag: 'kept' }, socket, { keepOpen: true }, resolve);
    });
    assert.strictEqual(socket.destroyed, false);
    const [data] = await once(client, 'data');
    assert.strictEqual(data, 'child got kept true');
    socket.destroy();
    client.destroy();
    server.close();
    child.send('bye');
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });

  step('send() with a handle of the wrong type throws', async () => {
    const child = cp.spawn(process.execPath, ['-e', handleChild], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    assert.throws(() => child.send('x', { not: 'a handle' }), {
      code: 'ERR_INVALID_HANDLE_TYPE', name: 'TypeError',
      message: 'This handle type cannot be sent',
    });
    assert.throws(() => child.send('x', null, 'opts'), {
      code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError',
    });
    child.send('bye');
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });

  step('a socket sent to a child that exits at once', async () => {
    const net = require('net');
    const child = cp.spawn(process.execPath, ['-e', "process.on('message', () => process.exit(5))"], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = net.createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = net.connect(server.address().port, '127.0.0.1');
    client.on('error', () => {});
    const clientClosed = once(client, 'close');
    const childClosed = closeOf(child);
    const [socket] = await once(server, 'connection');
    child.send('take it', socket, () => {});
    assert.deepStrictEqual(await childClosed, [5, null]);
    // The child's copy is gone with it, and ours was let go once sent: the
    // client sees the end (or a reset).
    await clientClosed;
    server.close();
  });

  step('a child with an idle channel exits', async () => {
    const child = cp.spawn(process.execPath, ['-e', 'process.send("hi")'], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const [message] = await once(child, 'message');
    assert.strictEqual(message, 'hi');
    assert.deepStrictEqual(await closeOf(child), [0, null]);
  });
}

// A step whose awaited event never comes would let the process end early
// with nothing left to run; that counts as a failure.
let current = null;
process.on('exit', (code) => {
  if (current !== null && code === 0) {
    console.error(`child_process step never finished: ${current}`);
    process.exitCode = 1;
  }
});

(async () => {
  for (const [name, fn] of steps) {
    current = name;
    try {
      await fn();
    } catch (err) {
      console.error(`child_process step failed: ${name}`);
      throw err;
    }
  }
  current = null;
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
