'use strict';
// process.stdout / process.stderr: stream.Writables whose writes reach fds
// 1 and 2 synchronously, as Node's do on Linux for files, pipes and
// terminals (nothing is lost when the process exits right after a write).
// Strings go to the fd as they are, with no Buffer in between.

const { Writable } = require('../../stream');
const processEnv = require('./env');
const stdio = internalBinding('stdio');

class SyncWriteStream extends Writable {
  constructor(fd) {
    super({ decodeStrings: false, autoDestroy: false, emitClose: false });
    this.fd = fd;
    this._type = stdio.guessHandleType(fd);
    this.isTTY = this._type === 'TTY' ? true : undefined;
    this._isStdio = true;
  }

  get columns() {
    const size = this.isTTY ? stdio.getWindowSize(this.fd) : undefined;
    return size ? size[0] : undefined;
  }

  get rows() {
    const size = this.isTTY ? stdio.getWindowSize(this.fd) : undefined;
    return size ? size[1] : undefined;
  }

  getWindowSize() {
    const size = stdio.getWindowSize(this.fd);
    return size ? [size[0], size[1]] : [80, 24];
  }

  hasColors(count = 16, env) {
    if (typeof count === 'object' && count !== null) {
      env = count;
      count = 16;
    }
    return count <= 2 ** this.getColorDepth(env);
  }

  // Node's rules, reduced to the common terminals: FORCE_COLOR, NO_COLOR,
  // TERM=dumb, COLORTERM and 256-color TERMs.
  getColorDepth(env = processEnv) {
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
      if (force === '' || force === '1' || force === 'true') return 4;
      if (force === '2') return 8;
      if (force === '3') return 24;
      return 1;
    }
    if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
        env.TERM === 'dumb') {
      return 1;
    }
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
    if (env.TERM && /-256(color)?$/i.test(env.TERM)) return 8;
    return 4;
  }

  _write(chunk, encoding, callback) {
    try {
      if (typeof chunk === 'string') stdio.writeString(this.fd, chunk);
      else stdio.writeBuffer(this.fd, chunk);
    } catch (err) {
      callback(err);
      return;
    }
    callback();
  }

  // Like Node's, the standard streams are never really closed.
  _destroy(err, callback) {
    callback(err);
  }

  destroySoon() {
    this.destroy();
  }
}

module.exports = { SyncWriteStream };
