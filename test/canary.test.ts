import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { resolveConfig } from '../app/config.ts';
import { openTumen } from '../app/tumen.ts';
import { createTestDatabase, testDialects } from './databases.ts';
import { buildSource } from './factories.ts';
import { testVault, operator } from './keys.ts';
import { filesUnder, scan } from './canary-scan.ts';

/**
 * Encryption at rest, tested from the attacker's side: unique canaries go into every protected
 * field and into evidence files, Tumen is closed, and every byte it left behind is searched
 * (test/canary-scan.ts). Not one may appear.
 */
for (const dialect of testDialects()) {
  describe(`canaries on ${dialect}`, () => {
    test('no protected field or evidence file content appears anywhere at rest', async () => {
      const tdb = await createTestDatabase(dialect);
      const dataDir = join(tdb.dir, 'data');
      const config = resolveConfig({ data: dataDir, env: dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {} });
      const tag = randomBytes(4).toString('hex');
      const c = (name: string) => `CANARY${name}${tag}Q`;
      const canaries = [c('RealName'), c('Alias'), c('Contact'), c('Location'), c('EvidenceText'), c('PhotoBytes'), c('한국어이름')];
      const tumen = await openTumen(config, await testVault(dataDir));
      const photo = await tumen.blobs.put(Buffer.from(`\x89PNG fake photo ${c('PhotoBytes')} `.repeat(50)));
      await tumen.store.records.create(operator, {
        kind: 'person',
        body: { pseudonym: 'Witness K' },
        protected: { realName: c('RealName'), aliases: [c('Alias'), c('한국어이름')], contact: c('Contact'), exactLocation: c('Location'), birthDate: { value: '1987-03', qualifier: 'exact' }, photoSha256: photo.sha256 },
      });
      // An evidence file whose bytes are not the source text (a scan, an original upload).
      const { input, sha256 } = buildSource();
      const evidence = Buffer.from(`%PDF-1.7 original upload ${c('EvidenceText')} `.repeat(200));
      const put = await tumen.blobs.put(evidence);
      await tumen.store.transaction(async (tx) => {
        const source = await tx.sources.create(operator, input, sha256);
        await tx.evidence.attach(operator, { sourceId: source.id, sha256: put.sha256, mediaType: 'application/pdf', size: evidence.length, originalName: 'scan.pdf' });
      });
      const p2 = await tumen.store.records.list(operator, { kind: 'person' }, { includeProtected: true });
      assert.equal(p2.items[0]?.protected?.realName, c('RealName'), 'the canary was really stored');
      await tumen.close();

      const hits: string[] = [];
      const files = filesUnder(dataDir);
      assert.ok(files.some((f) => f.endsWith('keys.json')));
      for (const f of files) hits.push(...scan(f, readFileSync(f), canaries));
      // Blob file names must not be the plaintext SHA-256 either (a leaked copy would confirm them).
      for (const sha of [photo.sha256, put.sha256, createHash('sha256').update(evidence).digest('hex')]) {
        assert.equal(files.some((f) => f.includes(sha)), false, `no file is named by the plaintext SHA-256 ${sha}`);
      }
      if (dialect === 'sqlite') assert.ok(files.some((f) => f.endsWith('tumen.db')), 'the database file was scanned');
      else hits.push(...scan('postgres tables', await dumpAllTables(tdb.location), canaries));
      assert.deepEqual(hits, []);
      await tdb.drop();
    });
  });
}

/** Every column of every table of the database, as PostgreSQL renders it to text. */
async function dumpAllTables(url: string): Promise<Buffer> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    assert.ok(tables.rows.some((t) => t.tablename === 'records'));
    const parts: Buffer[] = [];
    for (const { tablename } of tables.rows) {
      const rows = await client.query<{ t: string }>(`SELECT t::text AS t FROM "${tablename}" t`);
      for (const r of rows.rows) parts.push(Buffer.from(r.t, 'utf8'));
    }
    return Buffer.concat(parts);
  } finally {
    await client.end();
  }
}
