import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../domain/actor.ts';
import type { Tumen } from '../tumen.ts';
import { operator } from '../../test/keys.ts';
import { testDialects } from '../../test/databases.ts';
import { citeText, openDemoCases } from '../../test/case-fixtures.ts';
import { SEEDS_DIR } from '../../test/seeds.ts';
import { loadDemoCases } from './demo-cases.ts';
import { caseDossier } from './case-dossier.ts';
import { listCases } from './case-register.ts';

const outsider: Actor = { id: 'user:outsider', label: 'Outsider', role: 'analyst', grants: { elsewhere: 'write' } };
const TODAY = '2026-12-06';

for (const dialect of testDialects()) {
  describe(`case register on ${dialect}`, () => {
    let tumen: Tumen;
    let close: () => Promise<void>;
    before(async () => {
      ({ tumen, close } = await openDemoCases(dialect));
    });
    after(async () => close());

    test('the two seed-004 cases, each status citing the seed text', async () => {
      const cases = await listCases(tumen.store, operator, { today: TODAY });
      assert.deepEqual(cases.map((c) => c.risk).sort(), ['disappeared', 'facing_repatriation']);
      const lee = cases.find((c) => c.risk === 'disappeared')!;
      const d = await caseDossier(tumen.store, operator, lee.id, { today: TODAY });
      assert.deepEqual(d.statuses.map((s) => s.status), ['detained', 'in_hiding', 'detained', 'missing']);
      assert.deepEqual(d.places.map((p) => p.name.split(' / ')[0]), ['Baishan', 'Qingdao']);
      for (const s of d.statuses) {
        assert.equal(s.sources.length, 1);
        assert.ok(s.sources[0]!.quote.length > 10);
        assert.match(s.sources[0]!.title, /Defection from North Korea/);
      }
      // The undated "whereabouts remain unknown" is the present tense of the source: it comes last.
      assert.equal(d.latestStatus, 'missing');
      assert.equal(d.lastNews, '2023-02-28');
      assert.equal(d.person?.pseudonym, 'Ms Lee');
      assert.equal(d.consentFor.unCommunication.ok, true);
      assert.equal(d.consentFor.publication.ok, false);
      assert.match(d.consents[0]!.statement, /demo data only/);
      assert.match(d.consents[0]!.sources[0]!.title, /DEMO ONLY/);
    });

    test('loading the demo cases again creates nothing', async () => {
      assert.equal(await loadDemoCases(tumen.store, operator, SEEDS_DIR), 0);
      assert.equal((await listCases(tumen.store, operator)).length, 2);
    });

    test('filters: risk, latest status, days since last news', async () => {
      const ids = async (f: Parameters<typeof listCases>[2]) => (await listCases(tumen.store, operator, { today: TODAY, ...f })).map((c) => c.risk);
      assert.deepEqual(await ids({ risk: 'facing_repatriation' }), ['facing_repatriation']);
      assert.deepEqual(await ids({ status: 'detained' }), ['facing_repatriation']);
      assert.deepEqual(await ids({ status: 'missing' }), ['disappeared']);
      assert.deepEqual(await ids({ status: 'safe' }), []);
      assert.equal((await ids({ minDaysSinceNews: 365 })).length, 2);
      assert.deepEqual(await ids({ maxDaysSinceNews: 30 }), []);
      await assert.rejects(listCases(tumen.store, operator, { risk: 'doomed' }), /unknown risk/);
      await assert.rejects(listCases(tumen.store, operator, { minDaysSinceNews: 10, maxDaysSinceNews: 5 }), /above the maximum/);
    });

    test('a case outside the actor’s compartments is not found, like an unknown id', async () => {
      const [c] = await listCases(tumen.store, operator);
      assert.deepEqual(await listCases(tumen.store, outsider), []);
      const unseen = await caseDossier(tumen.store, outsider, c!.id).catch((e: Error & { id?: string }) => e);
      const unknown = await caseDossier(tumen.store, outsider, '0190a5c0-0000-7000-8000-000000000099').catch((e: Error & { id?: string }) => e);
      assert.equal((unseen as { id?: string }).id, 'not_found');
      assert.equal((unknown as Error).message.replace(/ .*/, ''), (unseen as Error).message.replace(/ .*/, ''));
    });

    test('a consent must cite a passage, and a later "none" withdraws the demo consent', async () => {
      const [c] = await listCases(tumen.store, operator, { risk: 'facing_repatriation' });
      await assert.rejects(tumen.store.records.create(operator, { kind: 'case_consent', body: { caseId: c!.id, uses: ['none'], givenBy: 'family' } }), /must cite/);
      const before = await caseDossier(tumen.store, operator, c!.id, { today: TODAY });
      await tumen.store.records.create(operator, {
        kind: 'case_consent',
        body: { caseId: c!.id, uses: ['none'], givenBy: 'family', date: { value: '2026-01', qualifier: 'exact' } },
        citations: [await citeText(tumen, before.statuses[0]!.sources[0]!.sourceId, 'Mr. Chun')],
      });
      const afterwards = await caseDossier(tumen.store, operator, c!.id, { today: TODAY });
      assert.equal(afterwards.consentFor.unCommunication.ok, false);
      assert.equal(!afterwards.consentFor.unCommunication.ok && afterwards.consentFor.unCommunication.reason, 'consent_refused');
    });
  });
}
