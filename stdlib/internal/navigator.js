'use strict';
// The `navigator` global (Node 21's, offered here as well): facts about
// this runtime and host, each read when asked for, never at load time.

const { codes } = require('./errors');
const { inspect } = require('./util/inspect');

let osBinding;
function os() {
  // eslint-disable-next-line no-undef
  if (osBinding === undefined) osBinding = internalBinding('os');
  return osBinding;
}

// The browser-style platform string for this OS and CPU.
function platformName() {
  const { platform, arch } = globalThis.process;
  if (platform === 'darwin') return 'MacIntel';
  if (platform === 'win32') return 'Win32';
  if (platform === 'linux') {
    const machine = { ia32: 'i686', x64: 'x86_64' }[arch] || arch;
    return `Linux ${machine}`;
  }
  return platform.charAt(0).toUpperCase() + platform.slice(1);
}

// ICU's default locale, which V8 takes from the environment at startup.
function defaultLocale() {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().locale;
  } catch {
    return 'en-US';
  }
}

const kMayConstruct = Symbol('kMayConstruct');

class Navigator {
  // Cached once read: they cannot change during a run.
  #language;
  #languages;

  constructor(token) {
    if (token !== kMayConstruct) throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
  }

  get hardwareConcurrency() {
    return os().getAvailableParallelism();
  }

  get language() {
    if (this.#language === undefined) this.#language = defaultLocale();
    return this.#language;
  }

  get languages() {
    if (this.#languages === undefined) {
      this.#languages = Object.freeze([this.language]);
    }
    return this.#languages;
  }

  get platform() {
    return platformName();
  }

  get userAgent() {
    const major = globalThis.process.version.slice(1).split('.')[0];
    return `Node.js/${major}`;
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return '[Navigator]';
    return `Navigator ${inspect({}, options)}`;
  }
}

for (const name of ['hardwareConcurrency', 'language', 'languages',
  'platform', 'userAgent']) {
  Object.defineProperty(Navigator.prototype, name, { enumerable: true });
}
Object.defineProperty(Navigator.prototype, Symbol.toStringTag, {
  value: 'Navigator', configurable: true,
});

const navigator = new Navigator(kMayConstruct);

module.exports = { Navigator, navigator };
