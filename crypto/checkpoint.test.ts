import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { CryptoError } from './errors.ts';
import {
  checkpointBody,
  exportPrivateKeyPem,
  exportPublicKeyPem,
  generateCheckpointKeyPair,
  keyHash,
  publicKeyFromRaw,
  publicKeyToRaw,
  signCheckpoint,
  signNote,
  verifierKey,
  verifyCheckpoint,
  type Checkpoint,
} from './checkpoint.ts';

const isCrypto = (reason: string) => (err: unknown) => err instanceof CryptoError && err.reason === reason;
const ORIGIN = 'tumen.example.org/audit-log';
const { privateKey, publicKey } = generateCheckpointKeyPair();
const CP: Checkpoint = { origin: ORIGIN, treeSize: 1_048_576, rootHash: randomBytes(32), timestamp: 1_717_171_717_171 };

test('golang.org/x/mod/sumdb/note reference vector: key hash, verifier key and signature line', () => {
  const vkey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
  const seed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
  const text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
  const want = `${text}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
  const pub = publicKeyFromRaw(Buffer.from(vkey.split('+')[2]!, 'base64').subarray(1));
  assert.equal(keyHash('PeterNeumann', pub).toString('hex'), 'c74f20a3');
  assert.equal(verifierKey('PeterNeumann', pub), vkey);
  const priv = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: publicKeyToRaw(pub).toString('base64url') },
    format: 'jwk',
  });
  assert.equal(
    signNote(priv, 'PeterNeumann', text),
    want,
    'Ed25519 is deterministic, so our note must match byte for byte',
  );
});

test('a signed checkpoint has the tlog-checkpoint layout and verifies', () => {
  const note = signCheckpoint(privateKey, CP);
  const lines = note.split('\n');
  assert.deepEqual(lines.slice(0, 5), [
    ORIGIN,
    '1048576',
    CP.rootHash.toString('base64'),
    'timestamp 1717171717171',
    '',
  ]);
  assert.match(lines[5]!, new RegExp(`^\u2014 ${ORIGIN} [A-Za-z0-9+/]{91}=$`));
  assert.equal(lines.length, 7);
  const got = verifyCheckpoint(publicKey, note, ORIGIN);
  assert.deepEqual(got, { ...CP, rootHash: Buffer.from(CP.rootHash) });
  assert.equal(verifyCheckpoint(publicKey, signCheckpoint(privateKey, { ...CP, treeSize: 0 })).treeSize, 0);
});

test('any tampering with a signed checkpoint fails', () => {
  const note = signCheckpoint(privateKey, CP);
  const body = checkpointBody(CP);
  const tampered = [
    note.replace('1048576', '1048577'),
    note.replace(`${ORIGIN}\n`, 'tumen.example.org/other-log\n'),
    note.replace('timestamp 1717171717171', 'timestamp 1717171717172'),
    note.replace(CP.rootHash.toString('base64'), randomBytes(32).toString('base64')),
  ];
  for (const bad of tampered) assert.throws(() => verifyCheckpoint(publicKey, bad), CryptoError);
  // Flip one bit of every body byte in turn: nothing in the head can change unnoticed.
  for (let i = 0; i < body.length; i++) {
    const bytes = Buffer.from(note, 'utf8');
    bytes[i]! ^= 0x01;
    assert.throws(() => verifyCheckpoint(publicKey, bytes.toString('utf8')), CryptoError, `byte ${i}`);
  }
  const sigLine = note.slice(body.length + 1);
  const sig = Buffer.from(sigLine.split(' ')[2]!.trim(), 'base64');
  sig[10]! ^= 0x80;
  assert.throws(
    () => verifyCheckpoint(publicKey, `${body}\n\u2014 ${ORIGIN} ${sig.toString('base64')}\n`),
    isCrypto('auth_failed'),
  );
  assert.throws(() => verifyCheckpoint(generateCheckpointKeyPair().publicKey, note), isCrypto('auth_failed'));
  assert.throws(() => verifyCheckpoint(publicKey, note, 'tumen.example.org/other-log'), isCrypto('auth_failed'));
  assert.throws(() => verifyCheckpoint(publicKey, body), isCrypto('malformed'));
});

test('a validly signed note carrying anything but the tree head is rejected', () => {
  const b64 = CP.rootHash.toString('base64');
  const lastChar = b64[42]!;
  // Same 32 bytes, different text: base64's two spare bits would make checkpoints malleable.
  const sibling = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    .split('')
    .find((c) => c !== lastChar && Buffer.from(b64.slice(0, 42) + c + '=', 'base64').equals(CP.rootHash))!;
  const variants = [
    `${checkpointBody(CP)}reporter Kim Jong-su\n`,
    `${ORIGIN}\n5\n${b64}\n`,
    checkpointBody(CP).replace('1048576', '01048576'),
    checkpointBody(CP).replace(b64, b64.slice(0, 42) + sibling + '='),
    checkpointBody(CP).replace(`${ORIGIN}\n`, 'Kim Jong-su, Hoeryong\n'),
  ];
  for (const body of variants) {
    const note = `${body}\n\u2014 ${ORIGIN} ${Buffer.concat([keyHash(ORIGIN, publicKey), sign(null, Buffer.from(body), privateKey)]).toString('base64')}\n`;
    assert.ok(
      verify(null, Buffer.from(body), publicKey, Buffer.from(note.split(' ').at(-1)!, 'base64').subarray(4)),
      'really signed',
    );
    assert.throws(() => verifyCheckpoint(publicKey, note), isCrypto('malformed'));
  }
  assert.throws(() => signCheckpoint(privateKey, { ...CP, origin: 'a log with spaces' }), isCrypto('invalid_argument'));
  assert.throws(() => signCheckpoint(privateKey, { ...CP, origin: 'log\nsize' }), isCrypto('invalid_argument'));
  assert.throws(() => signCheckpoint(privateKey, { ...CP, rootHash: randomBytes(31) }), isCrypto('invalid_argument'));
  assert.throws(() => signCheckpoint(privateKey, { ...CP, treeSize: -1 }), isCrypto('invalid_argument'));
});

test('cosignatures by other keys are ignored, but a bad line claiming our key is not', () => {
  const note = signCheckpoint(privateKey, CP);
  const witness = generateCheckpointKeyPair();
  const body = checkpointBody(CP);
  const cosig = Buffer.concat([
    keyHash('witness.example', witness.publicKey),
    sign(null, Buffer.from(body), witness.privateKey),
  ]).toString('base64');
  const cosigned = `${note}\u2014 witness.example ${cosig}\n`;
  assert.equal(verifyCheckpoint(publicKey, cosigned).treeSize, CP.treeSize);
  assert.throws(
    () => verifyCheckpoint(witness.publicKey, cosigned),
    isCrypto('auth_failed'),
    'a witness key is not the log key',
  );
  const forged = `${body}\n\u2014 ${ORIGIN} ${Buffer.concat([keyHash(ORIGIN, publicKey), randomBytes(64)]).toString('base64')}\n${note.slice(body.length + 1)}`;
  assert.throws(() => verifyCheckpoint(publicKey, forged), isCrypto('auth_failed'));
});

test('keys export to PEM and raw and import back', () => {
  const pem = exportPrivateKeyPem(privateKey);
  assert.match(pem, /^-----BEGIN PRIVATE KEY-----/);
  const again = createPrivateKey(pem);
  const note = signCheckpoint(again, CP);
  assert.deepEqual(verifyCheckpoint(createPublicKey(exportPublicKeyPem(publicKey)), note).rootHash, CP.rootHash);
  const raw = publicKeyToRaw(publicKey);
  assert.equal(raw.length, 32);
  assert.equal(verifyCheckpoint(publicKeyFromRaw(raw), note).origin, ORIGIN);
  assert.throws(() => publicKeyToRaw(privateKey), isCrypto('invalid_argument'));
  assert.throws(() => verifyCheckpoint(privateKey, note), isCrypto('invalid_argument'));
});
