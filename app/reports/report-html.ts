import type { SeriesPeriod } from '../../domain/figure-series.ts';
import { esc, htmlPage, safeHref } from '../render/html.ts';
import type { ReportData } from './report-data.ts';
import type { VerificationAppendix } from './report-verification.ts';

export type ReportLang = 'en' | 'ko';

const L = {
  en: {
    title: 'Situation report: North Korean refugees and the China–DPRK border',
    scope: 'Scope',
    all: 'all dates and places',
    arrivals: 'Arrivals in South Korea (Ministry of Unification)',
    period: 'Period',
    shown: 'Value shown',
    others: 'Other published values',
    why: 'Why they differ',
    conflicts: 'periods with conflicting published values',
    events: 'Events timeline',
    noEvents: 'No confirmed events in this scope.',
    segments: 'Surveillance installations per border segment',
    segment: 'Segment',
    installations: 'Installations',
    kinds: 'Kinds',
    noSegments: 'No confirmed installations in this scope.',
    sources: 'Sources cited',
    appendix: 'Verification appendix',
    appendixNote: 'Signed checkpoint of the audit log when this report was made, and for each source its SHA-256 and an inclusion proof of the log entry that recorded it. Check with `tumen verify-report FILE --key KEY`.',
  },
  ko: {
    title: '상황 보고서: 탈북민과 북중 국경',
    scope: '범위',
    all: '전체 기간과 장소',
    arrivals: '탈북민 입국 인원 (통일부)',
    period: '기간',
    shown: '표시 값',
    others: '다른 공표 값',
    why: '차이의 이유',
    conflicts: '공표 값이 서로 다른 기간',
    events: '사건 경과',
    noEvents: '이 범위에 확인된 사건이 없습니다.',
    segments: '국경 구간별 감시 시설',
    segment: '구간',
    installations: '시설 수',
    kinds: '종류',
    noSegments: '이 범위에 확인된 감시 시설이 없습니다.',
    sources: '인용 자료',
    appendix: '검증 부록',
    appendixNote: '보고서 작성 시점의 감사 로그 서명 체크포인트와, 각 자료의 SHA-256 및 그 자료를 기록한 로그 항목의 포함 증명. `tumen verify-report FILE --key KEY`로 확인하십시오.',
  },
} as const;

const CSS = `
body { font-family: "Noto Sans", "NanumGothic", "Droid Sans Fallback", sans-serif; font-size: 10.5pt; line-height: 1.45; max-width: 52em; margin: 2em auto; color: #111; }
h1 { font-size: 17pt; } h2 { font-size: 13pt; margin-top: 1.6em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid #ddd; padding: .25em .4em; text-align: left; vertical-align: top; }
tr.conflict td { background: #fff4e5; } .muted { color: #555; } .num { text-align: right; font-variant-numeric: tabular-nums; }
svg { width: 100%; height: auto; } .bar { fill: #2b5d8a; } .bar.conflict { fill: #c46a00; } .axis { font-size: 9px; fill: #333; }
pre { white-space: pre-wrap; word-break: break-all; font-size: 8pt; }
`;

/** The report as one self-contained page; the appendix is a JSON block `verify-report` reads back. */
export function reportHtml(data: ReportData, sources: Map<string, { title: string; publisher: string; published: string | null; url: string; sha256: string }>, appendix: VerificationAppendix, lang: ReportLang): string {
  const t = L[lang];
  const n = new Map(data.sourceIds.map((id, i) => [id, i + 1]));
  const refs = (ids: string[]) => [...new Set(ids)].map((id) => (n.has(id) ? `<sup><a href="#src-${n.get(id)}">${n.get(id)}</a></sup>` : '')).join('');
  const scope = [data.scope.from, data.scope.to].some(Boolean) || data.scope.place ? [data.scope.from ?? '…', '–', data.scope.to ?? '…', data.scope.place ? `· ${data.scope.place}` : ''].join(' ') : t.all;
  const body = `<h1>${esc(t.title)}</h1>
<p class="muted">${esc(t.scope)}: ${esc(scope)}</p>
<h2>${esc(t.arrivals)}</h2>
${chart(data.arrivals)}
<p>${data.conflicts} ${esc(t.conflicts)}</p>
<table><thead><tr><th>${esc(t.period)}</th><th class="num">${esc(t.shown)}</th><th>${esc(t.others)}</th><th>${esc(t.why)}</th></tr></thead><tbody>
${data.arrivals
  .map((p) => {
    const others = p.values.filter((v) => v !== p.chosen).map((v) => `${v.value.toLocaleString('en-US')}${v.source ? refs([v.source.id]) : ''}`);
    return `<tr${p.conflict ? ' class="conflict"' : ''}><td>${esc(p.period)}</td><td class="num">${p.chosen ? `${p.chosen.value.toLocaleString('en-US')}${p.chosen.source ? refs([p.chosen.source.id]) : ''}` : ''}</td><td>${others.join(', ')}</td><td>${p.explanations.map(esc).join(' ')}</td></tr>`;
  })
  .join('\n')}
</tbody></table>
<h2>${esc(t.events)}</h2>
${data.events.length ? `<ol>${data.events.map((e) => `<li><strong>${esc(e.date || '—')}</strong> ${esc(e.type.replace(/_/g, ' '))}${e.place ? ` · ${esc(e.place)}` : ''}${e.count !== null ? ` · ${e.count}` : ''}${refs(e.sourceIds)}</li>`).join('\n')}</ol>` : `<p class="muted">${esc(t.noEvents)}</p>`}
<h2>${esc(t.segments)}</h2>
${data.segments.length ? `<table><thead><tr><th>${esc(t.segment)}</th><th class="num">${esc(t.installations)}</th><th>${esc(t.kinds)}</th></tr></thead><tbody>${data.segments.map((s) => `<tr><td>${esc(s.segment)}${refs(s.sourceIds)}</td><td class="num">${s.installations}</td><td>${esc(Object.entries(s.kinds).map(([k, c]) => `${k} ${c}`).join(', '))}</td></tr>`).join('\n')}</tbody></table>` : `<p class="muted">${esc(t.noSegments)}</p>`}
<h2>${esc(t.sources)}</h2>
<ol>${data.sourceIds
    .map((id, i) => {
      const s = sources.get(id);
      if (!s) return `<li id="src-${i + 1}">(withheld)</li>`;
      const href = safeHref(s.url);
      return `<li id="src-${i + 1}">${[s.title, s.publisher, s.published ?? ''].filter(Boolean).map(esc).join(', ')}${href ? ` <a href="${esc(href)}">${esc(href)}</a>` : ''} <span class="muted">SHA-256 ${esc(s.sha256)}</span></li>`;
    })
    .join('\n')}</ol>
<h2>${esc(t.appendix)}</h2>
<p class="muted">${esc(t.appendixNote)}</p>
<pre>${esc(appendix.checkpoint)}</pre>
<p class="muted">Ed25519 ${esc(appendix.publicKey)}</p>
<script type="application/json" id="tumen-verification">${JSON.stringify(appendix).replace(/</g, '\\u003c')}</script>`;
  return htmlPage({ lang, title: t.title, css: CSS, body });
}

/** Bars per period (the shown value); periods whose published values disagree are drawn in orange. */
function chart(periods: SeriesPeriod[]): string {
  const bars = periods.filter((p) => p.chosen && p.lo);
  if (bars.length === 0) return '';
  const max = Math.max(...bars.map((p) => p.chosen!.value), 1);
  const w = 600;
  const h = 160;
  const bw = w / bars.length;
  const rects = bars
    .map((p, i) => {
      const bh = Math.round((p.chosen!.value / max) * (h - 20));
      return `<rect class="bar${p.conflict ? ' conflict' : ''}" x="${(i * bw + 1).toFixed(1)}" y="${h - 14 - bh}" width="${Math.max(bw - 2, 1).toFixed(1)}" height="${bh}"><title>${esc(p.period)}: ${p.chosen!.value}</title></rect>`;
    })
    .join('');
  const first = bars[0]!.period;
  const last = bars[bars.length - 1]!.period;
  return `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${esc(`${first}–${last}`)}">${rects}<text class="axis" x="0" y="${h - 2}">${esc(first)}</text><text class="axis" x="${w}" y="${h - 2}" text-anchor="end">${esc(last)}</text></svg>`;
}

/** Reads the appendix back out of a report file. */
export function appendixOf(html: string): VerificationAppendix {
  const m = /<script type="application\/json" id="tumen-verification">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no verification appendix in this file (is it a Tumen report?)');
  return JSON.parse(m[1]!) as VerificationAppendix;
}
