import type { ConsentRefusal } from './consent.ts';
import type { PartialDate } from './partial-date.ts';
import type { PersonProtected } from './records.ts';
import type { CaseRisk } from './vocabulary.ts';

/** What the case register, the case page and the API show of a case (built in app/commands/case-dossier.ts). */

/** A cited passage with what a reader needs to find it again: title, outlet, date, quote, URL. */
export interface CitedPassage {
  sourceId: string;
  title: string;
  outlet: string;
  published: string | null;
  url: string;
  quote: string;
  sha256: string;
}

export interface CaseStatusView {
  id: string;
  status: string;
  date: PartialDate | null;
  place: { id: string; name: string } | null;
  note: string;
  sources: CitedPassage[];
}

export interface ConsentView {
  id: string;
  statement: string;
  uses: string[];
  givenBy: string;
  through: string;
  date: PartialDate | null;
  expires: PartialDate | null;
  demoOnly: boolean;
  sources: CitedPassage[];
}

export type ConsentCheck = { ok: true; consentId: string } | { ok: false; reason: ConsentRefusal; message: string };

export interface CaseDossier {
  id: string;
  label: string;
  risk: CaseRisk;
  summary: string;
  recordStatus: string;
  updatedAt: string;
  compartments: string[];
  person: { id: string; pseudonym: string; sex: string; ageGroup: string; protected?: PersonProtected } | null;
  /** Oldest first; undated statuses last, in the order they were recorded. */
  statuses: CaseStatusView[];
  latestStatus: string | null;
  /** The last day the latest dated status can refer to (YYYY-MM-DD), and how long ago that is. */
  lastNews: string | null;
  daysSinceLastNews: number | null;
  places: Array<{ id: string; name: string }>;
  organizations: Array<{ id: string; name: string }>;
  consents: ConsentView[];
  consentFor: { unCommunication: ConsentCheck; publication: ConsentCheck };
}

export type CaseListItem = Pick<CaseDossier, 'id' | 'label' | 'risk' | 'latestStatus' | 'lastNews' | 'daysSinceLastNews' | 'updatedAt' | 'compartments'> & {
  person: string | null;
  places: string[];
  statuses: number;
  unCommunicationConsent: boolean;
};
