import type { CitedPassage } from '../commands/case-dossier.ts';
import { esc, htmlPage, safeHref } from '../render/html.ts';
import type { AppealDraft, AppealField } from './appeal-draft.ts';

const CSS = `
body { font-family: "Noto Serif", "NanumMyeongjo", "Droid Sans Fallback", serif; font-size: 11pt; line-height: 1.45; max-width: 48em; margin: 2em auto; color: #111; }
h1 { font-size: 16pt; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
dl { margin: 0; } dt { font-weight: bold; margin-top: .7em; } dd { margin: .2em 0 0 1.2em; }
.missing { color: #8a2a00; font-style: italic; }
.banner { border: 2px solid #8a2a00; padding: .6em; color: #8a2a00; font-weight: bold; }
.meta { color: #444; }
sup a { text-decoration: none; }
ol.notes { font-size: 9.5pt; } ol.notes li { margin-bottom: .4em; } .quote { font-style: italic; }
`;

/**
 * The draft as one HTML page: the form's sections, each factual sentence with numbered footnotes,
 * then the notes (title, outlet, date, quote, URL). A passage cited twice keeps one number.
 */
export function appealHtml(draft: AppealDraft): string {
  const notes = new Footnotes();
  const sections = draft.sections
    .map((s) => `<section>\n<h2>${esc(s.heading)}</h2>\n<dl>\n${s.fields.map((f) => fieldHtml(f, notes)).join('\n')}\n</dl>\n</section>`)
    .join('\n');
  const banner = [
    draft.demoOnly ? '<p class="banner">DEMO DATA ONLY: the consent behind this draft is not real. Do not send.</p>' : '',
    draft.includesProtected ? '<p class="banner">Contains protected personal data: handle as confidential.</p>' : '',
  ].join('');
  const body = `${banner}
<h1>${esc(draft.title)}</h1>
<p class="meta">Draft prepared ${esc(draft.preparedOn)} by Tumen from case “${esc(draft.caseLabel)}” (${esc(draft.caseId)}). Every factual statement is footnoted to the passage it rests on; fields the case does not document are marked so.</p>
${sections}
<section>
<h2>Sources</h2>
${notes.html()}
</section>`;
  return htmlPage({ lang: 'en', title: draft.title, css: CSS, body });
}

function fieldHtml(f: AppealField, notes: Footnotes): string {
  const value = f.missing ? `<span class="missing">${esc(f.missing)}</span>` : f.sentences.map((s) => `${esc(s.text)}${s.sources.map((p) => notes.ref(p)).join('')}`).join(' ');
  return `<dt>${esc(f.label)}</dt><dd>${value}</dd>`;
}

class Footnotes {
  private readonly order: CitedPassage[] = [];
  private readonly index = new Map<string, number>();

  ref(p: CitedPassage): string {
    const key = `${p.sourceId}\u0000${p.quote}`;
    let n = this.index.get(key);
    if (n === undefined) {
      this.order.push(p);
      n = this.order.length;
      this.index.set(key, n);
    }
    return `<sup><a href="#fn-${n}" id="ref-${n}">${n}</a></sup>`;
  }

  html(): string {
    if (this.order.length === 0) return '<p class="missing">no sources cited</p>';
    const items = this.order.map((p, i) => {
      const href = safeHref(p.url);
      const where = [p.title, p.outlet, p.published ?? 'undated'].filter(Boolean).map(esc).join(', ');
      const link = href ? ` <a href="${esc(href)}">${esc(href)}</a>` : p.url ? ` ${esc(p.url)}` : '';
      return `<li id="fn-${i + 1}">${where}: <span class="quote">“${esc(p.quote)}”</span>${link} <span class="meta">(source SHA-256 ${esc(p.sha256.slice(0, 16))}…)</span></li>`;
    });
    return `<ol class="notes">\n${items.join('\n')}\n</ol>`;
  }
}
