// args: what a CLI sees of its process: arguments, environment, exit codes.
//
//   app [words...] [--exit N | --process-exit N] [--stdin]
//
// --stdin reads standard input to its end and prints it line by line;
// --exit N sets process.exitCode and returns normally (the loop drains, then
// the process exits with N); --process-exit N calls process.exit(N) at once,
// so the line after it never prints.
'use strict';
const path = require('path');

const args = process.argv.slice(2);
console.log('args:', JSON.stringify(args));
console.log('argc:', args.length);
console.log('argv0 type:', typeof process.argv[0]);
console.log('argv1 base:', path.basename(process.argv[1]));
console.log('argv1 absolute:', path.isAbsolute(process.argv[1]));
console.log('execPath is argv0:', process.execPath === process.argv[0]);
// The test runner knows where the executable and the entry are for each way of
// running (packed, `jspack run`, node) and passes them in ("@absolute": any
// absolute path); without them the check is skipped, so the sample still runs
// by hand.
for (const [name, value] of [['ARGV0', process.argv[0]], ['ARGV1', process.argv[1]]]) {
  const expected = process.env[`JSPACK_SAMPLE_EXPECT_${name}`];
  const ok = expected === '@absolute' ? path.isAbsolute(value) : value === expected;
  const verdict = expected === undefined ? 'not checked' : ok ? 'ok' : `${value} != ${expected}`;
  console.log(`${name.toLowerCase()} check: ${verdict}`);
}

const greeting = process.env.JSPACK_SAMPLE_GREETING;
console.log('greeting:', greeting === undefined ? '(unset)' : JSON.stringify(greeting));
const unset = process.env.JSPACK_SAMPLE_SURELY_UNSET;
console.log('unset:', unset === undefined ? '(unset)' : JSON.stringify(unset));
console.log('unset in env:', 'JSPACK_SAMPLE_SURELY_UNSET' in process.env);

// process.env coerces values to strings; deletes are visible at once.
process.env.JSPACK_SAMPLE_SET = 42;
console.log('set:', JSON.stringify(process.env.JSPACK_SAMPLE_SET), typeof process.env.JSPACK_SAMPLE_SET);
console.log('set in env:', 'JSPACK_SAMPLE_SET' in process.env);
console.log('set in keys:', Object.keys(process.env).includes('JSPACK_SAMPLE_SET'));
delete process.env.JSPACK_SAMPLE_SET;
console.log('after delete:', process.env.JSPACK_SAMPLE_SET === undefined ? '(unset)' : 'still set');
delete process.env.JSPACK_SAMPLE_GREETING;
console.log('greeting after delete:', process.env.JSPACK_SAMPLE_GREETING === undefined ? '(unset)' : 'still set');

let i = args.indexOf('--exit');
if (i >= 0) {
  process.exitCode = Number(args[i + 1]);
  // The exit code only applies once the loop is empty: this still runs.
  setTimeout(() => console.log('timer after exitCode ran'), 1);
  process.on('exit', (code) => console.log('exit event:', code));
}
i = args.indexOf('--process-exit');
if (i >= 0) {
  process.on('exit', (code) => console.log('exit event:', code));
  setTimeout(() => console.log('never printed (timer)'), 1);
  process.exit(Number(args[i + 1]));
  console.log('never printed (after process.exit)');
}
if (args.includes('--stdin')) {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    console.log('stdin lines:', lines.length);
    lines.forEach((line, n) => console.log(`stdin ${n + 1}: ${line.toUpperCase()}`));
  });
}
console.log('end of main');
