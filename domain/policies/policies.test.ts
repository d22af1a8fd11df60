import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../actor.ts';
import { abilitiesFor, createPolicies, POLICIES } from './index.ts';

const viewer: Actor = { id: 'v', label: 'v', role: 'viewer', grants: { a: 'write', b: 'read' } };
const analyst: Actor = { id: 'a', label: 'a', role: 'analyst', grants: { a: 'write', b: 'read' } };

test('abilities follow role and every compartment of the item', () => {
  assert.deepEqual(abilitiesFor(analyst, 'record', { compartments: ['a'], kind: 'person', status: 'candidate' }), { read: true, update: true, delete: true, confirm: true, readProtected: true });
  assert.deepEqual(abilitiesFor(analyst, 'record', { compartments: ['a', 'b'], kind: 'person' }), { read: true, update: false, delete: false, confirm: false, readProtected: true });
  assert.deepEqual(abilitiesFor(analyst, 'record', { compartments: ['a', 'c'], kind: 'event' }), { read: false, update: false, delete: false, confirm: false, readProtected: false });
  assert.deepEqual(abilitiesFor(viewer, 'record', { compartments: ['a'], kind: 'person' }), { read: true, update: false, delete: false, confirm: false, readProtected: false });
  assert.equal(abilitiesFor(analyst, 'source', { compartments: [] }).read, false, 'an item in no compartment is no one’s');
});

test('role-level checks depend on no item, and rules are frozen once built', () => {
  assert.equal(POLICIES.mayAttempt(viewer, 'create', 'source'), false);
  assert.equal(POLICIES.mayAttempt(analyst, 'manage', 'user'), false);
  assert.equal(POLICIES.mayAttempt({ id: 'x', label: 'x' }, 'read', 'record'), false, 'no role, no access');
  assert.throws(() => createPolicies().allow(['viewer'], 'manage', 'user'));
});
