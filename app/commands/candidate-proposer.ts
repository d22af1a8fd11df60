import type { Source } from '../../domain/sources.ts';
import type { Store } from '../../store/store.ts';

/**
 * Runs extraction over a new source and stores what it finds as candidate records, each citing
 * its passage, inside the import's transaction. Returns how many candidates it stored.
 */
export async function proposeCandidates(_tx: Store, _source: Source): Promise<number> {
  return 0;
}
