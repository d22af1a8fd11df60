#!/usr/bin/env node
// Runs the TypeScript sources through tsx so a clone works without a build step.
import { register } from 'tsx/esm/api';

register();
// Everything Tumen creates (database, WAL, evidence, keys, backups, exports) is the owner's
// alone: 0600 files, 0700 folders, whatever the shell's umask.
process.umask(0o077);
// A closed pipe (`tumen export | head`) is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
