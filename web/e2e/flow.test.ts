import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../app/auth/account-admin.ts';
import { DEFAULT_COMPARTMENT } from '../../domain/actor.ts';
import { createClient } from '../../domain/client.ts';
import { SHARED_DIR, type TestServer } from '../../server/test-server.ts';
import { browserMissing, describeViolations, launch, newPage, pageProblems, screenshot, seriousA11yViolations, startAppServer } from './helpers.ts';

/**
 * The analyst's day, end to end in a real Chromium against a real server on a fresh data folder:
 * import a seed report through the file input, review and confirm a candidate, find it by search,
 * see it on the map and the timeline, switch the language, and (once accounts exist) sign out and in.
 */
const missing = browserMissing();
const SEED = join(SHARED_DIR, 'seeds', '003_b935a69bd71def97.txt');
const PASSAGE = 'A North Korean soldier stands next to a watchtower on the banks of the Yalu river near Sinuiju';
const TITLE = '신의주 감시탑 증강';
const DESCRIPTION = 'Watchtower build-up on the Yalu bank near Sinuiju';
const PASSWORD = 'Yalu river at dawn 2017';

let server: TestServer;
let browser: Browser;
let page: Page;
let sourceId = '';
let candidateId = '';

before(async () => {
  if (missing) return;
  server = await startAppServer();
  browser = await launch();
  page = await newPage(browser);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function expectAccessible(name: string) {
  const v = await seriousA11yViolations(page);
  assert.equal(v.length, 0, `${name}: axe found serious or critical violations:\n${describeViolations(v)}`);
}

test('1. import a seed report through the library’s file input', { skip: missing ?? false }, async () => {
  await page.goto(`${server.url}/library`);
  await page.getByRole('heading', { name: 'Library' }).waitFor();
  await expectAccessible('library');
  // Keyboard first: the first Tab reaches the skip link, which moves focus to the content.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#main');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.getByTestId('import-files').setInputFiles(SEED);
  const row = page.getByTestId('upload-list').locator('li').first();
  await row.getByText('Imported').waitFor({ timeout: 30_000 });
  const href = await row.getByRole('link', { name: 'Open' }).getAttribute('href');
  sourceId = href!.split('/').pop()!;
  await page.getByTestId('sources-table').getByRole('link', { name: /Security Personnel Run Protection Racket/ }).waitFor();
  await screenshot(page, '01-library-imported');
});

test('2. review and confirm a candidate with the keyboard', { skip: missing ?? false }, async () => {
  assert.ok(sourceId, 'step 1 imported the seed');
  const api = createClient({ baseUrl: server.url });
  // Extraction proposes candidates from the import; their text is English and varies with the
  // extractor, so the test also adds one candidate it knows (Korean title, English description,
  // at a gazetteer place, dated) through the API, citing the imported passage, and reviews that.
  const extracted = (await api.listRecords({ status: 'candidate', sourceId })).items.length;
  console.log(`extraction proposed ${extracted} candidates from the seed`);
  const source = await api.getSource(sourceId);
  const start = source.text.indexOf(PASSAGE);
  assert.ok(start >= 0);
  const sinuiju = (await api.listRecords({ kind: 'place', limit: 500 })).items.find((p) => p.kind === 'place' && p.body.gazetteerId === 'kp-sinuiju');
  assert.ok(sinuiju, 'the gazetteer has Sinuiju');
  const created = await api.createRecord({
    kind: 'event',
    status: 'candidate',
    body: { type: 'surveillance_deployment', title: TITLE, description: DESCRIPTION, start: { value: '2017-04' }, placeId: sinuiju.id },
    citations: [{ sourceId, start, end: start + PASSAGE.length, quote: PASSAGE, credibility: 2 }],
  });
  candidateId = created.id;

  await page.goto(`${server.url}/review`);
  const card = page.getByTestId('candidate');
  await card.waitFor();
  await expectAccessible('review');
  // Step through the queue with j until our candidate is shown, then confirm it with y.
  for (let i = 0; i < 500 && (await card.locator('h2').innerText()) !== TITLE; i++) {
    await page.keyboard.press('j');
    await page.waitForTimeout(20);
  }
  assert.equal(await card.locator('h2').innerText(), TITLE);
  await card.getByText(PASSAGE).waitFor();
  await screenshot(page, '02-review-candidate');
  await page.keyboard.press('y');
  await page.getByText(`Confirmed: ${TITLE}`).waitFor({ state: 'attached' });
  const after = await api.getRecord(candidateId);
  assert.equal(after.status, 'confirmed');

  await page.goto(`${server.url}/records/${candidateId}`);
  await page.getByTestId('citations').getByText(PASSAGE).waitFor();
  await expectAccessible('record page');
  await screenshot(page, '03-record-event');
});

test('3. find it by search, in Korean and in English', { skip: missing ?? false }, async (t) => {
  const probe = await fetch(`${server.url}/api/search?q=x`);
  await page.goto(`${server.url}/search`);
  const box = page.getByTestId('search-input');
  if (probe.status === 404) {
    await box.fill('감시');
    await page.getByTestId('search-unavailable').waitFor();
    await expectAccessible('search (unavailable)');
    await screenshot(page, '04-search-unavailable');
    t.skip('GET /api/search is not on this server yet: the screen shows its "search unavailable" state instead');
    return;
  }
  await box.fill('감시');
  await page.getByTestId('search-hits').getByRole('link', { name: TITLE }).waitFor({ timeout: 10_000 });
  await screenshot(page, '04-search-korean');
  await box.fill('watchtower Sinuiju');
  await page.getByTestId('search-hits').getByRole('link', { name: TITLE }).waitFor({ timeout: 10_000 });
  assert.ok((await page.getByTestId('search-hits').locator('mark').count()) > 0, 'matches are marked');
  await expectAccessible('search');
  await screenshot(page, '04-search-english');
});

test('4. see it on the map and on the timeline', { skip: missing ?? false }, async () => {
  await page.goto(`${server.url}/map`);
  await page.getByTestId('map-list').getByRole('link', { name: TITLE }).waitFor({ timeout: 20_000 });
  await expectAccessible('map');
  await screenshot(page, '05-map');

  await page.goto(`${server.url}/`);
  await page.getByTestId('recent-events').getByRole('link', { name: TITLE }).waitFor();
  await page.locator('.arrivals-chart .point').first().waitFor();
  assert.ok((await page.locator('.arrivals-chart .point.conflicting').count()) > 0, 'disagreeing arrival figures are marked');
  await expectAccessible('overview');
  await screenshot(page, '06-overview');
});

test('5. switch the language; the choice is remembered', { skip: missing ?? false }, async () => {
  await page.getByRole('button', { name: '한국어' }).click();
  await page.getByRole('heading', { level: 1, name: '개요' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: '개요' }).waitFor();
  await page.getByRole('link', { name: '검토 대기열 열기' }).waitFor();
  await expectAccessible('overview (ko)');
  await screenshot(page, '07-overview-ko');
  await page.goto(`${server.url}/sources/${sourceId}`);
  await page.getByTestId('source-text').locator('a.hl-event').first().waitFor();
  await expectAccessible('reader (ko)');
  await screenshot(page, '08-reader-ko');
  await page.goto(`${server.url}/map`);
  await page.getByTestId('map-list').getByRole('link', { name: TITLE }).waitFor({ timeout: 20_000 });
  await screenshot(page, '09-map-ko');
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Map' }).waitFor();
});

test('6. sign in, sign out and in again', { skip: missing ?? false }, async (t) => {
  // Until an account exists the server serves this computer's user without sign-in ("local mode").
  await page.goto(`${server.url}/sign-in`);
  await page.getByTestId('sign-in-local').waitFor();
  await screenshot(page, '10-sign-in-local');
  const probe = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (probe.status === 404) {
    t.skip('POST /api/auth/login is not on this server: there are no accounts to sign in with');
    return;
  }
  // The first account turns accounts on: from now on every request needs a session.
  const operator = await server.tumen.store.accounts.compartments.operatorUnrestricted({ id: 'e2e', label: 'e2e' });
  await createUser(server.tumen.store, operator, { username: 'analyst', role: 'analyst', displayName: '김 분석', password: PASSWORD, grants: { [DEFAULT_COMPARTMENT]: 'write' } });

  await page.goto(`${server.url}/review`);
  await page.waitForURL(/\/sign-in\?next=%2Freview/);
  const form = page.getByTestId('sign-in-form');
  await form.getByRole('button', { name: 'Sign in' }).click();
  assert.equal(await form.locator('.field-error').count(), 2, 'both fields are required');
  await form.getByLabel('Username').fill('analyst');
  await form.getByLabel('Password').fill('not the password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await form.getByText('The username or password is not right.').waitFor();
  assert.equal(await form.getByLabel('Username').inputValue(), 'analyst', 'what was typed is kept');
  await expectAccessible('sign-in');
  await screenshot(page, '10-sign-in-error');
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
  assert.equal(await page.getByTestId('account-name').innerText(), '김 분석');

  // A change made with the session carries the CSRF token.
  await page.goto(`${server.url}/records/${candidateId}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill(`${TITLE} (검토함)`);
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: `${TITLE} (검토함)` }).waitFor();
  await screenshot(page, '10-signed-in-record');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByTestId('sign-in-form').waitFor();
  const after = await page.evaluate(async () => (await fetch('/api/records?limit=1')).status);
  assert.equal(after, 401, 'the session is gone on the server too');
  await page.getByLabel('Username').fill('analyst');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor();
});

test('no script errors on any screen', { skip: missing ?? false }, () => {
  assert.deepEqual(pageProblems(page), []);
});
