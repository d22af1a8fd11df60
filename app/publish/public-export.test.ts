import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PassThrough } from 'node:stream';
import type { Tumen } from '../tumen.ts';
import { operator } from '../../test/keys.ts';
import { testDialects } from '../../test/databases.ts';
import { citeText, openDemoCases } from '../../test/case-fixtures.ts';
import { sha256Hex } from '../../store/support.ts';
import { exportPublic, type PublicFormat } from './public-export.ts';
import { isCoarse } from './redaction-rules.ts';

const FORMATS: PublicFormat[] = ['json', 'csv', 'geojson', 'huridocs'];
const FUZZ_RUNS = Number(process.env.TUMEN_FUZZ_RUNS ?? 3);

async function exportText(tumen: Tumen, format: PublicFormat, grid = 0.1): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportPublic(tumen.store, { format, out, publishable: ['default'], grid });
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** Every number that sits in a coordinate pair, from JSON-like text. */
function coordinates(text: string): number[] {
  return [...text.matchAll(/"coordinates":\[(-?[\d.]+),(-?[\d.]+)\]/g)].flatMap((m) => [Number(m[1]), Number(m[2])]);
}

/** What must never appear: the scan runs over every format's bytes. */
function assertClean(text: string, secrets: string[], grid: number, label: string): void {
  for (const s of secrets) assert.ok(!text.includes(s), `${label}: leaked ${JSON.stringify(s)}`);
  for (const x of coordinates(text)) assert.ok(isCoarse(x, grid) || isCoarse(x, 0.5) || isCoarse(x, 1) || isCoarse(x, 5), `${label}: exact coordinate ${x}`);
}

for (const dialect of testDialects()) {
  describe(`public export on ${dialect}`, () => {
    let tumen: Tumen;
    let close: () => Promise<void>;
    const secrets: string[] = ['Ms Lee', 'Software engineer', 'DEMO ONLY', 'whereabouts', 'REALNAME-CANARY'];
    before(async () => {
      ({ tumen, close } = await openDemoCases(dialect));
      const personId = (await tumen.store.records.listUnrestricted({ kind: 'person', limit: 1 })).items[0]!.id;
      await tumen.store.records.update(operator, personId, { protected: { realName: 'REALNAME-CANARY', exactLocation: '41.40123, 128.17891' } });
    });
    after(async () => close());

    test('the demo: no person, pseudonym, protected value, quote or exact coordinate in any format', async () => {
      for (const format of FORMATS) assertClean(await exportText(tumen, format), secrets, 0.1, format);
      const doc = JSON.parse(await exportText(tumen, 'json')) as { items: Array<{ kind: string; citations: Array<{ title: string }> }>; aggregates: unknown[] };
      assert.ok(doc.items.length > 0, 'confirmed figures of the arrival series are published');
      assert.ok(doc.items.every((i) => ['event', 'installation', 'observation', 'figure'].includes(i.kind)));
      assert.ok(doc.items.every((i) => i.citations.length > 0 && i.citations.every((c) => c.title)), 'every value with its source');
    });

    test('a fuzzed store: random persons, places, events and notes never leak', async () => {
      const text = 'Fuzz source: an arrest near the border was reported.';
      const source = await tumen.store.sources.create(operator, { kind: 'news_report', title: 'Fuzz', publisher: 'Fuzz Daily', author: '', url: 'https://example.org/fuzz', language: 'en', published: null, retrievedAt: null, text, reliability: null }, sha256Hex(text));
      await tumen.store.accounts.compartments.create(operator, { id: 'witnesses', label: 'Witnesses' });
      const op = await tumen.store.accounts.compartments.operatorUnrestricted(operator);
      const canary = fc.stringMatching(/^[A-Z]{12}$/).map((s) => `CANARY${s}`);
      const lonLat = fc.tuple(fc.double({ min: 120, max: 131, noNaN: true }), fc.double({ min: 38, max: 44, noNaN: true }));
      await fc.assert(
        fc.asyncProperty(canary, canary, canary, lonLat, fc.constantFrom('exact', 'town', 'unknown' as const), fc.constantFrom('confirmed', 'candidate' as const), async (pseudo, secret, note, [lon, lat], precision, status) => {
          secrets.push(pseudo, secret, note);
          await tumen.store.records.create(op, { kind: 'person', body: { pseudonym: pseudo, notes: note }, protected: { realName: secret } });
          const place = await tumen.store.records.create(op, { kind: 'place', body: { names: { en: secret }, geometry: { type: 'Point', coordinates: [lon, lat] }, precision } });
          const cite = await citeText(tumen, source.id, 'an arrest near the border');
          await tumen.store.records.create(op, { kind: 'event', status, body: { type: 'arrest_detention', title: note, description: secret, placeId: place.id }, citations: [{ ...cite, note }] });
          await tumen.store.records.create(op, { kind: 'figure', body: { metric: 'fuzz', value: 1, note: secret }, citations: [cite], compartments: ['witnesses'] });
          for (const format of FORMATS) assertClean(await exportText(tumen, format), secrets, 0.1, `${format} ${precision}`);
        }),
        { numRuns: FUZZ_RUNS },
      );
    });

    test('k-suppression, configurable grid, bad options refused', async () => {
      const text = 'A second source: two people were detained in Hyesan.';
      const source = await tumen.store.sources.create(operator, { kind: 'news_report', title: 'K', publisher: '', author: '', url: '', language: 'en', published: null, retrievedAt: null, text, reliability: null }, sha256Hex(text));
      const hyesan = await tumen.store.records.findPlaceByGazetteerId(operator, 'kp-hyesan');
      for (let i = 0; i < 2; i++) {
        await tumen.store.records.create(operator, { kind: 'event', body: { type: 'execution_punishment', start: { value: '2024', qualifier: 'exact' }, placeId: hyesan }, citations: [await citeText(tumen, source.id, 'two people were detained')] });
      }
      const doc = JSON.parse(await exportText(tumen, 'json', 0.5)) as { aggregates: Array<{ count: number | null; suppressed: boolean }> };
      for (const a of doc.aggregates) assert.equal(a.suppressed, a.count === null);
      const two = doc.aggregates.filter((a) => (a as { eventType?: string }).eventType === 'execution_punishment');
      assert.deepEqual(two, [{ eventType: 'execution_punishment', year: '2024', place: 'Hyesan', count: null, suppressed: true }], 'two events are under k = 5');
      const huridocs = JSON.parse(await exportText(tumen, 'huridocs')) as { events: Array<{ acts: Array<{ code: string }>; initialDate: string | null; location: { name: string | null } | null }> };
      const coded = huridocs.events.filter((e) => e.initialDate === '2024');
      assert.equal(coded.length, 2);
      assert.deepEqual(coded[0]!.acts.map((a) => a.code), ['01 01 01 01', '01 01 01 03']);
      assert.equal(coded[0]!.location?.name, 'Hyesan');
      const out = new PassThrough();
      await assert.rejects(exportPublic(tumen.store, { format: 'json', out, publishable: ['default'], grid: 0.001 }), /--grid/);
      await assert.rejects(exportPublic(tumen.store, { format: 'json', out, publishable: [] }), /publishable/);
    });
  });
}
