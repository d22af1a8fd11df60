import type { Actor } from '../../domain/actor.ts';
import type { CaseListItem } from '../../domain/case-views.ts';
import { ValidationError } from '../../domain/errors.ts';
import { CASE_RISKS, CASE_STATUSES, type CaseRisk } from '../../domain/vocabulary.ts';
import type { Store } from '../../store/store.ts';
import { caseDossier, type CaseDossier } from './case-dossier.ts';

export interface CaseFilter {
  /** The latest status on the timeline. */
  status?: string;
  risk?: string;
  /** Cases with no news for at least this many days (a case with no dated status always matches). */
  minDaysSinceNews?: number;
  maxDaysSinceNews?: number;
  today?: string;
}


/** Rejects a filter that cannot match anything by mistake (a misspelt status or risk). */
export function checkCaseFilter(f: CaseFilter): void {
  if (f.status && !(CASE_STATUSES as readonly string[]).includes(f.status)) throw new ValidationError(`unknown status "${f.status}" (${CASE_STATUSES.join(', ')})`);
  if (f.risk && !(CASE_RISKS as readonly string[]).includes(f.risk)) throw new ValidationError(`unknown risk "${f.risk}" (${CASE_RISKS.join(', ')})`);
  for (const n of [f.minDaysSinceNews, f.maxDaysSinceNews]) {
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) throw new ValidationError('days since last news must be a whole number of days, 0 or more');
  }
  if (f.minDaysSinceNews !== undefined && f.maxDaysSinceNews !== undefined && f.minDaysSinceNews > f.maxDaysSinceNews) {
    throw new ValidationError('the minimum days since last news is above the maximum');
  }
}

/** The cases `actor` may read, newest first, filtered; a case register is small (hundreds). */
export async function listCases(store: Store, actor: Actor, filter: CaseFilter = {}): Promise<CaseListItem[]> {
  checkCaseFilter(filter);
  const out: CaseListItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.records.list(actor, { kind: 'case', limit: 200, ...(cursor ? { cursor } : {}) });
    for (const c of page.items) {
      const d = await caseDossier(store, actor, c.id, filter.today ? { today: filter.today } : {});
      if (matches(d, filter)) out.push(listItem(d));
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out.reverse();
}

function matches(d: CaseDossier, f: CaseFilter): boolean {
  if (f.status && d.latestStatus !== f.status) return false;
  if (f.risk && d.risk !== (f.risk as CaseRisk)) return false;
  const days = d.daysSinceLastNews;
  if (f.minDaysSinceNews !== undefined && days !== null && days < f.minDaysSinceNews) return false;
  if (f.maxDaysSinceNews !== undefined && (days === null || days > f.maxDaysSinceNews)) return false;
  return true;
}

function listItem(d: CaseDossier): CaseListItem {
  return {
    id: d.id,
    label: d.label,
    risk: d.risk,
    latestStatus: d.latestStatus,
    lastNews: d.lastNews,
    daysSinceLastNews: d.daysSinceLastNews,
    updatedAt: d.updatedAt,
    compartments: d.compartments,
    person: d.person?.pseudonym ?? null,
    places: d.places.map((p) => p.name),
    statuses: d.statuses.length,
    unCommunicationConsent: d.consentFor.unCommunication.ok,
  };
}
