import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../config.ts';
import { readKeysFile, writeKeysFile } from '../keys/keys-file.ts';
import { constantSource } from '../keys/unlock.ts';
import { openTumen } from '../tumen.ts';
import { createSearchIndex, migrateSearch } from '../../search/index.ts';
import { openStore } from '../../store/store.ts';
import { isPlainSqliteFile } from '../../store/sqlite-cipher.ts';
import { tempDir } from '../../test/databases.ts';
import { buildSource } from '../../test/factories.ts';
import { openTestTumen, operator, TEST_PASSPHRASE, testVault } from '../../test/keys.ts';
import { verifyTumen } from './verifier.ts';
import { encryptDatabase, PRE_MIGRATION_BACKUP_SUFFIX } from './database-encryptor.ts';

/** A data folder as the previous release left it: keys.json without a database key, a plaintext file. */
async function legacyFolder(): Promise<{ dir: string; text: string }> {
  const dir = tempDir('tumen-legacy-');
  const vault = await testVault(dir);
  const { databaseKey: _dropped, ...file } = await readKeysFile(dir);
  await writeKeysFile(dir, file);
  const opened = await openStore(join(dir, 'tumen.db'), vault.sealer);
  await migrateSearch(opened.store.db, opened.store.dialect);
  const index = createSearchIndex(opened.store.db, opened.store.dialect);
  const { input, sha256 } = buildSource({ text: 'LEGACYPLAINTEXT testimony from Hyesan' });
  await opened.store.withIndex(index.writer).sources.create(operator, input, sha256);
  await opened.close();
  return { dir, text: input.text };
}

test('a folder from before page encryption is refused with the fix, then migrated with a backup, losing nothing', async () => {
  const { dir, text } = await legacyFolder();
  const config = resolveConfig({ data: dir, env: {} });
  assert.ok(isPlainSqliteFile(config.database));
  assert.ok(readFileSync(config.database).includes('LEGACYPLAINTEXT'), 'the legacy file really is plaintext');
  await assert.rejects(openTestTumen(config), (e: unknown) => (e as { id?: string }).id === 'database_not_encrypted' && /tumen migrate/.test((e as Error).message));

  const r = await encryptDatabase(config, constantSource({ passphrase: TEST_PASSPHRASE }));
  assert.equal(r.outcome, 'encrypted');
  assert.equal(r.backup, `${config.database}${PRE_MIGRATION_BACKUP_SUFFIX}`);
  for (const f of [config.database, r.backup!]) {
    assert.equal(isPlainSqliteFile(f), false, `${f} is encrypted`);
    assert.equal(readFileSync(f).includes('LEGACYPLAINTEXT'), false, `${f} holds no plaintext`);
  }
  assert.equal(existsSync(`${config.database}-wal`) && readFileSync(`${config.database}-wal`).includes('LEGACYPLAINTEXT'), false);

  const tumen = await openTumen(config, await testVault(dir));
  try {
    const sources = await tumen.store.sources.countUnrestricted();
    assert.equal(sources, 1);
    const found = await tumen.search.search({ q: 'LEGACYPLAINTEXT' });
    assert.equal(found.total, 1, 'the index came along');
    assert.equal((await tumen.store.sources.getUnrestricted(found.hits[0]!.id)).text, text);
    assert.deepEqual((await verifyTumen(tumen)).failures, []);
  } finally {
    await tumen.close();
  }
  const again = await encryptDatabase(config, constantSource({ passphrase: TEST_PASSPHRASE }));
  assert.equal(again.outcome, 'already_encrypted', 'running it twice is harmless');
});
