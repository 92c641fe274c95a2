'use strict';
// Whether this process is a cluster worker, for node:net: `worker` is set
// by internal/cluster/child.js at startup ({ listen(server, query) }), and
// stays null in a primary, so net never loads the cluster code there.

module.exports = { worker: null };
