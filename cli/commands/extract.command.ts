import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseDocument } from '../../ingest/parse/index.ts';
import { isValidIsoPrefix } from '../../domain/partial-date.ts';
import { processOutput } from '../context.ts';
import { CliFailure } from '../errors.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('propose candidate facts from one text or HTML file, storing nothing')
    .argument('<file>', 'a .txt, .md, .html or .pdf file')
    .option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD) to resolve relative dates against')
    .option('--lang <lang>', 'en | ko | zh (default: detect per sentence)')
    .option('--json', 'print one JSON object (the default output)')
    .action(async (file: string, opts: { published?: string; lang?: string; json?: boolean }) => {
      if (opts.published && !isValidIsoPrefix(opts.published)) throw new CliFailure(`--published must be YYYY, YYYY-MM or YYYY-MM-DD, not "${opts.published}"`);
      if (opts.lang && !['en', 'ko', 'zh'].includes(opts.lang)) throw new CliFailure(`--lang must be en, ko or zh, not "${opts.lang}"`);
      const bytes = await readFile(file).catch(() => {
        throw new CliFailure(`${file}: no such file`);
      });
      const doc = await parseDocument(basename(file), new Uint8Array(bytes)).catch((err: Error) => {
        throw new CliFailure(`${file}: ${err.message}`);
      });
      // The file's own date (an HTML meta tag, a dateline) counts when the caller gives none.
      const published = opts.published ?? doc.published?.value ?? null;
      const { extract, toContractJson } = await import('../../ingest/extract/index.ts');
      const result = extract(doc.text, { published, ...(opts.lang ? { lang: opts.lang as 'en' | 'ko' | 'zh' } : {}) });
      processOutput.out(JSON.stringify(toContractJson(result), null, 2));
    });
}
