import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadReferenceData } from '../../app/commands/demo-loader.ts';
import { SYSTEM_ACTOR } from '../../domain/actor.ts';
import { startTestServer, type TestServer } from '../../server/test-server.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DIST = join(ROOT, 'web', 'dist');
export const SCREENS = join(ROOT, 'test-artifacts', 'screens');
export const CHROMIUM = process.env.TUMEN_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Why browser tests cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (set TUMEN_CHROMIUM)`;
}

function newest(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))));
}

/** Builds web/dist when it is missing or older than any of its sources. */
export function ensureBuilt(): void {
  const index = join(DIST, 'index.html');
  const inputs = [join(ROOT, 'web', 'src'), join(ROOT, 'web', 'build'), join(ROOT, 'web', 'index.html'), join(ROOT, 'web', 'vite.config.ts'), join(ROOT, 'domain')];
  if (existsSync(index) && statSync(index).mtimeMs >= Math.max(...inputs.map(newest))) return;
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-web.mjs')], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) throw new Error('npm run build:web failed');
}

/** A real server over a fresh temp data folder, with the shipped gazetteer and arrival figures. */
export async function startAppServer(): Promise<TestServer> {
  ensureBuilt();
  const server = await startTestServer();
  await loadReferenceData(server.tumen, SYSTEM_ACTOR);
  return server;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

export async function newPage(browser: Browser, opts: { locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: opts.locale ?? 'en-US', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // HTTP error answers (401 before sign-in, 404 for a missing route) are expected; script errors are not.
    if (msg.type() === 'error' && !/^Failed to load resource: the server responded with a status of/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

export const pageProblems = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS, { recursive: true });
  const path = join(SCREENS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require('fs') as typeof import('node:fs')).readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axeSource());
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`).join('\n');
}
