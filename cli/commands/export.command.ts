import type { Command } from 'commander';
import { createWriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { exportAll, type ExportFormat } from '../../app/commands/exporter.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

const FORMATS: ExportFormat[] = ['json', 'csv', 'geojson'];

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export everything, streaming (json re-imports losslessly; csv; geojson)')
    .option('--data <dir>', 'data folder')
    .option('--format <format>', 'json | csv | geojson', 'json')
    .option('--out <file>', 'write to this file instead of stdout')
    .option('--include-protected', 'include person protected fields (plaintext: handle the file as sensitive)')
    .option('--no-blobs', 'leave evidence file bytes out of a JSON export')
    .action(async (opts: { data?: string; format: string; out?: string; includeProtected?: boolean; blobs: boolean }) => {
      if (!FORMATS.includes(opts.format as ExportFormat)) throw new CliFailure(`unknown format "${opts.format}" (use json, csv or geojson)`);
      // Write beside the target and rename at the end: a failed export never leaves a half file that looks whole.
      const tmp = opts.out ? `${opts.out}.partial` : null;
      const out = tmp ? createWriteStream(tmp, { mode: 0o600 }) : process.stdout;
      try {
        const n = await withTumen(opts.data, async (tumen) =>
          exportAll(tumen, { format: opts.format as ExportFormat, out, actor: await cliOperator(tumen), includeProtected: opts.includeProtected ?? false, includeBlobs: opts.blobs }),
        );
        if (tmp && opts.out) {
          out.end();
          await finished(out);
          await rename(tmp, opts.out);
          processOutput.err(`exported ${n} items to ${opts.out}`);
        }
      } catch (err) {
        if (tmp) await unlink(tmp).catch(() => undefined);
        throw err;
      }
    });
}
