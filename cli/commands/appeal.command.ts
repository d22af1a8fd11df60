import type { Command } from 'commander';
import { parseAppealRequest, renderAppeal } from '../../app/appeals/appeal-renderer.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { writeFileAtomic } from '../write-atomic.ts';

export function registerAppeal(program: Command): void {
  program
    .command('appeal')
    .description('draft a UN communication from a case (urgent appeal or WGAD); refused without consent for a UN communication')
    .argument('<case-id>', 'case id')
    .requiredOption('--kind <kind>', 'urgent-appeal | wgad')
    .requiredOption('--out <file>', 'write the draft here')
    .option('--format <format>', 'html | pdf', 'html')
    .option('--data <dir>', 'data folder')
    .option('--submitter <name>', 'the submitting organisation, as it signs')
    .option('--include-protected', "include the person's real name and birth date (the read is audit-logged)")
    .action(async (caseId: string, opts: { kind: string; out: string; format: string; data?: string; submitter?: string; includeProtected?: boolean }) => {
      const { kind, format } = parseAppealRequest(opts.kind, opts.format);
      const { bytes } = await withTumen(opts.data, async (tumen) =>
        renderAppeal(tumen.store, await cliOperator(tumen), caseId, { kind, format, includeProtected: Boolean(opts.includeProtected), ...(opts.submitter ? { submitter: opts.submitter } : {}) }),
      );
      await writeFileAtomic(opts.out, bytes);
      processOutput.err(`wrote ${kind} draft (${format}, ${bytes.length} bytes) to ${opts.out}`);
    });
}
