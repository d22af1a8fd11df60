import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TumenRecord } from '../../domain/records.ts';
import {
  coarsenPoint,
  inPublishableCompartments,
  isCoarse,
  isConfirmed,
  isPublicKind,
  publicCitation,
  publicFields,
  publicPlaceName,
  suppress,
} from './redaction-rules.ts';

const rec = (kind: string, body: Record<string, unknown>, status = 'confirmed') => ({ id: 'r', kind, status, body, citations: [] }) as unknown as TumenRecord;

test('R1: persons, cases, statuses, consents and involvements are never public kinds', () => {
  for (const kind of ['person', 'case', 'case_status', 'case_consent', 'involvement', 'place', 'organization']) assert.equal(isPublicKind(rec(kind, {})), false, kind);
  for (const kind of ['event', 'installation', 'observation', 'figure']) assert.equal(isPublicKind(rec(kind, {})), true, kind);
});

test('R2: only confirmed records', () => {
  assert.equal(isConfirmed(rec('event', {}, 'candidate')), false);
  assert.equal(isConfirmed(rec('event', {}, 'rejected')), false);
  assert.equal(isConfirmed(rec('event', {}, 'confirmed')), true);
});

test('R3: every compartment must be publishable; none at all is not publishable', () => {
  const pub = new Set(['default']);
  assert.equal(inPublishableCompartments(['default'], pub), true);
  assert.equal(inPublishableCompartments(['default', 'witnesses'], pub), false);
  assert.equal(inPublishableCompartments([], pub), false);
});

test('R4: free text is never published (titles, descriptions, notes, labels)', () => {
  const event = publicFields(rec('event', { type: 'arrest_detention', title: 'T-SECRET', description: 'D-SECRET', start: null, end: null, count: null, placeId: 'p' }));
  const inst = publicFields(rec('installation', { kind: 'camera', label: 'L-SECRET', segment: 'Hyesan', description: 'D-SECRET' }));
  const obs = publicFields(rec('observation', { action: 'seen', date: null, note: 'N-SECRET', installationId: 'i' }));
  const fig = publicFields(rec('figure', { metric: 'm', value: 1, valueMax: null, unit: 'persons', period: null, qualifier: 'exact', provisional: false, note: 'N-SECRET' }));
  assert.doesNotMatch(JSON.stringify([event, inst, obs, fig]), /SECRET/);
  assert.deepEqual(Object.keys(event), ['type', 'start', 'end', 'count']);
});

test('R5: coordinates snap to a cell centre, never finer than the place’s precision; unknown precision publishes none', () => {
  assert.deepEqual(coarsenPoint([128.1789, 41.4012], 'exact'), [128.15, 41.45]);
  assert.deepEqual(coarsenPoint([128.1789, 41.4012], 'province'), [128.5, 41.5]);
  assert.deepEqual(coarsenPoint([128.1789, 41.4012], 'exact', 0.5), [128.25, 41.25]);
  assert.deepEqual(coarsenPoint([128.1789, 41.4012], 'exact', 0.001), [128.175, 41.405]);
  assert.equal(coarsenPoint([128.1789, 41.4012], 'unknown'), null);
  assert.equal(isCoarse(128.15, 0.1), true);
  assert.equal(isCoarse(128.1789, 0.1), false);
});

test('R6/R8: citations carry title, outlet, date, URL, never the quote; testimony is withheld', () => {
  const news = publicCitation({ kind: 'news_report', title: 'Report', publisher: 'Outlet', published: { value: '2023-10' }, url: 'https://example.org/a' });
  assert.deepEqual(news, { title: 'Report', outlet: 'Outlet', date: '2023-10', url: 'https://example.org/a' });
  const testimony = publicCitation({ kind: 'testimony', title: 'Interview with Kim', publisher: 'NGO', published: null, url: 'https://x' });
  assert.deepEqual(testimony, { title: 'testimony (withheld)', outlet: '', date: null, url: '' });
  assert.equal(publicCitation({ kind: 'news_report', title: 't', publisher: '', published: null, url: 'file:///home/a' }).url, '');
});

test('R7: counts under k are suppressed', () => {
  assert.deepEqual(suppress(4, 5), { count: null, suppressed: true });
  assert.deepEqual(suppress(5, 5), { count: 5, suppressed: false });
});

test('R9: only gazetteer places are named', () => {
  assert.equal(publicPlaceName({ gazetteerId: 'kp-hyesan', names: { en: 'Hyesan', ko: '', zh: '' } }), 'Hyesan');
  assert.equal(publicPlaceName({ gazetteerId: null, names: { en: 'Safe house on Main St', ko: '', zh: '' } }), null);
});
