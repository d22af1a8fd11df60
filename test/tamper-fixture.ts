import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createUser, issueToken } from '../app/auth/account-admin.ts';
import { createCheckpoint } from '../app/commands/checkpointer.ts';
import { importDocument } from '../app/commands/source-importer.ts';
import { resolveConfig, type TumenConfig } from '../app/config.ts';
import { operatorActor } from '../domain/actor.ts';
import { openDatabase } from '../store/db.ts';
import { buildSource } from './factories.ts';
import { openTestTumen, testVault } from './keys.ts';

/**
 * The one way the tamper suite reaches the database behind Tumen's back: a raw driver handle on
 * the data folder's SQLite file, taken through openDatabase's `onSqlite` hook so that it opens
 * the file exactly as Tumen does (once the file is encrypted, the same hook hands over a handle
 * already keyed). Foreign keys are off: an attacker editing the file is not bound by them.
 */
export async function openRawForTamper(config: TumenConfig): Promise<{ raw: Database.Database; close(): Promise<void> }> {
  let raw: Database.Database | undefined;
  // The attacker of this suite holds the disk and the key (the strongest case for verify).
  const key = (await testVault(config.dataDir)).databaseKey ?? undefined;
  const opened = openDatabase({ location: config.database, key, onSqlite: (r) => void (raw = r) });
  if (!raw) throw new Error('the tamper suite edits SQLite files only');
  raw.pragma('foreign_keys = OFF');
  return { raw, close: () => opened.close() };
}

/** Ids of what the fixture made, for tamperings to aim at. */
export interface TamperTargets {
  sourceId: string;
  partnerSourceId: string;
  importedSha: string;
  personId: string;
  otherPersonId: string;
  eventId: string;
  figureId: string;
  placeId: string;
  deletedId: string;
  adminId: string;
  analystId: string;
  tokenId: string;
  /** A checkpoint note taken at the end and kept "outside", as a partner would. */
  witness: string;
}

export const dataDirOf = (root: string) => join(root, 'data');

/**
 * A data folder with something in every table: imported and hand-made sources in two
 * compartments, evidence files, persons with protected fields, an event with a dated, placed
 * citation, a figure, a deleted record, two accounts with grants, recovery codes, an API token,
 * a session, a setting and a signed checkpoint.
 */
export async function buildTamperFixture(root: string, seedText: Uint8Array): Promise<TamperTargets> {
  const config = resolveConfig({ data: dataDirOf(root), env: {} });
  const tumen = await openTestTumen(config);
  try {
    const { store } = tumen;
    const op = operatorActor('user:tamper-operator', 'Tamper operator', ['default', 'partner']);
    await store.accounts.compartments.create(op, { id: 'partner', label: 'Partner' });
    const imported = await importDocument(tumen, 'seed.txt', seedText, { actor: op });
    const { input, sha256 } = buildSource();
    const own = await store.transaction(async (tx) => {
      const s = await tx.sources.create(op, input, sha256);
      const bytes = Buffer.from(input.text);
      await tumen.blobs.put(bytes);
      await tx.evidence.attach(op, { sourceId: s.id, sha256, mediaType: 'text/plain', size: bytes.length, originalName: 'report.txt' });
      return s;
    });
    const partnerBytes = new TextEncoder().encode('A partner organisation\'s interview notes, kept in its own compartment.\n');
    const partner = await importDocument(tumen, 'partner.txt', partnerBytes, { actor: op, compartments: ['partner'] });
    const person = await store.records.create(op, { kind: 'person', body: { pseudonym: 'A' }, protected: { realName: 'Kim A' } });
    const other = await store.records.create(op, { kind: 'person', body: { pseudonym: 'B' }, protected: { realName: 'Lee B' } });
    const place = await store.records.create(op, { kind: 'place', body: { names: { en: 'Dandong' }, kind: 'city', country: 'CN' } });
    const at = input.text.indexOf('about 600');
    const cite = { sourceId: own.id, start: at, end: at + 9, quote: 'about 600', note: 'count', credibility: 2, rule: null };
    const event = await store.records.create(op, {
      kind: 'event',
      body: { type: 'forced_repatriation', start: { value: '2023-10-09', qualifier: 'exact' }, placeId: place.id },
      citations: [cite],
    });
    const figure = await store.records.create(op, { kind: 'figure', body: { metric: 'repatriated', value: 600, placeId: place.id }, citations: [cite] });
    const gone = await store.records.create(op, { kind: 'organization', body: { name: 'Gone' } });
    await store.records.remove(op, gone.id);
    const admin = await createUser(store, op, { username: 'admin', role: 'admin', password: 'correct horse battery staple', grants: { default: 'write', partner: 'read' } });
    const analyst = await createUser(store, op, { username: 'analyst', role: 'analyst', password: 'another long passphrase', grants: { default: 'write' } });
    await store.accounts.users.replaceRecoveryCodes(admin.user.id, ['a'.repeat(64), 'b'.repeat(64)]);
    const token = await issueToken(store, op, analyst.user.id, { label: 'scanner', role: 'analyst' });
    await store.accounts.sessions.create('c'.repeat(64), admin.user.id, new Date(Date.now() + 3600_000).toISOString());
    const security = await store.accounts.settings.setSecurity(op, { requireTotp: false });
    await store.audit.append(op, 'settings.changed', { kind: 'settings', id: 'security' }, security);
    await store.audit.recordRead(op, { kind: 'person', id: person.id }, 'protected');
    const witness = (await createCheckpoint(tumen)).note;
    return {
      sourceId: own.id,
      partnerSourceId: partner.sourceId!,
      importedSha: imported.sha256!,
      personId: person.id,
      otherPersonId: other.id,
      eventId: event.id,
      figureId: figure.id,
      placeId: place.id,
      deletedId: gone.id,
      adminId: admin.user.id,
      analystId: analyst.user.id,
      tokenId: token.info.id,
      witness,
    };
  } finally {
    await tumen.close();
  }
}
