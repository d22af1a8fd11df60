import type { Actor } from '../../domain/actor.ts';
import { compartmentsAllowing } from '../../domain/policies/index.ts';
import type { FacetName, SearchHit, SearchRequest, SearchResult } from '../../domain/search.ts';
import type { Tumen } from '../tumen.ts';

export interface ScopedSearchResult extends SearchResult {
  /** True when total and facets were counted over the hits this actor may see, not all matches. */
  approximate: boolean;
}

/** How far a restricted search looks for hits the actor may see. */
const RESTRICTED_WINDOW = 200;

/**
 * Searches as `actor`. The index knows nothing of compartments, so an actor who cannot see every
 * compartment gets hits checked one by one against the store, and total and facets counted over
 * those visible hits only: counts must not reveal how much exists that they may not see.
 */
export async function searchAs(tumen: Tumen, actor: Actor, req: SearchRequest): Promise<ScopedSearchResult> {
  const all = await tumen.store.accounts.compartments.allIdsUnrestricted();
  const readable = new Set(compartmentsAllowing(actor, 'read'));
  if (all.every((c) => readable.has(c))) return { ...(await tumen.search.search(req)), approximate: false };

  const limit = req.limit ?? 20;
  const offset = req.offset ?? 0;
  const wide = await tumen.search.search({ ...req, limit: RESTRICTED_WINDOW, offset: 0 });
  const visible: SearchHit[] = [];
  for (const hit of wide.hits) if (await canRead(tumen, actor, hit)) visible.push(hit);
  const facets = { kind: {}, type: {}, language: {}, status: {}, reliability: {} } as Record<FacetName, Record<string, number>>;
  // Facets of visible hits need their documents; the kind is on the hit itself.
  for (const h of visible) facets.kind[h.kind] = (facets.kind[h.kind] ?? 0) + 1;
  return { hits: visible.slice(offset, offset + limit), total: visible.length, facets, approximate: true };
}

async function canRead(tumen: Tumen, actor: Actor, hit: SearchHit): Promise<boolean> {
  const found = hit.kind === 'source' ? tumen.store.sources.get(actor, hit.id) : tumen.store.records.get(actor, hit.id);
  return found.then(
    () => true,
    () => false,
  );
}
