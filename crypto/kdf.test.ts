import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decryptField, encryptField } from './envelope.ts';
import { CryptoError } from './errors.ts';
import { ARGON2ID_PROFILES, deriveKey, hashPassword, newSalt, passwordNeedsRehash, verifyPassword } from './kdf.ts';
import { createKeyring, masterKeyId } from './keyring.ts';

const isCrypto = (reason: string) => (err: unknown) => err instanceof CryptoError && err.reason === reason;
// Tests use the real floor-level cost; the production profiles are exercised once below.
const FAST = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

test('argon2id reference vector (phc-winner-argon2 test.c) verifies through our PHC path', async () => {
  const phc = '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
  assert.equal(await verifyPassword(phc, 'password'), true);
  assert.equal(await verifyPassword(phc, 'passwore'), false);
});

test('deriveKey is deterministic, 32 bytes, and depends on passphrase and salt', async () => {
  const salt = newSalt();
  const a = await deriveKey('correct horse battery staple', salt, FAST);
  assert.equal(a.length, 32);
  assert.deepEqual(await deriveKey('correct horse battery staple', salt, FAST), a);
  assert.notDeepEqual(await deriveKey('correct horse battery staplf', salt, FAST), a);
  assert.notDeepEqual(await deriveKey('correct horse battery staple', newSalt(), FAST), a);
  assert.notDeepEqual(await deriveKey('correct horse battery staple', salt, { ...FAST, iterations: 3 }), a);
});

test('a wrong passphrase yields a key that cannot open the vault', async () => {
  const salt = newSalt();
  const master = await deriveKey('우리의 소원은 통일', salt);
  const env = encryptField(master, 'record-1', 'testimony');
  assert.equal(masterKeyId(await deriveKey('우리의 소원은 통일', salt)), masterKeyId(master));
  const wrong = await deriveKey('우리의 소원은 통일!', salt);
  assert.throws(() => decryptField(wrong, 'record-1', env), isCrypto('unknown_key'));
  assert.throws(() => decryptField(createKeyring(wrong), 'record-1', env), isCrypto('unknown_key'));
});

test('Korean passphrases give the same key whether typed precomposed or as jamo', async () => {
  const salt = newSalt();
  const nfc = '한국어 암호';
  const nfd = nfc.normalize('NFD');
  assert.notEqual(nfc, nfd);
  assert.deepEqual(await deriveKey(nfd, salt, FAST), await deriveKey(nfc, salt, FAST));
  assert.equal(await verifyPassword(await hashPassword(nfc, FAST), nfd), true);
});

test('weak parameters, short salts and empty passphrases are refused', async () => {
  await assert.rejects(
    deriveKey('x', newSalt(), { memoryKiB: 4096, iterations: 2, parallelism: 1 }),
    isCrypto('invalid_argument'),
  );
  await assert.rejects(
    deriveKey('x', newSalt(), { memoryKiB: 65536, iterations: 1, parallelism: 1 }),
    isCrypto('invalid_argument'),
  );
  await assert.rejects(deriveKey('x', Buffer.alloc(8), FAST), isCrypto('invalid_argument'));
  await assert.rejects(deriveKey('', newSalt(), FAST), isCrypto('invalid_argument'));
});

test('login hashes are argon2id PHC strings with the login profile, and check passwords', async () => {
  const phc = await hashPassword('staff password 1');
  const { memoryKiB, iterations } = ARGON2ID_PROFILES.login;
  assert.match(
    phc,
    new RegExp(`^\\$argon2id\\$v=19\\$m=${memoryKiB},t=${iterations},p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}$`),
  );
  assert.notEqual(await hashPassword('staff password 1'), phc, 'salted');
  assert.equal(await verifyPassword(phc, 'staff password 1'), true);
  assert.equal(await verifyPassword(phc, 'staff password 2'), false);
  assert.equal(await verifyPassword(phc, ''), false);
  assert.equal(passwordNeedsRehash(phc), false);
  assert.equal(passwordNeedsRehash(await hashPassword('p', FAST)), true);
});

test('stored hashes we must not run are refused', async () => {
  await assert.rejects(verifyPassword('not a hash', 'x'), isCrypto('malformed'));
  const argon2i = '$argon2i$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$wWKIMhR9lyDFvRz9YTZweHKfbftvj+qf+YFY4NeBbtA';
  await assert.rejects(verifyPassword(argon2i, 'password'), isCrypto('malformed'));
  const huge = '$argon2id$v=19$m=4194304,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
  await assert.rejects(verifyPassword(huge, 'password'), isCrypto('malformed'));
});
