import type { Role } from '../actor.ts';
import type { PolicySet } from './policy-set.ts';
import { and, holdsEveryCompartment, isCandidate, isPerson } from './predicates.ts';

const READERS: readonly Role[] = ['admin', 'analyst', 'viewer'];
const WRITERS: readonly Role[] = ['admin', 'analyst'];

/** Sources and records: read where granted read, change where granted write; viewers never change anything. */
export function registerContentPolicies(p: PolicySet): void {
  for (const subject of ['source', 'record'] as const) {
    p.allow(READERS, 'read', subject, holdsEveryCompartment('read'));
    p.allow(WRITERS, 'create', subject, holdsEveryCompartment('write'));
    p.allow(WRITERS, 'update', subject, holdsEveryCompartment('write'));
    p.allow(WRITERS, 'delete', subject, holdsEveryCompartment('write'));
  }
  p.allow(WRITERS, 'confirm', 'record', and(holdsEveryCompartment('write'), isCandidate));
  // Real names, contacts and exact locations of persons: never for viewers.
  p.allow(WRITERS, 'readProtected', 'record', and(holdsEveryCompartment('read'), isPerson));
  // A bulk copy is what an insider takes away: analysts and admins only, and only what they can read.
  p.allow(WRITERS, 'run', 'export');
}
