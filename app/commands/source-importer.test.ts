import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig } from '../config.ts';
import type { Tumen } from '../tumen.ts';
import { openTestTumen } from '../../test/keys.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/databases.ts';
import { analyst } from '../../test/factories.ts';
import { seedFiles } from '../../test/seeds.ts';
import { sql } from 'kysely';
import { ForbiddenError } from '../../domain/errors.ts';
import { EncryptedBlobStore } from '../../store/encrypted-blob-store.ts';
import { importDocument, importPaths } from './source-importer.ts';
import { verifyTumen } from './verifier.ts';

async function snapshot(t: Tumen) {
  return { sources: await t.store.sources.countUnrestricted(), records: await t.store.records.countUnrestricted(), audit: await t.store.audit.count() };
}

const fileCount = async (t: Tumen) => {
  let n = 0;
  for await (const name of new EncryptedBlobStore(t.config.blobDir, t.vault.sealer).names()) n += name ? 1 : 0;
  return n;
};

/** Makes every insert into evidence_files fail, as a full disk or a lost connection would, mid-transaction. */
async function breakEvidenceInserts(t: Tumen, broken: boolean): Promise<void> {
  const db = t.store.db;
  if (t.store.dialect === 'sqlite') {
    if (broken) await sql`CREATE TRIGGER break_evidence BEFORE INSERT ON evidence_files BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`.execute(db);
    else await sql`DROP TRIGGER break_evidence`.execute(db);
    return;
  }
  if (broken) {
    await sql`CREATE FUNCTION break_evidence() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated failure'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER break_evidence BEFORE INSERT ON evidence_files FOR EACH ROW EXECUTE FUNCTION break_evidence()`.execute(db);
  } else {
    await sql`DROP TRIGGER break_evidence ON evidence_files`.execute(db);
    await sql`DROP FUNCTION break_evidence()`.execute(db);
  }
}

for (const dialect of testDialects()) {
  describe(`import on ${dialect}`, () => {
    let tdb: TestDatabase;
    let tumen: Tumen;
    before(async () => {
      tdb = await createTestDatabase(dialect);
      const env = dialect === 'postgres' ? { TUMEN_DATABASE_URL: tdb.location } : {};
      tumen = await openTestTumen(resolveConfig({ data: join(tdb.dir, 'data'), env }));
    });
    after(async () => {
      await tumen.close();
      await tdb.drop();
    });

    test('imports the five seeds with their own SHA-256, titles and dates; a second import adds nothing', async () => {
      const files = seedFiles();
      assert.equal(files.length, 5);
      const results = await importPaths(tumen, { paths: files, actor: analyst });
      assert.deepEqual(results.map((r) => r.status), ['imported', 'imported', 'imported', 'imported', 'imported']);
      for (const [i, file] of files.entries()) {
        const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
        const source = await tumen.store.sources.getUnrestricted(results[i]!.sourceId!);
        assert.equal(source.sha256, sha, file);
        const firstLine = readFileSync(file, 'utf8').split('\n').find((l) => l.trim())!.trim();
        assert.ok(firstLine.startsWith(source.title.replace(/…$/, '')), `title of ${file}: ${source.title}`);
        const evidence = await tumen.store.evidence.forSourceUnrestricted(source.id);
        assert.equal(evidence[0]?.sha256, sha);
        assert.deepEqual(await tumen.blobs.get(sha), new Uint8Array(readFileSync(file)));
      }
      const dated = await tumen.store.sources.getUnrestricted(results[1]!.sourceId!);
      assert.deepEqual(dated.published, { value: '2023-09-08', qualifier: 'exact' });
      const before = await snapshot(tumen);
      const again = await importPaths(tumen, { paths: files, actor: analyst });
      assert.ok(again.every((r) => r.status === 'duplicate'));
      assert.deepEqual(await snapshot(tumen), before);
    });

    test('bad files each get one reason, leave the store as it was, and the good file still imports', async () => {
      const dir = join(tdb.dir, 'bad');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a-empty.txt'), '');
      writeFileSync(join(dir, 'b-garbage.txt'), Buffer.from([0, 159, 146, 150, 0, 1, 2, 255, 254, 0]));
      writeFileSync(join(dir, 'c-truncated.pdf'), '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');
      writeFileSync(join(dir, 'd-not-a-pdf.pdf'), 'just text pretending');
      writeFileSync(join(dir, 'f-unknown.docx'), 'PK\u0003\u0004');
      copyFileSync(seedFiles()[0]!, join(dir, 'g-good.txt'));
      writeFileSync(join(dir, 'g-good.txt'), `${readFileSync(join(dir, 'g-good.txt'), 'utf8')}\nA fresh line so the hash is new.`);
      const before = await snapshot(tumen);
      const results = await importPaths(tumen, { paths: [dir], actor: analyst, maxBytes: 1024 * 1024 });
      const byName = Object.fromEntries(results.map((r) => [r.file.split('/').pop(), r]));
      const failedIds = Object.fromEntries(results.filter((r) => r.status === 'failed').map((r) => [r.file.split('/').pop(), r.error?.id]));
      assert.equal(byName['g-good.txt']?.status, 'imported');
      assert.deepEqual(Object.keys(failedIds).sort(), ['a-empty.txt', 'b-garbage.txt', 'c-truncated.pdf', 'd-not-a-pdf.pdf', 'f-unknown.docx']);
      for (const r of results.filter((x) => x.status === 'failed')) {
        assert.match(r.error!.id, /^import_/);
        assert.ok(r.error!.message.length > 5 && !r.error!.message.includes('\n'), r.error!.message);
      }
      const after = await snapshot(tumen);
      assert.equal(after.sources, before.sources + 1, 'only the good file was added');
      writeFileSync(join(tdb.dir, 'e-big.txt'), 'x'.repeat(2048));
      const small = await importPaths(tumen, { paths: [join(tdb.dir, 'e-big.txt')], actor: analyst, maxBytes: 1000 });
      assert.equal(small[0]?.error?.id, 'import_too_large');
      assert.equal((await snapshot(tumen)).sources, after.sources);
    });
    test('an import refused with 403 writes no file', async () => {
      await tumen.store.accounts.compartments.create(analyst, { id: 'partner', label: 'Partner' });
      const files = await fileCount(tumen);
      const bytes = new TextEncoder().encode('A report for a compartment the analyst may not write.\n');
      await assert.rejects(importDocument(tumen, 'refused.txt', bytes, { actor: analyst, compartments: ['partner'] }), ForbiddenError);
      assert.equal(await fileCount(tumen), files);
    });

    test('an import whose transaction fails removes the file it wrote; the retry imports', async () => {
      const files = await fileCount(tumen);
      const bytes = new TextEncoder().encode('A report whose evidence row cannot be written the first time.\n');
      await breakEvidenceInserts(tumen, true);
      try {
        await assert.rejects(importDocument(tumen, 'fails.txt', bytes, { actor: analyst }), /simulated failure/);
      } finally {
        await breakEvidenceInserts(tumen, false);
      }
      assert.equal(await fileCount(tumen), files, 'the orphan was removed');
      assert.equal((await importDocument(tumen, 'fails.txt', bytes, { actor: analyst })).status, 'imported');
      assert.equal(await fileCount(tumen), files + 1);
      const report = await verifyTumen(tumen);
      assert.deepEqual(report.failures, []);
      assert.deepEqual(report.orphanBlobs, []);
    });

    test('verify reports a file no evidence refers to, without failing', async () => {
      await tumen.blobs.put(new TextEncoder().encode('bytes put by hand, never imported'));
      const report = await verifyTumen(tumen);
      assert.deepEqual(report.failures, []);
      assert.equal(report.orphanBlobs.length, 1);
      assert.match(report.orphanBlobs[0]!, /^[0-9a-f]{64}$/);
    });
  });
}
