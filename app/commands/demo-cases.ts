import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../domain/actor.ts';
import type { CitationInput, RecordBody } from '../../domain/records.ts';
import type { Source } from '../../domain/sources.ts';
import type { Store } from '../../store/store.ts';

/**
 * The two cases seed 004 reports (a New York Times story on Rev. Chun Ki-won's failed rescue),
 * built from its text: every status cites the sentence it rests on. The article gives months
 * but not the year; it says Ms Lee was smuggled in 2018 and "arrived in China five years ago",
 * so 2023 is marked approximate and the inference is written in each note.
 */
const YEAR_NOTE = 'Year inferred from the article (smuggled in 2018, "arrived in China five years ago").';

interface DemoStatus {
  status: RecordBody<'case_status'>['status'];
  date: string | null;
  place: string | null;
  note: string;
  quote: string;
}

interface DemoCase {
  label: string;
  pseudonym: string;
  sex: 'female' | 'male';
  risk: RecordBody<'case'>['risk'];
  summary: string;
  statuses: DemoStatus[];
}

const CASES: DemoCase[] = [
  {
    label: 'Software engineer arrested in Jilin (seed 004)',
    pseudonym: 'Software engineer',
    sex: 'male',
    risk: 'facing_repatriation',
    summary: 'A North Korean software engineer sent to north-east China in 2019 to earn money for the regime fled his dormitory, was arrested in Jilin and is held in a Chinese prison awaiting repatriation.',
    statuses: [
      { status: 'in_hiding', date: '2023', place: null, note: `Left his dormitory to reach a safe house. ${YEAR_NOTE}`, quote: 'the software engineer texted Mr. Chun shortly before fleeing' },
      {
        status: 'detained',
        date: '2023',
        place: 'cn-jilin-city',
        note: `Arrested by the police in Jilin. ${YEAR_NOTE}`,
        quote: 'The next morning, the brokers left the house to pick up the three women in Baishan when they were stopped by the police in Jilin. The police also arrested the software engineer.',
      },
      { status: 'detained', date: '2023', place: null, note: `In a Chinese prison awaiting repatriation. ${YEAR_NOTE}`, quote: 'The software engineer is now in a Chinese prison waiting to be repatriated to North Korea, Mr Chun said.' },
    ],
  },
  {
    label: 'Ms Lee, taken from a Qingdao safe house (seed 004)',
    pseudonym: 'Ms Lee',
    sex: 'female',
    risk: 'disappeared',
    summary: 'A young North Korean woman smuggled to China in 2018 was sold and held in Baishan, reached a safe house in Qingdao, was taken from it by force and her whereabouts are unknown.',
    statuses: [
      { status: 'detained', date: '2018', place: 'cn-baishan', note: 'Sold by the broker and held captive in Baishan.', quote: 'Instead, the broker sold her to a North Korean woman who was married to a Chinese police officer in Baishan, a town near the border.' },
      { status: 'in_hiding', date: '2023-02', place: 'cn-qingdao', note: `Moved to a safe house in Qingdao in early February. ${YEAR_NOTE}`, quote: 'In early February, the new brokers took the three North Korean women to the hiding place in Qingdao.' },
      {
        status: 'detained',
        date: '2023-02',
        place: 'cn-qingdao',
        note: `Taken from the safe house by force a few days after arriving. ${YEAR_NOTE}`,
        quote: 'her kidnapper’s husband, the Chinese police officer in Baishan, broke down the door and stormed into the house with thugs',
      },
      { status: 'missing', date: null, place: null, note: 'Whereabouts unknown when the article was written.', quote: 'Mrs. Lee’s whereabouts remain unknown.' },
    ],
  },
];

const CONSENT_NOTE_TITLE = 'DEMO ONLY: consent note for the seed-004 cases';
const CONSENT_NOTE_TEXT =
  'DEMO ONLY. This is not a real consent. For demonstrating UN communications, Tumen records that ' +
  'consent to a UN communication is assumed for the two cases reported in seed 004 (the software ' +
  'engineer; Ms Lee), as if obtained through Rev. Chun Ki-won. Never send a communication built on it.';

/** The seed-004 source, found by the SHA-256 of its file as the importer stored it. */
async function seed004(store: Store, seedsDir: string): Promise<Source | null> {
  const name = readdirSync(seedsDir).find((n) => n.startsWith('004_'));
  if (!name) return null;
  const sha = createHash('sha256').update(readFileSync(join(seedsDir, name))).digest('hex');
  return store.sources.findBySha256Unrestricted(sha);
}

function cite(source: Pick<Source, 'id' | 'text'>, quote: string): CitationInput {
  const start = source.text.indexOf(quote);
  if (start < 0) throw new Error(`demo cases: the seed no longer contains "${quote.slice(0, 60)}…"`);
  return { sourceId: source.id, start, end: start + quote.length, quote, note: '', credibility: 2, rule: null };
}

/** Loads the two demo cases once (as the operator); returns how many it created. */
export async function loadDemoCases(store: Store, operator: Actor, seedsDir: string): Promise<number> {
  const source = await seed004(store, seedsDir);
  if (!source) return 0;
  const existing = await store.records.listUnrestricted({ kind: 'case', limit: 500 });
  const have = new Set(existing.items.map((r) => (r.body as RecordBody<'case'>).label));
  const todo = CASES.filter((c) => !have.has(c.label));
  if (todo.length === 0) return 0;
  return store.transaction(async (tx) => {
    const note = await consentNote(tx, operator);
    for (const c of todo) await createCase(tx, operator, source, note, c);
    return todo.length;
  });
}

async function consentNote(tx: Store, operator: Actor): Promise<Source> {
  const sha = createHash('sha256').update(CONSENT_NOTE_TEXT, 'utf8').digest('hex');
  const found = await tx.sources.findBySha256Unrestricted(sha);
  if (found) return found;
  return tx.sources.create(operator, { kind: 'other', title: CONSENT_NOTE_TITLE, publisher: 'Tumen demo', author: '', url: '', language: 'en', published: null, retrievedAt: null, text: CONSENT_NOTE_TEXT, reliability: null }, sha);
}

async function createCase(tx: Store, operator: Actor, source: Source, note: Source, c: DemoCase): Promise<void> {
  const person = await tx.records.create(operator, { kind: 'person', body: { pseudonym: c.pseudonym, sex: c.sex, notes: 'Name withheld by the source to protect their identity.' } });
  const kase = await tx.records.create(operator, { kind: 'case', body: { label: c.label, personId: person.id, risk: c.risk, summary: c.summary } });
  for (const s of c.statuses) {
    const placeId = s.place ? await tx.records.findPlaceByGazetteerId(operator, s.place) : null;
    await tx.records.create(operator, {
      kind: 'case_status',
      body: { caseId: kase.id, status: s.status, date: s.date ? { value: s.date, qualifier: 'approximate' } : null, placeId, note: s.note },
      citations: [cite(source, s.quote)],
    });
  }
  await tx.records.create(operator, {
    kind: 'case_consent',
    body: { caseId: kase.id, uses: ['un_communication'], givenBy: 'victim', through: 'Rev. Chun Ki-won (demo)', demoOnly: true, note: 'Demo only: the article records no consent.' },
    citations: [cite(note, 'consent to a UN communication is assumed for the two cases reported in seed 004')],
  });
}
