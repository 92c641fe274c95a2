'use strict';
// Run-time setup of the IPC channel in a process started by fork(): read and
// remove NODE_CHANNEL_FD and NODE_CHANNEL_SERIALIZATION_MODE from the
// environment, as Node does, and open the channel.

function setupChannelFromEnv(process) {
  const fd = process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_FD;
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  require('./ipc').setupChildChannel(process, fd);
}

module.exports = { setupChannelFromEnv };
