import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Actor } from '../../domain/actor.ts';
import type { Tumen } from '../tumen.ts';
import { loadDemoCases } from './demo-cases.ts';
import { loadArrivals, loadGazetteer } from './reference-loader.ts';
import { importPaths, type ImportResult } from './source-importer.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The five seed reports sit in the shared folder beside the checkout; TUMEN_DEMO_DIR overrides. */
export function demoSeedsDir(): string | null {
  const dir = process.env.TUMEN_DEMO_DIR ?? join(repoRoot, '..', 'shared', 'seeds');
  return existsSync(dir) ? dir : null;
}

export async function loadReferenceData(tumen: Tumen, actor: Actor): Promise<{ places: number; figures: number }> {
  return tumen.store.transaction(async (tx) => ({
    places: await loadGazetteer(tx, actor),
    figures: await loadArrivals(tx, actor),
  }));
}

/** Reference data plus the seed reports; safe to run again (everything is idempotent). */
export async function loadDemo(tumen: Tumen, actor: Actor): Promise<{ places: number; figures: number; imports: ImportResult[]; cases: number }> {
  const ref = await loadReferenceData(tumen, actor);
  const dir = demoSeedsDir();
  // Sample reports are the installation's own, like the reference data: loaded as the operator.
  const operator = await tumen.store.accounts.compartments.operatorUnrestricted(actor);
  const imports = dir ? await importPaths(tumen, { paths: [dir], actor: operator }) : [];
  // The seed-004 cases with cited statuses and a consent marked demo-only.
  const cases = dir ? await loadDemoCases(tumen.store, operator, dir) : 0;
  return { ...ref, imports, cases };
}

export const DEMO_DATA_DIR = join(repoRoot, '.tumen', 'demo');
