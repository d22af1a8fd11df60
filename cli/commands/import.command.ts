import type { Command } from 'commander';
import { importPaths } from '../../app/commands/source-importer.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { progressBar } from '../progress.ts';
import { CliFailure } from '../errors.ts';

export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import files or folders (.txt .md .html .pdf, or a Tumen .json export)')
    .argument('<paths...>', 'files or folders')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print the results as JSON')
    .action(async (paths: string[], opts: { data?: string; json?: boolean }) => {
      const io = processOutput;
      const bar = progressBar(io.isTTY && !opts.json);
      const results = await withTumen(opts.data, async (tumen) =>
        importPaths(tumen, { paths, actor: await cliOperator(tumen), onProgress: (done, total, last) => bar.update(done, total, last.file) }),
      );
      bar.stop();
      const failed = results.filter((r) => r.status === 'failed');
      if (opts.json) {
        io.out(JSON.stringify({ results, imported: count(results, 'imported'), duplicates: count(results, 'duplicate'), failed: failed.length }, null, 2));
      } else {
        for (const r of results) {
          if (r.status === 'imported') io.out(`imported  ${r.sourceId ?? ''}  ${r.title ?? r.file}${r.restored ? ` (${r.restored} items)` : ''}${r.candidates ? `  (${r.candidates} candidates)` : ''}`);
          else if (r.status === 'duplicate') io.out(`unchanged ${r.sourceId ?? ''}  ${r.title ?? r.file} (already imported)`);
        }
        io.out(`${count(results, 'imported')} imported, ${count(results, 'duplicate')} already present, ${failed.length} failed`);
      }
      for (const f of failed) io.err(`${f.file}: ${f.error?.message ?? 'failed'}`);
      if (failed.length > 0) throw new CliFailure(`${failed.length} of ${results.length} files failed to import`, true);
    });
}

function count(results: { status: string }[], status: string): number {
  return results.filter((r) => r.status === status).length;
}
