'use strict';
// node:tty: terminal detection and the terminal streams. WriteStream writes
// synchronously (as Node's do on Linux) and knows the window size and the
// color depth; ReadStream is a net.Socket over the terminal with raw mode.

const { Socket } = require('./net');
const { Pipe } = require('./internal/net/handles');
const { streamClass } = require('./internal/process/stdio');
const colors = require('./internal/tty/color');
const { setRawMode } = require('./internal/tty/raw');
const ansi = require('./internal/readline/ansi');
const {
  codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED },
  getSystemErrorMessage, getSystemErrorName,
} = require('./internal/errors');

const stdio = internalBinding('stdio');

const UV_EINVAL = -22;
const kFd = Symbol('tty fd');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    stdio.isatty(fd);
}

// The checks of both constructors: a descriptor that is a terminal.
function checkTerminal(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) throw new ERR_INVALID_FD(fd);
  if (!stdio.isatty(fd)) {
    throw new ERR_TTY_INIT_FAILED({
      errno: UV_EINVAL, code: getSystemErrorName(UV_EINVAL),
      message: getSystemErrorMessage(UV_EINVAL), syscall: 'uv_tty_init',
    });
  }
}

function ReadStream(descriptor, opts) {
  if (!(this instanceof ReadStream)) return new ReadStream(descriptor, opts);
  const fd = descriptor;
  checkTerminal(fd);
  const handle = new Pipe(false);
  const status = handle.open(fd);
  if (status !== 0) {
    throw new ERR_TTY_INIT_FAILED({
      errno: status, code: getSystemErrorName(status),
      message: getSystemErrorMessage(status), syscall: 'uv_tty_init',
    });
  }
  Socket.call(this, { readableHighWaterMark: 0, ...opts, handle, readable: true, writable: false });
  this.isRaw = false;
  this.isTTY = true;
  this[kFd] = fd;
}
Object.setPrototypeOf(ReadStream.prototype, Socket.prototype);
Object.setPrototypeOf(ReadStream, Socket);

ReadStream.prototype.setRawMode = function setRawModeMethod(flag) {
  return setRawMode(this, this[kFd], flag);
};

class WriteStream extends streamClass() {
  constructor(fd) {
    checkTerminal(fd);
    super(fd);
    this.isTTY = true;
    // As in Node, the size is read here and by _refreshSize(), not live.
    const [columns, rows] = stdio.getWindowSize(fd) ?? [80, 24];
    for (const [key, value] of [['columns', columns], ['rows', rows]]) {
      Object.defineProperty(this, key, { value, writable: true, enumerable: true, configurable: true });
    }
  }

  getWindowSize() {
    const { columns, rows } = this;
    return [columns, rows];
  }

  // Reads the size again; 'resize' when it changed.
  _refreshSize() {
    const [columns, rows] = stdio.getWindowSize(this.fd) ?? [this.columns, this.rows];
    if (columns === this.columns && rows === this.rows) return;
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }

  getColorDepth(env) {
    return colors.getColorDepth(env);
  }

  hasColors(count, env) {
    return colors.hasColors(count, env);
  }

  cursorTo(x, y, callback) {
    return ansi.cursorTo(this, x, y, callback);
  }

  moveCursor(dx, dy, callback) {
    return ansi.moveCursor(this, dx, dy, callback);
  }

  clearLine(dir, callback) {
    return ansi.clearLine(this, dir, callback);
  }

  clearScreenDown(callback) {
    return ansi.clearScreenDown(this, callback);
  }
}

module.exports = { ReadStream, WriteStream, isatty };
