import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { exportSubmission } from '../../app/intake/export.ts';
import { IntakeService } from '../../app/intake/intake-service.ts';
import { addIntakeKey } from '../../app/intake/recipients.ts';
import { operator } from '../../test/keys.ts';
import { startTestServer, type TestServer } from '../../server/test-server.ts';
import { intakeJson, sendSubmission } from '../../server/http/intake/intake-test-client.ts';
import { Decrypter } from 'age-encryption';
import { browserMissing, ensureBuilt, launch, newPage, pageProblems } from './helpers.ts';
import { ensureIntakeBuilt } from './intake-helpers.ts';

/** Size of the file the browser encrypts and sends (MiB); the 1 GiB run is bench/intake.bench.ts. */
const MIB = Number(process.env.TUMEN_INTAKE_E2E_MIB ?? 16);

async function sha256File(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(path)) h.update(c as Buffer);
  return h.digest('hex');
}

describe('the public intake page in Chromium', { skip: browserMissing() ?? false }, () => {
  let s: TestServer;
  let browser: Browser;
  const work = mkdtempSync(join(tmpdir(), 'tumen-intake-e2e-'));
  const escrow = join(work, 'escrow.txt');
  const staff = join(work, 'staff.txt');
  before(async () => {
    ensureBuilt();
    ensureIntakeBuilt();
    s = await startTestServer({ intake: { powBits: 10, mailboxFloorMs: 50, chunkBytes: 4 * 1024 * 1024 } });
    writeFileSync(staff, (await addIntakeKey(s.tumen.store, { name: 'staff', kind: 'staff' }, operator)).identityFile);
    writeFileSync(escrow, (await addIntakeKey(s.tumen.store, { name: 'escrow', kind: 'escrow' }, operator)).identityFile);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await s?.close();
  });

  test('Korean first; a message and a file encrypted in the browser open with Debian age; replies read back with the receipt', async () => {
    const file = join(work, '증거-evidence.bin');
    writeFileSync(file, randomBytes(MIB * 1024 * 1024));
    const page = await newPage(browser, { locale: 'ko-KR' });
    await page.goto(`${s.url}/intake`);
    const html = await page.content();
    assert.match(html, /<html lang="ko">/);
    assert.ok(html.indexOf('보호되지 않는 것') < html.indexOf('What is not protected'));
    await page.waitForSelector('#send:not([hidden])');
    const url = page.url();
    await page.fill('#message', '이 집에서 나가게 도와주세요');
    await page.setInputFiles('#files', file);
    await page.check('#consent');
    const t0 = Date.now();
    await page.click('#send-button');
    await page.waitForSelector('#receipt:not([hidden])', { timeout: 120_000 });
    const seconds = (Date.now() - t0) / 1000;
    const receipt = (await page.textContent('#receipt-words'))!.trim();
    assert.equal(receipt.split(' ').length, 8);
    assert.equal(page.url(), url, 'the address never changes');
    assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0, 'nothing stored on the device');
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    console.log(`# browser encrypted and sent ${MIB} MiB in ${seconds.toFixed(1)} s`);

    const [row] = await s.tumen.store.intake.list();
    assert.ok(row);
    const out = join(work, 'export');
    const service = new IntakeService(s.tumen);
    const names = await exportSubmission(s.tumen.store, service.files, row.id, out);
    const age = (name: string) => spawnSync('age', ['-d', '-i', escrow, '-o', join(out, name.replace(/\.age$/, '')), join(out, name)]);
    for (const n of names) assert.equal(age(n).status, 0, n);
    assert.equal(readFileSync(join(out, '00-message'), 'utf8'), '이 집에서 나가게 도와주세요');
    assert.equal(await sha256File(join(out, '01-file')), await sha256File(file));
    const manifest = JSON.parse(readFileSync(join(out, '02-manifest'), 'utf8'));
    assert.equal(manifest.files[0].name, '증거-evidence.bin');
    assert.equal(manifest.files[0].sha256, await sha256File(file));
    assert.equal(manifest.consent, true);
    assert.equal(manifest.files[0].stripped, false);

    await service.reply(row.id, '메시지를 받았습니다');
    await page.fill('#receipt-input', 'abandon ability able about above absent absorb abstract');
    await page.click('#open-button');
    await page.waitForFunction(() => /우편함이 없습니다/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
    assert.equal(await page.locator('.reply').count(), 0, 'a wrong receipt reads nothing');
    await page.fill('#receipt-input', receipt);
    await page.click('#open-button');
    await page.waitForSelector('.reply', { timeout: 30_000 });
    assert.match((await page.textContent('.reply'))!, /메시지를 받았습니다/);
    assert.deepEqual(pageProblems(page), []);
  });
  test('with JavaScript off: the page points to the weaker text-only form, which seals the message', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${s.url}/intake`);
    assert.equal(await page.isVisible('#send'), false, 'the encrypting form needs JavaScript');
    assert.match((await page.content()).replace(/<noscript>[\s\S]*?<\/noscript>/g, ''), /Text-only form \(weaker\)/);
    await page.click('a[href="/intake/nojs"] >> visible=true');
    await page.waitForURL(/\/intake\/nojs$/);
    assert.match(await page.textContent('body') ?? '', /does not encrypt in your browser/);
    const before = (await s.tumen.store.intake.list()).length;
    await page.fill('#message', 'typed without javascript');
    await page.click('button[type=submit]');
    await page.waitForSelector('#sent');
    const rows = await s.tumen.store.intake.list();
    assert.equal(rows.length, before + 1);
    assert.ok(rows.some((r) => r.weaker));
    await context.close();
  });
  test('staff inbox: identity in page memory, open, reply encrypted in the browser, import as a source byte for byte', async () => {
    const text = 'Testimony for the inbox: 7 people held near the river.\n';
    const sent = await sendSubmission(s.url, { message: 'inbox message', files: [{ name: 'inbox.txt', type: 'text/plain', bytes: new TextEncoder().encode(text) }] });
    assert.equal(sent.status, 200);
    const page = await newPage(browser);
    await page.goto(`${s.url}/intake-inbox`);
    await page.setInputFiles('[data-testid=intake-identity]', staff);
    await page.getByText('Identity loaded into memory.').waitFor();
    const row = page.getByTestId(`intake-${sent.id}`);
    await row.getByRole('button', { name: 'Open' }).click();
    await page.getByText('inbox message').waitFor();
    await page.getByLabel('Reply to the sender (encrypted here)').fill('we read it');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Reply sent.').waitFor();
    await page.getByRole('button', { name: 'Import as source' }).click();
    const sha = createHash('sha256').update(text).digest('hex');
    await page.getByText(`Imported; SHA-256: ${sha}`).waitFor();
    assert.ok(await s.tumen.store.sources.findBySha256Unrestricted(sha), 'the source keeps the bytes the sender sent');
    const box = await intakeJson(s.url, 'POST', '/intake/api/mailbox', { mailboxId: sent.keys.mailboxId, authKey: sent.keys.authKey });
    const d = new Decrypter();
    d.addIdentity(sent.keys.replyIdentity);
    assert.equal(await d.decrypt(Buffer.from(box.body.replies[0].ciphertext, 'base64'), 'text'), 'we read it');
    assert.equal(await page.evaluate(() => [...Object.values(localStorage), ...Object.values(sessionStorage)].some((v) => v.includes('AGE-SECRET'))), false, 'the identity is not stored');
    assert.deepEqual(pageProblems(page), []);
  });
});
