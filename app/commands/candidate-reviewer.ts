import type { Actor } from '../../domain/actor.ts';
import { ValidationError } from '../../domain/errors.ts';
import type { TumenRecord } from '../../domain/records.ts';
import type { Store } from '../../store/store.ts';

export type ReviewAction = 'confirm' | 'reject';

export interface ReviewOutcome {
  id: string;
  action: ReviewAction | 'merge';
  /** The record the candidate now lives on: itself, or the record it was merged into. */
  recordId: string;
}

/**
 * Confirms a candidate, optionally with an edited body. A candidate place or organisation that
 * names one already on file (same gazetteer or directory id) is merged into it instead of
 * becoming a duplicate: its citations move over and the candidate is retired.
 */
export async function confirmCandidate(store: Store, actor: Actor, id: string, edits: { body?: unknown } = {}): Promise<ReviewOutcome> {
  return store.transaction(async (tx) => {
    const candidate = await requireCandidate(tx, actor, id);
    const existing = await existingTwin(tx, actor, candidate);
    if (existing && edits.body === undefined) {
      await mergeRecords(tx, actor, candidate.id, existing);
      return { id, action: 'merge', recordId: existing };
    }
    await tx.records.update(actor, id, { status: 'confirmed', ...(edits.body !== undefined ? { body: edits.body } : {}) });
    return { id, action: 'confirm', recordId: id };
  });
}

export async function rejectCandidate(store: Store, actor: Actor, id: string): Promise<ReviewOutcome> {
  return store.transaction(async (tx) => {
    await requireCandidate(tx, actor, id);
    await tx.records.update(actor, id, { status: 'rejected' });
    return { id, action: 'reject', recordId: id };
  });
}

/** Moves every citation of `fromId` onto `intoId` (same kind) and retires `fromId`. */
export async function mergeRecords(store: Store, actor: Actor, fromId: string, intoId: string): Promise<ReviewOutcome> {
  if (fromId === intoId) throw new ValidationError('cannot merge a record into itself');
  return store.transaction(async (tx) => {
    const from = await tx.records.get(actor, fromId);
    const into = await tx.records.get(actor, intoId);
    if (from.kind !== into.kind) throw new ValidationError(`cannot merge a ${from.kind} into a ${into.kind}`);
    const have = new Set(into.citations.map((c) => `${c.sourceId}:${c.start}:${c.end}`));
    for (const c of from.citations) {
      if (have.has(`${c.sourceId}:${c.start}:${c.end}`)) continue;
      await tx.records.addCitation(actor, intoId, { sourceId: c.sourceId, start: c.start, end: c.end, quote: c.quote, note: c.note, credibility: c.credibility, rule: c.rule });
    }
    await tx.records.update(actor, fromId, { status: 'rejected' });
    await tx.records.remove(actor, fromId);
    await tx.audit.append(actor, `${from.kind}.merge`, { kind: from.kind, id: intoId }, { from: fromId, into: intoId });
    return { id: fromId, action: 'merge', recordId: intoId };
  });
}

/** Applies one action to many candidates in one transaction: all of them, or none. */
export async function reviewBatch(store: Store, actor: Actor, ids: string[], action: ReviewAction): Promise<ReviewOutcome[]> {
  if (ids.length === 0) throw new ValidationError('no candidates given');
  return store.transaction(async (tx) => {
    const out: ReviewOutcome[] = [];
    for (const id of ids) out.push(action === 'confirm' ? await confirmCandidate(tx, actor, id) : await rejectCandidate(tx, actor, id));
    return out;
  });
}

async function requireCandidate(tx: Store, actor: Actor, id: string): Promise<TumenRecord> {
  const r = await tx.records.get(actor, id);
  if (r.status !== 'candidate') throw new ValidationError(`record ${id} is ${r.status}, not a candidate`);
  return r;
}

async function existingTwin(tx: Store, actor: Actor, r: TumenRecord): Promise<string | null> {
  const b = r.body as { gazetteerId?: string | null; directoryId?: string | null };
  if (r.kind === 'place' && b.gazetteerId) return tx.records.findPlaceByGazetteerId(actor, b.gazetteerId);
  if (r.kind === 'organization' && b.directoryId) return tx.records.findOrganizationByDirectoryId(actor, b.directoryId);
  return null;
}

