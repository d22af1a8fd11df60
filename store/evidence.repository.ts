import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { EvidenceFile } from '../domain/sources.ts';
import type { AuditRepository } from './audit.repository.ts';
import type { DB, EvidenceFilesTable } from './schema.ts';
import { newId, nowIso } from './support.ts';

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
    const ev = fromRow(row);
    await this.audit.append(actor, 'evidence.attach', { kind: 'evidence', id: ev.id }, ev);
    return ev;
  }

  async get(id: string): Promise<EvidenceFile> {
    const row = await this.db
      .selectFrom('evidence_files')
      .innerJoin('sources', 'sources.id', 'evidence_files.source_id')
      .selectAll('evidence_files')
      .where('evidence_files.id', '=', id)
      .where('sources.deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('evidence file');
    return fromRow(row);
  }

  async forSource(sourceId: string): Promise<EvidenceFile[]> {
    const rows = await this.db.selectFrom('evidence_files').selectAll().where('source_id', '=', sourceId).orderBy('id').execute();
    return rows.map(fromRow);
  }

  async *streamAll(batch = 500): AsyncGenerator<EvidenceFile> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('evidence_files')
        .innerJoin('sources', 'sources.id', 'evidence_files.source_id')
        .selectAll('evidence_files')
        .where('sources.deleted_at', 'is', null)
        .where('evidence_files.id', '>', after)
        .orderBy('evidence_files.id')
        .limit(batch)
        .execute();
      for (const r of rows) yield fromRow(r);
      const last = rows[rows.length - 1];
      if (!last || rows.length < batch) return;
      after = last.id;
    }
  }
}

function fromRow(r: Selectable<EvidenceFilesTable>): EvidenceFile {
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
