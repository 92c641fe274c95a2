'use strict';
// process.stdin: a readable stream over fd 0 (a terminal's, until tty has a
// ReadStream; createStdin picks the kind). Flowing mode ('data' listeners,
// resume(), pipe-like consumers, async iteration) reads continuously; paused
// mode buffers what was read for read() and 'readable'. The process stays
// alive only while stdin is being read, as in Node.
//
// Chunks are Buffers; with setEncoding() they are strings, decoded by
// node:string_decoder across chunk boundaries.

const EventEmitter = require('../../events');
const { nextTick } = require('./ticks');
const { StringDecoder } = require('../../string_decoder');
const { Buffer } = require('../../buffer');
const stdio = internalBinding('stdio');

class Stdin extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this.isTTY = stdio.isatty(fd) ? true : undefined;
    // A terminal stdin has raw mode, as Node's tty.ReadStream (node:tty).
    if (this.isTTY) {
      this.isRaw = false;
      this.setRawMode = (flag) => require('../tty/raw').setRawMode(this, fd, flag);
    }
    this.readable = true;
    this.readableEnded = false;
    this.destroyed = false;
    this.readableEncoding = null;
    this._decoder = null;
    this._buffer = [];     // chunks read while paused
    this._flowing = null;  // null: not decided yet (Node's readableFlowing)
    this._opened = false;
    this._eof = false;
    this._endEmitted = false;
    this._reading = false;
    this.on('newListener', (event) => {
      if (event === 'data' && this._flowing !== false) {
        nextTick(() => this.resume());
      } else if (event === 'readable') {
        this._flowing = false;
        nextTick(() => this._startReading());
      }
    });
  }

  get readableFlowing() {
    return this._flowing;
  }

  setEncoding(encoding) {
    this._decoder = new StringDecoder(encoding);
    this.readableEncoding = this._decoder.encoding;
    return this;
  }

  resume() {
    this._flowing = true;
    this._drainBuffer();
    if (!this._eof) this._startReading();
    this.emit('resume');
    return this;
  }

  pause() {
    if (this._flowing !== false) {
      this._flowing = false;
      this._stopReading();
      this.emit('pause');
    }
    return this;
  }

  isPaused() {
    return this._flowing === false;
  }

  // Paused mode: returns everything buffered (or null), like Readable.read().
  read() {
    if (this._buffer.length === 0) {
      if (this._eof) this._maybeEnd();
      else this._startReading();
      return null;
    }
    const chunks = this._buffer;
    this._buffer = [];
    if (!this._eof) this._startReading();
    else nextTick(() => this._maybeEnd());
    if (chunks.length === 1) return chunks[0];
    if (typeof chunks[0] === 'string') return chunks.join('');
    return Buffer.concat(chunks);
  }

  unref() {
    this._stopReading();
    return this;
  }

  ref() {
    if (this._flowing) this._startReading();
    return this;
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    this.readable = false;
    this._stopReading();
    nextTick(() => {
      if (err) this.emit('error', err);
      this.emit('close');
    });
    return this;
  }

  pipe(destination, options) {
    this.on('data', (chunk) => {
      if (destination.write(chunk) === false && typeof destination.once ===
          'function') {
        this.pause();
        destination.once('drain', () => this.resume());
      }
    });
    if (!options || options.end !== false) {
      this.once('end', () => {
        if (!destination._isStdio && typeof destination.end === 'function') {
          destination.end();
        }
      });
    }
    return destination;
  }

  async *[Symbol.asyncIterator]() {
    const queue = [];
    let wake = null;
    let error = null;
    let ended = false;
    const notify = () => {
      if (wake) {
        wake();
        wake = null;
      }
    };
    const onData = (chunk) => { queue.push(chunk); notify(); };
    const onEnd = () => { ended = true; notify(); };
    const onError = (err) => { error = err; notify(); };
    this.on('data', onData);
    this.once('end', onEnd);
    this.once('error', onError);
    try {
      for (;;) {
        if (queue.length) {
          yield queue.shift();
        } else if (error) {
          throw error;
        } else if (ended) {
          return;
        } else {
          await new Promise((resolve) => { wake = resolve; });
        }
      }
    } finally {
      this.off('data', onData);
      this.off('end', onEnd);
      this.off('error', onError);
    }
  }

  _startReading() {
    if (this._reading || this._eof || this.destroyed) return;
    if (!this._opened) {
      this._opened = true;
      stdio.openStdin(this.fd, (chunk) => this._onRead(chunk));
    }
    this._reading = true;
    stdio.readStart();
  }

  _stopReading() {
    if (!this._reading) return;
    this._reading = false;
    stdio.readStop();
  }

  _onRead(chunk) {
    if (chunk === null) {
      this._eof = true;
      this._reading = false;
      if (this._decoder) {
        const rest = this._decoder.end();
        if (rest) this._push(rest);
      }
      if (this._flowing) {
        this._maybeEnd();
      } else if (this.listenerCount('readable') > 0) {
        this.emit('readable');
      }
      return;
    }
    if (typeof chunk === 'number') {
      const { uvException } = require('../errors');
      this._eof = true;
      this._reading = false;
      this.emit('error', uvException({ errno: chunk, syscall: 'read' }));
      return;
    }
    this._push(this._decoder ? this._decoder.write(chunk) :
      Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }

  _push(chunk) {
    if (chunk.length === 0) return;
    if (this._flowing) {
      this.emit('data', chunk);
    } else {
      this._buffer.push(chunk);
      this._stopReading();
      if (this.listenerCount('readable') > 0) this.emit('readable');
    }
  }

  _drainBuffer() {
    while (this._flowing && this._buffer.length) {
      this.emit('data', this._buffer.shift());
    }
    if (this._eof) this._maybeEnd();
  }

  _maybeEnd() {
    if (this._endEmitted || this._buffer.length) return;
    this._endEmitted = true;
    this.readable = false;
    this.readableEnded = true;
    nextTick(() => {
      this.emit('end');
      this.emit('close');
    });
  }
}

// process.stdin by what fd 0 is, as in Node: a net.Socket for a pipe or a
// socket, an fs.ReadStream for a file (and for a closed or unknown fd 0,
// /dev/null's), a tty.ReadStream for a terminal (the Stdin above while tty
// has none). None reads until the app asks for data, so an unread stdin
// never keeps the process alive.
function createStdin(fd) {
  const kind = stdio.guessHandleType(fd);
  if (kind === 'PIPE' || kind === 'TCP') return socketStdin(fd);
  if (kind === 'FILE') return fileStdin(fd, undefined);
  if (kind === 'TTY') {
    const tty = require('../../tty');
    if (typeof tty.ReadStream === 'function') return stopOnPause(new tty.ReadStream(fd));
    return new Stdin(fd);
  }
  // Nothing usable: /dev/null, opened now, on fd 0 itself when that is
  // closed (open() takes the lowest free descriptor).
  const fs = require('../../fs');
  let nullFd;
  try {
    nullFd = fs.openSync('/dev/null', 'r');
  } catch {
    return fileStdin(undefined, '/dev/null');
  }
  const stream = fileStdin(nullFd, undefined);
  stream.autoClose = true;
  return stream;
}

function socketStdin(fd) {
  const net = require('../../net');
  const stream = new net.Socket({
    fd, readable: true, writable: false, manualStart: true,
  });
  // The other end may be read-write (a socketpair); this side only reads.
  stream.readable = true;
  stream.fd = fd;
  return stopOnPause(stream);
}

// A paused stdin stops reading at once, so that it does not hold the
// process open (Node does the same; readline's close() pauses its input).
function stopOnPause(stream) {
  stream.on('pause', () => {
    const handle = stream._handle;
    if (handle === null || handle === undefined) return;
    stream._readableState.reading = false;
    handle.readStop();
  });
  return stream;
}

function fileStdin(fd, path) {
  const fs = require('../../fs');
  const stream = path === undefined ?
    new fs.ReadStream(null, { fd, autoClose: false }) :
    new fs.ReadStream(path);
  if (path === undefined) stream.fd = fd;
  return stream;
}

module.exports = { Stdin, createStdin };
