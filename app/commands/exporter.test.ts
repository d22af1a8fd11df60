import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { resolveConfig } from '../config.ts';
import type { Tumen } from '../tumen.ts';
import { openTestTumen } from '../../test/keys.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/databases.ts';
import { analyst } from '../../test/factories.ts';
import { seedFiles } from '../../test/seeds.ts';
import { EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import { loadReferenceData } from './demo-loader.ts';
import { exportAll, type ExportFormat } from './exporter.ts';
import { importPaths } from './source-importer.ts';

async function exportTo(tumen: Tumen, file: string, format: ExportFormat = 'json', includeProtected = true): Promise<string> {
  const out = createWriteStream(file);
  await exportAll(tumen, { format, out, actor: analyst, includeProtected });
  out.end();
  await finished(out);
  return readFileSync(file, 'utf8');
}

for (const dialect of testDialects()) {
  describe(`export on ${dialect}`, () => {
    const opened: Array<{ tumen: Tumen; tdb: TestDatabase }> = [];
    async function fresh(): Promise<Tumen> {
      const tdb = await createTestDatabase(dialect);
      const env = dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {};
      const tumen = await openTestTumen(resolveConfig({ data: join(tdb.dir, 'data'), env }));
      opened.push({ tumen, tdb });
      return tumen;
    }
    let a: Tumen;
    before(async () => {
      a = await fresh();
      await loadReferenceData(a, analyst);
      await importPaths(a, { paths: seedFiles(), actor: analyst });
      const src = (await a.store.sources.listUnrestricted({ limit: 1 })).items[0]!;
      const full = await a.store.sources.getUnrestricted(src.id);
      const person = await a.store.records.create(analyst, { kind: 'person', body: { pseudonym: 'Witness 7' }, protected: { realName: 'Protected Name', aliases: ['P'] } });
      const event = await a.store.records.create(analyst, {
        kind: 'event',
        status: 'candidate',
        body: { type: 'arrest_detention', start: { value: '2023', qualifier: 'approximate' } },
        citations: [{ sourceId: src.id, start: 0, end: 10, quote: full.text.slice(0, 10), note: 'n', credibility: 3, rule: null }],
      });
      await a.store.records.create(analyst, {
        kind: 'involvement',
        body: { eventId: event.id, actorId: person.id, role: 'victim' },
        citations: [{ sourceId: src.id, start: 2, end: 8, quote: full.text.slice(2, 8), note: '', credibility: 6, rule: null }],
      });
    });
    after(async () => {
      for (const o of opened) {
        await o.tumen.close();
        await o.tdb.drop();
      }
    });

    test('export → import into an empty store → export gives identical JSON', async () => {
      const dir = opened[0]!.tdb.dir;
      const first = await exportTo(a, join(dir, 'one.json'));
      const parsed = JSON.parse(first) as { items: Array<{ type: string }> };
      assert.ok(parsed.items.filter((i) => i.type === 'source').length >= 5);
      assert.ok(first.includes('Protected Name'), 'an explicit full export carries protected fields');
      const b = await fresh();
      const results = await importPaths(b, { paths: [join(dir, 'one.json')], actor: analyst });
      assert.equal(results[0]?.status, 'imported', JSON.stringify(results[0]?.error));
      const second = await exportTo(b, join(dir, 'two.json'));
      assert.equal(second, first);
      const again = await importPaths(b, { paths: [join(dir, 'one.json')], actor: analyst });
      assert.equal(again[0]?.status, 'duplicate');
    });

    test('protected fields stay out of an export unless asked for', async () => {
      const text = await exportTo(a, join(opened[0]!.tdb.dir, 'plain.json'), 'json', false);
      assert.equal(text.includes('Protected Name'), false);
    });

    test('a truncated or corrupted export restores nothing', async () => {
      const dir = opened[0]!.tdb.dir;
      const full = readFileSync(join(dir, 'one.json'), 'utf8').split('\n');
      writeFileSync(join(dir, 'cut.json'), full.slice(0, Math.floor(full.length / 2)).join('\n'));
      writeFileSync(join(dir, 'bad.json'), [full[0], full[1], '{not json', ...full.slice(2)].join('\n'));
      const c = await fresh();
      const results = await importPaths(c, { paths: [join(dir, 'cut.json'), join(dir, 'bad.json')], actor: analyst });
      assert.deepEqual(results.map((r) => r.error?.id), ['import_truncated', 'import_invalid_export']);
      assert.equal(await c.store.sources.countUnrestricted(), 0);
      assert.equal(await c.store.records.countUnrestricted(), 0);
      assert.ok(full.some((l) => l.includes('"type":"evidence"') && !l.includes('"blob":null')), 'the export carries evidence files');
      const left: string[] = [];
      for await (const name of new EncryptedBlobStore(c.config.blobDir, c.vault.sealer).names()) left.push(name);
      assert.deepEqual(left, [], 'the files written before the bad line were removed');
    });

    test('CSV has one row per record and GeoJSON places every located record with its precision', async () => {
      const dir = opened[0]!.tdb.dir;
      const csv = await exportTo(a, join(dir, 'x.csv'), 'csv');
      const rows = csv.trim().split('\n').filter((l) => /^[0-9a-f]{8}-/.test(l));
      assert.equal(rows.length, await a.store.records.countUnrestricted());
      const geo = JSON.parse(await exportTo(a, join(dir, 'x.geojson'), 'geojson')) as { features: Array<{ properties: { kind: string; precision: string }; geometry: { type: string } }> };
      assert.ok(geo.features.length >= 100);
      assert.ok(geo.features.every((f) => f.geometry.type === 'Point' && typeof f.properties.precision === 'string'));
    });
  });
}
