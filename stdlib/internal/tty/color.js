'use strict';
// How many colors a terminal shows, from the environment alone, answering as
// Node's tty.WriteStream#getColorDepth does on Linux (color libraries decide
// their output from this): FORCE_COLOR, then NO_COLOR / NODE_DISABLE_COLORS
// / TERM=dumb, TMUX, CI services, TeamCity, TERM_PROGRAM, COLORTERM, TERM.
// Depths are bits: 1 (2 colors), 4 (16), 8 (256), 24 (truecolor).

const { validateInteger } = require('../validators');

const kForced = { '': 4, 1: 4, true: 4, 2: 8, 3: 24 };

// TERM values with a known depth.
const kTerms = {
  __proto__: null,
  'xterm-256color': 8, 'rxvt-unicode-24bit': 24, mosh: 24, terminator: 24,
  cons25: 4, console: 4, cygwin: 4, dtterm: 4, eterm: 4, gnome: 4, hurd: 4, jfbterm: 4,
  konsole: 4, kterm: 4, mlterm: 4, putty: 4, st: 4,
};

// Other TERMs that mean 16 colors.
const kSixteen = [/ansi/i, /color/i, /linux/i, /^con[0-9]*x[0-9]/i, /^rxvt/i, /^screen/i,
  /^xterm/i, /^vt100/i];

// CI services whose logs show 256 colors.
const kColorfulCi = ['TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI', 'GITHUB_ACTIONS',
  'BUILDKITE', 'DRONE'];

let warnedIgnored = false;

function warnIgnored(vars) {
  if (warnedIgnored) return;
  const ignored = ['NODE_DISABLE_COLORS', 'NO_COLOR'].filter((key) => vars[key] !== undefined);
  if (ignored.length === 0) return;
  warnedIgnored = true;
  process.emitWarning(`The ${ignored.map((key) => `'${key}'`).join(' and ')} env is ignored ` +
    "due to the 'FORCE_COLOR' env being set.");
}

// An exact name, then the 16-color patterns, then a name in another case.
function termDepth(term) {
  const exact = kTerms[term];
  if (exact !== undefined) return exact;
  if (kSixteen.some((pattern) => pattern.test(term))) return 4;
  return kTerms[term.toLowerCase()];
}

function getColorDepth(vars = process.env) {
  const forced = vars.FORCE_COLOR;
  if (forced !== undefined) {
    warnIgnored(vars);
    return kForced[forced] ?? 1;
  }
  if (vars.NODE_DISABLE_COLORS !== undefined || vars.NO_COLOR !== undefined || vars.TERM === 'dumb') {
    return 1;
  }
  if (vars.TMUX) return 8;
  if (vars.CI) {
    return kColorfulCi.some((key) => key in vars) || vars.CI_NAME === 'codeship' ? 8 : 1;
  }
  if ('TEAMCITY_VERSION' in vars) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(vars.TEAMCITY_VERSION) ? 4 : 1;
  }
  const program = vars.TERM_PROGRAM;
  switch (program) {
    case 'iTerm.app': {
      const version = vars.TERM_PROGRAM_VERSION;
      return !version || version.split('.')[0] < 3 ? 8 : 24;
    }
    case 'HyperTerm': case 'MacTerm':
      return 24;
    case 'Apple_Terminal':
      return 8;
  }
  if (vars.COLORTERM === 'truecolor' || vars.COLORTERM === '24bit') return 24;
  if (vars.TERM) {
    const depth = termDepth(vars.TERM);
    if (depth !== undefined) return depth;
  }
  return vars.COLORTERM ? 4 : 1;
}

// hasColors([count][, env]): whether `count` colors (16 by default) show.
function hasColors(wanted, vars) {
  const envOnly = vars === undefined &&
    (wanted === undefined || (typeof wanted === 'object' && wanted !== null));
  if (envOnly) return 16 <= 2 ** getColorDepth(wanted ?? process.env);
  validateInteger(wanted, 'count', 2);
  return wanted <= 2 ** getColorDepth(vars ?? process.env);
}

module.exports = { getColorDepth, hasColors };
