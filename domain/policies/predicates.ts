import type { AccessLevel, Actor, Role } from '../actor.ts';

/**
 * Named building blocks for the rules in this folder (after Outline's policies/utils.ts). Each
 * is a pure function of the actor and the thing acted on, so the server, the store and the web
 * app evaluate exactly the same rule.
 */
export type Predicate<S> = (actor: Actor, subject: S) => boolean;

/** What a content rule looks at: the compartments an item belongs to and what kind of item it is. */
export interface ContentSubject {
  compartments: readonly string[];
  /** A record kind ("person", "event"…) or "source". */
  kind?: string;
  status?: string;
}

export const always: Predicate<unknown> = () => true;

export const and =
  <S>(...predicates: Predicate<S>[]): Predicate<S> =>
  (actor, subject) =>
    predicates.every((p) => p(actor, subject));

export const or =
  <S>(...predicates: Predicate<S>[]): Predicate<S> =>
  (actor, subject) =>
    predicates.some((p) => p(actor, subject));

export const hasRole = (actor: Actor, roles: readonly Role[]): boolean => actor.role !== undefined && roles.includes(actor.role);

/** A write grant includes reading. */
export function grantAllows(granted: AccessLevel | undefined, wanted: AccessLevel): boolean {
  return granted === 'write' || (granted === 'read' && wanted === 'read');
}

/**
 * The actor holds `level` on every compartment of the item. Several compartments narrow the
 * audience, never widen it: a record built from a partner's material and a case file is as
 * sensitive as both. An item in no compartment is visible to no one (fail closed).
 */
export const holdsEveryCompartment =
  (level: AccessLevel): Predicate<ContentSubject> =>
  (actor, subject) =>
    subject.compartments.length > 0 && subject.compartments.every((c) => grantAllows(actor.grants?.[c], level));

export const isCandidate: Predicate<ContentSubject> = (_actor, subject) => subject.status === 'candidate';
export const isPerson: Predicate<ContentSubject> = (_actor, subject) => subject.kind === 'person';

/** Compartments the actor may act in at `level`; viewers never write, whatever they were granted. */
export function compartmentsAllowing(actor: Actor, level: AccessLevel): string[] {
  if (!actor.role) return [];
  if (level === 'write' && actor.role === 'viewer') return [];
  return Object.entries(actor.grants ?? {})
    .filter(([, granted]) => grantAllows(granted, level))
    .map(([id]) => id)
    .sort();
}
