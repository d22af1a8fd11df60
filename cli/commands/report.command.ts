import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { checkScope } from '../../app/reports/report-data.ts';
import { appendixOf } from '../../app/reports/report-html.ts';
import { renderReport } from '../../app/reports/report-renderer.ts';
import { verifyAppendix } from '../../app/reports/report-verification.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';
import { writeFileAtomic } from '../write-atomic.ts';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('situation report (arrivals with conflicts explained, events, installations per segment, sources) with a signed verification appendix')
    .requiredOption('--out <file>', 'write the report here')
    .option('--format <format>', 'html | pdf', 'html')
    .option('--lang <lang>', 'en | ko', 'en')
    .option('--from <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--to <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--place <name>', 'only events and installations at this place')
    .option('--data <dir>', 'data folder')
    .action(async (opts: { out: string; format: string; lang: string; from?: string; to?: string; place?: string; data?: string }) => {
      if (opts.format !== 'html' && opts.format !== 'pdf') throw new CliFailure(`unknown format "${opts.format}" (use html or pdf)`);
      if (opts.lang !== 'en' && opts.lang !== 'ko') throw new CliFailure(`unknown language "${opts.lang}" (use en or ko)`);
      const scope = { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}), ...(opts.place ? { place: opts.place } : {}) };
      checkScope(scope);
      const bytes = await withTumen(opts.data, async (tumen) => renderReport(tumen, await cliOperator(tumen), { ...scope, format: opts.format as 'html' | 'pdf', lang: opts.lang as 'en' | 'ko' }));
      await writeFileAtomic(opts.out, bytes);
      processOutput.err(`wrote report (${opts.format}, ${bytes.length} bytes) to ${opts.out}`);
    });

  program
    .command('verify-report')
    .description("check an HTML report's appendix: checkpoint signature and each source's inclusion proof")
    .argument('<file>', 'a report written by tumen report --format html')
    .option('--key <hex>', "the installation's checkpoint public key, as you received it (else the report's own key is only self-consistent)")
    .action(async (file: string, opts: { key?: string }) => {
      const appendix = appendixOf(await readFile(file, 'utf8'));
      const problems = verifyAppendix(appendix, opts.key);
      for (const p of problems) processOutput.err(`tumen: ${p}`);
      if (problems.length) throw new CliFailure('', true);
      processOutput.out(`report verified: checkpoint signature and ${appendix.sources.length} inclusion proofs${opts.key ? '' : ' (against the key inside the report: pass --key to check whose it is)'}`);
    });
}
