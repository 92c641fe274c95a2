'use strict';
// process.stdout / process.stderr on a terminal emit 'resize' when SIGWINCH
// changed their window size, as in Node (other tty.WriteStreams do not).

const kStopResize = Symbol('kStopResize');

// Returns `stream`, watched when it is a terminal.
function watchResize(stream) {
  if (!stream.isTTY) return stream;
  let [columns, rows] = stream.getWindowSize();
  stream._refreshSize = function refreshSize() {
    const [nowColumns, nowRows] = this.getWindowSize();
    if (nowColumns === columns && nowRows === rows) return;
    [columns, rows] = [nowColumns, nowRows];
    this.emit('resize');
  };
  const onResize = () => stream._refreshSize();
  process.on('SIGWINCH', onResize);
  stream[kStopResize] = () => process.removeListener('SIGWINCH', onResize);
  return stream;
}

// Undoes watchResize (the SIGWINCH listener), for a stream that is dropped.
function unwatchResize(stream) {
  if (typeof stream[kStopResize] === 'function') stream[kStopResize]();
}

module.exports = { watchResize, unwatchResize };
