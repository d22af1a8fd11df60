import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { IntakeFiles } from '../../store/intake-files.ts';
import { SYSTEM_ACTOR } from '../../domain/actor.ts';
import type { Tumen } from '../../app/tumen.ts';
import { sha256Hex } from '../../store/support.ts';
import { buildSource } from '../../test/factories.ts';

/** One of everything a route can point at, all in one compartment (for the authorization matrix). */
export interface ContentFixtures {
  sourceId: string;
  evidenceId: string;
  eventId: string;
  citationId: string;
  candidateId: string;
  otherCandidateId: string;
  personId: string;
  figureId: string;
  /** A received intake submission and one of its stored objects (intake is not compartmented). */
  intakeId: string;
  intakeObjectId: string;
  /** A case with a consent to UN communication, so an appeal can be drafted inside the compartment. */
  caseId: string;
}

let n = 0;

/** Written as the operator, straight into the store: the HTTP surface under test plays no part. */
export async function createContent(tumen: Tumen, compartment: string): Promise<ContentFixtures> {
  const { store } = tumen;
  const op = await store.accounts.compartments.operatorUnrestricted(SYSTEM_ACTOR);
  n += 1;
  const quote = 'About 600 people were sent back from Dandong';
  const text = `Report ${n} (${compartment}, ${Date.now()}): ${quote} on 9 October.`;
  const { input } = buildSource({ text });
  const sha = sha256Hex(text);
  const source = await store.sources.create(op, input, sha, undefined, [compartment]);
  await tumen.blobs.put(new TextEncoder().encode(text));
  const evidence = await store.evidence.attach(op, { sourceId: source.id, sha256: sha, mediaType: 'text/plain', size: text.length, originalName: 'report.txt' });
  const start = text.indexOf(quote);
  const cite = { sourceId: source.id, start, end: start + quote.length, quote, note: '', credibility: 6 as const, rule: null };
  const eventBody = { type: 'forced_repatriation' as const, count: { value: 600, qualifier: 'about' as const } };
  const event = await store.records.create(op, { kind: 'event', body: eventBody, citations: [cite] });
  const candidate = await store.records.create(op, { kind: 'event', status: 'candidate', body: eventBody, citations: [cite] });
  const other = await store.records.create(op, { kind: 'event', status: 'candidate', body: eventBody, citations: [cite] });
  const person = await store.records.create(op, { kind: 'person', body: { pseudonym: `P${n}` }, protected: { realName: `SECRET-NAME-${n}` }, compartments: [compartment] });
  const figure = await store.records.create(op, { kind: 'figure', body: { metric: `metric-${compartment}`, value: 600 }, citations: [cite] });
  const intake = await createIntakeFixture(tumen);
  const kase = await store.records.create(op, { kind: 'case', body: { label: `Case ${n}`, personId: person.id }, compartments: [compartment] });
  await store.records.create(op, { kind: 'case_consent', body: { caseId: kase.id, uses: ['un_communication'], givenBy: 'victim' }, citations: [cite] });
  return {
    ...intake,
    sourceId: source.id,
    evidenceId: evidence.id,
    eventId: event.id,
    citationId: event.citations[0]!.id,
    candidateId: candidate.id,
    otherCandidateId: other.id,
    personId: person.id,
    figureId: figure.id,
    caseId: kase.id,
  };
}

/** The id a route's `:id` stands for, by the route's path. */
export function idFor(url: string, fx: ContentFixtures): string {
  if (url.startsWith('/api/sources/')) return fx.sourceId;
  if (url.startsWith('/api/evidence/')) return fx.evidenceId;
  if (url.startsWith('/api/candidates/')) return fx.candidateId;
  if (url.startsWith('/api/figures/')) return fx.figureId;
  if (url.startsWith('/api/intake/objects/')) return fx.intakeObjectId;
  if (url.startsWith('/api/intake/')) return fx.intakeId;
  if (url.startsWith('/api/cases/')) return fx.caseId;
  return fx.eventId;
}

async function createIntakeFixture(tumen: Tumen): Promise<{ intakeId: string; intakeObjectId: string }> {
  const intakeId = randomUUID();
  const intakeObjectId = randomUUID();
  const files = new IntakeFiles(join(tumen.config.dataDir, 'intake'));
  const sha = await files.writeWhole(intakeId, intakeObjectId, new TextEncoder().encode('age-encryption.org/v1\n(fixture)'));
  const day = new Date().toISOString().slice(0, 10);
  await tumen.store.intake.createSubmission(
    { id: intakeId, day, status: 'received', mailbox_hash: null, auth_verifier: null, reply_recipient: null, upload_token_hash: null, size_limit: 1, weaker: 1 },
    [{ id: intakeObjectId, submission_id: intakeId, kind: 'message', position: 0, size: 30, status: 'stored', sha256: sha, day }],
  );
  return { intakeId, intakeObjectId };
}
