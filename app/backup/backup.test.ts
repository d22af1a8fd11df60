import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_CHUNK_SIZE } from '../../crypto/blob-format.ts';
import { BLOB_HEADER_LENGTH } from '../../crypto/rotation.ts';
import { dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { exportAll } from '../commands/exporter.ts';
import { verifyTumen } from '../commands/verifier.ts';
import { createCheckpoint } from '../commands/checkpointer.ts';
import { resolveConfig } from '../config.ts';
import type { Tumen } from '../tumen.ts';
import { createTestDatabase, PG_URL, tempDir, testDialects } from '../../test/databases.ts';
import { buildSource } from '../../test/factories.ts';
import { openTestTumen, operator, TEST_KDF, testVault } from '../../test/keys.ts';
import { ARCHIVE_MAGIC, BackupError, encodeHeader, type ArchiveHeader } from './archive-format.ts';
import { restoreBackup } from './backup-restorer.ts';
import { writeBackup } from './backup-writer.ts';

const BACKUP_PASSPHRASE = 'backup passphrase for tests';

async function exportText(tumen: Tumen, file: string): Promise<string> {
  const out = createWriteStream(file);
  await exportAll(tumen, { format: 'json', out, actor: operator, includeProtected: true });
  out.end();
  await finished(out);
  return readFileSync(file, 'utf8');
}

async function populate(tumen: Tumen): Promise<void> {
  const { input, sha256 } = buildSource();
  const bytes = Buffer.from(`${input.text}\n`.repeat(3000)); // > one 64 KiB cipher chunk
  await tumen.blobs.put(bytes);
  await tumen.store.transaction(async (tx) => {
    const s = await tx.sources.create(operator, input, sha256);
    await tx.evidence.attach(operator, { sourceId: s.id, sha256: (await tumen.blobs.put(bytes)).sha256, mediaType: 'text/plain', size: bytes.length, originalName: 'r.txt' });
  });
  await tumen.store.records.create(operator, { kind: 'person', body: { pseudonym: 'W' }, protected: { realName: 'Backup Person', contact: '+86 000' } });
  await createCheckpoint(tumen);
}

for (const dialect of testDialects()) {
  describe(`backup and restore from ${dialect}`, () => {
    test('restores into a new SQLite folder that verifies and exports identically', async () => {
      const tdb = await createTestDatabase(dialect);
      const config = resolveConfig({ data: join(tdb.dir, 'data'), env: dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {} });
      const tumen = await openTestTumen(config);
      await populate(tumen);
      const archive = join(tdb.dir, 'tumen.backup');
      const made = await writeBackup(tumen, archive, BACKUP_PASSPHRASE, { actor: operator, kdf: TEST_KDF });
      assert.equal(made.files, 4, 'manifest, keys, database, one evidence file');
      assert.ok(readFileSync(archive).subarray(0, 8).equals(ARCHIVE_MAGIC));
      assert.equal(readdirSync(config.dataDir).some((n) => n.startsWith('.backup-')), false, 'the staging folder is gone');
      const original = await exportText(tumen, join(tdb.dir, 'a.json'));
      await tumen.close();

      const target = join(tdb.dir, 'restored');
      const databaseKey = async (staged: string) => (await testVault(staged)).databaseKey;
      if (dialect === 'postgres') {
        // A PostgreSQL dump into SQLite opens an encrypted file, so it needs the master secret.
        const noKey = await restoreBackup(archive, { dataDir: target, databaseUrl: null }, BACKUP_PASSPHRASE).then(() => null, (e: unknown) => e);
        assert.equal((noKey as { id?: string } | null)?.id, 'backup_needs_master_key');
        assert.equal(existsSync(target), false, 'nothing restored without the key');
      }
      const r = await restoreBackup(archive, { dataDir: target, databaseUrl: null, databaseKey }, BACKUP_PASSPHRASE);
      assert.equal(r.dialect, dialect);
      const restored = await openTestTumen(resolveConfig({ data: target, env: {} }));
      try {
        assert.deepEqual((await verifyTumen(restored)).failures, []);
        assert.equal(await exportText(restored, join(tdb.dir, 'b.json')), original);
        const person = (await restored.store.records.list(operator, { kind: 'person' }, { includeProtected: true })).items[0];
        assert.equal(person?.protected?.realName, 'Backup Person');
      } finally {
        await restored.close();
      }
      if (PG_URL) {
        // And into an empty PostgreSQL database: rows copied through the driver, same log, same export.
        const pgTarget = await createTestDatabase('postgres');
        const pgDir = join(tdb.dir, 'restored-pg');
        await restoreBackup(archive, { dataDir: pgDir, databaseUrl: pgTarget.location, databaseKey }, BACKUP_PASSPHRASE);
        const onPg = await openTestTumen(resolveConfig({ data: pgDir, env: { TUMEN_DATABASE_URL: pgTarget.location } }));
        try {
          assert.deepEqual((await verifyTumen(onPg)).failures, []);
          assert.equal(await exportText(onPg, join(tdb.dir, 'c.json')), original);
        } finally {
          await onPg.close();
          await pgTarget.drop();
        }
      }
      await tdb.drop();
    });
  });
}

describe('a restore that cannot complete writes nothing', () => {
  let archive = '';
  let root = '';
  test('setup: one archive', async () => {
    root = tempDir('tumen-backup-bad-');
    const tumen = await openTestTumen(resolveConfig({ data: join(root, 'data'), env: {} }));
    await populate(tumen);
    archive = join(root, 'tumen.backup');
    await writeBackup(tumen, archive, BACKUP_PASSPHRASE, { actor: operator, kdf: TEST_KDF });
    await tumen.close();
  });

  const attempt = async (file: string, passphrase = BACKUP_PASSPHRASE) => {
    const target = join(root, `target-${Math.random().toString(36).slice(2)}`);
    const err = await restoreBackup(file, { dataDir: target, databaseUrl: null }, passphrase).then(() => null, (e: unknown) => e);
    assert.equal(existsSync(target), false, 'no target folder');
    assert.deepEqual(readdirSync(dirname(target)).filter((n) => n.includes('restoring')), [], 'no staging folder left');
    return err;
  };
  const isBackupError = (id: string, re: RegExp) => (e: unknown) => e instanceof BackupError && e.id === `backup_${id}` && re.test(e.message) && !e.message.includes('\n');

  test('wrong passphrase', async () => {
    assert.ok(isBackupError('wrong_passphrase', /wrong backup passphrase/)(await attempt(archive, 'not the backup passphrase')));
  });
  test('truncated archive, at a chunk boundary and inside a chunk', async () => {
    const bytes = readFileSync(archive);
    const start = 12 + bytes.readUInt32BE(8) + BLOB_HEADER_LENGTH;
    const atBoundary = join(root, 'cut-boundary.backup');
    writeFileSync(atBoundary, bytes.subarray(0, start + 2 * (DEFAULT_CHUNK_SIZE + 16)));
    assert.ok(bytes.length > start + 3 * (DEFAULT_CHUNK_SIZE + 16), 'the archive spans several chunks');
    assert.ok(isBackupError('truncated', /is truncated: nothing was restored/)(await attempt(atBoundary)));
    const inside = join(root, 'cut-inside.backup');
    writeFileSync(inside, bytes.subarray(0, bytes.length - 1000));
    assert.ok(isBackupError('damaged', /is damaged or truncated/)(await attempt(inside)));
  });
  test('archive from a newer version', async () => {
    const bytes = readFileSync(archive);
    const len = bytes.readUInt32BE(8);
    const header = JSON.parse(bytes.subarray(12, 12 + len).toString('utf8')) as ArchiveHeader;
    const newer = join(root, 'newer.backup');
    writeFileSync(newer, Buffer.concat([encodeHeader({ ...header, version: 2 }), bytes.subarray(12 + len)]));
    assert.ok(isBackupError('newer', /version 2 backup, newer than this Tumen reads \(1\)/)(await attempt(newer)));
  });
  test('an edited header fails to authenticate', async () => {
    const bytes = readFileSync(archive);
    const len = bytes.readUInt32BE(8);
    const header = JSON.parse(bytes.subarray(12, 12 + len).toString('utf8')) as ArchiveHeader;
    const edited = join(root, 'edited.backup');
    writeFileSync(edited, Buffer.concat([encodeHeader({ ...header, createdAt: '2000-01-01T00:00:00.000Z' }), bytes.subarray(12 + len)]));
    assert.ok(isBackupError('damaged', /its header was altered/)(await attempt(edited)));
  });
  test('a non-empty target is refused before anything is read', async () => {
    const target = join(root, 'occupied');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'mine');
    await assert.rejects(restoreBackup(archive, { dataDir: target, databaseUrl: null }, BACKUP_PASSPHRASE), isBackupError('target_not_empty', /not empty/));
    assert.deepEqual(readdirSync(target), ['keep.txt']);
  });
});
