import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ImportError } from '../../domain/errors.ts';
import type { PartialDate } from '../../domain/partial-date.ts';
import { parseDateValue } from './dates.ts';
import { decodeText } from './decode.ts';
import { absoluteUrl, clip, finalTitle, guessKind, type ParsedDocument } from './document.ts';
import { checkHtmlComplexity } from './html-complexity.ts';
import { domToText, removeFurniture } from './html-text.ts';
import { chooseLanguage } from './language.ts';

type Doc = ReturnType<typeof parseHTML>['document'];
type Json = Record<string, unknown>;

/** The charset a page declares in its first bytes, as browsers look for it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
}

/** meta tags by lower-cased property / name / itemprop; the first one wins. */
function metaMap(doc: Doc): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta')) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      el.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = (el.getAttribute('content') ?? '').trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

const ARTICLE_TYPES = /^(?:\w*Article|ReportageNews|BlogPosting|LiveBlogPosting|Report)$/;

function jsonLdObjects(doc: Doc): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if ('@graph' in v) visit((v as Json)['@graph']);
    }
  };
  for (const el of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(el.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common and never a reason to reject the page.
    }
  }
  return out;
}

const types = (o: Json) => [o['@type']].flat().filter((t): t is string => typeof t === 'string');

/** "name" of a JSON-LD person/organisation, a list of them, or a plain string. */
function names(v: unknown): string {
  const list = [v]
    .flat()
    .map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? (x as Json).name : null));
  return list.filter((x): x is string => typeof x === 'string' && x.trim() !== '').join(', ');
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function publishedDate(doc: Doc, meta: Map<string, string>, ld: Json | undefined): PartialDate | null {
  const metaKeys = [
    'article:published_time',
    'og:published_time',
    'datepublished',
    'date',
    'pubdate',
    'publishdate',
    'publish-date',
    'dc.date',
    'dc.date.issued',
    'dcterms.date',
    'dcterms.issued',
    'sailthru.date',
    'parsely-pub-date',
  ];
  for (const k of metaKeys) {
    const d = meta.get(k) && parseDateValue(meta.get(k)!);
    if (d) return d;
  }
  const fromLd = parseDateValue(str(ld?.datePublished));
  if (fromLd) return fromLd;
  // <time> last: pages also carry "today" widgets and dates of related stories. Inside the
  // article first, and only the first one, which is where bylines put the date.
  const time = doc.querySelector(
    'time[pubdate][datetime], time[itemprop="datePublished"][datetime], article time[datetime], main time[datetime], time[datetime]',
  );
  return time ? parseDateValue(time.getAttribute('datetime') ?? '') : null;
}

function mainText(doc: Doc): string {
  try {
    // Readability rewrites the document it is given, so it gets its own copy.
    const copy = parseHTML(doc.toString()).document;
    removeFurniture(copy);
    const article = new Readability(copy as unknown as Document).parse();
    if (article?.content) {
      const text = domToText(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body);
      if (text.trim() !== '') return text;
    }
  } catch {
    // Readability gives up on some odd markup; the body text below is still worth having.
  }
  const body = doc.body;
  if (!body) return '';
  removeFurniture(body);
  return domToText(body);
}

export function parseHtml(name: string, bytes: Uint8Array): ParsedDocument {
  const source = decodeText(bytes, declaredCharset(bytes));
  checkHtmlComplexity(source);
  const { document: doc } = parseHTML(source);
  const meta = metaMap(doc);
  const ld = jsonLdObjects(doc).find((o) => types(o).some((t) => ARTICLE_TYPES.test(t)));
  const firstText = (sel: string) => doc.querySelector(sel)?.textContent?.trim() ?? '';

  const title =
    meta.get('og:title') || meta.get('twitter:title') || firstText('title') || firstText('h1') || str(ld?.headline);
  const published = publishedDate(doc, meta, ld);
  const articleAuthor = meta.get('article:author') ?? '';
  const author = meta.get('author') || (isUrl(articleAuthor) ? '' : articleAuthor) || names(ld?.author);
  const publisher = meta.get('og:site_name') || names(ld?.publisher);
  const canonical = doc.querySelector('link[rel~="canonical"][href]')?.getAttribute('href');
  const url = absoluteUrl(canonical) || absoluteUrl(meta.get('og:url'));
  const declaredLang =
    doc.documentElement?.getAttribute('lang') || meta.get('content-language') || meta.get('og:locale');
  const hasArticleMeta =
    meta.get('og:type')?.toLowerCase() === 'article' || meta.has('article:published_time') || ld !== undefined;

  const text = mainText(doc);
  if (text.trim() === '') throw new ImportError('empty', 'The page has no readable text, only markup.');
  return {
    text,
    title: finalTitle(title, name),
    publisher: clip(publisher),
    author: clip(author),
    url,
    language: chooseLanguage(declaredLang, text),
    published,
    kind: guessKind(text, hasArticleMeta),
    mediaType: 'text/html',
  };
}
