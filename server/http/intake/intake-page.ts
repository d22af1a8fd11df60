import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import type { IntakeService } from '../../../app/intake/intake-service.ts';
import { WEB_DIST } from '../web-app.ts';
import { escapeHtml, pickLanguage, TEXT, type IntakeLang } from './intake-text.ts';

/** The browser bundle built by scripts/build-web.mjs (web/intake → web/dist/intake/intake-<hash>.js). */
function loadBundle(dist: string): { name: string; bytes: Buffer; integrity: string } | null {
  const dir = join(dist, 'intake');
  if (!existsSync(dir)) return null;
  const name = readdirSync(dir).find((f) => /^intake-[\w-]+\.js$/.test(f));
  if (!name) return null;
  const bytes = readFileSync(join(dir, name));
  return { name, bytes, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
}

function notice(lang: IntakeLang): string {
  const t = TEXT[lang];
  return `<section lang="${lang}"><h2>${t.protectedHead}</h2><p>${t.protectedBody}</p><h2>${t.notProtectedHead}</h2><p>${t.notProtectedBody}</p></section>`;
}

function page(lang: IntakeLang, script: { name: string; integrity: string } | null): string {
  const t = TEXT[lang];
  const other: IntakeLang = lang === 'ko' ? 'en' : 'ko';
  const scriptTag = script ? `<script type="module" src="/intake/${script.name}" integrity="${script.integrity}" crossorigin="anonymous"></script>` : '';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><link rel="icon" href="/intake/favicon.ico">
<title>${t.title} · ${TEXT[other].title}</title>${scriptTag}</head>
<body data-lang="${lang}">
<h1>${t.title} · ${TEXT[other].title}</h1>
${notice(lang)}${notice(other)}
<noscript><p>${t.noscript} <a href="/intake/nojs">${t.nojsLink}</a></p><p lang="${other}">${TEXT[other].noscript} <a href="/intake/nojs">${TEXT[other].nojsLink}</a></p></noscript>
<form id="send" hidden>
<label for="message">${t.message}</label><br><textarea id="message" rows="12" cols="60"></textarea><br>
<label for="files">${t.files}</label> <input id="files" type="file" multiple><br>
<div id="exif" data-strip="${t.strip}"></div>
<label><input id="consent" type="checkbox"> ${t.consent}</label><br>
<button id="send-button" type="submit">${t.send}</button>
</form>
<section id="receipt" hidden><h2>${t.receiptHead}</h2><p>${t.receiptBody}</p><pre id="receipt-words"></pre></section>
<form id="return" hidden><h2>${t.returnHead}</h2>
<label for="receipt-input">${t.receiptInput}</label> <input id="receipt-input" size="60" autocomplete="off"> <button id="open-button" type="submit">${t.open}</button>
<div id="replies"></div>
<div id="followup-box" hidden><label for="followup">${t.followup}</label><br><textarea id="followup" rows="5" cols="60"></textarea><br><button id="followup-button" type="button">${t.sendFollowup}</button></div>
</form>
<p id="status" role="status"></p>
<p><a href="/intake/nojs">${t.nojsLink}</a></p>
</body></html>`;
}

function nojsPage(lang: IntakeLang, sent: boolean, error?: string): string {
  const t = TEXT[lang];
  const body = sent
    ? `<p id="sent">${t.nojsSent}</p>`
    : `<p><strong>${t.nojsWarning}</strong></p>${error ? `<p id="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/intake/nojs"><label for="message">${t.message}</label><br><textarea id="message" name="message" rows="12" cols="60"></textarea><br><button type="submit">${t.send}</button></form>`;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><link rel="icon" href="/intake/favicon.ico"><title>${t.nojsTitle}</title></head>
<body><h1>${t.nojsTitle}</h1>${notice(lang)}${body}</body></html>`;
}

/** GET /intake, the bundle (SRI-pinned), and the no-JavaScript form. */
export const intakePageRoutes: FastifyPluginAsync<{ service: IntakeService; distDir?: string }> = async (app, { service, distDir }) => {
  const bundle = loadBundle(distDir ?? WEB_DIST);
  if (!bundle) app.log.warn('intake bundle not built (run `npm run build:web`): /intake offers the text-only form only');
  // Pages, not API: kept out of the OpenAPI document.
  const hide = { schema: { hide: true } };
  app.get('/intake', hide, async (req, reply) => reply.type('text/html; charset=utf-8').send(page(pickLanguage(req.headers['accept-language']), bundle)));
  if (bundle) app.get(`/intake/${bundle.name}`, hide, async (_req, reply) => reply.type('text/javascript; charset=utf-8').send(bundle.bytes));
  // Named in the page so the browser does not ask the web app for /favicon.ico.
  app.get('/intake/favicon.ico', hide, async (_req, reply) => reply.code(204).send());
  app.get('/intake/nojs', hide, async (req, reply) => reply.type('text/html; charset=utf-8').send(nojsPage(pickLanguage(req.headers['accept-language']), false)));
  app.post('/intake/nojs', hide, async (req, reply) => {
    const lang = pickLanguage(req.headers['accept-language']);
    const message = (req.body as Record<string, unknown> | undefined)?.message;
    try {
      await service.submitPlainText(typeof message === 'string' ? message : '');
      return reply.type('text/html; charset=utf-8').send(nojsPage(lang, true));
    } catch (err) {
      const e = err as { id?: string; message?: string };
      if (!e.id?.startsWith('intake_')) throw err;
      return reply.code(e.id === 'intake_too_large' ? 413 : e.id === 'intake_rate_limited' ? 429 : 400).type('text/html; charset=utf-8').send(nojsPage(lang, false, e.message ?? ''));
    }
  });
};
