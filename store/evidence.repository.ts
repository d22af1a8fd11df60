import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { ForbiddenError, NotFoundError } from '../domain/errors.ts';
import type { EvidenceFile } from '../domain/sources.ts';
import { scopeOf, sourceInScope, UNRESTRICTED, type Scope } from './access.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { DB, EvidenceFilesTable } from './schema.ts';
import { newId, nowIso } from './support.ts';

/** Evidence files are as visible as their source: reads take the actor (see store/access.ts). */
export class EvidenceRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly audit: AuditRepository,
  ) {}

  async attach(
    actor: Actor,
    file: Omit<EvidenceFile, 'id' | 'createdAt' | 'createdBy'>,
    restore?: Pick<EvidenceFile, 'id' | 'createdAt' | 'createdBy'>,
  ): Promise<EvidenceFile> {
    await this.requireSourceWritable(actor, file.sourceId);
    const row: EvidenceFilesTable = {
      id: restore?.id ?? newId(),
      source_id: file.sourceId,
      sha256: file.sha256,
      media_type: file.mediaType,
      size: file.size,
      original_name: file.originalName,
      created_at: restore?.createdAt ?? nowIso(),
      created_by: restore?.createdBy ?? actor.id,
    };
    await this.db.insertInto('evidence_files').values(row).execute();
    const ev = evidenceFromRow(row);
    await this.audit.append(actor, 'evidence.attach', { kind: 'evidence', id: ev.id }, ev);
    return ev;
  }

  private async requireSourceWritable(actor: Actor, sourceId: string): Promise<void> {
    const inScope = (scope: Scope) => this.db.selectFrom('sources').select('id').where('id', '=', sourceId).where(sourceInScope(scope)).executeTakeFirst();
    if (await inScope(scopeOf(actor, 'write'))) return;
    if (await inScope(scopeOf(actor, 'read'))) throw new ForbiddenError('You may read this source but not change it.');
    throw new NotFoundError('source');
  }

  /** Whether any evidence row (of any source, deleted ones too) refers to these bytes: before removing a file. */
  async anyWithSha256(sha256: string): Promise<boolean> {
    return (await this.db.selectFrom('evidence_files').select('id').where('sha256', '=', sha256).limit(1).executeTakeFirst()) !== undefined;
  }

  /** NotFoundError both for unknown ids and for files of sources outside the actor's compartments. */
  async get(actor: Actor, id: string): Promise<EvidenceFile> {
    const row = await this.db
      .selectFrom('evidence_files')
      .innerJoin('sources', 'sources.id', 'evidence_files.source_id')
      .selectAll('evidence_files')
      .where('evidence_files.id', '=', id)
      .where('sources.deleted_at', 'is', null)
      .where(sourceInScope(scopeOf(actor, 'read')))
      .executeTakeFirst();
    if (!row) throw new NotFoundError('evidence file');
    return evidenceFromRow(row);
  }

  async forSource(actor: Actor, sourceId: string): Promise<EvidenceFile[]> {
    return this.forSourceIn(scopeOf(actor, 'read'), sourceId);
  }

  /** For export restores, which must see whether a file is already attached. */
  async forSourceUnrestricted(sourceId: string): Promise<EvidenceFile[]> {
    return this.forSourceIn(UNRESTRICTED, sourceId);
  }

  private async forSourceIn(scope: Scope, sourceId: string): Promise<EvidenceFile[]> {
    const rows = await this.db
      .selectFrom('evidence_files')
      .innerJoin('sources', 'sources.id', 'evidence_files.source_id')
      .selectAll('evidence_files')
      .where('evidence_files.source_id', '=', sourceId)
      .where(sourceInScope(scope))
      .orderBy('evidence_files.id')
      .execute();
    return rows.map(evidenceFromRow);
  }

  streamAll(actor: Actor, batch = 500): AsyncGenerator<EvidenceFile> {
    return this.streamIn(scopeOf(actor, 'read'), batch);
  }

  streamAllUnrestricted(batch = 500): AsyncGenerator<EvidenceFile> {
    return this.streamIn(UNRESTRICTED, batch);
  }

  private async *streamIn(scope: Scope, batch: number): AsyncGenerator<EvidenceFile> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('evidence_files')
        .innerJoin('sources', 'sources.id', 'evidence_files.source_id')
        .selectAll('evidence_files')
        .where('sources.deleted_at', 'is', null)
        .where(sourceInScope(scope))
        .where('evidence_files.id', '>', after)
        .orderBy('evidence_files.id')
        .limit(batch)
        .execute();
      for (const r of rows) yield evidenceFromRow(r);
      const last = rows[rows.length - 1];
      if (!last || rows.length < batch) return;
      after = last.id;
    }
  }
}

export function evidenceFromRow(r: Selectable<EvidenceFilesTable>): EvidenceFile {
  return {
    id: r.id,
    sourceId: r.source_id,
    sha256: r.sha256,
    mediaType: r.media_type,
    size: Number(r.size),
    originalName: r.original_name,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}
