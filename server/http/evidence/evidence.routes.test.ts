import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { api, SHARED_DIR, startTestServer, upload, type TestServer } from '../../test-server.ts';
import { attachmentDisposition, safeMediaType } from './evidence.schema.ts';

const SEED = readFileSync(join(SHARED_DIR, 'seeds', '001_feeddc9573ee45e0.txt'));

describe('evidence API', () => {
  let s: TestServer;
  let evidenceId: string;
  before(async () => {
    s = await startTestServer();
    const imported = await upload(s, '회령 report.txt', SEED);
    const list = await api(s, 'GET', `/api/sources/${imported.body.sourceId}/evidence`);
    evidenceId = list.body.items[0].id;
  });
  after(async () => s.close());

  test('GET metadata (200), unknown id (404), malformed id (400)', async () => {
    const meta = await api(s, 'GET', `/api/evidence/${evidenceId}`);
    assert.equal(meta.status, 200);
    assert.equal(meta.body.size, SEED.byteLength);
    assert.equal(meta.body.originalName, '회령 report.txt');
    assert.match(meta.body.mediaType, /^text\/plain/);
    const missing = await api(s, 'GET', `/api/evidence/${randomUUID()}`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { error: { id: 'not_found', message: 'evidence file not found' } });
    assert.equal((await api(s, 'GET', `/api/evidence/${randomUUID()}/content`)).status, 404);
    const bad = await api(s, 'GET', '/api/evidence/123');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.id, 'invalid_input');
  });

  test('GET content: the original bytes, as an attachment, never sniffed', async () => {
    const res = await fetch(`${s.url}/api/evidence/${evidenceId}/content`);
    assert.equal(res.status, 200);
    assert.deepEqual(Buffer.from(await res.arrayBuffer()), SEED);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const disposition = res.headers.get('content-disposition') ?? '';
    assert.match(
      disposition,
      /^attachment; filename="__ report\.txt"; filename\*=UTF-8''%ED%9A%8C%EB%A0%B9%20report\.txt$/,
    );
  });

  test('media types and names cannot inject headers', () => {
    assert.equal(safeMediaType('text/html; charset=utf-8'), 'text/html; charset=utf-8');
    assert.equal(safeMediaType('text/html\r\nSet-Cookie: a=b'), 'application/octet-stream');
    assert.doesNotMatch(attachmentDisposition('a"\r\nb.txt'), /[\r\n]|a"\s/);
  });
});
