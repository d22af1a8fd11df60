import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { rmSync, statSync } from 'node:fs';
import { resolveConfig } from '../app/config.ts';
import { openTestTumen, operator } from '../test/keys.ts';
import { newId, nowIso } from '../store/support.ts';
import { tempDir } from '../test/databases.ts';
import { REPO_ROOT } from '../test/seeds.ts';
import { machineLine, mib } from './machine.ts';

/**
 * Export of N records. The data set is written straight into the tables (setup, not measured);
 * the export runs in a child process so its peak RSS is the export's alone.
 */
export async function benchExport(n = 100_000): Promise<void> {
  console.log(`\n## export: ${n.toLocaleString('en-US')} records (events with one citation each)`);
  console.log(machineLine());
  const dir = tempDir('tumen-bench-export-');
  const tumen = await openTestTumen(resolveConfig({ data: dir }));
  const text = 'About 600 North Koreans were forcibly repatriated from Dandong on October 9. '.repeat(20);
  const source = await tumen.store.sources.create(operator, { kind: 'news_report', title: 'Bench', publisher: '', author: '', url: '', language: 'en', published: null, retrievedAt: null, text, reliability: 'B' }, 'f'.repeat(64));
  const at = nowIso();
  for (let done = 0; done < n; done += 5000) {
    await tumen.store.db.transaction().execute(async (trx) => {
      const records = [];
      const citations = [];
      const memberships = [];
      for (let i = done; i < Math.min(n, done + 5000); i++) {
        const id = newId();
        const body = JSON.stringify({ count: { qualifier: 'about', value: 600 + (i % 50) }, description: `Synthetic event ${i}`, end: null, placeId: null, start: { qualifier: 'exact', value: `20${10 + (i % 15)}-10-09` }, title: '', type: 'forced_repatriation' });
        records.push({ id, kind: 'event', status: 'confirmed', version: 1, body, protected: null, label: `forced repatriation ${i}`, type: 'forced_repatriation', date_lo: null, date_hi: null, place_id: null, parent_id: null, metric: null, value: null, created_at: at, created_by: 'bench', updated_at: at, updated_by: 'bench', deleted_at: null });
        memberships.push({ record_id: id, compartment_id: 'default' });
        citations.push({ id: newId(), record_id: id, source_id: source.id, start_offset: 0, end_offset: 9, quote: 'About 600', note: '', credibility: 2, rule: null, created_at: at, created_by: 'bench' });
      }
      for (let i = 0; i < records.length; i += 500) {
        await trx.insertInto('records').values(records.slice(i, i + 500)).execute();
        await trx.insertInto('citations').values(citations.slice(i, i + 500)).execute();
        await trx.insertInto('record_compartments').values(memberships.slice(i, i + 500)).execute();
      }
    });
  }
  await tumen.close();
  // public-*: the open-data profile (redaction rules, coarsening, k-suppression) over the same records.
  for (const format of ['json', 'csv', 'public-json', 'public-geojson'] as const) {
    const out = join(dir, `export.${format}`);
    const { ms, maxRssKb } = await runExport(dir, format, out);
    console.log(`export ${format}: ${(ms / 1000).toFixed(2)} s, ${Math.round(n / (ms / 1000)).toLocaleString('en-US')} records/s, peak RSS ${mib(maxRssKb * 1024)}, file ${mib(statSync(out).size)}`);
  }
  rmSync(dir, { recursive: true, force: true });
}

function runExport(dataDir: string, format: string, out: string): Promise<{ ms: number; maxRssKb: number }> {
  const script = `
    import { createWriteStream } from 'node:fs';
    import { finished } from 'node:stream/promises';
    import { resolveConfig } from './app/config.ts';
    import { openTestTumen, operator } from './test/keys.ts';
    import { exportAll } from './app/commands/exporter.ts';
    import { exportPublic } from './app/publish/public-export.ts';
    const tumen = await openTestTumen(resolveConfig({ data: ${JSON.stringify(dataDir)} }));
    const out = createWriteStream(${JSON.stringify(out)});
    const t = performance.now();
    const format = ${JSON.stringify(format)};
    if (format.startsWith('public-')) await exportPublic(tumen.store, { format: format.slice(7), out, publishable: ['default'] });
    else await exportAll(tumen, { format, out, actor: operator });
    out.end(); await finished(out);
    const ms = performance.now() - t;
    await tumen.close();
    console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS }));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(stdout.trim().split('\n').pop()!)) : reject(new Error(`export child exited ${code}`))));
  });
}
