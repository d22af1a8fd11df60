import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * Runs a logging server in a child process (pino writes straight to fd 1) and reads what it
 * logged for a testimony upload: no client address, no query string, no body.
 */
test('request logs carry method and path only: no IP, no query, no body', () => {
  const script = `
    import { startServer } from './server/main.ts';
    import { startTestServer } from './server/test-server.ts';
    const t = await startTestServer();
    const s = await startServer(t.tumen, { port: 0 });
    await fetch(s.url + '/api/sources?publisher=SECRET-QUERY', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    await fetch(s.url + '/api/sources', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'T', text: 'SECRET-TESTIMONY' }) });
    await fetch(s.url + '/api/sources', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title": SECRET-BROKEN' });
    await s.close();
    await t.close();
  `;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
  const requests = lines.filter((l) => l.req);
  assert.ok(requests.length >= 3, run.stdout);
  for (const l of requests) assert.deepEqual(Object.keys(l.req).sort(), ['method', 'url']);
  const text = lines
    .filter((l) => l.reqId)
    .map((l) => JSON.stringify(l))
    .join('\n');
  assert.doesNotMatch(text, /127\.0\.0\.1|203\.0\.113|remoteAddress|remotePort|SECRET/);
});
