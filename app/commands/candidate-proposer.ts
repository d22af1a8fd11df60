import type { Source } from '../../domain/sources.ts';
import type { Store } from '../../store/store.ts';

// Wired to ingest/extract once it lands.
export async function proposeCandidates(_tx: Store, _source: Source): Promise<number> {
  return 0;
}
