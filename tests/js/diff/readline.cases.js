// Differential corpus for node:readline and node:readline/promises: one JSON
// line per case, compared between Node 20 and jspack by run_diff.py.
'use strict';

const readline = require('readline');
const readlinePromises = require('node:readline/promises');
const EventEmitter = require('events');
const util = require('util');
const { PassThrough } = require('stream');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

function errorInfo(err) {
  return { name: err.name, code: err.code === undefined ? null : err.code,
           message: err.message };
}

function attempt(fn) {
  try {
    return { ok: fn() };
  } catch (err) {
    return { threw: errorInfo(err) };
  }
}

// A synchronous input: data is handed to listeners as it is fed.
function fakeInput(props) {
  const input = new EventEmitter();
  input.calls = [];
  input.pause = () => { input.calls.push('pause'); return input; };
  input.resume = () => { input.calls.push('resume'); return input; };
  Object.assign(input, props);
  return input;
}

// An output that records every write.
function fakeOutput(props) {
  const out = new EventEmitter();
  out.writes = [];
  out.writable = true;
  out.write = (data, cb) => {
    out.writes.push(String(data));
    if (typeof cb === 'function') cb();
    return true;
  };
  Object.assign(out, props);
  return out;
}

function recordEvents(rl) {
  const events = [];
  for (const name of ['line', 'close', 'pause', 'resume', 'history',
                      'SIGINT']) {
    rl.on(name, (arg) => {
      events.push(arg === undefined ? [name] : [name, Array.isArray(arg) ?
        arg.slice() : arg]);
    });
  }
  return events;
}

// ---- Line splitting over chunk boundaries ---------------------------------

function splitCases() {
  const texts = [
    'a\nb\nc', 'a\r\nb\r\n', 'a\rb\rc\r', 'a\r\r\nb', '\n\n\r\r', 'x\r\n\r\ny',
    'é\nß\r\n', '日本\r語\n', '😀\r\n😁', 'one\n\ntwo\r', '\r\n', 'a\n\r\nb\r',
    'tail', '', 'π\rπ\rπ',
  ];
  const settings = [{}, { crlfDelay: Infinity }];
  for (const text of texts) {
    const bytes = Buffer.from(text, 'utf8');
    for (const [si, extra] of settings.entries()) {
      for (let cut = 0; cut <= bytes.length; cut++) {
        feedCase(`split:${JSON.stringify(text)}:${si}:${cut}`, extra,
                 [bytes.subarray(0, cut), bytes.subarray(cut)]);
      }
    }
    // Three pieces, every pair of cuts, for the shorter texts.
    if (bytes.length <= 9) {
      for (let a = 1; a < bytes.length; a++) {
        for (let b = a + 1; b < bytes.length; b++) {
          feedCase(`split3:${JSON.stringify(text)}:${a}:${b}`, {},
                   [bytes.subarray(0, a), bytes.subarray(a, b),
                    bytes.subarray(b)]);
        }
      }
    }
    // Strings instead of Buffers, cut at every code unit.
    for (let cut = 0; cut <= text.length; cut++) {
      feedCase(`strings:${JSON.stringify(text)}:${cut}`, {},
               [text.slice(0, cut), text.slice(cut)]);
    }
  }
}

function feedCase(label, extra, chunks) {
  const input = fakeInput();
  const rl = readline.createInterface(Object.assign({ input }, extra));
  const events = recordEvents(rl);
  for (const chunk of chunks) input.emit('data', chunk);
  input.emit('end');
  emit(label, { events, line: rl.line, calls: input.calls });
}

// ---- Interface state and output -------------------------------------------

function stateCases() {
  const input = fakeInput();
  const output = fakeOutput();
  const rl = readline.createInterface({ input, output, prompt: '$ ' });
  emit('state:initial', {
    terminal: rl.terminal, crlfDelay: rl.crlfDelay, historySize: rl.historySize,
    prompt: rl.getPrompt(), line: rl.line, cursor: rl.cursor, closed: rl.closed,
    paused: rl.paused, history: rl.history, tabSize: rl.tabSize,
    escapeCodeTimeout: rl.escapeCodeTimeout,
    removeHistoryDuplicates: rl.removeHistoryDuplicates,
    isInterface: rl instanceof readline.Interface,
    calls: input.calls,
  });
  const events = recordEvents(rl);
  rl.prompt();
  rl.setPrompt('>> ');
  rl.prompt(true);
  const r1 = rl.pause();
  const r2 = rl.pause();
  rl.write('abc');
  rl.write('def\nxyz\r');
  rl.resume();
  rl.close();
  rl.close();
  emit('state:ops', { events, writes: output.writes, calls: input.calls,
                      r1: r1 === rl, r2: r2 === undefined, closed: rl.closed,
                      paused: rl.paused, line: rl.line });
  emit('state:question-after-close',
       attempt(() => rl.question('q', () => {})));
  {
    const out = fakeOutput();
    const closed = readline.createInterface({ input: fakeInput(),
                                              output: out });
    const events = recordEvents(closed);
    closed.close();
    const steps = {
      write: () => closed.write('x\n'),
      prompt: () => closed.prompt(),
      pause: () => closed.pause() === closed,
      resume: () => closed.resume() === closed,
      setPrompt: () => closed.setPrompt('a'),
      cursor: () => closed.getCursorPos(),
      questionWithoutCallback: () => closed.question('q'),
    };
    const results = {};
    for (const [name, step] of Object.entries(steps)) {
      results[name] = attempt(step);
    }
    emit('state:after-close', { results, events, writes: out.writes });
  }

  for (const [i, opts] of [
    { crlfDelay: 0 }, { crlfDelay: 50 }, { crlfDelay: 250 },
    { crlfDelay: Infinity }, { historySize: 0 }, { historySize: 5 },
    { prompt: '' }, { terminal: false, output: fakeOutput({ isTTY: true }) },
    { output: fakeOutput({ isTTY: true }) }, { tabSize: 4 },
    { escapeCodeTimeout: 20 }, { removeHistoryDuplicates: 1 },
  ].entries()) {
    const rl2 = readline.createInterface(Object.assign({ input: fakeInput() },
                                                       opts));
    emit(`state:options:${i}`, {
      terminal: rl2.terminal, crlfDelay: rl2.crlfDelay,
      historySize: rl2.historySize, prompt: rl2.getPrompt(),
      tabSize: rl2.tabSize, escapeCodeTimeout: rl2.escapeCodeTimeout,
      removeHistoryDuplicates: rl2.removeHistoryDuplicates,
    });
    rl2.close();
  }

  // The positional form.
  const out2 = fakeOutput();
  const rl3 = readline.createInterface(fakeInput(), out2, undefined, false);
  rl3.question('name? ', () => {});
  emit('state:positional', { writes: out2.writes, terminal: rl3.terminal });
  rl3.close();
  const rl4 = readline.Interface({ input: fakeInput() });
  emit('state:no-new', rl4 instanceof readline.Interface);
  rl4.close();
}

function questionCases() {
  const scripts = [
    ['a\n'], ['a', 'b\n', 'c\n'], ['\n'], ['x\r\ny\n'], ['tail'],
  ];
  for (const [i, chunks] of scripts.entries()) {
    const input = fakeInput();
    const output = fakeOutput();
    const rl = readline.createInterface({ input, output });
    const events = recordEvents(rl);
    const answers = [];
    rl.question('first? ', (a) => {
      answers.push(a);
      rl.question('second? ', (b) => answers.push(b));
    });
    rl.question('ignored? ', (a) => answers.push('ignored:' + a));
    for (const c of chunks) input.emit('data', c);
    input.emit('end');
    emit(`question:${i}`, { answers, events, writes: output.writes,
                            prompt: rl.getPrompt() });
  }
  // An aborted question leaves the old prompt and writes a line end.
  const input = fakeInput();
  const output = fakeOutput();
  const rl = readline.createInterface({ input, output, prompt: 'P ' });
  const events = recordEvents(rl);
  const ac = new AbortController();
  const got = [];
  rl.question('ask ', { signal: ac.signal }, (a) => got.push(a));
  ac.abort();
  input.emit('data', 'after\n');
  rl.prompt();
  const pre = new AbortController();
  pre.abort();
  rl.question('never ', { signal: pre.signal }, (a) => got.push('never' + a));
  emit('question:abort', { got, events, writes: output.writes,
                           prompt: rl.getPrompt(), cursor: rl.cursor,
                           prevRows: rl.prevRows, line: rl.line,
                           historyIndex: rl.historyIndex });
  emit('question:bad-signal', attempt(() => rl.question('x', { signal: 1 },
                                                          () => {})));
  rl.close();
}

// ---- Terminal mode ------------------------------------------------------------

function terminalCases() {
  const scripts = [
    ['hello\r'],
    ['ab\x7fc\r'],
    ['abc\x1b[D\x1b[DX\r'],
    ['one\r', 'two\r', '\x1b[A\x1b[A\r'],
    ['one\r', 'two\r', '\x1b[A\x1b[A\x1b[B\r'],
    ['abc\x01Z\x05Y\r'],
    ['abc\x1b[D\x1b[D\x0b\r'],
    ['abc\x1b[D\x15\r'],
    ['x\r\n', 'y\n'],
    ['\x03'],
    ['\x04'],
    ['ab\x04\x1b[D\x04\r'],
    ['é😀\x7f\r'],
    ['abc\x1b[H\x1b[3~\r'],
    ['foo bar\x17\r'],
    ['rep\r', 'rep\r', '  \r', '\r'],
    ['\tx\r'],
    ['ab', 'c'],
    ['abc', '\x1b[D', 'XY', '\r'],
    ['abc', '\x1b[D', '\x1b[DXY', '\r'],
    ['abc', '\x1b[D\x1b[D', 'X', 'YZ', '\r'],
    ['abc\x01XY\r'],
    ['abc', '\x1b[D', '😀x', '\r'],
    ['abc', '\x1b[D', 'X\x7f', '\r'],
    ['abc', '\x1b[D', 'X', '\r'],
    ['ab', '\x1b[D', 'é', '\r'],
  ];
  for (const [i, chunks] of scripts.entries()) {
    for (const extra of [{}, { prompt: '' }, { historySize: 1 }]) {
      const input = fakeInput();
      const output = fakeOutput();
      const rl = readline.createInterface(Object.assign({
        input, output, terminal: true, prompt: '> ' }, extra));
      const events = recordEvents(rl);
      rl.prompt();
      for (const c of chunks) input.emit('data', c);
      const state = { line: rl.line, cursor: rl.cursor,
                      history: rl.history.slice(), closed: rl.closed };
      input.emit('end');
      emit(`terminal:${i}:${JSON.stringify(extra)}`,
           { events, writes: output.writes, state });
    }
  }
  {
    const rl = readline.createInterface({ input: fakeInput(),
                                          output: fakeOutput(),
                                          terminal: true });
    emit('terminal:fresh', { cursor: rl.cursor, prevRows: rl.prevRows,
                             historyIndex: rl.historyIndex,
                             pos: rl.getCursorPos(), columns: rl.columns });
    rl.close();
  }
  // SIGINT goes to a listener when there is one.
  const input = fakeInput();
  const output = fakeOutput();
  const rl = readline.createInterface({ input, output, terminal: true });
  const events = recordEvents(rl);
  input.emit('data', 'ab\x03');
  emit('terminal:sigint', { events, closed: rl.closed, line: rl.line });
  rl.on('SIGTSTP', () => events.push(['got SIGTSTP']));
  input.emit('data', '\x1a');
  emit('terminal:sigtstp', { events, closed: rl.closed, line: rl.line });
  rl.close();
  emit('terminal:sigint-closed', { events, writes: output.writes });
}

// ---- Keypress decoding ----------------------------------------------------------

function keypressCases() {
  const sequences = [
    'a', 'Z', '5', '!', 'é', '😀', ' ', '\r', '\n', '\t', '\b', '\x7f',
    '\x01', '\x03', '\x1a', '\x00', '\x1ba', '\x1bZ', '\x1b\r', '\x1b\x7f',
    '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[E', '\x1b[F', '\x1b[H',
    '\x1bOA', '\x1bOB', '\x1bOF', '\x1bOH', '\x1b[1~', '\x1b[2~', '\x1b[3~',
    '\x1b[4~', '\x1b[5~', '\x1b[6~', '\x1b[7~', '\x1b[8~', '\x1b[[5~',
    '\x1b[1;5C', '\x1b[1;2A', '\x1b[1;3D', '\x1b[1;4B', '\x1b[1;6D',
    '\x1b[1;7A', '\x1b[1;8C', '\x1b[3;5~', '\x1b[5;2~', '\x1b[Z', '\x1b[a',
    '\x1b[b', '\x1b[c', '\x1b[d', '\x1b[e', '\x1bOa', '\x1bOd', '\x1b[2$',
    '\x1b[3^', '\x1b[[A', '\x1b[[E', '\x1bOP', '\x1bOS', '\x1b[11~',
    '\x1b[15~', '\x1b[17~', '\x1b[21~', '\x1b[24~', '\x1b[P', '\x1bO5A',
    '\x1b[200~', '\x1b[201~', '\x1b[99x', '\x1b\x01', '\x1b!', '\x1b\x1b[A',
    '\x1b\x1bx', '\x1b[1;x', '\x1bO2P', '\x1b[12;5~',
  ];
  for (const seq of sequences) {
    keypressCase(`key:${JSON.stringify(seq)}`, [seq + 'q']);
  }
  // Several keys in one chunk, cut at every code unit.
  const runs = ['ab\x1b[Ac', '\x1b[1;5D\x1bOHx', 'é\x1b[3~😀\r', '\x1bb\x1b[Z'];
  for (const run of runs) {
    for (let cut = 0; cut <= run.length; cut++) {
      keypressCase(`keys:${JSON.stringify(run)}:${cut}`,
                   [run.slice(0, cut), run.slice(cut)]);
    }
    const bytes = Buffer.from(run);
    for (let cut = 1; cut < bytes.length; cut++) {
      keypressCase(`keybytes:${JSON.stringify(run)}:${cut}`,
                   [bytes.subarray(0, cut), bytes.subarray(cut)]);
    }
  }
}

function keypressCase(label, chunks) {
  const stream = new EventEmitter();
  readline.emitKeypressEvents(stream);
  const got = [];
  stream.on('keypress', (s, key) => got.push(util.inspect([s, key])));
  for (const c of chunks) stream.emit('data', c);
  emit(label, got);
}

// ---- Cursor helpers -------------------------------------------------------------

function cursorCases() {
  const values = [0, 1, 5, -3, 2.5, NaN, undefined, null, '3', Infinity];
  for (const x of values) {
    for (const y of values) {
      const out = fakeOutput();
      emit(`cursorTo:${String(x)}:${String(y)}`,
           [attempt(() => readline.cursorTo(out, x, y)), out.writes]);
      const out2 = fakeOutput();
      emit(`moveCursor:${String(x)}:${String(y)}`,
           [attempt(() => readline.moveCursor(out2, x, y)), out2.writes]);
    }
  }
  for (const dir of [-2, -1, 0, 1, 2, undefined, 'x', NaN]) {
    const out = fakeOutput();
    emit(`clearLine:${String(dir)}`,
         [attempt(() => readline.clearLine(out, dir)), out.writes]);
  }
  const out = fakeOutput();
  emit('clearScreenDown', [readline.clearScreenDown(out), out.writes]);
  const busy = fakeOutput();
  busy.write = (d) => { busy.writes.push(d); return false; };
  emit('returns-write-result', [readline.cursorTo(busy, 1),
                                readline.moveCursor(busy, 1, 1),
                                readline.clearLine(busy, 1),
                                readline.clearScreenDown(busy), busy.writes]);
  emit('null-stream', [readline.cursorTo(null, 1), readline.moveCursor(null, 1),
                       readline.clearLine(undefined, 0),
                       readline.clearScreenDown(null)]);
  emit('cursorTo:bad-cb', attempt(() => readline.cursorTo(out, 1, 2, 'x')));
  emit('moveCursor:bad-cb', attempt(() => readline.moveCursor(out, 1, 2, 3)));
  emit('clearLine:bad-cb', attempt(() => readline.clearLine(out, 1, {})));
  emit('clearScreenDown:bad-cb',
       attempt(() => readline.clearScreenDown(out, 1)));
  emit('cursorTo:y-callback', [readline.cursorTo(out, 4, () => {}),
                               out.writes.slice(-1)]);
}

// ---- Option validation ----------------------------------------------------------

function optionCases() {
  const bad = [
    { historySize: -1 }, { historySize: NaN }, { historySize: '3' },
    { completer: 'x' }, { completer: null }, { tabSize: 0 }, { tabSize: 'a' },
    { tabSize: 1.5 }, { escapeCodeTimeout: NaN }, { escapeCodeTimeout: 'x' },
    { signal: {} }, { signal: 'x' }, { history: 'x' }, { history: {} },
  ];
  for (const opts of bad) {
    emit(`options:${util.inspect(opts)}`, attempt(() => {
      readline.createInterface(Object.assign({ input: fakeInput() }, opts))
        .close();
      return 'created';
    }));
  }
  const pre = new AbortController();
  pre.abort();
  const rl = readline.createInterface({ input: fakeInput(),
                                        signal: pre.signal });
  const events = recordEvents(rl);
  emit('options:aborted-signal-sync', { closed: rl.closed, events });
  process.nextTick(() => emit('options:aborted-signal-tick',
                              { closed: rl.closed, events }));
}

// ---- readline/promises ------------------------------------------------------------

function readlineClassCases() {
  const ops = [
    (r) => r.cursorTo(3), (r) => r.cursorTo(3, 4), (r) => r.cursorTo(0, null),
    (r) => r.moveCursor(2, -1), (r) => r.moveCursor(0, 0),
    (r) => r.moveCursor(-4, 0), (r) => r.clearLine(-1), (r) => r.clearLine(0),
    (r) => r.clearLine(1), (r) => r.clearScreenDown(),
    (r) => r.cursorTo(1.5), (r) => r.cursorTo('1'), (r) => r.cursorTo(1, 'x'),
    (r) => r.moveCursor(1, NaN), (r) => r.moveCursor('a', 0),
    (r) => r.clearLine(2), (r) => r.clearLine(undefined),
  ];
  for (const [i, op] of ops.entries()) {
    const out = fakeOutput();
    const r = new readlinePromises.Readline(out);
    const res = attempt(() => op(r) === r);
    emit(`Readline:op:${i}`, [res, out.writes]);
    r.commit();
    emit(`Readline:commit:${i}`, out.writes);
  }
  const out = fakeOutput();
  const r = new readlinePromises.Readline(out);
  r.cursorTo(1).rollback().moveCursor(1, 1);
  const done = r.commit();
  emit('Readline:rollback', [out.writes, done instanceof Promise]);
  emit('Readline:bad-stream', attempt(() => new readlinePromises.Readline({})));
  for (const [name, props] of [['unwritable', { writable: false }],
                               ['destroyed', { destroyed: true }],
                               ['ended', { writableEnded: true }]]) {
    emit(`Readline:stream:${name}`,
         attempt(() => !!new readlinePromises.Readline(fakeOutput(props))));
  }
  {
    const ended = new PassThrough();
    ended.end();
    emit('Readline:stream:ended-passthrough',
         attempt(() => !!new readlinePromises.Readline(ended)));
    emit('Readline:stream:passthrough',
         attempt(() => !!new readlinePromises.Readline(new PassThrough())));
  }
  emit('Readline:bad-autocommit', attempt(() =>
    new readlinePromises.Readline(fakeOutput(), { autoCommit: 'yes' })));
  const auto = fakeOutput();
  const ar = new readlinePromises.Readline(auto, { autoCommit: true });
  ar.cursorTo(2).clearLine(0);
  emit('Readline:autocommit-sync', auto.writes.slice());
  process.nextTick(() => emit('Readline:autocommit-tick', auto.writes));
}

// ---- Interplay: close, pause and questions inside handlers --------------------

function interplayCases() {
  const handlers = {
    'close-in-line': (rl) => rl.on('line', () => rl.close()),
    'pause-in-line': (rl) => rl.on('line', () => rl.pause()),
    'question-in-line': (rl) => rl.once('line', () => rl.question('q ',
      (a) => rl.emit('answered', a))),
    'prompt-in-line': (rl) => rl.on('line', () => rl.prompt()),
    'write-in-line': (rl) => rl.once('line', () => rl.write('w\n')),
    'setprompt-question': (rl) => {
      rl.setPrompt('S ');
      rl.question('Q ', (a) => rl.emit('answered', a));
    },
  };
  const inputs = ['a\nb\nc', 'a\r\nb', 'x', '\n\n', 'one\rtwo\r'];
  for (const [name, install] of Object.entries(handlers)) {
    for (const text of inputs) {
      for (const terminal of [false, true]) {
        const input = fakeInput();
        const output = fakeOutput();
        const rl = readline.createInterface({ input, output, terminal });
        const events = recordEvents(rl);
        rl.on('answered', (a) => events.push(['answered', a]));
        install(rl);
        input.emit('data', text);
        input.emit('end');
        emit(`interplay:${name}:${JSON.stringify(text)}:${terminal}`,
             { events, writes: output.writes, calls: input.calls,
               line: rl.line });
      }
    }
  }
}

// ---- History ------------------------------------------------------------------------

function historyCases() {
  const settings = [
    {}, { historySize: 2 }, { removeHistoryDuplicates: true },
    { history: ['old2', 'old1'] }, { historySize: 0 },
    { history: ['b', 'a'], removeHistoryDuplicates: true, historySize: 3 },
  ];
  const scripts = [
    'a\rb\ra\rc\r',
    'a\rb\r\x1b[A\x1b[A\x1b[A\r',
    'a\rb\r\x1b[A\x1b[A\x1b[B\x1b[B\x1b[B\r',
    'ab\rac\rb\ra\x1b[A\x1b[A\r',
    'x\rx\r \r\x1b[A\r',
    '\x1b[A\x1b[B\r',
    'ol\x1b[A\r',
  ];
  for (const [si, opts] of settings.entries()) {
    for (const script of scripts) {
      const input = fakeInput();
      const output = fakeOutput();
      const rl = readline.createInterface(Object.assign({
        input, output, terminal: true }, opts,
      opts.history ? { history: opts.history.slice() } : {}));
      const events = recordEvents(rl);
      // One key per chunk, as typed.
      for (const key of script.match(/\x1b\[.|./gs)) input.emit('data', key);
      emit(`history:${si}:${JSON.stringify(script)}`,
           { events, history: rl.history, writes: output.writes.join('') });
      rl.close();
    }
  }
}

// ---- Terminal editing, key by key -------------------------------------------------

function editingCases() {
  const scripts = [
    'hello world\x17\x17', 'foo bar baz\x1bb\x1bb\x1bd', 'a b  c\x01\x1bf\x1bfX',
    'abc\x01\x1b[3~\x1b[3~', 'abcdef\x1b[D\x1b[D\x1b[D\x0b', 'abc\x02\x02\x06Z',
    'one two\x1b[1;5D\x1b[1;5DX', 'one two\x01\x1b[1;5CX', 'abc\x1b\x7f',
    'tab\there', 'x\x0c', 'wide日本\x1b[D\x7f', 'e\u0301\x7f', '😀😀\x1b[Dx',
    'abc\x1b[H\x1b[F\x1b[2~', '\x1b[5~\x1b[6~ok', 'a\x1b[1;2Cb',
    'abc\x1b[D\x15', 'abc\x1b[D\x1b[D\x04\x04\x04\x04',
    'foo.bar baz\x1bb\x1bbX', 'foo.bar baz\x1bb\x1bb\x1bbX', 'a,,b\x17',
    'foo  \x17', 'x  y..z\x01\x1bfA\x1bfB\x1bfC', '  lead\x01\x1bd',
    'end. \x1b\x7f', 'p(q) r\x1b[1;5D\x1b[1;5DX', 'p(q) r\x01\x1b[1;5C\x1b[1;5CX',
  ];
  const keyRe = /\x1b\[1;\d.|\x1b\[\d~|\x1b\[.|\x1b.|./gsu;
  for (const [i, script] of scripts.entries()) {
    for (const columns of [undefined, 6]) {
      const input = fakeInput();
      const output = fakeOutput(columns === undefined ? {} : { columns });
      const rl = readline.createInterface({ input, output, terminal: true,
                                            prompt: '$ ' });
      const events = recordEvents(rl);
      rl.prompt();
      for (const key of script.match(keyRe)) input.emit('data', key);
      const state = { line: rl.line, cursor: rl.cursor,
                      pos: rl.getCursorPos() };
      emit(`edit:${i}:${columns}`, { state, events,
                                     writes: output.writes.join('') });
      rl.close();
    }
  }
  // rl.write with key objects.
  const keys = [
    [null, { ctrl: true, name: 'u' }], ['z', undefined],
    [null, { name: 'left' }], [null, { ctrl: true, name: 'a' }],
    [null, { meta: true, name: 'f' }], [null, { ctrl: true, name: 'k' }],
    ['new\nline', undefined], [null, { name: 'return' }],
  ];
  const input = fakeInput();
  const output = fakeOutput();
  const rl = readline.createInterface({ input, output, terminal: true });
  const events = recordEvents(rl);
  rl.write('start here');
  const trail = [];
  for (const [d, k] of keys) {
    rl.write(d, k);
    trail.push([rl.line, rl.cursor]);
  }
  emit('edit:write-keys', { trail, events, writes: output.writes.join('') });
  rl.prompt(true);
  rl.setPrompt('long prompt> ');
  rl.prompt(true);
  emit('edit:prompt-preserve', output.writes.slice(-8).join(''));
  rl.close();
}

// ---- Tab completion ------------------------------------------------------------------

function completionCases() {
  const words = ['help', 'hello', 'exit', 'echo', 'a-very-long-word'];
  const sync = (line) => {
    const hits = words.filter((w) => w.startsWith(line));
    return [hits.length ? hits : words, line];
  };
  const scripts = ['he\t', 'hel\tp\r', 'e\t', 'ex\t\r', 'z\t', '\t', 'hello\t',
                   'hel\t\t', '\t\t', 'e\t\t\t', 'x\t\t', 'ec\t\t\r'];
  for (const [n, script] of scripts.entries()) {
    const input = fakeInput();
    const output = fakeOutput({ columns: [80, 30, 12][n % 3] });
    const rl = readline.createInterface({ input, output, terminal: true,
                                          completer: sync });
    const events = recordEvents(rl);
    for (const key of script) input.emit('data', key);
    emit(`complete:${JSON.stringify(script)}`,
         { line: rl.line, cursor: rl.cursor, events,
           writes: output.writes.join('') });
    rl.close();
  }
}

// ---- Escape timeout -------------------------------------------------------------------

async function escapeTimeoutCase() {
  const input = fakeInput();
  const output = fakeOutput();
  const rl = readline.createInterface({ input, output, terminal: true,
                                        escapeCodeTimeout: 10 });
  const keys = [];
  input.on('keypress', (s, k) => keys.push(util.inspect([s, k])));
  input.emit('data', 'a\x1b');
  const before = keys.length;
  await new Promise((resolve) => setTimeout(resolve, 60));
  input.emit('data', 'b\x1b');
  input.emit('data', '[A');
  emit('escape-timeout', { before, keys, line: rl.line });
  rl.close();
}

// ---- Seeded fuzz -------------------------------------------------------------------

// A small deterministic generator (mulberry32), the same on both runtimes.
function seeded(seed) {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand, list) {
  return list[Math.floor(rand() * list.length)];
}

// Cuts bytes (or a string) into random pieces.
function randomChunks(rand, whole) {
  const chunks = [];
  let at = 0;
  while (at < whole.length) {
    const size = 1 + Math.floor(rand() * 6);
    chunks.push(whole.slice(at, at + size));
    at += size;
  }
  return chunks;
}

function fuzzCases() {
  const rand = seeded(20261201);
  const pieces = ['a', 'bc', '\r', '\n', '\r\n', 'é', '😀', '日', ' ', '\t',
                  'xyz', '\r\r', '\n\r'];
  for (let i = 0; i < 1000; i++) {
    let text = '';
    const n = Math.floor(rand() * 12);
    for (let j = 0; j < n; j++) text += pick(rand, pieces);
    const bytes = Buffer.from(text);
    const extra = rand() < 0.5 ? {} : { crlfDelay: Infinity };
    feedCase(`fuzz:split:${i}`, extra, randomChunks(rand, bytes));
  }

  const keys = ['a', 'Q', '7', ' ', 'é', '😀', '\r', '\n', '\t', '\x7f', '\b',
                '\x1b[A', '\x1b[B', '\x1b[C', '\x1b[D', '\x1b[H', '\x1b[F',
                '\x1b[3~', '\x1b[1;5C', '\x1b[1;5D', '\x1bb', '\x1bf', '\x1bd',
                '\x01', '\x05', '\x02', '\x06', '\x0b', '\x15', '\x17', '\x0e',
                '\x10', '\x1bOA', '\x1b[5~', '\x1b\x1b[B', '\x1b[Z', '\x0c'];
  for (let i = 0; i < 300; i++) {
    let text = '';
    const n = 1 + Math.floor(rand() * 10);
    for (let j = 0; j < n; j++) text += pick(rand, keys);
    const bytes = Buffer.from(text);
    keypressCase(`fuzz:keys:${i}`, randomChunks(rand, bytes));
  }

  // Typing key by key on a terminal of random width.
  keys.push('\x03', '\x04', '\x1b[2~', '\x1b\x7f', '\x1b[1;2D', '\x19', '\x1f',
            '\x1e', '\x1by', '\x19', '\x15', '\x0b');
  for (let i = 0; i < 1000; i++) {
    const columns = pick(rand, [undefined, 5, 8, 13, 80]);
    const input = fakeInput();
    const output = fakeOutput(columns === undefined ? {} : { columns });
    const prompt = pick(rand, ['> ', '', 'longer prompt: ', '日本> ']);
    const rl = readline.createInterface({
      input, output, terminal: true, prompt,
      history: rand() < 0.5 ? [] : ['older', 'old'],
      removeHistoryDuplicates: rand() < 0.3,
    });
    const events = recordEvents(rl);
    rl.prompt();
    const n = 1 + Math.floor(rand() * 14);
    const typed = [];
    for (let j = 0; j < n; j++) {
      const key = pick(rand, keys);
      typed.push(key);
      if (!rl.closed) input.emit('data', key);
    }
    emit(`fuzz:typing:${i}`, { typed, events, line: rl.line, cursor: rl.cursor,
                               pos: rl.closed ? null : rl.getCursorPos(),
                               writes: output.writes.join('') });
    rl.close();
  }

  // Pasted: several keys per chunk, so all but the chunk's last key take
  // Node's paste path.
  for (let i = 0; i < 500; i++) {
    const input = fakeInput();
    const output = fakeOutput({ columns: pick(rand, [7, 20, 80]) });
    const rl = readline.createInterface({
      input, output, terminal: true, prompt: pick(rand, ['> ', '']),
      history: ['older', 'old'],
      completer: rand() < 0.3 ? (l) => [['alpha', 'alps'], l] : undefined,
    });
    const events = recordEvents(rl);
    rl.prompt();
    const chunks = [];
    const n = 1 + Math.floor(rand() * 5);
    for (let j = 0; j < n; j++) {
      let chunk = '';
      const m = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < m; k++) chunk += pick(rand, keys.concat(['al']));
      chunks.push(chunk);
      if (!rl.closed) input.emit('data', chunk);
    }
    emit(`fuzz:paste:${i}`, { chunks, events, line: rl.line,
                              cursor: rl.cursor,
                              writes: output.writes.join('') });
    rl.close();
  }
}

// ---- Async cases, run one after another -------------------------------------------

async function asyncCases() {
  await new Promise((resolve) => setTimeout(resolve, 5));
  await escapeTimeoutCase();
  // crlfDelay: a \n long after a \r is an empty line of its own.
  for (const [label, extra, wait] of [['default-late', {}, 250],
                                      ['infinity-late', { crlfDelay: Infinity },
                                       250],
                                      ['default-soon', {}, 0]]) {
    const input = fakeInput();
    const rl = readline.createInterface(Object.assign({ input }, extra));
    const events = recordEvents(rl);
    input.emit('data', 'a\r');
    await new Promise((resolve) => setTimeout(resolve, wait));
    input.emit('data', '\nb\n');
    input.emit('end');
    emit(`crlfDelay:${label}`, events);
  }

  // Async iteration over a real stream.
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const lines = [];
    setTimeout(() => {
      input.write('one\ntw');
      input.write('o\r\nthree\r');
      input.end('\nfour');
    }, 1);
    for await (const line of rl) lines.push(line);
    emit('iterate:all', { lines, closed: rl.closed });
  }
  {
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const events = recordEvents(rl);
    const lines = [];
    setTimeout(() => input.write('a\nb\nc\nd\n'), 1);
    for await (const line of rl) {
      lines.push(line);
      if (line === 'b') break;
    }
    emit('iterate:break', { lines, events });
    rl.close();
  }
  {
    // Every line of one chunk reaches the loop, even those that arrive
    // while the loop body awaits.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const lines = [];
    setTimeout(() => input.end('1\n2\n3\n4\n5'), 1);
    for await (const line of rl) {
      lines.push(line);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    emit('iterate:slow-body', lines);
  }

  {
    // Thousands of lines in one chunk: the input pauses while the loop is
    // behind and resumes once it caught up.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const events = [];
    let count = 0;
    rl.on('pause', () => events.push('pause@' + count));
    rl.on('resume', () => events.push('resume@' + count));
    setTimeout(() => {
      input.write(Array.from({ length: 3000 }, (_, i) => 'l' + i).join('\n') +
                  '\n');
      setTimeout(() => input.end('last\n'), 20);
    }, 1);
    for await (const line of rl) {
      count += line.length > 0 ? 1 : 0;
      if (count % 1000 === 0) {
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    emit('iterate:high-water', { count, events, paused: input.isPaused() });
  }
  {
    // The iterator's backpressure state under Symbol.for('nodejs.watermarkData'):
    // the input pauses once more than `high` lines wait, and resumes when
    // none do.
    const input = new PassThrough();
    const rl = readline.createInterface({ input });
    const it = rl[Symbol.asyncIterator]();
    const mark = it[Symbol.for('nodejs.watermarkData')];
    const seen = [Object.keys(mark), Object.getPrototypeOf(mark) === null, { ...mark }];
    for (const n of [1024, 1025]) {
      input.write('x\n'.repeat(n));
      await new Promise((resolve) => setImmediate(resolve));
      seen.push([n, { ...mark }, input.isPaused()]);
      while (mark.size > 0) await it.next();
      seen.push(['drained', { ...mark }, input.isPaused()]);
    }
    rl.close();
    emit('iterate:watermarkData', seen);
  }

  // Promise questions.
  {
    const input = new PassThrough();
    const output = fakeOutput();
    const rl = readlinePromises.createInterface({ input, output });
    setTimeout(() => input.write('yes\n'), 1);
    const answer = await rl.question('ok? ');
    const ac = new AbortController();
    const pending = rl.question('wait? ', { signal: ac.signal });
    ac.abort('why');
    let rejected;
    try {
      await pending;
    } catch (err) {
      rejected = [errorInfo(err), err.cause];
    }
    let pre;
    try {
      await rl.question('x', { signal: AbortSignal.abort('early') });
    } catch (err) {
      pre = [errorInfo(err), err.cause];
    }
    rl.close();
    let closed;
    try {
      await rl.question('closed? ');
    } catch (err) {
      closed = errorInfo(err);
    }
    emit('promises:question', { answer, rejected, pre, closed,
                                writes: output.writes });
  }
  {
    const input = new PassThrough();
    const output = fakeOutput();
    const rl = readline.createInterface({ input, output });
    const ask = util.promisify(rl.question).bind(rl);
    setTimeout(() => input.write('promisified\n'), 1);
    const answer = await ask('p? ');
    emit('promisify:question', { answer, writes: output.writes });
    rl.close();
  }
}

splitCases();
stateCases();
questionCases();
terminalCases();
keypressCases();
cursorCases();
optionCases();
readlineClassCases();
interplayCases();
historyCases();
editingCases();
completionCases();
fuzzCases();
asyncCases().catch((err) => emit('async:failed', errorInfo(err)));
