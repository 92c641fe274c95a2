'use strict';
// Whether this process is a cluster worker, for node:net and node:dgram:
// `worker` is set by internal/cluster/child.js at startup ({ listen(server,
// query), bindUdp(query, done) }), and stays null in a primary, so net and
// dgram never load the cluster code there.

module.exports = { worker: null };
