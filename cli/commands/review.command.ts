import type { Command } from 'commander';
import { mergeRecords, reviewBatch } from '../../app/commands/candidate-reviewer.ts';
import { figureMetrics, figureSeries, pinFigure } from '../../app/commands/figure-series.ts';
import { RECORD_KINDS, type RecordKind, type TumenRecord } from '../../domain/records.ts';
import { recordLabel } from '../../domain/record-text.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

export function registerReview(program: Command): void {
  const review = program.command('review').description('list, confirm, reject or merge candidate facts');
  review
    .command('list')
    .description('candidates waiting for review')
    .option('--data <dir>', 'data folder')
    .option('--source <id>', 'only candidates citing this source')
    .option('--kind <kind>', 'only this record kind')
    .option('--json', 'print JSON')
    .action(async (opts: { data?: string; source?: string; kind?: string; json?: boolean }) => {
      if (opts.kind && !RECORD_KINDS.includes(opts.kind as RecordKind)) throw new CliFailure(`unknown kind "${opts.kind}" (${RECORD_KINDS.join(', ')})`);
      const items: TumenRecord[] = [];
      await withTumen(opts.data, async (tumen) => {
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof tumen.store.records.listUnrestricted>> = await tumen.store.records.listUnrestricted({
            status: 'candidate',
            cursor,
            limit: 500,
            ...(opts.source ? { sourceId: opts.source } : {}),
            ...(opts.kind ? { kind: opts.kind as RecordKind } : {}),
          });
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
      });
      if (opts.json) return processOutput.out(JSON.stringify(items, null, 2));
      for (const r of items) {
        processOutput.out(`${r.id}  ${r.kind.padEnd(12)}  ${recordLabel(r.kind, r.body)}\n    “${r.citations[0]?.quote ?? ''}”  [${r.citations[0]?.rule ?? ''}]`);
      }
      processOutput.out(`${items.length} candidates`);
    });
  for (const action of ['confirm', 'reject'] as const) {
    review
      .command(action)
      .description(`${action} candidates (all or none)`)
      .argument('<ids...>', 'candidate ids')
      .option('--data <dir>', 'data folder')
      .action(async (ids: string[], opts: { data?: string }) => {
        const out = await withTumen(opts.data, async (t) => reviewBatch(t.store, await cliOperator(t), ids, action));
        for (const o of out) processOutput.out(`${o.action === 'merge' ? 'merged ' : `${action}ed`} ${o.id}${o.recordId !== o.id ? ` into ${o.recordId}` : ''}`);
      });
  }
  review
    .command('merge')
    .description('merge one record into another of the same kind (citations move over)')
    .argument('<from>', 'record to retire')
    .argument('<into>', 'record to keep')
    .option('--data <dir>', 'data folder')
    .action(async (from: string, into: string, opts: { data?: string }) => {
      await withTumen(opts.data, async (t) => mergeRecords(t.store, await cliOperator(t), from, into));
      processOutput.out(`merged ${from} into ${into}`);
    });

  const figures = program.command('figures').description('figure series and disagreeing values');
  figures
    .command('series')
    .description('all values of a metric per period, with sources and conflicts (no metric: list metrics)')
    .argument('[metric]', 'metric, e.g. "North Korean defectors arriving in South Korea"')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action(async (metric: string | undefined, opts: { data?: string; json?: boolean }) => {
      await withTumen(opts.data, async (t) => {
        if (!metric) {
          const metrics = await figureMetrics(t.store, await cliOperator(t));
          if (opts.json) return processOutput.out(JSON.stringify(metrics, null, 2));
          for (const m of metrics) processOutput.out(`${String(m.count).padStart(5)}  ${m.metric}`);
          return;
        }
        const s = await figureSeries(t.store, await cliOperator(t), metric);
        if (opts.json) return processOutput.out(JSON.stringify(s, null, 2));
        for (const p of s.periods) {
          const values = p.values.map((v) => `${v.pinned ? '📌' : ''}${v.value.toLocaleString('en-US')}${v.provisional ? ' (provisional)' : ''} [${v.source?.title ?? '?'}; ${v.source?.reliability ?? '-'}${v.credibility}]`);
          processOutput.out(`${p.conflict ? '≠' : ' '} ${p.period.padEnd(10)} ${p.chosen?.value.toLocaleString('en-US') ?? '—'}   ${p.values.length > 1 ? values.join(' | ') : ''}`);
          for (const e of p.explanations) processOutput.out(`      ${e}`);
        }
        processOutput.out(`${s.periods.length} periods, ${s.conflicts} with disagreeing values`);
      });
    });
  figures
    .command('pin')
    .description('choose this figure as the value shown for its metric, period and place')
    .argument('<id>', 'figure id')
    .option('--data <dir>', 'data folder')
    .action(async (id: string, opts: { data?: string }) => {
      await withTumen(opts.data, async (t) => pinFigure(t.store, await cliOperator(t), id));
      processOutput.out(`pinned ${id}`);
    });
}
