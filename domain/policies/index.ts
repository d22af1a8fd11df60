import type { Actor } from '../actor.ts';
import { registerAdminPolicies } from './admin.policies.ts';
import { registerContentPolicies } from './content.policies.ts';
import { PolicySet } from './policy-set.ts';
import type { ContentSubject } from './predicates.ts';

export { PolicySet, type Action, type Subject } from './policy-set.ts';
export { compartmentsAllowing, grantAllows, holdsEveryCompartment, type ContentSubject } from './predicates.ts';

/** Every rule Tumen has, registered explicitly and frozen. */
export function createPolicies(): PolicySet {
  const p = new PolicySet();
  registerContentPolicies(p);
  registerAdminPolicies(p);
  return p.freeze();
}

/** One shared, frozen instance: building it has no effect beyond itself. */
export const POLICIES = createPolicies();

/** What the API sends with each record and source, so the UI never re-implements a rule. */
export interface Abilities {
  read: boolean;
  update: boolean;
  delete: boolean;
  confirm: boolean;
  readProtected: boolean;
}

export function abilitiesFor(actor: Actor, subject: 'record' | 'source', item: ContentSubject, policies: PolicySet = POLICIES): Abilities {
  return {
    read: policies.can(actor, 'read', subject, item),
    update: policies.can(actor, 'update', subject, item),
    delete: policies.can(actor, 'delete', subject, item),
    confirm: policies.can(actor, 'confirm', subject, item),
    readProtected: policies.can(actor, 'readProtected', subject, item),
  };
}

/** Role-level: may this actor ever see protected person fields? The store asks this on every read. */
export const mayReadProtectedFields = (actor: Actor, policies: PolicySet = POLICIES): boolean =>
  policies.mayAttempt(actor, 'readProtected', 'record');
