import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { DEFAULT_COMPARTMENT } from '../domain/actor.ts';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.ts';
import { interval } from '../domain/partial-date.ts';
import type { IndexWriter, SearchDoc } from '../domain/search.ts';
import type { Source, SourceInput, SourcePatch, SourceSummary } from '../domain/sources.ts';
import { scopeOf, sourceInScope, UNRESTRICTED, type Scope } from './access.ts';
import type { AuditRepository } from './audit.repository.ts';
import { CompartmentRepository } from './compartments.repository.ts';
import type { DB, SourcesTable } from './schema.ts';
import { sourceAuditState } from './state-hashes.ts';
import { clampLimit, decodeCursor, newId, nowIso, pageOf, type Page } from './support.ts';

export interface SourceFilter {
  kind?: string;
  language?: string;
  reliability?: string;
  publisher?: string;
  /** Inclusive day bounds on the published date; undated sources never match a bound. */
  from?: string;
  to?: string;
  cursor?: string | null;
  limit?: number;
}

/**
 * Reads take the actor and see only sources in its compartments (store/access.ts); the
 * `...Unrestricted` variants are for the local operator, loaders, verify and backup only.
 */
export class SourceRepository {
  private readonly compartments: CompartmentRepository;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
    private readonly index: IndexWriter<Kysely<any>> | null,
    /** Logs and re-indexes records whose quotes of a deleted source were erased. */
    private readonly quotesErased: (actor: Actor, ids: readonly string[], sourceId: string) => Promise<void> = async () => undefined,
  ) {
    this.compartments = new CompartmentRepository(db);
  }

  /**
   * Creates a source in `compartments` (the actor needs write access to each); `id` and
   * timestamps may be given when restoring an export.
   */
  async create(
    actor: Actor,
    input: SourceInput,
    sha256: string,
    restore?: Pick<Source, 'id' | 'createdAt' | 'createdBy' | 'updatedAt'> & { updatedBy?: string },
    compartments: readonly string[] = [DEFAULT_COMPARTMENT],
  ): Promise<Source> {
    await this.requireCreatable(actor, compartments);
    const existing = await this.findBySha256Unrestricted(sha256);
    // The same bytes elsewhere: name the source only to someone who may see it.
    if (existing) {
      const visible = await this.findBySha256(actor, sha256);
      throw new ConflictError(visible ? `a source with SHA-256 ${sha256} exists already (${visible.id})` : 'a source with these bytes exists already');
    }
    const at = nowIso();
    const row: SourcesTable = {
      id: restore?.id ?? newId(),
      ...toColumns(input),
      text: input.text,
      sha256,
      version: 1,
      created_at: restore?.createdAt ?? at,
      created_by: restore?.createdBy ?? actor.id,
      updated_at: restore?.updatedAt ?? at,
      updated_by: restore?.updatedBy ?? restore?.createdBy ?? actor.id,
      deleted_at: null,
    };
    await this.db.insertInto('sources').values(row).execute();
    await this.compartments.placeSource(row.id, compartments);
    const source = fromRow(row);
    await this.audit.append(actor, 'source.create', { kind: 'source', id: row.id }, await this.auditStateOf(source));
    await this.index?.upsert(this.db, toSearchDoc(source));
    return source;
  }

  /** Refuses (403, or 400 for unknown ids) a new source in compartments the actor may not write. */
  async requireCreatable(actor: Actor, compartments: readonly string[] = [DEFAULT_COMPARTMENT]): Promise<void> {
    const writable = scopeOf(actor, 'write').compartments;
    if (compartments.length === 0 || compartments.some((c) => !writable.includes(c))) throw new ForbiddenError('You may not add sources to these compartments.');
    await this.compartments.requireExisting(compartments);
  }

  /** The state the log records: the source with its compartments (see state-hashes.ts). */
  private async auditStateOf(s: Source): Promise<Record<string, unknown>> {
    return sourceAuditState(s, (await this.compartments.ofSources([s.id])).get(s.id) ?? []);
  }

  async findBySha256(actor: Actor, sha256: string): Promise<Source | null> {
    return this.findBySha256In(scopeOf(actor, 'read'), sha256);
  }

  /** For import deduplication and loaders: the bytes are unique across all compartments. */
  async findBySha256Unrestricted(sha256: string): Promise<Source | null> {
    return this.findBySha256In(UNRESTRICTED, sha256);
  }

  private async findBySha256In(scope: Scope, sha256: string): Promise<Source | null> {
    const row = await this.db.selectFrom('sources').selectAll().where('sha256', '=', sha256).where(sourceInScope(scope)).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  /** NotFoundError both for unknown ids and for sources outside the actor's compartments. */
  async get(actor: Actor, id: string, opts: { includeDeleted?: boolean } = {}): Promise<Source> {
    return this.getIn(scopeOf(actor, 'read'), id, opts);
  }

  async getUnrestricted(id: string, opts: { includeDeleted?: boolean } = {}): Promise<Source> {
    return this.getIn(UNRESTRICTED, id, opts);
  }

  private async getIn(scope: Scope, id: string, opts: { includeDeleted?: boolean }): Promise<Source> {
    let q = this.db.selectFrom('sources').selectAll().where('id', '=', id).where(sourceInScope(scope));
    if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
    const row = await q.executeTakeFirst();
    if (!row) throw new NotFoundError('source');
    return fromRow(row);
  }

  /** The source as its writer sees it: 404 when out of sight, 403 when visible but read-only. */
  private async getForWrite(actor: Actor, id: string): Promise<Source> {
    const current = await this.get(actor, id);
    const writable = await this.db.selectFrom('sources').select('id').where('id', '=', id).where(sourceInScope(scopeOf(actor, 'write'))).executeTakeFirst();
    if (!writable) throw new ForbiddenError('You may read this source but not change it.');
    return current;
  }

  async list(actor: Actor, filter: SourceFilter = {}): Promise<Page<SourceSummary>> {
    return this.listIn(scopeOf(actor, 'read'), filter);
  }

  async listUnrestricted(filter: SourceFilter = {}): Promise<Page<SourceSummary>> {
    return this.listIn(UNRESTRICTED, filter);
  }

  private async listIn(scope: Scope, filter: SourceFilter): Promise<Page<SourceSummary>> {
    const limit = clampLimit(filter.limit);
    let q = this.db
      .selectFrom('sources')
      .select([
        'id', 'kind', 'title', 'publisher', 'author', 'url', 'language', 'published_value', 'published_qualifier',
        'published_lo', 'published_hi', 'retrieved_at', 'sha256', 'reliability', 'version', 'created_at',
        'created_by', 'updated_at', 'updated_by', 'deleted_at',
      ])
      .select((eb) => eb.fn('length', ['text']).as('text_length'))
      .where('deleted_at', 'is', null)
      .where(sourceInScope(scope));
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.language) q = q.where('language', '=', filter.language);
    if (filter.reliability) q = q.where('reliability', '=', filter.reliability);
    if (filter.publisher) q = q.where('publisher', '=', filter.publisher);
    if (filter.from) q = q.where('published_hi', '>=', filter.from);
    if (filter.to) q = q.where('published_lo', '<=', filter.to);
    const after = decodeCursor(filter.cursor);
    if (after) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(limit + 1).execute();
    const page = pageOf(rows, limit);
    return {
      nextCursor: page.nextCursor,
      items: page.items.map((r) => {
        const { text, ...rest } = fromRow({ ...r, text: '' });
        void text;
        return { ...rest, textLength: Number(r.text_length) };
      }),
    };
  }

  async update(actor: Actor, id: string, patch: SourcePatch, expectedVersion?: number): Promise<Source> {
    const current = await this.getForWrite(actor, id);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ConflictError(`source ${id} changed since version ${expectedVersion}`);
    }
    const next: SourceInput = { ...current, ...patch };
    const at = nowIso();
    const version = current.version + 1;
    await this.db
      .updateTable('sources')
      .set({ ...toColumns(next), version, updated_at: at, updated_by: actor.id })
      .where('id', '=', id)
      .execute();
    const updated = await this.getUnrestricted(id);
    await this.audit.append(actor, 'source.update', { kind: 'source', id }, await this.auditStateOf(updated), { fields: Object.keys(patch) });
    await this.index?.upsert(this.db, toSearchDoc(updated));
    return updated;
  }

  /**
   * Tombstone: identity, SHA-256 and dates stay for the chain of custody; the content goes. The
   * text, title, author, publisher and URL are erased from the row, quotes of it from citations
   * and its terms from the index (secure_delete overwrites the freed pages). The encrypted
   * original file stays as evidence until it is purged on its own.
   */
  async remove(actor: Actor, id: string): Promise<void> {
    const current = await this.getForWrite(actor, id);
    const at = nowIso();
    await this.db
      .updateTable('sources')
      .set({ ...ERASED_CONTENT, deleted_at: at, updated_at: at, updated_by: actor.id })
      .where('id', '=', id)
      .execute();
    const citing = await this.db.selectFrom('citations').select('record_id').distinct().where('source_id', '=', id).execute();
    await this.db.updateTable('citations').set({ quote: '' }).where('source_id', '=', id).execute();
    await this.quotesErased(actor, citing.map((c) => c.record_id), id);
    // The logged state is the row as it now stands, so `verify` can recompute it from the row.
    await this.audit.append(actor, 'source.delete', { kind: 'source', id }, await this.auditStateOf(await this.getUnrestricted(current.id, { includeDeleted: true })));
    await this.index?.remove(this.db, id);
  }

  /** Every live source the actor may read, in id order, in bounded batches: for exports. */
  streamAll(actor: Actor, batch = 200, opts: { includeDeleted?: boolean } = {}): AsyncGenerator<Source> {
    return this.streamIn(scopeOf(actor, 'read'), batch, opts);
  }

  /** Every source: for index rebuilds, verify and backups. */
  streamAllUnrestricted(batch = 200, opts: { includeDeleted?: boolean } = {}): AsyncGenerator<Source> {
    return this.streamIn(UNRESTRICTED, batch, opts);
  }

  private async *streamIn(scope: Scope, batch: number, opts: { includeDeleted?: boolean }): AsyncGenerator<Source> {
    let after = '';
    for (;;) {
      let q = this.db.selectFrom('sources').selectAll().where('id', '>', after).where(sourceInScope(scope));
      if (!opts.includeDeleted) q = q.where('deleted_at', 'is', null);
      const rows = await q.orderBy('id').limit(batch).execute();
      for (const r of rows) yield fromRow(r);
      const last = rows[rows.length - 1];
      if (!last || rows.length < batch) return;
      after = last.id;
    }
  }

  async countUnrestricted(): Promise<number> {
    const r = await this.db
      .selectFrom('sources')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}

/** The stored columns of a source; `verify` re-derives `published_lo`/`published_hi` with it. */
export function toColumns(s: SourceInput) {
  const span = s.published ? interval(s.published) : null;
  return {
    kind: s.kind,
    title: s.title,
    publisher: s.publisher,
    author: s.author,
    url: s.url,
    language: s.language,
    published_value: s.published?.value ?? null,
    published_qualifier: s.published?.qualifier ?? null,
    published_lo: span?.lo ?? null,
    published_hi: span?.hi ?? null,
    retrieved_at: s.retrievedAt,
    reliability: s.reliability,
  };
}

/** What a deleted source keeps of its content: nothing that could say what it said. */
const ERASED_CONTENT = { text: '', title: '(deleted)', author: '', publisher: '', url: '' } as const;

export function fromRow(r: Selectable<SourcesTable>): Source {
  return {
    id: r.id,
    kind: r.kind as Source['kind'],
    title: r.title,
    publisher: r.publisher,
    author: r.author,
    url: r.url,
    language: r.language,
    published: r.published_value
      ? { value: r.published_value, qualifier: (r.published_qualifier ?? 'exact') as 'exact' }
      : null,
    retrievedAt: r.retrieved_at,
    text: r.text,
    sha256: r.sha256,
    reliability: r.reliability as Source['reliability'],
    version: Number(r.version),
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    deletedAt: r.deleted_at,
  };
}

export function toSearchDoc(s: Source): SearchDoc {
  const span = s.published ? interval(s.published) : null;
  return {
    id: s.id,
    kind: 'source',
    title: s.title,
    text: s.text,
    language: s.language,
    status: null,
    type: s.kind,
    dateLo: span?.lo ?? null,
    dateHi: span?.hi ?? null,
    placeIds: [],
    reliability: s.reliability,
    sourceId: s.id,
  };
}
