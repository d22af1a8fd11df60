import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliFailure } from '../errors.ts';

/**
 * `tumen extract` must answer one file in well under a second, so it loads only what it uses: plain
 * text and Markdown go through the text parser alone; the full parser (with the PDF reader) and the
 * extractor are imported when needed. Nothing here touches a data folder.
 */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('propose candidate facts from one text or HTML file, storing nothing')
    .argument('<file>', 'a .txt, .md, .html or .pdf file')
    .option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD) to resolve relative dates against')
    .option('--lang <lang>', 'en | ko | zh (default: detect per sentence)')
    .option('--json', 'print one JSON object (the default output)')
    .action(async (file: string, opts: { published?: string; lang?: string; json?: boolean }) => {
      if (opts.published && !isIsoPrefix(opts.published)) throw new CliFailure(`--published must be YYYY, YYYY-MM or YYYY-MM-DD, not "${opts.published}"`);
      if (opts.lang && !['en', 'ko', 'zh'].includes(opts.lang)) throw new CliFailure(`--lang must be en, ko or zh, not "${opts.lang}"`);
      const bytes = await readFile(file).catch(() => {
        throw new CliFailure(`${file}: no such file`);
      });
      const doc = await parseForExtract(basename(file), new Uint8Array(bytes), !!opts.published).catch((err: Error) => {
        throw new CliFailure(`${file}: ${err.message}`);
      });
      // The file's own date (an HTML meta tag, a dateline) counts when the caller gives none.
      const published = opts.published ?? doc.published?.value ?? null;
      // Not the package index: it also pulls in the HTML reader, which a parsed document no longer needs.
      const [{ extract }, { toContractJson }] = await Promise.all([import('../../ingest/extract/extract.ts'), import('../../ingest/extract/contract.ts')]);
      const result = extract(doc.text, { published, ...(opts.lang ? { lang: opts.lang as 'en' | 'ko' | 'zh' } : {}) });
      process.stdout.write(`${JSON.stringify(toContractJson(result), null, 2)}\n`);
    });
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real day (checked here to spare loading the schema library). */
function isIsoPrefix(s: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const TEXT_FILE = /\.(?:txt|text|md|markdown)$/i;

async function parseForExtract(name: string, bytes: Uint8Array, dated: boolean): Promise<{ text: string; published?: { value: string } | null }> {
  if (TEXT_FILE.test(name) && bytes.length <= 50 * 1024 * 1024) {
    // With the date given, a text file needs decoding only; without it, the text parser looks for a dateline.
    if (dated) {
      const { decodeText, tidyLines } = await import('../../ingest/parse/decode.ts');
      return { text: tidyLines(decodeText(bytes)) };
    }
    const { parseMarkdown, parsePlainText } = await import('../../ingest/parse/text.ts');
    return /\.(?:md|markdown)$/i.test(name) ? parseMarkdown(name, bytes) : parsePlainText(name, bytes);
  }
  const { parseDocument } = await import('../../ingest/parse/index.ts');
  return parseDocument(name, bytes);
}
