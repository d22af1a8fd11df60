import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Encrypter, identityToRecipient } from 'age-encryption';
import { deriveMailbox, generateReceipt, normalizeReceipt } from './receipt.ts';
import { ENGLISH_WORDS } from './words-english.ts';
import { KOREAN_WORDS } from './words-korean.ts';

test('receipts are 8 words of one 2048-word list (88 bits) and survive retyping', () => {
  assert.equal(new Set(ENGLISH_WORDS).size, 2048);
  assert.equal(new Set(KOREAN_WORDS).size, 2048);
  for (const lang of ['en', 'ko'] as const) {
    const r = generateReceipt(lang);
    assert.equal(r.split(' ').length, 8);
    assert.equal(normalizeReceipt(`  ${r.toUpperCase().normalize('NFD').replace(/ /g, '\n ')} `), r);
  }
  assert.notEqual(generateReceipt('en'), generateReceipt('en'));
  assert.equal(normalizeReceipt('abandon ability able about above absent absorb'), null, '7 words');
  assert.equal(normalizeReceipt('abandon ability able about above absent absorb 가격'), null, 'mixed lists');
  assert.equal(normalizeReceipt('abandon ability able about above absent absorb notaword'), null);
});

test('the mailbox is derived, not stored: same receipt, same keys; the floor cannot be lowered; Debian age opens replies', async () => {
  const receipt = generateReceipt('ko');
  const a = await deriveMailbox(receipt);
  const weak = await deriveMailbox(receipt, { memoryKiB: 8, passes: 1 });
  assert.deepEqual(weak, a, 'a server asking for less work gets the floor');
  assert.notDeepEqual(await deriveMailbox(generateReceipt('ko')), a);
  assert.match(a.mailboxId, /^[0-9a-f]{32}$/);
  assert.match(a.authKey, /^[0-9a-f]{64}$/);
  const e = new Encrypter();
  e.addRecipient(await identityToRecipient(a.replyIdentity));
  const dir = mkdtempSync(join(tmpdir(), 'tumen-receipt-'));
  writeFileSync(join(dir, 'id.txt'), `${a.replyIdentity}\n`);
  writeFileSync(join(dir, 'reply.age'), await e.encrypt('답장'));
  const r = spawnSync('age', ['-d', '-i', join(dir, 'id.txt'), join(dir, 'reply.age')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '답장');
});
