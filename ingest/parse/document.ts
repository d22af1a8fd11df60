import type { PartialDate } from '../../domain/partial-date.ts';
import type { SourceKind } from '../../domain/vocabulary.ts';

export interface ParsedDocument {
  /** The main text: NFC, \n line endings; for HTML without navigation, ads and footers. */
  text: string;
  /** Never empty: falls back to the file name without its extension. */
  title: string;
  publisher: string;
  author: string;
  url: string;
  /** BCP 47: 'en', 'ko', 'zh', 'und' … */
  language: string;
  published: PartialDate | null;
  kind: SourceKind;
  mediaType: string;
}

/** sourceInputSchema's limits, so a parsed document always validates as a source. */
const MAX_TITLE = 1_000;
const MAX_NAME = 500;

export function clip(value: string | null | undefined, max = MAX_NAME): string {
  const v = (value ?? '').replace(/\s+/g, ' ').trim();
  if (v.length <= max) return v;
  const cut = v.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

export function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

export function finalTitle(candidate: string | null | undefined, name: string): string {
  return clip(candidate, MAX_TITLE) || clip(fileStem(name), MAX_TITLE) || 'Untitled';
}

/** An http(s) URL or nothing: relative or javascript: links are no use as a source address. */
export function absoluteUrl(raw: string | null | undefined): string {
  if (!raw) return '';
  try {
    const u = new URL(raw.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? clip(u.href, 4_000) : '';
  } catch {
    return '';
  }
}

/** UN document symbols (A/HRC/52/64, S/2023/171) near the top mark a UN report. */
const UN_SYMBOL = /(?<![\w/])(?:A\/HRC|A|S|E\/CN\.4|CCPR\/C|CRC\/C|CEDAW\/C|CAT\/C)\/(?:RES\/)?\d{1,4}\/\d{1,4}\b/;

/** A guess the editor can correct; only signals that are hard to get wrong. */
export function guessKind(text: string, hasArticleMeta = false): ParsedDocument['kind'] {
  if (hasArticleMeta) return 'news_report';
  if (UN_SYMBOL.test(text.slice(0, 3_000))) return 'un_report';
  return 'other';
}
