import type { Command } from 'commander';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createCheckpoint } from '../../app/commands/checkpointer.ts';
import { verifyTumen } from '../../app/commands/verifier.ts';
import { processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

export function registerLog(program: Command): void {
  program
    .command('checkpoint')
    .description('sign the audit log\'s current tree head; --out writes it for a partner organisation to keep as witness')
    .option('--data <dir>', 'data folder')
    .option('--out <file>', 'write the signed checkpoint (tree size, root, time: nothing else) to this file')
    .action(async (opts: { data?: string; out?: string }) => {
      const { cp, verifierKey } = await withTumen(opts.data, async (tumen) => ({ cp: await createCheckpoint(tumen), verifierKey: tumen.vault.file.verifierKey }));
      if (opts.out) {
        await writeFile(`${opts.out}.partial`, cp.note, { mode: 0o644 });
        await rename(`${opts.out}.partial`, opts.out);
      }
      processOutput.out(`checkpoint: ${cp.treeSize} entries, root ${cp.rootHash}${opts.out ? `, written to ${opts.out}` : ''}`);
      processOutput.out(`verifier key (give it to the witness once): ${verifierKey}`);
    });

  program
    .command('verify')
    .description('check the audit log, its checkpoints, every record and source against the log, and every evidence file')
    .option('--data <dir>', 'data folder')
    .option('--checkpoint <file>', 'also check against a checkpoint kept outside (detects a rollback of the whole database)')
    .action(async (opts: { data?: string; checkpoint?: string }) => {
      const external = opts.checkpoint ? await readFile(opts.checkpoint, 'utf8').catch(() => { throw new CliFailure(`cannot read checkpoint file ${opts.checkpoint}`); }) : undefined;
      const report = await withTumen(opts.data, (tumen) => verifyTumen(tumen, external === undefined ? {} : { externalCheckpoint: external }));
      for (const line of report.failures) processOutput.err(`tumen: verify: ${line}`);
      for (const name of report.orphanBlobs) processOutput.err(`tumen: verify: note: file ${name.slice(0, 16)}… is referred to by no evidence (left by an interrupted import, or put there by hand)`);
      const orphans = report.orphanBlobs.length ? `, ${report.orphanBlobs.length} unreferenced files` : '';
      const summary = `${report.entries} log entries (root ${report.root.slice(0, 16)}…), ${report.checkpoints} checkpoints, ${report.entities} rows against the log, ${report.blobs} files${orphans}`;
      if (report.failures.length > 0) throw new CliFailure(`verify failed: ${report.failures.length} problem(s) in ${summary}`);
      processOutput.out(`verify: intact — ${summary}${external !== undefined ? '; extends the external checkpoint' : ''}`);
    });
}
