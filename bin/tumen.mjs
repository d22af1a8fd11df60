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
// `tumen extract FILE` loads only the extractor (cli/commands/extract.main.ts): it must answer in under a second.
const { main } = await import(process.argv[2] === 'extract' ? '../cli/commands/extract.main.ts' : '../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
