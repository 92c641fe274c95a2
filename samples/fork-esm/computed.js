// The forked child, named only at run time.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.on('message', () => process.disconnect());
process.send({ file: path.basename(fileURLToPath(import.meta.url)), argv: process.argv.slice(2) });
