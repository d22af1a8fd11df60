import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { ConflictError, NotFoundError, ValidationError } from '../domain/errors.ts';
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
import type { AuditRepository } from './audit.repository.ts';
import { CitationRepository } from './citations.repository.ts';
import { checkReferences } from './references.ts';
import type { DB, RecordsTable } from './schema.ts';
import { canonicalJson, clampLimit, decodeCursor, newId, nowIso, pageOf, type Page } from './support.ts';

export interface NewRecord<K extends RecordKind = RecordKind> {
  kind: K;
  body: unknown;
  status?: RecordStatus;
  protected?: unknown;
  citations?: CitationInput[];
}

export interface RecordFilter {
  kind?: RecordKind;
  status?: RecordStatus;
  type?: string;
  placeId?: string;
  parentId?: string;
  metric?: string;
  sourceId?: string;
  from?: string;
  to?: string;
  cursor?: string | null;
  limit?: number;
}

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

export class RecordRepository {
  readonly citations: CitationRepository;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
    private readonly index: IndexWriter<Kysely<any>> | null,
  ) {
    this.citations = new CitationRepository(db);
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
    await checkReferences(this.db, kind, body as Record<string, unknown>);
    const at = nowIso();
    const row: RecordsTable = {
      id: newId(),
      kind,
      status: input.status ?? 'confirmed',
      version: 1,
      body: canonicalJson(body),
      protected: prot ? canonicalJson(prot) : null,
      ...derivedColumns(kind, body),
      created_at: at,
      created_by: actor.id,
      updated_at: at,
      updated_by: actor.id,
      deleted_at: null,
    };
    await this.db.insertInto('records').values(row).execute();
    for (const c of citations) await this.citations.add(actor, row.id, c);
    const record = await this.get<K>(row.id, { includeProtected: true });
    await this.audit.append(actor, `${kind}.create`, { kind, id: row.id }, auditState(record));
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
        protected: prot ? canonicalJson(prot) : null,
        ...derivedColumns(kind, body),
        created_at: item.createdAt,
        created_by: item.createdBy,
        updated_at: item.updatedAt,
        updated_by: item.updatedBy,
        deleted_at: null,
      })
      .execute();
    for (const c of item.citations) {
      await this.citations.add(actor, item.id, c, { id: c.id, createdAt: c.createdAt, createdBy: c.createdBy });
    }
    const record = await this.get(item.id, { includeProtected: true });
    await this.audit.append(actor, `${kind}.restore`, { kind, id: item.id }, auditState(record));
    await this.index?.upsert(this.db, toSearchDoc(record));
  }

  /** The confirmed place loaded from the shipped gazetteer under this id, if any. */
  findPlaceByGazetteerId(gazetteerId: string): Promise<string | null> {
    return this.findConfirmedByBodyKey('place', 'gazetteerId', gazetteerId);
  }

  /** The confirmed organisation from the shipped directory under this id, if any. */
  findOrganizationByDirectoryId(directoryId: string): Promise<string | null> {
    return this.findConfirmedByBodyKey('organization', 'directoryId', directoryId);
  }

  /** Bodies are canonical JSON (no spaces), so a key/value pair has exactly one spelling. */
  private async findConfirmedByBodyKey(kind: RecordKind, key: string, value: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('records')
      .select('id')
      .where('kind', '=', kind)
      .where('status', '=', 'confirmed')
      .where('deleted_at', 'is', null)
      .where('body', 'like', `%${JSON.stringify(key)}:${JSON.stringify(value)}%`)
      .orderBy('id')
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async checkReferencesOf(id: string): Promise<void> {
    const r = await this.get(id);
    await checkReferences(this.db, r.kind, r.body as Record<string, unknown>);
  }

  async get<K extends RecordKind = RecordKind>(
    id: string,
    opts: { includeProtected?: boolean; includeDeleted?: boolean } = {},
  ): Promise<TumenRecord<K>> {
    let q = this.db.selectFrom('records').selectAll().where('id', '=', id);
    if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFoundError('record');
    const citations = await this.citations.forRecords([id]);
    return fromRow(row, citations.get(id) ?? [], opts.includeProtected ?? false) as TumenRecord<K>;
  }

  async list(filter: RecordFilter = {}, opts: { includeProtected?: boolean } = {}): Promise<Page<TumenRecord>> {
    const limit = clampLimit(filter.limit);
    let q = this.db.selectFrom('records').selectAll('records').where('records.deleted_at', 'is', null);
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
    const cites = await this.citations.forRecords(page.items.map((r) => r.id));
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => fromRow(r, cites.get(r.id) ?? [], opts.includeProtected ?? false)),
    };
  }

  async update(
    actor: Actor,
    id: string,
    change: { body?: unknown; status?: RecordStatus; protected?: unknown },
    expectedVersion?: number,
  ): Promise<TumenRecord> {
    const current = await this.get(id, { includeProtected: true });
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ConflictError(`record ${id} changed since version ${expectedVersion}`);
    }
    const kind = current.kind;
    const body = change.body === undefined ? current.body : (parseOrThrow(RECORD_BODY_SCHEMAS[kind], change.body, 'body') as RecordBody<RecordKind>);
    if (change.body !== undefined) await checkReferences(this.db, kind, body as Record<string, unknown>);
    if (change.protected != null && kind !== 'person') throw new ValidationError('only persons have protected fields');
    const prot = change.protected === undefined ? current.protected ?? null : change.protected === null ? null : parseOrThrow(personProtectedSchema, change.protected, 'protected');
    await this.db
      .updateTable('records')
      .set({
        body: canonicalJson(body),
        protected: prot ? canonicalJson(prot) : null,
        status: change.status ?? current.status,
        ...derivedColumns(kind, body as RecordBody<RecordKind>),
        version: current.version + 1,
        updated_at: nowIso(),
        updated_by: actor.id,
      })
      .where('id', '=', id)
      .execute();
    const updated = await this.get(id, { includeProtected: true });
    const action = change.status && change.status !== current.status ? `${kind}.${change.status === 'confirmed' ? 'confirm' : change.status === 'rejected' ? 'reject' : 'update'}` : `${kind}.update`;
    await this.audit.append(actor, action, { kind, id }, auditState(updated));
    await this.index?.upsert(this.db, toSearchDoc(updated));
    return updated;
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.get(id, { includeProtected: true });
    const at = nowIso();
    await this.db.updateTable('records').set({ deleted_at: at, updated_at: at, updated_by: actor.id }).where('id', '=', id).execute();
    await this.audit.append(actor, `${current.kind}.delete`, { kind: current.kind, id }, { ...auditState(current), deletedAt: at });
    await this.index?.remove(this.db, id);
  }

  async addCitation(actor: Actor, recordId: string, input: CitationInput): Promise<Citation> {
    const record = await this.get(recordId, { includeProtected: true });
    const citation = await this.citations.add(actor, recordId, input);
    const updated = await this.get(recordId, { includeProtected: true });
    await this.audit.append(actor, `${record.kind}.cite`, { kind: record.kind, id: recordId }, auditState(updated), { citation: citation.id });
    return citation;
  }

  async removeCitation(actor: Actor, recordId: string, citationId: string): Promise<void> {
    const record = await this.get(recordId, { includeProtected: true });
    if (!record.citations.some((c) => c.id === citationId)) throw new NotFoundError('citation');
    if (CITED_KINDS.has(record.kind) && record.citations.length === 1) {
      throw new ValidationError(`a ${record.kind} must keep at least one citation`);
    }
    await this.citations.remove(citationId);
    const updated = await this.get(recordId, { includeProtected: true });
    await this.audit.append(actor, `${record.kind}.uncite`, { kind: record.kind, id: recordId }, auditState(updated), { citation: citationId });
  }

  async *streamAll(batch = 500, opts: { includeProtected?: boolean } = {}): AsyncGenerator<TumenRecord> {
    let cursor: string | null = null;
    for (;;) {
      const page: Page<TumenRecord> = await this.list({ cursor, limit: batch }, opts);
      yield* page.items;
      if (!page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  async count(kind?: RecordKind): Promise<number> {
    let q = this.db.selectFrom('records').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null);
    if (kind) q = q.where('kind', '=', kind);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }
}

function derivedColumns(kind: RecordKind, body: RecordBody<RecordKind>) {
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

function fromRow(r: Selectable<RecordsTable>, citations: Citation[], includeProtected: boolean): TumenRecord {
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
  if (includeProtected && r.kind === 'person') {
    record.protected = r.protected ? (JSON.parse(r.protected) as PersonProtected) : null;
  }
  return record;
}

/**
 * The state the audit log hashes. Protected fields stay out: a bare hash of a birth date or a
 * name can be confirmed by guessing. The security work hashes their ciphertext instead.
 */
function auditState(r: TumenRecord): Record<string, unknown> {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    version: r.version,
    body: r.body,
    hasProtected: r.protected != null,
    citations: r.citations.map((c) => ({ id: c.id, sourceId: c.sourceId, start: c.start, end: c.end })),
  };
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
