import type { Kysely } from 'kysely';

/**
 * Secure intake (issue 10). Only age ciphertext (in files under DATA/intake) and coarse metadata:
 * no address, no user agent, no exact time (that is sealed to the recipients), random ids
 * (UUIDv7 would carry the millisecond of arrival).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('intake_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('intake_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('mailbox_hash', 'text', (c) => c.unique())
    .addColumn('auth_verifier', 'text')
    .addColumn('reply_recipient', 'text')
    .addColumn('upload_token_hash', 'text')
    .addColumn('size_limit', 'bigint', (c) => c.notNull())
    .addColumn('weaker', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('intake_objects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('intake_submissions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('intake_objects_submission').on('intake_objects').columns(['submission_id', 'position']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['intake_objects', 'intake_submissions', 'intake_recipients']) await db.schema.dropTable(t).execute();
}
