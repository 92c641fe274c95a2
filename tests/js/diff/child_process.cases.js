// Differential corpus for node:child_process: argument errors of every entry
// point, and the shapes of spawnSync results and execSync / execFileSync
// errors for real children (pids are replaced, they differ per run).
'use strict';

const cp = require('child_process');
const util = require('util');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();

// Errors only: a call that would start a child with pipes is not made here.
function rejects(label, fn) {
  const outcome = attempt(fn);
  if (outcome[0] === 'ok') {
    const child = outcome[1];
    if (child && typeof child.kill === 'function') child.kill();
    emit(label, ['ok', typeof child]);
  } else {
    emit(label, outcome);
  }
}

// A value's inspect text with pids and stack frames taken out.
function shape(value) {
  const text = util.inspect(value, { depth: 4, breakLength: 100 });
  return text.replace(/pid: \d+/g, 'pid: N').replace(/\n\s+at [^\n]*/g, '');
}

function validation() {
  const spawnCases = [
    ['file number', () => cp.spawn(123)],
    ['file empty', () => cp.spawn('')],
    ['file nul', () => cp.spawn('ls\0')],
    ['args string', () => cp.spawn('ls', 'a')],
    ['args nul', () => cp.spawn('ls', ['a\0'])],
    ['options number', () => cp.spawn('ls', [], 5)],
    ['cwd number', () => cp.spawn('ls', { cwd: 5 })],
    ['cwd nul', () => cp.spawn('ls', { cwd: 'a\0b' })],
    ['cwd http url', () => cp.spawn('ls', { cwd: new URL('http://x/') })],
    ['argv0 number', () => cp.spawn('ls', { argv0: 5 })],
    ['shell number', () => cp.spawn('ls', { shell: 5 })],
    ['detached number', () => cp.spawn('ls', { detached: 5 })],
    ['uid string', () => cp.spawn('ls', { uid: 'a' })],
    ['gid fraction', () => cp.spawn('ls', { gid: 1.5 })],
    ['stdio foo', () => cp.spawn('ls', { stdio: 'foo' })],
    ['stdio [foo]', () => cp.spawn('ls', { stdio: ['foo'] })],
    ['stdio 5', () => cp.spawn('ls', { stdio: 5 })],
    ['stdio two ipc', () => cp.spawn('ls', { stdio: ['ipc', 'ipc'] })],
    ['stdio object', () => cp.spawn('ls', { stdio: [{}] })],
    ['timeout -1', () => cp.spawn('ls', { timeout: -1 })],
    ['timeout string', () => cp.spawn('ls', { timeout: 'a' })],
    ['timeout fraction', () => cp.spawn('ls', { timeout: 1.5 })],
    ['killSignal name', () => cp.spawn('ls', { killSignal: 'SIGFOO' })],
    ['killSignal object', () => cp.spawn('ls', { killSignal: {} })],
    ['killSignal number', () => cp.spawn('ls', { killSignal: 999 })],
    ['signal number', () => cp.spawn('ls', { signal: 5 })],
    ['windowsHide number', () => cp.spawn('ls', { windowsHide: 5 })],
    ['windowsVerbatimArguments', () => cp.spawn('ls', { windowsVerbatimArguments: 4 })],
    ['serialization x', () => cp.spawn('ls', { serialization: 'x' })],
    ['env nul', () => cp.spawn('ls', { env: { A: '\0' } })],
    ['env key nul', () => cp.spawn('ls', { env: { 'A\0': 'x' } })],
    ['ignored stdio, bad kill', () => cp.spawn('true', { stdio: 'ignore' }).kill('SIGFOO')],
    ['ignored stdio, kill 1.5', () => cp.spawn('true', { stdio: 'ignore' }).kill(1.5)],
    ['ignored stdio, kill ok', () => cp.spawn('true', { stdio: 'ignore' }).kill()],
    ['ignored stdio, kill 0', () => cp.spawn('true', { stdio: 'ignore' }).kill(0)],
    ['ignored stdio, kill null', () => cp.spawn('true', { stdio: 'ignore' }).kill(null)],
    ['ignored stdio, kill object', () => cp.spawn('true', { stdio: 'ignore' }).kill({})],
    ['ignored stdio, kill SIGINT', () => cp.spawn('true', { stdio: 'ignore' }).kill('SIGINT')],
    ['exec number', () => cp.exec(5)],
    ['exec nul', () => cp.exec('ls\0')],
    ['exec maxBuffer -1', () => cp.exec('ls', { maxBuffer: -1 })],
    ['exec maxBuffer string', () => cp.exec('ls', { maxBuffer: 'a' })],
    ['exec killSignal', () => cp.exec('ls', { killSignal: 'NOPE' })],
    ['execFile callback number', () => cp.execFile('ls', {}, 5)],
    ['execFile args number', () => cp.execFile('ls', 5)],
    ['execFile file number', () => cp.execFile(5)],
    ['spawnSync input number', () => cp.spawnSync('ls', { input: 5 })],
    ['spawnSync maxBuffer -1', () => cp.spawnSync('ls', { maxBuffer: -1 })],
    ['spawnSync ipc', () => cp.spawnSync('ls', { stdio: ['ipc'] })],
    ['spawnSync timeout -5', () => cp.spawnSync('ls', { timeout: -5 })],
    ['spawnSync killSignal', () => cp.spawnSync('ls', { killSignal: 'SIGNOPE' })],
    ['fork number', () => cp.fork(5)],
    ['fork without ipc', () => cp.fork('x', { stdio: ['pipe', 'pipe', 'pipe'] })],
    ['execSync number', () => cp.execSync(5)],
    ['execFileSync args number', () => cp.execFileSync('ls', 5)],
  ];
  for (const [label, fn] of spawnCases) rejects(label, fn);
}

function syncResults() {
  const sh = (script, options) => cp.spawnSync('sh', ['-c', script], options);
  emit('spawnSync exit 2', shape(sh('echo a; echo b >&2; exit 2')));
  emit('spawnSync utf8', shape(sh('echo a; echo b >&2', { encoding: 'utf8' })));
  emit('spawnSync input', shape(cp.spawnSync('cat', { input: 'hello' })));
  emit('spawnSync input Uint8Array',
    shape(cp.spawnSync('cat', { input: new Uint8Array([104, 105]), encoding: 'latin1' })));
  emit('spawnSync stdio ignore', shape(sh('echo a', { stdio: 'ignore' })));
  emit('spawnSync stdio mixed', shape(sh('echo a; echo b >&2', {
    stdio: ['ignore', 'pipe', 'ignore'], encoding: 'utf8',
  })));
  emit('spawnSync ENOENT', shape(cp.spawnSync('nonexistent-program-x', ['a'])));
  emit('spawnSync signal', shape(sh('kill -9 $$')));
  emit('spawnSync timeout', shape(cp.spawnSync('sleep', ['5'], { timeout: 50 })));
  emit('spawnSync timeout killSignal', shape(cp.spawnSync('sleep', ['5'], {
    timeout: 50, killSignal: 'SIGKILL',
  })));
  emit('spawnSync maxBuffer', shape(sh('echo 123456789012345; sleep 5', { maxBuffer: 10 })));
  emit('spawnSync cwd', shape(cp.spawnSync('pwd', { cwd: '/tmp', encoding: 'utf8' })));
  emit('spawnSync env', shape(sh('echo $ONLY', { env: { ONLY: 'yes' }, encoding: 'utf8' })));
  emit('spawnSync argv0', shape(sh('echo $0', { argv0: 'custom', encoding: 'utf8' })));
  emit('spawnSync shell', shape(cp.spawnSync('echo $((1+2))', { shell: true, encoding: 'utf8' })));
  emit('spawnSync args', shape(cp.spawnSync('echo', ['a b', 'c'], { encoding: 'utf8' })));
  emit('spawnSync big output', sh('head -c 300000 /dev/zero').stdout.length);
  emit('execSync ok', shape(cp.execSync('echo hi')));
  emit('execSync utf8', cp.execSync('echo hi', { encoding: 'utf8' }));
  emit('execFileSync ok', shape(cp.execFileSync('echo', ['x', 'y'])));
  const failure = (fn) => {
    try {
      fn();
      return 'no throw';
    } catch (err) {
      return [Object.keys(err), err.message, shape(err.status), shape(err.signal),
        shape(err.output), shape(err.stdout), shape(err.stderr), err.code ?? null];
    }
  };
  emit('execSync failure', failure(() => cp.execSync('echo out; echo err >&2; exit 4', {
    stdio: 'pipe',
  })));
  emit('execSync signal', failure(() => cp.execSync('kill -TERM $$', { stdio: 'pipe' })));
  emit('execFileSync ENOENT', failure(() => cp.execFileSync('nonexistent-program-z')));
  emit('execFileSync failure', failure(() => cp.execFileSync('sh', ['-c', 'exit 7'])));
  emit('execSync timeout', failure(() => cp.execSync('sleep 5', { timeout: 50 })));
}

// Event order and callback shapes of real asynchronous children, one at a
// time.
function events(child) {
  const seen = [];
  for (const name of ['spawn', 'exit', 'close', 'error', 'disconnect']) {
    child.on(name, (...args) => seen.push([name, ...args.map((a) =>
      (a instanceof Error ? [a.message, Object.keys(a)] : a))]));
  }
  return new Promise((resolve) => child.on('close', () => setImmediate(() => resolve(seen))));
}

function execResult(run) {
  return new Promise((resolve) => {
    run((err, stdout, stderr) => resolve([
      err === null ? null : [err.message, Object.keys(err), err.code, err.killed ?? null,
        err.signal ?? null, err.cmd ?? null],
      stdout, stderr]));
  });
}

async function asyncCases() {
  emit('events exit 3', await events(cp.spawn('sh', ['-c', 'exit 3'])));
  emit('events ENOENT', await events(cp.spawn('nonexistent-program-q', ['z'])));
  emit('events ENOENT ignore', await events(cp.spawn('nonexistent-program-q', { stdio: 'ignore' })));
  const killed = cp.spawn('sleep', ['30']);
  emit('kill returns', [killed.kill('SIGKILL'), killed.killed]);
  emit('events killed', await events(killed));
  emit('kill after exit', [killed.kill(), killed.exitCode, killed.signalCode]);
  emit('exec ok', await execResult((cb) => cp.exec('echo hi', cb)));
  emit('exec exit 2', await execResult((cb) => cp.exec('echo o; echo e >&2; exit 2', cb)));
  emit('exec killed by itself', await execResult((cb) => cp.exec('kill -9 $$', cb)));
  emit('exec timeout', await execResult((cb) => cp.exec('sleep 30', { timeout: 20 }, cb)));
  emit('exec maxBuffer', await execResult((cb) =>
    cp.exec('echo 0123456789; sleep 30', { maxBuffer: 4 }, cb)));
  emit('exec buffer encoding', await execResult((cb) =>
    cp.exec('printf ab', { encoding: 'buffer' }, cb)));
  emit('execFile ENOENT', await execResult((cb) => cp.execFile('nonexistent-program-r', ['a'], cb)));
  const extra = cp.spawn('sh', ['-c', 'read x <&3; echo "got $x" >&3'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  extra.stdio[3].end('four\n');
  emit('extra pipe both ways', await new Promise((resolve) => {
    let text = '';
    extra.stdio[3].on('data', (d) => { text += d; });
    extra.on('close', (code) => resolve([text, code]));
  }));
  emit('execFile args', await execResult((cb) => cp.execFile('echo', ['a', 'b'], cb)));
  const promised = util.promisify(cp.exec);
  emit('promisified ok', await promised('echo p'));
  emit('promisified failure', await promised('echo q; exit 5').catch((err) =>
    [err.message, err.code, err.stdout, err.stderr]));
}

validation();
syncResults();
asyncCases();
