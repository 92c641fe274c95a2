'use strict';
// process.stdout / process.stderr: stream.Writables whose writes reach fds
// 1 and 2 synchronously, as Node's do on Linux for files, pipes and
// terminals (nothing is lost when the process exits right after a write).
// Strings go to the fd as they are, with no Buffer in between.

const { Writable } = require('../../stream');
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

  // Node's answers for the environment (internal/tty/color.js, node:tty).
  hasColors(count, env) {
    return require('../tty/color').hasColors(count, env);
  }

  getColorDepth(env) {
    return require('../tty/color').getColorDepth(env);
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
