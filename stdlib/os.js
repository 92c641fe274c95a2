'use strict';
// node:os: facts about the host, read from libuv on each call (nothing of
// them may be kept in a snapshot, since the snapshot is made on another
// machine). Failures become Node's SystemError (ERR_SYSTEM_ERROR).

const binding = internalBinding('os');
const process = require('./internal/process/object');
const env = require('./internal/process/env');
const { codes } = require('./internal/errors');
const { validateInt32 } = require('./internal/validators');

// Calls a binding method that reports failure through a trailing ctx object.
function ask(method, ...args) {
  const ctx = {};
  const result = binding[method](...args, ctx);
  if (result === undefined && ctx.code !== undefined) {
    throw new codes.ERR_SYSTEM_ERROR(ctx);
  }
  return result;
}

// Older code reads some of these as values (`'' + os.hostname`), so, as in
// Node, the plain getters also convert to their result.
function asValue(fn) {
  fn[Symbol.toPrimitive] = () => fn();
  return fn;
}

const platform = asValue(function platform() {
  return process.platform;
});
const arch = asValue(function arch() {
  return process.arch;
});
const hostname = asValue(function hostname() {
  return ask('getHostname');
});
const homedir = asValue(function homedir() {
  return ask('getHomeDirectory');
});
const uptime = asValue(function uptime() {
  return ask('getUptime');
});
const totalmem = asValue(function totalmem() {
  return binding.getTotalMemory();
});
const freemem = asValue(function freemem() {
  return binding.getFreeMemory();
});
const availableParallelism = asValue(function availableParallelism() {
  return binding.getAvailableParallelism();
});
const endianness = asValue(function endianness() {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 'LE' : 'BE';
});

// type, release, version and machine are the four fields of uname(2).
const kUname = { type: 0, release: 1, version: 2, machine: 3 };
const unameField = (index) => () => ask('getUname')[index];
const type = asValue(unameField(kUname.type));
const release = asValue(unameField(kUname.release));
const version = asValue(unameField(kUname.version));
const machine = asValue(unameField(kUname.machine));
for (const [name, fn] of [['type', type], ['release', release],
  ['version', version], ['machine', machine]]) {
  Object.defineProperty(fn, 'name', { value: name });
}

// $TMPDIR, $TMP, $TEMP or /tmp, with one trailing slash dropped (not the
// root's).
const tmpdir = asValue(function tmpdir() {
  const dir = env.TMPDIR || env.TMP || env.TEMP || '/tmp';
  return dir.length > 1 && dir.endsWith('/') ? dir.slice(0, -1) : dir;
});

function loadavg() {
  return binding.getLoadAvg();
}

function cpus() {
  const flat = binding.getCpus();
  const list = [];
  for (let i = 0; i < flat.length; i += 7) {
    list.push({
      model: flat[i],
      speed: flat[i + 1],
      times: {
        user: flat[i + 2], nice: flat[i + 3], sys: flat[i + 4],
        idle: flat[i + 5], irq: flat[i + 6],
      },
    });
  }
  return list;
}

// The number of leading one bits of a netmask: the prefix length, or null
// when the mask is not contiguous.
function prefixLength(netmask, family) {
  const v4 = family === 'IPv4';
  const groups = v4 ? netmask.split('.').map(Number) :
    expandIPv6(netmask).map((g) => parseInt(g, 16));
  const width = v4 ? 8 : 16;
  let bits = 0;
  let ended = false;
  for (const group of groups) {
    for (let bit = width - 1; bit >= 0; bit--) {
      const set = (group >> bit) & 1;
      if (set && ended) return null;
      if (set) bits++;
      else ended = true;
    }
  }
  return bits;
}

function expandIPv6(text) {
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : (tail ? tail.split(':') : []);
  const zeros = new Array(8 - left.length - right.length).fill('0');
  return tail === undefined ? left : [...left, ...zeros, ...right];
}

function networkInterfaces() {
  const flat = ask('getInterfaceAddresses');
  const byName = {};
  for (let i = 0; i < flat.length; i += 7) {
    const [name, address, netmask, family, mac, internal, scopeid] =
      flat.slice(i, i + 7);
    const bits = prefixLength(netmask, family);
    const entry = {
      address, netmask, family, mac, internal,
      cidr: bits === null ? null : `${address}/${bits}`,
    };
    if (family === 'IPv6') entry.scopeid = scopeid;
    (byName[name] || (byName[name] = [])).push(entry);
  }
  return byName;
}

// Node ignores options that are not an object.
function userInfo(options) {
  const [uid, gid, username, homeDir, shell] = ask('getUserInfo');
  const encoding = options !== null && typeof options === 'object' ?
    options.encoding : undefined;
  const encode = encoding === 'buffer' && typeof Buffer === 'function' ?
    (s) => (s === null ? s : Buffer.from(s)) : (s) => s;
  const info = Object.create(null);
  info.uid = uid;
  info.gid = gid;
  info.username = encode(username);
  info.homedir = encode(homeDir);
  info.shell = encode(shell);
  return info;
}

const { PRIORITY_LOW, PRIORITY_HIGHEST } = binding.getConstants().priority;

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  return ask('getPriority', pid);
}

// setPriority([pid,] priority): with one argument, the calling process.
function setPriority(first, second) {
  const [pid, priority] = second === undefined ? [0, first] : [first, second];
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', PRIORITY_HIGHEST, PRIORITY_LOW);
  ask('setPriority', pid, priority);
}

const constants = binding.getConstants();

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

// Node's attributes: constants is fixed for good; EOL and devNull cannot be
// assigned (a TypeError in strict code) but may be redefined.
Object.defineProperties(module.exports, {
  constants: {
    value: constants, writable: false, enumerable: true, configurable: false,
  },
  EOL: { value: '\n', writable: false, enumerable: true, configurable: true },
  devNull: {
    value: '/dev/null', writable: false, enumerable: true, configurable: true,
  },
});
