'use strict';
// The ANSI control sequences readline writes to move and clear on a
// terminal, and the stream helpers built on them (cursorTo, moveCursor...).

const { nextTick } = require('../process/ticks');
const { codes } = require('../errors');
const { validateFunction } = require('../validators');

const CSI = '\x1b[';
const kEraseToLineStart = CSI + '1K';
const kEraseToLineEnd = CSI + '0K';
const kEraseLine = CSI + '2K';
const kEraseBelow = CSI + '0J';

// The sequence placing the cursor at column x (and row y when given).
function positionCode(x, y) {
  if (y === undefined) return `${CSI}${x + 1}G`;
  return `${CSI}${y + 1};${x + 1}H`;
}

// The sequence moving the cursor dx columns and dy rows (nothing for 0).
function motionCode(dx, dy) {
  let out = '';
  if (dx !== 0) out += dx < 0 ? `${CSI}${-dx}D` : `${CSI}${dx}C`;
  if (dy !== 0) out += dy < 0 ? `${CSI}${-dy}A` : `${CSI}${dy}B`;
  return out;
}

function eraseCode(dir) {
  if (dir < 0) return kEraseToLineStart;
  if (dir > 0) return kEraseToLineEnd;
  return kEraseLine;
}

// Nothing to write: the callback still runs, on the next tick.
function skipWrite(callback) {
  if (typeof callback === 'function') nextTick(callback, null);
  return true;
}

// cursorTo(stream, x[, y][, cb]): y may be left out for the callback.
function cursorTo(stream, x, y, cb) {
  if (cb !== undefined) validateFunction(cb, 'callback');
  const done = typeof y === 'function' ? y : cb;
  const row = typeof y === 'function' ? undefined : y;
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(row)) throw new codes.ERR_INVALID_ARG_VALUE('y', row);
  const hasX = typeof x === 'number';
  const hasY = typeof row === 'number';
  if (!present(stream) || (!hasX && !hasY)) return skipWrite(done);
  if (!hasX) throw new codes.ERR_INVALID_CURSOR_POS();
  return stream.write(positionCode(x, hasY ? row : undefined), done);
}

// Anything but a positive or negative number counts as no motion.
function moveCursor(stream, dx, dy, cb) {
  if (cb !== undefined) validateFunction(cb, 'callback');
  if (!present(stream) || !(dx || dy)) return skipWrite(cb);
  const steps = (n) => (n > 0 || n < 0 ? n : 0);
  return stream.write(motionCode(steps(dx), steps(dy)), cb);
}

function clearLine(stream, dir, cb) {
  if (cb !== undefined) validateFunction(cb, 'callback');
  return present(stream) ? stream.write(eraseCode(dir), cb) : skipWrite(cb);
}

function clearScreenDown(stream, cb) {
  if (cb !== undefined) validateFunction(cb, 'callback');
  return present(stream) ? stream.write(kEraseBelow, cb) : skipWrite(cb);
}

function present(value) {
  return value !== null && value !== undefined;
}

module.exports = {
  clearLine,
  clearScreenDown,
  cursorTo,
  eraseCode,
  kEraseBelow,
  motionCode,
  moveCursor,
  positionCode,
  present,
};
