import type { Actor, Role } from '../actor.ts';
import { always, hasRole, type Predicate } from './predicates.ts';

export type Subject = 'record' | 'source' | 'user' | 'settings' | 'compartment' | 'audit' | 'export' | 'ownAccount';
export type Action = 'read' | 'create' | 'update' | 'delete' | 'confirm' | 'readProtected' | 'manage' | 'run';

interface Rule {
  roles: readonly Role[];
  action: Action;
  subject: Subject;
  predicate: Predicate<any>;
}

/**
 * Who may do what, as a list of `allow(roles, action, subject, predicate)` rules (Outline's
 * shape). Nothing is allowed unless a rule says so. Rules are added by explicit `register…`
 * calls (see index.ts), never as a side effect of importing a file.
 */
export class PolicySet {
  private readonly rules: Rule[] = [];
  private frozen = false;

  allow<S>(roles: readonly Role[], action: Action, subject: Subject, predicate: Predicate<S> = always): this {
    if (this.frozen) throw new Error('policies are frozen once built');
    this.rules.push({ roles, action, subject, predicate });
    return this;
  }

  freeze(): this {
    this.frozen = true;
    return this;
  }

  /**
   * The role-level half only: could this actor do `action` on some `subject` at all? Routes ask
   * this before loading anything, so a refusal here (403) depends on nobody's data.
   */
  mayAttempt(actor: Actor, action: Action, subject: Subject): boolean {
    return this.rules.some((r) => r.action === action && r.subject === subject && hasRole(actor, r.roles));
  }

  /** The whole rule, role and predicate, for one item. */
  can<S>(actor: Actor, action: Action, subject: Subject, item: S): boolean {
    return this.rules.some((r) => r.action === action && r.subject === subject && hasRole(actor, r.roles) && r.predicate(actor, item));
  }

  /** For tests and docs: every (action, subject) pair some rule mentions. */
  declared(): Array<{ action: Action; subject: Subject }> {
    const seen = new Map<string, { action: Action; subject: Subject }>();
    for (const r of this.rules) seen.set(`${r.action} ${r.subject}`, { action: r.action, subject: r.subject });
    return [...seen.values()];
  }
}
