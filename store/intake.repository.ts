import type { Kysely } from 'kysely';
import type { Actor } from '../domain/actor.ts';
import type { IntakeSummaryView } from '../domain/api-types.ts';
import { NotFoundError } from '../domain/errors.ts';
import type { DB } from './schema.ts';
import type { IntakeObjectsTable, IntakeRecipientsTable, IntakeSubmissionsTable } from './schema-intake.ts';
import { nowIso } from './support.ts';

export type IntakeRecipientRow = IntakeRecipientsTable;
export type IntakeSubmissionRow = IntakeSubmissionsTable;
export type IntakeObjectRow = IntakeObjectsTable;

/** The inbox's view of a received submission (domain/api-types.ts): no address, no exact time. */
export type IntakeSummary = IntakeSummaryView;

/**
 * Recipients, submissions and their ciphertext objects. Nothing here is plaintext: the objects'
 * bytes are age files (store/intake-files.ts), the rows say only kind, length and coarse day.
 */
export class IntakeRepository {
  constructor(private readonly db: Kysely<DB>) {}

  async addRecipient(r: Omit<IntakeRecipientRow, 'created_at' | 'created_by'>, actor: Actor): Promise<void> {
    await this.db.insertInto('intake_recipients').values({ ...r, created_at: nowIso(), created_by: actor.id }).execute();
  }

  async recipients(): Promise<IntakeRecipientRow[]> {
    return this.db.selectFrom('intake_recipients').selectAll().orderBy('kind', 'desc').orderBy('name').execute();
  }

  async createSubmission(s: IntakeSubmissionRow, objects: IntakeObjectRow[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('intake_submissions').values(s).execute();
      if (objects.length) await trx.insertInto('intake_objects').values(objects).execute();
    });
  }

  async submission(id: string): Promise<IntakeSubmissionRow> {
    const row = await this.db.selectFrom('intake_submissions').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('submission');
    return row;
  }

  async byMailbox(mailboxHash: string): Promise<IntakeSubmissionRow | undefined> {
    return this.db.selectFrom('intake_submissions').selectAll().where('mailbox_hash', '=', mailboxHash).where('status', '=', 'received').executeTakeFirst();
  }

  async objects(submissionId: string): Promise<IntakeObjectRow[]> {
    return this.db.selectFrom('intake_objects').selectAll().where('submission_id', '=', submissionId).orderBy('position').execute();
  }

  async object(id: string): Promise<IntakeObjectRow> {
    const row = await this.db.selectFrom('intake_objects').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('upload');
    return row;
  }

  async addObject(o: IntakeObjectRow): Promise<void> {
    await this.db.insertInto('intake_objects').values(o).execute();
  }

  async nextPosition(submissionId: string): Promise<number> {
    const row = await this.db.selectFrom('intake_objects').select((eb) => eb.fn.max('position').as('p')).where('submission_id', '=', submissionId).executeTakeFirst();
    return Number(row?.p ?? -1) + 1;
  }

  async markStored(objectId: string, sha256: string): Promise<void> {
    await this.db.updateTable('intake_objects').set({ status: 'stored', sha256 }).where('id', '=', objectId).execute();
  }

  async markReceived(submissionId: string): Promise<void> {
    await this.db.updateTable('intake_submissions').set({ status: 'received', upload_token_hash: null }).where('id', '=', submissionId).execute();
  }

  /** Submissions still uploading that began before `day` (abandoned by their sender). */
  async abandoned(day: string): Promise<string[]> {
    return (await this.db.selectFrom('intake_submissions').select('id').where('status', '=', 'uploading').where('day', '<', day).execute()).map((r) => r.id);
  }

  async deleteSubmission(id: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('intake_objects').where('submission_id', '=', id).execute();
      await trx.deleteFrom('intake_submissions').where('id', '=', id).execute();
    });
  }

  /** Received submissions, newest day first; counts from the object kinds. */
  async list(): Promise<IntakeSummary[]> {
    const subs = await this.db.selectFrom('intake_submissions').select(['id', 'day', 'weaker']).where('status', '=', 'received').orderBy('day', 'desc').orderBy('id').execute();
    const objs = await this.db.selectFrom('intake_objects').select(['submission_id', 'kind', 'size']).where('status', '=', 'stored').execute();
    const by = new Map<string, IntakeSummary>(subs.map((s) => [s.id, { id: s.id, day: s.day, size: 0, files: 0, replies: 0, followups: 0, weaker: s.weaker === 1 }]));
    for (const o of objs) {
      const s = by.get(o.submission_id);
      if (!s) continue;
      s.size += Number(o.size);
      if (o.kind === 'file') s.files += 1;
      if (o.kind === 'reply') s.replies += 1;
      if (o.kind === 'followup') s.followups += 1;
    }
    return [...by.values()];
  }
}
