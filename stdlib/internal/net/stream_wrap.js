'use strict';
// A net.Socket over any Duplex stream (node:_stream_wrap's JSStreamSocket):
// its handle reads the stream's 'data' into the socket and writes the
// socket's bytes into the stream, so code that wants a socket (an http
// client's createConnection, a TLS layer) can run over an HTTP/2 stream, a
// PassThrough, or anything else with read and write sides.

const { Buffer } = require('../../buffer');
const { Socket } = require('./socket');

const UV_EOF = -4095;
const UV_EPIPE = -32;

class DuplexHandle {
  constructor(stream) {
    this.stream = stream;
    this.reading = false;
    this.onread = null;
    this.closed = false;
    this.attached = false;
    this.bytesRead = 0;
    this.bytesWritten = 0;
  }

  // The stream is listened to from the first read on, so a wrapper nobody
  // reads takes nothing from it.
  attach() {
    if (this.attached) return;
    this.attached = true;
    const stream = this.stream;
    stream.on('data', (chunk) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.bytesRead += bytes.length;
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      this.onread?.(copy.length, copy.buffer, this);
    });
    stream.on('end', () => this.onread?.(UV_EOF, undefined, this));
    stream.on('error', (err) => this.owner?.destroy(err));
    stream.on('close', () => {
      if (!this.closed && !this.owner?.destroyed) this.owner?.destroy();
    });
  }

  readStart() {
    this.attach();
    this.reading = true;
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.reading = false;
    if (this.attached) this.stream.pause();
    return 0;
  }

  // 1: done at once (nothing to write); 0: req.oncomplete follows, once
  // the stream took every piece (or with EPIPE at its first error).
  writev(req, list) {
    if (list.length === 0) return 1;
    this.attach();
    let pending = list.length;
    const done = (err) => {
      if (--pending === 0 || err) {
        pending = -1;
        req.oncomplete(err ? UV_EPIPE : 0, req);
      }
    };
    for (const chunk of list) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.bytesWritten += bytes.length;
      this.stream.write(bytes, done);
    }
    return 0;
  }

  shutdown(req) {
    this.stream.end(() => req.oncomplete(0, req));
    return 0;
  }

  close(cb) {
    this.closed = true;
    const stream = this.stream;
    const done = typeof cb === 'function' ? cb : () => {};
    if (stream.destroyed) {
      process.nextTick(done);
      return;
    }
    stream.once('close', () => done());
    stream.destroy();
  }

  reset(cb) {
    this.close(cb);
    return 0;
  }

  getpeername() { return -22; }
  getsockname() { return -22; }
  ref() {}
  unref() {}
  setNoDelay() { return 0; }
  setKeepAlive() { return 0; }
  getAsyncId() { return -1; }
}

class JSStreamSocket extends Socket {
  constructor(stream) {
    super({ handle: new DuplexHandle(stream), manualStart: true });
    this.stream = stream;
  }
}

module.exports = { JSStreamSocket };
