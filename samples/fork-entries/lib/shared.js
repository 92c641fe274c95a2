// Shared by every entry: each bundles its own copy.
'use strict';
const path = require('path');

exports.describe = (who, filename) => `${who} runs ${path.basename(filename)}`;
