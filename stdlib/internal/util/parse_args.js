'use strict';
// util.parseArgs: a command line split into option and positional tokens,
// then folded into values (Node 20's rules: strict mode, short groups,
// inline values, --no- negation, defaults, multiple).

const { codes } = require('../errors');
const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('../validators');

const hasOwn = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// The option's setting, ignoring anything inherited.
function setting(options, name, key) {
  if (!hasOwn(options, name)) return undefined;
  const config = options[name];
  return hasOwn(config, key) ? config[key] : undefined;
}

function defaultArgs() {
  const { argv, execArgv } = globalThis.process;
  // `node -e` and `-p` runs have no script in argv[1].
  const evaluating = execArgv.some((flag) => /^(-e|-p|--eval|--print)/.test(flag));
  return argv.slice(evaluating ? 1 : 2);
}

function checkConfig(options) {
  for (const name of Object.keys(options)) {
    const config = options[name];
    const where = `options.${name}`;
    validateObject(config, where);
    const type = setting(options, name, 'type');
    validateUnion(type, `${where}.type`, ['string', 'boolean']);
    if (hasOwn(config, 'short')) {
      const short = config.short;
      validateString(short, `${where}.short`);
      if (short.length !== 1) {
        throw new codes.ERR_INVALID_ARG_VALUE(`${where}.short`, short,
                                              'must be a single character');
      }
    }
    const multiple = setting(options, name, 'multiple');
    if (multiple !== undefined) validateBoolean(multiple, `${where}.multiple`);
    const fallback = setting(options, name, 'default');
    if (fallback !== undefined) {
      const check = multiple ?
        (type === 'string' ? validateStringArray : validateBooleanArray) :
        (type === 'string' ? validateString : validateBoolean);
      check(fallback, `${where}.default`);
    }
  }
}

// The long name a short letter stands for (the letter itself if none).
function longNameOf(letter, options) {
  for (const name of Object.keys(options)) {
    if (setting(options, name, 'short') === letter) return name;
  }
  return letter;
}

const isLongOption = (arg) => arg.length > 2 && arg.startsWith('--');
const isShortish = (arg) => arg.length > 1 && arg[0] === '-' && arg[1] !== '-';
// A value that looks like an option makes `--opt value` ambiguous.
const looksLikeOption = (value) => value.length > 1 && value[0] === '-';

// Turns argv into tokens: options (name, rawName, index, value, inlineValue),
// positionals, and the option terminator.
function tokenize(args, options, allowNegative) {
  const tokens = [];
  const takesValue = (name) => setting(options, name, 'type') === 'string';
  let index = 0;
  const pushOption = (name, rawName, at, value, inlineValue) => {
    tokens.push({ kind: 'option', name, rawName, index: at, value,
      inlineValue });
  };
  while (index < args.length) {
    const arg = args[index];
    const at = index++;
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index: at });
      for (; index < args.length; ++index) {
        tokens.push({ kind: 'positional', index, value: args[index] });
      }
      break;
    }
    if (isLongOption(arg)) {
      // An '=' makes an inline value only past the first letter of the
      // name, but the name still ends at the first '='.
      const equals = arg.includes('=', 3) ? arg.indexOf('=') : -1;
      if (equals !== -1) {
        pushOption(arg.slice(2, equals), arg.slice(0, equals), at,
                   arg.slice(equals + 1), true);
        continue;
      }
      const name = arg.slice(2);
      if (allowNegative && name.startsWith('no-') && !takesValue(name)) {
        pushOption(name.slice(3), arg, at, undefined, undefined);
      } else if (takesValue(name) && index < args.length) {
        pushOption(name, arg, at, args[index++], false);
      } else {
        pushOption(name, arg, at, undefined, undefined);
      }
      continue;
    }
    if (!isShortish(arg)) {
      tokens.push({ kind: 'positional', index: at, value: arg });
      continue;
    }
    // -f, -fVALUE, or a group like -abc (whose letters may end in one that
    // takes the rest, or the next argument, as its value).
    for (let k = 1; k < arg.length; ++k) {
      const letter = arg[k];
      const name = longNameOf(letter, options);
      if (!takesValue(name)) {
        pushOption(name, `-${letter}`, at, undefined, undefined);
        continue;
      }
      if (k + 1 < arg.length) {
        pushOption(name, `-${letter}`, at, arg.slice(k + 1), true);
      } else if (index < args.length) {
        pushOption(name, `-${letter}`, at, args[index++], false);
      } else {
        pushOption(name, `-${letter}`, at, undefined, undefined);
      }
      break;
    }
  }
  return tokens;
}

// "-f, --foo" or "--foo" as Node names an option in its messages.
function optionTitle(name, options) {
  const short = setting(options, name, 'short');
  return short === undefined ? `--${name}` : `-${short}, --${name}`;
}

function checkStrict(token, options, allowPositionals, allowNegative) {
  if (token.kind === 'positional') {
    if (!allowPositionals) {
      throw new codes.ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
    }
    return;
  }
  if (token.kind !== 'option') return;
  // Only boolean options have a --no- form. Strict mode also reads
  // --no-<name>=value as the boolean <name> given a value.
  let { name } = token;
  const negatedWithValue = allowNegative && token.inlineValue &&
    token.rawName.startsWith('--no-') &&
    setting(options, token.rawName.slice(5), 'type') === 'boolean';
  if (negatedWithValue) name = token.rawName.slice(5);
  // A negation is known when <name> is a boolean option, or when the
  // configuration itself has an option spelled no-<name>.
  const known = isNegation(token) ?
    setting(options, name, 'type') === 'boolean' ||
      hasOwn(options, `no-${name}`) :
    hasOwn(options, name);
  if (!known) {
    throw new codes.ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName,
                                                  allowPositionals);
  }
  const type = setting(options, name, 'type');
  if (type === 'string') {
    if (typeof token.value !== 'string') {
      throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
        `Option '${optionTitle(name, options)} <value>' argument missing`);
    }
    if (!token.inlineValue && looksLikeOption(token.value)) {
      const alternatives = token.rawName.length === 2 ?
        `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'` :
        `'--${token.name}=-XYZ'`;
      throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
        `Option '${token.rawName}' argument is ambiguous.\nDid you forget ` +
        `to specify the option argument for '${token.rawName}'?\nTo ` +
        `specify an option argument starting with a dash use ` +
        `${alternatives}.`);
    }
  } else if (token.value !== undefined) {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${optionTitle(name, options)}' does not take an argument`);
  }
}

// A token that --no-<name> made (allowNegative): it sets <name> to false.
const isNegation = (token) => token.rawName === `--no-${token.name}`;

function store(values, options, name, value) {
  if (name === '__proto__') return;
  if (setting(options, name, 'multiple')) {
    if (values[name] === undefined) values[name] = [];
    values[name].push(value);
  } else {
    values[name] = value;
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = config.args !== undefined ? config.args : defaultArgs();
  const strict = config.strict !== undefined ? config.strict : true;
  const allowPositionals = config.allowPositionals !== undefined ?
    config.allowPositionals : !strict;
  const wantTokens = config.tokens !== undefined ? config.tokens : false;
  const allowNegative = config.allowNegative !== undefined ?
    config.allowNegative : false;
  const given = config.options;
  const options = given !== undefined && given !== null ? given :
    { __proto__: null };
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(wantTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  checkConfig(options);

  const values = { __proto__: null };
  const positionals = [];
  const tokens = tokenize(args, options, allowNegative);
  for (const token of tokens) {
    if (strict) checkStrict(token, options, allowPositionals, allowNegative);
    if (token.kind === 'positional') {
      if (!strict && !allowPositionals) {
        throw new codes.ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      }
      positionals.push(token.value);
    } else if (token.kind === 'option') {
      const value = allowNegative && isNegation(token) ? false :
        token.value === undefined ? true : token.value;
      store(values, options, token.name, value);
    }
  }
  for (const name of Object.keys(options)) {
    const fallback = setting(options, name, 'default');
    if (fallback !== undefined && values[name] === undefined) {
      values[name] = fallback;
    }
  }
  const result = { values, positionals };
  if (wantTokens) result.tokens = tokens;
  return result;
}

module.exports = { parseArgs };
