import type { Command } from 'commander';
import { caseDossier, type CaseDossier } from '../../app/commands/case-dossier.ts';
import { listCases, type CaseFilter } from '../../app/commands/case-register.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

function wholeDays(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new CliFailure(`${flag} must be a whole number of days, not "${value}"`);
  return Number(value);
}

export function registerCases(program: Command): void {
  program
    .command('cases')
    .description('list cases of persons at risk: risk, latest status, days since last news, consent')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON (one array)')
    .option('--status <status>', 'latest status on the timeline (in_hiding, detained, transferred, repatriated, missing, safe)')
    .option('--risk <risk>', 'detained, facing_repatriation, disappeared, repatriated, in_hiding, safe, unknown')
    .option('--min-days <n>', 'no news for at least n days')
    .option('--max-days <n>', 'news within the last n days')
    .action(async (opts: { data?: string; json?: boolean; status?: string; risk?: string; minDays?: string; maxDays?: string }) => {
      const filter: CaseFilter = {
        ...(opts.status ? { status: opts.status } : {}),
        ...(opts.risk ? { risk: opts.risk } : {}),
        ...(opts.minDays !== undefined ? { minDaysSinceNews: wholeDays('--min-days', opts.minDays) } : {}),
        ...(opts.maxDays !== undefined ? { maxDaysSinceNews: wholeDays('--max-days', opts.maxDays) } : {}),
      };
      const rows = await withTumen(opts.data, async (tumen) => listCases(tumen.store, await cliOperator(tumen), filter));
      if (opts.json) return processOutput.out(JSON.stringify(rows, null, 2));
      for (const r of rows) {
        const days = r.daysSinceLastNews === null ? 'no dated news' : `${r.daysSinceLastNews} days since news`;
        processOutput.out(`${r.id}  ${r.risk.padEnd(19)}  ${(r.latestStatus ?? '—').padEnd(11)}  ${days.padEnd(22)}  ${r.label}`);
      }
      processOutput.out(`${rows.length} cases`);
    });

  program
    .command('case')
    .description('one case')
    .command('show')
    .description('a case with its status timeline (every status with its sources), places, organisations and consent')
    .argument('<id>', 'case id')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .option('--include-protected', "include the person's protected fields (the read is audit-logged)")
    .action(async (id: string, opts: { data?: string; json?: boolean; includeProtected?: boolean }) => {
      const d = await withTumen(opts.data, async (tumen) => caseDossier(tumen.store, await cliOperator(tumen), id, { includeProtected: Boolean(opts.includeProtected) }));
      if (opts.json) return processOutput.out(JSON.stringify(d, null, 2));
      for (const line of describe(d)) processOutput.out(line);
    });
}

function describe(d: CaseDossier): string[] {
  const lines = [`${d.label}  (${d.id})`, `risk: ${d.risk}; person: ${d.person?.pseudonym ?? 'none recorded'}; compartments: ${d.compartments.join(', ')}`, d.summary, ''];
  for (const s of d.statuses) {
    lines.push(`${(s.date?.value ?? 'undated').padEnd(10)}  ${s.status.padEnd(11)}  ${s.place?.name ?? ''}  ${s.note}`);
    for (const src of s.sources) lines.push(`            “${src.quote}” — ${src.title}${src.outlet ? `, ${src.outlet}` : ''}${src.published ? `, ${src.published}` : ''}`);
  }
  lines.push('', ...d.consents.map((c) => `consent: ${c.statement}`));
  const un = d.consentFor.unCommunication;
  lines.push(`UN communication: ${un.ok ? 'consent in force' : un.message}`);
  return lines;
}
