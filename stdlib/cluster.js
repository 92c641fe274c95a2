'use strict';
// node:cluster. Loading it gives the primary's view (internal/cluster/
// primary.js); a process started by cluster.fork() is switched to the
// worker's view at startup, before the app runs (internal/cluster/child.js),
// so the object an app snapshot holds serves both.

const EventEmitter = require('./events');
const { installPrimary } = require('./internal/cluster/primary');

module.exports = installPrimary(new EventEmitter());
