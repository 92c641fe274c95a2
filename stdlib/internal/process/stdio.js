'use strict';
// process.stdout / process.stderr: synchronous writers on fds 1 and 2, as
// Node's are on Linux for files, pipes and terminals (nothing is lost when
// the process exits right after a write).

const EventEmitter = require('../../events');
const stdio = internalBinding('stdio');
const { ERR_INVALID_ARG_TYPE } = require('../errors').codes;

class SyncWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._type = stdio.guessHandleType(fd);
    this.isTTY = this._type === 'TTY' ? true : undefined;
    this.writable = true;
    this.destroyed = false;
    this._isStdio = true;
    this.writableLength = 0;
    this.writableHighWaterMark = 16384;
    this.writableNeedDrain = false;
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
  getColorDepth(env = require('../../process').env) {
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

  write(chunk, encoding, callback) {
    if (typeof encoding === 'function') {
      callback = encoding;
      encoding = undefined;
    }
    try {
      if (typeof chunk === 'string') {
        stdio.writeString(this.fd, chunk);
      } else if (ArrayBuffer.isView(chunk)) {
        stdio.writeBuffer(this.fd, chunk);
      } else {
        throw new ERR_INVALID_ARG_TYPE(
          'chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
      }
    } catch (err) {
      if (err && err.code === 'ERR_INVALID_ARG_TYPE') throw err;
      const process = require('../../process');
      process.nextTick(() => {
        if (typeof callback === 'function') callback(err);
        this.emit('error', err);
      });
      return false;
    }
    if (typeof callback === 'function') {
      require('../../process').nextTick(callback, null);
    }
    return true;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === 'function') {
      callback = chunk;
      chunk = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    // Like Node, the standard streams are never really closed.
    if (typeof callback === 'function') {
      require('../../process').nextTick(callback);
    }
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { return this; }
  destroySoon() {}
}

module.exports = { SyncWriteStream };
