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

function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (Number.isNaN(x)) throw new codes.ERR_INVALID_ARG_VALUE('x', x);
  if (Number.isNaN(y)) throw new codes.ERR_INVALID_ARG_VALUE('y', y);
  const hasX = typeof x === 'number';
  const hasY = typeof y === 'number';
  if (stream === null || stream === undefined || (!hasX && !hasY)) {
    return skipWrite(callback);
  }
  if (!hasX) throw new codes.ERR_INVALID_CURSOR_POS();
  return stream.write(positionCode(x, hasY ? y : undefined), callback);
}

function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined || !(dx || dy)) {
    return skipWrite(callback);
  }
  const code = motionCode(dx > 0 ? dx : dx < 0 ? dx : 0,
                          dy > 0 ? dy : dy < 0 ? dy : 0);
  return stream.write(code, callback);
}

function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) return skipWrite(callback);
  return stream.write(eraseCode(dir), callback);
}

function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream === null || stream === undefined) return skipWrite(callback);
  return stream.write(kEraseBelow, callback);
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
};
