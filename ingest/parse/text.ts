import { ImportError } from '../../domain/errors.ts';
import type { PartialDate } from '../../domain/partial-date.ts';
import { findHeaderDate, parseDateLine, parseDateValue } from './dates.ts';
import { decodeText, tidyLines } from './decode.ts';
import { absoluteUrl, clip, finalTitle, guessKind, type ParsedDocument } from './document.ts';
import { chooseLanguage, detectLanguage } from './language.ts';

/** First non-empty line that is not itself a dateline, without markdown heading marks. */
function firstLineTitle(lines: readonly string[], markdown: boolean): string {
  for (const raw of lines) {
    // A title is in the first few thousand characters of its line, and the date checks below need no more.
    let line = raw.slice(0, SENTENCE_SCAN).trim();
    if (markdown)
      line = line
        .replace(/^#{1,6}\s+/, '')
        .replace(/\s+#+$/, '')
        .trim();
    if (line === '' || (markdown && /^(?:[-=*_]\s*){3,}$/.test(line))) continue;
    if (parseDateLine(line)) continue;
    return line.length > MAX_HEADING ? firstSentence(line) : line;
  }
  return '';
}

/** A first "line" this long is a paragraph (text pasted without a headline), not a title. */
const MAX_HEADING = 200;

/**
 * The regex only ever sees the paragraph's first few thousand characters: on a 17-million-character
 * line (50 MB of CJK text without a line break) its backtracking overflowed the stack.
 */
const SENTENCE_SCAN = 4 * 1024;

function firstSentence(whole: string): string {
  const paragraph = whole.slice(0, SENTENCE_SCAN);
  const m = /^(.{20,}?[.!?。]|.{20,}?다\.)(?=\s|$)/u.exec(paragraph);
  const sentence = m?.[1] ?? paragraph;
  if (sentence.length <= MAX_HEADING) return sentence;
  const cut = sentence.slice(0, MAX_HEADING - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_HEADING / 2 ? cut.slice(0, space) : cut}…`;
}

export function parsePlainText(name: string, bytes: Uint8Array): ParsedDocument {
  const text = tidyLines(decodeText(bytes));
  const lines = text.split('\n');
  return {
    text,
    title: finalTitle(firstLineTitle(lines, false), name),
    publisher: '',
    author: '',
    url: '',
    language: detectLanguage(text),
    published: findHeaderDate(lines),
    kind: guessKind(text),
    mediaType: 'text/plain',
  };
}

type FrontMatter = Record<string, string>;

/**
 * The flat `key: value` subset of YAML front matter that note-taking and static-site tools write.
 * A YAML library would accept far more, but nested values carry nothing we map to a source.
 */
function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { meta: {}, body: text };
  const meta: FrontMatter = {};
  for (const line of m[1]!.split('\n')) {
    const kv = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const value = kv[2]!
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    if (value !== '') meta[kv[1]!.toLowerCase()] = value;
  }
  return { meta, body: text.slice(m[0].length) };
}

const pick = (meta: FrontMatter, ...keys: string[]) => keys.map((k) => meta[k]).find((v) => v !== undefined) ?? '';

export function parseMarkdown(name: string, bytes: Uint8Array): ParsedDocument {
  const { meta, body } = splitFrontMatter(decodeText(bytes));
  // Front matter alone is not a document: nothing would be left to read or search.
  if (body.trim() === '') throw new ImportError('empty', 'The file has front matter but no text.');
  const text = tidyLines(body);
  const lines = text.split('\n');
  const dateValue = pick(meta, 'date', 'published', 'pubdate', 'publishdate', 'published_at', 'created');
  const published: PartialDate | null = (dateValue && parseDateValue(dateValue)) || findHeaderDate(lines);
  return {
    text,
    title: finalTitle(pick(meta, 'title') || firstLineTitle(lines, true), name),
    publisher: clip(pick(meta, 'publisher', 'source', 'site', 'site_name', 'outlet')),
    author: clip(pick(meta, 'author', 'authors', 'byline')),
    url: absoluteUrl(pick(meta, 'url', 'link', 'canonical', 'source_url')),
    language: chooseLanguage(pick(meta, 'lang', 'language'), text),
    published,
    kind: guessKind(text),
    mediaType: 'text/markdown',
  };
}
