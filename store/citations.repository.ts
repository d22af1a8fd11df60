import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { citationInputSchema, type Citation, type CitationInput } from '../domain/records.ts';
import { recordInScope, scopeOf, sourceInScope, UNRESTRICTED, type Scope } from './access.ts';
import type { DB } from './schema.ts';
import { newId, nowIso } from './support.ts';

/** Citations are owned by their record; RecordRepository logs and indexes around these calls. */
export class CitationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * A citation must quote its source exactly: the quote is checked against the source text at
   * the given span (or filled from it when empty), so provenance can never drift from the evidence.
   */
  async add(
    actor: Actor,
    recordId: string,
    raw: CitationInput,
    restore?: { id?: string; createdAt: string; createdBy?: string },
  ): Promise<Citation> {
    const parsed = citationInputSchema.safeParse(raw);
    if (!parsed.success) throw new ValidationError(`citation: ${parsed.error.issues[0]?.message ?? 'invalid'}`, parsed.error.issues);
    const input = parsed.data;
    const source = await this.db
      .selectFrom('sources')
      .select(['id', 'text'])
      .where('id', '=', input.sourceId)
      .where('deleted_at', 'is', null)
      .where(sourceInScope(scopeOf(actor, 'read')))
      .executeTakeFirst();
    if (!source) throw new ValidationError(`citation: source ${input.sourceId} not found`);
    if (input.end > source.text.length) {
      throw new ValidationError(`citation: span ${input.start}–${input.end} is outside the source text (${source.text.length} characters)`);
    }
    const passage = source.text.slice(input.start, input.end);
    if (input.quote && input.quote !== passage) {
      throw new ValidationError('citation: the quote does not match the source text at that span');
    }
    const citation: Citation = {
      ...input,
      quote: passage,
      id: restore?.id ?? newId(),
      recordId,
      createdAt: restore?.createdAt ?? nowIso(),
      createdBy: restore?.createdBy ?? actor.id,
    };
    await this.db
      .insertInto('citations')
      .values({
        id: citation.id,
        record_id: recordId,
        source_id: citation.sourceId,
        start_offset: citation.start,
        end_offset: citation.end,
        quote: citation.quote,
        note: citation.note,
        credibility: citation.credibility,
        rule: citation.rule,
        created_at: citation.createdAt,
        created_by: citation.createdBy,
      })
      .execute();
    return citation;
  }

  async remove(citationId: string): Promise<void> {
    const r = await this.db.deleteFrom('citations').where('id', '=', citationId).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw new NotFoundError('citation');
  }

  /** For audit hashes and verify: every citation, whoever may see its source. */
  forRecordsUnrestricted(recordIds: string[]): Promise<Map<string, Citation[]>> {
    return this.forRecords(recordIds, UNRESTRICTED);
  }

  /** Citations of these records into sources within `scope` (a quote is a piece of its source). */
  async forRecords(recordIds: string[], scope: Scope): Promise<Map<string, Citation[]>> {
    const out = new Map<string, Citation[]>();
    if (recordIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('citations')
      .selectAll()
      .where('record_id', 'in', recordIds)
      .where(sourceInScope(scope, 'citations.source_id'))
      .orderBy('record_id')
      .orderBy('start_offset')
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.record_id) ?? [];
      list.push({
        id: r.id,
        recordId: r.record_id,
        sourceId: r.source_id,
        start: Number(r.start_offset),
        end: Number(r.end_offset),
        quote: r.quote,
        note: r.note,
        credibility: Number(r.credibility) as Citation['credibility'],
        rule: r.rule,
        createdAt: r.created_at,
        createdBy: r.created_by,
      });
      out.set(r.record_id, list);
    }
    return out;
  }

  /**
   * The quotes as their live sources say them at their spans: a quote edited in the database is
   * never served as evidence (and `verify` reports it). For single-record reads, where the few
   * cited texts are cheap to load.
   */
  async quotedFromSources(citations: Citation[]): Promise<Citation[]> {
    const ids = [...new Set(citations.map((c) => c.sourceId))];
    if (ids.length === 0) return citations;
    const rows = await this.db.selectFrom('sources').select(['id', 'text']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    const texts = new Map(rows.map((r) => [r.id, r.text]));
    return citations.map((c) => {
      const text = texts.get(c.sourceId);
      return text === undefined ? c : { ...c, quote: text.slice(c.start, c.end) };
    });
  }

  /** Citations into a source, from the records the actor may see. */
  async forSource(actor: Actor, sourceId: string): Promise<Citation[]> {
    const scope = scopeOf(actor, 'read');
    const rows = await this.db.selectFrom('citations').select('record_id').where('source_id', '=', sourceId).where(recordInScope(scope, 'citations.record_id')).execute();
    const map = await this.forRecords([...new Set(rows.map((r) => r.record_id))], scope);
    return [...map.values()].flat().filter((c) => c.sourceId === sourceId).sort((a, b) => a.start - b.start);
  }
}
