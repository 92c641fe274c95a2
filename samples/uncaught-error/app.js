// uncaught-error: an Error thrown three calls deep after some output. Node
// prints the error and its stack on stderr and exits with code 1; the line
// printed before the throw is on stdout.
'use strict';

function parseConfig(text) {
  if (!text.includes('=')) {
    throw new Error(`bad config line: ${JSON.stringify(text)}`);
  }
  return Object.fromEntries([text.split('=')]);
}

function loadConfig(lines) {
  return lines.map(parseConfig);
}

function main() {
  console.log('loading config');
  const config = loadConfig(['a=1', 'oops']);
  console.log('never printed', config);
}

process.on('exit', (code) => console.log(`exit event: ${code}`));
main();
