'use strict';
// Raw mode for a stream over a terminal descriptor: tty.ReadStream's and
// process.stdin's setRawMode (through the tty_wrap binding's termios call).

const { errnoException } = require('../errors');

let binding;

// Sets stream.isRaw; a failure is the stream's 'error'. Returns the stream.
function setRawMode(stream, fd, flag) {
  binding ??= internalBinding('tty_wrap');
  const raw = Boolean(flag);
  const err = binding.setRawMode(fd, raw);
  if (err !== 0) {
    stream.emit('error', errnoException(err, 'setRawMode'));
    return stream;
  }
  stream.isRaw = raw;
  return stream;
}

module.exports = { setRawMode };
