'use strict';
// node:tty: terminal detection.

const stdio = internalBinding('stdio');

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    stdio.isatty(fd);
}

module.exports = { isatty };
