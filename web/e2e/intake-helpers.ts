import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, ROOT } from './helpers.ts';

function newest(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n)))) : s.mtimeMs;
}

/** Builds the web bundles when the intake bundle is missing or older than its sources. */
export function ensureIntakeBuilt(): void {
  const dir = join(DIST, 'intake');
  const built = existsSync(dir) ? newest(dir) : 0;
  if (built >= Math.max(newest(join(ROOT, 'web', 'intake')), newest(join(ROOT, 'domain', 'intake')))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

/** Fills the intake form with a message and one file, sends, and returns the receipt words. */
export async function sendThroughPage(page: Page, url: string, message: string, file: string, timeoutMs = 120_000): Promise<string> {
  await page.goto(`${url}/intake`);
  await page.waitForSelector('#send:not([hidden])');
  await page.fill('#message', message);
  await page.setInputFiles('#files', file);
  await page.check('#consent');
  await page.click('#send-button');
  await page.waitForSelector('#receipt:not([hidden])', { timeout: timeoutMs });
  return (await page.textContent('#receipt-words'))!.trim();
}
