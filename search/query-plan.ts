import { ValidationError } from '../domain/errors.ts';
import type { NameExpander, SearchRequest } from '../domain/search.ts';
import { analyze, isCjkUnigram } from './analyzer.ts';
import { resolveFilters, type ResolvedFilters } from './filters.ts';
import { parseQuery, type QueryItem } from './query-parser.ts';

/** One way to match: tokens in sequence (a phrase when more than one). */
export interface Alt {
  tokens: string[];
  /** A lone CJK character matches any bigram it starts (北 → 北京, 北朝…). */
  prefix: boolean;
}
/** Matches when any alternative does: what the user OR'ed and the other names of a place. */
export interface Clause {
  alts: Alt[];
}

export interface QueryPlan {
  must: Clause[];
  not: Clause[];
  filters: ResolvedFilters;
  /** What snippets mark: the tokens of every positive alternative. */
  highlight: { terms: Set<string>; prefixes: string[] };
  limit: number;
  offset: number;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 200;
export const MAX_OFFSET = 10_000;
const MAX_EXPANSIONS = 20;

function pageBound(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`"${name}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function clauseOf(items: QueryItem[], expand: NameExpander | undefined): Clause | null {
  const texts: string[] = [];
  for (const item of items) {
    texts.push(item.text);
    if (expand) texts.push(...expand(item.text).slice(0, MAX_EXPANSIONS));
  }
  const alts: Alt[] = [];
  const seen = new Set<string>();
  for (const text of texts) {
    const tokens = analyze(text);
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    alts.push({ tokens, prefix: tokens.length === 1 && isCjkUnigram(tokens[0]!) });
  }
  return alts.length ? { alts } : null;
}

export function planQuery(req: SearchRequest, expand?: NameExpander): QueryPlan {
  if (req === null || typeof req !== 'object') throw new ValidationError('a search request is required');
  const parsed = parseQuery(req.q ?? '');
  const filters = resolveFilters(parsed.filters, req);
  const must: Clause[] = [];
  for (const group of parsed.must) {
    const c = clauseOf(group, expand);
    if (c) must.push(c);
  }
  const not: Clause[] = [];
  for (const item of parsed.not) {
    const c = clauseOf([item], expand);
    if (c) not.push(c);
  }
  if (parsed.hasText && must.length === 0) {
    throw new ValidationError(
      not.length
        ? 'the query only excludes: add a word to search for'
        : 'the query has no letters or digits to search for',
    );
  }
  const terms = new Set<string>();
  const prefixes: string[] = [];
  for (const c of must) {
    for (const a of c.alts) {
      if (a.prefix) prefixes.push(a.tokens[0]!);
      else for (const t of a.tokens) terms.add(t);
    }
  }
  return {
    must,
    not,
    filters,
    highlight: { terms, prefixes },
    limit: pageBound(req.limit, 'limit', 1, MAX_LIMIT, DEFAULT_LIMIT),
    offset: pageBound(req.offset, 'offset', 0, MAX_OFFSET, 0),
  };
}

/*
 * Both compilers quote every token. Tokens hold only letters, marks and digits (see analyzer.ts),
 * so the quoting is belt and braces; it is what makes an FTS5 or tsquery syntax error impossible.
 */

function fts5Alt(a: Alt): string {
  const quoted = `"${a.tokens.join(' ').replaceAll('"', '""')}"`;
  return a.prefix ? `${quoted}*` : quoted;
}
function fts5Clause(c: Clause): string {
  return c.alts.length === 1 ? fts5Alt(c.alts[0]!) : `(${c.alts.map(fts5Alt).join(' OR ')})`;
}

/** An FTS5 MATCH expression, or null when the plan has no words (filters only). */
export function toFts5(plan: QueryPlan): string | null {
  if (plan.must.length === 0) return null;
  const pos = plan.must.map(fts5Clause).join(' AND ');
  if (plan.not.length === 0) return pos;
  return `(${pos}) NOT (${plan.not.map(fts5Clause).join(' OR ')})`;
}

const pgToken = (t: string) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
function tsAlt(a: Alt): string {
  if (a.prefix) return `${pgToken(a.tokens[0]!)}:*`;
  return a.tokens.length === 1 ? pgToken(a.tokens[0]!) : `(${a.tokens.map(pgToken).join(' <-> ')})`;
}
function tsClause(c: Clause): string {
  return c.alts.length === 1 ? tsAlt(c.alts[0]!) : `(${c.alts.map(tsAlt).join(' | ')})`;
}

/** A tsquery literal (cast with ::tsquery, which applies no dictionary), or null for filters only. */
export function toTsquery(plan: QueryPlan): string | null {
  if (plan.must.length === 0) return null;
  const pos = plan.must.map(tsClause).join(' & ');
  if (plan.not.length === 0) return pos;
  return `${pos} & !(${plan.not.map(tsClause).join(' | ')})`;
}
