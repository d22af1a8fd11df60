import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../../domain/actor.ts';
import type { Tumen } from '../tumen.ts';
import { operator } from '../../test/keys.ts';
import { tempDir, testDialects } from '../../test/databases.ts';
import { citeText, openDemoCases } from '../../test/case-fixtures.ts';
import { listCases } from '../commands/case-register.ts';
import { chromiumPath } from '../render/print-pdf.ts';
import { draftAppeal } from './appeal-draft.ts';
import { appealHtml } from './appeal-html.ts';
import { parseAppealRequest, renderAppeal } from './appeal-renderer.ts';

const outsider: Actor = { id: 'user:outsider', label: 'Outsider', role: 'analyst', grants: { elsewhere: 'write' } };
const viewer: Actor = { id: 'user:viewer', label: 'Viewer', role: 'viewer', grants: { default: 'read' } };
const TODAY = '2026-12-06';
const errorId = (p: Promise<unknown>) => p.then(() => 'no error', (e: { id?: string }) => e.id ?? String(e));

for (const dialect of testDialects()) {
  describe(`UN communications on ${dialect}`, () => {
    let tumen: Tumen;
    let close: () => Promise<void>;
    let engineer: string;
    let lee: string;
    before(async () => {
      ({ tumen, close } = await openDemoCases(dialect));
      const cases = await listCases(tumen.store, operator);
      engineer = cases.find((c) => c.risk === 'facing_repatriation')!.id;
      lee = cases.find((c) => c.risk === 'disappeared')!.id;
    });
    after(async () => close());

    test('urgent appeal: every factual sentence footnoted to its passage, gaps marked "not documented"', async () => {
      const draft = await draftAppeal(tumen.store, operator, engineer, { kind: 'urgent-appeal', today: TODAY, submitter: 'Example NGO' });
      for (const s of draft.sections) for (const f of s.fields) {
        if (f.missing) assert.equal(f.sentences.length, 0);
        // Only the identity fields and the submitter are the case's own words; everything else cites.
        const ownWords = ['Pseudonym used in this submission', 'Sex', 'Submitting organisation (confidential)'];
        if (!ownWords.includes(f.label)) for (const sentence of f.sentences) assert.ok(sentence.sources.length > 0, `${f.label}: ${sentence.text}`);
      }
      const html = appealHtml(draft);
      assert.match(html, /waiting to be repatriated to North Korea/);
      assert.match(html, /Around 2023, Software engineer was held in Jilin/);
      assert.match(html, /<dt>Perpetrators \(names, titles or functions\)<\/dt><dd><span class="missing">not documented<\/span>/);
      assert.match(html, /<dt>Name<\/dt><dd><span class="missing">withheld: protected field/);
      assert.match(html, /DEMO DATA ONLY/);
      assert.match(html, /Defection from North Korea is now much more difficult/);
      assert.match(html, /Example NGO/);
      const notes = html.match(/<li id="fn-\d+">/g) ?? [];
      assert.equal(notes.length, 4, 'three statuses and the consent note, each once');
    });

    test('WGAD: the questionnaire sections, arrest from the first detention', async () => {
      const draft = await draftAppeal(tumen.store, operator, lee, { kind: 'wgad', today: TODAY });
      assert.deepEqual(draft.sections.map((s) => s.heading.split('.')[0]), ['I', 'II', 'III', 'IV', 'V', 'VI']);
      const arrest = draft.sections[1]!.fields[0]!;
      assert.match(arrest.sentences[0]!.text, /Ms Lee was held in Baishan/);
      assert.equal(draft.sections[4]!.fields[0]!.missing, 'not documented');
      assert.doesNotMatch(appealHtml(draft), /<script/i);
    });

    test('refused: unknown or unseen case (same answer), viewer asking for protected fields, bad kind or format', async () => {
      assert.equal(await errorId(draftAppeal(tumen.store, outsider, engineer, { kind: 'wgad' })), 'not_found');
      assert.equal(await errorId(draftAppeal(tumen.store, operator, '0190a5c0-0000-7000-8000-000000000099', { kind: 'wgad' })), 'not_found');
      assert.equal(await errorId(draftAppeal(tumen.store, viewer, engineer, { kind: 'wgad', includeProtected: true })), 'protected_forbidden');
      assert.throws(() => parseAppealRequest('letter', 'html'), /unknown appeal kind/);
      assert.throws(() => parseAppealRequest('wgad', 'docx'), /docx output is not available/);
    });

    test('refused without consent in force: expired, withdrawn, or none at all', async () => {
      const seed = (await draftAppeal(tumen.store, operator, lee, { kind: 'wgad', today: TODAY })).sections[1]!.fields[0]!.sentences[0]!.sources[0]!.sourceId;
      const kase = await tumen.store.records.create(operator, { kind: 'case', body: { label: 'Consent test', risk: 'detained' } });
      assert.equal(await errorId(draftAppeal(tumen.store, operator, kase.id, { kind: 'urgent-appeal', today: TODAY })), 'consent_missing');
      await tumen.store.records.create(operator, {
        kind: 'case_consent',
        body: { caseId: kase.id, uses: ['un_communication'], givenBy: 'family', date: { value: '2025-01', qualifier: 'exact' }, expires: { value: '2025-12-31', qualifier: 'exact' } },
        citations: [await citeText(tumen, seed, 'Mr. Chun')],
      });
      assert.equal(await errorId(draftAppeal(tumen.store, operator, kase.id, { kind: 'urgent-appeal', today: TODAY })), 'consent_expired');
      assert.equal(await errorId(draftAppeal(tumen.store, operator, kase.id, { kind: 'urgent-appeal', today: '2025-06-01' })), 'no error');
      await tumen.store.records.create(operator, {
        kind: 'case_consent',
        body: { caseId: kase.id, uses: ['none'], givenBy: 'family', date: { value: '2025-03', qualifier: 'exact' } },
        citations: [await citeText(tumen, seed, 'Mr. Chun')],
      });
      assert.equal(await errorId(draftAppeal(tumen.store, operator, kase.id, { kind: 'urgent-appeal', today: '2025-06-01' })), 'consent_refused');
    });

    test('protected fields only when asked, and the read is in the audit log', async () => {
      const d = await draftAppeal(tumen.store, operator, engineer, { kind: 'wgad', today: TODAY });
      const personId = (await tumen.store.records.get<'case'>(operator, engineer)).body.personId!;
      await tumen.store.records.update(operator, personId, { protected: { realName: 'Kim Protected-Name', birthDate: { value: '1995', qualifier: 'approximate' } } });
      assert.doesNotMatch(appealHtml(await draftAppeal(tumen.store, operator, engineer, { kind: 'wgad', today: TODAY })), /Protected-Name/);
      const readsBefore = (await tumen.store.audit.forEntity(personId)).filter((e) => e.action === 'person.read').length;
      const withProtected = appealHtml(await draftAppeal(tumen.store, operator, engineer, { kind: 'wgad', today: TODAY, includeProtected: true }));
      assert.match(withProtected, /Kim Protected-Name/);
      assert.match(withProtected, /Contains protected personal data/);
      const readsAfter = (await tumen.store.audit.forEntity(personId)).filter((e) => e.action === 'person.read').length;
      assert.equal(readsAfter, readsBefore + 1);
      assert.equal(d.includesProtected, false);
    });

    test('PDF printed by Chromium carries the footnoted text', { skip: dialect !== 'sqlite' || !existsSync(chromiumPath()) }, async () => {
      const { bytes, mediaType } = await renderAppeal(tumen.store, operator, lee, { kind: 'urgent-appeal', format: 'pdf', today: TODAY });
      assert.equal(mediaType, 'application/pdf');
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const file = join(tempDir('tumen-appeal-'), 'appeal.pdf');
      writeFileSync(file, bytes);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.match(text, /Special Procedures/);
      assert.match(text, /whereabouts remain unknown/);
      assert.match(text, /not documented/);
    });
  });
}
