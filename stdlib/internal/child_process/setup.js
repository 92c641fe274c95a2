'use strict';
// Run-time setup of the IPC channel in a process started by fork(): read and
// remove NODE_CHANNEL_FD and NODE_CHANNEL_SERIALIZATION_MODE from the
// environment, as Node does, and open the channel.

function setupChannelFromEnv(process) {
  const { env } = process;
  const fd = env.NODE_CHANNEL_FD;
  const mode = env.NODE_CHANNEL_SERIALIZATION_MODE;
  for (const name of ['NODE_CHANNEL_FD', 'NODE_CHANNEL_SERIALIZATION_MODE']) delete env[name];
  require('./ipc').setupChildChannel(process, fd, mode);
}

module.exports = { setupChannelFromEnv };
