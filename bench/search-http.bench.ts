import { syntheticDocs } from '../search/synthetic-corpus.ts';
import { startTestServer } from '../server/test-server.ts';
import { machineLine, percentile } from './machine.ts';

/**
 * The web app's search-as-you-type path, measured end to end over loopback HTTP: each prefix of
 * a query as a person types it (debounced keystrokes), through Fastify, the actor check, the
 * index, facets and snippets, and JSON back. The reference in the same run is GET /api/health,
 * the floor of one HTTP round trip on this machine.
 */
export async function benchSearchHttp(size = 100_000): Promise<void> {
  console.log(`\n## search as you type over HTTP: ${size.toLocaleString('en-US')} indexed documents`);
  console.log(machineLine());
  const s = await startTestServer();
  try {
    const t0 = performance.now();
    await s.tumen.search.rebuild(syntheticDocs({ size }));
    console.log(`index built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const typed = ['탈', '탈북', '탈북 kind:event', 'b', 'bo', 'bor', 'bord', 'border', 'border repat', 'border repatriated', '边', '边境', 'smu', 'smuggler'];
    const time = async (path: string) => {
      const t = performance.now();
      const r = await fetch(`${s.url}${path}`);
      await r.arrayBuffer();
      if (r.status !== 200 && r.status !== 400) throw new Error(`${path}: ${r.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 20; i++) await time('/api/health');
    const health: number[] = [];
    for (let i = 0; i < 200; i++) health.push(await time('/api/health'));
    const search: number[] = [];
    for (let round = 0; round < 10; round++) {
      for (const q of typed) search.push(await time(`/api/search?q=${encodeURIComponent(q)}&limit=20`));
    }
    health.sort((a, b) => a - b);
    search.sort((a, b) => a - b);
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
    console.log(`GET /api/health (reference):  p50 ${p(health, 50)} ms  p95 ${p(health, 95)} ms`);
    console.log(`GET /api/search, ${typed.length} prefixes × 10: p50 ${p(search, 50)} ms  p95 ${p(search, 95)} ms  max ${p(search, 100)} ms`);
    console.log(`ratio search / health: p50 ${(percentile(search, 50) / percentile(health, 50)).toFixed(1)}×  p95 ${(percentile(search, 95) / percentile(health, 95)).toFixed(1)}×`);
  } finally {
    await s.close();
  }
}

