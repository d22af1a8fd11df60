import { ValidationError } from '../domain/errors.ts';
import { ISO_PREFIX, isValidIsoPrefix, span } from '../domain/partial-date.ts';
import { RECORD_KINDS } from '../domain/records.ts';
import type { SearchFilters } from '../domain/search.ts';
import { RECORD_STATUSES, SOURCE_RELIABILITY } from '../domain/vocabulary.ts';

/** Filters checked, normalised and merged; null means "no constraint". */
export interface ResolvedFilters {
  kinds: string[] | null;
  types: string[] | null;
  languages: string[] | null;
  statuses: string[] | null;
  reliabilities: string[] | null;
  placeIds: string[] | null;
  /** Inclusive day bounds (YYYY-MM-DD). */
  from: string | null;
  to: string | null;
  /** The constraints contradict each other (kind:event from the box, kinds:[source] from the form). */
  empty: boolean;
}

type ListField = 'kinds' | 'types' | 'languages' | 'statuses' | 'reliabilities' | 'placeIds';

const KINDS: readonly string[] = ['source', ...RECORD_KINDS];
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const TYPE = /^[a-z0-9_]{1,64}$/;

const CHECKS: Record<
  ListField,
  { label: string; normalise: (v: string) => string; valid: (v: string) => boolean; hint: string }
> = {
  kinds: { label: 'kind', normalise: (v) => v.toLowerCase(), valid: (v) => KINDS.includes(v), hint: KINDS.join(', ') },
  types: {
    label: 'type',
    normalise: (v) => v.toLowerCase(),
    valid: (v) => TYPE.test(v),
    hint: 'a vocabulary code such as forced_repatriation',
  },
  languages: {
    label: 'language',
    normalise: (v) => v,
    valid: (v) => LANGUAGE.test(v),
    hint: 'a BCP 47 tag such as ko, zh or en',
  },
  statuses: {
    label: 'status',
    normalise: (v) => v.toLowerCase(),
    valid: (v) => (RECORD_STATUSES as readonly string[]).includes(v),
    hint: RECORD_STATUSES.join(', '),
  },
  reliabilities: {
    label: 'reliability',
    normalise: (v) => v.toUpperCase(),
    valid: (v) => (SOURCE_RELIABILITY as readonly string[]).includes(v),
    hint: SOURCE_RELIABILITY.join(', '),
  },
  placeIds: { label: 'place', normalise: (v) => v, valid: (v) => /^\S{1,200}$/.test(v), hint: 'a place id' },
};

function dayBound(value: unknown, which: 'from' | 'to'): string {
  if (typeof value !== 'string' || !ISO_PREFIX.test(value) || !isValidIsoPrefix(value)) {
    throw new ValidationError(`"${which}" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, got "${String(value)}"`);
  }
  const s = span(value);
  // A month or year bound covers all of it: from:2023-10 starts on the 1st, to:2023-10 ends on the 31st.
  return which === 'from' ? s.lo : s.hi;
}

function checkList(field: ListField, values: unknown): string[] | null {
  if (values === undefined || values === null) return null;
  if (!Array.isArray(values)) throw new ValidationError(`"${field}" must be a list`);
  if (values.length === 0) return null;
  const c = CHECKS[field];
  const out: string[] = [];
  for (const raw of values) {
    const v = typeof raw === 'string' ? c.normalise(raw.trim()) : '';
    if (!c.valid(v)) throw new ValidationError(`unknown ${c.label} "${String(raw)}" (expected ${c.hint})`);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** Each source (the search box, the form) is a constraint of its own: the result must satisfy all. */
export function resolveFilters(...sources: SearchFilters[]): ResolvedFilters {
  const r: ResolvedFilters = {
    kinds: null,
    types: null,
    languages: null,
    statuses: null,
    reliabilities: null,
    placeIds: null,
    from: null,
    to: null,
    empty: false,
  };
  for (const s of sources) {
    for (const field of Object.keys(CHECKS) as ListField[]) {
      const list = checkList(field, s[field]);
      if (!list) continue;
      const cur = r[field];
      r[field] = cur ? cur.filter((v) => list.includes(v)) : list;
      if (r[field]!.length === 0) r.empty = true;
    }
    const from = s.from !== undefined && s.from !== null && s.from !== '' ? dayBound(s.from, 'from') : null;
    const to = s.to !== undefined && s.to !== null && s.to !== '' ? dayBound(s.to, 'to') : null;
    if (from && to && from > to) throw new ValidationError(`"from" (${s.from}) is after "to" (${s.to})`);
    if (from && (!r.from || from > r.from)) r.from = from;
    if (to && (!r.to || to < r.to)) r.to = to;
  }
  if (r.from && r.to && r.from > r.to) r.empty = true;
  return r;
}

export function hasFilters(f: ResolvedFilters): boolean {
  return Boolean(f.kinds || f.types || f.languages || f.statuses || f.reliabilities || f.placeIds || f.from || f.to);
}
