import type { Command } from 'commander';
import { searchAs } from '../../app/commands/searcher.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../domain/search.ts';
import { cliOperator, processOutput, withTumen } from '../context.ts';
import { CliFailure } from '../errors.ts';

export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search sources and records in English, Korean and Chinese (words, "phrases", -exclude, kind:, type:, lang:, from:, to:)')
    .argument('<query>', 'the query')
    .option('--data <dir>', 'data folder')
    .option('--limit <n>', 'how many hits', '20')
    .option('--json', 'one JSON object per hit: id, kind, title, snippet')
    .action(async (query: string, opts: { data?: string; limit: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliFailure(`--limit must be a whole number from 1 to 200, not "${opts.limit}"`);
      const result = await withTumen(opts.data, async (tumen) => searchAs(tumen, await cliOperator(tumen), { q: query, limit }));
      for (const h of result.hits) {
        if (opts.json) {
          processOutput.out(JSON.stringify({ id: h.id, kind: h.kind, title: h.title, snippet: h.snippet.split(HIGHLIGHT_START).join('').split(HIGHLIGHT_END).join(''), score: h.score }));
        } else {
          const snippet = h.snippet.split(HIGHLIGHT_START).join('[').split(HIGHLIGHT_END).join(']');
          processOutput.out(`${h.kind.padEnd(12)} ${h.id}  ${h.title}\n    ${snippet}`);
        }
      }
      if (!opts.json) processOutput.out(`${result.hits.length} of ${result.total} hits`);
    });
}
