// Child process for the crash test: imports every file in a folder, one transaction each, and
// prints "committed <sha256>" only after the import has returned. The parent kills it at random.
import { importPaths } from '../app/commands/source-importer.ts';
import { resolveConfig } from '../app/config.ts';
import { openTestTumen, operator } from './keys.ts';

const [dataDir, filesDir] = process.argv.slice(2) as [string, string];
const tumen = await openTestTumen(resolveConfig({ data: dataDir }));
await importPaths(tumen, {
  paths: [filesDir],
  actor: operator,
  onProgress: (_done, _total, r) => {
    if (r.status !== 'failed' && r.sha256) process.stdout.write(`committed ${r.sha256}\n`);
  },
});
process.stdout.write('finished\n');
await tumen.close();
