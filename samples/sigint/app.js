// sigint: prints "ready", then waits. With no SIGINT listener, Ctrl-C (SIGINT)
// must kill the process by that signal, as Node does (shell status 130).
'use strict';

setTimeout(() => {
  console.log('timeout (bug: SIGINT should have killed the process)');
}, 60000);
console.log('ready');
