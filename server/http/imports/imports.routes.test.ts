import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SHARED_DIR, startTestServer, upload, type TestServer } from '../../test-server.ts';
import { fileNameOf } from './imports.schema.ts';

const SEED = readFileSync(join(SHARED_DIR, 'seeds', '001_feeddc9573ee45e0.txt'));
const UPLOAD_LIMIT = 256 * 1024;

describe('imports API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ uploadLimit: UPLOAD_LIMIT });
  });
  after(async () => s.close());

  const sourceCount = () => s.tumen.store.sources.countUnrestricted();

  test('a seed file imports (201), the same bytes again are a duplicate (200)', async () => {
    const first = await upload(s, '001_feeddc9573ee45e0.txt', SEED);
    assert.equal(first.status, 201, JSON.stringify(first.body));
    assert.equal(first.body.status, 'imported');
    assert.match(first.body.sourceId, /^[0-9a-f-]{36}$/);
    assert.equal(first.body.file, '001_feeddc9573ee45e0.txt');
    const source = await s.tumen.store.sources.getUnrestricted(first.body.sourceId);
    assert.ok(source.text.length > 100);
    const again = await upload(s, 'renamed.txt', SEED);
    assert.equal(again.status, 200);
    assert.equal(again.body.status, 'duplicate');
    assert.equal(again.body.sourceId, first.body.sourceId);
    assert.equal(await sourceCount(), 1);
  });

  test('a bad file is a 422 with the importer error id and leaves the store unchanged', async () => {
    const before = await sourceCount();
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const cases: Array<[string, Uint8Array, string]> = [
      ['garbage.txt', garbage, 'import_binary'],
      ['empty.txt', new Uint8Array(0), 'import_empty'],
      ['blank.txt', new TextEncoder().encode('   \n\n  '), 'import_empty'],
      ['photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), 'import_'],
    ];
    for (const [name, bytes, id] of cases) {
      const r = await upload(s, name, bytes);
      assert.equal(r.status, 422, `${name}: ${JSON.stringify(r.body)}`);
      assert.ok(r.body.error.id.startsWith(id), `${name}: ${r.body.error.id}`);
      assert.equal(typeof r.body.error.message, 'string');
    }
    assert.equal(await sourceCount(), before);
  });

  test('a file over the upload limit is a 413 and changes nothing', async () => {
    const before = await sourceCount();
    const r = await upload(s, 'huge.txt', new Uint8Array(UPLOAD_LIMIT + 1).fill(0x41));
    assert.equal(r.status, 413);
    assert.equal(r.body.error.id, 'payload_too_large');
    assert.equal(await sourceCount(), before);
  });

  test('the file name header is required (400) and any Content-Type is taken as the raw file', async () => {
    const missing = await fetch(`${s.url}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: SEED,
    });
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { error: { id: string } }).error.id, 'invalid_input');
    const md = new TextEncoder().encode('# 두만강 보고서\n\nA new fence was seen near Hoeryong in 2024.\n');
    const asText = await fetch(`${s.url}/api/imports`, {
      method: 'POST',
      headers: { 'content-type': 'text/markdown', 'x-file-name': encodeURIComponent('보고서.md') },
      body: md,
    });
    assert.equal(asText.status, 201);
    assert.equal(((await asText.json()) as { file: string }).file, '보고서.md');
  });

  test('file names lose folders and control characters', () => {
    assert.equal(fileNameOf('..%2F..%2Fetc%2Fpasswd.txt'), 'passwd.txt');
    assert.equal(fileNameOf('C:\\Users\\x\\report.pdf'), 'report.pdf');
    assert.equal(fileNameOf('a%0Ab.txt'), 'ab.txt');
    assert.equal(fileNameOf('100%.txt'), '100%.txt');
  });
});
