import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadDemoCases } from '../../app/commands/demo-cases.ts';
import { importPaths } from '../../app/commands/source-importer.ts';
import { SYSTEM_ACTOR } from '../../domain/actor.ts';
import type { TestServer } from '../../server/test-server.ts';
import { SEEDS_DIR, seedFiles } from '../../test/seeds.ts';
import { browserMissing, describeViolations, launch, newPage, pageProblems, screenshot, seriousA11yViolations, startAppServer } from './helpers.ts';

/** The case register and a case page in a real Chromium, on the two seed-004 demo cases. */
const missing = browserMissing();
let server: TestServer;
let browser: Browser;
let page: Page;

before(async () => {
  if (missing) return;
  server = await startAppServer();
  const op = await server.tumen.store.accounts.compartments.operatorUnrestricted(SYSTEM_ACTOR);
  await importPaths(server.tumen, { paths: seedFiles().filter((f) => f.includes('004_')), actor: op });
  await loadDemoCases(server.tumen.store, op, SEEDS_DIR);
  browser = await launch();
  page = await newPage(browser);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the cases list filters by risk; a case page draws its cited timeline (en and ko)', { skip: missing ?? false }, async () => {
  await page.goto(`${server.url}/cases`);
  await page.getByTestId('cases-table').waitFor();
  assert.equal(await page.locator('[data-testid=cases-table] tbody tr').count(), 2);
  await page.getByTestId('risk-filter').selectOption('facing_repatriation');
  await page.waitForURL(/risk=facing_repatriation/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cases-table] tbody tr').length === 1);
  await page.getByRole('link', { name: /Software engineer arrested in Jilin/ }).click();
  const timeline = page.getByTestId('case-timeline');
  await timeline.waitFor();
  assert.equal(await timeline.locator('> li').count(), 3);
  assert.match((await timeline.textContent()) ?? '', /waiting to be repatriated/);
  assert.match((await timeline.textContent()) ?? '', /Jilin/);
  assert.match((await page.getByTestId('un-consent').textContent()) ?? '', /in force/);
  const v = await seriousA11yViolations(page);
  assert.equal(v.length, 0, describeViolations(v));
  await screenshot(page, 'case-page-en');
  const ko = await newPage(browser, { locale: 'ko-KR' });
  await ko.goto(page.url());
  await ko.getByTestId('case-timeline').waitFor();
  assert.match((await ko.getByTestId('un-consent').textContent()) ?? '', /유효합니다/);
  await screenshot(ko, 'case-page-ko');
  assert.deepEqual([...pageProblems(page), ...pageProblems(ko)], []);
});

test('the appeal draft the case page downloads renders as a footnoted page', { skip: missing ?? false }, async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /urgent appeal/i }).click()]);
  const html = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
  assert.match(html, /<sup><a href="#fn-1"/);
  const draft = await newPage(browser);
  await draft.setContent(html);
  assert.match((await draft.locator('h1').textContent()) ?? '', /urgent appeal/);
  await screenshot(draft, 'appeal-draft-en');
});

test('the situation report page in both languages', { skip: missing ?? false }, async () => {
  const { renderReport } = await import('../../app/reports/report-renderer.ts');
  const op = await server.tumen.store.accounts.compartments.operatorUnrestricted(SYSTEM_ACTOR);
  for (const lang of ['en', 'ko'] as const) {
    const html = (await renderReport(server.tumen, op, { format: 'html', lang })).toString('utf8');
    const report = await newPage(browser);
    await report.setContent(html);
    await report.locator('svg').first().waitFor();
    assert.match((await report.locator('h1').textContent()) ?? '', lang === 'ko' ? /상황 보고서/ : /Situation report/);
    await screenshot(report, `report-${lang}`);
  }
});
