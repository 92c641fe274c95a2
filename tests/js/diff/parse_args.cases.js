'use strict';
// Differential corpus for util.parseArgs: argument lists against option
// configurations in every mode (strict, allowPositionals, tokens,
// allowNegative), plus configuration validation errors.

const { parseArgs } = require('util');
const { inspect } = require('util');

function emit(label, result) {
  console.log(JSON.stringify([label, result]));
}

function run(config) {
  try {
    return ['ok', inspect(parseArgs(config), { depth: 6, breakLength: Infinity })];
  } catch (err) {
    return ['throws', err.name, err.code, err.message];
  }
}

const kConfigs = {
  none: {},
  basic: {
    foo: { type: 'string', short: 'f' },
    bar: { type: 'boolean', short: 'b' },
  },
  multi: {
    many: { type: 'string', multiple: true, short: 'm' },
    flag: { type: 'boolean', multiple: true, short: 'F' },
    one: { type: 'boolean', short: 'o' },
  },
  defaults: {
    name: { type: 'string', default: 'anon', short: 'n' },
    verbose: { type: 'boolean', default: false, short: 'v' },
    tags: { type: 'string', multiple: true, default: ['a', 'b'] },
  },
  noshort: {
    'dry-run': { type: 'boolean' },
    output: { type: 'string' },
    'no-color': { type: 'boolean' },
  },
};

const kArgLists = [
  [], ['pos'], ['-'], ['--'], ['--', '-f', 'x'], ['-f'], ['-f', 'v'], ['-fv'],
  ['-f=v'], ['--foo'], ['--foo', 'v'], ['--foo=v'], ['--foo='], ['--foo', '-b'],
  ['--foo', '--'], ['--foo', '-'], ['-f', '-x'], ['-b'], ['-b', 'x'], ['--bar'],
  ['--bar=1'], ['--bar='], ['-bf', 'v'], ['-bfv'], ['-fb'], ['-bb'], ['-b1'],
  ['-x'], ['--xx'], ['--xx=1'], ['-xyz'], ['--no-bar'], ['--no-foo'],
  ['--no-bar=1'], ['--no-xx'], ['-m', 'a', '-m', 'b'], ['--many', 'a', '--many=b'],
  ['-mc', '-m', 'd'], ['-FF', '-F'], ['--flag', '--flag'], ['-o', '-o'],
  ['-n', 'joe', '-v'], ['--name=x', '--tags', 'z'], ['--tags=1', '--tags=2'],
  ['--dry-run', '--output', 'o.txt'], ['--output'], ['--output', '--dry-run'],
  ['--no-dry-run'], ['--no-color'], ['--color'], ['--=x=y'], ['-=x'], ['-ab=c'],
  ['a', '-b', 'c', '--', 'd'], ['--__proto__', 'x'], ['--constructor'],
  ['--toString=1'], ['-f', 'v', '-f', 'w'], ['--bar', '--no-bar'], ['---x'],
  ['--foo', ''], ['', '-b'], ['-'.repeat(3)], ['-1'], ['--1'],
];

const kModes = [
  {},
  { strict: false },
  { allowPositionals: true },
  { strict: false, allowPositionals: false },
  { tokens: true, allowPositionals: true },
  { tokens: true, strict: false },
  { allowNegative: true, allowPositionals: true },
  { allowNegative: true, strict: false, tokens: true },
];

function matrixCases() {
  for (const [configName, options] of Object.entries(kConfigs)) {
    for (const args of kArgLists) {
      kModes.forEach((mode, m) => {
        emit(`${configName} ${JSON.stringify(args)} mode${m}`,
             run({ args, options, ...mode }));
      });
    }
  }
}

function validationCases() {
  const configs = [
    { args: 'x' }, { args: [5] }, { args: [null], strict: false },
    { strict: 5 }, { tokens: 'yes' }, { allowPositionals: 1 },
    { allowNegative: 'x' }, { options: 5 }, { options: null },
    { options: { a: 5 } }, { options: { a: {} } }, { options: { a: { type: 'nope' } } },
    { options: { a: { type: 'string', short: 'ab' } } },
    { options: { a: { type: 'string', short: '' } } },
    { options: { a: { type: 'string', short: 5 } } },
    { options: { a: { type: 'string', multiple: 5 } } },
    { options: { a: { type: 'string', default: 5 } } },
    { options: { a: { type: 'boolean', default: 'x' } } },
    { options: { a: { type: 'string', multiple: true, default: 'x' } } },
    { options: { a: { type: 'string', multiple: true, default: [1] } } },
    { options: { a: { type: 'boolean', multiple: true, default: [true, 1] } } },
    { options: { a: { type: 'boolean', multiple: true, default: [] } } },
    { options: { a: { type: 'string', default: '' } } },
    { options: { a: { type: 'string', short: 'x' }, b: { type: 'boolean', short: 'x' } },
      args: ['-x'] },
    { options: { __proto__: null, a: { type: 'string' } }, args: ['--a', '1'] },
    { options: Object.create({ inherited: { type: 'string' } }), args: ['--inherited'] },
    { options: { a: Object.create({ type: 'string' }) }, args: ['--a', 'v'] },
    { args: ['--x'], strict: undefined, options: undefined },
  ];
  configs.forEach((config, i) => emit(`validate ${i}`, run(config)));
  emit('no config', run(undefined));
  emit('number config', run(5));
  emit('result shape', (() => {
    const result = parseArgs({ args: ['-a'], strict: false, tokens: true });
    return [Object.keys(result), Object.getPrototypeOf(result.values) === null,
      Object.keys(result.tokens[0])];
  })());
}

matrixCases();
validationCases();
