import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadReferenceData } from '../../../app/commands/demo-loader.ts';
import { SYSTEM_ACTOR } from '../../../domain/actor.ts';
import type { SignedInClient } from '../../test-accounts.ts';
import { startTestServer, type TestServer } from '../../test-server.ts';

describe('public export API', () => {
  let s: TestServer;
  let analyst: SignedInClient;
  before(async () => {
    s = await startTestServer({ users: true });
    const op = await s.tumen.store.accounts.compartments.operatorUnrestricted(SYSTEM_ACTOR);
    await loadReferenceData(s.tumen, op);
    await s.tumen.store.accounts.compartments.create(op, { id: 'sealed', label: 'Sealed' });
    await s.tumen.store.records.create(op, { kind: 'person', body: { pseudonym: 'PSEUDONYM-CANARY' }, protected: { realName: 'REALNAME-CANARY' } });
    analyst = await s.as('analyst');
  });
  after(async () => s.close());

  test('streams the public profile from the compartments named', async () => {
    const r = await analyst.request('GET', '/api/public-export?format=json&publishable=default');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-disposition') ?? '', /tumen-public-\d{4}-\d{2}-\d{2}\.json/);
    const doc = r.body as { profile: string; items: Array<{ kind: string }> };
    assert.equal(doc.profile, 'public');
    assert.ok(doc.items.length > 0 && doc.items.every((i) => i.kind === 'figure'), 'the arrival figures');
    assert.doesNotMatch(JSON.stringify(doc), /CANARY/);
  });

  test('refused before any byte: a compartment not readable looks like one that does not exist; bad grid; viewers', async () => {
    const sealed = await analyst.request('GET', '/api/public-export?publishable=sealed');
    const none = await analyst.request('GET', '/api/public-export?publishable=nowhere');
    assert.equal(sealed.status, 400);
    assert.equal(sealed.body.error.id, 'invalid_input');
    assert.equal(sealed.body.error.message.replace('sealed', 'X'), none.body.error.message.replace('nowhere', 'X'));
    for (const q of ['', '?publishable=default&grid=0.001', '?publishable=default&k=1', '?publishable=default&format=xml']) {
      const r = await analyst.request('GET', `/api/public-export${q}`);
      assert.equal(r.status, 400, q);
      assert.equal(r.body.error.id, 'invalid_input', q);
    }
    const viewer = await (await s.as('viewer')).request('GET', '/api/public-export?publishable=default');
    assert.equal(viewer.status, 403);
  });
});
