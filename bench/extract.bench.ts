import { readFileSync } from 'node:fs';
import { extract } from '../ingest/extract/index.ts';
import { seedFiles } from '../test/seeds.ts';
import { fmtRate, machineLine } from './machine.ts';
import { syntheticArticle } from './synthetic-articles.ts';

/**
 * Extraction throughput, articles per second, on the five seeds repeated and on synthetic
 * mixed-language articles. The reference in the same run is a plain pass over the same text
 * (splitting sentences with one regular expression), so the ratio shows extraction's own cost.
 */
export async function benchExtract(n = 10_000): Promise<void> {
  console.log(`\n## extraction: seeds repeated, and ${n.toLocaleString('en-US')} synthetic articles`);
  console.log(machineLine());
  const seeds = seedFiles().map((f) => readFileSync(f, 'utf8'));
  const published = [null, '2023-09-08', null, null, null];
  const rounds = 40;
  const baseline = (texts: string[]) => {
    const t = performance.now();
    let n = 0;
    for (const s of texts) n += s.split(/(?<=[.!?。])\s+/).length;
    return { ms: performance.now() - t, n };
  };
  let t = performance.now();
  for (let r = 0; r < rounds; r++) seeds.forEach((s, i) => extract(s, { published: published[i] ?? null }));
  const seedRate = (rounds * seeds.length) / ((performance.now() - t) / 1000);
  const seedBytes = seeds.reduce((a, s) => a + Buffer.byteLength(s), 0);
  console.log(`seeds (${(seedBytes / 1024).toFixed(1)} KiB × ${rounds}): ${fmtRate(seedRate, 'articles/s')}`);

  // The development set: real reporting in English, Korean and Chinese (data/devset).
  const gold = JSON.parse(readFileSync(new URL('../data/devset/gold.json', import.meta.url), 'utf8')) as { articles: Record<string, { published: string | null }> };
  const dev = Object.entries(gold.articles).map(([f, a]) => [readFileSync(new URL(`../data/devset/articles/${f}`, import.meta.url), 'utf8'), a.published] as const);
  t = performance.now();
  for (let r = 0; r < rounds; r++) for (const [text, pub] of dev) extract(text, { published: pub });
  console.log(`development set (${dev.length} real articles × ${rounds}): ${fmtRate((rounds * dev.length) / ((performance.now() - t) / 1000), 'articles/s')}`);

  const synthetic = Array.from({ length: n }, (_, i) => syntheticArticle(i));
  const base = baseline(synthetic);
  t = performance.now();
  let candidates = 0;
  for (const a of synthetic) {
    const x = extract(a, { published: '2024-01-15' });
    candidates += x.events.length + x.figures.length + x.places.length + x.organizations.length + x.installations.length;
  }
  const ms = performance.now() - t;
  console.log(`synthetic (${n.toLocaleString('en-US')} × ~3 KB, en/ko/zh): ${fmtRate(n / (ms / 1000), 'articles/s')}, ${candidates.toLocaleString('en-US')} candidates`);
  console.log(`ratio against a sentence-split pass over the same text: ${(ms / base.ms).toFixed(1)}× slower`);
}
