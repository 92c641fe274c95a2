// util.parseArgs, util.MIMEType and the smaller util additions
// (getSystemErrorMap, transferable abort signals).
'use strict';

const assert = require('assert');
const util = require('util');
const { parseArgs, MIMEType, MIMEParams } = util;

const options = {
  name: { type: 'string', short: 'n' },
  verbose: { type: 'boolean', short: 'v', multiple: true },
  tag: { type: 'string', multiple: true, default: ['none'] },
};

// Values, positionals, short groups and inline values.
const parsed = parseArgs({
  args: ['-vv', '--name=joe', 'file', '-nann', '--', '--tag'],
  options, allowPositionals: true,
});
assert.deepStrictEqual({ ...parsed.values }, {
  verbose: [true, true], name: 'ann', tag: ['none'],
});
assert.deepStrictEqual(parsed.positionals, ['file', '--tag']);
assert.strictEqual(Object.getPrototypeOf(parsed.values), null);

// Tokens describe each argument.
const { tokens } = parseArgs({ args: ['-n', 'x', 'p'], options, tokens: true,
  allowPositionals: true });
assert.deepStrictEqual(tokens, [
  { kind: 'option', name: 'name', rawName: '-n', index: 0, value: 'x',
    inlineValue: false },
  { kind: 'positional', index: 2, value: 'p' },
]);

// Strict mode errors carry Node's codes and messages.
assert.throws(() => parseArgs({ args: ['--nope'], options }), {
  code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION', message: "Unknown option '--nope'",
});
assert.throws(() => parseArgs({ args: ['pos'], options }), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  message: "Unexpected argument 'pos'. This command does not take positional arguments",
});
assert.throws(() => parseArgs({ args: ['--name'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-n, --name <value>' argument missing",
});
assert.throws(() => parseArgs({ args: ['--verbose=1'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-v, --verbose' does not take an argument",
});
assert.throws(() => parseArgs({ options: { x: { type: 'string', short: 'xy' } } }), {
  code: 'ERR_INVALID_ARG_VALUE',
});

// Loose mode keeps unknown options; --no- negates with allowNegative.
assert.deepStrictEqual({ ...parseArgs({ args: ['--what=1', '-q'], strict: false }).values },
                       { what: '1', q: true });
const negated = parseArgs({ args: ['--no-color'], allowNegative: true,
  options: { color: { type: 'boolean' } } });
assert.deepStrictEqual({ ...negated.values }, { color: false });

// MIMEType parses, normalizes and serializes.
const mime = new MIMEType(' Text/HTML ; Charset="utf-8" ; x=1');
assert.strictEqual(mime.essence, 'text/html');
assert.strictEqual(mime.params.get('charset'), 'utf-8');
assert.strictEqual(String(mime), 'text/html;charset=utf-8;x=1');
mime.params.set('q', 'a b');
assert.strictEqual(JSON.stringify(mime), '"text/html;charset=utf-8;x=1;q=\\"a b\\""');
assert.ok(mime.params instanceof MIMEParams);
assert.throws(() => new MIMEType('text'), {
  code: 'ERR_INVALID_MIME_SYNTAX',
  message: 'The MIME syntax for a type in "text" is invalid',
});
assert.throws(() => { mime.type = 'a b'; }, {
  message: 'The MIME syntax for a type in "a b" is invalid at 1',
});

// parseEnv reads .env text.
assert.deepStrictEqual(util.parseEnv('# c\nexport A=1\nB="x\\ny" # note\nC=\'q\''),
                       { A: '1', B: 'x\ny', C: 'q' });
assert.throws(() => util.parseEnv(5), { code: 'ERR_INVALID_ARG_TYPE' });

// getSystemErrorMap and the transferable signals.
const errors = util.getSystemErrorMap();
assert.ok(errors instanceof Map);
assert.deepStrictEqual(errors.get(-2), ['ENOENT', 'no such file or directory']);
const controller = util.transferableAbortController();
assert.ok(controller instanceof AbortController);
const copied = util.transferableAbortSignal(AbortSignal.abort('why'));
assert.deepStrictEqual([copied.aborted, copied.reason], [true, 'why']);
assert.strictEqual(util.transferableAbortSignal(controller.signal).aborted, false);
assert.throws(() => util.transferableAbortSignal({}), { code: 'ERR_INVALID_ARG_TYPE' });

console.log('util parseArgs ok');
