// Child process of test/at-rest.test.ts: a real server whose pino logs go to this process's
// stdout, fed canaries through HTTP and the store, then backed up and closed. Prints one JSON line
// (prefixed RESULT) with the data folder and backup path for the parent to scan.
import { join } from 'node:path';
import { writeBackup } from '../app/backup/backup-writer.ts';
import { startServer } from '../server/main.ts';
import { startTestServer } from '../server/test-server.ts';
import { operator, TEST_KDF } from './keys.ts';

const C = process.env.CANARY ?? '';
const t = await startTestServer();
const s = await startServer(t.tumen, { port: 0 });
const html = `<html><head><title>Title ${C}T</title></head><body><article><h1>Report</h1><p>Testimony ${C}X given at the border near Hyesan in March 2024. The witness said ${C}Q about the guards.</p></article></body></html>`;
const imported = await fetch(`${s.url}/api/imports`, {
  method: 'POST',
  headers: { 'content-type': 'text/html', 'x-file-name': encodeURIComponent(`${C}F.html`) },
  body: html,
});
const { sourceId } = (await imported.json()) as { sourceId: string };
if (imported.status !== 201 || !sourceId) throw new Error(`import failed: ${imported.status}`);
const search = await fetch(`${s.url}/api/search?q=${encodeURIComponent(`${C}S`)}`, { headers: { 'x-forwarded-for': `${C}IP` } });
if (search.status !== 200) throw new Error(`search failed: ${search.status}`);

const store = t.tumen.store;
const source = await store.sources.getUnrestricted(sourceId);
const at = source.text.indexOf(`${C}Q`);
await store.records.create(operator, {
  kind: 'organization',
  body: { name: 'Guard unit' },
  citations: [{ sourceId, start: at, end: at + C.length + 1, quote: `${C}Q`, note: '', credibility: 2, rule: null }],
});
await store.records.create(operator, { kind: 'person', body: { pseudonym: 'Witness K' }, protected: { realName: `${C}N`, contact: `${C}P` } });
const backup = join(t.tumen.config.dataDir, '..', 'at-rest.backup');
await writeBackup(t.tumen, backup, 'backup passphrase for the test', { actor: operator, kdf: TEST_KDF });
await s.close();
await t.app.close();
await t.tumen.close();
console.log(`RESULT ${JSON.stringify({ data: t.tumen.config.dataDir, backup })}`);
