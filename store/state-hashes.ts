import type { Kysely, Selectable } from 'kysely';
import type { DB, RecordsTable } from './schema.ts';
import { sealedFingerprint } from './sealing.ts';
import { canonicalJson, sha256Hex } from './support.ts';
import { fromRow as sourceFromRow } from './sources.repository.ts';
import { evidenceFromRow } from './evidence.repository.ts';

/**
 * The state each write logs, computed from the stored row alone (no key needed), so `verify`
 * can recompute it for every row and compare with the log. Protected fields enter only as a
 * fingerprint of their ciphertext: tampering with them is detected, guessing them is not helped.
 */
export function recordAuditState(r: Selectable<RecordsTable>, citations: CitationState[]): Record<string, unknown> {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    version: Number(r.version),
    body: JSON.parse(r.body) as unknown,
    protected: r.protected ? sealedFingerprint(r.protected) : null,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    deletedAt: r.deleted_at,
    // Field by field: a Citation carries more (quote, createdAt…) than the state covers.
    citations: citations.map((c) => ({ id: c.id, sourceId: c.sourceId, start: c.start, end: c.end, note: c.note, credibility: c.credibility, rule: c.rule })),
  };
}

/** What of a citation the record's state covers (the quote is checked against its source instead). */
export interface CitationState {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  note: string;
  credibility: number;
  rule: string | null;
}

/** Read straight from the table, unscoped: the log covers every citation whoever may see it. */
export async function citationStates(db: Kysely<DB>, recordIds: string[]): Promise<Map<string, CitationState[]>> {
  const out = new Map<string, CitationState[]>();
  if (recordIds.length === 0) return out;
  const rows = await db.selectFrom('citations').selectAll().where('record_id', 'in', recordIds).orderBy('record_id').orderBy('start_offset').orderBy('id').execute();
  for (const r of rows) {
    const list = out.get(r.record_id) ?? [];
    list.push({ id: r.id, sourceId: r.source_id, start: Number(r.start_offset), end: Number(r.end_offset), note: r.note, credibility: Number(r.credibility), rule: r.rule });
    out.set(r.record_id, list);
  }
  return out;
}

export const stateHash = (state: unknown): string => sha256Hex(canonicalJson(state));

export interface EntityState {
  kind: string;
  id: string;
  hash: string;
  /** Records only: the stored protected envelope, so `verify` can check it still authenticates. */
  sealedProtected?: string | null;
}

/** Every source, evidence file and record (deleted ones too) with the hash of its current state. */
export async function* entityStates(db: Kysely<DB>, batch = 500): AsyncGenerator<EntityState> {
  for await (const r of keyset(db, 'sources', batch)) yield { kind: 'source', id: r.id, hash: stateHash(sourceFromRow(r)) };
  for await (const r of keyset(db, 'evidence_files', batch)) yield { kind: 'evidence', id: r.id, hash: stateHash(evidenceFromRow(r)) };
  let page: Selectable<RecordsTable>[] = [];
  const flush = async function* () {
    const cites = await citationStates(db, page.map((r) => r.id));
    for (const r of page) yield { kind: r.kind, id: r.id, hash: stateHash(recordAuditState(r, cites.get(r.id) ?? [])), sealedProtected: r.protected };
    page = [];
  };
  for await (const r of keyset(db, 'records', batch)) {
    page.push(r);
    if (page.length >= batch) yield* flush();
  }
  yield* flush();
}

async function* keyset<T extends 'sources' | 'evidence_files' | 'records'>(db: Kysely<DB>, table: T, batch: number): AsyncGenerator<Selectable<DB[T]>> {
  let after = '';
  for (;;) {
    const rows = (await db.selectFrom(table as any).selectAll().where('id', '>', after).orderBy('id').limit(batch).execute()) as Selectable<DB[T]>[];
    yield* rows;
    const last = rows[rows.length - 1] as { id: string } | undefined;
    if (!last || rows.length < batch) return;
    after = last.id;
  }
}
