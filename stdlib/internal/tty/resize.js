'use strict';
// process.stdout / process.stderr on a terminal emit 'resize' when SIGWINCH
// changed their window size, as in Node (other tty.WriteStreams do not).

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
  process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
}

module.exports = { watchResize };
