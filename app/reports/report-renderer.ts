import type { Actor } from '../../domain/actor.ts';
import { printPdf } from '../render/print-pdf.ts';
import type { Tumen } from '../tumen.ts';
import { reportData, type ReportScope } from './report-data.ts';
import { reportHtml, type ReportLang } from './report-html.ts';
import { buildAppendix } from './report-verification.ts';

/** A situation report's bytes (HTML, or that page printed to PDF); refusals happen before any. */
export async function renderReport(tumen: Tumen, actor: Actor, opts: ReportScope & { format: 'html' | 'pdf'; lang: ReportLang }): Promise<Buffer> {
  const data = await reportData(tumen.store, actor, opts);
  const sources = new Map<string, { id: string; title: string; publisher: string; published: string | null; url: string; sha256: string }>();
  for (const id of data.sourceIds) {
    const s = await tumen.store.sources.get(actor, id).catch(() => null);
    if (s) sources.set(id, { id, title: s.title, publisher: s.publisher, published: s.published?.value ?? null, url: s.url, sha256: s.sha256 });
  }
  const appendix = await buildAppendix(tumen, [...sources.values()]);
  const html = reportHtml(data, sources, appendix, opts.lang);
  return opts.format === 'pdf' ? printPdf(html) : Buffer.from(html, 'utf8');
}
