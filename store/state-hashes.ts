import type { Kysely, Selectable } from 'kysely';
import type { Source } from '../domain/sources.ts';
import type { DB, RecordsTable, SourcesTable } from './schema.ts';
import { sealedFingerprint } from './sealing.ts';
import { canonicalJson, sha256Hex } from './support.ts';
import { fromRow as sourceFromRow } from './sources.repository.ts';
import { evidenceFromRow } from './evidence.repository.ts';

/**
 * The state each write logs, computed from the stored rows alone (no key needed), so `verify`
 * can recompute it for every row and compare with the log. Protected fields enter only as a
 * fingerprint of their ciphertext: tampering with them is detected, guessing them is not helped.
 *
 * Version 2 (`v: 2` inside the state) covers every column of a citation (quote and who made it
 * included) and the compartments of sources and records. Entries written before it hold
 * version-1 hashes; `verify` accepts either, whichever the last entry holds, so old logs stay
 * valid. A v1 hash cannot match a v2 state: the two never collide, so nothing is downgraded.
 */
export const STATE_VERSION = 2;

export function recordAuditState(r: Selectable<RecordsTable>, citations: CitationState[], compartments: string[]): Record<string, unknown> {
  return {
    ...recordAuditStateV1(r, citations),
    v: STATE_VERSION,
    citations: citations.map((c) => ({ ...c })),
    compartments: [...compartments].sort(),
  };
}

/** The state as logged before version 2; kept so that older entries still verify. */
export function recordAuditStateV1(r: Selectable<RecordsTable>, citations: CitationState[]): Record<string, unknown> {
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
    citations: citations.map((c) => ({ id: c.id, sourceId: c.sourceId, start: c.start, end: c.end, note: c.note, credibility: c.credibility, rule: c.rule })),
  };
}

/** A source's state: the source as the API gives it (text included) and its compartments. */
export function sourceAuditState(s: Source, compartments: string[]): Record<string, unknown> {
  return { ...s, v: STATE_VERSION, compartments: [...compartments].sort() };
}

/** Every column of a citation row. */
export interface CitationState {
  id: string;
  sourceId: string;
  start: number;
  end: number;
  quote: string;
  note: string;
  credibility: number;
  rule: string | null;
  createdAt: string;
  createdBy: string;
}

/** Read straight from the table, unscoped: the log covers every citation whoever may see it. */
export async function citationStates(db: Kysely<DB>, recordIds: string[]): Promise<Map<string, CitationState[]>> {
  const out = new Map<string, CitationState[]>();
  if (recordIds.length === 0) return out;
  const rows = await db.selectFrom('citations').selectAll().where('record_id', 'in', recordIds).orderBy('record_id').orderBy('start_offset').orderBy('id').execute();
  for (const r of rows) {
    const list = out.get(r.record_id) ?? [];
    list.push({
      id: r.id,
      sourceId: r.source_id,
      start: Number(r.start_offset),
      end: Number(r.end_offset),
      quote: r.quote,
      note: r.note,
      credibility: Number(r.credibility),
      rule: r.rule,
      createdAt: r.created_at,
      createdBy: r.created_by,
    });
    out.set(r.record_id, list);
  }
  return out;
}

/** Compartments of each id, from the membership table of sources or of records. */
export async function compartmentsOf(db: Kysely<DB>, table: 'source_compartments' | 'record_compartments', ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows =
    table === 'source_compartments'
      ? await db.selectFrom('source_compartments').select(['source_id as id', 'compartment_id as c']).where('source_id', 'in', ids).execute()
      : await db.selectFrom('record_compartments').select(['record_id as id', 'compartment_id as c']).where('record_id', 'in', ids).execute();
  for (const r of rows) out.set(r.id, [...(out.get(r.id) ?? []), r.c]);
  return out;
}

export const stateHash = (state: unknown): string => sha256Hex(canonicalJson(state));

export interface EntityState {
  kind: string;
  id: string;
  /** The hash of the current state, and (for rows logged before version 2) of its older form. */
  hashes: string[];
  /** Records only: the stored protected envelope, so `verify` can check it still authenticates. */
  sealedProtected?: string | null;
  /** Records only: the row as stored, so `verify` can re-derive its query columns from the body. */
  record?: Selectable<RecordsTable>;
  /** Sources only: the row as stored, for the same reason. */
  source?: Selectable<SourcesTable>;
}

/** Every source, evidence file and record (deleted ones too) with the hash of its current state. */
export async function* entityStates(db: Kysely<DB>, batch = 500): AsyncGenerator<EntityState> {
  for await (const page of keyset(db, 'sources', batch)) {
    const comps = await compartmentsOf(db, 'source_compartments', page.map((r) => r.id));
    for (const r of page) {
      const s = sourceFromRow(r);
      yield { kind: 'source', id: r.id, hashes: [stateHash(sourceAuditState(s, comps.get(r.id) ?? [])), stateHash(s)], source: r };
    }
  }
  for await (const page of keyset(db, 'evidence_files', batch)) {
    for (const r of page) yield { kind: 'evidence', id: r.id, hashes: [stateHash(evidenceFromRow(r))] };
  }
  for await (const page of keyset(db, 'records', batch)) {
    const ids = page.map((r) => r.id);
    const cites = await citationStates(db, ids);
    const comps = await compartmentsOf(db, 'record_compartments', ids);
    for (const r of page) {
      const c = cites.get(r.id) ?? [];
      yield {
        kind: r.kind,
        id: r.id,
        hashes: [stateHash(recordAuditState(r, c, comps.get(r.id) ?? [])), stateHash(recordAuditStateV1(r, c))],
        sealedProtected: r.protected,
        record: r,
      };
    }
  }
}

/** Pages of a table in id order, in bounded batches. */
export async function* keyset<T extends 'sources' | 'evidence_files' | 'records'>(db: Kysely<DB>, table: T, batch: number): AsyncGenerator<Array<Selectable<DB[T]>>> {
  let after = '';
  for (;;) {
    const rows = (await db.selectFrom(table as any).selectAll().where('id', '>', after).orderBy('id').limit(batch).execute()) as Array<Selectable<DB[T]>>;
    if (rows.length) yield rows;
    const last = rows[rows.length - 1] as { id: string } | undefined;
    if (!last || rows.length < batch) return;
    after = last.id;
  }
}
