// Named async steps run one after another; the first failure prints the
// step and its error and exits 1. Shared by the http tests.
'use strict';

const steps = [];

function step(name, fn) {
  steps.push([name, fn]);
}

// Resolves with server.address() once the server listens.
function listen(server, ...args) {
  return new Promise((resolve, reject) => {
    const failed = (err) => reject(err);
    server.once('error', failed);
    server.listen(...args, () => {
      server.off('error', failed);
      resolve(server.address());
    });
  });
}

async function runSteps() {
  for (const [name, fn] of steps) {
    try {
      await fn();
    } catch (err) {
      console.error(`FAIL ${name}`);
      console.error(err);
      process.exit(1);
    }
    console.log(`ok ${name}`);
  }
}

module.exports = { listen, runSteps, step };
