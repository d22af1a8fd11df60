import type { PolicySet } from './policy-set.ts';

/** Accounts, settings and compartments are the admin's; every signed-in user manages their own account. */
export function registerAdminPolicies(p: PolicySet): void {
  p.allow(['admin'], 'manage', 'user');
  p.allow(['admin'], 'manage', 'settings');
  p.allow(['admin'], 'manage', 'compartment');
  p.allow(['admin', 'analyst', 'viewer'], 'read', 'compartment');
  // The log names who touched which entity: reading it whole is an admin's investigation tool.
  p.allow(['admin'], 'read', 'audit');
  p.allow(['admin', 'analyst', 'viewer'], 'manage', 'ownAccount');
}
