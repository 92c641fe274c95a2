'use strict';
// net.BlockList (placeholder).
class BlockList {}
module.exports = { BlockList };
