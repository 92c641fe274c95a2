// Differential corpus for process signals: listeners receive the name and
// number, kill() argument rules and errors, a listener does not keep the
// process alive, removing the last listener stops watching.
'use strict';

let n = 0;
function out(label, value) {
  console.log(JSON.stringify([`${n++} ${label}`, value]));
}
function attempt(label, fn) {
  try {
    out(label, ['ok', fn()]);
  } catch (e) {
    out(label, [e.name, e.code, e.message, e.errno, e.syscall]);
  }
}

process.on('SIGUSR2', (...args) => out('SIGUSR2 listener', args));
process.kill(process.pid, 'SIGUSR2');
setTimeout(() => {
  attempt('listen SIGKILL', () => process.on('SIGKILL', () => {}).constructor.name);
  attempt('listen SIGSTOP', () => process.on('SIGSTOP', () => {}).constructor.name);
  attempt('kill missing pid', () => process.kill(999999, 0));
  for (const pid of [NaN, 1.5, 2 ** 40, Infinity, '1x', null, {}, [], true]) {
    attempt(`kill pid ${String(pid)}`, () => process.kill(pid, 0));
  }
  for (const sig of [99, -1, 'sigterm', true, 15.5, [], '15', {}, 'SIGNOPE',
    'SIGUSR3']) {
    attempt(`kill signal ${JSON.stringify(sig)}`,
            () => process.kill(process.pid, sig));
  }
  attempt('kill 0', () => process.kill(process.pid, 0));
  attempt('kill string pid', () => process.kill(`${process.pid}`, 0));
  const keep = setTimeout(() => out('timeout', 'never'), 100000);
  process.once('SIGTERM', (name, number) => {
    out('SIGTERM listener', [name, number]);
    clearTimeout(keep);
    process.removeAllListeners('SIGUSR2');
    process.on('SIGHUP', () => out('SIGHUP', 'listener only; the process ends'));
  });
  process.kill(process.pid);
}, 50);
