import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { TumenConfig } from '../app/config.ts';
import { createCheckpoint } from '../app/commands/checkpointer.ts';
import { auditLeafHash, frontierColumns } from '../store/audit-leaf.ts';
import { MerkleFrontier } from '../crypto/merkle-log.ts';
import { EncryptedBlobStore } from '../store/encrypted-blob-store.ts';
import { openTestTumen, operator, testVault } from './keys.ts';
import { openRawForTamper, type TamperTargets } from './tamper-fixture.ts';

export interface TamperContext {
  config: TumenConfig;
  /** The untouched fixture's data folder: the "older copy" of a rollback. */
  pristine: TumenConfig;
  t: TamperTargets;
  /** Set by a tampering that plays a partner holding a checkpoint newer than the database. */
  external?: string;
}

export interface Tampering {
  name: string;
  /** What is attacked: a table's column class, the log, the files, keys.json, the whole database. */
  target: string;
  apply(ctx: TamperContext): Promise<void>;
  /** Only a rollback without an outside checkpoint: consistent in itself, undetectable by design. */
  undetectable?: true;
}

/** Runs statements on the raw file, as someone holding the disk would. */
async function onFile(ctx: TamperContext, edit: (raw: Database.Database) => void): Promise<void> {
  const db = await openRawForTamper(ctx.config);
  try {
    edit(db.raw);
  } finally {
    await db.close();
  }
}

const statement = (target: string, name: string, sql: (t: TamperTargets) => [string, ...unknown[]]): Tampering => ({
  name,
  target,
  apply: (ctx) =>
    onFile(ctx, (raw) => {
      const [q, ...params] = sql(ctx.t);
      const r = raw.prepare(q).run(...params);
      if (r.changes === 0) throw new Error(`tampering "${name}" changed nothing: fix the fixture or the statement`);
    }),
});

/** Copies a row under a new id, as an insertion by hand would. */
function insertCopy(target: string, name: string, table: string, whereColumn: string, pick: (t: TamperTargets) => string, newId: string, also: Record<string, unknown> = {}): Tampering {
  return {
    name,
    target,
    apply: (ctx) =>
      onFile(ctx, (raw) => {
        const row = raw.prepare(`SELECT * FROM ${table} WHERE ${whereColumn} = ?`).get(pick(ctx.t)) as Record<string, unknown>;
        if (!row) throw new Error(`tampering "${name}": no row to copy`);
        Object.assign(row, { id: newId, ...also });
        const cols = Object.keys(row);
        raw.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
      }),
  };
}

async function blobFiles(ctx: TamperContext, shas: string[]): Promise<string[]> {
  const vault = await testVault(ctx.config.dataDir);
  const files = new EncryptedBlobStore(ctx.config.blobDir, vault.sealer);
  return shas.map((s) => files.pathOf(s));
}

async function evidenceShas(ctx: TamperContext): Promise<string[]> {
  let shas: string[] = [];
  await onFile(ctx, (raw) => (shas = (raw.prepare('SELECT sha256 FROM evidence_files ORDER BY id').all() as Array<{ sha256: string }>).map((r) => r.sha256)));
  return shas;
}

function editKeys(name: string, edit: (keys: Record<string, unknown>) => void): Tampering {
  return {
    name,
    target: 'keys.json',
    apply: async (ctx) => {
      const path = join(ctx.config.dataDir, 'keys.json');
      const keys = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      edit(keys);
      writeFileSync(path, JSON.stringify(keys, null, 2));
    },
  };
}

/** Flips one bit of a base64 value, keeping it valid base64. */
const flipB64 = (v: string) => {
  const b = Buffer.from(v, 'base64');
  b[b.length >> 1] = b[b.length >> 1]! ^ 0x01;
  return b.toString('base64');
};

/** Makes a newer state (one more write and a checkpoint a partner keeps), then puts the older database back. */
async function rollBack(ctx: TamperContext, keepWitness: boolean): Promise<void> {
  const tumen = await openTestTumen(ctx.config);
  try {
    await tumen.store.records.update(operator, ctx.t.eventId, { status: 'rejected' });
    const newer = (await createCheckpoint(tumen)).note;
    if (keepWitness) ctx.external = newer;
  } finally {
    await tumen.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(ctx.config.database + suffix, { force: true });
  copyFileSync(ctx.pristine.database, ctx.config.database);
}

/** Every tampering the suite tries, one per line of attack; each must be caught (see tamper.test.ts). */
export const TAMPERINGS: Tampering[] = [
  // sources: text, metadata, derived date bounds, identity, tombstone, compartments, rows
  statement('sources.text', 'a source text edited', (t) => [`UPDATE sources SET text = replace(text, '600', '60') WHERE id = ?`, t.sourceId]),
  statement('sources.metadata', 'a source title edited', (t) => [`UPDATE sources SET title = 'Other title' WHERE id = ?`, t.sourceId]),
  statement('sources.metadata', 'a source publisher and reliability edited', (t) => [`UPDATE sources SET publisher = 'Someone', reliability = 'A' WHERE id = ?`, t.sourceId]),
  statement('sources.derived', 'a source date bound edited', (t) => [`UPDATE sources SET published_lo = '1999-01-01' WHERE id = ?`, t.sourceId]),
  statement('evidence_files.identity', 'an evidence SHA-256 made malformed', (t) => [`UPDATE evidence_files SET sha256 = 'not-a-hash' WHERE source_id = ?`, t.sourceId]),
  statement('sources.identity', 'a source SHA-256 edited', (t) => [`UPDATE sources SET sha256 = ? WHERE id = ?`, 'e'.repeat(64), t.sourceId]),
  statement('sources.tombstone', 'a source marked deleted by hand', (t) => [`UPDATE sources SET deleted_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`, t.sourceId]),
  statement('source_compartments', "a partner's source moved to the default compartment", (t) => [`UPDATE source_compartments SET compartment_id = 'default' WHERE source_id = ?`, t.partnerSourceId]),
  statement('sources.rows', 'a source row deleted', (t) => [`DELETE FROM sources WHERE id = ?`, t.sourceId]),
  insertCopy('sources.rows', 'a source row inserted', 'sources', 'id', (t) => t.sourceId, '01900000-0000-7000-8000-000000000001', { sha256: '7'.repeat(64) }),
  // evidence rows
  statement('evidence_files.identity', 'an evidence row pointed at other bytes', (t) => [`UPDATE evidence_files SET sha256 = ? WHERE source_id = ?`, t.importedSha, t.sourceId]),
  statement('evidence_files.metadata', 'an evidence file name edited', (t) => [`UPDATE evidence_files SET original_name = 'other.txt' WHERE source_id = ?`, t.sourceId]),
  statement('evidence_files.rows', 'an evidence row deleted', (t) => [`DELETE FROM evidence_files WHERE source_id = ?`, t.sourceId]),
  {
    name: 'an evidence row inserted',
    target: 'evidence_files.rows',
    apply: (ctx) =>
      onFile(ctx, (raw) => {
        const row = raw.prepare('SELECT * FROM evidence_files WHERE source_id = ?').get(ctx.t.sourceId) as Record<string, unknown>;
        raw.prepare('INSERT INTO evidence_files (id, source_id, sha256, media_type, size, original_name, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
          '01900000-0000-7000-8000-000000000002', ctx.t.partnerSourceId, row.sha256, row.media_type, row.size, 'copy.txt', row.created_at, row.created_by,
        );
      }),
  },
  // records: body, each query column, status, protected fields, tombstone, compartments, rows
  statement('records.body', 'a record body edited', (t) => [`UPDATE records SET body = replace(body, 'forced_repatriation', 'arrest_detention') WHERE id = ?`, t.eventId]),
  statement('records.value', 'a figure value edited (column only)', (t) => [`UPDATE records SET value = 6000 WHERE id = ?`, t.figureId]),
  statement('records.value', 'a figure value edited (body and column)', (t) => [`UPDATE records SET value = 6000, body = replace(body, '"value":600', '"value":6000') WHERE id = ?`, t.figureId]),
  statement('records.metric', 'a figure metric edited', (t) => [`UPDATE records SET metric = 'arrested' WHERE id = ?`, t.figureId]),
  statement('records.date', 'an event date range edited', (t) => [`UPDATE records SET date_lo = '2020-01-01', date_hi = '2020-12-31' WHERE id = ?`, t.eventId]),
  statement('records.place', 'an event place edited', (t) => [`UPDATE records SET place_id = ? WHERE id = ?`, '01900000-0000-7000-8000-000000000003', t.eventId]),
  statement('records.label', 'a record label edited', (t) => [`UPDATE records SET label = 'Something else' WHERE id = ?`, t.eventId]),
  statement('records.type', 'a record type edited', (t) => [`UPDATE records SET type = 'arrest_detention' WHERE id = ?`, t.eventId]),
  statement('records.status', 'a record status edited', (t) => [`UPDATE records SET status = 'rejected' WHERE id = ?`, t.eventId]),
  statement('records.version', 'a record version and author edited', (t) => [`UPDATE records SET version = 9, updated_by = 'user:someone' WHERE id = ?`, t.eventId]),
  {
    name: "two persons' protected fields swapped",
    target: 'records.protected',
    apply: (ctx) =>
      onFile(ctx, (raw) => {
        const other = raw.prepare('SELECT protected FROM records WHERE id = ?').get(ctx.t.otherPersonId) as { protected: string };
        raw.prepare('UPDATE records SET protected = ? WHERE id = ?').run(other.protected, ctx.t.personId);
      }),
  },
  statement('records.tombstone', 'a deleted record brought back', (t) => [`UPDATE records SET deleted_at = NULL WHERE id = ?`, t.deletedId]),
  statement('record_compartments', 'a record moved to another compartment', (t) => [`UPDATE record_compartments SET compartment_id = 'partner' WHERE record_id = ?`, t.personId]),
  statement('records.rows', 'a record row deleted', (t) => [`DELETE FROM records WHERE id = ?`, t.personId]),
  insertCopy('records.rows', 'a record row inserted', 'records', 'id', (t) => t.eventId, '01900000-0000-7000-8000-000000000004'),
  // citations: quote, span, note, credibility, authorship, rows
  statement('citations.quote', 'a citation quote edited', (t) => [`UPDATE citations SET quote = 'about 60' WHERE record_id = ?`, t.eventId]),
  statement('citations.span', 'a citation span moved', (t) => [`UPDATE citations SET start_offset = start_offset + 1, end_offset = end_offset + 1 WHERE record_id = ?`, t.eventId]),
  statement('citations.note', 'a citation note and credibility edited', (t) => [`UPDATE citations SET note = 'doubtful', credibility = 5 WHERE record_id = ?`, t.eventId]),
  statement('citations.author', 'a citation author edited', (t) => [`UPDATE citations SET created_by = 'user:someone' WHERE record_id = ?`, t.eventId]),
  statement('citations.rows', 'a citation deleted', (t) => [`DELETE FROM citations WHERE record_id = ?`, t.figureId]),
  insertCopy('citations.rows', 'a citation inserted', 'citations', 'record_id', (t) => t.figureId, '01900000-0000-7000-8000-000000000005'),
  // accounts, grants, credentials, sessions, tokens, settings
  statement('users.role', 'an account made admin', (t) => [`UPDATE users SET role = 'admin' WHERE id = ?`, t.analystId]),
  statement('users.disabled', 'a disabled flag changed', (t) => [`UPDATE users SET disabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`, t.analystId]),
  statement('users.password', 'a password hash replaced', (t) => [`UPDATE users SET password_hash = '$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB' WHERE id = ?`, t.adminId]),
  statement('users.totp', 'two-factor sign-in switched on by hand', (t) => [`UPDATE users SET totp_enabled_at = '2026-01-01T00:00:00.000Z' WHERE id = ?`, t.adminId]),
  statement('users.display', 'a display name edited', (t) => [`UPDATE users SET display_name = 'Somebody' WHERE id = ?`, t.analystId]),
  insertCopy('users.rows', 'an account inserted', 'users', 'id', (t) => t.analystId, '01900000-0000-7000-8000-000000000006', { username: 'intruder' }),
  {
    name: 'a compartment grant added',
    target: 'compartment_grants',
    apply: (ctx) => onFile(ctx, (raw) => void raw.prepare(`INSERT INTO compartment_grants (user_id, compartment_id, access, created_at, created_by) VALUES (?, 'partner', 'write', '2026-01-01', 'x')`).run(ctx.t.analystId)),
  },
  statement('compartment_grants', 'a read grant raised to write', (t) => [`UPDATE compartment_grants SET access = 'write' WHERE user_id = ? AND compartment_id = 'partner'`, t.adminId]),
  statement('recovery_codes', 'a used recovery code replaced', (t) => [`UPDATE recovery_codes SET code_hash = ? WHERE user_id = ? AND code_hash = ?`, 'd'.repeat(64), t.adminId, 'a'.repeat(64)]),
  {
    name: 'a session inserted (a forged sign-in)',
    target: 'sessions.rows',
    apply: (ctx) =>
      onFile(ctx, (raw) => void raw.prepare(`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2999-01-01T00:00:00.000Z')`).run('f'.repeat(64), ctx.t.adminId)),
  },
  statement('sessions.expiry', 'a session made to last for ever', () => [`UPDATE sessions SET expires_at = '2999-01-01T00:00:00.000Z'`]),
  statement('api_tokens.hash', 'an API token hash replaced', (t) => [`UPDATE api_tokens SET token_hash = ? WHERE id = ?`, '9'.repeat(64), t.tokenId]),
  statement('api_tokens.role', 'an API token role raised', (t) => [`UPDATE api_tokens SET role = 'admin' WHERE id = ?`, t.tokenId]),
  statement('settings', 'a security setting changed', () => [`UPDATE settings SET value = 'true' WHERE key = 'security.require_totp'`]),
  // the log itself
  statement('audit_log.entry', 'a log entry edited', () => [`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3`]),
  statement('audit_log.rows', 'a log entry deleted', () => [`DELETE FROM audit_log WHERE seq = 5`]),
  {
    name: 'two log entries reordered',
    target: 'audit_log.order',
    apply: (ctx) =>
      onFile(ctx, (raw) => {
        for (const q of ['UPDATE audit_log SET seq = -2 WHERE seq = 2', 'UPDATE audit_log SET seq = 2 WHERE seq = 3', 'UPDATE audit_log SET seq = 3 WHERE seq = -2']) raw.prepare(q).run();
      }),
  },
  statement('audit_log.truncation', 'the log truncated', () => [`DELETE FROM audit_log WHERE seq > 10`]),
  {
    name: 'a log entry rewritten with fresh leaf hashes and tree head',
    target: 'audit_log.rewrite',
    apply: (ctx) =>
      onFile(ctx, (raw) => {
        raw.prepare(`UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2`).run();
        const rows = raw.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Parameters<typeof auditLeafHash>[0]>;
        const f = MerkleFrontier.empty();
        for (const r of rows) {
          const h = auditLeafHash(r);
          f.append(h);
          raw.prepare('UPDATE audit_log SET leaf_hash = ? WHERE seq = ?').run(h.toString('hex'), r.seq);
        }
        const c = frontierColumns(f);
        raw.prepare('UPDATE audit_frontier SET size = ?, hashes = ?, root = ?').run(c.size, c.hashes, c.root);
      }),
  },
  statement('audit_frontier', 'the stored tree head edited', () => [`UPDATE audit_frontier SET hashes = replace(hashes, substr(hashes, 1, 2), 'ff')`]),
  statement('audit_checkpoints', 'a stored checkpoint edited', () => [`UPDATE audit_checkpoints SET root_hash = ?`, '0'.repeat(64)]),
  // rollback of the whole database
  { name: 'the database rolled back to an older copy, checked against a checkpoint kept outside', target: 'rollback', apply: (ctx) => rollBack(ctx, true) },
  { name: 'the database rolled back to an older copy, no checkpoint outside', target: 'rollback', apply: (ctx) => rollBack(ctx, false), undetectable: true },
  // evidence files
  {
    name: 'one bit of an evidence file flipped',
    target: 'blobs.flip',
    apply: async (ctx) => {
      const [path] = await blobFiles(ctx, [ctx.t.importedSha]);
      const b = readFileSync(path!);
      b[b.length - 20] = b[b.length - 20]! ^ 0x01;
      writeFileSync(path!, b);
    },
  },
  {
    name: 'two evidence files swapped',
    target: 'blobs.swap',
    apply: async (ctx) => {
      const [a, b] = await blobFiles(ctx, (await evidenceShas(ctx)).slice(0, 2));
      renameSync(a!, `${a}.x`);
      renameSync(b!, a!);
      renameSync(`${a}.x`, b!);
    },
  },
  { name: 'an evidence file deleted', target: 'blobs.delete', apply: async (ctx) => rmSync((await blobFiles(ctx, [ctx.t.importedSha]))[0]!) },
  {
    name: 'an evidence file truncated',
    target: 'blobs.truncate',
    apply: async (ctx) => {
      const [path] = await blobFiles(ctx, [ctx.t.importedSha]);
      writeFileSync(path!, readFileSync(path!).subarray(0, 100));
    },
  },
  // keys.json
  editKeys('keys.json: the log origin changed', (k) => void (k.origin = `${String(k.origin)}-other`)),
  editKeys('keys.json: the signing key edited', (k) => void (k.signingKey = flipB64(String(k.signingKey)))),
  editKeys('keys.json: the blob-naming key edited', (k) => void (k.namingKey = flipB64(String(k.namingKey)))),
  editKeys('keys.json: the KDF salt edited', (k) => {
    const m = k.master as { kdf: { salt: string } };
    m.kdf.salt = flipB64(m.kdf.salt);
  }),
  editKeys('keys.json: the verifier key replaced', (k) => void (k.verifierKey = String(k.verifierKey).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))),
];
