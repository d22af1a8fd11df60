import type { Actor } from '../../domain/actor.ts';
import { ConsentError, ForbiddenError } from '../../domain/errors.ts';
import type { PartialDate } from '../../domain/partial-date.ts';
import { mayReadProtectedFields } from '../../domain/policies/index.ts';
import type { Store } from '../../store/store.ts';
import { caseDossier, type CaseDossier, type CaseStatusView, type CitedPassage } from '../commands/case-dossier.ts';

export const APPEAL_KINDS = ['urgent-appeal', 'wgad'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

/** A sentence of the communication and the passages it rests on (its footnotes). */
export interface Sentence {
  text: string;
  sources: CitedPassage[];
}

/** A field of the official form: what Tumen knows, cited; or nothing, shown as "not documented". */
export interface AppealField {
  label: string;
  sentences: Sentence[];
  /** Why nothing is shown: the case lacks it, or it is withheld (protected, not asked for). */
  missing?: 'not documented' | 'withheld: protected field (use --include-protected)';
}

export interface AppealSection {
  heading: string;
  fields: AppealField[];
}

export interface AppealDraft {
  kind: AppealKind;
  title: string;
  caseId: string;
  caseLabel: string;
  preparedOn: string;
  demoOnly: boolean;
  /** Whether the person's protected fields were read into this draft (then handle it as sensitive). */
  includesProtected: boolean;
  sections: AppealSection[];
}

export interface AppealOptions {
  kind: AppealKind;
  includeProtected?: boolean;
  /** The submitting organisation, as it signs the communication. */
  submitter?: string;
  today?: string;
}

const STATUS_WORDS: Record<string, string> = {
  in_hiding: 'was in hiding',
  detained: 'was held',
  transferred: 'was transferred',
  repatriated: 'was repatriated',
  missing: 'was missing',
  safe: 'was safe',
};
const RISK_WORDS: Record<string, string> = {
  detained: 'is detained',
  facing_repatriation: 'is at risk of forced repatriation',
  disappeared: 'has disappeared; whereabouts unknown',
  repatriated: 'has been repatriated',
  in_hiding: 'is in hiding',
  safe: 'is safe',
  unknown: 'is in a situation the submitter has not assessed',
};

/**
 * Drafts a UN communication from a case, refusing before anything is produced when the actor
 * may not see the case (not found), the consent for a UN communication is missing, expired or
 * withdrawn, or protected fields are asked for by someone who may not read them. Every sentence
 * about the facts carries the passages it comes from; a field the case lacks says so.
 */
export async function draftAppeal(store: Store, actor: Actor, caseId: string, opts: AppealOptions): Promise<AppealDraft> {
  if (opts.includeProtected && !mayReadProtectedFields(actor)) throw new ForbiddenError('You may not read protected person fields.', 'protected_forbidden');
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  // Consent first, without protected fields: a refused draft must not have read (and logged) them.
  const probe = await caseDossier(store, actor, caseId, { today });
  const consent = probe.consentFor.unCommunication;
  if (!consent.ok) throw new ConsentError(consent.reason, `cannot draft a UN communication for case ${caseId}: ${consent.message}`);
  const d = opts.includeProtected ? await caseDossier(store, actor, caseId, { today, includeProtected: true }) : probe;
  const build = opts.kind === 'wgad' ? wgadSections : urgentAppealSections;
  return {
    kind: opts.kind,
    title: opts.kind === 'wgad' ? 'Working Group on Arbitrary Detention: information on a case of alleged arbitrary detention' : 'Special Procedures of the Human Rights Council: submission for an urgent appeal',
    caseId: d.id,
    caseLabel: d.label,
    preparedOn: today,
    demoOnly: d.consents.some((c) => c.demoOnly),
    includesProtected: Boolean(d.person?.protected),
    sections: build(d, opts),
  };
}

const field = (label: string, sentences: Sentence[], missing: AppealField['missing'] = 'not documented'): AppealField =>
  sentences.length ? { label, sentences } : { label, sentences, missing };
const plain = (text: string): Sentence[] => (text ? [{ text, sources: [] }] : []);

function identity(d: CaseDossier): AppealField[] {
  const p = d.person;
  const prot = p?.protected;
  const withheld = p && !prot ? 'withheld: protected field (use --include-protected)' : 'not documented';
  return [
    field('Name', prot?.realName ? plain(prot.realName) : [], withheld),
    field('Pseudonym used in this submission', plain(p?.pseudonym ?? '')),
    field('Sex', p && p.sex !== 'unknown' ? plain(p.sex) : []),
    field('Age or date of birth', prot?.birthDate ? plain(prot.birthDate.value) : p?.ageGroup ? plain(p.ageGroup) : [], prot ? 'not documented' : withheld),
    field('Nationality', []),
    field('Occupation', []),
  ];
}

function statusSentence(s: CaseStatusView, pseudonym: string): Sentence {
  const when = s.date ? `${dateWords(s.date)}, ` : '';
  const where = s.place ? ` in ${s.place.name.split(' / ')[0]}` : '';
  const note = s.note ? ` ${s.note}` : '';
  return { text: `${capital(when)}${when ? pseudonym : capital(pseudonym)} ${STATUS_WORDS[s.status] ?? s.status}${where}.${note}`, sources: s.sources };
}

function consentField(d: CaseDossier): AppealField {
  return field(
    'Consent of the victim or family',
    d.consents.map((c) => ({ text: c.statement, sources: c.sources })),
  );
}

function submitterField(opts: AppealOptions): AppealField {
  return field('Submitting organisation (confidential)', plain(opts.submitter ?? ''));
}

function urgentAppealSections(d: CaseDossier, opts: AppealOptions): AppealSection[] {
  const name = d.person?.pseudonym ?? 'The person concerned';
  const timeline = d.statuses.map((s) => statusSentence(s, name));
  const latest = d.statuses.at(-1);
  const dated = d.statuses.filter((s) => s.date || s.place);
  return [
    { heading: '1. Alleged victim', fields: identity(d) },
    {
      heading: '2. Alleged violation',
      fields: [
        field('Current situation', latest ? [{ text: `${capital(name)} ${RISK_WORDS[d.risk]}.`, sources: latest.sources }] : []),
        field('Description of the circumstances', timeline),
      ],
    },
    { heading: '3. Date and place', fields: [field('Dates and places of the incidents', dated.map((s) => statusSentence(s, name)))] },
    { heading: '4. Alleged perpetrators', fields: [field('Perpetrators (names, titles or functions)', [])] },
    { heading: '5. Action taken by domestic authorities', fields: [field('Steps taken with the authorities and their outcome', [])] },
    { heading: '6. Consent', fields: [consentField(d)] },
    { heading: '7. Submitting organisation', fields: [submitterField(opts)] },
  ];
}

function wgadSections(d: CaseDossier, opts: AppealOptions): AppealSection[] {
  const name = d.person?.pseudonym ?? 'The person concerned';
  const detentions = d.statuses.filter((s) => s.status === 'detained' || s.status === 'transferred');
  const arrest = detentions[0];
  return [
    { heading: 'I. Identity', fields: [...identity(d), field('Identity document', []), field('Usual address', [])] },
    {
      heading: 'II. Arrest',
      fields: [
        field('Date and place of arrest', arrest ? [statusSentence(arrest, name)] : []),
        field('Forces who carried out the arrest', []),
        field('Warrant shown; authority that issued it', []),
        field('Reasons given; legal basis', []),
      ],
    },
    {
      heading: 'III. Detention',
      fields: [
        field('Places of detention, including transfers', detentions.map((s) => statusSentence(s, name))),
        field('Authorities that ordered and hold the detention', []),
        field('Reasons; legal basis', []),
      ],
    },
    { heading: 'IV. Circumstances, and why the detention is arbitrary', fields: [field('Circumstances', d.statuses.map((s) => statusSentence(s, name))), field('Category of arbitrary detention (I–V)', [])] },
    { heading: 'V. Domestic steps and remedies', fields: [field('Internal steps taken, including domestic remedies', [])] },
    { heading: 'VI. Source of the communication', fields: [submitterField(opts), consentField(d)] },
  ];
}

function dateWords(d: PartialDate): string {
  const q = { exact: '', approximate: 'around ', before: 'before ', after: 'after ' }[d.qualifier] ?? '';
  return `${q}${d.value}`;
}

const capital = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
