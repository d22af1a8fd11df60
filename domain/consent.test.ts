import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consentCovers, consentStatement } from './consent.ts';
import { caseConsentBodySchema } from './records.ts';

const consent = (id: string, body: Record<string, unknown>) => ({ id, body: caseConsentBodySchema.parse({ caseId: '0190a5c0-0000-7000-8000-000000000001', givenBy: 'victim', ...body }) });
const TODAY = '2026-01-15';

test('no consent at all: missing', () => {
  const d = consentCovers([], 'un_communication', TODAY);
  assert.equal(d.ok, false);
  assert.equal(!d.ok && d.reason, 'consent_missing');
});

test('a consent to publication does not cover a UN communication', () => {
  const d = consentCovers([consent('a', { uses: ['publication'] })], 'un_communication', TODAY);
  assert.equal(!d.ok && d.reason, 'consent_missing');
});

test('a consent in force covers its use; expiry counts to the end of the month it names', () => {
  assert.equal(consentCovers([consent('a', { uses: ['un_communication'], expires: { value: '2026-01', qualifier: 'exact' } })], 'un_communication', TODAY).ok, true);
  const expired = consentCovers([consent('a', { uses: ['un_communication'], expires: { value: '2025-12', qualifier: 'exact' } })], 'un_communication', TODAY);
  assert.equal(!expired.ok && expired.reason, 'consent_expired');
});

test('the latest consent wins: a later "none" withdraws, a later yes renews', () => {
  const yes = consent('a', { uses: ['un_communication'], date: { value: '2024-01-01', qualifier: 'exact' } });
  const none = consent('b', { uses: ['none'], date: { value: '2025-01-01', qualifier: 'exact' } });
  const again = consent('c', { uses: ['un_communication', 'publication'], date: { value: '2025-06', qualifier: 'exact' } });
  const withdrawn = consentCovers([none, yes], 'un_communication', TODAY);
  assert.equal(!withdrawn.ok && withdrawn.reason, 'consent_refused');
  const renewed = consentCovers([again, none, yes], 'publication', TODAY);
  assert.equal(renewed.ok && renewed.consent.id, 'c');
});

test('a consent lists at least one use and only known ones', () => {
  assert.equal(caseConsentBodySchema.safeParse({ caseId: '0190a5c0-0000-7000-8000-000000000001', givenBy: 'family', uses: [] }).success, false);
  assert.equal(caseConsentBodySchema.safeParse({ caseId: '0190a5c0-0000-7000-8000-000000000001', givenBy: 'family', uses: ['tweets'] }).success, false);
});

test('a demo consent says it is not real', () => {
  assert.match(consentStatement(consent('a', { uses: ['un_communication'], demoOnly: true }).body), /demo data only: not a real consent/);
});
