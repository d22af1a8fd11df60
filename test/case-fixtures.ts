import { join } from 'node:path';
import { loadReferenceData } from '../app/commands/demo-loader.ts';
import { loadDemoCases } from '../app/commands/demo-cases.ts';
import { importPaths } from '../app/commands/source-importer.ts';
import { resolveConfig } from '../app/config.ts';
import type { Tumen } from '../app/tumen.ts';
import type { CitationInput } from '../domain/records.ts';
import { createTestDatabase } from './databases.ts';
import { openTestTumen, operator } from './keys.ts';
import { SEEDS_DIR, seedFiles } from './seeds.ts';

/** A fresh store with the gazetteer, seed 004 and its two demo cases, on the given dialect. */
export async function openDemoCases(dialect: 'sqlite' | 'postgres'): Promise<{ tumen: Tumen; close(): Promise<void> }> {
  const tdb = await createTestDatabase(dialect);
  const env = dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {};
  const tumen = await openTestTumen(resolveConfig({ data: join(tdb.dir, 'data'), env }));
  await loadReferenceData(tumen, operator);
  await importPaths(tumen, { paths: seedFiles().filter((f) => f.includes('004_')), actor: operator });
  const created = await loadDemoCases(tumen.store, operator, SEEDS_DIR);
  if (created !== 2) throw new Error(`expected the two demo cases, got ${created}`);
  return {
    tumen,
    close: async () => {
      await tumen.close();
      await tdb.drop();
    },
  };
}

/** A citation of the first occurrence of `quote` in a source, as the store checks it. */
export async function citeText(tumen: Tumen, sourceId: string, quote: string): Promise<CitationInput> {
  const src = await tumen.store.sources.getUnrestricted(sourceId);
  const start = src.text.indexOf(quote);
  if (start < 0) throw new Error(`quote not in source: ${quote}`);
  return { sourceId, start, end: start + quote.length, quote, note: '', credibility: 6, rule: null };
}
