import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { RECORD_KINDS } from '../../../domain/records.ts';
import { testDialects } from '../../../test/databases.ts';
import { api, startTestServer, type TestServer } from '../../test-server.ts';
import { KIND_PATHS } from './record-kinds.ts';

const TEXT = 'On October 9 China forcibly repatriated about 600 North Koreans from Dandong.';

for (const dialect of testDialects()) {
  describe(`records API (${dialect})`, () => {
    let s: TestServer;
    let sourceId: string;
    let placeId: string;
    const cite = (start = 3, end = 12) => ({ sourceId, start, end, quote: '' });

    before(async () => {
      s = await startTestServer({ dialect });
      sourceId = (await api(s, 'POST', '/api/sources', { title: 'Daily NK report', text: TEXT })).body.id;
      const place = await api(s, 'POST', '/api/places', {
        body: { names: { en: 'Dandong', ko: '단둥', zh: '丹东' }, kind: 'city', country: 'CN' },
      });
      assert.equal(place.status, 201, JSON.stringify(place.body));
      placeId = place.body.id;
    });
    after(async () => s.close());

    test('POST /api/records validates the body for its kind and requires citations where the kind does', async () => {
      const event = await api(s, 'POST', '/api/records', {
        kind: 'event',
        body: {
          type: 'forced_repatriation',
          title: 'Dandong repatriation',
          start: { value: '2023-10-09' },
          placeId,
          count: { value: 600, qualifier: 'about' },
        },
        citations: [cite()],
      });
      assert.equal(event.status, 201, JSON.stringify(event.body));
      assert.equal(event.body.kind, 'event');
      assert.equal(event.body.citations[0].quote, 'October 9');
      const cases: Array<[unknown, RegExp]> = [
        [{ kind: 'event', body: { type: 'forced_repatriation' } }, /must cite/],
        [{ kind: 'event', body: { type: 'picnic' }, citations: [cite()] }, /body\.body\.type/],
        [{ kind: 'unicorn', body: {} }, /body\.kind/],
        [{ kind: 'person', body: {} }, /body\.body\.pseudonym/],
        [{ kind: 'organization', body: { name: 'MSS' }, protected: { realName: 'x' } }, /protected/],
        [{ kind: 'event', body: { type: 'other', placeId: randomUUID() }, citations: [cite()] }, /placeId/],
        [
          { kind: 'event', body: { type: 'other' }, citations: [{ ...cite(), quote: 'wrong words' }] },
          /quote does not match/,
        ],
        [{ kind: 'event', body: { type: 'other' }, citations: [cite()], extra: 1 }, /extra|Unrecognized/],
      ];
      for (const [input, message] of cases) {
        const r = await api(s, 'POST', '/api/records', input);
        assert.equal(r.status, 400, JSON.stringify(input));
        assert.equal(r.body.error.id, 'invalid_input');
        assert.match(r.body.error.message, message);
      }
    });

    test('every kind has its list and create alias, with the kind fixed', async () => {
      for (const kind of RECORD_KINDS) {
        const r = await api(s, 'GET', `/api/${KIND_PATHS[kind]}`);
        assert.equal(r.status, 200, kind);
        assert.ok(
          r.body.items.every((i: { kind: string }) => i.kind === kind),
          kind,
        );
        const bad = await api(s, 'POST', `/api/${KIND_PATHS[kind]}`, { body: 'not an object' });
        assert.equal(bad.status, 400, kind);
        assert.equal(bad.body.error.id, 'invalid_input');
      }
      const org = await api(s, 'POST', '/api/organizations', {
        body: { name: 'Ministry of State Security', acronym: 'MSS', kind: 'state_agency', country: 'CN' },
      });
      assert.equal(org.status, 201);
      assert.equal(org.body.kind, 'organization');
      const figure = await api(s, 'POST', '/api/figures', {
        body: { metric: 'forced repatriations', value: 600, qualifier: 'about', placeId },
        citations: [cite(46, 49)],
      });
      assert.equal(figure.status, 201, JSON.stringify(figure.body));
      const figures = await api(s, 'GET', `/api/figures?metric=${encodeURIComponent('forced repatriations')}`);
      assert.deepEqual(
        figures.body.items.map((i: { id: string }) => i.id),
        [figure.body.id],
      );
    });

    test('GET one, list filters, and the same 404 for any unknown or deleted id', async () => {
      const ev = await api(s, 'POST', '/api/events', {
        body: { type: 'arrest_detention', start: { value: '2021-03' }, placeId },
        citations: [cite()],
      });
      const got = await api(s, 'GET', `/api/records/${ev.body.id}`);
      assert.equal(got.status, 200);
      assert.equal(got.body.body.type, 'arrest_detention');
      const filtered = await api(
        s,
        'GET',
        `/api/records?kind=event&type=arrest_detention&placeId=${placeId}&sourceId=${sourceId}&from=2021&to=2021-12&status=confirmed`,
      );
      assert.deepEqual(
        filtered.body.items.map((i: { id: string }) => i.id),
        [ev.body.id],
      );
      const none = await api(s, 'GET', '/api/records?kind=event&from=1990&to=1991');
      assert.deepEqual(none.body.items, []);
      for (const q of ['kind=unicorn', 'status=maybe', 'placeId=x', 'limit=9999', 'to=2021-02-30']) {
        const r = await api(s, 'GET', `/api/records?${q}`);
        assert.equal(r.status, 400, q);
        assert.equal(r.body.error.id, 'invalid_input');
      }
      const person = await api(s, 'POST', '/api/persons', { body: { pseudonym: 'Witness K' } });
      assert.equal((await api(s, 'DELETE', `/api/records/${person.body.id}`)).status, 204);
      const deleted = await api(s, 'GET', `/api/records/${person.body.id}`);
      const unknown = await api(s, 'GET', `/api/records/${randomUUID()}`);
      assert.equal(deleted.status, 404);
      assert.deepEqual(deleted.body, unknown.body);
      assert.deepEqual(unknown.body, { error: { id: 'not_found', message: 'record not found' } });
      assert.equal((await api(s, 'DELETE', `/api/records/${person.body.id}`)).status, 404);
      assert.equal((await api(s, 'GET', '/api/records/nope')).status, 400);
    });

    test('protected person fields appear only with ?include=protected', async () => {
      const created = await api(s, 'POST', '/api/persons', {
        body: { pseudonym: 'Witness L', sex: 'female' },
        protected: { realName: '김영희', contact: 'Signal' },
      });
      assert.equal(created.status, 201);
      assert.equal('protected' in created.body, false);
      const id = created.body.id;
      assert.equal('protected' in (await api(s, 'GET', `/api/records/${id}`)).body, false);
      const list = await api(s, 'GET', '/api/persons');
      assert.ok(list.body.items.every((p: Record<string, unknown>) => !('protected' in p)));
      const withProt = await api(s, 'GET', `/api/records/${id}?include=protected`);
      assert.equal(withProt.body.protected.realName, '김영희');
      const listProt = await api(s, 'GET', '/api/persons?include=protected');
      assert.equal(listProt.body.items.find((p: { id: string }) => p.id === id).protected.contact, 'Signal');
      assert.equal((await api(s, 'GET', `/api/records/${id}?include=everything`)).status, 400);
    });

    test('PATCH merges body and protected fields, checks versions and validates for the kind', async () => {
      const created = await api(s, 'POST', '/api/persons', {
        body: { pseudonym: 'Witness M', ageGroup: '30s' },
        protected: { realName: 'A', contact: 'B' },
      });
      const id = created.body.id;
      const patched = await api(s, 'PATCH', `/api/records/${id}?include=protected`, {
        body: { notes: 'crossed in 2019' },
        protected: { contact: 'C' },
        expectedVersion: 1,
      });
      assert.equal(patched.status, 200, JSON.stringify(patched.body));
      assert.equal(patched.body.version, 2);
      assert.deepEqual(
        [patched.body.body.pseudonym, patched.body.body.ageGroup, patched.body.body.notes],
        ['Witness M', '30s', 'crossed in 2019'],
      );
      assert.deepEqual([patched.body.protected.realName, patched.body.protected.contact], ['A', 'C']);
      const status = await api(s, 'PATCH', `/api/records/${id}`, { status: 'candidate' });
      assert.equal(status.body.status, 'candidate');
      assert.equal('protected' in status.body, false);
      const stale = await api(s, 'PATCH', `/api/records/${id}`, { body: { notes: 'x' }, expectedVersion: 1 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.id, 'conflict');
      const bad = await api(s, 'PATCH', `/api/records/${id}`, { body: { sex: 'robot' } });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.id, 'invalid_input');
      assert.equal((await api(s, 'PATCH', `/api/records/${id}`, { status: 'maybe' })).status, 400);
      const missing = await api(s, 'PATCH', `/api/records/${randomUUID()}`, { status: 'confirmed' });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.id, 'not_found');
    });

    test('citations: add (201), remove (204), never the last of an event, 404 for unknown ones', async () => {
      const ev = await api(s, 'POST', '/api/events', { body: { type: 'other' }, citations: [cite()] });
      const id = ev.body.id;
      const added = await api(s, 'POST', `/api/records/${id}/citations`, {
        ...cite(46, 49),
        note: 'the count',
        credibility: 2,
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      assert.equal(added.body.quote, '600');
      const bad = await api(s, 'POST', `/api/records/${id}/citations`, { ...cite(10, 5) });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.id, 'invalid_input');
      assert.equal((await api(s, 'POST', `/api/records/${randomUUID()}/citations`, cite())).status, 404);
      assert.equal((await api(s, 'DELETE', `/api/records/${id}/citations/${added.body.id}`)).status, 204);
      const last = ev.body.citations[0].id;
      const keep = await api(s, 'DELETE', `/api/records/${id}/citations/${last}`);
      assert.equal(keep.status, 400);
      assert.match(keep.body.error.message, /at least one citation/);
      const unknown = await api(s, 'DELETE', `/api/records/${id}/citations/${randomUUID()}`);
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.id, 'not_found');
    });

    test('cursor pagination walks every record once', async () => {
      const all = await api(s, 'GET', '/api/records?limit=500');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: Array<{ id: string }>; nextCursor: string | null } } = await api(
          s,
          'GET',
          `/api/records?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.items.map((i) => i.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      assert.ok(seen.length >= 5);
      assert.deepEqual(
        seen,
        all.body.items.map((i: { id: string }) => i.id),
      );
    });
  });
}
