'use strict';
// process.stdout / process.stderr: stream.Writables whose writes reach fds
// 1 and 2 synchronously, as Node's do on Linux for files, pipes and
// terminals (nothing is lost when the process exits right after a write).
// Strings go to the fd as they are, with no Buffer in between.
//
// node:stream loads with the first of them. Until one is made, the global
// console writes through a plain writer with the same synchronous write, so
// an app that only logs never loads the stream machinery (samples/hello:
// about a fifth of its start-up instructions).

const stdio = internalBinding('stdio');

let SyncWriteStream;
function streamClass() {
  if (SyncWriteStream === undefined) {
    const { Writable } = require('../../stream');
    SyncWriteStream = class SyncWriteStream extends Writable {
      constructor(fd) {
        super({ decodeStrings: false, emitClose: false });
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
          callback(this._type === 'FILE' ? err : socketError(err));
          return;
        }
        callback();
      }

      // Like Node's, the standard streams are never really closed: a failed
      // write errors the stream once, then it takes writes again (the next
      // one to a closed pipe fails again instead of waiting in the buffer).
      _destroy(err, callback) {
        callback(err);
        this._undestroy();
      }

      destroySoon() {
        this.destroy();
      }
    };
  }
  return SyncWriteStream;
}

// Node writes to a pipe or terminal through a socket, whose errors read
// "write EPIPE" rather than the file system's "EPIPE: broken pipe, write".
function socketError(err) {
  if (typeof err?.errno !== 'number' || typeof err.syscall !== 'string') return err;
  const error = require('../errors').errnoException(err.errno, err.syscall);
  Error.captureStackTrace(error, socketError);
  return error;
}

const streams = [];  // by fd
const getters = [];  // the process.stdout / process.stderr getters, by fd

// On a terminal they emit 'resize' (internal/tty/resize.js).
function stdioStream(fd) {
  streams[fd] ??= require('../tty/resize').watchResize(new (streamClass())(fd));
  return streams[fd];
}

// Defines process.stdout and process.stderr, made on first use.
function defineStdio(process) {
  for (const [name, fd] of [['stdout', 1], ['stderr', 2]]) {
    // Node's getters are named getStdout and getStderr.
    const getter = `get${name[0].toUpperCase()}${name.slice(1)}`;
    getters[fd] = { [getter]() { return stdioStream(fd); } }[getter];
    Object.defineProperty(process, name, {
      configurable: true, enumerable: true, get: getters[fd],
    });
  }
}

// What the console writes while the stream does not exist: the stream's own
// write, minus the stream. The console hands a failed write to the real
// stream, which reports it as Node's does.
class PlainWriter {
  constructor(fd) {
    this.fd = fd;
    this.isTTY = stdio.guessHandleType(fd) === 'TTY' ? true : undefined;
  }

  // True if all of chunk (a string) was written.
  tryWrite(chunk) {
    try {
      stdio.writeString(this.fd, chunk);
      return true;
    } catch {
      return false;
    }
  }

  write(chunk, callback) {
    if (typeof chunk === 'string' && this.tryWrite(chunk)) return true;
    return stdioStream(this.fd).write(chunk, callback);
  }

  getColorDepth(env) {
    return require('../tty/color').getColorDepth(env);
  }
}
const writers = [];

// The stream the global console writes `name` to: process[name] if the app
// made or replaced it, else the plain writer.
function consoleStream(process, name) {
  const fd = name === 'stdout' ? 1 : 2;
  if (streams[fd] === undefined) {
    const own = Object.getOwnPropertyDescriptor(process, name);
    if (own !== undefined && own.get === getters[fd]) {
      writers[fd] ??= new PlainWriter(fd);
      return writers[fd];
    }
  }
  return process[name];
}

// `jspack --build-snapshot`: the streams and writers made at pack time are
// the packer's; they are dropped so that a start makes its own on first use.
function resetStdio() {
  for (const fd of [1, 2]) {
    if (streams[fd] !== undefined) {
      require('../tty/resize').unwatchResize(streams[fd]);
    }
    streams[fd] = undefined;
    writers[fd] = undefined;
  }
}

module.exports = {
  PlainWriter, consoleStream, defineStdio, resetStdio, stdioStream,
  streamClass,
};
