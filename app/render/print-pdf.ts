import { existsSync } from 'node:fs';

/** Debian's Chromium, as the browser tests use it; TUMEN_CHROMIUM points elsewhere. */
export const chromiumPath = (): string => process.env.TUMEN_CHROMIUM ?? '/usr/bin/chromium';

export class PdfUnavailableError extends Error {}

/**
 * Prints a self-contained HTML document to PDF with a real browser engine (Chromium through
 * playwright-core), so layout, Korean and Chinese glyphs (fonts-nanum, fonts-droid-fallback) and
 * footnote links are the browser's, not hand-made PDF bytes. The page loads nothing from the
 * network: every request is refused, so a document cannot leak through a fetched URL.
 */
export async function printPdf(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new PdfUnavailableError(`no Chromium at ${executablePath}: install chromium or set TUMEN_CHROMIUM, or use --format html`);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' }, displayHeaderFooter: false, tagged: true, outline: true });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
