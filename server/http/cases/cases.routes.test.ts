import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadDemoCases } from '../../../app/commands/demo-cases.ts';
import { importPaths } from '../../../app/commands/source-importer.ts';
import { loadReferenceData } from '../../../app/commands/demo-loader.ts';
import { SYSTEM_ACTOR } from '../../../domain/actor.ts';
import { SEEDS_DIR, seedFiles } from '../../../test/seeds.ts';
import { testDialects } from '../../../test/databases.ts';
import type { SignedInClient } from '../../test-accounts.ts';
import { startTestServer, type TestServer } from '../../test-server.ts';

const UNKNOWN = '0190a5c0-0000-7000-8000-000000000099';

for (const dialect of testDialects()) {
  describe(`cases API on ${dialect}`, () => {
    let s: TestServer;
    let analyst: SignedInClient;
    let viewer: SignedInClient;
    let engineer: string;
    let hidden: string;
    let unconsented: string;
    before(async () => {
      s = await startTestServer({ dialect, users: true });
      const op = await s.tumen.store.accounts.compartments.operatorUnrestricted(SYSTEM_ACTOR);
      await loadReferenceData(s.tumen, op);
      await importPaths(s.tumen, { paths: seedFiles().filter((f) => f.includes('004_')), actor: op });
      await loadDemoCases(s.tumen.store, op, SEEDS_DIR);
      await s.tumen.store.accounts.compartments.create(op, { id: 'sealed', label: 'Sealed' });
      const sealedOp = await s.tumen.store.accounts.compartments.operatorUnrestricted(SYSTEM_ACTOR);
      hidden = (await s.tumen.store.records.create(sealedOp, { kind: 'case', body: { label: 'Sealed case' }, compartments: ['sealed'] })).id;
      unconsented = (await s.tumen.store.records.create(op, { kind: 'case', body: { label: 'No consent yet', risk: 'detained' } })).id;
      analyst = await s.as('analyst');
      viewer = await s.as('viewer');
    });
    after(async () => s.close());

    test('the register lists the cases the caller may read, with filters', async () => {
      const all = await analyst.request('GET', '/api/case-register');
      assert.equal(all.status, 200, JSON.stringify(all.body));
      const labels = (all.body.items as Array<{ label: string; risk: string; id: string }>).map((c) => c.label);
      assert.equal(labels.length, 3);
      assert.ok(!labels.includes('Sealed case'));
      engineer = (all.body.items as Array<{ risk: string; id: string }>).find((c) => c.risk === 'facing_repatriation')!.id;
      const missing = await analyst.request('GET', '/api/case-register?status=missing');
      assert.deepEqual(missing.body.items.map((c: { risk: string }) => c.risk), ['disappeared']);
      const bad = await analyst.request('GET', '/api/case-register?risk=doomed');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.id, 'invalid_input');
    });

    test('a dossier: cited statuses; a sealed case is 404 exactly like an unknown id', async () => {
      const d = await viewer.request('GET', `/api/cases/${engineer}/dossier`);
      assert.equal(d.status, 200);
      assert.equal(d.body.statuses.length, 3);
      assert.match(d.body.statuses[2].sources[0].quote, /waiting to be repatriated/);
      assert.equal(d.body.person.protected, undefined);
      const sealed = await analyst.request('GET', `/api/cases/${hidden}/dossier`);
      const unknown = await analyst.request('GET', `/api/cases/${UNKNOWN}/dossier`);
      assert.equal(sealed.status, 404);
      assert.deepEqual(sealed.body, unknown.body);
    });

    test('an appeal draft as HTML; refusals are 4xx with stable ids', async () => {
      const ok = await analyst.request('POST', `/api/cases/${engineer}/appeal`, { kind: 'wgad', format: 'html' });
      assert.equal(ok.status, 200);
      assert.match(ok.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(ok.headers.get('content-disposition') ?? '', /attachment; filename="wgad-/);
      assert.match(ok.body as string, /<sup><a href="#fn-1"/);
      const cases: Array<[string, unknown, SignedInClient, number, string]> = [
        [unconsented, { kind: 'urgent-appeal' }, analyst, 400, 'consent_missing'],
        [hidden, { kind: 'urgent-appeal' }, analyst, 404, 'not_found'],
        [UNKNOWN, { kind: 'urgent-appeal' }, analyst, 404, 'not_found'],
        [engineer, { kind: 'urgent-appeal', includeProtected: true }, viewer, 403, 'protected_forbidden'],
        [engineer, { kind: 'letter' }, analyst, 400, 'invalid_input'],
        [engineer, { kind: 'wgad', format: 'docx' }, analyst, 400, 'invalid_input'],
      ];
      for (const [id, body, who, status, errorId] of cases) {
        const r = await who.request('POST', `/api/cases/${id}/appeal`, body);
        assert.equal(r.status, status, `${JSON.stringify(body)}: ${JSON.stringify(r.body)}`);
        assert.equal(r.body.error.id, errorId);
      }
    });
  });
}
