import type { Actor } from '../../domain/actor.ts';
import type { CaseDossier, CaseStatusView, CitedPassage, ConsentCheck, ConsentView } from '../../domain/case-views.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { consentCovers, consentStatement } from '../../domain/consent.ts';
import { comparePartialDates, interval, type PartialDate } from '../../domain/partial-date.ts';
import type { Citation, RecordKind, TumenRecord } from '../../domain/records.ts';
import { recordLabel } from '../../domain/record-text.ts';
import type { Store } from '../../store/store.ts';

export type { CaseDossier, CaseStatusView, CitedPassage, ConsentCheck, ConsentView } from '../../domain/case-views.ts';

export interface DossierOptions {
  /** Person protected fields, for actors allowed them; the read is written to the audit log. */
  includeProtected?: boolean;
  today?: string;
}

/**
 * Everything Tumen knows about one case, read as `actor`: a case outside its compartments is
 * "not found" exactly like an unknown id (the store's reads decide, not this function).
 */
export async function caseDossier(store: Store, actor: Actor, caseId: string, opts: DossierOptions = {}): Promise<CaseDossier> {
  const kase = await store.records.get<'case'>(actor, caseId);
  // Another kind of record answers like an unknown id: the caller asked for a case.
  if (kase.kind !== 'case') throw new NotFoundError('case');
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const sources = new SourceCache(store, actor);
  const names = new NameCache(store, actor);
  const statusRecords = await childrenOf(store, actor, caseId, 'case_status');
  const consentRecords = await childrenOf(store, actor, caseId, 'case_consent');
  const statuses = await Promise.all(statusRecords.sort(byDate).map(async (s) => statusView(s, sources, names)));
  const consents = await Promise.all(consentRecords.sort(byDate).map(async (c) => consentView(c, sources)));
  const dated = statuses.filter((s) => s.date);
  const lastNews = dated.length ? clampDay(interval(dated[dated.length - 1]!.date!).hi, today) : null;
  const places = uniqueBy(statuses.flatMap((s) => (s.place ? [s.place] : [])));
  const organizations = await Promise.all(kase.body.organizationIds.map(async (id) => ({ id, name: await names.of(id) })));
  return {
    id: kase.id,
    label: kase.body.label,
    risk: kase.body.risk,
    summary: kase.body.summary,
    recordStatus: kase.status,
    updatedAt: kase.updatedAt,
    compartments: (await store.accounts.compartments.ofRecords([kase.id])).get(kase.id) ?? [],
    person: kase.body.personId ? await personOf(store, actor, kase.body.personId, Boolean(opts.includeProtected)) : null,
    statuses,
    // Undated statuses sort last: they are what the source says holds now ("whereabouts remain unknown").
    latestStatus: statuses.at(-1)?.status ?? null,
    lastNews,
    daysSinceLastNews: lastNews ? daysBetween(lastNews, today) : null,
    places,
    organizations,
    consents,
    consentFor: {
      unCommunication: check(consentCovers(consentRecords, 'un_communication', today)),
      publication: check(consentCovers(consentRecords, 'publication', today)),
    },
  };
}

function check(d: ReturnType<typeof consentCovers<TumenRecord<'case_consent'>>>): ConsentCheck {
  return d.ok ? { ok: true, consentId: d.consent.id } : { ok: false, reason: d.reason, message: d.message };
}

async function childrenOf<K extends RecordKind>(store: Store, actor: Actor, caseId: string, kind: K): Promise<Array<TumenRecord<K>>> {
  const out: Array<TumenRecord<K>> = [];
  let cursor: string | undefined;
  do {
    const page = await store.records.list(actor, { kind, parentId: caseId, limit: 500, ...(cursor ? { cursor } : {}) });
    out.push(...(page.items as Array<TumenRecord<K>>));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

async function personOf(store: Store, actor: Actor, id: string, includeProtected: boolean): Promise<CaseDossier['person']> {
  const p = await store.records.get<'person'>(actor, id, { includeProtected });
  const view = { id: p.id, pseudonym: p.body.pseudonym, sex: p.body.sex, ageGroup: p.body.ageGroup };
  if (!includeProtected || !p.protected) return view;
  await store.audit.recordRead(actor, { kind: 'person', id: p.id }, 'protected');
  return { ...view, protected: p.protected };
}

async function statusView(s: TumenRecord<'case_status'>, sources: SourceCache, names: NameCache): Promise<CaseStatusView> {
  const placeId = s.body.placeId;
  return {
    id: s.id,
    status: s.body.status,
    date: s.body.date,
    place: placeId ? { id: placeId, name: await names.of(placeId) } : null,
    note: s.body.note,
    sources: await sources.passages(s.citations),
  };
}

async function consentView(c: TumenRecord<'case_consent'>, sources: SourceCache): Promise<ConsentView> {
  const b = c.body;
  return { id: c.id, statement: consentStatement(b), uses: b.uses, givenBy: b.givenBy, through: b.through, date: b.date, expires: b.expires, demoOnly: b.demoOnly, sources: await sources.passages(c.citations) };
}

class SourceCache {
  private readonly seen = new Map<string, Promise<Omit<CitedPassage, 'quote'>>>();
  constructor(
    private readonly store: Store,
    private readonly actor: Actor,
  ) {}

  async passages(citations: Citation[]): Promise<CitedPassage[]> {
    return Promise.all(citations.map(async (c) => ({ ...(await this.source(c.sourceId)), quote: c.quote })));
  }

  private source(id: string): Promise<Omit<CitedPassage, 'quote'>> {
    let p = this.seen.get(id);
    if (!p) {
      // A cited source deleted since keeps its tombstone's title; the citation still stands in the log.
      p = this.store.sources.get(this.actor, id, { includeDeleted: true }).then((s) => ({
        sourceId: s.id,
        title: s.deletedAt ? `${s.title} (deleted)` : s.title,
        outlet: s.publisher,
        published: s.published?.value ?? null,
        url: s.url,
        sha256: s.sha256,
      }));
      this.seen.set(id, p);
    }
    return p;
  }
}

/** Names of places and organisations a case points at; one the actor cannot see shows as withheld. */
class NameCache {
  private readonly seen = new Map<string, Promise<string>>();
  constructor(
    private readonly store: Store,
    private readonly actor: Actor,
  ) {}

  of(id: string): Promise<string> {
    let p = this.seen.get(id);
    if (!p) {
      p = this.store.records.get(this.actor, id).then(
        (r) => recordLabel(r.kind, r.body),
        () => '(withheld)',
      );
      this.seen.set(id, p);
    }
    return p;
  }
}

function byDate(a: { body: { date: PartialDate | null }; id: string }, b: { body: { date: PartialDate | null }; id: string }): number {
  if (a.body.date && b.body.date) return comparePartialDates(a.body.date, b.body.date) || a.id.localeCompare(b.id);
  if (a.body.date || b.body.date) return a.body.date ? -1 : 1;
  return a.id.localeCompare(b.id);
}

function uniqueBy<T extends { id: string }>(items: T[]): T[] {
  return [...new Map(items.map((i) => [i.id, i])).values()];
}

const clampDay = (day: string, today: string): string => (day > today ? today : day);

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
