import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AgeStructureChecker, checkAgeFile, expectedStanzas, payloadLengthValid } from './age-structure.ts';

test('payload length rule accepts exactly the lengths age produces', async () => {
  const recipient = await identityToRecipient(await generateX25519Identity());
  const e = new Encrypter();
  e.addRecipient(recipient);
  for (const n of [0, 1, 65535, 65536, 65537, 131072, 200_000]) {
    const ct = await e.encrypt(new Uint8Array(n));
    checkAgeFile(ct, expectedStanzas([recipient]));
  }
  // Plaintext length p ↦ payload 16 + p + 16 per started 64 KiB chunk (one chunk if empty).
  const payloadOf = (p: number) => 16 + p + 16 * Math.max(1, Math.ceil(p / 65536));
  fc.assert(fc.property(fc.nat(1 << 22), (p) => payloadLengthValid(payloadOf(p))));
  assert.equal(payloadLengthValid(16 + 65552 + 10), false, 'a last chunk shorter than its tag');
  assert.equal(payloadLengthValid(16 + 16), true, 'the empty file');
  assert.equal(payloadLengthValid(16 + 65552 + 16), false, 'an empty last chunk after a full one');
});

test('bytes pushed in any split give the same verdict as the whole file', async () => {
  const recipient = await identityToRecipient(await generateX25519Identity());
  const e = new Encrypter();
  e.addRecipient(recipient);
  const ct = await e.encrypt(new Uint8Array(70_000));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.integer({ min: 1, max: ct.length - 1 }), { maxLength: 6 }), async (cuts) => {
      const points = [0, ...new Set(cuts)].sort((a, b) => a - b).concat(ct.length);
      const c = new AgeStructureChecker(expectedStanzas([recipient]), ct.length);
      for (let i = 0; i + 1 < points.length; i++) c.push(ct.subarray(points[i], points[i + 1]));
      c.finish();
    }),
    { numRuns: 50 },
  );
});
