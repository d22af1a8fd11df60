import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnvelope } from '../../crypto/envelope.ts';
import { BLOB_HEADER_LENGTH } from '../../crypto/rotation.ts';
import { resolveConfig } from '../config.ts';
import { openTumen } from '../tumen.ts';
import { rotateMasterKey } from '../commands/key-rotator.ts';
import { EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import { openSqliteFile } from '../../store/sqlite-cipher.ts';
import { tempDir } from '../../test/databases.ts';
import { TEST_KDF, TEST_PASSPHRASE, openRawTestDatabase, testVault, operator } from '../../test/keys.ts';
import { KeyError, readKeysFile, writeKeysFile } from './keys-file.ts';
import { constantSource, initVault, newKeyFileText, newMasterEntry, unlockVault } from './unlock.ts';

const NEW_PASSPHRASE = 'a different, longer passphrase';
const isKeyError = (reason: string) => (e: unknown) => e instanceof KeyError && e.reason === reason;

test('init writes salt, KDF cost and a key-check value, never the key; unlock needs the right passphrase', async () => {
  const dir = tempDir('tumen-keys-');
  const vault = await initVault(dir, { passphrase: TEST_PASSPHRASE }, { kdf: TEST_KDF });
  const file = await readKeysFile(dir);
  assert.equal(file.master.kind, 'passphrase');
  assert.deepEqual(file.master.kind === 'passphrase' && { m: file.master.kdf.memoryKiB, t: file.master.kdf.iterations }, { m: TEST_KDF.memoryKiB, t: TEST_KDF.iterations });
  const text = readFileSync(join(dir, 'keys.json'), 'utf8');
  for (const key of vault.keyring.keys.values()) {
    for (const form of [key.toString('base64'), key.toString('hex')]) assert.equal(text.includes(form), false, 'the master key is not in keys.json');
  }
  assert.equal(text.includes(TEST_PASSPHRASE), false);
  const again = await unlockVault(dir, constantSource({ passphrase: TEST_PASSPHRASE }));
  assert.equal(again.keyring.currentKeyId, vault.keyring.currentKeyId);
  assert.equal(again.sealer.blobName('a'.repeat(64)), vault.sealer.blobName('a'.repeat(64)));
  await assert.rejects(unlockVault(dir, constantSource({ passphrase: 'wrong passphrase, long enough' })), isKeyError('wrong_secret'));
  await assert.rejects(initVault(dir, { passphrase: TEST_PASSPHRASE }, { kdf: TEST_KDF }), isKeyError('exists'));
});

test('refuses a passphrase under 12 characters, and a folder without keys.json names the fix', async () => {
  await assert.rejects(initVault(tempDir(), { passphrase: 'short pass' }, { kdf: TEST_KDF }), isKeyError('weak_passphrase'));
  const empty = tempDir();
  await assert.rejects(unlockVault(empty, constantSource({ passphrase: TEST_PASSPHRASE })), (e: unknown) => isKeyError('missing')(e) && /tumen init/.test((e as Error).message));
});

test('a key file unlocks without any KDF; a passphrase is not accepted in its place', async () => {
  const dir = tempDir();
  const keyFile = newKeyFileText('test');
  await initVault(dir, { keyFile });
  assert.equal((await readKeysFile(dir)).master.kind, 'keyfile');
  await unlockVault(dir, constantSource({ keyFile }));
  await assert.rejects(unlockVault(dir, constantSource({ keyFile: newKeyFileText() })), isKeyError('wrong_secret'));
  await assert.rejects(unlockVault(dir, constantSource({ passphrase: TEST_PASSPHRASE })), isKeyError('no_secret'));
});

test('rotation re-wraps field and blob keys without touching ciphertext bodies; the old passphrase stops working', async () => {
  const dir = tempDir('tumen-rotate-');
  const config = resolveConfig({ data: dir, env: {} });
  let tumen = await openTumen(config, await testVault(dir));
  const person = await tumen.store.records.create(operator, { kind: 'person', body: { pseudonym: 'W' }, protected: { realName: 'Rotation Canary' } });
  const { sha256 } = await tumen.blobs.put(Buffer.from('evidence bytes '.repeat(5000)));
  await tumen.close();
  const sealedBefore = await rawProtected(config, person.id);
  const blobStore = new EncryptedBlobStore(config.blobDir, (await testVault(dir)).sealer);
  const blobBefore = readFileSync(blobStore.pathOf(sha256));
  const oldDatabaseKey = (await testVault(dir)).databaseKey!;

  const r = await rotateMasterKey(config, constantSource({ passphrase: TEST_PASSPHRASE }), { passphrase: NEW_PASSPHRASE }, { actor: operator, kdf: TEST_KDF });
  assert.deepEqual({ fields: r.fields, blobs: r.blobs }, { fields: 1, blobs: 1 });

  await assert.rejects(unlockVault(dir, constantSource({ passphrase: TEST_PASSPHRASE })), isKeyError('wrong_secret'));
  const vault = await unlockVault(dir, constantSource({ passphrase: NEW_PASSPHRASE }));
  assert.equal(vault.keyring.keys.size, 1, 'the old key is not kept');
  assert.ok(vault.databaseKey && !vault.databaseKey.equals(oldDatabaseKey), 'a fresh database page key');
  assert.throws(() => openSqliteFile(config.database, oldDatabaseKey), (e: unknown) => (e as { id?: string }).id === 'database_wrong_key', 'the database was re-keyed');
  const sealedAfter = await rawProtected(config, person.id, NEW_PASSPHRASE);
  const [a, b] = [parseEnvelope(Buffer.from(sealedBefore, 'base64')), parseEnvelope(Buffer.from(sealedAfter, 'base64'))];
  assert.ok(a.ciphertext.equals(b.ciphertext) && a.nonce.equals(b.nonce) && a.tag.equals(b.tag), 'field ciphertext unchanged');
  assert.ok(!a.wrappedKey.equals(b.wrappedKey), 'field data key re-wrapped');
  const blobAfter = readFileSync(new EncryptedBlobStore(config.blobDir, vault.sealer).pathOf(sha256));
  assert.ok(blobAfter.subarray(BLOB_HEADER_LENGTH).equals(blobBefore.subarray(BLOB_HEADER_LENGTH)), 'blob chunks unchanged');
  assert.ok(!blobAfter.subarray(0, BLOB_HEADER_LENGTH).equals(blobBefore.subarray(0, BLOB_HEADER_LENGTH)), 'blob header re-wrapped');

  tumen = await openTumen(config, vault);
  assert.equal((await tumen.store.records.get(operator, person.id, { includeProtected: true })).protected?.realName, 'Rotation Canary');
  assert.equal(Buffer.from(await tumen.blobs.get(sha256)).toString().slice(0, 15), 'evidence bytes ');
  assert.deepEqual((await tumen.store.audit.list({ limit: 100 })).map((e) => e.action).slice(-1), ['vault.rotate']);
  await tumen.close();
});

test('an interrupted rotation asks for both secrets, and running it again completes it', async () => {
  const dir = tempDir('tumen-rotate-resume-');
  const config = resolveConfig({ data: dir, env: {} });
  const tumen = await openTumen(config, await testVault(dir));
  await tumen.store.records.create(operator, { kind: 'person', body: { pseudonym: 'W' }, protected: { realName: 'Resume' } });
  await tumen.close();
  // A rotation that crashed right after step 1: keys.json has `next`, nothing is re-wrapped yet.
  const made = await newMasterEntry({ passphrase: NEW_PASSPHRASE }, TEST_KDF);
  await writeKeysFile(dir, { ...(await readKeysFile(dir)), next: made.entry });
  await assert.rejects(unlockVault(dir, constantSource({ passphrase: TEST_PASSPHRASE })), isKeyError('rotation_pending'));
  await assert.rejects(rotateMasterKey(config, constantSource({ passphrase: TEST_PASSPHRASE }), { passphrase: 'not the new one at all' }, { actor: operator }), isKeyError('wrong_secret'));
  const r = await rotateMasterKey(config, constantSource({ passphrase: TEST_PASSPHRASE }), { passphrase: NEW_PASSPHRASE }, { actor: operator });
  assert.equal(r.fields, 1);
  await unlockVault(dir, constantSource({ passphrase: NEW_PASSPHRASE }));
});

async function rawProtected(config: ReturnType<typeof resolveConfig>, id: string, passphrase = TEST_PASSPHRASE): Promise<string> {
  const db = await openRawTestDatabase(config.dataDir, { readonly: true, passphrase });
  try {
    return (db.prepare('SELECT protected FROM records WHERE id = ?').get(id) as { protected: string }).protected;
  } finally {
    db.close();
  }
}
