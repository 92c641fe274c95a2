'use strict';
// Whether a Node option was given to this process, on the command line
// (process.execArgv) or in NODE_OPTIONS: Node reads both.

function nodeFlagGiven(flag) {
  if (process.execArgv.includes(flag)) return true;
  return (process.env.NODE_OPTIONS ?? '').split(/\s+/).includes(flag);
}

module.exports = { nodeFlagGiven };
