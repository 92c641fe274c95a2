// Differential corpus for node:tty without a terminal: getColorDepth and
// hasColors over a table of TERM / COLORTERM / FORCE_COLOR / NO_COLOR / CI /
// TMUX / TERM_PROGRAM environments (color libraries trust these answers),
// isatty on non-terminals, and the constructors' errors.
'use strict';

const tty = require('tty');
const { makeEmit, attempt } = require('./lib/emit');

const emit = makeEmit();
const depth = (env) => tty.WriteStream.prototype.getColorDepth.call({}, env);
const has = (...args) => tty.WriteStream.prototype.hasColors.call({}, ...args);

const terms = ['', 'xterm', 'xterm-color', 'xterm-16color', 'xterm-256color', 'XTERM-256COLOR',
  'xterm-direct', 'xterm-truecolor', 'screen', 'screen-256color', 'Screen', 'tmux', 'tmux-256color',
  'rxvt', 'rxvt-unicode', 'rxvt-unicode-24bit', 'linux', 'Linux', 'vt100', 'VT100', 'vt220', 'ansi',
  'cygwin', 'dumb', 'konsole', 'Konsole', 'kitty', 'xterm-kitty', 'alacritty', 'putty', 'st',
  'eterm', 'Eterm', 'mosh', 'MOSH', 'gnome', 'GNOME', 'cons25', 'console', 'con80x25', 'con', 'dtterm',
  'hurd', 'jfbterm', 'kterm', 'mlterm', 'terminator', 'iterm', 'foo', 'foo-256', 'foo-color',
  'wezterm', 'xterm-ghostty', 'my-linux', 'myansi'];
for (const term of terms) emit(`TERM=${term}`, depth(term ? { TERM: term } : {}));

const envs = [
  {}, { COLORTERM: 'truecolor' }, { COLORTERM: '24bit' }, { COLORTERM: 'TRUECOLOR' },
  { COLORTERM: '1' }, { COLORTERM: '' }, { COLORTERM: 'truecolor', TERM: 'dumb' },
  { CI: '' }, { CI: '1' }, { CI: '', TERM: 'xterm-256color' }, { CI: '1', TERM: 'xterm-256color' },
  { CI: '1', GITHUB_ACTIONS: '1' }, { CI: '1', GITLAB_CI: '1' }, { CI: '1', TRAVIS: '1' },
  { CI: '1', CIRCLECI: '1' }, { CI: '1', APPVEYOR: '1' }, { CI: '1', BUILDKITE: '1' },
  { CI: '1', DRONE: '1' }, { CI: '1', CI_NAME: 'codeship' }, { CI: '1', TF_BUILD: '1' },
  { GITHUB_ACTIONS: '1' }, { CI: '1', COLORTERM: 'truecolor' },
  { TEAMCITY_VERSION: '9.1' }, { TEAMCITY_VERSION: '9.1.' }, { TEAMCITY_VERSION: '2019.1' },
  { TEAMCITY_VERSION: '1' }, { TEAMCITY_VERSION: '2019.1', TMUX: '1' },
  { TMUX: 'x' }, { TMUX: '', TERM: 'foo' }, { TMUX: '1', COLORTERM: 'truecolor' },
  { TERM_PROGRAM: 'iTerm.app' }, { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9' },
  { TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '10.1' },
  { TERM_PROGRAM: 'iTerm.app', COLORTERM: 'truecolor' }, { TERM_PROGRAM: 'Apple_Terminal' },
  { TERM_PROGRAM: 'HyperTerm' }, { TERM_PROGRAM: 'MacTerm' }, { TERM_PROGRAM: 'vscode' },
  { FORCE_COLOR: '' }, { FORCE_COLOR: '0' }, { FORCE_COLOR: '1' }, { FORCE_COLOR: '2' },
  { FORCE_COLOR: '3' }, { FORCE_COLOR: '4' }, { FORCE_COLOR: 'true' }, { FORCE_COLOR: 'false' },
  { FORCE_COLOR: '3', TERM: 'dumb' }, { NO_COLOR: '' }, { NO_COLOR: '1', TERM: 'xterm-256color' },
  { NODE_DISABLE_COLORS: '1' }, { TERM: 'xterm-256color', COLORTERM: '1' },
  { TERM: 'foo', COLORTERM: '1' },
];
for (const env of envs) emit(`env ${JSON.stringify(env)}`, depth(env));

emit('hasColors()', has());
emit('hasColors(256, env)', has(256, { TERM: 'xterm-256color' }));
emit('hasColors(env)', has({ TERM: 'xterm-256color' }));
emit('hasColors(2 ** 24, env)', has(2 ** 24, { COLORTERM: 'truecolor' }));
emit('hasColors(2)', has(2, {}));
emit('hasColors bad count', attempt(() => has('x')));
emit('hasColors count 0', attempt(() => has(0)));
emit('isatty', [tty.isatty(-1), tty.isatty(1.5), tty.isatty('0'), tty.isatty(2 ** 31), tty.isatty(9999)]);
emit('WriteStream -1', attempt(() => new tty.WriteStream(-1)));
emit('WriteStream string', attempt(() => new tty.WriteStream('x')));
emit('ReadStream -1', attempt(() => new tty.ReadStream(-1)));
emit('exports', Object.keys(tty).sort());
