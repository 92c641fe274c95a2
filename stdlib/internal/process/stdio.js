'use strict';
// process.stdout / process.stderr: synchronous writers on fds 1 and 2, as
// Node's are on Linux for files, pipes and terminals (nothing is lost when
// the process exits right after a write).

const EventEmitter = require('../../events');
const processEnv = require('./env');
const { nextTick } = require('./ticks');
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

  // Writes go straight to the fd. The callback (last argument, after an
  // optional encoding) runs on the next tick, as a stream's would.
  write(chunk, ...rest) {
    const done = typeof rest[rest.length - 1] === 'function' ?
      rest[rest.length - 1] : undefined;
    let failure = null;
    if (typeof chunk === 'string') {
      failure = this._writeNow(stdio.writeString, chunk);
    } else if (ArrayBuffer.isView(chunk)) {
      failure = this._writeNow(stdio.writeBuffer, chunk);
    } else {
      throw new ERR_INVALID_ARG_TYPE(
        'chunk', ['string', 'Buffer', 'TypedArray', 'DataView'], chunk);
    }
    if (failure !== null) {
      nextTick(() => {
        if (done !== undefined) done(failure);
        this.emit('error', failure);
      });
      return false;
    }
    if (done !== undefined) nextTick(done, null);
    return true;
  }

  _writeNow(writeFn, data) {
    try {
      writeFn(this.fd, data);
      return null;
    } catch (err) {
      return err;
    }
  }

  end(...args) {
    const done = typeof args[args.length - 1] === 'function' ?
      args.pop() : undefined;
    if (args[0] !== undefined && args[0] !== null) this.write(args[0]);
    // Like Node, the standard streams are never really closed.
    if (done !== undefined) nextTick(done);
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() { return this; }
  destroy() { return this; }
  destroySoon() {}
}

module.exports = { SyncWriteStream };
