// Differential corpus for node:path: every function of both flavours over generated paths.
'use strict';

// Run by tests/js/diff/run_diff.py under Node and under jspack from the same
// directory, so cwd-dependent results (resolve, relative) agree too. Each
// case prints one line: [label, result].

const path = require('path');

function runCorpus() {
  const seen = new Set();

  // Records one case; the label must be unique, so a repeated input (the
  // generator can draw the same path twice) is recorded once.
  function record(label, compute) {
    if (seen.has(label)) return;
    seen.add(label);
    let result;
    try {
      result = { value: compute() };
    } catch (err) {
      result = { threw: { code: err.code, name: err.name, message: err.message } };
    }
    console.log(JSON.stringify([label, result]));
  }

  // A small deterministic generator (xorshift32); Math.random is never used.
  let state = 0x2545f491;
  function nextInt(limit) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % limit;
  }

  const pieces = [
    '/', '\\', '.', '..', 'a', 'b.c', 'C:', 'c:', '//', '\\\\', '\\\\?\\',
    '\\\\.\\', 'UNC', 'srv', '.d', 'e.', '...', ' ', '\u00fc', 'x.y.z', 'f/',
    'Z:\\', '?', 'CON', 'nul:', ':', 'COM1:', 'ab', 'a/', '/b', '\\c', '.git',
    'a..b', 'LPT\u00b9:', 'd:/', '\\\\srv\\share', 'AUX', 'NULx',
    '\u0130', '\u00df', 'Ab',
  ];

  function randomPath(maxPieces) {
    const count = nextInt(maxPieces + 1);
    let out = '';
    for (let i = 0; i < count; i++) out += pieces[nextInt(pieces.length)];
    return out;
  }

  // Hand-picked inputs that the generator would reach only rarely.
  const fixed = [
    '', '.', '..', '...', '/', '//', '///', '\\', '\\\\', '\\\\\\', 'a', 'a/',
    'a//', '/a', '//a', '///a', '/a/b', '/a//b', '/a/b/', 'a/b/../c', './a',
    '../a', 'a/../..', '/..', '/../..', '//..', '.bashrc', '/x/.bashrc',
    'a.', 'a.b.', '.a.', '..a', 'a..', '/a/..', 'file.tar.gz', 'dir.d/f',
    'C:', 'C:\\', 'C:/', 'C:\\\\', 'C:a', 'C:a\\b', 'c:\\A\\b', 'C:..',
    'C:\\..\\..', '1:', 'ab:', 'ab:/c', 'x/../C:', 'x/../C:y', 'a:b:',
    '\\\\server', '\\\\server\\', '\\\\server\\share', '\\\\server\\share\\',
    '\\\\server\\\\share\\x', '//server/share/x/../y', '\\\\?\\C:\\a',
    '\\\\?\\C:', '\\\\?\\', '\\\\.\\', '\\\\.\\pipe\\name', '\\\\?\\UNC\\s\\h',
    '\\\\?\\a\\..\\..', '//?/x', '\\\\??\\x', 'CON', 'CON:', 'con:x',
    'CON:/x', 'Con:a/b/', 'COM9:', 'COM0:', 'LPT\u00b3:', 'NUL:..\\a',
    'xx:CON:', 'foo/CON:', 'foo/CON:x', '\u00fc/\u00e9.\u00f1', ' ', ' / ',
    'a\\b/c', '\\a/b\\', 'a\u0000b', '\ud83d\ude00.txt', 'NULA', 'CONx',
    'AUX/', 'nUlX', 'COM1', 'COM12', 'COM1x\\y', 'PRN..', 'NULA:', 'NULA/./x',
    '\u0130', 'C:\\\u0130\\x', '\\\u0130b',
  ];

  const inputs = fixed.slice();
  for (let i = 0; i < 700; i++) inputs.push(randomPath(6));

  const suffixes = ['', 'c', '.c', 'b.c', 'a', '/', '\\', 'z', '.d', 'e.', 'C:', 'srv'];
  const flavours = [['posix', path.posix], ['win32', path.win32]];
  const q = (value) => JSON.stringify(value);

  for (const [name, api] of flavours) {
    for (const p of inputs) {
      for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename',
        'extname', 'parse', 'toNamespacedPath']) {
        record(`${name}.${fn}(${q(p)})`, () => api[fn](p));
      }
      record(`${name}.format(parse(${q(p)}))`, () => api.format(api.parse(p)));
      record(`${name}.normalize twice(${q(p)})`,
             () => api.normalize(api.normalize(p)));
      const suffix = suffixes[nextInt(suffixes.length)];
      record(`${name}.basename(${q(p)}, ${q(suffix)})`, () => api.basename(p, suffix));
      // A suffix cut from the path itself reaches the matching branches.
      const tailCut = p.slice(p.length - 1 - nextInt(4));
      record(`${name}.basename(${q(p)}, ${q(tailCut)})`, () => api.basename(p, tailCut));
    }

    // join, resolve and relative over 1 to 4 generated arguments.
    for (let i = 0; i < 900; i++) {
      const args = [];
      const count = 1 + nextInt(4);
      for (let k = 0; k < count; k++) {
        args.push(nextInt(5) === 0 ? inputs[nextInt(fixed.length)] : randomPath(4));
      }
      record(`${name}.join(${q(args).slice(1, -1)})`, () => api.join(...args));
      record(`${name}.resolve(${q(args).slice(1, -1)})`, () => api.resolve(...args));
      const from = args[0];
      const to = args[args.length - 1];
      record(`${name}.relative(${q(from)}, ${q(to)})`, () => api.relative(from, to));
      const mixed = randomPath(3);
      record(`${name}.relative(${q(to)}, ${q(mixed)})`, () => api.relative(to, mixed));
    }
    record(`${name}.join()`, () => api.join());
    record(`${name}.resolve()`, () => api.resolve());
    record(`${name}.resolve('')`, () => api.resolve(''));
    record(`${name}.relative('', '')`, () => api.relative('', ''));
  }

  // Relative paths between related hand-made trees, both flavours.
  const trees = [
    '/', '/a', '/a/b', '/a/bc', '/a/b/c', '/ab', '/A/b', 'a/b', '',
    'C:\\', 'C:\\a', 'c:\\A\\b', 'C:\\ab', 'D:\\a', 'C:a', '\\\\s\\h',
    '\\\\s\\h\\x', '\\\\S\\H\\x\\y', '\\\\s\\g', '\\s', '\\ab', '\\abc',
    '\\abc\\d', '\\\\?\\a', '\\\\?\\a\\b', '\\\\.\\a',
    '\\\u0130', '\\\u0130\\x', 'C:\\\u0130', '\\\\s\\h\\\u0130',
    '\\i\u0307', '\\i',
  ];
  for (const [name, api] of flavours) {
    for (const from of trees) {
      for (const to of trees) {
        record(`${name}.relative tree(${q(from)}, ${q(to)})`, () => api.relative(from, to));
      }
    }
  }

  // format() with hand-made objects, including non-string fields.
  const objects = [
    {}, { root: '/' }, { dir: '/a' }, { base: 'b' }, { name: 'n' },
    { ext: 'e' }, { ext: '.e' }, { name: 'n', ext: 'e' },
    { root: '/', base: 'x' }, { root: '/', dir: '/', base: 'x' },
    { root: '/r', dir: '/r', base: 'x' }, { root: 'C:\\', dir: 'C:\\', name: 'a', ext: 'b' },
    { dir: 'C:\\x', base: 'y' }, { dir: '/a', name: 'b', ext: 'c' },
    { dir: '//', base: 'a' }, { root: 'x', name: 'n' }, { ext: '.' },
    { ext: '..' }, { base: '', name: '', ext: '' }, { dir: 1, base: 2 },
    { ext: 5 }, { name: 0, ext: ['.', 'x'] }, { dir: 'd', base: 'b', name: 'n', ext: 'e' },
    { root: '/', dir: '', base: 'f' }, { dir: null, root: null, base: null, name: null },
  ];
  for (const [name, api] of flavours) {
    for (const obj of objects) {
      record(`${name}.format(${q(obj)})`, () => api.format(obj));
    }
    record(`${name}.format(inherited)`,
           () => api.format(Object.create({ dir: '/p', base: 'q' })));
    for (const shape of [
      { dir: 'd', root: 'r', base: '', name: 'n', ext: 'e' },
      { dir: '', root: '', base: 'b', name: 'n', ext: 'e' },
      { dir: 'r', root: 'r', base: 'b' },
    ]) {
      record(`${name}.format get order(${q(shape)})`, () => {
        const reads = [];
        const proxy = new Proxy(shape, {
          get(target, key) {
            reads.push(String(key));
            return target[key];
          },
        });
        return [api.format(proxy), reads];
      });
    }
  }

  // Bad arguments: Node's ERR_INVALID_ARG_TYPE for each function.
  const bad = [
    ['undefined', undefined], ['null', null], ['1', 1], ['true', true],
    ['{}', {}], ['[]', []], ['fn', function named() {}], ['sym', Symbol('s')],
    ['1n', 1n], ['NaN', NaN], ['date', new Date(0)], ['obj', { a: 1 }],
    ['str obj', new String('x')], ['long', 'x'.repeat(40)],
  ];
  for (const [name, api] of flavours) {
    for (const [tag, value] of bad) {
      for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename',
        'extname', 'parse', 'join', 'resolve', 'format', 'toNamespacedPath']) {
        record(`${name}.${fn}(<${tag}>)`, () => {
          const out = api[fn](value);
          return typeof out === 'string' || typeof out === 'boolean' ? out : typeof out;
        });
      }
      record(`${name}.relative(<${tag}>, 'x')`, () => api.relative(value, 'x'));
      record(`${name}.relative('x', <${tag}>)`, () => api.relative('x', value));
      record(`${name}.basename('x', <${tag}>)`, () => api.basename('x', value));
      record(`${name}.basename(<${tag}>, <${tag}>)`, () => api.basename(value, value));
      record(`${name}.join('a', <${tag}>)`, () => api.join('a', value));
      record(`${name}.join(<${tag}>, '')`, () => api.join(value, ''));
      record(`${name}.resolve('a', <${tag}>)`, () => api.resolve('a', value));
      record(`${name}.resolve(<${tag}>, '/abs')`, () => api.resolve(value, '/abs'));
      record(`${name}.resolve(<${tag}>, 'C:\\\\abs')`, () => api.resolve(value, 'C:\\abs'));
      record(`${name}.resolve('C:', <${tag}>, '\\\\a')`, () => api.resolve('C:', value, '\\a'));
    }
  }

  // The module's shape: flavours, cross links, separators, arities.
  record('shape', () => {
    const out = [];
    out.push(path === path.posix, path.posix.win32 === path.win32,
             path.win32.posix === path.posix, path.win32.win32 === path.win32,
             path.posix.posix === path.posix);
    for (const [name, api] of flavours) {
      // matchesGlob is left out: this module does not provide it.
      const keys = Object.keys(api).filter((key) => key !== 'matchesGlob');
      out.push(name, api.sep, api.delimiter, keys,
               keys.map((key) => (typeof api[key] === 'function' ? api[key].length : typeof api[key])),
               api._makeLong === api.toNamespacedPath);
    }
    return out;
  });
  record('detached methods', () => {
    const { join, resolve, basename } = path;
    const { normalize } = path.win32;
    return [join('a', 'b'), resolve('/x', 'y'), basename('/q/w.e', '.e'), normalize('a/b')];
  });
  record('parse result', () => {
    const parsed = path.win32.parse('C:\\d\\f.e');
    return [Object.keys(parsed), Object.getPrototypeOf(parsed) === Object.prototype];
  });
  record('resolve is cwd based', () => [
    path.posix.resolve('x') === `${process.cwd()}/x`,
    path.posix.resolve() === process.cwd(),
  ]);
  // A drive's cwd variable ('=C:') cannot be set on POSIX, so it changes
  // nothing here; the case records that both runtimes agree on it.
  record('drive cwd variable', () => {
    process.env['=C:'] = 'C:\\elsewhere';
    const seenVar = process.env['=C:'];
    const resolved = [path.win32.resolve('C:x'), path.win32.resolve('c:')];
    delete process.env['=C:'];
    return [seenVar === undefined, resolved];
  });
}

runCorpus();
