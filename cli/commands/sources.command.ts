import type { Command } from 'commander';
import { NotFoundError } from '../../domain/errors.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';

export function registerSources(program: Command): void {
  program
    .command('sources')
    .description('list sources: id, title, published, sha256')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON (one array)')
    .option('--kind <kind>', 'only this kind of source')
    .action(async (opts: { data?: string; json?: boolean; kind?: string }) => {
      const rows: Array<{ id: string; title: string; published: string | null; sha256: string; kind: string; language: string }> = [];
      await withTumen(opts.data, async (tumen) => {
        let cursor: string | null = null;
        do {
          const page: Awaited<ReturnType<typeof tumen.store.sources.listUnrestricted>> = await tumen.store.sources.listUnrestricted({ cursor, limit: 500, ...(opts.kind ? { kind: opts.kind } : {}) });
          for (const s of page.items) rows.push({ id: s.id, title: s.title, published: s.published?.value ?? null, sha256: s.sha256, kind: s.kind, language: s.language });
          cursor = page.nextCursor;
        } while (cursor);
      });
      if (opts.json) return processOutput.out(JSON.stringify(rows, null, 2));
      for (const r of rows) processOutput.out(`${r.id}  ${(r.published ?? '—').padEnd(10)}  ${r.sha256.slice(0, 12)}  ${r.title}`);
      processOutput.out(`${rows.length} sources`);
    });

  program
    .command('show')
    .description('show one source or record by id')
    .argument('<id>', 'source or record id')
    .option('--data <dir>', 'data folder')
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { data?: string; json?: boolean }) => {
      const shown = await withTumen(opts.data, async (tumen) => {
        const source = await tumen.store.sources.getUnrestricted(id).catch(() => null);
        if (source) {
          const evidence = await tumen.store.evidence.forSourceUnrestricted(id);
          const citations = await tumen.store.records.citations.forSource(await cliOperator(tumen), id);
          return { type: 'source' as const, source, evidence, citations: citations.length };
        }
        const record = await tumen.store.records.getUnrestricted(id).catch(() => null);
        if (record) return { type: 'record' as const, record };
        throw new NotFoundError(`source or record ${id}`);
      });
      if (opts.json) return processOutput.out(JSON.stringify(shown, null, 2));
      if (shown.type === 'source') {
        const s = shown.source;
        processOutput.out(`${s.title}\n${[s.publisher, s.author, s.published?.value, s.language, s.kind].filter(Boolean).join(' · ')}`);
        processOutput.out(`id ${s.id}\nsha256 ${s.sha256}\nreliability ${s.reliability ?? 'not rated'}\n${shown.evidence.length} evidence file(s), ${shown.citations} citation(s)\n`);
        processOutput.out(s.text);
      } else {
        processOutput.out(JSON.stringify(shown.record, null, 2));
      }
    });
}
