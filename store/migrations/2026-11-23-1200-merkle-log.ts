import { sql, type Kysely } from 'kysely';
import { MerkleFrontier } from '../../crypto/merkle-log.ts';
import { auditLeafHash, frontierColumns, FRONTIER_ROW_ID, type AuditLeafFields } from '../audit-leaf.ts';
import type { Dialect } from '../db.ts';

/**
 * The audit log becomes an RFC 9162 Merkle log: a leaf hash per entry, the frontier for O(log n)
 * appends, and a table of signed checkpoints. Existing entries are renumbered 1..n (PostgreSQL's
 * sequence leaves gaps after rollbacks; the tree needs seq = position) and hashed in order.
 */
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('leaf_hash', 'text').execute();
  await db.schema
    .createTable('audit_frontier')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('hashes', 'text', (c) => c.notNull())
    .addColumn('root', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tree_size', 'bigint', (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp_ms', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Negate first so the renumbering never collides with a seq still to be moved.
  await sql`UPDATE audit_log SET seq = -seq`.execute(db);
  const olds = await db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').execute();
  for (let i = 0; i < olds.length; i++) {
    await db.updateTable('audit_log').set({ seq: i + 1 }).where('seq', '=', olds[i]!.seq).execute();
  }
  const frontier = MerkleFrontier.empty();
  const rows = (await db.selectFrom('audit_log').selectAll().orderBy('seq').execute()) as AuditLeafFields[];
  for (const r of rows) {
    const h = auditLeafHash(r);
    frontier.append(h);
    await db.updateTable('audit_log').set({ leaf_hash: h.toString('hex') }).where('seq', '=', r.seq).execute();
  }
  await db.insertInto('audit_frontier').values({ id: FRONTIER_ROW_ID, ...frontierColumns(frontier) }).execute();
  if (dialect === 'postgres') {
    await sql`SELECT setval(pg_get_serial_sequence('audit_log', 'seq'), ${rows.length + 1}, false)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.dropTable('audit_frontier').execute();
  await db.schema.alterTable('audit_log').dropColumn('leaf_hash').execute();
}
