import { ValidationError } from '../domain/errors.ts';
import type { SearchFilters } from '../domain/search.ts';

/**
 * The search box syntax:
 *   words            all must match (a word CJK text or hyphens split into several tokens is a phrase)
 *   "a phrase"       tokens in this order
 *   a OR b           either (upper-case OR, between two words or phrases)
 *   -word -"phrase"  must not match
 *   kind:event type:forced_repatriation lang:ko status:confirmed reliability:A place:<id>
 *   from:2023-01 to:2023-12   (year, month or day; a comma gives several values: kind:event,source)
 * Anything else that looks like `key:value` with an unknown key is refused rather than silently
 * searched as text, since it is almost always a mistyped filter.
 */

export interface QueryItem {
  text: string;
  phrase: boolean;
}

export interface ParsedQuery {
  /** AND of groups; a group is one item or several joined by OR. */
  must: QueryItem[][];
  not: QueryItem[];
  filters: SearchFilters;
  /** True when the query had words or phrases (as opposed to filters only). */
  hasText: boolean;
}

export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_ITEMS = 32;

const FILTER_KEYS: Record<string, keyof SearchFilters> = {
  kind: 'kinds',
  type: 'types',
  lang: 'languages',
  language: 'languages',
  status: 'statuses',
  reliability: 'reliabilities',
  place: 'placeIds',
  from: 'from',
  to: 'to',
};

const KEY_LIKE = /^([A-Za-z]+):(.*)$/s;

export function parseQuery(q: string): ParsedQuery {
  if (typeof q !== 'string') throw new ValidationError('the query must be a string');
  if (q.length > MAX_QUERY_LENGTH) throw new ValidationError(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
  const must: QueryItem[][] = [];
  const not: QueryItem[] = [];
  const filters: SearchFilters = {};
  let items = 0;
  let pendingOr = false;
  let i = 0;
  const n = q.length;

  const add = (item: QueryItem, negated: boolean, at: number) => {
    if (++items > MAX_QUERY_ITEMS)
      throw new ValidationError(`the query has more than ${MAX_QUERY_ITEMS} words and phrases`);
    if (negated) {
      if (pendingOr) throw new ValidationError(`"OR" can't be followed by an exclusion (at character ${at + 1})`);
      not.push(item);
    } else if (pendingOr) {
      must[must.length - 1]!.push(item);
      pendingOr = false;
    } else must.push([item]);
  };

  while (i < n) {
    const c = q[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if (c === '-') {
      negated = true;
      i++;
      // A lone dash ("North Korea - China") excludes nothing.
      if (i >= n || /\s/.test(q[i]!)) continue;
    }
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      if (close < 0) throw new ValidationError(`unterminated quote at character ${i + 1}: add the closing "`);
      const text = q.slice(i + 1, close);
      i = close + 1;
      if (text.trim() === '') continue;
      add({ text, phrase: true }, negated, start);
      continue;
    }
    let end = i;
    while (end < n && !/\s/.test(q[end]!) && q[end] !== '"') end++;
    const word = q.slice(i, end);
    i = end;
    if (word === 'OR' && !negated) {
      if (must.length === 0 || pendingOr)
        throw new ValidationError(`"OR" at character ${start + 1} needs a word or phrase on each side`);
      pendingOr = true;
      continue;
    }
    const m = KEY_LIKE.exec(word);
    if (m) {
      const key = m[1]!.toLowerCase();
      const field = FILTER_KEYS[key];
      if (!field) {
        const known = [...new Set(Object.keys(FILTER_KEYS))].join(', ');
        throw new ValidationError(
          `unknown filter "${m[1]}:" (known: ${known}); put it in quotes to search for the text`,
        );
      }
      if (negated)
        throw new ValidationError(`a filter can't be excluded ("-${word}"); filters only narrow the results`);
      if (pendingOr) throw new ValidationError(`"OR" can't join a filter ("${word}")`);
      addFilter(filters, key, field, m[2]!);
      continue;
    }
    add({ text: word, phrase: false }, negated, start);
  }
  if (pendingOr) throw new ValidationError('"OR" at the end of the query needs a word or phrase after it');
  return { must, not, filters, hasText: items > 0 };
}

function addFilter(filters: SearchFilters, key: string, field: keyof SearchFilters, value: string): void {
  if (value === '') throw new ValidationError(`the filter "${key}:" needs a value, e.g. ${example(key)}`);
  if (field === 'from' || field === 'to') {
    if (filters[field] !== undefined) throw new ValidationError(`"${key}:" is given twice`);
    filters[field] = value;
    return;
  }
  const values = value.split(',').filter((v) => v !== '');
  const list = (filters[field] ??= []);
  for (const v of values) if (!list.includes(v)) list.push(v);
}

function example(key: string): string {
  switch (key) {
    case 'from':
    case 'to':
      return `${key}:2023-10`;
    case 'kind':
      return 'kind:event';
    case 'status':
      return 'status:confirmed';
    case 'reliability':
      return 'reliability:A';
    case 'lang':
    case 'language':
      return 'lang:ko';
    default:
      return `${key}:…`;
  }
}
