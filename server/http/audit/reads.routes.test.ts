import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api, startTestServer, type TestServer } from '../../test-server.ts';

/** Who read whose identity, and who downloaded which evidence, is in the tamper-evident log. */
describe('reads of protected fields and evidence bytes are logged', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer();
  });
  after(async () => s.close());

  const reads = async () => (await s.tumen.store.audit.list({ limit: 1000 })).filter((e) => e.action.endsWith('.read'));

  test('a record read with ?include=protected is logged once per person, a plain read is not', async () => {
    const person = await api(s, 'POST', '/api/persons', { body: { pseudonym: 'Witness R' }, protected: { realName: 'Logged Read' } });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    const before = (await reads()).length;
    assert.equal((await api(s, 'GET', `/api/records/${person.body.id}`)).status, 200);
    assert.equal((await reads()).length, before);
    const full = await api(s, 'GET', `/api/records/${person.body.id}?include=protected`);
    assert.equal(full.body.protected.realName, 'Logged Read');
    const after = await reads();
    assert.equal(after.length, before + 1);
    assert.deepEqual([after.at(-1)?.action, after.at(-1)?.entityId, after.at(-1)?.detail], ['person.read', person.body.id, { what: 'protected' }]);
  });
});
