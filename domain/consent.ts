import { comparePartialDates, interval, type PartialDate } from './partial-date.ts';
import type { RecordBody } from './records.ts';
import type { ConsentUse } from './vocabulary.ts';

type Consent = RecordBody<'case_consent'>;

/** Why a use is not covered: stable ids, shown to the user and returned by the API. */
export type ConsentRefusal = 'consent_missing' | 'consent_expired' | 'consent_refused';

export type ConsentDecision<T> = { ok: true; consent: T } | { ok: false; reason: ConsentRefusal; message: string };

/**
 * Whether a case's consents cover `use` on `today` (YYYY-MM-DD). The latest consent (by its date;
 * undated ones count as oldest) is the one in force: a later "none" withdraws an earlier yes.
 * A consent expires after the last day its `expires` date can mean (2025-06 → end of June).
 */
export function consentCovers<T extends { body: Consent }>(consents: readonly T[], use: Exclude<ConsentUse, 'none'>, today: string): ConsentDecision<T> {
  const latest = [...consents].sort((a, b) => compareConsentDates(a.body.date, b.body.date)).at(-1);
  if (!latest) return { ok: false, reason: 'consent_missing', message: `no consent is recorded for this case` };
  const c = latest.body;
  if (c.uses.includes('none')) return { ok: false, reason: 'consent_refused', message: `the latest consent for this case refuses every use` };
  if (!c.uses.includes(use)) return { ok: false, reason: 'consent_missing', message: `the consent for this case does not cover ${useLabel(use)}` };
  if (c.expires && interval(c.expires).hi < today) {
    return { ok: false, reason: 'consent_expired', message: `the consent for this case expired on ${c.expires.value}` };
  }
  return { ok: true, consent: latest };
}

function compareConsentDates(a: PartialDate | null, b: PartialDate | null): number {
  if (!a || !b) return (a ? 1 : 0) - (b ? 1 : 0);
  return comparePartialDates(a, b);
}

export function useLabel(use: ConsentUse): string {
  return { un_communication: 'UN communication', publication: 'publication', none: 'no use' }[use];
}

/** A one-line statement of a consent, as a communication or a case page shows it. */
export function consentStatement(c: Consent): string {
  const uses = c.uses.map(useLabel).join(', ');
  const who = { victim: 'the person concerned', family: 'the family', legal_representative: 'a legal representative', other: 'another party' }[c.givenBy];
  const parts = [`Consent to ${uses} given by ${who}`];
  if (c.through) parts.push(`through ${c.through}`);
  if (c.date) parts.push(`on ${c.date.value}`);
  parts.push(c.expires ? `valid until ${c.expires.value}` : 'with no expiry recorded');
  return `${parts.join(', ')}${c.demoOnly ? ' (demo data only: not a real consent)' : ''}.`;
}
