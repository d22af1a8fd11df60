import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import type { RecordListQuery } from '../domain/api-types.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { mayReadProtectedFields } from '../domain/policies/index.ts';
import {
  CITED_KINDS,
  RECORD_BODY_SCHEMAS,
  personProtectedSchema,
  type Citation,
  type CitationInput,
  recordStatusSchema,
  type PersonProtected,
  type RecordBody,
  type RecordKind,
  type TumenRecord,
} from '../domain/records.ts';
import { recordDates, recordLabel, recordParentId, recordPlaceId, recordSearchText, recordType } from '../domain/record-text.ts';
import type { IndexWriter, SearchDoc } from '../domain/search.ts';
import type { RecordStatus } from '../domain/vocabulary.ts';
import { parseOrThrow } from '../domain/validate.ts';
import { recordInScope, scopeOf, UNRESTRICTED, type Scope } from './access.ts';
import type { AuditRepository } from './audit.repository.ts';
import { CitationRepository } from './citations.repository.ts';
import { CompartmentRepository } from './compartments.repository.ts';
import { compartmentsForNewRecord, requireRecordWritable, requireWritable } from './record-access.ts';
import { checkReferences } from './references.ts';
import type { DB, RecordsTable } from './schema.ts';
import type { Sealer } from './sealing.ts';
import { citationStates, compartmentsOf, recordAuditState } from './state-hashes.ts';
import { canonicalJson, clampLimit, decodeCursor, newId, nowIso, pageOf, type Page } from './support.ts';

export interface NewRecord<K extends RecordKind = RecordKind> {
  kind: K;
  body: unknown;
  status?: RecordStatus;
  protected?: unknown;
  citations?: CitationInput[];
  /** Only for a record that cites nothing (else it inherits its sources'); the default compartment otherwise. */
  compartments?: string[];
}

type ReadOpts = { includeProtected?: boolean; includeDeleted?: boolean };

/** The list query of the API contract, less its presentation flag: one shape for web, API and store. */
export type RecordFilter = Omit<RecordListQuery, 'include'>;

export interface RestoredRecord extends RestoreMeta {
  kind: RecordKind;
  status: string;
  body: unknown;
  protected: unknown;
  citations: Citation[];
}

export interface RestoreMeta {
  id: string;
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * Reads take the actor and see only records in its compartments, with citations only into
 * sources it can see and protected fields only for roles allowed them; the `...Unrestricted`
 * variants are for the local operator, loaders, verify and backup.
 */
export class RecordRepository {
  readonly citations: CitationRepository;
  private readonly compartments: CompartmentRepository;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
    private readonly index: IndexWriter<Kysely<any>> | null,
    private readonly sealer: Sealer,
  ) {
    this.citations = new CitationRepository(db);
    this.compartments = new CompartmentRepository(db);
  }

  /** Protected fields are only ever stored sealed (AES-256-GCM envelope bound to the record id). */
  private seal(id: string, prot: PersonProtected | null): string | null {
    return prot ? this.sealer.sealField(id, canonicalJson(prot)) : null;
  }

  private readonly openProtected = (r: Selectable<RecordsTable>): PersonProtected | null =>
    r.protected ? (JSON.parse(this.sealer.openField(r.id, r.protected)) as PersonProtected) : null;

  /** The state the log records, from the row as stored: see state-hashes.ts. */
  private async auditStateOf(id: string, db: Kysely<DB> = this.db): Promise<Record<string, unknown>> {
    const row = await db.selectFrom('records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const compartments = (await compartmentsOf(db, 'record_compartments', [id])).get(id) ?? [];
    return recordAuditState(row, (await citationStates(db, [id])).get(id) ?? [], compartments);
  }

  async create<K extends RecordKind>(actor: Actor, input: NewRecord<K>): Promise<TumenRecord<K>> {
    const kind = input.kind;
    const schema = RECORD_BODY_SCHEMAS[kind];
    if (!schema) throw new ValidationError(`unknown record kind "${String(kind)}"`);
    const body = parseOrThrow(schema, input.body, 'body') as RecordBody<K>;
    const prot = kind === 'person' && input.protected != null ? parseOrThrow(personProtectedSchema, input.protected, 'protected') : null;
    if (kind !== 'person' && input.protected != null) throw new ValidationError('only persons have protected fields');
    const citations = input.citations ?? [];
    if (CITED_KINDS.has(kind) && citations.length === 0) {
      throw new ValidationError(`a ${kind} must cite at least one source passage`);
    }
    await checkReferences(this.db, kind, body as Record<string, unknown>, scopeOf(actor, 'read'));
    const placed = await compartmentsForNewRecord(this.db, this.compartments, actor, citations.map((c) => c.sourceId), input.compartments);
    const at = nowIso();
    const id = newId();
    const row: RecordsTable = {
      id,
      kind,
      status: input.status ?? 'confirmed',
      version: 1,
      body: canonicalJson(body),
      protected: this.seal(id, prot),
      ...derivedColumns(kind, body),
      created_at: at,
      created_by: actor.id,
      updated_at: at,
      updated_by: actor.id,
      deleted_at: null,
    };
    await this.db.insertInto('records').values(row).execute();
    await this.compartments.placeRecord(row.id, placed);
    for (const c of citations) await this.citations.add(actor, row.id, c);
    const record = await this.getUnrestricted<K>(row.id, { includeProtected: true });
    await this.audit.append(actor, `${kind}.create`, { kind, id: row.id }, (db: Kysely<DB>) => this.auditStateOf(row.id, db));
    await this.index?.upsert(this.db, toSearchDoc(record));
    return record;
  }

  /**
   * Writes a record exactly as exported (ids, versions, timestamps, citations). References are
   * checked afterwards with `checkReferencesOf`, because an export need not be in dependency order.
   */
  async restore(actor: Actor, item: RestoredRecord): Promise<void> {
    const kind = item.kind;
    const body = parseOrThrow(RECORD_BODY_SCHEMAS[kind], item.body, 'body') as RecordBody<RecordKind>;
    const prot = kind === 'person' && item.protected != null ? parseOrThrow(personProtectedSchema, item.protected, 'protected') : null;
    await this.db
      .insertInto('records')
      .values({
        id: item.id,
        kind,
        status: parseOrThrow(recordStatusSchema, item.status, 'status'),
        version: item.version,
        body: canonicalJson(body),
        protected: this.seal(item.id, prot),
        ...derivedColumns(kind, body),
        created_at: item.createdAt,
        created_by: item.createdBy,
        updated_at: item.updatedAt,
        updated_by: item.updatedBy,
        deleted_at: null,
      })
      .execute();
    await this.compartments.placeRecord(item.id, await compartmentsForNewRecord(this.db, this.compartments, actor, item.citations.map((c) => c.sourceId)));
    for (const c of item.citations) {
      await this.citations.add(actor, item.id, c, { id: c.id, createdAt: c.createdAt, createdBy: c.createdBy });
    }
    const record = await this.getUnrestricted(item.id);
    await this.audit.append(actor, `${kind}.restore`, { kind, id: item.id }, (db: Kysely<DB>) => this.auditStateOf(item.id, db));
    await this.index?.upsert(this.db, toSearchDoc(record));
  }

  /** The confirmed place, visible to the actor, loaded from the shipped gazetteer under this id, if any. */
  findPlaceByGazetteerId(actor: Actor, gazetteerId: string): Promise<string | null> {
    return this.findConfirmedByBodyKey(actor, 'place', 'gazetteerId', gazetteerId);
  }

  /** The confirmed organisation, visible to the actor, from the shipped directory under this id, if any. */
  findOrganizationByDirectoryId(actor: Actor, directoryId: string): Promise<string | null> {
    return this.findConfirmedByBodyKey(actor, 'organization', 'directoryId', directoryId);
  }

  /** Bodies are canonical JSON (no spaces), so a key/value pair has exactly one spelling. */
  private async findConfirmedByBodyKey(actor: Actor, kind: RecordKind, key: string, value: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('records')
      .select('id')
      .where(recordInScope(scopeOf(actor, 'read')))
      .where('kind', '=', kind)
      .where('status', '=', 'confirmed')
      .where('deleted_at', 'is', null)
      .where('body', 'like', `%${JSON.stringify(key)}:${JSON.stringify(value)}%`)
      // No ORDER BY: with one, SQLite walks (kind, id) over every candidate place an import
      // ever proposed instead of (kind, status) over the confirmed few, and imports slow down.
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async checkReferencesOf(actor: Actor, id: string): Promise<void> {
    const r = await this.get(actor, id);
    await checkReferences(this.db, r.kind, r.body as Record<string, unknown>, scopeOf(actor, 'read'));
  }

  /** NotFoundError both for unknown ids and for records outside the actor's compartments. */
  /**
   * A source these records cite was deleted and its quotes erased: each record's new state is
   * logged (so `verify` holds it to the erased quotes) and its index entry rewritten.
   */
  async quotesErasedUnrestricted(actor: Actor, ids: readonly string[], sourceId: string): Promise<void> {
    for (const id of ids) {
      const record = await this.getUnrestricted(id, { includeDeleted: true });
      await this.audit.append(actor, `${record.kind}.erase`, { kind: record.kind, id }, (db: Kysely<DB>) => this.auditStateOf(id, db), { source: sourceId });
      if (this.index && !record.deletedAt) await this.index.upsert(this.db, toSearchDoc(record));
    }
  }

  async get<K extends RecordKind = RecordKind>(actor: Actor, id: string, opts: ReadOpts = {}): Promise<TumenRecord<K>> {
    return this.getIn<K>(scopeOf(actor, 'read'), id, { ...opts, includeProtected: Boolean(opts.includeProtected) && mayReadProtectedFields(actor) });
  }

  async getUnrestricted<K extends RecordKind = RecordKind>(id: string, opts: ReadOpts = {}): Promise<TumenRecord<K>> {
    return this.getIn<K>(UNRESTRICTED, id, opts);
  }

  private async getIn<K extends RecordKind>(scope: Scope, id: string, opts: ReadOpts): Promise<TumenRecord<K>> {
    let q = this.db.selectFrom('records').selectAll().where('id', '=', id).where(recordInScope(scope));
    if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFoundError('record');
    const citations = await this.citations.quotedFromSources((await this.citations.forRecords([id], scope)).get(id) ?? []);
    return fromRow(row, citations, opts.includeProtected ? this.openProtected : null) as TumenRecord<K>;
  }

  /** For writes: 404 when out of sight, 403 when visible but read-only; the full record otherwise. */
  private async getForWrite(actor: Actor, id: string): Promise<TumenRecord> {
    await this.get(actor, id);
    await requireRecordWritable(this.db, actor, id);
    return this.getUnrestricted(id, { includeProtected: true });
  }

  async list(actor: Actor, filter: RecordFilter = {}, opts: { includeProtected?: boolean } = {}): Promise<Page<TumenRecord>> {
    return this.listIn(scopeOf(actor, 'read'), filter, Boolean(opts.includeProtected) && mayReadProtectedFields(actor));
  }

  async listUnrestricted(filter: RecordFilter = {}, opts: { includeProtected?: boolean } = {}): Promise<Page<TumenRecord>> {
    return this.listIn(UNRESTRICTED, filter, Boolean(opts.includeProtected));
  }

  private async listIn(scope: Scope, filter: RecordFilter, includeProtected: boolean): Promise<Page<TumenRecord>> {
    const limit = clampLimit(filter.limit);
    let q = this.db.selectFrom('records').selectAll('records').where('records.deleted_at', 'is', null).where(recordInScope(scope));
    if (filter.kind) q = q.where('records.kind', '=', filter.kind);
    if (filter.status) q = q.where('records.status', '=', filter.status);
    if (filter.type) q = q.where('records.type', '=', filter.type);
    if (filter.placeId) q = q.where('records.place_id', '=', filter.placeId);
    if (filter.parentId) q = q.where('records.parent_id', '=', filter.parentId);
    if (filter.metric) q = q.where('records.metric', '=', filter.metric);
    if (filter.from) q = q.where('records.date_hi', '>=', filter.from);
    if (filter.to) q = q.where('records.date_lo', '<=', filter.to);
    if (filter.sourceId) {
      const sourceId = filter.sourceId;
      q = q.where((eb) =>
        eb.exists(
          eb.selectFrom('citations').select('citations.id').whereRef('citations.record_id', '=', 'records.id').where('citations.source_id', '=', sourceId),
        ),
      );
    }
    const after = decodeCursor(filter.cursor);
    if (after) q = q.where('records.id', '>', after);
    const rows = await q.orderBy('records.id').limit(limit + 1).execute();
    const page = pageOf(rows, limit);
    const cites = await this.citations.forRecords(page.items.map((r) => r.id), scope);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => fromRow(r, cites.get(r.id) ?? [], includeProtected ? this.openProtected : null)),
    };
  }

  async update(
    actor: Actor,
    id: string,
    change: { body?: unknown; status?: RecordStatus; protected?: unknown },
    expectedVersion?: number,
  ): Promise<TumenRecord> {
    const current = await this.getForWrite(actor, id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ConflictError(`record ${id} changed since version ${expectedVersion}`);
    }
    const kind = current.kind;
    const body = change.body === undefined ? current.body : (parseOrThrow(RECORD_BODY_SCHEMAS[kind], change.body, 'body') as RecordBody<RecordKind>);
    if (change.body !== undefined) await checkReferences(this.db, kind, body as Record<string, unknown>, scopeOf(actor, 'read'));
    if (change.protected != null && kind !== 'person') throw new ValidationError('only persons have protected fields');
    // Unchanged protected fields keep their ciphertext as stored: no needless decrypt/re-encrypt,
    // and nothing is lost when the actor may not read them.
    const sealed =
      change.protected === undefined
        ? (await this.db.selectFrom('records').select('protected').where('id', '=', id).executeTakeFirstOrThrow()).protected
        : this.seal(id, change.protected === null ? null : parseOrThrow(personProtectedSchema, change.protected, 'protected'));
    await this.db
      .updateTable('records')
      .set({
        body: canonicalJson(body),
        protected: sealed,
        status: change.status ?? current.status,
        ...derivedColumns(kind, body as RecordBody<RecordKind>),
        version: current.version + 1,
        updated_at: nowIso(),
        updated_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    const updated = await this.getUnrestricted(id, { includeProtected: true });
    const action = change.status && change.status !== current.status ? `${kind}.${change.status === 'confirmed' ? 'confirm' : change.status === 'rejected' ? 'reject' : 'update'}` : `${kind}.update`;
    await this.audit.append(actor, action, { kind, id }, (db: Kysely<DB>) => this.auditStateOf(id, db));
    await this.index?.upsert(this.db, toSearchDoc(updated));
    return updated;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.getForWrite(actor, id);
    const at = nowIso();
    await this.db.updateTable('records').set({ deleted_at: at, updated_at: at, updated_by: actor.id }).where('id', '=', id).execute();
    await this.audit.append(actor, `${current.kind}.delete`, { kind: current.kind, id }, (db: Kysely<DB>) => this.auditStateOf(id, db));
    await this.index?.remove(this.db, id);
  }

  async addCitation(actor: Actor, recordId: string, input: CitationInput): Promise<Citation> {
    const record = await this.getForWrite(actor, recordId);
    const citation = await this.citations.add(actor, recordId, input);
    // Citing material from another compartment narrows who may see the record: it now holds that material too.
    const inherited = (await this.compartments.ofSources([citation.sourceId])).get(citation.sourceId) ?? [];
    requireWritable(actor, inherited);
    await this.compartments.placeRecord(recordId, inherited);
    await this.audit.append(actor, `${record.kind}.cite`, { kind: record.kind, id: recordId }, (db: Kysely<DB>) => this.auditStateOf(recordId, db), { citation: citation.id });
    return citation;
  }

  async removeCitation(actor: Actor, recordId: string, citationId: string): Promise<void> {
    const record = await this.getForWrite(actor, recordId);
    if (!record.citations.some((c) => c.id === citationId)) throw new NotFoundError('citation');
    if (CITED_KINDS.has(record.kind) && record.citations.length === 1) {
      throw new ValidationError(`a ${record.kind} must keep at least one citation`);
    }
    await this.citations.remove(citationId);
    await this.audit.append(actor, `${record.kind}.uncite`, { kind: record.kind, id: recordId }, (db: Kysely<DB>) => this.auditStateOf(recordId, db), { citation: citationId });
  }

  /** Every live record the actor may read, in bounded batches: for exports. */
  streamAll(actor: Actor, batch = 500, opts: { includeProtected?: boolean } = {}): AsyncGenerator<TumenRecord> {
    return this.streamIn((filter) => this.list(actor, filter, opts), batch);
  }

  /** Every live record: for loaders, index rebuilds and backups. */
  streamAllUnrestricted(batch = 500, opts: { includeProtected?: boolean } = {}): AsyncGenerator<TumenRecord> {
    return this.streamIn((filter) => this.listUnrestricted(filter, opts), batch);
  }

  private async *streamIn(list: (filter: RecordFilter) => Promise<Page<TumenRecord>>, batch: number): AsyncGenerator<TumenRecord> {
    let cursor: string | null = null;
    for (;;) {
      const page: Page<TumenRecord> = await list({ cursor, limit: batch });
      yield* page.items;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  async countUnrestricted(kind?: RecordKind): Promise<number> {
    let q = this.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null);
    if (kind) q = q.where('kind', '=', kind);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
}

/** The query columns, all derived from the body: `verify` re-derives them from the stored body. */
export function derivedColumns(kind: RecordKind, body: RecordBody<RecordKind>) {
  const dates = recordDates(kind, body);
  const b = body as { metric?: string; value?: number };
  return {
    label: recordLabel(kind, body).slice(0, 1000),
    type: recordType(kind, body),
    date_lo: dates?.lo ?? null,
    date_hi: dates?.hi ?? null,
    place_id: recordPlaceId(body),
    parent_id: recordParentId(kind, body),
    metric: kind === 'figure' ? (b.metric ?? null) : null,
    value: kind === 'figure' ? (b.value ?? null) : null,
  };
}

/**
 * Rows written before a field existed get its default on the way out, so older data reads like
 * new data without a migration. A body that no longer validates is returned as stored.
 */
function withDefaults(kind: RecordKind, raw: unknown): RecordBody<RecordKind> {
  const parsed = RECORD_BODY_SCHEMAS[kind]?.safeParse(raw);
  return (parsed?.success ? parsed.data : raw) as RecordBody<RecordKind>;
}

function fromRow(r: Selectable<RecordsTable>, citations: Citation[], openProtected: ((r: Selectable<RecordsTable>) => PersonProtected | null) | null): TumenRecord {
  const record: TumenRecord = {
    id: r.id,
    kind: r.kind as RecordKind,
    status: r.status as RecordStatus,
    version: Number(r.version),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    deletedAt: r.deleted_at,
    body: withDefaults(r.kind as RecordKind, JSON.parse(r.body)),
    citations,
  };
  if (openProtected && r.kind === 'person') record.protected = openProtected(r);
  return record;
}

export function toSearchDoc(r: TumenRecord): SearchDoc {
  const dates = recordDates(r.kind, r.body);
  const placeId = recordPlaceId(r.body);
  return {
    id: r.id,
    kind: r.kind,
    title: recordLabel(r.kind, r.body),
    text: [recordSearchText(r.kind, r.body), ...r.citations.map((c) => c.quote)].join('\n'),
    language: 'und',
    status: r.status,
    type: recordType(r.kind, r.body),
    dateLo: dates?.lo ?? null,
    dateHi: dates?.hi ?? null,
    placeIds: placeId ? [placeId] : [],
    reliability: null,
    sourceId: r.citations[0]?.sourceId ?? null,
  };
}
