import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db.ts';

const DEFAULT = 'default';

/**
 * Compartments, users' grants in them, and which compartments each source and record belongs
 * to. Everything that exists already goes into the `default` compartment, so an upgrade hides
 * nothing from the local operator and exposes nothing to accounts without a grant there.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('compartments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('compartment_grants')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addColumn('access', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('compartment_grants_pk', ['user_id', 'compartment_id'])
    .execute();

  await db.schema
    .createTable('source_compartments')
    .addColumn('source_id', 'text', (c) => c.notNull().references('sources.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addPrimaryKeyConstraint('source_compartments_pk', ['source_id', 'compartment_id'])
    .execute();
  await db.schema.createIndex('source_compartments_compartment').on('source_compartments').column('compartment_id').execute();

  await db.schema
    .createTable('record_compartments')
    .addColumn('record_id', 'text', (c) => c.notNull().references('records.id'))
    .addColumn('compartment_id', 'text', (c) => c.notNull().references('compartments.id'))
    .addPrimaryKeyConstraint('record_compartments_pk', ['record_id', 'compartment_id'])
    .execute();
  await db.schema.createIndex('record_compartments_compartment').on('record_compartments').column('compartment_id').execute();

  await db
    .insertInto('compartments')
    .values({ id: DEFAULT, label: 'Default', created_at: new Date().toISOString(), created_by: 'system' })
    .execute();
  // One statement each, whatever the size of the store: no rows pass through Node.
  await db
    .insertInto('source_compartments')
    .columns(['source_id', 'compartment_id'])
    .expression((eb) => eb.selectFrom('sources').select(['id', sql.lit(DEFAULT).as('c')]))
    .execute();
  await db
    .insertInto('record_compartments')
    .columns(['record_id', 'compartment_id'])
    .expression((eb) => eb.selectFrom('records').select(['id', sql.lit(DEFAULT).as('c')]))
    .execute();
  void dialect;
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['record_compartments', 'source_compartments', 'compartment_grants', 'compartments']) await db.schema.dropTable(t).execute();
}
